// The value helpers (float, dict, tuple, keys, pyRepr, error classes, cls hooks), checked against CPython.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  JSONDecodeError, JSONDecoder, JSONEncoder, KEY_ORDER, PyFloat, PyTypeError, PyValueError, VERSION, dict, dumps, float,
  items, keys, loads, pyRepr, pyStr, tuple, typeName,
} from "../../src/runtime/index.js";
import { PythonOracle, pythonAvailable, toTagged } from "../support/python-oracle.js";
import { valueArb } from "./arbitraries.js";
import { attempt, sameOutcome } from "./support.js";

const hasPython = pythonAvailable();
let oracle: PythonOracle;
beforeAll(() => {
  if (hasPython) oracle = new PythonOracle();
});
afterAll(() => oracle?.close());

const py = async (code: string): Promise<unknown> => {
  const r = await oracle.ask({ op: "exec", code });
  if (r.error) throw new Error(r.error.line);
  return r.ok;
};

describe.skipIf(!hasPython)("helpers vs CPython", () => {
  it("VERSION names the CPython the oracle runs", async () => {
    const v = (await oracle.version()).split(" ")[0]!;
    expect(v.split(".").slice(0, 2)).toEqual(VERSION.cpython.split(".").slice(0, 2));
  });

  it("pyRepr and pyStr equal repr() and str() for generated values", async () => {
    // Strings stay within characters both Unicode databases agree on (Python 3.11 has Unicode 14,
    // Node's ICU a later one, which prints newly assigned characters that 3.11 escapes).
    const values = fc
      .sample(valueArb({ unsupported: false, maxDepth: 3 }), { seed: 7, numRuns: 1500 })
      .filter((v) => !/[\u{20000}-\u{10ffff}]/u.test(JSON.stringify(toTagged(v))));
    const replies = await oracle.batch(values.map((v) => ({ op: "repr", value: toTagged(v) })));
    const bad = values.flatMap((v, i) => {
      const why = sameOutcome(attempt(() => pyRepr(v)), replies[i]!);
      return why === null ? [] : [why];
    });
    expect(bad.slice(0, 5)).toEqual([]);
    expect(pyStr("x\ny")).toBe(await py("result = str('x\\ny')"));
  });

  it("float() like Python's float()", async () => {
    const inputs = ["1", "1.5", " -2e3 ", "inf", "-Infinity", "nan", "1_000.5", "1e400"];
    for (const s of inputs) {
      const want = await py(`result = float(${JSON.stringify(s)})`);
      expect(toTagged(float(s))).toEqual(want);
    }
    expect(attempt(() => float("abc"))).toMatchObject({ error: { message: await py("try:\n float('abc')\nexcept ValueError as e:\n result = str(e)") } });
    // Underscores only between digits (found in review: every underscore was dropped first).
    for (const s of ["1_0.5_0e1_0", "_1", "1__0", "1_", "1_e5", "1e_5", "1._5", "1_.5", "i_nf", "n_an"]) {
      const want = await py(`try:\n result = repr(float(${JSON.stringify(s)}))\nexcept ValueError as e:\n result = str(e)`);
      const got = attempt(() => float(s));
      expect("error" in got ? (got.error as Error).message : pyRepr(got.ok), s).toBe(want);
    }
    expect(String((attempt(() => float(10n ** 400n)) as { error: unknown }).error)).toBe(
      await py("import traceback\ntry:\n float(10**400)\nexcept Exception as e:\n result = traceback.format_exception_only(type(e), e)[-1].strip()"),
    );
  });

  it("dict() merges keys Python considers equal (1, 1.0, True), keeping the first key and the last value", async () => {
    const d = dict<unknown, unknown>([[1, "a"], [float(1), "b"], [true, "c"], [0, "d"], [false, "e"], [float(-0), "f"], ["1", "g"], [null, "h"], [tuple(1, 2), "i"], [tuple(float(1), 2), "j"]]);
    expect(toTagged(d)).toEqual(await py("result = {1: 'a', 1.0: 'b', True: 'c', 0: 'd', False: 'e', -0.0: 'f', '1': 'g', None: 'h', (1, 2): 'i', (1.0, 2): 'j'}"));
  });

  it("loads keeps Python's key order in plain objects, through later edits", async () => {
    const text = '{"b": 1, "10": 2, "a": 3, "2": 4, "b": 5}';
    const o = loads(text) as Record<string, unknown>;
    expect(Object.keys(o)).not.toEqual(keys(o)); // JS alone would reorder: the record is needed
    expect(keys(o)).toEqual(await py(`d = json.loads(${JSON.stringify(text)}); result = list(d)`));
    o["1"] = 6;
    delete o.a;
    o.z = 7;
    expect(items(o)).toEqual((await py(`d = json.loads(${JSON.stringify(text)}); d['1'] = 6; del d['a']; d['z'] = 7; result = [list(i) for i in d.items()]`)) as unknown[]);
    expect(dumps(o)).toBe(await py(`d = json.loads(${JSON.stringify(text)}); d['1'] = 6; del d['a']; d['z'] = 7; result = json.dumps(d)`));
    expect(Object.getOwnPropertySymbols(loads('{"a": 1}') as object)).not.toContain(KEY_ORDER);
  });

  it("mapping: 'map' returns Maps, dumped like the dicts they are", async () => {
    const text = '{"b": {"1": [1.0, 2]}, "0": null}';
    const m = loads(text, { mapping: "map" });
    expect(m).toBeInstanceOf(Map);
    expect(dumps(m, { indent: 1 })).toBe(await py(`result = json.dumps(json.loads(${JSON.stringify(text)}), indent=1)`));
  });

  it("JSONEncoder / JSONDecoder subclasses work as cls=", async () => {
    class SetEncoder extends JSONEncoder {
      override default(o: unknown): unknown {
        return o instanceof Set ? [...o] : super.default(o);
      }
    }
    expect(dumps({ s: new Set([1, 2]) }, { cls: SetEncoder, sortKeys: true })).toBe(
      await py("class E(json.JSONEncoder):\n def default(self, o):\n  return list(o) if isinstance(o, set) else super().default(o)\nresult = json.dumps({'s': {1, 2}}, cls=E, sort_keys=True)"),
    );
    const e = attempt(() => dumps(tuple(new Map([[1, new Date(0)]])), { cls: SetEncoder }));
    expect("error" in e && String(e.error)).toBe("TypeError: Object of type datetime is not JSON serializable");
    class Wrap extends JSONDecoder {
      override decode(s: string): unknown {
        return dict([["wrapped", super.decode(s)]]);
      }
    }
    expect(toTagged(loads("[NaN, 1.0]", { cls: Wrap }))).toEqual(
      await py("class D(json.JSONDecoder):\n def decode(self, s):\n  return {'wrapped': super().decode(s)}\nresult = json.loads('[NaN, 1.0]', cls=D)"),
    );
  });
});

describe("errors behave like Python's exception classes", () => {
  it("class hierarchy and printing", () => {
    const e = attempt(() => loads("[1,]"));
    expect("error" in e).toBe(true);
    const err = (e as { error: JSONDecodeError }).error;
    expect(err).toBeInstanceOf(JSONDecodeError);
    expect(err).toBeInstanceOf(PyValueError);
    expect(err).toBeInstanceOf(Error);
    expect(`${err.name}: ${err.message}`).toBe(String(err));
    const t = attempt(() => dumps(new Set()));
    expect((t as { error: unknown }).error).toBeInstanceOf(PyTypeError);
    expect((t as { error: unknown }).error).toBeInstanceOf(TypeError);
  });

  it("typeName gives Python's names", () => {
    expect([null, true, 1, 1.5, float(1), 1n, "s", [], tuple(), {}, new Map(), new Set(), new Uint8Array()].map(typeName)).toEqual([
      "NoneType", "bool", "int", "float", "float", "int", "str", "list", "tuple", "dict", "dict", "set", "bytes",
    ]);
    expect(new PyFloat(1).toString()).toBe("1.0");
  });
});

describe("the package export", () => {
  it("dumpling-json/runtime resolves to the built bundle and its .d.ts", async () => {
    const { existsSync } = await import("node:fs");
    const spec = "dumpling-json/runtime"; // resolved at run time: dist/ exists once `npm test` has built it
    const m = (await import(/* @vite-ignore */ spec)) as { dumps: typeof dumps; float: typeof float };
    expect(m.dumps({ a: [1, m.float(2)] }, { sortKeys: true })).toBe(dumps({ a: [1, float(2)] }, { sortKeys: true }));
    expect(existsSync(new URL("../../dist/runtime/index.d.ts", import.meta.url))).toBe(true);
  });
});

describe("ints never come back as -0", () => {
  it("loads('-0') is the int 0 on every path", () => {
    for (const text of ["-0", "[-0]", '{"a": -0}', "[-0, 1.0]", '{"a": [-0, 1e5]}']) {
      const found: number[] = [];
      const walk = (x: unknown): void => {
        if (typeof x === "number") found.push(x);
        else if (x !== null && typeof x === "object") Object.values(x).forEach(walk);
      };
      walk(loads(text));
      walk(loads(text, { mapping: "map" }) instanceof Map ? Object.fromEntries(loads(text, { mapping: "map" }) as Map<string, unknown>) : loads(text, { mapping: "map" }));
      expect(found.filter((x) => x === 0).every((x) => !Object.is(x, -0))).toBe(true);
    }
  });
});
