// The fix engine: analyse → choose non-overlapping fixes by applicability → apply → re-parse →
// repeat until nothing changes (bounded). A fix that would add a syntax error or drop a comment
// is dropped and reported, never applied. Pure: text in, text out.
import type Parser from "tree-sitter";
import { parserLimit } from "../python/limits.js";
import { parsePython, pythonQuery, type Tree } from "../python/parser.js";
import { analyzeText, type AnalysisOptions, type FileResult } from "../rules/run.js";
import type { Diagnostic, Edit, Fix, Rule } from "../rules/types.js";
import { applyEdits } from "./edits.js";

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
  /** The analysis of the original text. */
  initial: FileResult;
  /** The analysis of the final text: what remains. */
  final: FileResult;
  applied: number;
  /** The fixes applied, counted by rule code. */
  fixed: Record<string, number>;
  /** Fixes dropped because their result would not parse, or would lose a comment. */
  rejected: RejectedFix[];
  /** Remaining diagnostics whose unsafe fix was not applied because unsafe fixes are off. */
  withheldUnsafe: number;
  /** False when fixes kept producing changes for MAX_ITERATIONS rounds: then none is applied (`text` is the original). */
  converged: boolean;
}

let errorQuery: Parser.Query | undefined;

/** ERROR and MISSING nodes: what a fix must not add. */
export function syntaxErrorCount(tree: Tree): number {
  if (!tree.rootNode.hasError) return 0;
  errorQuery ??= pythonQuery("(ERROR) @error (MISSING) @missing");
  return errorQuery.captures(tree.rootNode).length;
}

/**
 * Where the parser could not read the text: MISSING nodes (empty, where something was expected)
 * and ERROR nodes it could make nothing of (a stray `"""`). An ERROR around code it did read
 * (a whole function after an unclosed parenthesis) is not one: the calls in it are fixed as usual.
 */
function unreadableRanges(tree: Tree): Edit[] {
  if (!tree.rootNode.hasError) return [];
  errorQuery ??= pythonQuery("(ERROR) @error (MISSING) @missing");
  return errorQuery
    .captures(tree.rootNode)
    .filter(({ node }) => node.isMissing || node.namedChildren.every((c) => c.childCount === 0))
    .map(({ node }) => ({ start: node.startIndex, end: node.endIndex, content: "" }));
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

export function overlaps(a: Edit, b: Edit): boolean {
  // Touching edits count: two insertions at one point have no defined order.
  return a.start <= b.end && b.start <= a.end;
}

/** A rule's bug, not the user's: such a fix cannot be applied, but it must not stop the run. */
function selfOverlapping(fix: Fix): boolean {
  const sorted = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.some((e, i) => i > 0 && e.start < (sorted[i - 1] as Edit).end);
}

/** A fix must keep every comment inside the text it replaces. */
function losesComment(comments: { start: number; end: number; text: string }[], fix: Fix): boolean {
  return fix.edits.some((e) => comments.some((c) => c.start >= e.start && c.end <= e.end && c.end > c.start && !e.content.includes(c.text)));
}

export function fixText(filename: string, original: string, rules: readonly Rule[], options: FixOptions): FixResult {
  const initial = analyzeText(filename, original, rules, options.analysis);
  let analysis = initial;
  let text = original;
  let applied = 0;
  const fixed: Record<string, number> = {};
  const rejected: RejectedFix[] = [];
  const rejectedKeys = new Set<string>();
  const baseErrors = initial.context ? syntaxErrorCount(initial.context.tree) : 0;
  let converged = false;
  // A round that applies nothing has rejected a fix, so the guard only bounds pathological input.
  for (let round = 0, guard = 0; round < MAX_ITERATIONS && guard < 10 * MAX_ITERATIONS; guard++) {
    const context = analysis.context;
    const candidates = analysis.diagnostics.filter((d) => d.fix && allowed(d.fix, options) && !rejectedKeys.has(fixKey(text, d)));
    if (!context || candidates.length === 0) {
      converged = true;
      break;
    }
    const comments = context.tree.rootNode.descendantsOfType("comment").map((c) => ({ start: c.startIndex, end: c.endIndex, text: c.text }));
    const unreadable = unreadableRanges(context.tree);
    const reject = (d: Diagnostic, reason: string) => {
      rejectedKeys.add(fixKey(text, d));
      rejected.push({ code: d.code, message: (d.fix as Fix).message, reason });
    };
    const chosen: Diagnostic[] = [];
    const taken: Edit[] = [];
    for (const d of candidates) {
      const fix = d.fix as Fix;
      if (selfOverlapping(fix)) {
        reject(d, "its edits overlap each other");
        continue;
      }
      // In code the parser could not read (an unclosed string or bracket), an edit may land
      // inside the broken part, where it changes nothing the next round sees, again and again.
      if (fix.edits.some((e) => unreadable.some((u) => overlaps(e, u)))) {
        reject(d, "it edits code that does not parse");
        continue;
      }
      if (!fix.editsComments && losesComment(comments, fix)) {
        reject(d, "it would remove a comment");
        continue;
      }
      if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue; // next round
      chosen.push(d);
      taken.push(...fix.edits);
    }
    if (chosen.length === 0) continue;
    let next = applyEdits(text, taken);
    let nextAnalysis = analyzeParsable(filename, next, rules, options.analysis);
    if (!nextAnalysis || errorsOf(nextAnalysis, next) > baseErrors) {
      // Together they break the file: try the first alone; drop it if it breaks the file by itself.
      const first = chosen[0] as Diagnostic;
      next = applyEdits(text, (first.fix as Fix).edits);
      nextAnalysis = analyzeParsable(filename, next, rules, options.analysis);
      if (!nextAnalysis || errorsOf(nextAnalysis, next) > baseErrors) {
        reject(first, "its result would not parse");
        continue;
      }
      chosen.length = 1;
    }
    text = next;
    analysis = nextAnalysis;
    applied += chosen.length;
    for (const d of chosen) fixed[d.code] = (fixed[d.code] ?? 0) + 1;
    round++;
  }
  if (!converged) {
    // Fixes that keep changing the text are a rule's bug: none of them is kept.
    const withheld = options.unsafe ? 0 : initial.diagnostics.filter((d) => d.fix?.applicability === "unsafe").length;
    return { text: original, initial, final: initial, applied: 0, fixed: {}, rejected, withheldUnsafe: withheld, converged };
  }
  const withheldUnsafe = options.unsafe ? 0 : analysis.diagnostics.filter((d) => d.fix?.applicability === "unsafe").length;
  return { text, initial, final: analysis, applied, fixed, rejected, withheldUnsafe, converged };
}

/** The analysis of a fix's result; null when the parser cannot be given it (indented too deep). */
function analyzeParsable(filename: string, text: string, rules: readonly Rule[], options?: AnalysisOptions): FileResult | null {
  return parserLimit(text) ? null : analyzeText(filename, text, rules, options);
}

function errorsOf(result: FileResult, text: string): number {
  return syntaxErrorCount(result.context ? result.context.tree : parsePython(text));
}
