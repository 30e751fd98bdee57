// Applying edits to a text: the fix engine, the translator and the rules that look ahead at a
// fix's result all do it the same way.
import type { Edit } from "./types.js";

/** Apply non-overlapping edits (any order) to `text`. Throws on overlap: that is a bug in a rule. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error(`overlapping edits at ${e.start}`);
    out += text.slice(pos, e.start) + e.content;
    pos = e.end;
  }
  return out + text.slice(pos);
}
