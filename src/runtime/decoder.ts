// json.loads' scanner, reproducing CPython's C scanner (Modules/_json.c): the same values, the same
// error messages at the same positions. Iterative (an explicit stack of open containers), so no input
// can overflow the JS stack; RecursionError is raised where CPython would raise it.

import { JSONDecodeError, PyRecursionError, PyValueError } from "./errors.js";
import { nativeLoads } from "./fast.js";
import { KEY_ORDER, PyFloat } from "./values.js";

export interface DecoderOptions {
  /** Called with every decoded object (a plain object, or a Map with `mapping: "map"`). */
  objectHook?: ((obj: never) => unknown) | null;
  /** Called with every decoded object as its list of [key, value] pairs (duplicates kept); wins over objectHook. */
  objectPairsHook?: ((pairs: [string, unknown][]) => unknown) | null;
  /** Called with the text of every JSON float (default: number, or PyFloat for integral values). */
  parseFloat?: ((s: string) => unknown) | null;
  /** Called with the text of every JSON int (default: number when safe, else bigint). */
  parseInt?: ((s: string) => unknown) | null;
  /** Called with "NaN", "Infinity" or "-Infinity". */
  parseConstant?: ((s: string) => unknown) | null;
  /** false allows raw control characters inside strings. */
  strict?: boolean;
  /** What a JSON object becomes: a plain object (default, Python's key order kept) or a Map. */
  mapping?: "object" | "map";
  /** Nesting depth past which RecursionError is raised (default 995, as CPython from module level). */
  maxDepth?: number;
}

export const LOADS_MAX_DEPTH = 995;

interface Frame {
  arr: unknown[] | null;
  obj: Record<string, unknown> | Map<string, unknown> | null;
  pairs: [string, unknown][] | null;
  key: string;
  /** How many keys this object has read (indexes the key predictions for its depth). */
  nkeys: number;
  /** Python's key order, kept once a key JS would move to the front (e.g. "1") turns up. */
  order: string[] | null;
}

const POW10 = Array.from({ length: 23 }, (_, k) => Number("1e" + k));

const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

export class JSONDecoder {
  objectHook: NonNullable<DecoderOptions["objectHook"]> | null;
  objectPairsHook: NonNullable<DecoderOptions["objectPairsHook"]> | null;
  parseFloat: NonNullable<DecoderOptions["parseFloat"]> | null;
  parseInt: NonNullable<DecoderOptions["parseInt"]> | null;
  parseConstant: NonNullable<DecoderOptions["parseConstant"]> | null;
  strict: boolean;
  mapping: "object" | "map";
  maxDepth: number;

  constructor(opts: DecoderOptions = {}) {
    this.objectHook = opts.objectHook ?? null;
    this.objectPairsHook = opts.objectPairsHook ?? null;
    this.parseFloat = opts.parseFloat ?? null;
    this.parseInt = opts.parseInt ?? null;
    this.parseConstant = opts.parseConstant ?? null;
    this.strict = opts.strict ?? true;
    this.mapping = opts.mapping ?? "object";
    this.maxDepth = opts.maxDepth ?? LOADS_MAX_DEPTH;
  }

  /** JSONDecoder.decode: one JSON document, surrounded by optional whitespace. */
  decode(s: string): unknown {
    if (this.isPlain() && this.rawDecode === JSONDecoder.prototype.rawDecode) {
      const fast = nativeLoads(s, this.maxDepth);
      if (fast !== undefined) return fast.value;
    }
    const [v, end0] = this.rawDecode(s, skipWs(s, 0));
    const end = skipWs(s, end0);
    if (end !== s.length) throw new JSONDecodeError("Extra data", s, end);
    return v;
  }

  /** No hooks and plain objects: what JSON.parse can produce. */
  private isPlain(): boolean {
    return (
      this.objectHook === null && this.objectPairsHook === null && this.parseFloat === null &&
      this.parseInt === null && this.parseConstant === null && this.mapping === "object"
    );
  }

  /** JSONDecoder.raw_decode: a value starting at `idx`, and where it ends (UTF-16 indices). */
  rawDecode(s: string, idx = 0): [unknown, number] {
    return scan(this, s, idx);
  }
}

function skipWs(s: string, i: number): number {
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

function scan(d: JSONDecoder, s: string, start: number): [unknown, number] {
  const n = s.length;
  const strict = d.strict;
  const asMap = d.mapping === "map";
  const pairsHook = d.objectPairsHook;
  const objectHook = d.objectHook as ((o: unknown) => unknown) | null;
  const maxDepth = d.maxDepth;
  const parseFloat = d.parseFloat;
  const parseInt = d.parseInt;
  const parseConstant = d.parseConstant;
  const stack: Frame[] = [];
  let i = start;
  let v: unknown;

  // Strings: the common case (no escape) is one slice; `end` is where the closing quote left us.
  let end = 0;
  const scanString = (q: number): string => {
    let j = q + 1;
    for (;;) {
      if (j >= n) throw new JSONDecodeError("Unterminated string starting at", s, q);
      const c = s.charCodeAt(j);
      if (c === 34) {
        end = j + 1;
        return s.slice(q + 1, j);
      }
      if (c === 92) break;
      if (c < 32 && strict) throw new JSONDecodeError("Invalid control character at", s, j);
      j++;
    }
    // Escapes: collect the pieces and join once (a flat string, no rope of concatenations).
    const parts: string[] = [s.slice(q + 1, j)];
    for (;;) {
      // s[j] is a backslash
      j++;
      if (j >= n) throw new JSONDecodeError("Unterminated string starting at", s, q);
      const e = s[j]!;
      if (e !== "u") {
        const r = ESCAPES[e];
        if (r === undefined) throw new JSONDecodeError("Invalid \\escape", s, j - 1);
        parts.push(r);
        j++;
      } else {
        if (j + 5 >= n) throw new JSONDecodeError("Invalid \\uXXXX escape", s, j);
        let code = 0;
        for (let k = j + 1; k < j + 5; k++) {
          const h = hexValue(s.charCodeAt(k));
          if (h < 0) throw new JSONDecodeError("Invalid \\uXXXX escape", s, j);
          code = code * 16 + h;
        }
        // Each \uXXXX is one UTF-16 unit, so a surrogate pair needs no joining in JS.
        parts.push(String.fromCharCode(code));
        j += 5;
      }
      const from = j;
      for (;;) {
        if (j >= n) throw new JSONDecodeError("Unterminated string starting at", s, q);
        const c = s.charCodeAt(j);
        if (c === 34) {
          end = j + 1;
          if (j > from) parts.push(s.slice(from, j));
          return parts.join("");
        }
        if (c === 92) break;
        if (c < 32 && strict) throw new JSONDecodeError("Invalid control character at", s, j);
        j++;
      }
      if (j > from) parts.push(s.slice(from, j));
    }
  };

  const open = (kind: "array" | "object"): void => {
    if (stack.length >= maxDepth) {
      throw new PyRecursionError(`maximum recursion depth exceeded while decoding a JSON ${kind} from a unicode string`);
    }
  };

  const setKey = (f: Frame, key: string, value: unknown): void => {
    if (f.pairs !== null) {
      f.pairs.push([key, value]);
    } else if (asMap) {
      (f.obj as Map<string, unknown>).set(key, value);
    } else {
      const o = f.obj as Record<string, unknown>;
      const c = key.charCodeAt(0);
      if (c >= 48 && c <= 57) {
        // JS would list an integer-like key first: from here on, remember Python's order.
        if (f.order === null) f.order = Object.keys(o);
        if (!Object.hasOwn(o, key)) f.order.push(key);
      } else if (f.order !== null && !Object.hasOwn(o, key)) {
        f.order.push(key);
      }
      if (key === "__proto__") Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
      else o[key] = value;
    }
  };

  const newFrame = (arr: unknown[] | null): Frame => {
    const f: Frame = { arr, obj: null, pairs: null, key: "", nkeys: 0, order: null };
    if (arr === null) {
      if (pairsHook !== null) f.pairs = [];
      else f.obj = asMap ? new Map() : {};
    }
    return f;
  };

  const closeObject = (f: Frame): unknown => {
    if (f.pairs !== null) return pairsHook!(f.pairs);
    const o = f.obj!;
    if (f.order !== null) {
      const js = Object.keys(o);
      if (js.some((k, idx) => k !== f.order![idx])) Object.defineProperty(o, KEY_ORDER, { value: f.order });
    }
    return objectHook !== null ? objectHook(o) : o;
  };

  // Objects at one depth usually repeat their keys (arrays of records): predict each key from the
  // object read before at the same depth, and take the same string when the text matches it. That
  // spares a slice and the engine's key interning. Only plain keys are predicted (no escape needed).
  const predicted: string[][] = [];
  const plainKey = /^[^"\\\u0000-\u001f]*$/;

  // After "{" or ",": a key, a colon, and whitespace up to the value.
  const readKey = (f: Frame): void => {
    if (s.charCodeAt(i) !== 34) throw new JSONDecodeError("Expecting property name enclosed in double quotes", s, i);
    const keys = (predicted[stack.length] ??= []);
    const guess = keys[f.nkeys];
    if (guess !== undefined && s.charCodeAt(i + 1 + guess.length) === 34 && s.startsWith(guess, i + 1)) {
      f.key = guess;
      end = i + 2 + guess.length;
    } else {
      f.key = scanString(i);
      if (f.key.length < 64 && plainKey.test(f.key)) keys[f.nkeys] = f.key;
    }
    f.nkeys++;
    i = skipWs(s, end);
    if (s.charCodeAt(i) !== 58) throw new JSONDecodeError("Expecting ':' delimiter", s, i);
    i = skipWs(s, i + 1);
  };

  // A number: -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?, starting at i with character c.
  const number = (c: number): unknown => {
    let v: unknown;
    const from = i;
    let j = c === 45 ? i + 1 : i;
    let k = s.charCodeAt(j);
    let val = 0;
    if (k >= 49 && k <= 57) {
      do {
        val = val * 10 + (k - 48);
        k = s.charCodeAt(++j);
      } while (k >= 48 && k <= 57);
    } else if (k === 48) {
      k = s.charCodeAt(++j);
    } else {
      throw new JSONDecodeError("Expecting value", s, from);
    }
    const intEnd = j;
    let isFloat = false;
    // The digits as an integer while they fit 15 digits, and the power of ten that scales them.
    let mant = val;
    let digits = intEnd - from - (c === 45 ? 1 : 0);
    let scale = 0;
    if (k === 46) {
      const k1 = s.charCodeAt(j + 1);
      if (k1 >= 48 && k1 <= 57) {
        isFloat = true;
        j++;
        while ((k = s.charCodeAt(j)) >= 48 && k <= 57) {
          if (++digits <= 15) {
            mant = mant * 10 + (k - 48);
            scale--;
          }
          j++;
        }
      }
    }
    if (k === 101 || k === 69) {
      let e = j + 1;
      const sg = s.charCodeAt(e);
      if (sg === 43 || sg === 45) e++;
      const e0 = e;
      let exp = 0;
      while ((k = s.charCodeAt(e)) >= 48 && k <= 57) {
        if (exp < 1e6) exp = exp * 10 + (k - 48);
        e++;
      }
      if (e > e0) {
        isFloat = true;
        j = e;
        scale += sg === 45 ? -exp : exp;
      }
    }
    i = j;
    if (isFloat) {
      if (parseFloat !== null) v = parseFloat(s.slice(from, j));
      else {
        // Up to 15 digits and a power of ten up to 22 are exact doubles: one multiplication or
        // division rounds once, correctly (Clinger's fast path). Otherwise the engine parses.
        let x: number;
        if (digits <= 15 && scale >= -22 && scale <= 22) {
          x = scale < 0 ? mant / POW10[-scale]! : mant * POW10[scale]!;
          if (c === 45) x = -x;
        } else {
          x = Number(s.slice(from, j));
        }
        v = Number.isInteger(x) ? new PyFloat(x) : x;
      }
    } else if (parseInt !== null) {
      v = parseInt(s.slice(from, j));
    } else {
      const digits = intEnd - from - (c === 45 ? 1 : 0);
      if (digits <= 15) v = c === 45 ? 0 - val : val; // 0 - 0 is 0, not -0
      else v = bigInt(s.slice(from, j), digits);
    }
    return v;
  };

  for (;;) {
    // ---- a value starts at i
    const c = s.charCodeAt(i);
    if (c === 34) {
      v = scanString(i);
      i = end;
    } else if (c >= 48 && c <= 57) {
      v = number(c);
    } else if (c === 123) {
      open("object");
      i = skipWs(s, i + 1);
      const f = newFrame(null);
      if (s.charCodeAt(i) === 125) {
        i++;
        v = closeObject(f);
      } else {
        stack.push(f);
        readKey(f);
        continue;
      }
    } else if (c === 91) {
      open("array");
      i = skipWs(s, i + 1);
      if (s.charCodeAt(i) === 93) {
        i++;
        v = [];
      } else {
        stack.push(newFrame([]));
        continue;
      }
    } else if (c === 110 && s.startsWith("null", i)) {
      v = null;
      i += 4;
    } else if (c === 116 && s.startsWith("true", i)) {
      v = true;
      i += 4;
    } else if (c === 102 && s.startsWith("false", i)) {
      v = false;
      i += 5;
    } else if (c === 78 && s.startsWith("NaN", i)) {
      v = parseConstant !== null ? parseConstant("NaN") : NaN;
      i += 3;
    } else if (c === 73 && s.startsWith("Infinity", i)) {
      v = parseConstant !== null ? parseConstant("Infinity") : Infinity;
      i += 8;
    } else if (c === 45 && s.startsWith("-Infinity", i)) {
      v = parseConstant !== null ? parseConstant("-Infinity") : -Infinity;
      i += 9;
    } else {
      v = number(c);
    }

    // ---- hand v to the open container; find where the next value starts
    for (;;) {
      const f = stack[stack.length - 1];
      if (f === undefined) return [v, i];
      if (f.arr !== null) {
        f.arr.push(v);
        i = skipWs(s, i);
        const c2 = s.charCodeAt(i);
        if (c2 === 44) {
          i = skipWs(s, i + 1);
          break;
        }
        if (c2 !== 93) throw new JSONDecodeError("Expecting ',' delimiter", s, i);
        i++;
        stack.pop();
        v = f.arr;
      } else {
        setKey(f, f.key, v);
        i = skipWs(s, i);
        const c2 = s.charCodeAt(i);
        if (c2 === 44) {
          i = skipWs(s, i + 1);
          readKey(f);
          break;
        }
        if (c2 !== 125) throw new JSONDecodeError("Expecting ',' delimiter", s, i);
        i++;
        stack.pop();
        v = closeObject(f);
      }
    }
  }
}

/** A JSON int of 16+ digits: number when it is a safe integer, else bigint (CPython's 4300-digit limit applies). */
function bigInt(text: string, digits: number): number | bigint {
  if (digits > 4300) {
    throw new PyValueError(
      `Exceeds the limit (4300 digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  const b = BigInt(text);
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}
