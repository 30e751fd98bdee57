// Where the text of a `json.dumps()` call (or a str literal formatted with it) is written: `h.write(...)`, `h.writelines([...])` or
// `print(..., file=h)`, as it is (str) or `.encode()`d (bytes), directly or through a name
// (`s = json.dumps(x)` then `h.write(s)`), and what the handle is.
import { stdFile, type FileKind, type Kinds } from "./kinds.js";
import type { Names } from "./names.js";
import type { Scopes } from "./scopes.js";
import { callArguments, parentSkippingParens, stringLiteral } from "./syntax.js";
import type { SyntaxNode } from "./tree.js";

export interface WrittenTo {
  via: "write" | "writelines" | "print";
  /** The write(), writelines() or print() call. */
  call: SyntaxNode;
  /** The handle: `h` of `h.write()`, the `file=` value of print (null: none given, sys.stdout). */
  handle: SyntaxNode | null;
  /** What the handle is, when the model knows it is a file. */
  file: FileKind | null;
  /**
   * The expression written: `json.dumps(x)`, `json.dumps(x) + "\n"`, `json.dumps(x).encode()`...,
   * or the name that holds it (then `through` is that name, the use in the write).
   */
  value: SyntaxNode;
  through: SyntaxNode | null;
  /** The value is bytes: the text `.encode()`d (then `encodeCall` is that call); str otherwise. */
  bytes: boolean;
  encodeCall: SyntaxNode | null;
  /** writelines() of a list or tuple with other elements too: the value is one of several. */
  oneOfSeveral: boolean;
}

/**
 * The writes a dumps call's value goes to. Only expressions whose type is certain count: the call
 * itself, `+` with str literals, an f-string around it; then `.encode(...)` (bytes) and `+` with
 * bytes literals. That value is written where it stands, or assigned to a name and written where
 * that name is used and only this assignment reaches the use (in the same scope).
 */
export function writesOf(dumps: SyntaxNode, scopes: Scopes, names: Names, kinds: Kinds): WrittenTo[] {
  let value = strExpression(dumps);
  let encodeCall: SyntaxNode | null = null;
  const [parent, child] = parentSkippingParens(value);
  const call = parent?.parent;
  if (parent?.type === "attribute" && parent.childForFieldName("attribute")?.text === "encode" && parent.childForFieldName("object")?.id === child.id && call?.type === "call" && call.childForFieldName("function")?.id === parent.id) {
    encodeCall = call;
    value = literalChain(call, true);
  }
  const direct = landing(value, names, kinds, encodeCall);
  if (direct) return [direct];
  const [assign, right] = parentSkippingParens(value);
  const left = assign?.type === "assignment" && assign.childForFieldName("right")?.id === right.id ? assign.childForFieldName("left") : null;
  if (left?.type !== "identifier") return [];
  const occurrences = scopes.occurrences(left.text);
  const binding = occurrences.find((o) => o.node.id === left.id);
  if (!binding) return [];
  const out: WrittenTo[] = [];
  for (const use of occurrences) {
    if (use.role !== "use" || use.scope.id !== binding.scope.id || use.node.startIndex < binding.node.endIndex) continue;
    const res = scopes.resolve(use.node);
    const reaching = res?.sameScope ? scopes.reaching(res, use.node) : [];
    if (reaching.length !== 1 || reaching[0]?.node.id !== binding.node.id) continue;
    const w = landing(use.node, names, kinds, encodeCall);
    if (w) out.push({ ...w, through: use.node });
  }
  return out;
}

/**
 * The largest str expression made of the dumps call, str literals (`+`), an f-string around it, and
 * a str literal formatted with it (`"%s\n" % text`, `"{}\n".format(text)`).
 */
function strExpression(dumps: SyntaxNode): SyntaxNode {
  let expr = literalChain(dumps, false);
  for (;;) {
    const outer = fString(expr) ?? formattedLiteral(expr);
    if (!outer) return expr;
    expr = literalChain(outer, false);
  }
}

/** The f-string that interpolates `expr` (always str), or null. */
function fString(expr: SyntaxNode): SyntaxNode | null {
  const [parent] = parentSkippingParens(expr);
  if (parent?.type !== "interpolation") return null;
  // interpolation → string; maybe inside a concatenated_string.
  const str = parent.parent;
  if (str?.type !== "string") return null;
  return str.parent?.type === "concatenated_string" ? str.parent : str;
}

/**
 * `"..." % expr` or `"..." % (..., expr, ...)`, and `"...".format(..., expr, ...)`, where the
 * format is a str literal: the result is str (when it is anything: a bad format raises).
 */
function formattedLiteral(expr: SyntaxNode): SyntaxNode | null {
  let [parent, child] = parentSkippingParens(expr);
  if (parent?.type === "tuple") [parent, child] = parentSkippingParens(parent);
  if (parent?.type === "binary_operator" && parent.childForFieldName("operator")?.text === "%" && parent.childForFieldName("right")?.id === child.id) {
    const format = parent.childForFieldName("left");
    return format && stringLiteral(format)?.bytes === false ? parent : null;
  }
  if (expr.parent?.type !== "argument_list") return null;
  const call = expr.parent.parent;
  const fn = call?.type === "call" ? call.childForFieldName("function") : null;
  if (fn?.type !== "attribute" || fn.childForFieldName("attribute")?.text !== "format") return null;
  const format = fn.childForFieldName("object");
  return call && format && stringLiteral(format)?.bytes === false ? call : null;
}

/** `expr + "..."`, `"..." + expr`, repeated: the whole chain, when every other operand is a literal of the type. */
function literalChain(expr: SyntaxNode, bytes: boolean): SyntaxNode {
  let node = expr;
  for (;;) {
    const [parent, child] = parentSkippingParens(node);
    if (parent?.type !== "binary_operator" || parent.childForFieldName("operator")?.text !== "+") return node;
    const left = parent.childForFieldName("left");
    const other = left?.id === child.id ? parent.childForFieldName("right") : left;
    const lit = other ? stringLiteral(other) : null;
    if (!lit || lit.bytes !== bytes) return node;
    node = parent;
  }
}

function landing(value: SyntaxNode, names: Names, kinds: Kinds, encodeCall: SyntaxNode | null): WrittenTo | null {
  // The argument that holds the value: the value itself, or a list, tuple or comprehension of it.
  let argument = value;
  let inContainer = false;
  let oneOfSeveral = false;
  const [parent, child] = parentSkippingParens(value);
  if (parent?.type === "list" || parent?.type === "tuple") {
    argument = parent;
    inContainer = true;
    oneOfSeveral = parent.namedChildren.filter((c) => c.type !== "comment").length > 1;
  } else if ((parent?.type === "list_comprehension" || parent?.type === "generator_expression") && parent.childForFieldName("body")?.id === child.id) {
    argument = parent;
    inContainer = true;
  }
  let call: SyntaxNode | null | undefined;
  let arg: SyntaxNode;
  if (argument.type === "generator_expression" && argument.parent?.type === "call") {
    // `f.writelines(x for x in xs)`: the generator is the call's argument list itself.
    call = argument.parent;
    arg = argument;
  } else {
    const [list, c] = parentSkippingParens(argument);
    if (list?.type !== "argument_list") return null;
    call = list.parent;
    arg = c;
  }
  const fn = call?.type === "call" ? call.childForFieldName("function") : null;
  if (!call || !fn) return null;
  const args = callArguments(call);
  const method = fn.type === "attribute" ? fn.childForFieldName("attribute")?.text : null;
  const receiver = fn.type === "attribute" ? fn.childForFieldName("object") : null;
  const onlyArg = args.length === 1 && args[0]?.kind === "positional" && args[0].value.id === arg.id;
  const base = { call, value, through: null, bytes: encodeCall !== null, encodeCall, oneOfSeveral };
  if (receiver && onlyArg && method === (inContainer ? "writelines" : "write")) {
    return { ...base, via: inContainer ? "writelines" : "write", handle: receiver, file: fileKind(receiver, kinds) };
  }
  if (inContainer || fn.type !== "identifier" || names.qualify(fn) !== "builtins.print") return null;
  if (!args.some((a) => a.kind === "positional" && a.value.id === arg.id) || args.some((a) => a.kind === "starstar")) return null;
  const file = args.find((a) => a.kind === "keyword" && a.name === "file");
  // print() without file=, or with file=None, writes to sys.stdout.
  if (!file || file.value.type === "none") return { ...base, via: "print", handle: null, file: stdFile("stdout", false) };
  return { ...base, via: "print", handle: file.value, file: fileKind(file.value, kinds) };
}

function fileKind(node: SyntaxNode, kinds: Kinds): FileKind | null {
  const k = kinds.of(node);
  return k.kind === "file" ? k : null;
}
