// Python's `==`, `<`, `<=`, `>`, `>=` on the runtime's values, and what Python's equality decides
// inside containers: dict keys and set members (hashability, `1 == 1.0 == True` as one key).

import { cmpStr } from "./compare.js";
import { PyTypeError } from "./errors.js";
import { realOf } from "./py-numbers.js";
import { PyFloat, isDict, isTuple, items, typeName } from "./values.js";

/** Python's `a == b`. */
export function pyEq(a: unknown, b: unknown): boolean {
  // Numbers first: a float is unequal to itself when NaN, even when it is the same object.
  const x = realOf(a);
  const y = realOf(b);
  // `==` between number and bigint compares the exact values (so does `<`).
  if (x !== undefined || y !== undefined) return x !== undefined && y !== undefined && x == y;
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || isTuple(a) !== isTuple(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!eqItem(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Uint8Array) return b instanceof Uint8Array && cmpBytes(a, b) === 0;
  if (a instanceof Set) {
    return b instanceof Set && a.size === b.size && [...a].every((e) => setHas(b, e));
  }
  if (isDict(a)) {
    if (!isDict(b) || dictSize(a) !== dictSize(b)) return false;
    for (const [k, v] of items(a)) {
      const w = dictLookup(b, k);
      if (w === MISSING || !eqItem(v, w)) return false;
    }
    return true;
  }
  return false;
}

/** Python's `a != b`. */
export function pyNe(a: unknown, b: unknown): boolean {
  return !pyEq(a, b);
}

/** Equality as containers test it (PyObject_RichCompareBool): the same object is equal to itself. */
export function eqItem(a: unknown, b: unknown): boolean {
  return a === b || pyEq(a, b);
}

type Op = "<" | "<=" | ">" | ">=";

function holds(c: number | bigint, op: Op, d: number | bigint): boolean {
  switch (op) {
    case "<":
      return c < d;
    case "<=":
      return c <= d;
    case ">":
      return c > d;
    default:
      return c >= d;
  }
}

function cmpBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function isSubset(a: Set<unknown>, b: Set<unknown>): boolean {
  if (a.size > b.size) return false;
  for (const e of a) if (!setHas(b, e)) return false;
  return true;
}

function order(a: unknown, b: unknown, op: Op): boolean {
  const x = realOf(a);
  const y = realOf(b);
  if (x !== undefined && y !== undefined) return holds(x, op, y);
  if (typeof a === "string" && typeof b === "string") return holds(cmpStr(a, b), op, 0);
  if (a instanceof Uint8Array && b instanceof Uint8Array) return holds(cmpBytes(a, b), op, 0);
  if (Array.isArray(a) && Array.isArray(b) && isTuple(a) === isTuple(b)) {
    // The first items that differ decide, compared with the same operator; else the lengths.
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (!eqItem(a[i], b[i])) return order(a[i], b[i], op);
    return holds(a.length, op, b.length);
  }
  if (a instanceof Set && b instanceof Set) {
    // Sets are ordered by inclusion.
    if (op === "<") return a.size < b.size && isSubset(a, b);
    if (op === "<=") return isSubset(a, b);
    if (op === ">") return b.size < a.size && isSubset(b, a);
    return isSubset(b, a);
  }
  throw new PyTypeError(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

/** Python's `a < b`. */
export function pyLt(a: unknown, b: unknown): boolean {
  return order(a, b, "<");
}

/** Python's `a <= b`. */
export function pyLe(a: unknown, b: unknown): boolean {
  return order(a, b, "<=");
}

/** Python's `a > b`. */
export function pyGt(a: unknown, b: unknown): boolean {
  return order(a, b, ">");
}

/** Python's `a >= b`. */
export function pyGe(a: unknown, b: unknown): boolean {
  return order(a, b, ">=");
}

// ---- dict keys and set members -------------------------------------------------------------------

/** Raises CPython's TypeError for a value that cannot be a dict key or a set member. */
export function checkHashable(k: unknown): void {
  if (isTuple(k)) {
    for (const e of k) checkHashable(e);
  } else if (Array.isArray(k) || k instanceof Set || isDict(k)) {
    throw new PyTypeError(`unhashable type: '${typeName(k)}'`);
  }
}

/** Keys a JS Map or Set may hold under another object while Python finds them equal. */
function findsByEquality(k: unknown): boolean {
  return typeof k === "number" || typeof k === "bigint" || typeof k === "boolean" || k instanceof PyFloat || isTuple(k) || k instanceof Uint8Array;
}

export const MISSING: unique symbol = Symbol("missing");

/** The key a Map (or Set) holds that Python finds equal to `k` (the same object, or an equal one), or MISSING. */
export function storedKey(m: Map<unknown, unknown> | Set<unknown>, k: unknown): unknown {
  // A NaN number is never the same object as another (SameValueZero would say it is).
  if (m.has(k) && k === k) return k;
  if (!findsByEquality(k)) return MISSING;
  for (const e of m.keys()) if (findsByEquality(e) && eqItem(k, e)) return e;
  return MISSING;
}

/** Python's `k in s` for a set. */
export function setHas(s: Set<unknown>, k: unknown): boolean {
  checkHashable(k);
  return storedKey(s, k) !== MISSING;
}

/** Python's `d[k]` lookup, or MISSING; a plain object holds only str keys, as own properties. */
export function dictLookup(d: Map<unknown, unknown> | Record<string, unknown>, k: unknown): unknown {
  checkHashable(k);
  if (d instanceof Map) {
    const key = storedKey(d, k);
    return key === MISSING ? MISSING : d.get(key);
  }
  return typeof k === "string" && Object.hasOwn(d, k) ? d[k] : MISSING;
}

/** `len(d)` of a dict. */
export function dictSize(d: Map<unknown, unknown> | Record<string, unknown>): number {
  return d instanceof Map ? d.size : Object.keys(d).length;
}
