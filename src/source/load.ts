// Bytes → text the way Python reads source: a UTF-8 BOM, a PEP 263 coding cookie on line 1
// or 2, UTF-8 otherwise. Binary files (NUL bytes) and undecodable ones are reported, not guessed.
import { isUtf8 } from "node:buffer";
import { normalizeEncoding } from "../python/encodings.js";

export interface SourceEncoding {
  /** Python's name for it, normalized: "utf-8", "latin-1", "cp1252"... */
  name: string;
  bom: boolean;
}

export type Decoded = { ok: true; text: string; encoding: SourceEncoding } | { ok: false; reason: string };

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** The encoding a PEP 263 cookie declares, if any (from the raw bytes, read as latin-1). */
export function codingCookie(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, Math.min(bytes.length, 2048)));
  const lines = head.split(/\r\n|\r|\n/, 2);
  const first = lines[0] ?? "";
  const m1 = COOKIE.exec(first);
  if (m1) return m1[1] as string;
  // Line 2 counts only when line 1 is blank or a comment.
  if (/^[ \t\f]*(#.*)?$/.test(first)) {
    const m2 = COOKIE.exec(lines[1] ?? "");
    if (m2) return m2[1] as string;
  }
  return null;
}


/** Each byte as the code point of the same value (Node's "latin1" is ISO-8859-1, not cp1252). */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

/**
 * Whether the bytes surely decode as decodeSource decodes them (no NUL; valid UTF-8, or a
 * latin-1 cookie) into a text without `word` (ASCII) in it; then they need not be decoded.
 * In UTF-8 and latin-1 an ASCII character is its own byte and no other character has that byte.
 */
export function decodesWithout(bytes: Uint8Array, word: string): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.includes(word) || buffer.includes(0)) return false;
  const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  const body = bom ? buffer.subarray(3) : buffer;
  const cookie = codingCookie(body);
  const name = cookie ? normalizeEncoding(cookie) : "utf-8";
  if (name === "utf-8") return isUtf8(body);
  return name === "latin-1" && !bom;
}

export function decodeSource(bytes: Uint8Array): Decoded {
  if (bytes.includes(0)) return { ok: false, reason: "binary file (contains NUL bytes)" };
  let body = bytes;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) body = bytes.subarray(3);
  const cookie = codingCookie(body);
  const name = cookie ? normalizeEncoding(cookie) : "utf-8";
  if (bom && name !== "utf-8") return { ok: false, reason: `a UTF-8 BOM and a coding cookie for ${cookie} disagree` };
  const encoding = { name, bom };
  if (name === "latin-1") return { ok: true, text: latin1(body), encoding };
  if (name === "ascii") {
    const bad = body.findIndex((b) => b > 0x7f);
    if (bad >= 0) return { ok: false, reason: `not valid ASCII: byte 0x${(body[bad] as number).toString(16)} at offset ${bad + (bom ? 3 : 0)}` };
    return { ok: true, text: latin1(body), encoding };
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(name, { fatal: true, ignoreBOM: true });
  } catch {
    return { ok: false, reason: `unknown encoding \`${cookie}\` in the coding cookie` };
  }
  try {
    return { ok: true, text: decoder.decode(body), encoding };
  } catch {
    return { ok: false, reason: `not valid ${name === "utf-8" ? "UTF-8" : name}${name === "utf-8" ? `: ${firstInvalidUtf8(body, bom ? 3 : 0)}` : ""}; declare the file's encoding with a coding cookie (PEP 263)` };
  }
}

/** Where UTF-8 decoding fails, for the message: the first byte of the first invalid sequence (as CPython names it). */
function firstInvalidUtf8(bytes: Uint8Array, offset: number): string {
  let i = 0;
  for (; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    // The well-formed sequences of the Unicode standard (table 3-7): the lead byte bounds the second.
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) [need, lo, hi] = [2, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf];
    else if (b >= 0xf0 && b <= 0xf4) [need, lo, hi] = [3, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf];
    else break;
    let ok = true;
    for (let k = 1; k <= need && ok; k++) {
      const c = bytes[i + k];
      ok = c !== undefined && c >= (k === 1 ? lo : 0x80) && c <= (k === 1 ? hi : 0xbf);
    }
    if (!ok) break;
    i += need + 1;
  }
  return `byte 0x${(bytes[i] ?? 0).toString(16).padStart(2, "0")} at offset ${i + offset}`;
}

/** Text → bytes in the file's own encoding, for writing fixes back. Throws if a character does not fit. */
export function encodeSource(text: string, encoding: SourceEncoding): Uint8Array {
  const prefix = encoding.bom ? [0xef, 0xbb, 0xbf] : [];
  if (encoding.name === "utf-8") {
    const body = new TextEncoder().encode(text);
    const out = new Uint8Array(prefix.length + body.length);
    out.set(prefix);
    out.set(body, prefix.length);
    return out;
  }
  if (encoding.name === "latin-1" || encoding.name === "ascii") {
    const max = encoding.name === "ascii" ? 0x7f : 0xff;
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > max) throw new Error(`character U+${c.toString(16).padStart(4, "0")} cannot be written in ${encoding.name}`);
      out[i] = c;
    }
    return out;
  }
  throw new Error(`dumpling cannot write files in ${encoding.name}`);
}
