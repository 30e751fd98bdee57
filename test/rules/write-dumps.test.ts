import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import rule from "../../src/rules/write-dumps.js";
import { pythonVersion, runSnippets } from "../support/python.js";
import { py, ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    'import json\nwith open("o.json", "w", encoding="utf-8") as f:\n    json.dump(d, f)',
    { name: "the count write() returns is used", code: "import json\nn = f.write(json.dumps(d))" },
    { name: "more text is written", code: 'import json\nf.write(json.dumps(d) + "\\n")' },
    { name: "not write()", code: "import json\nf.send(json.dumps(d))" },
    { name: "two arguments", code: "import json\nf.write(json.dumps(d), x)" },
    // On a binary file the write raises (JSN012) and json.dump(d, f) would raise the same TypeError.
    { name: "a binary file", code: 'import json\nwith open("o.json", "wb") as f:\n    f.write(json.dumps(d))' },
    { name: "a binary file from Path.open", code: 'import json\nfrom pathlib import Path\nwith Path("o.json").open(mode="ab") as f:\n    f.write(json.dumps(d))' },
    { name: "io.BytesIO", code: "import io, json\nbuf = io.BytesIO()\nbuf.write(json.dumps(d))" },
    { name: "sys.stdout.buffer", code: "import json, sys\nsys.stdout.buffer.write(json.dumps(d))" },
    { name: "a binary temporary file", code: "import json, tempfile\nwith tempfile.TemporaryFile() as t:\n    t.write(json.dumps(d))" },
    { name: "a BinaryIO parameter", code: "import json\nfrom typing import BinaryIO\ndef save(d, out: BinaryIO):\n    out.write(json.dumps(d))" },
  ],
  invalid: [
    {
      code: 'import json\nwith open("o.json", "w", encoding="utf-8") as f:\n    f.write(json.dumps(d, indent=2))  # out',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 37, message: "`f.write(json.dumps(...))` can be `json.dump(..., f)` (slower in CPython; see the docs)" }],
      fixes: ["Use `json.dump(..., f)`"],
      output: 'import json\nwith open("o.json", "w", encoding="utf-8") as f:\n    json.dump(d, f, indent=2)  # out',
      applicability: "unsafe",
    },
    {
      name: "an attribute chain receiver",
      code: "import json, sys\nsys.stdout.write(json.dumps(d))",
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 32 }],
      fixes: ["Use `json.dump(..., sys.stdout)`"],
      output: "import json, sys\njson.dump(d, sys.stdout)",
    },
    {
      name: "simplejson's positional options keep their places",
      code: py`
        import simplejson
        def save(d, out):
            out.write(simplejson.dumps(d, True))
      `,
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 41 }],
      fixes: ["Use `simplejson.dump(..., out)`"],
      output: py`
        import simplejson
        def save(d, out):
            simplejson.dump(d, out, True)
      `,
    },
    { name: "a receiver that is a call: no fix", code: "import json\nget().write(json.dumps(d))", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 27 }], output: null },
    { name: "a bare dumps would need a new import: no fix", code: "from json import dumps\nf.write(dumps(d))", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 18 }], output: null },
  ],
});

// The reason JSN102 stays away from binary files, in CPython: json.dump raises there too.
describe.skipIf(!pythonVersion)("JSN102 and binary files in CPython", () => {
  it("json.dump(d, f) to a binary file raises the TypeError f.write(json.dumps(d)) raises", () => {
    const dir = mkdtempSync(join(tmpdir(), "dumpling-jsn102-"));
    const results = runSnippets(['import json\nwith open("o.json", "wb") as f:\n    f.write(json.dumps(d))', 'import json\nwith open("o.json", "wb") as f:\n    json.dump(d, f)'], dir);
    expect(results).toEqual(["TypeError: a bytes-like object is required, not 'str'", "TypeError: a bytes-like object is required, not 'str'"]);
  });
});
