// Differential property tests: generated values, texts, bytes and option sets, each run through the
// runtime and through CPython's json (one live python3 process), compared byte for byte, including
// errors (class, message, position). DUMPLING_SOAK=1 multiplies the case counts (npm run soak:runtime).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dump, dumps, loads, type DumpsOptions, type LoadsOptions } from "../../src/runtime/index.js";
import { PythonOracle, pythonAvailable, toTagged, type OracleReply, type OracleRequest } from "../support/python-oracle.js";
import {
  bigValueArb, brokenTextArb, bytesArb, dumpsOptsArb, jsonTextArb, loadsOptsArb, nativeOptsArb, nativeValueArb, numberTextArb, randomBytesArb, spell,
  valueArb,
} from "./arbitraries.js";
import { attempt, sameOutcome, tagged, type Outcome } from "./support.js";

const SOAK = process.env.DUMPLING_SOAK === "1";
const SCALE = SOAK ? Number(process.env.DUMPLING_SOAK_SCALE ?? 25) : 1;
const SEED = process.env.DUMPLING_SEED !== undefined ? Number(process.env.DUMPLING_SEED) : SOAK ? Date.now() % 2 ** 31 : 20261127;
/** Per test: a soak run compares 25 times more cases. */
const TIMEOUT = SOAK ? 60 * 60_000 : 60_000;

const hasPython = pythonAvailable();
let oracle: PythonOracle;
const tally = { cases: 0, mismatches: 0 };

beforeAll(() => {
  if (hasPython) oracle = new PythonOracle();
});
afterAll(() => {
  oracle?.close();
  console.log(`runtime differential: ${tally.cases} cases, ${tally.mismatches} mismatches (seed ${SEED})`);
});

/**
 * Runs `numRuns` generated cases in one oracle batch and compares each. On any mismatch, re-runs the
 * property with fast-check (same seed, live oracle) so the failure is reported shrunk.
 */
async function differential<T>(
  arb: fc.Arbitrary<T>,
  numRuns: number,
  request: (c: T) => OracleRequest,
  run: (c: T) => Outcome,
  view?: (v: unknown) => unknown,
): Promise<void> {
  const n = numRuns * SCALE;
  const cases = fc.sample(arb, { seed: SEED, numRuns: n });
  const replies = await oracle.batch(cases.map(request));
  const bad: string[] = [];
  cases.forEach((c, i) => {
    const why = sameOutcome(run(c), replies[i]!, view);
    if (why !== null) bad.push(`${JSON.stringify(request(c)).slice(0, 300)}\n  ${why}`);
  });
  tally.cases += n;
  tally.mismatches += bad.length;
  if (bad.length > 0) {
    console.log(`${bad.length} mismatches; first:\n${bad.slice(0, 5).join("\n")}`);
    await fc.assert(
      fc.asyncProperty(arb, async (c) => {
        const reply: OracleReply = await oracle.ask(request(c));
        expect(sameOutcome(run(c), reply, view)).toBeNull();
      }),
      { seed: SEED, numRuns: n },
    );
  }
  expect(bad.length).toBe(0);
}

const dumpsCase = fc.record({ value: valueArb(), o: dumpsOptsArb });

describe.skipIf(!hasPython)("runtime vs CPython json (live oracle)", () => {
  it("dumps: generated values x option sets", async () => {
    await differential(
      dumpsCase,
      7000,
      (c) => ({ op: "dumps", value: toTagged(c.value), opts: c.o.py }),
      (c) => attempt(() => dumps(c.value, c.o.opts as DumpsOptions)),
    );
  }, TIMEOUT);

  it("dump: the text written to fp, and what was written before an error", async () => {
    await differential(
      dumpsCase,
      1500,
      (c) => ({ op: "dump", value: toTagged(c.value), opts: c.o.py }),
      (c) => {
        let written = "";
        const out = attempt(() => dump(c.value, { write: (s: string) => (written += s) }, c.o.opts));
        if ("error" in out) (out.error as { partial?: string }).partial = written;
        return "error" in out ? out : { ok: written };
      },
    );
  }, TIMEOUT);

  it("loads: valid texts in assorted spellings, with option sets", async () => {
    await differential(
      fc.record({ s: jsonTextArb, o: loadsOptsArb }),
      3000,
      (c) => ({ op: "loads", s: c.s, opts: c.o.py }),
      (c) => attempt(() => loads(c.s, c.o.opts as LoadsOptions)),
      tagged,
    );
  }, TIMEOUT);

  it("loads: broken texts (error kind, message and position)", async () => {
    await differential(
      fc.record({ s: brokenTextArb, o: loadsOptsArb }),
      3000,
      (c) => ({ op: "loads", s: c.s, opts: c.o.py }),
      (c) => attempt(() => loads(c.s, c.o.opts as LoadsOptions)),
      tagged,
    );
  }, TIMEOUT);

  it("loads: bytes in UTF-8/16/32, with and without BOM, damaged", async () => {
    await differential(
      fc.oneof({ weight: 4, arbitrary: bytesArb }, { weight: 1, arbitrary: randomBytesArb }),
      2500,
      (b) => ({ op: "loads", bytes: Buffer.from(b).toString("base64") }),
      (b) => attempt(() => loads(b)),
      tagged,
    );
  }, TIMEOUT);

  it("dumps: JSON-native values (the fast encoder, and where it leaves the value to the general one)", async () => {
    await differential(
      fc.record({ value: nativeValueArb, o: nativeOptsArb }),
      2000,
      (c) => ({ op: "dumps", value: toTagged(c.value), opts: c.o.py }),
      (c) => attempt(() => dumps(c.value, c.o.opts)),
    );
  }, TIMEOUT);

  it("dump: JSON-native values (the fast encoder under dump)", async () => {
    await differential(
      fc.record({ value: nativeValueArb, o: nativeOptsArb }),
      1000,
      (c) => ({ op: "dump", value: toTagged(c.value), opts: c.o.py }),
      (c) => {
        let written = "";
        const out = attempt(() => dump(c.value, { write: (s: string) => (written += s) }, c.o.opts));
        if ("error" in out) (out.error as { partial?: string }).partial = written;
        return "error" in out ? out : { ok: written };
      },
    );
  }, TIMEOUT);

  it("loads: default options (the JSON.parse fast path and its guards)", async () => {
    await differential(
      fc.oneof(fc.tuple(nativeValueArb, fc.integer()).map(([v, seed]) => spell(v, seed)), jsonTextArb),
      3000,
      (s) => ({ op: "loads", s }),
      (s) => attempt(() => loads(s)),
      tagged,
    );
  }, TIMEOUT);

  it("loads: number tokens of every shape (the scanner's exact float path, the JSON.parse guard)", async () => {
    // mapping "map" sends every text to the scanner; without it, the guard decides
    await differential(
      fc.record({ s: numberTextArb, map: fc.boolean() }),
      3000,
      (c) => ({ op: "loads", s: c.s }),
      (c) => attempt(() => loads(c.s, c.map ? { mapping: "map" } : {})),
      tagged,
    );
  }, TIMEOUT);

  it("dumps and loads: big values (past the fast encoder's first buffer, which the next call reuses)", async () => {
    await differential(
      fc.record({ value: bigValueArb, o: nativeOptsArb }),
      40,
      (c) => ({ op: "dumps", value: toTagged(c.value), opts: c.o.py }),
      (c) => attempt(() => dumps(c.value, c.o.opts)),
    );
    await differential(
      bigValueArb.map((v) => attempt(() => dumps(v, { ensureAscii: false }))).filter((r) => "ok" in r).map((r) => (r as { ok: string }).ok),
      40,
      (s) => ({ op: "loads", s }),
      (s) => attempt(() => loads(s)),
      tagged,
    );
  }, TIMEOUT);

  it("round-trip law: dumps(loads(t), o) == json.dumps(json.loads(t), **o)", async () => {
    await differential(
      fc.record({ s: fc.oneof({ weight: 5, arbitrary: jsonTextArb }, { weight: 1, arbitrary: brokenTextArb }), o: dumpsOptsArb }),
      3000,
      (c) => ({ op: "roundtrip", s: c.s, opts: c.o.py }),
      (c) => attempt(() => dumps(loads(c.s), c.o.opts)),
    );
  }, TIMEOUT);
});
