// Python's container operations on the runtime's values: len(), indexing, slicing, `in`,
// iteration, and dict's get/keys/values/items. A str is indexed, sliced and counted by code point
// (JS strings are UTF-16); a dict is a plain object (str keys, Python's order kept, see KEY_ORDER)
// or a Map (any keys, found by Python's equality).

import { PyAttributeError, PyIndexError, PyKeyError, PyTypeError, PyValueError, UntranslatedPythonError } from "./errors.js";
import { MISSING, checkHashable, dictLookup, dictSize, eqItem, setHas, storedKey } from "./py-compare.js";
import { type Int, intOf } from "./py-numbers.js";
import { KEY_ORDER, isDict, isTuple, items, keys, pyRepr, tuple, typeName } from "./values.js";

type Dict = Map<unknown, unknown> | Record<string, unknown>;

const SURROGATE = /[\ud800-\udfff]/;

/** A str's code points: the string itself when it has no surrogates (then units are code points). */
function codePoints(s: string): string | string[] {
  return SURROGATE.test(s) ? Array.from(s) : s;
}

/** Python's `len(x)`. */
export function pyLen(x: unknown): number {
  if (typeof x === "string") return codePoints(x).length;
  if (Array.isArray(x) || x instanceof Uint8Array) return x.length;
  if (x instanceof Set) return x.size;
  if (isDict(x)) return dictSize(x);
  throw new PyTypeError(`object of type '${typeName(x)}' has no len()`);
}

// CPython's Py_ssize_t bounds: an int index outside them "cannot fit".
const SSIZE_MAX = 2n ** 63n - 1n;

/** CPython's IndexError for an int index outside Py_ssize_t. */
function checkIndexSize(i: Int | undefined): void {
  if (typeof i === "bigint" && (i > SSIZE_MAX || i < -SSIZE_MAX - 1n)) {
    throw new PyIndexError("cannot fit 'int' into an index-sized integer");
  }
}

/** A sequence index made non-negative, or CPython's TypeError (`badType`) or IndexError. */
function seqIndex(key: unknown, length: number, badType: () => string, outOfRange: string): number {
  const i = intOf(key);
  if (i === undefined) throw new PyTypeError(badType());
  checkIndexSize(i);
  let n = Number(i);
  if (n < 0) n += length;
  if (!(n >= 0 && n < length)) throw new PyIndexError(outOfRange);
  return n;
}

/** Python's `x[key]` (no slices: see pySlice). */
export function pyGetItem(x: string, key: unknown): string;
export function pyGetItem(x: Uint8Array, key: unknown): number;
export function pyGetItem<T>(x: readonly T[], key: unknown): T;
export function pyGetItem(x: unknown, key: unknown): any;
export function pyGetItem(x: unknown, key: unknown): unknown {
  if (Array.isArray(x)) {
    const kind = isTuple(x) ? "tuple" : "list";
    return x[seqIndex(key, x.length, () => `${kind} indices must be integers or slices, not ${typeName(key)}`, `${kind} index out of range`)];
  }
  if (typeof x === "string") {
    const cps = codePoints(x);
    return cps[seqIndex(key, cps.length, () => `string indices must be integers, not '${typeName(key)}'`, "string index out of range")];
  }
  if (x instanceof Uint8Array) {
    return x[seqIndex(key, x.length, () => `byte indices must be integers or slices, not ${typeName(key)}`, "index out of range")];
  }
  if (isDict(x)) {
    const v = dictLookup(x, key);
    if (v === MISSING) throw new PyKeyError(key, pyRepr(key));
    return v;
  }
  throw new PyTypeError(`'${typeName(x)}' object is not subscriptable`);
}

/** Python's `x[key] = value`. */
export function pySetItem(x: unknown, key: unknown, value: unknown): void {
  if (Array.isArray(x) && !isTuple(x as unknown)) {
    (x as unknown[])[seqIndex(key, x.length, () => `list indices must be integers or slices, not ${typeName(key)}`, "list assignment index out of range")] = value;
    return;
  }
  if (x instanceof Map) {
    checkHashable(key);
    const stored = storedKey(x, key);
    x.set(stored === MISSING ? key : stored, value); // Python keeps the first key object
    return;
  }
  if (isDict(x)) {
    checkHashable(key);
    if (typeof key !== "string") {
      throw new UntranslatedPythonError(`d[${pyRepr(key)}] = ... on a dict held as a plain object, which takes only str keys (build it with dict() or pyDict() to get a Map)`);
    }
    setKey(x as Ordered, key, value);
    return;
  }
  // Immutable sequences (and sets) convert an int key to an index before refusing the assignment.
  if (typeof x === "string" || Array.isArray(x) || x instanceof Uint8Array || x instanceof Set) checkIndexSize(intOf(key));
  throw new PyTypeError(`'${typeName(x)}' object does not support item assignment`);
}

type Ordered = Record<string, unknown> & { [KEY_ORDER]?: string[] };

// The keys each KEY_ORDER array records, so adding a key is O(1) (keys deleted with `delete` stay).
const RECORDED = new WeakMap<string[], Set<string>>();

/** Adds or replaces a str key of a plain object, keeping Python's order (a new key goes last). */
function setKey(o: Ordered, key: string, value: unknown): void {
  if (!Object.hasOwn(o, key)) {
    let order = o[KEY_ORDER];
    const c = key.charCodeAt(0);
    // JS lists integer-like keys ("1") first: record Python's order once one is added.
    if (order === undefined && c >= 48 && c <= 57) {
      order = Object.keys(o);
      Object.defineProperty(o, KEY_ORDER, { value: order });
    }
    if (order !== undefined) {
      let recorded = RECORDED.get(order);
      if (recorded === undefined) RECORDED.set(order, (recorded = new Set(order)));
      if (recorded.has(key)) order.splice(order.indexOf(key), 1); // deleted earlier: Python puts it last
      else recorded.add(key);
      order.push(key);
    }
  }
  // Assigning "__proto__" would set the prototype: define it as an own property instead.
  if (key === "__proto__") Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  else o[key] = value;
}

/** A dict's keys in Python's order, as a fresh array. */
function dictKeys(d: Dict): unknown[] {
  if (d instanceof Map) return [...d.keys()];
  const ks = keys(d);
  return ks === (d as Ordered)[KEY_ORDER] ? ks.slice() : ks;
}

// Slice bounds are clamped here: any bound past ±2**53 acts like ±infinity on a JS array.
const FAR = 2 ** 53;

function sliceBound(v: unknown, absent: number): number {
  if (v === null || v === undefined) return absent;
  const i = intOf(v);
  if (i === undefined) throw new PyTypeError("slice indices must be integers or None or have an __index__ method");
  return Math.max(-FAR, Math.min(FAR, Number(i)));
}

/** The indices x[start:stop:step] selects (CPython's PySlice_Unpack and PySlice_AdjustIndices). */
function sliceIndices(length: number, start: unknown, stop: unknown, step: unknown): number[] {
  const st = sliceBound(step, 1);
  if (st === 0) throw new PyValueError("slice step cannot be zero");
  let a = sliceBound(start, st < 0 ? FAR : 0);
  let b = sliceBound(stop, st < 0 ? -FAR : FAR);
  const adjust = (i: number): number => {
    if (i < 0) return Math.max(i + length, st < 0 ? -1 : 0);
    return i >= length ? (st < 0 ? length - 1 : length) : i;
  };
  a = adjust(a);
  b = adjust(b);
  const out: number[] = [];
  if (st > 0) for (let i = a; i < b; i += st) out.push(i);
  else for (let i = a; i > b; i += st) out.push(i);
  return out;
}

/** Python's `x[start:stop:step]`; absent bounds are `null` or `undefined` (Python's None). */
export function pySlice(x: string, start?: unknown, stop?: unknown, step?: unknown): string;
export function pySlice(x: Uint8Array, start?: unknown, stop?: unknown, step?: unknown): Uint8Array;
export function pySlice(x: unknown, start?: unknown, stop?: unknown, step?: unknown): any;
export function pySlice(x: unknown, start?: unknown, stop?: unknown, step?: unknown): unknown {
  if (typeof x === "string") {
    const cps = codePoints(x);
    return sliceIndices(cps.length, start, stop, step)
      .map((i) => cps[i])
      .join("");
  }
  if (Array.isArray(x)) {
    const out = sliceIndices(x.length, start, stop, step).map((i) => x[i]);
    return isTuple(x) ? tuple(...out) : out;
  }
  if (x instanceof Uint8Array) return Uint8Array.from(sliceIndices(x.length, start, stop, step), (i) => x[i]!);
  if (isDict(x)) throw new PyTypeError("unhashable type: 'slice'");
  throw new PyTypeError(`'${typeName(x)}' object is not subscriptable`);
}

function noAttribute(x: unknown, name: string): PyAttributeError {
  return new PyAttributeError(`'${typeName(x)}' object has no attribute '${name}'`);
}

/** Python's `d.get(key, default)`: the default only when the key is missing. */
export function pyGet(d: unknown, key: unknown, dflt: unknown = null): any {
  if (!isDict(d)) throw noAttribute(d, "get");
  const v = dictLookup(d, key);
  return v === MISSING ? dflt : v;
}

/** Python's `d.keys()`, as an array in Python's order. */
export function pyKeys(d: unknown): any[] {
  if (!isDict(d)) throw noAttribute(d, "keys");
  return dictKeys(d);
}

/** Python's `d.values()`, as an array in Python's order. */
export function pyValues(d: unknown): any[] {
  if (!isDict(d)) throw noAttribute(d, "values");
  return items(d).map((kv) => kv[1]);
}

/** Python's `d.items()`, as an array of `(key, value)` tuples in Python's order. */
export function pyItems(d: unknown): (readonly [any, any])[] {
  if (!isDict(d)) throw noAttribute(d, "items");
  return items(d).map(([k, v]) => tuple(k, v));
}

/** The pairs `{**d}` unpacks: a dict's items; anything else is not a mapping (TypeError, as CPython). */
export function pyMappingItems(d: unknown): (readonly [any, any])[] {
  if (!isDict(d)) throw new PyTypeError(`'${typeName(d)}' object is not a mapping`);
  return items(d).map(([k, v]) => tuple(k, v));
}

/** True for the values Python can iterate. */
export function isIterable(x: unknown): boolean {
  return typeof x === "string" || Array.isArray(x) || x instanceof Uint8Array || x instanceof Set || isDict(x);
}

/**
 * What `for v in x` visits: a dict's keys (Python's order), a str's code points, a bytes' ints, the
 * items of a list, tuple or set. A list is iterated live, as in Python; dicts and sets are copied
 * first (Python raises RuntimeError when they change size during iteration).
 */
export function pyIter(x: string): Iterable<string>;
export function pyIter(x: Uint8Array): Iterable<number>;
export function pyIter<T>(x: readonly T[] | ReadonlySet<T>): Iterable<T>;
export function pyIter<K>(x: ReadonlyMap<K, unknown>): Iterable<K>;
export function pyIter(x: unknown): Iterable<any>;
export function pyIter(x: unknown): Iterable<unknown> {
  if (typeof x === "string" || Array.isArray(x) || x instanceof Uint8Array) return x;
  if (x instanceof Set) return [...x];
  if (isDict(x)) return dictKeys(x);
  throw new PyTypeError(`'${typeName(x)}' object is not iterable`);
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** `sub in s` by code points: a match may not split one of s's surrogate pairs. */
function strContains(s: string, sub: string): boolean {
  const lowFirst = isLow(sub.charCodeAt(0));
  const highLast = isHigh(sub.charCodeAt(sub.length - 1));
  if (!lowFirst && !highLast) return s.includes(sub);
  for (let i = s.indexOf(sub); i !== -1; i = s.indexOf(sub, i + 1)) {
    if (lowFirst && isHigh(s.charCodeAt(i - 1))) continue;
    if (highLast && isLow(s.charCodeAt(i + sub.length))) continue;
    return true;
  }
  return false;
}

function bytesContain(b: Uint8Array, sub: Uint8Array): boolean {
  outer: for (let i = 0; i + sub.length <= b.length; i++) {
    for (let j = 0; j < sub.length; j++) if (b[i + j] !== sub[j]) continue outer;
    return true;
  }
  return false;
}

/** Python's `x in container`. */
export function pyIn(x: unknown, container: unknown): boolean {
  const c = container;
  if (typeof c === "string") {
    if (typeof x !== "string") throw new PyTypeError(`'in <string>' requires string as left operand, not ${typeName(x)}`);
    return strContains(c, x);
  }
  if (Array.isArray(c)) return c.some((e) => eqItem(e, x));
  if (isDict(c)) return dictLookup(c, x) !== MISSING;
  // CPython looks a set up in a set as a frozenset, which no modeled set can hold.
  if (c instanceof Set) return x instanceof Set ? false : setHas(c, x);
  if (c instanceof Uint8Array) {
    if (x instanceof Uint8Array) return bytesContain(c, x);
    const i = intOf(x);
    if (i === undefined) throw new PyTypeError(`a bytes-like object is required, not '${typeName(x)}'`);
    if (i < 0 || i > 255) throw new PyValueError("byte must be in range(0, 256)");
    return c.includes(Number(i));
  }
  throw new PyTypeError(`argument of type '${typeName(c)}' is not iterable`);
}
