// Python's arithmetic operators on the runtime's values: numbers (bools act as ints), and the
// sequence forms `+` and `*` take (str, list, tuple, bytes), with CPython's TypeError messages.
// Results return `any`: whether an int is a number or a bigint, a float a number or a PyFloat,
// depends on the value (see values.ts).

import { PyOverflowError, PyTypeError, UntranslatedPythonError } from "./errors.js";
import { pyFormat } from "./percent-format.js";
import {
  type Int,
  floatFloorDiv,
  floatMod,
  floatOf,
  floatPow,
  floatResult,
  floatTrueDiv,
  intAdd,
  intFloorDiv,
  intMod,
  intMul,
  intOf,
  intPow,
  intResult,
  intSub,
  intTrueDiv,
  toDouble,
} from "./py-numbers.js";
import { setHas } from "./py-compare.js";
import { isTuple, tuple, typeName } from "./values.js";

const NOT_NUMERIC = Symbol("not numeric");

/** `a op b` when both are numbers: the int operation for two ints (or bools), else the float one. */
function numeric(
  a: unknown,
  b: unknown,
  intOp: (x: Int, y: Int) => unknown,
  floatOp: (x: number, y: number) => number,
): unknown {
  const ia = intOf(a);
  const ib = intOf(b);
  if (ia !== undefined && ib !== undefined) return intOp(ia, ib);
  const fa = ia ?? floatOf(a);
  const fb = ib ?? floatOf(b);
  if (fa === undefined || fb === undefined) return NOT_NUMERIC;
  return floatResult(floatOp(toDouble(fa), toDouble(fb)));
}

function unsupported(op: string, a: unknown, b: unknown): PyTypeError {
  return new PyTypeError(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

const isList = (v: unknown): v is unknown[] => Array.isArray(v) && !isTuple(v);

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Python's `a + b`. */
export function pyAdd(a: unknown, b: unknown): any {
  const n = numeric(a, b, intAdd, (x, y) => x + y);
  if (n !== NOT_NUMERIC) return n;
  // The left operand's concatenation decides, with its own message (CPython's sq_concat).
  if (typeof a === "string") {
    if (typeof b === "string") return a + b;
    throw new PyTypeError(`can only concatenate str (not "${typeName(b)}") to str`);
  }
  if (isTuple(a)) {
    if (isTuple(b)) return tuple(...a, ...b);
    throw new PyTypeError(`can only concatenate tuple (not "${typeName(b)}") to tuple`);
  }
  if (isList(a)) {
    if (isList(b)) return [...a, ...b];
    throw new PyTypeError(`can only concatenate list (not "${typeName(b)}") to list`);
  }
  if (a instanceof Uint8Array) {
    if (b instanceof Uint8Array) return concatBytes(a, b);
    throw new PyTypeError(`can't concat ${typeName(b)} to bytes`);
  }
  throw unsupported("+", a, b);
}

/** Python's `a - b` (numbers, and set difference). */
export function pySub(a: unknown, b: unknown): any {
  const n = numeric(a, b, intSub, (x, y) => x - y);
  if (n !== NOT_NUMERIC) return n;
  if (a instanceof Set && b instanceof Set) return new Set([...a].filter((e) => !setHas(b, e)));
  throw unsupported("-", a, b);
}

// CPython's Py_ssize_t: a repetition count outside it cannot be an index.
const SSIZE_MAX = 2n ** 63n - 1n;

function repeat(seq: string | readonly unknown[] | Uint8Array, count: Int): unknown {
  if (typeof count === "bigint" && (count > SSIZE_MAX || count < -SSIZE_MAX - 1n)) {
    throw new PyOverflowError("cannot fit 'int' into an index-sized integer");
  }
  const n = seq.length === 0 ? 0 : Math.max(0, Number(count));
  // Where CPython runs out of memory (MemoryError), JS's own RangeError, before any work.
  if (seq.length * n > 2 ** 32) throw new RangeError("Invalid array length");
  if (typeof seq === "string") return seq.repeat(n);
  if (seq instanceof Uint8Array) {
    const out = new Uint8Array(seq.length * n);
    for (let i = 0; i < n; i++) out.set(seq, i * seq.length);
    return out;
  }
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) out.push(...seq);
  return isTuple(seq) ? tuple(...out) : out;
}

const isSequence = (v: unknown): v is string | readonly unknown[] | Uint8Array =>
  typeof v === "string" || Array.isArray(v) || v instanceof Uint8Array;

/** Python's `a * b` (numbers, and str/list/tuple/bytes repeated an int number of times). */
export function pyMul(a: unknown, b: unknown): any {
  const n = numeric(a, b, intMul, (x, y) => x * y);
  if (n !== NOT_NUMERIC) return n;
  if (isSequence(a)) {
    const count = intOf(b);
    if (count === undefined) throw new PyTypeError(`can't multiply sequence by non-int of type '${typeName(b)}'`);
    return repeat(a, count);
  }
  if (isSequence(b)) {
    const count = intOf(a);
    if (count === undefined) throw new PyTypeError(`can't multiply sequence by non-int of type '${typeName(a)}'`);
    return repeat(b, count);
  }
  throw unsupported("*", a, b);
}

/** Python's `a / b`. */
export function pyTrueDiv(a: unknown, b: unknown): any {
  const n = numeric(a, b, intTrueDiv, floatTrueDiv);
  if (n !== NOT_NUMERIC) return n;
  throw unsupported("/", a, b);
}

/** Python's `a // b`. */
export function pyFloorDiv(a: unknown, b: unknown): any {
  const n = numeric(a, b, intFloorDiv, floatFloorDiv);
  if (n !== NOT_NUMERIC) return n;
  throw unsupported("//", a, b);
}

/** Python's `a % b`: numeric modulo (the divisor's sign), or printf-style formatting of a str. */
export function pyMod(a: unknown, b: unknown): any {
  if (typeof a === "string") return pyFormat(a, b);
  if (a instanceof Uint8Array) throw new UntranslatedPythonError("bytes % args (bytes formatting is not modeled by the runtime)");
  const n = numeric(a, b, intMod, floatMod);
  if (n !== NOT_NUMERIC) return n;
  throw unsupported("%", a, b);
}

/** Python's `a ** b` (two arguments). */
export function pyPow(a: unknown, b: unknown): any {
  const n = numeric(a, b, intPow, floatPow);
  if (n !== NOT_NUMERIC) return n;
  throw unsupported("** or pow()", a, b);
}

function unary(op: string, x: unknown, onInt: (i: Int) => Int, onFloat: (f: number) => number): any {
  const i = intOf(x);
  if (i !== undefined) return onInt(i);
  const f = floatOf(x);
  if (f !== undefined) return floatResult(onFloat(f));
  throw new PyTypeError(`bad operand type for ${op}: '${typeName(x)}'`);
}

const negInt = (i: Int): Int => (typeof i === "number" ? 0 - i : intResult(-i));
const sameInt = (i: Int): Int => (typeof i === "number" ? i + 0 : intResult(i));

/** Python's `-x`. */
export function pyNeg(x: unknown): any {
  return unary("unary -", x, negInt, (f) => -f);
}

/** Python's `+x` (a bool becomes its int). */
export function pyPos(x: unknown): any {
  return unary("unary +", x, sameInt, (f) => f);
}

/** Python's `abs(x)`. */
export function pyAbs(x: unknown): any {
  return unary("abs()", x, (i) => (i < 0 ? negInt(i) : sameInt(i)), Math.abs);
}
