// The loop of `check`: discovered files in order, checked on this thread, then (once a run
// lasts) by workers too (src/cli/pool.ts), outcomes handed on in discovery order.
import { parseCount, releaseDeadTrees } from "../backends/native.js";
import { discover, type DiscoverOptions, type Discovered } from "../source/discover.js";
import { processEntry, type FileOutcome, type Settings } from "./engine.js";

/**
 * A worker costs about 50 ms of CPU to start (a Node isolate: 21 ms; tree-sitter, our modules
 * and tinypool: the rest) and then runs cold code, which its own JIT compiles again; a file costs
 * from 0.05 ms (no "json" in it) to 10 ms and more to check, so a file count says little. The run
 * starts on the main thread and starts workers once it has worked WORKERS_AFTER_MS with
 * WORKERS_MIN_FILES files or more left; they then start while this thread goes on, and get files
 * once they are ready. On a 2-core machine a run of 0.35 s (the 1M-line tree) is no faster with a
 * worker started after 20 ms, only busier; runs of 1.2 s and 4.1 s are 1.13 and 1.38 times
 * faster with one started after 300 ms. A pre-commit run on a few files never starts one.
 * (Measured: README, "Performance".)
 */
export const WORKERS_AFTER_MS = 300;
export const WORKERS_MIN_FILES = 16;
/**
 * A run whose first WORKERS_EARLY_FILES files were mostly parsed starts workers at once: every
 * file costs milliseconds, the 300 ms on one thread are lost. (In the 1M-line tree 2% of the
 * files are parsed, in the worst tree 13%: neither starts them early, see WORKERS_PARSED_SHARE.)
 */
export const WORKERS_EARLY_FILES = 32;
/**
 * A run in which fewer than 1 file in WORKERS_PARSED_SHARE was parsed so far (2% in the 1M-line
 * tree: the prefilter skips the rest) waits until WORKERS_CHEAP_AFTER_MS for its workers: a file
 * the prefilter skips costs less here than its round trip to a worker, and the worker's start
 * only pays in a long run. (1M-line tree, 2 threads: 1.31 s of CPU instead of 1.58 s, the same
 * wall time; the worst tree, 13% parsed, starts them at 300 ms as before.)
 */
export const WORKERS_PARSED_SHARE = 20;
export const WORKERS_CHEAP_AFTER_MS = 1500;

/** Whether a run that has checked `files` files, `parsed` of them parsed, in `elapsedMs`, should start its workers now. */
export function workersDue(files: number, parsed: number, elapsedMs: number): boolean {
  if (files >= WORKERS_EARLY_FILES && parsed * 2 > files) return true;
  return elapsedMs >= (parsed * WORKERS_PARSED_SHARE >= files ? WORKERS_AFTER_MS : WORKERS_CHEAP_AFTER_MS);
}

/**
 * Every outcome, in discovery order. With `threads` > 1, a run that lasts is finished by the
 * main thread and `threads - 1` workers (src/cli/pool.ts).
 */
export async function* runFiles(paths: readonly string[], settings: Settings, discoverOptions: DiscoverOptions = {}, threads = 1): AsyncGenerator<FileOutcome> {
  yield* runEntries(discover(paths, discoverOptions), settings, threads);
}

/** runFiles over entries already discovered. */
export async function* runEntries(entries: Iterable<Discovered>, settings: Settings, threads = 1): AsyncGenerator<FileOutcome> {
  const found = entries[Symbol.iterator]();
  const started = performance.now();
  const parsesBefore = parseCount();
  let files = 0;
  const busy = () => workersDue(files, parseCount() - parsesBefore, performance.now() - started);
  for (let next = found.next(); !next.done; next = found.next()) {
    yield processEntry(next.value, settings);
    files++;
    await releaseDeadTrees();
    if (threads > 1 && busy()) {
      const ahead: Discovered[] = [];
      while (ahead.length < WORKERS_MIN_FILES) {
        const n = found.next();
        if (n.done) break;
        ahead.push(n.value);
      }
      if (ahead.length === WORKERS_MIN_FILES) {
        const { checkInWorkers } = await import("./pool.js");
        yield* checkInWorkers(concat(ahead, found), settings, threads);
        return;
      }
      for (const entry of ahead) {
        yield processEntry(entry, settings);
        await releaseDeadTrees();
      }
      return;
    }
  }
}

function* concat<T>(head: readonly T[], rest: Iterator<T>): Generator<T> {
  yield* head;
  for (let next = rest.next(); !next.done; next = rest.next()) yield next.value;
}
