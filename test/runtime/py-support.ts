// Differential harness for the Python semantics helpers: each case is a Python snippet that sets
// `result` from named values, and the JS call that should do the same; both run, and the results
// (as tagged values) or the errors (class and traceback line) must be equal.
import fc from "fast-check";
import { expect } from "vitest";
import {
  KEY_ORDER,
  PyAttributeError,
  PyFloat,
  PyIndexError,
  PyKeyError,
  PyOverflowError,
  PyTypeError,
  PyValueError,
  PyUnicodeDecodeError,
  PyUnicodeEncodeError,
  PyZeroDivisionError,
  UntranslatedPythonError,
  isDict,
  isTuple,
  keys,
  tuple,
} from "../../src/runtime/index.js";
import { toTagged, type OracleReply, type PythonOracle } from "../support/python-oracle.js";
import { plainObject } from "./arbitraries.js";

export interface Case {
  /** Python code that assigns `result`; the names of `vars` are bound first. */
  py: string;
  vars: Record<string, unknown>;
  js: () => unknown;
}

const CLASSES: Record<string, new (...a: never[]) => Error> = {
  TypeError: PyTypeError,
  ValueError: PyValueError,
  KeyError: PyKeyError,
  IndexError: PyIndexError,
  ZeroDivisionError: PyZeroDivisionError,
  OverflowError: PyOverflowError,
  AttributeError: PyAttributeError,
  UnicodeDecodeError: PyUnicodeDecodeError,
  UnicodeEncodeError: PyUnicodeEncodeError,
};

/**
 * A deep copy with new objects everywhere (floats and class instances included): the tagged form
 * cannot say that two places hold the same float or instance, so neither side may share them.
 */
export function fresh(v: unknown): unknown {
  if (v instanceof PyFloat) return new PyFloat(v.value);
  if (isTuple(v)) return tuple(...v.map(fresh));
  if (Array.isArray(v)) return v.map(fresh);
  if (v instanceof Set) return new Set([...v].map(fresh));
  if (v instanceof Map) return new Map([...v].map(([k, e]) => [fresh(k), fresh(e)]));
  if (v instanceof Uint8Array) return v.slice();
  if (isDict(v)) {
    // Python's key order too: a copy lists integer-like keys first unless it has its own record.
    const order = keys(v);
    const o = plainObject(order.map((k) => [k, fresh((v as Record<string, unknown>)[k])]));
    if (Object.keys(o).some((k, i) => k !== order[i])) Object.defineProperty(o, KEY_ORDER, { value: order.slice() });
    return o;
  }
  if (typeof v === "object" && v !== null) return new (v.constructor as new () => unknown)();
  return v;
}

/**
 * A tagged value with shared containers written out, set members sorted and object reprs dropped.
 * Python's tags number every container in the order met (`implicit`); JS's give shared ones an `$id`.
 */
export function normalize(t: unknown, implicit: boolean): unknown {
  const table = new Map<number, unknown>();
  let next = 0;
  const register = (o: Record<string, unknown>, built: unknown): void => {
    if (implicit) table.set(next++, built);
    else if (o.$id !== undefined) table.set(o.$id as number, built);
  };
  const walk = (x: unknown): unknown => {
    if (x === null || typeof x !== "object") return x;
    if (Array.isArray(x)) return walk({ $list: x });
    const o = x as Record<string, unknown>;
    if ("$ref" in o) return table.get(o.$ref as number);
    if ("$object" in o) return { $object: o.$object };
    for (const kind of ["$list", "$tuple", "$set"]) {
      if (!(kind in o)) continue;
      const items: unknown[] = [];
      const built = kind === "$list" ? items : { [kind]: items };
      register(o, built);
      for (const e of o[kind] as unknown[]) items.push(walk(e));
      if (kind === "$set") items.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
      return built;
    }
    if ("$dict" in o) {
      const pairs: unknown[] = [];
      const built = { $dict: pairs };
      register(o, built);
      for (const [k, e] of o.$dict as [unknown, unknown][]) pairs.push([walk(k), walk(e)]);
      return built;
    }
    return x; // $int, $float, $bytes
  };
  return walk(t);
}

export interface Mismatch {
  py: string;
  vars: string;
  why: string;
  /** Index of the case. */
  index: number;
  /** The JS result, tagged, when JS returned one. */
  got?: string;
}

/** Runs every case in CPython and in JS; the mismatches (empty when all agree). */
export async function runCases(oracle: PythonOracle, cases: readonly Case[]): Promise<Mismatch[]> {
  // Tag the inputs before any JS call runs: some helpers mutate them.
  const requests = cases.map((c) => ({
    op: "exec",
    code: c.py,
    vars: Object.fromEntries(Object.entries(c.vars).map(([k, v]) => [k, toTagged(v)])),
  }));
  const replies = await oracle.batch(requests);
  const out: Mismatch[] = [];
  cases.forEach((c, i) => {
    const why = compare(c.js, replies[i]!);
    if (why !== null) out.push({ py: c.py, vars: JSON.stringify(requests[i]!.vars).slice(0, 400), why: why.text, index: i, got: why.got });
  });
  return out;
}

function compare(js: () => unknown, py: OracleReply): { text: string; got?: string } | null {
  const why = (text: string | null, got?: string): { text: string; got?: string } | null => (text === null ? null : { text, got });
  let result: unknown;
  try {
    result = js();
  } catch (err) {
    // A complex result (or its overflow) is the one Python value the runtime refuses to model.
    if (err instanceof UntranslatedPythonError && ((py.ok as { $object?: string } | undefined)?.$object === "complex" || py.error?.line === "OverflowError: complex exponentiation")) return null;
    // Past memory: CPython's MemoryError is JS's RangeError.
    if (err instanceof RangeError && py.error?.type === "MemoryError") return null;
    if (py.error === undefined) return why(`JS raised ${String(err)}; Python returned ${JSON.stringify(py.ok)}`);
    const cls = CLASSES[py.error.type];
    if (cls === undefined || !(err instanceof cls)) return why(`JS raised ${(err as Error)?.constructor?.name}: ${String(err)}; Python ${py.error.line}`);
    // pyRepr's two known divergences (docs/runtime.md): a class instance is `<Foo object>` (CPython adds
    // its module and address), and whether a character is printable follows JS's Unicode database,
    // newer than Python 3.11's: an error's repr is compared with \u and \U escapes written out.
    const unescape = (t: string): string => t.replace(/\\(?:U([0-9a-f]{8})|u([0-9a-f]{4}))/g, (_m, a: string, b: string) => String.fromCodePoint(parseInt(a ?? b, 16)));
    const line = py.error.line.replace(/<__main__\.(\w+) object at 0x[0-9a-f]+>/g, "<$1 object>");
    const same = String(err) === line || unescape(String(err)) === unescape(line);
    return why(same ? null : `JS ${JSON.stringify(String(err))} != Python ${JSON.stringify(py.error.line)}`);
  }
  if (py.error !== undefined) return why(`JS returned ${safeTag(result)}; Python raised ${py.error.line}`);
  const got = JSON.stringify(normalize(toTagged(result), false));
  const want = JSON.stringify(normalize(py.ok, true));
  return why(got === want ? null : `JS ${got.slice(0, 300)} != Python ${want.slice(0, 300)}`, got);
}

function safeTag(v: unknown): string {
  try {
    return JSON.stringify(toTagged(v)).slice(0, 300);
  } catch {
    return String(v);
  }
}

/** Case and mismatch counts of one test file, printed with the CPython version at the end. */
export interface Tally {
  cases: number;
  mismatches: number;
}

/** Runs the cases in both languages and fails with the first mismatches. */
export async function expectSame(oracle: PythonOracle, tally: Tally, cases: readonly Case[]): Promise<void> {
  const bad = await runCases(oracle, cases);
  tally.cases += cases.length;
  tally.mismatches += bad.length;
  expect(bad.slice(0, 5)).toEqual([]);
}

// DUMPLING_SOAK=1 multiplies the generated cases, as for the json differential tests.
const SCALE = process.env.DUMPLING_SOAK === "1" ? Number(process.env.DUMPLING_SOAK_SCALE ?? 25) : 1;

/** `n` generated cases (times the soak scale). */
export function sampleCases<T>(arb: fc.Arbitrary<T>, n: number, seed: number, toCase: (c: T) => Case): Case[] {
  return fc.sample(arb, { seed, numRuns: n * SCALE }).map(toCase);
}
