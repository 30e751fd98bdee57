// Python's repr(float): the shortest digits that round-trip (JS computes the same digits), laid out
// by Python's rules: positional for 1e-4 <= |x| < 1e16 with at least one fractional digit ("1.0"),
// scientific otherwise with a signed, at-least-two-digit exponent ("1e+16", "1e-05").

export function floatRepr(x: number): string {
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return 1 / x < 0 ? "-0.0" : "0.0";
  const a = x < 0 ? -x : x;
  if (a >= 1e-4 && a < 1e16) {
    // JS uses positional notation for 1e-7 <= |x| < 1e21, a superset of Python's range.
    const s = String(x);
    return Number.isInteger(x) ? s + ".0" : s;
  }
  // toExponential() with no argument gives the shortest round-tripping digits: "d.ddde+X".
  const e = x.toExponential();
  const at = e.indexOf("e");
  const mant = e.slice(0, at);
  const sign = e.charCodeAt(at + 1) === 45 ? "-" : "+";
  const digits = e.slice(at + 2);
  return mant + "e" + sign + (digits.length < 2 ? "0" + digits : digits);
}

/** The JSON text Python's encoder writes for a float value (nan/inf spelled the JSON way). */
export function floatJson(x: number): string {
  if (x !== x) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  return floatRepr(x);
}
