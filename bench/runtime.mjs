// `npm run bench -- runtime` section "runtime": the runtime's dumps/loads against JSON.stringify /
// JSON.parse (same process, the same payload values) and against CPython's C-accelerated json on the
// same bytes (a python3 process timing its own calls, bench/python/json_timer.py), on deterministic
// payloads of a few MB. Also writes bench/runtime-results.json (committed; docs/runtime.md quotes it).
//
// Fair measurement on a shared machine:
// - CPU time of each process (Node: process.cpuUsage, Python: time.process_time), so time-slicing
//   with other work counts less than in wall time;
// - calls run in blocks of BLOCK in a row, each block timed as a whole: the mean per call includes
//   the memory management the calls cause (V8's garbage collections, CPython's deallocations, each
//   result freed when the next replaces it), as timeit and benchmark.js loops do. The first call of
//   a block is not counted (it may pay for garbage left by the contender before);
// - the three contenders take turns block by block (the order rotating), so a busy spell of the
//   machine slows all of them alike; the figure is the median of REPS block means, after one round
//   of warm-up;
// - JSON.stringify gets JSON.parse's values for the payload (it cannot take bigints or PyFloats),
//   the runtime gets its own loads' values (bigints, PyFloats) and CPython json.loads' values; every
//   output is checked equal to CPython's before timing, so all compare the same work. Only the
//   values of the payload being timed are alive.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { dumps, loads } from "../dist/runtime/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(here, ".corpus");
const REPS = Number(process.env.BENCH_REPS ?? 15);
const BLOCK = 6;

// ---- deterministic payloads ---------------------------------------------------------------------
let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rand() * a.length)];
const WORDS = ["alpha", "beta", "gamma", "delta", "Zürich", "naïve", "東京", "café", "emoji 😀", "line\nbreak", 'quote "q"', "tab\tsep", "plain", "data", "json"];
const sentence = (n) => Array.from({ length: n }, () => pick(WORDS)).join(" ");

function apiPayload() {
  const users = [];
  for (let i = 0; i < 6000; i++) {
    users.push({
      id: i, uuid: `${(rand() * 1e16).toString(16)}-${i}`, name: sentence(2), email: `user${i}@example.com`, active: rand() < 0.5,
      score: Math.round(rand() * 1e6) / 100, balance: rand() * 1e4 - 5e3, rank: null, tags: [pick(WORDS), pick(WORDS), pick(WORDS)],
      address: { street: `${Math.floor(rand() * 999)} ${sentence(2)}`, city: pick(WORDS), zip: String(10000 + Math.floor(rand() * 89999)), geo: [rand() * 180 - 90, rand() * 360 - 180] },
      created: new Date(1.6e12 + Math.floor(rand() * 1e11)).toISOString(), meta: { visits: Math.floor(rand() * 1000), ratio: 0.5 },
    });
  }
  return JSON.stringify({ page: 1, total: users.length, users });
}
function stringPayload() {
  const docs = [];
  for (let i = 0; i < 2500; i++) docs.push({ title: sentence(5), body: sentence(120), lang: pick(["en", "de", "ja", "fr"]), comments: Array.from({ length: 3 }, () => sentence(20)) });
  return JSON.stringify(docs);
}
function numberPayload() {
  const rows = [];
  for (let i = 0; i < 25000; i++) rows.push([i, rand() * 1000, Math.floor(rand() * 1e9), -rand(), rand() < 0.2 ? 2.0 : rand() * 1e-3, rand() * 1e20]);
  // write integral floats as "2.0" the way Python would
  return JSON.stringify({ series: rows }).replace(/([\[,])2(?=[,\]])/g, "$12.0");
}

/** The payloads: `api` (user records), `strings` (mixed-script prose), `numbers` (rows of ints and floats). */
function payloads() {
  seed = 12345;
  return { api: apiPayload(), strings: stringPayload(), numbers: numberPayload() };
}

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

export async function run() {
  mkdirSync(corpus, { recursive: true });
  const py = pythonTimer();
  const results = { node: process.version, python: await py.ask("version"), reps: REPS, payloads: {} };
  const rows = [];
  for (const [name, text] of Object.entries(payloads())) {
    const file = join(corpus, `${name}.json`);
    writeFileSync(file, text);
    await py.ask(`load ${name} ${file}`);
    let native = JSON.parse(text);
    let value = loads(text);
    // The same output as CPython (checked here, so the timings compare equal work).
    const check = spawnSync("python3", ["-c", "import json,sys; t=open(sys.argv[1],encoding='utf-8').read(); o=json.loads(t); sys.stdout.write(json.dumps(o)+'\\x00'+json.dumps(o, indent=2))", file], { encoding: "utf8", maxBuffer: 1 << 28 });
    const [pyCompact, pyIndent] = check.stdout.split("\0");
    if (dumps(value) !== pyCompact || dumps(value, { indent: 2 }) !== pyIndent) throw new Error(`${name}: output differs from CPython`);
    const d = await race({ dumps: () => dumps(value), stringify: () => JSON.stringify(native), cpython_dumps: { python: "dumps" } }, py, name);
    const di = await race({ dumps_indent2: () => dumps(value, { indent: 2 }), stringify_indent2: () => JSON.stringify(native, null, 2), cpython_dumps_indent2: { python: "dumps_indent2" } }, py, name);
    native = value = undefined; // (only the values being timed stay alive)
    const l = await race({ loads: () => loads(text), parse: () => JSON.parse(text), cpython_loads: { python: "loads" } }, py, name);
    const m = { mb: +(Buffer.byteLength(text) / 1e6).toFixed(2), ...d, ...di, ...l };
    results.payloads[name] = m;
    const r2 = (a, b) => (a / b).toFixed(2);
    rows.push([name, m.mb, r2(m.dumps, m.stringify), r2(m.dumps_indent2, m.stringify_indent2), r2(m.loads, m.parse), r2(m.cpython_dumps, m.dumps), r2(m.cpython_dumps_indent2, m.dumps_indent2), r2(m.cpython_loads, m.loads)]);
  }
  await py.close();
  writeFileSync(join(here, "runtime-results.json"), JSON.stringify(results, null, 2) + "\n");

  const head = ["payload", "MB", "dumps / stringify", "indent=2 / stringify", "loads / parse", "CPython dumps / ours", "CPython indent=2 / ours", "CPython loads / ours"];
  const table = [
    `node ${process.version}, CPython ${results.python}; CPU time, medians of ${REPS} calls taking turns. Left: ours / native (at most 2 is the goal); right: CPython / ours (above 1: faster than CPython).`,
    "",
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
    "",
    ...Object.entries(results.payloads).map(([name, m]) => `${name}: ` + Object.entries(m).filter(([k]) => k !== "mb").map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(", ")),
  ].join("\n");
  return { title: "runtime: dumps/loads against JSON.stringify/JSON.parse and CPython's json", table, results };
}
