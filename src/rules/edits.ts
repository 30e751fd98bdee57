// Building fixes as data: edits over the original text, for the rules to offer.
import type { JsonApi } from "../python/signatures.js";
import type { JsonCall } from "../python/model.js";
import type { SyntaxNode } from "../python/tree.js";
import { detectNewline, indentationAt } from "../python/text.js";
import type { Edit } from "../core/types.js";
import type { FileContext } from "../python/context.js";

export function replaceNode(node: SyntaxNode, content: string): Edit {
  return { start: node.startIndex, end: node.endIndex, content };
}

/**
 * `json.dump` → `json.dumps`: rename the attribute of a `module.api` callee. A bare callee from
 * `from json import dump` would need a new import, so it gets no fix (null).
 */
export function renameApi(call: JsonCall, api: JsonApi): Edit | null {
  if (call.callee.type !== "attribute") return null;
  const attr = call.callee.childForFieldName("attribute");
  return attr ? replaceNode(attr, api) : null;
}

/** The source text of a callee with another api: "json.dumps" for json.dump. */
export function calleeWith(call: JsonCall, api: JsonApi): string {
  const obj = call.callee.type === "attribute" ? call.callee.childForFieldName("object") : null;
  return obj ? `${obj.text}.${api}` : api;
}

/** Remove one argument of a call together with the comma that separates it. */
export function removeArgument(text: string, arg: SyntaxNode): Edit {
  const list = arg.parent;
  const siblings = list ? list.namedChildren.filter((c) => c.type !== "comment") : [];
  const i = siblings.findIndex((c) => c.id === arg.id);
  const prev = siblings[i - 1];
  const next = siblings[i + 1];
  if (prev) return { start: prev.endIndex, end: arg.endIndex, content: "" };
  if (next) return { start: arg.startIndex, end: next.startIndex, content: "" };
  // The only argument: drop a trailing comma too.
  let end = arg.endIndex;
  while (end < text.length && /[\s,]/.test(text[end] as string) && text[end] !== ")") end++;
  return { start: arg.startIndex, end, content: "" };
}

/** The indentation unit of the file: the first indented block's step, or four spaces. */
export function indentUnit(text: string): string {
  const m = /:[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n)(?:[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n))*([ \t]+)\S/.exec(text);
  if (!m) return "    ";
  const block = m[1] as string;
  const header = indentationAt(text, m.index);
  return block.startsWith(header) && block.length > header.length ? block.slice(header.length) : block;
}

/** A name for a new file handle that nothing in the scope (or file, at module level) uses. */
export function freshHandleName(ctx: FileContext, at: SyntaxNode): string | null {
  const scope = ctx.scopes.scopeOf(at);
  for (const name of ["f", "fp", "fh", "json_file", "file_"]) {
    const used = ctx.scopes.occurrences(name).some((o) => o.node.startIndex >= scope.startIndex && o.node.endIndex <= scope.endIndex);
    if (!used) return name;
  }
  return null;
}

const TRANSPARENT = new Set(["expression_statement", "assignment", "augmented_assignment", "return_statement", "parenthesized_expression", "argument_list", "call", "keyword_argument", "attribute", "subscript"]);

/**
 * Wrap the statement that contains a json call in `with <opener> as <handle>:`, replacing the
 * call with `newCall`. Only when the result is plainly equivalent in shape: the statement is
 * alone on its lines, evaluates the call unconditionally, and holds no multi-line string
 * (re-indenting would change it). Returns null otherwise.
 */
export function wrapStatementInWith(ctx: FileContext, call: JsonCall, opener: string, newCall: string): Edit | null {
  const stmt = call.statement;
  const text = ctx.text;
  if (!["expression_statement", "return_statement"].includes(stmt.type)) return null;
  for (let n = call.node.parent; n && n.id !== stmt.id; n = n.parent) if (!TRANSPARENT.has(n.type)) return null;
  const indent = indentationAt(text, stmt.startIndex);
  const lineStart = stmt.startIndex - indent.length;
  if (lineStart < 0 || !/^[ \t]*$/.test(text.slice(lineStart, stmt.startIndex))) return null;
  if (lineStart > 0 && !/[\r\n]/.test(text[lineStart - 1] as string)) return null;
  const rest = /^[^\r\n]*/.exec(text.slice(stmt.endIndex))?.[0] ?? "";
  if (!/^[ \t]*(#.*)?$/.test(rest)) return null;
  if (stmt.startPosition.row !== stmt.endPosition.row) {
    const multiline = stmt.descendantsOfType(["string", "concatenated_string"]).some((s) => s.startPosition.row !== s.endPosition.row);
    if (multiline) return null;
  }
  const unit = indentUnit(text);
  const nl = detectNewline(text);
  const before = text.slice(stmt.startIndex, call.node.startIndex);
  const after = text.slice(call.node.endIndex, stmt.endIndex);
  const body = (before + newCall + after).replace(/\r\n|\r|\n/g, (m) => m + unit);
  return { start: stmt.startIndex, end: stmt.endIndex, content: `with ${opener}:${nl}${indent}${unit}${body}` };
}

/**
 * Add an argument (`encoding="utf-8"`) at the end of a call's argument list, right after the
 * last argument, so a trailing comma or a comment before `)` stays valid. Null when the call
 * has `*args`/`**kwargs` (the keyword may already be in them) or no plain argument list.
 */
export function appendArgument(call: SyntaxNode, content: string): Edit | null {
  const list = call.childForFieldName("arguments");
  if (!list || list.type !== "argument_list") return null;
  const args = list.namedChildren.filter((c) => c.type !== "comment");
  if (args.some((a) => a.type === "list_splat" || a.type === "dictionary_splat")) return null;
  const last = args[args.length - 1];
  if (last) return { start: last.endIndex, end: last.endIndex, content: `, ${content}` };
  return { start: list.startIndex + 1, end: list.startIndex + 1, content };
}

const quotes = new WeakMap<object, '"' | "'">();

/**
 * The quote the file's strings mostly use: the one of the most one-line string literals
 * (docstrings and other triple-quoted strings do not count), `"` on a tie and in a file
 * without strings. Fixes write the strings they insert with it, as ruff's do.
 */
export function preferredQuote(ctx: Pick<FileContext, "tree">): '"' | "'" {
  let quote = quotes.get(ctx.tree);
  if (quote) return quote;
  let single = 0;
  let double = 0;
  for (const start of ctx.tree.rootNode.descendantsOfType("string_start")) {
    const text = start.text;
    if (text.endsWith("'''") || text.endsWith('"""')) continue;
    if (text.endsWith("'")) single++;
    else double++;
  }
  quote = single > double ? "'" : '"';
  quotes.set(ctx.tree, quote);
  return quote;
}

/** A Python string literal of plain text (no quotes or backslashes in it) in the file's quote style. */
export function pyString(ctx: Pick<FileContext, "tree">, value: string): string {
  const quote = preferredQuote(ctx);
  return `${quote}${value}${quote}`;
}
