// The per-file work of `check`, as a pure function of (file, settings) so that it can run on
// the main thread or in a worker, and the loop that runs it over discovered files in order.
// Settings are plain data (rule codes, not rule objects) so they can cross to a worker.
import { readFileSync } from "node:fs";
import { releaseDeadTrees } from "../python/parser.js";
import { LineIndex } from "../python/text.js";
import { RULES } from "../rules/index.js";
import { analyzeText } from "../rules/run.js";
import type { Diagnostic, Rule } from "../rules/types.js";
import type { FileReport } from "../report/types.js";
import { decodeSource, DEFAULT_MAX_BYTES } from "../source/load.js";
import { describeFsError, discover, type DiscoverOptions, type Discovered } from "../source/discover.js";

export interface Settings {
  /** Codes of the rules to run. */
  rules: string[];
  maxBytes: number;
  /** The name to report for stdin. */
  stdinFilename: string;
}

export interface FileOutcome {
  report: FileReport;
  /** Rules that threw on this file: reported as internal errors (exit 2), the rest still reported. */
  internalErrors: string[];
}

export function defaultSettings(rules: readonly Rule[]): Settings {
  return { rules: rules.map((r) => r.meta.code), maxBytes: DEFAULT_MAX_BYTES, stdinFilename: "-" };
}

function rulesOf(settings: Settings): Rule[] {
  return RULES.filter((r) => settings.rules.includes(r.meta.code));
}

function unreadable(filename: string, reason: string, settings: Settings): FileOutcome {
  const meta = RULES.find((r) => r.meta.code === "JSN901")?.meta;
  const diagnostics: Diagnostic[] =
    meta && settings.rules.includes(meta.code)
      ? [{ code: meta.code, name: meta.name, message: `Cannot read \`${filename}\`: ${reason}`, severity: meta.severity, start: 0, end: 0, fix: null }]
      : [];
  return { report: { filename, lines: null, diagnostics }, internalErrors: [] };
}

/** Check one file's bytes. */
export function checkBytes(filename: string, bytes: Uint8Array, settings: Settings): FileOutcome {
  if (bytes.length > settings.maxBytes) {
    return unreadable(filename, `larger than the ${Math.round(settings.maxBytes / 1024 / 1024)} MiB limit`, settings);
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return unreadable(filename, decoded.reason, settings);
  const result = analyzeText(filename, decoded.text, rulesOf(settings));
  const internalErrors = result.internalErrors.map(
    (e) => `${filename}: rule ${e.rule} failed: ${e.error instanceof Error ? e.error.message : String(e.error)}`,
  );
  const lines = result.context?.lines ?? (result.diagnostics.length > 0 ? new LineIndex(decoded.text) : null);
  return { report: { filename, lines, diagnostics: result.diagnostics }, internalErrors };
}

/** Read and check one discovered entry. */
export function processEntry(entry: Discovered, settings: Settings): FileOutcome {
  if (entry.kind === "error") return unreadable(entry.path, entry.reason, settings);
  const filename = entry.kind === "stdin" ? settings.stdinFilename : entry.path;
  let bytes: Uint8Array;
  try {
    bytes = entry.kind === "stdin" ? readFileSync(0) : readFileSync(entry.path);
  } catch (e) {
    return unreadable(filename, describeFsError(e), settings);
  }
  return checkBytes(filename, bytes, settings);
}

/**
 * A worker costs about 50 ms of CPU to start (a Node isolate: 21 ms; tree-sitter, our modules
 * and tinypool: the rest), and a file costs from 0.05 ms (no "json" in it) to 10 ms and more to
 * check, so a file count says little. The run starts on the main thread and starts workers once
 * it has worked WORKERS_AFTER_MS with WORKERS_MIN_FILES files or more left; they then start on
 * idle cores while this thread goes on, so a run that ends meanwhile loses little. A pre-commit
 * run on a few files never starts one. (Measured: README, "Performance".)
 */
export const WORKERS_AFTER_MS = 20;
export const WORKERS_MIN_FILES = 16;

/**
 * Every outcome, in discovery order. With `threads` > 1, a run that lasts is finished by the
 * main thread and `threads - 1` workers (src/cli/pool.ts).
 */
export async function* runFiles(paths: readonly string[], settings: Settings, discoverOptions: DiscoverOptions = {}, threads = 1): AsyncGenerator<FileOutcome> {
  const found = discover(paths, discoverOptions);
  const started = performance.now();
  for (let next = found.next(); !next.done; next = found.next()) {
    yield processEntry(next.value, settings);
    await releaseDeadTrees();
    if (threads > 1 && performance.now() - started >= WORKERS_AFTER_MS) {
      const ahead: Discovered[] = [];
      while (ahead.length < WORKERS_MIN_FILES) {
        const n = found.next();
        if (n.done) break;
        ahead.push(n.value);
      }
      if (ahead.length === WORKERS_MIN_FILES) {
        const { checkInWorkers } = await import("./pool.js");
        yield* checkInWorkers(concat(ahead, found), settings, threads);
        return;
      }
      for (const entry of ahead) {
        yield processEntry(entry, settings);
        await releaseDeadTrees();
      }
      return;
    }
  }
}

function* concat<T>(head: readonly T[], rest: Iterator<T>): Generator<T> {
  yield* head;
  for (let next = rest.next(); !next.done; next = rest.next()) yield next.value;
}
