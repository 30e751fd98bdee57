// --watch: check, then check again whenever a Python file or a configuration file under the
// paths changes, clearing the screen first, as ruff's watch mode does. Runs never overlap: a
// change during a run starts the next one when it ends. Stops on Ctrl-C.
import { watch } from "chokidar";
import { basename } from "node:path";
import type { CheckTotals, LogLevel } from "./check.js";
import { clearConfigCache, CONFIG_FILES } from "../source/config.js";
import { DEFAULT_EXCLUDES } from "../source/discover.js";

/** Erase the screen and its scrollback, cursor to the top (what `clear` does). */
const CLEAR_SCREEN = "\u001b[2J\u001b[3J\u001b[H";

/** Changes closer together than this are one change (an editor writes a file in steps). */
const SETTLE_MS = 100;

function stamp(): string {
  return new Date().toTimeString().slice(0, 8);
}

export async function watchCheck(paths: readonly string[], run: () => Promise<CheckTotals>, options: { logLevel: LogLevel }): Promise<number> {
  const say = (text: string) => {
    if (options.logLevel === "default") process.stdout.write(`[${stamp()}] ${text}\n`);
  };
  const check = async (first: boolean) => {
    process.stdout.write(CLEAR_SCREEN);
    say(first ? "Starting linter in watch mode..." : "File change detected...");
    const totals = await run();
    for (const e of totals.internalErrors) process.stderr.write(`dumpling: internal error: ${e}\n`);
    return `Found ${totals.diagnostics} error${totals.diagnostics === 1 ? "" : "s"}. Watching for file changes.`;
  };
  const report = async (first: boolean) => say(await check(first));
  const found = await check(true);
  const skipped = new Set(DEFAULT_EXCLUDES);
  const watcher = watch([...paths], {
    ignoreInitial: true,
    ignored: (path, stats) => {
      const name = basename(path);
      if (stats?.isDirectory()) return skipped.has(name);
      return stats?.isFile() ? !(/\.pyi?$/.test(name) || (CONFIG_FILES as readonly string[]).includes(name)) : false;
    },
  });
  // Changes are seen once the watcher has listed the tree: only then is the user told it watches.
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  say(found);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let configChanged = false;
  const start = () => {
    if (running) {
      again = true;
      return;
    }
    if (configChanged) clearConfigCache();
    configChanged = false;
    running = report(false)
      .catch((e: unknown) => {
        process.stderr.write(`dumpling: error: ${e instanceof Error ? e.message : String(e)}\n`);
        say("Watching for file changes.");
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          start();
        }
      });
  };
  watcher.on("all", (_event, path) => {
    if ((CONFIG_FILES as readonly string[]).includes(basename(path))) configChanged = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(start, SETTLE_MS);
  });
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await watcher.close();
  return 0;
}
