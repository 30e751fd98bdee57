// Small helpers over tree-sitter-python nodes. Everything that asks "what is this node?"
// without needing names lives here.
import type { SyntaxNode } from "./tree.js";

export function sameNode(a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined): boolean {
  return !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}

export function contains(outer: SyntaxNode, inner: SyntaxNode): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

/** `((x))` → `x`. */
export function unwrapParens(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === "parenthesized_expression") {
    const inner = n.namedChildren.find((c) => c.type !== "comment");
    if (!inner) break;
    n = inner;
  }
  return n;
}

/** The parent, skipping parentheses around `node`. Returns [parent, the child of parent on the path]. */
export function parentSkippingParens(node: SyntaxNode): [SyntaxNode | null, SyntaxNode] {
  let child = node;
  let parent = node.parent;
  while (parent && parent.type === "parenthesized_expression") {
    child = parent;
    parent = parent.parent;
  }
  return [parent, child];
}

export interface StringLiteral {
  /** The decoded value; literal parts only for f-strings (interpolations become "\u0000"). */
  value: string;
  bytes: boolean;
  fstring: boolean;
  raw: boolean;
}

/** A `string` or `concatenated_string` node as a Python value, or null for anything else. */
export function stringLiteral(node: SyntaxNode): StringLiteral | null {
  const n = unwrapParens(node);
  if (n.type === "concatenated_string") {
    const parts = n.namedChildren.filter((c) => c.type === "string").map(stringLiteral);
    if (parts.length === 0 || parts.some((p) => p === null)) return null;
    const ps = parts as StringLiteral[];
    return {
      value: ps.map((p) => p.value).join(""),
      bytes: ps.some((p) => p.bytes),
      fstring: ps.some((p) => p.fstring),
      raw: ps.every((p) => p.raw),
    };
  }
  if (n.type !== "string") return null;
  const start = n.firstChild;
  const prefix = (start?.type === "string_start" ? start.text : "").replace(/['"]+$/, "").toLowerCase();
  const raw = prefix.includes("r");
  const bytes = prefix.includes("b");
  let fstring = prefix.includes("f") || prefix.includes("t");
  let value = "";
  for (const c of n.namedChildren) {
    if (c.type === "string_content") value += raw ? c.text : decodeEscapes(c.text, bytes);
    else if (c.type === "escape_sequence") value += raw ? c.text : decodeEscapes(c.text, bytes);
    else if (c.type === "interpolation") {
      fstring = true;
      value += "\u0000";
    }
  }
  return { value, bytes, fstring, raw };
}

/** The value of a plain str literal (not bytes, not an f-string), or null. */
export function strValue(node: SyntaxNode): string | null {
  const s = stringLiteral(node);
  return s && !s.bytes && !s.fstring ? s.value : null;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\n": "",
};

export function decodeEscapes(s: string, bytes: boolean): string {
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|N\{[^}]*\}|.|\n)/g, (m, e: string) => {
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) return simple;
    // A truncated \x, \u or \U (CPython's SyntaxError) matched only its letter: it keeps its text.
    if (e.length === 1 && "xuU".includes(e)) return m;
    if (e[0] === "x") return String.fromCharCode(parseInt(e.slice(1), 16));
    if (!bytes && (e[0] === "u" || e[0] === "U")) return String.fromCodePoint(Math.min(parseInt(e.slice(1), 16), 0x10ffff));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8) & (bytes ? 0xff : 0x1ff));
    return m; // unknown escapes keep their backslash, as in Python
  });
}

export type LiteralKind = "int" | "float" | "bool" | "none" | "string" | "bytes" | "tuple" | "list" | "dict" | "other";

/** What kind of literal an expression is, if it is one. */
export function literalKind(node: SyntaxNode): LiteralKind | null {
  const n = unwrapParens(node);
  switch (n.type) {
    case "integer":
      return "int";
    case "float":
      return "float";
    case "true":
    case "false":
      return "bool";
    case "none":
      return "none";
    case "string":
    case "concatenated_string": {
      const s = stringLiteral(n);
      return s?.bytes ? "bytes" : "string";
    }
    case "tuple":
      return "tuple";
    case "list":
      return "list";
    case "dictionary":
      return "dict";
    case "unary_operator": {
      const arg = n.childForFieldName("argument");
      return arg ? literalKind(arg) : null;
    }
    default:
      return null;
  }
}

/** The statement (a direct child of a block or the module) that contains `node`. */
export function enclosingStatement(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent && n.parent.type !== "block" && n.parent.type !== "module") n = n.parent;
  return n;
}

/** The block (or module) whose statements include the one containing `node`. */
export function enclosingBlock(node: SyntaxNode): SyntaxNode | null {
  return enclosingStatement(node).parent;
}

export const COMPREHENSIONS = new Set([
  "list_comprehension",
  "set_comprehension",
  "dictionary_comprehension",
  "generator_expression",
]);

/** Arguments of a call, in order, classified. */
export interface CallArgument {
  node: SyntaxNode;
  /** positional, keyword (name=value), star (*x) or starstar (**x). */
  kind: "positional" | "keyword" | "star" | "starstar";
  name?: string;
  nameNode?: SyntaxNode;
  value: SyntaxNode;
}

export function callArguments(call: SyntaxNode): CallArgument[] {
  const list = call.childForFieldName("arguments");
  if (!list) return [];
  if (list.type === "generator_expression") return [{ node: list, kind: "positional", value: list }];
  const out: CallArgument[] = [];
  for (const c of list.namedChildren) {
    switch (c.type) {
      case "comment":
        break;
      case "keyword_argument": {
        const nameNode = c.childForFieldName("name");
        const value = c.childForFieldName("value");
        if (nameNode && value) out.push({ node: c, kind: "keyword", name: nameNode.text, nameNode, value });
        break;
      }
      case "list_splat":
        out.push({ node: c, kind: "star", value: c.namedChildren[0] ?? c });
        break;
      case "dictionary_splat":
        out.push({ node: c, kind: "starstar", value: c.namedChildren[0] ?? c });
        break;
      default:
        out.push({ node: c, kind: "positional", value: c });
    }
  }
  return out;
}
