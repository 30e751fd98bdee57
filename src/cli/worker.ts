// A worker thread of the pool (src/cli/pool.ts): reads and checks a batch of discovered files
// with the settings the pool was created with. Each worker loads tree-sitter once, on its first
// parse, and reuses its parser for every file.
import { workerData } from "node:worker_threads";
import { releaseDeadTrees } from "../backends/native.js";
import type { Discovered } from "../source/discover.js";
import { lean, processEntry, type FileOutcome, type Settings } from "./engine.js";

/** The batch before: the pool posts a worker its next batches while it checks one, and they run in turn. */
let previous: Promise<unknown> = Promise.resolve();

export default function checkBatch(entries: Discovered[]): Promise<FileOutcome[]> {
  const result = previous.then(() => checkNow(entries));
  previous = result.catch(() => {});
  return result;
}

async function checkNow(entries: Discovered[]): Promise<FileOutcome[]> {
  // tinypool hands a worker [its own data, the pool's workerData].
  const settings = (workerData as [unknown, Settings])[1];
  const outcomes: FileOutcome[] = [];
  for (const entry of entries) {
    outcomes.push(lean(processEntry(entry, settings)));
    await releaseDeadTrees();
  }
  return outcomes;
}
