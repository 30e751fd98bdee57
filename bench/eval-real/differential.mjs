// The differential sample: every call whose free names are plain variables is run RUNS times,
// each with seeded values chosen by the role of each name, in python3 (driver.py) and in node
// (node-driver.mjs, the emitted function), and the two outcomes are compared. A call that cannot
// be fed or run is counted as "not sampled" or "not run" with its reason, never as a pass.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { jsonText, jsonValue, optionValue, rng, scalarValue } from "./values.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const PYTHON = process.env.PYTHON ?? "python3";
export const RUNS = 3;

/** Run a driver over jobs, one JSON line per job; a job that kills or hangs the driver gets `crashed`. */
export function runBatch(command, before, jobs, workDir, name, after = [], perJobMs = 3000) {
  const results = new Map();
  let rest = jobs;
  while (rest.length > 0) {
    const jobsFile = join(workDir, `${name}.jobs.json`);
    const outFile = join(workDir, `${name}.out.jsonl`);
    writeFileSync(jobsFile, JSON.stringify(rest));
    rmSync(outFile, { force: true });
    const r = spawnSync(command, [...before, jobsFile, outFile, ...after], {
      stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 + perJobMs * rest.length, maxBuffer: 1 << 26,
      env: { ...process.env, PYTHONIOENCODING: "utf-8", LC_ALL: "C.UTF-8", PYTHONDONTWRITEBYTECODE: "1" },
    });
    const lines = existsSync(outFile) ? readFileSync(outFile, "utf8").split("\n").filter(Boolean) : [];
    for (const l of lines) results.set(JSON.parse(l).id, JSON.parse(l));
    rest = rest.filter((j) => !results.has(j.id));
    if (rest.length > 0) {
      const why = r.error ? String(r.error.message) : `exit ${r.status}: ${String(r.stderr).trim().split("\n").slice(-1)[0] ?? ""}`;
      if (process.env.EVAL_DEBUG) console.error(name, why, String(r.stderr).slice(0, 2000));
      results.set(rest[0].id, { id: rest[0].id, status: "crashed", message: why });
      rest = rest.slice(1);
    }
  }
  return results;
}

/** Leading text of the call's first line, kept so every line of the unit keeps its indentation. */
function indentOf(call, sources) {
  if (!sources.has(call.filename)) sources.set(call.filename, readFileSync(call.filename, "utf8").split(/\r\n|\r|\n/));
  const line = sources.get(call.filename)[call.location.row - 1] ?? "";
  const prefix = line.slice(0, call.location.column - 1);
  return /^\s*$/.test(prefix) ? prefix : " ".repeat(call.location.column - 1);
}

/** The Python name of each TS parameter: the report's `names` when it has them, else the renaming notes. */
function pythonNameOf(call) {
  const map = new Map();
  for (const n of call.names ?? []) map.set(n.typescript, n.python);
  for (const note of call.notes) {
    const m = /^`([^`]+)` is .*: renamed `([^`]+)`$/.exec(note.message);
    if (m && !map.has(m[2])) map.set(m[2], m[1]);
  }
  return (ts) => map.get(ts) ?? ts;
}

/**
 * Plan the sample: which calls can be fed and how. `calls` are the report's calls of one mode,
 * each with `fn` (its emitted function, or null).
 */
export function plan(calls, workDir) {
  const sources = new Map();
  const jobs = [];
  const notSampled = new Map();
  calls.forEach((call, id) => {
    if (!call.fn) return notSampled.set(id, "no emitted function found for the call");
    const pyName = pythonNameOf(call);
    call.pyParams = call.fn.params.map((p) => pyName(p.name));
    const expression = call.fn.returns.kind === "expression" && !/^return\b/.test(call.python);
    call.declares = call.fn.returns.kind === "declares" ? call.fn.returns.names.map(pyName) : [];
    jobs.push({ id, file: call.filename, python: call.python, expression, indent: indentOf(call, sources), tsNames: call.pyParams, declares: call.declares });
  });
  const analysis = runBatch(PYTHON, [join(here, "driver.py"), "analyze"], jobs, workDir, "analyze", [], 1000);
  const sampled = [];
  for (const job of jobs) {
    const a = analysis.get(job.id);
    const call = calls[job.id];
    if (!a || a.status === "crashed") notSampled.set(job.id, "the analysis crashed");
    else if (a.reason) notSampled.set(job.id, a.reason);
    else {
      const bad = Object.entries(a.roles).find(([, r]) => typeof r === "string" && r.startsWith("!"));
      if (bad) notSampled.set(job.id, bad[1].slice(1));
      // `rule._to_dict()` on an element of a free list: the TypeScript calls the host's method (a
      // "port" note says to provide it), which JSON-like values cannot have.
      else if (call.notes.some((n) => n.kind === "port" && n.message.startsWith("the method"))) notSampled.set(job.id, "method of a value the host provides called");
      else sampled.push({ ...job, call, roles: a.roles });
    }
  }
  return { sampled, notSampled };
}

/** The binding of a name (or attribute) in a role; files a read needs go into `inputs`. */
function bindingOf(r, role, key, dir, inputs) {
  if (typeof role === "object") {
    return { kind: "ns", attrs: Object.fromEntries(Object.entries(role).map(([path, leaf]) => [path, bindingOf(r, leaf, `${key}.${path}`, dir, inputs)])) };
  }
  if (role === "value") return { kind: "json", text: jsonValue(r) };
  if (role === "string" || role === "number" || role === "scalar") return { kind: "json", text: scalarValue(r, role) };
  if (role === "text") return { kind: "str", text: jsonText(r) };
  if (role === "bytes") return { kind: "bytes", text: jsonText(r) };
  if (role === "reader") return { kind: "reader", text: jsonText(r) };
  if (role === "writer") return { kind: "writer" };
  if (role.startsWith("option:")) return { kind: "json", text: optionValue(r, role.slice(7)) };
  if (role === "path-read") {
    inputs[`in-${key}.json`] = jsonText(r);
    return { kind: "str", text: join(dir, `in-${key}.json`) };
  }
  if (role === "path-write") return { kind: "str", text: join(dir, `out-${key}.json`) };
  throw new Error(`no binding for role ${role}`);
}

/** The bindings of one run (and the files it needs, written into its folder). */
function bindingsOf(job, run, dir) {
  const r = rng(`${job.call.filename}:${job.call.location.row}:${job.call.location.column}:${run}`);
  const inputs = {};
  const bindings = {};
  for (const [name, role] of Object.entries(job.roles)) bindings[name] = bindingOf(r, role, name, dir, inputs);
  return { bindings, inputs };
}

function setUp(dir, inputs) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [n, text] of Object.entries(inputs)) writeFileSync(join(dir, n), text);
}

function snapshot(dir) {
  const out = {};
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isFile()) out[relative(dir, p)] = readFileSync(p).toString("base64");
  }
  return out;
}

/** Run the sampled calls on both sides; one outcome per run. */
export function execute(sampled, workDir, mode, nodeModuleOf) {
  const runs = [];
  for (const job of sampled) {
    for (let run = 0; run < RUNS; run++) {
      const dir = join(workDir, "runs", `${job.id}-${run}`);
      runs.push({ id: `${job.id}-${run}`, job, dir, ...bindingsOf(job, run, dir) });
    }
  }
  for (const r of runs) setUp(r.dir, r.inputs);
  const py = runBatch(PYTHON, [join(here, "driver.py"), "run"], runs.map((r) => ({
    id: r.id, file: r.job.file, python: r.job.python, expression: r.job.expression, indent: r.job.indent, declares: r.job.declares, bindings: r.bindings,
  })), workDir, "python");
  const pyFiles = new Map(runs.map((r) => [r.id, snapshot(r.dir)]));
  for (const r of runs) setUp(r.dir, r.inputs);
  const js = runBatch(process.execPath, [join(here, "node-driver.mjs")], runs.map((r) => ({
    id: r.id, module: nodeModuleOf(r.job.call), fn: r.job.call.fn.name,
    args: r.job.call.pyParams.map((name) => ({ name, ...(r.bindings[name] ?? { kind: "json", text: "null" }) })),
  })), workDir, "node", [mode]);
  return runs.map((r) => ({ run: r, py: { ...py.get(r.id), files: pyFiles.get(r.id) }, js: { ...js.get(r.id), files: snapshot(r.dir) } }));
}

const OUTPUTS = ["repr", "stdout", "stderr", "writers", "files"];

/** One run's verdict: identical, marker, mismatch (with the fields that differ) or not-run. */
export function compare({ py, js }) {
  if (py.status === "timeout" || py.status === "crashed") return { verdict: "not-run", why: `python: ${py.status}` };
  if (js.status === "crashed" || js.status === "harness") return { verdict: "not-run", why: `node: ${js.status} ${js.message ?? ""}`.trim() };
  if (js.status === "marker") return { verdict: "marker" };
  const differs = [];
  if (py.status !== js.status) differs.push("outcome");
  else if (py.status === "raised" && (py.type !== js.type || py.message !== js.message)) differs.push("error");
  for (const k of OUTPUTS) if (JSON.stringify(py[k] ?? null) !== JSON.stringify(js[k] ?? null)) differs.push(k);
  return differs.length === 0 ? { verdict: "identical" } : { verdict: "mismatch", differs };
}

// --- native mode: a difference is expected when a note names it -------------------------------------

const ALWAYS = new Set(["indent", "default", "unserializable", "skipkeys", "encoder-class", "decoder-hook", "decoder-class", "strict", "bytes-input", "print-format", "lone-surrogate", "non-string-keys", "sort-keys"]);

/**
 * The note kinds the run can show, from its inputs and the call's own literals: non-ASCII text,
 * integral floats, big ints, NaN, integer-like keys, non-empty containers.
 */
export function featuresOf(run, python) {
  const textsOf = (b) => (b.kind === "ns" ? Object.values(b.attrs).flatMap(textsOf) : [b.text ?? ""]);
  const texts = Object.values(run.bindings).flatMap(textsOf).concat(Object.values(run.inputs), python).join("\n");
  const f = new Set();
  if (/[^\x00-\x7e]|\\u00|\\u[0-9a-f]{4}/i.test(texts)) f.add("ensure-ascii");
  if (/\d\.0\b|\de[+-]?\d|-0\.0/.test(texts)) f.add("float-layout").add("int-float");
  if (/\d{16,}/.test(texts)) f.add("big-int");
  if (/NaN|Infinity/.test(texts)) f.add("nan").add("nan-literal");
  if (/"\d+"\s*:/.test(texts)) f.add("key-order");
  if (/[[{]\s*[^\]}\s]/.test(texts)) f.add("separators");
  if (texts.includes("/")) f.add("forward-slashes");
  if (/[<>&]/.test(texts)) f.add("html-chars");
  f.add("decode-error");
  return f;
}

export function explainedByNotes(call, run) {
  const features = featuresOf(run, call.python);
  return call.notes.some((n) => ALWAYS.has(n.kind) || features.has(n.kind));
}
