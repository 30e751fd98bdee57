// The node side of the differential sample: `node node-driver.mjs JOBS OUT MODE` calls each job's
// emitted function (from its --out-dir module, transpiled beside it) with the job's values and
// appends one JSON line per job to OUT: the result as the runtime's pyRepr, or the error thrown,
// with what was written to stdout, stderr and each file object. Values are built from JSON texts
// by the runtime's loads (exact mode) or as plain JavaScript values (native mode).
import { appendFileSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { PyFloat, isDict, items, loads, pyRepr } from "dumpling-json/runtime";

const [jobsPath, outPath, mode] = process.argv.slice(2);
const TIMEOUT_MS = 10_000;

/** A runtime value as JavaScript code would hold it natively: numbers, plain objects in JS order. */
function toNative(v) {
  if (v instanceof PyFloat) return v.value;
  if (Array.isArray(v)) return v.map(toNative);
  if (v !== null && typeof v === "object" && isDict(v)) {
    const o = {};
    for (const [k, e] of items(v)) o[String(k)] = toNative(e);
    return o;
  }
  return v;
}

function valueOf(binding, writers, key) {
  switch (binding.kind) {
    case "ns": {
      const root = {};
      for (const [path, leaf] of Object.entries(binding.attrs)) {
        const parts = path.split(".");
        let obj = root;
        for (const p of parts.slice(0, -1)) obj = obj[p] ??= {};
        obj[parts[parts.length - 1]] = valueOf(leaf, writers, `${key}.${path}`);
      }
      return root;
    }
    case "json": {
      const v = loads(binding.text);
      return mode === "native" ? toNative(v) : v;
    }
    case "str":
      return binding.text;
    case "bytes":
      return new Uint8Array(Buffer.from(binding.text, "utf8"));
    case "reader":
      return { read: () => binding.text };
    case "writer": {
      const chunks = [];
      writers[key] = chunks;
      return { write: (s) => (chunks.push(s), s.length) };
    }
    default:
      throw new Error(`unknown binding kind ${binding.kind}`);
  }
}

function capture() {
  const out = [];
  const err = [];
  const saved = [process.stdout.write, process.stderr.write];
  const grab = (sink) => (chunk, encoding, cb) => {
    sink.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk));
    if (typeof encoding === "function") encoding();
    else if (typeof cb === "function") cb();
    return true;
  };
  process.stdout.write = grab(out);
  process.stderr.write = grab(err);
  return () => {
    [process.stdout.write, process.stderr.write] = saved;
    return { stdout: Buffer.concat(out).toString("base64"), stderr: Buffer.concat(err).toString("base64") };
  };
}

function isMarker(e) {
  return e?.name === "UntranslatedPythonError" || e?.constructor?.name === "UntranslatedPythonError";
}

function errorName(e) {
  return String(e?.name ?? typeof e).replace(/^.*\./, "");
}

const modules = new Map();
const jobs = JSON.parse(readFileSync(jobsPath, "utf8"));
for (const job of jobs) {
  let result;
  const writerChunks = {};
  const args = job.args.map((b) => valueOf(b, writerChunks, b.name));
  const restore = capture();
  let captured;
  try {
    if (!modules.has(job.module)) {
      modules.set(job.module, await import(pathToFileURL(job.module).href).catch((e) => {
        throw Object.assign(new Error(`cannot import ${job.module}: ${e?.message}`), { harness: true });
      }));
    }
    const fn = modules.get(job.module)[job.fn];
    if (typeof fn !== "function") throw Object.assign(new Error(`${job.fn} is not exported by ${job.module}`), { harness: true });
    let value = fn(...args);
    if (value instanceof Promise) {
      let timer;
      value = await Promise.race([value, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS)))]).finally(() => clearTimeout(timer));
    }
    // A function that returns nothing stands for Python code whose value is None.
    result = { status: "ok", repr: value === undefined ? "None" : pyRepr(value) };
  } catch (e) {
    result = e?.harness
      ? { status: "harness", message: e.message }
      : isMarker(e)
      ? { status: "marker", type: "UntranslatedPythonError", message: String(e?.message) }
      : { status: "raised", type: errorName(e), message: String(e?.message ?? e) };
  } finally {
    captured = restore();
  }
  const writers = Object.fromEntries(Object.entries(writerChunks).map(([k, chunks]) => [k, pyRepr(chunks.join(""))]));
  appendFileSync(outPath, JSON.stringify({ id: job.id, ...result, ...captured, writers }) + "\n");
}
