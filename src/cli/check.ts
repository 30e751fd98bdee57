// `dumpling check`: discover → validate every configuration the run uses → load → analyse (and
// fix) → report, written as results come: nothing is kept per file, so memory does not grow with
// the size of the tree. Only the list of discovered paths is held, so that a configuration that
// is wrong is reported before anything else is.
import type cliProgressModule from "cli-progress";
import { conciseReporter } from "../report/concise.js";
import { githubReporter } from "../report/github.js";
import { gitlabReporter } from "../report/gitlab.js";
import { jsonReporter } from "../report/json.js";
import { jsonLinesReporter } from "../report/json-lines.js";
import { junitReporter } from "../report/junit.js";
import { displayPath } from "../core/display.js";
import { sarifReporter } from "../report/sarif.js";
import { statisticsReporter } from "../report/statistics.js";
import { renderFixOnlySummary, renderSummary, textReporter } from "../report/text.js";
import { OUTPUT_FORMATS, type OutputFormat, type Reporter, type Summary } from "../report/types.js";
import { c } from "../report/colors.js";
import { RULES } from "../rules/index.js";
import type { Selection } from "../rules/select.js";
import type { Rule } from "../rules/types.js";
import type { Diagnostic } from "../core/types.js";
import { discover, type Discovered } from "../source/discover.js";
import { discoveryFilter, runConfig, type FixableSelection } from "../source/config.js";
import { configFor, defaultSettings, type FixSettings, type Settings } from "./engine.js";
import { runEntries } from "./run.js";

export { OUTPUT_FORMATS, type OutputFormat };

/** ruff's three states of unsafe fixes: on (--unsafe-fixes), off (--no-unsafe-fixes, or false in the config), or unset, when the summary says how many there are. */
export type UnsafeFixes = "enabled" | "disabled" | "hint";

/** default: everything; quiet (-q): the diagnostics only, no summary or warnings; silent (-s): nothing (errors still are). */
export type LogLevel = "default" | "quiet" | "silent";

export interface CheckOptions {
  paths: string[];
  rules: Rule[];
  outputFormat: OutputFormat;
  stdinFilename?: string;
  maxBytes?: number;
  fix?: FixSettings;
  /** With fix: apply fixes without reporting what remains. */
  fixOnly?: boolean;
  unsafeFixes?: UnsafeFixes;
  /** Read configuration files, layering `selection` (the command line's) over them. */
  config?: { file: string | null; selection: Selection };
  /** The command line's --target-version, over every config's. */
  targetVersion?: number;
  /** The command line's --fixable/--unfixable/--extend-fixable. */
  fixable?: FixableSelection;
  exclude?: string[];
  forceExclude?: boolean;
  /** Honour .gitignore files while walking (default true). */
  respectGitignore?: boolean;
  /** Told of each directory named in `paths` that holds nothing to check. */
  onEmptyDirectory?: (path: string) => void;
  /** Threads that check files: this one and `threads - 1` workers (1: no workers). */
  threads?: number;
  /** --statistics: one row per rule instead of the diagnostics. */
  statistics?: boolean;
  /** --show-fixes: after fixing, list what was fixed, per file and rule. */
  showFixes?: boolean;
  /** --add-noqa: write `# noqa` comments instead of reporting. */
  addNoqa?: boolean;
  logLevel?: LogLevel;
  /** A progress bar on this terminal once the run has lasted `afterMs`. */
  progress?: { stream: NodeJS.WriteStream; afterMs: number } | null;
  /** `--docs-url` (else `docs-url` of the configuration): where `url` and SARIF's `helpUri` point. */
  docsUrl?: string;
}

export interface Output {
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
  /** Where the report goes (-o FILE); absent: stdout, or stderr while stdin's fixed source goes to stdout. */
  report?(text: string): void;
}

export interface CheckTotals extends Summary {
  fixed: { applied: number } | null;
  /** --diff: whether any fix would change a file. */
  changes: boolean;
  internalErrors: string[];
  /** --add-noqa: the comments written. */
  noqaAdded: number;
}

/** Formats whose --statistics are a table; json's are an array; the others have none (as in ruff). */
const STATISTICS_FORMATS: Partial<Record<OutputFormat, "text" | "json">> = { text: "text", concise: "text", json: "json" };

export class CheckUsageError extends Error {}

function reporterFor(options: CheckOptions, fixable: (d: Diagnostic) => boolean): Reporter {
  const quiet = options.logLevel === "quiet";
  const withoutSummary = (r: Reporter): Reporter => (quiet ? { file: r.file, end: () => "" } : r);
  if (options.statistics) {
    const format = STATISTICS_FORMATS[options.outputFormat];
    if (!format) throw new CheckUsageError(`--statistics works with --output-format text, concise or json, not ${options.outputFormat}`);
    return statisticsReporter(format, fixable, !quiet);
  }
  // A single path is walked in the order the sorted formats are sorted in: they can stream.
  const inOrder = options.paths.length <= 1;
  const docsUrl = options.docsUrl ?? (options.config ? runConfig(options.config.file)?.docsUrl : null);
  switch (options.outputFormat) {
    case "json":
      return jsonReporter({ inOrder, docsUrl });
    case "json-lines":
      return jsonLinesReporter({ inOrder, docsUrl });
    case "sarif":
      return sarifReporter({ docsUrl });
    case "github":
      return githubReporter();
    case "gitlab":
      return gitlabReporter();
    case "junit":
      return junitReporter();
    case "concise":
      return withoutSummary(conciseReporter({ marks: options.fix?.mode !== "write" }));
    case "text":
      return withoutSummary(textReporter());
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** --show-fixes: ruff's list of what was fixed, per file and rule, the most fixed first. */
function renderFixesShown(fixed: Map<string, Record<string, number>>, afterBlankLine: boolean): string {
  const total = [...fixed.values()].reduce((n, t) => n + Object.values(t).reduce((a, b) => a + b, 0), 0);
  if (total === 0) return "";
  const width = Math.max(...[...fixed.values()].flatMap((t) => Object.values(t).map((n) => String(n).length)));
  const out = [...(afterBlankLine ? [] : [""]), c.bold(c.green(`Fixed ${plural(total, "error")}:`))];
  for (const [filename, table] of [...fixed].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    out.push(`${c.cyan("-")} ${c.bold(displayPath(filename))}${c.cyan(":")}`);
    for (const [code, n] of Object.entries(table).sort((a, b) => b[1] - a[1])) {
      const name = RULES.find((r) => r.meta.code === code)?.meta.name ?? code;
      out.push(`    ${String(n).padStart(width)} × ${c.bold(c.red(code))} (${name})`);
    }
  }
  return out.join("\n") + "\n\n";
}

/** A progress bar on a terminal, shown once the run has lasted; other output to the terminal goes around it. */
class Progress {
  private bar: cliProgressModule.SingleBar | null = null;
  private readonly started = performance.now();

  constructor(private readonly stream: NodeJS.WriteStream, private readonly total: number, private readonly afterMs: number) {}

  async tick(done: number): Promise<void> {
    if (this.bar) {
      this.bar.update(done);
      return;
    }
    if (done >= this.total || performance.now() - this.started < this.afterMs) return;
    // Loaded only for a run that lasts: most runs never show a bar.
    const { default: cliProgress } = await import("cli-progress");
    this.bar = new cliProgress.SingleBar(
      { stream: this.stream, format: "checking [{bar}] {value}/{total} files", clearOnComplete: true, forceRedraw: true, hideCursor: false },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(this.total, done);
  }

  /** Writes to the terminal while the bar is shown: its line is cleared first and drawn again after. */
  around(write: () => void): void {
    if (!this.bar) return write();
    this.stream.write("\r\u001b[2K");
    write();
    this.bar.render();
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}

/** Every entry the run will check: discovery finishes before anything is checked. */
export function discoverEntries(options: CheckOptions, settings: Settings, onEmptyDirectory: (path: string) => void): Discovered[] {
  const filter = discoveryFilter({ exclude: options.exclude ?? [] }, options.config?.file ?? null, !!options.config);
  const entries = [
    ...discover(options.paths, {
      isExcluded: filter.isExcluded, isIncluded: filter.isIncluded, forceExclude: options.forceExclude, defaultExcludes: false,
      respectGitignore: options.respectGitignore ?? true, onEmptyDirectory,
    }),
  ];
  // Every configuration the run uses is read (and so validated) now, before any report: a
  // broken one is an error with no report, whichever file it belongs to.
  for (const entry of entries) configFor(entry.kind === "stdin" ? settings.stdinFilename : entry.path, settings);
  return entries;
}

export function settingsFor(options: CheckOptions): Settings {
  const settings = defaultSettings(options.rules);
  if (options.stdinFilename) settings.stdinFilename = options.stdinFilename;
  if (options.maxBytes !== undefined) settings.maxBytes = options.maxBytes;
  if (options.fix) settings.fix = options.fix;
  if (options.config) settings.config = { file: options.config.file, cli: options.config.selection };
  if (options.targetVersion !== undefined) settings.targetVersion = options.targetVersion;
  if (options.fixable) settings.fixable = options.fixable;
  if (options.addNoqa) settings.addNoqa = true;
  return settings;
}

/** Checks (or fixes) the paths, writing the report piece by piece as files are done. */
export async function runCheck(options: CheckOptions, output: Output): Promise<CheckTotals> {
  const settings = settingsFor(options);
  const fix = options.fix;
  const logLevel = options.logLevel ?? "default";
  const warn = (text: string) => {
    if (logLevel === "default") output.stderr(text);
  };
  const emptyDirectories: string[] = [];
  const entries = discoverEntries(options, settings, (path) => emptyDirectories.push(path));
  for (const path of emptyDirectories) if (logLevel === "default") options.onEmptyDirectory?.(path);
  const unsafe = options.unsafeFixes ?? (fix?.unsafe ? "enabled" : "hint");
  const fixable = (d: Diagnostic) => d.fix !== null && (d.fix.applicability === "safe" || unsafe === "enabled");
  // Fixing stdin prints the fixed source (what editors need); the report then goes to stderr.
  const report = output.report ?? (fix?.mode === "write" && options.paths.includes("-") ? output.stderr : output.stdout);
  const silent = logLevel === "silent";
  const reporter = fix?.mode === "diff" || options.fixOnly || options.addNoqa || silent ? null : reporterFor(options, fixable);
  const totals: CheckTotals = {
    files: 0, diagnostics: 0, applicable: 0, hiddenUnsafe: 0,
    fixed: fix ? { applied: 0 } : null, changes: false, internalErrors: [], noqaAdded: 0,
  };
  const fixedByFile = new Map<string, Record<string, number>>();
  let lastReport = "";
  const progress = options.progress && !options.paths.includes("-") && !silent && logLevel !== "quiet" ? new Progress(options.progress.stream, entries.length, options.progress.afterMs) : null;
  const show = (write: () => void) => (progress ? progress.around(write) : write());
  try {
    for await (const outcome of runEntries(entries, settings, options.threads ?? 1)) {
      totals.files++;
      for (const d of outcome.report.diagnostics) {
        totals.diagnostics++;
        if (fixable(d)) totals.applicable++;
        else if (d.fix?.applicability === "unsafe" && unsafe === "hint") totals.hiddenUnsafe++;
      }
      totals.internalErrors.push(...outcome.internalErrors);
      if (outcome.fix && totals.fixed) {
        totals.fixed.applied += outcome.fix.applied;
        if (outcome.fix.applied > 0) fixedByFile.set(outcome.report.filename, outcome.fix.fixed);
        for (const p of outcome.fix.problems) show(() => warn(`dumpling: warning: ${p}\n`));
        if (outcome.fix.diff) {
          totals.changes = true;
          const diff = outcome.fix.diff;
          show(() => (output.report ?? output.stdout)(diff));
        }
        if (outcome.fix.output !== undefined) output.stdout(outcome.fix.output);
      }
      if (outcome.noqa) {
        totals.noqaAdded += outcome.noqa.added;
        for (const p of outcome.noqa.problems) show(() => warn(`dumpling: warning: ${p}\n`));
      }
      const text = reporter?.file(outcome.report);
      if (text) {
        show(() => report(text));
        lastReport = text;
      }
      await progress?.tick(totals.files);
    }
  } finally {
    progress?.stop();
  }
  const summaryFormat = options.outputFormat === "text" || options.outputFormat === "concise";
  const fixesShown = options.showFixes && summaryFormat && !silent && logLevel !== "quiet" && !options.statistics ? renderFixesShown(fixedByFile, lastReport.endsWith("\n\n")) : "";
  if (options.addNoqa) {
    if (totals.noqaAdded > 0 && logLevel === "default") output.stderr(`Added ${plural(totals.noqaAdded, "noqa directive")}.\n`);
  } else if (fix?.mode === "diff" && totals.fixed) {
    if (logLevel === "default") output.stderr(fixesShown + renderFixOnlySummary(totals.fixed.applied, totals.hiddenUnsafe, "diff"));
  } else if (options.fixOnly && totals.fixed) {
    if (summaryFormat && logLevel === "default") report(fixesShown + renderFixOnlySummary(totals.fixed.applied, totals.hiddenUnsafe, "apply"));
  } else if (reporter) {
    report(fixesShown + reporter.end(totals));
  }
  return totals;
}

export { renderSummary };
