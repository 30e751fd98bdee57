// The per-file work of `check`, as a pure function of (file, settings) so that it can run on
// the main thread or in a worker, and the loop that runs it over discovered files in order.
// Settings are plain data (rule codes, not rule objects) so they can cross to a worker.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createTwoFilesPatch } from "diff";
import { fixText, MAX_ITERATIONS } from "../fix/apply.js";
import { removeStaleTempFiles, writeAtomic, WriteRefusedError } from "../source/write.js";
import { readTransient } from "../source/read.js";
import { LineIndex } from "../python/text.js";
import { RULES } from "../rules/index.js";
import { analyzeText, unreadableDiagnostics } from "../rules/run.js";
import { analysisLimit, mayCallJson } from "../python/prefilter.js";
import type { AnalysisOptions } from "../python/context.js";
import { jsonModulesFor } from "../source/reexports.js";
import { nativeBackend } from "../backends/native.js";
import type { Rule } from "../rules/types.js";
import type { Diagnostic } from "../core/types.js";
import { displayPath } from "../core/display.js";
import type { FileReport } from "../report/types.js";
import type { Selection } from "../rules/select.js";
import { decodesWithout, decodeSource, DEFAULT_MAX_BYTES, encodeSource } from "../source/load.js";
import { describeFsError, type Discovered } from "../source/discover.js";
import { fixableCodes, findConfig, loadConfigOnce, rulesForFile, type DumplingConfig, type FixableSelection } from "../source/config.js";
import { addNoqa } from "./add-noqa.js";

export interface Settings {
  /** Codes of the rules to run. */
  rules: string[];
  maxBytes: number;
  /** The name to report for stdin. */
  stdinFilename: string;
  /** Fix mode; absent: report only. */
  fix?: FixSettings;
  /**
   * Per-file configuration: the config file named with --config, or the one found by walking
   * up from each file, with the command line's selection layered over it. Absent: `rules`.
   */
  config?: { file: string | null; cli: Selection };
  /** The command line's --target-version (over every config's); absent: the config's, or py39. */
  targetVersion?: number;
  /** The command line's --fixable/--unfixable/--extend-fixable, layered over the config's. */
  fixable?: FixableSelection;
  /** --add-noqa: write `# noqa` comments that silence every diagnostic (no fixing, no report). */
  addNoqa?: boolean;
}

export interface FixSettings {
  /** "write": fix files in place (stdin: print the fixed source); "diff": print unified diffs, write nothing. */
  mode: "write" | "diff";
  unsafe: boolean;
}

export interface FixSummary {
  applied: number;
  /** The fixes applied, counted by rule code (--show-fixes). */
  fixed: Record<string, number>;
  withheldUnsafe: number;
  /** Fixes dropped (they would not parse, or would remove a comment), and a write that was refused. */
  problems: string[];
  /** diff mode: the unified diff ("" when nothing changes). */
  diff?: string;
  /** stdin in write mode: the fixed source, in the source's own encoding (the input as it was when it cannot be read). */
  output?: Uint8Array;
  /** Whether the text changed (and, in write mode for a file, was written). */
  changed: boolean;
}

export interface FileOutcome {
  report: FileReport;
  /** Rules that threw on this file: reported as internal errors (exit 2), the rest still reported. */
  internalErrors: string[];
  /** In fix mode: what fixing did. The report then holds what remains. */
  fix?: FixSummary;
  /** With --add-noqa: the comments written, and the lines that could not take one. */
  noqa?: { added: number; problems: string[] };
}

export function defaultSettings(rules: readonly Rule[]): Settings {
  return { rules: rules.map((r) => r.meta.code), maxBytes: DEFAULT_MAX_BYTES, stdinFilename: "-" };
}

function rulesOf(settings: Settings): Rule[] {
  return RULES.filter((r) => settings.rules.includes(r.meta.code));
}

function unreadable(filename: string, reason: string, settings: Settings): FileOutcome {
  return { report: { filename, lines: null, diagnostics: unreadableDiagnostics(filename, reason, rulesOf(settings)) }, internalErrors: [] };
}

/** The configuration that applies to a file: the one named with --config, or its nearest; none without `settings.config`. */
export function configFor(filename: string, settings: Settings): DumplingConfig | null {
  if (!settings.config) return null;
  return settings.config.file ? loadConfigOnce(settings.config.file) : findConfig(dirname(resolve(filename)));
}

/** The rules for one file and how to analyse it: `settings.rules`, or its configuration's. */
export function fileSettings(filename: string, text: string, settings: Settings): { rules: Rule[]; analysis: AnalysisOptions } {
  return { rules: rulesFor(filename, settings), analysis: analysisFor(filename, text, configFor(filename, settings), settings) };
}

/**
 * How to analyse a file: the native parser; the modules that re-export json for it (the
 * configuration's `extend-json-modules` and the project's own compat modules it imports json
 * from); the target version; the codes whose fixes are kept.
 */
function analysisFor(filename: string, text: string, config: DumplingConfig | null, settings: Settings): AnalysisOptions {
  const found = filename !== "-" && mayCallJson(text) ? jsonModulesFor(filename, text) : [];
  const analysis: AnalysisOptions = { backend: nativeBackend, jsonModules: [...(config?.extendJsonModules ?? []), ...found] };
  const targetVersion = settings.targetVersion ?? config?.targetVersion;
  if (targetVersion !== undefined) analysis.targetVersion = targetVersion;
  const fixable = fixableFor(config, settings);
  if (fixable) analysis.fixable = fixable;
  return analysis;
}

const fixableBySettings = new WeakMap<Settings, WeakMap<object, ReadonlySet<string> | null>>();
const NO_CONFIG = {};

/** The codes whose fixes are kept for a config (null: every code's), worked out once per config and run. */
function fixableFor(config: DumplingConfig | null, settings: Settings): ReadonlySet<string> | null {
  let fixableByConfig = fixableBySettings.get(settings);
  if (!fixableByConfig) fixableBySettings.set(settings, (fixableByConfig = new WeakMap()));
  const key = config ?? NO_CONFIG;
  let codes = fixableByConfig.get(key);
  if (codes === undefined) {
    const layered = settings.fixable || config?.fixables.some((f) => f.fixable || f.unfixable || f.extendFixable);
    fixableByConfig.set(key, (codes = layered ? fixableCodes(config, settings.fixable ?? {}) : null));
  }
  return codes;
}

/** The rules for one file: `settings.rules`, or its configuration's. */
export function rulesFor(filename: string, settings: Settings): Rule[] {
  if (!settings.config) return rulesOf(settings);
  const config = configFor(filename, settings);
  // Without per-file-ignores the list is the same for every file of a config: worked out once.
  const perFile = config !== null && (config.perFileIgnores?.length || config.extendPerFileIgnores.length);
  let byConfig = rulesBySettings.get(settings);
  if (!byConfig) rulesBySettings.set(settings, (byConfig = new WeakMap()));
  const key = config ?? NO_CONFIG;
  const cached = perFile ? undefined : byConfig.get(key);
  if (cached) return cached;
  const codes = rulesForFile(filename, config, settings.config.cli);
  const rules = RULES.filter((r) => codes.includes(r.meta.code));
  if (!perFile) byConfig.set(key, rules);
  return rules;
}

const rulesBySettings = new WeakMap<Settings, WeakMap<object, Rule[]>>();

function internalErrorsOf(filename: string, errors: { rule: string; error: unknown }[]): string[] {
  return errors.map((e) => `${displayPath(filename)}: rule ${e.rule} failed: ${e.error instanceof Error ? e.error.message : String(e.error)}`);
}

/** Check one file's bytes (with `settings.fix`: fix them, writing nothing; stdin's fixed bytes are the output). */
export function checkBytes(filename: string, bytes: Uint8Array, settings: Settings): FileOutcome {
  return analyseBytes(filename, bytes, settings, null);
}

/**
 * A file's text as the analysis takes it, or why it cannot be analysed (too large, undecodable,
 * past what the parser or the model handle). `check` and `convert` read files through this.
 */
export function sourceText(bytes: Uint8Array, maxBytes: number): DecodedText | { ok: false; reason: string } {
  if (bytes.length > maxBytes) return { ok: false, reason: `larger than the ${Math.round(maxBytes / 1024 / 1024)} MiB limit` };
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return decoded;
  const limit = analysisLimit(decoded.text);
  return limit ? { ok: false, reason: limit } : decoded;
}

/** Check or fix one file's bytes; a fix in write mode is written to `writeTo`. */
function analyseBytes(filename: string, bytes: Uint8Array, settings: Settings, writeTo: string | null): FileOutcome {
  // Most files of a tree cannot mention json: they are not even decoded. (Stdin being fixed is
  // printed back decoded, so it takes the long way.)
  if (!settings.fix && bytes.length <= settings.maxBytes && decodesWithout(bytes, "json")) return { report: { filename, lines: null, diagnostics: [] }, internalErrors: [] };
  const decoded = sourceText(bytes, settings.maxBytes);
  if (!decoded.ok) return unreadable(filename, decoded.reason, settings);
  const { rules, analysis } = fileSettings(filename, decoded.text, settings);
  if (settings.fix) return fixBytes(filename, bytes, decoded, rules, analysis, settings.fix, writeTo);
  const result = analyzeText(filename, decoded.text, rules, analysis);
  if (settings.addNoqa && result.context && writeTo !== null) return addNoqaComments(filename, bytes, decoded, result, writeTo);
  const lines = result.context?.lines ?? (result.diagnostics.length > 0 ? new LineIndex(decoded.text) : null);
  return { report: { filename, lines, diagnostics: result.diagnostics }, internalErrors: internalErrorsOf(filename, result.internalErrors) };
}

type DecodedText = Extract<ReturnType<typeof decodeSource>, { ok: true }>;

/**
 * Fix one file. `path` is where to write (null: stdin, or diff mode): the write is refused when
 * the file no longer holds `bytes`, and the report then shows the diagnostics of the original.
 */
function fixBytes(filename: string, bytes: Uint8Array, decoded: DecodedText, rules: Rule[], analysis: AnalysisOptions, fix: FixSettings, path: string | null): FileOutcome {
  const result = fixText(filename, decoded.text, rules, { unsafe: fix.unsafe }, analysis);
  const shown = displayPath(filename);
  const problems = result.rejected.map((r) => `${shown}: the fix for ${r.code} (${r.message}) was dropped: ${r.reason}`);
  if (!result.converged) problems.push(`${shown}: fixes did not settle in ${MAX_ITERATIONS} rounds; none was applied`);
  const changed = result.text !== decoded.text;
  const summary: FixSummary = { applied: result.applied, fixed: countByCode(result.fixed), withheldUnsafe: result.withheldUnsafe, problems, changed };
  let final = result.final;
  let text = result.text;
  if (fix.mode === "diff") {
    summary.diff = changed ? createTwoFilesPatch(filename, filename, decoded.text, result.text, undefined, undefined, { context: 3 }).replace(/^Index: [^\n]*\n=+\n/, "") : "";
  } else if (path === null) {
    try {
      summary.output = changed ? encodeSource(result.text, decoded.encoding) : bytes;
    } catch (e) {
      problems.push(`${shown}: not fixed: ${(e as Error).message}`);
      summary.output = bytes;
    }
  } else if (changed) {
    try {
      writeAtomic(path, encodeSource(result.text, decoded.encoding), bytes);
    } catch (e) {
      const reason = e instanceof WriteRefusedError ? e.message : describeFsError(e);
      problems.push(`${shown}: not fixed: ${reason}`);
      summary.applied = 0;
      summary.fixed = {};
      summary.changed = false;
      final = result.initial;
      text = decoded.text;
    }
  }
  const lines = final.context?.lines ?? (final.diagnostics.length > 0 ? new LineIndex(text) : null);
  return { report: { filename, lines, diagnostics: final.diagnostics }, internalErrors: internalErrorsOf(filename, final.internalErrors), fix: summary };
}

/**
 * --add-noqa on one file: the comments are written atomically, in the file's encoding, only if
 * the file still holds `bytes`. The report holds the diagnostics that remain (none, unless a
 * line could not take a comment).
 */
function addNoqaComments(filename: string, bytes: Uint8Array, decoded: DecodedText, result: ReturnType<typeof analyzeText>, path: string): FileOutcome {
  const context = result.context!;
  const shown = displayPath(filename);
  const added = addNoqa(context, result.diagnostics);
  const problems = added.skipped.map((s) => `${shown}:${s.line}: no noqa comment added: ${s.reason}`);
  let count = added.added;
  if (count > 0) {
    try {
      writeAtomic(path, encodeSource(added.text, decoded.encoding), bytes);
    } catch (e) {
      problems.push(`${shown}: not changed: ${e instanceof WriteRefusedError ? e.message : describeFsError(e)}`);
      count = 0;
    }
  }
  return { report: { filename, lines: context.lines, diagnostics: [] }, internalErrors: internalErrorsOf(filename, result.internalErrors), noqa: { added: count, problems } };
}

/**
 * Fix a file whose bytes were read earlier: the write happens only if the file still holds
 * them. processEntry reads and calls this; a test can change the file in between.
 */
export function fixFile(path: string, bytes: Uint8Array, settings: Settings): FileOutcome {
  return analyseBytes(path, bytes, settings, settings.fix?.mode === "write" ? path : null);
}

/**
 * Read and check (or fix) one discovered entry. Whatever fails on one file (a bug of ours) is
 * that file's internal error: the run goes on and every other result is still reported.
 */
export function processEntry(entry: Discovered, settings: Settings): FileOutcome {
  try {
    return processEntryUnguarded(entry, settings);
  } catch (e) {
    const filename = entry.kind === "stdin" ? settings.stdinFilename : entry.path;
    const error = `${displayPath(filename)}: ${e instanceof Error ? e.message : String(e)}`;
    if (settings.fix && entry.kind === "file") {
      // Fixing failed: what checking alone finds is still reported (the file is left as it was).
      try {
        const checked = processEntryUnguarded(entry, { ...settings, fix: undefined });
        return { ...checked, internalErrors: [...checked.internalErrors, error] };
      } catch {
        // Checking fails too: the internal error is all there is.
      }
    }
    return { report: { filename, lines: null, diagnostics: [] }, internalErrors: [error] };
  }
}

function processEntryUnguarded(entry: Discovered, settings: Settings): FileOutcome {
  if (entry.kind === "error") return unreadable(entry.path, entry.reason, settings);
  const filename = entry.kind === "stdin" ? settings.stdinFilename : entry.path;
  // Checking alone keeps nothing of a file's bytes (its text is decoded into a string): they
  // can be read into the buffer every file reuses. Fixing keeps them to compare before writing.
  const transient = entry.kind === "file" && !settings.fix && !settings.addNoqa;
  let bytes: Uint8Array;
  try {
    bytes = entry.kind === "stdin" ? readFileSync(0) : transient ? readTransient(entry.path) : readFileSync(entry.path);
  } catch (e) {
    return unreadable(filename, describeFsError(e), settings);
  }
  if (entry.kind === "file" && settings.fix) {
    if (settings.fix.mode === "write") removeStaleTempFiles(entry.path);
    return fixFile(entry.path, bytes, settings);
  }
  if (entry.kind === "file" && settings.addNoqa) {
    removeStaleTempFiles(entry.path);
    return analyseBytes(entry.path, bytes, settings, entry.path);
  }
  const outcome = checkBytes(filename, bytes, settings);
  // An editor replaces its buffer with what a fix of stdin prints: unreadable input comes back as it was.
  if (entry.kind === "stdin" && settings.fix?.mode === "write" && !outcome.fix) {
    outcome.fix = { applied: 0, fixed: {}, withheldUnsafe: 0, problems: [], changed: false, output: bytes };
  }
  return outcome;
}

/** What is kept of an outcome until it is reported: a file's text (in its LineIndex) only if it has diagnostics. */
export function lean(outcome: FileOutcome): FileOutcome {
  const { report } = outcome;
  if (report.lines && report.diagnostics.length === 0) return { ...outcome, report: { ...report, lines: null } };
  return outcome;
}

/** The fixes applied, counted by rule code (for --statistics and --show-fixes). */
function countByCode(fixed: readonly { diagnostic: Diagnostic }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { diagnostic } of fixed) counts[diagnostic.code] = (counts[diagnostic.code] ?? 0) + 1;
  return counts;
}
