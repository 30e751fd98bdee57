// What a value may contain, as far as json.dumps vs JSON.stringify (or json.loads vs JSON.parse)
// can tell apart. Native mode attaches a note only for a difference the value can show: a literal
// is read exactly; anything else may hold everything.
import { MAX_NESTING } from "../python/limits.js";
import type { SyntaxNode } from "../python/tree.js";
import { stringLiteral, unwrapParens } from "../python/syntax.js";
import { KEY_ORDER, PyFloat, float, floatRepr, isTuple, loads } from "../runtime/index.js";
import { pythonFloat, pythonInt } from "./literals.js";

export interface ValueFacts {
  /** A list of two or more items, or a non-empty dict: separators show. */
  separated: boolean;
  /** A non-empty list or dict: indentation shows. */
  nonEmpty: boolean;
  /** A character from U+007F up, in a string or a key. */
  nonAscii: boolean;
  loneSurrogate: boolean;
  /** NaN or ±Infinity. */
  nan: boolean;
  /** An int past 2**53. */
  bigInt: boolean;
  /** A float whose Python repr is not JavaScript's String() (1.0, 1e+16, 1e-05). */
  floatLayout: boolean;
  /** A dict key a JavaScript object moves to the front ("1", 2). */
  intLikeKey: boolean;
  /** A dict with two or more keys, one of them above U+FFFF or integer-like: sort order differs. */
  sortSensitive: boolean;
  /** A key that is not a str, an int, a bool or None. */
  nonStringKey: boolean;
  /** A set, bytes or any object JSON has no form for. */
  unserializable: boolean;
  /** A dict key that is not a str (int, bool and None included): orjson refuses it, ujson writes str(key). */
  nonStrKey: boolean;
  /** Two dict keys with the same JSON text (`{1: "a", "1": "b"}`): written twice, where a JavaScript object merges them. */
  duplicateKey: boolean;
  /** For the libraries' own layouts (orjson, ujson): every string and key, every float, every int past 2**53. */
  strings: string[];
  floats: number[];
  bigInts: bigint[];
}

export const EVERYTHING: ValueFacts = {
  separated: true, nonEmpty: true, nonAscii: true, loneSurrogate: true, nan: true, bigInt: true, floatLayout: true,
  intLikeKey: true, sortSensitive: true, nonStringKey: true, unserializable: true, nonStrKey: true, duplicateKey: true,
  strings: [], floats: [], bigInts: [],
};

function nothing(): ValueFacts {
  return {
    separated: false, nonEmpty: false, nonAscii: false, loneSurrogate: false, nan: false, bigInt: false, floatLayout: false,
    intLikeKey: false, sortSensitive: false, nonStringKey: false, unserializable: false, nonStrKey: false, duplicateKey: false,
    strings: [], floats: [], bigInts: [],
  };
}

/** A key JavaScript lists first in an object: a canonical array index. */
export function isIntegerLikeKey(k: string): boolean {
  return /^(0|[1-9]\d*)$/.test(k) && Number(k) < 2 ** 32 - 1;
}

function stringFacts(f: ValueFacts, s: string): void {
  f.strings.push(s);
  if (/[^\u0000-\u007e]/.test(s)) f.nonAscii = true;
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s)) f.loneSurrogate = true;
}

function floatFacts(f: ValueFacts, v: number): void {
  f.floats.push(v);
  if (!Number.isFinite(v)) f.nan = true;
  else if (floatRepr(v) !== JSON.stringify(v)) f.floatLayout = true;
}

/** A dict key as json.dumps sees it: its JSON text and whether Python compares it as a str or an int. */
interface Key {
  text: string;
  kind: "str" | "int" | "other";
}

const byCodePoint = (a: string, b: string): number => {
  const x = [...a].map((c) => c.codePointAt(0) as number);
  const y = [...b].map((c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
};

/** The order JavaScript gives an object's keys: integer-like ones first, ascending, then the rest. */
function jsKeyOrder(keys: string[]): string[] {
  const ints = keys.filter(isIntegerLikeKey).sort((a, b) => Number(a) - Number(b));
  return [...ints, ...keys.filter((k) => !isIntegerLikeKey(k))];
}

function keysFacts(f: ValueFacts, all: Key[]): void {
  const seen = new Set<string>();
  const keys = all.filter((k) => (seen.has(k.text) ? false : (seen.add(k.text), true)));
  if (keys.length < all.length) f.duplicateKey = true;
  if (all.some((k) => k.kind !== "str")) f.nonStrKey = true;
  if (keys.length > 0) f.separated = f.nonEmpty = true;
  const texts = keys.map((k) => k.text);
  if (jsKeyOrder(texts).join("\u0000") !== texts.join("\u0000")) f.intLikeKey = true;
  if (keys.length < 2) return;
  // sort_keys: Python sorts str keys by code point, int keys by value (mixed kinds raise);
  // the native replacer sorts by UTF-16 units and the object puts integer-like keys first again.
  let python: string[] | null = null;
  if (keys.every((k) => k.kind === "str")) python = [...texts].sort(byCodePoint);
  else if (keys.every((k) => k.kind === "int")) python = [...keys].sort((a, b) => (BigInt(a.text) < BigInt(b.text) ? -1 : 1)).map((k) => k.text);
  const js = jsKeyOrder([...texts].sort());
  if (python === null || python.join("\u0000") !== js.join("\u0000")) f.sortSensitive = true;
}

/** Facts of a Python literal (nested lists, dicts, tuples...); null for anything else (it may hold everything). */
export function factsOfPython(node: SyntaxNode): ValueFacts | null {
  const f = nothing();
  return walkPython(node, f) ? f : null;
}

function walkPython(expr: SyntaxNode, f: ValueFacts, depth = 0): boolean {
  // Deeper than CPython compiles: not read as a literal (the value may then hold anything).
  if (depth > MAX_NESTING) return false;
  const node = unwrapParens(expr);
  const items = () => node.namedChildren.filter((c) => c.type !== "comment");
  switch (node.type) {
    case "true":
    case "false":
    case "none":
      return true;
    case "integer": {
      const v = pythonInt(node.text);
      if (v === null) return false;
      if (!Number.isSafeInteger(Number(v))) {
        f.bigInt = true;
        f.bigInts.push(BigInt(v));
      }
      return true;
    }
    case "float": {
      const v = pythonFloat(node.text);
      if (v === null) return false;
      floatFacts(f, v);
      return true;
    }
    case "unary_operator": {
      const arg = node.childForFieldName("argument");
      const op = node.childForFieldName("operator")?.text;
      if (!arg || (op !== "-" && op !== "+")) return false;
      const inner = unwrapParens(arg);
      if (inner.type === "float") {
        const v = pythonFloat(inner.text);
        if (v === null) return false;
        floatFacts(f, op === "-" ? -v : v);
        return true;
      }
      if (inner.type !== "integer") return false;
      const v = pythonInt(inner.text);
      if (v === null) return false;
      if (!Number.isSafeInteger(Number(v))) {
        f.bigInt = true;
        f.bigInts.push(op === "-" ? -v : v);
      }
      return true;
    }
    case "string":
    case "concatenated_string": {
      const s = stringLiteral(node);
      if (!s || s.fstring) return false;
      if (s.bytes) f.unserializable = true;
      else stringFacts(f, s.value);
      return true;
    }
    case "list":
    case "tuple": {
      const xs = items();
      if (xs.length > 0) f.nonEmpty = true;
      if (xs.length > 1) f.separated = true;
      return xs.every((x) => x.type !== "list_splat" && walkPython(x, f, depth + 1));
    }
    case "set":
      f.unserializable = true;
      return true;
    case "dictionary": {
      const keys: Key[] = [];
      for (const pair of items()) {
        if (pair.type !== "pair") return false;
        const k = pair.childForFieldName("key");
        const v = pair.childForFieldName("value");
        if (!k || !v || !walkPython(v, f, depth + 1)) return false;
        const key = keyText(k, f);
        if (key === null) return false;
        keys.push(key);
      }
      keysFacts(f, keys);
      return true;
    }
    case "call": {
      // float("nan"), float("inf"), float(1): the runtime's float.
      const fn = node.childForFieldName("function");
      const args = node.childForFieldName("arguments")?.namedChildren ?? [];
      const s = args.length === 1 && args[0] ? stringLiteral(args[0]) : null;
      if (fn?.text === "float" && s && !s.bytes && !s.fstring) {
        try {
          floatFacts(f, float(s.value).value);
          return true;
        } catch {
          return false; // Python raises ValueError
        }
      }
      return false;
    }
    default:
      return false;
  }
}

/** The JSON key a literal dict key becomes in json.dumps, with its facts; null when not a literal. */
function keyText(k: SyntaxNode, f: ValueFacts): Key | null {
  const node = unwrapParens(k);
  switch (node.type) {
    case "true":
    case "false":
    case "none":
      // json.dumps writes "true"/"false"/"null", as String() does; Python compares them as ints/None.
      return { text: node.type === "none" ? "null" : node.type, kind: "other" };
    case "integer": {
      const v = pythonInt(node.text);
      if (v === null) return null;
      if (!Number.isSafeInteger(Number(v))) {
        f.nonStringKey = true;
        f.bigInts.push(BigInt(v));
      }
      return { text: String(v), kind: "int" };
    }
    case "string":
    case "concatenated_string": {
      const s = stringLiteral(node);
      if (!s || s.fstring) return null;
      if (s.bytes) f.nonStringKey = true;
      else stringFacts(f, s.value);
      return { text: s.value, kind: "str" };
    }
    default:
      f.nonStringKey = true;
      return { text: node.text, kind: "other" };
  }
}

/** Facts of a JSON text as json.loads reads it: null when it does not parse (the errors differ). */
export function factsOfJsonText(text: string): { facts: ValueFacts; intFloat: boolean; nanLiteral: boolean } | null {
  let value: unknown;
  try {
    value = loads(text);
  } catch {
    return null;
  }
  const f = nothing();
  let intFloat = false;
  let nanLiteral = false;
  const walk = (v: unknown): void => {
    if (v instanceof PyFloat) {
      intFloat = true;
      return;
    }
    if (typeof v === "bigint") f.bigInt = true;
    else if (typeof v === "number" && !Number.isFinite(v)) nanLiteral = true;
    else if (typeof v === "number" && !Number.isSafeInteger(v)) floatFacts(f, v);
    else if (typeof v === "string") stringFacts(f, v);
    else if (Array.isArray(v) || isTuple(v)) {
      if (v.length > 1) f.separated = true;
      v.forEach(walk);
    } else if (v !== null && typeof v === "object") {
      const o = v as Record<string | symbol, unknown>;
      const keys = (o[KEY_ORDER] as string[] | undefined) ?? Object.keys(o);
      keys.forEach((k) => stringFacts(f, k));
      keysFacts(f, keys.map((text) => ({ text, kind: "str" as const })));
      Object.values(o).forEach(walk);
    }
  };
  walk(value);
  return { facts: f, intFloat, nanLiteral };
}
