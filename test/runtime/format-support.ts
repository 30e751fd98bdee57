// Helpers for the differential tests of the formatting and codec functions: a JS call and a Python
// expression per case, compared on the result or on the exception (class, traceback line, and the
// positions of Unicode errors).
import fc from "fast-check";
import { expect } from "vitest";
import {
  PyAttributeError, PyIndexError, PyKeyError, PyLookupError, PyOverflowError, PyTypeError, PyUnicodeDecodeError, PyUnicodeEncodeError,
  PyValueError,
} from "../../src/runtime/index.js";
import { toTagged, type OracleError, type OracleReply, type PythonOracle } from "../support/python-oracle.js";
import { attempt, type Outcome } from "./support.js";

const CLASSES: Record<string, new (...a: never[]) => Error> = {
  ValueError: PyValueError,
  TypeError: PyTypeError,
  KeyError: PyKeyError,
  IndexError: PyIndexError,
  AttributeError: PyAttributeError,
  LookupError: PyLookupError,
  OverflowError: PyOverflowError,
  UnicodeDecodeError: PyUnicodeDecodeError,
  UnicodeEncodeError: PyUnicodeEncodeError,
};

/** null when the JS error is the Python error. */
export function sameError(err: unknown, py: OracleError): string | null {
  const text = String(err);
  if (text !== py.line) return `error ${JSON.stringify(text)} != python ${JSON.stringify(py.line)}`;
  const cls = CLASSES[py.type];
  if (cls === undefined || !(err instanceof cls)) return `error class ${(err as Error)?.constructor?.name} for python ${py.type}`;
  if (err instanceof PyUnicodeDecodeError || err instanceof PyUnicodeEncodeError) {
    const got = [err.encoding, err.start, err.end, err.reason];
    const want = [py.encoding, py.start, py.end, py.reason];
    if (JSON.stringify(got) !== JSON.stringify(want)) return `${py.type} fields ${JSON.stringify(got)} != ${JSON.stringify(want)}`;
  }
  return null;
}

/** Compares a JS outcome with the oracle's reply (results through the tagged form: str, bytes). */
export function sameOutcome(js: Outcome, py: OracleReply): string | null {
  if ("error" in js) {
    if (py.error === undefined) return `JS raised ${String(js.error)}; python returned ${JSON.stringify(py.ok)}`;
    return sameError(js.error, py.error);
  }
  if (py.error !== undefined) return `JS returned ${JSON.stringify(toTagged(js.ok))}; python raised ${py.error.line}`;
  const got = JSON.stringify(toTagged(js.ok));
  const want = JSON.stringify(py.ok);
  return got === want ? null : `JS ${got} != python ${want}`;
}

export interface Case {
  /** The Python expression, over `vars`. */
  expr: string;
  vars: Record<string, unknown>;
  run: () => unknown;
}

/** DUMPLING_FORMAT_SCALE=20 runs 20 times more generated cases (a soak; give DUMPLING_SEED too). */
const SCALE = Number(process.env.DUMPLING_FORMAT_SCALE ?? 1);
/** Per-test timeout, grown with the scale. */
export const TIMEOUT = 60_000 * SCALE;

/** Cases compared, and how many of them CPython answered with an exception. */
export const tally = { cases: 0, errors: 0, skipped: 0 };

/**
 * Whether a case would make CPython build a huge string (a width or precision in the millions, or
 * past what a JS string can hold, where CPython raises MemoryError or builds gigabytes): the machine
 * is shared, so such cases are never sent. JS runs first and tells. The generators avoid them too.
 */
function huge(js: Outcome): boolean {
  if ("error" in js) return js.error instanceof RangeError && js.error.message === "Invalid string length";
  const v = js.ok;
  return (typeof v === "string" || v instanceof Uint8Array) && v.length > 1_000_000;
}

/** Runs all cases in one oracle batch; returns a description of each mismatch (at most `keep`). */
export async function compareCases(oracle: PythonOracle, cases: readonly Case[], keep = 8): Promise<string[]> {
  const outcomes = cases.map((c) => attempt(c.run));
  const kept = cases.map((_, i) => i).filter((i) => !huge(outcomes[i]!));
  const reqs = kept.map((i) => ({ op: "eval", expr: cases[i]!.expr, vars: Object.fromEntries(Object.entries(cases[i]!.vars).map(([k, v]) => [k, toTagged(v)])) }));
  const replies = await oracle.batch(reqs);
  tally.cases += kept.length;
  tally.skipped += cases.length - kept.length;
  tally.errors += replies.filter((r) => r.error !== undefined).length;
  const bad: string[] = [];
  kept.forEach((i, j) => {
    const why = sameOutcome(outcomes[i]!, replies[j]!);
    if (why !== null && bad.length < keep) bad.push(`${cases[i]!.expr} with ${JSON.stringify(reqs[j]!.vars).slice(0, 300)}\n  ${why}`);
  });
  return bad;
}

/**
 * `numRuns` generated cases compared in one batch; on a mismatch, fast-check replays the property
 * (same seed, live oracle) to report a shrunk counterexample.
 */
export async function differential<T>(oracle: PythonOracle, arb: fc.Arbitrary<T>, numRuns: number, toCase: (c: T) => Case, seed: number): Promise<void> {
  numRuns *= SCALE;
  const samples = fc.sample(arb, { seed, numRuns });
  const errorsBefore = tally.errors;
  const bad = await compareCases(oracle, samples.map(toCase));
  if (process.env.DUMPLING_FORMAT_STATS) console.log(`${numRuns} cases, ${tally.errors - errorsBefore} exceptions`);
  if (bad.length > 0) {
    console.log(`mismatches; first:\n${bad.join("\n")}`);
    await fc.assert(
      fc.asyncProperty(arb, async (c) => {
        const k = toCase(c);
        if (huge(attempt(k.run))) return;
        const reply = await oracle.ask({ op: "eval", expr: k.expr, vars: Object.fromEntries(Object.entries(k.vars).map(([n, v]) => [n, toTagged(v)])) });
        expect(sameOutcome(attempt(k.run), reply)).toBeNull();
      }),
      { seed, numRuns },
    );
  }
  expect(bad).toEqual([]);
}
