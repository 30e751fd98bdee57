// Translated code must type-check under `tsc --strict` without casts: the `untranslated(...)` marker
// in any position, and the Python semantics helpers applied to what `loads` returns. Checked against
// the package's own `dumpling-json/runtime` declarations (built by `npm test`).
import { describe, expect, it } from "vitest";
import { UntranslatedPythonError, untranslated } from "../../src/runtime/index.js";
import { typecheckProgram } from "../support/typecheck.js";

const IMPORTS = `import {
  dumps, loads, untranslated, pyAdd, pyBool, pyDict, pyEq, pyGet, pyGetItem, pyIn, pyInt, pyItems, pyIter, pyKeys, pyLen, pyList,
  pyLt, pyMod, pySetItem, pySlice, pyTuple, pyValues, type JsonObject, type JsonValue,
} from "dumpling-json/runtime";
declare const s: string;
declare function takesNumber(n: number): string;
`;

/** Each use of the marker a translation may emit, where the Python expression's type is unknown. */
const MARKER_USES = `
export async function uses(): Promise<unknown[]> {
  const sum = untranslated("x % y", "app.py:3") + 1;
  const text: string = untranslated("x % y");
  const attr = untranslated("obj.attr").foo.bar;
  const called = untranslated("f")(1, "a");
  const constructed = new (untranslated("C"))();
  const spread = [...untranslated("xs"), 1];
  const merged = { ...untranslated("d"), k: 1 };
  if (untranslated("flag")) console.log("yes");
  const chosen = untranslated("c") ? 1 : 2;
  for (const x of untranslated("xs")) console.log(x);
  const arg = takesNumber(untranslated("n"));
  const mapped: number[] = untranslated("xs").map((v: number) => v + 1);
  const awaited = await untranslated("coro");
  const indexed = untranslated("d")["k"];
  const negated = -untranslated("n");
  const logic = untranslated("a") || untranslated("b");
  const typed = untranslated<Map<string, number>>("m").get("k");
  return [sum, text, attr, called, constructed, spread, merged, chosen, arg, mapped, awaited, indexed, negated, logic, typed];
}
`;

/** The helpers applied to loads' result, as the translator will emit them. */
const HELPER_USES = `
export function uses(): unknown[] {
  const data = loads(s);
  const name = pyGetItem(data, "name");
  const nested = pyGetItem(pyGetItem(data, "items"), 0);
  const ids: unknown[] = [];
  for (const item of pyIter(data)) ids.push(pyGetItem(item, "id"));
  for (const [k, v] of pyItems(data)) ids.push(k, v);
  const identities = pyGet(loads(s), "identities", []);
  const n: number = pyLen(data);
  const total = pyAdd(pyGetItem(data, "a"), 1);
  const yes: boolean = pyBool(data) && pyEq(name, "x") && pyIn("k", data) && pyLt(1, n);
  const copy = pyDict(data);
  const text: string = dumps(copy);
  pySetItem(copy, "k", [1, 2]);
  const first: string = pyGetItem("abc", 0);
  const byte: number = pyGetItem(new Uint8Array(2), 1);
  const part: string = pySlice("abc", 1, null, -1);
  const count: number | bigint = pyInt("12");
  const keys: unknown[] = [...pyKeys(data), ...pyValues(data), ...pyList(data), ...pyTuple(data)];
  const formatted = pyMod("%s!", name);
  const json: JsonValue = [1, "a", null, { k: 2n }];
  const obj: JsonObject = { a: json };
  return [name, nested, identities, total, yes, text, first, byte, part, count, keys, formatted, obj];
}
`;

describe("translated code type-checks under --strict", () => {
  it("untranslated(...) in every position: arithmetic, attribute, call, new, spread, condition, loop, argument, await", () => {
    expect(typecheckProgram(IMPORTS + MARKER_USES)).toEqual([]);
  });

  it("the helpers on loads' result: indexing, iteration, .get, len, arithmetic, comparisons, dict()", () => {
    expect(typecheckProgram(IMPORTS + HELPER_USES)).toEqual([]);
  });

  it("the check can fail: wrong uses are reported", () => {
    const errors = typecheckProgram(`${IMPORTS}
export function wrong(): void {
  const n: string = pyLen(loads(s));
  const b: number = pyBool(1);
  const c: string = pyGetItem(new Uint8Array(1), 0);
}`);
    expect(errors.length).toBe(3);
  });
});

describe("untranslated(...) at run time", () => {
  it("throws UntranslatedPythonError naming the Python source and where it was", () => {
    const err = (() => {
      try {
        untranslated("x % y", "app.py:3");
      } catch (e) {
        return e;
      }
    })() as UntranslatedPythonError;
    expect(err).toBeInstanceOf(UntranslatedPythonError);
    expect(err).toBeInstanceOf(Error);
    expect([err.name, err.message, err.python, err.where, String(err)]).toEqual([
      "UntranslatedPythonError",
      "untranslated Python at app.py:3: x % y",
      "x % y",
      "app.py:3",
      "UntranslatedPythonError: untranslated Python at app.py:3: x % y",
    ]);
    expect(() => untranslated("f(x)")).toThrow(/^untranslated Python: f\(x\)$/);
  });
});
