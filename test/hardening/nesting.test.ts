// 10,000 levels of nesting through every stage: check, fix and convert finish without a stack
// overflow (the analysis alone: test/python/model.test.ts). CPython compiles at most 200 nested
// brackets and 100 indentation levels, so deeper code never runs: the translator leaves a deeper
// expression to the author, and a file indented past what the parser survives is refused.
import { describe, expect, it } from "vitest";
import { checkBytes, defaultSettings, type Settings } from "../../src/cli/engine.js";
import { MAX_INDENT_LEVELS, MAX_NESTING } from "../../src/python/limits.js";
import { RULES } from "../../src/rules/index.js";
import { translateText } from "../../src/translate/index.js";
import { buildContext } from "../../src/python/context.js";
import { syntaxErrors } from "../../src/translate/check.js";
import { NATIVE, TS } from "../support/native.js";

const N = 10_000;
const CALL = "json.loads(open(p).read())"; // JSN020 and JSN021 (unsafe fixes), translatable
const check: Settings = defaultSettings(RULES);
const fix: Settings = { ...check, fix: { mode: "write", unsafe: true } }; // no path: the fixed bytes come back

const cases: [string, string][] = [
  ["parentheses", `x = ${"(".repeat(N)}${CALL}${")".repeat(N)}`],
  ["lists", `x = ${"[".repeat(N)}${CALL}${"]".repeat(N)}`],
  ["dicts", `x = ${"{1: ".repeat(N)}${CALL}${"}".repeat(N)}`],
  ["calls", `x = ${"f(".repeat(N)}${CALL}${")".repeat(N)}`],
  ["attributes and subscripts", `x = ${CALL}${".a[0]".repeat(N)}`],
  ["binary operators", `x = ${CALL}${" + 1".repeat(N)}`],
  ["unary operators", `x = ${"-".repeat(N)}${CALL}`],
  ["lambdas", `x = ${"lambda: ".repeat(N)}${CALL}`],
  ["conditional expressions", `x = ${"a if b else ".repeat(N)}${CALL}`],
  ["a literal argument (read for native mode's notes)", `x = json.dumps(${"[{'k': ".repeat(N / 2)}1${"}]".repeat(N / 2)})`],
];

describe("10,000 levels of nesting", () => {
  it.each(cases)("%s: checked, fixed, converted", (_, body) => {
    const text = `import json\n${body}\n`;
    const bytes = Buffer.from(text);
    const checked = checkBytes("deep.py", bytes, check);
    expect(checked.internalErrors).toEqual([]);
    // The call is found however deep it is (JSN020: `open(p)` never closed).
    if (body.includes(CALL)) expect(checked.report.diagnostics.map((d) => d.code)).toContain("JSN020");
    const fixed = checkBytes("deep.py", bytes, fix);
    expect(fixed.internalErrors).toEqual([]);
    expect(fixed.fix?.problems).toEqual([]);
    if (checked.report.diagnostics.some((d) => d.fix)) expect(fixed.fix?.applied).toBeGreaterThan(0);
    // Fixing the fixed text changes nothing.
    const again = checkBytes("deep.py", fixed.fix?.output as Uint8Array, fix);
    expect(again.fix?.changed).toBe(false);
    for (const mode of ["exact", "native"] as const) {
      const t = translateText("deep.py", text, { mode, analysis: NATIVE, ts: TS });
      expect(t.errors).toEqual([]);
      expect(t.translations.length).toBe(buildContext("deep.py", text, NATIVE).calls.length);
      expect(t.translations.length).toBeGreaterThan(0);
      for (const tr of t.translations) expect(syntaxErrors(TS, tr)).toEqual([]);
    }
  });

  it(`an expression nested deeper than ${MAX_NESTING} levels is left to the author, with a note`, () => {
    const t = translateText("deep.py", `import json\nx = json.dumps(${"[".repeat(N)}1${"]".repeat(N)})\n`, { mode: "exact", analysis: NATIVE, ts: TS });
    const [only] = t.translations;
    const rest = "[".repeat(N - MAX_NESTING) + "1" + "]".repeat(N - MAX_NESTING);
    // The innermost levels become a marker that throws (its source shortened); the note says why.
    expect(only?.typescript).toBe(`dumps(${"[".repeat(MAX_NESTING)}untranslated("${rest.slice(0, 199)}…", "deep.py:2")${"]".repeat(MAX_NESTING)})`);
    expect(only?.notes.map((n) => [n.kind, n.message])).toEqual([
      ["untranslated", `\`${rest.slice(0, 79)}…\` (nested more than ${MAX_NESTING} levels deep) is not translated: the marker throws UntranslatedPythonError when it is reached; write it by hand`],
    ]);
  });

  it(`a file indented more than ${MAX_INDENT_LEVELS} levels is refused before parsing (the parser would abort the process); ${MAX_INDENT_LEVELS - 10} levels, with strings, are fine`, () => {
    const nested = (levels: number) => Array.from({ length: levels }, (_, i) => `${" ".repeat(i)}if x:`).join("\n") + `\n${" ".repeat(levels)}data = json.loads(open("p.json").read())\n`;
    const deep = checkBytes("deep.py", Buffer.from(`import json\n${nested(N)}`), fix);
    expect(deep.report.diagnostics.map((d) => d.message)).toEqual([`Cannot read \`deep.py\`: indented more than ${MAX_INDENT_LEVELS} levels deep, more than the parser handles (CPython stops at 100)`]);
    const fine = checkBytes("fine.py", Buffer.from(`import json\n${nested(MAX_INDENT_LEVELS - 10)}`), fix);
    expect(fine.internalErrors).toEqual([]);
    expect(fine.fix?.applied).toBe(1); // the `with` block adds a level
    expect(Buffer.from(fine.fix?.output as Uint8Array).toString()).toContain(`with open("p.json", encoding="utf-8") as f:`);
  });
});
