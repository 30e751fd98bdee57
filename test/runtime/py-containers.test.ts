// The Python semantics helpers for containers and conversions (len, indexing, slicing, dict
// methods, iteration, dict/list/tuple/int), each compared with CPython on generated and hand-picked
// values: the same result, or the same error (class and traceback line).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  KEY_ORDER, PyFloat, UntranslatedPythonError, dict, float, isDict, keys, loads, pyDict, pyGet, pyGetItem, pyInt, pyItems, pyIter,
  pyKeys, pyLen, pyList, pyMappingItems, pyRepr, pySetItem, pySlice, pyStr, pyTuple, pyValues, tuple,
} from "../../src/runtime/index.js";
import { PythonOracle, pythonAvailable } from "../support/python-oracle.js";
import { keyArb, plainObject, strArb } from "./arbitraries.js";
import { anyArb, bytesArb, dictArb, listArb, lookupArb, orderStrArb, seqArb, setArb, tupleArb } from "./py-arbitraries.js";
import { expectSame as expectSameIn, fresh, sampleCases, type Case, type Tally } from "./py-support.js";

const SEED = process.env.DUMPLING_SEED !== undefined ? Number(process.env.DUMPLING_SEED) : 20261129;
const hasPython = pythonAvailable();
let oracle: PythonOracle;
let version = "";
const tally: Tally = { cases: 0, mismatches: 0 };

beforeAll(async () => {
  if (!hasPython) return;
  oracle = new PythonOracle();
  version = (await oracle.version()).split(" ")[0]!;
});
afterAll(() => {
  oracle?.close();
  console.log(`python containers: ${tally.cases} cases against CPython ${version}, ${tally.mismatches} mismatches (seed ${SEED})`);
});

const expectSame = (cases: Case[]): Promise<void> => expectSameIn(oracle, tally, cases);
const sample = <T>(arb: fc.Arbitrary<T>, n: number, toCase: (c: T) => Case): Case[] => sampleCases(arb, n, SEED, toCase);

/** A case on fresh copies of the values, one for each side (helpers may mutate theirs). */
function call(py: string, vars: Record<string, unknown>, f: (...a: unknown[]) => unknown): Case {
  const args = Object.values(vars).map(fresh);
  return { py, vars: Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, fresh(v)])), js: () => f(...args) };
}

// Python orders a set's members by hash, a JS Set by insertion: iteration order is compared apart.
const noSet = (v: unknown): boolean => !(v instanceof Set);

const INDEXES: unknown[] = [0, 1, 2, -1, -2, -5, 5, true, false, 2n ** 63n, -(2n ** 63n) - 1n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n, float(1), 1.5, "a", null, tuple(0)];
const indexArb = fc.oneof(fc.integer({ min: -7, max: 7 }), fc.constantFrom(...INDEXES));
const sliceBoundArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 6, arbitrary: fc.integer({ min: -8, max: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(true, false, 2n ** 64n, -(2n ** 64n), 2 ** 53 - 1, 1.5, "a") },
);
const stepArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(2n ** 64n, -(2n ** 64n), true, 1.0, float(1), "a") },
);
/** Strings with astral characters, where code points and UTF-16 units differ. */
const astralArb = fc.array(fc.constantFrom("a", "😀", "\u{10ffff}", "\ud800", "\udc00", "é", "\uffff"), { maxLength: 6 }).map((a) => a.join(""));
const sequenceArb = fc.oneof(seqArb, astralArb);

/** A JSON text with these keys in this order, loaded: integer-like keys make loads record KEY_ORDER. */
const loadedArb = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom("b", "1", "10", "0", "a", "2", "__proto__"), keyArb), fc.integer({ min: 0, max: 9 })), { maxLength: 6 })
  .map((pairs) => loads("{" + pairs.map(([k, v]) => JSON.stringify(k) + ": " + v).join(", ") + "}"));

describe.skipIf(!hasPython)("Python container helpers vs CPython (live oracle)", () => {
  it("the oracle is CPython 3.11", () => {
    expect(version).toMatch(/^3\.11\./);
  });

  it("len(x)", async () => {
    const values = fc.oneof(anyArb, dictArb, astralArb, bytesArb, setArb, loadedArb);
    await expectSame(sample(values, 2000, (a) => call("result = len(a)", { a }, pyLen)));
  });

  it("x[k]: sequences by index, dicts by key (Python's key equality), everything else's TypeError", async () => {
    const pairs = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(sequenceArb, indexArb) },
      { weight: 4, arbitrary: fc.oneof(dictArb, loadedArb).chain((d) => lookupArb(d).map((k) => [d, k] as [unknown, unknown])) },
      { weight: 2, arbitrary: fc.tuple(anyArb, anyArb) },
    );
    await expectSame(sample(pairs, 3000, ([a, b]) => call("result = a[b]", { a, b }, pyGetItem as (...a: unknown[]) => unknown)));
  });

  it("x[k] = v, then x: lists, Maps, plain objects (order kept through integer-like keys), and the TypeErrors", async () => {
    const strKeys = fc.oneof(fc.constantFrom("a", "b", "1", "0", "10", "2", "__proto__", "constructor"), keyArb);
    const cases = fc.oneof(
      { weight: 3, arbitrary: fc.tuple(listArb, indexArb, fc.integer()) },
      { weight: 3, arbitrary: fc.tuple(fc.oneof(loadedArb, dictArb.filter((d) => !(d instanceof Map))), strKeys, fc.integer()) },
      { weight: 2, arbitrary: dictArb.filter((d) => d instanceof Map).chain((d) => fc.tuple(fc.constant(d), lookupArb(d).filter((k) => typeof k !== "object" || k === null || Array.isArray(k)), fc.integer())) },
      { weight: 1, arbitrary: fc.tuple(fc.oneof(tupleArb, strArb, bytesArb, setArb, fc.constantFrom(null, 1, 1.5)), indexArb, fc.integer()) },
    );
    await expectSame(sample(cases, 3000, ([a, b, c]) => call("a[b] = c\nresult = a", { a, b, c }, (x, k, v) => (pySetItem(x, k, v), x))));
  });

  it("a series of new keys keeps Python's order in a plain object (integer-like keys included)", async () => {
    const ops = fc.array(fc.tuple(fc.oneof(fc.constantFrom("1", "0", "z", "10", "a", "3"), keyArb), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 8 });
    const cases = fc.tuple(fc.oneof(loadedArb, fc.constant(0).map(() => ({}))), ops);
    await expectSame(
      sample(cases, 1500, ([a, o]) => {
        const x = fresh(a) as Record<string, unknown>;
        return { py: "for k, v in ops:\n    a[k] = v\nresult = [a, list(a)]", vars: { a, ops: o.map(([k, v]) => tuple(k, v)) }, js: () => (o.forEach(([k, v]) => pySetItem(x, k, v)), [x, pyList(x)]) };
      }),
    );
  });

  it("x[i:j:k]: bounds None, negative, past the end, huge; step 0; by code point", async () => {
    const cases = fc.tuple(fc.oneof({ weight: 6, arbitrary: sequenceArb }, { weight: 1, arbitrary: fc.oneof(dictArb, setArb, fc.constantFrom(null, 1)) }), sliceBoundArb, sliceBoundArb, stepArb);
    await expectSame(sample(cases, 3000, ([a, b, c, d]) => call("result = a[b:c:d]", { a, b, c, d }, pySlice as (...a: unknown[]) => unknown)));
    // Absent bounds may also be `undefined` (the translator's omitted arguments).
    for (const s of ["abc😀", [1, 2, 3], tuple(1, 2)]) {
      expect(pySlice(s)).toEqual(pySlice(s, null, null, null));
      expect(pySlice(s, 1)).toEqual(pySlice(s, 1, null, null));
    }
  });

  it("d.get(k) and d.get(k, default): the default only when the key is missing", async () => {
    const dicts = fc.oneof(dictArb, loadedArb);
    const cases = fc.oneof(
      { weight: 4, arbitrary: dicts.chain((d) => fc.tuple(fc.constant(d), lookupArb(d), fc.constantFrom<unknown>(null, 0, [], "x"))) },
      { weight: 1, arbitrary: fc.tuple(anyArb, anyArb, fc.constant(null)) },
    );
    await expectSame([
      ...sample(cases, 2500, ([a, b, c]) => call("result = a.get(b, c)", { a, b, c }, pyGet)),
      ...sample(cases, 1000, ([a, b]) => call("result = a.get(b)", { a, b }, (x, k) => pyGet(x, k))),
      // A key present with the value None gives None, not the default.
      call("result = a.get(b, c)", { a: { k: null }, b: "k", c: 1 }, pyGet),
      call("result = a.get(b, c)", { a: dict([[1, null]]), b: true, c: 1 }, pyGet),
    ]);
  });

  it.each([
    ["keys", pyKeys],
    ["values", pyValues],
    ["items", pyItems],
  ] as const)("list(d.%s())", async (name, f) => {
    const values = fc.oneof({ weight: 4, arbitrary: fc.oneof(dictArb, loadedArb) }, { weight: 1, arbitrary: anyArb });
    await expectSame(sample(values, 1500, (a) => call(`result = list(a.${name}())`, { a }, f)));
  });

  it("{**a} unpacks a mapping's items; anything else is not a mapping (TypeError)", async () => {
    const values = fc.oneof({ weight: 3, arbitrary: fc.oneof(dictArb, loadedArb) }, { weight: 2, arbitrary: anyArb });
    await expectSame(sample(values, 1500, (a) => call("result = list({**a}.items())", { a }, (x) => pyItems(dict(pyMappingItems(x))))));
  });

  it("dict(pairs) refuses a list, dict or set as a key before anything else (unhashable type)", async () => {
    const key = fc.oneof(keyArb, listArb, dictArb, setArb);
    await expectSame(sample(fc.array(fc.tuple(key, keyArb), { maxLength: 4 }), 1000, (pairs) => call("result = list(dict(a).items())", { a: pairs.map(([k, v]) => tuple(k, v)) }, (x) => pyItems(dict(x as [unknown, unknown][])))));
  });

  it.each([
    ["list(a)", (x: unknown) => [...pyIter(x)]],
    ["list(a)", pyList],
    ["tuple(a)", pyTuple],
  ] as const)("%s (iteration: dict keys, code points, bytes' ints)", async (py, f) => {
    const values = fc.oneof(anyArb.filter(noSet), dictArb, loadedArb, astralArb, bytesArb);
    await expectSame(sample(values, 2000, (a) => call(`result = ${py}`, { a }, f)));
  });

  it("iterating a set visits its members (in insertion order, where Python's is by hash)", async () => {
    const byRepr = (x: unknown): unknown[] => [...pyIter(x)].map((e) => [pyRepr(e), e] as const).sort((p, q) => (p[0] < q[0] ? -1 : 1)).map((p) => p[1]);
    await expectSame(sample(setArb, 300, (a) => call("result = sorted(a, key=repr)", { a }, byRepr)));
  });

  it("dict(x), dict(x, **kw), dict(**kw): a plain object when every key is a str, else a Map", async () => {
    const pairArb = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(fc.oneof(keyArb, fc.constantFrom<unknown>("1", "0", 1, true, float(1), null, tuple(1), "ab")), fc.integer()).map(([k, v]) => (Math.abs(v) % 2 ? tuple(k, v) : [k, v])) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>("ab", "a", "abc", Uint8Array.of(97, 98), 1, null, tuple(1, 2, 3), [[1], 2], new Set(["k"]), { a: 1, b: 2 }) },
    ).filter(noSet);
    const sources = fc.oneof(
      { weight: 4, arbitrary: fc.array(pairArb, { maxLength: 5 }) },
      { weight: 2, arbitrary: fc.oneof(dictArb, loadedArb) },
      { weight: 1, arbitrary: fc.oneof(anyArb.filter(noSet), strArb, bytesArb) },
    );
    const kwargs = fc.array(fc.tuple(fc.oneof(keyArb, fc.constantFrom("1", "a", "10")), fc.integer()), { maxLength: 3 }).map(plainObject);
    /** The representation promised: a plain object exactly when every key is a str. */
    const checked = (r: unknown): unknown => {
      const strKeys = r instanceof Map ? [...r.keys()].every((k) => typeof k === "string") : true;
      if (r instanceof Map === strKeys || !isDict(r)) throw new Error("pyDict returned the wrong representation");
      return r;
    };
    await expectSame([
      ...sample(sources, 2500, (a) => call("result = dict(a)", { a }, (x) => checked(pyDict(x)))),
      ...sample(fc.tuple(sources, kwargs), 1000, ([a, k]) => call("result = dict(a, **k)", { a, k }, (x, kw) => checked(pyDict(x, kw)))),
      ...sample(kwargs, 300, (k) => call("result = dict(**k)", { k }, (kw) => checked(pyDict(undefined, kw)))),
      call("result = dict(**k)", { k: dict([[1, 2]]) }, (kw) => pyDict(undefined, kw)),
      call("result = dict(a, **k)", { a: [1], k: dict([[1, 2]]) }, (x, kw) => pyDict(x, kw)),
      call("result = dict(a, **k)", { a: [1], k: [1] }, (x, kw) => pyDict(x, kw)),
      call("result = dict()", {}, () => pyDict()),
    ]);
    // Python's order survives JS's integer-first listing.
    const d = pyDict([tuple("b", 1), tuple("1", 2), tuple("a", 3), tuple("0", 4)]) as Record<string | symbol, unknown>;
    expect(keys(d)).toEqual(["b", "1", "a", "0"]);
    expect(d[KEY_ORDER]).toBeDefined();
    expect(Object.getPrototypeOf(pyDict([tuple("__proto__", 1)]))).toBe(Object.prototype);
  });

  it("int(x) and int(x, base): strings (any script's digits, spaces, signs, underscores, prefixes), bytes, floats", async () => {
    const pieces = ["", " ", "\t", "\n", "\x0b", "\x1c", "\x85", "\xa0", "\u3000", "\ufeff", "+", "-", "_", "__", "0", "1", "7", "9", "a", "f", "z", "Z", "x", "0x", "0X", "0o", "0b", "0B", "\u0661", "\u06f5", "\uff11", "\u{1d7ce}", "\u{1d7ff}", "\u00b2", ".", "e", "\x00", "😀"];
    const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 7 }).map((a) => a.join(""));
    const numberText = fc.tuple(fc.constantFrom("", " ", "-", "+", " -"), fc.constantFrom("", "0x", "0o", "0b", "0"), fc.array(fc.constantFrom("0", "1", "5", "9", "a", "F", "_"), { minLength: 1, maxLength: 8 }), fc.constantFrom("", " ", "\n", "x"))
      .map((p) => p[0] + p[1] + p[2].join("") + p[3]);
    const longText = fc.tuple(fc.integer({ min: 4295, max: 4305 }), fc.constantFrom("", "x", "_1", " ", "\u0661"), fc.constantFrom("1", "0", "\u0661")).map(([n, tail, d]) => d.repeat(n) + tail);
    const inputs = fc.oneof(
      { weight: 4, arbitrary: textArb },
      { weight: 4, arbitrary: numberText },
      { weight: 1, arbitrary: longText },
      { weight: 1, arbitrary: numberText.map((s) => Uint8Array.from(Array.from(s, (c) => c.charCodeAt(0)))) },
      { weight: 1, arbitrary: bytesArb },
      { weight: 2, arbitrary: anyArb },
    );
    const bases = fc.constantFrom<unknown>(0, 2, 8, 10, 16, 36, 7, 1, 37, -1, true, 2n ** 70n, 1.5);
    await expectSame([
      ...sample(inputs, 2000, (a) => call("result = int(a)", { a }, (x) => pyInt(x))),
      ...sample(fc.tuple(inputs, bases), 2000, ([a, b]) => call("result = int(a, b)", { a, b }, (x, base) => pyInt(x, base as number))),
      ...["x".repeat(300), "\u0661".repeat(250) + "x"].map((a) => call("result = int(a)", { a }, (x) => pyInt(x))),
    ]);
  });

  it("int() reads the decimal digits of every script in Python 3.11's Unicode database, and no others", async () => {
    // Every code point JS calls a decimal digit (its Unicode may be newer than Python 3.11's), one by one.
    const digits: string[] = [];
    for (let c = 0; c <= 0x10ffff; c++) if (/\p{Nd}/u.test(String.fromCodePoint(c))) digits.push(String.fromCodePoint(c));
    // Only the value or the error class: an error's repr of a character newer than Unicode 14 differs (pyRepr's known divergence).
    const kind = (x: unknown): unknown => {
      try {
        return pyInt(x);
      } catch (e) {
        return (e as Error).name;
      }
    };
    await expectSame(digits.map((a) => call("try:\n    result = int(a)\nexcept ValueError:\n    result = 'ValueError'", { a }, kind)));
    const py = (await oracle.ask({ op: "exec", code: "import unicodedata\nresult = sum(1 for c in range(0x110000) if unicodedata.decimal(chr(c), None) is not None)" })).ok;
    expect(digits.length).toBeGreaterThanOrEqual(py as number);
  });

  it("str(x) is pyStr: bytes, floats, bools, lists", async () => {
    const values: unknown[] = [Uint8Array.of(120), new PyFloat(1), float(-0), 1.5, true, false, null, [1, "a"], tuple(1), tuple(), { a: [1, float(2)] }, "x\ny", 2n ** 70n];
    await expectSame(values.map((a) => call("result = str(a)", { a }, pyStr)));
  });
});

describe("what the oracle cannot check", () => {
  it("a non-str key on a plain object is untranslated (a Python dict would take it; a plain object cannot)", () => {
    expect(() => pySetItem({}, 1, 2)).toThrow(UntranslatedPythonError);
    expect(() => pySetItem({}, [1], 2)).toThrow("unhashable type: 'list'");
  });

  it("a key deleted with `delete` and set again goes last, as in Python", () => {
    const o = loads('{"b": 1, "1": 2, "a": 3}') as Record<string, unknown>;
    delete o.b;
    pySetItem(o, "b", 4);
    expect(pyKeys(o)).toEqual(["1", "a", "b"]);
    pySetItem(o, "0", 5);
    expect(pyKeys(o)).toEqual(["1", "a", "b", "0"]);
  });

  it("a list is iterated live (appending while iterating is seen, as in Python); dicts and sets are copied", () => {
    const l = [1, 2];
    const seen: unknown[] = [];
    for (const x of pyIter(l)) if (seen.push(x) < 4) l.push(x);
    expect(seen).toEqual([1, 2, 1, 2, 1]); // Python: l = [1, 2]; for x in l: seen.append(x); if len(seen) < 4: l.append(x)
    const o: Record<string, number> = { a: 1 };
    for (const k of pyIter(o)) o[k + "x"] = 1;
    expect(Object.keys(o)).toEqual(["a", "ax"]);
  });
});
