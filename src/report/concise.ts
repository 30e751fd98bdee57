// --output-format concise: one line per diagnostic, `path:row:col: CODE [*] message`, where
// `[*]` marks a diagnostic with a fix (`[*]` safe, `[-]` unsafe, as `--unsafe-fixes` needs).
import type { Diagnostic } from "../core/types.js";
import { displayPath } from "../core/display.js";
import { renderSummary } from "./text.js";
import type { FileReport, Reporter } from "./types.js";

export function renderConciseDiagnostic(file: FileReport, d: Diagnostic): string {
  const start = file.lines ? file.lines.position(d.start) : { row: 1, column: 1 };
  const mark = d.fix ? (d.fix.applicability === "safe" ? "[*] " : "[-] ") : "";
  return `${displayPath(file.filename)}:${start.row}:${start.column}: ${d.code} ${mark}${d.message}\n`;
}

/** Each file's lines as it comes; the summary of the text format at the end. */
export function conciseReporter(): Reporter {
  return {
    file: (report) => report.diagnostics.map((d) => renderConciseDiagnostic(report, d)).join(""),
    end: renderSummary,
  };
}
