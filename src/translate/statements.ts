// The statement around a call, when the translation replaces it whole: an expression
// statement, an assignment (`x = ...` → `const x = ...`) or a return.
import type { SyntaxNode } from "../python/tree.js";
import type { Emitter } from "./types.js";

export interface Statement {
  text: string;
  /** Names the statement declares. */
  declares: string[];
}

/** An expression statement, an assignment or a return, translated; null for any other statement. */
export function translateStatement(stmt: SyntaxNode, e: Emitter): Statement | null {
  switch (stmt.type) {
    case "expression_statement": {
      const expr = stmt.namedChildren.filter((c) => c.type !== "comment");
      if (expr.length !== 1) return null;
      const only = expr[0] as SyntaxNode;
      if (only.type === "assignment") return assignment(only, e);
      return { text: `${e.expr(only)};`, declares: [] };
    }
    case "return_statement": {
      const value = stmt.namedChildren.find((c) => c.type !== "comment");
      return { text: value ? `return ${e.expr(value)};` : "return;", declares: [] };
    }
    default:
      return null;
  }
}

/**
 * `x = value` → `const x = value;` (its only binding in the scope), `let` (its first of
 * several) or `x = value;`; `a.b = value` and `a[k] = value` as Python assigns them.
 */
function assignment(node: SyntaxNode, e: Emitter): Statement | null {
  const left = node.childForFieldName("left");
  const right = node.childForFieldName("right");
  if (!left || !right || right.type === "assignment") return null;
  const value = e.expr(right);
  if (left.type === "identifier") {
    const scopes = e.ctx.scopes;
    const scope = scopes.scopeOf(left);
    const occurrences = scopes.occurrences(left.text).filter((o) => o.scope.id === scope.id);
    const bindings = occurrences.filter((o) => o.role === "bind");
    const declared = occurrences.some((o) => o.role === "global" || o.role === "nonlocal");
    if (!declared && bindings[0]?.node.id === left.id) {
      // A Python annotation is left out: the value's TypeScript type is what the translation gives.
      const name = e.hostName(left.text, e.jsName(left.text));
      // An empty list has no element type for TypeScript to infer: it holds anything.
      const annotation = value === "[]" ? ": unknown[]" : "";
      return { text: `${bindings.length === 1 ? "const" : "let"} ${name}${annotation} = ${value};`, declares: [name] };
    }
    return { text: `${e.freeName(left.text)} = ${value};`, declares: [] };
  }
  if (left.type === "attribute") return { text: `${e.expr(left)} = ${value};`, declares: [] };
  if (left.type === "subscript") {
    const target = left.childForFieldName("value");
    const keys = left.childrenForFieldName("subscript").filter((c) => c.type !== "comment");
    if (!target || keys.length !== 1 || keys[0]?.type === "slice") return null;
    return { text: `${e.rt("pySetItem")}(${e.expr(target)}, ${e.expr(keys[0] as SyntaxNode)}, ${value});`, declares: [] };
  }
  return null;
}
