// The flags a ruff user reaches for: --statistics, --show-fixes, --add-noqa, -o, -q, -s, --color,
// --show-files, --show-settings, --exit-non-zero-on-fix; and the summary in ruff's words.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dumpling } from "./support/cli.js";
import { tree } from "./support/tree.js";

const SOURCE = 'import json\nwith open("c.json") as f:\n    data = json.loads(f.read())\njson.dump(d)\n';
const ESC = "\u001b[";

describe("the summary, in ruff's words", () => {
  const summary = (source: string, args: string[] = []) => dumpling(["check", "a.py", "--output-format", "concise", ...args], { cwd: tree({ "a.py": source }) }).stdout.split("\n").filter((l) => l && !l.startsWith("a.py:"));

  it("what --fix fixes, and the unsafe fixes --unsafe-fixes would add", () => {
    expect(summary(SOURCE)).toEqual(["Found 3 errors in 1 file checked.", "[*] 1 fixable with the `--fix` option (1 hidden fix can be enabled with the `--unsafe-fixes` option)."]);
    expect(summary('import json\njson.dump(d, "o.json")\n')).toEqual(["Found 1 error in 1 file checked.", "No fixes available (1 hidden fix can be enabled with the `--unsafe-fixes` option)."]);
    expect(summary('import json\nx = json.loads(f.read())\nx = json.loads(f.read())\n')).toEqual(["Found 2 errors in 1 file checked.", "[*] 2 fixable with the `--fix` option."]);
    expect(summary(SOURCE, ["--unsafe-fixes"])).toEqual(["Found 3 errors in 1 file checked.", "[*] 2 fixable with the `--fix` option."]);
    expect(summary(SOURCE, ["--no-unsafe-fixes"])).toEqual(["Found 3 errors in 1 file checked.", "[*] 1 fixable with the `--fix` option."]);
    expect(summary("import json\njson.dump(d)\n")).toEqual(["Found 1 error in 1 file checked."]);
  });

  it("after fixing, in --fix-only and --diff", () => {
    const fixed = (args: string[]) => {
      const r = dumpling(["check", "a.py", ...args], { cwd: tree({ "a.py": SOURCE }) });
      return { stdout: r.stdout, stderr: r.stderr, status: r.status };
    };
    expect(fixed(["--fix", "--output-format", "concise"]).stdout.split("\n").slice(-3)).toEqual(["Found 3 errors (1 fixed, 2 remaining) in 1 file checked.", "No fixes available (1 hidden fix can be enabled with the `--unsafe-fixes` option).", ""]);
    expect(fixed(["--fix-only"])).toEqual({ stdout: "Fixed 1 error (1 additional fix available with `--unsafe-fixes`).\n", stderr: "", status: 0 });
    expect(fixed(["--fix-only", "--unsafe-fixes"]).stdout).toBe("Fixed 2 errors.\n");
    expect(fixed(["--diff"]).stderr).toBe("Would fix 1 error (1 additional fix available with `--unsafe-fixes`).\n");
    expect(dumpling(["check", "a.py", "--fix-only"], { cwd: tree({ "a.py": 'import json\njson.dump(d, "o.json")\n' }) }).stdout).toBe("No errors fixed (1 fix available with `--unsafe-fixes`).\n");
    expect(dumpling(["check", "a.py", "--diff"], { cwd: tree({ "a.py": 'import json\njson.dump(d, "o.json")\n' }) }).stderr).toBe("No errors would be fixed (1 fix available with `--unsafe-fixes`).\n");
    expect(dumpling(["check", "a.py", "--fix-only"], { cwd: tree({ "a.py": "x = 1\n" }) }).stdout).toBe("");
  });

  it("the README's --fix example is what the default format prints", () => {
    const readme = readFileSync("README.md", "utf8");
    const example = /```\n\$ dumpling check --fix (\S+)\n([\s\S]*?)```/.exec(readme);
    expect(example).not.toBeNull();
    const [, path, output] = example!;
    const source = /<!-- fix-example: (\S+) -->\n```python\n([\s\S]*?)```/.exec(readme);
    expect(source?.[1]).toBe(path);
    const dir = tree({ [path!]: source![2]! });
    expect(dumpling(["check", "--fix", path!], { cwd: dir }).stdout).toBe(output);
  });
});

describe("--statistics", () => {
  const dir = tree({ "a.py": SOURCE, "b.py": "import json\njson.dump(d)\nv = json.loads(f.read())\n" });

  it("a row per rule, the most frequent first, marked [*] fixable, [~] partly, [ ] not; then the summary", () => {
    const r = dumpling(["check", "--statistics", "."], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      [
        "2\tJSN001\t[ ] dump-missing-file",
        "2\tJSN101\t[*] loads-read",
        "1\tJSN021\t[ ] open-without-encoding",
        "Found 5 errors in 2 files checked.",
        "[*] 2 fixable with the `--fix` option (1 hidden fix can be enabled with the `--unsafe-fixes` option).",
        "",
      ].join("\n"),
    );
    const partly = dumpling(["check", "--statistics", "a.py"], { cwd: tree({ "a.py": 'import json\nfrom json import loads\nwith open("c.json", encoding="utf-8") as f:\n    a = json.loads(f.read())\n    b = loads(f.read())\n' }) });
    expect(partly.stdout).toBe("2\tJSN101\t[~] loads-read\nFound 2 errors in 1 file checked.\n[*] 1 fixable with the `--fix` option.\n");
    expect(dumpling(["check", "--statistics", "-q", "a.py"], { cwd: tree({ "a.py": "import json\njson.dump(d)\n" }) }).stdout).toBe("1\tJSN001\tdump-missing-file\n");
  });

  it("as JSON with --output-format json; other formats have none (exit 2)", () => {
    const rows = JSON.parse(dumpling(["check", "--statistics", "--output-format", "json", "."], { cwd: dir }).stdout);
    expect(rows).toEqual([
      { code: "JSN001", name: "dump-missing-file", count: 2, fixable_count: 0 },
      { code: "JSN101", name: "loads-read", count: 2, fixable_count: 2 },
      { code: "JSN021", name: "open-without-encoding", count: 1, fixable_count: 0 },
    ]);
    expect(JSON.parse(dumpling(["check", "--statistics", "--output-format", "json", "--unsafe-fixes", "."], { cwd: dir }).stdout)[2].fixable_count).toBe(1);
    const sarif = dumpling(["check", "--statistics", "--output-format", "sarif", "."], { cwd: dir });
    expect(sarif).toMatchObject({ status: 2, stdout: "", stderr: "dumpling: error: --statistics works with --output-format text, concise or json, not sarif\n" });
  });
});

describe("--add-noqa", () => {
  it("a noqa comment on each line where a diagnostic starts; existing comments keep their codes and text; then the check passes", () => {
    const source = [
      "import json",
      'with open("c.json") as f:  # read the config',
      "    data = json.loads(f.read())  # noqa: E501, JSN004  # why",
      "json.dump(d)   ",
      'text = """',
      '{}""" + json.dumps(1, 2)',
      "",
    ].join("\r\n");
    const dir = tree({ "a.py": source, "clean.py": "x = 1\n" });
    const r = dumpling(["check", "--add-noqa", "."], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("Added 4 noqa directives.\n");
    expect(readFileSync(join(dir, "a.py"), "utf8")).toBe(
      [
        "import json",
        'with open("c.json") as f:  # read the config  # noqa: JSN021',
        "    data = json.loads(f.read())  # noqa: E501, JSN004, JSN101  # why",
        "json.dump(d)  # noqa: JSN001",
        'text = """',
        '{}""" + json.dumps(1, 2)  # noqa: JSN008',
        "",
      ].join("\r\n"),
    );
    expect(dumpling(["check", "."], { cwd: dir }).status).toBe(0);
    expect(dumpling(["check", "--add-noqa", "."], { cwd: dir }).stderr).toBe("");
  });

  it("a line that ends inside a string cannot take a comment: its diagnostic stays, and a warning says so", () => {
    const source = 'import json\nx = json.dumps(1, 2, """\n""")\n';
    const dir = tree({ "a.py": source });
    const r = dumpling(["check", "--add-noqa", "a.py"], { cwd: dir });
    expect(r.stderr).toBe("dumpling: warning: a.py:2: no noqa comment added: the line ends inside a string\n");
    expect(readFileSync(join(dir, "a.py"), "utf8")).toBe(source);
    expect(dumpling(["check", "--add-noqa", "--fix", "a.py"], { cwd: dir })).toMatchObject({ status: 2, stderr: "dumpling: error: --add-noqa cannot be used with --fix, --fix-only or --diff\n" });
  });

  it("latin-1 source stays latin-1", () => {
    const bytes = Buffer.from("# coding: latin-1\nimport json\n# caf\u00e9\njson.dump(d)\n", "latin1");
    const dir = tree({});
    const path = join(dir, "a.py");
    writeFileSync(path, bytes);
    dumpling(["check", "--add-noqa", "a.py"], { cwd: dir });
    expect(readFileSync(path).equals(Buffer.from("# coding: latin-1\nimport json\n# caf\u00e9\njson.dump(d)  # noqa: JSN001\n", "latin1"))).toBe(true);
  });
});

describe("--show-fixes", () => {
  it("after the diagnostics, what was fixed per file and rule", () => {
    const dir = tree({ "a.py": SOURCE, "b.py": "import json\nv = json.loads(f.read())\nw = json.loads(g.read())\n" });
    const r = dumpling(["check", "--fix", "--unsafe-fixes", "--show-fixes", "--output-format", "concise", "."], { cwd: dir });
    expect(r.stdout).toBe(
      [
        "a.py:4:1: JSN001 `json.dump()` needs a file to write to; use `json.dumps()` to get a string",
        "",
        "Fixed 4 errors:",
        "- a.py:",
        "    1 × JSN021 (open-without-encoding)",
        "    1 × JSN101 (loads-read)",
        "- b.py:",
        "    2 × JSN101 (loads-read)",
        "",
        "Found 5 errors (4 fixed, 1 remaining) in 2 files checked.",
        "",
      ].join("\n"),
    );
    expect(dumpling(["check", "--fix-only", "--show-fixes", "a.py"], { cwd: tree({ "a.py": SOURCE }) }).stdout).toBe("\nFixed 1 error:\n- a.py:\n    1 × JSN101 (loads-read)\n\nFixed 1 error (1 additional fix available with `--unsafe-fixes`).\n");
  });
});

describe("where the output goes", () => {
  it("-o writes the report to a file (its directory made), stdout stays empty, no colours", () => {
    const dir = tree({ "a.py": SOURCE });
    const r = dumpling(["check", "a.py", "-o", "reports/dumpling.txt", "--color", "always"], { cwd: dir });
    expect(r).toMatchObject({ status: 1, stdout: "", stderr: "" });
    const report = readFileSync(join(dir, "reports/dumpling.txt"), "utf8");
    expect(report).toMatch(/^a\.py:2:6: JSN021 /);
    expect(report).not.toContain(ESC);
    dumpling(["check", "a.py", "--output-file", "r.json", "--output-format", "json"], { cwd: dir });
    expect(JSON.parse(readFileSync(join(dir, "r.json"), "utf8"))).toHaveLength(3);
    // Nothing to report is a report too.
    dumpling(["check", "a.py", "-o", "empty.json", "--output-format", "json", "--select", "JSN102"], { cwd: dir });
    expect(readFileSync(join(dir, "empty.json"), "utf8")).toBe("[]\n");
  });

  it("-q: the diagnostics, no summary, no warnings; -s: nothing; the exit code is the same", () => {
    const dir = tree({ "a.py": SOURCE, "empty/x.txt": "" });
    const quiet = dumpling(["check", "a.py", "empty", "-q", "--output-format", "concise"], { cwd: dir });
    expect(quiet.stdout.split("\n").filter(Boolean).every((l) => l.startsWith("a.py:"))).toBe(true);
    expect(quiet).toMatchObject({ status: 1, stderr: "" });
    expect(dumpling(["check", "a.py", "empty"], { cwd: dir }).stderr).toBe("dumpling: warning: no Python files found in `empty`\n");
    expect(dumpling(["check", "a.py", "empty", "--silent"], { cwd: dir })).toMatchObject({ status: 1, stdout: "", stderr: "" });
    expect(dumpling(["check", "a.py", "-s", "--fix"], { cwd: dir })).toMatchObject({ status: 1, stdout: "", stderr: "" });
    expect(readFileSync(join(dir, "a.py"), "utf8")).toContain("json.load(f)");
    // An error is still said.
    expect(dumpling(["check", "a.py", "-s", "--select", "JSN777"], { cwd: dir })).toMatchObject({ status: 2, stderr: "dumpling: error: unknown rule selector `JSN777` (expected a code such as JSN001, a prefix such as JSN0, a rule name, or ALL)\n" });
  });

  it("--color always|never|auto; auto colours a terminal only, NO_COLOR turns it off, FORCE_COLOR on", () => {
    const dir = tree({ "a.py": SOURCE });
    const out = (args: string[], env: Record<string, string> = {}) => dumpling(["check", "a.py", ...args], { cwd: dir, env }).stdout;
    expect(out(["--color", "always"])).toContain(`${ESC}1ma.py${ESC}22m`);
    expect(out(["--color", "never"], { FORCE_COLOR: "1" })).not.toContain(ESC);
    expect(out([])).not.toContain(ESC); // not a terminal
    expect(out(["--color", "auto"], { FORCE_COLOR: "1" })).toContain(ESC);
    expect(out([], { FORCE_COLOR: "0" })).not.toContain(ESC);
    expect(dumpling(["check", "a.py", "--color", "sometimes"], { cwd: dir }).status).toBe(2);
  });

  it("--exit-non-zero-on-fix: 1 when something was fixed, even with nothing left", () => {
    const source = "import json\nv = json.loads(f.read())\n";
    expect(dumpling(["check", "--fix", "a.py"], { cwd: tree({ "a.py": source }) }).status).toBe(0);
    expect(dumpling(["check", "--fix", "--exit-non-zero-on-fix", "a.py"], { cwd: tree({ "a.py": source }) }).status).toBe(1);
    expect(dumpling(["check", "--fix", "--exit-non-zero-on-fix", "a.py"], { cwd: tree({ "a.py": "x = 1\n" }) }).status).toBe(0);
  });
});

describe("--show-files, --show-settings", () => {
  const dir = tree({ "b.py": SOURCE, "a.py": SOURCE, "pkg/c.pyi": "", "pkg/notes.txt": "", ".venv/x.py": "", "dumpling.toml": 'extend-exclude = ["pkg/skip.py"]\nignore = ["JSN021"]\n', "pkg/skip.py": "" });

  it("--show-files: the files a run checks, sorted, nothing checked", () => {
    const r = dumpling(["check", "--show-files"], { cwd: dir });
    expect(r).toMatchObject({ status: 0, stdout: "a.py\nb.py\npkg/c.pyi\n", stderr: "" });
  });

  it("--show-settings: the settings of the first file and where they came from", () => {
    const r = dumpling(["check", "--show-settings", "."], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Resolved settings for: "a.py"\nSettings path: ${JSON.stringify(join(dir, "dumpling.toml"))}\n`);
    expect(r.stdout).toContain('rules = ["JSN000","JSN001","JSN002","JSN003","JSN004","JSN005","JSN006","JSN007","JSN008","JSN009","JSN010","JSN011","JSN012","JSN013","JSN014","JSN015","JSN016","JSN020","JSN101","JSN901"]\n');
    expect(r.stdout).toContain('extend-exclude = ["pkg/skip.py"]\n');
    expect(r.stdout).toContain('target-version = "py39"  # the default\n');
    expect(dumpling(["check", "--show-settings", "pkg/notes.txt", "--exclude", "*.txt", "--force-exclude"], { cwd: dir })).toMatchObject({ status: 2, stderr: "dumpling: error: no files found under the given paths: there are no settings to show\n" });
    expect(existsSync(join(dir, "a.py"))).toBe(true);
  });
});
