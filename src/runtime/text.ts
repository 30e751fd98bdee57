// Python strs count code points where JS strings count UTF-16 units: helpers for the formatting code.
import { codePointIndex } from "./errors.js";

/** The code points of a string, one string each (a lone surrogate is one, as in a Python str). */
export function codePoints(s: string): string[] {
  return Array.from(s);
}

/** Number of code points (Python's len()). */
export function cpLength(s: string): number {
  return codePointIndex(s, s.length);
}

/** The first `n` code points of `s`. */
export function cpSlice(s: string, n: number): string {
  if (n >= s.length) return s;
  return codePoints(s).slice(0, n).join("");
}

const DECIMAL = /^\p{Nd}$/u;

/**
 * Python's Py_UNICODE_TODECIMAL: the value of a decimal digit of any script ("٣" is 3), else -1.
 * Unicode encodes every decimal digit in runs of ten from 0 to 9, so the value is the distance
 * from the run's start modulo 10. (JS may know a newer Unicode than Python 3.11's 14.0.)
 */
export function decimalValue(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c >= 48 && c <= 57) return c - 48;
  if (c < 0x660 || !DECIMAL.test(ch)) return -1;
  let k = 0;
  while (DECIMAL.test(String.fromCodePoint(c - k - 1))) k++;
  return k % 10;
}
