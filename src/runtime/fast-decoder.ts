// The decoder's fast path: the engine's JSON.parse reads the text, and its value is taken when it is
// provably CPython's; the differential tests run every path against CPython.
//
// JSON.parse accepts exactly the valid texts CPython does (NaN, Infinity and, with strict off, raw
// control characters aside: JSON.parse throws on them and the scanner takes over). Its value differs
// from CPython's in numbers (an int token past 2**53 is a bigint, JSON.parse rounds it; a float token
// with an integral value is a PyFloat, JSON.parse's 2 for "2.0"; "-0" is the int 0; an int of more
// than 4300 digits makes CPython raise), in integer-like keys (JS lists "0", "17" first), and where a
// duplicate key drops a value CPython refused (a 4300-digit int, too deep a nesting).
//
// Two checks, the cheap one first:
// 1. sameAsPython(): the value alone, with a few scans of the text, proves there is nothing to fix:
//    no int past 2**53, no -0, no integer-like key, no float token that may be integral. The value
//    tells most of it; the text is scanned only for what it alone shows (see plainNumbers()).
// 2. Otherwise one walk goes through the value and the text side by side (class Walk) and makes the
//    value CPython's: each number is read in the text.
// Anything else (a mismatch, nesting past maxDepth, CPython's int limit) leaves the text to the
// scanner, which reports errors CPython's way.

import { PyFloat } from "./values.js";

/** The characters of a number token: 0-9 + - . e E. */
const NUMBER_CHAR = new Uint8Array(128);
for (const c of "0123456789+-.eE") NUMBER_CHAR[c.charCodeAt(0)] = 1;

/** Thrown where the value and the text part, or where CPython raises. */
const MISMATCH = Symbol("mismatch");

function skipWs(s: string, i: number): number {
  let c = s.charCodeAt(i);
  while (c === 32 || c === 10 || c === 13 || c === 9) c = s.charCodeAt(++i);
  return i;
}

/** The index after the string token at p (its opening quote). `n`, the length of its value, only
 * chooses how to look: the token is found in the text alone, so a value paired with another key's
 * token (a duplicate key) cannot make the walk skip past text it has not read. */
function stringEnd(s: string, p: number, n: number): number {
  let q = p + 1;
  if (n < 16) {
    while (s.charCodeAt(q) !== 34) q++;
  } else {
    q = s.indexOf('"', q);
  }
  // A quote after an odd number of backslashes is escaped.
  for (;;) {
    let k = q - 1;
    while (s.charCodeAt(k) === 92) k--;
    if ((q - k) % 2 === 1) return q + 1;
    q = s.indexOf('"', q + 1);
  }
}

/** A key JS lists before the others ("0", "17"; not "01" or "1.5"). Conservative above 2**32 - 2. */
function isArrayIndex(k: string): boolean {
  const c = k.charCodeAt(0);
  if (c < 48 || c > 57 || k.length > 10) return false;
  if (c === 48) return k.length === 1;
  for (let i = 1; i < k.length; i++) {
    const d = k.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return true;
}

/**
 * The walk trusts that the token it stands at is the one of the value beside it. Arrays keep every
 * element in order; objects are where JSON.parse's value and the text can part: it keeps one entry
 * per key (a duplicate's last value, which may hide a refused int or too deep a nesting) and lists
 * integer-like keys first. So an object's "}" must come right after as many keys as the value has
 * (else a key was merged), and an object that starts with an integer-like key has each key compared
 * with the text (else one may have moved). Every token is found in the text alone (strings by their
 * closing quote), so the walk reads the text exactly, whatever value stands beside it.
 */
class Walk {
  /** What number() found CPython reads instead of JSON.parse's value (undefined: the same). */
  fix: unknown = undefined;

  constructor(
    readonly s: string,
    /** Nesting depth from which CPython raises (at most 1000: the walk recurses). */
    readonly limit: number,
  ) {}

  /** Skips the token of v (any value but a number) at p; returns the index after it. */
  value(v: unknown, p: number, depth: number): number {
    const s = this.s;
    const c = s.charCodeAt(p);
    switch (typeof v) {
      case "string":
        if (c !== 34) throw MISMATCH;
        return stringEnd(s, p, v.length);
      case "boolean":
        if (c !== (v ? 116 : 102)) throw MISMATCH;
        return p + (v ? 4 : 5);
      case "object":
        if (v === null) {
          if (c !== 110) throw MISMATCH;
          return p + 4;
        }
        if (depth >= this.limit) throw MISMATCH; // RecursionError in CPython
        return Array.isArray(v) ? this.array(v, p, depth) : this.object(v as Record<string, unknown>, p, depth);
    }
    throw MISMATCH;
  }

  /** Reads the number token at p, whose JSON.parse value is v; sets `fix`; returns its end. */
  number(v: number, p: number): number {
    const s = this.s;
    const start = p;
    let c = s.charCodeAt(p);
    if (v - v === 0 && !Number.isInteger(v)) {
      // A finite value with a fraction comes from a float token only, and needs no fix: its end is
      // all the walk needs (JSON.parse read the text, so the token is followed by none of -+.eE0-9).
      if (c !== 45 && (c < 48 || c > 57)) throw MISMATCH;
      do c = s.charCodeAt(++p);
      while (c < 128 && NUMBER_CHAR[c] === 1);
      return p;
    }
    if (c === 45) c = s.charCodeAt(++p);
    if (c < 48 || c > 57) throw MISMATCH;
    const intStart = p;
    do c = s.charCodeAt(++p);
    while (c >= 48 && c <= 57);
    const digits = p - intStart;
    let float = false;
    if (c === 46) {
      float = true;
      do c = s.charCodeAt(++p);
      while (c >= 48 && c <= 57);
    }
    if (c === 101 || c === 69) {
      float = true;
      c = s.charCodeAt(++p);
      if (c === 43 || c === 45) c = s.charCodeAt(++p);
      while (c >= 48 && c <= 57) c = s.charCodeAt(++p);
    }
    if (float) {
      if (Number.isInteger(v)) this.fix = new PyFloat(v);
    } else if (!Number.isSafeInteger(v)) {
      // An int past 2**53 (so 16 digits or more; JSON.parse rounded it).
      if (digits > 4300) throw MISMATCH; // ValueError in CPython
      this.fix = BigInt(s.slice(start, p));
    } else if (v === 0 && 1 / v < 0) {
      this.fix = 0; // "-0"
    }
    return p;
  }

  array(a: unknown[], p: number, depth: number): number {
    const s = this.s;
    if (s.charCodeAt(p) !== 91) throw MISMATCH;
    p = skipWs(s, p + 1);
    const n = a.length;
    for (let i = 0; i < n; i++) {
      if (i > 0) {
        if (s.charCodeAt(p) !== 44) throw MISMATCH;
        p = skipWs(s, p + 1);
      }
      const x = a[i];
      if (typeof x === "number") {
        p = this.number(x, p);
        if (this.fix !== undefined) {
          a[i] = this.fix;
          this.fix = undefined;
        }
      } else if (typeof x === "string") {
        if (s.charCodeAt(p) !== 34) throw MISMATCH;
        p = stringEnd(s, p, x.length);
      } else {
        p = this.value(x, p, depth + 1);
      }
      p = skipWs(s, p);
    }
    if (s.charCodeAt(p) !== 93) throw MISMATCH;
    return p + 1;
  }

  object(o: Record<string, unknown>, p: number, depth: number): number {
    const s = this.s;
    if (s.charCodeAt(p) !== 123) throw MISMATCH;
    p = skipWs(s, p + 1);
    let first = true;
    let exact = false;
    for (const k in o) {
      if (first) {
        exact = isArrayIndex(k);
        first = false;
      } else {
        if (s.charCodeAt(p) !== 44) throw MISMATCH;
        p = skipWs(s, p + 1);
      }
      if (s.charCodeAt(p) !== 34) throw MISMATCH;
      p = exact ? this.key(k, p) : stringEnd(s, p, k.length);
      p = skipWs(s, p);
      if (s.charCodeAt(p) !== 58) throw MISMATCH;
      p = skipWs(s, p + 1);
      const x = o[k];
      if (typeof x === "number") {
        p = this.number(x, p);
        if (this.fix !== undefined) {
          if (k === "__proto__") Object.defineProperty(o, k, { value: this.fix, writable: true, enumerable: true, configurable: true });
          else o[k] = this.fix;
          this.fix = undefined;
        }
      } else if (typeof x === "string") {
        if (s.charCodeAt(p) !== 34) throw MISMATCH;
        p = stringEnd(s, p, x.length);
      } else {
        p = this.value(x, p, depth + 1);
      }
      p = skipWs(s, p);
    }
    if (s.charCodeAt(p) !== 125) throw MISMATCH;
    return p + 1;
  }

  /** The key token at p, which must spell k (an object whose keys JS may have reordered). */
  key(k: string, p: number): number {
    const s = this.s;
    const end = stringEnd(s, p, k.length);
    // The token is k as is when it spells k with no escape; else it is decoded.
    if (end === p + 2 + k.length && s.startsWith(k, p + 1) && !k.includes("\\")) return end;
    if (JSON.parse(s.slice(p, end)) !== k) throw MISMATCH;
    return end;
  }
}

/** loads through JSON.parse: { value } when it is (or the walk makes it) CPython's value, else undefined. */
export function nativeLoads(s: string, maxDepth: number): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(s);
  } catch {
    return undefined; // NaN/Infinity, or an error: the scanner reports it CPython's way
  }
  const limit = Math.min(maxDepth, 1000);
  const seen: Seen = { containers: 0, deepest: 0, integral: 0 };
  if (
    sameAsPython(value, 0, limit, seen) &&
    // CPython also raises for nesting that a later duplicate key drops from the value: the text's
    // nesting is at most the value's plus the openings the value lacks (dropped, or in strings).
    seen.deepest + openings(s) - seen.containers <= limit &&
    // (a float token with an integral value gives an integral number)
    (seen.integral === 0 || plainNumbers(s)) &&
    !hasLongDigitRun(s)
  ) {
    return { value };
  }
  const w = new Walk(s, limit);
  try {
    let p = skipWs(s, 0);
    if (typeof value === "number") {
      p = w.number(value, p);
      if (w.fix !== undefined) value = w.fix;
    } else {
      p = w.value(value, p, 0);
    }
    if (skipWs(s, p) !== s.length) return undefined; // (JSON.parse read it all: a walk that did not is wrong)
  } catch (err) {
    if (err === MISMATCH) return undefined;
    throw err;
  }
  return { value };
}

/** What sameAsPython saw: how many arrays and objects, and how deep they nest (1 for a flat one). */
interface Seen {
  containers: number;
  deepest: number;
  /** How many integral numbers. */
  integral: number;
}

/** Whether JSON.parse's value is CPython's as far as the value tells: no int past 2**53, no -0, no
 * integer-like key, nesting within `limit` (this walk recurses: the caller passes at most 1000), and
 * no integral number from 1e14 up (a float token of 15 integer digits may round to one: its text is
 * not checked by plainNumbers()). `depth` counts the containers around x. */
function sameAsPython(x: unknown, depth: number, limit: number, w: Seen): boolean {
  if (typeof x === "number") {
    // (an int token past 1e308 reads as Infinity: x - x is NaN)
    if (!Number.isInteger(x)) return x - x === 0;
    w.integral++;
    return x !== 0 ? x < 1e14 && x > -1e14 : 1 / x > 0;
  }
  if (typeof x !== "object" || x === null) return true;
  if (depth >= limit) return false;
  w.containers++;
  if (depth >= w.deepest) w.deepest = depth + 1;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) if (!sameAsPython(x[i], depth + 1, limit, w)) return false;
    return true;
  }
  let first = true;
  for (const k in x) {
    // JS lists integer-like keys first: if there is one, it is the first
    if (first && isArrayIndex(k)) return false;
    first = false;
    if (!sameAsPython((x as Record<string, unknown>)[k], depth + 1, limit, w)) return false;
  }
  return true;
}

/** How many "[" and "{" the text holds (strings included). */
function openings(s: string): number {
  let n = 0;
  for (let i = s.indexOf("["); i >= 0; i = s.indexOf("[", i + 1)) n++;
  for (let i = s.indexOf("{"); i >= 0; i = s.indexOf("{", i + 1)) n++;
  return n;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

// Where a float token may have an integral value: a digit, then ".0", ".9" or an exponent.
const FLOAT_SIGN = /\d(?:\.[09]|[eE])/g;

/** Whether no float token of the text can have an integral value, given that the value holds no
 * integral number from 1e14 up. Such a token has an exponent, a fraction of zeros only, or k integer
 * digits and a fraction that starts with 15 - k zeros or nines (closer to an integer than half a unit
 * in the last place: 10**(k - 16) or so). Matches inside strings are told apart by what stands
 * around the token (a number token follows "[", ",", ":" or the start of the text, and is followed
 * by ",", "]", "}" or the end); a string that looks like one only costs the walk. */
function plainNumbers(s: string): boolean {
  const re = FLOAT_SIGN;
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const at = m.index + 1; // the "." or the "e"
    let b = m.index;
    while (b > 0 && isDigit(s.charCodeAt(b - 1))) b--;
    const intDigits = at - b;
    if (s.charCodeAt(at) !== 46) {
      // an exponent: a number token's, unless it stands in a string
      if (s.charCodeAt(b - 1) === 46) {
        b--; // (after a fraction: back over the integer digits)
        while (b > 0 && isDigit(s.charCodeAt(b - 1))) b--;
      }
      if (atTokenStart(s, b) && atTokenEnd(s, at)) return false;
      continue;
    }
    const d = s.charCodeAt(at + 1);
    let e = at + 2;
    while (s.charCodeAt(e) === d) e++;
    if (((d === 48 && !isDigit(s.charCodeAt(e))) || e - at - 1 >= 15 - intDigits) && atTokenStart(s, b) && atTokenEnd(s, e)) {
      return false;
    }
    re.lastIndex = e - 1; // (a digit: an exponent may follow)
  }
  return true;
}

/** Whether what stands from e on ends a number token: digits, an exponent, blanks, then ",", "]",
 * "}" or the end of the text. */
function atTokenEnd(s: string, e: number): boolean {
  let c = s.charCodeAt(e);
  while (isDigit(c)) c = s.charCodeAt(++e);
  if (c === 101 || c === 69) {
    c = s.charCodeAt(++e);
    if (c === 43 || c === 45) c = s.charCodeAt(++e);
    while (isDigit(c)) c = s.charCodeAt(++e);
  }
  while (c === 32 || c === 10 || c === 13 || c === 9) c = s.charCodeAt(++e);
  return e >= s.length || c === 44 || c === 93 || c === 125;
}

/** Whether the digits from b on start a number token (after an optional "-", blanks and "[", ",", ":"
 * or the start of the text). */
function atTokenStart(s: string, b: number): boolean {
  if (s.charCodeAt(b - 1) === 45) b--;
  let c = s.charCodeAt(--b);
  while (c === 32 || c === 10 || c === 13 || c === 9) c = s.charCodeAt(--b);
  return b < 0 || c === 91 || c === 44 || c === 58;
}

/** Whether the text holds a run of 4300 digits (an int CPython refuses, which a duplicate key may
 * drop from the value). Such a run covers one of the positions 4299 apart, so few are looked at. */
function hasLongDigitRun(s: string): boolean {
  const n = s.length;
  for (let p = 4299; p < n; p += 4299) {
    if (!isDigit(s.charCodeAt(p))) continue;
    let a = p;
    while (a > 0 && isDigit(s.charCodeAt(a - 1))) a--;
    let z = p;
    while (z + 1 < n && isDigit(s.charCodeAt(z + 1))) z++;
    if (z - a + 1 >= 4300) return true;
    p = z;
  }
  return false;
}
