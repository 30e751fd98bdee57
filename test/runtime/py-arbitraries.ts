// fast-check generators for the Python semantics helpers: numbers at the edges the value model
// draws (2**53, -0.0, NaN, integral floats), sequences, containers, and pairs of values that are
// often of one kind (so comparisons and operators succeed as often as they raise).
import fc from "fast-check";
import { dict, float, tuple } from "../../src/runtime/index.js";
import { floatArb, intArb, plainObject, strArb, valueArb } from "./arbitraries.js";
import { fresh } from "./py-support.js";

export const EDGE_NUMBERS: unknown[] = [
  0, -0, 1, -1, 2, true, false, 2 ** 53 - 1, -(2 ** 53 - 1), 2n ** 53n, -(2n ** 53n), 2n ** 53n + 1n, 2n ** 63n, -(2n ** 63n) - 1n,
  2 ** 53, 2 ** 53 + 2, float(2 ** 53), 10n ** 30n, -(10n ** 30n), 1e16, 1e300, 1.7976931348623157e308, 5e-324, 0.5, -0.5, 1.5, 2.5,
  0.1, float(0), float(-0), float(1), float(-1), float(3), NaN, Infinity, -Infinity, float(NaN), float(Infinity),
];

/** Ints, floats and bools, with the edges above often. */
export const numArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: intArb },
  { weight: 3, arbitrary: floatArb },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
  { weight: 2, arbitrary: fc.integer({ min: -10, max: 10 }) },
);

/** Numbers without the 4300-digit ints: bases of `**`, whose results would otherwise be huge. */
export const modestNumArb: fc.Arbitrary<unknown> = numArb.filter((v) => typeof v !== "bigint" || (v < 10n ** 40n && v > -(10n ** 40n)));

/** Exponents: small ints (int ** int stays small), floats, bools. */
export const exponentArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -30, max: 60 }),
  fc.constantFrom(0.5, -0.5, 1.5, 1 / 3, float(2), float(-2), float(0), 1e300, -1e300, NaN, Infinity, -Infinity, 1074.5, -1074.5, 1023.9, true, false),
  fc.double({ min: -50, max: 50, noNaN: true }),
);

/** Strings with characters whose UTF-16 order differs from code-point order (U+E000-U+FFFF vs astral). */
export const orderStrArb: fc.Arbitrary<string> = fc
  .array(fc.constantFrom("a", "b", "\ue000", "\uffff", "\ufb01", "😀", "\u{10000}", "\u{10ffff}", "\ud800", "\udc00", "\ud83d", "é", ""), { maxLength: 4 })
  .map((a) => a.join(""));

export const bytesArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 6 }),
  fc.array(fc.constantFrom(0, 39, 34, 92, 97, 98, 255), { maxLength: 4 }).map((a) => Uint8Array.from(a)),
);

const leafArb: fc.Arbitrary<unknown> = fc.oneof(fc.constantFrom(null, true, false), fc.integer({ min: -3, max: 3 }), fc.constantFrom(float(1), 1.5, NaN, float(NaN)), orderStrArb);

export const listArb: fc.Arbitrary<unknown[]> = fc.array(leafArb, { maxLength: 4 });
export const tupleArb: fc.Arbitrary<readonly unknown[]> = listArb.map((a) => tuple(...a));
export const setArb: fc.Arbitrary<Set<unknown>> = fc.array(fc.oneof(fc.integer({ min: -2, max: 4 }), fc.constantFrom("a", "b")), { maxLength: 4 }).map((a) => new Set(a));

export const seqArb: fc.Arbitrary<unknown> = fc.oneof(strArb, orderStrArb, listArb, tupleArb, bytesArb);

/** Any value: every kind the runtime models (bytes included), and class instances. */
export const anyArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: valueArb({ maxDepth: 2 }) },
  { weight: 1, arbitrary: bytesArb },
  { weight: 1, arbitrary: setArb },
  { weight: 1, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
);

/** Dicts as plain objects (str keys, integer-like ones often) or Maps (keys of every hashable kind). */
export const dictArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(fc.tuple(fc.oneof(fc.constantFrom("a", "b", "1", "10", "2", "__proto__", ""), strArb), leafArb), { maxLength: 5 }).map(plainObject),
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom<unknown>(1, 2, true, false, float(1), float(2.5), 2.5, null, "a", "1", tuple(1, 2), tuple(), 2n ** 64n, Uint8Array.of(97)), fc.integer()), leafArb), { maxLength: 5 })
    .map((pairs) => dict(pairs)), // merged as a Python dict literal merges them
);

/** A key for lookups in `d`: one of its keys, an equal key of another kind (1.0 for 1), or anything. */
export function lookupArb(d: unknown): fc.Arbitrary<unknown> {
  const own: unknown[] = d instanceof Map ? [...d.keys()] : Object.keys(d as object);
  const alike = own.flatMap((k): unknown[] => (typeof k === "number" && Number.isSafeInteger(k) ? [float(k), BigInt(k), k === 1] : k === true ? [1, float(1)] : []));
  return fc.oneof(
    ...(own.length > 0 ? [fc.constantFrom(...own).map(fresh)] : []),
    ...(alike.length > 0 ? [fc.constantFrom(...alike).map(fresh)] : []),
    fc.constantFrom("a", "zz", 1, 0, null, float(2.5), tuple(1, 2), [1], new Set<unknown>(), {}),
  );
}

/** Two values of one kind most of the time: numbers, strs, lists, tuples, bytes, sets, dicts, or equal copies. */
export const pairArb: fc.Arbitrary<[unknown, unknown]> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(numArb, numArb) },
  { weight: 3, arbitrary: fc.tuple(orderStrArb, orderStrArb) },
  { weight: 1, arbitrary: fc.tuple(strArb, strArb, strArb).map(([p, a, b]): [unknown, unknown] => [p + a, p + b]) },
  { weight: 2, arbitrary: fc.tuple(listArb, listArb, listArb).map(([p, a, b]): [unknown, unknown] => [[...p, ...a], [...p.map(fresh), ...b]]) },
  { weight: 1, arbitrary: fc.tuple(tupleArb, tupleArb) },
  { weight: 1, arbitrary: fc.tuple(bytesArb, bytesArb) },
  { weight: 1, arbitrary: fc.tuple(setArb, setArb) },
  { weight: 1, arbitrary: fc.tuple(dictArb, dictArb) },
  { weight: 2, arbitrary: anyArb.map((v): [unknown, unknown] => [v, fresh(v)]) },
  { weight: 3, arbitrary: fc.tuple(anyArb, anyArb) },
  { weight: 1, arbitrary: fc.tuple(seqArb, seqArb) },
);
