// The mutation fuzzer: Python sources from the fixtures, cut into tokens and mutated (a token
// deleted, duplicated, swapped with another, replaced by one from elsewhere; interesting text or
// raw bytes inserted), then run through check, check --fix --unsafe-fixes and convert in-process,
// the way the command runs them. `runCase` returns what broke (nothing, when all is well); the
// checks that need CPython or the TypeScript compiler are collected and run in batches.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { nativeBackend } from "../../src/backends/native.js";
import { checkBytes, defaultSettings, type Settings } from "../../src/cli/engine.js";
import { syntaxErrorCount } from "../../src/fix/apply.js";
import { applyEdits } from "../../src/core/edits.js";
import { parsePython } from "../../src/python/parser.js";
import { RULES } from "../../src/rules/index.js";
import { analyzeText } from "../../src/rules/run.js";
import { analysisLimit } from "../../src/python/prefilter.js";
import { decodeSource } from "../../src/source/load.js";
import { translateText } from "../../src/translate/index.js";
import { syntaxErrors } from "../../src/translate/check.js";
import { runPythonJson } from "./python.js";
import { NATIVE, TS } from "./native.js";
import { snippetSource, typecheckProgram } from "./typecheck.js";

/** Every Python source the fixtures hold: rules, examples, translation cases, regressions. */
export function fuzzCorpus(): { name: string; bytes: Buffer }[] {
  const files: string[] = [];
  const py = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".py")).sort().map((f) => join(dir, f));
  files.push(...py("fixtures/rules"), ...py("examples"), ...py("fixtures/regressions"));
  for (const d of readdirSync("fixtures/translate").sort()) files.push(join("fixtures/translate", d, "input.py"));
  return files.map((name) => ({ name, bytes: readFileSync(name) }));
}

/** Tokens that concatenate back to the text: names, numbers, short strings, comments, blanks, single characters. */
export function tokenize(text: string): string[] {
  return text.match(/[ \t]+|\r\n|\r|\n|[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?|"[^"\r\n]*"|'[^'\r\n]*'|#[^\r\n]*|[\s\S]/g) ?? [];
}

const INSERTS = [
  "(", ")", "[", "]", "{", "}", ":", ",", ".", "=", "*", "**", "\\", "'", '"', '"""', "#", "@", ";",
  "\n", "\r", "\r\n", "\t", " ", "    ", "\f", "\u00a0", "\u00e9", "\ud83d\ude00", "\ud800", "\ufeff", "\u2028",
  "json", "json.dump(", "json.dumps", "json.load(f)", "json.loads(f.read())", "open(p)", 'open(p, "w")', "f.read()",
  "with open(p) as f:\n    ", "import json\n", "import json as j\n", "from json import *\n", "json = None\n",
  "lambda: ", "async ", "await ", "yield ", "global json\n", "del json\n", 'f"{', "}", "b'", "print ", "exec ",
  "indent=2", "encoding=", "**kw", "*a", "# noqa", "# noqa: JSN001", "# dumpling: noqa", "# type: ignore",
  "# -*- coding: latin-1 -*-\n", "\n    ", "\n        ", "\nif x:\n", "\ndef f():\n", "\nclass C:\n", "\ntry:\n",
];

export type Mutation =
  | { op: "delete" | "duplicate"; at: number }
  | { op: "swap"; at: number; with: number }
  | { op: "splice"; at: number; from: number }
  | { op: "insert"; at: number; text: string }
  | { op: "bytes"; at: number; bytes: number[] };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom("delete" as const, "duplicate" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("swap" as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant("splice" as const), at: fc.nat(), from: fc.nat() }),
  fc.record({ op: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...INSERTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: "binary" }) }) }),
  fc.record({ op: fc.constant("bytes" as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 3 }) }),
);

export interface FuzzCase {
  source: number;
  mutations: Mutation[];
}

export const caseArb = (corpusSize: number): fc.Arbitrary<FuzzCase> =>
  fc.record({ source: fc.nat(corpusSize - 1), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 6 }) });

/** The mutated bytes. Text mutations work on tokens; raw bytes go in at a token boundary, after encoding. */
export function mutate(bytes: Buffer, mutations: readonly Mutation[], donor: string[]): Buffer {
  const decoded = decodeSource(bytes);
  const text = decoded.ok ? decoded.text : bytes.toString("latin1");
  const tokens = tokenize(text);
  const raw: { at: number; bytes: number[] }[] = [];
  for (const m of mutations) {
    const n = tokens.length;
    const at = n === 0 ? 0 : m.at % n;
    switch (m.op) {
      case "delete":
        tokens.splice(at, 1);
        break;
      case "duplicate":
        if (n > 0) tokens.splice(at, 0, tokens[at] as string);
        break;
      case "swap": {
        if (n === 0) break;
        const j = m.with % n;
        [tokens[at], tokens[j]] = [tokens[j] as string, tokens[at] as string];
        break;
      }
      case "splice":
        if (donor.length > 0) tokens.splice(at, 0, donor[m.from % donor.length] as string);
        break;
      case "insert":
        tokens.splice(at, 0, m.text);
        break;
      case "bytes":
        raw.push({ at, bytes: m.bytes });
        break;
    }
  }
  const parts: Buffer[] = [];
  tokens.forEach((t, i) => {
    for (const r of raw) if (r.at === i) parts.push(Buffer.from(r.bytes));
    // The source's own encoding where it fits (a latin-1 file stays latin-1), else UTF-8.
    parts.push(decoded.ok && decoded.encoding.name === "latin-1" && !/[^\u0000-\u00ff]/.test(t) ? Buffer.from(t, "latin1") : Buffer.from(t));
  });
  for (const r of raw) if (r.at >= tokens.length) parts.push(Buffer.from(r.bytes));
  return Buffer.concat(parts);
}

const CHECK: Settings = defaultSettings(RULES);
const FIX: Settings = { ...CHECK, fix: { mode: "write", unsafe: true } }; // no path: the fixed bytes come back

/** Work the batches do after the cases: CPython compiles, TypeScript type-checks. */
export interface Pending {
  /** A source and its fixed text: when CPython compiles the source, it must compile the fixed text. */
  fixed: { name: string; before: string; after: string }[];
  /** Distinct snippets (by source text) with a source CPython must compile for them to be checked. */
  snippets: Map<string, { name: string; python: string }>;
}

export function newPending(): Pending {
  return { fixed: [], snippets: new Map() };
}

export interface Stats {
  cases: number;
  decoded: number;
  analysed: number;
  diagnostics: number;
  fixesApplied: number;
  fixedFiles: number;
  rejectedFixes: number;
  translations: number;
}

export function newStats(): Stats {
  return { cases: 0, decoded: 0, analysed: 0, diagnostics: 0, fixesApplied: 0, fixedFiles: 0, rejectedFixes: 0, translations: 0 };
}
const syntaxCache = new Map<string, string[]>();
const errorsIn = (text: string) => syntaxErrorCount(parsePython(nativeBackend, text));

/**
 * The Python of every call the unmutated corpus translates. A mutation inside a call can make
 * Python that compiles but always raises (`1 + b"x"`, `"a"(1)`), whose translation TypeScript
 * rightly refuses; the fuzzer type-checks the translations of calls it left intact, in whatever
 * context it made around them.
 */
export function corpusCalls(corpus: { name: string; bytes: Buffer }[]): Set<string> {
  const out = new Set<string>();
  for (const { name, bytes } of corpus) {
    const decoded = decodeSource(bytes);
    if (!decoded.ok) continue;
    for (const mode of ["exact", "native"] as const) for (const t of translateText(name, decoded.text, { mode, analysis: NATIVE, ts: TS }).translations) out.add(t.python);
  }
  return out;
}

/**
 * Run one input through check, fix and convert. Returns the first property that does not hold
 * (a thrown error counts), or null. Stats and pending batch work are added to; only translations
 * of calls in `typecheckOnly` (when given) are kept for type-checking.
 */
export function runCase(name: string, bytes: Buffer, stats: Stats, pending: Pending, typecheckOnly?: ReadonlySet<string>): string | null {
  try {
    return runCaseUnguarded(name, bytes, stats, pending, typecheckOnly);
  } catch (e) {
    return `threw: ${(e as Error)?.stack ?? String(e)}`;
  }
}

function runCaseUnguarded(name: string, bytes: Buffer, stats: Stats, pending: Pending, typecheckOnly?: ReadonlySet<string>): string | null {
  stats.cases++;
  const checked = checkBytes(name, bytes, CHECK);
  if (checked.internalErrors.length > 0) return `check: internal error: ${checked.internalErrors[0]}`;
  stats.diagnostics += checked.report.diagnostics.length;
  const decoded = decodeSource(bytes);
  if (!decoded.ok || analysisLimit(decoded.text)) return null; // reported as JSN901, nothing more to run
  stats.decoded++;
  const text = decoded.text;
  const before = errorsIn(text);

  // On a file that parses, every fix alone parses too (one that would not is a rule's bug, even if
  // the engine drops it). The grammar accepts some code CPython refuses (`import json""with`), and
  // in broken code error recovery may count differently after any edit: so a fix alone that the
  // grammar says breaks the file is handed to CPython, which must compile it if it compiled the source.
  const analysis = analyzeText(name, text, RULES, NATIVE);
  if (analysis.context) stats.analysed++;
  for (const d of before === 0 ? analysis.diagnostics : []) {
    if (!d.fix) continue;
    const once = applyEdits(text, d.fix.edits);
    if (errorsIn(once) > before) pending.fixed.push({ name: `${name} (the fix of ${d.code} alone)`, before: text, after: once });
  }

  // check --fix --unsafe-fixes: no new syntax error, settles, and a second run has nothing to do.
  const fixed = checkBytes(name, bytes, FIX);
  if (fixed.internalErrors.length > 0) return `fix: internal error: ${fixed.internalErrors[0]}`;
  const summary = fixed.fix;
  if (!summary?.output) return "fix: no output";
  stats.rejectedFixes += summary.problems.filter((p) => p.includes("was dropped")).length;
  if (summary.problems.some((p) => p.includes("did not settle"))) return `fix: ${summary.problems.join("; ")}`;
  if (summary.changed) {
    stats.fixedFiles++;
    stats.fixesApplied += summary.applied;
    const out = decodeSource(summary.output);
    if (!out.ok) return `fix: the fixed bytes cannot be read back: ${out.reason}`;
    if (out.encoding.name !== decoded.encoding.name || out.encoding.bom !== decoded.encoding.bom) return "fix: the encoding changed";
    if (errorsIn(out.text) > before) return "fix: the fixed text has a new syntax error";
    const again = checkBytes(name, Buffer.from(summary.output), FIX);
    if (again.fix?.changed) return "fix: not idempotent (a second run changed the text again)";
    if (again.internalErrors.length > 0) return `fix (second run): internal error: ${again.internalErrors[0]}`;
    pending.fixed.push({ name, before: text, after: out.text });
  }

  // convert, both modes: no internal error, every snippet parses as TypeScript.
  for (const mode of ["exact", "native"] as const) {
    const t = translateText(name, text, { mode, analysis: NATIVE, ts: TS });
    if (t.errors.length > 0) return `convert (${mode}): ${t.errors[0]}`;
    for (const tr of t.translations) {
      stats.translations++;
      const key = `${tr.imports.join("\n")}\n${tr.typescript}`;
      let syntax = syntaxCache.get(key);
      if (!syntax) syntaxCache.set(key, (syntax = syntaxErrors(TS, tr)));
      if (syntax.length > 0) return `convert (${mode}): \`${tr.python}\` → \`${tr.typescript}\` does not parse: ${syntax[0]}`;
      if (typecheckOnly && !typecheckOnly.has(tr.python)) continue;
      const source = snippetSource(tr);
      if (!pending.snippets.has(source)) pending.snippets.set(source, { name, python: text });
    }
  }
  return null;
}

// CPython compiles each text (a str: its coding cookie, if any, is not applied again).
const COMPILE = `
import json, sys, warnings
warnings.simplefilter("ignore")
out = []
for text in json.load(sys.stdin):
    try:
        compile(text, "case.py", "exec", dont_inherit=True)
        out.append(None)
    except BaseException as e:
        out.append(type(e).__name__ + ": " + str(e))
print(json.dumps(out))
`;

/** CPython's error for each text (null: it compiles). */
export function compileAll(texts: string[]): (string | null)[] {
  return runPythonJson<(string | null)[]>(COMPILE, texts);
}

/** Fixed files that CPython no longer compiles although it compiled their source. */
export function fixesCPythonRefuses(pending: Pending): string[] {
  const results = compileAll(pending.fixed.flatMap((f) => [f.before, f.after]));
  return pending.fixed.flatMap((f, i) =>
    results[2 * i] === null && results[2 * i + 1] !== null ? [`${f.name}: ${results[2 * i + 1]}\n--- before ---\n${f.before}\n--- after ---\n${f.after}`] : [],
  );
}

/** Type-check up to `limit` distinct translations of sources CPython compiles; the failures, and how many were checked. */
export function translationsThatDoNotTypecheck(pending: Pending, limit = Infinity): { checked: number; failures: string[] } {
  const entries = [...pending.snippets];
  const sources = [...new Set(entries.map(([, s]) => s.python))];
  const compiled = compileAll(sources);
  const ok = new Set(sources.filter((_, i) => compiled[i] === null));
  const checkable = entries.filter(([, s]) => ok.has(s.python)).slice(0, limit);
  const failures = checkable.flatMap(([snippet, s]) => {
    const diagnostics = typecheckProgram(snippet);
    return diagnostics.length > 0 ? [`${s.name}: ${diagnostics[0]}\n--- TypeScript ---\n${snippet}\n--- from ---\n${s.python}`] : [];
  });
  return { checked: checkable.length, failures };
}

/**
 * Shrink a failing input: drop lines, then characters, while `fails` still holds (a greedy
 * delta debugging). For regression fixtures small enough to read.
 */
export function minimise(text: string, fails: (t: string) => boolean): string {
  let current = text;
  for (const unit of ["line", "char"] as const) {
    const split = (t: string) => (unit === "line" ? t.split(/(?<=\n)/) : [...t]);
    let parts = split(current);
    for (let size = Math.max(1, Math.floor(parts.length / 2)); size >= 1; size = Math.floor(size / 2)) {
      for (let i = 0; i < parts.length; ) {
        const candidate = [...parts.slice(0, i), ...parts.slice(i + size)].join("");
        if (candidate !== current && fails(candidate)) {
          current = candidate;
          parts = split(current);
        } else i += size;
      }
      if (size === 1) break;
    }
  }
  return current;
}
