// Calls. Builtins with an exact runtime equivalent (str, repr, len, int, dict...), methods of
// Python's own types through the runtime (a str's join or format, a dict's get, bytes' decode),
// print; a call of anything else (a function, method or class the Python takes from elsewhere)
// stays a call of the same free name, its keyword arguments passed as a last object, and a note
// says the TypeScript must provide it. Lambdas and comprehensions become arrow functions.
import { callArguments, stringLiteral, strValue, unwrapParens, type CallArgument } from "../../python/syntax.js";
import type { SyntaxNode } from "../../python/tree.js";
import { jsString } from "../literals.js";
import type { Code, Emitter } from "../types.js";
import { BUILTINS, importOf, rootName } from "./access.js";
import { surelyStr, truth } from "./operators.js";
import { element, items } from "./values.js";

const atom = (text: string): Code => ({ text, atomic: true });

/** Methods the runtime gives Python's meaning on Python's values (and leaves to any other object). */
export const PYTHON_METHODS = new Set([
  "get", "keys", "values", "items", "copy", "decode", "encode", "format", "join", "strip", "lstrip", "rstrip", "lower",
  "upper", "replace", "split", "startswith", "endswith", "count", "index",
]);

export function call(e: Emitter, node: SyntaxNode): Code {
  const fn = node.childForFieldName("function");
  if (!fn) return e.untranslated(node, "a call the parser could not read");
  const args = callArguments(node);
  const q = e.ctx.names.qualify(fn);
  // A free name that is not one of Python's builtins (`to_text`) is a function the host provides.
  const builtin = fn.type === "identifier" && q === `builtins.${fn.text}` && BUILTINS.has(fn.text) && !e.ctx.scopes.resolve(fn) ? fn.text : null;
  if (builtin === "print") return print(e, node, args);
  if (builtin) return builtinCall(e, node, builtin, args);
  if (q === "sys.stdout.write" || q === "sys.stderr.write") return streamWrite(e, node, q.slice(4, 10), args);
  if (q === "collections.OrderedDict" && e.mode === "exact" && args.every((a) => a.kind === "positional")) {
    return atom(`${e.rt("dict")}(${args.map((a) => e.expr(a.value)).join(", ")})`);
  }
  if (fn.type === "attribute") {
    const method = fn.childForFieldName("attribute")?.text ?? "";
    const receiver = fn.childForFieldName("object") as SyntaxNode;
    const root = rootName(fn);
    const library = root && !e.isBound(root.text) && importOf(e, root);
    if (!library && PYTHON_METHODS.has(method)) return pythonMethod(e, node, receiver, method, args);
  }
  return hostCall(e, node, fn, args);
}

/** A call the host provides: `f(a, b=1)` → `f(a, { b: 1 })`, the convention a port of f takes. */
function hostCall(e: Emitter, node: SyntaxNode, fn: SyntaxNode, args: CallArgument[]): Code {
  const lists = argumentLists(e, args);
  if (!lists) return e.untranslated(node, "`**` in a call of a function the TypeScript must provide");
  const what = fn.type === "attribute" ? `the method \`${fn.childForFieldName("attribute")?.text}()\` of \`${fn.childForFieldName("object")?.text}\`` : `\`${fn.text}\``;
  e.note("port", `${what} is Python code the TypeScript calls by the same name: provide it${lists.keywords ? ", taking the keyword arguments as a last object" : ""}`);
  const all = [...lists.positional, ...(lists.keywords ? [lists.keywords] : [])];
  return atom(`${e.operand(fn)}(${all.join(", ")})`);
}

function propertyName(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : jsString(name);
}

/** Positional and keyword arguments, each list as code: the host's convention and the runtime's method dispatch take them. */
function argumentLists(e: Emitter, args: CallArgument[]): { positional: string[]; keywords: string } | null {
  const positional: string[] = [];
  const keywords: string[] = [];
  for (const a of args) {
    if (a.kind === "positional") positional.push(element(e, a.value));
    else if (a.kind === "star") positional.push(`...${e.rt("pyIter")}(${e.expr(a.value)})`);
    else if (a.kind === "keyword") keywords.push(`${propertyName(a.name ?? "")}: ${e.expr(a.value)}`);
    else return null;
  }
  return { positional, keywords: keywords.length > 0 ? `{ ${keywords.join(", ")} }` : "" };
}

/**
 * A method Python's types have (`s.join(xs)`, `d.get(k, [])`, `b.decode("utf-8")`): the
 * runtime's dispatch does what the method does on a Python value, and calls the object's own
 * method on anything else. On a str literal, the runtime's function for it directly.
 */
function pythonMethod(e: Emitter, node: SyntaxNode, receiver: SyntaxNode, method: string, args: CallArgument[]): Code {
  const lists = argumentLists(e, args);
  if (!lists) return e.untranslated(node, "`**` in a method call");
  const literal = stringLiteral(receiver);
  if (literal && !literal.bytes && !literal.fstring && method === "format") {
    return atom(`${e.rt("pyStrFormat")}(${e.expr(receiver)}, [${lists.positional.join(", ")}]${lists.keywords ? `, ${lists.keywords}` : ""})`);
  }
  return atom(`${e.rt("pyMethod")}(${e.expr(receiver)}, ${jsString(method)}, [${lists.positional.join(", ")}]${lists.keywords ? `, ${lists.keywords}` : ""})`);
}

/** Arguments bound to a builtin's parameters: positional by place, keywords by name; null when that fails. */
function bind(args: CallArgument[], params: string[]): Map<string, SyntaxNode> | null {
  const out = new Map<string, SyntaxNode>();
  let i = 0;
  for (const a of args) {
    if (a.kind === "positional") {
      const p = params[i++];
      if (!p) return null;
      out.set(p, a.value);
    } else if (a.kind === "keyword" && a.name && params.includes(a.name) && !out.has(a.name)) out.set(a.name, a.value);
    else return null;
  }
  return out;
}

function builtinCall(e: Emitter, node: SyntaxNode, name: string, args: CallArgument[]): Code {
  const one = (f: string) => {
    const b = bind(args, ["x"]);
    return b?.size === 1 ? atom(`${e.rt(f)}(${e.expr(b.get("x") as SyntaxNode)})`) : null;
  };
  let out: Code | null = null;
  switch (name) {
    case "str": {
      const b = bind(args, ["object", "encoding", "errors"]);
      if (!b) break;
      const object = b.get("object");
      if (!object) out = atom(b.size === 0 ? '""' : "");
      else if (b.size === 1) out = atom(`${e.rt("pyStr")}(${e.expr(object)})`);
      else {
        // str(b, encoding[, errors]) decodes.
        const encoding = b.get("encoding");
        const errors = b.get("errors");
        out = atom(`${e.rt("pyDecode")}(${e.expr(object)}, ${encoding ? e.expr(encoding) : '"utf-8"'}${errors ? `, ${e.expr(errors)}` : ""})`);
      }
      break;
    }
    case "repr":
      out = one("pyRepr");
      break;
    case "ascii":
      out = one("pyAscii");
      break;
    case "len":
      out = one("pyLen");
      break;
    case "bool":
      out = args.length === 0 ? atom("false") : one("pyBool");
      break;
    case "abs":
      out = one("pyAbs");
      break;
    case "int": {
      const b = bind(args, ["x", "base"]);
      if (b?.size === 0) out = atom("0");
      else if (b) out = atom(`${e.rt("pyInt")}(${[...b.values()].map((v) => e.expr(v)).join(", ")})`);
      break;
    }
    case "float": {
      const b = bind(args, ["x"]);
      if (b?.size === 0) out = atom(e.mode === "exact" ? `${e.rt("float")}(0)` : "0");
      // Native mode's values are plain numbers: the runtime's float() parses as Python does.
      else if (b) out = atom(`${e.rt("float")}(${e.expr(b.get("x") as SyntaxNode)})${e.mode === "exact" ? "" : ".value"}`);
      break;
    }
    case "list":
    case "tuple": {
      const b = bind(args, ["iterable"]);
      const f = name === "list" ? "pyList" : "pyTuple";
      if (b?.size === 0) out = atom(name === "list" ? "[]" : e.mode === "exact" ? `${e.rt("tuple")}()` : "[]");
      else if (b) out = atom(`${e.rt(f)}(${e.expr(b.get("iterable") as SyntaxNode)})`);
      break;
    }
    case "dict": {
      const positional = args.filter((a) => a.kind === "positional");
      const keywords = args.filter((a) => a.kind === "keyword");
      if (positional.length > 1 || args.some((a) => a.kind === "star" || a.kind === "starstar")) break;
      const kw = keywords.map((k) => `${propertyName(k.name ?? "")}: ${e.expr(k.value)}`);
      const first = positional[0] ? e.expr(positional[0].value) : "undefined";
      out = atom(kw.length > 0 ? `${e.rt("pyDict")}(${first}, { ${kw.join(", ")} })` : positional[0] ? `${e.rt("pyDict")}(${first})` : `${e.rt("pyDict")}()`);
      break;
    }
    case "set": {
      const b = bind(args, ["iterable"]);
      if (b?.size === 0) out = atom("new Set()");
      else if (b) out = atom(`new Set(${e.rt("pyIter")}(${e.expr(b.get("iterable") as SyntaxNode)}))`);
      break;
    }
    case "bytes": {
      const b = bind(args, ["source", "encoding", "errors"]);
      const source = b?.get("source");
      if (b && source && b.has("encoding")) {
        const errors = b.get("errors");
        out = atom(`${e.rt("pyEncode")}(${e.expr(source)}, ${e.expr(b.get("encoding") as SyntaxNode)}${errors ? `, ${e.expr(errors)}` : ""})`);
      }
      break;
    }
  }
  return out && out.text !== "" ? out : e.untranslated(node, `the builtin \`${name}()\` called this way`);
}

/**
 * print(a, b, sep=" ", end="\n", file=f): what Python writes is str() of each argument, joined
 * by sep, then end; to sys.stdout (console.log when end is "\n"), sys.stderr, or a file's write().
 */
function print(e: Emitter, node: SyntaxNode, args: CallArgument[]): Code {
  let sep = '" "';
  let end = '"\\n"';
  let endIsNewline = true;
  let stream = "stdout";
  let file: SyntaxNode | null = null;
  const values: SyntaxNode[] = [];
  for (const a of args) {
    if (a.kind === "positional") values.push(a.value);
    else if (a.kind !== "keyword") return e.untranslated(node, "`*` or `**` in print()");
    else if (a.name === "sep" || a.name === "end") {
      const v = unwrapParens(a.value);
      if (v.type === "none") continue;
      const text = strValue(v);
      if (text === null && !surelyStr(e, v)) return e.untranslated(node, `print()'s ${a.name}= of unknown type`);
      if (a.name === "sep") sep = e.expr(v);
      else {
        end = e.expr(v);
        endIsNewline = text === "\n";
      }
    } else if (a.name === "file") {
      const q = e.ctx.names.qualify(unwrapParens(a.value));
      if (q === "sys.stdout" || q === "sys.stderr") stream = q.slice(4);
      else if (unwrapParens(a.value).type !== "none") file = a.value;
    } else if (a.name !== "flush") return e.untranslated(node, `print()'s ${a.name}=`);
  }
  const parts = values.map((v) => printed(e, v));
  const joined = parts.length === 0 ? '""' : parts.length === 1 ? (parts[0] as string) : `[${parts.join(", ")}].join(${sep})`;
  if (file) {
    e.note("file-object", `\`${file.text}\` stays a file object: print() calls its write() with the text`);
    return atom(`${e.operand(file)}.write(${joined} + ${end})`);
  }
  if (endIsNewline) return atom(`console.${stream === "stdout" ? "log" : "error"}(${joined})`);
  return atom(`process.${stream}.write(${joined} + ${end})`);
}

/** A value as print() writes it: str(value). */
export function printed(e: Emitter, node: SyntaxNode): string {
  return surelyStr(e, node) ? e.expr(node) : `${e.rt("pyStr")}(${e.expr(node)})`;
}

/** sys.stdout.write(text): Python takes only a str, so a value that may be something else is checked. */
function streamWrite(e: Emitter, node: SyntaxNode, stream: string, args: CallArgument[]): Code {
  const only = args.length === 1 && args[0]?.kind === "positional" ? args[0].value : null;
  if (!only) return e.untranslated(node, `sys.${stream}.write() called this way`);
  if (!surelyStr(e, only)) return e.untranslated(node, `sys.${stream}.write() of a value that may not be a str`);
  return atom(`process.${stream}.write(${e.expr(only)})`);
}

export function lambda(e: Emitter, node: SyntaxNode): Code {
  const params = node.childForFieldName("parameters");
  const body = node.childForFieldName("body");
  if (!body) return e.untranslated(node, "a lambda the parser could not read");
  const names: string[] = [];
  for (const p of params?.namedChildren ?? []) {
    if (p.type !== "identifier") return e.untranslated(node, "a lambda with default, keyword-only or star parameters");
    names.push(p.text);
  }
  const text = e.withBound(names, () => e.expr(body));
  return { text: `(${names.map((n) => `${e.jsName(n)}: any`).join(", ")}) => ${/^\{/.test(text) ? `(${text})` : text}`, atomic: false };
}

/**
 * `[f(x) for x in xs if p(x)]` → `[...pyIter(xs)].filter((x: any) => pyBool(p(x))).map((x: any) => f(x))`;
 * `for k, v in ...` destructures. Only one `for` clause: nested ones need flattening.
 */
export function comprehension(e: Emitter, node: SyntaxNode): Code {
  const body = node.childForFieldName("body");
  const clauses = node.namedChildren.filter((c) => c.type === "for_in_clause" || c.type === "if_clause");
  const first = clauses[0];
  const left = first?.childForFieldName("left");
  const right = first?.childForFieldName("right");
  if (!body || first?.type !== "for_in_clause" || !left || !right || clauses.slice(1).some((c) => c.type !== "if_clause")) {
    return e.untranslated(node, "a comprehension with several `for` clauses");
  }
  if (first.children.some((c) => c.type === "async")) return e.untranslated(node, "an asynchronous comprehension");
  const target = pattern(left);
  if (!target) return e.untranslated(node, "a comprehension whose loop target is not a name or a tuple of names");
  const iterable = `[...${e.rt("pyIter")}(${e.expr(right)})]`;
  return e.withBound(target.names, () => {
    const param = target.js(e);
    const filters = clauses.slice(1).map((c) => `.filter((${param}: any) => ${truth(e, c.namedChildren[0] as SyntaxNode)})`);
    if (node.type === "dictionary_comprehension") {
      const key = body.childForFieldName("key");
      const value = body.childForFieldName("value");
      if (body.type !== "pair" || !key || !value) return e.untranslated(node, "a dict comprehension the parser could not read");
      const pairs = `${iterable}${filters.join("")}.map((${param}: any): [unknown, unknown] => [${e.expr(key)}, ${e.expr(value)}])`;
      return atom(e.mode === "exact" ? `${e.rt("dict")}(${pairs})` : `${e.rt("pyDict")}(${pairs})`);
    }
    const mapped = `${iterable}${filters.join("")}.map((${param}: any) => ${e.expr(body)})`;
    return atom(node.type === "set_comprehension" ? `new Set(${mapped})` : mapped);
  });
}

/** A loop target: a name, or a tuple or list of names (destructured). */
function pattern(node: SyntaxNode): { names: string[]; js: (e: Emitter) => string } | null {
  const n = unwrapParens(node);
  if (n.type === "identifier") return { names: [n.text], js: (e) => e.jsName(n.text) };
  if (n.type === "pattern_list" || n.type === "tuple_pattern" || n.type === "list_pattern" || n.type === "tuple") {
    const names = items(n);
    if (!names.every((c) => c.type === "identifier")) return null;
    return { names: names.map((c) => c.text), js: (e) => `[${names.map((c) => e.jsName(c.text)).join(", ")}]` };
  }
  return null;
}
