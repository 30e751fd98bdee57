// --output-format json-lines: one JSON object per line (the shape of --output-format json),
// sorted the same way; easy to stream and to grep.
import { compareJsonDiagnostics, toJsonDiagnostic, type JsonDiagnostic } from "./json.js";
import type { FileReport, Reporter } from "./types.js";

/** Written as results come when files arrive in sorted order (see jsonReporter), else held and sorted. */
export function jsonLinesReporter(options: { inOrder: boolean; docsUrl?: string | null }): Reporter {
  const held: JsonDiagnostic[] = [];
  const lines = (rows: JsonDiagnostic[]) => rows.map((d) => JSON.stringify(d) + "\n").join("");
  return {
    file(report) {
      const rows = report.diagnostics.map((d) => toJsonDiagnostic(report, d, options.docsUrl)).sort(compareJsonDiagnostics);
      if (options.inOrder) return lines(rows);
      held.push(...rows);
      return "";
    },
    end: () => lines(held.sort(compareJsonDiagnostics)),
  };
}
