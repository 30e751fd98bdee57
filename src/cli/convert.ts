// `dumpling convert`: discover → load → translate every json call → report, and with --out-dir
// one .ts module per Python file (written atomically). Loaded by main.ts with a dynamic import,
// so that ts-morph (and the TypeScript compiler inside it) is loaded only here.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import cliProgress from "cli-progress";
import { loadConfig, translate } from "../api/index.js";
import type { Translation } from "../api/types.js";
import { releaseDeadTrees } from "../backends/native.js";
import { renderConvertJson, renderConvertMarkdown, renderConvertText } from "../report/convert.js";
import { DEFAULT_MAX_BYTES } from "../source/load.js";
import { describeFsError, discover, type Discovered } from "../source/discover.js";
import { RUNTIME } from "../translate/imports.js";
import type { Mode } from "../translate/types.js";
import { ModuleBuilder } from "./modules.js";
import { writeFileAtomic } from "../source/write.js";
import { sourceText } from "./engine.js";

export interface ConvertOptions {
  paths: string[];
  mode: Mode;
  outDir?: string;
  runtime: "package" | "inline";
  outputFormat: "text" | "json" | "markdown";
  stdinFilename?: string;
  /** Told of each directory named in `paths` that holds no Python file. */
  onEmptyDirectory?: (path: string) => void;
}

export interface ConvertOutcome {
  calls: Translation[];
  files: number;
  /** Files that could not be read or translated (one line each, for stderr). */
  errors: string[];
  internalErrors: string[];
  written: string[];
  /** The directory --out-dir's layout is relative to: the common base of the inputs. */
  base: string;
}

/** Progress on stderr: only in a terminal, and only when there are more than a few files. */
const PROGRESS_MIN_FILES = 5;

export async function runConvert(options: ConvertOptions): Promise<ConvertOutcome> {
  const entries = [...discover(options.paths, { onEmptyDirectory: options.onEmptyDirectory })];
  const base = commonBase(options.paths);
  const builder = new ModuleBuilder();
  const outcome: ConvertOutcome = { calls: [], files: 0, errors: [], internalErrors: [], written: [], base };
  const bar =
    process.stderr.isTTY && entries.length > PROGRESS_MIN_FILES
      ? new cliProgress.SingleBar({ stream: process.stderr, format: "converting [{bar}] {value}/{total} files", hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic)
      : null;
  bar?.start(entries.length, 0);
  const modules: { path: string; text: string }[] = [];
  try {
    for (const entry of entries) {
      try {
        convertEntry(entry, options, builder, outcome, modules, base);
      } catch (e) {
        // A bug of ours on one file: that file's internal error; the others are still converted.
        const name = entry.kind === "stdin" ? (options.stdinFilename ?? "-") : entry.path;
        outcome.internalErrors.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
      bar?.increment();
      // Parse trees' native memory is freed only once V8 collects them (see releaseDeadTrees).
      await releaseDeadTrees();
    }
  } finally {
    bar?.stop();
  }
  if (options.outDir) {
    for (const m of modules) {
      try {
        writeFileAtomic(m.path, m.text);
        outcome.written.push(m.path);
      } catch (e) {
        outcome.errors.push(`cannot write \`${m.path}\`: ${describeFsError(e)}`);
      }
    }
    if (options.runtime === "inline" && modules.length > 0) outcome.written.push(...copyRuntime(options.outDir));
  }
  return outcome;
}

function convertEntry(entry: Discovered, options: ConvertOptions, builder: ModuleBuilder, outcome: ConvertOutcome, modules: { path: string; text: string }[], base: string): void {
  if (entry.kind === "error") {
    outcome.errors.push(`cannot read \`${entry.path}\`: ${entry.reason}`);
    return;
  }
  const filename = entry.kind === "stdin" ? (options.stdinFilename ?? "-") : entry.path;
  let bytes: Uint8Array;
  try {
    bytes = entry.kind === "stdin" ? readFileSync(0) : readFileSync(entry.path);
  } catch (e) {
    outcome.errors.push(`cannot read \`${filename}\`: ${describeFsError(e)}`);
    return;
  }
  outcome.files++;
  const decoded = sourceText(bytes, DEFAULT_MAX_BYTES);
  if (!decoded.ok) {
    outcome.errors.push(`cannot read \`${filename}\`: ${decoded.reason}`);
    return;
  }
  const modulePath = options.outDir ? join(options.outDir, entry.kind === "stdin" ? "stdin.ts" : moduleName(base, entry.path)) : null;
  const runtimeModule = modulePath && options.runtime === "inline" ? inlineSpecifier(modulePath, options.outDir as string) : RUNTIME;
  const translations = translate(decoded.text, {
    filename, mode: options.mode, runtimeModule,
    // extend-json-modules, and the project's modules it imports json from.
    extendJsonModules: entry.kind === "file" ? loadConfig(filename).extendJsonModules : undefined,
    onInternalError: (e) => outcome.internalErrors.push(e.message),
  });
  outcome.calls.push(...translations);
  if (modulePath && translations.length > 0) {
    const header = `// Translated from ${filename} by \`dumpling convert --mode ${options.mode}\`: one function per json call,\n// its parameters the free names the call uses. Paste the bodies where the calls were.`;
    modules.push({ path: modulePath, text: builder.module(filename, translations, header) });
  }
}

/**
 * The directory modules are laid out from: the working directory when every input is below it (a
 * module's path is then the one the report names), else the directory every input is in (a
 * directory input is its own), so an absolute or `..` input never mirrors its whole path.
 */
export function commonBase(paths: readonly string[]): string {
  const dirs = paths.filter((p) => p !== "-").map((p) => {
    const abs = resolve(p);
    try {
      return statSync(abs).isDirectory() ? abs : dirname(abs);
    } catch {
      return dirname(abs);
    }
  });
  const cwd = process.cwd();
  const below = (d: string, base: string) => d === base || d.startsWith(base.endsWith(sep) ? base : base + sep);
  if (dirs.every((d) => below(d, cwd))) return cwd;
  let base = dirs[0] as string;
  for (const d of dirs) while (!below(d, base)) base = dirname(base);
  return base;
}

/** app/render.py → app/render.ts, relative to the base; a dot-directory (which tsc skips) loses its dot to an underscore. */
export function moduleName(base: string, file: string): string {
  const rel = relative(base, resolve(file)) || basename(file);
  return rel.split(sep).map((part) => (part.startsWith(".") ? `_${part.slice(1)}` : part)).join(sep).replace(/\.pyi?$/, "") + ".ts";
}

function inlineSpecifier(modulePath: string, outDir: string): string {
  let rel = relative(dirname(modulePath), join(outDir, "runtime", "index.js")).split(sep).join("/");
  if (!rel.startsWith(".")) rel = "./" + rel;
  return rel;
}

/** The runtime's TypeScript source, shipped in the package beside dist/. */
export function runtimeSourceDir(): string {
  for (const candidate of ["../src/runtime/", "../../src/runtime/"]) {
    const dir = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(join(dir, "index.ts"))) return dir;
  }
  throw new Error("the runtime's source (src/runtime) is missing from the installation");
}

function copyRuntime(outDir: string): string[] {
  const from = runtimeSourceDir();
  const to = join(outDir, "runtime");
  mkdirSync(to, { recursive: true });
  const written: string[] = [];
  for (const f of readdirSync(from).filter((f) => f.endsWith(".ts")).sort()) {
    writeFileAtomic(join(to, f), readFileSync(join(from, f), "utf8"));
    written.push(join(to, f));
  }
  return written;
}

export function renderConvert(outcome: ConvertOutcome, options: ConvertOptions): string {
  const written = outcome.written.filter((p) => p.endsWith(".ts") && !p.startsWith(join(options.outDir ?? "", "runtime") + sep)).length;
  const modules = options.outDir ? { outDir: options.outDir, base: outcome.base, count: written } : null;
  switch (options.outputFormat) {
    case "json":
      return renderConvertJson(outcome.calls);
    case "markdown":
      return renderConvertMarkdown(outcome.calls, outcome.files, options.mode, modules);
    default:
      return renderConvertText(outcome.calls, outcome.files, modules);
  }
}
