import type { LineIndex } from "../python/text.js";
import type { Diagnostic } from "../core/types.js";

/** The report formats of `check --output-format` (the config's `output-format` takes the same). */
export { OUTPUT_FORMATS, type OutputFormat } from "../source/config.js";

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
  /** Diagnostics reported (in fix mode: those that remain). */
  diagnostics: number;
  files: number;
  /** Of those, the ones whose fix `--fix` applies: safe ones, and unsafe ones when unsafe fixes are on. */
  applicable: number;
  /** The ones whose unsafe fix `--unsafe-fixes` would add; counted only while unsafe fixes are neither on nor turned off. */
  hiddenUnsafe: number;
  /** In fix mode (--fix, --fix-only, --diff): the fixes applied (or, with --diff, that would be). */
  fixed?: { applied: number } | null;
  /** Bugs of ours that kept a file or a rule from being checked (said on stderr). */
  internalErrors?: readonly string[];
}
