// Python's int and float arithmetic on the runtime's number kinds (see values.ts): an int is a safe
// integer `number` or a `bigint`, a float a `number` that is not a safe integer or a `PyFloat`, and
// a bool acts as the int 0 or 1. Int results are exact; float results round as CPython's C doubles do.

import { PyOverflowError, PyZeroDivisionError, UntranslatedPythonError } from "./errors.js";
import { powDouble, ratioToDouble } from "./exact-float.js";
import { floatRepr } from "./float-repr.js";
import { PyFloat } from "./values.js";

export type Int = number | bigint;

/** The int value of an int or a bool; undefined for anything else (floats included). */
export function intOf(v: unknown): Int | undefined {
  // `+ 0`: the number -0 is the int 0, which converts to the float 0.0, not -0.0.
  if (typeof v === "number") return Number.isSafeInteger(v) ? v + 0 : undefined;
  if (typeof v === "bigint") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  return undefined;
}

/** The value of a float (a non-safe-integer number or a PyFloat); undefined for anything else. */
export function floatOf(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isSafeInteger(v) ? undefined : v;
  return v instanceof PyFloat ? v.value : undefined;
}

/** The value of any int, bool or float, for comparisons: JS compares `number` with `bigint` exactly. */
export function realOf(v: unknown): Int | undefined {
  if (typeof v === "number" || typeof v === "bigint") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  return v instanceof PyFloat ? v.value : undefined;
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** An int as the value model holds it: a number when safe (never -0), else a bigint. */
export function intResult(b: bigint): Int {
  return b >= -MAX && b <= MAX ? Number(b) : b;
}

/** A float as the value model holds it: a number, or a PyFloat when the value is a safe integer (so `2.0` stays a float). */
export function floatResult(x: number): number | PyFloat {
  return Number.isSafeInteger(x) ? new PyFloat(x) : x;
}

/** Python's float(int): correctly rounded (as `Number(bigint)` is), OverflowError past the largest double. */
export function toDouble(i: Int): number {
  if (typeof i === "number") return i;
  const x = Number(i);
  if (!Number.isFinite(x)) throw new PyOverflowError("int too large to convert to float");
  return x;
}

const big = (x: Int): bigint => (typeof x === "bigint" ? x : BigInt(x));

// ---- ints ----------------------------------------------------------------------------------------
// Two safe integers: the double result is exact when it is itself a safe integer (`+ 0` turns -0
// into 0); otherwise the exact bigint result.

export function intAdd(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r + 0;
  }
  return intResult(big(a) + big(b));
}

export function intSub(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r + 0;
  }
  return intResult(big(a) - big(b));
}

export function intMul(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r + 0;
  }
  return intResult(big(a) * big(b));
}

/** [a // b, a % b], rounding toward minus infinity (the remainder takes the divisor's sign). */
function intDivMod(a: Int, b: Int, zeroMessage: string): [Int, Int] {
  if (b == 0) throw new PyZeroDivisionError(zeroMessage);
  if (typeof a === "number" && typeof b === "number") {
    // `%` is exact, and so is dividing the exact multiple a - r by b.
    let r = a % b;
    let q = (a - r) / b;
    if (r !== 0 && r < 0 !== b < 0) {
      r += b;
      q -= 1;
    }
    return [q + 0, r + 0];
  }
  const x = big(a);
  const y = big(b);
  let q = x / y;
  let r = x % y;
  if (r !== 0n && r < 0n !== y < 0n) {
    r += y;
    q -= 1n;
  }
  return [intResult(q), intResult(r)];
}

export function intFloorDiv(a: Int, b: Int): Int {
  return intDivMod(a, b, "integer division or modulo by zero")[0];
}

export function intMod(a: Int, b: Int): Int {
  return intDivMod(a, b, "integer modulo by zero")[1];
}

/** Python's int / int: the correctly rounded quotient, a float. */
export function intTrueDiv(a: Int, b: Int): number | PyFloat {
  if (b == 0) throw new PyZeroDivisionError("division by zero");
  // Both exact doubles: IEEE division rounds the exact quotient once, as CPython's fast path does.
  if (typeof a === "number" && typeof b === "number") return floatResult(a / b);
  const x = big(a);
  const y = big(b);
  const q = ratioToDouble(x < 0n ? -x : x, y < 0n ? -y : y);
  if (q === Infinity) throw new PyOverflowError("integer division result too large for a float");
  return floatResult(x < 0n !== y < 0n ? -q : q);
}

/** Python's int ** int: exact for a non-negative exponent, else float pow (a float). */
export function intPow(a: Int, b: Int): Int | number | PyFloat {
  if (b < 0) return floatResult(floatPow(toDouble(a), toDouble(b)));
  return intResult(big(a) ** big(b));
}

// ---- floats --------------------------------------------------------------------------------------
// Each mirrors CPython's Objects/floatobject.c (3.11): JS `%` is C's fmod, exact like it.

export function floatTrueDiv(a: number, b: number): number {
  if (b === 0) throw new PyZeroDivisionError("float division by zero");
  return a / b;
}

export function floatMod(a: number, b: number): number {
  if (b === 0) throw new PyZeroDivisionError("float modulo");
  // C's `if (mod)` is true for NaN, JS's is not: hence `!== 0`.
  let mod = a % b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else {
    mod = b < 0 ? -0 : 0;
  }
  return mod;
}

/** CPython's float_floor_div (_float_div_mod). */
export function floatFloorDiv(a: number, b: number): number {
  if (b === 0) throw new PyZeroDivisionError("float floor division by zero");
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) {
    const q = a / b; // zero with the sign of the true quotient
    return q < 0 || Object.is(q, -0) ? -0 : 0;
  }
  let floordiv = Math.floor(div);
  if (div - floordiv > 0.5) floordiv += 1;
  return floordiv;
}

const isOddInteger = (x: number): boolean => Math.abs(x) % 2 === 1;

/** CPython's float_pow: its special cases first, then C's pow (correctly rounded, unlike Math.pow). */
export function floatPow(v: number, w: number): number {
  if (w === 0) return 1;
  if (v !== v) return v;
  if (w !== w) return v === 1 ? 1 : w;
  if (!Number.isFinite(w)) {
    const av = Math.abs(v);
    if (av === 1) return 1;
    return w > 0 === av > 1 ? Infinity : 0;
  }
  if (!Number.isFinite(v)) {
    const odd = isOddInteger(w);
    if (w > 0) return odd ? v : Math.abs(v);
    return odd ? (v < 0 ? -0 : 0) : 0;
  }
  if (v === 0) {
    if (w < 0) throw new PyZeroDivisionError("0.0 cannot be raised to a negative power");
    return isOddInteger(w) ? v : 0;
  }
  let negate = false;
  if (v < 0) {
    if (w !== Math.floor(w)) throw new UntranslatedPythonError(`(${floatRepr(v)}) ** ${floatRepr(w)}, a complex number (not modeled by the runtime)`);
    v = -v;
    negate = isOddInteger(w);
  }
  if (v === 1) return negate ? -1 : 1;
  const x = powDouble(v, w);
  if (x === Infinity) throw new PyOverflowError("(34, 'Numerical result out of range')");
  return negate ? -x : x;
}
