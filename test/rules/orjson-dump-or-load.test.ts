import { describe, expect, it } from "vitest";
import rule from "../../src/rules/orjson-dump-or-load.js";
import { LIBRARY_VERSIONS, libraryPython, runWithLibraries } from "../support/libraries.js";
import { py, ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    "import orjson\nwith open(p, 'wb') as f:\n    f.write(orjson.dumps(x))",
    "import orjson\nwith open(p, 'rb') as f:\n    data = orjson.loads(f.read())",
    { name: "json has them", code: "import json\njson.dump(x, f)\njson.load(f)" },
    { name: "ujson has them", code: "import ujson\nujson.dump(x, f)\nujson.load(f)" },
    { name: "a local orjson object", code: "import orjson\ndef f(orjson):\n    orjson.dump(x, f)" },
    { name: "no import", code: "orjson.load(f)" },
  ],
  invalid: [
    {
      name: "load: orjson.loads(f.read()), whatever the mode",
      code: py`
        import orjson
        with open(p) as f:
            data = orjson.load(f)
      `,
      errors: [{ line: 3, column: 12, endLine: 3, endColumn: 26, message: "orjson has no `load()`; use `orjson.loads(f.read())` (orjson's `loads()` takes str or bytes)" }],
      fixes: ["Use `orjson.loads(f.read())`"],
      output: py`
        import orjson
        with open(p) as f:
            data = orjson.loads(f.read())
      `,
      applicability: "unsafe",
    },
    {
      name: "load of an attribute, through an alias",
      code: "import orjson as oj\nconfig = oj.load(self.stream)",
      errors: [{ line: 2, column: 10, endLine: 2, endColumn: 30 }],
      fixes: ["Use `oj.loads(self.stream.read())`"],
      output: "import orjson as oj\nconfig = oj.loads(self.stream.read())",
    },
    { name: "load of a call: no fix", code: "import orjson\ndata = orjson.load(open(p, 'rb'))", errors: [{ line: 2, column: 8, endLine: 2, endColumn: 34 }], output: null },
    { name: "load with json's options: no fix", code: "import orjson\ndata = orjson.load(f, object_hook=h)", errors: [{ line: 2, column: 8, endLine: 2, endColumn: 37 }], output: null },
    { name: "from orjson import load: no fix", code: "from orjson import load\ndata = load(f)", errors: [{ line: 2, column: 8, endLine: 2, endColumn: 15, message: /^orjson has no `load\(\)`; use `loads\(f\.read\(\)\)`/ }], output: null },
    {
      name: "dump to a file known to be binary: f.write(orjson.dumps(...)), orjson's options kept",
      code: py`
        import orjson
        with open(p, "wb") as f:
            orjson.dump(data, f, option=orjson.OPT_INDENT_2)
      `,
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 53, message: "orjson has no `dump()`; use `f.write(orjson.dumps(obj))` on a file opened in binary mode (orjson's `dumps()` returns bytes)" }],
      fixes: ["Use `f.write(orjson.dumps(...))`"],
      output: py`
        import orjson
        with open(p, "wb") as f:
            f.write(orjson.dumps(data, option=orjson.OPT_INDENT_2))
      `,
    },
    { name: "dump to a text file: no fix (the bytes would need decoding)", code: 'import orjson\nwith open(p, "w") as f:\n    orjson.dump(data, f)', errors: [{ line: 3, column: 5, endLine: 3, endColumn: 25 }], output: null },
    { name: "dump to a file of unknown mode: no fix", code: "import orjson\ndef save(f):\n    orjson.dump(data, f)", errors: [{ line: 3, column: 5, endLine: 3, endColumn: 25 }], output: null },
    { name: "dump with json's indent: no fix", code: 'import orjson\nwith open(p, "wb") as f:\n    orjson.dump(data, f, indent=2)', errors: [{ line: 3, column: 5, endLine: 3, endColumn: 35 }], output: null },
    { name: "dump's value used: no fix", code: 'import orjson\nwith open(p, "wb") as f:\n    n = orjson.dump(data, f)', errors: [{ line: 3, column: 9, endLine: 3, endColumn: 29 }], output: null },
    { name: "dump without a file", code: "import orjson\nbody = orjson.dump(data)", errors: [{ line: 2, column: 8, endLine: 2, endColumn: 25, message: /use `f\.write\(orjson\.dumps\(obj\)\)`/ }], output: null },
  ],
});

describe.skipIf(!libraryPython)(`JSN015's claims, checked with orjson ${LIBRARY_VERSIONS.orjson}`, () => {
  it("`from orjson import dump` fails at the import", () => {
    expect(runWithLibraries("from orjson import dump").error).toMatch(/^ImportError: cannot import name 'dump' from 'orjson' \(/);
  });
  it("the fixed calls work: loads(f.read()) in text and binary mode, f.write(dumps(...)) in binary mode only", () => {
    const code = [
      "import io, os, tempfile, orjson",
      "p = os.path.join(tempfile.mkdtemp(), 'x.json')",
      "with open(p, 'wb') as f:",
      "    f.write(orjson.dumps({'a': [1, 'é']}, option=orjson.OPT_INDENT_2))",
      "for mode in ['r', 'rb']:",
      "    with open(p, mode, **({} if 'b' in mode else {'encoding': 'utf-8'})) as f:",
      "        assert orjson.loads(f.read()) == {'a': [1, 'é']}",
      "with open(p, 'w') as f:",
      "    f.write(orjson.dumps(1))",
    ].join("\n");
    expect(runWithLibraries(code).error).toBe("TypeError: write() argument must be str, not bytes");
  });
});
