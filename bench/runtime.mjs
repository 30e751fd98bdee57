// `npm run bench -- runtime` section "runtime": the runtime's dumps/loads against JSON.stringify /
// JSON.parse (same process, the same payload values) and against CPython's C-accelerated json on the
// same bytes (a python3 process timing its own calls, bench/python/json_timer.py), on deterministic
// payloads of a few MB (bench/runtime-payloads.mjs). Also writes bench/runtime-results.json
// (committed; docs/runtime.md and the README quote it).
//
// BENCH_NODES=<node binaries, separated as in PATH> measures again under each of them, one after the
// other (this file run as a child): users run the runtime on Node 22 and 24, whose JSON.parse and
// JSON.stringify differ from Node 20's, so the ratios to them do too.
//
// Fair measurement on a shared machine:
// - CPU time of each process (Node: process.cpuUsage, Python: time.process_time), so time-slicing
//   with other work counts less than in wall time;
// - calls run in blocks of BLOCK in a row, each block timed as a whole: the mean per call includes
//   the memory management the calls cause (V8's garbage collections, CPython's deallocations, each
//   result freed when the next replaces it), as timeit and benchmark.js loops do. The first call of
//   a block is not counted (it may pay for garbage left by the contender before);
// - the three contenders take turns block by block (the order rotating), so a busy spell of the
//   machine slows all of them alike; a run's figure is the median of REPS block means, after one
//   round of warm-up;
// - the whole benchmark runs RUNS times (BENCH_RUNS, at least 5): each ratio reported is the median
//   of the runs' ratios, with their min–max beside it, so one lucky or unlucky run shows as spread;
// - the machine (CPU model, cores, load average before and after) is recorded with the figures;
// - JSON.stringify gets JSON.parse's values for the payload (it cannot take bigints or PyFloats),
//   the runtime gets its own loads' values (bigints, PyFloats) and CPython json.loads' values; every
//   output is checked equal to CPython's before timing, so all compare the same work. Only the
//   values of the payload being timed are alive.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { dumps, loads } from "../dist/runtime/node.js"; // (what Node resolves dumpling-json/runtime to)
import { payloads } from "./runtime-payloads.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(here, ".corpus");
const REPS = Number(process.env.BENCH_REPS ?? 7);
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
const BLOCK = 6;

// ---- CPython, timing itself ---------------------------------------------------------------------
function pythonTimer() {
  const child = spawn("python3", ["-u", join(here, "python", "json_timer.py")], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    async ask(line) {
      child.stdin.write(line + "\n");
      const { value, done } = await lines.next();
      if (done) throw new Error(`python3 json_timer.py exited on: ${line}`);
      return JSON.parse(value);
    },
    async close() {
      child.stdin.end();
      await once(child, "exit");
    },
  };
}

// ---- timing -------------------------------------------------------------------------------------
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let sink;
/** The mean CPU time in ms of BLOCK - 1 calls of f in a row, after one uncounted call. */
function timeBlock(f) {
  sink = f();
  const t0 = cpuMs();
  for (let b = 1; b < BLOCK; b++) sink = f();
  return (cpuMs() - t0) / (BLOCK - 1);
}

/** Median block means of contenders taking turns (see the top of the file); a contender is a JS
 * function or { python: op } for CPython. */
async function race(contenders, py, name) {
  const entries = Object.entries(contenders);
  const times = Object.fromEntries(entries.map(([k]) => [k, []]));
  for (let round = 0; round <= REPS; round++) {
    for (let j = 0; j < entries.length; j++) {
      const [k, c] = entries[(round + j) % entries.length];
      const t = typeof c === "function" ? timeBlock(c) : await py.ask(`time ${name} ${c.python} ${BLOCK - 1}`);
      if (round > 0) times[k].push(t); // (round 0 warms up)
    }
  }
  sink = undefined;
  return Object.fromEntries(entries.map(([k]) => [k, median(times[k])]));
}

/** The ratios a run reports, by name: [numerator, denominator] of the timings. */
const RATIOS = {
  "dumps / stringify": ["dumps", "stringify"],
  "indent=2 / stringify": ["dumps_indent2", "stringify_indent2"],
  "ensure_ascii=False / stringify": ["dumps_noascii", "stringify_noascii"],
  "loads / parse": ["loads", "parse"],
  "CPython dumps / ours": ["cpython_dumps", "dumps"],
  "CPython indent=2 / ours": ["cpython_dumps_indent2", "dumps_indent2"],
  "CPython ensure_ascii=False / ours": ["cpython_dumps_noascii", "dumps_noascii"],
  "CPython loads / ours": ["cpython_loads", "loads"],
};
/** Payloads also timed with ensure_ascii=False (text that is mostly not ASCII). */
const NOASCII = new Set(["unicode"]);

/** One whole run of every payload: { name: { mb, timings in ms } }. */
async function runOnce(py, texts, checked) {
  const out = {};
  for (const [name, text] of Object.entries(texts)) {
    const file = join(corpus, `${name}.json`);
    writeFileSync(file, text);
    await py.ask(`load ${name} ${file}`);
    let native = JSON.parse(text);
    let value = loads(text);
    if (!checked.has(name)) {
      // The same output as CPython (checked once, so the timings compare equal work).
      const check = spawnSync("python3", ["-c", "import json,sys; t=open(sys.argv[1],encoding='utf-8').read(); o=json.loads(t); sys.stdout.write(json.dumps(o)+'\\x00'+json.dumps(o, indent=2)+'\\x00'+json.dumps(o, ensure_ascii=False))", file], { encoding: "utf8", maxBuffer: 1 << 28 });
      const [pyCompact, pyIndent, pyNoAscii] = check.stdout.split("\0");
      if (dumps(value) !== pyCompact || dumps(value, { indent: 2 }) !== pyIndent || dumps(value, { ensureAscii: false }) !== pyNoAscii) throw new Error(`${name}: output differs from CPython`);
      checked.add(name);
    }
    const d = await race({ dumps: () => dumps(value), stringify: () => JSON.stringify(native), cpython_dumps: { python: "dumps" } }, py, name);
    const di = await race({ dumps_indent2: () => dumps(value, { indent: 2 }), stringify_indent2: () => JSON.stringify(native, null, 2), cpython_dumps_indent2: { python: "dumps_indent2" } }, py, name);
    const dn = NOASCII.has(name)
      ? await race({ dumps_noascii: () => dumps(value, { ensureAscii: false }), stringify_noascii: () => JSON.stringify(native), cpython_dumps_noascii: { python: "dumps_noascii" } }, py, name)
      : {};
    native = value = undefined; // (only the values being timed stay alive)
    const l = await race({ loads: () => loads(text), parse: () => JSON.parse(text), cpython_loads: { python: "loads" } }, py, name);
    out[name] = { mb: +(Buffer.byteLength(text) / 1e6).toFixed(2), ...d, ...di, ...dn, ...l };
  }
  return out;
}

function machine() {
  return { cpu: cpus()[0]?.model ?? "unknown", cores: availableParallelism(), load: loadavg().map((x) => +x.toFixed(2)) };
}

/** Every payload measured RUNS times on this process's Node: its results (see the top of the file). */
async function measure() {
  mkdirSync(corpus, { recursive: true });
  const before = machine();
  const py = pythonTimer();
  const results = { node: process.version, python: await py.ask("version"), runs: RUNS, reps: REPS, machine: { cpu: before.cpu, cores: before.cores, loadBefore: before.load }, payloads: {} };
  const texts = payloads();
  const checked = new Set();
  const runs = [];
  for (let r = 0; r < RUNS; r++) runs.push(await runOnce(py, texts, checked));
  await py.close();
  results.machine.loadAfter = machine().load;

  // Per payload and ratio: the median of the runs' ratios and their min–max; timings: medians.
  for (const name of Object.keys(texts)) {
    const per = runs.map((x) => x[name]);
    const m = { mb: per[0].mb, ms: {}, ratios: {} };
    for (const k of Object.keys(per[0])) if (k !== "mb") m.ms[k] = +median(per.map((x) => x[k])).toFixed(2);
    for (const [label, [a, b]] of Object.entries(RATIOS)) {
      if (per[0][a] === undefined) continue;
      const xs = per.map((x) => x[a] / x[b]);
      m.ratios[label] = { median: +median(xs).toFixed(2), min: +Math.min(...xs).toFixed(2), max: +Math.max(...xs).toFixed(2) };
    }
    results.payloads[name] = m;
  }
  return results;
}

/** One Node's results as a table. */
function table(results) {
  const cell = (q) => (q === undefined ? "" : `${q.median.toFixed(2)} (${q.min.toFixed(2)}–${q.max.toFixed(2)})`);
  const head = ["payload", "MB", ...Object.keys(RATIOS)];
  const mc = results.machine;
  return [
    `node ${results.node}, CPython ${results.python}; ${mc.cpu}, ${mc.cores} cores, load average ${mc.loadBefore.join(" ")} before, ${mc.loadAfter.join(" ")} after.`,
    `CPU time. Each cell: the median of ${results.runs} whole runs (min–max), each run's figure the median of ${results.reps} blocks taking turns. Left: ours / native (at most 1.5 is the goal); right: CPython / ours (above 1: faster than CPython).`,
    "",
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...Object.entries(results.payloads).map(([name, m]) => `| ${[name, m.mb, ...Object.keys(RATIOS).map((label) => cell(m.ratios[label]))].join(" | ")} |`),
    "",
    ...Object.entries(results.payloads).map(([name, m]) => `${name} (median ms): ` + Object.entries(m.ms).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ")),
  ].join("\n");
}

/** The other Nodes to measure with (BENCH_NODES: their binaries, separated by the path delimiter). */
function otherNodes() {
  const list = (process.env.BENCH_NODES ?? "").split(delimiter).filter(Boolean);
  for (const node of list) {
    const r = spawnSync(node, ["--version"], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`BENCH_NODES: ${node} does not run (${r.error?.message ?? r.stderr.trim()})`);
  }
  return list;
}

/** The same measurement by another Node binary: this file run as a child, its results on stdout. */
function measureWith(node) {
  const r = spawnSync(node, [fileURLToPath(import.meta.url), CHILD], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`the runtime benchmark under ${node} failed (exit ${r.status})`);
  return JSON.parse(r.stdout);
}

const CHILD = "--measure-only";

export async function run() {
  const others = otherNodes();
  const byNode = [await measure(), ...others.map(measureWith)];
  const results = { nodes: byNode };
  writeFileSync(join(here, "runtime-results.json"), JSON.stringify(results, null, 2) + "\n");
  return { title: "runtime: dumps/loads against JSON.stringify/JSON.parse and CPython's json", table: byNode.map(table).join("\n\n"), results };
}

if (process.argv[2] === CHILD && process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(JSON.stringify(await measure()));
}
