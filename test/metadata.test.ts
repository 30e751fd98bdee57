// Registry, rule files, tests, fixtures and docs pages match one to one; codes and names are
// unique; docs pages are not stale; every documented example behaves as documented, in
// dumpling and in CPython.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderRuleDoc, renderRuleTable, replaceRuleTable } from "../src/rules/docs.js";
import { RULES } from "../src/rules/index.js";
import { analyzeText } from "../src/rules/run.js";
import { NATIVE } from "./support/native.js";
import { libraryPython } from "./support/libraries.js";
import { pythonVersion, runPythonJson } from "./support/python.js";

const NOT_RULES = new Set(["index.ts", "types.ts", "select.ts", "run.ts", "docs.ts", "noqa.ts", "edits.ts"]);
const ruleFiles = readdirSync("src/rules").filter((f) => f.endsWith(".ts") && !NOT_RULES.has(f));

describe("rule metadata", () => {
  it("codes and names are unique, well formed, and the registry is in code order", () => {
    const codes = RULES.map((r) => r.meta.code);
    const names = RULES.map((r) => r.meta.name);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(names).size).toBe(names.length);
    for (const r of RULES) {
      expect(r.meta.code).toMatch(/^JSN\d{3}$/);
      expect(r.meta.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(r.meta.name.startsWith("no-") || r.meta.name.startsWith("disallow-")).toBe(false);
    }
    expect([...codes].sort()).toEqual(codes);
  });

  it("rule files and the registry match one to one", async () => {
    expect(ruleFiles.map((f) => f.replace(/\.ts$/, "")).sort()).toEqual(RULES.map((r) => r.meta.name).sort());
    for (const f of ruleFiles) {
      const mod = await import(`../src/rules/${f}`);
      expect(RULES).toContain(mod.default);
    }
  });

  it.each(RULES.map((r) => [r.meta.name, r] as const))("%s has a test file, a fixture and a current docs page", (name, rule) => {
    expect(existsSync(`test/rules/${name}.test.ts`)).toBe(true);
    if (rule.meta.code !== "JSN901") expect(existsSync(`fixtures/rules/${name}.py`)).toBe(true);
    const page = `docs/rules/${name}.md`;
    expect(existsSync(page), `${page} is missing: run npm run docs`).toBe(true);
    expect(readFileSync(page, "utf8"), `${page} is stale: run npm run docs`).toBe(renderRuleDoc(rule.meta));
  });

  it("docs/rules holds no page without a rule", () => {
    expect(readdirSync("docs/rules").sort()).toEqual(RULES.map((r) => `${r.meta.name}.md`).sort());
  });

  it("the README's rule table is current", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(replaceRuleTable(readme, renderRuleTable()), "README.md's rule table is stale: run npm run docs").toBe(readme);
  });

  it("fix metadata agrees with itself", () => {
    for (const r of RULES) {
      const f = r.meta.fix;
      expect(f.availability === "none").toBe(f.applicability === null);
      expect(f.availability === "none").toBe(f.title === null);
    }
  });
});

const documented = RULES.filter((r) => r.meta.docs.example);

describe("documented examples in dumpling", () => {
  it.each(documented.map((r) => [r.meta.code, r] as const))("%s: the example gets exactly its diagnostic, the fix none", (_, rule) => {
    const bad = analyzeText("example.py", rule.meta.docs.example, RULES, NATIVE);
    expect(bad.diagnostics.map((d) => d.code)).toEqual([rule.meta.code]);
    const good = analyzeText("example.py", rule.meta.docs.useInstead, RULES, NATIVE);
    expect(good.diagnostics.map((d) => d.code)).toEqual([]);
  });
});

// Each example runs in a fresh directory that holds the JSON files the examples read.
const RUN_EXAMPLES = String.raw`
import contextlib, io, json, sys, traceback
cases = json.load(sys.stdin)
out = []
for c in cases:
    result = {}
    for key in ("example", "useInstead"):
        for name in ("data.json", "config.json", "out.json"):
            with open(name, "w", encoding="utf-8") as f:
                f.write('{"a": 1}')
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(c[key], "example.py", "exec"), {"__name__": "__main__"})
            result[key] = None
        except BaseException as e:
            result[key] = traceback.format_exception_only(type(e), e)[-1].strip()
    out.append(result)
print(json.dumps(out))
`;

describe.skipIf(!pythonVersion)("documented examples in CPython", () => {
  it("the docs name the CPython version the tests run", () => {
    expect(pythonVersion?.startsWith("3.11.")).toBe(true);
  });

  it("every example ends with the documented error; every 'use instead' runs cleanly", () => {
    const dir = mkdtempSync(join(tmpdir(), "dumpling-docs-"));
    writeFileSync(join(dir, ".keep"), "");
    // The orjson and ujson examples run in the venv that has them (test/support/libraries.ts), the
    // same CPython; without it (outside CI) they are left out.
    const library = (r: (typeof documented)[number]) => /\b(orjson|ujson)\b/.test(r.meta.docs.example + r.meta.docs.useInstead);
    const runnable = libraryPython ? documented : documented.filter((r) => !library(r));
    const results = runPythonJson<{ example: string | null; useInstead: string | null }[]>(
      RUN_EXAMPLES,
      runnable.map((r) => ({ example: r.meta.docs.example, useInstead: r.meta.docs.useInstead })),
      dir,
      libraryPython ?? undefined,
    );
    runnable.forEach((rule, i) => {
      const r = results[i]!;
      // No traceback documented: the syntax-error example does not compile; every other one runs
      // (the resource, encoding and style rules are about code that works here, today).
      if (rule.meta.docs.whatHappens === null && rule.meta.code === "JSN000") expect(r.example, rule.meta.code).toMatch(/^SyntaxError/);
      else if (rule.meta.docs.whatHappens === null) expect(r.example, rule.meta.code).toBeNull();
      else expect(r.example, rule.meta.code).toBe(rule.meta.docs.whatHappens);
      expect(r.useInstead, `${rule.meta.code} use instead`).toBeNull();
    });
  });
});
