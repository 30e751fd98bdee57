// `npm run bench -- api`: what the library redesign (one core, two parser backends) costs.
//   1. `dumpling check` at the commit before the redesign against the current one, on the same
//      trees, alternating (DUMPLING_BASELINE names the old commit; default: before the redesign).
//   2. lint() warm, file by file, on CPython's standard library: median and max per file.
//   3. The wasm backend against the native one: the same lint() on the same texts, every file
//      made to reach the parser (`import json` and `parse = json.loads` prepended).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, symlinkSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { alternate, copyTree, markdown, median, round, tree } from "./check.mjs";
import { pythonFiles, stdlibDir } from "./corpus.mjs";

const root = join(import.meta.dirname, "..");
const BASELINE = process.env.DUMPLING_BASELINE ?? "255502f"; // main before the redesign (issue 12)

/** The old commit, checked out and built beside the repository (its node_modules shared). */
function baseline() {
  const dir = join(tmpdir(), `dumpling-baseline-${BASELINE}`);
  if (!existsSync(join(dir, "dist/cli.js"))) {
    spawnSync("git", ["worktree", "remove", "--force", dir], { cwd: root });
    execFileSync("git", ["worktree", "add", "--detach", dir, BASELINE], { cwd: root, stdio: "ignore" });
    if (!existsSync(join(dir, "node_modules"))) symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
    execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: dir, stdio: "ignore" });
  }
  return dir;
}

/** Instructions `check` executes on the first files of a tree, before and after (null without valgrind). */
function callgrind(old, tree) {
  if (spawnSync("valgrind", ["--version"]).status !== 0) return null;
  const files = pythonFiles(tree).slice(0, 40);
  const count = (bin) => {
    const r = spawnSync("valgrind", ["--tool=callgrind", "--callgrind-out-file=/dev/null", process.execPath, join(bin, "bin/dumpling.js"), "check", "--select", "ALL", "--threads", "1", ...files], { encoding: "utf8" });
    return Number(/Collected : (\d+)/.exec(r.stderr)?.[1]);
  };
  const before = count(old);
  const after = count(root);
  return { files: files.length, before, after, ratio: round(after / before, 3) };
}

function texts(prefix) {
  return pythonFiles(stdlibDir()).map((f) => prefix + readFileSync(f, "utf8"));
}

/** Each text linted `reps` times after a warm-up pass; the fastest time per text (ms). */
function perFile(lint, all, reps) {
  for (const t of all) lint(t);
  return all.map((t) => {
    let best = Infinity;
    for (let i = 0; i < reps; i++) {
      const start = performance.now();
      lint(t, { select: ["ALL"] });
      best = Math.min(best, performance.now() - start);
    }
    return best;
  });
}

export async function run() {
  const loadBefore = loadavg()[0];
  const stdlib = stdlibDir();
  const large = tree("large", (dir) => {
    for (let i = 0; i < 4; i++) copyTree(stdlib, join(dir, `copy${i}`), null);
  });
  const parsed = tree("parsed", (dir) => copyTree(large, dir, "import json\nparse = json.loads\n"));
  const old = baseline();
  const check = (bin, dir) => [process.execPath, join(bin, "bin/dumpling.js"), "check", "--select", "ALL", dir];
  const trees = { stdlib, large, parsed };
  const redesign = {};
  for (const [name, dir] of Object.entries(trees)) {
    const r = alternate({ before: check(old, dir), after: check(root, dir) }, name === "parsed" ? 5 : 9);
    redesign[name] = { before: r.before.ms, after: r.after.ms, ratio: round(r.after.ms / r.before.ms, 3), cpuRatio: r.before.cpuMs ? round(r.after.cpuMs / r.before.cpuMs, 3) : null };
  }

  // Instructions, not seconds: what valgrind counts does not move with the machine's load.
  const instructions = callgrind(old, parsed);

  const native = await import(join(root, "dist/index.js"));
  const wasm = await import(join(root, "dist/wasm.js"));
  await wasm.init();
  const plain = texts("");
  const warm = perFile(native.lint, plain, 3);
  const reached = texts("import json\nparse = json.loads\n");
  const nativeTimes = perFile(native.lint, reached, 3);
  const wasmTimes = perFile(wasm.lint, reached, 3);
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const results = {
    baseline: BASELINE,
    redesign,
    instructions,
    lintWarm: { files: plain.length, medianMs: round(median(warm), 3), maxMs: round(Math.max(...warm), 2), totalMs: round(sum(warm)) },
    wasm: {
      files: reached.length,
      nativeMs: round(sum(nativeTimes)),
      wasmMs: round(sum(wasmTimes)),
      ratio: round(sum(wasmTimes) / sum(nativeTimes), 2),
      medianFileRatio: round(median(wasmTimes.map((w, i) => w / nativeTimes[i])), 2),
    },
    load: [loadBefore, loadavg()[0]].map((x) => round(x, 2)),
  };
  const worst = Math.max(...Object.values(redesign).map((r) => r.ratio));
  results.targets = [
    { name: "check: after / before the redesign (worst tree)", value: worst, op: "<=", limit: 1.05, met: worst <= 1.05 },
    ...(instructions ? [{ name: "check: instructions after / before (parsed files)", value: instructions.ratio, op: "<=", limit: 1.05, met: instructions.ratio <= 1.05 }] : []),
    { name: "wasm / native (lint of every file, parsed)", value: results.wasm.ratio, op: "<=", limit: 2.5, met: results.wasm.ratio <= 2.5 },
  ];
  const table = [
    markdown([["tree", `before (${BASELINE})`, "after", "after / before", "CPU after / before"], ...Object.entries(redesign).map(([k, r]) => [k, `${r.before} ms`, `${r.after} ms`, r.ratio, r.cpuRatio ?? "-"])]),
    "",
    instructions ? `instructions (valgrind, ${instructions.files} files of the parsed tree): ${instructions.before} before, ${instructions.after} after = ${instructions.ratio}x` : "instructions: valgrind not found",
    `lint() warm on ${results.lintWarm.files} stdlib files: median ${results.lintWarm.medianMs} ms, max ${results.lintWarm.maxMs} ms per file (${results.lintWarm.totalMs} ms in all)`,
    `wasm / native, every file parsed: ${results.wasm.wasmMs} ms / ${results.wasm.nativeMs} ms = ${results.wasm.ratio}x (median per file ${results.wasm.medianFileRatio}x); load ${results.load.join(" → ")}`,
    "",
    markdown([["target", "measured", "wanted", "met"], ...results.targets.map((t) => [t.name, t.value, `${t.op} ${t.limit}`, t.met ? "yes" : "NO"])]),
  ].join("\n");
  return { title: "api: the library redesign (before/after), lint() per file, wasm against native", table, results };
}
