// Checking on several threads: the main thread and `threads - 1` workers (tinypool). Batches of
// discovered paths, not file contents, go to the workers, which read, parse and check the files
// themselves; the main thread checks a batch itself whenever the workers' queues are full (so it
// works while they start, and a 2-core machine needs only one worker). Outcomes come back out of
// order and are handed on in discovery order; the batches held for that are bounded, so memory
// does not grow with the size of the tree.
import Tinypool from "tinypool";
import { releaseDeadTrees } from "../backends/native.js";
import { LineIndex } from "../python/text.js";
import type { Discovered } from "../source/discover.js";
import { lean, processEntry, type FileOutcome, type Settings } from "./engine.js";

/** Files per batch: small enough to balance the end of a run, large enough that messages cost little. */
const BATCH_FILES = 8;
/** Batches queued per worker: it always has the next one while the main thread checks its own. */
const QUEUED_PER_WORKER = 2;
/** Batches waiting to be handed on: past this, the main thread waits for the oldest instead of checking more. */
const MAX_PENDING = 32;

/** A batch in discovery order: its outcomes once known, and the worker's answer until then. */
interface Slot {
  outcomes: FileOutcome[] | null;
  result?: Promise<FileOutcome[]>;
}

export async function* checkInWorkers(entries: Iterable<Discovered>, settings: Settings, threads: number): AsyncGenerator<FileOutcome> {
  const workers = threads - 1;
  // tinypool posts a worker its next task only when the worker is below concurrentTasksPerWorker,
  // and learns that only when the main thread takes the worker's result: with 1, a worker sat
  // idle while this thread checked a batch of its own (31% of its time in a trace of the parsed
  // tree). So the batches queued for a worker are posted to it at once; it runs them one by one.
  const pool = new Tinypool({ filename: new URL("./worker.js", import.meta.url).href, minThreads: workers, maxThreads: workers, concurrentTasksPerWorker: QUEUED_PER_WORKER, workerData: settings });
  const batches = batchesOf(entries, BATCH_FILES);
  const slots: Slot[] = [];
  let queued = 0;
  let exhausted = false;
  // A worker takes about 60 ms to start: batches queued for it meanwhile would hold up a run that
  // this thread could finish alone (results are handed on in order). So they wait until an empty
  // batch has come back; a worker that fails to start leaves the whole run to this thread.
  let ready = false;
  pool.run([]).then(
    () => {
      ready = true;
      fillWorkers();
    },
    () => {},
  );
  const nextBatch = (): Discovered[] | null => {
    const next = exhausted ? null : batches.next();
    if (!next || next.done) {
      exhausted = true;
      return null;
    }
    return next.value;
  };
  const fillWorkers = () => {
    while (ready && queued < workers * QUEUED_PER_WORKER && slots.length < MAX_PENDING) {
      const batch = nextBatch();
      if (!batch) return;
      const slot: Slot = { outcomes: null, result: pool.run(batch) as Promise<FileOutcome[]> };
      queued++;
      // Awaited in order below; a later batch failing first must not count as unhandled.
      slot.result?.then((outcomes) => {
        queued--;
        slot.outcomes = outcomes;
        fillWorkers();
      }, () => {});
      slots.push(slot);
    }
  };
  try {
    for (;;) {
      fillWorkers();
      const head = slots[0];
      if (head?.outcomes) {
        slots.shift();
        for (const outcome of head.outcomes) yield revive(outcome);
      } else if (slots.length < MAX_PENDING && !exhausted) {
        const batch = nextBatch();
        if (batch) {
          // In the slots before it is checked: workers' batches queued meanwhile come after it.
          const slot: Slot = { outcomes: null };
          slots.push(slot);
          slot.outcomes = await checkHere(batch, settings);
        }
      } else if (head) {
        head.outcomes = await head.result!;
      } else {
        return;
      }
    }
  } finally {
    await pool.destroy();
  }
}

/** A batch checked on the main thread, the event loop turning after each file so that workers' results arrive. */
async function checkHere(batch: Discovered[], settings: Settings): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const entry of batch) {
    outcomes.push(lean(processEntry(entry, settings)));
    await releaseDeadTrees();
    // The event loop turns between files: a worker's result is taken, and its next batch posted, at once.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return outcomes;
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
