// `dumpling check`: discover → load → analyse → report.
import type { Rule } from "../rules/types.js";
import { renderJson } from "../report/json.js";
import { renderSummary, renderTextDiagnostic } from "../report/text.js";
import type { FileReport } from "../report/types.js";
import { defaultSettings, runFiles } from "./engine.js";

export interface CheckOptions {
  paths: string[];
  rules: Rule[];
  outputFormat: "text" | "json";
  exitZero: boolean;
  stdinFilename?: string;
  maxBytes?: number;
}

export interface CheckOutcome {
  files: FileReport[];
  internalErrors: string[];
}

export function runCheck(options: CheckOptions): CheckOutcome {
  const settings = defaultSettings(options.rules);
  if (options.stdinFilename) settings.stdinFilename = options.stdinFilename;
  if (options.maxBytes !== undefined) settings.maxBytes = options.maxBytes;
  const files: FileReport[] = [];
  const internalErrors: string[] = [];
  for (const outcome of runFiles(options.paths, settings)) {
    files.push(outcome.report);
    internalErrors.push(...outcome.internalErrors);
  }
  return { files, internalErrors };
}

export function renderOutcome(outcome: CheckOutcome, format: "text" | "json"): string {
  if (format === "json") return renderJson(outcome.files);
  let out = "";
  let count = 0;
  let safe = 0;
  let unsafe = 0;
  for (const f of outcome.files) {
    for (const d of f.diagnostics) {
      out += renderTextDiagnostic(f, d);
      count++;
      if (d.fix?.applicability === "safe") safe++;
      else if (d.fix) unsafe++;
    }
  }
  return out + renderSummary({ diagnostics: count, safeFixes: safe, unsafeFixes: unsafe, files: outcome.files.length });
}
