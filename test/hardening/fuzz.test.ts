// Fuzzing: mutated fixtures through check, check --fix --unsafe-fixes and convert (in-process).
// Properties: nothing throws and there is no internal error; every fix alone and the engine's
// result re-parse without new syntax errors; fixing settles and a second run changes nothing; the
// encoding is kept; every translation parses; and, checked in batches at the end, CPython
// compiles every fixed file whose source it compiled, and every distinct translation of a call
// the mutations left intact, in a source CPython compiles, type-checks.
//
// `npm test` runs a fixed seed (DUMPLING_FUZZ_RUNS cases, 2,000 by default); `npm run fuzz` runs
// many more from a random seed, keeps going past a failure, and writes each failing input,
// minimised, to fixtures/regressions/ (to be fixed, commented and committed).
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeSource } from "../../src/source/load.js";
import { caseArb, corpusCalls, fixesCPythonRefuses, fuzzCorpus, minimise, mutate, newPending, newStats, runCase, tokenize, translationsThatDoNotTypecheck, type FuzzCase } from "../support/fuzz.js";
import { pythonVersion } from "../support/python.js";

const LONG = process.env.DUMPLING_FUZZ_LONG === "1";
const RUNS = Number(process.env.DUMPLING_FUZZ_RUNS ?? (LONG ? 50_000 : 2000));
const SEED = Number(process.env.DUMPLING_FUZZ_SEED ?? (LONG ? Date.now() % 2 ** 31 : 20_251_127));
/** Distinct translations type-checked (the compiler's time per snippet is what bounds a run). */
const TYPECHECK_LIMIT = Number(process.env.DUMPLING_FUZZ_TYPECHECKS ?? (LONG ? Infinity : 400));

/** The long run writes each input here before running it. */
const LAST_INPUT = join(tmpdir(), "dumpling-fuzz-last-input.py");

const corpus = fuzzCorpus();
const donor = [...new Set(corpus.flatMap((c) => tokenize(c.bytes.toString("utf8"))))].filter((t) => t.trim());
// Regression fixtures are ill-typed on purpose (`.0.i`): their calls are not type-checked.
const intactCalls = corpusCalls(corpus.filter((c) => !c.name.startsWith("fixtures/regressions/")));
const inputOf = (c: FuzzCase) => mutate((corpus[c.source] as (typeof corpus)[number]).bytes, c.mutations, donor);

describe("fuzzing check, fix and convert", () => {
  const stats = newStats();
  const pending = newPending();
  const failures: { seed: number; input: string; failure: string; file?: string }[] = [];

  it(`${RUNS} mutated inputs (seed ${SEED}): nothing throws, fixes re-parse, settle and are idempotent, translations parse`, async () => {
    const chunk = LONG ? 1000 : RUNS;
    let n = 0;
    for (let done = 0, seed = SEED; done < RUNS; done += chunk, seed++) {
      const property = fc.asyncProperty(caseArb(corpus.length), async (c) => {
        // Parse trees are freed by finalizers, which run only when the event loop turns.
        if (++n % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
        if (process.env.DUMPLING_FUZZ_MEM && n % 500 === 0) console.log(n, Math.round(process.memoryUsage().heapUsed / 1e6), "MB heap", Math.round(process.memoryUsage().rss / 1e6), "MB rss");
        const input = inputOf(c);
        // A crash that kills the process (out of memory, a native abort) cannot be caught: the input is on disk.
        if (LONG) writeFileSync(LAST_INPUT, input);
        return runCase(`case${c.source}.py`, input, stats, pending, intactCalls) === null;
      });
      const result = await fc.check(property, { numRuns: Math.min(chunk, RUNS - done), seed });
      if (!result.failed || !result.counterexample) continue;
      const [c] = result.counterexample;
      const bytes = inputOf(c);
      const failure = runCase("case.py", bytes, newStats(), newPending()) ?? "(passes when run again)";
      const entry: (typeof failures)[number] = { seed, input: bytes.toString("latin1"), failure };
      if (LONG) entry.file = saveRegression(bytes, failure);
      failures.push(entry);
      if (!LONG) break;
    }
    pending.fixed.splice(10_000); // what the batches below can take in one go
    console.log(`fuzz: ${JSON.stringify(stats)}; ${failures.length} failing input(s)`);
    expect(failures.map((f) => `seed ${f.seed}: ${f.failure}\n--- input (latin-1 view) ---\n${f.input}${f.file ? `\n(saved to ${f.file})` : ""}`)).toEqual([]);
    expect(stats.cases).toBeGreaterThanOrEqual(RUNS);
    expect(stats.fixedFiles).toBeGreaterThan(RUNS / 20); // the corpus is full of mistakes: the fixer really ran
    expect(stats.translations).toBeGreaterThan(RUNS);
  }, RUNS * 100);

  it.skipIf(!pythonVersion)("CPython compiles every fixed file whose source it compiled", () => {
    expect(pending.fixed.length).toBeGreaterThan(0);
    expect(fixesCPythonRefuses(pending)).toEqual([]);
  }, 600_000);

  it.skipIf(!pythonVersion)("every distinct translation of an intact call in a source CPython compiles type-checks", () => {
    const { checked, failures } = translationsThatDoNotTypecheck(pending, TYPECHECK_LIMIT);
    console.log(`fuzz: ${checked} distinct translations type-checked (of ${pending.snippets.size})`);
    expect(checked).toBeGreaterThan(20); // the translations of the same call differ with their context
    expect(failures).toEqual([]);
  }, LONG ? 4 * 3600_000 : 60_000);
});

/** Minimise a failing input and keep it as a regression fixture (the long run only). */
function saveRegression(bytes: Buffer, failure: string): string {
  const decoded = decodeSource(bytes);
  const kind = failure.split(":")[0] as string;
  const fails = (t: string) => (runCase("case.py", Buffer.from(t), newStats(), newPending()) ?? "").split(":")[0] === kind;
  const small = decoded.ok && fails(decoded.text) ? Buffer.from(minimise(decoded.text, fails)) : bytes;
  const name = `fixtures/regressions/found-${createHash("sha256").update(small).digest("hex").slice(0, 8)}.py`;
  mkdirSync("fixtures/regressions", { recursive: true });
  writeFileSync(name, small);
  return name;
}
