// --output-format json: one array, sorted by filename, row, column (the contract in the README).
import { ruleUrl } from "../rules/index.js";
import type { Diagnostic } from "../rules/types.js";
import type { FileReport } from "./types.js";

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

export function toJsonDiagnostic(file: FileReport, d: Diagnostic): JsonDiagnostic {
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
    url: ruleUrl(d.name),
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
