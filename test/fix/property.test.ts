// Every fix of every rule on every fixture (fixtures/rules and examples): applied alone and by the
// engine to a fixed point, the result parses without new errors, fixing it again changes
// nothing, and CPython's `python3 -m py_compile` accepts it.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nativeBackend } from "../../src/backends/native.js";
import { describe, expect, it } from "vitest";
import { fixText, syntaxErrorCount } from "../../src/fix/apply.js";
import { applyEdits } from "../../src/core/edits.js";
import { parsePython } from "../../src/python/parser.js";
import { RULES } from "../../src/rules/index.js";
import { analyzeText } from "../../src/rules/run.js";
import { decodeSource } from "../../src/source/load.js";
import { PYTHON, pythonVersion } from "../support/python.js";
import { NATIVE } from "../support/native.js";

const sources = [
  ...readdirSync("fixtures/rules").filter((f) => f.endsWith(".py")).map((f) => `fixtures/rules/${f}`),
  ...readdirSync("examples").filter((f) => f.endsWith(".py")).map((f) => `examples/${f}`),
].flatMap((path) => {
  const decoded = decodeSource(readFileSync(path));
  return decoded.ok ? [{ path, text: decoded.text }] : [];
});

const errors = (text: string) => syntaxErrorCount(parsePython(nativeBackend, text));

describe("every fix on every fixture", () => {
  const compiled: { name: string; text: string }[] = [];
  let fixesSeen = 0;

  it.each(sources.map((s) => [s.path, s] as const))("%s", (_, { path, text }) => {
    const before = errors(text);
    const original = pythonVersion ? compiles(text) : false;
    for (const rule of [...RULES.map((r) => [r]), [...RULES]]) {
      // Each fix alone, on the original text.
      for (const d of analyzeText(path, text, rule, NATIVE).diagnostics) {
        if (!d.fix) continue;
        fixesSeen++;
        const once = applyEdits(text, d.fix.edits);
        expect(errors(once), `${path}: ${d.code} ${d.fix.message}`).toBeLessThanOrEqual(before);
        if (original) compiled.push({ name: `${d.code}-alone`, text: once });
      }
      // The engine, to a fixed point; then again: nothing changes.
      const fixed = fixText(path, text, rule, { unsafe: true }, NATIVE);
      expect(fixed.converged).toBe(true);
      expect(errors(fixed.text)).toBeLessThanOrEqual(before);
      const again = fixText(path, fixed.text, rule, { unsafe: true }, NATIVE);
      expect(again.text, `${path}: fixing twice changed the text`).toBe(fixed.text);
      expect(again.applied).toBe(0);
      if (original) compiled.push({ name: rule.length === 1 ? rule[0]!.meta.code : "all", text: fixed.text });
    }
  });

  it("found fixes to try", () => {
    expect(fixesSeen).toBeGreaterThan(30);
  });

  it.skipIf(!pythonVersion)("python3 -m py_compile accepts every result", () => {
    const dir = mkdtempSync(join(tmpdir(), "dumpling-compile-"));
    const files = compiled.map((c, i) => {
      const p = join(dir, `r${i}_${c.name}.py`);
      writeFileSync(p, c.text);
      return p;
    });
    expect(files.length).toBeGreaterThan(50);
    mkdirSync(join(dir, "__pycache__"), { recursive: true });
    const r = spawnSync(PYTHON, ["-m", "py_compile", ...files], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});

function compiles(text: string): boolean {
  return spawnSync(PYTHON, ["-c", "import sys; compile(sys.stdin.read(), 'f.py', 'exec')"], { input: text, encoding: "utf8" }).status === 0;
}
