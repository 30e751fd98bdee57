// Python's `==` and `<` for the value kinds the runtime models, and the sort that `sort_keys` does:
// CPython sorts the dict's (key, value) tuples with list.sort, so mixed key types raise the same
// TypeError, naming the operands in the order CPython's sort compares them.

import { PyTypeError } from "./errors.js";
import { PyFloat, isTuple, typeName } from "./values.js";

type Num = number | bigint;

function asNum(v: unknown): Num | undefined {
  if (typeof v === "number" || typeof v === "bigint") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof PyFloat) return v.value;
  return undefined;
}

/** Exact comparison of a number and a bigint: -1, 0, 1, or NaN when unordered. */
function cmpNum(a: Num, b: Num): number {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
  if (typeof a === "bigint" && typeof b === "bigint") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "bigint") return -cmpNum(b, a);
  const x = a as number;
  const y = b as bigint;
  if (x !== x) return NaN;
  if (x === Infinity) return 1;
  if (x === -Infinity) return -1;
  const f = BigInt(Math.floor(x));
  if (f < y) return -1;
  if (f > y) return 1;
  return Number.isInteger(x) ? 0 : 1;
}

/** Python's code-point order of two strings (JS compares UTF-16 code units). */
export function cmpStr(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
    // Inside a code point that started one unit back (a high surrogate both share)?
    if (i > 0) {
      const h = a.charCodeAt(i - 1);
      if (h >= 0xd800 && h <= 0xdbff) {
        const ca = a.codePointAt(i - 1)!;
        const cb = b.codePointAt(i - 1)!;
        if (ca !== cb) return ca - cb;
      }
    }
    return a.codePointAt(i)! - b.codePointAt(i)!;
  }
  return a.length - b.length;
}

export function pyEq(a: unknown, b: unknown): boolean {
  if (a === b) return a === a; // NaN numbers are unequal; a PyFloat(NaN) is itself (identity)
  const x = asNum(a);
  const y = asNum(b);
  if (x !== undefined || y !== undefined) return x !== undefined && y !== undefined && cmpNum(x, y) === 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (isTuple(a) !== isTuple(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!pyEq(a[i], b[i])) return false;
    return true;
  }
  return false;
}

export function pyLt(a: unknown, b: unknown): boolean {
  const x = asNum(a);
  const y = asNum(b);
  if (x !== undefined && y !== undefined) return cmpNum(x, y) < 0;
  if (typeof a === "string" && typeof b === "string") return cmpStr(a, b) < 0;
  if (Array.isArray(a) && Array.isArray(b) && isTuple(a) === isTuple(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (!pyEq(a[i], b[i])) return pyLt(a[i], b[i]);
    return a.length < b.length;
  }
  throw new PyTypeError(`'<' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

type Item = readonly [unknown, unknown];

const HIGH_UNITS = /[\ud800-\uffff]/;

/** `(k1, v1) < (k2, v2)` as Python compares tuples. */
function itemLt(a: Item, b: Item): boolean {
  if (!pyEq(a[0], b[0])) return pyLt(a[0], b[0]);
  if (!pyEq(a[1], b[1])) return pyLt(a[1], b[1]);
  return false;
}

/** `sorted(d.items())`, in place. */
export function sortItems(items: Item[]): void {
  if (items.length < 2) return;
  if (items.every((it) => typeof it[0] === "string")) {
    // Distinct str keys: any correct sort gives CPython's order. Without surrogates or units past
    // them, UTF-16 order is code-point order, and the engine's own comparison is the fastest.
    if (items.every((it) => !HIGH_UNITS.test(it[0] as string))) items.sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1));
    else items.sort((a, b) => cmpStr(a[0] as string, b[0] as string));
    return;
  }
  if (items.length >= 64 && items.every((it) => isOrderedNumber(it[0]))) {
    items.sort((a, b) => (itemLt(a, b) ? -1 : itemLt(b, a) ? 1 : 0));
    return;
  }
  // Below 64 items CPython's timsort is exactly one run count and a binary insertion sort; we do the
  // same comparisons in the same order. (Past 64 items with mixed or NaN keys CPython would merge
  // runs; we keep insertion sorting, which sorts correctly but may name another pair in a TypeError.)
  const n = countRun(items);
  binarySort(items, n);
}

function isOrderedNumber(v: unknown): boolean {
  const n = asNum(v);
  return n !== undefined && n === n;
}

/** CPython's count_run: length of the leading run, reversed in place if strictly descending. */
function countRun(a: Item[]): number {
  let n = 2;
  if (itemLt(a[1]!, a[0]!)) {
    while (n < a.length && itemLt(a[n]!, a[n - 1]!)) n++;
    const run = a.slice(0, n).reverse();
    for (let i = 0; i < n; i++) a[i] = run[i]!;
  } else {
    while (n < a.length && !itemLt(a[n]!, a[n - 1]!)) n++;
  }
  return n;
}

/** CPython's binarysort, extending the sorted prefix a[0:start] to the whole array. */
function binarySort(a: Item[], start: number): void {
  for (let s = start; s < a.length; s++) {
    const pivot = a[s]!;
    let l = 0;
    let r = s;
    do {
      const p = l + ((r - l) >> 1);
      if (itemLt(pivot, a[p]!)) r = p;
      else l = p + 1;
    } while (l < r);
    for (let p = s; p > l; p--) a[p] = a[p - 1]!;
    a[l] = pivot;
  }
}
