// Parsing Python source through a backend (src/python/tree.ts), with what Python reads
// differently from the grammar taken care of.
import { parserLimit } from "./limits.js";
import type { ParserBackend, Point, TextEdit, Tree } from "./tree.js";

/**
 * Python reads a lone \r as a line break; the grammar's scanner does not (a file saved with
 * classic Mac line endings parsed as one broken line). The grammar is given the text with \n in
 * their place, which keeps every index, and node.text still reads the original.
 */
function grammarText(text: string): string {
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
}

export function parsePython(backend: ParserBackend, text: string): Tree {
  // What would abort the process in the parser's C code is an exception here (callers check parserLimit first).
  const limit = parserLimit(text);
  if (limit) throw new Error(`cannot parse: ${limit}`);
  const parsed = grammarText(text);
  return parsed === text ? backend.parse(text) : backend.parse(parsed, text);
}

/**
 * The tree of `text`, reusing `old`, the tree parsePython gave for `oldText` (it is edited: use
 * only the result after, and release `old`). The same tree as parsePython(backend, text).
 */
export function reparsePython(backend: ParserBackend, old: Tree, oldText: string, text: string): Tree {
  const limit = parserLimit(text);
  if (limit) throw new Error(`cannot parse: ${limit}`);
  const parsed = grammarText(text);
  // The change between the texts the grammar read: a lone \r that a change made a \r\n (or the
  // other way) is part of it.
  const edit = textEdit(grammarText(oldText), parsed);
  const tree = parsed === text ? backend.reparse(old, edit, text) : backend.reparse(old, edit, parsed, text);
  if (!tree.rootNode.hasError) return tree;
  // Error recovery depends on what the old tree offered: with a syntax error the incremental tree
  // can differ from a fresh parse's (seen: an error node the fresh parse did not have), so such a
  // text is parsed afresh.
  backend.release(tree);
  return parsed === text ? backend.parse(text) : backend.parse(parsed, text);
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * The one edit that turns `before` into `after`: what lies between their common prefix and
 * their common suffix, widened so as not to split a surrogate pair. Exact whatever the changes
 * were (several, in any encoding, \r\n made \n), for a scan of the text.
 */
export function textEdit(before: string, after: string): TextEdit {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < shorter - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (start > 0 && isHigh(before.charCodeAt(start - 1))) start--;
  if (suffix > 0 && isLow(before.charCodeAt(before.length - suffix))) suffix--;
  const oldEndIndex = before.length - suffix;
  const newEndIndex = after.length - suffix;
  return {
    startIndex: start,
    oldEndIndex,
    newEndIndex,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, oldEndIndex),
    newEndPosition: pointAt(after, newEndIndex),
  };
}

/** tree-sitter's point of a UTF-16 offset: rows count \n, columns are UTF-16 units. */
export function pointAt(text: string, index: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: index - lineStart };
}
