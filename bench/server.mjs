// `npm run bench -- server`: the language server as an editor sees it, `dumpling server` spoken
// to over JSON-RPC (vscode-jsonrpc) as a child process:
//   latency  didChange → publishDiagnostics of that version, one keystroke at a time, 100 ms after
//            the diagnostics of the one before (a fast typist), warm (after 30 keystrokes), on a
//            generated file of 2,000 lines with 50 json calls, and on one of 20,000 lines (the
//            same, ten times: 500 calls): median and p95
//   start    spawning the server → the first publishDiagnostics of one file (the stdlib's
//            json/tool.py, as in `check`'s one-file case), against `node -e 0`, alternating
//   memory   the server's RSS after 100 keystrokes and after 10,000, on the 2,000-line file, each
//            sent as soon as the diagnostics of the one before have come
// DUMPLING_BENCH_BASELINE=<another checkout, built> also measures that checkout's server, its
// keystrokes alternating with this one's (the same load for both: the machine is shared).
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node.js";
import { stdlibDir } from "./corpus.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const DUMPLING = join(root, "bin/dumpling.js");
const BASELINE = process.env.DUMPLING_BENCH_BASELINE;
// DUMPLING_BENCH_TIMES=1 keeps every keystroke's latency in the results (to see what the p95 is made of).
const TIMES = !!process.env.DUMPLING_BENCH_TIMES;
const ONE_FILE = "json/tool.py";
// DUMPLING_BENCH_SCALE=0.1 runs a tenth of the keystrokes (a quick look, not the figures).
const SCALE = Number(process.env.DUMPLING_BENCH_SCALE ?? 1);
const scaled = (n) => Math.max(10, Math.round(n * SCALE));
const progress = (s) => process.stderr.write(`server: ${s}\n`);

const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
}

// A function of 40 lines around one json call; the calls cycle through four mistakes and a good one.
const CALLS = ["json.dump(data)", "json.loads(f.read())", "json.dumps(data, 4)", 'json.dump(data, name + ".json")', "json.dumps(data, sort_keys=True)"];
function block(i) {
  const lines = [
    `def handler_${i}(path, data, f):`,
    `    """Handler ${i}: computes a total, then reads or writes its data."""`,
    "    total = 0",
    "    for step in range(10):",
    "        total += step * 2",
    "        if total > 100:",
    "            break",
    `    name = os.path.join(path, "out_${i}")`,
    "    values = [x * x for x in range(total)]",
    "    mapping = {str(k): v for k, v in enumerate(values)}",
  ];
  while (lines.length < 24) lines.push(`    # note ${lines.length}: nothing to see here, only code the linter reads past`);
  lines.push(`    result = ${CALLS[i % CALLS.length]}`);
  while (lines.length < 38) lines.push(`    mapping["k${lines.length}"] = len(values) + ${lines.length}`);
  lines.push("    return result, mapping", "");
  return lines;
}

/** A module of exactly `lines` lines with `calls` json calls. */
export function generated(lines, calls) {
  const out = ["import json", "import os", ""];
  for (let i = 0; i < calls; i++) out.push(...block(i));
  while (out.length < lines) out.push(`# padding ${out.length}`);
  return out.slice(0, lines).join("\n") + "\n";
}

class Client {
  constructor(bin = DUMPLING) {
    this.child = spawn(process.execPath, [bin, "server"], { stdio: ["pipe", "pipe", "inherit"] });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.waiting = new Map();
    this.connection.onNotification("textDocument/publishDiagnostics", (p) => {
      const at = process.hrtime.bigint();
      const w = this.waiting.get(`${p.uri} ${p.version}`);
      if (w) {
        this.waiting.delete(`${p.uri} ${p.version}`);
        w({ at, diagnostics: p.diagnostics });
      }
    });
    this.connection.listen();
  }

  async initialize() {
    await this.connection.sendRequest("initialize", { processId: null, rootUri: null, capabilities: {} });
    await this.connection.sendNotification("initialized", {});
  }

  published(uri, version) {
    return new Promise((resolve) => this.waiting.set(`${uri} ${version}`, resolve));
  }

  open(uri, text) {
    const p = this.published(uri, 1);
    void this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "python", version: 1, text } });
    return p;
  }

  /** One keystroke: the time from sending it to the diagnostics of its version, in ms. */
  async keystroke(uri, version, range, text) {
    const p = this.published(uri, version);
    const sent = process.hrtime.bigint();
    void this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    const { at } = await p;
    return Number(at - sent) / 1e6;
  }

  /** The server's CPU time so far (user + system), in ms. */
  cpuMs() {
    const fields = readFileSync(`/proc/${this.child.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime: in clock ticks of 1/100 s
  }

  rssMB() {
    const status = readFileSync(`/proc/${this.child.pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  }

  async stop() {
    await this.connection.sendRequest("shutdown");
    void this.connection.sendNotification("exit");
    await new Promise((resolve) => this.child.on("exit", resolve));
    this.connection.dispose();
  }
}

/** Typing on a comment line in the middle of the file: "x" added at its end, then removed. */
function typist(text) {
  const lines = text.split("\n");
  const line = lines.findIndex((l, i) => i >= lines.length / 2 && l.startsWith("    # note"));
  const end = lines[line].length;
  return (n) =>
    n % 2 === 0
      ? { range: { start: { line, character: end }, end: { line, character: end } }, text: "x" }
      : { range: { start: { line, character: end }, end: { line, character: end + 1 } }, text: "" };
}

const PAUSE_MS = 100;
const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));

/**
 * Keystrokes PAUSE_MS apart once the last one's diagnostics have come (a fast typist: 10 a second),
 * to each server of `bins` in turn.
 */
export async function latency(text, warmup, measured, bins = [DUMPLING]) {
  const clients = bins.map((bin) => new Client(bin));
  const uri = "untitled:bench.py";
  const firsts = [];
  for (const client of clients) {
    await client.initialize();
    firsts.push(await client.open(uri, text));
  }
  const key = typist(text);
  const times = clients.map(() => []);
  const cpu = clients.map(() => 0);
  let version = 1;
  for (let i = 0; i < warmup + measured; i++) {
    const { range, text: typed } = key(i);
    version++;
    for (const [c, client] of clients.entries()) {
      if (i === warmup) cpu[c] = client.cpuMs();
      const ms = await client.keystroke(uri, version, range, typed);
      if (i >= warmup) times[c].push(ms);
      await pause();
    }
  }
  const results = clients.map((client, c) => ({
    lines: text.split("\n").length - 1, diagnostics: firsts[c].diagnostics.length, edits: measured,
    medianMs: round(median(times[c]), 2), p95Ms: round(quantile(times[c], 0.95), 2), maxMs: round(Math.max(...times[c]), 2),
    // The server's CPU time per keystroke: what the latency would be with a core to itself.
    cpuPerKeystrokeMs: round((client.cpuMs() - cpu[c]) / measured, 1), ...(TIMES ? { times: times[c].map((t) => round(t)) } : {}),
  }));
  for (const client of clients) await client.stop();
  return results;
}

/** Spawn → first diagnostics of one file, against spawn → exit of `node -e 0`, alternating. */
async function start(file, reps) {
  const text = readFileSync(file, "utf8");
  const uri = pathToFileURL(file).href;
  const once = async () => {
    const t0 = process.hrtime.bigint();
    const client = new Client();
    await client.initialize();
    const { at, diagnostics } = await client.open(uri, text);
    const ms = Number(at - t0) / 1e6;
    await client.stop();
    return { ms, diagnostics: diagnostics.length };
  };
  const node = () => {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ["-e", "0"]);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  await once();
  node();
  const server = [];
  const bare = [];
  let diagnostics = 0;
  for (let i = 0; i < reps; i++) {
    const r = await once();
    server.push(r.ms);
    diagnostics = r.diagnostics;
    bare.push(node());
  }
  return { file: ONE_FILE, diagnostics, serverMs: round(median(server)), nodeMs: round(median(bare)), ratio: round(median(server) / median(bare), 2), runs: server.map((x) => round(x)) };
}

async function memory(text, early, late) {
  const client = new Client();
  await client.initialize();
  const uri = "untitled:memory.py";
  await client.open(uri, text);
  const key = typist(text);
  let version = 1;
  let afterEarly = 0;
  const t0 = Date.now();
  for (let i = 0; i < late; i++) {
    const { range, text: typed } = key(i);
    await client.keystroke(uri, ++version, range, typed);
    if (i + 1 === early) afterEarly = client.rssMB();
  }
  const afterLate = client.rssMB();
  const seconds = (Date.now() - t0) / 1000;
  await client.stop();
  return { edits: [early, late], rssMB: [round(afterEarly), round(afterLate)], growthMB: round(afterLate - afterEarly), seconds: round(seconds) };
}

export async function run() {
  const loadBefore = loadavg()[0];
  const small = generated(2000, 50);
  const large = generated(20000, 500);
  const results = { latency: {} };
  const bins = BASELINE ? [DUMPLING, join(BASELINE, "bin/dumpling.js")] : [DUMPLING];
  progress("latency, 2,000 lines");
  const small2000 = await latency(small, 30, scaled(300), bins);
  progress("latency, 20,000 lines");
  const large20000 = await latency(large, 30, scaled(100), bins);
  results.latency.lines2000 = small2000[0];
  results.latency.lines20000 = large20000[0];
  if (BASELINE) {
    const commit = spawnSync("git", ["-C", BASELINE, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim();
    results.latency.baseline = { commit, lines2000: small2000[1], lines20000: large20000[1] };
  }
  progress("start to first diagnostics");
  results.start = await start(join(stdlibDir(), ONE_FILE), 21);
  progress("memory");
  results.memory = await memory(small, 100, scaled(10_000));
  results.machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown", load: [round(loadBefore, 2), round(loadavg()[0], 2)] };
  results.targets = [
    target("2,000 lines: p95 latency, didChange to diagnostics (ms)", results.latency.lines2000.p95Ms, "<=", 30),
    target("start to first diagnostics / node -e 0", results.start.ratio, "<=", 2.5),
    target("RSS growth from 100 to 10,000 edits (MB)", results.memory.growthMB, "<", 20),
  ];
  const l = results.latency;
  const table = [
    markdown([
      ["file", "json calls", "diagnostics", "keystrokes", "median", "p95", "max", "server CPU per keystroke"],
      ...[l.lines2000, l.lines20000].map((r, i) => [`${r.lines} lines`, i === 0 ? 50 : 500, r.diagnostics, r.edits, `${r.medianMs} ms`, `${r.p95Ms} ms`, `${r.maxMs} ms`, `${r.cpuPerKeystrokeMs} ms`]),
      ...(l.baseline ? [l.baseline.lines2000, l.baseline.lines20000].map((r, i) => [`${r.lines} lines, baseline ${l.baseline.commit}`, i === 0 ? 50 : 500, r.diagnostics, r.edits, `${r.medianMs} ms`, `${r.p95Ms} ms`, `${r.maxMs} ms`, `${r.cpuPerKeystrokeMs} ms`]) : []),
    ]),
    "",
    `start to first diagnostics (${ONE_FILE}, ${results.start.diagnostics} diagnostics): ${results.start.serverMs} ms against ${results.start.nodeMs} ms for node -e 0 (${results.start.ratio}x, medians of 21)`,
    `memory: RSS ${results.memory.rssMB[0]} MB after ${results.memory.edits[0]} keystrokes, ${results.memory.rssMB[1]} MB after ${results.memory.edits[1]} (${results.memory.growthMB} MB; ${results.memory.seconds} s)`,
    `load average ${results.machine.load[0]} before, ${results.machine.load[1]} after (${results.machine.cpus} cores)`,
    "",
    markdown([["target", "measured", "wanted", "met"], ...results.targets.map((t) => [t.name, t.value, `${t.op} ${t.limit}`, t.met ? "yes" : "NO"])]),
  ].join("\n");
  return { title: "server: dumpling server over JSON-RPC", table, results };
}

function target(name, value, op, limit) {
  const met = value !== null && (op === "<=" ? value <= limit : op === "<" ? value < limit : value >= limit);
  return { name, value, op, limit, met };
}

function markdown(rows) {
  const [head, ...body] = rows.map((r) => r.map(String));
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...body.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}
