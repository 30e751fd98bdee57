// pyMethod: Python's methods on Python's values (str, bytes, dict, list, tuple), compared with
// CPython on generated and hand-picked receivers and arguments; on any other object, the object's
// own method (the host's), its keyword arguments as a last object.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dict, float, PyAttributeError, pyMethod, tuple, UntranslatedPythonError } from "../../src/runtime/index.js";
import { PythonOracle, pythonAvailable } from "../support/python-oracle.js";
import { expectSame as expectSameIn, fresh, sampleCases, type Case, type Tally } from "./py-support.js";

const SEED = process.env.DUMPLING_SEED !== undefined ? Number(process.env.DUMPLING_SEED) : 20261204;
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
  console.log(`pyMethod: ${tally.cases} cases against CPython ${version}, ${tally.mismatches} mismatches (seed ${SEED})`);
});

const expectSame = (cases: Case[]): Promise<void> => expectSameIn(oracle, tally, cases);

/** `result = obj.name(*args, **kwargs)` in Python, pyMethod in JS, each on its own copies. */
function method(obj: unknown, name: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}, asList = false): Case {
  const vars: Record<string, unknown> = { obj: fresh(obj) };
  args.forEach((a, i) => (vars[`a${i}`] = fresh(a)));
  Object.entries(kwargs).forEach(([k, v]) => (vars[`k_${k}`] = fresh(v)));
  const call = [...args.map((_, i) => `a${i}`), ...Object.keys(kwargs).map((k) => `${k}=k_${k}`)].join(", ");
  const jsArgs = args.map(fresh);
  const jsKwargs = Object.fromEntries(Object.entries(kwargs).map(([k, v]) => [k, fresh(v)]));
  const jsObj = fresh(obj);
  // A dict view is a list here: compared as list(view).
  return { py: asList ? `result = list(obj.${name}(${call}))` : `result = obj.${name}(${call})`, vars, js: () => pyMethod(jsObj, name, jsArgs, jsKwargs) };
}

// Text with every kind of whitespace Python knows (and JavaScript's trim() also takes \ufeff).
const SPACES = [" ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1f", "\x85", "\xa0", "\u1680", "\u2000", "\u2028", "\u3000", "\ufeff", "\u200b"];
const textArb = fc
  .array(fc.oneof(fc.constantFrom(...SPACES, "a", "b", ",", ",,", "é", "😀", "ab", "x.y"), fc.string({ maxLength: 2 })), { maxLength: 8 })
  .map((xs) => xs.join(""));
const smallArb = fc.oneof(fc.constantFrom<unknown>(null, 0, 1, -1, 2, true, float(1), "", "a", ",", " "), textArb);

describe.skipIf(!hasPython)("pyMethod vs CPython (live oracle)", () => {
  it("the oracle is CPython 3.11", () => expect(version).toMatch(/^3\.11\./));

  it("str: split, strip, replace, join, startswith/endswith, lower/upper, format, encode", async () => {
    const cases: Case[] = [];
    cases.push(
      ...sampleCases(fc.tuple(textArb, fc.option(fc.constantFrom(",", " ", "ab", ",,", "é", "😀", ""), { nil: undefined }), fc.integer({ min: -1, max: 3 })), 1500, SEED, ([s, sep, n]) =>
        sep === undefined ? method(s, "split") : method(s, "split", [sep, n]),
      ),
      ...sampleCases(fc.tuple(textArb, fc.constantFrom("strip", "lstrip", "rstrip"), fc.option(fc.constantFrom("a", " ,", "😀é", ""), { nil: undefined })), 1500, SEED, ([s, name, chars]) =>
        method(s, name, chars === undefined ? [] : [chars]),
      ),
      ...sampleCases(fc.tuple(textArb, fc.constantFrom("a", "", "ab", "😀", ","), fc.constantFrom("", "-", "é😀"), fc.integer({ min: -1, max: 3 })), 1500, SEED, ([s, old, rep, n]) =>
        method(s, "replace", [old, rep, n]),
      ),
      ...sampleCases(fc.tuple(fc.constantFrom("", ", ", "😀"), fc.array(smallArb, { maxLength: 4 })), 800, SEED, ([sep, xs]) => method(sep, "join", [xs])),
      ...sampleCases(fc.tuple(textArb, fc.constantFrom("startswith", "endswith"), fc.oneof(fc.constantFrom("", "a", "😀", "é"), fc.constantFrom(tuple("a", "b"), tuple(), tuple(1)))), 800, SEED, ([s, name, affix]) =>
        method(s, name, [affix]),
      ),
      ...["Straße", "İstanbul", "ΣΑΣ", "ǅ", "a😀B", ""].flatMap((s) => [method(s, "lower"), method(s, "upper")]),
    );
    cases.push(
      method("{}-{x}", "format", [1], { x: "y" }),
      method("x", "encode", ["latin-1"]),
      method("é", "encode", [], { encoding: "ascii", errors: "replace" }),
      method("é", "encode", ["ascii"]),
      method("a b", "split", [], { maxsplit: 1 }),
      method("a,b", "split", [""]),
      method("a", "split", [1]),
      method("a", "strip", [1]),
      method("abc", "startswith", ["b", 1]),
      method("abc", "startswith", ["", 3]),
      method("abc", "startswith", ["", 4]),
      method("abc", "endswith", ["b", 0, -1]),
      method("abc", "get", ["a"]),
      method("abc", "lower", [1]),
      method("abc", "replace", ["a"]),
      method("abc", "join", [[1]]),
      method("a", "lower", [1]), method("a", "lower", [], { x: 1 }), method("a", "strip", [1, 2]), method("a", "strip", [], { chars: "a" }),
      method("a", "replace", ["a"]), method("a", "replace", ["a", "b", 1, 2]), method("a", "split", [1, 2, 3]), method("a", "split", [], { x: 1 }),
      method("a", "split", [","], { sep: "," }), method("a", "join", []), method("a", "join", [[], []]), method("a", "encode", ["a", "b", "c"]),
      method("a", "encode", [], { x: 1 }), method("a", "startswith", []), method("a", "startswith", ["a", 1, 2, 3]), method("a", "startswith", [], { prefix: "a" }),
      method(", ", "join", [dict([["a", 1], ["b", 2]])]),
    );
    await expectSame(cases);
  });

  it("bytes, dict, list and tuple methods; AttributeError where Python's type has none", async () => {
    const d = { b: 1, "1": [2] };
    await expectSame([
      method(Uint8Array.of(0xc3, 0xa9), "decode"),
      method(Uint8Array.of(0xff), "decode", ["utf-8", "replace"]),
      method(Uint8Array.of(0xff), "decode", [], { errors: "ignore" }),
      method(Uint8Array.of(0xff), "decode"),
      method(Uint8Array.of(0x61), "keys"),
      method(d, "get", ["b"]),
      method(d, "get", ["missing"]),
      method(d, "get", ["missing", []]),
      method(d, "get", []),
      method(d, "get", ["b"], { default: 2 }),
      method(d, "keys", [], {}, true),
      method(d, "values", [], {}, true),
      method(d, "items", [], {}, true),
      method(d, "copy"),
      method(dict<unknown, string>([[1, "a"], [float(1), "b"], [tuple(1, 2), "c"]]), "get", [true]),
      method(d, "split"),
      method({}, "get", [1, 2, 3]), method({}, "get", [1], { default: 2 }), method({}, "keys", [1]), method({}, "copy", [1]),
      method([], "index", []), method([], "count", []), method([], "count", [1, 2]), method([], "copy", [1]), method(tuple(), "count", []),
      method(Uint8Array.of(97), "decode", ["a", "b", "c"]), method(Uint8Array.of(97), "decode", [], { x: 1 }),
      method([1, 2, 1, float(1), true], "count", [1]),
      method([1, "a"], "index", ["a"]),
      method([1, "a"], "index", ["b"]),
      method(tuple(1, "a"), "index", ["b"]),
      method(tuple(1, "a"), "count", ["a"]),
      method([1], "copy"),
      method(tuple(1), "copy"),
      method(null, "get", ["a"]),
      method(1, "decode"),
      method(float(1), "get"),
      method(true, "strip"),
    ]);
  });
});

describe("pyMethod on other objects: the object's own method", () => {
  it("calls it with the positional arguments and the keywords as a last object", () => {
    class Session {
      get(url: string, options?: { timeout?: number }) {
        return `${url} ${options?.timeout ?? "none"}`;
      }
    }
    const host = new Session();
    expect(pyMethod(host, "get", ["/a"])).toBe("/a none");
    expect(pyMethod(host, "get", ["/a"], { timeout: 3 })).toBe("/a 3");
    expect(() => pyMethod(host, "decode")).toThrow(PyAttributeError);
    expect(() => pyMethod(host, "decode")).toThrow("'Session' object has no attribute 'decode'");
  });

  it("bytes methods the runtime does not reproduce are loud", () => {
    expect(() => pyMethod(Uint8Array.of(97), "strip")).toThrow(UntranslatedPythonError);
  });
});
