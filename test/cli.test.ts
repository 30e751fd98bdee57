import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../src/rules/index.js";
import { dumpling } from "./support/cli.js";
import { tree } from "./support/tree.js";

describe("dumpling check", () => {
  it("reports every rule on the bundled examples, exit 1", () => {
    const r = dumpling(["check", "examples", "--select", "ALL"]);
    expect(r.status).toBe(1);
    for (const rule of RULES) expect(r.stdout).toContain(` ${rule.meta.code} `);
    expect(r.stdout).toMatch(/^examples\/\S+\.py:\d+:\d+: JSN\d{3} /m);
    expect(r.stdout).toMatch(/Found \d+ errors in \d+ files checked\./);
  });

  it("text output: location, message, the source line and a caret", () => {
    const dir = tree({ "a.py": "import json\nbody = json.dump(data)\n" });
    const r = dumpling(["check", "a.py"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      [
        "a.py:2:8: JSN001 `json.dump()` needs a file to write to; use `json.dumps()` to get a string",
        "  |",
        "2 | body = json.dump(data)",
        "  |        ^^^^^^^^^^^^^^^ JSN001",
        "  |",
        "  = help: Use `json.dumps()` (unsafe)",
        "",
        "Found 1 error in 1 file checked.",
        "No fixes available (1 hidden fix can be enabled with the `--unsafe-fixes` option).",
        "",
      ].join("\n"),
    );
  });

  it("JSON output: the documented shape, sorted by filename, row, column", () => {
    const dir = tree({
      "b.py": 'import json\njson.loads(s, encoding="utf-8")\n',
      "a.py": "import json\nx = 1\nbody = json.dump(data)\n",
    });
    const r = dumpling(["check", ".", "--output-format", "json"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        code: "JSN001",
        name: "dump-missing-file",
        message: "`json.dump()` needs a file to write to; use `json.dumps()` to get a string",
        severity: "error",
        filename: "a.py",
        location: { row: 3, column: 8 },
        end_location: { row: 3, column: 23 },
        fix: {
          applicability: "unsafe",
          message: "Use `json.dumps()`",
          edits: [{ content: "dumps", location: { row: 3, column: 13 }, end_location: { row: 3, column: 17 } }],
        },
        url: "docs/rules/dump-missing-file.md",
      },
      {
        code: "JSN009",
        name: "unknown-option",
        message: "`encoding` was removed from `json.loads()` in Python 3.9; bytes are decoded automatically (UTF-8, -16 or -32)",
        severity: "error",
        filename: "b.py",
        location: { row: 2, column: 15 },
        end_location: { row: 2, column: 23 },
        fix: { applicability: "safe", message: "Remove `encoding=`", edits: [{ content: "", location: { row: 2, column: 13 }, end_location: { row: 2, column: 31 } }] },
        url: "docs/rules/unknown-option.md",
      },
    ]);
  });

  it("no diagnostics: exit 0; --exit-zero: exit 0 with diagnostics", () => {
    const dir = tree({ "ok.py": "import json\nprint(json.dumps({}))\n", "bad.py": "import json\njson.dump(1)\n" });
    const ok = dumpling(["check", "ok.py"], { cwd: dir });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe("All checks passed! (1 file checked)\n");
    expect(dumpling(["check", "bad.py", "--exit-zero"], { cwd: dir }).status).toBe(0);
    expect(dumpling(["check", "--output-format", "json", "ok.py"], { cwd: dir }).stdout).toBe("[]\n");
  });

  it("PATH defaults to the current directory", () => {
    const dir = tree({ "sub/bad.py": "import json\njson.dump(1)\n" });
    const r = dumpling(["check", "--output-format", "json"], { cwd: dir });
    expect(JSON.parse(r.stdout).map((d: { filename: string }) => d.filename)).toEqual(["sub/bad.py"]);
  });

  it("--select, --ignore, --extend-select, prefixes and ALL", () => {
    const dir = tree({ "a.py": 'import json\njson.dump(1)\njson.dumps(1, 4)\njson.loads("x.json")\n' });
    const codes = (args: string[]) => JSON.parse(dumpling(["check", "a.py", "--output-format", "json", ...args], { cwd: dir }).stdout).map((d: { code: string }) => d.code);
    expect(codes([])).toEqual(["JSN001", "JSN008", "JSN007"]);
    expect(codes(["--select", "JSN001,JSN008"])).toEqual(["JSN001", "JSN008"]);
    expect(codes(["--select", "JSN00", "--ignore", "JSN007"])).toEqual(["JSN001", "JSN008"]);
    expect(codes(["--select", "JSN001", "--extend-select", "JSN007"])).toEqual(["JSN001", "JSN007"]);
    expect(codes(["--select", "ALL", "--ignore", "JSN0"])).toEqual([]);
    expect(codes(["--ignore", "dump-missing-file"])).toEqual(["JSN008", "JSN007"]);
  });

  it('"-" reads stdin, reported under --stdin-filename', () => {
    const r = dumpling(["check", "-", "--stdin-filename", "src/app.py", "--output-format", "json"], { input: "import json\njson.dump(1)\n" });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ filename: "src/app.py", code: "JSN001" });
    const plain = dumpling(["check", "-"], { input: "import json\njson.dump(1)\n" });
    expect(plain.stdout).toMatch(/^-:2:1: JSN001/);
  });

  it("walks directories: .py and .pyi only, .gitignore honoured, well-known directories skipped; explicit files always", () => {
    const bad = "import json\njson.dump(1)\n";
    const dir = tree({
      ".git/HEAD": "ref: refs/heads/main\n",
      ".gitignore": "build/\n*.gen.py\n!keep.gen.py\n",
      "src/a.py": bad,
      "src/b.pyi": bad,
      "src/notes.txt": bad,
      "src/c.gen.py": bad,
      "src/keep.gen.py": bad,
      "src/sub/.gitignore": "local.py\n",
      "src/sub/local.py": bad,
      "build/x.py": bad,
      ".venv/lib.py": bad,
      "node_modules/m.py": bad,
      "script": bad,
    });
    const files = (args: string[]) =>
      JSON.parse(dumpling(["check", "--output-format", "json", ...args], { cwd: dir }).stdout).map((d: { filename: string }) => d.filename);
    expect(files(["."])).toEqual(["src/a.py", "src/b.pyi", "src/keep.gen.py"]);
    expect(files(["src"])).toEqual(["src/a.py", "src/b.pyi", "src/keep.gen.py"]);
    expect(files(["script", "build/x.py"])).toEqual(["build/x.py", "script"]);
  });

  it("usage errors exit 2 with a message and no stack trace", () => {
    for (const args of [["check", "--bogus"], ["check", "--select", "JSN999"], ["check", "--output-format", "xml"], ["frobnicate"], ["rule", "JSN999"]]) {
      const r = dumpling(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/error/i);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("never loads ts-morph or TypeScript", () => {
    const trace = join(mkdtempSync(join(tmpdir(), "dumpling-trace-")), "loads.txt");
    writeFileSync(trace, "");
    const r = dumpling(["check", "examples", "--select", "ALL"], { nodeArgs: ["--import", resolve("test/support/trace-loads.mjs")], env: { DUMPLING_TRACE_LOADS: trace } });
    expect(r.status).toBe(1);
    const loaded = readFileSync(trace, "utf8").split("\n");
    expect(loaded).toContain("tree-sitter");
    expect(loaded.filter((l) => /ts-morph|typescript/.test(l))).toEqual([]);
  });
});

describe("dumpling rules / rule", () => {
  it("rules lists every rule with its default and fix", () => {
    const r = dumpling(["rules", "--output-format", "json"]);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list.map((x: { code: string }) => x.code)).toEqual(RULES.map((x) => x.meta.code));
    expect(list[1]).toEqual({
      code: "JSN001", name: "dump-missing-file", summary: "`json.dump(obj)` called without a file to write to", severity: "error",
      default: true, fix: "sometimes", fix_applicability: "unsafe", url: "docs/rules/dump-missing-file.md",
    });
    const text = dumpling(["rules"]).stdout;
    expect(text.split("\n")[0]).toMatch(/^code\s+name\s+default\s+fix\s+summary$/);
    expect(text).toMatch(/^JSN004\s+dump-to-path\s+on\s+sometimes \(unsafe\)/m);
  });

  it("rule CODE prints the documentation page", () => {
    const r = dumpling(["rule", "JSN004"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync("docs/rules/dump-to-path.md", "utf8"));
    expect(dumpling(["rule", "dump-to-path"]).stdout).toBe(r.stdout);
  });
});
