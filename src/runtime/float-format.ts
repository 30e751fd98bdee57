// CPython's PyOS_double_to_string (Python/pystrtod.c): a float as text for the 'e', 'f', 'g' and 'r'
// (repr) codes, with the flags of %-formatting and format(). Digits are correctly rounded, half to
// even, on the exact binary value, like CPython's dtoa: the decimal expansion is done with bigint
// arithmetic, so any precision works ('%.0f' % 2.5 == '2', '%.2f' % 2.675 == '2.67').

export interface DoubleFlags {
  /** Py_DTSF_SIGN: "+" before non-negative values. */
  sign?: boolean;
  /** Py_DTSF_ADD_DOT_0: keep a ".0" on integral values ('r' and format()'s no-type code). */
  addDot0?: boolean;
  /** Py_DTSF_ALT: the "#" flag (keep the decimal point and, for 'g', the trailing zeros). */
  alt?: boolean;
  /** Py_DTSF_NO_NEG_0: the "z" option (a value that rounds to zero loses its "-"). */
  noNegZero?: boolean;
}

/** `code` is one of e E f F g G r; `precision` is what CPython passes (digits after the point). */
export function doubleToString(x: number, code: string, precision: number, flags: DoubleFlags = {}): string {
  const upper = code === "E" || code === "F" || code === "G";
  const kind = code.toLowerCase();
  let negative = x < 0 || Object.is(x, -0);
  if (x !== x || x === Infinity || x === -Infinity) {
    const word = x !== x ? "nan" : "inf";
    if (x !== x) negative = false; // the sign of a NaN is never shown
    return (negative ? "-" : flags.sign ? "+" : "") + (upper ? word.toUpperCase() : word);
  }
  // 'e' counts the digit before the point; 'g' takes precision 0 as 1 (PyOS_double_to_string)
  if (kind === "e") precision++;
  else if (kind === "g" && precision === 0) precision = 1;
  const a = Math.abs(x);
  const d = kind === "r" ? shortestDigits(a) : kind === "f" ? fixedDigits(a, precision) : significantDigits(a, precision);
  if (flags.noNegZero && negative && (d.digits === "" || d.digits === "0")) negative = false;
  return (negative ? "-" : flags.sign ? "+" : "") + layout(d, kind, precision, flags, upper);
}

/** A decimal digit string without trailing zeros and the position of the point: 0.DIGITS × 10**decpt. */
interface Digits {
  digits: string;
  decpt: number;
}

/** format_float_short's layout of dtoa's digits (Python/pystrtod.c), step for step. */
function layout({ digits, decpt }: Digits, kind: string, precision: number, flags: DoubleFlags, upper: boolean): string {
  const n = digits.length;
  let vEnd = n;
  let useExp = false;
  if (kind === "e") {
    useExp = true;
    vEnd = precision;
  } else if (kind === "f") {
    vEnd = decpt + precision;
  } else if (kind === "g") {
    if (decpt <= -4 || decpt > (flags.addDot0 ? precision - 1 : precision)) useExp = true;
    if (flags.alt) vEnd = precision;
  } else if (decpt <= -4 || decpt > 16) {
    useExp = true; // 'r'
  }
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  // vdigits_start < decpt <= vdigits_end (decpt < vdigits_end when a ".0" is wanted)
  const vStart = decpt <= 0 ? decpt - 1 : 0;
  vEnd = !useExp && flags.addDot0 ? Math.max(vEnd, decpt + 1) : Math.max(vEnd, decpt);

  let out = "";
  if (decpt <= 0) out += "0".repeat(decpt - vStart) + "." + "0".repeat(-decpt);
  else out += "0".repeat(-vStart);
  if (decpt > 0 && decpt <= n) out += digits.slice(0, decpt) + "." + digits.slice(decpt);
  else out += digits;
  if (n < decpt) out += "0".repeat(decpt - n) + "." + "0".repeat(vEnd - decpt);
  else out += "0".repeat(vEnd - n);
  if (out.endsWith(".") && !flags.alt) out = out.slice(0, -1);
  if (useExp) {
    const e = Math.abs(exp);
    out += (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
  }
  return out;
}

/** dtoa mode 0: the shortest digits that round-trip (JS picks the same digits as Python's repr). */
function shortestDigits(a: number): Digits {
  if (a === 0) return { digits: "0", decpt: 1 };
  const s = a.toExponential();
  const at = s.indexOf("e");
  return { digits: s.slice(0, at).replace(".", ""), decpt: Number(s.slice(at + 1)) + 1 };
}

/** dtoa mode 3: rounded to `ndigits` digits after the point (none left: digits "" at -ndigits). */
function fixedDigits(a: number, ndigits: number): Digits {
  if (a === 0) return { digits: "0", decpt: 1 };
  let s: string;
  // toFixed is exact below 1e21 and up to 100 digits, but rounds ties away from zero.
  if (ndigits <= 100 && a < 1e21 && !mayTie(a, ndigits)) {
    s = a.toFixed(ndigits).replace(".", "").replace(/^0+/, "");
  } else {
    const [num, den] = exact(a);
    const n = roundDiv(num * 10n ** BigInt(ndigits), den);
    s = n === 0n ? "" : n.toString();
  }
  if (s === "") return { digits: "", decpt: -ndigits };
  return strip(s, s.length - ndigits);
}

/** dtoa mode 2: rounded to `ndigits` significant digits. */
function significantDigits(a: number, ndigits: number): Digits {
  if (a === 0) return { digits: "0", decpt: 1 };
  if (ndigits <= 101) {
    // toExponential is exact too (up to 100 digits after the point), ties away from zero again.
    // Its exponent k may be one past the true one when rounding carried: rule out a tie for both.
    const s = a.toExponential(ndigits - 1);
    const at = s.indexOf("e");
    const k = Number(s.slice(at + 1));
    if (!mayTie(a, ndigits - 1 - k) && !mayTie(a, ndigits - k)) return strip(s.slice(0, at).replace(".", ""), k + 1);
  }
  const [num, den] = exact(a);
  // k = floor(log10(a)), estimated in floating point, then made exact: 10**k <= a < 10**(k+1)
  let k = Math.floor(Math.log10(a));
  while (compareWithPow10(num, den, k) < 0) k--;
  while (compareWithPow10(num, den, k + 1) >= 0) k++;
  const shift = ndigits - 1 - k; // a * 10**shift has ndigits integer digits
  let n = shift >= 0 ? roundDiv(num * 10n ** BigInt(shift), den) : roundDiv(num, den * 10n ** BigInt(-shift));
  if (n === 10n ** BigInt(ndigits)) {
    n = 10n ** BigInt(ndigits - 1); // rounding carried into a new digit: 9.99 -> 10.0
    k++;
  }
  return strip(n.toString(), k + 1);
}

/** Whether a * 10**shift may end in exactly .5 (a tie when rounding it to an integer). */
function mayTie(a: number, shift: number): boolean {
  // a * 10**shift = a * 2**shift * 5**shift: .5 exactly when a * 2**(shift+1) is odd. For shift < 0
  // a tie needs an integer a (a multiple of 5**-shift * 2**(-shift-1)).
  if (shift < 0) return Number.isInteger(a);
  return Number.isInteger(a * 2 ** (shift + 1)) && !Number.isInteger(a * 2 ** shift);
}

function strip(s: string, decpt: number): Digits {
  let end = s.length;
  while (end > 1 && s.charCodeAt(end - 1) === 48) end--;
  return { digits: s.slice(0, end), decpt };
}

/** The exact value of a finite positive double as num / den (den a power of two). */
function exact(a: number): [bigint, bigint] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, a);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (biased === 0) {
    e2 = -1074; // subnormal
  } else {
    mant |= 1n << 52n;
    e2 = biased - 1075;
  }
  return e2 >= 0 ? [mant << BigInt(e2), 1n] : [mant, 1n << BigInt(-e2)];
}

/** Sign of num/den - 10**k. */
function compareWithPow10(num: bigint, den: bigint, k: number): number {
  const l = k >= 0 ? num : num * 10n ** BigInt(-k);
  const r = k >= 0 ? den * 10n ** BigInt(k) : den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** num / den rounded to the nearest integer, ties to even. */
function roundDiv(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}
