import type { LineIndex } from "../python/text.js";
import type { Diagnostic } from "../rules/types.js";
import type { Summary } from "./text.js";

/** The report formats of `check --output-format`. */
export const OUTPUT_FORMATS = ["text", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The diagnostics of one file, with what reporters need to show positions and source lines. */
export interface FileReport {
  filename: string;
  /** Absent when the file could not be read. */
  lines: LineIndex | null;
  diagnostics: Diagnostic[];
}

/**
 * Renders a run's results as they come: `file` is called once per file, in discovery order,
 * and what it returns is written at once; `end` returns the rest (a summary, a closing bracket,
 * or everything a reporter had to hold back).
 */
export interface Reporter {
  file(report: FileReport): string;
  end(summary: Summary): string;
}
