// --output-format concise: one line per diagnostic, `path:row:col: CODE [*] message`, where
// `[*]` marks a diagnostic with a fix (`[*]` safe, `[-]` unsafe, as `--unsafe-fixes` needs).
// After fixing, as in ruff, there are no marks: what remains is what could not be fixed.
import type { Diagnostic } from "../core/types.js";
import { displayPath } from "../core/display.js";
import { c } from "./colors.js";
import { renderSummary } from "./text.js";
import type { FileReport, Reporter } from "./types.js";

export function renderConciseDiagnostic(file: FileReport, d: Diagnostic, marks = true): string {
  const start = file.lines ? file.lines.position(d.start) : { row: 1, column: 1 };
  const mark = d.fix && marks ? (d.fix.applicability === "safe" ? "[*] " : "[-] ") : "";
  return `${c.bold(displayPath(file.filename))}${c.cyan(":")}${start.row}${c.cyan(":")}${start.column}${c.cyan(":")} ${c.bold(c.red(d.code))} ${mark}${d.message}\n`;
}

/** Each file's lines as it comes; the summary of the text format at the end. */
export function conciseReporter(options: { marks?: boolean } = {}): Reporter {
  return {
    file: (report) => report.diagnostics.map((d) => renderConciseDiagnostic(report, d, options.marks ?? true)).join(""),
    end: renderSummary,
  };
}
