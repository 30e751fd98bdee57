// json reached through a module that re-exports it: a compat module of the checked tree is
// followed (relative and absolute imports, a chain of two); one outside the tree is named in
// `extend-json-modules`. `check` and `convert` find the same calls.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromImports } from "../src/source/reexports.js";
import { dumpling } from "./support/cli.js";
import { tree } from "./support/tree.js";

// JSN006 (loads-from-file) on every call below: a file handle where a string is needed.
const CALL = "json.loads(open('x.json'))\n";

function codes(dir: string, args: string[] = []): [string, number][] {
  const r = dumpling(["check", "--output-format", "json", ...args, "."], { cwd: dir });
  expect(r.stderr).toBe("");
  return (JSON.parse(r.stdout) as { code: string; filename: string; location: { row: number } }[]).map((d) => [`${d.filename} ${d.code}`, d.location.row]);
}

describe("json re-exported by another module", () => {
  it("a compat module of the tree is followed: relative, absolute and through a second module", () => {
    const dir = tree({
      "pkg/__init__.py": "",
      "pkg/compat.py": "try:\n    import simplejson as json\nexcept ImportError:\n    import json\n",
      "pkg/more.py": "from pkg.compat import json\n",
      "pkg/a.py": `from .compat import json\n${CALL}`,
      "pkg/b.py": `from pkg.compat import json\n${CALL}`,
      "pkg/c.py": `from pkg.more import json\n${CALL}`,
      // Not json: a module of the tree whose `json` is something else.
      "pkg/other.py": "json = None\n",
      "pkg/d.py": `from pkg.other import json\n${CALL}`,
    });
    expect(codes(dir)).toEqual([
      ["pkg/a.py JSN006", 2],
      ["pkg/b.py JSN006", 2],
      ["pkg/c.py JSN006", 2],
    ]);
    const r = dumpling(["convert", ".", "--output-format", "json"], { cwd: dir });
    expect((JSON.parse(r.stdout) as { filename: string; typescript: string }[]).map((t) => [t.filename, t.typescript])).toEqual([
      ["pkg/a.py", 'loads(readFileSync("x.json", "utf8"))'],
      ["pkg/b.py", 'loads(readFileSync("x.json", "utf8"))'],
      ["pkg/c.py", 'loads(readFileSync("x.json", "utf8"))'],
    ]);
  });

  it("orjson and ujson re-exported under their own names; convert translates their calls as themselves", () => {
    const dir = tree({
      "pkg/__init__.py": "",
      "pkg/compat.py": "import orjson\nimport ujson\n",
      "pkg/a.py": "from .compat import orjson\norjson.loads(open('x.json'))\n",
      "pkg/b.py": "from pkg.compat import ujson\nujson.loads(open('x.json'))\n",
      // compat binds no json: `from pkg.compat import json` is not json.
      "pkg/c.py": `from pkg.compat import json\n${CALL}`,
    });
    expect(codes(dir)).toEqual([
      ["pkg/a.py JSN006", 2],
      ["pkg/b.py JSN006", 2],
    ]);
    const r = dumpling(["convert", ".", "--output-format", "json"], { cwd: dir });
    const out = JSON.parse(r.stdout) as { filename: string; typescript: string }[];
    expect(out.map((t) => t.filename)).toEqual(["pkg/a.py", "pkg/b.py"]);
    // Each as its fix intends (JSN006): orjson.loads(open(...).read()) keeps the open() a marker; ujson.load reads the file.
    expect(out.map((t) => t.typescript)).toEqual(['orjsonLoads(untranslated("open(\'x.json\')", "pkg/a.py:2"))', 'ujsonLoads(readFileSync("x.json", "utf8"))']);
  });

  it("a module outside the tree: extend-json-modules in the configuration", () => {
    const files = { "app.py": `from botocore.compat import json\n${CALL}` };
    expect(codes(tree(files))).toEqual([]);
    const dir = tree({ ...files, "pyproject.toml": '[tool.dumpling]\nextend-json-modules = ["botocore.compat"]\n' });
    expect(codes(dir)).toEqual([["app.py JSN006", 2]]);
    const r = dumpling(["convert", ".", "--output-format", "json"], { cwd: dir });
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(1);
  });

  it("a name that is not a module is a configuration error", () => {
    const dir = tree({ "pyproject.toml": '[tool.dumpling]\nextend-json-modules = ["botocore/compat"]\n', "app.py": "" });
    const r = dumpling(["check", "."], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("dumpling: error: pyproject.toml: `tool.dumpling.extend-json-modules`: `botocore/compat` is not a module name (a dotted name such as botocore.compat)\n");
  });
});

describe("fromImports", () => {
  // What it replaces: one multiline search of the whole text (the same pattern, anchored with ^).
  const ALL = /^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^#\r\n]*)/gm;
  const spans = (ms: Iterable<RegExpExecArray>) => [...ms].map((m) => [m.index, m[0], m[1], m[2]]);
  const PIECES = ["from", " ", "\t", "\n", "\r\n", "\r", "\u2028", "\u2029", "import", "json", "x.y", ".", "(", ")", ",", "#", "as", "  from a import b\n", "from . import (\n json,\n)\n", "from a import (\nfrom b import c\n)", "a", "ufrom"];

  it("finds what a multiline search finds, statement for statement", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        expect(spans(fromImports(text))).toEqual(spans(text.matchAll(ALL)));
      }),
      { numRuns: 3000 },
    );
  });

  it("on a real module", () => {
    const text = "from __future__ import annotations\nimport os\n  from .compat import (json,\n    from_x)\nx = 'from y import z'\nfrom a.b import c as d  # note\n";
    expect(spans(fromImports(text))).toEqual(spans(text.matchAll(ALL)));
    expect([...fromImports(text)].map((m) => m[1])).toEqual(["__future__", ".compat", "a.b"]);
  });
});
