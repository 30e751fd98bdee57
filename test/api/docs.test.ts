// Every example in docs/api.md runs as it is written: each ```ts block that imports something is
// transpiled to an ES module inside the package (so "dumpling-json" resolves to this package, as
// it would for a user who installed it) and run with node; its assertions are the test.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const DOC = readFileSync(join(ROOT, "docs/api.md"), "utf8");
const DIR = join(ROOT, "test/api/.examples");

const examples = [...DOC.matchAll(/^```ts\n([\s\S]*?)^```$/gm)]
  .map((m) => ({ code: m[1] as string, line: DOC.slice(0, m.index).split("\n").length + 1 }))
  .filter((x) => /^import /m.test(x.code));

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe("docs/api.md", () => {
  it("has examples for every function of the API", () => {
    for (const fn of ["lint(", "openDocument(", "fix(", "findCalls(", "translate(", "rules(", "loadConfig(", "init("]) {
      expect(examples.some((x) => x.code.includes(fn)), fn).toBe(true);
    }
  });

  it.each(examples.map((x) => [x.line, x.code]))("the example at line %i runs and its assertions hold", (line, code) => {
    const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    mkdirSync(DIR, { recursive: true });
    const file = join(DIR, `example-${line}.mjs`);
    writeFileSync(file, js);
    const r = spawnSync(process.execPath, [file], { encoding: "utf8", cwd: ROOT });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
