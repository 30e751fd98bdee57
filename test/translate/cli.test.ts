// `dumpling convert` as users run it: the report formats, --out-dir modules (type-checked),
// --runtime inline, the progress bar (only in a terminal), and errors.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Project, ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { BIN, dumpling } from "../support/cli.js";
import { typecheckProgram } from "../support/typecheck.js";

const APP = `import json
import sys

def save(path, data):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2)

def show(data):
    print(json.dumps(data, sort_keys=True))
`;

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "dumpling-convert-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe("dumpling convert", () => {
  it("reports every call as json: the documented fields", () => {
    const dir = project({ "app/store.py": APP });
    const r = dumpling(["convert", "app", "--output-format", "json"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const calls = JSON.parse(r.stdout);
    expect(calls).toEqual([
      {
        filename: "app/store.py",
        function: "dump",
        location: { row: 5, column: 5 },
        end_location: { row: 6, column: 37 },
        start: APP.indexOf("with open"),
        end: APP.indexOf("indent=2)") + "indent=2)".length,
        python: 'with open(path, "w", encoding="utf-8") as f:\n        json.dump(data, f, indent=2)',
        typescript: 'writeFileSync(path, dumps(data, { indent: 2 }), "utf8");',
        expression: false,
        declares: [],
        imports: ['import { writeFileSync } from "node:fs";', 'import { dumps } from "dumpling-json/runtime";'],
        notes: [expect.objectContaining({ kind: "partial-write", severity: "info", certainty: "possible" })],
        names: [
          { python: "path", typescript: "path", type: "string" },
          { python: "data", typescript: "data", type: "unknown" },
        ],
        mode: "exact",
      },
      {
        filename: "app/store.py",
        function: "dumps",
        location: { row: 9, column: 5 },
        end_location: { row: 9, column: 44 },
        start: APP.indexOf("print("),
        end: APP.indexOf("sort_keys=True))") + "sort_keys=True))".length,
        python: "print(json.dumps(data, sort_keys=True))",
        typescript: "console.log(dumps(data, { sortKeys: true }));",
        expression: false,
        declares: [],
        imports: ['import { dumps } from "dumpling-json/runtime";'],
        notes: [],
        names: [{ python: "data", typescript: "data", type: "unknown" }],
        mode: "exact",
      },
    ]);
  });

  it("--mode native uses JSON.stringify and notes the differences", () => {
    const dir = project({ "a.py": 'import json\nprint(json.dumps(x))\n' });
    const r = dumpling(["convert", "a.py", "--mode", "native", "--output-format", "json"], { cwd: dir });
    const [call] = JSON.parse(r.stdout);
    expect(call.typescript).toBe("console.log(JSON.stringify(x));");
    expect(call.imports).toEqual([]);
    expect(call.mode).toBe("native");
    expect(call.notes.map((n: { kind: string }) => n.kind)).toContain("separators");
  });

  it("text and markdown reports", () => {
    const dir = project({ "app/store.py": APP, "app/other.py": 'import json\njson.loads(s)\n' });
    const text = dumpling(["convert", "app"], { cwd: dir });
    expect(text.stdout).toContain("app/store.py:9:5: exact\n  | print(json.dumps(data, sort_keys=True))\n");
    expect(text.stdout).toContain("  > console.log(dumps(data, { sortKeys: true }));\n");
    // A possible difference (only some values show it) is shown once per file, not on each call.
    expect(text.stdout).toContain("app/store.py: possible differences (only some values show them):\n  info (partial-write): ");
    expect(text.stdout).toMatch(/Converted 3 json calls in 2 files: 0 to review \(certain differences or untranslated markers; 0 calls with a marker\), 1 with possible differences only, 2 with none\.\n$/);

    // Native mode: a literal shows its differences for certain (review first); an unknown value only possibly (once per file).
    writeFileSync(join(dir, "app/lit.py"), "import json\nprint(json.dumps([1.0, 2]))\n");
    const native = dumpling(["convert", "app", "--output-format", "markdown", "--mode", "native"], { cwd: dir });
    const md = native.stdout;
    expect(md).toMatch(/^# Migrating json calls to TypeScript \(native mode\)\n/);
    expect(md).toContain("Converted 4 json calls in 3 files: 1 to review");
    const review = md.indexOf("## Review first");
    expect(review).toBeGreaterThan(0);
    expect(md).toContain("## Review first\n\n- [app/lit.py:2:1](#app-lit-py-2-1): separators, float-layout\n");
    expect(md).toContain("## app/other.py\n\nPossible differences in this file (only some values show them):\n\n- Review (int-float), line 2: ");
    expect(md.indexOf("## app/other.py")).toBeGreaterThan(md.indexOf("## app/lit.py"));
    expect(md.indexOf("## app/store.py")).toBeGreaterThan(md.indexOf("## app/other.py"));
    expect(md).toContain('<a id="app-other-py-2-1"></a>\n- [ ] **app/other.py:2:1**');
    expect(md).toContain("```python\n  json.loads(s)\n  ```");
  });

  it("--out-dir writes one module per Python file, which type-checks", () => {
    const dir = project({ "app/store.py": APP, "app/none.py": "print('no json here')\n" });
    const out = join(dir, "out");
    const r = dumpling(["convert", "app", "--out-dir", out, "--output-format", "json"], { cwd: dir });
    expect(r.status).toBe(0);
    expect(readdirSync(join(out, "app"))).toEqual(["store.ts"]);
    const module = readFileSync(join(out, "app/store.ts"), "utf8");
    expect(module).toContain('import { writeFileSync } from "node:fs";\nimport { dumps } from "dumpling-json/runtime";\n');
    expect(module).toContain("export function dumpLine5(path: string, data: unknown) {\n");
    expect(module).toContain("export function dumpsLine9(data: unknown) {\n  console.log(dumps(data, { sortKeys: true }));\n}");
    // Imports merged: each module once, each name once.
    expect(module.match(/from "dumpling-json\/runtime"/g)).toHaveLength(1);
    expect(typecheckProgram(module)).toEqual([]);
  });

  it("--out-dir: a module that cannot be written is one error naming it (exit 1), no temp file left, the others written", () => {
    const dir = project({ "app/a.py": APP, "app/b.py": APP });
    const out = join(dir, "out");
    mkdirSync(join(out, "app", "a.ts"), { recursive: true }); // a directory where the module goes
    const r = dumpling(["convert", "app", "--out-dir", out, "--output-format", "json"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`dumpling: cannot write \`${join(out, "app", "a.ts")}\`: is a directory\n`);
    expect(readdirSync(join(out, "app")).sort()).toEqual(["a.ts", "b.ts"]);
    expect(readdirSync(join(out, "app", "a.ts"))).toEqual([]);
  });

  it("--out-dir: inputs outside the working directory are laid out from their common base; a dot-directory loses its dot", () => {
    const dir = project({ "src/app/a.py": APP, "src/app/.hidden/b.py": APP, "work/.keep": "" });
    const out = join(dir, "out");
    const r = dumpling(["convert", join(dir, "src/app"), "--out-dir", out, "--output-format", "json"], { cwd: join(dir, "work") });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["_hidden", "a.ts"]);
    expect(readdirSync(join(out, "_hidden"))).toEqual(["b.ts"]);
    const up = dumpling(["convert", "../src/app/a.py", "--out-dir", "../out2"], { cwd: join(dir, "work") });
    expect(up.status).toBe(0);
    expect(readdirSync(join(dir, "out2"))).toEqual(["a.ts"]);
    expect(up.stdout).toContain(`laid out as the Python files are below ${join(dir, "src/app")}`);
  });

  it("--runtime inline copies the runtime beside the modules, which import it relatively", () => {
    const dir = project({ "app/store.py": APP });
    const out = join(dir, "out");
    const r = dumpling(["convert", "app", "--out-dir", out, "--runtime", "inline"], { cwd: dir });
    expect(r.status).toBe(0);
    expect(readdirSync(join(out, "runtime"))).toContain("index.ts");
    const module = readFileSync(join(out, "app/store.ts"), "utf8");
    expect(module).toContain('import { dumps } from "../runtime/index.js";');
    // No dependency: the output type-checks on its own, with Node's types only.
    const p = new Project({
      compilerOptions: { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, types: ["node"], typeRoots: [resolve("node_modules/@types")] },
      skipAddingFilesFromTsConfig: true,
    });
    p.addSourceFilesAtPaths(join(out, "**/*.ts"));
    expect(p.getPreEmitDiagnostics().map((d) => ts.flattenDiagnosticMessageText(d.compilerObject.messageText, "\n"))).toEqual([]);
  });

  it("--runtime inline needs --out-dir; usage errors exit 2 without a stack trace", () => {
    for (const args of [["convert", "--runtime", "inline"], ["convert", "--mode", "loose"], ["convert", "--output-format", "sarif"]]) {
      const r = dumpling(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/error/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("an unreadable path is reported and the rest converted (exit 1)", () => {
    const dir = project({ "a.py": 'import json\njson.dumps(1)\n' });
    const r = dumpling(["convert", "a.py", "missing.py", "--output-format", "json"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("dumpling: cannot read `missing.py`: no such file or directory\n");
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it("reads stdin", () => {
    const r = dumpling(["convert", "-", "--stdin-filename", "in.py", "--output-format", "json"], { input: "import json\njson.loads(s)\n" });
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ filename: "in.py", typescript: "loads(s)" });
  });

  it("shows a progress bar on stderr in a terminal, and nothing when piped", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 8; i++) files[`m${i}.py`] = `import json\njson.dumps(${i})\n`;
    const dir = project(files);
    const piped = dumpling(["convert", "."], { cwd: dir });
    expect(piped.stderr).toBe("");
    // `script` gives the command a terminal; its output is what the terminal showed.
    if (!existsSync("/usr/bin/script")) return;
    const tty = spawnSync("script", ["-qec", `${process.execPath} ${BIN} convert . >/dev/null`, "/dev/null"], { cwd: dir, encoding: "utf8" });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toContain("converting [");
    expect(tty.stdout).toContain("8/8 files");
  });
});
