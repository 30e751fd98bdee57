// Python's format(value, spec), the format-spec mini-language of f-strings and str.format, for str,
// int (number or bigint), bool and float (number or PyFloat), after Python/formatter_unicode.c
// (CPython 3.11): fill, align, sign, z, #, 0, width, grouping, precision and type, with CPython's
// error messages. Widths count code points.

import { PyOverflowError, PyTypeError, PyValueError, notSupported } from "./errors.js";
import { doubleToString } from "./float-format.js";
import { cpLength, cpSlice, codePoints, decimalValue } from "./text.js";
import { PyFloat, intRepr, pyStr, typeName } from "./values.js";

interface Spec {
  fill: string;
  align: string;
  sign: string;
  noNegZero: boolean;
  alt: boolean;
  width: number;
  /** "" (none), "," or "_" */
  thousands: string;
  precision: number;
  type: string;
}

const INT_TYPES = ["b", "c", "d", "o", "x", "X", "n"];
const FLOAT_TYPES = ["e", "E", "f", "F", "g", "G", "%"];
const PY_SSIZE_T_MAX = 2n ** 63n - 1n;
const INT_MAX = 2 ** 31 - 1;

/** Python's `format(value, spec)`: what `f"{value:spec}"` and `"{:spec}".format(value)` produce. */
export function pyFormatValue(value: unknown, spec: string): string {
  if (spec === "") return pyStr(value);
  if (typeof value === "string") return formatStr(value, parseSpec(spec, "str", "s", "<"));
  if (typeof value === "boolean") return formatInt(value ? 1 : 0, parseSpec(spec, "bool", "d", ">"), "bool");
  if (typeof value === "bigint" || (typeof value === "number" && Number.isSafeInteger(value))) {
    return formatInt(value, parseSpec(spec, "int", "d", ">"), "int");
  }
  if (typeof value === "number" || value instanceof PyFloat) {
    const s = parseSpec(spec, "float", "", ">");
    if (s.type !== "" && s.type !== "n" && !FLOAT_TYPES.includes(s.type)) throw unknownType(s.type, "float");
    return formatFloat(+value, s);
  }
  // object.__format__ refuses any spec; classes of the program may define their own __format__.
  const name = typeName(value);
  if (value === null || ["list", "tuple", "dict", "set", "bytes"].includes(name)) {
    throw new PyTypeError(`unsupported format string passed to ${name}.__format__`);
  }
  throw notSupported(`format() of a ${name} with a format spec`);
}

// ---- the spec ------------------------------------------------------------------------------------

const isAlign = (c: string | undefined): boolean => c === "<" || c === ">" || c === "=" || c === "^";

/** parse_internal_render_format_spec */
function parseSpec(text: string, objType: string, defaultType: string, defaultAlign: string): Spec {
  const cp = codePoints(text);
  const end = cp.length;
  let pos = 0;
  const spec: Spec = { fill: " ", align: defaultAlign, sign: "", noNegZero: false, alt: false, width: -1, thousands: "", precision: -1, type: defaultType };
  let alignGiven = false;
  let fillGiven = false;
  if (end >= 2 && isAlign(cp[1])) {
    spec.fill = cp[0]!;
    spec.align = cp[1]!;
    fillGiven = alignGiven = true;
    pos = 2;
  } else if (end >= 1 && isAlign(cp[0])) {
    spec.align = cp[0]!;
    alignGiven = true;
    pos = 1;
  }
  if (pos < end && (cp[pos] === "+" || cp[pos] === "-" || cp[pos] === " ")) spec.sign = cp[pos++]!;
  if (pos < end && cp[pos] === "z") {
    spec.noNegZero = true;
    pos++;
  }
  if (pos < end && cp[pos] === "#") {
    spec.alt = true;
    pos++;
  }
  if (!fillGiven && pos < end && cp[pos] === "0") {
    spec.fill = "0";
    if (!alignGiven && defaultAlign === ">") spec.align = "=";
    pos++;
  }
  [spec.width, pos] = readInteger(cp, pos);
  if (pos < end && cp[pos] === ",") {
    spec.thousands = ",";
    pos++;
  }
  if (pos < end && cp[pos] === "_") {
    if (spec.thousands !== "") throw new PyValueError("Cannot specify both ',' and '_'.");
    spec.thousands = "_";
    pos++;
  }
  if (pos < end && cp[pos] === "," && spec.thousands === "_") throw new PyValueError("Cannot specify both ',' and '_'.");
  if (pos < end && cp[pos] === ".") {
    [spec.precision, pos] = readInteger(cp, pos + 1);
    if (spec.precision === -1) throw new PyValueError("Format specifier missing precision");
  }
  if (end - pos > 1) throw new PyValueError(`Invalid format specifier '${text}' for object of type '${objType}'`);
  if (end - pos === 1) spec.type = cp[pos]!;
  if (spec.thousands !== "" && !["d", "e", "f", "g", "E", "G", "%", "F", ""].includes(spec.type)) {
    // Underscores also group b, o, x and X (by fours).
    if (!(spec.thousands === "_" && ["b", "o", "x", "X"].includes(spec.type))) {
      const t = spec.type.codePointAt(0)!;
      throw new PyValueError(`Cannot specify '${spec.thousands}' with ${t > 32 && t < 128 ? `'${spec.type}'` : `'\\x${t.toString(16)}'`}.`);
    }
  }
  return spec;
}

/** get_integer: decimal digits of any script; -1 when there are none. */
function readInteger(cp: string[], pos: number): [number, number] {
  let digits = "";
  for (let d: number; pos < cp.length && (d = decimalValue(cp[pos]!)) >= 0; pos++) digits += d;
  if (digits === "") return [-1, pos];
  if (digits.length > 18 && BigInt(digits) > PY_SSIZE_T_MAX) throw new PyValueError("Too many decimal digits in format string");
  return [Number(digits), pos];
}

function unknownType(type: string, name: string): PyValueError {
  const t = type.codePointAt(0)!;
  const shown = t > 32 && t < 128 ? `'${type}'` : `'\\x${t.toString(16)}'`;
  return new PyValueError(`Unknown format code ${shown} for object of type '${name}'`);
}

// ---- str -----------------------------------------------------------------------------------------

function formatStr(s: string, spec: Spec): string {
  if (spec.type !== "s") throw unknownType(spec.type, "str");
  if (spec.sign === " ") throw new PyValueError("Space not allowed in string format specifier");
  if (spec.sign !== "") throw new PyValueError("Sign not allowed in string format specifier");
  if (spec.noNegZero) throw new PyValueError("Negative zero coercion (z) not allowed in string format specifier");
  if (spec.alt) throw new PyValueError("Alternate form (#) not allowed in string format specifier");
  if (spec.align === "=") throw new PyValueError("'=' alignment not allowed in string format specifier");
  if (spec.precision >= 0) s = cpSlice(s, spec.precision);
  return pad(s, cpLength(s), spec);
}

/** calc_padding + fill_padding: `s` (of `len` code points) aligned in the spec's width. */
function pad(s: string, len: number, spec: Spec): string {
  const total = Math.max(spec.width, len);
  const left = spec.align === ">" ? total - len : spec.align === "^" ? Math.floor((total - len) / 2) : 0;
  return spec.fill.repeat(left) + s + spec.fill.repeat(total - len - left);
}

// ---- int -----------------------------------------------------------------------------------------

function formatInt(v: number | bigint, spec: Spec, name: string): string {
  const t = spec.type;
  if (FLOAT_TYPES.includes(t)) {
    const x = Number(v) + 0; // -0 is the int 0, whose float is 0.0
    if (!Number.isFinite(x)) throw new PyOverflowError("int too large to convert to float");
    return formatFloat(x, spec);
  }
  if (!INT_TYPES.includes(t)) throw unknownType(t, name);
  if (spec.precision !== -1) throw new PyValueError("Precision not allowed in integer format specifier");
  if (spec.noNegZero) throw new PyValueError("Negative zero coercion (z) not allowed in integer format specifier");
  if (t === "c") {
    if (spec.sign !== "") throw new PyValueError("Sign not allowed with integer format specifier 'c'");
    if (spec.alt) throw new PyValueError("Alternate form (#) not allowed with integer format specifier 'c'");
    const b = BigInt(v);
    if (b > 2n ** 63n - 1n || b < -(2n ** 63n)) throw new PyOverflowError("Python int too large to convert to C long");
    if (b < 0n || b > 0x10ffffn) throw new PyOverflowError("%c arg not in range(0x110000)");
    // The character is "remainder", not digits: no grouping, zero padding goes before it.
    return number(spec, "", "", "", false, String.fromCodePoint(Number(b)), 0);
  }
  const negative = v < 0;
  const abs = negative ? -v : v;
  const base = t === "b" ? 2 : t === "o" ? 8 : t === "x" || t === "X" ? 16 : 10;
  let digits = base === 10 ? intRepr(abs) : abs.toString(base);
  let prefix = spec.alt && base !== 10 ? "0" + (t === "o" ? "o" : t === "b" ? "b" : "x") : "";
  if (t === "X") {
    digits = digits.toUpperCase();
    prefix = prefix.toUpperCase();
  }
  const group = t === "n" || spec.thousands === "" ? 0 : base === 10 ? 3 : 4;
  return number(spec, negative ? "-" : "", prefix, digits, false, "", group);
}

// ---- float ---------------------------------------------------------------------------------------

function formatFloat(x: number, spec: Spec): string {
  if (spec.precision > INT_MAX) throw new PyValueError("precision too big");
  let type = spec.type;
  let precision = spec.precision;
  let defaultPrecision = 6;
  let addDot0 = false;
  let pct = false;
  if (type === "") {
    // No type: repr() without a precision, else like 'g' with at least one digit after the point.
    addDot0 = true;
    type = "r";
    defaultPrecision = 0;
  }
  if (type === "n") type = "g";
  if (type === "%") {
    type = "f";
    x *= 100;
    pct = true;
  }
  if (precision < 0) precision = defaultPrecision;
  else if (type === "r") type = "g";
  let s = doubleToString(x, type, precision, { alt: spec.alt, addDot0, noNegZero: spec.noNegZero });
  if (pct) s += "%";
  let sign = "";
  if (s.startsWith("-")) {
    sign = "-";
    s = s.slice(1);
  }
  // parse_number: the integer digits, then an optional ".", then the rest (fraction, exponent, "%")
  const m = /^(\d*)(\.?)(.*)$/s.exec(s)!;
  const group = spec.type === "n" || spec.thousands === "" ? 0 : 3;
  return number(spec, sign, "", m[1]!, m[2] === ".", m[3]!, group);
}

// ---- numbers -------------------------------------------------------------------------------------

/**
 * calc_number_widths + fill_number: [lpad][sign][prefix][spad][grouped digits][.][remainder][rpad].
 * `signChar` is "-" or ""; `group` is the group size (0: none), the separator is the spec's.
 */
function number(spec: Spec, signChar: string, prefix: string, digits: string, decimal: boolean, remainder: string, group: number): string {
  let sign = "";
  if (spec.sign === "+") sign = signChar === "-" ? "-" : "+";
  else if (spec.sign === " ") sign = signChar === "-" ? "-" : " ";
  else sign = signChar;
  const rest = (decimal ? "." : "") + remainder;
  const nonDigits = sign.length + prefix.length + cpLength(rest);
  const minWidth = spec.fill === "0" && spec.align === "=" ? spec.width - nonDigits : 0;
  const grouped = digits === "" ? "" : groupDigits(digits, minWidth, group, spec.thousands);
  const padding = spec.width - (nonDigits + grouped.length);
  let left = 0;
  let middle = 0;
  let right = 0;
  if (padding > 0) {
    if (spec.align === "<") right = padding;
    else if (spec.align === "^") {
      left = Math.floor(padding / 2);
      right = padding - left;
    } else if (spec.align === "=") middle = padding;
    else left = padding;
  }
  const f = spec.fill;
  return f.repeat(left) + sign + prefix + f.repeat(middle) + grouped + rest + f.repeat(right);
}

/**
 * _PyUnicode_InsertThousandsGrouping: separators every `size` digits from the right, and leading
 * zeros (grouped too) until the result is `minWidth` long; `size` 0 means no grouping.
 */
function groupDigits(digits: string, minWidth: number, size: number, sep: string): string {
  let remaining = digits.length;
  minWidth = Math.max(0, minWidth);
  let out = "";
  let useSep = false;
  const piece = (l: number): void => {
    const zeros = Math.max(0, l - remaining);
    const chars = Math.max(0, Math.min(remaining, l));
    out = "0".repeat(zeros) + digits.slice(remaining - chars, remaining) + (useSep ? sep : "") + out;
    remaining -= chars;
  };
  if (size > 0) {
    for (;;) {
      const l = Math.min(size, Math.max(remaining, minWidth, 1));
      piece(l);
      useSep = true;
      minWidth -= l;
      if (remaining <= 0 && minWidth <= 0) return out;
      minWidth -= sep.length;
    }
  }
  piece(Math.max(remaining, minWidth, 1));
  return out;
}
