// --add-noqa: a `# noqa: CODES` comment on each line where a diagnostic starts, so that every
// current diagnostic is silenced (as ruff's --add-noqa). A line that already has a
// `# noqa: ...` comment gets the new codes added to it, sorted, and keeps its other codes (other
// tools' too) and any comment text after them (ruff rewrites the comment and drops such text);
// other lines get `  # noqa: CODES` after their code and comment. A line that ends inside a
// string or continues with a backslash cannot take a comment: its diagnostics are left, and said.
import { syntaxErrorCount } from "../fix/apply.js";
import { applyEdits } from "../core/edits.js";
import type { Diagnostic, Edit } from "../core/types.js";
import type { FileContext } from "../python/context.js";
import { parsePython } from "../python/parser.js";
import type { SyntaxNode } from "../python/tree.js";
import { findNoqa } from "../rules/noqa.js";

/** Codes --add-noqa never writes: a syntax error or an unreadable file is not silenced, nor is JSN100 (as ruff leaves RUF100). */
const NOT_SILENCED = new Set(["JSN000", "JSN100", "JSN901"]);

export interface AddNoqaResult {
  text: string;
  /** Comments added or extended. */
  added: number;
  /** Lines that could not take a comment (1-based), with why. */
  skipped: { line: number; reason: string }[];
}

function insideString(ctx: FileContext, offset: number, lineEnd: number): boolean {
  let node: SyntaxNode | null = ctx.tree.rootNode.descendantForIndex(Math.max(0, offset - 1), offset);
  for (; node; node = node.parent) {
    if ((node.type === "string" || node.type === "concatenated_string") && node.startIndex < lineEnd && node.endIndex > lineEnd) return true;
  }
  return false;
}

export function addNoqa(ctx: FileContext, diagnostics: readonly Diagnostic[]): AddNoqaResult {
  const { text, lines } = ctx;
  const byLine = new Map<number, Set<string>>();
  for (const d of diagnostics) {
    if (NOT_SILENCED.has(d.code)) continue;
    const line = lines.lineOf(d.start);
    if (!byLine.has(line)) byLine.set(line, new Set());
    byLine.get(line)?.add(d.code);
  }
  const directives = new Map(findNoqa(ctx.tree, lines).directives.map((d) => [d.line, d]));
  const edits: Edit[] = [];
  const skipped: AddNoqaResult["skipped"] = [];
  for (const [line, codes] of [...byLine].sort((a, b) => a[0] - b[0])) {
    const directive = directives.get(line);
    if (directive?.codes) {
      const existing = directive.codes.map((c) => text.slice(c.start, c.end));
      const known = new Set(directive.codes.map((c) => c.code));
      const all = [...existing, ...[...codes].filter((c) => !known.has(c))].sort();
      const first = directive.codes[0] as { start: number };
      const last = directive.codes[directive.codes.length - 1] as { end: number };
      edits.push({ start: first.start, end: last.end, content: all.join(", ") });
      continue;
    }
    if (directive) continue; // a blanket `# noqa` silences the line already
    const start = lines.lineStart(line);
    const lineText = lines.lineText(line);
    const content = lineText.replace(/[ \t\f]+$/, "");
    const end = start + content.length;
    if (content.endsWith("\\") && !ctx.tree.rootNode.descendantForIndex(end - 1, end).type.includes("comment")) {
      skipped.push({ line: line + 1, reason: "the line continues with a backslash" });
      continue;
    }
    if (insideString(ctx, end, start + lineText.length)) {
      skipped.push({ line: line + 1, reason: "the line ends inside a string" });
      continue;
    }
    edits.push({ start: end, end: start + lineText.length, content: `  # noqa: ${[...codes].sort().join(", ")}` });
  }
  if (edits.length === 0) return { text, added: 0, skipped };
  const next = applyEdits(text, edits);
  // Comments cannot break a file; this makes sure no edit landed where it would.
  const tree = parsePython(ctx.backend, next);
  const worse = syntaxErrorCount(tree) > syntaxErrorCount(ctx.tree);
  ctx.backend.release(tree);
  if (worse) {
    return { text, added: 0, skipped: [...byLine.keys()].map((line) => ({ line: line + 1, reason: "the comment would not parse" })) };
  }
  return { text: next, added: edits.length, skipped };
}
