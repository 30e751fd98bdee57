// Fast paths through the engine's native JSON, taken only where its output is provably the same as
// CPython's (the differential tests run both paths against CPython):
// - dumps: a tree of plain objects (no recorded key order), arrays, strings, booleans, null, finite
//   numbers, finite PyFloats and bigints, with the default separators (or compact ones) and an indent
//   of 1..10 blanks. JSON.stringify writes it (PyFloats and bigints as marked strings); one pass then
//   writes Python's ", " and ": ", \u-escapes non-ASCII, unmarks PyFloats and bigints and respells
//   the floats JS prints otherwise than Python (0.00001 -> 1e-05, 1e-7 -> 1e-07, 2**60 -> 1.152921504606847e+18).
// - loads: a text with no token JS would read differently (integral floats such as 1.0, ints beyond
//   2**53, -0, integer-like keys whose order JS would change, NaN/Infinity) goes to JSON.parse.


/** A surrogate that is not half of a pair (Python writes it raw with ensure_ascii=False; JS escapes it). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const SURROGATE = /[\ud800-\udfff]/;
export const hasLoneSurrogate = (s: string): boolean => SURROGATE.test(s) && LONE_SURROGATE.test(s);

// Tokens JSON.parse would read differently from CPython (false alarms only cost the fast path):
// - an int part of 16+ digits (an int past 2**53, or a float that is integral at that size);
// - a float that may round to an integral value (Python's 1.0 is a PyFloat, JSON.parse's 1 an int):
//   written with only zeros after the point ("1.00"), with an exponent, or with k integer digits
//   followed by 16-k zeros or nines (closer to an integer than half a unit in the last place);
// - -0 (Python's int 0); keys that look like array indexes (JS lists them first), also when a
//   digit is written as an escape (\u0030-\u0039).
// A number token starts after "[", "," or ":" (and blanks), or at the start of the text, and in
// valid JSON is followed by blanks and ",", "]", "}" or the end (an invalid text fails JSON.parse
// and goes to the scanner anyway): the number rules are anchored on both sides, so digits inside
// strings (timestamps, ids) rarely raise a false alarm.
const nearInteger = Array.from({ length: 15 }, (_, k) => `\\d{${k + 1}}\\.(?:0{${15 - k}}|9{${15 - k}})\\d*`).join("|");
// (The lookaheads fail fast: most tokens are not numbers, and only 16+ characters can hold 16 digits.)
const numberRules =
  `(?=-?\\d)(?:-0|-?(?:(?=[\\d.]{16})(?:\\d{16}[\\d.]*|${nearInteger})|\\d+(?:\\.0+|(?:\\.\\d+)?[eE][-+]?\\d+)))` +
  `(?=[ \\t\\n\\r]*(?:[,\\]}]|$))`;
const DANGER = new RegExp(`[[,:][ \\t\\n\\r]*${numberRules}|"(?:0|[1-9]\\d*)"[ \\t\\n\\r]*:|\\\\u003\\d`);
const DANGER_AT_START = new RegExp(`^[ \\t\\n\\r]*${numberRules}`);

/** Nesting depth of a parsed value, or Infinity once it passes `limit`. */
function depthOver(v: unknown, limit: number): boolean {
  const walk = (x: unknown, depth: number): boolean => {
    if (typeof x !== "object" || x === null) return false;
    if (depth >= limit) return true;
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) if (walk(x[i], depth + 1)) return true;
    } else {
      for (const k in x) if (walk((x as Record<string, unknown>)[k], depth + 1)) return true;
    }
    return false;
  };
  return walk(v, 0);
}

/** loads through JSON.parse: { value } when provably CPython's result, else undefined. */
export function nativeLoads(s: string, maxDepth: number): { value: unknown } | undefined {
  if (DANGER.test(s) || DANGER_AT_START.test(s)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(s);
  } catch {
    return undefined; // NaN/Infinity, or an error: the scanner reports it CPython's way
  }
  if (maxDepth !== Infinity && depthOver(value, Math.min(maxDepth, 1000))) return undefined;
  return { value };
}
