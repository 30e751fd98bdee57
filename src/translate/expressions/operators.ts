// Operators with Python's meaning: arithmetic, `%` formatting, comparisons, `in`, truthiness.
// JavaScript's operators mean something else on most Python values (`[1] + [2]`, `"%s" % x`,
// `[] == []`, `if []:`), so they go through the runtime, except where both sides are surely
// strings (`+`) or the question is `is None`.
import { unwrapParens } from "../../python/syntax.js";
import type { SyntaxNode } from "../../python/tree.js";
import { stringLiteral } from "../../python/syntax.js";
import type { Code, Emitter } from "../types.js";
import { float, integer } from "./values.js";

const compound = (text: string): Code => ({ text, atomic: false });
const atom = (text: string): Code => ({ text, atomic: true });

const ARITHMETIC: Record<string, string> = {
  "+": "pyAdd", "-": "pySub", "*": "pyMul", "/": "pyTrueDiv", "//": "pyFloorDiv", "%": "pyMod", "**": "pyPow",
};

export function unary(e: Emitter, node: SyntaxNode): Code {
  const op = node.childForFieldName("operator")?.text ?? "";
  const arg = node.childForFieldName("argument");
  if (!arg) return e.untranslated(node, "an operator the parser could not read");
  const inner = unwrapParens(arg);
  if (op === "-" && inner.type === "integer") return integer(e, inner, true);
  if (op === "-" && inner.type === "float") return float(e, inner, true);
  if (op === "+" && (inner.type === "integer" || inner.type === "float")) return e.code(inner);
  if (op === "-") return atom(`${e.rt("pyNeg")}(${e.expr(arg)})`);
  if (op === "+") return atom(`${e.rt("pyPos")}(${e.expr(arg)})`);
  return e.untranslated(node, `the operator \`${op}\``);
}

export function binary(e: Emitter, node: SyntaxNode): Code {
  const op = node.childForFieldName("operator")?.text ?? "";
  const left = node.childForFieldName("left");
  const right = node.childForFieldName("right");
  if (!left || !right) return e.untranslated(node, "an operator the parser could not read");
  if (op === "/") {
    const joined = pathJoin(e, node, left, right);
    if (joined) return joined;
  }
  if (op === "+" && surelyStr(e, left) && surelyStr(e, right)) return compound(`${e.operand(left)} + ${e.operand(right)}`);
  if (op === "%" && surelyStr(e, left)) return atom(`${e.rt("pyFormat")}(${e.expr(left)}, ${e.expr(right)})`);
  const helper = ARITHMETIC[op];
  if (!helper) return e.untranslated(node, `the operator \`${op}\``);
  return atom(`${e.rt(helper)}(${e.expr(left)}, ${e.expr(right)})`);
}

/**
 * A pathlib join, `base / "name.json"`: the path as a string, joined by path.join. Only a plain
 * relative literal on the right is joined this way (pathlib replaces the left side with an
 * absolute right one, and keeps "..", where path.join resolves it).
 */
function pathJoin(e: Emitter, node: SyntaxNode, left: SyntaxNode, right: SyntaxNode): Code | null {
  const k = e.ctx.kinds.of(node);
  if (k.kind !== "path" || !k.pathlib) return null;
  const relative = stringLiteral(right);
  if (!relative || relative.fstring || relative.bytes || relative.value === "" || /^[/\\]|(^|[/\\])\.\.($|[/\\])/.test(relative.value)) {
    return e.untranslated(node, "a pathlib join whose right side is not a plain relative path");
  }
  return atom(`${e.imports.from("node:path", "join")}(${e.expr(left, "string")}, ${e.expr(right)})`);
}

/**
 * `a or b` / `a and b`: Python returns one of the operands, chosen by its truthiness, and
 * evaluates `b` only when needed. A name or literal on the left is read twice; anything else
 * is evaluated once, in an arrow function.
 */
export function boolean(e: Emitter, node: SyntaxNode): Code {
  const op = node.childForFieldName("operator")?.text;
  const left = node.childForFieldName("left");
  const right = node.childForFieldName("right");
  if (!left || !right || (op !== "and" && op !== "or")) return e.untranslated(node, "an operator the parser could not read");
  const b = e.operand(right);
  const pick = (a: string) => (op === "or" ? `${a} : ${b}` : `${b} : ${a}`);
  if (surelyBool(e, left)) return compound(`${e.operand(left)} ${op === "or" ? "||" : "&&"} ${b}`);
  if (pure(left)) {
    const a = e.operand(left);
    return compound(`${e.rt("pyBool")}(${a}) ? ${pick(a)}`);
  }
  return atom(`((v: any) => (${e.rt("pyBool")}(v) ? ${pick("v")}))(${e.expr(left)})`);
}

export function not(e: Emitter, node: SyntaxNode): Code {
  const arg = node.childForFieldName("argument");
  if (!arg) return e.untranslated(node, "an operator the parser could not read");
  return compound(`!${truth(e, arg)}`);
}

/** A condition as a JavaScript boolean: Python's truthiness (an empty list, dict or string is false). */
export function truth(e: Emitter, node: SyntaxNode): string {
  return surelyBool(e, node) ? e.operand(node) : `${e.rt("pyBool")}(${e.expr(node)})`;
}

export function conditional(e: Emitter, node: SyntaxNode): Code {
  const [a, cond, b] = node.namedChildren.filter((c) => c.type !== "comment");
  if (!a || !cond || !b) return e.untranslated(node, "a conditional expression the parser could not read");
  return compound(`${truth(e, cond)} ? ${e.operand(a)} : ${e.operand(b)}`);
}

const COMPARISONS: Record<string, string> = { "==": "pyEq", "!=": "pyNe", "<": "pyLt", "<=": "pyLe", ">": "pyGt", ">=": "pyGe" };

/** `a < b <= c` is `a < b and b <= c`, with b evaluated once (a name or literal may be read twice). */
export function comparison(e: Emitter, node: SyntaxNode): Code {
  const parts = node.children.filter((c) => c.type !== "comment");
  const operands = parts.filter((c) => c.isNamed);
  const ops: string[] = [];
  let pending = "";
  for (const c of parts) {
    if (c.isNamed) {
      if (pending) ops.push(pending);
      pending = "";
    } else pending = pending ? `${pending} ${c.text}` : c.text;
  }
  if (operands.length !== ops.length + 1 || operands.length < 2) return e.untranslated(node, "a comparison the parser could not read");
  if (operands.slice(1, -1).some((o) => !pure(o))) return e.untranslated(node, "a chained comparison whose middle operand has effects");
  const tests: string[] = [];
  for (let i = 0; i < ops.length; i++) {
    const test = compare(e, ops[i] as string, operands[i] as SyntaxNode, operands[i + 1] as SyntaxNode);
    if (test === null) return e.untranslated(node, `the comparison \`${ops[i]}\``);
    tests.push(test);
  }
  if (tests.length > 1) return compound(tests.map((t) => `(${t})`).join(" && "));
  // One helper call (`pyIn(a, b)`) needs no parentheses around it.
  const only = tests[0] as string;
  return /^\w+\(.*\)$/s.test(only) && balanced(only) ? atom(only) : compound(only);
}

function compare(e: Emitter, op: string, left: SyntaxNode, right: SyntaxNode): string | null {
  const helper = COMPARISONS[op];
  if (helper) return `${e.rt(helper)}(${e.expr(left)}, ${e.expr(right)})`;
  if (op === "in") return `${e.rt("pyIn")}(${e.expr(left)}, ${e.expr(right)})`;
  if (op === "not in") return `!${e.rt("pyIn")}(${e.expr(left)}, ${e.expr(right)})`;
  if (op === "is" || op === "is not") {
    // Identity is only sure against the singletons: None, True, False.
    if (![left, right].some((n) => ["none", "true", "false"].includes(unwrapParens(n).type))) return null;
    return `${e.operand(left)} ${op === "is" ? "===" : "!=="} ${e.operand(right)}`;
  }
  return null;
}

/** Whether a call's text `f(...)` is one call: its opening parenthesis closes at the end. */
function balanced(text: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let i = text.indexOf("("); i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i === text.length - 1;
  }
  return false;
}

/** An expression that can be evaluated twice with no effect: a name, a literal, an attribute of a name. */
export function pure(node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  switch (n.type) {
    case "identifier":
    case "integer":
    case "float":
    case "true":
    case "false":
    case "none":
      return true;
    case "string":
      return !n.namedChildren.some((c) => c.type === "interpolation");
    case "attribute": {
      const object = n.childForFieldName("object");
      return !!object && pure(object);
    }
    default:
      return false;
  }
}

/** Whether the expression surely gives a JavaScript boolean (a comparison, `not`, a bool literal). */
export function surelyBool(e: Emitter, node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  if (n.type === "comparison_operator" || n.type === "not_operator" || n.type === "true" || n.type === "false") {
    // A chained comparison or `is` that became a marker is `any`, still a boolean where it runs.
    return true;
  }
  if (n.type === "call") {
    const q = e.ctx.names.qualify(n.childForFieldName("function") as SyntaxNode);
    return q === "builtins.isinstance" || q === "builtins.bool" || q === "builtins.callable";
  }
  return false;
}

/** Whether the expression surely holds a str (so `+` is concatenation and print leaves it as is). */
export function surelyStr(e: Emitter, node: SyntaxNode): boolean {
  const n = unwrapParens(node);
  if (n.type === "string" || n.type === "concatenated_string") {
    const s = stringLiteral(n);
    return !!s && !s.bytes;
  }
  if (n.type === "call") {
    const fn = n.childForFieldName("function") as SyntaxNode;
    const q = e.ctx.names.qualify(fn);
    if (q === "json.dumps" || q === "simplejson.dumps" || q === "builtins.str" || q === "builtins.repr" || q === "builtins.ascii") return true;
    if (fn.type === "attribute") {
      const method = fn.childForFieldName("attribute")?.text ?? "";
      const receiver = fn.childForFieldName("object") as SyntaxNode;
      if (method === "decode") return true;
      if (STR_RESULT_METHODS.has(method) && surelyStr(e, receiver)) return true;
    }
  }
  if (n.type === "binary_operator") {
    const op = n.childForFieldName("operator")?.text;
    const left = n.childForFieldName("left");
    const right = n.childForFieldName("right");
    if (op === "%" && left && surelyStr(e, left)) return true;
    if (op === "+" && left && right && surelyStr(e, left) && surelyStr(e, right)) return true;
  }
  const k = e.ctx.kinds.of(n);
  return k.kind === "text" && k.bytes === false && k.origin !== "annotation";
}

const STR_RESULT_METHODS = new Set(["format", "join", "strip", "lstrip", "rstrip", "lower", "upper", "replace", "title", "capitalize", "casefold", "zfill", "center", "ljust", "rjust"]);
