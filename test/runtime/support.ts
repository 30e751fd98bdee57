// Shared helpers for the runtime tests: run a call, compare its outcome with the oracle's reply.
import {
  JSONDecodeError,
  PyRecursionError,
  PyTypeError,
  PyUnicodeDecodeError,
  PyValueError,
} from "../../src/runtime/index.js";
import { toTagged, type OracleError, type OracleReply } from "../support/python-oracle.js";

export type Outcome = { ok: unknown } | { error: unknown };

export function attempt(f: () => unknown): Outcome {
  try {
    return { ok: f() };
  } catch (error) {
    return { error };
  }
}

const CLASSES: Record<string, new (...a: never[]) => Error> = {
  JSONDecodeError,
  UnicodeDecodeError: PyUnicodeDecodeError,
  ValueError: PyValueError,
  TypeError: PyTypeError,
  RecursionError: PyRecursionError,
};

/** null when the JS error is the Python error: same class, same traceback line, same position. */
export function sameError(err: unknown, py: OracleError): string | null {
  const text = String(err);
  if (text !== py.line) return `error ${JSON.stringify(text)} != python ${JSON.stringify(py.line)}`;
  const cls = CLASSES[py.type];
  if (cls === undefined || !(err instanceof cls)) return `error class ${(err as Error)?.constructor?.name} for python ${py.type}`;
  // dump: what fp had received when the error came (the test puts its own on the error as `partial`).
  // Not for RecursionError: the oracle calls dump a few frames deep, so CPython stops a few levels
  // before the module-level threshold the runtime keeps (docs/runtime.md, "Deep nesting").
  if (py.partial !== undefined && py.type !== "RecursionError" && (err as { partial?: string }).partial !== py.partial) {
    return `written before the error ${JSON.stringify((err as { partial?: string }).partial)} != python ${JSON.stringify(py.partial)}`;
  }
  if (err instanceof JSONDecodeError) {
    const got = [err.msg, err.pos, err.lineno, err.colno];
    const want = [py.msg, py.pos, py.lineno, py.colno];
    if (JSON.stringify(got) !== JSON.stringify(want)) return `JSONDecodeError fields ${JSON.stringify(got)} != ${JSON.stringify(want)}`;
  }
  return null;
}

/** Compare an outcome with a reply; `view` turns a JS result into what the oracle sends back. */
export function sameOutcome(js: Outcome, py: OracleReply, view: (v: unknown) => unknown = (v) => v): string | null {
  if ("error" in js) {
    if (py.error === undefined) return `JS raised ${String(js.error)}; python returned ${JSON.stringify(py.ok)}`;
    return sameError(js.error, py.error);
  }
  if (py.error !== undefined) return `JS returned ${safe(js.ok)}; python raised ${py.error.line}`;
  const got = JSON.stringify(view(js.ok));
  const want = JSON.stringify(py.ok);
  return got === want ? null : `JS ${got} != python ${want}`;
}

export const tagged = (v: unknown): unknown => toTagged(v);

function safe(v: unknown): string {
  try {
    return JSON.stringify(toTagged(v)).slice(0, 500);
  } catch {
    return String(v);
  }
}
