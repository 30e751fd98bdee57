// format(value, spec) and ascii(value), checked against CPython: generated values x generated specs,
// and hand-picked edge cases (rounding ties, huge and tiny exponents, precision 0 and past 100, -0.0,
// NaN and inf with every type, big ints, bools, %c-like 'c', widths around astral characters).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PyTypeError, VERSION, float, pyAscii, pyFormatValue, pyStr, tuple } from "../../src/runtime/index.js";
import { PythonOracle, pythonAvailable } from "../support/python-oracle.js";
import { plainObject, valueArb } from "./arbitraries.js";
import { floatArb, scalarArb, specFor, strArb } from "./format-arbitraries.js";
import { TIMEOUT, compareCases, differential, tally, type Case } from "./format-support.js";

const SEED = process.env.DUMPLING_SEED !== undefined ? Number(process.env.DUMPLING_SEED) : 20261201;
const hasPython = pythonAvailable();
let oracle: PythonOracle;
beforeAll(() => {
  if (hasPython) oracle = new PythonOracle();
});
afterAll(() => {
  oracle?.close();
  console.log(`format/ascii vs CPython: ${tally.cases} cases, ${tally.errors} of them exceptions, ${tally.skipped} too big to send (seed ${SEED})`);
});

const fmt = (value: unknown, spec: string): Case => ({ expr: "format(v, s)", vars: { v: value, s: spec }, run: () => pyFormatValue(value, spec) });

describe.skipIf(!hasPython)("pyFormatValue = format(value, spec)", () => {
  it("runs against CPython " + VERSION.cpython, async () => {
    expect((await oracle.version()).startsWith("3.11.")).toBe(true);
  });

  it("generated scalars x generated specs", async () => {
    const arb = scalarArb.chain((v) => fc.tuple(fc.constant(v), specFor(v)));
    await differential(oracle, arb, 6000, ([v, s]) => fmt(v, s), SEED);
  }, TIMEOUT);

  it("floats with every float presentation and precision (correct rounding)", async () => {
    const arb = fc.tuple(
      floatArb,
      fc.constantFrom("e", "E", "f", "F", "g", "G", "%", "", "n"),
      fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 400 })),
      fc.constantFrom("", "#", "+", "z", "0=30", ",", "_", "^40"),
    );
    await differential(oracle, arb, 4000, ([x, t, p, flags]) => fmt(x, `${flags}.${p}${t}`), SEED + 1);
  }, TIMEOUT);

  it("edge cases", async () => {
    const cases: Case[] = [];
    const floats = [0.5, 1.5, 2.5, 3.5, -0.5, -2.5, 2.675, 0.125, 0.375, 1.005, 9.995, 99.5, 0.05, 5e-324, 1.7976931348623157e308, 1e-310, 1e300, -0, NaN, Infinity, -Infinity];
    const floatSpecs = ["", ".0f", ".1f", ".2f", ".0e", ".1e", ".0g", ".1g", ".0%", ".1%", ".0", ".1", ".3", "#.0f", "#.0e", "#g", "#", ".150f", ".120e", ".101g", ".400f", "z.0f", "z", "+.3", " .3", "010.2f", "<10", "^11.3e", "=+12,.2f", "_", ",.0f", "n", ".17g", ".16g", "E", "G", "F", "%"];
    for (const x of floats) for (const s of floatSpecs) cases.push(fmt(Number.isSafeInteger(x) || Object.is(x, -0) ? float(x) : x, s));
    const ints: unknown[] = [0, 1, -1, 255, -255, 65, 0x10ffff, 0x110000, -5, 2n ** 63n, -(2n ** 63n) - 1n, 10n ** 30n, -(10n ** 30n), 10n ** 4300n, true, false];
    const intSpecs = ["", "d", "n", "c", "5c", "05c", "<5c", "+c", "#c", "b", "#b", "o", "#o", "x", "#x", "X", "#X", "#010x", "_x", "_b", "_o", "_d", ",", ",d", "012,", "09,", "08,", "0=12_", "+", " ", "-", "=+10", "e", "f", ".2f", "%", "g", ".3", "z", "zd", "s", ".0", "x<+10", "^9"];
    for (const v of ints) for (const s of intSpecs) cases.push(fmt(v, s));
    const strs = ["", "a", "abc", "😀", "a😀b", "é", "\ud800", "東京"];
    const strSpecs = ["", "s", "5", "<5", ">5", "^5", "^6", "*^7", "😀^7", "0", "05", ".1", ".0", "10.2", "=5", "+", " ", "#", "z", ",", "_", "d", "x "];
    for (const v of strs) for (const s of strSpecs) cases.push(fmt(v, s));
    for (const v of [null, [1], tuple(1), plainObject([["a", 1]]), new Set([1]), new Uint8Array([1])]) {
      cases.push(fmt(v, ""), fmt(v, "s"), fmt(v, ">5"));
    }
    expect(await compareCases(oracle, cases)).toEqual([]);
  }, TIMEOUT);

  it("values format() does not know: loud, never a guess", () => {
    expect(() => pyFormatValue(new Date(0), "%Y")).toThrow(/untranslated Python: format\(\) of a datetime with a format spec is not supported by the dumpling runtime/);
    expect(() => pyFormatValue(null, "x")).toThrow(PyTypeError);
  });
});

describe.skipIf(!hasPython)("pyAscii = ascii(value)", () => {
  it("generated values", async () => {
    const arb = fc.oneof(strArb, scalarArb, valueArb({ unsupported: false, maxDepth: 3 }));
    await differential(oracle, arb, 2000, (v) => ({ expr: "ascii(v)", vars: { v }, run: () => pyAscii(v) }), SEED + 2);
  }, TIMEOUT);

  it("str(bytes) is the repr (pyStr), not a decoding", async () => {
    const b = new Uint8Array([0x61, 0xff, 0x27]);
    expect(await compareCases(oracle, [{ expr: "str(b)", vars: { b }, run: () => pyStr(b) }])).toEqual([]);
  });
});

