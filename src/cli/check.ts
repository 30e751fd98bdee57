// `dumpling check`: discover → load → analyse (and fix) → report.
import type { Selection } from "../rules/select.js";
import type { Rule } from "../rules/types.js";
import { renderConciseDiagnostic } from "../report/concise.js";
import { renderGithub } from "../report/github.js";
import { renderJson } from "../report/json.js";
import { renderJsonLines } from "../report/json-lines.js";
import { renderSarif } from "../report/sarif.js";
import { renderSummary, renderTextDiagnostic } from "../report/text.js";
import type { FileReport } from "../report/types.js";
import { excludeFilter } from "./config.js";
import { defaultSettings, runFiles, type FileOutcome, type FixSettings } from "./engine.js";

export const OUTPUT_FORMATS = ["text", "concise", "json", "json-lines", "sarif", "github"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface CheckOptions {
  paths: string[];
  rules: Rule[];
  outputFormat: OutputFormat;
  exitZero: boolean;
  stdinFilename?: string;
  maxBytes?: number;
  fix?: FixSettings;
  /** Read configuration files, layering `selection` (the command line's) over them. */
  config?: { file: string | null; selection: Selection };
  exclude?: string[];
  forceExclude?: boolean;
  /** Told of each directory named in `paths` that holds nothing to check. */
  onEmptyDirectory?: (path: string) => void;
}

export interface CheckOutcome {
  files: FileReport[];
  outcomes: FileOutcome[];
  internalErrors: string[];
}

export function runCheck(options: CheckOptions): CheckOutcome {
  const settings = defaultSettings(options.rules);
  if (options.stdinFilename) settings.stdinFilename = options.stdinFilename;
  if (options.maxBytes !== undefined) settings.maxBytes = options.maxBytes;
  if (options.fix) settings.fix = options.fix;
  if (options.config) settings.config = { file: options.config.file, cli: options.config.selection };
  const isExcluded = excludeFilter(options.exclude ?? [], options.config?.file ?? null, !!options.config);
  const files: FileReport[] = [];
  const outcomes: FileOutcome[] = [];
  const internalErrors: string[] = [];
  for (const outcome of runFiles(options.paths, settings, { isExcluded, forceExclude: options.forceExclude, defaultExcludes: false, onEmptyDirectory: options.onEmptyDirectory })) {
    files.push(outcome.report);
    outcomes.push(outcome);
    internalErrors.push(...outcome.internalErrors);
  }
  return { files, outcomes, internalErrors };
}

export interface FixTotals {
  applied: number;
  withheldUnsafe: number;
}

export function fixTotals(outcome: CheckOutcome): FixTotals {
  let applied = 0;
  let withheldUnsafe = 0;
  for (const o of outcome.outcomes) {
    applied += o.fix?.applied ?? 0;
    withheldUnsafe += o.fix?.withheldUnsafe ?? 0;
  }
  return { applied, withheldUnsafe };
}

export function renderOutcome(outcome: CheckOutcome, format: OutputFormat, fixed: FixTotals | null = null): string {
  switch (format) {
    case "json":
      return renderJson(outcome.files);
    case "json-lines":
      return renderJsonLines(outcome.files);
    case "sarif":
      return renderSarif(outcome.files);
    case "github":
      return renderGithub(outcome.files);
  }
  let out = "";
  let count = 0;
  let safe = 0;
  let unsafe = 0;
  for (const f of outcome.files) {
    for (const d of f.diagnostics) {
      out += format === "concise" ? renderConciseDiagnostic(f, d) : renderTextDiagnostic(f, d);
      count++;
      if (d.fix?.applicability === "safe") safe++;
      else if (d.fix) unsafe++;
    }
  }
  return out + renderSummary({ diagnostics: count, safeFixes: safe, unsafeFixes: unsafe, files: outcome.files.length, fixed });
}
