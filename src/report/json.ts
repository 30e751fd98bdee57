// --output-format json: one array, sorted by filename, row, column (the contract in the README).
// One mapping for the report and the library: lint() returns exactly what this prints.
import { compareJsonDiagnostics, toJsonDiagnostic as plainDiagnostic } from "../api/plain.js";
import type { Diagnostic as JsonDiagnostic } from "../api/types.js";
import type { Diagnostic } from "../core/types.js";
import type { FileReport, Reporter } from "./types.js";

export { compareJsonDiagnostics, type JsonDiagnostic };

export function toJsonDiagnostic(file: FileReport, d: Diagnostic, docsUrl?: string | null): JsonDiagnostic {
  return plainDiagnostic(file.filename, file.lines, d, docsUrl ?? undefined);
}

export function renderJson(files: readonly FileReport[]): string {
  const all = files.flatMap((f) => f.diagnostics.map((d) => toJsonDiagnostic(f, d)));
  all.sort(compareJsonDiagnostics);
  return JSON.stringify(all, null, 2) + "\n";
}

/**
 * The JSON report, written as results come when files arrive in its order (`inOrder`: a single
 * path, whose walk yields files sorted as full paths compare); otherwise the diagnostics (not
 * the files) are held and sorted at the end. Either way the output is the same as renderJson's.
 */
export function jsonReporter(options: { inOrder: boolean; docsUrl?: string | null }): Reporter {
  const held: JsonDiagnostic[] = [];
  let written = 0;
  return {
    file(report) {
      const rows = report.diagnostics.map((d) => toJsonDiagnostic(report, d, options.docsUrl)).sort(compareJsonDiagnostics);
      if (!options.inOrder) {
        held.push(...rows);
        return "";
      }
      let out = "";
      for (const row of rows) {
        // Each element as JSON.stringify(array, null, 2) lays it out: indented by two spaces.
        out += (written++ === 0 ? "[\n" : ",\n") + JSON.stringify(row, null, 2).replace(/^/gm, "  ");
      }
      return out;
    },
    end() {
      if (!options.inOrder) return JSON.stringify(held.sort(compareJsonDiagnostics), null, 2) + "\n";
      return written === 0 ? "[]\n" : "\n]\n";
    },
  };
}
