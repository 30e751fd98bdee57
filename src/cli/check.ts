// `dumpling check`: discover → load → analyse (and fix) → report, written as results come:
// nothing is kept per file, so memory does not grow with the size of the tree.
import type { Selection } from "../rules/select.js";
import type { Rule } from "../rules/types.js";
import { conciseReporter } from "../report/concise.js";
import { githubReporter } from "../report/github.js";
import { jsonReporter } from "../report/json.js";
import { jsonLinesReporter } from "../report/json-lines.js";
import { sarifReporter } from "../report/sarif.js";
import { textReporter, type Summary } from "../report/text.js";
import type { Reporter } from "../report/types.js";
import { excludeFilter, runConfig } from "../source/config.js";
import { defaultSettings, runFiles, type FixSettings } from "./engine.js";

export const OUTPUT_FORMATS = ["text", "concise", "json", "json-lines", "sarif", "github"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface CheckOptions {
  paths: string[];
  rules: Rule[];
  outputFormat: OutputFormat;
  stdinFilename?: string;
  maxBytes?: number;
  fix?: FixSettings;
  /** With fix: apply fixes without reporting what remains. */
  fixOnly?: boolean;
  /** Read configuration files, layering `selection` (the command line's) over them. */
  config?: { file: string | null; selection: Selection };
  exclude?: string[];
  forceExclude?: boolean;
  /** Told of each directory named in `paths` that holds nothing to check. */
  onEmptyDirectory?: (path: string) => void;
  /** Threads that check files: this one and `threads - 1` workers (1: no workers). */
  threads?: number;
  /** `--docs-url` (else `docs-url` of the configuration): where `url` and SARIF's `helpUri` point. */
  docsUrl?: string;
}

export interface Output {
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
}

export interface FixTotals {
  applied: number;
  withheldUnsafe: number;
}

export interface CheckTotals extends Summary {
  fixed: FixTotals | null;
  /** --diff: whether any fix would change a file. */
  changes: boolean;
  internalErrors: string[];
}

function reporterFor(options: CheckOptions): Reporter {
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
    case "concise":
      return conciseReporter();
    case "text":
      return textReporter();
  }
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/** Checks (or fixes) the paths, writing the report piece by piece as files are done. */
export async function runCheck(options: CheckOptions, output: Output): Promise<CheckTotals> {
  const settings = defaultSettings(options.rules);
  if (options.stdinFilename) settings.stdinFilename = options.stdinFilename;
  if (options.maxBytes !== undefined) settings.maxBytes = options.maxBytes;
  const fix = options.fix;
  if (fix) settings.fix = fix;
  if (options.config) settings.config = { file: options.config.file, cli: options.config.selection };
  const isExcluded = excludeFilter(options.exclude ?? [], options.config?.file ?? null, !!options.config);
  // Fixing stdin prints the fixed source (what editors need); the report then goes to stderr.
  const report = fix?.mode === "write" && options.paths.includes("-") ? output.stderr : output.stdout;
  const reporter = fix?.mode === "diff" || options.fixOnly ? null : reporterFor(options);
  const totals: CheckTotals = {
    files: 0, diagnostics: 0, safeFixes: 0, unsafeFixes: 0,
    fixed: fix ? { applied: 0, withheldUnsafe: 0 } : null, changes: false, internalErrors: [],
  };
  const discoverOptions = { isExcluded, forceExclude: options.forceExclude, defaultExcludes: false, onEmptyDirectory: options.onEmptyDirectory };
  for await (const outcome of runFiles(options.paths, settings, discoverOptions, options.threads ?? 1)) {
    totals.files++;
    for (const d of outcome.report.diagnostics) {
      totals.diagnostics++;
      if (d.fix?.applicability === "safe") totals.safeFixes++;
      else if (d.fix) totals.unsafeFixes++;
    }
    totals.internalErrors.push(...outcome.internalErrors);
    if (outcome.fix && totals.fixed) {
      totals.fixed.applied += outcome.fix.applied;
      totals.fixed.withheldUnsafe += outcome.fix.withheldUnsafe;
      for (const p of outcome.fix.problems) output.stderr(`dumpling: warning: ${p}\n`);
      if (outcome.fix.diff) {
        totals.changes = true;
        output.stdout(outcome.fix.diff);
      }
      if (outcome.fix.output !== undefined) output.stdout(outcome.fix.output);
    }
    const text = reporter?.file(outcome.report);
    if (text) report(text);
  }
  const fixed = totals.fixed;
  if (fix?.mode === "diff" && fixed) {
    const withheld = fixed.withheldUnsafe > 0 ? ` ${plural(fixed.withheldUnsafe, "unsafe fix", "unsafe fixes")} withheld: enable with --unsafe-fixes.` : "";
    output.stderr(`${fixed.applied > 0 ? `Would fix ${plural(fixed.applied, "error")}.` : "No fixes to apply."}${withheld}\n`);
  } else if (options.fixOnly && fixed) {
    if (options.outputFormat === "text" || options.outputFormat === "concise") report(`Fixed ${plural(fixed.applied, "error")}.\n`);
  } else if (reporter) {
    report(reporter.end(totals));
  }
  return totals;
}
