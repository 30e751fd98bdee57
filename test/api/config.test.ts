// loadConfig and isExcluded: a host (the language server) resolves a file's configuration exactly as
// `dumpling check` does, its own selection layered over the file's, reading the files as they are now.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isExcluded, lint, loadConfig } from "../../src/api/index.js";
import { dumpling } from "../support/cli.js";
import { tree } from "../support/tree.js";

// JSN001 (default on), JSN004 (default on) and JSN102 (opt-in), one of each.
const BAD = 'import json\njson.dump(d)\njson.dump(d, "o.json")\nf.write(json.dumps(d))\n';

const codesOf = (source: string, options: object) => lint(source, options).map((d) => d.code);

function cliCodes(dir: string, args: string[]): string[] {
  const r = dumpling(["check", "--output-format", "json", ...args], { cwd: dir });
  if (r.status === 2) throw new Error(r.stderr);
  return (JSON.parse(r.stdout) as { code: string }[]).map((d) => d.code);
}

describe("loadConfig with a host's selection", () => {
  const dir = tree({
    "pyproject.toml": '[tool.dumpling]\nselect = ["JSN001", "JSN004"]\n[tool.dumpling.per-file-ignores]\n"tests/**" = ["JSN004"]\n',
    "a.py": BAD,
    "tests/t.py": BAD,
  });

  it.each([
    [{ extendSelect: ["JSN102"] }, ["--extend-select", "JSN102"]],
    [{ select: ["JSN102"] }, ["--select", "JSN102"]],
    [{ ignore: ["JSN001"] }, ["--ignore", "JSN001"]],
    // Per-file ignores come after the command line's layer: --extend-select does not bring JSN004 back.
    [{ extendSelect: ["JSN004", "JSN102"] }, ["--extend-select", "JSN004,JSN102"]],
  ])("%j lints each file as check does with %j", (overrides, args) => {
    for (const file of ["a.py", "tests/t.py"]) {
      const options = loadConfig(join(dir, file), overrides);
      expect(codesOf(BAD, options)).toEqual(cliCodes(dir, [...args, file]));
    }
    expect(codesOf(BAD, loadConfig(join(dir, "tests/t.py"), { extendSelect: ["JSN004", "JSN102"] }))).toEqual(["JSN001", "JSN102"]);
  });

  it("without a selection: the codes the file's configuration runs on it (per-file ignores applied)", () => {
    expect(loadConfig(join(dir, "tests/t.py"))).toEqual({ filename: join(dir, "tests/t.py"), select: ["JSN001"] });
    expect(loadConfig(join(dir, "a.py"))).toEqual({ filename: join(dir, "a.py"), select: ["JSN001", "JSN004"] });
  });

  it("the file's target version and fixable codes, as check applies them", () => {
    const d = tree({ "pyproject.toml": '[tool.dumpling]\ntarget-version = "py38"\nunfixable = ["JSN009"]\n', "a.py": 'import json\njson.loads(b, encoding="utf-8")\n' });
    const options = loadConfig(join(d, "a.py"));
    expect(options.targetVersion).toBe("py38");
    const source = 'import json\njson.loads(b, encoding="utf-8")\n';
    const r = dumpling(["check", "--output-format", "json", "a.py"], { cwd: d });
    expect(lint(source, { ...options, filename: "a.py" })).toEqual(JSON.parse(r.stdout));
    expect(lint(source, options)[0]?.fix).toBeNull();
  });

  it("an unknown code in the host's selection throws as lint() does", () => {
    expect(() => loadConfig(join(dir, "a.py"), { select: ["JSN999"] })).toThrow("unknown rule selector `JSN999`");
  });

  it("reads the configuration as it is now (no cache across calls)", () => {
    const d = tree({ "dumpling.toml": 'ignore = ["JSN001"]\n', "a.py": BAD });
    expect(codesOf(BAD, loadConfig(join(d, "a.py")))).toEqual(["JSN004"]);
    writeFileSync(join(d, "dumpling.toml"), 'ignore = ["JSN004"]\n');
    expect(codesOf(BAD, loadConfig(join(d, "a.py")))).toEqual(["JSN001"]);
    writeFileSync(join(d, "dumpling.toml"), "ignore = 1\n");
    expect(() => loadConfig(join(d, "a.py"))).toThrow(`${join(d, "dumpling.toml")}: \`ignore\` must be a list of strings`);
  });
});

describe("isExcluded", () => {
  it("the configuration's exclude and extend-exclude, relative to it; the built-in list when it has none", () => {
    const dir = tree({
      "pyproject.toml": '[tool.dumpling]\nextend-exclude = ["gen/", "*_pb2.py"]\n',
      "a.py": BAD, "gen/x.py": BAD, "m_pb2.py": BAD, ".venv/lib/y.py": BAD, "sub/z.py": BAD,
    });
    const excluded = (p: string) => isExcluded(join(dir, p), "/nowhere");
    expect(["a.py", "gen/x.py", "m_pb2.py", ".venv/lib/y.py", "sub/z.py"].filter(excluded)).toEqual(["gen/x.py", "m_pb2.py", ".venv/lib/y.py"]);
    // The same answers as `check --force-exclude` naming each file.
    const r = dumpling(["check", "--force-exclude", "--output-format", "concise", "a.py", "gen/x.py", "m_pb2.py", ".venv/lib/y.py", "sub/z.py"], { cwd: dir });
    expect([...new Set(r.stdout.split("\n").filter((l) => l.includes("JSN")).map((l) => l.split(":")[0]))]).toEqual(["a.py", "sub/z.py"]);
  });

  it("`exclude` replaces the built-in list; without a config the built-in list applies below root", () => {
    const dir = tree({ "dumpling.toml": 'exclude = ["build"]\n', ".venv/y.py": BAD, "build/b.py": BAD });
    expect(isExcluded(join(dir, ".venv/y.py"))).toBe(false);
    expect(isExcluded(join(dir, "build/b.py"))).toBe(true);
    const bare = tree({ "proj/.venv/y.py": BAD, "proj/a.py": BAD });
    expect(isExcluded(join(bare, "proj/.venv/y.py"), join(bare, "proj"))).toBe(true);
    expect(isExcluded(join(bare, "proj/a.py"), join(bare, "proj"))).toBe(false);
  });
});
