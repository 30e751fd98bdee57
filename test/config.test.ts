// Configuration files, per-file rules, excludes and --force-exclude.
import { readFileSync, writeFileSync } from "node:fs";
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
