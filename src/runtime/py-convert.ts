// Python's bool(), dict(), list(), tuple() and int() on the runtime's values.

import { PyOverflowError, PyTypeError, PyValueError } from "./errors.js";
import { checkHashable } from "./py-compare.js";
import { isIterable, pyIter } from "./py-containers.js";
import { type Int, floatOf, intOf, intResult } from "./py-numbers.js";
import { KEY_ORDER, PyFloat, dict, isDict, isTuple, items, pyRepr, tuple, typeName } from "./values.js";

/** Python's `bool(x)`: false for None, False, zeros, and empty str, bytes, list, tuple, dict and set. */
export function pyBool(x: unknown): boolean {
  if (x === null || x === undefined || typeof x === "boolean") return x === true;
  if (typeof x === "number") return x !== 0; // NaN is true, as in Python
  if (typeof x === "bigint") return x !== 0n;
  if (typeof x === "string") return x.length > 0;
  if (x instanceof PyFloat) return x.value !== 0;
  if (Array.isArray(x) || x instanceof Uint8Array) return x.length > 0;
  if (x instanceof Set || x instanceof Map) return x.size > 0;
  if (isDict(x)) return Object.keys(x).length > 0;
  return true;
}

/**
 * Python's `dict(x, **kwargs)` (either may be absent): `x` a dict or an iterable of key/value
 * pairs. The result is a plain object when every key is a str (Python's key order kept: a
 * `KEY_ORDER` record is attached when JS would list integer-like keys first), else a `Map` with
 * Python's key equality (`dict()` in values.ts). Either can be passed to `dumps` and indexed with
 * `pyGetItem`.
 */
export function pyDict(x?: unknown, kwargs?: unknown): any {
  // `**kwargs` is unpacked at the call, before dict() looks at `x`.
  const named: [unknown, unknown][] = [];
  if (kwargs !== undefined && kwargs !== null) {
    if (!isDict(kwargs)) throw new PyTypeError(`dict() argument after ** must be a mapping, not ${typeName(kwargs)}`);
    for (const [k, v] of items(kwargs)) {
      if (typeof k !== "string") throw new PyTypeError("keywords must be strings");
      named.push([k, v]);
    }
  }
  const pairs: [unknown, unknown][] = [];
  if (x !== undefined) {
    if (isDict(x)) {
      pairs.push(...items(x));
    } else {
      let i = 0;
      for (const element of pyIter(x)) {
        if (!isIterable(element)) throw new PyTypeError(`cannot convert dictionary update sequence element #${i} to a sequence`);
        const kv = [...pyIter(element)];
        if (kv.length !== 2) throw new PyValueError(`dictionary update sequence element #${i} has length ${kv.length}; 2 is required`);
        checkHashable(kv[0]);
        pairs.push([kv[0], kv[1]]);
        i++;
      }
    }
  }
  pairs.push(...named);
  if (!pairs.every(([k]) => typeof k === "string")) return dict(pairs);
  const o: Record<string, unknown> = {};
  const order: string[] = [];
  for (const [k, v] of pairs as [string, unknown][]) {
    if (!Object.hasOwn(o, k)) order.push(k);
    // defineProperty: a "__proto__" key must be an own property, not the prototype.
    Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  }
  const js = Object.keys(o);
  if (js.some((k, i) => k !== order[i])) Object.defineProperty(o, KEY_ORDER, { value: order });
  return o;
}

/** Python's `list(x)`: a new list of what iterating `x` visits (a dict's keys, a str's characters). */
export function pyList(x: unknown): any[] {
  return [...pyIter(x)];
}

/** Python's `tuple(x)` (a tuple is returned as it is). */
export function pyTuple(x: unknown): readonly any[] {
  return isTuple(x) ? x : tuple(...pyIter(x));
}

// ---- int() ---------------------------------------------------------------------------------------

// The code points whose Unicode "decimal" value is 0, in Python 3.11's Unicode 14 database; each
// starts a run of ten digits (checked against CPython by the tests). int() reads all of them.
const DECIMAL_ZEROS = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20,
  0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900,
  0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450,
  0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce,
  0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

// Non-ASCII characters Python's str.isspace() accepts; int() reads them as spaces.
const UNICODE_SPACE = /[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/**
 * CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: ASCII stays, non-ASCII whitespace becomes
 * " ", a decimal digit of any script its ASCII digit, and anything else ends the text with "?".
 */
function toAsciiDigits(s: string): string {
  if (!/[^\0-\x7e]/.test(s)) return s;
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 127) out += ch;
    else if (UNICODE_SPACE.test(ch)) out += " ";
    else {
      const zero = DECIMAL_ZEROS.find((z) => c >= z && c < z + 10);
      if (zero === undefined) return out + "?";
      out += String.fromCharCode(48 + c - zero);
    }
  }
  return out;
}

const DIGIT_LIMIT = 4300;

const PREFIX: Record<number, string> = { 16: "x", 8: "o", 2: "b" };
const isAsciiSpace = (c: string | undefined): boolean => c !== undefined && " \t\n\v\f\r".includes(c);

/** A digit's value in bases up to 36 (letters in either case), 99 for anything else. */
function digitValue(c: string): number {
  const v = Number.parseInt(c, 36);
  return Number.isNaN(v) ? 99 : v;
}

/**
 * CPython's PyLong_FromString on ASCII text: surrounding whitespace, a sign, a prefix (`0x`, `0o`,
 * `0b`) when the base allows it, then digits with single underscores between them. Returns
 * undefined where CPython reports an invalid literal.
 */
function parseIntText(s: string, base: number): Int | undefined {
  let i = 0;
  while (isAsciiSpace(s[i])) i++;
  const negative = s[i] === "-";
  if (s[i] === "+" || s[i] === "-") i++;
  let zeroOnly = false; // base 0 and a 0 with no prefix: an old-style octal, valid only if zero
  const p = s[i + 1]?.toLowerCase();
  if (base === 0) {
    if (s[i] !== "0") base = 10;
    else if (p === "x" || p === "o" || p === "b") base = p === "x" ? 16 : p === "o" ? 8 : 2;
    else [base, zeroOnly] = [10, true];
  }
  if (s[i] === "0" && p !== undefined && PREFIX[base] === p) {
    i += 2;
    if (s[i] === "_") i++; // one underscore may follow the prefix
  }
  if (s[i] === "_") return undefined;
  let digits = "";
  let prev = "";
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (c === "_") {
      if (prev === "_") return undefined;
    } else if (digitValue(c) < base) {
      digits += c;
    } else {
      break;
    }
    prev = c;
  }
  if (prev === "_" || digits === "") return undefined;
  // The digit limit (bases that are not powers of two) is checked before what follows the digits.
  if ((base & (base - 1)) !== 0 && digits.length > DIGIT_LIMIT) {
    throw new PyValueError(
      `Exceeds the limit (${DIGIT_LIMIT} digits) for integer string conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  while (isAsciiSpace(s[i])) i++;
  if (i < s.length) return undefined;
  let n: bigint;
  if (base === 10) n = BigInt(digits);
  else if (PREFIX[base] !== undefined) n = BigInt("0" + PREFIX[base] + digits);
  else {
    n = 0n;
    for (const d of digits) n = n * BigInt(base) + BigInt(digitValue(d));
  }
  if (zeroOnly && n !== 0n) return undefined;
  return intResult(negative ? -n : n);
}

/** The text of a bytes value, one char per byte (non-ASCII bytes then fail as digits, as in CPython). */
const latin1 = (b: Uint8Array): string => String.fromCharCode(...b);

/** Python's `int(x)` and `int(x, base)`. */
export function pyInt(x: unknown, base?: number | bigint | boolean): number | bigint {
  if (base === undefined) {
    const i = intOf(x);
    if (i !== undefined) return typeof i === "bigint" ? intResult(i) : i + 0;
    const f = floatOf(x);
    if (f !== undefined) {
      if (f !== f) throw new PyValueError("cannot convert float NaN to integer");
      if (!Number.isFinite(f)) throw new PyOverflowError("cannot convert float infinity to integer");
      return intResult(BigInt(Math.trunc(f)));
    }
    if (typeof x !== "string" && !(x instanceof Uint8Array)) {
      throw new PyTypeError(`int() argument must be a string, a bytes-like object or a real number, not '${typeName(x)}'`);
    }
  }
  const b = base === undefined ? 10 : intOf(base);
  if (b === undefined) throw new PyTypeError(`'${typeName(base)}' object cannot be interpreted as an integer`);
  if (!(b == 0 || (b >= 2 && b <= 36))) throw new PyValueError("int() base must be >= 2 and <= 36, or 0");
  if (typeof x !== "string" && !(x instanceof Uint8Array)) throw new PyTypeError("int() can't convert non-string with explicit base");
  const n = parseIntText(typeof x === "string" ? toAsciiDigits(x) : latin1(x), Number(b));
  if (n === undefined) {
    // CPython's `%.200R`: the repr, cut at 200 characters.
    const repr = Array.from(pyRepr(x)).slice(0, 200).join("");
    throw new PyValueError(`invalid literal for int() with base ${b}: ${repr}`);
  }
  return n;
}
