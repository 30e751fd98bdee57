// The command line. Usage errors and internal errors exit 2 with a message, never a stack trace.
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname } from "node:path";
import { COLOR_MODES, colorsFor, setColors, type ColorMode } from "../report/colors.js";
import { VERSION } from "../core/version.js";
import { RULES, ruleByCode, ruleUrl } from "../rules/index.js";
import { renderRuleDoc } from "../rules/docs.js";
import { parseSelectorList, selectRules, UnknownSelectorError, type Selection } from "../rules/select.js";
import { CheckUsageError, OUTPUT_FORMATS, runCheck, type CheckOptions, type CheckTotals, type LogLevel, type Output, type OutputFormat, type UnsafeFixes } from "./check.js";
import { COMPLETION_SHELLS, completionScript, type Shell } from "./completion.js";
import { ConfigError, findConfig, loadConfigOnce, parseTargetVersion, TARGET_VERSIONS, type DumplingConfig } from "../source/config.js";
import type { FixSettings } from "./engine.js";
import { showFiles, showSettings } from "./show.js";

export class UsageError extends Error {}

/** How long a `check` run goes before it shows a progress bar (on a terminal). */
export const PROGRESS_AFTER_MS = 1000;

function parseThreads(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number, 1 or more");
  return n;
}

function write(s: string): void {
  process.stdout.write(s);
}

/** A directory with nothing to check is not an error (exit codes are unchanged), but it is said. */
function warnEmptyDirectory(path: string): void {
  process.stderr.write(`dumpling: warning: no Python files found in \`${path}\`\n`);
}

/** -o FILE: the report goes there (its directory made if need be), created on the first write, so a run that fails first leaves none. */
function fileWriter(path: string): { write(text: string): void; close(): void; open(): void } {
  let fd: number | null = null;
  const open = () => {
    if (fd !== null) return fd;
    try {
      mkdirSync(dirname(path), { recursive: true });
      fd = openSync(path, "w");
    } catch (e) {
      throw new UsageError(`cannot write the output file \`${path}\`: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    return fd;
  };
  return {
    write(text) {
      writeSync(open(), text);
    },
    open() {
      open();
    },
    close() {
      if (fd !== null) closeSync(fd);
    },
  };
}

interface CheckFlags {
  select?: string;
  ignore?: string;
  extendSelect?: string;
  fixable?: string;
  unfixable?: string;
  extendFixable?: string;
  outputFormat?: OutputFormat;
  outputFile?: string;
  stdinFilename?: string;
  exitZero?: boolean;
  exitNonZeroOnFix?: boolean;
  fix?: boolean;
  unsafeFixes?: boolean;
  showFixes?: boolean;
  diff?: boolean;
  fixOnly?: boolean;
  addNoqa?: boolean;
  statistics?: boolean;
  watch?: boolean;
  config?: string;
  isolated?: boolean;
  exclude?: string;
  forceExclude?: boolean;
  respectGitignore?: boolean;
  targetVersion?: string;
  showFiles?: boolean;
  showSettings?: boolean;
  quiet?: boolean;
  silent?: boolean;
  color?: ColorMode;
  threads: number;
  docsUrl?: string;
}

/** What a `check` command line (and the configuration found from the current directory) asks for. */
function checkOptions(paths: string[], opts: CheckFlags): { options: CheckOptions; root: DumplingConfig | null; colorMode: ColorMode } {
  const list = (value?: string) => (value ? parseSelectorList(value) : undefined);
  const selection: Selection = { select: list(opts.select), ignore: list(opts.ignore), extendSelect: list(opts.extendSelect) };
  const rules = selectRules(selection);
  const fixable = { fixable: list(opts.fixable), unfixable: list(opts.unfixable), extendFixable: list(opts.extendFixable) };
  selectRules({ select: [...(fixable.fixable ?? []), ...(fixable.unfixable ?? []), ...(fixable.extendFixable ?? [])] });
  if (opts.config && opts.isolated) throw new UsageError("--config and --isolated cannot be used together");
  const modes = [opts.addNoqa && "--add-noqa", opts.watch && "--watch", opts.showFiles && "--show-files", opts.showSettings && "--show-settings"].filter(Boolean);
  if (modes.length > 1) throw new UsageError(`${modes.join(" and ")} cannot be used together`);
  if (opts.addNoqa && (opts.fix || opts.fixOnly || opts.diff)) throw new UsageError("--add-noqa cannot be used with --fix, --fix-only or --diff");
  if (opts.addNoqa && paths.includes("-")) throw new UsageError("--add-noqa writes files: it cannot read stdin");
  if (opts.watch && paths.includes("-")) throw new UsageError("--watch cannot read stdin");
  if (opts.watch && opts.outputFile) throw new UsageError("--watch writes to the terminal: it cannot be used with --output-file");
  // The configuration of the current directory (or --config) gives the run's own settings, as ruff's.
  const root = opts.isolated ? null : opts.config ? loadConfigOnce(opts.config) : findConfig(process.cwd());
  const outputFormat = opts.outputFormat ?? root?.outputFormat ?? "text";
  const unsafeSetting = opts.unsafeFixes ?? root?.unsafeFixes;
  const unsafeFixes: UnsafeFixes = unsafeSetting === true ? "enabled" : unsafeSetting === false ? "disabled" : "hint";
  const unsafe = unsafeFixes === "enabled";
  const fixing = opts.fix ?? root?.fix ?? false;
  const fix: FixSettings | undefined = opts.diff ? { mode: "diff", unsafe } : fixing || opts.fixOnly ? { mode: "write", unsafe } : undefined;
  const logLevel: LogLevel = opts.silent ? "silent" : opts.quiet ? "quiet" : "default";
  const options: CheckOptions = {
    paths, rules, outputFormat, stdinFilename: opts.stdinFilename, fix, fixOnly: !!opts.fixOnly, unsafeFixes,
    config: opts.isolated ? undefined : { file: opts.config ?? null, selection },
    fixable: fixable.fixable || fixable.unfixable || fixable.extendFixable ? fixable : undefined,
    exclude: opts.exclude ? opts.exclude.split(",").map((p: string) => p.trim()).filter(Boolean) : [],
    forceExclude: !!opts.forceExclude,
    respectGitignore: opts.respectGitignore ?? root?.respectGitignore ?? true,
    onEmptyDirectory: warnEmptyDirectory,
    threads: opts.threads,
    docsUrl: opts.docsUrl,
    statistics: !!opts.statistics,
    showFixes: opts.showFixes ?? root?.showFixes ?? false,
    addNoqa: !!opts.addNoqa,
    logLevel,
    progress: process.stderr.isTTY ? { stream: process.stderr, afterMs: PROGRESS_AFTER_MS } : null,
  };
  if (opts.targetVersion !== undefined) options.targetVersion = parseTargetVersion(opts.targetVersion, "--target-version");
  return { options, root, colorMode: opts.color ?? "auto" };
}

function exitCode(totals: CheckTotals, options: CheckOptions, opts: CheckFlags): number {
  if (totals.internalErrors.length > 0) return 2;
  if (options.addNoqa) return 0;
  if (options.fix?.mode === "diff") return totals.changes ? 1 : 0;
  const fixedSome = (totals.fixed?.applied ?? 0) > 0;
  if (opts.exitNonZeroOnFix && fixedSome) return 1;
  const failed = options.fixOnly ? false : totals.diagnostics > 0;
  return failed && !opts.exitZero ? 1 : 0;
}

async function check(paths: string[], opts: CheckFlags): Promise<number> {
  const { options, colorMode } = checkOptions(paths, opts);
  if (opts.showFiles) {
    write(showFiles(options));
    return 0;
  }
  if (opts.showSettings) {
    write(showSettings(options));
    return 0;
  }
  const file = opts.outputFile ? fileWriter(opts.outputFile) : null;
  // A report written to a file has no colours, whatever --color says (as ruff's -o).
  setColors(!file && colorsFor(colorMode, process.stdout));
  const output: Output = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };
  if (file) output.report = (s) => file.write(s);
  if (opts.watch) {
    const { watchCheck } = await import("./watch.js");
    return watchCheck(paths, () => runCheck(options, output), { logLevel: options.logLevel ?? "default" });
  }
  try {
    const totals = await runCheck(options, output);
    file?.open(); // an empty report is a file too
    for (const e of totals.internalErrors) process.stderr.write(`dumpling: internal error: ${e}\n`);
    return exitCode(totals, options, opts);
  } finally {
    file?.close();
  }
}

function buildProgram(): Command {
  const program = new Command("dumpling")
    .description("Find, fix and translate Python's json.dump/dumps/load/loads calls.")
    .version(VERSION)
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command("check")
    .description("Report the mistakes in json calls")
    .argument("[paths...]", 'files or directories ("-" reads stdin)', ["."])
    .option("--select <codes>", "rules to run: codes, prefixes (JSN0) or ALL, comma-separated")
    .option("--ignore <codes>", "rules to skip")
    .option("--extend-select <codes>", "rules to add to the default set")
    .option("--fixable <codes>", "rules whose fixes may be applied (default: all)")
    .option("--unfixable <codes>", "rules whose fixes are never applied")
    .option("--extend-fixable <codes>", "rules to add to the fixable ones")
    .addOption(new Option("--output-format <format>", "output format (default: text)").choices([...OUTPUT_FORMATS]))
    .option("-o, --output-file <file>", "write the report to this file instead of stdout")
    .option("--stdin-filename <name>", 'the name to report for "-" (and to match configuration globs against)')
    .option("--exit-zero", "exit 0 even when there are diagnostics")
    .option("--exit-non-zero-on-fix", "exit 1 when a fix was applied, even if nothing remains")
    .option("--fix", "apply safe fixes, then report what remains")
    .option("--no-fix", "do not fix (over `fix = true` in the configuration)")
    .option("--unsafe-fixes", "with --fix, --fix-only or --diff: apply unsafe fixes too")
    .option("--no-unsafe-fixes", "never apply unsafe fixes, and do not count them in the summary")
    .option("--show-fixes", "after fixing, list what was fixed, per file and rule")
    .option("--no-show-fixes", "do not list what was fixed (over `show-fixes = true`)")
    .option("--diff", "write nothing; print the fixes as unified diffs; exit 1 if there is any")
    .option("--fix-only", "apply fixes without reporting what remains")
    .option("--add-noqa", "add `# noqa` comments that silence every current diagnostic")
    .option("--statistics", "count the diagnostics per rule instead of listing them")
    .option("-w, --watch", "check again whenever a file changes")
    .option("--config <file>", "the configuration file (pyproject.toml, dumpling.toml or .dumpling.toml) to use instead of searching")
    .option("--isolated", "ignore every configuration file")
    .option("--exclude <patterns>", "more files or directories to skip (globs, comma-separated)")
    .option("--force-exclude", "apply excludes to paths named on the command line too (for pre-commit)")
    .option("--respect-gitignore", "skip what .gitignore files ignore (the default)")
    .option("--no-respect-gitignore", "walk what .gitignore files ignore too")
    .addOption(new Option("--target-version <version>", "the oldest Python the code must run on").choices(TARGET_VERSIONS))
    .option("--show-files", "list the files that would be checked, and stop")
    .option("--show-settings", "show the settings used for the first file, and stop")
    .option("-q, --quiet", "print the diagnostics only: no summary, no warnings")
    .option("-s, --silent", "print nothing (the exit code still says what was found)")
    .addOption(new Option("--color <when>", "colour the output: auto (a terminal), always or never").choices([...COLOR_MODES]))
    .option("--docs-url <url>", "where the rule pages are, for json's url and SARIF's helpUri: a base (<url><name>.html) or a template with {name}/{code}")
    .option("--threads <n>", "threads that check files: this one and n-1 workers, started when a run lasts (1: no workers)", parseThreads, availableParallelism())
    .action(async (paths: string[], opts: CheckFlags) => {
      process.exitCode = await check(paths, opts);
    });

  program
    .command("convert")
    .description("Translate every json call to TypeScript that does what the Python did")
    .argument("[paths...]", 'files or directories ("-" reads stdin)', ["."])
    .addOption(new Option("--mode <mode>", "exact: the runtime, byte for byte; native: JSON.stringify/JSON.parse with notes").choices(["exact", "native"]).default("exact"))
    .option("--out-dir <dir>", "write one .ts module per Python file there")
    .addOption(new Option("--runtime <how>", "with --out-dir: import dumpling-json/runtime (package) or copy its source there (inline)").choices(["package", "inline"]).default("package"))
    .addOption(new Option("--output-format <format>", "report format").choices(["text", "json", "markdown"]).default("text"))
    .option("--stdin-filename <name>", 'the name to report for "-"')
    .action(async (paths: string[], opts) => {
      if (opts.runtime === "inline" && !opts.outDir) throw new UsageError("--runtime inline needs --out-dir (the runtime's source is copied there)");
      // ts-morph and the TypeScript compiler load only here: `check` never pays for them.
      const { renderConvert, runConvert } = await import("./convert.js");
      const options = { paths, mode: opts.mode, outDir: opts.outDir, runtime: opts.runtime, outputFormat: opts.outputFormat, stdinFilename: opts.stdinFilename, onEmptyDirectory: warnEmptyDirectory };
      const outcome = await runConvert(options);
      write(renderConvert(outcome, options));
      for (const e of outcome.errors) process.stderr.write(`dumpling: ${e}\n`);
      for (const e of outcome.internalErrors) process.stderr.write(`dumpling: internal error: ${e}\n`);
      process.exitCode = outcome.internalErrors.length > 0 ? 2 : outcome.errors.length > 0 ? 1 : 0;
    });

  program
    .command("server")
    .description("Run the language server (LSP over standard input and output) for editors")
    .option("--stdio", "talk over standard input and output (the default; accepted because clients pass it)")
    .action(async () => {
      // The protocol's code loads only here, as ts-morph does only for convert.
      const { runServer } = await import("../server/server.js");
      await runServer();
    });

  program
    .command("rules")
    .description("List every rule")
    .addOption(new Option("--output-format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--docs-url <url>", "where the rule pages are, for url (as in check)")
    .action((opts) => {
      if (opts.outputFormat === "json") {
        const list = RULES.map((r) => ({
          code: r.meta.code, name: r.meta.name, summary: r.meta.summary, severity: r.meta.severity,
          default: r.meta.defaultEnabled, fix: r.meta.fix.availability, fix_applicability: r.meta.fix.applicability,
          url: ruleUrl(r.meta.name, opts.docsUrl),
        }));
        write(JSON.stringify(list, null, 2) + "\n");
        return;
      }
      const rows = RULES.map((r) => [r.meta.code, r.meta.name, r.meta.defaultEnabled ? "on" : "off", r.meta.fix.availability === "none" ? "-" : `${r.meta.fix.availability} (${r.meta.fix.applicability})`, r.meta.summary]);
      const header = ["code", "name", "default", "fix", "summary"];
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
      const fmt = (r: string[]) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i] as number) : c)).join("  ");
      write([fmt(header), ...rows.map(fmt)].join("\n") + "\n");
    });

  program
    .command("rule")
    .description("Show a rule's documentation")
    .argument("<code>", "a rule code (JSN001) or name (dump-missing-file)")
    .action((code: string) => {
      const rule = ruleByCode(code);
      if (!rule) throw new UsageError(`unknown rule \`${code}\`; \`dumpling rules\` lists them`);
      write(renderRuleDoc(rule.meta));
    });

  program
    .command("completion")
    .description("Print a shell completion script (bash, zsh or fish)")
    .addArgument(new Argument("<shell>", "bash, zsh or fish").choices([...COMPLETION_SHELLS]))
    .action((shell: Shell) => {
      write(completionScript(shell, program));
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version "fail" with exit code 0.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError || e instanceof UnknownSelectorError || e instanceof ConfigError || e instanceof CheckUsageError) {
      process.stderr.write(`dumpling: error: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`dumpling: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.DUMPLING_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ""}\n`);
    return 2;
  }
}
