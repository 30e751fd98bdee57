import type { LineIndex } from "../python/text.js";
import type { Diagnostic } from "../rules/types.js";

/** The diagnostics of one file, with what reporters need to show positions and source lines. */
export interface FileReport {
  filename: string;
  /** Absent when the file could not be read. */
  lines: LineIndex | null;
  diagnostics: Diagnostic[];
}
