// Checking on worker threads (tinypool): batches of discovered paths, not file contents, go to
// the workers, which read, parse and check the files themselves; outcomes come back out of
// order and are handed on in discovery order. Outcomes held for reordering are bounded by the
// batches in flight, so memory does not grow with the size of the tree.
import Tinypool from "tinypool";
import { LineIndex } from "../python/text.js";
import type { Discovered } from "../source/discover.js";
import type { FileOutcome, Settings } from "./engine.js";

/** Files per task: small enough to balance the end of a run, large enough that messages cost little. */
const BATCH_FILES = 16;
/** Batches in flight per worker: a worker always has the next one queued. */
const IN_FLIGHT_PER_THREAD = 4;

export async function* checkInWorkers(entries: Iterable<Discovered>, settings: Settings, threads: number): AsyncGenerator<FileOutcome> {
  const pool = new Tinypool({
    filename: new URL("./worker.js", import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    workerData: settings,
  });
  const batches = batchesOf(entries, BATCH_FILES);
  const inFlight: Promise<FileOutcome[]>[] = [];
  const submit = () => {
    while (inFlight.length < threads * IN_FLIGHT_PER_THREAD) {
      const next = batches.next();
      if (next.done) return;
      const result = pool.run(next.value) as Promise<FileOutcome[]>;
      // Awaited in order below; a later batch failing first must not count as unhandled.
      result.catch(() => {});
      inFlight.push(result);
    }
  };
  try {
    submit();
    for (let batch = inFlight.shift(); batch; batch = inFlight.shift()) {
      const outcomes = await batch;
      submit();
      for (const outcome of outcomes) yield revive(outcome);
    }
  } finally {
    await pool.destroy();
  }
}

function* batchesOf<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** A structured clone keeps a LineIndex's data but not its class. */
function revive(outcome: FileOutcome): FileOutcome {
  if (outcome.report.lines) Object.setPrototypeOf(outcome.report.lines, LineIndex.prototype);
  return outcome;
}
