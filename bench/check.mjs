// `npm run bench -- check`: the speed of `dumpling check --select ALL` against ast-grep (Rust +
// tree-sitter) scanning for the same calls, on the same trees, in the same run: runs alternate,
// every figure is a median of several, and the targets are ratios.
//
// Trees (built once under bench/.corpus/, no network):
//   stdlib  CPython's standard library from the npm package pyodide
//   large   four copies of it (about 1M lines)
//   worst   the large tree with `import json` prepended to every file (the worst case);
//           the prefilter still skips a file that never names dump, dumps, load or loads
//   parsed  the large tree with `import json` and `parse = json.loads` prepended to every file:
//           every file is parsed and analysed, the true worst case
//
// DUMPLING_BENCH_BASELINE=<another checkout, built> also runs that checkout's dumpling in every
// alternation (old against new under the same load: the machine is shared).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { CORPUS_DIR, pythonFiles, pyodideVersion, stdlibDir } from "./corpus.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const DUMPLING = join(root, "bin/dumpling.js");
const BASELINE = process.env.DUMPLING_BENCH_BASELINE;
const AST_GREP = join(root, "node_modules/@ast-grep/cli/ast-grep");
const AST_GREP_CONFIG = join(root, "bench/ast-grep/sgconfig.yml");
const TIME = "/usr/bin/time"; // GNU time, for the peak RSS of a child (%M); figures are null without it
const COPIES = 4;
// The pre-commit case: one typical file that uses json (4.5 KB, four json calls), and one without.
const ONE_FILE = "json/tool.py";
const ONE_FILE_NO_JSON = "argparse.py";

// --- the trees ------------------------------------------------------------------------------

export function copyTree(from, to, prefix) {
  for (const file of pythonFiles(from)) {
    const target = join(to, relative(from, file));
    mkdirSync(dirname(target), { recursive: true });
    const bytes = readFileSync(file);
    writeFileSync(target, prefix ? Buffer.concat([Buffer.from(prefix), bytes]) : bytes);
  }
}

/** A tree built once: `build(dir)` fills it; a marker with the pyodide version says it is complete. */
export function tree(name, build) {
  const dir = join(CORPUS_DIR, name);
  const marker = join(CORPUS_DIR, `${name}.complete`);
  if (existsSync(marker) && readFileSync(marker, "utf8") === pyodideVersion()) return dir;
  rmSync(dir, { recursive: true, force: true });
  build(dir);
  writeFileSync(marker, pyodideVersion());
  return dir;
}

function describeTree(dir) {
  const files = pythonFiles(dir);
  let bytes = 0;
  let lines = 0;
  for (const f of files) {
    const b = readFileSync(f);
    bytes += b.length;
    for (const c of b) if (c === 10) lines++;
  }
  return { dir, files: files.length, lines, bytes };
}

// --- measuring ------------------------------------------------------------------------------

const hasTime = existsSync(TIME);

/** One run: wall time (ms) measured here; peak RSS (MB) and CPU time (ms) from GNU time when present. */
export function runOnce(argv) {
  const timeFile = join(tmpdir(), `dumpling-bench-time-${process.pid}`);
  const command = hasTime ? [TIME, "-f", "%M %U %S", "-o", timeFile, ...argv] : argv;
  const start = process.hrtime.bigint();
  const r = spawnSync(command[0], command.slice(1), { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(" ")} exited ${r.status}: ${r.stderr}`);
  if (!hasTime) return { ms, rssMB: null, cpuMs: null };
  // GNU time writes "Command exited with non-zero status 1" first when it did.
  const [kb, user, sys] = readFileSync(timeFile, "utf8").trim().split("\n").pop().split(" ").map(Number);
  return { ms, rssMB: kb / 1024, cpuMs: (user + sys) * 1000 };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Runs each command `reps` times, alternating (a, b, a, b...) after one warm-up each. */
export function alternate(commands, reps) {
  for (const argv of Object.values(commands)) runOnce(argv);
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < reps; i++) for (const [k, argv] of Object.entries(commands)) samples[k].push(runOnce(argv));
  return Object.fromEntries(
    Object.entries(samples).map(([k, runs]) => [
      k,
      {
        ms: round(median(runs.map((r) => r.ms))),
        // The fastest run: the one least disturbed by other processes on a shared machine.
        minMs: round(Math.min(...runs.map((r) => r.ms))),
        maxMs: round(Math.max(...runs.map((r) => r.ms))),
        cpuMs: hasTime ? round(median(runs.map((r) => r.cpuMs))) : null,
        rssMB: hasTime ? round(Math.max(...runs.map((r) => r.rssMB))) : null,
        runs: runs.map((r) => round(r.ms)),
      },
    ]),
  );
}

export const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

const dumpling = (...args) => [process.execPath, DUMPLING, "check", "--select", "ALL", ...args];
const baseline = (...args) => [process.execPath, join(BASELINE ?? "", "bin/dumpling.js"), "check", "--select", "ALL", ...args];
/** The baseline's commands beside this checkout's, when there is a baseline. */
const withBaseline = (commands) =>
  BASELINE ? { ...commands, ...Object.fromEntries(Object.entries(commands).filter(([k]) => k !== "astGrep" && k !== "node").map(([k, argv]) => [`baseline_${k}`, [argv[0], join(BASELINE, "bin/dumpling.js"), ...argv.slice(2)]])) } : commands;
const astGrep = (dir) => [AST_GREP, "scan", "-c", AST_GREP_CONFIG, dir];

function astGrepMatches(dir) {
  const r = spawnSync(AST_GREP, ["scan", "-c", AST_GREP_CONFIG, "--json=compact", dir], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(r.stdout).length;
}

// --- the benchmark --------------------------------------------------------------------------

export async function run() {
  const stdlib = stdlibDir();
  const large = tree("large", (dir) => {
    for (let i = 0; i < COPIES; i++) copyTree(stdlib, join(dir, `copy${i}`), null);
  });
  const worst = tree("worst", (dir) => copyTree(large, dir, "import json\n"));
  const parsed = tree("parsed", (dir) => copyTree(large, dir, "import json\nparse = json.loads\n"));
  const trees = { stdlib: describeTree(stdlib), large: describeTree(large), worst: describeTree(worst), parsed: describeTree(parsed) };
  const threads = availableParallelism();
  const loadBefore = loadavg()[0];

  // Each tree: dumpling (default threads) against ast-grep, alternating.
  const reps = { stdlib: 9, large: 7, worst: 5, parsed: 5 };
  const versus = {};
  for (const [name, t] of Object.entries(trees)) {
    versus[name] = alternate(withBaseline({ dumpling: dumpling(t.dir), astGrep: astGrep(t.dir) }), reps[name]);
    versus[name].ratio = round(versus[name].dumpling.ms / versus[name].astGrep.ms, 3);
    versus[name].ratioOfFastest = round(versus[name].dumpling.minMs / versus[name].astGrep.minMs, 3);
    if (BASELINE) versus[name].baselineRatio = round(versus[name].baseline_dumpling.ms / versus[name].astGrep.ms, 3);
  }

  // 1 worker thread (everything on the main thread) against 2.
  const scaling = {};
  for (const name of ["large", "worst", "parsed"]) {
    const r = alternate(withBaseline({ one: dumpling("--threads", "1", trees[name].dir), two: dumpling("--threads", "2", trees[name].dir) }), reps[name]);
    scaling[name] = { ...r, speedup: round(r.one.ms / r.two.ms, 2), speedupOfFastest: round(r.one.minMs / r.two.minMs, 2) };
    if (BASELINE) scaling[name].baselineSpeedup = round(r.baseline_one.ms / r.baseline_two.ms, 2);
  }

  // One file (the pre-commit case) against the floor of a Node process.
  const oneFile = alternate(
    withBaseline({
      node: [process.execPath, "-e", "0"],
      withJson: dumpling(join(stdlib, ONE_FILE)),
      withoutJson: dumpling(join(stdlib, ONE_FILE_NO_JSON)),
    }),
    21,
  );

  const large1M = versus.large.dumpling.ms;
  const results = {
    // Other processes compete for the cores: the 1-minute load average before and after the run.
    machine: { cpus: cpus().length, availableParallelism: threads, cpu: cpus()[0]?.model ?? "unknown", load: [round(loadBefore, 2), round(loadavg()[0], 2)] },
    pyodide: pyodideVersion(),
    ...(BASELINE ? { baseline: spawnSync("git", ["-C", BASELINE, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim() } : {}),
    trees: Object.fromEntries(Object.entries(trees).map(([k, t]) => [k, { files: t.files, lines: t.lines, bytes: t.bytes }])),
    astGrepMatches: Object.fromEntries(Object.entries(trees).map(([k, t]) => [k, astGrepMatches(t.dir)])),
    versus,
    scaling,
    oneFile: {
      ...oneFile,
      file: ONE_FILE,
      fileWithoutJson: ONE_FILE_NO_JSON,
      ratio: round(oneFile.withJson.ms / oneFile.node.ms, 2),
      ratioWithoutJson: round(oneFile.withoutJson.ms / oneFile.node.ms, 2),
    },
    throughput: { filesPerSecond: Math.round(trees.large.files / (large1M / 1000)), linesPerSecond: Math.round(trees.large.lines / (large1M / 1000)) },
    growth: {
      // 4x the files: the ratio of wall times, and of the time above the Node floor.
      wall: round(versus.large.dumpling.ms / versus.stdlib.dumpling.ms, 2),
      aboveNode: round((versus.large.dumpling.ms - oneFile.node.ms) / (versus.stdlib.dumpling.ms - oneFile.node.ms), 2),
    },
  };
  results.targets = [
    target("1M lines: dumpling / ast-grep wall time", results.versus.large.ratio, "<=", 0.2),
    target("1M lines: dumpling peak RSS (MB)", results.versus.large.dumpling.rssMB, "<", 300),
    target("worst case: dumpling / ast-grep wall time", results.versus.worst.ratio, "<=", 1.0),
    target("one file: dumpling / node -e 0", results.oneFile.ratio, "<=", 2.5),
    target("4x the files: time ratio", results.growth.wall, "<=", 4.4),
    target("large tree: speed-up from 1 to 2 threads", results.scaling.large.speedup, ">=", 1.6),
    // Issue 16: the tree where every file is parsed.
    target("parsed tree: dumpling / ast-grep wall time", results.versus.parsed.ratio, "<=", 1.0),
    target("parsed tree: speed-up from 1 to 2 threads", results.scaling.parsed.speedup, ">=", 1.6),
  ];

  const ms = (x) => `${Math.round(x)} ms`;
  // A median with the spread of its runs: these machines are noisy, one figure alone says little.
  const spread = (r) => `${ms(r.ms)} (${Math.round(r.minMs)}–${Math.round(r.maxMs)})`;
  const mb = (x) => (x === null ? "n/a" : `${Math.round(x)} MB`);
  const cpu = (x) => (x === null ? "n/a" : ms(x));
  const rows = [
    ["", "files", "lines", "dumpling: median (min–max)", "ast-grep: median (min–max)", "ratio", "ratio of fastest", "CPU: dumpling", "CPU: ast-grep", "RSS: dumpling", "RSS: ast-grep"],
    ...Object.entries(trees).map(([k, t]) => [
      k, t.files, t.lines, spread(versus[k].dumpling), spread(versus[k].astGrep), versus[k].ratio, versus[k].ratioOfFastest,
      cpu(versus[k].dumpling.cpuMs), cpu(versus[k].astGrep.cpuMs), mb(versus[k].dumpling.rssMB), mb(versus[k].astGrep.rssMB),
    ]),
  ];
  const baselineTable = BASELINE
    ? [
        markdown([
          ["same run", `baseline ${results.baseline}`, "this checkout", "CPU: baseline", "CPU: this", "RSS: baseline", "RSS: this", "ratio to ast-grep: baseline", "this"],
          ...Object.keys(trees).map((k) => {
            const [b, d] = [versus[k].baseline_dumpling, versus[k].dumpling];
            return [k, spread(b), spread(d), cpu(b.cpuMs), cpu(d.cpuMs), mb(b.rssMB), mb(d.rssMB), versus[k].baselineRatio, versus[k].ratio];
          }),
          ...Object.entries(scaling).map(([k, s]) => [`${k}, --threads 1 → 2`, `${spread(s.baseline_one)} → ${spread(s.baseline_two)} (${s.baselineSpeedup}x)`, `${spread(s.one)} → ${spread(s.two)} (${s.speedup}x)`, `${cpu(s.baseline_one.cpuMs)} / ${cpu(s.baseline_two.cpuMs)}`, `${cpu(s.one.cpuMs)} / ${cpu(s.two.cpuMs)}`, "", "", "", ""]),
          ["one file (json)", spread(oneFile.baseline_withJson), spread(oneFile.withJson), "", "", "", "", "", ""],
          ["one file (no json)", spread(oneFile.baseline_withoutJson), spread(oneFile.withoutJson), "", "", "", "", "", ""],
        ]),
        "",
      ]
    : [];
  const table = [
    markdown(rows),
    "",
    ...baselineTable,
    markdown([
      ["", "--threads 1: median (min–max)", "--threads 2: median (min–max)", "speed-up", "speed-up of fastest", "CPU: --threads 1", "CPU: --threads 2"],
      ...Object.entries(scaling).map(([k, s]) => [k, spread(s.one), spread(s.two), `${s.speedup}x`, `${s.speedupOfFastest}x`, cpu(s.one.cpuMs), cpu(s.two.cpuMs)]),
    ]),
    "",
    markdown([
      ["one file", "node -e 0", `check ${ONE_FILE}`, `check ${ONE_FILE_NO_JSON}`],
      ["wall: median (min–max)", spread(oneFile.node), `${spread(oneFile.withJson)}, ${results.oneFile.ratio}x`, `${spread(oneFile.withoutJson)}, ${results.oneFile.ratioWithoutJson}x`],
    ]),
    "",
    `large tree: ${results.throughput.filesPerSecond} files/s, ${results.throughput.linesPerSecond} lines/s; ` +
      `4x the files costs ${results.growth.wall}x the time (${results.growth.aboveNode}x above the Node floor); ` +
      `ast-grep matches: ${Object.values(results.astGrepMatches).join(" / ")}; ` +
      `load average ${results.machine.load[0]} before, ${results.machine.load[1]} after (${results.machine.cpus} cores)`,
    "",
    markdown([["target", "measured", "wanted", "met"], ...results.targets.map((t) => [t.name, t.value, `${t.op} ${t.limit}`, t.met ? "yes" : "NO"])]),
  ].join("\n");
  return { title: `check: dumpling against ast-grep ${astGrepVersion()} (${threads} threads available)`, table, results };
}

function target(name, value, op, limit) {
  const met = value !== null && (op === "<=" ? value <= limit : op === "<" ? value < limit : value >= limit);
  return { name, value, op, limit, met };
}

export function markdown(rows) {
  const [head, ...body] = rows.map((r) => r.map(String));
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...body.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

function astGrepVersion() {
  return spawnSync(AST_GREP, ["--version"], { encoding: "utf8" }).stdout.trim().replace(/^ast-grep /, "");
}
