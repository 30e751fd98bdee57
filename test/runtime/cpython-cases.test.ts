// Hand-written cases covering what CPython's own Lib/test/test_json checks, option by option. Each
// expectation comes from the live CPython oracle, never from this file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PyFloat, dict, dump, dumps, float, loads, tuple, type DumpsOptions, type LoadsOptions } from "../../src/runtime/index.js";
import { PythonOracle, pythonAvailable, toTagged, type OracleRequest } from "../support/python-oracle.js";
import { plainObject } from "./arbitraries.js";
import { attempt, sameOutcome, tagged, type Outcome } from "./support.js";

const hasPython = pythonAvailable();
let oracle: PythonOracle;
beforeAll(() => {
  if (hasPython) oracle = new PythonOracle();
});
afterAll(() => oracle?.close());

const SNAKE: Record<string, string> = {
  skipkeys: "skipkeys", ensureAscii: "ensure_ascii", checkCircular: "check_circular", allowNan: "allow_nan",
  indent: "indent", separators: "separators", sortKeys: "sort_keys", strict: "strict",
};

/** JS options as Python kwargs; hooks must be given as [jsFunction, pythonExpression]. */
function split<T extends object>(o: Record<string, unknown>): { js: T; py: Record<string, unknown> } {
  const js: Record<string, unknown> = {};
  const py: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (Array.isArray(v) && typeof v[0] === "function") {
      js[k] = v[0];
      py[k.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase())] = v[1];
    } else {
      js[k] = v;
      if (k in SNAKE) py[SNAKE[k]!] = v instanceof PyFloat ? toTagged(v) : v;
    }
  }
  return { js: js as T, py };
}

interface Case {
  name: string;
  req: OracleRequest;
  run: () => Outcome;
  view?: (v: unknown) => unknown;
}
const cases: Case[] = [];

function D(name: string, value: unknown, opts: Record<string, unknown> = {}): void {
  const o = split<DumpsOptions>(opts);
  cases.push({ name: `dumps ${name}`, req: { op: "dumps", value: toTagged(value), opts: o.py }, run: () => attempt(() => dumps(value, o.js)) });
  cases.push({
    name: `dump ${name}`,
    req: { op: "dump", value: toTagged(value), opts: o.py },
    run: () => {
      let w = "";
      const r = attempt(() => dump(value, { write: (s: string) => (w += s) }, o.js));
      if ("error" in r) (r.error as { partial?: string }).partial = w; // compared with what CPython's fp received
      return "error" in r ? r : { ok: w };
    },
  });
}
function L(name: string, s: string | Uint8Array, opts: Record<string, unknown> = {}): void {
  const o = split<LoadsOptions>(opts);
  const req: OracleRequest = typeof s === "string" ? { op: "loads", s, opts: o.py } : { op: "loads", bytes: Buffer.from(s).toString("base64"), opts: o.py };
  cases.push({ name: `loads ${name}: ${JSON.stringify(typeof s === "string" ? s.slice(0, 40) : [...s])}`, req, run: () => attempt(() => loads(s, o.js)), view: tagged });
}

// ---- test_fail: documents CPython rejects, with message and position --------------------------------
for (const doc of [
  '["Unclosed array"', '{unquoted_key: "keys must be quoted"}', '["extra comma",]', '["double extra comma",,]',
  '[   , "<-- missing value"]', '["Comma after the close"],', '["Extra close"]]', '{"Extra comma": true,}',
  '{"Extra value after close": true} "misplaced quoted value"', '{"Illegal expression": 1 + 2}', '{"Illegal invocation": alert()}',
  '{"Numbers cannot have leading zeroes": 013}', '{"Numbers cannot be hex": 0x14}', '["Illegal backslash escape: \\x15"]',
  "[\\naked]", '["Illegal backslash escape: \\017"]', '{"Missing colon" null}', '{"Double colon":: null}', '{"Comma instead of colon", null}',
  '["Colon instead of comma": false]', '["Bad value", truth]', "['single quote']", '["\ttab\tcharacter\tin\tstring\t"]',
  '["tab\\   character\\   in\\  string\\  "]', '["line\nbreak"]', '["line\\\nbreak"]', "[0e]", "[0e+]", "[0e+-1]",
  '{"Comma instead if closing brace": true,', '["mismatch"}', '["A\u001FZ control characters in string"]',
  "", "[", "[42", "[42,", '["', '["spam', '["spam"', '["spam",', "{", '{"', '{"spam', '{"spam"', '{"spam":', '{"spam":42', '{"spam":42,',
  '"', '"spam', "[,", '{"spam":[}', "[42:", '[42 "spam"', "[42,]", '{"spam":[42}', '["]', '["spam":', '["spam",]', "{:", "{,", "{42", "[{]",
  '{"spam",', '{"spam"}', '[{"spam"]', '{"spam":}', '[{"spam":]', '{"spam":42 "ham"', '[{"spam":42]', '{"spam":42,}', '{"spam":42 , }', "[123  , ]",
  "[]]", "{}}", "[],[]", "{},{}", '42,"spam"', '"spam",42', "!", " !", "\n!", "\n  \n\n     !", "\ufeff[]", "[\ufeff]", "-", "--1", "-a", "1.", "1.e5", ".5",
  "1e", "1E+", "+1", "0x1", "nul", "tru", "fals", "nan", "inf", "-NaN", "Infinity1", "-Infinityx", "[1,\n2,\n x]", '"\\uDFAA\\', '"\\u12G4"',
]) {
  L("fail", doc);
}

// ---- test_pass1/2/3 and test_decode: accepted documents -------------------------------------------
L("pass1-like", `[
    "JSON Test Pattern pass1", {"object with 1 member":["array with 1 element"]}, {}, [], -42, true, false, null,
    {"integer": 1234567890, "real": -9876.543210, "e": 0.123456789e-12, "E": 1.234567890E+34, "": 23456789012E66,
     "zero": 0, "one": 1, "space": " ", "quote": "\\"", "backslash": "\\\\", "controls": "\\b\\f\\n\\r\\t",
     "slash": "/ & \\/", "alpha": "abcdefghijklmnopqrstuvwyz", "digit": "0123456789", "0123456789": "digit",
     "special": "\`1~!@#$%^&*()_+-={':[,]}|;.</>?", "hex": "\\u0123\\u4567\\u89AB\\uCDEF\\uabcd\\uef4A",
     "true": true, "false": false, "null": null, "array":[  ], "object":{  }, "address": "50 St. James Street",
     " s p a c e d " :[1,2 , 3,4 , 5        ,          6           ,7        ],"compact":[1,2,3,4,5,6,7],
     "jsontext": "{\\"object with 1 member\\":[\\"array with 1 element\\"]}", "quotes": "&#34; \\u0022 %22 0x22 034 &#x22;",
     "\\/\\\\\\"\\uCAFE\\uBABE\\uAB98\\uFCDE\\ubcda\\uef4A\\b\\f\\n\\r\\t\`1~!@#$%^&*()_+-=[]{}|;:',./<>?" : "A key can be any string"},
    0.5 ,98.6, 99.44, 1066, 1e1, 0.1e1, 1e-1, 1e00,2e+00,2e-00, "rosebud"]`);
L("pass2 deep", '[[[[[[[[[[[[[[[[[[["Not too deep"]]]]]]]]]]]]]]]]]]]');
L("pass3", '{"JSON Test Pattern pass3": {"The outermost value": "must be an object or array.", "In this test": "It is an object."}}');
for (const s of ["1.1", "1.0", "-0", "-0.0", "0e0", "1E400", "-1e400", "1e-400", "123456789012345678901234567890", "9007199254740991", "9007199254740992", "-9007199254740993",
  "NaN", "Infinity", "-Infinity", "[NaN, Infinity, -Infinity]", "1617161771.7650001", "3.141592653589793", "1e16", "1e-05", "100000000000000000000.0",
  '{"a": 1, "a": 2, "1": 3, "0": 4, "b": 5, "1": 6}', '{"__proto__": {"x": 1}, "constructor": 2}', '{"": 0, "10": 1, "9": 2, "4294967295": 3, "4294967294": 4}',
  "[0.99999999999999999]", "[12.000000000000001]", "[3.0000000000000001]", "[3.000000000000001]", "[123456789012.00001]", "[1234567890123.999]",
  "[0.000000000000000000001]", "[9007199254740993.5]", "[4503599627370495.5]", "[99999999999999.99]", '{"a": 1.5, "b": [0.1, 2.25]}',
  '"\\ud834\\udd20"', '"\\ud834"', '"\\udd20\\ud834"', '"\\ud834\\u0041"', '"\\ud834\\udd20\\ud834"', '"\u{1d120}"', '"\\u007f\\u0000"', ' \t\n\r[ ] \r\n', '"\\/"']) {
  L("value", s);
}
// Floats at the edge of rounding to an integer (the JSON.parse path must leave these to the scanner).
for (let d = 1; d <= 16; d++) {
  const int = "9".repeat(d);
  for (const z of [14 - d, 15 - d, 16 - d]) {
    if (z < 0) continue;
    for (const tail of ["1", "5", "9"]) L("near-integer", `[${int}.${"0".repeat(z)}${tail}, -${int.slice(1) || "0"}.${"9".repeat(z)}${tail}]`);
  }
}
// The JSON.parse path's text checks: an exponent after a fraction that starts with 0 or 9, number-like
// text in strings (skipped), ints from 1e14 up, and a refused int hidden by a duplicate key at every
// offset from the positions the check samples.
for (const s of [
  "[5.9E+2, 1]", "[1.999e3]", "[1.0123e5, 2]", "0.999E-988", "[0.9999e+04]", '{"t": "12:00:00.000Z", "n": 1}', '{"t": "x 2.0", "n": 1}',
  '{"t": "v1.0", "n": 1}', '["4e5", 3]', '{"t": "a, 1e5, b", "n": 1}', "[100000000000000, 1]", "[99999999999999.0]", "[123456789012345.5]",
  "[1.5e3, 7]", "[2E0, 1]", "[1, 1e5]", "[1, -3e+2]", '{"u": "3e4f", "n": 1}', '{"n": 1, "u": "ab3e"}', "[1, 0.5, 12.09, 2.9]", "[1, 7.0]", "[7.00001, 1]",
]) {
  L("fast-path checks", s);
}
for (const pad of [0, 1, 2150, 4298, 4299]) L("limit hidden by a duplicate key", `{"p": "${"x".repeat(pad)}", "k": ${"7".repeat(4301)}, "k": 1}`);
L("limit ok", "1".repeat(4300));
L("limit", "1".repeat(4301));
L("limit negative", "-" + "9".repeat(4301));
L("limit in list", "[" + "2".repeat(5000) + "]");

// ---- hooks ------------------------------------------------------------------------------------------
const doc = '{"xkd": 1, "kcw": 2.5, "art": [1.0, NaN], "obj": {"b": 1, "a": 2}, "1": -0.0}';
L("object_pairs_hook", doc, { objectPairsHook: [(p: [string, unknown][]) => p.map((t) => tuple(...t)), "lambda p: p"] });
L("object_hook", doc, { objectHook: [(d: object) => Object.keys(d).sort(), "lambda d: sorted(d)"] });
L("both hooks (pairs wins)", doc, { objectHook: [() => 1, "lambda d: 1"], objectPairsHook: [(p: unknown[]) => p.length, "lambda p: len(p)"] });
L("parse_float", doc, { parseFloat: [(s: string) => "F" + s, "lambda s: 'F' + s"] });
L("parse_int", doc, { parseInt: [(s: string) => float(s), "float"] });
L("parse_int big", "[12345678901234567890123, 1]", { parseInt: [(s: string) => s.length, "len"] });
L("parse_constant", doc, { parseConstant: [(s: string) => s.toLowerCase(), "lambda s: s.lower()"] });
L("strict off", '["a\tb\u0000c\u001f", "\n"]', { strict: false });
L("strict on", '["a\tb"]', { strict: true });

// ---- bytes: detect_encoding -------------------------------------------------------------------------
const enc = (s: string, e: string): Uint8Array => {
  const units = [...s].flatMap((ch) => {
    const c = ch.codePointAt(0)!;
    if (e.startsWith("utf-32")) return [(c >>> 24) & 255, (c >>> 16) & 255, (c >>> 8) & 255, c & 255];
    return [...ch].flatMap((u) => [u.charCodeAt(0) >> 8, u.charCodeAt(0) & 255]);
  });
  const w = e.startsWith("utf-32") ? 4 : 2;
  const out: number[] = [];
  for (let i = 0; i < units.length; i += w) out.push(...(e.endsWith("le") ? units.slice(i, i + w).reverse() : units.slice(i, i + w)));
  return new Uint8Array(out);
};
for (const e of ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]) {
  for (const s of ['["\u00e9\u{1f600}"]', "1", "12", "[]", '{"a": 1}']) L(e, enc(s, e));
}
for (const b of [[0xef, 0xbb, 0xbf, 0x31], [0xff, 0xfe, 0x31, 0], [0xfe, 0xff, 0, 0x31], [0xff, 0xfe, 0, 0, 0x31, 0, 0, 0], [0, 0, 0xfe, 0xff, 0, 0, 0, 0x31],
  [0x22, 0xc0, 0x80, 0x22], [0x22, 0xed, 0xa0, 0x80, 0x22], [0x22, 0xed, 0xb0, 0x80, 0xed, 0xa0, 0x80, 0x22], [0x22, 0xf4, 0x90, 0x80, 0x80, 0x22],
  [0x22, 0xe2, 0x82], [0x22, 0x80, 0x22], [0x31, 0x00], [0x00, 0x31], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x31], [0xef, 0xbb, 0xbf, 0x22, 0xff, 0x22], []]) {
  L("bytes", new Uint8Array(b));
}

// ---- dumps options (test_dump, test_indent, test_separators, test_float, test_unicode, ...) ----------
const h = plainObject([["b", [1, 2, float(3), 4.5]], ["a", { c: null, "1": true }], ["10", "x"], ["", []], ["__proto__", {}]]);
const nested = [["blorpie"], ["whoops"], [], "d-shtaeou", "d-nthiouh", "i-vhbjkhnth", { nifty: 87 }, { field: "yes", morefield: false }];
for (const indent of [null, 0, 1, 2, 4, -1, 11, "", "\t", "--", true, false, 2.5, float(2)]) {
  D(`indent ${String(indent)}`, nested, { indent });
  D(`indent ${String(indent)} dict`, h, { indent, sortKeys: true });
}
D("separators compact", h, { separators: [",", ":"] });
D("separators indent", nested, { indent: 2, separators: [" ,", " : "] });
D("separators odd", h, { separators: ["\u00e9", "\u2028"], ensureAscii: false });
D("empty", [{}, [], "", tuple(), dict()]);
D("skipkeys", dict<unknown, unknown>([[tuple(1, 2), 1], ["a", 2]]), { skipkeys: true });
D("skipkeys all, indent", dict<unknown, unknown>([[tuple(1, 2), 1]]), { skipkeys: true, indent: 2 });
D("skipkeys off", dict<unknown, unknown>([["a", 1], [tuple(1, 2), 2]]));
D("bytes key", dict<unknown, unknown>([[new Uint8Array([1]), 1]]));
D("bytes key skipped", dict<unknown, unknown>([[new Uint8Array([1]), 1], ["valid_key", true]]), { skipkeys: true });
D("truefalse sort", dict<unknown, unknown>([[true, false], [false, true]]), { sortKeys: true });
D("mixed numeric sort", dict<unknown, unknown>([[2, float(3)], [float(4), 5], [false, 1], [6, true]]), { sortKeys: true });
D("mixed str/int sort", dict<unknown, unknown>([["a", 1], [1, 2]]), { sortKeys: true });
D("None key sort", dict<unknown, unknown>([[null, 1], ["a", 2]]), { sortKeys: true });
// Keys above U+FFFF against keys in U+E000-U+FFFF: Python sorts code points (U+E000 < U+FFFF <
// U+10000 < U+1F600), where JavaScript's default sort compares UTF-16 units and puts every astral
// key (a surrogate pair, 0xD800-0xDBFF first) before them.
const astral = plainObject([["\u{1F600}", 1], ["\uFFFF", 2], ["\u{10000}", 3], ["\uE000", 4], ["\uFB01", 5], ["z", 6], ["\u{E0001}", 7], ["\uFFFD", 8]]);
D("sort_keys: astral keys after U+E000-U+FFFF keys", astral, { sortKeys: true });
D("sort_keys: astral keys after U+E000-U+FFFF keys, not ASCII", astral, { sortKeys: true, ensureAscii: false });
D("sort_keys: astral keys, indented", dict<unknown, unknown>([["\u{1D11E}", [1]], ["\uE000", { "\u{1F600}": 1, "\uFFFF": 2 }]]), { sortKeys: true, indent: 2, ensureAscii: false });
D("key coercion", dict<unknown, unknown>([[1, "a"], [float(1.5), "b"], [true, "c"], [null, "d"], [float(NaN), "e"], [Infinity, "f"], [-Infinity, "g"], [2n ** 64n, "h"], [float(-0), "i"]]));
D("key collision", dict<unknown, unknown>([[1, "a"], ["1", "b"], [float(2), "c"], ["2.0", "d"]]));
D("nan key not allowed", dict<unknown, unknown>([[float(NaN), 1]]), { allowNan: false });
D("nan not allowed", [1, NaN], { allowNan: false });
D("inf not allowed", { a: -Infinity }, { allowNan: false });
D("floats", [1617161771.7650001, Math.PI, 1e300, -1e-300, 5e-324, 1e16, 1e15, 1e-5, 1e-4, 0.1, 2 ** 53 + 0.5, float(0), float(-0), float(1e22), float(2 ** 60), NaN, Infinity, -Infinity]);
// The fast encoder writes floats below 1e9 with at most 4 decimals from their digits: its bounds
// (1e-4, 1e9, 4 decimals, a carry into the integer part) and the floats just outside them.
const decimals = [1e-4, 1.5e-4, 9.9999e-5, 0.0001000000000001, 0.5, 0.1, 0.2, 0.1 + 0.2, 1.0001, 523.46, 523.4, 99.99, 0.9999, 0.99995, 1.23456, 999999999.9999, 999999999.99995, 1e9 - 1e-4, 1e9 + 0.5, 123456789.1234, 123456789.12345, 2 ** 30 + 0.25, 0.30000000000000004];
D("decimal floats", [...decimals, ...decimals.map((x) => -x), float(999999999), float(-1), float(1e9), -0.0001]);
D("decimal floats indented", { p: 1234.5, q: [-0.0625, 7.25] }, { indent: 2 });
D("ints", [0, -0, 1, -1, 2 ** 53 - 1, -(2 ** 53 - 1), 2n ** 53n, -(2n ** 64n), 10n ** 4300n - 1n]);
D("int limit", [10n ** 4300n]);
D("strings ascii", ["\u0000\u001f\u007f\u0080\u00e9\u2028\u{1d120}\ud834\udd20\ud834\udd20", "\ud800", "\udfff\ud800", '"\\/\b\f\n\r\t']);
D("strings unicode", ["\u0000\u001f\u007f\u0080\u00e9\u2028\u{1d120}", "\ud800", "x\udfffy", '"\\/\b\f\n\r\t'], { ensureAscii: false });
D("short non-ASCII strings", ["東".repeat(15), "東".repeat(16), "東京".repeat(8) + "\n", "é".repeat(20) + '"', "😀".repeat(8), "\ud800" + "東".repeat(20), "東".repeat(20) + "\udfff", "é".repeat(17) + "\u007f\u2028"], { ensureAscii: false });
D("top-level string", "\u00e9\ud800", { indent: 2.5 });
D("set", new Set([1]));
D("set in list after items", [1, "a", new Set([1])]);
D("set as dict value", { a: 1, b: new Set([1]) });
D("default", [new Set([3, 1, 2]), { s: new Set([]) }], { default: [(o: Set<number>) => [...o].sort(), "lambda o: sorted(o)"] });
D("default returns same", [new Set([1])], { default: [(o: unknown) => o, "lambda o: o"] });
D("default returns container", new Set([1]), { indent: 2, default: [(o: Set<number>) => ({ items: [...o] }), "lambda o: {'items': list(o)}"] });
D("default never for keys", dict<unknown, unknown>([[tuple(), 1]]), { default: [() => "x", "lambda o: 'x'"] });
D("tuple", tuple(1, tuple(2, "3"), []));
const circular: unknown[] = [1];
circular.push(circular);
D("circular list", circular);
const circDict: Record<string, unknown> = { a: 1 };
circDict.self = circDict;
D("circular dict", [circDict]);
const shared = [1, 2];
D("shared not circular", [shared, shared, { a: shared }]);
D("circular, check off", circular, { checkCircular: false });

describe.skipIf(!hasPython)("CPython's json test cases, compared live", () => {
  it(`${cases.length} hand-written cases`, async () => {
    const replies = await oracle.batch(cases.map((c) => c.req));
    const bad = cases.flatMap((c, i) => {
      const why = sameOutcome(c.run(), replies[i]!, c.view);
      return why === null ? [] : [`${c.name}: ${why}`];
    });
    expect(bad).toEqual([]);
  });
});
