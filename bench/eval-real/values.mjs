// Seeded, reproducible inputs for the differential sample. Every value is a JSON text (both sides
// build the value from it: Python's json.loads, the runtime's loads), so a value means the same on
// both sides: integral floats, big ints, NaN, non-ASCII strings and integer-like keys included.

/** A PRNG seeded by a string (FNV-1a, then mulberry32): the same call and run, the same values. */
export function rng(seedText) {
  let h = 0x811c9dc5;
  for (let i = 0; i < seedText.length; i++) h = Math.imul(h ^ seedText.charCodeAt(i), 0x01000193) >>> 0;
  let a = h;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  return { next, pick, int: (n) => Math.floor(next() * n) };
}

const INTS = ["0", "1", "-5", "42", "1000", "9007199254740993", "100000000000000000000"];
const FLOATS = ["0.5", "1.0", "-0.0", "3.14", "1e16", "1e-05", "2.5e-10", "100.0"];
const SPECIAL = ["NaN", "Infinity", "-Infinity"];
const STRINGS = ["abc", "", "hello world", "é", "日本語", "😀", 'say "hi"', "back\\slash", "line\nbreak", "tab\tx", "\u0001", "\u007f", "naïve café"];
const KEYS = ["a", "b", "name", "id", "value", "1", "10", "2", "clé", "😀", "key with space", ""];

function str(r) {
  return JSON.stringify(r.pick(STRINGS));
}

/** A JSON-like value's text; `depth` bounds nesting. Python's separators or compact ones, per text. */
function valueText(r, depth, seps) {
  const roll = r.next();
  if (depth <= 0 || roll < 0.45) {
    const s = r.next();
    if (s < 0.3) return str(r);
    if (s < 0.5) return r.pick(INTS);
    if (s < 0.7) return r.pick(FLOATS);
    if (s < 0.75) return r.pick(SPECIAL);
    if (s < 0.85) return r.pick(["true", "false"]);
    return "null";
  }
  if (roll < 0.7) {
    const n = r.int(4);
    return "[" + Array.from({ length: n }, () => valueText(r, depth - 1, seps)).join(seps[0]) + "]";
  }
  const n = r.int(5);
  const keys = [...new Set(Array.from({ length: n }, () => r.pick(KEYS)))];
  return "{" + keys.map((k) => JSON.stringify(k) + seps[1] + valueText(r, depth - 1, seps)).join(seps[0]) + "}";
}

/** A value to dump: a container most of the time, a scalar sometimes (names also feed %, str(), +). */
export function jsonValue(r) {
  return valueText(r, 3, r.pick([[", ", ": "], [",", ":"]]));
}

/** A scalar for a name used in `+`, `*`, `%` or an f-string: a str, an int or a float (by `kind`). */
export function scalarValue(r, kind) {
  const k = kind === "scalar" ? r.pick(["string", "string", "number"]) : kind;
  return k === "string" ? str(r) : r.next() < 0.6 ? r.pick(INTS) : r.pick(FLOATS);
}

/** A text to load: a value's JSON, indented sometimes; one in six is not valid JSON. */
export function jsonText(r) {
  const text = valueText(r, 3, r.pick([[", ", ": "], [",", ":"], [",\n  ", ": "]]));
  if (r.next() < 1 / 6) return r.pick([text.slice(0, Math.ceil(text.length / 2)), "", "{'a': 1}", text + " x"]);
  return r.next() < 0.2 ? "  " + text + "\n" : text;
}

/** A value for a json option passed as a variable. */
export function optionValue(r, option) {
  switch (option) {
    case "indent":
      return r.pick(["null", "2", "4", '"\\t"', "0"]);
    case "separators":
      return r.pick(['[",", ":"]', '[", ", ": "]', '[",", ": "]']);
    case "encoding":
      return '"utf-8"';
    default:
      return r.pick(["true", "false"]);
  }
}
