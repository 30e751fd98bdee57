// `dumpling check`: discover → load → analyse → report.
import { readFileSync } from "node:fs";
import { LineIndex } from "../python/text.js";
import { RULES } from "../rules/index.js";
import { analyzeText } from "../rules/run.js";
import type { Diagnostic, Rule } from "../rules/types.js";
import { renderJson } from "../report/json.js";
import { renderSummary, renderTextDiagnostic } from "../report/text.js";
import type { FileReport } from "../report/types.js";
import { decodeSource, DEFAULT_MAX_BYTES } from "../source/load.js";
import { describeFsError, discover } from "../source/discover.js";

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

const unreadable = RULES.find((r) => r.meta.code === "JSN901")?.meta;

function unreadableReport(filename: string, reason: string, rules: readonly Rule[]): FileReport {
  const on = rules.some((r) => r.meta.code === "JSN901");
  const diagnostics: Diagnostic[] =
    on && unreadable
      ? [{ code: unreadable.code, name: unreadable.name, message: `Cannot read \`${filename}\`: ${reason}`, severity: "error", start: 0, end: 0, fix: null }]
      : [];
  return { filename, lines: null, diagnostics };
}

export function checkBytes(filename: string, bytes: Uint8Array, rules: readonly Rule[], maxBytes = DEFAULT_MAX_BYTES): { report: FileReport; internalErrors: string[] } {
  if (bytes.length > maxBytes) {
    return { report: unreadableReport(filename, `larger than the ${Math.round(maxBytes / 1024 / 1024)} MiB limit`, rules), internalErrors: [] };
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return { report: unreadableReport(filename, decoded.reason, rules), internalErrors: [] };
  const result = analyzeText(filename, decoded.text, rules);
  const internalErrors = result.internalErrors.map(
    (e) => `${filename}: rule ${e.rule} failed: ${e.error instanceof Error ? e.error.message : String(e.error)}`,
  );
  const lines = result.context?.lines ?? (result.diagnostics.length > 0 ? new LineIndex(decoded.text) : null);
  return { report: { filename, lines, diagnostics: result.diagnostics }, internalErrors };
}

export function runCheck(options: CheckOptions): CheckOutcome {
  const files: FileReport[] = [];
  const internalErrors: string[] = [];
  for (const found of discover(options.paths)) {
    if (found.kind === "error") {
      files.push(unreadableReport(found.path, found.reason, options.rules));
      continue;
    }
    const filename = found.kind === "stdin" ? (options.stdinFilename ?? "-") : found.path;
    let bytes: Uint8Array;
    try {
      bytes = found.kind === "stdin" ? readFileSync(0) : readFileSync(found.path);
    } catch (e) {
      files.push(unreadableReport(filename, describeFsError(e), options.rules));
      continue;
    }
    const r = checkBytes(filename, bytes, options.rules, options.maxBytes);
    files.push(r.report);
    internalErrors.push(...r.internalErrors);
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
