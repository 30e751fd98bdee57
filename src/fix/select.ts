// Which fixes go together into one round: the fix engine (apply.ts) and the translator (which
// translates a call as its fix intends) choose them the same way, here.
import type { Diagnostic, Edit, Fix } from "../core/types.js";
import type { FileContext } from "../python/context.js";
import { errorNodes, type Tree } from "../python/tree.js";

export function overlaps(a: Edit, b: Edit): boolean {
  // Touching edits count: two insertions at one point have no defined order.
  return a.start <= b.end && b.start <= a.end;
}

export interface FixSelection {
  /** The diagnostics whose fixes are applied together, each whole. */
  chosen: Diagnostic[];
  /** Their edits, sorted. */
  edits: Edit[];
  /** Fixes that can never be applied to this text, and why. */
  refused: { diagnostic: Diagnostic; reason: string }[];
}

/**
 * The fixes of `candidates` (in order) whose edits overlap no fix chosen before them; a fix is
 * taken whole or not at all. Refused for good: a fix whose edits overlap each other (a rule's
 * bug), one that edits code the parser could not read, one that would drop a comment.
 */
export function selectFixes(context: FileContext, candidates: readonly Diagnostic[]): FixSelection {
  const comments = context.tree.rootNode.descendantsOfType("comment").map((c) => ({ start: c.startIndex, end: c.endIndex, text: c.text }));
  const unreadable = unreadableRanges(context.tree);
  const selection: FixSelection = { chosen: [], edits: [], refused: [] };
  for (const d of candidates) {
    const fix = d.fix as Fix;
    if (selfOverlapping(fix)) {
      selection.refused.push({ diagnostic: d, reason: "its edits overlap each other" });
      continue;
    }
    // In code the parser could not read (an unclosed string or bracket), an edit may land
    // inside the broken part, where it changes nothing the next round sees, again and again.
    if (fix.edits.some((e) => unreadable.some((u) => overlaps(e, u)))) {
      selection.refused.push({ diagnostic: d, reason: "it edits code that does not parse" });
      continue;
    }
    if (!fix.editsComments && losesComment(comments, fix)) {
      selection.refused.push({ diagnostic: d, reason: "it would remove a comment" });
      continue;
    }
    if (fix.edits.some((e) => selection.edits.some((t) => overlaps(e, t)))) continue; // another round
    selection.chosen.push(d);
    selection.edits.push(...fix.edits);
  }
  selection.edits.sort((a, b) => a.start - b.start || a.end - b.end);
  return selection;
}

/**
 * Where the parser could not read the text: MISSING nodes (empty, where something was expected)
 * and ERROR nodes it could make nothing of (a stray `"""`). An ERROR around code it did read
 * (a whole function after an unclosed parenthesis) is not one: the calls in it are fixed as usual.
 */
function unreadableRanges(tree: Tree): Edit[] {
  return errorNodes(tree.rootNode)
    .filter((node) => node.isMissing || node.namedChildren.every((c) => c.childCount === 0))
    .map((node) => ({ start: node.startIndex, end: node.endIndex, content: "" }));
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
