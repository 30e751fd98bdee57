// Odd file contents, through the command: positions stay right, fixes keep the file's encoding,
// line endings and indentation, and what cannot be read is one line naming the file while the
// run goes on. (Unreadable files in detail: test/rules/unreadable-file.test.ts; deep nesting:
// nesting.test.ts; a 50 MB file: big-file.test.ts.)
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dumpling } from "../support/cli.js";
import { tree } from "../support/tree.js";

const lines = (s: string) => s.split("\n").filter(Boolean);
const concise = (args: string[], cwd: string) => dumpling(["check", "--output-format", "concise", "--select", "ALL", ...args], { cwd });
const fix = (args: string[], cwd: string) => dumpling(["check", "--fix", "--unsafe-fixes", "--select", "ALL", ...args], { cwd });
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));
const BOM = [0xef, 0xbb, 0xbf];

describe("file contents", () => {
  it("an empty file: checked, nothing to report, fix and convert do nothing", () => {
    const dir = tree({ "empty.py": "" });
    expect(concise(["empty.py"], dir)).toMatchObject({ status: 0, stdout: "All checks passed! (1 file checked)\n", stderr: "" });
    expect(fix(["empty.py"], dir)).toMatchObject({ status: 0, stderr: "" });
    expect(readFileSync(join(dir, "empty.py"), "utf8")).toBe("");
    expect(dumpling(["convert", "empty.py"], { cwd: dir })).toMatchObject({ status: 0, stderr: "" });
  });

  it("binary and undecodable files: one line each naming the file, the run goes on (check, fix, convert)", () => {
    const dir = tree({ "good.py": "import json\nx = json.dump(1)\n" });
    writeFileSync(join(dir, "binary.py"), bytes("import json\n", [0, 1, 2]));
    writeFileSync(join(dir, "latin.py"), bytes("import json\ns = '", [0xe9], "'\n"));
    const r = concise(["."], dir);
    expect(lines(r.stdout).slice(0, 3)).toEqual([
      "binary.py:1:1: JSN901 Cannot read `binary.py`: binary file (contains NUL bytes)",
      "good.py:2:5: JSN001 [-] `json.dump()` needs a file to write to; use `json.dumps()` to get a string",
      "latin.py:1:1: JSN901 Cannot read `latin.py`: not valid UTF-8: byte 0xe9 at offset 17; declare the file's encoding with a coding cookie (PEP 263)",
    ]);
    expect(r.status).toBe(1);
    const before = [readFileSync(join(dir, "binary.py")), readFileSync(join(dir, "latin.py"))];
    expect(lines(fix(["."], dir).stdout).at(-1)).toBe("Found 3 errors (1 fixed, 2 remaining) in 3 files checked.");
    expect([readFileSync(join(dir, "binary.py")), readFileSync(join(dir, "latin.py"))]).toEqual(before);
    const c = dumpling(["convert", "."], { cwd: dir });
    expect(c.stderr).toBe("dumpling: cannot read `binary.py`: binary file (contains NUL bytes)\ndumpling: cannot read `latin.py`: not valid UTF-8: byte 0xe9 at offset 17; declare the file's encoding with a coding cookie (PEP 263)\n");
    expect(c.stdout).toMatch(/^Converted 1 json call in 3 files/m);
    expect(c.status).toBe(1);
  });

  it("a latin-1 file with its coding cookie: decoded, columns in characters, fixed in latin-1", () => {
    const dir = tree({});
    writeFileSync(join(dir, "legacy.py"), bytes("# -*- coding: latin-1 -*-\nimport json\ns = '", [0xe9, 0xe8], "'; x = json.dump(s)  # caf", [0xe9], "\n"));
    expect(lines(concise(["legacy.py"], dir).stdout)[0]).toBe("legacy.py:3:15: JSN001 [-] `json.dump()` needs a file to write to; use `json.dumps()` to get a string");
    fix(["legacy.py"], dir);
    expect(readFileSync(join(dir, "legacy.py"))).toEqual(bytes("# -*- coding: latin-1 -*-\nimport json\ns = '", [0xe9, 0xe8], "'; x = json.dumps(s)  # caf", [0xe9], "\n"));
  });

  it("a UTF-8 BOM: positions as if it were not there, kept by fixes", () => {
    const dir = tree({});
    writeFileSync(join(dir, "bom.py"), bytes(BOM, "import json; x = json.dump(1)\n"));
    expect(lines(concise(["bom.py"], dir).stdout)[0]).toMatch(/^bom\.py:1:18: JSN001 /);
    fix(["bom.py"], dir);
    expect(readFileSync(join(dir, "bom.py"))).toEqual(bytes(BOM, "import json; x = json.dumps(1)\n"));
  });

  // A `with` block fix adds a line: it must use the file's own line ending and indentation.
  const source = (nl: string, indent: string) => ["import json", "", "def load(p):", `${indent}if p:`, `${indent}${indent}return json.load(open(p,`, `${indent}${indent}                      "r"))`, ""].join(nl);
  const fixed = (nl: string, indent: string) =>
    ["import json", "", "def load(p):", `${indent}if p:`, `${indent}${indent}with open(p,`, `${indent}${indent}                      "r", encoding="utf-8") as f:`, `${indent}${indent}${indent}return json.load(f)`, ""].join(nl);

  it.each([
    ["LF", "\n", "    "],
    ["CRLF", "\r\n", "    "],
    ["lone CR (Python reads it as a line break)", "\r", "    "],
    ["tabs", "\n", "\t"],
  ])("%s: positions by line, the fix keeps the line endings and the indentation", (_, nl, indent) => {
    const dir = tree({});
    writeFileSync(join(dir, "a.py"), source(nl, indent));
    const col = 2 * indent.length + "return json.load(".length + 1;
    expect(lines(concise(["a.py"], dir).stdout)[0]).toMatch(new RegExp(`^a\\.py:5:${col}: JSN020 `));
    expect(fix(["a.py"], dir)).toMatchObject({ stderr: "", stdout: "Found 1 error (1 fixed, 0 remaining) in 1 file checked.\n" });
    expect(readFileSync(join(dir, "a.py"), "latin1")).toBe(fixed(nl, indent));
  });

  it("one line of 5 MB: the column is right, the fix applies, convert translates it", () => {
    const dir = tree({});
    // Generated data on one line: 150,000 strings of 32 characters (the parse tree's size, not the line's, costs time).
    const list = `"${"\u00e9abcdefghijklmnopqrstuvwxyz01234"}", `.repeat(150_000);
    expect(Buffer.byteLength(list)).toBeGreaterThan(5 * 1024 * 1024);
    writeFileSync(join(dir, "long.py"), `import json\nx = [${list}0]; y = json.loads(f.read())\n`);
    const col = `x = [${list}0]; y = `.length + 1;
    expect(lines(concise(["long.py"], dir).stdout)[0]).toBe(`long.py:2:${col}: JSN101 [*] \`json.loads(f.read())\` is what \`json.load(f)\` does; use \`json.load(f)\``);
    // The text format shows a window of the line around the diagnostic, not 5 MB of it.
    const line = `x = [${list}0]; y = json.loads(f.read())`;
    const shown = dumpling(["check", "long.py"], { cwd: dir }).stdout.split("\n");
    expect(shown.slice(1, 4)).toEqual(["  |", `2 | \u2026${line.slice(col - 1 - 40)}`, `  | ${" ".repeat(41)}${"^".repeat(20)} JSN101`]);
    const c = JSON.parse(dumpling(["convert", "long.py", "--output-format", "json"], { cwd: dir }).stdout) as { location: { row: number; column: number }; typescript: string }[];
    expect(c.map((x) => [x.location, x.typescript])).toEqual([[{ row: 2, column: col }, "loads(f.read())"]]);
    fix(["long.py"], dir);
    expect(readFileSync(join(dir, "long.py"), "utf8")).toBe(`import json\nx = [${list}0]; y = json.load(f)\n`);
  });

  it("Python 2 syntax is a syntax error (JSN000), as CPython 3 says; the rest of the file is still checked", () => {
    const dir = tree({ "old.py": 'import json\nprint "saving"\nexec "x = 1"\nprint >>f, json.dump(x)\n' });
    expect(lines(concise(["old.py"], dir).stdout).slice(0, 3)).toEqual([
      "old.py:2:1: JSN000 Syntax error: missing parentheses in call to `print` (a Python 2 statement); use `print(...)`",
      "old.py:3:1: JSN000 Syntax error: missing parentheses in call to `exec` (a Python 2 statement); use `exec(...)`",
      "old.py:4:12: JSN001 [-] `json.dump()` needs a file to write to; use `json.dumps()` to get a string",
    ]);
  });

  it(".pyi stubs are walked and checked; a stub's signatures are not calls", () => {
    const dir = tree({ "pkg/api.pyi": "import json\nfrom typing import Any\ndef dump(obj: Any, fp: Any) -> None: ...\nDEFAULT: str = json.dumps(1)\n", "pkg/mod.pyi": "import json\nx = json.dump(1)\n" });
    const r = concise(["pkg"], dir);
    expect(lines(r.stdout)).toEqual(["pkg/mod.pyi:2:5: JSN001 [-] `json.dump()` needs a file to write to; use `json.dumps()` to get a string", "Found 1 error in 2 files checked.", "No fixes available (1 hidden fix can be enabled with the `--unsafe-fixes` option)."]);
  });

  it("notebooks are out of scope, but nothing breaks: a .ipynb is not walked, and named, it is read as the JSON text it is; cell magics are syntax errors", () => {
    const notebook = JSON.stringify({ cells: [{ cell_type: "code", source: ["import json\n", "json.dump(x)\n"] }], metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1);
    const dir = tree({ "nb/analysis.ipynb": notebook, "nb/cells.py": "# %%\nimport json\n%timeit json.dumps(x)\n# %%\ny = json.dumps(1)\n" });
    expect(lines(concise(["nb"], dir).stdout)).toEqual(["nb/cells.py:3:2: JSN000 Syntax error: unexpected `timeit`", "Found 1 error in 1 file checked."]);
    expect(concise(["nb/analysis.ipynb"], dir)).toMatchObject({ status: 0, stdout: "All checks passed! (1 file checked)\n", stderr: "" });
    expect(dumpling(["convert", "nb/analysis.ipynb", "nb/cells.py"], { cwd: dir })).toMatchObject({ status: 0, stderr: "" });
  });
});
