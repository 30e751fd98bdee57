// Differential execution: for each fixtures/translate/<case>/, input.py is run by python3 and the
// translated program (expected.ts, checked to be exactly what the translator produces) by node,
// each in a fresh directory holding the case's files/ and fed its stdin; stdout, stderr and
// every file left in the directory must be byte-identical.
// DUMPLING_UPDATE_TRANSLATE=1 rewrites expected.ts (review the diff).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { PYTHON, pythonVersion } from "../support/python.js";
import { programOf, transpile } from "../support/translate-program.js";
import { typecheckProgram } from "../support/typecheck.js";
import { applyEdits } from "../../src/fix/edits.js";
import { RULES } from "../../src/rules/index.js";
import { analyzeText } from "../../src/rules/run.js";
import type { Mode } from "../../src/translate/types.js";

const ROOT = "fixtures/translate";
const RUNTIME_URL = pathToFileURL(resolve("dist/runtime/index.js")).href;
const cases = readdirSync(ROOT).filter((d) => statSync(join(ROOT, d)).isDirectory()).sort();

function modeOf(name: string): Mode {
  return name.startsWith("native-") ? "native" : "exact";
}

function snapshot(dir: string, skip: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name !== skip) out.set(relative(dir, p), readFileSync(p).toString("base64"));
    }
  };
  walk(dir);
  return out;
}

/** The Python with every fix of every rule applied (the intended code). */
function fixedText(text: string): string {
  const { diagnostics } = analyzeText("input.py", text, RULES);
  expect(diagnostics.length).toBeGreaterThan(0);
  return applyEdits(text, diagnostics.flatMap((d) => d.fix?.edits ?? []));
}

function sandbox(caseDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), "dumpling-diff-"));
  if (existsSync(join(caseDir, "files"))) cpSync(join(caseDir, "files"), join(dir, "files"), { recursive: true });
  return dir;
}

describe.skipIf(!pythonVersion)("translations behave like CPython", () => {
  it("has cases", () => expect(cases.length).toBeGreaterThan(10));

  it.each(cases)("%s", (name) => {
    const caseDir = join(ROOT, name);
    const input = readFileSync(join(caseDir, "input.py"), "utf8");
    const { program } = programOf(input, modeOf(name));
    const expectedPath = join(caseDir, "expected.ts");
    if (process.env.DUMPLING_UPDATE_TRANSLATE || !existsSync(expectedPath)) writeFileSync(expectedPath, program);
    expect(program).toBe(readFileSync(expectedPath, "utf8"));
    expect(typecheckProgram(program)).toEqual([]);

    const stdin = existsSync(join(caseDir, "stdin")) ? readFileSync(join(caseDir, "stdin")) : Buffer.alloc(0);
    // fixed-*: the Python has bugs that `check` fixes; the TypeScript does what the fixed Python does.
    const pyDir = sandbox(caseDir);
    writeFileSync(join(pyDir, "input.py"), name.startsWith("fixed-") ? fixedText(input) : input);
    const py = spawnSync(PYTHON, ["input.py"], { cwd: pyDir, input: stdin, env: { ...process.env, PYTHONIOENCODING: "utf-8", LC_ALL: "C.UTF-8" } });
    expect(py.status, py.stderr.toString()).toBe(0);

    const jsDir = sandbox(caseDir);
    writeFileSync(join(jsDir, "main.mjs"), transpile(program, RUNTIME_URL));
    const js = spawnSync(process.execPath, ["main.mjs"], { cwd: jsDir, input: stdin });
    expect(js.stderr.toString()).toBe(py.stderr.toString());
    expect(js.status).toBe(0);
    expect(js.stdout.toString("latin1")).toBe(py.stdout.toString("latin1"));
    expect(snapshot(jsDir, "main.mjs")).toEqual(snapshot(pyDir, "input.py"));
  });
});
