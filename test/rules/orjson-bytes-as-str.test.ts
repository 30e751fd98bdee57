import { describe, expect, it } from "vitest";
import rule from "../../src/rules/orjson-bytes-as-str.js";
import { LIBRARY_VERSIONS, libraryPython, runWithLibraries } from "../support/libraries.js";
import { py, ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    "import orjson\nwith open(p, 'wb') as f:\n    f.write(orjson.dumps(x))",
    "import orjson\nwith open(p, 'w', encoding='utf-8') as f:\n    f.write(orjson.dumps(x).decode())",
    "import orjson\nbody = b'[' + orjson.dumps(x) + b']'",
    "import orjson\ns = f'{orjson.dumps(x).decode()}'",
    { name: "json.dumps returns str", code: "import json\nwith open(p, 'w') as f:\n    f.write(json.dumps(x))\ns = 'x' + json.dumps(x)" },
    { name: "ujson.dumps returns str", code: "import ujson\ns = f'{ujson.dumps(x)}' + ujson.dumps(y)" },
    { name: "a handle of unknown mode", code: "import orjson\ndef save(f):\n    f.write(orjson.dumps(x))" },
    { name: "added to a value of unknown type", code: "import orjson\nbody = prefix + orjson.dumps(x)" },
    { name: "through a variable: not followed", code: "import orjson\nbody = orjson.dumps(x)\ns = 'x' + body" },
  ],
  invalid: [
    {
      code: py`
        import orjson
        with open("out.json", "w", encoding="utf-8") as f:
            f.write(orjson.dumps(data))
      `,
      errors: [{ line: 3, column: 13, endLine: 3, endColumn: 31, message: "`orjson.dumps()` returns bytes, not str, and `f` is open in text mode: `write()` raises `TypeError`; use `orjson.dumps(...).decode()`" }],
      fixes: ["Add `.decode()`"],
      output: py`
        import orjson
        with open("out.json", "w", encoding="utf-8") as f:
            f.write(orjson.dumps(data).decode())
      `,
      applicability: "unsafe",
    },
    {
      name: "sys.stdout and io.StringIO",
      code: "import io, sys, orjson\nsys.stdout.write(orjson.dumps(x))\nbuf = io.StringIO()\nbuf.write(orjson.dumps(x))",
      errors: [{ line: 2, column: 18, endLine: 2, endColumn: 33 }, { line: 4, column: 11, endLine: 4, endColumn: 26 }],
      fixes: ["Add `.decode()`", "Add `.decode()`"],
      output: "import io, sys, orjson\nsys.stdout.write(orjson.dumps(x).decode())\nbuf = io.StringIO()\nbuf.write(orjson.dumps(x).decode())",
    },
    {
      name: "added to a str, on either side",
      code: 'import orjson as oj\nline = "data: " + oj.dumps(x)\nline = (oj.dumps(x)) + "\\n"',
      errors: [
        { line: 2, column: 19, endLine: 2, endColumn: 30, message: "`oj.dumps()` returns bytes, not str, and adding it to a str raises `TypeError`; use `oj.dumps(...).decode()`" },
        { line: 3, column: 9, endLine: 3, endColumn: 20 },
      ],
      fixes: ["Add `.decode()`", "Add `.decode()`"],
      output: 'import orjson as oj\nline = "data: " + oj.dumps(x).decode()\nline = (oj.dumps(x).decode()) + "\\n"',
    },
    {
      name: "an f-string: silently b'...'",
      code: "from orjson import dumps\nmsg = f\"payload={dumps(x)}\"",
      errors: [{ line: 2, column: 18, endLine: 2, endColumn: 26, message: "`dumps()` returns bytes, not str, and an f-string formats it as `b'...'`; use `dumps(...).decode()`" }],
      fixes: ["Add `.decode()`"],
      output: "from orjson import dumps\nmsg = f\"payload={dumps(x).decode()}\"",
    },
  ],
});

describe.skipIf(!libraryPython)(`JSN016's claims, checked with orjson ${LIBRARY_VERSIONS.orjson}`, () => {
  const run = (code: string) => runWithLibraries(`import io, json, orjson, os, sys, tempfile\nos.chdir(tempfile.mkdtemp())\nv = {'a': 'é', 'b': [1, None]}\n${code}`);
  it("each flagged use raises, or silently gives b'...'", () => {
    expect(run("with open('o.json', 'w', encoding='utf-8') as f:\n    f.write(orjson.dumps(v))").error).toBe("TypeError: write() argument must be str, not bytes");
    expect(run("sys.stdout.write(orjson.dumps(v))").error).toBe("TypeError: write() argument must be str, not bytes");
    expect(run("io.StringIO().write(orjson.dumps(v))").error).toBe("TypeError: string argument expected, got 'bytes'");
    expect(run("'data: ' + orjson.dumps(v)").error).toBe('TypeError: can only concatenate str (not "bytes") to str');
    expect(run("orjson.dumps(v) + '\\n'").error).toBe("TypeError: can't concat str to bytes");
    expect(run("assert f'{orjson.dumps(1)}' == \"b'1'\"").error).toBeNull();
  });
  it("the fix gives json's text with ensure_ascii=False and compact separators", () => {
    expect(run("assert orjson.dumps(v).decode() == json.dumps(v, ensure_ascii=False, separators=(',', ':'))").error).toBeNull();
    expect(run("with open('o.json', 'w', encoding='utf-8') as f:\n    f.write(orjson.dumps(v).decode())\nassert open('o.json', 'rb').read() == orjson.dumps(v)").error).toBeNull();
  });
});
