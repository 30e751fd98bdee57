// Loaded with `node --import`: records every module a process resolves (ESM) or requires (CJS)
// into the file named by DUMPLING_TRACE_LOADS, so a test can say what a command never loads. A
// module a worker thread requires is also recorded as `worker:ID` (workers inherit `--import`).
import { register } from "node:module";
import { appendFileSync } from "node:fs";
import Module from "node:module";
import { threadId } from "node:worker_threads";

const out = process.env.DUMPLING_TRACE_LOADS;
register(
  "data:text/javascript," +
    encodeURIComponent(`
      import { appendFileSync } from "node:fs";
      export async function resolve(specifier, context, next) {
        appendFileSync(${JSON.stringify(out)}, specifier + "\\n");
        return next(specifier, context);
      }`),
);
const original = Module.prototype.require;
Module.prototype.require = function (id) {
  appendFileSync(out, threadId === 0 ? `${id}\n` : `${id}\nworker:${id}\n`);
  return original.apply(this, arguments);
};
