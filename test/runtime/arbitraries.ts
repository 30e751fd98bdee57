// fast-check generators for the differential tests: runtime values of every kind the issue lists,
// option sets (as runtime options and as the Python keyword arguments they mean), JSON texts written
// in many legal spellings, broken texts, and byte encodings of texts.
import fc from "fast-check";
import { PyFloat, dict, float, tuple, typeName } from "../../src/runtime/index.js";
import type { DumpsOptions, LoadsOptions } from "../../src/runtime/index.js";

// ---- strings -------------------------------------------------------------------------------------

const SPECIAL = ["\ud800", "\udfff", "\ud83d", "\ude00", "\x7f", "\x00", "\x1f", "\b", "\f", "\n", "\r", "\t", '"', "\\", "/",
  "\u2028", "\u00e9", "\u00ff", "\u0100", "\uffff", "\ufeff", "😀", "\u{10ffff}", "0", "1", "a", " ", "'"];

/** Longer strings, around the lengths where the runtime changes method: the scanner reads 32 units
 * one by one, then searches for quotes and backslashes (and reads escapes of any position). */
const longStrArb: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.constantFrom(...SPECIAL, "abc", "de", "x", "Zürich", "東京"), { minLength: 10, maxLength: 40 }).map((a) => a.join("")),
  fc.tuple(fc.integer({ min: 28, max: 40 }), fc.constantFrom("", "\\", '"', "\n", "\u00e9", "\x01", "😀", "\ud800"), fc.nat()).map(([n, special, at]) => {
    const plain = "p".repeat(n);
    const k = at % (n + 1);
    return plain.slice(0, k) + special + plain.slice(k);
  }),
);

export const strArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...SPECIAL), { maxLength: 8 }).map((a) => a.join("")) },
  { weight: 1, arbitrary: longStrArb },
);

/** Object keys: anything, with integer-like keys (which JS objects reorder) and "__proto__" often. */
export const keyArb: fc.Arbitrary<string> = fc.oneof(
  strArb,
  fc.nat({ max: 20 }).map(String),
  fc.constantFrom("__proto__", "constructor", "toString", "4294967295", "4294967294", "01", "-1", "1.5", ""),
);

// ---- numbers -------------------------------------------------------------------------------------

export const intArb: fc.Arbitrary<number | bigint> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  // around where the fast encoder stops writing digits itself (1e9) and the scanner's 15-digit ints
  { weight: 2, arbitrary: fc.constantFrom(999999999, 1e9, 1e9 + 1, -999999999, -1e9, 2147483647, 2147483648, 4294967295, 4294967296, 1e10 + 7, 999999999999999, 1e15, -1e15, 9007199254740991, -9007199254740991) },
  { weight: 1, arbitrary: fc.integer({ min: 1e8, max: 1e12 }).chain((n) => fc.constantFrom(n, -n)) },
  { weight: 3, arbitrary: fc.maxSafeInteger() },
  { weight: 3, arbitrary: fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }) },
  { weight: 2, arbitrary: fc.bigInt({ min: 2n ** 53n - 3n, max: 2n ** 53n + 3n }).chain((b) => fc.constantFrom(b, -b)) },
  // around CPython's 4300-digit limit for int <-> str
  { weight: 1, arbitrary: fc.constantFrom(10n ** 4299n, -(10n ** 4299n), 10n ** 4300n, 7n * 10n ** 4300n + 1n) },
);

/** Python floats: plain numbers for non-integral values, PyFloat for integral ones (and sometimes for any). */
export const floatArb: fc.Arbitrary<number | PyFloat> = fc.oneof(
  fc.double().map((x) => (Number.isSafeInteger(x) ? float(x) : x)),
  fc.double({ noNaN: true }).map((x) => float(x)),
  fc.constantFrom(1e16, 1e-5, 1e-4, 9.999999999999999e15, 1.2345678901234568e17, 5e-324, 1.7976931348623157e308, 0.1, 1e21, 1e22, 123456789.125),
  fc.integer({ min: -400, max: 400 }).map((e) => Number("1e" + e)),
  fc.integer({ min: -2000, max: 2000 }).map((n) => float(n)),
  fc.constantFrom(float(0), float(-0), float(NaN), float(Infinity), float(-Infinity), float(2 ** 53), float(1e16)),
  // short decimals (the fast encoder writes those below 1e9 with at most 4 decimals from their digits)
  fc
    .tuple(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -99999, max: 99999 })), fc.integer({ min: 0, max: 6 }), fc.integer({ min: -2, max: 2 }))
    .map(([m, k, nudge]) => {
      const x = m / 10 ** k + nudge * Number.EPSILON * (m / 10 ** k); // (off by an ulp or two, sometimes)
      return Number.isInteger(x) ? float(x) : x;
    }),
);

// ---- values --------------------------------------------------------------------------------------

class Foo {}

/** Map keys: every key kind Python coerces, and some it refuses. */
const mapKeyArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: strArb },
  { weight: 2, arbitrary: intArb },
  // A number NaN is one Map key in JS; float(NaN) objects stay distinct, like Python's NaN objects.
  { weight: 2, arbitrary: floatArb.map((x) => (x !== x ? float(NaN) : x)) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  { weight: 1, arbitrary: fc.constantFrom(tuple(1, 2), tuple()) },
);

export interface ValueArbOptions {
  /** Include values json cannot encode (sets, class instances, tuple keys). */
  unsupported?: boolean;
  maxDepth?: number;
  /** Longest chain of nested containers (the oracle's own recursion bounds it for loads). */
  maxNest?: number;
}

export function valueArb({ unsupported = true, maxDepth = 5, maxNest = 400 }: ValueArbOptions = {}): fc.Arbitrary<unknown> {
  const leaves: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(null, true, false),
    strArb,
    intArb,
    floatArb,
  ];
  if (unsupported) leaves.push(fc.array(fc.integer({ min: -5, max: 40 }), { maxLength: 4 }).map((a) => new Set(a)), fc.constant(0).map(() => new Foo()));
  const leaf = fc.oneof(...leaves);
  const { value } = fc.letrec<{ value: unknown; list: unknown[]; tup: readonly unknown[]; obj: Record<string, unknown>; map: Map<unknown, unknown> }>((tie) => ({
    value: fc.oneof({ maxDepth, depthIdentifier: "v", withCrossShrink: true }, leaf, leaf, tie("list"), tie("tup"), tie("obj"), tie("map")),
    list: fc.array(tie("value"), { maxLength: 6, depthIdentifier: "v" }),
    tup: fc.array(tie("value"), { maxLength: 3, depthIdentifier: "v" }).map((a) => tuple(...a)),
    obj: fc.array(fc.tuple(keyArb, tie("value")), { maxLength: 6, depthIdentifier: "v" }).map(plainObject),
    map: fc
      .array(fc.tuple(unsupported ? mapKeyArb : mapKeyArb.filter((k) => !Array.isArray(k)), tie("value")), { maxLength: 6, depthIdentifier: "v" })
      .map((pairs) => dict(pairs)),
  }));
  return fc.oneof(
    { weight: 20, arbitrary: value },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: maxNest }), leaf, fc.boolean()).map(([n, l, useDict]) => nest(n, l, useDict)) },
    { weight: 1, arbitrary: fc.array(leaf, { minLength: 50, maxLength: 400 }) },
    { weight: 1, arbitrary: fc.array(fc.tuple(keyArb, leaf), { minLength: 40, maxLength: 200 }).map(plainObject) },
    { weight: 1, arbitrary: fc.array(fc.tuple(mapKeyArb.filter((k) => !Array.isArray(k)), leaf), { minLength: 40, maxLength: 100 }).map((p) => dict(p)) },
  );
}

export function plainObject(pairs: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of pairs) Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  return o;
}

function nest(n: number, leaf: unknown, useDict: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < n; i++) v = useDict && i % 2 === 0 ? { k: v } : [v];
  return v;
}

// ---- options -------------------------------------------------------------------------------------

/** The `default` hook, in both languages. */
export const DEFAULT_PY = "lambda o: sorted(o) if isinstance(o, set) else type(o).__name__";
export const defaultJs = (o: unknown): unknown =>
  o instanceof Set ? [...(o as Set<number>)].sort((a, b) => a - b) : typeName(o);

export const dumpsOptsArb: fc.Arbitrary<{ opts: DumpsOptions; py: Record<string, unknown> }> = fc
  .record(
    {
      skipkeys: fc.boolean(),
      ensureAscii: fc.boolean(),
      checkCircular: fc.boolean(),
      allowNan: fc.boolean(),
      indent: fc.oneof(fc.constant(null), fc.integer({ min: -2, max: 12 }), fc.constantFrom("", " ", "\t", "ab", "\u00e9"), fc.boolean()),
      separators: fc.oneof(fc.constant(null), fc.constantFrom<[string, string]>([",", ":"], [", ", ": "], [" , ", " : "], ["\n", "="], ["\u00e9", "\u2028"])),
      sortKeys: fc.boolean(),
      default: fc.boolean(),
    },
    { requiredKeys: [] },
  )
  .map((r) => {
    const opts: DumpsOptions = {};
    const py: Record<string, unknown> = {};
    if (r.skipkeys !== undefined) [opts.skipkeys, py.skipkeys] = [r.skipkeys, r.skipkeys];
    if (r.ensureAscii !== undefined) [opts.ensureAscii, py.ensure_ascii] = [r.ensureAscii, r.ensureAscii];
    if (r.checkCircular !== undefined) [opts.checkCircular, py.check_circular] = [r.checkCircular, r.checkCircular];
    if (r.allowNan !== undefined) [opts.allowNan, py.allow_nan] = [r.allowNan, r.allowNan];
    if (r.indent !== undefined) [opts.indent, py.indent] = [r.indent, r.indent];
    if (r.separators !== undefined) [opts.separators, py.separators] = [r.separators, r.separators];
    if (r.sortKeys !== undefined) [opts.sortKeys, py.sort_keys] = [r.sortKeys, r.sortKeys];
    if (r.default) [opts.default, py.default] = [defaultJs, DEFAULT_PY];
    return { opts, py };
  });

/** loads hooks, in both languages. */
export const LOADS_HOOKS = {
  object_pairs_hook: { py: "lambda p: [list(t) for t in p]", js: (p: [string, unknown][]) => p.map((t) => [...t]) },
  object_hook: { py: "lambda d: [len(d), d]", js: (d: object) => [d instanceof Map ? d.size : Object.keys(d).length, d] },
  parse_float: { py: "lambda s: 'f' + s", js: (s: string) => "f" + s },
  parse_int: { py: "lambda s: float(s)", js: (s: string) => float(s) },
  parse_constant: { py: "lambda s: 'c' + s", js: (s: string) => "c" + s },
} as const;

export const loadsOptsArb: fc.Arbitrary<{ opts: LoadsOptions; py: Record<string, unknown> }> = fc
  .record(
    {
      strict: fc.boolean(),
      mapping: fc.constantFrom<"object" | "map">("object", "map"),
      hooks: fc.subarray(Object.keys(LOADS_HOOKS) as (keyof typeof LOADS_HOOKS)[], { maxLength: 2 }),
    },
    { requiredKeys: [] },
  )
  .map((r) => {
    const opts: LoadsOptions = {};
    const py: Record<string, unknown> = {};
    if (r.strict !== undefined) [opts.strict, py.strict] = [r.strict, r.strict];
    if (r.mapping !== undefined) opts.mapping = r.mapping;
    for (const h of r.hooks ?? []) {
      py[h] = LOADS_HOOKS[h].py;
      const camel = h.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase()) as keyof LoadsOptions;
      (opts as Record<string, unknown>)[camel] = LOADS_HOOKS[h].js;
    }
    return { opts, py };
  });

// ---- JSON texts ----------------------------------------------------------------------------------

/** A tiny deterministic PRNG, so one generated seed fixes every spelling choice. */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const WS = ["", "", "", " ", "  ", "\n", "\t", "\r\n", " \n "];

/** Writes a value as JSON in a randomly chosen legal spelling (escapes, whitespace, number forms). */
export function spell(value: unknown, seed: number): string {
  const r = prng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const ws = (): string => pick(WS);
  const str = (s: string): string => {
    let out = '"';
    // Per code point: a surrogate pair is escaped whole or not at all (Python joins only escaped pairs).
    for (const unit of Array.from(s)) {
      const c = unit.charCodeAt(0);
      const roll = r();
      if (c === 34 || c === 92 || c < 0x20) {
        const short: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t" };
        out += roll < 0.5 && short[unit] ? short[unit] : "\\u" + c.toString(16).padStart(4, "0");
      } else if (unit === "/" && roll < 0.5) out += "\\/";
      else if (roll < 0.15 || (c >= 0xd800 && c <= 0xdfff && roll < 0.7)) {
        const upper = r() < 0.5;
        for (const u of unit.split("")) {
          const h = u.charCodeAt(0).toString(16).padStart(4, "0");
          out += "\\u" + (upper ? h.toUpperCase() : h);
        }
      } else out += unit;
    }
    return out + '"';
  };
  const num = (x: unknown): string => {
    if (typeof x === "bigint") return x.toString();
    const f = x instanceof PyFloat ? x.value : (x as number);
    if (typeof x === "number" && Number.isSafeInteger(x)) return r() < 0.1 && x === 0 ? "-0" : String(x);
    if (f !== f) return "NaN";
    if (f === Infinity) return r() < 0.5 ? "Infinity" : "1e999";
    if (f === -Infinity) return r() < 0.5 ? "-Infinity" : "-1E400";
    const e = f.toExponential();
    const [m, ex] = e.split("e") as [string, string];
    switch (Math.floor(r() * 5)) {
      case 0:
        return m + pick(["e", "E"]) + (ex.startsWith("+") && r() < 0.5 ? ex.slice(1) : ex);
      case 1:
        return Number.isInteger(f) && Math.abs(f) < 1e21 ? String(f) + ".0" + (r() < 0.5 ? "00" : "") : m + "e" + ex;
      case 2:
        return (m.includes(".") ? m : m + ".0") + "E" + ex;
      default: {
        const s = String(f);
        return /[.e]/.test(s) ? s.replace("e", pick(["e", "E"])) : s + ".0";
      }
    }
  };
  const walk = (v: unknown): string => {
    if (v === null) return "null";
    if (v === true) return "true";
    if (v === false) return "false";
    if (typeof v === "string") return str(v);
    if (typeof v === "number" || typeof v === "bigint" || v instanceof PyFloat) return num(v);
    if (Array.isArray(v)) return "[" + ws() + v.map((e) => walk(e)).join(ws() + "," + ws()) + ws() + "]";
    const entries: [string, unknown][] =
      v instanceof Map ? [...v.entries()].map(([k, e]) => [String(k), e]) : Object.entries(v as object);
    if (entries.length > 1 && r() < 0.2) entries.push([entries[0]![0], entries[entries.length - 1]![1]]); // duplicate key
    return "{" + ws() + entries.map(([k, e]) => str(k) + ws() + ":" + ws() + walk(e)).join(ws() + "," + ws()) + ws() + "}";
  };
  return ws() + walk(value) + ws();
}

/** Valid JSON texts in assorted spellings. */
export const jsonTextArb: fc.Arbitrary<string> = fc
  .tuple(valueArb({ unsupported: false, maxDepth: 4, maxNest: 120 }), fc.integer())
  .map(([v, seed]) => spell(v, seed));

const JUNK = ['"', ",", "]", "}", "[", "{", ":", "\\", "x", "\x01", " ", "0", "-", ".", "e", "E", "+", "\ufeff", "😀", "\n", "\\u", "\\ud800", "1", "n", "N", "I", "tru", "\u00a0"];

/** Texts near valid ones: a character removed, inserted or replaced, or the text cut short. */
export const brokenTextArb: fc.Arbitrary<string> = fc
  .tuple(jsonTextArb, fc.nat(), fc.constantFrom(...JUNK), fc.integer({ min: 0, max: 3 }))
  .map(([t, at, junk, how]) => {
    const i = t.length === 0 ? 0 : at % (t.length + 1);
    switch (how) {
      case 0:
        return t.slice(0, i) + t.slice(i + 1);
      case 1:
        return t.slice(0, i) + junk + t.slice(i);
      case 2:
        return t.slice(0, i) + junk + t.slice(i + 1);
      default:
        return t.slice(0, i);
    }
  });

function utf16(s: string, le: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return out;
}

function utf32(s: string, le: boolean): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const b = [(c >>> 24) & 0xff, (c >>> 16) & 0xff, (c >>> 8) & 0xff, c & 0xff];
    out.push(...(le ? b.reverse() : b));
  }
  return out;
}

/** JSON texts as bytes in every encoding json.loads detects, with and without BOM, sometimes damaged. */
export const bytesArb: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.oneof(jsonTextArb, brokenTextArb),
    fc.constantFrom("utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "utf-16", "utf-32-le", "utf-32-be", "utf-32"),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(0x00, 0xff, 0x80, 0xc3, 0xed, 0xa0, 0xf0, 0x90, 0xf4, 0xe2, 0xd8, 0xdc, 0x11)), { maxLength: 2 }),
    fc.boolean(),
  )
  .map(([t, enc, damage, cut]) => {
    let b: number[];
    if (enc === "utf-8" || enc === "utf-8-sig") b = [...(enc === "utf-8-sig" ? [0xef, 0xbb, 0xbf] : []), ...new TextEncoder().encode(t)];
    else if (enc.startsWith("utf-16")) b = [...(enc === "utf-16" ? [0xff, 0xfe] : []), ...utf16(t, !enc.endsWith("be"))];
    else b = [...(enc === "utf-32" ? [0xff, 0xfe, 0, 0] : []), ...utf32(t, !enc.endsWith("be"))];
    for (const [at, byte] of damage) b.splice(b.length === 0 ? 0 : at % b.length, 0, byte);
    if (cut && b.length > 0) b = b.slice(0, b.length - 1);
    return new Uint8Array(b);
  });

/** Arbitrary short byte strings. */
export const randomBytesArb: fc.Arbitrary<Uint8Array> = fc.uint8Array({ maxLength: 12 });

/** Values the fast encoder writes itself (plain objects, arrays, strings, numbers, PyFloats, bigints),
 * and a few it leaves to the general encoder (a Map or a set deep inside, NaN, lone surrogates). */
export const nativeValueArb: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { maxDepth: 5, depthIdentifier: "n", withCrossShrink: true },
    { weight: 3, arbitrary: fc.oneof(fc.constantFrom(null, true, false), strArb, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Number.isInteger(x))) },
    { weight: 1, arbitrary: fc.constantFrom(1e-5, 5e-8, 1e-9, 1e-10, 0.0001, -0.00009, 1.5, NaN, 2 ** 60, -(2 ** 53), 1e21, 1e16, -0, "\ud800", "a\udfffb", "\u007f\u0080", "\u0000x") },
    { weight: 1, arbitrary: fc.oneof(floatArb, intArb) },
    { weight: 1, arbitrary: fc.constantFrom(0, 1).map((k) => (k === 0 ? dict([["k", 1]]) : new Set([1]))) },
    { weight: 2, arbitrary: fc.array(tie("v"), { maxLength: 6, depthIdentifier: "n" }) },
    { weight: 2, arbitrary: fc.array(fc.tuple(keyArb, tie("v")), { maxLength: 6, depthIdentifier: "n" }).map(plainObject) },
  ),
})).v;

/** Option sets of the fast encoder (any indent and separators; sort_keys and PyFloat indents are the
 * general encoder's). */
export const nativeOptsArb: fc.Arbitrary<{ opts: DumpsOptions; py: Record<string, unknown> }> = fc
  .record({
    ensureAscii: fc.boolean(),
    allowNan: fc.boolean(),
    indent: fc.constantFrom(null, null, 0, -1, 1, 2, 4, 10, 11, "\t", "  ", "\u00e9", "", true),
    separators: fc.constantFrom(null, null, [",", ":"] as [string, string], [",", ": "] as [string, string], [" , ", " : "] as [string, string], ["\u00e9", "\u2028"] as [string, string]),
  })
  .map((r) => ({
    opts: { ensureAscii: r.ensureAscii, allowNan: r.allowNan, indent: r.indent, separators: r.separators },
    py: { ensure_ascii: r.ensureAscii, allow_nan: r.allowNan, indent: r.indent, separators: r.separators },
  }));

// ---- number tokens and big values ----------------------------------------------------------------

const digits = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength, maxLength });

/** Number tokens of every shape the scanner and the JSON.parse guard tell apart: integer parts of 1 to
 * 22 digits, fractions opening with runs of zeros or nines (the guard's near-integer rule: k integer
 * digits, then 16-k zeros or nines), mantissas around 2**53 (the scanner's exact float path),
 * exponents, and hand-picked tokens at those edges. */
export const numberTokenArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc
    .tuple(
      fc.boolean(),
      fc.oneof(fc.constant("0"), fc.tuple(fc.constantFrom(..."123456789"), digits(0, 21)).map(([a, b]) => a + b)),
      fc.tuple(fc.constantFrom("0", "9", "5"), fc.integer({ min: 0, max: 17 }), digits(0, 4)).map(([run, n, tail]) => run.repeat(n) + tail),
      fc.option(fc.tuple(fc.constantFrom("e", "E"), fc.constantFrom("", "+", "-"), digits(1, 3)).map((p) => p.join(""))),
    )
    .map(([neg, int, frac, exp]) => (neg ? "-" : "") + int + (frac === "" ? "" : "." + frac) + (exp ?? "")) },
  { weight: 1, arbitrary: fc.constantFrom(
    "9007199254740991", "9007199254740992", "9007199254740993", "-9007199254740993", "9007199254740.993", "0.9007199254740993",
    "90071992547409.92", "0.0000009007199254740992e3", "4503599627370496.5", "4503599627370496.2", "9007199254740993.0",
    "123456789012345.99", "1.0000000000000002", "0.99999999999999994", "0.9999999999999999", "0.000001", "1e22", "1e23",
    "1.5e1", "-0", "-0.0", "-0e5", "0.0", "1E400", "-1e-400", "123456789012345678901234567890", "1000000000000000", "10000000000000000") },
);

/** JSON texts made of number tokens: arrays and objects of them; keys repeat, so a later value may
 * replace a token CPython refuses (an int of more than 4300 digits), which it still refuses. */
export const numberTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.array(numberTokenArb, { minLength: 1, maxLength: 8 }).map((t) => "[" + t.join(", ") + "]"),
  fc.array(fc.tuple(fc.oneof(keyArb, fc.constant("k")), numberTokenArb), { minLength: 1, maxLength: 5 }).map((kv) => "{" + kv.map(([k, t]) => JSON.stringify(k) + ": " + t).join(", ") + "}"),
  numberTokenArb,
  fc.tuple(fc.integer({ min: 4299, max: 4305 }), fc.boolean()).map(([n, neg]) => `{"k": ${neg ? "-" : ""}1${"0".repeat(n)}, "k": 1}`),
);

/** Values whose text outgrows the fast encoder's first buffer (64 KiB): many strings, or one long one. */
export const bigValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(strArb, { minLength: 3000, maxLength: 5000 }),
  fc.tuple(fc.constantFrom(...SPECIAL, "a", "é", "😀"), fc.integer({ min: 15000, max: 40000 }), strArb).map(([c, n, s]) => [c.repeat(n) + s, { k: s }]),
  fc.array(fc.tuple(keyArb, fc.oneof(strArb, intArb, floatArb)), { minLength: 2000, maxLength: 3000 }).map(plainObject),
);
