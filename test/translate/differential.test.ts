// Differential execution: for each fixtures/translate/<case>/, input.py is run by python3 and the
// translated program (expected.ts, checked to be exactly what the translator produces) by node,
// each in a fresh directory holding the case's files/ and fed its stdin; stdout, stderr and
// every file left in the directory must be byte-identical.
// DUMPLING_UPDATE_TRANSLATE=1 rewrites expected.ts (review the diff).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/core/edits.js";
import { RULES } from "../../src/rules/index.js";
import { analyzeText } from "../../src/rules/run.js";
import type { Mode } from "../../src/translate/types.js";
import { pythonVersion } from "../support/python.js";
import { programOf, runProgram, runPython } from "../support/translate-program.js";
import { typecheckProgram } from "../support/typecheck.js";
import { NATIVE } from "../support/native.js";

const ROOT = "fixtures/translate";
const cases = readdirSync(ROOT).filter((d) => statSync(join(ROOT, d)).isDirectory()).sort();

function modeOf(name: string): Mode {
  return name.startsWith("native-") ? "native" : "exact";
}

/** The Python with every fix of every rule applied (the intended code). */
function fixedText(text: string): string {
  const { diagnostics } = analyzeText("input.py", text, RULES, NATIVE);
  expect(diagnostics.length).toBeGreaterThan(0);
  return applyEdits(text, diagnostics.flatMap((d) => d.fix?.edits ?? []));
}

describe.skipIf(!pythonVersion)("translations behave like CPython", () => {
  it("has cases", () => expect(cases.length).toBeGreaterThan(10));

  it.each(cases)("%s", (name) => {
    const caseDir = join(ROOT, name);
    const input = readFileSync(join(caseDir, "input.py"), "utf8");
    const hostPath = join(caseDir, "host.ts");
    const { program } = programOf(input, modeOf(name), existsSync(hostPath) ? readFileSync(hostPath, "utf8") : "");
    const expectedPath = join(caseDir, "expected.ts");
    // A case without expected.ts fails: the translator never writes what it is tested against.
    if (process.env.DUMPLING_UPDATE_TRANSLATE) writeFileSync(expectedPath, program);
    expect(existsSync(expectedPath), `${expectedPath} is missing (DUMPLING_UPDATE_TRANSLATE=1 writes it; review it)`).toBe(true);
    expect(program).toBe(readFileSync(expectedPath, "utf8"));
    expect(typecheckProgram(program)).toEqual([]);

    const setup = { filesDir: join(caseDir, "files"), stdin: existsSync(join(caseDir, "stdin")) ? readFileSync(join(caseDir, "stdin")) : undefined };
    // fixed-*: the Python has bugs that `check` fixes; the TypeScript does what the fixed Python does.
    const py = runPython(name.startsWith("fixed-") ? fixedText(input) : input, setup);
    expect(py.status, py.stderr).toBe(0);
    const js = runProgram(program, setup);
    expect(js.stderr).toBe(py.stderr);
    expect(js.status).toBe(0);
    expect(js.stdout).toBe(py.stdout);
    expect(js.files).toEqual(py.files);
  });
});
