// `npm run eval:real [-- PROJECT ...] [--modes exact,native] [--no-install] [--keep] [--out FILE]`
// Issue 11's evidence: `dumpling convert` in both modes over real Python projects (Debian
// packages), every emitted module type-checked with `tsc --strict`, and a differential sample
// run in python3 and node. Prints a summary; a run over every project writes bench/eval-real.json.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { compare, execute, explainedByNotes, plan, PYTHON, runBatch, RUNS } from "./differential.mjs";
import { emittedFunctions, transpileModule, walkTs } from "./modules.mjs";
import { ensureProjects, PROJECTS } from "./projects.mjs";
import { certaintyOf, countBy, markerNotesOf, markersOf, markerSources, markerStyle, nativeSplit } from "./report.mjs";
import { printSummary } from "./summary.mjs";
import { linkRuntime, typecheck } from "./typecheck.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "../..");
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const optionValues = new Set([option("--modes"), option("--out")]);
const wanted = argv.filter((a) => !a.startsWith("--") && !optionValues.has(a));
const modes = option("--modes", "exact,native").split(",");
const unknown = wanted.filter((w) => !PROJECTS.some((p) => p.name === w));
if (unknown.length > 0) throw new Error(`unknown project ${unknown.join(", ")}; known: ${PROJECTS.map((p) => p.name).join(" ")}`);
const projects = ensureProjects(wanted.length ? PROJECTS.filter((p) => wanted.includes(p.name)) : PROJECTS, { install: !flag("--no-install") });
const outFile = option("--out", wanted.length === 0 ? join(repo, "bench/eval-real.json") : null);
const work = mkdtempSync(join(tmpdir(), "dumpling-eval-real-"));
const sh = (cmd, args) => execFileSync(cmd, args, { encoding: "utf8", cwd: repo }).trim();

const results = {
  date: new Date().toISOString(),
  commit: sh("git", ["rev-parse", "HEAD"]) + (sh("git", ["status", "--porcelain", "--", "src"]) ? " (src modified)" : ""),
  node: process.version,
  python: sh(PYTHON, ["-c", "import platform; print(platform.python_version())"]),
  projects: projects.map((p) => ({ name: p.name, package: p.pkg, version: p.version, tree: p.dir })),
  sampleRunsPerCall: RUNS,
  modes: {},
};

function convert(project, mode, outDir) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [join(repo, "bin/dumpling.js"), "convert", project.dir, "--mode", mode, "--output-format", "json", "--out-dir", outDir], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`dumpling convert ${project.dir} --mode ${mode} exited ${r.status}: ${r.stderr}`);
  const calls = JSON.parse(r.stdout);
  for (const c of calls) c.project = project.name;
  const stderr = r.stderr.split("\n").filter(Boolean);
  return { calls, seconds: (Date.now() - t0) / 1000, stderr };
}

const pythonFiles = (dir) => readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".py")).length;

function callStats(calls, style) {
  const notes = calls.flatMap((c) => c.notes);
  const marked = calls.filter((c) => markersOf(c, style) > 0 || markerNotesOf(c, style).length > 0);
  return {
    filesWithCalls: new Set(calls.map((c) => c.filename)).size,
    calls: calls.length,
    fullyTranslated: calls.length - marked.length,
    callsWithMarkers: marked.length,
    markers: calls.reduce((n, c) => n + markersOf(c, style), 0),
    notes: notes.length,
    notesByKind: countBy(notes, (n) => n.kind),
    notesByCertainty: countBy(notes, certaintyOf),
    callsByNativeSplit: countBy(calls, nativeSplit),
    callsToReview: calls.filter((c) => markersOf(c, style) > 0 || c.notes.some((n) => n.certainty === "certain" || n.kind === "untranslated")).length,
  };
}

function tscStats(diags) {
  return {
    errors: diags.length,
    callsWithErrors: new Set(diags.map((d) => `${d.file}#${d.function}`)).size,
    byCode: countBy(diags, (d) => `TS${d.code}`),
    byPattern: countBy(diags, (d) => `TS${d.code} ${d.pattern}`),
  };
}

/** A call's verdict over its runs: a mismatch anywhere wins, then a marker, then identical. */
function callVerdict(call, outcomes, mode) {
  const runs = outcomes.map((o) => ({ ...o, ...compare(o) }));
  const mismatches = runs.filter((r) => r.verdict === "mismatch");
  if (mode === "native" && mismatches.length > 0 && mismatches.every((r) => explainedByNotes(call, r.run))) return { verdict: "explained", runs };
  for (const v of ["mismatch", "marker", "identical"]) if (runs.some((r) => r.verdict === v)) return { verdict: v, runs };
  return { verdict: "not-run", runs };
}

/** A binding as the report shows it: the JSON text of a value, `<file object ...>`, `<object a=..., b=...>`. */
function describe(b) {
  if (b.kind === "ns") return `<object ${Object.entries(b.attrs).map(([k, v]) => `${k}=${describe(v)}`).join(", ")}>`;
  if (b.kind === "writer") return "<file object>";
  if (b.kind === "reader") return `<file object reading ${JSON.stringify(b.text)}>`;
  return b.kind === "bytes" ? `<bytes of ${JSON.stringify(b.text)}>` : b.text;
}

function example(call, r) {
  const out = (s) => (s.status === "ok" ? s.repr : s.status === "raised" || s.status === "marker" ? `${s.type}: ${s.message}` : s.status);
  const text = (b64) => (b64 ? Buffer.from(b64, "base64").toString("utf8") : "");
  return {
    where: `${call.filename}:${call.location.row}:${call.location.column}`,
    python: call.python, typescript: call.typescript, notes: call.notes.map((n) => n.kind),
    inputs: Object.fromEntries(Object.entries(r.run.bindings).map(([k, b]) => [k, describe(b)])),
    files: r.run.inputs, differs: r.differs,
    python_result: out(r.py), typescript_result: out(r.js),
    python_stdout: text(r.py.stdout), typescript_stdout: text(r.js.stdout),
    python_writers: r.py.writers, typescript_writers: r.js.writers, python_files: r.py.files, typescript_files: r.js.files,
  };
}

const mismatchKey = (r) => `${r.py.status === "ok" ? "python works" : "python raises"}, ${r.differs.join("+")} differ: python ${r.py.status === "raised" ? r.py.type : "ok"}, typescript ${r.js.status === "raised" ? r.js.type : "ok"}`;

for (const mode of modes) {
  const all = [];
  const perProject = {};
  const tscAll = [];
  for (const project of projects) {
    const outDir = join(work, mode, project.name);
    mkdirSync(outDir, { recursive: true });
    console.error(`${mode}: ${project.name}`);
    const { calls, seconds, stderr } = convert(project, mode, outDir);
    const options = linkRuntime(outDir, repo);
    const diags = typecheck(outDir, options).map((d) => ({ ...d, project: project.name }));
    const fns = emittedFunctions(outDir);
    for (const m of walkTs(outDir)) writeFileSync(m.replace(/\.ts$/, ".mjs"), transpileModule(m));
    for (const c of calls) c.fn = fns.get(`${c.filename}:${c.location.row}:${c.location.column}`) ?? null;
    all.push(...calls);
    tscAll.push(...diags);
    perProject[project.name] = { pythonFiles: pythonFiles(project.dir), seconds, stderr: stderr.slice(0, 20), diags, calls };
  }
  const style = markerStyle(all);

  // The differential sample, over every project at once (one python3 and one node process).
  const { sampled, notSampled } = plan(all, join(work, mode));
  const outcomes = execute(sampled, join(work, mode), mode, (call) => call.fn.module.replace(/\.ts$/, ".mjs"));
  const byCall = new Map();
  for (const o of outcomes) byCall.set(o.run.job.id, [...(byCall.get(o.run.job.id) ?? []), o]);
  const verdicts = new Map([...byCall].map(([id, os]) => [id, callVerdict(all[id], os, mode)]));
  const diffStats = (ids) => {
    const v = ids.filter((id) => verdicts.has(id)).map((id) => verdicts.get(id));
    return {
      sampled: v.length,
      ...Object.fromEntries(["identical", "marker", "mismatch", "explained", "not-run"].map((k) => [k, v.filter((x) => x.verdict === k).length])),
      pythonRaisedOnEveryRun: v.filter((x) => x.runs.every((r) => r.py.status === "raised")).length,
      notSampled: countBy(ids.filter((id) => notSampled.has(id)), (id) => notSampled.get(id)),
    };
  };

  // Untranslated constructs: the Python of each marker, classified by python3's ast.
  const sources = all.flatMap((c) => markerSources(c, style).map((text) => ({ text, call: c })));
  const kinds = runBatch(PYTHON, [join(dirname(fileURLToPath(import.meta.url)), "driver.py"), "classify"], sources.map((s, id) => ({ id, text: s.text })), join(work, mode), "classify");
  const constructs = {};
  sources.forEach((s, id) => {
    const k = kinds.get(id)?.construct ?? "unclassified";
    (constructs[k] ??= { count: 0, examples: [] }).count++;
    if (constructs[k].examples.length < 3) constructs[k].examples.push({ python: s.text, where: `${s.call.filename}:${s.call.location.row}`, call: s.call.python });
  });

  const ids = (name) => all.map((c, i) => i).filter((i) => !name || all[i].project === name);
  const section = (name) => {
    const calls = name ? perProject[name].calls : all;
    const diags = name ? perProject[name].diags : tscAll;
    return { ...callStats(calls, style), tsc: tscStats(diags), differential: diffStats(ids(name)) };
  };
  // The example run of a mismatch: one where the Python worked, when there is one.
  const mismatches = [...verdicts].filter(([, v]) => v.verdict === "mismatch").map(([id, v]) => ({
    call: all[id], run: v.runs.find((r) => r.verdict === "mismatch" && r.py.status === "ok") ?? v.runs.find((r) => r.verdict === "mismatch"),
  }));
  const tscExamples = {};
  for (const d of tscAll) {
    const k = `TS${d.code} ${d.pattern}`;
    if ((tscExamples[k] ??= []).length < 3) tscExamples[k].push({ where: `${relative(join(work, mode, d.project), d.file ?? "")}:${d.line}`, message: d.message, code: d.text });
  }
  const mismatchByPattern = countBy(mismatches, (m) => mismatchKey(m.run));
  results.modes[mode] = {
    markerStyle: style === "untranslated" ? "untranslated(...) markers and notes of kind `untranslated`" : 'placeholders `(undefined /* Python: … */ as any)` and notes saying "not translated" (the report has no `untranslated` kind yet)',
    total: { pythonFiles: projects.reduce((n, p) => n + perProject[p.name].pythonFiles, 0), ...section(null) },
    projects: Object.fromEntries(projects.map((p) => [p.name, { pythonFiles: perProject[p.name].pythonFiles, seconds: perProject[p.name].seconds, convertStderr: perProject[p.name].stderr, ...section(p.name) }])),
    tscExamples: Object.fromEntries(Object.keys(tscStats(tscAll).byPattern).map((k) => [k, tscExamples[k]])),
    untranslatedConstructs: Object.fromEntries(Object.entries(constructs).sort((a, b) => b[1].count - a[1].count)),
    mismatchesByPattern: mismatchByPattern,
    mismatches: Object.keys(mismatchByPattern).flatMap((k) => mismatches.filter((m) => mismatchKey(m.run) === k).slice(0, 8).map((m) => ({ pattern: k, ...example(m.call, m.run) }))),
  };
}

printSummary(results);
if (outFile) {
  writeFileSync(outFile, JSON.stringify(results, null, 2) + "\n");
  console.log(`\nresults written to ${outFile}`);
}
if (flag("--keep")) console.log(`work folder kept: ${work}`);
else rmSync(work, { recursive: true, force: true });
