// `dumpling check`: discover → load → analyse → report, written as results come.
import type { Rule } from "../rules/types.js";
import { jsonReporter } from "../report/json.js";
import { textReporter, type Summary } from "../report/text.js";
import type { Reporter } from "../report/types.js";
import { defaultSettings, runFiles } from "./engine.js";

export interface CheckOptions {
  paths: string[];
  rules: Rule[];
  outputFormat: "text" | "json";
  stdinFilename?: string;
  maxBytes?: number;
  /** Worker threads; 1 checks every file on the main thread. */
  threads?: number;
}

export interface CheckTotals extends Summary {
  internalErrors: string[];
}

function reporterFor(options: CheckOptions): Reporter {
  if (options.outputFormat === "json") return jsonReporter({ inOrder: options.paths.length <= 1 });
  return textReporter();
}

/** Checks the paths, handing the report to `write` piece by piece; nothing is kept per file. */
export async function runCheck(options: CheckOptions, write: (text: string) => void): Promise<CheckTotals> {
  const settings = defaultSettings(options.rules);
  if (options.stdinFilename) settings.stdinFilename = options.stdinFilename;
  if (options.maxBytes !== undefined) settings.maxBytes = options.maxBytes;
  const reporter = reporterFor(options);
  const totals: CheckTotals = { files: 0, diagnostics: 0, safeFixes: 0, unsafeFixes: 0, internalErrors: [] };
  for await (const outcome of runFiles(options.paths, settings, {}, options.threads ?? 1)) {
    totals.files++;
    for (const d of outcome.report.diagnostics) {
      totals.diagnostics++;
      if (d.fix?.applicability === "safe") totals.safeFixes++;
      else if (d.fix) totals.unsafeFixes++;
    }
    totals.internalErrors.push(...outcome.internalErrors);
    const text = reporter.file(outcome.report);
    if (text) write(text);
  }
  write(reporter.end(totals));
  return totals;
}
