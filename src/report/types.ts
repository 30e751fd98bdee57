import type { LineIndex } from "../python/text.js";
import type { Diagnostic } from "../core/types.js";

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

/** What a run found and did, for the summary line. */
export interface Summary {
  diagnostics: number;
  safeFixes: number;
  unsafeFixes: number;
  files: number;
  /** In fix mode: fixes applied, and unsafe fixes not applied because --unsafe-fixes is off. */
  fixed?: { applied: number; withheldUnsafe: number } | null;
}
