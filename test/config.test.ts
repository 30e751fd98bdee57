// Configuration files, per-file rules, excludes and --force-exclude.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dumpling } from "./support/cli.js";
import { tree } from "./support/tree.js";

// JSN001 (default on), JSN004 (default on) and JSN102 (opt-in), one of each.
const BAD = 'import json\njson.dump(d)\njson.dump(d, "o.json")\nf.write(json.dumps(d))\n';

function codes(dir: string, args: string[] = ["."]): string[] {
  const r = dumpling(["check", "--output-format", "json", ...args], { cwd: dir });
  if (r.status === 2) throw new Error(r.stderr);
  return (JSON.parse(r.stdout) as { filename: string; code: string }[]).map((d) => `${d.filename}:${d.code}`);
}

describe("configuration", () => {
  it("[tool.dumpling] in pyproject.toml: select, ignore, extend-select", () => {
    const dir = tree({ "pyproject.toml": '[tool.dumpling]\nextend-select = ["JSN102"]\nignore = ["JSN001"]\n', "a.py": BAD });
    expect(codes(dir)).toEqual(["a.py:JSN004", "a.py:JSN102"]);
    const sel = tree({ "pyproject.toml": '[tool.dumpling]\nselect = ["JSN001"]\n', "a.py": BAD });
    expect(codes(sel)).toEqual(["a.py:JSN001"]);
  });

  it("the command line is layered over the file", () => {
    const dir = tree({ "pyproject.toml": '[tool.dumpling]\nselect = ["JSN001"]\n', "a.py": BAD });
    expect(codes(dir, [".", "--extend-select", "JSN004"])).toEqual(["a.py:JSN001", "a.py:JSN004"]);
    expect(codes(dir, [".", "--select", "JSN102"])).toEqual(["a.py:JSN102"]);
    expect(codes(dir, [".", "--isolated"])).toEqual(["a.py:JSN001", "a.py:JSN004"]);
  });

  it("found by walking up from each file; the nearest wins; dumpling.toml needs no prefix", () => {
    const dir = tree({
      "pyproject.toml": '[tool.dumpling]\nignore = ["JSN004"]\n',
      "a.py": BAD,
      "pkg/sub/b.py": BAD,
      "lib/dumpling.toml": 'ignore = ["JSN001"]\n',
      "lib/c.py": BAD,
      "other/pyproject.toml": '[tool.black]\nline-length = 100\n',
      "other/d.py": BAD,
    });
    expect(codes(dir)).toEqual(["a.py:JSN001", "lib/c.py:JSN004", "other/d.py:JSN001", "pkg/sub/b.py:JSN001"]);
    // From inside a subdirectory, the config above it still applies.
    expect(codes(join(dir, "pkg"))).toEqual(["sub/b.py:JSN001"]);
  });

  it("per-file-ignores: globs relative to the config, or file names", () => {
    const dir = tree({
      "pyproject.toml": '[tool.dumpling.per-file-ignores]\n"tests/**" = ["JSN001"]\n"legacy_*.py" = ["JSN0"]\n',
      "tests/t.py": BAD,
      "src/legacy_io.py": BAD,
      "src/app.py": BAD,
    });
    expect(codes(dir)).toEqual(["src/app.py:JSN001", "src/app.py:JSN004", "tests/t.py:JSN004"]);
  });

  it("--config names one file; its globs are relative to it", () => {
    const dir = tree({ "conf/strict.toml": 'select = ["ALL"]\n', "pyproject.toml": '[tool.dumpling]\nselect = ["JSN001"]\n', "a.py": BAD });
    expect(codes(dir, [".", "--config", "conf/strict.toml"])).toEqual(["a.py:JSN001", "a.py:JSN004", "a.py:JSN102"]);
  });

  it("an invalid config is exit 2 with a message naming the key and the file", () => {
    const cases: [string, string, RegExp][] = [
      ["pyproject.toml", '[tool.dumpling]\nselcet = ["JSN001"]\n', /pyproject\.toml: unknown key `tool\.dumpling\.selcet`/],
      ["pyproject.toml", '[tool.dumpling]\nselect = "JSN001"\n', /pyproject\.toml: `tool\.dumpling\.select` must be a list of strings/],
      ["dumpling.toml", 'ignore = ["JSN777"]\n', /dumpling\.toml: `ignore`: unknown rule selector `JSN777`/],
      ["pyproject.toml", '[tool.dumpling]\nselect = ["JSN001", "JSN777"]\n', /pyproject\.toml: `tool\.dumpling\.select`: unknown rule selector `JSN777`/],
      ["dumpling.toml", '[per-file-ignores]\n"*.py" = ["nope"]\n', /dumpling\.toml: `per-file-ignores\."\*\.py"`: unknown rule selector `nope`/],
      ["dumpling.toml", "select = [", /dumpling\.toml: invalid TOML/],
    ];
    for (const [name, content, message] of cases) {
      const dir = tree({ [name]: content, "a.py": BAD });
      const r = dumpling(["check", "."], { cwd: dir });
      expect(r.status, content).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
    const missing = dumpling(["check", ".", "--config", "nope.toml"], { cwd: tree({ "a.py": BAD }) });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.toml: cannot read the config file/);
  });
});

describe("excludes", () => {
  const files = {
    "a.py": BAD,
    "migrations/0001.py": BAD,
    "src/gen/x.py": BAD,
    "src/y_pb2.py": BAD,
    ".venv/lib.py": BAD,
  };
  const filenames = (dir: string, args: string[]) => [...new Set(codes(dir, args).map((c) => c.split(":")[0]))];

  it("exclude replaces the built-in list, extend-exclude adds to it, --exclude adds more", () => {
    const ext = tree({ ...files, "pyproject.toml": '[tool.dumpling]\nextend-exclude = ["migrations", "src/gen/", "*_pb2.py"]\n' });
    expect(filenames(ext, ["."])).toEqual(["a.py"]);
    const rep = tree({ ...files, "pyproject.toml": '[tool.dumpling]\nexclude = ["migrations"]\n' });
    expect(filenames(rep, ["."])).toEqual([".venv/lib.py", "a.py", "src/gen/x.py", "src/y_pb2.py"]);
    const cli = tree(files);
    expect(filenames(cli, [".", "--exclude", "src,migrations"])).toEqual(["a.py"]);
  });

  it("a configuration that excludes everything: nothing checked, a warning naming the directory, exit 0", () => {
    for (const config of ['exclude = ["*"]\n', 'extend-exclude = ["*.py", "*.pyi"]\n']) {
      const dir = tree({ ...files, "dumpling.toml": config });
      const r = dumpling(["check", "."], { cwd: dir });
      expect(r, config).toMatchObject({ status: 0, stdout: "All checks passed! (0 files checked)\n", stderr: "dumpling: warning: no Python files found in `.`\n" });
    }
  });

  it("paths named on the command line are checked unless --force-exclude (what pre-commit needs)", () => {
    const dir = tree({ ...files, "pyproject.toml": '[tool.dumpling]\nextend-exclude = ["migrations"]\n' });
    expect(filenames(dir, ["migrations/0001.py", "a.py"])).toEqual(["a.py", "migrations/0001.py"]);
    expect(filenames(dir, ["migrations/0001.py", "a.py", "--force-exclude"])).toEqual(["a.py"]);
    expect(filenames(dir, [".venv/lib.py", "--force-exclude"])).toEqual([]);
  });
});

it("a noqa comment and a config work together", () => {
  const dir = tree({ "pyproject.toml": '[tool.dumpling]\nextend-select = ["JSN100"]\n', "a.py": 'import json\njson.dump(d)  # noqa: JSN001\nx = 1  # noqa: JSN004\n' });
  writeFileSync(join(dir, "b.py"), "x = 1\n");
  expect(codes(dir)).toEqual(["a.py:JSN100"]);
});

it("the README's example pyproject.toml is a valid configuration that does what its comments say", () => {
  const readme = readFileSync("README.md", "utf8");
  const example = /```toml\n(\[tool\.dumpling\][\s\S]*?)```/.exec(readme)?.[1];
  expect(example).toBeDefined();
  const dir = tree({ "pyproject.toml": example!, "tests/t.py": 'import json\nx = json.load(open("c.json", "rb"))\n', "migrations/m.py": BAD, "app.py": 'import json\nwith open("c.json") as f:\n    x = json.load(f)\n' });
  expect(codes(dir)).toEqual([]);
  expect(codes(dir, [".", "--isolated"])).toEqual(["app.py:JSN021", "migrations/m.py:JSN001", "migrations/m.py:JSN004", "tests/t.py:JSN020"]);
});

describe("an invalid configuration is one error, before any report", () => {
  const BROKEN = 'selcet = ["JSN001"]\n';

  it("whatever the paths, output format and mode: exit 2, one line on stderr, nothing on stdout, no file changed", () => {
    const dir = tree({ "ok/b.py": BAD, "pkg/a.py": BAD, "pkg/dumpling.toml": BROKEN });
    const runs: { args: string[]; input?: string }[] = [
      { args: ["check", "pkg/a.py"] },
      ...["concise", "json", "json-lines", "sarif", "github", "gitlab", "junit"].map((f) => ({ args: ["check", "pkg/a.py", "--output-format", f] })),
      { args: ["check", "ok", "pkg"] }, // a good directory first: nothing of it is reported either
      { args: ["check", "ok/b.py", "pkg/a.py", "--output-format", "json"] },
      { args: ["check", "pkg/a.py", "--fix"] },
      { args: ["check", "pkg/a.py", "--fix-only", "--unsafe-fixes"] },
      { args: ["check", "pkg/a.py", "--diff"] },
      { args: ["check", "pkg/a.py", "--statistics"] },
      { args: ["check", "pkg/a.py", "--add-noqa"] },
      { args: ["check", "pkg/a.py", "--show-files"] },
      { args: ["check", "pkg/a.py", "--show-settings"] },
      { args: ["check", "--stdin-filename", "pkg/a.py", "-"], input: BAD },
      { args: ["check", "--fix", "--stdin-filename", "pkg/a.py", "-"], input: BAD },
      { args: ["check", "pkg/a.py", "-o", "out/report.json"] },
    ];
    for (const { args, input } of runs) {
      const r = dumpling(args, { cwd: dir, input });
      const what = args.join(" ");
      expect(r.status, what).toBe(2);
      expect(r.stdout, what).toBe("");
      expect(r.stderr, what).toMatch(/^dumpling: error: pkg\/dumpling\.toml: unknown key `selcet` \(expected one of [^\n]*\)\n$/);
    }
    expect(readFileSync(join(dir, "pkg/a.py"), "utf8")).toBe(BAD);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("one that extends a broken file, or extends itself, or asks for another version", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ "dumpling.toml": 'extend = "base.toml"\n', "base.toml": "select = 1\n" }, /^dumpling: error: \S*base\.toml: `select` must be a list of strings\n$/],
      [{ "dumpling.toml": 'extend = "missing.toml"\n' }, /^dumpling: error: \S*missing\.toml: cannot read the config file \(ENOENT\)\n$/],
      [{ "dumpling.toml": 'extend = "b.toml"\n', "b.toml": 'extend = "dumpling.toml"\n' }, /^dumpling: error: \S*dumpling\.toml: circular `extend`: dumpling\.toml -> b\.toml -> dumpling\.toml\n$/],
      [{ "dumpling.toml": 'required-version = ">=99"\n' }, /^dumpling: error: dumpling\.toml: required version `>=99` does not match the running version `0\.1\.0`\n$/],
      [{ "dumpling.toml": 'required-version = "nonsense"\n' }, /^dumpling: error: dumpling\.toml: `required-version` must be a version or a PEP 440 specifier/],
      [{ "dumpling.toml": 'target-version = "py26"\n' }, /^dumpling: error: dumpling\.toml: `target-version` must be one of py37, py38, py39, py310, py311, py312, py313, py314 \(got `py26`\)\n$/],
      [{ "dumpling.toml": 'output-format = "xml"\n' }, /^dumpling: error: dumpling\.toml: `output-format` must be one of text, concise, json, json-lines, sarif, github, gitlab, junit\n$/],
      [{ "pyproject.toml": '[tool.dumpling]\nfix = "yes"\n' }, /^dumpling: error: pyproject\.toml: `tool\.dumpling\.fix` must be true or false\n$/],
      [{ ".dumpling.toml": 'unfixable = ["JSN777"]\n' }, /^dumpling: error: \.dumpling\.toml: `unfixable`: unknown rule selector `JSN777`/],
    ];
    for (const [files, message] of cases) {
      const r = dumpling(["check", "a.py"], { cwd: tree({ ...files, "a.py": BAD }) });
      expect(r, JSON.stringify(files)).toMatchObject({ status: 2, stdout: "" });
      expect(r.stderr, JSON.stringify(files)).toMatch(message);
    }
  });
});

describe("ruff's configuration keys", () => {
  const SOURCE = 'import json\nwith open("c.json") as f:\n    data = json.loads(f.read())\n';
  const check = (dir: string, args: string[] = []) => dumpling(["check", "a.py", ...args], { cwd: dir });

  it(".dumpling.toml, dumpling.toml, pyproject.toml: the first one found in a directory wins, as ruff's three", () => {
    const dir = tree({ ".dumpling.toml": 'select = ["JSN001"]\n', "dumpling.toml": 'select = ["JSN004"]\n', "pyproject.toml": '[tool.dumpling]\nselect = ["JSN102"]\n', "a.py": BAD });
    expect(codes(dir)).toEqual(["a.py:JSN001"]);
    rmSync(join(dir, ".dumpling.toml"));
    expect(codes(dir)).toEqual(["a.py:JSN004"]);
    rmSync(join(dir, "dumpling.toml"));
    expect(codes(dir)).toEqual(["a.py:JSN102"]);
    expect(codes(dir, [".", "--config", join(dir, "pyproject.toml")])).toEqual(["a.py:JSN102"]);
  });

  it("fix, unsafe-fixes, show-fixes and output-format; the command line overrides each", () => {
    const dir = tree({ "dumpling.toml": 'fix = true\nshow-fixes = true\noutput-format = "concise"\n', "a.py": SOURCE });
    const r = check(dir);
    expect(readFileSync(join(dir, "a.py"), "utf8")).toBe(SOURCE.replace("json.loads(f.read())", "json.load(f)"));
    expect(r.stdout).toBe(
      [
        "a.py:2:6: JSN021 `open(\"c.json\")` has no `encoding=`: the locale's encoding is used (cp1252 on Windows) and `json.load()` reads it; pass `encoding=\"utf-8\"`",
        "",
        "Fixed 1 error:",
        "- a.py:",
        "    1 × JSN101 (loads-read)",
        "",
        "Found 2 errors (1 fixed, 1 remaining) in 1 file checked.",
        "No fixes available (1 hidden fix can be enabled with the `--unsafe-fixes` option).",
        "",
      ].join("\n"),
    );
    const again = tree({ "dumpling.toml": 'fix = true\nunsafe-fixes = true\n', "a.py": SOURCE });
    expect(check(again, ["--no-fix", "--output-format", "json"]).stdout).toMatch(/"code": "JSN101"/);
    expect(readFileSync(join(again, "a.py"), "utf8")).toBe(SOURCE);
    expect(check(again).stdout).toBe("Found 2 errors (2 fixed, 0 remaining) in 1 file checked.\n");
    // unsafe-fixes = false: unsafe fixes are off, and the summary does not count them.
    const off = tree({ "dumpling.toml": "unsafe-fixes = false\n", "a.py": SOURCE });
    expect(check(off).stdout).toMatch(/\nFound 2 errors in 1 file checked\.\n\[\*\] 1 fixable with the `--fix` option\.\n$/);
    expect(check(off, ["--unsafe-fixes", "--fix"]).stdout).toBe("Found 2 errors (2 fixed, 0 remaining) in 1 file checked.\n");
  });

  it("fixable, unfixable, extend-fixable: a rule made unfixable keeps its diagnostics, without fixes", () => {
    const unfixable = tree({ "dumpling.toml": 'unfixable = ["JSN101"]\n', "a.py": SOURCE });
    const r = check(unfixable, ["--fix", "--unsafe-fixes", "--output-format", "concise"]);
    expect(readFileSync(join(unfixable, "a.py"), "utf8")).toBe(SOURCE.replace('open("c.json")', 'open("c.json", encoding="utf-8")'));
    expect(r.stdout).toBe("a.py:3:12: JSN101 `json.loads(f.read())` is what `json.load(f)` does; use `json.load(f)`\nFound 2 errors (1 fixed, 1 remaining) in 1 file checked.\n");
    const only = tree({ "dumpling.toml": 'fixable = ["JSN021"]\n', "a.py": SOURCE });
    check(only, ["--fix", "--unsafe-fixes"]);
    expect(readFileSync(join(only, "a.py"), "utf8")).toBe(SOURCE.replace('open("c.json")', 'open("c.json", encoding="utf-8")'));
    const extended = tree({ "dumpling.toml": 'fixable = ["JSN021"]\nextend-fixable = ["JSN1"]\n', "a.py": SOURCE });
    check(extended, ["--fix", "--unsafe-fixes"]);
    expect(readFileSync(join(extended, "a.py"), "utf8")).toBe('import json\nwith open("c.json", encoding="utf-8") as f:\n    data = json.load(f)\n');
    // The command line's --unfixable is layered over the file.
    const cli = tree({ "dumpling.toml": 'fixable = ["ALL"]\n', "a.py": SOURCE });
    check(cli, ["--fix", "--unsafe-fixes", "--unfixable", "JSN021"]);
    expect(readFileSync(join(cli, "a.py"), "utf8")).toBe(SOURCE.replace("json.loads(f.read())", "json.load(f)"));
  });

  it("extend-ignore is ignore; extend-per-file-ignores adds to per-file-ignores", () => {
    expect(codes(tree({ "dumpling.toml": 'extend-ignore = ["JSN001"]\n', "a.py": BAD }))).toEqual(["a.py:JSN004"]);
    const dir = tree({
      "dumpling.toml": 'extend = "base.toml"\n[extend-per-file-ignores]\n"a.py" = ["JSN004"]\n',
      "base.toml": '[per-file-ignores]\n"a.py" = ["JSN001"]\n',
      "a.py": BAD,
      "b.py": BAD,
    });
    expect(codes(dir)).toEqual(["b.py:JSN001", "b.py:JSN004"]);
    // per-file-ignores of the extending file replace the base's.
    writeFileSync(join(dir, "dumpling.toml"), 'extend = "base.toml"\n[per-file-ignores]\n"a.py" = ["JSN004"]\n');
    expect(codes(dir)).toEqual(["a.py:JSN001", "b.py:JSN001", "b.py:JSN004"]);
  });

  it("extend: the base's settings, its globs relative to it, the extending file's over them", () => {
    const dir = tree({
      "shared/base.toml": 'select = ["JSN001", "JSN004"]\nextend-exclude = ["gen/"]\n[per-file-ignores]\n"tests/*.py" = ["JSN001"]\n',
      "shared/tests/t.py": BAD,
      "app/dumpling.toml": 'extend = "../shared/base.toml"\nextend-select = ["JSN102"]\n',
      "app/tests/t.py": BAD,
      "app/gen/g.py": BAD,
      "app/main.py": BAD,
    });
    // The base's per-file-ignores glob is relative to shared/: it does not reach app/tests/.
    expect(codes(join(dir, "app"))).toEqual(["main.py:JSN001", "main.py:JSN004", "main.py:JSN102", "tests/t.py:JSN001", "tests/t.py:JSN004", "tests/t.py:JSN102"]);
    const shown = dumpling(["check", "--show-settings", "main.py"], { cwd: join(dir, "app") }).stdout;
    expect(shown).toContain(`Settings path: ${JSON.stringify(join(dir, "app/dumpling.toml"))}\nExtends: ${JSON.stringify([join(dir, "shared/base.toml")])}\n`);
    expect(shown).toContain('rules = ["JSN001","JSN004","JSN102"]');
  });

  it("respect-gitignore, include, extend-include", () => {
    const files = { ".gitignore": "gen/\n", "gen/g.py": BAD, "a.py": BAD, "tool.pyw": BAD, "src/b.py": BAD };
    expect(codes(tree(files)).map((c) => c.split(":")[0])).toEqual(["a.py", "a.py", "src/b.py", "src/b.py"]);
    const all = tree({ ...files, "dumpling.toml": "respect-gitignore = false\n" });
    expect(new Set(codes(all).map((c) => c.split(":")[0]))).toEqual(new Set(["a.py", "gen/g.py", "src/b.py"]));
    expect(new Set(codes(tree(files), [".", "--no-respect-gitignore"]).map((c) => c.split(":")[0]))).toEqual(new Set(["a.py", "gen/g.py", "src/b.py"]));
    const pyw = tree({ ...files, "dumpling.toml": 'extend-include = ["*.pyw"]\n' });
    expect(new Set(codes(pyw).map((c) => c.split(":")[0]))).toEqual(new Set(["a.py", "src/b.py", "tool.pyw"]));
    const only = tree({ ...files, "dumpling.toml": 'include = ["src/*.py"]\n' });
    expect(new Set(codes(only).map((c) => c.split(":")[0]))).toEqual(new Set(["src/b.py"]));
    // A file named on the command line is checked whatever include says.
    expect(new Set(codes(only, ["a.py"]).map((c) => c.split(":")[0]))).toEqual(new Set(["a.py"]));
  });

  it("required-version: a PEP 440 specifier, or a bare version meaning exactly it", () => {
    for (const spec of [">=0.1", "==0.1.0", "0.1.0", ">=0.1,<1", "~=0.1"]) {
      expect(check(tree({ "dumpling.toml": `required-version = "${spec}"\n`, "a.py": BAD })).status, spec).toBe(1);
    }
    expect(check(tree({ "dumpling.toml": 'required-version = "0.2.0"\n', "a.py": BAD })).stderr).toBe("dumpling: error: dumpling.toml: required version `0.2.0` does not match the running version `0.1.0`\n");
  });

  it("target-version, or requires-python when it is not set; --target-version over both", () => {
    const loads = 'import json\ndata = json.loads(b, encoding="utf-8")\n';
    const message = (dir: string, args: string[] = []) => (JSON.parse(check(dir, ["--output-format", "json", ...args]).stdout) as { message: string }[])[0]?.message;
    const ignored = "`json.loads()` ignores `encoding` before Python 3.9, which removed it (the call raises `TypeError` there); bytes are decoded automatically (UTF-8, -16 or -32)";
    const removed = "`encoding` was removed from `json.loads()` in Python 3.9; bytes are decoded automatically (UTF-8, -16 or -32)";
    expect(message(tree({ "a.py": loads }))).toBe(removed);
    expect(message(tree({ "dumpling.toml": 'target-version = "py38"\n', "a.py": loads }))).toBe(ignored);
    const inferred = tree({ "pyproject.toml": '[project]\nrequires-python = ">=3.7"\n[tool.dumpling]\n', "a.py": loads });
    expect(message(inferred)).toBe(ignored);
    expect(dumpling(["check", "--show-settings", "a.py"], { cwd: inferred }).stdout).toContain('target-version = "py37"  # from requires-python');
    // requires-python of the pyproject.toml beside a dumpling.toml counts too (as ruff reads it beside ruff.toml).
    expect(message(tree({ "pyproject.toml": '[project]\nrequires-python = ">=3.8,<4"\n', "dumpling.toml": "", "a.py": loads }))).toBe(ignored);
    expect(message(tree({ "pyproject.toml": '[project]\nrequires-python = ">=3.10"\n[tool.dumpling]\n', "a.py": loads }))).toBe(removed);
    expect(message(tree({ "pyproject.toml": '[project]\nrequires-python = ">=3.7"\n[tool.dumpling]\ntarget-version = "py311"\n', "a.py": loads }))).toBe(removed);
    expect(message(inferred, ["--target-version", "py312"])).toBe(removed);
    expect(check(tree({ "a.py": loads }), ["--target-version", "py3"]).stderr).toMatch(/^error: option '--target-version <version>' argument 'py3' is invalid/);
  });
});
