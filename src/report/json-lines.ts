// --output-format json-lines: one JSON object per line (the shape of --output-format json),
// sorted the same way; easy to stream and to grep.
import { compareJsonDiagnostics, toJsonDiagnostic } from "./json.js";
import type { FileReport } from "./types.js";

export function renderJsonLines(files: readonly FileReport[]): string {
  const all = files.flatMap((f) => f.diagnostics.map((d) => toJsonDiagnostic(f, d)));
  all.sort(compareJsonDiagnostics);
  return all.map((d) => JSON.stringify(d) + "\n").join("");
}
