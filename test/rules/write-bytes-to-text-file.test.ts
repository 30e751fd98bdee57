import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import rule from "../../src/rules/write-bytes-to-text-file.js";
import { pythonVersion, runSnippets } from "../support/python.js";
import { py, ruleTester, runRule, type InvalidCase } from "../support/rule-tester.js";

const valid = [
  'import json\nwith open("o.json", "wb") as f:\n    f.write(json.dumps(d).encode("utf-8"))',
  { name: "str to a text file", code: 'import json\nwith open("o.json", "w", encoding="utf-8") as f:\n    f.write(json.dumps(d) + "\\n")' },
  { name: "print of the str", code: "import json\nprint(json.dumps(d))" },
  { name: "bytes to BytesIO, with a bytes literal", code: 'import io, json\nio.BytesIO().write(json.dumps(d).encode() + b"\\n")' },
  { name: "bytes to sys.stdout.buffer", code: "import json, sys\nsys.stdout.buffer.write(json.dumps(d).encode())" },
  { name: "decoded again", code: 'import io, json\nio.StringIO().write(json.dumps(d).encode().decode())' },
];
const runnable = valid.map((c) => (typeof c === "string" ? c : c.code));
// An unknown handle: nothing is reported.
valid.push({ name: "a handle of unknown kind", code: "import json\nout.write(json.dumps(d).encode())" });

const invalid: InvalidCase[] = [
  {
    code: 'import json\nwith open("o.json", "w", encoding="utf-8") as f:\n    f.write(json.dumps(d).encode("utf-8"))',
    errors: [{ line: 3, column: 13, endLine: 3, endColumn: 42, message: "`json.dumps(...).encode()` is bytes, but `f` is a text file (mode `\"w\"`): `f.write()` raises TypeError: write() argument must be str, not bytes" }],
    fixes: ['Remove `.encode("utf-8")`: the file encodes the text'],
    output: 'import json\nwith open("o.json", "w", encoding="utf-8") as f:\n    f.write(json.dumps(d))',
    applicability: "unsafe",
  },
  {
    name: "a line of JSON: the parentheses go too",
    code: 'import json\nwith open("o.json", "a", encoding="utf-8") as f:\n    f.write((json.dumps(d) + "\\n").encode())',
    errors: [{ line: 3, column: 13, endLine: 3, endColumn: 44 }],
    fixes: ["Remove `.encode()`: the file encodes the text"],
    output: 'import json\nwith open("o.json", "a", encoding="utf-8") as f:\n    f.write(json.dumps(d) + "\\n")',
  },
  {
    name: "a %-formatted line: the parentheses go too",
    code: 'import json\nwith open("o.json", "a", encoding="utf-8") as f:\n    f.write(("%s\\n" % json.dumps(d)).encode())',
    errors: [{ line: 3, column: 13, endLine: 3, endColumn: 46 }],
    fixes: ["Remove `.encode()`: the file encodes the text"],
    output: 'import json\nwith open("o.json", "a", encoding="utf-8") as f:\n    f.write("%s\\n" % json.dumps(d))',
  },
  {
    name: "os.fdopen in text mode",
    code: 'import json, os, tempfile\nfd, path = tempfile.mkstemp()\nwith os.fdopen(fd, "w", encoding="utf-8") as f:\n    f.write(json.dumps(d).encode())',
    errors: [{ line: 4, column: 13, endLine: 4, endColumn: 35, message: "`json.dumps(...).encode()` is bytes, but `f` is a text file (mode `\"w\"`): `f.write()` raises TypeError: write() argument must be str, not bytes" }],
    fixes: ["Remove `.encode()`: the file encodes the text"],
    output: 'import json, os, tempfile\nfd, path = tempfile.mkstemp()\nwith os.fdopen(fd, "w", encoding="utf-8") as f:\n    f.write(json.dumps(d))',
  },
  {
    name: "io.StringIO's own message; encoding= by keyword",
    code: 'import io, json\nbuf = io.StringIO()\nbuf.write(json.dumps(d).encode(encoding="utf8"))',
    errors: [{ line: 3, column: 11, endLine: 3, endColumn: 48, message: "`json.dumps(...).encode()` is bytes, but `buf` is a text file: `buf.write()` raises TypeError: string argument expected, got 'bytes'" }],
    fixes: ['Remove `.encode(encoding="utf8")`: the file encodes the text'],
    output: "import io, json\nbuf = io.StringIO()\nbuf.write(json.dumps(d))",
  },
  {
    name: "sys.stdout",
    code: "import json, sys\nsys.stdout.write(json.dumps(d).encode())",
    errors: [{ line: 2, column: 18, endLine: 2, endColumn: 40, message: "`json.dumps(...).encode()` is bytes, but `sys.stdout` is a text file: `sys.stdout.write()` raises TypeError: write() argument must be str, not bytes" }],
    fixes: ["Remove `.encode()`: the file encodes the text"],
    output: "import json, sys\nsys.stdout.write(json.dumps(d))",
  },
  {
    name: "writelines of a list, a generator",
    code: py`
      import json, sys
      sys.stderr.writelines([json.dumps(d).encode()])
      with open("o.json", "w", encoding="utf-8") as f:
          f.writelines((json.dumps(r) + "\\n").encode() for r in rows)
    `,
    errors: [{ line: 2, column: 24, endLine: 2, endColumn: 46 }, { line: 4, column: 18, endLine: 4, endColumn: 49 }],
    fixes: ["Remove `.encode()`: the file encodes the text", "Remove `.encode()`: the file encodes the text"],
    output: py`
      import json, sys
      sys.stderr.writelines([json.dumps(d)])
      with open("o.json", "w", encoding="utf-8") as f:
          f.writelines(json.dumps(r) + "\\n" for r in rows)
    `,
  },
  {
    name: "writelines with other bytes: no fix",
    code: 'import json\nwith open("o.json", "w", encoding="utf-8") as f:\n    f.writelines([json.dumps(d).encode(), b"\\n"])',
    errors: [{ line: 3, column: 19, endLine: 3, endColumn: 41 }],
    output: null,
  },
  {
    name: "bytes literals added: no fix",
    code: 'import json\nwith open("o.json", "w", encoding="utf-8") as f:\n    f.write(json.dumps(d).encode() + b"\\n")',
    errors: [{ line: 3, column: 13, endLine: 3, endColumn: 43 }],
    output: null,
  },
  {
    name: "another encoding: no fix",
    code: 'import json\nwith open("o.json", "w", encoding="latin-1") as f:\n    f.write(json.dumps(d).encode("latin-1"))',
    errors: [{ line: 3, column: 13, endLine: 3, endColumn: 44 }],
    output: null,
  },
  {
    name: "a text temporary file, gzip in text mode",
    code: py`
      import gzip, json, tempfile
      with tempfile.NamedTemporaryFile("w") as t, gzip.open("o.gz", "wt", encoding="utf-8") as z:
          t.write(json.dumps(d).encode())
          z.write(json.dumps(d).encode())
    `,
    errors: [
      { line: 3, column: 13, endLine: 3, endColumn: 35, message: /`t` is a text file \(mode `"w"`\): `t.write\(\)` raises TypeError: write\(\) argument must be str, not bytes$/ },
      { line: 4, column: 13, endLine: 4, endColumn: 35, message: /`z` is a text file \(mode `"wt"`\): `z.write\(\)` raises TypeError: write\(\) argument must be str, not bytes$/ },
    ],
    fixes: ["Remove `.encode()`: the file encodes the text", "Remove `.encode()`: the file encodes the text"],
    output: py`
      import gzip, json, tempfile
      with tempfile.NamedTemporaryFile("w") as t, gzip.open("o.gz", "wt", encoding="utf-8") as z:
          t.write(json.dumps(d))
          z.write(json.dumps(d))
    `,
  },
  {
    name: "through a name: no fix (the bytes may serve other uses)",
    code: "import json, sys\npayload = json.dumps(d).encode(\"utf-8\")\nsys.stdout.write(payload)",
    errors: [{ line: 3, column: 18, endLine: 3, endColumn: 25, message: "`payload` holds `json.dumps(...).encode()`, bytes, but `sys.stdout` is a text file: `sys.stdout.write()` raises TypeError: write() argument must be str, not bytes" }],
    output: null,
  },
  {
    name: "codecs.open with an encoding: the message names the codec, so it is not quoted",
    code: 'import codecs, json\nwith codecs.open("o.json", "w", encoding="utf-8") as f:\n    f.write(json.dumps(d).encode())',
    errors: [{ line: 3, column: 13, endLine: 3, endColumn: 35, message: "`json.dumps(...).encode()` is bytes, but `f` is a text file (mode `\"w\"`): `f.write()` raises TypeError" }],
    fixes: ["Remove `.encode()`: the file encodes the text"],
    output: 'import codecs, json\nwith codecs.open("o.json", "w", encoding="utf-8") as f:\n    f.write(json.dumps(d))',
  },
];

// print() of the bytes does not raise: it writes their repr.
const printed: InvalidCase[] = [
  {
    name: "print to a text file writes b'...'",
    code: 'import json\nwith open("o.json", "w", encoding="utf-8") as f:\n    print(json.dumps(d).encode(), file=f)',
    errors: [{ line: 3, column: 11, endLine: 3, endColumn: 33, message: "`json.dumps(...).encode()` is bytes, but `f` is a text file (mode `\"w\"`): `print()` writes the bytes' repr (`b'...'`), not the JSON text" }],
    fixes: ["Remove `.encode()`: the file encodes the text"],
    output: 'import json\nwith open("o.json", "w", encoding="utf-8") as f:\n    print(json.dumps(d), file=f)',
  },
  {
    name: "print without file= writes to sys.stdout",
    code: "import json\nprint(json.dumps(d).encode())",
    errors: [{ line: 2, column: 7, endLine: 2, endColumn: 29, message: "`json.dumps(...).encode()` is bytes, but `sys.stdout` is a text file: `print()` writes the bytes' repr (`b'...'`), not the JSON text" }],
    fixes: ["Remove `.encode()`: the file encodes the text"],
    output: "import json\nprint(json.dumps(d))",
  },
];

// simplejson.dumps returns str too (simplejson is not installed with CPython: not run there).
const simplejson: InvalidCase[] = [
  {
    name: "simplejson",
    code: "import sys\nimport simplejson as json\nsys.stdout.write(json.dumps(d).encode())",
    errors: [{ line: 3, column: 18, endLine: 3, endColumn: 40, message: "`json.dumps(...).encode()` is bytes, but `sys.stdout` is a text file: `sys.stdout.write()` raises TypeError: write() argument must be str, not bytes" }],
    fixes: ["Remove `.encode()`: the file encodes the text"],
    output: "import sys\nimport simplejson as json\nsys.stdout.write(json.dumps(d))",
  },
];

ruleTester(rule, { valid, invalid: [...invalid, ...printed, ...simplejson] });

describe.skipIf(!pythonVersion)("JSN013 in CPython", () => {
  it("every flagged write raises the quoted TypeError (or a TypeError when none is quoted); every fix and valid snippet runs", () => {
    const dir = mkdtempSync(join(tmpdir(), "dumpling-jsn013-"));
    const fixed = [...invalid, ...printed].flatMap((c) => (c.output === null ? [] : [c.output]));
    const results = runSnippets([...invalid.map((c) => c.code), ...fixed, ...runnable], dir);
    invalid.forEach((c, i) => {
      const first = runRule(rule, c.code).diagnostics.find((d) => d.code === rule.meta.code);
      const quoted = /raises (TypeError: .*)$/.exec(first?.message ?? "")?.[1];
      if (quoted) expect(results[i], c.code).toBe(quoted);
      else expect(results[i], c.code).toMatch(/^TypeError: /);
    });
    expect(results.slice(invalid.length)).toEqual([...fixed, ...runnable].map(() => null));
  });

  it("print() of the bytes writes their repr, and after the fix the JSON text", () => {
    const dir = mkdtempSync(join(tmpdir(), "dumpling-jsn013-"));
    // The with statement has closed the file; sys.stdout (a TextIOWrapper over a BytesIO) is flushed here.
    const check = (expected: string) =>
      `\nimport sys\nsys.stdout.flush()\nout = open("o.json", encoding="utf-8").read() if "f" in dir() else sys.stdout.buffer.getvalue().decode()\nassert out == ${expected}, repr(out)`;
    const results = runSnippets(printed.flatMap((c) => [c.code + check(`"b'" + json.dumps(d) + "'\\n"`), c.output! + check('json.dumps(d) + "\\n"')]), dir);
    expect(results).toEqual(printed.flatMap(() => [null, null]));
  });
});
