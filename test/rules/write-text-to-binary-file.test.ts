import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import rule from "../../src/rules/write-text-to-binary-file.js";
import { LIBRARY_VERSIONS, libraryPython, runWithLibraries } from "../support/libraries.js";
import { pythonVersion, runSnippets } from "../support/python.js";
import { py, ruleTester, runRule, type InvalidCase } from "../support/rule-tester.js";

const valid = [
  'import json\nwith open("o.json", "w", encoding="utf-8") as f:\n    f.write(json.dumps(d))',
  'import json\nwith open("o.json", "wb") as f:\n    f.write(json.dumps(d).encode("utf-8"))',
  { name: "codecs.open with an encoding takes str, whatever its mode", code: 'import codecs, json\nwith codecs.open("o.json", "wb", encoding="utf-8") as f:\n    f.write(json.dumps(d))' },
  { name: "print to a text file", code: 'import json\nwith open("o.json", "w", encoding="utf-8") as f:\n    print(json.dumps(d), file=f)' },
  { name: "gzip in text mode", code: 'import gzip, json\nwith gzip.open("o.gz", "wt", encoding="utf-8") as f:\n    f.write(json.dumps(d))' },
  { name: "the encoded bytes with a bytes literal", code: 'import io, json\nio.BytesIO().write(json.dumps(d).encode() + b"\\n")' },
  { name: "a %-format of the encoded bytes with a bytes literal", code: 'import io, json\nio.BytesIO().write(b"%s\\n" % json.dumps(d).encode())' },
  { name: "os.fdopen in text mode", code: 'import json, os, tempfile\nfd, path = tempfile.mkstemp()\nwith os.fdopen(fd, "w", encoding="utf-8") as f:\n    f.write(json.dumps(d))' },
];
// Valid cases that CPython runs: they must run cleanly there.
const runnable = valid.map((c) => (typeof c === "string" ? c : c.code));

const invalid: InvalidCase[] = [
  {
    code: 'import json\nwith open("o.json", "wb") as f:\n    f.write(json.dumps(d))',
    errors: [{ line: 3, column: 13, endLine: 3, endColumn: 26, message: "`json.dumps()` returns str, but `f` is a binary file (mode `\"wb\"`): `f.write()` raises TypeError: a bytes-like object is required, not 'str'" }],
    fixes: ['Encode the text: add `.encode("utf-8")`'],
    output: 'import json\nwith open("o.json", "wb") as f:\n    f.write(json.dumps(d).encode("utf-8"))',
    applicability: "unsafe",
  },
  {
    name: "a line of JSON with + (parenthesized by the fix), single quotes, mode ab",
    code: "import json\nwith open('o.json', 'ab') as f:\n    f.write(json.dumps(d) + '\\n')",
    errors: [{ line: 3, column: 13, endLine: 3, endColumn: 33 }],
    fixes: ["Encode the text: add `.encode('utf-8')`"],
    output: "import json\nwith open('o.json', 'ab') as f:\n    f.write((json.dumps(d) + '\\n').encode('utf-8'))",
  },
  {
    name: "an f-string, r+b",
    code: 'import json\nwith open("o.json", "r+b") as f:\n    f.write(f"{json.dumps(d)}\\n")',
    errors: [{ line: 3, column: 13, endLine: 3, endColumn: 33, message: /mode `"r\+b"`/ }],
    fixes: ['Encode the text: add `.encode("utf-8")`'],
    output: 'import json\nwith open("o.json", "r+b") as f:\n    f.write(f"{json.dumps(d)}\\n".encode("utf-8"))',
  },
  {
    name: "writelines of a list, an assigned handle",
    code: 'import json\nf = open("new.json", "xb")\nf.writelines([json.dumps(d)])\nf.close()',
    errors: [{ line: 3, column: 15, endLine: 3, endColumn: 28, message: /`f.writelines\(\)` raises TypeError/ }],
    fixes: ['Encode the text: add `.encode("utf-8")`'],
    output: 'import json\nf = open("new.json", "xb")\nf.writelines([json.dumps(d).encode("utf-8")])\nf.close()',
  },
  {
    name: "writelines of a generator: JSON lines",
    code: 'import json\nwith open("o.json", "wb") as f:\n    f.writelines(json.dumps(r) + "\\n" for r in rows)',
    errors: [{ line: 3, column: 18, endLine: 3, endColumn: 38 }],
    fixes: ['Encode the text: add `.encode("utf-8")`'],
    output: 'import json\nwith open("o.json", "wb") as f:\n    f.writelines((json.dumps(r) + "\\n").encode("utf-8") for r in rows)',
  },
  {
    name: "writelines of a list comprehension",
    code: 'import json\nwith open("o.json", "wb") as f:\n    f.writelines([json.dumps(r) for r in rows])',
    errors: [{ line: 3, column: 19, endLine: 3, endColumn: 32 }],
    fixes: ['Encode the text: add `.encode("utf-8")`'],
    output: 'import json\nwith open("o.json", "wb") as f:\n    f.writelines([json.dumps(r).encode("utf-8") for r in rows])',
  },
  {
    name: "writelines with other elements: no fix",
    code: 'import json\nwith open("o.json", "wb") as f:\n    f.writelines([json.dumps(d), "\\n"])',
    errors: [{ line: 3, column: 19, endLine: 3, endColumn: 32 }],
    output: null,
  },
  {
    name: "io.BytesIO, simplejson-style alias",
    code: "import io\nfrom json import dumps as to_json\nbuf = io.BytesIO()\nbuf.write(to_json(d))",
    errors: [{ line: 4, column: 11, endLine: 4, endColumn: 21, message: "`to_json()` returns str, but `buf` is a binary file: `buf.write()` raises TypeError: a bytes-like object is required, not 'str'" }],
    fixes: ['Encode the text: add `.encode("utf-8")`'],
    output: 'import io\nfrom json import dumps as to_json\nbuf = io.BytesIO()\nbuf.write(to_json(d).encode("utf-8"))',
  },
  {
    name: "sys.stdout.buffer",
    code: "import json, sys\nsys.stdout.buffer.write(json.dumps(d))",
    errors: [{ line: 2, column: 25, endLine: 2, endColumn: 38, message: "`json.dumps()` returns str, but `sys.stdout.buffer` is a binary file: `sys.stdout.buffer.write()` raises TypeError: a bytes-like object is required, not 'str'" }],
    fixes: ['Encode the text: add `.encode("utf-8")`'],
    output: 'import json, sys\nsys.stdout.buffer.write(json.dumps(d).encode("utf-8"))',
  },
  {
    name: "print to sys.stderr.buffer: print to sys.stderr",
    code: "import json, sys\nprint(json.dumps(d), file=sys.stderr.buffer)",
    errors: [{ line: 2, column: 7, endLine: 2, endColumn: 20, message: "`json.dumps()` returns str, but `sys.stderr.buffer` is a binary file: `print()` raises TypeError: a bytes-like object is required, not 'str'" }],
    fixes: ["Print to `sys.stderr`"],
    output: "import json, sys\nprint(json.dumps(d), file=sys.stderr)",
  },
  {
    name: "print to a file opened in the with: text mode",
    code: py`
      import json
      with open("o.json", "wb") as f:
          print(json.dumps(d, indent=2), end="", file=f)
          print(file=f)
    `,
    errors: [{ line: 3, column: 11, endLine: 3, endColumn: 34 }],
    fixes: ['Open `f` in text mode (`"w"`, `encoding="utf-8"`)'],
    output: py`
      import json
      with open("o.json", "w", encoding="utf-8") as f:
          print(json.dumps(d, indent=2), end="", file=f)
          print(file=f)
    `,
  },
  {
    name: "through a name: encoded where it is written",
    code: py`
      import json
      line = json.dumps(d) + "\\n"
      with open("o.json", "ab") as f:
          f.write(line)
    `,
    errors: [{ line: 4, column: 13, endLine: 4, endColumn: 17, message: "`line` holds the str `json.dumps()` returns, but `f` is a binary file (mode `\"ab\"`): `f.write()` raises TypeError: a bytes-like object is required, not 'str'" }],
    fixes: ['Encode the text: add `.encode("utf-8")`'],
    output: py`
      import json
      line = json.dumps(d) + "\\n"
      with open("o.json", "ab") as f:
          f.write(line.encode("utf-8"))
    `,
  },
  {
    name: "through a name to print",
    code: 'import io, json\ntext = json.dumps(d)\nprint(text, file=io.BytesIO())',
    errors: [{ line: 3, column: 7, endLine: 3, endColumn: 11, message: "`text` holds the str `json.dumps()` returns, but `io.BytesIO()` is a binary file: `print()` raises TypeError: a bytes-like object is required, not 'str'" }],
    output: null,
  },
  {
    name: "print of the encoded bytes to a binary file raises too: no fix",
    code: "import io, json\nprint(json.dumps(d).encode(), file=io.BytesIO())",
    errors: [{ line: 2, column: 7, endLine: 2, endColumn: 29, message: "`print()` writes str (`str()` of the bytes, then `end`), but `io.BytesIO()` is a binary file: `print()` raises TypeError: a bytes-like object is required, not 'str'" }],
    output: null,
  },
  {
    name: "print to a handle that also gets bytes: no fix",
    code: 'import json\nwith open("o.json", "wb") as f:\n    f.write(b"# header\\n")\n    print(json.dumps(d), file=f)',
    errors: [{ line: 4, column: 11, endLine: 4, endColumn: 24 }],
    output: null,
  },
  {
    name: "print to a file opened outside a with: no fix",
    code: 'import json\nf = open("o.json", "wb")\nprint(json.dumps(d), file=f)',
    errors: [{ line: 3, column: 7, endLine: 3, endColumn: 20 }],
    output: null,
  },
  {
    name: "gzip's own message",
    code: 'import gzip, json\nwith gzip.open("o.gz", "w") as f:\n    f.write(json.dumps(d))',
    errors: [{ line: 3, column: 13, endLine: 3, endColumn: 26, message: "`json.dumps()` returns str, but `f` is a binary file (mode `\"w\"`): `f.write()` raises TypeError: memoryview: a bytes-like object is required, not 'str'" }],
    fixes: ['Encode the text: add `.encode("utf-8")`'],
    output: 'import gzip, json\nwith gzip.open("o.gz", "w") as f:\n    f.write(json.dumps(d).encode("utf-8"))',
  },
  {
    name: "%-formatted with a str literal (parenthesized by the fix)",
    code: 'import json\nwith open("o.json", "ab") as f:\n    f.write("%s\\n" % json.dumps(d))',
    errors: [{ line: 3, column: 13, endLine: 3, endColumn: 35, message: "`json.dumps()` returns str, but `f` is a binary file (mode `\"ab\"`): `f.write()` raises TypeError: a bytes-like object is required, not 'str'" }],
    fixes: ['Encode the text: add `.encode("utf-8")`'],
    output: 'import json\nwith open("o.json", "ab") as f:\n    f.write(("%s\\n" % json.dumps(d)).encode("utf-8"))',
  },
  {
    name: "%-formatted with a tuple, then + a literal",
    code: 'import json\nwith open("o.json", "ab") as f:\n    f.write("%s %s" % ("k", json.dumps(d)) + "\\n")',
    errors: [{ line: 3, column: 13, endLine: 3, endColumn: 50 }],
    fixes: ['Encode the text: add `.encode("utf-8")`'],
    output: 'import json\nwith open("o.json", "ab") as f:\n    f.write(("%s %s" % ("k", json.dumps(d)) + "\\n").encode("utf-8"))',
  },
  {
    name: "str.format of a literal, through a name",
    code: 'import json\nline = "{}\\n".format(json.dumps(d))\nwith open("o.json", "wb") as f:\n    f.write(line)',
    errors: [{ line: 4, column: 13, endLine: 4, endColumn: 17, message: /^`line` holds the str `json.dumps\(\)` returns/ }],
    fixes: ['Encode the text: add `.encode("utf-8")`'],
    output: 'import json\nline = "{}\\n".format(json.dumps(d))\nwith open("o.json", "wb") as f:\n    f.write(line.encode("utf-8"))',
  },
  {
    name: "os.fdopen in a binary mode",
    code: 'import json, os, tempfile\nfd, path = tempfile.mkstemp()\nwith os.fdopen(fd, "wb") as f:\n    f.write(json.dumps(d))',
    errors: [{ line: 4, column: 13, endLine: 4, endColumn: 26, message: "`json.dumps()` returns str, but `f` is a binary file (mode `\"wb\"`): `f.write()` raises TypeError: a bytes-like object is required, not 'str'" }],
    fixes: ['Encode the text: add `.encode("utf-8")`'],
    output: 'import json, os, tempfile\nfd, path = tempfile.mkstemp()\nwith os.fdopen(fd, "wb") as f:\n    f.write(json.dumps(d).encode("utf-8"))',
  },
  {
    name: "Path.open, a temporary file",
    code: py`
      import json, tempfile
      from pathlib import Path
      with Path("o.json").open("wb") as f, tempfile.TemporaryFile() as t:
          f.write(json.dumps(d))
          t.write(json.dumps(d))
    `,
    errors: [{ line: 4, column: 13, endLine: 4, endColumn: 26 }, { line: 5, column: 13, endLine: 5, endColumn: 26, message: /`t` is a binary file \(mode `"w\+b"`\): `t.write\(\)` raises TypeError: a bytes-like object is required, not 'str'$/ }],
    fixes: ['Encode the text: add `.encode("utf-8")`', 'Encode the text: add `.encode("utf-8")`'],
    output: py`
      import json, tempfile
      from pathlib import Path
      with Path("o.json").open("wb") as f, tempfile.TemporaryFile() as t:
          f.write(json.dumps(d).encode("utf-8"))
          t.write(json.dumps(d).encode("utf-8"))
    `,
  },
];

// Not run in CPython: simplejson is not installed with it, and an annotated parameter is only a
// claim about what the callers pass.
const notRun: InvalidCase[] = [
  {
    name: "a BinaryIO parameter: the handle's type is unknown, so no exact message",
    code: "import json\nfrom typing import BinaryIO\ndef save(d, out: BinaryIO):\n    out.write(json.dumps(d))",
    errors: [{ line: 4, column: 15, endLine: 4, endColumn: 28, message: "`json.dumps()` returns str, but `out` is a binary file: `out.write()` raises TypeError" }],
    fixes: ['Encode the text: add `.encode("utf-8")`'],
    output: 'import json\nfrom typing import BinaryIO\ndef save(d, out: BinaryIO):\n    out.write(json.dumps(d).encode("utf-8"))',
  },
  {
    name: "simplejson",
    code: py`
      import simplejson
      def save(path, d):
          with open(path, "wb") as f:
              f.write(simplejson.dumps(d))
    `,
    errors: [{ line: 4, column: 17, endLine: 4, endColumn: 36, message: "`simplejson.dumps()` returns str, but `f` is a binary file (mode `\"wb\"`): `f.write()` raises TypeError: a bytes-like object is required, not 'str'" }],
    fixes: ['Encode the text: add `.encode("utf-8")`'],
    output: py`
      import simplejson
      def save(path, d):
          with open(path, "wb") as f:
              f.write(simplejson.dumps(d).encode("utf-8"))
    `,
  },
];

ruleTester(rule, { valid, invalid: [...invalid, ...notRun] });

// The claims, in CPython: each flagged snippet raises the TypeError the message of its first
// diagnostic quotes (the first write is the one that raises), each fixed text and each valid
// snippet runs cleanly.
describe.skipIf(!pythonVersion)("JSN012 in CPython", () => {
  it("every flagged snippet raises the quoted TypeError; every fix and valid snippet runs", () => {
    const dir = mkdtempSync(join(tmpdir(), "dumpling-jsn012-"));
    const fixed = invalid.flatMap((c) => (c.output === null ? [] : [c.output]));
    const results = runSnippets([...invalid.map((c) => c.code), ...fixed, ...runnable], dir);
    invalid.forEach((c, i) => {
      const first = runRule(rule, c.code).diagnostics.find((d) => d.code === rule.meta.code);
      expect(results[i], c.code).toBe(/raises (TypeError: .*)$/.exec(first?.message ?? "")?.[1]);
    });
    expect(results.slice(invalid.length)).toEqual([...fixed, ...runnable].map(() => null));
  });
});

// orjson.dumps returns bytes: a binary file is where it belongs. ujson.dumps returns str, as json's.
describe.skipIf(!libraryPython)(`JSN012 with orjson ${LIBRARY_VERSIONS.orjson} and ujson ${LIBRARY_VERSIONS.ujson}`, () => {
  const orjsonCode = 'import io, orjson\nio.BytesIO().write(orjson.dumps({"a": 1}))\n';
  const ujsonCode = 'import io, ujson\nio.BytesIO().write(ujson.dumps({"a": 1}))\n';
  it("orjson.dumps() to a binary file: not reported, and it runs", () => {
    expect(runRule(rule, orjsonCode).diagnostics.filter((d) => d.code === "JSN012")).toEqual([]);
    expect(runWithLibraries(orjsonCode).error).toBeNull();
  });
  it("ujson.dumps() to a binary file: reported with the TypeError it raises", () => {
    const [d, ...rest] = runRule(rule, ujsonCode).diagnostics.filter((d) => d.code === "JSN012");
    expect(rest).toEqual([]);
    expect(ujsonCode.slice(d?.start, d?.end)).toBe('ujson.dumps({"a": 1})');
    expect(runWithLibraries(ujsonCode).error).toBe(/raises (TypeError: .*)$/.exec(d?.message ?? "")?.[1]);
  });
});
