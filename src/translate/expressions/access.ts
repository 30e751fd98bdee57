// Names, attributes and subscripts. A free name stays a name: the host provides its value (a
// variable, a function, an object, a module of its own); builtins and a few library constants
// have exact equivalents; subscripts and slices go through the runtime, which raises KeyError,
// IndexError and TypeError where Python does.
import type { Occurrence } from "../../python/scopes.js";
import type { SyntaxNode } from "../../python/tree.js";
import type { Code, Emitter } from "../types.js";

const atom = (text: string): Code => ({ text, atomic: true });

const MATH_CONSTANTS: Record<string, string> = {
  "math.nan": "NaN", "math.inf": "Infinity", "math.pi": "Math.PI", "math.e": "Math.E", "math.tau": "(2 * Math.PI)",
};

export function name(e: Emitter, node: SyntaxNode, type?: string): Code {
  const text = node.text;
  if (e.isBound(text)) return atom(e.jsName(text));
  const q = e.ctx.names.qualify(node);
  if (q === `builtins.${text}` && !e.ctx.scopes.resolve(node)) {
    const builtin = builtinValue(e, text);
    if (builtin) return atom(builtin);
    if (BUILTINS.has(text)) return e.untranslated(node, `the builtin \`${text}\` as a value`);
  } else if (q && q !== text && importOf(e, node)) {
    const constant = MATH_CONSTANTS[q];
    if (constant) return atom(constant);
    if (q === "collections.OrderedDict") return orderedDict(e);
    e.note("port", `\`${text}\` is \`${q}\` from Python's library: the TypeScript takes it as a free name; give it an equivalent`);
  }
  return atom(e.freeName(text, type));
}

// Python's builtins: a name bound nowhere in the file and not one of these is a free name.
export const BUILTINS = new Set(
  ("abs all any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex delattr dict dir divmod " +
    "enumerate eval exec exit filter float format frozenset getattr globals hasattr hash help hex id input int isinstance " +
    "issubclass iter len list locals map max memoryview min next object oct open ord pow print property quit range repr " +
    "reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip __import__ __name__ __file__").split(" "),
);

/** A builtin used as a value (`default=str`, `object_pairs_hook=dict`): its runtime equivalent, when there is one. */
export function builtinValue(e: Emitter, builtin: string): string | null {
  const exact = e.mode === "exact";
  switch (builtin) {
    case "str":
      return e.rt("pyStr");
    case "repr":
      return e.rt("pyRepr");
    case "float":
      return exact ? e.rt("float") : "Number";
    case "dict":
      return exact ? e.rt("dict") : "Object.fromEntries";
    default:
      return null;
  }
}

function orderedDict(e: Emitter): Code {
  if (e.mode !== "exact") return atom("Object.fromEntries");
  e.note("expression", "`OrderedDict` becomes the runtime's `dict` (a Map in Python's key order); its repr is `{...}`, not `OrderedDict([...])`", "possible");
  return atom(e.rt("dict"));
}

/** The import binding a name refers to, if it refers to one. */
export function importOf(e: Emitter, node: SyntaxNode): Occurrence | null {
  const res = e.ctx.scopes.resolve(node);
  return res?.bindings.find((o) => o.binding?.how === "import" || o.binding?.how === "from-import") ?? null;
}

export function attribute(e: Emitter, node: SyntaxNode): Code {
  const object = node.childForFieldName("object");
  const attr = node.childForFieldName("attribute")?.text ?? "";
  if (!object) return e.untranslated(node, "an attribute the parser could not read");
  // `o.__dict__`, `type(o).__name__`: Python's object model, which a JavaScript object does not have.
  if (/^__\w+__$/.test(attr)) return e.untranslated(node, `Python's special attribute \`${attr}\``);
  const q = e.ctx.names.qualify(node);
  if (q) {
    const constant = MATH_CONSTANTS[q];
    if (constant) return atom(constant);
    if (q === "collections.OrderedDict") return orderedDict(e);
    if (q === "sys.maxsize") return atom("9223372036854775807n");
    const root = rootName(node);
    if (root && !e.isBound(root.text) && importOf(e, root)) {
      e.note("port", `\`${node.text}\` is \`${q}\` from Python's library: the TypeScript takes \`${root.text}\` as a free name; give it an equivalent`);
    }
  }
  // A number needs parentheses before a dot (`(0).real`): `0.real` would read as a number.
  const target = e.code(object);
  return atom(`${target.atomic && !/^\d/.test(target.text) ? target.text : `(${target.text})`}.${attr}`);
}

/** `x[k]` → pyGetItem(x, k); `x[a:b:c]` → pySlice(x, a, b, c); `x[i, j]` indexes with a tuple. */
export function subscript(e: Emitter, node: SyntaxNode): Code {
  const value = node.childForFieldName("value");
  const subs = node.childrenForFieldName("subscript").filter((c) => c.type !== "comment");
  const first = subs[0];
  if (!value || !first) return e.untranslated(node, "a subscript the parser could not read");
  if (subs.length === 1 && first.type === "slice") {
    const parts = sliceParts(first);
    if (!parts) return e.untranslated(node, "a slice the parser could not read");
    const args = parts.map((p) => (p ? e.expr(p) : "null"));
    while (args.length > 1 && args[args.length - 1] === "null") args.pop();
    return atom(`${e.rt("pySlice")}(${e.expr(value)}, ${args.join(", ")})`);
  }
  if (subs.some((s) => s.type === "slice")) return e.untranslated(node, "an index with several slices");
  const key = subs.length === 1 ? e.expr(first) : `${e.rt("tuple")}(${subs.map((s) => e.expr(s)).join(", ")})`;
  return atom(`${e.rt("pyGetItem")}(${e.expr(value)}, ${key})`);
}

/** A slice's start, stop and step (null where absent), read from its children around the colons. */
function sliceParts(slice: SyntaxNode): (SyntaxNode | null)[] | null {
  const parts: (SyntaxNode | null)[] = [null];
  for (const c of slice.children) {
    if (c.type === ":") parts.push(null);
    else if (c.type !== "comment") {
      if (parts[parts.length - 1] !== null) return null;
      parts[parts.length - 1] = c;
    }
  }
  return parts.length <= 3 ? parts : null;
}

/** The leftmost name of `a.b.c`. */
export function rootName(node: SyntaxNode): SyntaxNode | null {
  let n: SyntaxNode | null = node;
  while (n && n.type === "attribute") n = n.childForFieldName("object");
  return n?.type === "identifier" ? n : null;
}

