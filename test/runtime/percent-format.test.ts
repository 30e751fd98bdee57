// `template % args` (pyFormat) against CPython: generated templates with arguments that fit them (or
// almost: one too many, one too few, the wrong kind), mapping keys with dict operands, random noise,
// and hand-picked cases for every conversion and error message.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dict, float, pyFormat, tuple } from "../../src/runtime/index.js";
import { PythonOracle, pythonAvailable } from "../support/python-oracle.js";
import { plainObject } from "./arbitraries.js";
import { anyArb, floatArb, intArb, scalarArb, strArb } from "./format-arbitraries.js";
import { TIMEOUT, compareCases, differential, tally, type Case } from "./format-support.js";

const SEED = process.env.DUMPLING_SEED !== undefined ? Number(process.env.DUMPLING_SEED) : 20261202;
const hasPython = pythonAvailable();
let oracle: PythonOracle;
beforeAll(() => {
  if (hasPython) oracle = new PythonOracle();
});
afterAll(() => {
  oracle?.close();
  console.log(`str % args vs CPython: ${tally.cases} cases, ${tally.errors} of them exceptions, ${tally.skipped} too big to send (seed ${SEED})`);
});

const pct = (t: string, a: unknown): Case => ({ expr: "t % a", vars: { t, a }, run: () => pyFormat(t, a) });

interface Conv {
  key: string | null;
  flags: string;
  width: string;
  prec: string;
  len: string;
  ch: string;
}

const KEYS = ["a", "b", "name", "x y", "", "(p)", "é"];

const convArb: fc.Arbitrary<Conv> = fc.record({
  key: fc.constant(null),
  flags: fc.array(fc.constantFrom("-", "+", " ", "#", "0"), { maxLength: 3 }).map((a) => a.join("")),
  width: fc.oneof({ weight: 5, arbitrary: fc.constant("") }, { weight: 3, arbitrary: fc.integer({ min: 1, max: 20 }).map(String) }, { weight: 1, arbitrary: fc.constant("*") }),
  prec: fc.oneof(
    { weight: 5, arbitrary: fc.constant("") },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 12 }).map((p) => "." + p) },
    { weight: 1, arbitrary: fc.constantFrom(".", ".*", ".105", ".150") },
  ),
  len: fc.constantFrom("", "", "", "", "", "", "l", "h", "L"),
  ch: fc.oneof({ weight: 30, arbitrary: fc.constantFrom(..."sradiuoxXeEfFgGc") }, { weight: 1, arbitrary: fc.constantFrom("%", "y", "é", "😀", "*", "\x01") }),
});

/** A value that suits the conversion, most of the time. */
function valueFor(ch: string): fc.Arbitrary<unknown> {
  const fits =
    "diuoxX".includes(ch) ? fc.oneof(intArb, intArb, floatArb, fc.boolean())
    : "eEfFgG".includes(ch) ? fc.oneof(floatArb, floatArb, intArb, fc.boolean())
    : ch === "c" ? fc.oneof(fc.integer({ min: 0, max: 0x10ffff }), fc.constantFrom("a", "😀", "é", "ab", "", -1, 0x110000, 2n ** 70n, 1.5, true))
    : anyArb;
  return fc.oneof({ weight: 12, arbitrary: fits }, { weight: 1, arbitrary: anyArb });
}

const starArb = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -15, max: 30 }) }, { weight: 1, arbitrary: fc.constantFrom(true, 1.5, "3", 2n ** 40n, 2n ** 70n) });

/** A template of literal text and conversions, and arguments for it (as a tuple, a single value or a dict). */
const templateCaseArb: fc.Arbitrary<{ t: string; a: unknown }> = fc
  .tuple(
    fc.array(fc.oneof({ weight: 2, arbitrary: strArb.map((s) => s.replace(/%/g, "%%")) }, { weight: 3, arbitrary: convArb }), { minLength: 1, maxLength: 5 }),
    fc.boolean(),
  )
  .chain(([parts, useKeys]) => {
    const convs = parts.filter((p): p is Conv => typeof p !== "string");
    if (useKeys) for (const c of convs) c.key = KEYS[c.flags.length + c.width.length] ?? "a";
    const keyed = useKeys && convs.length > 0;
    const text = (c: Conv): string => "%" + (c.key !== null ? `(${c.key})` : "") + c.flags + c.width + c.prec + c.len + c.ch;
    const t = parts.map((p) => (typeof p === "string" ? p : text(p))).join("");
    const argArbs: fc.Arbitrary<unknown>[] = [];
    for (const c of convs) {
      if (c.width === "*") argArbs.push(starArb);
      if (c.prec === ".*") argArbs.push(starArb);
      if (c.ch !== "%") argArbs.push(valueFor(c.ch));
    }
    if (keyed) {
      const entries = convs.map((c) => fc.tuple(fc.constant(c.key!), valueFor(c.ch)));
      return fc.tuple(fc.tuple(...entries), fc.boolean(), fc.nat(5)).map(([pairs, asMap, drop]) => {
        const kept = drop === 0 ? pairs.slice(1) : pairs;
        return { t, a: asMap ? dict(kept) : plainObject(kept) };
      });
    }
    return fc.tuple(fc.tuple(...argArbs), fc.constantFrom("exact", "exact", "exact", "exact", "exact", "exact", "exact", "exact", "more", "less", "single"), anyArb).map(([args, how, extra]) => {
      let list = [...args];
      if (how === "more") list.push(extra);
      if (how === "less") list = list.slice(0, -1);
      // One argument is usually written without a tuple: "%s" % x
      const a = how === "single" || (list.length === 1 && how === "exact") ? (list.length > 0 ? list[0] : extra) : tuple(...list);
      return { t, a };
    });
  });

/** An int argument that, read by a `*`, would ask for a huge width or precision. */
function bigStar(t: string, a: unknown): boolean {
  if (!t.includes("*")) return false;
  const vals = Array.isArray(a) ? a : [a];
  return vals.some((v) => (typeof v === "number" || typeof v === "bigint") && (v > 1000 || v < -1000));
}

describe.skipIf(!hasPython)("pyFormat = template % args", () => {
  it("generated templates with fitting arguments", async () => {
    await differential(oracle, templateCaseArb.filter((c) => !bigStar(c.t, c.a)), 6000, (c) => pct(c.t, c.a), SEED);
  }, TIMEOUT);

  it("noise: random templates full of %, with random operands", async () => {
    const tArb = fc.array(fc.constantFrom(..."%%%%(()a)sdrfx*.-+ #0123456789lhgcé"), { maxLength: 10 }).map((a) => a.join(""));
    const aArb = fc.oneof(scalarArb, fc.array(scalarArb, { maxLength: 4 }).map((a) => tuple(...a)), fc.constant(plainObject([["a", 1]])), fc.array(scalarArb, { maxLength: 2 }));
    await differential(oracle, fc.tuple(tArb, aArb).filter(([t, a]) => !bigStar(t, a)), 3000, ([t, a]) => pct(t, a), SEED + 1);
  }, TIMEOUT);

  it("edge cases", async () => {
    const cases: Case[] = [];
    const one = (t: string, ...vals: unknown[]): void => {
      for (const v of vals) cases.push(pct(t, v));
    };
    one("%.0f", 0.5, 1.5, 2.5, -2.5, float(3), 1e300, 5e-324);
    one("%.2f", 2.675, 1.005, 0.125);
    one("%.150f %.120e", tuple(0.1, 1e-300));
    one("%5.1f|%-8.3e|%+g|% G", tuple(-0.0, float(-0), NaN, -Infinity));
    one("%f %e %g %F %E %G", tuple(NaN, Infinity, -Infinity, NaN, Infinity, -Infinity));
    one("%010f|%-010f|%+010.2f", tuple(-Infinity, NaN, float(1)));
    one("%d %i %u", tuple(true, false, 3.99), tuple(-0.5, 1e20, 2n ** 100n), tuple(NaN, 1, 1), tuple(Infinity, 1, 1));
    one("%x %X %o %#x %#X %#o", tuple(255, 255, 8, -255, 255, 0), tuple(2n ** 64n, -(2n ** 64n), 2n ** 70n, 0, 0, 0), tuple(true, false, 1, 1, 1, 1));
    one("%x", 1.5, "1", null, float(2));
    one("%.3d|%.3x|%#.3x|%#05x|%#07x|%+#x", tuple(5, -5, 5, 255, -255, 255));
    one("%c%c%c%c", tuple(65, "é", "😀", 0x10ffff), tuple(true, 0, 10, 13));
    one("%c", -1, 0x110000, 2n ** 70n, 1.5, "ab", "", null);
    one("%5c|%-5c|%05c", tuple("a", "😀", 65));
    one("%s|%5s|%-5s|%.1s|%.0s", tuple("😀x", "😀", "é", "😀é", "abc"));
    one("%r %a %s", tuple("é\ud800", "é😀", new Uint8Array([1, 255])));
    one("%s %r", tuple(float(1), 1e16), tuple(null, [1, tuple(2)]));
    one("%d format", "x", null, [1]);
    one("%f", "x", null, 10n ** 400n);
    one("%(a)s %(b)r", plainObject([["a", 1], ["b", "x"]]), dict([["a", 1], ["b", 2]]), plainObject([["a", 1]]));
    one("%(a)s", tuple(plainObject([["a", 1]])), 1, "a", [1], new Uint8Array([1]));
    one("%s %(a)s", plainObject([["a", 1]]));
    one("%(a)s %s", plainObject([["a", 1]]));
    one("%()s|%((a))s", plainObject([["", 1], ["(a)", 2]]));
    one("%(a", plainObject([["a", 1]]));
    one("%(a)*d", plainObject([["a", 1]]));
    one("hello", 5, "x", [1], plainObject([]), new Uint8Array(), tuple(), tuple(1));
    one("%s", tuple(), tuple(tuple()), [[]], plainObject([["a", 1]]));
    one("%s %s", plainObject([["a", 1]]), tuple(1));
    one("%", tuple());
    one("%y", 1, tuple());
    one("abc%y", 1);
    one("%é|%😀", 1);
    one("%5%", tuple(), tuple(1));
    one("%%", 5, tuple());
    one("%*d|%-*d|%.*f|%*.*f", tuple(5, 1, -5, 1, 2, 3.14159, 8, -1, 2.5));
    one("%*d", tuple("a", 1), tuple(2n ** 70n, 1), tuple(true, 7), tuple(-(2n ** 63n) - 1n, 1));
    one("%.*d", tuple(2n ** 40n, 1));
    one("%ld %hs %Lf", tuple(5, "x", 1.5));
    one("%l", 5);
    one("%.", 5);
    one("%5", 5);
    one("%*", tuple(5));
    one("%99999999999999999999d", 1);
    one("%.99999999999999999999d", 1);
    one("%.2147483647d", 1);
    one("%d", 10n ** 4300n);
    one("%x", 10n ** 4300n);
    expect(await compareCases(oracle, cases)).toEqual([]);
  }, TIMEOUT);
});
