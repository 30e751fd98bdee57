// --output-format json: one array, sorted by filename, row, column (the contract in the README).
import { ruleUrl } from "../rules/index.js";
import type { Diagnostic } from "../core/types.js";
import type { FileReport, Reporter } from "./types.js";

export interface JsonDiagnostic {
  code: string;
  name: string;
  message: string;
  severity: string;
  filename: string;
  location: { row: number; column: number };
  end_location: { row: number; column: number };
  fix: null | {
    applicability: string;
    message: string;
    edits: { content: string; location: { row: number; column: number }; end_location: { row: number; column: number } }[];
  };
  url: string;
}

export function toJsonDiagnostic(file: FileReport, d: Diagnostic, docsUrl?: string | null): JsonDiagnostic {
  const pos = (i: number) => (file.lines ? file.lines.position(i) : { row: 1, column: 1 });
  return {
    code: d.code,
    name: d.name,
    message: d.message,
    severity: d.severity,
    filename: file.filename,
    location: pos(d.start),
    end_location: pos(d.end),
    fix: d.fix
      ? {
          applicability: d.fix.applicability,
          message: d.fix.message,
          edits: d.fix.edits.map((e) => ({ content: e.content, location: pos(e.start), end_location: pos(e.end) })),
        }
      : null,
    url: ruleUrl(d.name, docsUrl),
  };
}

export function compareJsonDiagnostics(a: JsonDiagnostic, b: JsonDiagnostic): number {
  return (
    (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0) ||
    a.location.row - b.location.row ||
    a.location.column - b.location.column ||
    a.code.localeCompare(b.code)
  );
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
