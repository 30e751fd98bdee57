// bytes.decode / str(b, encoding, errors) and str.encode, for the codecs real code names: utf-8,
// utf-8-sig, ascii, latin-1, utf-16, utf-16-le/-be, utf-32, utf-32-le/-be and cp1252, under any of
// Python's spellings (codec-names.ts), with Python's error handlers. Each codec reports errors over
// the same ranges as CPython 3.11's C codecs (Objects/unicodeobject.c, Objects/stringlib/codecs.h)
// and each handler does what Python/codecs.c does with them, so results and exceptions match.

import { lookupCodec, wrapCodecError } from "./codec-names.js";
import { PyLookupError, PyTypeError, PyUnicodeDecodeError, PyUnicodeEncodeError, PyValueError, notSupported } from "./errors.js";

const HANDLERS = ["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass", "xmlcharrefreplace", "namereplace"];

/** Python's `data.decode(encoding, errors)`, also `str(data, encoding, errors)`. */
export function pyDecode(data: Uint8Array, encoding = "utf-8", errors = "strict"): string {
  checkNul(encoding, errors);
  if (data.length === 0) return ""; // CPython answers b"" before it looks the codec up
  const codec = lookupCodec(encoding, "decode");
  try {
    return decodeWith(codec, data, errors, encoding);
  } catch (e) {
    throw wrapCodecError(e, encoding, "decode");
  }
}

function decodeWith(codec: string, data: Uint8Array, errors: string, encoding: string): string {
  switch (codec) {
    case "utf_8":
      return decodeUtf8(data, errors);
    case "utf_8_sig":
      // encodings/utf_8_sig.py: the BOM is cut off first, so error positions count from after it
      return decodeUtf8(data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data, errors);
    case "ascii":
      return decodeTable(data, errors, "ascii", "ordinal not in range(128)", (b) => (b < 0x80 ? b : -1));
    case "latin_1":
      return decodeTable(data, errors, "latin-1", "", (b) => b);
    case "cp1252":
      return decodeTable(data, errors, "charmap", "character maps to <undefined>", cp1252Char);
    case "utf_16":
    case "utf_16_le":
    case "utf_16_be":
      return decodeUtf16(data, errors, codec === "utf_16" ? 0 : codec === "utf_16_le" ? -1 : 1);
    case "utf_32":
    case "utf_32_le":
    case "utf_32_be":
      return decodeUtf32(data, errors, codec === "utf_32" ? 0 : codec === "utf_32_le" ? -1 : 1);
  }
  throw notSupported(`the codec '${encoding}'`);
}

/** Python's `text.encode(encoding, errors)`. */
export function pyEncode(text: string, encoding = "utf-8", errors = "strict"): Uint8Array {
  checkNul(encoding, errors);
  const codec = lookupCodec(encoding, "encode");
  try {
    return encodeWith(codec, text, errors, encoding);
  } catch (e) {
    throw wrapCodecError(e, encoding, "encode");
  }
}

function encodeWith(codec: string, text: string, errors: string, encoding: string): Uint8Array {
  switch (codec) {
    case "utf_8":
      return encodeUtf8(text, errors, []);
    case "utf_8_sig":
      return encodeUtf8(text, errors, [0xef, 0xbb, 0xbf]);
    case "ascii":
      return encodeLimited(text, errors, "ascii", 0x80);
    case "latin_1":
      return encodeLimited(text, errors, "latin-1", 0x100);
    case "cp1252":
      return encodeCharmap(text, errors);
    case "utf_16":
      return encodeUtf(text, errors, "utf-16", 2, true, true);
    case "utf_16_le":
    case "utf_16_be":
      return encodeUtf(text, errors, codec === "utf_16_le" ? "utf-16-le" : "utf-16-be", 2, codec === "utf_16_le", false);
    case "utf_32":
      return encodeUtf(text, errors, "utf-32", 4, true, true);
    case "utf_32_le":
    case "utf_32_be":
      return encodeUtf(text, errors, codec === "utf_32_le" ? "utf-32-le" : "utf-32-be", 4, codec === "utf_32_le", false);
  }
  throw notSupported(`the codec '${encoding}'`);
}

/** Arguments are C strings to CPython. */
function checkNul(encoding: string, errors: string): void {
  if (encoding.includes("\0") || errors.includes("\0")) throw new PyValueError("embedded null character");
}

/** The error handler, looked up only when an error happens (as CPython does). */
function handler(errors: string): string {
  if (!HANDLERS.includes(errors)) throw new PyLookupError(`unknown error handler name '${errors}'`);
  return errors;
}

/** get_standard_encoding (Python/codecs.c), for surrogatepass: bytes per unit and byte order. */
function standardEncoding(encoding: string): { size: number; le: boolean } | null {
  switch (encoding) {
    case "utf-8":
      return { size: 3, le: false };
    case "utf-16":
    case "utf-16-le":
      return { size: 2, le: true }; // plain "utf-16" is the native (little-endian) order
    case "utf-16-be":
      return { size: 2, le: false };
    case "utf-32":
    case "utf-32-le":
      return { size: 4, le: true };
    case "utf-32-be":
      return { size: 4, le: false };
  }
  return null;
}

const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;
const hex = (c: number, width: number): string => c.toString(16).padStart(width, "0");

// ---- decoding ------------------------------------------------------------------------------------

/** Collects decoded UTF-16 units, in chunks (String.fromCharCode takes a bounded argument list). */
class Text {
  private units: number[] = [];
  private done = "";
  unit(u: number): void {
    this.units.push(u);
    if (this.units.length >= 8192) this.flush();
  }
  codePoint(c: number): void {
    if (c < 0x10000) this.unit(c);
    else this.units.push(0xd800 + ((c - 0x10000) >> 10), 0xdc00 + ((c - 0x10000) & 0x3ff));
  }
  text(s: string): void {
    this.flush();
    this.done += s;
  }
  private flush(): void {
    this.done += String.fromCharCode(...this.units);
    this.units.length = 0;
  }
  toString(): string {
    this.flush();
    return this.done;
  }
}

/**
 * A decoding error over data[start:end): the handler's replacement goes into `out`; returns where
 * decoding resumes. `encoding` is the name CPython puts in the exception.
 */
function decodeError(errors: string, encoding: string, data: Uint8Array, start: number, end: number, reason: string, out: Text): number {
  const error = (): PyUnicodeDecodeError => new PyUnicodeDecodeError(encoding, data, start, end, reason);
  switch (handler(errors)) {
    case "strict":
      throw error();
    case "ignore":
      return end;
    case "replace":
      out.unit(0xfffd);
      return end;
    case "backslashreplace": {
      let s = "";
      for (let i = start; i < end; i++) s += "\\x" + hex(data[i]!, 2);
      out.text(s);
      return end;
    }
    case "surrogateescape": {
      // Up to 4 bytes 0x80-0xff, stopping at an ASCII byte; decoding resumes after the last escaped.
      let i = start;
      while (i - start < 4 && i < end && data[i]! >= 0x80) out.unit(0xdc00 + data[i++]!);
      if (i === start) throw error();
      return i;
    }
    case "surrogatepass": {
      // one encoded surrogate at `start`, whatever the error range was
      const std = standardEncoding(encoding);
      let c = -1;
      if (std !== null && data.length - start >= std.size) {
        const p = (k: number): number => data[start + k]!;
        if (std.size === 3) {
          if ((p(0) & 0xf0) === 0xe0 && (p(1) & 0xc0) === 0x80 && (p(2) & 0xc0) === 0x80) c = ((p(0) & 0x0f) << 12) | ((p(1) & 0x3f) << 6) | (p(2) & 0x3f);
        } else if (std.size === 2) {
          c = std.le ? (p(1) << 8) | p(0) : (p(0) << 8) | p(1);
        } else {
          c = (std.le ? (p(3) << 24) | (p(2) << 16) | (p(1) << 8) | p(0) : (p(0) << 24) | (p(1) << 16) | (p(2) << 8) | p(3)) >>> 0;
        }
      }
      if (std === null || !isSurrogate(c)) throw error();
      out.unit(c);
      return start + std.size;
    }
  }
  // xmlcharrefreplace and namereplace only know how to encode
  throw new PyTypeError("don't know how to handle UnicodeDecodeError in error callback");
}

let fatalUtf8: InstanceType<typeof TextDecoder> | undefined;

const isCont = (c: number | undefined): boolean => c !== undefined && (c & 0xc0) === 0x80;

/** The UTF-8 decoder (stringlib/codecs.h utf8_decode): CPython's error ranges for every malformed sequence. */
function decodeUtf8(b: Uint8Array, errors: string): string {
  try {
    fatalUtf8 ??= new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    return fatalUtf8.decode(b);
  } catch {
    // malformed: decode by hand to find each error and hand it to the error handler
  }
  const n = b.length;
  const out = new Text();
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    const c2 = b[i + 1];
    const c3 = b[i + 2];
    let len = 0; // bytes of a valid sequence; 0 when `end` and `reason` say what is wrong
    let end = i + 1;
    let reason = "invalid continuation byte";
    if (c < 0x80) {
      len = 1;
    } else if (c < 0xc2 || c > 0xf4) {
      reason = "invalid start byte";
    } else if (c < 0xe0) {
      if (i + 1 >= n) [end, reason] = [n, "unexpected end of data"];
      else if (isCont(c2)) len = 2;
    } else if (c < 0xf0) {
      // E0 needs A0-BF next (no overlongs), ED needs 80-9F (no surrogates)
      if (i + 1 >= n) [end, reason] = [n, "unexpected end of data"];
      else if (!isCont(c2) || (c2! < 0xa0 ? c === 0xe0 : c === 0xed)) end = i + 1;
      else if (i + 2 >= n) [end, reason] = [n, "unexpected end of data"];
      else if (!isCont(c3)) end = i + 2;
      else len = 3;
    } else {
      // F0 needs 90-BF next (no overlongs), F4 needs 80-8F (nothing past U+10FFFF)
      if (i + 1 >= n) [end, reason] = [n, "unexpected end of data"];
      else if (!isCont(c2) || (c2! < 0x90 ? c === 0xf0 : c === 0xf4)) end = i + 1;
      else if (i + 2 >= n) [end, reason] = [n, "unexpected end of data"];
      else if (!isCont(c3)) end = i + 2;
      else if (i + 3 >= n) [end, reason] = [n, "unexpected end of data"];
      else if (!isCont(b[i + 3])) end = i + 3;
      else len = 4;
    }
    if (len === 0) {
      i = decodeError(errors, "utf-8", b, i, end, reason, out);
      continue;
    }
    if (len === 1) out.unit(c);
    else if (len === 2) out.unit(((c & 0x1f) << 6) | (c2! & 0x3f));
    else if (len === 3) out.unit(((c & 0x0f) << 12) | ((c2! & 0x3f) << 6) | (c3! & 0x3f));
    else out.codePoint(((c & 0x07) << 18) | ((c2! & 0x3f) << 12) | ((c3! & 0x3f) << 6) | (b[i + 3]! & 0x3f));
    i += len;
  }
  return out.toString();
}

/** Single-byte codecs: `map` gives a byte's code point, or -1 where the byte is undefined. */
function decodeTable(b: Uint8Array, errors: string, encoding: string, reason: string, map: (byte: number) => number): string {
  const out = new Text();
  for (let i = 0; i < b.length; ) {
    const c = map(b[i]!);
    if (c < 0) {
      i = decodeError(errors, encoding, b, i, i + 1, reason, out);
    } else {
      out.unit(c);
      i++;
    }
  }
  return out.toString();
}

// cp1252 (Lib/encodings/cp1252.py) differs from latin-1 only in 0x80-0x9F; \ufffe marks the undefined.
const CP1252 =
  "\u20ac\ufffe\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffe\u017d\ufffe" +
  "\ufffe\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffe\u017e\u0178";

function cp1252Char(b: number): number {
  if (b < 0x80 || b >= 0xa0) return b;
  const c = CP1252.charCodeAt(b - 0x80);
  return c === 0xfffe ? -1 : c;
}

/**
 * PyUnicode_DecodeUTF16Stateful. `bo`: 0 reads a BOM (FF FE or FE FF) and defaults to little-endian,
 * -1 is little-endian, 1 big-endian. Positions count from the start of the data, BOM included.
 */
function decodeUtf16(b: Uint8Array, errors: string, bo: number): string {
  const n = b.length;
  let q = 0;
  if (bo === 0 && n >= 2) {
    const bom = b[0]! | (b[1]! << 8);
    if (bom === 0xfeff) [q, bo] = [2, -1];
    else if (bom === 0xfffe) [q, bo] = [2, 1];
  }
  const le = bo <= 0;
  const encoding = le ? "utf-16-le" : "utf-16-be";
  const unit = (at: number): number => (le ? b[at]! | (b[at + 1]! << 8) : (b[at]! << 8) | b[at + 1]!);
  const out = new Text();
  while (q < n) {
    if (n - q < 2) {
      q = decodeError(errors, encoding, b, q, n, "truncated data", out);
      continue;
    }
    const c = unit(q);
    if (!isSurrogate(c)) {
      out.unit(c);
      q += 2;
    } else if (c >= 0xdc00) {
      q = decodeError(errors, encoding, b, q, q + 2, "illegal encoding", out);
    } else if (n - q < 4) {
      q = decodeError(errors, encoding, b, q, n, "unexpected end of data", out);
    } else {
      const d = unit(q + 2);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.unit(c);
        out.unit(d);
        q += 4;
      } else {
        // only the high surrogate is in error; the unit after it is decoded again
        q = decodeError(errors, encoding, b, q, q + 2, "illegal UTF-16 surrogate", out);
      }
    }
  }
  return out.toString();
}

/** PyUnicode_DecodeUTF32Stateful; `bo` as for decodeUtf16 (BOM FF FE 00 00 or 00 00 FE FF). */
function decodeUtf32(b: Uint8Array, errors: string, bo: number): string {
  const n = b.length;
  let q = 0;
  if (bo === 0 && n >= 4) {
    const bom = (b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0;
    if (bom === 0xfeff) [q, bo] = [4, -1];
    else if (bom === 0xfffe0000) [q, bo] = [4, 1];
  }
  const le = bo <= 0;
  const encoding = le ? "utf-32-le" : "utf-32-be";
  const out = new Text();
  while (q < n) {
    if (n - q < 4) {
      q = decodeError(errors, encoding, b, q, n, "truncated data", out);
      continue;
    }
    const c = le
      ? (b[q]! | (b[q + 1]! << 8) | (b[q + 2]! << 16) | (b[q + 3]! << 24)) >>> 0
      : ((b[q]! << 24) | (b[q + 1]! << 16) | (b[q + 2]! << 8) | b[q + 3]!) >>> 0;
    if (isSurrogate(c)) {
      q = decodeError(errors, encoding, b, q, q + 4, "code point in surrogate code point range(0xd800, 0xe000)", out);
    } else if (c > 0x10ffff) {
      q = decodeError(errors, encoding, b, q, q + 4, "code point not in range(0x110000)", out);
    } else {
      out.codePoint(c);
      q += 4;
    }
  }
  return out.toString();
}

// ---- encoding ------------------------------------------------------------------------------------

/**
 * The generic encode error handlers (Python/codecs.c) for the code points cps[start:end]: a str
 * (which the codec must then encode) or bytes (which it copies).
 */
function encodeError(errors: string, encoding: string, cps: string[], start: number, end: number, reason: string): string | number[] {
  const error = (): PyUnicodeEncodeError => new PyUnicodeEncodeError(encoding, cps.join(""), start, end, reason);
  const codes = cps.slice(start, end).map((ch) => ch.codePointAt(0)!);
  switch (handler(errors)) {
    case "strict":
      throw error();
    case "ignore":
      return "";
    case "replace":
      return "?".repeat(end - start);
    case "backslashreplace":
      return codes.map(backslash).join("");
    case "xmlcharrefreplace":
      return codes.map((c) => `&#${c};`).join("");
    case "namereplace":
      // \N{NAME} needs Unicode's name table; surrogates have no name and get a backslash escape
      if (codes.every(isSurrogate)) return codes.map(backslash).join("");
      throw notSupported("the namereplace error handler (Unicode character names)");
    case "surrogateescape":
      if (!codes.every((c) => c >= 0xdc80 && c <= 0xdcff)) throw error();
      return codes.map((c) => c - 0xdc00);
    case "surrogatepass": {
      const std = standardEncoding(encoding);
      if (std === null || !codes.every(isSurrogate)) throw error();
      return codes.flatMap((c) => unitBytes(c, std.size, std.le));
    }
  }
  throw new Error("unreachable");
}

function backslash(c: number): string {
  return c < 0x100 ? "\\x" + hex(c, 2) : c < 0x10000 ? "\\u" + hex(c, 4) : "\\U" + hex(c, 8);
}

/** A code point as UTF-8 (size 3 is the surrogatepass spelling of a surrogate), UTF-16 unit or UTF-32. */
function unitBytes(c: number, size: number, le: boolean): number[] {
  if (size === 3) return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
  const out: number[] = [];
  for (let k = 0; k < size; k++) out.push((c >>> (8 * k)) & 0xff);
  return le ? out : out.reverse();
}

function utf8Bytes(c: number, out: number[]): void {
  if (c < 0x80) out.push(c);
  else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
  else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
}

const LONE_SURROGATE = /\p{Cs}/u;
let utf8Encoder: InstanceType<typeof TextEncoder> | undefined;

/**
 * The UTF-8 encoder: only surrogates fail, a run of them at a time. surrogateescape encodes the
 * leading run of U+DC80..U+DCFF itself and hands the rest of the run on (unicode_encode_utf8).
 */
function encodeUtf8(text: string, errors: string, bom: number[]): Uint8Array {
  if (!LONE_SURROGATE.test(text)) {
    utf8Encoder ??= new TextEncoder();
    const body = utf8Encoder.encode(text);
    if (bom.length === 0) return body;
    const out = new Uint8Array(body.length + 3);
    out.set(bom);
    out.set(body, 3);
    return out;
  }
  const cps = Array.from(text);
  const out = [...bom];
  for (let i = 0; i < cps.length; ) {
    const c = cps[i]!.codePointAt(0)!;
    if (!isSurrogate(c)) {
      utf8Bytes(c, out);
      i++;
      continue;
    }
    let start = i;
    let end = i + 1;
    while (end < cps.length && isSurrogate(cps[end]!.codePointAt(0)!)) end++;
    if (handler(errors) === "surrogateescape") {
      while (start < end && isEscaped(cps[start]!)) out.push(cps[start++]!.codePointAt(0)! - 0xdc00);
    }
    if (start < end) {
      const rep = encodeError(errors, "utf-8", cps, start, end, "surrogates not allowed");
      if (typeof rep === "string") for (const ch of rep) out.push(ch.codePointAt(0)!); // always ASCII
      else out.push(...rep);
    }
    i = end;
  }
  return Uint8Array.from(out);
}

const isEscaped = (ch: string): boolean => {
  const c = ch.codePointAt(0)!;
  return c >= 0xdc80 && c <= 0xdcff;
};

/** ascii and latin-1 (unicode_encode_ucs1): a run of code points >= limit fails at once. */
function encodeLimited(text: string, errors: string, encoding: string, limit: number): Uint8Array {
  const reason = `ordinal not in range(${limit})`;
  const cps = Array.from(text);
  const out: number[] = [];
  for (let i = 0; i < cps.length; ) {
    const c = cps[i]!.codePointAt(0)!;
    if (c < limit) {
      out.push(c);
      i++;
      continue;
    }
    let start = i;
    let end = i + 1;
    while (end < cps.length && cps[end]!.codePointAt(0)! >= limit) end++;
    if (handler(errors) === "surrogateescape") {
      while (start < end && isEscaped(cps[start]!)) out.push(cps[start++]!.codePointAt(0)! - 0xdc00);
    }
    if (start < end) {
      const rep = encodeError(errors, encoding, cps, start, end, reason);
      if (typeof rep === "string") {
        for (const ch of rep) {
          const r = ch.codePointAt(0)!;
          if (r >= limit) throw new PyUnicodeEncodeError(encoding, text, start, end, reason);
          out.push(r);
        }
      } else {
        out.push(...rep);
      }
    }
    i = end;
  }
  return Uint8Array.from(out);
}

let cp1252Encode: Map<number, number> | undefined;

/** cp1252 through the charmap codec (charmap_encoding_error): runs of unmappable code points. */
function encodeCharmap(text: string, errors: string): Uint8Array {
  if (cp1252Encode === undefined) {
    cp1252Encode = new Map();
    for (let b = 0; b < 256; b++) {
      const c = cp1252Char(b);
      if (c >= 0) cp1252Encode.set(c, b);
    }
  }
  const table = cp1252Encode;
  const reason = "character maps to <undefined>";
  const cps = Array.from(text);
  const out: number[] = [];
  for (let i = 0; i < cps.length; ) {
    const byte = table.get(cps[i]!.codePointAt(0)!);
    if (byte !== undefined) {
      out.push(byte);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < cps.length && !table.has(cps[end]!.codePointAt(0)!)) end++;
    const rep = encodeError(errors, "charmap", cps, i, end, reason);
    if (typeof rep === "string") {
      for (const ch of rep) {
        const r = table.get(ch.codePointAt(0)!);
        if (r === undefined) throw new PyUnicodeEncodeError("charmap", text, i, end, reason);
        out.push(r);
      }
    } else {
      out.push(...rep);
    }
    i = end;
  }
  return Uint8Array.from(out);
}

/**
 * UTF-16 and UTF-32 (_PyUnicode_EncodeUTF16/32): each surrogate fails on its own; the handler's
 * bytes must fill whole units and its str must be ASCII. The plain codecs write a BOM in
 * little-endian order (CPython's native order on the machines it runs on).
 */
function encodeUtf(text: string, errors: string, encoding: string, size: number, le: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? unitBytes(0xfeff, size, le) : [];
  const cps = Array.from(text);
  const reason = "surrogates not allowed";
  const put = (c: number): void => {
    if (size === 4 || c < 0x10000) out.push(...unitBytes(c, size, le));
    else out.push(...unitBytes(0xd800 + ((c - 0x10000) >> 10), 2, le), ...unitBytes(0xdc00 + ((c - 0x10000) & 0x3ff), 2, le));
  };
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!.codePointAt(0)!;
    if (!isSurrogate(c)) {
      put(c);
      continue;
    }
    const rep = encodeError(errors, encoding, cps, i, i + 1, reason);
    if (typeof rep === "string") {
      for (const ch of rep) {
        const r = ch.codePointAt(0)!;
        if (r >= 0x80) throw new PyUnicodeEncodeError(encoding, text, i, i + 1, reason);
        put(r);
      }
    } else {
      if (rep.length % size !== 0) throw new PyUnicodeEncodeError(encoding, text, i, i + 1, reason);
      out.push(...rep);
    }
  }
  return Uint8Array.from(out);
}
