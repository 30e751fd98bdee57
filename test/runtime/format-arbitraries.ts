// fast-check generators for the formatting tests: Python scalars in the runtime's representation
// (with the floats that make rounding hard), format specs assembled from every part of the
// mini-language, and %-templates and str.format templates together with arguments that fit them.
import fc from "fast-check";
import { PyFloat, dict, float, tuple } from "../../src/runtime/index.js";
import { plainObject } from "./arbitraries.js";

// ---- scalars -------------------------------------------------------------------------------------

const SPECIAL_STRS = ["", "a", "abc", "é", "ñandú", "😀", "a😀b", "\ud800", "x\udc80y", "東京", "'", '"', "'\"", "\\", "\n\t", "\x00", "\x7f", "\u00a0", "%", "{}", "Zürich", " spaced "];

/**
 * Any code point below U+0370 (and the surrogates): characters whose printability Python 3.11's
 * Unicode 14 and the JS engine's newer Unicode agree on, so repr() (%r, !r) is comparable. (pyRepr
 * documents the difference for characters assigned after Unicode 14.)
 */
const stableUnit = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 0x36f }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }) },
  { weight: 1, arbitrary: fc.constantFrom(0x1f600, 0x10ffff, 0xfeff, 0x2028, 0x4e2d, 0xff01) },
).map((c) => String.fromCodePoint(c));

export const strArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_STRS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: stableUnit, maxLength: 6 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...SPECIAL_STRS), { maxLength: 4 }).map((a) => a.join("")) },
);

export const intArb: fc.Arbitrary<number | bigint> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -1, 1, 65, 255, 0x10ffff, 0x110000, 1234567, -1234567, 2 ** 31, 2 ** 53 - 1, -(2 ** 53 - 1)) },
  { weight: 2, arbitrary: fc.maxSafeInteger() },
  { weight: 2, arbitrary: fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }).map((b) => (b >= -(2n ** 53n) + 1n && b <= 2n ** 53n - 1n ? Number(b) : b)) },
  { weight: 1, arbitrary: fc.constantFrom(2n ** 63n, -(2n ** 63n), 2n ** 63n - 1n, 2n ** 64n, 10n ** 308n * 18n, 10n ** 309n, 10n ** 4299n, 10n ** 4300n) },
);

/** Doubles, biased towards values whose decimal expansion ends in a tie or sits at a boundary. */
const doubleArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 0, max: 12 })).map(([k, m]) => k / 2 ** m) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: -999999, max: 999999 }), fc.integer({ min: -25, max: 25 })).map(([k, e]) => Number(`${k}e${e}`)) },
  { weight: 1, arbitrary: fc.integer({ min: -330, max: 310 }).map((e) => Number(`1e${e}`)) },
  { weight: 1, arbitrary: fc.integer({ min: -330, max: 310 }).map((e) => Number(`9.5e${e}`)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      0.5, 1.5, 2.5, -0.5, 2.675, 0.125, 0.375, 1.005, 9.995, 99.5, 999999.5, 0.045, 1e16, 1e15, 9.999999999999999e15, 1e17, 1e-4, 1e-5, 5e-324,
      2.2250738585072014e-308, 1.7976931348623157e308, 0.1, 0.3, 1 / 3, 2 / 3, 123456789.125, 1e21, 1e22, 1e100, -0, NaN, Infinity, -Infinity,
    ),
  },
);

/** Python floats in the runtime's form: a number, or a PyFloat for integral values. */
export const floatArb: fc.Arbitrary<number | PyFloat> = fc.oneof(
  { weight: 4, arbitrary: doubleArb.map((x) => (Number.isSafeInteger(x) || Object.is(x, -0) ? float(x) : x)) },
  { weight: 1, arbitrary: doubleArb.map((x) => float(x)) },
);

export const scalarArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: strArb },
  { weight: 3, arbitrary: intArb },
  { weight: 4, arbitrary: floatArb },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** Containers too (for %s, %r, index access and the errors of non-numbers). */
export const anyArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: scalarArb },
  { weight: 1, arbitrary: fc.array(scalarArb, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(scalarArb, { maxLength: 3 }).map((a) => tuple(...a)) },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom("a", "b", "key", "0", "1"), scalarArb), { maxLength: 3 }).map(plainObject) },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.oneof(fc.constantFrom("a", "b"), fc.integer({ min: 0, max: 2 }), fc.constant(true), fc.constant(float(1))), scalarArb), { maxLength: 3 }).map((p) => dict(p)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 4 }) },
);

// ---- format specs --------------------------------------------------------------------------------

const FILLS = [" ", "*", "0", "x", "{", "}", "é", "😀", "<", "=", "^", "_", ",", "."];

const widthArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant("") },
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 25 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom("0", "00", "012", "٥", "1٠", "99999999999999999999") },
);

const precisionArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant("") },
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 20 }).map((p) => "." + p) },
  { weight: 1, arbitrary: fc.integer({ min: 21, max: 130 }).map((p) => "." + p) },
  { weight: 1, arbitrary: fc.constantFrom(".", ".٣", ".2147483648", ".99999999999999999999") },
);

/** The presentation types a value of this kind accepts (bool and int share int's). */
function typesFor(value: unknown): string {
  if (typeof value === "string") return "s";
  if (typeof value === "boolean" || typeof value === "bigint" || (typeof value === "number" && Number.isSafeInteger(value))) return "bcdoxXneEfFgG%";
  return "eEfFgGn%";
}

const typeArb = (value: unknown): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant("") },
    { weight: 10, arbitrary: fc.constantFrom(...typesFor(value)) },
    { weight: 2, arbitrary: fc.constantFrom(..."bcdeEfFgGnosxX%") },
    { weight: 1, arbitrary: fc.constantFrom("y", "r", "a", "i", "Z", " ", "é", "😀", "\x01", "{", ",") },
  );

/**
 * A format spec for `value`: [[fill]align][sign][z][#][0][width][grouping][.precision][type], the
 * type usually one the value accepts; sometimes noise.
 */
export const specFor = (value: unknown): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 20,
      arbitrary: fc
        .record({
          fillAlign: fc.oneof(
            { weight: 4, arbitrary: fc.constant("") },
            { weight: 2, arbitrary: fc.constantFrom("<", ">", "^", "=") },
            { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...FILLS), fc.constantFrom("<", ">", "^", "=")).map(([f, a]) => f + a) },
          ),
          sign: fc.constantFrom("", "", "", "+", "-", " "),
          z: fc.constantFrom("", "", "", "", "", "", "z"),
          alt: fc.constantFrom("", "", "", "#"),
          zero: fc.constantFrom("", "", "", "0"),
          width: widthArb,
          grouping: fc.oneof({ weight: 16, arbitrary: fc.constant("") }, { weight: 3, arbitrary: fc.constantFrom(",", "_") }, { weight: 1, arbitrary: fc.constantFrom(",_", "_,", ",,") }),
          // integer presentations refuse a precision: give one to ints less often
          precision: typesFor(value).startsWith("b") ? fc.oneof({ weight: 4, arbitrary: fc.constant("") }, { weight: 1, arbitrary: precisionArb }) : precisionArb,
          type: typeArb(value),
        })
        .map((r) => r.fillAlign + r.sign + r.z + r.alt + r.zero + r.width + r.grouping + r.precision + r.type),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(..."<>=^+- z#0123456789,_.bcdeEfFgGnosxX%é"), { maxLength: 6 }).map((a) => a.join("")) },
  );

/** A spec for no value in particular. */
export const specArb: fc.Arbitrary<string> = fc.oneof(scalarArb.chain(specFor));
