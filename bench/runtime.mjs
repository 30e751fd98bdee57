// npm run bench:runtime — the runtime's dumps/loads against JSON.stringify/JSON.parse (same process)
// and against CPython's C-accelerated json (a python3 subprocess timing itself), on deterministic
// payloads of a few MB. Prints a table of ratios and writes bench/runtime-results.json.
// Times are CPU time of the process (Node: process.cpuUsage, Python: time.process_time), medians of
// BENCH_REPS runs after warm-up, so other work on a shared machine disturbs them less than wall time.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { dumps, loads } from "../dist/runtime/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(here, ".corpus");
mkdirSync(corpus, { recursive: true });
const REPS = Number(process.env.BENCH_REPS ?? 15);

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

const payloads = { api: apiPayload(), strings: stringPayload(), numbers: numberPayload() };

// ---- timing -------------------------------------------------------------------------------------
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function time(f) {
  f(); // warm up
  f();
  const xs = [];
  for (let i = 0; i < REPS; i++) {
    const t0 = cpuMs();
    f();
    xs.push(cpuMs() - t0);
  }
  return median(xs);
}

function pythonTimes(file) {
  const code = `
import json, sys, time
text = open(sys.argv[1], encoding="utf-8").read()
obj = json.loads(text)
def t(f, reps=${REPS}):
    f()
    xs = []
    for _ in range(reps):
        t0 = time.process_time(); f(); xs.append((time.process_time() - t0) * 1000)
    xs.sort()
    return xs[len(xs) // 2]
print(json.dumps({"dumps": t(lambda: json.dumps(obj)), "dumps_indent2": t(lambda: json.dumps(obj, indent=2)),
                  "loads": t(lambda: json.loads(text)), "version": sys.version.split()[0]}))
`;
  const r = spawnSync("python3", ["-c", code, file], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const results = { node: process.version, reps: REPS, payloads: {} };
const rows = [];
for (const [name, text] of Object.entries(payloads)) {
  const file = join(corpus, `${name}.json`);
  writeFileSync(file, text);
  const native = JSON.parse(text);
  const value = loads(text);
  const py = pythonTimes(file);
  results.python = py.version;
  // The same bytes as CPython: checked here too, so the timings compare equal work.
  const check = spawnSync("python3", ["-c", "import json,sys; t=open(sys.argv[1],encoding='utf-8').read(); o=json.loads(t); sys.stdout.write(json.dumps(o)+'\\x00'+json.dumps(o, indent=2))", file], { encoding: "utf8", maxBuffer: 1 << 28 });
  const [pyCompact, pyIndent] = check.stdout.split("\0");
  if (dumps(value) !== pyCompact || dumps(value, { indent: 2 }) !== pyIndent) throw new Error(`${name}: output differs from CPython`);
  const m = {
    mb: +(Buffer.byteLength(text) / 1e6).toFixed(2),
    dumps: time(() => dumps(value)), stringify: time(() => JSON.stringify(native)),
    dumps_indent2: time(() => dumps(value, { indent: 2 })), stringify_indent2: time(() => JSON.stringify(native, null, 2)),
    loads: time(() => loads(text)), parse: time(() => JSON.parse(text)),
    cpython_dumps: py.dumps, cpython_dumps_indent2: py.dumps_indent2, cpython_loads: py.loads,
  };
  results.payloads[name] = m;
  const r2 = (a, b) => (a / b).toFixed(2);
  rows.push([name, m.mb, r2(m.dumps, m.stringify), r2(m.dumps_indent2, m.stringify_indent2), r2(m.loads, m.parse), r2(m.cpython_dumps, m.dumps), r2(m.cpython_dumps_indent2, m.dumps_indent2), r2(m.cpython_loads, m.loads)]);
}

const head = ["payload", "MB", "dumps/stringify", "indent2/stringify", "loads/parse", "CPython dumps/ours", "CPython indent2/ours", "CPython loads/ours"];
console.log(`node ${process.version}, CPython ${results.python}, CPU time, median of ${REPS} runs (left: ours / native, lower is better; right: CPython / ours, > 1 means faster than CPython)`);
console.log(head.join(" | "));
for (const r of rows) console.log(r.join(" | "));
for (const [name, m] of Object.entries(results.payloads)) {
  console.log(`${name}: ` + Object.entries(m).filter(([k]) => k !== "mb").map(([k, v]) => `${k} ${v.toFixed(1)}ms`).join(", "));
}
writeFileSync(join(here, "runtime-results.json"), JSON.stringify(results, null, 2) + "\n");
