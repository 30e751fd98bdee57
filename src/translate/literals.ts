// Python literals as JavaScript source text: numbers (ints past 2**53 become bigints), strings
// with every escape decoded, bytes. Pure text functions; expr.ts decides where they go.
import type { TypeScriptApi } from "./types.js";

/** A Python int literal's value (`0x1F`, `0o17`, `0b1`, `1_000`), or null for a complex (`1j`). */
export function pythonInt(text: string): bigint | null {
  if (/[jJ]$/.test(text)) return null;
  const t = text.replace(/_/g, "");
  // Python 2 style "0777" is a syntax error in Python 3; "00" is zero.
  if (/^0+$/.test(t)) return 0n;
  try {
    return BigInt(t.replace(/^0([oObBxX])/, (_, p: string) => "0" + p.toLowerCase()));
  } catch {
    return null; // not a Python 3 int (Python 2's `1L`, which the grammar still reads as one)
  }
}

/** A Python float literal's value (`1.`, `.5`, `1e5`, `1_0.5`), or null for a complex (`1.5j`). */
export function pythonFloat(text: string): number | null {
  if (/[jJ]$/.test(text)) return null;
  return Number(text.replace(/_/g, ""));
}

/** JavaScript source for a number that is not negative zero: `1.5`, `1e-7`, `Infinity`. */
export function jsNumber(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "-Infinity";
  if (Object.is(v, -0)) return "-0";
  return String(v);
}

/** JavaScript source for an int: a number when it is safe, else a bigint literal. */
export function jsInt(v: bigint): string {
  const n = Number(v);
  return Number.isSafeInteger(n) ? String(v) : `${v}n`;
}

// Characters a reader should see escaped: controls, format characters, separators other than
// space, private use, unassigned and lone surrogates.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function escapeChar(ch: string, quote: string): string {
  switch (ch) {
    case "\\":
      return "\\\\";
    case "\n":
      return "\\n";
    case "\r":
      return "\\r";
    case "\t":
      return "\\t";
    case "\b":
      return "\\b";
    case "\f":
      return "\\f";
    case "\v":
      return "\\v";
    case quote:
      return "\\" + quote;
  }
  const c = ch.codePointAt(0) as number;
  if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) return "\\u" + c.toString(16).padStart(4, "0");
  if (ch !== " " && INVISIBLE.test(ch)) {
    if (c < 0x100) return "\\x" + c.toString(16).padStart(2, "0");
    return c < 0x10000 ? "\\u" + c.toString(16).padStart(4, "0") : `\\u{${c.toString(16)}}`;
  }
  return ch;
}

/** A double-quoted JavaScript string literal for any string (lone surrogates included). */
export function jsString(s: string): string {
  let out = '"';
  // for..of walks code points; a lone surrogate comes out alone.
  for (const ch of s) out += escapeChar(ch, '"');
  return out + '"';
}

/** The text of a template literal's literal part (backticks and `${` escaped). */
export function templatePart(s: string): string {
  let out = "";
  for (const ch of s) out += escapeChar(ch, "`");
  return out.replace(/\$\{/g, "\\${");
}

/** Bytes (a string whose code units are all < 256) as a Buffer, which is a Uint8Array. */
export function jsBytes(s: string): string {
  return `Buffer.from(${jsString(s)}, "latin1")`;
}

// Words JavaScript reserves (or that mean something else there) that are valid Python names.
const RESERVED = new Set([
  "arguments", "await", "case", "catch", "const", "debugger", "default", "delete", "do", "enum", "eval", "export",
  "extends", "function", "implements", "instanceof", "interface", "let", "new", "package", "private", "protected",
  "public", "static", "super", "switch", "this", "throw", "typeof", "var", "void", "undefined", "NaN", "Infinity",
  "null", "true", "false", "yield",
]);

/** A Python name usable as a JavaScript identifier? (`default` is not; `ñame` is.) */
export function isReservedInJs(name: string): boolean {
  return RESERVED.has(name);
}

const JS_IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

/**
 * A Python name as a JavaScript identifier: itself, `name_` for a reserved word, and characters
 * that JavaScript (Node's Unicode tables) or TypeScript do not take in a name spelled `_u13460_`.
 */
export function jsIdentifier(name: string, ts: TypeScriptApi): string {
  if (isReservedInJs(name)) return `${name}_`;
  const ok = (c: string, first: boolean) => {
    const cp = c.codePointAt(0) as number;
    return JS_IDENTIFIER.test(first ? c : `a${c}`) && (first ? ts.isIdentifierStart(cp, ts.ScriptTarget.ESNext) : ts.isIdentifierPart(cp, ts.ScriptTarget.ESNext));
  };
  const chars = [...name];
  if (chars.every((c, i) => ok(c, i === 0))) return name;
  return chars.map((c, i) => (ok(c, i === 0) ? c : `_u${(c.codePointAt(0) as number).toString(16)}_`)).join("");
}

/** `snake_case` → `camelCase` for option names. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
