// The encoder's fast path: a tree of the common kinds (plain objects, arrays, strings, numbers,
// PyFloats, bigints, booleans, null) is written straight into UTF-8 bytes, decoded to a string chunk by
// chunk. Any other value (a Map, a class instance, undefined, NaN with allowNan off, a lone
// surrogate with ensureAscii off, a nesting past maxDepth, an int past 4300 digits) stops it, and
// the general encoder (encoder.ts) starts over: it alone raises errors, calls `default` and writes
// Maps. The output is the general encoder's, byte for byte (the differential tests run both paths
// against CPython).
//
// Why bytes: JSON.stringify and a pass to respell its output (separators, \u escapes, Python's float
// layout) cost more than writing Python's text directly: its output is a rope that must be
// flattened, encoded and scanned again. Strings are read unit by unit (charCodeAt) and written as
// ASCII escapes or UTF-8. Why chunks: one buffer grown to the whole text and decoded at once made
// two allocations of its size per call, whose fresh pages cost more than the writing; a 64 KB buffer
// (kept for the next call) is decoded whenever it fills, and the output is the rope of those pieces,
// as JSON.stringify's is.

import { floatJson } from "./float-repr.js";
import { KEY_ORDER, PyFloat, intRepr, keys as orderedKeys } from "./values.js";

export interface FastEncodeParams {
  /** The indent string (Python's `' ' * indent`), or null for none. */
  indent: string | null;
  itemSep: string;
  keySep: string;
  ascii: boolean;
  allowNan: boolean;
  /** Nesting depth from which CPython raises RecursionError (the general encoder reports it). */
  maxDepth: number;
}

/** Thrown where the fast path stops: the general encoder takes over. */
const STOP = Symbol("stop");

// Per ASCII byte: 0 written as is, else the letter of its short escape (\" \\ \b \f \n \r \t), or 1 for \u00XX.
const ESCAPE = new Uint8Array(128);
for (let c = 0; c < 32; c++) ESCAPE[c] = 1;
ESCAPE[34] = 34;
ESCAPE[92] = 92;
ESCAPE[8] = 98;
ESCAPE[12] = 102;
ESCAPE[10] = 110;
ESCAPE[13] = 114;
ESCAPE[9] = 116;
const HEX = new Uint8Array([48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102]); // "0".."9a".."f"

let utf8Encoder: InstanceType<typeof TextEncoder> | undefined;
let utf8Decoder: InstanceType<typeof TextDecoder> | undefined;

/** UTF-8 bytes of a short ASCII-or-not string (separators, indents). */
function utf8(s: string): Uint8Array {
  utf8Encoder ??= new TextEncoder();
  return utf8Encoder.encode(s);
}

class Writer {
  buf: Uint8Array;
  /** buf's bytes, for multi-byte stores (a `\uXXXX` escape in two). */
  view: DataView;
  o = 0;
  /** The text of the chunks written before buf's (a rope: never one big allocation). */
  text = "";
  readonly ascii: boolean;
  readonly allowNan: boolean;
  readonly maxDepth: number;
  readonly indent: Uint8Array | null;
  readonly itemSep: Uint8Array;
  readonly keySep: Uint8Array;
  /** Per depth, with an indent: the newline and indent that open a container's items, and the item separator with them. */
  readonly opens: Uint8Array[] = [];
  readonly seps: Uint8Array[] = [];
  /** Whether for-in lists exactly Object.keys (Object.prototype has no enumerable key). */
  readonly forIn = !inheritedKeys();

  constructor(p: FastEncodeParams, buf: Uint8Array) {
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    this.ascii = p.ascii;
    this.allowNan = p.allowNan;
    this.maxDepth = Math.min(p.maxDepth, 1000); // (recursive: past that, the iterative encoder)
    this.indent = p.indent === null ? null : utf8(p.indent);
    this.itemSep = utf8(p.itemSep);
    this.keySep = utf8(p.keySep);
  }

  /** Room for `n` more bytes: a full buffer is decoded onto `text` and starts over. */
  ensure(n: number): void {
    if (this.o + n > this.buf.length) this.flush(n);
  }

  private flush(n: number): void {
    this.text += this.chunkText();
    this.o = 0;
    if (this.buf.length < BIG_CHUNK && this.text.length >= BIG_AFTER) this.buf = new Uint8Array(BIG_CHUNK);
    if (n > this.buf.length) this.buf = new Uint8Array(n); // (a string longer than a chunk)
    if (this.view.buffer !== this.buf.buffer) this.view = new DataView(this.buf.buffer);
  }

  /** The whole text. */
  finish(): string {
    return this.text + this.chunkText();
  }

  /** The text of the buffer's bytes: outside the engine's heap where the host can make it so. */
  private chunkText(): string {
    const b = this.buf.subarray(0, this.o);
    return b.length >= BIG_ASCII && bigAsciiText !== undefined && this.asciiOnly() ? bigAsciiText(b) : decodeUtf8(b);
  }

  /** Whether every byte written is ASCII: ensure_ascii writes separators and indents as they are. */
  private asciiOnly(): boolean {
    return this.ascii && [this.itemSep, this.keySep, this.indent ?? this.itemSep].every((b) => b.every((x) => x < 0x80));
  }

  bytes(b: Uint8Array): void {
    const n = b.length;
    if (n === 0) return; // (separators may be empty)
    this.ensure(n);
    const buf = this.buf;
    let o = this.o;
    buf[o] = b[0]!;
    if (n === 2) buf[o + 1] = b[1]!;
    else for (let k = 1; k < n; k++) buf[o + k] = b[k]!;
    this.o = o + n;
  }

  /** An ASCII string (number text, literals). */
  ascii7(s: string): void {
    this.ensure(s.length);
    const buf = this.buf;
    let o = this.o;
    for (let k = 0; k < s.length; k++) buf[o++] = s.charCodeAt(k);
    this.o = o;
  }

  /** "\n" and the indent of `depth`, once per depth (with an indent only). */
  newline(depth: number): Uint8Array {
    const indent = this.indent!;
    for (let d = this.opens.length; d <= depth; d++) {
      const line = new Uint8Array(1 + indent.length * d);
      line[0] = 10;
      for (let k = 0; k < d; k++) line.set(indent, 1 + k * indent.length);
      this.opens.push(line);
      const sep = new Uint8Array(this.itemSep.length + line.length);
      sep.set(this.itemSep);
      sep.set(line, this.itemSep.length);
      this.seps.push(sep);
    }
    return this.opens[depth]!;
  }

  value(v: unknown, depth: number): void {
    switch (typeof v) {
      case "string":
        this.string(v);
        return;
      case "number":
        if (Number.isSafeInteger(v)) this.int(v);
        else this.float(v);
        return;
      case "boolean":
        this.ascii7(v ? "true" : "false");
        return;
      case "bigint":
        this.ascii7(intRepr(v)); // (past 4300 digits it throws: the general encoder reports it)
        return;
      case "object":
        if (v === null) {
          this.ascii7("null");
          return;
        }
        if (Array.isArray(v)) {
          this.list(v, depth);
          return;
        }
        if (v instanceof PyFloat) {
          this.float(v.value);
          return;
        }
        this.object(v, depth);
        return;
    }
    throw STOP;
  }

  int(x: number): void {
    if (x < 0 || x >= 1e9) {
      this.ascii7(String(x));
      return;
    }
    // digits written from the last one (no string allocated)
    let digits = 1;
    for (let p = 10; p <= x; p *= 10) digits++;
    this.ensure(digits);
    const buf = this.buf;
    let o = this.o + digits;
    this.o = o;
    do {
      const q = (x / 10) | 0;
      buf[--o] = 48 + x - q * 10;
      x = q;
    } while (x !== 0);
  }

  float(x: number): void {
    if (!this.allowNan && x - x !== 0) throw STOP;
    if (this.decimal(x)) return;
    const a = x < 0 ? -x : x;
    if (a >= 1e-4 && a < 1e16) {
      // repr's positional range, where JS writes the same digits: String(x) as is, flat (floatJson
      // would concatenate ".0", and copying a rope's units is slower)
      this.ascii7(String(x));
      if (Number.isInteger(x)) this.ascii7(".0");
    } else this.ascii7(floatJson(x));
  }

  /** A float below 1e9 that is the double nearest a decimal of at most 4 fraction digits (prices,
   * scores, ratios), written from those digits without String(x), the profile's largest cost on
   * such payloads (the engine's digits and its number-string cache); false for any other.
   * Why it is repr's text: m / 1e4 is correctly rounded, so m / 1e4 === |x| proves x the nearest
   * double to D = m/10^4; below 1e9 doubles are under 2^-23 apart, so no other decimal of at most
   * 4 fraction digits (they are 1e-4 apart) rounds to x: D without its trailing zeros is the
   * shortest round-trip digits, which repr and String(x) both write, positionally (1e-4 <= D < 1e9). */
  private decimal(x: number): boolean {
    const a = x < 0 ? -x : x;
    if (!(a < 1e9)) return false;
    const m = Math.round(a * 1e4);
    if (m === 0 || m / 1e4 !== a) return false;
    let frac = m % 1e4;
    if (x < 0) {
      this.ensure(1);
      this.buf[this.o++] = 45;
    }
    this.int((m - frac) / 1e4);
    this.ensure(5);
    const buf = this.buf;
    let o = this.o;
    buf[o++] = 46;
    if (frac === 0) buf[o++] = 48; // "2.0"
    else {
      let digits = 4;
      while (frac % 10 === 0) {
        frac /= 10;
        digits--;
      }
      for (let k = digits - 1; k >= 0; k--) {
        const q = (frac / 10) | 0;
        buf[o + k] = 48 + frac - q * 10;
        frac = q;
      }
      o += digits;
    }
    this.o = o;
    return true;
  }

  list(a: readonly unknown[], depth: number): void {
    if (depth >= this.maxDepth) throw STOP;
    const n = a.length;
    if (n === 0) {
      this.ascii7("[]");
      return;
    }
    const sep = this.open(91, depth);
    for (let i = 0; i < n; i++) {
      if (i > 0) this.bytes(sep);
      this.value(a[i], depth + 1);
    }
    this.close(93, depth);
  }

  object(d: object, depth: number): void {
    const p = Object.getPrototypeOf(d);
    if (p !== Object.prototype && p !== null) throw STOP; // a Map, a class instance, a Date...
    if (depth >= this.maxDepth) throw STOP;
    if ((d as { [KEY_ORDER]?: unknown })[KEY_ORDER] === undefined && this.forIn) {
      // for-in walks the engine's cached key list; Object.keys would copy it
      let sep: Uint8Array | null = null;
      for (const k in d) {
        if (sep === null) sep = this.open(123, depth);
        else this.bytes(sep);
        this.string(k);
        this.bytes(this.keySep);
        this.value((d as Record<string, unknown>)[k], depth + 1);
      }
      if (sep === null) this.ascii7("{}");
      else this.close(125, depth);
      return;
    }
    const ks = orderedKeys(d);
    const n = ks.length;
    if (n === 0) {
      this.ascii7("{}");
      return;
    }
    const sep = this.open(123, depth);
    const keySep = this.keySep;
    for (let i = 0; i < n; i++) {
      const k = ks[i]!;
      if (i > 0) this.bytes(sep);
      this.string(k);
      this.bytes(keySep);
      this.value((d as Record<string, unknown>)[k], depth + 1);
    }
    this.close(125, depth);
  }

  /** "[" or "{" and, with an indent, the newline before the first item; returns the item separator. */
  private open(bracket: number, depth: number): Uint8Array {
    this.ensure(1);
    this.buf[this.o++] = bracket;
    if (this.indent === null) return this.itemSep;
    this.bytes(this.newline(depth + 1));
    return this.seps[depth + 1]!;
  }

  /** With an indent, the newline before the closing bracket; then "]" or "}". */
  private close(bracket: number, depth: number): void {
    if (this.indent !== null) this.bytes(this.newline(depth));
    this.ensure(1);
    this.buf[this.o++] = bracket;
  }

  /** A string with nothing to escape joins the rope as it is, between the bytes so far and its
   * closing quote; false for any other. */
  private raw(s: string): boolean {
    if (this.ascii ? ASCII_ESCAPES.test(s) : UNICODE_ESCAPES.test(s) || !wellFormed(s)) return false;
    this.ensure(1);
    this.buf[this.o++] = 34;
    this.text += decodeUtf8(this.buf.subarray(0, this.o)) + s;
    this.buf[0] = 34;
    this.o = 1;
    return true;
  }

  /** A JSON string, escaped as Python's encode_basestring(_ascii) does. */
  string(s: string): void {
    if ((s.length >= RAW_MIN || (s.length >= RAW_MIN_TEXT && !this.ascii && s.charCodeAt(0) >= 0x80)) && this.raw(s)) return;
    this.ensure(6 * s.length + 2); // (at most 6 bytes per UTF-16 unit: \uXXXX)
    const o = !this.ascii
      ? unicodeString(this.buf, this.o, s)
      : s.charCodeAt(0) >= 0x80
        ? escapedTextString(this.buf, this.view, this.o, s)
        : asciiString(this.buf, this.o, s);
    if (o < 0) throw STOP; // a lone surrogate: Python writes it as is, UTF-8 cannot hold it
    this.o = o;
  }
}

/** Whether Object.prototype has enumerable keys (for-in would list them after an object's own). */
function inheritedKeys(): boolean {
  for (const _ in Object.prototype) return true;
  return false;
}

/** The escape of an ASCII character that needs one (\" \\ \n ... or \u00XX) at o; returns the new end. */
function escapeAscii(buf: Uint8Array, o: number, c: number): number {
  const e = ESCAPE[c]!;
  buf[o++] = 92;
  if (e !== 1) {
    buf[o++] = e;
    return o;
  }
  buf[o] = 117;
  buf[o + 1] = 48;
  buf[o + 2] = 48;
  buf[o + 3] = HEX[c >> 4]!;
  buf[o + 4] = HEX[c & 15]!;
  return o + 5;
}

/** encode_basestring_ascii: s quoted at o, every unit >= 0x7f as \uXXXX; returns the new end. */
function asciiString(buf: Uint8Array, o: number, s: string): number {
  const n = s.length;
  buf[o++] = 34;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x7f) {
      if (ESCAPE[c] === 0) buf[o++] = c;
      else o = escapeAscii(buf, o, c);
    } else {
      buf[o] = 92;
      buf[o + 1] = 117;
      buf[o + 2] = HEX[c >> 12]!;
      buf[o + 3] = HEX[(c >> 8) & 15]!;
      buf[o + 4] = HEX[(c >> 4) & 15]!;
      buf[o + 5] = HEX[c & 15]!;
      o += 6;
    }
  }
  buf[o++] = 34;
  return o;
}

/**
 * Per UTF-16 unit, its four lowercase hex digits as the little-endian uint32 of their ASCII codes
 * (256 KB, made on first use): with "\u" as one uint16, an escape is two stores instead of six.
 */
let hexDigits: Uint32Array | undefined;

function makeHexDigits(): Uint32Array {
  const t = new Uint32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = HEX[c >> 12]! | (HEX[(c >> 8) & 15]! << 8) | (HEX[(c >> 4) & 15]! << 16) | (HEX[c & 15]! << 24);
  return t;
}

const BACKSLASH_U = 92 | (117 << 8); // "\u" as a little-endian uint16

/**
 * asciiString for text that is mostly not ASCII (a string that starts with a non-ASCII unit: CJK,
 * Cyrillic), whose escapes are most of the output. The CJK payload's dumps took 19% less time on
 * Node 20, 8% on 22 and 10% on 24 (one process, old and new code alternating, in both orders); used
 * for every string, the table made the mostly-ASCII strings payload up to 8% slower, and one loop
 * for both, branching on the table, 5% slower: hence two loops.
 */
function escapedTextString(buf: Uint8Array, view: DataView, o: number, s: string): number {
  const digits = hexDigits ?? (hexDigits = makeHexDigits());
  const n = s.length;
  buf[o++] = 34;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x7f) {
      if (ESCAPE[c] === 0) buf[o++] = c;
      else o = escapeAscii(buf, o, c);
    } else {
      view.setUint16(o, BACKSLASH_U, true);
      view.setUint32(o + 2, digits[c]!, true);
      o += 6;
    }
  }
  buf[o++] = 34;
  return o;
}

/** encode_basestring: s quoted at o in UTF-8; returns the new end, or -1 at a lone surrogate. */
function unicodeString(buf: Uint8Array, o: number, s: string): number {
  const n = s.length;
  buf[o++] = 34;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x80) {
      if (ESCAPE[c] === 0) buf[o++] = c; // 0x7f included: only ensure_ascii escapes it
      else o = escapeAscii(buf, o, c);
    } else if (c < 0x800) {
      buf[o] = 0xc0 | (c >> 6);
      buf[o + 1] = 0x80 | (c & 63);
      o += 2;
    } else if (c < 0xd800 || c > 0xdfff) {
      buf[o] = 0xe0 | (c >> 12);
      buf[o + 1] = 0x80 | ((c >> 6) & 63);
      buf[o + 2] = 0x80 | (c & 63);
      o += 3;
    } else {
      const d = s.charCodeAt(k + 1);
      if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return -1;
      const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      buf[o] = 0xf0 | (cp >> 18);
      buf[o + 1] = 0x80 | ((cp >> 12) & 63);
      buf[o + 2] = 0x80 | ((cp >> 6) & 63);
      buf[o + 3] = 0x80 | (cp & 63);
      o += 4;
      k++;
    }
  }
  buf[o++] = 34;
  return o;
}

const CHUNK = 1 << 16;
// Past this much output, chunks grow to BIG_CHUNK: a chunk that big is born in the engine's
// large-object space, where the collector does not copy it (a CJK document with ensure_ascii, 8 MB of
// \u escapes: 42-53 ms -> 24-31 ms). Smaller outputs keep the small chunk, which stays in cache.
const BIG_AFTER = 1 << 22;
const BIG_CHUNK = 1 << 21;

/** From this size, an ensure_ascii chunk goes to bigAsciiText where the host gave one. */
const BIG_ASCII = 1 << 20;
let bigAsciiText: ((ascii: Uint8Array) => string) | undefined;

/**
 * How the host makes a string of ASCII bytes outside the engine's heap, for dumps' big chunks. The
 * runtime's Node entry (backends/runtime-node.ts) gives Buffer's latin1 text, which Node makes an
 * external string from 1 MB, outside the collector's heap (a 20 MB ensure_ascii text: 87-91 ms ->
 * 44-45 ms). The core stays free of Node: anywhere else the chunk is decoded as usual.
 */
export function setBigAsciiText(decode: (ascii: Uint8Array) => string): void {
  bigAsciiText = decode;
}

// A string this long with nothing to escape is not copied: it joins the output's rope as it is (a
// regular expression finds what needs escaping faster than the byte loop copies).
const RAW_MIN = 128;
// With ensureAscii off, a shorter string that starts with a non-ASCII unit (CJK, Cyrillic...) joins
// it too: writing it as UTF-8 to decode it again cost more than the rope's extra pieces (unicode
// payload, ensure_ascii=False: 2.3x JSON.stringify down to 1.5x, also with the output flattened).
const RAW_MIN_TEXT = 16;
const ASCII_ESCAPES = /["\\\u0000-\u001f\u007f-\uffff]/;
const UNICODE_ESCAPES = /["\\\u0000-\u001f]/;
const SURROGATE = /[\ud800-\udfff]/;
const isWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;
/** No lone surrogate (which Python writes as is, and UTF-8 cannot hold: the general encoder's). */
function wellFormed(s: string): boolean {
  return isWellFormed !== undefined ? isWellFormed.call(s) : !SURROGATE.test(s);
}

/** The buffer between calls (taken while in use: a getter that calls dumps gets one of its own). */
let spare: Uint8Array | undefined;

function decodeUtf8(b: Uint8Array): string {
  utf8Decoder ??= new TextDecoder("utf-8", { ignoreBOM: true });
  return utf8Decoder.decode(b);
}

/** dumps by the fast path, or undefined when the value needs the general encoder. */
export function fastDumps(v: unknown, p: FastEncodeParams): string | undefined {
  const w = new Writer(p, spare ?? new Uint8Array(CHUNK));
  spare = undefined;
  let text: string | undefined;
  try {
    w.value(v, 0);
    text = w.finish();
  } catch {
    // Stop, or an error the general encoder raises again in CPython's way (with dump's partial output).
  }
  if (w.buf.length === CHUNK) spare = w.buf;
  return text;
}
