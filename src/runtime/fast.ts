// Fast paths through the engine's native JSON, taken only where its output is provably the same as
// CPython's (the differential tests run both paths against CPython):
// - dumps: a tree of plain objects (no recorded key order), arrays, strings, booleans, null, finite
//   numbers, finite PyFloats and bigints, with the default separators (or compact ones) and an indent
//   of 1..10 blanks. JSON.stringify writes it (PyFloats and bigints as marked strings); one pass then
//   writes Python's ", " and ": ", \u-escapes non-ASCII, unmarks PyFloats and bigints and respells
//   the floats JS prints otherwise than Python (0.00001 -> 1e-05, 1e-7 -> 1e-07, 2**60 -> 1.152921504606847e+18).
// - loads: a text with no token JS would read differently (integral floats such as 1.0, ints beyond
//   2**53, -0, integer-like keys whose order JS would change, NaN/Infinity) goes to JSON.parse.

import { floatRepr } from "./float-repr.js";
import { KEY_ORDER, PyFloat } from "./values.js";

/** A surrogate that is not half of a pair (Python writes it raw with ensure_ascii=False; JS escapes it). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const SURROGATE = /[\ud800-\udfff]/;
export const hasLoneSurrogate = (s: string): boolean => SURROGATE.test(s) && LONE_SURROGATE.test(s);

const INT_LIMIT = 10n ** 4300n; // CPython refuses to print ints of more than 4300 digits

/** What a tree needs from pythonize: nothing, or marked values / numbers to respell. */
const enum Needs {
  Unsafe = -1,
  Nothing = 0,
  Marks = 1, // PyFloat or bigint, written as marked strings
  Numbers = 2, // floats JS prints otherwise than Python
}

/** Whether JSON.stringify can write `v` for us (nesting up to maxDepth; this check recurses, so
 * past 1000 levels we leave it to the iterative encoder), and what pythonize must fix. */
function nativeSafe(v: unknown, maxDepthOption: number, unicode: boolean): Needs {
  const maxDepth = Math.min(maxDepthOption, 1000);
  let needs = Needs.Nothing;
  let values = 0;
  let marks = 0;
  const walk = (x: unknown, depth: number): boolean => {
    values++;
    switch (typeof x) {
      case "string":
        // A string starting with NUL could pass for a mark; refuse it (rare), as any lone surrogate.
        return x.charCodeAt(0) !== 0 && (!unicode || !hasLoneSurrogate(x));
      case "boolean":
        return true;
      case "number":
        if (Number.isSafeInteger(x)) return true;
        if (x - x !== 0) return false; // NaN, Infinity: JSON.stringify writes null
        // JS and Python print non-integral floats alike from 1e-4 up and below 1e-9.
        if (!(x >= 1e-4 || x <= -1e-4 || (x < 1e-9 && x > -1e-9)) || Number.isInteger(x)) needs |= Needs.Numbers;
        return true;
      case "bigint":
        needs |= Needs.Marks;
        return ++marks * 8 <= values + 64 && x < INT_LIMIT && x > -INT_LIMIT;
      case "object": {
        if (x === null) return true;
        if (x instanceof PyFloat) {
          needs |= Needs.Marks;
          return ++marks * 8 <= values + 64 && x.value - x.value === 0;
        }
        if (depth >= maxDepth) return false;
        if (Array.isArray(x)) {
          if ((x as { toJSON?: unknown }).toJSON !== undefined) return false; // JSON.stringify would call it
          for (let i = 0; i < x.length; i++) if (!walk(x[i], depth + 1)) return false;
          return true;
        }
        const p = Object.getPrototypeOf(x);
        if ((p !== Object.prototype && p !== null) || (x as { [KEY_ORDER]?: unknown })[KEY_ORDER] !== undefined) return false;
        for (const k in x) {
          if (k.charCodeAt(0) === 0 || (unicode && hasLoneSurrogate(k))) return false;
          if (!walk((x as Record<string, unknown>)[k], depth + 1)) return false;
        }
        return true;
      }
      default:
        return false;
    }
  };
  // Each mark costs JSON.stringify a call into JS: with many, our own encoder is faster.
  return walk(v, 0) && marks * 8 <= values ? needs : Needs.Unsafe;
}

// PyFloats and bigints reach the text as strings marked by a leading NUL ("\u0000" once stringified).
function markFloat(this: PyFloat): string {
  return "\u0000" + floatRepr(this.value);
}
function markBigInt(this: bigint): string {
  return "\u0000" + this.toString();
}

/** JSON.stringify with PyFloat and BigInt marked (their toJSON swapped in for the call only). */
function stringifyMarked(v: unknown, indent: string | undefined): string | undefined {
  const floatProto = PyFloat.prototype as unknown as { toJSON: () => unknown };
  const bigProto = BigInt.prototype as unknown as Record<string, unknown>;
  const saved = Object.getOwnPropertyDescriptor(bigProto, "toJSON");
  const plainToJSON = floatProto.toJSON;
  try {
    Object.defineProperty(bigProto, "toJSON", { value: markBigInt, configurable: true, writable: true });
  } catch {
    return undefined; // frozen intrinsics: take the slow path
  }
  floatProto.toJSON = markFloat;
  try {
    return JSON.stringify(v, null, indent);
  } finally {
    floatProto.toJSON = plainToJSON;
    if (saved) Object.defineProperty(bigProto, "toJSON", saved);
    else delete bigProto.toJSON;
  }
}

const HEX = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102]; // "0".."9a".."f"
let utf8: InstanceType<typeof TextDecoder> | undefined;

/** Python's repr of a number token JS wrote, when it differs ("0.00001", "1e-7", 2**60 as 19 digits). */
function respell(tok: string): string | undefined {
  const e = tok.indexOf("e");
  if (e >= 0) return tok.charCodeAt(e + 1) === 45 && tok.length === e + 3 ? floatRepr(Number(tok)) : undefined;
  const neg = tok.charCodeAt(0) === 45 ? 1 : 0;
  if (tok.startsWith("0.0000", neg)) return floatRepr(Number(tok));
  if (tok.length - neg >= 16 && tok.indexOf(".") < 0) {
    const x = Number(tok);
    return Number.isSafeInteger(x) ? undefined : floatRepr(x);
  }
  return undefined;
}

/**
 * Python's spelling of JSON.stringify's output: with `spaces`, ", " and ": " between items; with
 * `ascii`, every code unit >= 0x7f in a string as \uXXXX; with `marks`, marked PyFloats and bigints
 * unquoted; with `numbers`, floats respelled. One pass writing UTF-8 bytes, decoded at once (the text
 * holds no lone surrogate: nativeSafe refused them, or JSON.stringify escaped them). Outside strings
 * the text is ASCII; inside, a tight loop runs to the closing quote.
 */
function pythonize(s: string, spaces: boolean, ascii: boolean, needs: Needs): string {
  const marks = (needs & Needs.Marks) !== 0;
  const numbers = (needs & Needs.Numbers) !== 0;
  const n = s.length;
  let buf = new Uint8Array(n + (n >> 1) + 64);
  let o = 0;
  let i = 0;
  // Keeps room for `need` more bytes plus the rest of the input copied one for one.
  const grow = (need: number): void => {
    const want = o + need + (n - i);
    if (want <= buf.length) return;
    const bigger = new Uint8Array(want * 2);
    bigger.set(buf.subarray(0, o));
    buf = bigger;
  };
  const put = (t: string): void => {
    grow(t.length);
    for (let k = 0; k < t.length; k++) buf[o++] = t.charCodeAt(k);
  };
  while (i < n) {
    let c = s.charCodeAt(i++);
    if (c !== 34) {
      if (numbers && (c === 45 || (c >= 48 && c <= 57))) {
        // a number token: copy it, unless JS may have spelled it otherwise than Python (an exponent,
        // "0.0000", 16+ digits), then respell it
        const from = i - 1;
        buf[o++] = c;
        let odd = false;
        while (i < n && ((c = s.charCodeAt(i)) === 46 || c === 43 || c === 45 || c === 101 || (c >= 48 && c <= 57))) {
          buf[o++] = c;
          i++;
          if (c === 101) odd = true;
        }
        const lead = s.charCodeAt(s.charCodeAt(from) === 45 ? from + 1 : from);
        if (odd || i - from >= 16 || (lead === 48 && i - from > 6)) {
          const tok = s.slice(from, i);
          const py = respell(tok);
          if (py !== undefined) {
            o -= tok.length;
            put(py);
          }
        }
        continue;
      }
      buf[o++] = c;
      if (spaces && (c === 44 || c === 58)) {
        if (o + (n - i) + 8 > buf.length) grow(8);
        buf[o++] = 32;
      }
      continue;
    }
    if (marks && s.charCodeAt(i) === 92 && s.startsWith("u0000", i + 1)) {
      // a marked PyFloat or bigint: its digits, unquoted
      const close = s.indexOf('"', i + 6);
      put(s.slice(i + 6, close));
      i = close + 1;
      continue;
    }
    buf[o++] = c;
    // inside a string, up to its closing quote
    for (;;) {
      c = s.charCodeAt(i++);
      if (c < 0x7f) {
        buf[o++] = c;
        if (c === 34) break;
        if (c === 92) buf[o++] = s.charCodeAt(i++); // an escape: its next unit never ends the string
      } else if (ascii) {
        if (o + (n - i) + 16 > buf.length) grow(16);
        buf[o] = 92;
        buf[o + 1] = 117;
        buf[o + 2] = HEX[c >> 12]!;
        buf[o + 3] = HEX[(c >> 8) & 15]!;
        buf[o + 4] = HEX[(c >> 4) & 15]!;
        buf[o + 5] = HEX[c & 15]!;
        o += 6;
      } else {
        if (o + (n - i) + 16 > buf.length) grow(16);
        if (c === 0x7f) {
          buf[o++] = c;
        } else if (c < 0x800) {
          buf[o++] = 0xc0 | (c >> 6);
          buf[o++] = 0x80 | (c & 63);
        } else if (c >= 0xd800 && c <= 0xdbff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(i++) - 0xdc00);
          buf[o++] = 0xf0 | (cp >> 18);
          buf[o++] = 0x80 | ((cp >> 12) & 63);
          buf[o++] = 0x80 | ((cp >> 6) & 63);
          buf[o++] = 0x80 | (cp & 63);
        } else {
          buf[o++] = 0xe0 | (c >> 12);
          buf[o++] = 0x80 | ((c >> 6) & 63);
          buf[o++] = 0x80 | (c & 63);
        }
      }
    }
  }
  utf8 ??= new TextDecoder();
  return utf8.decode(buf.subarray(0, o));
}

export interface NativeDumpsParams {
  indent: string | null;
  itemSep: string;
  keySep: string;
  ascii: boolean;
  sortKeys: boolean;
  maxDepth: number;
}

/** dumps through JSON.stringify, or undefined when that would not be CPython's output. */
export function nativeDumps(v: unknown, p: NativeDumpsParams): string | undefined {
  if (p.sortKeys) return undefined;
  let spaces = false;
  if (p.indent === null) {
    spaces = p.itemSep === ", " && p.keySep === ": ";
    if (!spaces && !(p.itemSep === "," && p.keySep === ":")) return undefined;
  } else if (p.itemSep !== "," || p.keySep !== ": " || !/^[ \t]{1,10}$/.test(p.indent)) {
    // JSON.stringify indents by at most 10 and writes ",\n" and ": ", as Python does with indent;
    // only blank indents: pythonize must not take an indent's quote for a string or escape its é.
    return undefined;
  }
  // A toJSON inherited by every object would run inside JSON.stringify: leave such worlds alone.
  if ((Object.prototype as { toJSON?: unknown }).toJSON !== undefined) return undefined;
  const needs = nativeSafe(v, p.maxDepth, !p.ascii);
  if (needs === Needs.Unsafe) return undefined;
  const out = needs & Needs.Marks ? stringifyMarked(v, p.indent ?? undefined) : JSON.stringify(v, null, p.indent ?? undefined);
  if (out === undefined) return undefined;
  return spaces || p.ascii || needs !== Needs.Nothing ? pythonize(out, spaces, p.ascii, needs) : out;
}

// Tokens JSON.parse would read differently from CPython (false alarms only cost the fast path):
// - an int part of 16+ digits (an int past 2**53, or a float that is integral at that size);
// - a float that may round to an integral value (Python's 1.0 is a PyFloat, JSON.parse's 1 an int):
//   written with only zeros after the point ("1.00"), with an exponent, or with k integer digits
//   followed by 16-k zeros or nines (closer to an integer than half a unit in the last place);
// - -0 (Python's int 0); keys that look like array indexes (JS lists them first), also when a
//   digit is written as an escape (\u0030-\u0039).
// A number token starts after "[", "," or ":" (and blanks), or at the start of the text, and in
// valid JSON is followed by blanks and ",", "]", "}" or the end (an invalid text fails JSON.parse
// and goes to the scanner anyway): the number rules are anchored on both sides, so digits inside
// strings (timestamps, ids) rarely raise a false alarm.
const nearInteger = Array.from({ length: 15 }, (_, k) => `\\d{${k + 1}}\\.(?:0{${15 - k}}|9{${15 - k}})\\d*`).join("|");
// (The lookaheads fail fast: most tokens are not numbers, and only 16+ characters can hold 16 digits.)
const numberRules =
  `(?=-?\\d)(?:-0|-?(?:(?=[\\d.]{16})(?:\\d{16}[\\d.]*|${nearInteger})|\\d+(?:\\.0+|(?:\\.\\d+)?[eE][-+]?\\d+)))` +
  `(?=[ \\t\\n\\r]*(?:[,\\]}]|$))`;
const DANGER = new RegExp(`[[,:][ \\t\\n\\r]*${numberRules}|"(?:0|[1-9]\\d*)"[ \\t\\n\\r]*:|\\\\u003\\d`);
const DANGER_AT_START = new RegExp(`^[ \\t\\n\\r]*${numberRules}`);

/** Nesting depth of a parsed value, or Infinity once it passes `limit`. */
function depthOver(v: unknown, limit: number): boolean {
  const walk = (x: unknown, depth: number): boolean => {
    if (typeof x !== "object" || x === null) return false;
    if (depth >= limit) return true;
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) if (walk(x[i], depth + 1)) return true;
    } else {
      for (const k in x) if (walk((x as Record<string, unknown>)[k], depth + 1)) return true;
    }
    return false;
  };
  return walk(v, 0);
}

/** loads through JSON.parse: { value } when provably CPython's result, else undefined. */
export function nativeLoads(s: string, maxDepth: number): { value: unknown } | undefined {
  if (DANGER.test(s) || DANGER_AT_START.test(s)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(s);
  } catch {
    return undefined; // NaN/Infinity, or an error: the scanner reports it CPython's way
  }
  if (maxDepth !== Infinity && depthOver(value, Math.min(maxDepth, 1000))) return undefined;
  return { value };
}
