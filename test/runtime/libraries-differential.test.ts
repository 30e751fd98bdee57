// Differential property tests for the runtime's orjson and ujson (src/runtime/orjson.ts, ujson.ts):
// generated values and option sets, each run through the runtime and through the real library (the
// venv of test/support/libraries.ts, at the pinned versions), compared byte for byte, errors
// included (class and traceback line). Where the runtime refuses loudly (UntranslatedPythonError:
// a class instance, which orjson may serialize natively; a set's repr in ujson's message) the case
// counts as loud, never as equal, and loud cases must stay rare.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ORJSON_OPT, OrjsonDecodeError, PyFloat, PyZeroDivisionError, UntranslatedPythonError, dict, float, orjsonDumps, orjsonLoads, tuple, typeName, ujsonDump, ujsonDumps, ujsonLoads,
  type UjsonDumpsOptions,
} from "../../src/runtime/index.js";
import { LIBRARY_VERSIONS, libraryPython } from "../support/libraries.js";
import { PythonOracle, toTagged, type OracleReply, type OracleRequest } from "../support/python-oracle.js";
import { brokenTextArb, DEFAULT_PY, jsonTextArb, valueArb } from "./arbitraries.js";
import { attempt, type Outcome } from "./support.js";

const SEED = process.env.DUMPLING_SEED !== undefined ? Number(process.env.DUMPLING_SEED) : 20261205;
const TIMEOUT = 120_000;

let oracle: PythonOracle;
const tally = { cases: 0, loud: 0 };

beforeAll(() => {
  if (libraryPython) oracle = new PythonOracle(libraryPython);
});
afterAll(() => {
  oracle?.close();
  console.log(`orjson/ujson differential: ${tally.cases} cases, ${tally.loud} refused loudly (seed ${SEED}; orjson ${LIBRARY_VERSIONS.orjson}, ujson ${LIBRARY_VERSIONS.ujson})`);
});

/** `default` in both languages: a set becomes its sorted items, anything else its type's name. */
const defaultJs = (o: unknown): unknown => (o instanceof Set ? [...(o as Set<number>)].sort((a, b) => a - b) : typeName(o));

const bytesLeaf = fc.uint8Array({ maxLength: 6 });
/** Values orjson and ujson treat their own ways: bytes, sets, dicts with tuple keys. */
const otherLeaf = fc.oneof(
  bytesLeaf,
  fc.array(fc.integer({ min: -5, max: 40 }), { maxLength: 3 }).map((a) => new Set(a)),
  fc.constantFrom(tuple(1, "/"), tuple()).map((k) => dict([[k, 1]])),
);
/** json's generated values (JSON values mostly; class instances, which the runtime refuses loudly, rarely), and bytes, sets and tuple keys. */
const libraryValueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: valueArb({ unsupported: false, maxNest: 300 }) },
  { weight: 2, arbitrary: fc.array(fc.oneof(valueArb({ unsupported: false, maxDepth: 2 }), otherLeaf), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 3 }), otherLeaf, { maxKeys: 3 }) },
  { weight: 1, arbitrary: valueArb() },
);

/** null when the outcomes agree; "loud" when the runtime refused loudly; else what differs. */
function compare(js: Outcome, py: OracleReply, view: (v: unknown) => unknown, sameClass?: (err: unknown, type: string, module: string) => boolean): string | null {
  if ("error" in js && js.error instanceof UntranslatedPythonError) return "loud";
  if ("error" in js) {
    if (py.error === undefined) return `JS raised ${String(js.error)}; python returned ${JSON.stringify(py.ok).slice(0, 200)}`;
    if (sameClass) return sameClass(js.error, py.error.type, py.error.module) ? null : `JS raised ${String(js.error)}; python ${py.error.line}`;
    return String(js.error) === py.error.line ? null : `JS raised ${JSON.stringify(String(js.error))}; python ${JSON.stringify(py.error.line)}`;
  }
  if (py.error !== undefined) return `JS returned ${JSON.stringify(toTagged(view(js.ok))).slice(0, 200)}; python raised ${py.error.line}`;
  const got = JSON.stringify(view(js.ok));
  const want = JSON.stringify(py.ok);
  return got === want ? null : `JS ${got.slice(0, 300)} != python ${want.slice(0, 300)}`;
}

async function differential<T>(
  arb: fc.Arbitrary<T>,
  numRuns: number,
  request: (c: T) => OracleRequest,
  run: (c: T) => Outcome,
  view: (v: unknown) => unknown = (v) => v,
  sameClass?: (err: unknown, type: string, module: string) => boolean,
): Promise<void> {
  const cases = fc.sample(arb, { seed: SEED, numRuns });
  const replies = await oracle.batch(cases.map(request), 500);
  const bad: string[] = [];
  let loud = 0;
  cases.forEach((c, i) => {
    const why = compare(run(c), replies[i]!, view, sameClass);
    if (why === "loud") loud++;
    else if (why !== null) bad.push(`${JSON.stringify(request(c)).slice(0, process.env.DUMPLING_DEBUG ? 5000 : 300)}\n  ${why}`);
  });
  tally.cases += numRuns;
  tally.loud += loud;
  if (bad.length > 0) console.log(`${bad.length} mismatches; first:\n${bad.slice(0, 8).join("\n")}`);
  expect(bad).toEqual([]);
  // Loud refusals are for what the runtime does not model (class instances, ujson's sort of mixed keys):
  // at least two thirds of the cases are compared.
  expect(numRuns - loud).toBeGreaterThanOrEqual((numRuns * 2) / 3);
}

const utf8 = (v: unknown): unknown => new TextDecoder().decode(v as Uint8Array);

const ORJSON_OPTION_SETS = [
  0,
  ORJSON_OPT.INDENT_2,
  ORJSON_OPT.SORT_KEYS,
  ORJSON_OPT.NON_STR_KEYS,
  ORJSON_OPT.NON_STR_KEYS | ORJSON_OPT.SORT_KEYS,
  ORJSON_OPT.STRICT_INTEGER,
  ORJSON_OPT.STRICT_INTEGER | ORJSON_OPT.NON_STR_KEYS,
  ORJSON_OPT.INDENT_2 | ORJSON_OPT.SORT_KEYS | ORJSON_OPT.APPEND_NEWLINE | ORJSON_OPT.NON_STR_KEYS,
  ORJSON_OPT.APPEND_NEWLINE,
  // flags for what the runtime does not model (datetimes, numpy, dataclasses, subclasses): no effect on the rest
  ORJSON_OPT.NAIVE_UTC | ORJSON_OPT.UTC_Z | ORJSON_OPT.OMIT_MICROSECONDS | ORJSON_OPT.PASSTHROUGH_DATETIME | ORJSON_OPT.PASSTHROUGH_SUBCLASS | ORJSON_OPT.PASSTHROUGH_DATACLASS | ORJSON_OPT.SERIALIZE_NUMPY,
  4096, // not a flag: Invalid opts
];

const orjsonCase = fc.record({ value: libraryValueArb, option: fc.constantFrom(...ORJSON_OPTION_SETS), withDefault: fc.boolean() });

const ujsonOptsArb = fc
  .record(
    {
      ensure_ascii: fc.boolean(),
      encode_html_chars: fc.boolean(),
      escape_forward_slashes: fc.boolean(),
      sort_keys: fc.boolean(),
      indent: fc.oneof(fc.constantFrom(0, 1, 2, 4, -1), fc.boolean()),
      allow_nan: fc.boolean(),
      reject_bytes: fc.boolean(),
      default: fc.boolean(),
      separators: fc.oneof(fc.constant(null), fc.constantFrom<[string, string]>([",", ":"], [", ", ": "], [" , ", "="])),
    },
    { requiredKeys: [] },
  )
  .map((r) => {
    const opts: UjsonDumpsOptions = {};
    const py: Record<string, unknown> = {};
    if (r.ensure_ascii !== undefined) [opts.ensureAscii, py.ensure_ascii] = [r.ensure_ascii, r.ensure_ascii];
    if (r.encode_html_chars !== undefined) [opts.encodeHtmlChars, py.encode_html_chars] = [r.encode_html_chars, r.encode_html_chars];
    if (r.escape_forward_slashes !== undefined) [opts.escapeForwardSlashes, py.escape_forward_slashes] = [r.escape_forward_slashes, r.escape_forward_slashes];
    if (r.sort_keys !== undefined) [opts.sortKeys, py.sort_keys] = [r.sort_keys, r.sort_keys];
    if (r.indent !== undefined) [opts.indent, py.indent] = [r.indent, r.indent];
    if (r.allow_nan !== undefined) [opts.allowNan, py.allow_nan] = [r.allow_nan, r.allow_nan];
    if (r.reject_bytes !== undefined) [opts.rejectBytes, py.reject_bytes] = [r.reject_bytes, r.reject_bytes];
    if (r.separators !== undefined) [opts.separators, py.separators] = [r.separators, r.separators];
    if (r.default) [opts.default, py.default] = [defaultJs, DEFAULT_PY];
    return { opts, py };
  });

const ujsonCase = fc.record({ value: libraryValueArb, o: ujsonOptsArb });

const textArb = fc.oneof(jsonTextArb, jsonTextArb, brokenTextArb);
type LoadsInput = { s?: string; bytes?: Uint8Array };
const textOrBytesArb: fc.Arbitrary<LoadsInput> = fc.oneof(
  { weight: 3, arbitrary: textArb.map((s) => ({ s })) },
  { weight: 1, arbitrary: textArb.map((s) => ({ bytes: new TextEncoder().encode(s) })) },
);
const loadsRequest = (op: string) => (c: { s?: string; bytes?: Uint8Array }): OracleRequest =>
  c.bytes ? { op, bytes: Buffer.from(c.bytes).toString("base64") } : { op, s: c.s };

describe.skipIf(!libraryPython)(`runtime vs orjson ${LIBRARY_VERSIONS.orjson} and ujson ${LIBRARY_VERSIONS.ujson} (live)`, () => {
  it("the venv holds the pinned versions", async () => {
    const reply = await oracle.ask({ op: "exec", code: "import orjson, ujson\nresult = [orjson.__version__, ujson.__version__]" });
    expect(reply.ok).toEqual([LIBRARY_VERSIONS.orjson, LIBRARY_VERSIONS.ujson]);
  });

  it("orjson.dumps: 3,000 generated values x 11 option sets, with and without default", async () => {
    await differential(
      orjsonCase,
      3000,
      (c) => ({ op: "orjson.dumps", value: toTagged(c.value), opts: { option: c.option, ...(c.withDefault ? { default: DEFAULT_PY } : {}) } }),
      (c) => attempt(() => orjsonDumps(c.value, { option: c.option, default: c.withDefault ? defaultJs : null })),
      utf8,
    );
  }, TIMEOUT);

  it("ujson.dumps: 3,000 generated values x option sets", async () => {
    await differential(
      ujsonCase,
      3000,
      (c) => ({ op: "ujson.dumps", value: toTagged(c.value), opts: c.o.py }),
      (c) => attempt(() => ujsonDumps(c.value, c.o.opts)),
    );
  }, TIMEOUT);

  it("ujson.dump: the text written", async () => {
    await differential(
      ujsonCase,
      500,
      (c) => ({ op: "ujson.dump", value: toTagged(c.value), opts: c.o.py }),
      (c) =>
        attempt(() => {
          let out = "";
          ujsonDump(c.value, { write: (s: string) => (out += s) }, c.o.opts);
          return out;
        }),
    );
  }, TIMEOUT);

  it("edge cases: nesting limits, cycles, default chains, int and option bounds", async () => {
    const nest = (n: number, dictionaries = false): unknown => {
      let v: unknown = [];
      for (let i = 1; i < n; i++) v = dictionaries ? { a: v } : [v];
      return v;
    };
    const cycle: unknown[] = [1];
    cycle.push(cycle);
    const same = (o: unknown) => o;
    const wrap = (o: unknown) => [o];
    const fail = () => {
      throw new PyZeroDivisionError("division by zero");
    };
    type Edge = { op: "orjson.dumps" | "ujson.dumps"; value: unknown; expr?: string; py?: Record<string, unknown>; js?: Record<string, unknown> };
    /** The same nest in Python (too deep for the tagged form, which json.loads reads in the oracle). */
    const nestPy = (n: number, dictionaries = false): string => `__import__("functools").reduce(lambda v, _: ${dictionaries ? '{"a": v}' : "[v]"}, range(${n - 1}), [])`;
    const edges: Edge[] = [];
    for (const op of ["orjson.dumps", "ujson.dumps"] as const) {
      for (const n of [253, 254, 255, 1024, 1025, 1026]) for (const d of [false, true]) edges.push({ op, value: nest(n, d), expr: nestPy(n, d) });
      edges.push({ op, value: cycle });
      edges.push({ op, value: [new Set([1])], py: { default: "lambda o: o" }, js: { default: same } });
      edges.push({ op, value: [new Set([1])], py: { default: "lambda o: [o]" }, js: { default: wrap } });
      edges.push({ op, value: new Set([1]), py: { default: "lambda o: 1/0" }, js: { default: fail } });
      for (const b of [2n ** 63n - 1n, 2n ** 63n, 2n ** 64n - 1n, 2n ** 64n, -(2n ** 63n), -(2n ** 63n) - 1n, 2n ** 53n - 1n, 2n ** 53n, -(2n ** 53n), 10n ** 4300n]) {
        edges.push({ op, value: [b] });
        edges.push({ op, value: dict([[b, 1]]), py: op === "orjson.dumps" ? { option: ORJSON_OPT.NON_STR_KEYS } : {}, js: op === "orjson.dumps" ? { option: ORJSON_OPT.NON_STR_KEYS } : {} });
      }
      for (const x of [1e-5, 9.999999999999999e-6, 1e-6, 1e-7, 1e15, 9.999999999999998e15, 1e16, 1e21, 1e22, 5e-324, -0, 0.1, 1 / 3]) edges.push({ op, value: [x, float(x)] });
    }
    for (const n of [253, 254, 255]) edges.push({ op: "orjson.dumps", value: nest(n), expr: nestPy(n), py: { option: ORJSON_OPT.INDENT_2 }, js: { option: ORJSON_OPT.INDENT_2 } });
    for (const option of [-1, 4095, 4096, 2 ** 40]) edges.push({ op: "orjson.dumps", value: 1, py: { option }, js: { option } });
    for (const b of [2n ** 53n - 1n, 2n ** 53n, -(2n ** 53n) + 1n, -(2n ** 53n)]) {
      edges.push({ op: "orjson.dumps", value: b, py: { option: ORJSON_OPT.STRICT_INTEGER }, js: { option: ORJSON_OPT.STRICT_INTEGER } });
      edges.push({ op: "orjson.dumps", value: dict([[b, 1]]), py: { option: ORJSON_OPT.STRICT_INTEGER | ORJSON_OPT.NON_STR_KEYS }, js: { option: ORJSON_OPT.STRICT_INTEGER | ORJSON_OPT.NON_STR_KEYS } });
    }
    for (const indent of [null, true, false, 3, -2, float(2), "  "]) edges.push({ op: "ujson.dumps", value: { a: [1, {}] }, py: { indent: indent instanceof PyFloat ? toTagged(indent) : indent }, js: { indent } });
    const replies = await oracle.batch(edges.map((c) => (c.expr ? { op: c.op, expr: c.expr, opts: c.py ?? {} } : { op: c.op, value: toTagged(c.value), opts: c.py ?? {} })));
    const bad: string[] = [];
    edges.forEach((c, i) => {
      const js = attempt(() => (c.op === "orjson.dumps" ? orjsonDumps(c.value, c.js ?? {}) : ujsonDumps(c.value, c.js ?? {})));
      const why = compare(js, replies[i]!, c.op === "orjson.dumps" ? utf8 : (v) => v);
      if (why !== null) bad.push(`${c.op} ${c.expr ?? JSON.stringify(toTagged(c.value)).slice(0, 120)} ${JSON.stringify(c.py)}: ${why.slice(0, 300)}`);
    });
    tally.cases += edges.length;
    expect(bad).toEqual([]);
  }, TIMEOUT);

  it("orjson.loads: 2,000 texts and bytes (values exact; errors orjson.JSONDecodeError)", async () => {
    await differential(
      textOrBytesArb,
      2000,
      loadsRequest("orjson.loads"),
      (c) => attempt(() => orjsonLoads(c.bytes ?? c.s!)),
      toTagged,
      (err, type, module) => err instanceof OrjsonDecodeError && type === "JSONDecodeError" && module === "orjson",
    );
  }, TIMEOUT);

  it("ujson.loads: 2,000 texts and bytes (values exact; what json refuses is refused loudly)", async () => {
    const cases = fc.sample(textOrBytesArb, { seed: SEED, numRuns: 2000 });
    const replies = await oracle.batch(cases.map(loadsRequest("ujson.loads")), 500);
    const bad: string[] = [];
    cases.forEach((c, i) => {
      const js = attempt(() => ujsonLoads(c.bytes ?? c.s!));
      const why = compare(js, replies[i]!, toTagged);
      if (why !== null && why !== "loud") bad.push(`${JSON.stringify(c.s ?? [...c.bytes!])}: ${why}`);
    });
    tally.cases += cases.length;
    expect(bad).toEqual([]);
  }, TIMEOUT);
});
