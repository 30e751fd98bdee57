// `npm run bench` section "convert": calls converted per second, against `check` on the same files
// in the same run. Two measures:
//   - whole commands over CPython's standard library (bench/corpus.mjs): `dumpling convert` (which
//     loads ts-morph) against `dumpling check`, as users run them;
//   - in process, on the files' texts: translateText (exact and native) against analyzeText with
//     every rule (check's work), over the stdlib's files that mention json and, because the stdlib
//     has few json calls, over the translation fixtures (json-heavy code) too.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { CORPUS_DIR, pythonFiles, stdlibDir } from "./corpus.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const REPS = Number(process.env.BENCH_REPS ?? 5);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(f, reps = REPS) {
  f(); // warm up
  const xs = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    f();
    xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(xs);
}

function command(args) {
  return () => {
    const r = spawnSync(process.execPath, [join(root, "bin/dumpling.js"), ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
    if (r.status !== 0 && !(args[0] === "check" && r.status === 1)) throw new Error(`dumpling ${args.join(" ")} failed: ${r.stderr}`);
    return r.stdout;
  };
}

/** The translator and the checker, bundled from source for this process. */
async function library() {
  const outfile = join(CORPUS_DIR, "convert-bench.mjs");
  await build({
    stdin: {
      contents: 'export { translateText } from "./src/translate/index.ts"; export { analyzeText, mayCallJson } from "./src/rules/run.ts"; export { RULES } from "./src/rules/index.ts";',
      resolveDir: root,
      loader: "ts",
    },
    bundle: true, platform: "node", format: "esm", packages: "external", outfile, logLevel: "warning",
  });
  return import(pathToFileURL(outfile).href);
}

export async function run() {
  const dir = stdlibDir();
  const files = pythonFiles(dir);
  const lib = await library();

  // Whole commands.
  const checkMs = time(command(["check", dir, "--output-format", "json", "--exit-zero"]), 3);
  const convertCmd = command(["convert", dir, "--output-format", "json"]);
  const stdlibCalls = JSON.parse(convertCmd()).length;
  const convertMs = time(convertCmd, 3);

  // In process.
  const corpora = {
    stdlib: files.map((f) => ({ name: f, text: readFileSync(f, "utf8") })).filter((f) => lib.mayCallJson(f.text)),
    fixtures: readdirSync(join(root, "fixtures/translate")).map((d) => ({ name: d, text: readFileSync(join(root, "fixtures/translate", d, "input.py"), "utf8") })),
  };
  const inProcess = {};
  for (const [name, texts] of Object.entries(corpora)) {
    let calls = 0;
    for (const t of texts) calls += lib.translateText(t.name, t.text, { mode: "exact" }).translations.length;
    const check = time(() => texts.forEach((t) => lib.analyzeText(t.name, t.text, lib.RULES)));
    const exact = time(() => texts.forEach((t) => lib.translateText(t.name, t.text, { mode: "exact" })));
    const native = time(() => texts.forEach((t) => lib.translateText(t.name, t.text, { mode: "native" })));
    inProcess[name] = {
      files: texts.length, calls, check_ms: check, exact_ms: exact, native_ms: native,
      exact_calls_per_s: Math.round((calls / exact) * 1000), native_calls_per_s: Math.round((calls / native) * 1000),
      exact_vs_check: exact / check,
    };
  }

  const results = {
    corpus: { files: files.length, calls: stdlibCalls },
    commands: { check_ms: checkMs, convert_ms: convertMs, convert_vs_check: convertMs / checkMs, calls_per_s: Math.round((stdlibCalls / convertMs) * 1000) },
    in_process: inProcess,
  };
  const f = (x) => x.toFixed(1);
  const rows = [
    "| measure | check | convert | ratio | calls/s |",
    "|---|---|---|---|---|",
    `| commands, stdlib (${files.length} files, ${stdlibCalls} calls) | ${f(checkMs)} ms | ${f(convertMs)} ms | ${results.commands.convert_vs_check.toFixed(2)}× | ${results.commands.calls_per_s} |`,
  ];
  for (const [name, r] of Object.entries(inProcess)) {
    rows.push(`| in process, ${name} (${r.files} files, ${r.calls} calls), exact | ${f(r.check_ms)} ms | ${f(r.exact_ms)} ms | ${r.exact_vs_check.toFixed(2)}× | ${r.exact_calls_per_s} |`);
    rows.push(`| in process, ${name}, native | ${f(r.check_ms)} ms | ${f(r.native_ms)} ms | ${(r.native_ms / r.check_ms).toFixed(2)}× | ${r.native_calls_per_s} |`);
  }
  return { title: "convert: calls converted per second (check on the same files as the baseline)", table: rows.join("\n"), results };
}
