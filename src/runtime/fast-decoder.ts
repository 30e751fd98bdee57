// The decoder's fast path: loads through the engine's JSON.parse, taken only where its value is
// provably CPython's (the differential tests run both paths against CPython).

// JSON.parse reads a valid text as CPython does except for these, which send the text to the
// runtime's scanner (false alarms only cost the fast path):
// - floats that are or may round to integral values (Python's 1.0 is a PyFloat, JSON.parse's 1 an
//   int): written with only zeros after the point ("1.00"), with an exponent, with 16+ integer
//   digits, or with k integer digits followed by 16-k zeros or nines (closer to an integer than
//   half a unit in the last place) — found in the text by FLOAT_TOKEN;
// - ints past 2**53 (bigints in Python) and -0 (Python's int 0 or float -0.0) — found in the value:
//   integral numbers that are not safe integers, infinities (ints past 1e308), and -0;
// - ints of more than 4300 digits, which CPython refuses (ValueError), also when a later duplicate
//   key drops them from the value — found in the text by FLOAT_TOKEN;
// - integer-like keys, whose order JS changes (they come first) — found in the value: an object
//   whose first key is one;
// - nesting past maxDepth (RecursionError), also when a later duplicate key drops it from the value
//   — bounded by the value's nesting and the count of "[" and "{" in the text;
// - NaN/Infinity, invalid texts: JSON.parse throws.
// A number token starts after "[", "," or ":" (and blanks), or at the start of the text, and in a
// valid text is followed by blanks and ",", "]", "}" or the end: FLOAT_TOKEN is anchored on both
// sides, so digits inside strings (timestamps, ids) rarely raise a false alarm. (Keys and big ints
// are checked on the value, which the depth check walks anyway: cheaper than in the text.)
const WS = "[ \\t\\n\\r]*";
const EXPONENT = "[eE][-+]?\\d+";
// after a token's first digit: k-1 more digits, the point, 16-k zeros or nines (k = 1..15)
const nearInteger = Array.from({ length: 15 }, (_, k) => `${k === 0 ? "" : `\\d{${k}}`}\\.(?:0{${15 - k}}|9{${15 - k}})`).join("|");
const floatRules =
  `-?\\d(?:\\d{4300}\\d*|\\d*(?:\\.0+(?:${EXPONENT})?|(?:\\.\\d+)?${EXPONENT})|(?=[\\d.]{16})(?:\\d{15,}\\.|${nearInteger})\\d*(?:${EXPONENT})?)` +
  `(?=${WS}(?:[,\\]}]|$))`;
const FLOAT_TOKEN = new RegExp(`[[,:]${WS}${floatRules}`);
const FLOAT_AT_START = new RegExp(`^${WS}${floatRules}`);

/** What sameAsPython saw: how many arrays and objects, and how deep they nest (1 for a flat one). */
interface Walk {
  containers: number;
  deepest: number;
}

/** Whether JSON.parse's value is CPython's: no int past 2**53, no -0, no integer-like key, nesting
 * within `limit` (this walk recurses: the caller passes at most 1000). `depth` counts the containers
 * around x. */
function sameAsPython(x: unknown, depth: number, limit: number, w: Walk): boolean {
  // (an int token past 2**53 reads as an unsafe integer, or as Infinity past 1e308)
  if (typeof x === "number") return x !== 0 ? Number.isSafeInteger(x) || (x - x === 0 && !Number.isInteger(x)) : 1 / x > 0;
  if (typeof x !== "object" || x === null) return true;
  if (depth >= limit) return false;
  w.containers++;
  if (depth >= w.deepest) w.deepest = depth + 1;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) if (!sameAsPython(x[i], depth + 1, limit, w)) return false;
    return true;
  }
  let first = true;
  for (const k in x) {
    // JS lists integer-like keys first: if there is one, it is the first
    if (first && isArrayIndex(k)) return false;
    first = false;
    if (!sameAsPython((x as Record<string, unknown>)[k], depth + 1, limit, w)) return false;
  }
  return true;
}

/** How many "[" and "{" the text holds (strings included). */
function openings(s: string): number {
  let n = 0;
  for (let i = s.indexOf("["); i >= 0; i = s.indexOf("[", i + 1)) n++;
  for (let i = s.indexOf("{"); i >= 0; i = s.indexOf("{", i + 1)) n++;
  return n;
}

/** A key JS orders before the others ("0", "17"; not "01" or "1.5"). Conservative above 2**32 - 2. */
function isArrayIndex(k: string): boolean {
  const c = k.charCodeAt(0);
  if (c < 48 || c > 57 || k.length > 10) return false;
  if (c === 48) return k.length === 1;
  for (let i = 1; i < k.length; i++) {
    const d = k.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return true;
}

/** loads through JSON.parse: { value } when provably CPython's result, else undefined. */
export function nativeLoads(s: string, maxDepth: number): { value: unknown } | undefined {
  if (FLOAT_TOKEN.test(s) || FLOAT_AT_START.test(s)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(s);
  } catch {
    return undefined; // NaN/Infinity, or an error: the scanner reports it CPython's way
  }
  const limit = Math.min(maxDepth, 1000);
  const w: Walk = { containers: 0, deepest: 0 };
  if (!sameAsPython(value, 0, limit, w)) return undefined;
  // CPython also raises RecursionError for nesting that a later duplicate key drops from the value:
  // the text's nesting is at most the value's plus the openings the value lacks (dropped, or in
  // strings).
  if (w.deepest + openings(s) - w.containers > limit) return undefined;
  return { value };
}
