// The fix engine: analyse → choose non-overlapping fixes by applicability → apply → re-parse →
// repeat until nothing changes (bounded). A fix that would add a syntax error or drop a comment
// is dropped and reported, never applied. Pure: text in, text out.
import type { AnalysisOptions } from "../python/context.js";
import { parserLimit } from "../python/limits.js";
import { parsePython } from "../python/parser.js";
import type { LineIndex } from "../python/text.js";
import { errorNodes, type ParserBackend, type Tree } from "../python/tree.js";
import { analyzeText, releaseResult, type FileResult } from "../rules/run.js";
import type { Rule } from "../rules/types.js";
import type { Diagnostic, Edit, Fix } from "../core/types.js";
import { applyEdits } from "../core/edits.js";
import { selectFixes } from "./select.js";

export const MAX_ITERATIONS = 10;

export interface FixOptions {
  /** Apply unsafe fixes too (`--unsafe-fixes`). */
  unsafe: boolean;
  /** Passed to every analysis (target version, fixable codes). */
  analysis?: AnalysisOptions;
}

export interface RejectedFix {
  code: string;
  message: string;
  reason: string;
}

export interface FixResult {
  /** The text after every fix. */
  text: string;
  /** The analysis of the original text (the caller releases it and `final`: releaseResult). */
  initial: FileResult;
  /** The analysis of the final text: what remains. */
  final: FileResult;
  applied: number;
  /** The diagnostics whose fixes were applied, each with the lines of the text it was applied to. */
  fixed: { diagnostic: Diagnostic; lines: LineIndex }[];
  /** Fixes dropped because their result would not parse, or would lose a comment. */
  rejected: RejectedFix[];
  /** Remaining diagnostics whose unsafe fix was not applied because unsafe fixes are off. */
  withheldUnsafe: number;
  /** False when fixes kept producing changes for MAX_ITERATIONS rounds: then none is applied (`text` is the original). */
  converged: boolean;
}

/** ERROR and MISSING nodes: what a fix must not add. */
export function syntaxErrorCount(tree: Tree): number {
  return errorNodes(tree.rootNode).length;
}

function allowed(fix: Fix, options: FixOptions): boolean {
  return fix.applicability === "safe" || options.unsafe;
}

/**
 * Identifies a fix across rounds: the same rule, message and edits over the same text, in the
 * same surroundings (two insertions of `, encoding="utf-8"` into two calls are two fixes).
 */
function fixKey(text: string, d: Diagnostic): string {
  const fix = d.fix as Fix;
  return [d.code, fix.message, ...fix.edits.map((e) => `${text.slice(Math.max(0, e.start - 32), e.end + 32)}\u0000${e.start - Math.max(0, e.start - 32)}\u0000${e.end - e.start}\u0000${e.content}`)].join("\u0001");
}

export function fixText(filename: string, original: string, rules: readonly Rule[], options: FixOptions, analysis: AnalysisOptions): FixResult {
  const initial = analyzeText(filename, original, rules, analysis);
  let current = initial;
  let text = original;
  let applied = 0;
  const fixed: FixResult["fixed"] = [];
  const rejected: RejectedFix[] = [];
  const rejectedKeys = new Set<string>();
  const baseErrors = initial.context ? syntaxErrorCount(initial.context.tree) : 0;
  let converged = false;
  // A round that applies nothing has rejected a fix, so the guard only bounds pathological input.
  for (let round = 0, guard = 0; round < MAX_ITERATIONS && guard < 10 * MAX_ITERATIONS; guard++) {
    const context = current.context;
    const candidates = current.diagnostics.filter((d) => d.fix && allowed(d.fix, options) && !rejectedKeys.has(fixKey(text, d)));
    if (!context || candidates.length === 0) {
      converged = true;
      break;
    }
    const selection = selectFixes(context, candidates);
    for (const { diagnostic, reason } of selection.refused) {
      rejectedKeys.add(fixKey(text, diagnostic));
      rejected.push({ code: diagnostic.code, message: (diagnostic.fix as Fix).message, reason });
    }
    const chosen = selection.chosen;
    const taken = selection.edits;
    if (chosen.length === 0) continue;
    let next = applyEdits(text, taken);
    let nextAnalysis = analyzeParsable(filename, next, rules, analysis);
    if (!nextAnalysis || errorsOf(nextAnalysis, next, analysis.backend) > baseErrors) {
      releaseResult(nextAnalysis, analysis.backend);
      // Together they break the file: try the first alone; drop it if it breaks the file by itself.
      const first = chosen[0] as Diagnostic;
      next = applyEdits(text, (first.fix as Fix).edits);
      nextAnalysis = analyzeParsable(filename, next, rules, analysis);
      if (!nextAnalysis || errorsOf(nextAnalysis, next, analysis.backend) > baseErrors) {
        releaseResult(nextAnalysis, analysis.backend);
        rejectedKeys.add(fixKey(text, first));
        rejected.push({ code: first.code, message: (first.fix as Fix).message, reason: "its result would not parse" });
        continue;
      }
      chosen.length = 1;
    }
    text = next;
    for (const diagnostic of chosen) fixed.push({ diagnostic, lines: context.lines });
    if (current !== initial) releaseResult(current, analysis.backend);
    current = nextAnalysis;
    applied += chosen.length;
    round++;
  }
  if (!converged) {
    // Fixes that keep changing the text are a rule's bug: none of them is kept.
    if (current !== initial) releaseResult(current, analysis.backend);
    const withheld = options.unsafe ? 0 : initial.diagnostics.filter((d) => d.fix?.applicability === "unsafe").length;
    return { text: original, initial, final: initial, applied: 0, fixed: [], rejected, withheldUnsafe: withheld, converged };
  }
  const withheldUnsafe = options.unsafe ? 0 : current.diagnostics.filter((d) => d.fix?.applicability === "unsafe").length;
  return { text, initial, final: current, applied, fixed, rejected, withheldUnsafe, converged };
}

/** The analysis of a fix's result; null when the parser cannot be given it (indented too deep). */
function analyzeParsable(filename: string, text: string, rules: readonly Rule[], analysis: AnalysisOptions): FileResult | null {
  return parserLimit(text) ? null : analyzeText(filename, text, rules, analysis);
}

function errorsOf(result: FileResult, text: string, backend: ParserBackend): number {
  if (result.context) return syntaxErrorCount(result.context.tree);
  const tree = parsePython(backend, text);
  try {
    return syntaxErrorCount(tree);
  } finally {
    backend.release(tree);
  }
}

