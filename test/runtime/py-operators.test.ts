// The Python semantics helpers for operators (arithmetic, comparisons, `in`, truthiness), each
// compared with CPython on generated and hand-picked operands: the same result, or the same error
// (class and traceback line).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  float, pyAbs, pyAdd, pyBool, pyEq, pyFloorDiv, pyGe, pyGt, pyIn, pyLe, pyLt, pyMod, pyMul, pyNe, pyNeg, pyPos, pyPow, pySub,
  pyTrueDiv, tuple, UntranslatedPythonError,
} from "../../src/runtime/index.js";
import { PythonOracle, pythonAvailable } from "../support/python-oracle.js";
import { strArb } from "./arbitraries.js";
import {
  EDGE_NUMBERS, anyArb, bytesArb, dictArb, exponentArb, listArb, lookupArb, modestNumArb, numArb, orderStrArb, pairArb, seqArb, setArb,
} from "./py-arbitraries.js";
import { expectSame as expectSameIn, fresh, runCases, sampleCases, type Case } from "./py-support.js";

// `%` with a str on the left is printf-style formatting, another module's job: here only the hand-off is checked.
vi.mock("../../src/runtime/format.js", () => ({ pyFormat: (t: string, a: unknown) => ({ formatted: t, args: a }) }));

const SEED = process.env.DUMPLING_SEED !== undefined ? Number(process.env.DUMPLING_SEED) : 20261128;
const hasPython = pythonAvailable();
let oracle: PythonOracle;
let version = "";
const tally = { cases: 0, mismatches: 0 };

beforeAll(async () => {
  if (!hasPython) return;
  oracle = new PythonOracle();
  version = (await oracle.version()).split(" ")[0]!;
});
afterAll(() => {
  oracle?.close();
  console.log(`python operators: ${tally.cases} cases against CPython ${version}, ${tally.mismatches} mismatches (seed ${SEED})`);
  console.log(`  x ** y: ${libmDifferences.length} where CPython's libm pow is not correctly rounded and the runtime is:\n    ${libmDifferences.slice(0, 5).join("\n    ")}`);
});

const expectSame = (cases: Case[]): Promise<void> => expectSameIn(oracle, tally, cases);
const sample = <T>(arb: fc.Arbitrary<T>, n: number, toCase: (c: T) => Case): Case[] => sampleCases(arb, n, SEED, toCase);

// The correctly rounded x ** y, computed exactly (Fraction) or to 100 digits (Decimal).
const EXACT_POW = `
from fractions import Fraction
import decimal
if float(b).is_integer() and abs(b) <= 4096:
    result = float(Fraction(a) ** int(b))
else:
    with decimal.localcontext() as c:
        c.prec = 100
        result = float(decimal.Decimal(a) ** decimal.Decimal(b))
`;
const libmDifferences: string[] = [];

/**
 * Like expectSame for `**`, except that CPython's float pow is the platform's C pow, which glibc
 * rounds wrongly in about 0.1% of cases: there the runtime's result must be the correctly rounded one.
 */
async function expectSamePow(cases: Case[]): Promise<void> {
  const bad = await runCases(oracle, cases);
  const suspects = bad.filter((m) => m.got?.startsWith('{"$float"') && m.why.includes('Python {"$float"'));
  const refs = await runCases(oracle, suspects.map((m) => ({ ...cases[m.index]!, py: EXACT_POW })));
  const wrongAgainstReference = new Set(refs.map((r) => suspects[r.index]!.index));
  const real = bad.filter((m) => !suspects.includes(m) || wrongAgainstReference.has(m.index));
  libmDifferences.push(...suspects.filter((m) => !wrongAgainstReference.has(m.index)).map((m) => `${m.vars}: ${m.why}`));
  tally.cases += cases.length;
  tally.mismatches += real.length;
  expect(real.slice(0, 5)).toEqual([]);
}

type Binary = (a: unknown, b: unknown) => unknown;
/** Int exponents past 1000 would make CPython (and the runtime) compute enormous ints. */
const smallExponent = (b: unknown): boolean => !((typeof b === "bigint" || (typeof b === "number" && Number.isSafeInteger(b))) && Math.abs(Number(b)) > 1000);
const binary = (op: string, f: Binary) => ([a, b]: readonly [unknown, unknown]): Case => {
  const [x, y] = [fresh(a), fresh(b)];
  return { py: `result = a ${op} b`, vars: { a, b }, js: () => f(x, y) };
};

const ARITH: [string, Binary][] = [["+", pyAdd], ["-", pySub], ["*", pyMul], ["/", pyTrueDiv], ["//", pyFloorDiv], ["%", pyMod]];
const COMPARE: [string, Binary][] = [["==", pyEq], ["!=", pyNe], ["<", pyLt], ["<=", pyLe], [">", pyGt], [">=", pyGe]];
// str % args is pyFormat's (another module), bytes % args is untranslated: both checked apart below.
const notStrLeft = ([a]: readonly [unknown, unknown]): boolean => typeof a !== "string" && !(a instanceof Uint8Array);

describe.skipIf(!hasPython)("Python operators vs CPython (live oracle)", () => {
  it("the oracle is CPython 3.11", () => {
    expect(version).toMatch(/^3\.11\./);
  });

  it.each(ARITH)("a %s b on generated operands", async (op, f) => {
    const pairs = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(numArb, numArb) },
      { weight: 2, arbitrary: pairArb },
      { weight: 1, arbitrary: fc.tuple(seqArb, fc.oneof(fc.integer({ min: -2, max: 4 }), fc.boolean(), fc.constantFrom(10n ** 30n, -(10n ** 30n), 1.0, float(2)))) },
      { weight: 1, arbitrary: fc.tuple(fc.integer({ min: -2, max: 4 }), seqArb) },
      { weight: 1, arbitrary: fc.tuple(setArb, setArb) },
    );
    await expectSame(sample(op === "%" ? pairs.filter(notStrLeft) : pairs, 2000, binary(op, f)));
  });

  it("a ** b on generated operands", async () => {
    const pairs = fc.oneof(
      { weight: 5, arbitrary: fc.tuple(modestNumArb, exponentArb) },
      { weight: 1, arbitrary: fc.tuple(fc.double({ min: 0, max: 10 }), fc.double({ min: -400, max: 400 })) },
      { weight: 1, arbitrary: fc.tuple(anyArb, anyArb.filter(smallExponent)) },
    );
    await expectSamePow(sample(pairs, 3000, binary("**", pyPow)));
  });

  it("arithmetic on hand-picked numbers: every pair of the edge values", async () => {
    const cases: Case[] = [];
    const pow: Case[] = [];
    for (const a of EDGE_NUMBERS) {
      for (const b of EDGE_NUMBERS) {
        for (const [op, f] of ARITH) cases.push(binary(op, f)([a, b]));
        if (smallExponent(b)) pow.push(binary("**", pyPow)([a, b]));
      }
    }
    await expectSame(cases);
    await expectSamePow(pow);
  });

  it("arithmetic at the 2**53 boundary, on huge ints, and with exact quotients", async () => {
    const m = 2 ** 53;
    const pairs: [unknown, unknown][] = [
      [m - 1, 1], [m - 1, 2], [-(m - 1), -1], [m - 1, m - 1], [2n ** 53n, -1], [2n ** 53n, -(2n ** 53n)], [-(2n ** 53n), 1],
      [94906267, 94906267], [94906266, 94906267], [-94906267, 94906267], [0, -5], [-4, 2], [-7, 2], [7, -2], [-7, -2],
      [10n ** 400n, 3], [10n ** 400n, 10n ** 399n], [1, 10n ** 400n], [-1, 10n ** 320n], [10n ** 400n, 1.5], [3, 10n ** 330n],
      [2n ** 1024n, 1], [2n ** 1024n - 2n ** 970n, 1], [2n ** 1024n - 2n ** 971n, 1], [2n ** 1024n - 2n ** 970n - 1n, 1],
      [2n ** 54n + 1n, 2], [2n ** 54n + 3n, 2], [2n ** 54n + 2n, 4], [9007199254740993n, 1], [9007199254740993n, 1.0],
      [1, 3], [2, 3], [-1, 3], [1e308, 1e-308], [5e-324, 2], [-5e-324, 2], [1.5, 0.0], [0, 0], [true, false], [float(0), float(-0)],
      [7.5, 2], [-7.5, 2], [7.5, -2], [-0.0, 1], [float(-0), -1], [Infinity, 1], [1, Infinity], [-1, Infinity], [NaN, 1], [1, -Infinity],
    ];
    const cases: Case[] = [];
    const pow: Case[] = [];
    for (const [a, b] of pairs) {
      for (const [op, f] of ARITH) cases.push(binary(op, f)([a, b]), binary(op, f)([b, a]));
      if (smallExponent(b)) pow.push(binary("**", pyPow)([a, b]));
      if (smallExponent(a)) pow.push(binary("**", pyPow)([b, a]));
    }
    await expectSame(cases);
    await expectSamePow(pow);
  });

  it("str % args formats as Python does (pyFormat); bytes % args is untranslated", async () => {
    expect(pyMod("%s!", tuple(1))).toBe("1!");
    await expectSame([binary("%", pyMod)(["%s-%d", tuple("a", 2)]), binary("%", pyMod)(["%(k)s", { k: 1.0 }]), binary("%", pyMod)(["%d", "x"])]);
    expect(() => pyMod(Uint8Array.of(37, 115), 1)).toThrow(UntranslatedPythonError);
  });

  it("sequence operators: concatenation and repetition of str, list, tuple, bytes", async () => {
    const cases: Case[] = [];
    const seqs: unknown[] = ["ab", "", "😀", [1, "a"], [], tuple(1, 2), tuple(), Uint8Array.of(97, 0), new Uint8Array(), null, 1, 1.5, true, {}, new Set([1])];
    for (const a of seqs) for (const b of seqs) cases.push(binary("+", pyAdd)([a, b]), binary("*", pyMul)([a, b]));
    for (const a of seqs) for (const n of [-1, 0, 2, true, false, 2n ** 63n, -(2n ** 63n), float(2)]) cases.push(binary("*", pyMul)([a, n]), binary("*", pyMul)([n, a]));
    await expectSame(cases);
    // Past memory: CPython raises MemoryError, the runtime JS's RangeError (at once, like CPython).
    expect(() => pyMul([1], 2n ** 62n)).toThrow(RangeError);
    expect(() => pyMul("ab", 2n ** 62n)).toThrow(RangeError);
    expect(pyMul([], 2n ** 62n)).toEqual([]);
  });

  it.each([["-", pyNeg], ["+", pyPos], ["abs", pyAbs]] as const)("unary %s", async (op, f) => {
    const py = op === "abs" ? "result = abs(a)" : `result = ${op}a`;
    const toCase = (a: unknown): Case => {
      const x = fresh(a);
      return { py, vars: { a }, js: () => f(x) };
    };
    await expectSame([...EDGE_NUMBERS.map(toCase), ...sample(fc.oneof(numArb, anyArb), 1500, toCase)]);
  });

  it.each(COMPARE)("a %s b on generated operands", async (op, f) => {
    await expectSame(sample(pairArb, 2500, binary(op, f)));
  });

  it("comparisons on hand-picked operands: kinds across, code points, NaN, nested items", async () => {
    const values: unknown[] = [
      1, float(1), true, 1n, 2n ** 53n, 2 ** 53, 2n ** 53n + 1n, float(2 ** 53), 9007199254740993n, 0, -0, float(-0), false, NaN, float(NaN),
      Infinity, -Infinity, 1.5, "a", "\uffff", "\ue000", "😀", "\ud83d", "\ude00", "\ud83dx", "", null, [1], [float(1)], [true], [1, 2], [NaN],
      tuple(1), tuple(float(1)), tuple(), [], Uint8Array.of(1), Uint8Array.of(1, 2), new Uint8Array(), new Set([1]), new Set([1, 2]), new Set([true]),
      new Set(), {}, { a: 1 }, new Map([["a", float(1)]]), new Map([[1, "a"]]), new Map([[float(1), "a"]]), [1, "a"], [1, 2, "a"], ["a", 1],
    ];
    const cases: Case[] = [];
    for (const a of values) for (const b of values) for (const [op, f] of COMPARE) cases.push(binary(op, f)([a, b]));
    await expectSame(cases);
  });

  it("a in b on generated operands", async () => {
    const pairs = fc.oneof(
      // substrings cut at any UTF-16 index, so some split a surrogate pair
      { weight: 3, arbitrary: fc.tuple(fc.oneof(strArb, orderStrArb), fc.nat(), fc.nat()).map(([s, i, j]): [unknown, unknown] => [s.slice(Math.min(i, j) % (s.length + 1), Math.max(i, j) % (s.length + 1)), s]) },
      { weight: 2, arbitrary: fc.tuple(listArb, fc.nat()).map(([l, i]): [unknown, unknown] => [l.length > 0 ? fresh(l[i % l.length]) : 1, l]) },
      { weight: 3, arbitrary: dictArb.chain((d) => lookupArb(d).map((k): [unknown, unknown] => [k, d])) },
      { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.integer({ min: -2, max: 260 }), bytesArb, fc.boolean(), fc.constantFrom(1.0, "a", 2n ** 70n)), bytesArb) },
      { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.integer({ min: -2, max: 4 }), fc.constantFrom(float(1), true, "a", [1], tuple(1, [2]))), setArb) },
      { weight: 2, arbitrary: fc.tuple(anyArb, anyArb) },
    );
    await expectSame(sample(pairs, 3000, binary("in", pyIn)));
  });

  it("bool(x) on generated and hand-picked values", async () => {
    const toCase = (a: unknown): Case => {
      const x = fresh(a);
      return { py: "result = bool(a)", vars: { a }, js: () => pyBool(x) };
    };
    const picked = [null, true, false, 0, -0, 0n, 1n, float(0), float(-0), NaN, float(NaN), 0.5, "", " ", [], [0], tuple(), tuple(null), {}, { a: 0 }, new Map(), new Map([[0, 0]]), new Set(), new Set([0]), new Uint8Array(), Uint8Array.of(0)];
    await expectSame([...picked.map(toCase), ...sample(fc.oneof(anyArb, dictArb, numArb), 1500, toCase)]);
  });
});
