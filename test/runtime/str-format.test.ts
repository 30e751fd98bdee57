// str.format (pyStrFormat) against CPython: generated templates (auto and manual numbering, names,
// index and key access, conversions, specs with nested fields, escaped and stray braces) with
// arguments that fit them, random brace noise, and hand-picked cases for every error message.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PyAttributeError, dict, float, pyStrFormat, tuple } from "../../src/runtime/index.js";
import { PythonOracle, pythonAvailable } from "../support/python-oracle.js";
import { plainObject } from "./arbitraries.js";
import { anyArb, scalarArb, specArb, strArb } from "./format-arbitraries.js";
import { TIMEOUT, compareCases, differential, tally, type Case } from "./format-support.js";

const SEED = process.env.DUMPLING_SEED !== undefined ? Number(process.env.DUMPLING_SEED) : 20261203;
const hasPython = pythonAvailable();
let oracle: PythonOracle;
beforeAll(() => {
  if (hasPython) oracle = new PythonOracle();
});
afterAll(() => {
  oracle?.close();
  console.log(`str.format vs CPython: ${tally.cases} cases, ${tally.errors} of them exceptions, ${tally.skipped} too big to send (seed ${SEED})`);
});

const sf = (t: string, args: unknown[], kwargs: Record<string, unknown> = {}): Case => ({
  expr: "t.format(*args, **kwargs)",
  vars: { t, args, kwargs: plainObject(Object.entries(kwargs)) },
  run: () => pyStrFormat(t, args, kwargs),
});

const NAMES = ["a", "b", "name", "x_1", "é"];

/** Containers to index into, and scalars. */
const argArb = fc.oneof(
  { weight: 4, arbitrary: scalarArb },
  { weight: 1, arbitrary: fc.array(scalarArb, { minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(scalarArb, { minLength: 1, maxLength: 3 }).map((a) => tuple(...a)) },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom("key", "a", "0"), scalarArb), { minLength: 1, maxLength: 3 }).map(plainObject) },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom<unknown>("key", 0, 1, true, float(1)), scalarArb), { minLength: 1, maxLength: 3 }).map((p) => dict(p)) },
);

const accessArb = fc.oneof(
  { weight: 12, arbitrary: fc.constant("") },
  { weight: 2, arbitrary: fc.constantFrom("[0]", "[1]", "[key]", "[a]", "[0][0]", "[٠]") },
  { weight: 1, arbitrary: fc.constantFrom(".zz", ".a", ".", "[]", "[0]x", "[0", ".a[0]") },
);

/** A field: {name!conv:spec}, with auto, manual or named first parts and nested spec fields. */
const fieldArb = (numbering: "auto" | "manual"): fc.Arbitrary<string> =>
  fc
    .record({
      first: fc.oneof(
        { weight: 4, arbitrary: fc.constant(numbering === "auto" ? "" : "0") },
        { weight: 2, arbitrary: numbering === "auto" ? fc.constant("") : fc.integer({ min: 0, max: 3 }).map(String) },
        { weight: 2, arbitrary: fc.constantFrom(...NAMES) },
        { weight: 1, arbitrary: fc.constantFrom("0", "1", "", "zz", " 0", "١") },
      ),
      access: accessArb,
      conv: fc.oneof({ weight: 30, arbitrary: fc.constantFrom("", "", "", "", "!r", "!s", "!a") }, { weight: 1, arbitrary: fc.constantFrom("!x", "!") }),
      spec: fc.oneof(
        { weight: 10, arbitrary: fc.constant("") },
        { weight: 4, arbitrary: fc.constantFrom(":>8", ":<3", ":^7", ":*^9", ":10", ":", ":.3", ":😀>4") },
        { weight: 2, arbitrary: specArb.filter((s) => !/[{}]/.test(s)).map((s) => ":" + s) },
        { weight: 2, arbitrary: fc.constantFrom(":{width}", ":>{width}", ":^{width}.{width}") },
        { weight: 1, arbitrary: fc.constantFrom(":{}", ":>{}", ":{0}", ":{}.{}", ":{:{}}", ":{a}{b}", ":{") },
      ),
    })
    .map((r) => "{" + r.first + r.access + r.conv + r.spec + "}");

const templateArb = fc.constantFrom<"auto" | "manual">("auto", "manual").chain((numbering) =>
  fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: fieldArb(numbering) },
        { weight: 4, arbitrary: strArb.map((s) => s.replace(/\{/g, "{{").replace(/\}/g, "}}")) },
        { weight: 2, arbitrary: fc.constantFrom("{{", "}}", "{{}}") },
        { weight: 1, arbitrary: fc.constantFrom("{}", "{0}", "{", "}") },
      ),
      { minLength: 1, maxLength: 5 },
    )
    .map((a) => a.join("")),
);

// Usually enough positional arguments and every name (with an int "width" for nested specs).
const caseArb = fc.record({
  t: templateArb,
  args: fc.oneof({ weight: 6, arbitrary: fc.array(argArb, { minLength: 4, maxLength: 6 }) }, { weight: 1, arbitrary: fc.array(argArb, { maxLength: 3 }) }),
  kwargs: fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.tuple(...NAMES.map(() => argArb)), fc.integer({ min: 0, max: 12 })).map(([vals, width]) => ({ ...Object.fromEntries(NAMES.map((n, i) => [n, vals[i]])), width })) },
    { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom(...NAMES, "width"), argArb), { maxLength: 3 }).map((p) => Object.fromEntries(p)) },
  ),
});

/** An int argument that a nested spec field ("{:{}}") could read as a huge width. */
function bigNested(t: string, args: unknown[], kwargs: Record<string, unknown>): boolean {
  if (!/[:][^}]*\{/.test(t)) return false;
  return [...args, ...Object.values(kwargs)].some((v) => (typeof v === "number" || typeof v === "bigint") && (v > 1000 || v < -1000));
}

describe.skipIf(!hasPython)("pyStrFormat = template.format(*args, **kwargs)", () => {
  it("generated templates and arguments", async () => {
    await differential(oracle, caseArb.filter((c) => !bigNested(c.t, c.args, c.kwargs)), 5000, (c) => sf(c.t, c.args, c.kwargs), SEED);
  }, TIMEOUT);

  it("noise: random braces, names, conversions and specs", async () => {
    const tArb = fc.array(fc.constantFrom(..."{{{}}}!:[]. 0a1rsx>5"), { maxLength: 10 }).map((a) => a.join(""));
    const arb = fc.tuple(tArb, fc.array(anyArb, { maxLength: 3 })).filter(([t, args]) => !bigNested(t, args, {}));
    await differential(oracle, arb, 3000, ([t, args]) => sf(t, args, { a: 1 }), SEED + 1);
  }, TIMEOUT);

  it("edge cases", async () => {
    const cases: Case[] = [
      sf("{}, {}!", ["Hello", "world"]),
      sf("{0}{1}{0}", ["a", "b"]),
      sf("{}{0}", [1, 2]),
      sf("{0}{}", [1, 2]),
      sf("{}", []),
      sf("{2}", [1, 2]),
      sf("{name}", [], {}),
      sf("{name} is {age:>5}", [], { name: "Zoë", age: 7 }),
      sf("{:{}}", [1, 5]),
      sf("{:{width}.{prec}f}", [3.14159], { width: 10, prec: 2 }),
      sf("{0:{1}}", [1, "x>5"]),
      sf("{:{:{}}}", [1, 5, 6]),
      sf("{:{}}", [1]),
      sf("{0:{}}", [1, 2]),
      sf("{:{0}}", [1, 2]),
      sf("{0[key]} {0[0]} {1[1]} {2[0]}", [plainObject([["key", "v"]]), [1, [2]], "😀é"]),
      sf("{0[1]}", [dict([[1, "one"]])]),
      sf("{0[1]}", [dict([[true, "t"]])]),
      sf("{0[1]}", [dict([[float(1), "f"]])]),
      sf("{0[1]}", [plainObject([["1", 2]])]),
      sf("{0[a]}", ["xyz"]),
      sf("{0[5]}", ["xyz"]),
      sf("{0[a]}", [[1]]),
      sf("{0[a]}", [tuple(1)]),
      sf("{0[a]}", [new Uint8Array([1])]),
      sf("{0[5]}", [new Uint8Array([1])]),
      sf("{0[0]}", [new Uint8Array([120])]),
      sf("{0[0]}", [new Set([1])]),
      sf("{0[0]}", [null]),
      sf("{0[0]}", [5]),
      sf("{0[0]}", [true]),
      sf("{0[0]}", [1.5]),
      sf("{0[-1]}", [[1]]),
      sf("{0[01]}", [[1, 2]]),
      sf("{0[1][0]}", [[1, [2]]]),
      sf("{0[1]x}", [[1, [2]]]),
      sf("{0[1]", [[1]]),
      sf("{0.}", [[1]]),
      sf("{0[]}", [[1]]),
      sf("{0..a}", [[1]]),
      sf("{0.a}", [plainObject([["a", 1]])]),
      sf("{0.a}", [null]),
      sf("{0.a}", [5]),
      sf("{0.a}", ["s"]),
      sf("{0.a}", [[1]]),
      sf("{a.b}", []),
      sf("{!r}", [1]),
      sf("{!}", [1]),
      sf("{!x}", [1]),
      sf("{!r", [1]),
      sf("{!rr}", [1]),
      sf("{!r:}", ["é"]),
      sf("{0!a:>10}", ["é"]),
      sf("{0!s:^9}", [tuple(1, "a")]),
      sf("{0!", [1]),
      sf("{", [1]),
      sf("}", [1]),
      sf("a}b", [1]),
      sf("{{}}", [1]),
      sf("{{{}}}", [1]),
      sf("{0:{1}", [1]),
      sf("{0:}}", [1]),
      sf("{0{}", [1]),
      sf("{:", [1]),
      sf("{ 0}", [1]),
      sf("{0 }", [1]),
      sf("{-1}", [1]),
      sf("{٠}", [7]),
      sf("{99999999999999999999}", [1]),
      sf("{0[99999999999999999999]}", [[1]]),
      sf("{0!é}", [1]),
      sf("{0!\x01}", [1]),
      sf("{:%Y}", [null]),
      sf("{:>10}", [[1, 2]]),
      sf("{}", [[1, 2]]),
      sf("{:,}|{:_x}|{:.2%}|{:>10}|{:<5}|{:^7.3f}", [1234567, 255, 0.12345, "r", true, -0.0005]),
    ];
    expect(await compareCases(oracle, cases)).toEqual([]);
  });

  it("attributes of class instances of the program", () => {
    class User {
      constructor(
        readonly name: string,
        readonly age: number,
      ) {}
      greet(): string {
        return "hi";
      }
    }
    const u = new User("Ana", 30);
    expect(pyStrFormat("{u.name} is {u.age:>4}", [], { u })).toBe("Ana is   30");
    expect(pyStrFormat("{0.name!r}", [u])).toBe("'Ana'");
    expect(() => pyStrFormat("{0.email}", [u])).toThrow(new PyAttributeError("'User' object has no attribute 'email'"));
    expect(() => pyStrFormat("{0.greet}", [u])).toThrow(/untranslated Python: the attribute greet of a User in a format string is not supported by the dumpling runtime/);
    expect(() => pyStrFormat("{0.keys}", [plainObject([])])).toThrow(/not supported/);
    expect(() => pyStrFormat("{0.real}", [5])).toThrow(/not supported/);
  });
});
