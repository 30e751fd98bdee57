// json.loads' scanner, reproducing CPython's C scanner (Modules/_json.c): the same values, the same
// error messages at the same positions. Iterative (an explicit stack of open containers), so no input
// can overflow the JS stack; RecursionError is raised where CPython would raise it.

import { JSONDecodeError, PyRecursionError, PyValueError } from "./errors.js";
import { nativeLoads } from "./fast-decoder.js";
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
    return new Scanner(this, s).run(idx);
  }
}

function skipWs(s: string, i: number): number {
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

/** An object being read: the object (a Map with mapping "map", or the pairs for objectPairsHook). */
class ObjectFrame {
  obj: Record<string, unknown> | Map<string, unknown> | null = null;
  pairs: [string, unknown][] | null = null;
  key = "";
  /** How many keys this object has read (indexes the key predictions for its depth). */
  nkeys = 0;
  /** Python's key order, kept once a key JS would move to the front (e.g. "1") turns up. */
  order: string[] | null = null;
}

const plainKey = /^[^"\\\u0000-\u001f]*$/;
const CONTROL = /[\u0000-\u001f]/;

/** s.indexOf(c, from), or s.length when there is none. */
function indexOrEnd(s: string, c: string, from: number): number {
  const k = s.indexOf(c, from);
  return k < 0 ? s.length : k;
}

/**
 * The scanner. Positions live in locals and parameters (not in variables shared with closures,
 * which the engine keeps in memory, not in registers); a string or number read returns its value
 * and leaves where it ended in `end`. Open arrays sit on the stack themselves, objects as frames.
 */
class Scanner {
  readonly s: string;
  readonly n: number;
  readonly strict: boolean;
  readonly asMap: boolean;
  readonly pairsHook: DecoderOptions["objectPairsHook"];
  readonly objectHook: ((o: unknown) => unknown) | null;
  readonly maxDepth: number;
  readonly parseFloat: DecoderOptions["parseFloat"];
  readonly parseInt: DecoderOptions["parseInt"];
  readonly parseConstant: DecoderOptions["parseConstant"];
  /** Where the last string or number ended. */
  end = 0;
  /** The next quote and the next backslash from where strings were last read (n: none). */
  quote = -1;
  backslash = -1;
  /** Objects at one depth usually repeat their keys (arrays of records): each key is predicted from
   * the object read before at the same depth, and the same string taken when the text matches it.
   * That spares a slice and the engine's key interning. Only plain keys are predicted. */
  readonly predicted: string[][] = [];

  constructor(d: JSONDecoder, s: string) {
    this.s = s;
    this.n = s.length;
    this.strict = d.strict;
    this.asMap = d.mapping === "map";
    this.pairsHook = d.objectPairsHook;
    this.objectHook = d.objectHook as ((o: unknown) => unknown) | null;
    this.maxDepth = d.maxDepth;
    this.parseFloat = d.parseFloat;
    this.parseInt = d.parseInt;
    this.parseConstant = d.parseConstant;
  }

  run(start: number): [unknown, number] {
    const s = this.s;
    const maxDepth = this.maxDepth;
    const stack: (unknown[] | ObjectFrame)[] = [];
    let i = start;
    let v: unknown;
    for (;;) {
      // ---- a value starts at i
      const c = s.charCodeAt(i);
      if (c === 34) {
        v = this.string(i);
        i = this.end;
      } else if (c >= 48 && c <= 57) {
        v = this.number(c, i);
        i = this.end;
      } else if (c === 123) {
        if (stack.length >= maxDepth) throw recursion("object");
        i = skipWs(s, i + 1);
        const f = this.newObject();
        if (s.charCodeAt(i) === 125) {
          i++;
          v = this.closeObject(f);
        } else {
          stack.push(f);
          i = this.key(f, i, stack.length);
          continue;
        }
      } else if (c === 91) {
        if (stack.length >= maxDepth) throw recursion("array");
        i = skipWs(s, i + 1);
        if (s.charCodeAt(i) === 93) {
          i++;
          v = [];
        } else {
          stack.push([]);
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
        v = this.parseConstant != null ? this.parseConstant("NaN") : NaN;
        i += 3;
      } else if (c === 73 && s.startsWith("Infinity", i)) {
        v = this.parseConstant != null ? this.parseConstant("Infinity") : Infinity;
        i += 8;
      } else if (c === 45 && s.startsWith("-Infinity", i)) {
        v = this.parseConstant != null ? this.parseConstant("-Infinity") : -Infinity;
        i += 9;
      } else {
        v = this.number(c, i); // (or "Expecting value")
        i = this.end;
      }

      // ---- hand v to the open container; find where the next value starts
      for (;;) {
        const f = stack[stack.length - 1];
        if (f === undefined) return [v, i];
        if (Array.isArray(f)) {
          f.push(v);
          i = skipWs(s, i);
          const c2 = s.charCodeAt(i);
          if (c2 === 44) {
            i = skipWs(s, i + 1);
            break;
          }
          if (c2 !== 93) throw new JSONDecodeError("Expecting ',' delimiter", s, i);
          i++;
          stack.pop();
          v = f;
        } else {
          this.setKey(f, f.key, v);
          i = skipWs(s, i);
          const c2 = s.charCodeAt(i);
          if (c2 === 44) {
            i = this.key(f, skipWs(s, i + 1), stack.length);
            break;
          }
          if (c2 !== 125) throw new JSONDecodeError("Expecting ',' delimiter", s, i);
          i++;
          stack.pop();
          v = this.closeObject(f);
        }
      }
    }
  }

  newObject(): ObjectFrame {
    const f = new ObjectFrame();
    if (this.pairsHook != null) f.pairs = [];
    else f.obj = this.asMap ? new Map() : {};
    return f;
  }

  /** After "{" or ",": a key, a colon, and whitespace up to the value; returns where the value starts. */
  key(f: ObjectFrame, i: number, depth: number): number {
    const s = this.s;
    if (s.charCodeAt(i) !== 34) throw new JSONDecodeError("Expecting property name enclosed in double quotes", s, i);
    const keys = (this.predicted[depth] ??= []);
    const guess = keys[f.nkeys];
    let end: number;
    if (guess !== undefined && s.charCodeAt(i + 1 + guess.length) === 34 && s.startsWith(guess, i + 1)) {
      f.key = guess;
      end = i + 2 + guess.length;
    } else {
      f.key = this.string(i);
      end = this.end;
      if (f.key.length < 64 && plainKey.test(f.key)) keys[f.nkeys] = f.key;
    }
    f.nkeys++;
    i = skipWs(s, end);
    if (s.charCodeAt(i) !== 58) throw new JSONDecodeError("Expecting ':' delimiter", s, i);
    return skipWs(s, i + 1);
  }

  setKey(f: ObjectFrame, key: string, value: unknown): void {
    if (f.pairs !== null) {
      f.pairs.push([key, value]);
    } else if (this.asMap) {
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
  }

  closeObject(f: ObjectFrame): unknown {
    if (f.pairs !== null) return this.pairsHook!(f.pairs);
    const o = f.obj!;
    if (f.order !== null) {
      const js = Object.keys(o);
      if (js.some((k, idx) => k !== f.order![idx])) Object.defineProperty(o, KEY_ORDER, { value: f.order });
    }
    return this.objectHook !== null ? this.objectHook(o) : o;
  }

  /** The string whose opening quote is at q; `end` is left after its closing quote. A short plain
   * string is read unit by unit and sliced once; past 32 units, or at an escape, runs of plain
   * characters are found by native searches instead (stringBySearch). */
  string(q: number): string {
    const s = this.s;
    const limit = Math.min(this.n, q + 33);
    for (let j = q + 1; j < limit; j++) {
      const c = s.charCodeAt(j);
      if (c === 34) {
        this.end = j + 1;
        return s.slice(q + 1, j);
      }
      if (c === 92) break;
      if (c < 32 && this.strict) return this.stringByUnits(q, q + 1, null);
    }
    return this.stringBySearch(q);
  }

  /** A string read by runs: the next quote and the next backslash are found by indexOf (each kept
   * until passed, so a text is searched about once) and the runs between sliced; anything unusual
   * (a control character, no closing quote) goes to stringByUnits, which reports errors as CPython
   * does. */
  stringBySearch(q: number): string {
    const s = this.s;
    let j = q + 1;
    let parts: string[] | null = null;
    for (;;) {
      if (this.quote < j) this.quote = indexOrEnd(s, '"', j);
      if (this.backslash < j) this.backslash = indexOrEnd(s, "\\", j);
      const stop = this.quote < this.backslash ? this.quote : this.backslash;
      if (stop >= this.n) return this.stringByUnits(q, j, parts);
      const run = s.slice(j, stop);
      if (this.strict && CONTROL.test(run)) return this.stringByUnits(q, j, parts);
      if (stop === this.quote) {
        this.end = stop + 1;
        if (parts === null) return run;
        parts.push(run);
        return parts.join("");
      }
      (parts ??= []).push(run);
      j = this.escape(q, stop, parts);
    }
  }

  /** The escape whose backslash is at b, pushed on parts; returns where the string goes on. */
  escape(q: number, b: number, parts: string[]): number {
    const s = this.s;
    const n = this.n;
    let j = b + 1;
    if (j >= n) throw new JSONDecodeError("Unterminated string starting at", s, q);
    const e = s[j]!;
    if (e !== "u") {
      const r = ESCAPES[e];
      if (r === undefined) throw new JSONDecodeError("Invalid \\escape", s, j - 1);
      parts.push(r);
      return j + 1;
    }
    if (j + 5 >= n) throw new JSONDecodeError("Invalid \\uXXXX escape", s, j);
    let code = 0;
    for (let k = j + 1; k < j + 5; k++) {
      const h = hexValue(s.charCodeAt(k));
      if (h < 0) throw new JSONDecodeError("Invalid \\uXXXX escape", s, j);
      code = code * 16 + h;
    }
    // Each \uXXXX is one UTF-16 unit, so a surrogate pair needs no joining in JS.
    parts.push(String.fromCharCode(code));
    return j + 5;
  }

  /** The rest of a string from j, unit by unit (the pieces so far in parts). */
  stringByUnits(q: number, j: number, parts: string[] | null): string {
    const s = this.s;
    const n = this.n;
    const strict = this.strict;
    let from = j;
    for (;;) {
      if (j >= n) throw new JSONDecodeError("Unterminated string starting at", s, q);
      const c = s.charCodeAt(j);
      if (c === 34) {
        this.end = j + 1;
        if (parts === null) return s.slice(from, j);
        parts.push(s.slice(from, j));
        return parts.join("");
      }
      if (c === 92) {
        (parts ??= []).push(s.slice(from, j));
        j = from = this.escape(q, j, parts);
        continue;
      }
      if (c < 32 && strict) throw new JSONDecodeError("Invalid control character at", s, j);
      j++;
    }
  }

  /** A number -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)? starting at i with character c (else "Expecting
   * value"); `end` is left after it. */
  number(c: number, i: number): unknown {
    const s = this.s;
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
    // The digits as an integer while it stays below 2**53 (so exactly a double), and the power of
    // ten that scales it; `exact` turns false at the first digit that would pass 2**53.
    let mant = val;
    let exact = val < 9007199254740992;
    let scale = 0;
    if (k === 46) {
      const k1 = s.charCodeAt(j + 1);
      if (k1 >= 48 && k1 <= 57) {
        isFloat = true;
        j++;
        while ((k = s.charCodeAt(j)) >= 48 && k <= 57) {
          if (exact) {
            const next = mant * 10 + (k - 48);
            if (next < 9007199254740992) {
              mant = next;
              scale--;
            } else {
              exact = false;
            }
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
    this.end = j;
    if (isFloat) {
      if (this.parseFloat != null) return this.parseFloat(s.slice(from, j));
      // An integer below 2**53 and a power of ten up to 22 are exact doubles: one multiplication
      // or division rounds once, correctly (Clinger's fast path). Otherwise the engine parses.
      let x: number;
      if (exact && scale >= -22 && scale <= 22) {
        x = scale < 0 ? mant / POW10[-scale]! : mant * POW10[scale]!;
        if (c === 45) x = -x;
      } else {
        x = Number(s.slice(from, j));
      }
      return Number.isInteger(x) ? new PyFloat(x) : x;
    }
    if (this.parseInt != null) return this.parseInt(s.slice(from, j));
    const digits = intEnd - from - (c === 45 ? 1 : 0);
    if (digits <= 15) return c === 45 ? 0 - val : val; // 0 - 0 is 0, not -0
    return bigInt(s.slice(from, j), digits);
  }
}

function recursion(kind: "array" | "object"): PyRecursionError {
  return new PyRecursionError(`maximum recursion depth exceeded while decoding a JSON ${kind} from a unicode string`);
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
