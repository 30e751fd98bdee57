// How Python values are represented in TypeScript (see docs/runtime.md):
//   None -> null, bool -> boolean, str -> string, list -> Array, tuple -> tuple(...) (a marked Array),
//   int -> number when Number.isSafeInteger, else bigint (dumps accepts bigint of any size),
//   float -> number when not a safe integer (1.5, NaN, Infinity, 1e300); an integral float such as
//            1.0 or -0.0 is a PyFloat, made by float(x) and produced by loads,
//   dict -> plain object (str keys; loads keeps Python's key order, see KEY_ORDER) or Map (any keys).

import { PyOverflowError, PyRecursionError, PyTypeError, PyValueError } from "./errors.js";
import { floatRepr } from "./float-repr.js";

/** A Python float whose value JS would otherwise take for an int: `float(1)` dumps as `1.0`. */
export class PyFloat {
  constructor(readonly value: number) {}
  valueOf(): number {
    return this.value;
  }
  /** Python's repr: "1.0", "-0.0", "1e+16". */
  toString(): string {
    return floatRepr(this.value);
  }
  toJSON(): number {
    return this.value;
  }
}

const DIGITS = String.raw`\d(?:_?\d)*`;
const FLOAT_TEXT = new RegExp(String.raw`^[+-]?(?:${DIGITS}(?:\.(?:${DIGITS})?)?|\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);

/** Python's `float(x)` for numbers, bigints, booleans and numeric strings; always a PyFloat. */
export function float(x: number | bigint | boolean | string | PyFloat): PyFloat {
  if (x instanceof PyFloat) return x;
  if (typeof x === "number") return new PyFloat(x);
  if (typeof x === "boolean") return new PyFloat(x ? 1 : 0);
  if (typeof x === "bigint") {
    const v = Number(x);
    if (!Number.isFinite(v)) throw new PyOverflowError("int too large to convert to float");
    return new PyFloat(v);
  }
  const t = x.trim();
  const m = /^([+-]?)(?:(inf(?:inity)?)|(nan))$/i.exec(t);
  if (m) return new PyFloat(m[3] ? NaN : m[1] === "-" ? -Infinity : Infinity);
  // An underscore only between two digits, as in Python's literals (`1_000.5`, not `1_` or `_1`).
  if (FLOAT_TEXT.test(t)) return new PyFloat(Number(t.replace(/_/g, "")));
  throw new PyValueError(`could not convert string to float: ${pyRepr(x)}`);
}

/** True for values the runtime treats as Python floats. */
export function isFloat(v: unknown): v is number | PyFloat {
  return v instanceof PyFloat || (typeof v === "number" && !Number.isSafeInteger(v));
}

/** True for values the runtime treats as Python ints (booleans excluded, unlike Python's isinstance). */
export function isInt(v: unknown): v is number | bigint {
  return typeof v === "bigint" || (typeof v === "number" && Number.isSafeInteger(v));
}

const TUPLE: unique symbol = Symbol.for("dumpling.tuple");

/** A Python tuple: a frozen Array marked as a tuple (dumps writes it as a list; as a key it is refused). */
export function tuple<T extends unknown[]>(...items: T): Readonly<T> {
  Object.defineProperty(items, TUPLE, { value: true });
  return Object.freeze(items);
}

export function isTuple(v: unknown): v is readonly unknown[] {
  return Array.isArray(v) && (v as unknown as Record<symbol, unknown>)[TUPLE] === true;
}

/**
 * Hidden (non-enumerable) key order that `loads` attaches to a plain object when JS would reorder
 * its keys (integer-like keys such as "1" come first in JS), so `dumps` and `keys()` see Python's order.
 */
export const KEY_ORDER: unique symbol = Symbol.for("dumpling.keyOrder");

type Ordered = Record<string, unknown> & { [KEY_ORDER]?: string[] };

/** A plain object with string keys, in Python's order (honours KEY_ORDER, tolerates later edits). */
export function keys(d: object): string[] {
  if (d instanceof Map) return [...d.keys()] as string[];
  const own = Object.keys(d);
  const order = (d as Ordered)[KEY_ORDER];
  if (order === undefined) return own;
  if (order.length === own.length && order.every((k) => Object.hasOwn(d, k))) return order;
  // Edited since loads: recorded keys still present, in recorded order, then the new ones.
  const seen = new Set(order);
  return order.filter((k) => Object.hasOwn(d, k)).concat(own.filter((k) => !seen.has(k)));
}

/** `dict.items()` in Python's order, for plain objects and Maps. */
export function items(d: object): [unknown, unknown][] {
  if (d instanceof Map) return [...d.entries()];
  const o = d as Record<string, unknown>;
  return keys(d).map((k) => [k, o[k]]);
}

/** True for the objects dumps treats as dicts: Maps and plain objects. */
export function isDict(v: unknown): v is Map<unknown, unknown> | Record<string, unknown> {
  if (v instanceof Map) return true;
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

/**
 * Python's `dict(pairs)`: a Map whose keys follow Python's equality, so `1`, `1.0` (`float(1)`) and
 * `true` are one key (the first key object is kept, the last value wins), as in a Python dict.
 */
export function dict<K = unknown, V = unknown>(pairs: Iterable<readonly [K, V]> = []): Map<K, V> {
  const canon = new Map<unknown, K>();
  const out = new Map<K, V>();
  for (const [k, v] of pairs) {
    const c = hashKey(k);
    const first = canon.get(c);
    if (first === undefined && !canon.has(c)) {
      canon.set(c, k);
      out.set(k, v);
    } else {
      out.set(first as K, v);
    }
  }
  return out;
}

/** A value equal to the hash key of `k` under Python's `==` for the hashable kinds we model. */
function hashKey(k: unknown): unknown {
  if (k === null) return "N";
  if (typeof k === "string") return "s" + k;
  if (typeof k === "boolean") return k ? "i1" : "i0";
  if (typeof k === "bigint") return "i" + k.toString();
  const n = k instanceof PyFloat ? k.value : k;
  if (typeof n === "number") {
    if (n !== n) return k; // each NaN object is its own key in Python
    return Number.isInteger(n) ? "i" + BigInt(n).toString() : "f" + String(n);
  }
  if (isTuple(k)) return "t" + JSON.stringify(k.map((e) => String(hashKey(e))));
  // Python's mutable containers cannot be keys: dict([([1], 2)]) raises before anything else.
  if (Array.isArray(k) || k instanceof Set || isDict(k)) throw new PyTypeError(`unhashable type: '${typeName(k)}'`);
  return k;
}

/** Python's class name for a value, as used in error messages. */
export function typeName(v: unknown): string {
  if (v === null) return "NoneType";
  switch (typeof v) {
    case "undefined":
      return "undefined";
    case "boolean":
      return "bool";
    case "string":
      return "str";
    case "bigint":
      return "int";
    case "number":
      return Number.isSafeInteger(v) ? "int" : "float";
    case "function":
      return "function";
    case "symbol":
      return "symbol";
  }
  if (v instanceof PyFloat) return "float";
  if (Array.isArray(v)) return isTuple(v) ? "tuple" : "list";
  if (v instanceof Set) return "set";
  if (v instanceof Map || isDict(v)) return "dict";
  if (v instanceof Uint8Array) return "bytes";
  if (v instanceof Date) return "datetime";
  const ctor = (v as { constructor?: { name?: unknown } }).constructor;
  return typeof ctor?.name === "string" && ctor.name !== "" ? ctor.name : "object";
}

/** Python's `str(x)` (for the `default=str` idiom); see pyRepr for the kinds it knows. */
export function pyStr(v: unknown): string {
  return typeof v === "string" ? v : pyRepr(v);
}

/** Python's repr(int): decimal, refused past 4300 digits as in CPython 3.11. */
export function intRepr(n: bigint | number): string {
  const s = typeof n === "number" && Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
  if (s.length > 4300 && s.length - (s.charCodeAt(0) === 45 ? 1 : 0) > 4300) {
    throw new PyValueError(
      "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
    );
  }
  return s;
}

// Python's str.isprintable() is false for these categories (space excepted).
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python's repr() of a str. */
export function strRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === q || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c < 0x7f || !(c !== 0x20 && NON_PRINTABLE.test(ch))) out += ch;
    else if (c < 0x100) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c < 0x10000) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += "\\U" + c.toString(16).padStart(8, "0");
  }
  return out + q;
}

function bytesRepr(b: Uint8Array): string {
  let has1 = false;
  let has2 = false;
  for (const c of b) {
    if (c === 39) has1 = true;
    else if (c === 34) has2 = true;
  }
  const q = has1 && !has2 ? 34 : 39;
  let out = "b" + String.fromCharCode(q);
  for (const c of b) {
    if (c === q || c === 92) out += "\\" + String.fromCharCode(c);
    else if (c === 9) out += "\\t";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c < 0x20 || c >= 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += String.fromCharCode(c);
  }
  return out + String.fromCharCode(q);
}

/**
 * Python's repr() for None, bool, int, float, str, bytes, list, tuple, dict and set (a JS Set keeps
 * insertion order, which Python's set does not promise). Other objects: `<ClassName object>`.
 */
export function pyRepr(v: unknown): string {
  const active = new Set<object>();
  const rec = (x: unknown, depth: number): string => {
    if (depth > 1000) throw new PyRecursionError("maximum recursion depth exceeded while getting the repr of an object");
    if (x === null) return "None";
    if (x === true) return "True";
    if (x === false) return "False";
    if (typeof x === "string") return strRepr(x);
    if (typeof x === "bigint") return intRepr(x);
    if (typeof x === "number") return Number.isSafeInteger(x) ? String(x) : floatRepr(x);
    if (x instanceof PyFloat) return floatRepr(x.value);
    if (x instanceof Uint8Array) return bytesRepr(x);
    if (typeof x !== "object") return `<${typeName(x)} object>`;
    const tup = isTuple(x);
    if (active.has(x)) return Array.isArray(x) ? (tup ? "(...)" : "[...]") : "{...}";
    active.add(x);
    try {
      if (Array.isArray(x)) {
        const parts = x.map((e) => rec(e, depth + 1));
        if (!tup) return "[" + parts.join(", ") + "]";
        return parts.length === 1 ? "(" + parts[0] + ",)" : "(" + parts.join(", ") + ")";
      }
      if (x instanceof Set) return x.size === 0 ? "set()" : "{" + [...x].map((e) => rec(e, depth + 1)).join(", ") + "}";
      if (isDict(x)) return "{" + items(x).map(([k, e]) => rec(k, depth + 1) + ": " + rec(e, depth + 1)).join(", ") + "}";
      return `<${typeName(x)} object>`;
    } finally {
      active.delete(x);
    }
  };
  return rec(v, 0);
}
