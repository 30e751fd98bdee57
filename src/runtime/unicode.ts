// json.loads(bytes): detect_encoding() then bytes.decode(encoding, "surrogatepass"), with CPython's
// UnicodeDecodeError messages. UTF-8 goes through TextDecoder when it is valid; the hand decoder
// below runs only to accept encoded surrogates (surrogatepass) or to report the exact error.

import { PyUnicodeDecodeError } from "./errors.js";

let utf8: InstanceType<typeof TextDecoder> | undefined;

export function decodeBytes(b: Uint8Array): string {
  const n = b.length;
  const at = (i: number): number => b[i] ?? 0;
  if (n >= 4 && ((at(0) === 0 && at(1) === 0 && at(2) === 0xfe && at(3) === 0xff) || (at(0) === 0xff && at(1) === 0xfe && at(2) === 0 && at(3) === 0))) {
    return decodeUtf32(b, 4, at(0) === 0xff, at(0) === 0xff ? "utf-32-le" : "utf-32-be");
  }
  if (n >= 2 && ((at(0) === 0xfe && at(1) === 0xff) || (at(0) === 0xff && at(1) === 0xfe))) {
    return decodeUtf16(b, 2, at(0) === 0xff, at(0) === 0xff ? "utf-16-le" : "utf-16-be");
  }
  if (n >= 3 && at(0) === 0xef && at(1) === 0xbb && at(2) === 0xbf) return decodeUtf8(b.subarray(3));
  if (n >= 4) {
    if (at(0) === 0) return at(1) ? decodeUtf16(b, 0, false, "utf-16-be") : decodeUtf32(b, 0, false, "utf-32-be");
    if (at(1) === 0) return at(2) || at(3) ? decodeUtf16(b, 0, true, "utf-16-le") : decodeUtf32(b, 0, true, "utf-32-le");
  } else if (n === 2) {
    if (at(0) === 0) return decodeUtf16(b, 0, false, "utf-16-be");
    if (at(1) === 0) return decodeUtf16(b, 0, true, "utf-16-le");
  }
  return decodeUtf8(b);
}

function decodeUtf8(b: Uint8Array): string {
  try {
    utf8 ??= new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    return utf8.decode(b);
  } catch {
    return decodeUtf8Slow(b);
  }
}

const isCont = (c: number): boolean => (c & 0xc0) === 0x80;

/** CPython's UTF-8 decoder with the surrogatepass handler. */
function decodeUtf8Slow(b: Uint8Array): string {
  const n = b.length;
  const units: number[] = [];
  let out = "";
  let i = 0;
  const fail = (end: number, reason: string): never => {
    throw new PyUnicodeDecodeError("utf-8", b, i, end, reason);
  };
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      units.push(c);
      i++;
    } else if (c < 0xc2) {
      fail(i + 1, "invalid start byte");
    } else if (c < 0xe0) {
      if (i + 1 >= n) fail(n, "unexpected end of data");
      if (!isCont(b[i + 1]!)) fail(i + 1, "invalid continuation byte");
      units.push(((c & 0x1f) << 6) | (b[i + 1]! & 0x3f));
      i += 2;
    } else if (c < 0xf0) {
      const c2 = b[i + 1] ?? -1;
      const bad2 = i + 1 < n && (!isCont(c2) || (c2 < 0xa0 ? c === 0xe0 : c === 0xed));
      if (i + 2 >= n && !bad2) fail(n, "unexpected end of data");
      if (bad2) {
        // surrogatepass: ED A0..BF 80..BF is an encoded surrogate, taken as is.
        const c3 = b[i + 2] ?? -1;
        if (c === 0xed && isCont(c2) && c2 >= 0xa0 && i + 2 < n && isCont(c3)) {
          units.push(0xd000 | ((c2 & 0x3f) << 6) | (c3 & 0x3f));
          i += 3;
          continue;
        }
        fail(i + 1, "invalid continuation byte");
      }
      if (!isCont(b[i + 2]!)) fail(i + 2, "invalid continuation byte");
      units.push(((c & 0x0f) << 12) | ((c2 & 0x3f) << 6) | (b[i + 2]! & 0x3f));
      i += 3;
    } else if (c < 0xf5) {
      const c2 = b[i + 1] ?? -1;
      if (i + 1 >= n) fail(n, "unexpected end of data");
      if (!isCont(c2) || (c2 < 0x90 ? c === 0xf0 : c === 0xf4)) fail(i + 1, "invalid continuation byte");
      if (i + 2 >= n) fail(n, "unexpected end of data");
      if (!isCont(b[i + 2]!)) fail(i + 2, "invalid continuation byte");
      if (i + 3 >= n) fail(n, "unexpected end of data");
      if (!isCont(b[i + 3]!)) fail(i + 3, "invalid continuation byte");
      const cp = ((c & 0x07) << 18) | ((c2 & 0x3f) << 12) | ((b[i + 2]! & 0x3f) << 6) | (b[i + 3]! & 0x3f);
      units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
      i += 4;
    } else {
      fail(i + 1, "invalid start byte");
    }
    if (units.length >= 8192) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return out + String.fromCharCode(...units);
}

/** UTF-16 with surrogatepass: every code unit is accepted; only an odd trailing byte fails. */
function decodeUtf16(b: Uint8Array, from: number, le: boolean, name: string): string {
  const n = b.length;
  let out = "";
  const units: number[] = [];
  let i = from;
  for (; i + 1 < n; i += 2) {
    units.push(le ? b[i]! | (b[i + 1]! << 8) : (b[i]! << 8) | b[i + 1]!);
    if (units.length >= 8192) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  if (i < n) throw new PyUnicodeDecodeError(name, b, i, n, "truncated data");
  return out + String.fromCharCode(...units);
}

/** UTF-32 with surrogatepass: code points up to 0x10FFFF, surrogates included. */
function decodeUtf32(b: Uint8Array, from: number, le: boolean, name: string): string {
  const n = b.length;
  let out = "";
  const cps: number[] = [];
  let i = from;
  for (; i + 3 < n; i += 4) {
    const cp = le
      ? (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0
      : ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
    if (cp > 0x10ffff) throw new PyUnicodeDecodeError(name, b, i, i + 4, "code point not in range(0x110000)");
    cps.push(cp);
    if (cps.length >= 8192) {
      out += String.fromCodePoint(...cps);
      cps.length = 0;
    }
  }
  if (i < n) throw new PyUnicodeDecodeError(name, b, i, n, "truncated data");
  return out + String.fromCodePoint(...cps);
}
