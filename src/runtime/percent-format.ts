// Python's `template % args` for str (printf-style formatting), after PyUnicode_Format in CPython
// 3.11's Objects/unicodeobject.c: the same parse (flags, width, precision, `*`, `%(key)`), the same
// rules for what the operand supplies, the same output and the same exceptions. Indices in error
// messages and widths count code points.

import { pyAscii } from "./ascii.js";
import { PyOverflowError, PyTypeError, PyValueError } from "./errors.js";
import { getItem } from "./field-access.js";
import { doubleToString } from "./float-format.js";
import { codePoints, cpLength, cpSlice } from "./text.js";
import { PyFloat, intRepr, isDict, isTuple, pyRepr, pyStr, typeName } from "./values.js";

const INT_MAX = 2 ** 31 - 1;
const SSIZE_MAX = 2n ** 63n - 1n;

interface Arg {
  ljust: boolean;
  sign: boolean; // "+"
  blank: boolean; // " "
  alt: boolean; // "#"
  zero: boolean; // "0"
  width: number;
  prec: number;
  ch: string;
}

/**
 * Python's `template % args` for a str template. A tuple (`tuple(...)`) supplies the arguments; any
 * other value is the one argument; a dict (plain object or Map) also serves `%(name)s` keys, as do a
 * list and bytes, which Python takes for mappings too.
 */
export function pyFormat(template: string, args: unknown): string {
  const fmt = codePoints(template);
  const n = fmt.length;
  // ctx->args, ctx->arglen and ctx->argidx: a tuple's items one by one, else the value itself once.
  let current: unknown = args;
  let arglen = isTuple(args) ? args.length : -1;
  let argidx = isTuple(args) ? 0 : -2;
  const dict = isMapping(args) ? args : null;

  const nextArg = (): unknown => {
    if (argidx < arglen) {
      const i = argidx++;
      return arglen < 0 ? current : (current as readonly unknown[])[i];
    }
    throw new PyTypeError("not enough arguments for format string");
  };

  let out = "";
  let pos = 0;
  while (pos < n) {
    if (fmt[pos] !== "%") {
      const start = pos;
      while (pos < n && fmt[pos] !== "%") pos++;
      out += fmt.slice(start, pos).join("");
      continue;
    }
    pos++;
    if (fmt[pos] === "%") {
      pos++;
      out += "%";
      continue;
    }
    // unicode_format_arg_parse. `cnt` is CPython's fmtcnt: the code points left from `pos` on; the
    // conversion character is read one past the flags, width and precision (or left stale when the
    // template ends, which then reports "incomplete format").
    let cnt = n - pos;
    const arg: Arg = { ljust: false, sign: false, blank: false, alt: false, zero: false, width: -1, prec: -1, ch: fmt[pos] ?? "" };
    const read = (): boolean => {
      if (--cnt < 0) return false;
      arg.ch = fmt[pos++]!;
      return true;
    };
    // (read() changes arg.ch: a function keeps TypeScript from narrowing it across calls)
    const at = (c: string): boolean => arg.ch === c;
    if (at("(")) {
      if (dict === null) throw new PyTypeError("format requires a mapping");
      pos++;
      cnt--;
      const keyStart = pos;
      let depth = 1;
      while (depth > 0 && read()) {
        if (at(")")) depth--;
        else if (at("(")) depth++;
      }
      if (cnt < 0 || depth > 0) throw new PyValueError("incomplete format key");
      current = getItem(dict, fmt.slice(keyStart, pos - 1).join(""));
      arglen = -1;
      argidx = -2;
    }
    while (read()) {
      if (arg.ch === "-") arg.ljust = true;
      else if (arg.ch === "+") arg.sign = true;
      else if (arg.ch === " ") arg.blank = true;
      else if (arg.ch === "#") arg.alt = true;
      else if (arg.ch === "0") arg.zero = true;
      else break;
    }
    if (at("*")) {
      const v = starArg(nextArg(), SSIZE_MAX, "Python int too large to convert to C ssize_t");
      arg.width = Math.abs(v);
      if (v < 0) arg.ljust = true;
      read();
    } else if (isDigit(arg.ch)) {
      let w = BigInt(arg.ch);
      while (read() && isDigit(arg.ch)) {
        w = w * 10n + BigInt(arg.ch);
        if (w > SSIZE_MAX) throw new PyValueError("width too big");
      }
      arg.width = Number(w);
    }
    if (at(".")) {
      arg.prec = 0;
      read();
      if (at("*")) {
        arg.prec = Math.max(0, starArg(nextArg(), BigInt(INT_MAX), "Python int too large to convert to C int"));
        read();
      } else if (isDigit(arg.ch)) {
        let p = Number(arg.ch);
        while (read() && isDigit(arg.ch)) {
          p = p * 10 + Number(arg.ch);
          if (p > INT_MAX) throw new PyValueError("precision too big");
        }
        arg.prec = p;
      }
    }
    if (cnt >= 0 && (at("h") || at("l") || at("L"))) read();
    if (cnt < 0) throw new PyValueError("incomplete format");

    // unicode_format_arg_format, then unicode_format_arg_output
    const v = nextArg();
    const [text, numeric] = convert(v, arg, pos - 1);
    out += output(text, numeric, arg);
  }
  if (argidx < arglen && dict === null) throw new PyTypeError("not all arguments converted during string formatting");
  return out;
}

/** PyMapping_Check(args) && !tuple && !str: what `%(key)s` may read from. */
function isMapping(v: unknown): boolean {
  return isDict(v) || (Array.isArray(v) && !isTuple(v)) || v instanceof Uint8Array;
}

const isDigit = (c: string): boolean => c >= "0" && c <= "9" && c.length === 1;

/** A `*` width or precision: an int (bool included) within the C type's range. */
function starArg(v: unknown, max: bigint, overflow: string): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (!(typeof v === "bigint" || (typeof v === "number" && Number.isSafeInteger(v)))) throw new PyTypeError("* wants int");
  if (BigInt(v) > max || BigInt(v) < -max - 1n) throw new PyOverflowError(overflow);
  return Number(v);
}

/** The argument as text, and whether it is a number (whose sign the output may move or add). */
function convert(v: unknown, arg: Arg, index: number): [string, boolean] {
  switch (arg.ch) {
    case "s":
      return [pyStr(v), false];
    case "r":
      return [pyRepr(v), false];
    case "a":
      return [pyAscii(v), false];
    case "i":
    case "d":
    case "u":
    case "o":
    case "x":
    case "X":
      return [formatLong(v, arg), true];
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G":
      return [doubleToString(toDouble(v), arg.ch, arg.prec < 0 ? 6 : arg.prec, { alt: arg.alt }), true];
    case "c":
      return [formatChar(v), false];
  }
  const c = arg.ch.codePointAt(0) ?? 0;
  const shown = c >= 31 && c <= 126 ? arg.ch : "?";
  throw new PyValueError(`unsupported format character '${shown}' (0x${c.toString(16)}) at index ${index}`);
}

/** mainformatlong + _PyUnicode_FormatLong: "-"? ("0x" | "0X" | "0o")? digits, zero-filled to prec. */
function formatLong(v: unknown, arg: Arg): string {
  const t = arg.ch;
  let n: bigint;
  if (typeof v === "boolean") n = v ? 1n : 0n;
  else if (typeof v === "bigint" || (typeof v === "number" && Number.isSafeInteger(v))) n = BigInt(v);
  else if (typeof v === "number" || v instanceof PyFloat) {
    // int(x) for d, i and u; o, x and X need an integer (float has no __index__).
    if (t === "o" || t === "x" || t === "X") throw new PyTypeError(`%${t} format: an integer is required, not float`);
    const x = +v;
    if (x !== x) throw new PyValueError("cannot convert float NaN to integer");
    if (!Number.isFinite(x)) throw new PyOverflowError("cannot convert float infinity to integer");
    n = BigInt(Math.trunc(x));
  } else {
    const what = t === "o" || t === "x" || t === "X" ? "an integer" : "a real number";
    throw new PyTypeError(`%${t} format: ${what} is required, not ${typeName(v)}`);
  }
  if (arg.prec > INT_MAX - 3) throw new PyOverflowError("precision too large");
  const negative = n < 0n;
  const abs = negative ? -n : n;
  let digits = t === "o" ? abs.toString(8) : t === "x" || t === "X" ? abs.toString(16) : intRepr(abs);
  if (arg.prec > digits.length) digits = "0".repeat(arg.prec - digits.length) + digits;
  const prefix = arg.alt && t !== "d" && t !== "i" && t !== "u" ? (t === "o" ? "0o" : "0x") : "";
  const s = (negative ? "-" : "") + prefix + digits;
  return t === "X" ? s.toUpperCase() : s;
}

/** PyFloat_AsDouble: floats, ints and bools. */
function toDouble(v: unknown): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof PyFloat) return v.value;
  if (typeof v === "number") return v + 0; // -0 is the int 0 (docs/runtime.md), whose float is 0.0
  if (typeof v === "bigint") {
    const x = Number(v);
    if (!Number.isFinite(x)) throw new PyOverflowError("int too large to convert to float");
    return x;
  }
  throw new PyTypeError(`must be real number, not ${typeName(v)}`);
}

/** formatchar: a str of one code point, or an int in range(0x110000). */
function formatChar(v: unknown): string {
  if (typeof v === "string") {
    if (cpLength(v) === 1) return v;
  } else if (typeof v === "boolean" || typeof v === "bigint" || (typeof v === "number" && Number.isSafeInteger(v))) {
    const c = Number(v);
    if (c < 0 || c > 0x10ffff) throw new PyOverflowError("%c arg not in range(0x110000)");
    return String.fromCodePoint(c);
  }
  throw new PyTypeError("%c requires int or char");
}

/** unicode_format_arg_output: precision (s, r, a), sign, "0x" prefix, padding to the width. */
function output(str: string, numeric: boolean, arg: Arg): string {
  let len = cpLength(str);
  let width = arg.width;
  if ((width === -1 || width <= len) && (arg.prec === -1 || arg.prec >= len) && !arg.sign && !arg.blank) return str;
  if ((arg.ch === "s" || arg.ch === "r" || arg.ch === "a") && arg.prec >= 0 && len > arg.prec) {
    str = cpSlice(str, arg.prec);
    len = arg.prec;
  }
  const fill = numeric && arg.zero ? "0" : " ";
  let hasSign = numeric;
  let signChar = "";
  let body = str; // numbers are ASCII, so from here on UTF-16 indices are code points
  if (hasSign) {
    if (str[0] === "-" || str[0] === "+") {
      signChar = str[0];
      body = str.slice(1);
      len--;
    } else if (arg.sign) signChar = "+";
    else if (arg.blank) signChar = " ";
    else hasSign = false;
  }
  if (width < len) width = len;
  let out = "";
  if (hasSign) {
    if (fill !== " ") out += signChar;
    if (width > len) width--;
  }
  const prefixed = arg.alt && (arg.ch === "x" || arg.ch === "X" || arg.ch === "o");
  let prefix = "";
  if (prefixed) {
    prefix = body.slice(0, 2);
    body = body.slice(2);
    if (fill !== " ") out += prefix;
    width = Math.max(0, width - 2);
    len -= 2;
  }
  if (width > len && !arg.ljust) {
    out += fill.repeat(width - len);
    width = len;
  }
  if (fill === " ") {
    if (hasSign) out += signChar;
    if (prefixed) out += prefix;
  }
  out += body;
  if (width > len) out += " ".repeat(width - len);
  return out;
}
