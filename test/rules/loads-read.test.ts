import { describe, expect, it } from "vitest";
import rule from "../../src/rules/loads-read.js";
import { pythonVersion, runPythonJson } from "../support/python.js";
import { py, ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    'import json\nwith open("c.json", encoding="utf-8") as f:\n    data = json.load(f)',
    { name: "read(n) reads part of the file", code: "import json\ndata = json.loads(f.read(10))" },
    { name: "the text is changed first", code: 'import json\ndata = json.loads(f.read().decode("utf-8"))' },
    { name: "an inline open is JSN020's", code: 'import json\ndata = json.loads(open("c.json").read())' },
    { name: "not a read()", code: "import json\ndata = json.loads(r.text)" },
  ],
  invalid: [
    {
      code: 'import json\nwith open("c.json", encoding="utf-8") as f:\n    data = json.loads(f.read())',
      errors: [{ line: 3, column: 12, endLine: 3, endColumn: 32, message: "`json.loads(f.read())` is what `json.load(f)` does; use `json.load(f)`" }],
      fixes: ["Use `json.load(f)`"],
      output: 'import json\nwith open("c.json", encoding="utf-8") as f:\n    data = json.load(f)',
      applicability: "safe",
    },
    {
      name: "options kept, an attribute receiver, an alias",
      code: "import json as j\nimport sys\nv = j.loads(sys.stdin.read(), parse_float=D)",
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 45 }],
      fixes: ["Use `j.load(sys.stdin)`"],
      output: "import json as j\nimport sys\nv = j.load(sys.stdin, parse_float=D)",
      applicability: "safe",
    },
    {
      name: "s= by keyword becomes fp=",
      code: "import json\nv = json.loads(s=f.read())",
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 27 }],
      fixes: ["Use `json.load(f)`"],
      output: "import json\nv = json.load(fp=f)",
    },
    {
      name: "another argument calls a function: read() would run after it, so unsafe",
      code: "import json\nv = json.loads(f.read(), object_hook=make_hook())",
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 50 }],
      fixes: ["Use `json.load(f)`"],
      output: "import json\nv = json.load(f, object_hook=make_hook())",
      applicability: "unsafe",
    },
    {
      name: "simplejson",
      code: py`
        import simplejson
        def read(stream):
            return simplejson.loads(stream.read())
      `,
      errors: [{ line: 3, column: 12, endLine: 3, endColumn: 43 }],
      fixes: ["Use `simplejson.load(stream)`"],
      output: py`
        import simplejson
        def read(stream):
            return simplejson.load(stream)
      `,
    },
    { name: "a bare loads would need a new import: no fix", code: "from json import loads\nv = loads(f.read())", errors: [{ line: 2, column: 5, endLine: 2, endColumn: 20 }], output: null },
  ],
});

// The fix's safety claim, checked in CPython: load(f) and loads(f.read()) give the same value
// or the same exception, for text and binary files.
const COMPARE = String.raw`
import io, json, sys
out = []
for text in json.load(sys.stdin):
    row = []
    for make in (lambda: io.StringIO(text), lambda: io.BytesIO(text.encode("utf-8"))):
        results = []
        for call in (lambda f: json.load(f), lambda f: json.loads(f.read())):
            try:
                results.append(["ok", repr(call(make()))])
            except Exception as e:
                results.append([type(e).__name__, str(e)])
        row.append(results)
    out.append(row)
print(json.dumps(out))
`;

describe.skipIf(!pythonVersion)("JSN101's fix in CPython", () => {
  it("json.load(f) and json.loads(f.read()) agree on values and errors", () => {
    const inputs = ['{"a": [1, 2.5, null]}', "", "[1, 2", "\ufeff{}", "NaN", '"caf\u00e9"', "1e400", "{} x"];
    const rows = runPythonJson<[string, string][][][]>(COMPARE, inputs);
    expect(rows).toHaveLength(inputs.length);
    for (const row of rows) {
      for (const [load, loadsRead] of row) expect(load).toEqual(loadsRead);
    }
    // The inputs cover both outcomes: values and errors.
    expect(rows.flat().some(([r]) => r?.[0] === "ok")).toBe(true);
    expect(rows.flat().some(([r]) => r?.[0] === "JSONDecodeError")).toBe(true);
  });
});
