// The existing rules on orjson and ujson calls: each fires where the library's real contract
// makes the call fail as json's would, and stays silent where the contract differs. Each row is
// checked twice: dumpling's diagnostics, and what the real library does with the same code.
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/rules/index.js";
import { analyzeText } from "../../src/rules/run.js";
import { LineIndex } from "../../src/python/text.js";
import { LIBRARY_VERSIONS, libraryPython, runWithLibraries } from "../support/libraries.js";
import { NATIVE } from "../support/native.js";

// The snippet runs after this, in a fresh directory holding data.json.
const PRELUDE = [
  "import io, json, orjson, ujson, os, tempfile",
  "os.chdir(tempfile.mkdtemp())",
  "with open('data.json', 'w', encoding='utf-8') as _f:",
  "    _f.write('{\"a\": 1}')",
  "",
].join("\n");

interface Row {
  code: string;
  /** The codes dumpling reports on the snippet (with their fix's title, if any). */
  codes: string[];
  /** The last line of the real library's traceback, null when it runs, or "silent" plus what it leaves wrong. */
  python: string | null;
}

const ROWS: Row[] = [
  // JSN001 dump-missing-file: ujson has dump(obj, fp); orjson's is JSN015's.
  { code: "body = ujson.dump({'a': 1})", codes: ["JSN001 Use `ujson.dumps()`"], python: "TypeError: function takes exactly 2 arguments (1 given)" },
  { code: "body = orjson.dump({'a': 1})", codes: ["JSN015"], python: "AttributeError: module 'orjson' has no attribute 'dump'. Did you mean: 'dumps'?" },
  // JSN002 dump-result-used: ujson.dump returns None.
  { code: "f = io.StringIO()\nbody = ujson.dump({'a': 1}, f)\nassert body is None", codes: ["JSN002"], python: null },
  // JSN003 dumps-given-file: the file silently becomes ujson's ensure_ascii, orjson's default.
  { code: "f = open('out.json', 'w')\nujson.dumps({'a': 1}, f)\nf.close()\nassert open('out.json').read() == ''", codes: ["JSN003 Use `ujson.dump()`"], python: null },
  { code: "f = open('out.json', 'wb')\norjson.dumps({'a': 1}, f)\nf.close()\nassert open('out.json').read() == ''", codes: ["JSN003"], python: null },
  { code: "x = ujson.dumps({'a': 1}, True)", codes: [], python: null },
  // JSN004 dump-to-path.
  { code: "ujson.dump({'a': 1}, 'out.json')", codes: ["JSN004 Open `'out.json'` with `open(..., \"w\", encoding=\"utf-8\")` in a `with` block"], python: "TypeError: expected file" },
  // JSN005 load-from-string: ujson.load takes a file.
  { code: "data = ujson.load('{\"a\": 1}')", codes: ["JSN005 Use `ujson.loads()`"], python: "TypeError: expected file" },
  // JSN006 loads-from-file.
  { code: "with open('data.json', encoding='utf-8') as f:\n    data = ujson.loads(f)", codes: ["JSN006 Use `ujson.load()`"], python: "TypeError: Expected string, bytes, or bytearray" },
  { code: "with open('data.json', 'rb') as f:\n    data = orjson.loads(f)", codes: ["JSN006 Use `orjson.loads(f.read())`"], python: "orjson.JSONDecodeError: Input must be bytes, bytearray, memoryview, or str: line 1 column 1 (char 0)" },
  // orjson.loads takes bytes: nothing to report.
  { code: "data = orjson.loads(b'{\"a\": 1}')\ndata = orjson.loads(bytearray(b'1'))", codes: [], python: null },
  { code: "data = json.loads(orjson.dumps({'a': 1}))", codes: [], python: null },
  // JSN007 load-from-path: orjson has no load to rewrite to.
  { code: "data = orjson.loads('data.json')", codes: ["JSN007"], python: "orjson.JSONDecodeError: unexpected character, expected a JSON value: line 1 column 1 (char 0)" },
  { code: "data = ujson.loads('data.json')", codes: ["JSN007 Open `'data.json'` in a `with` block and use `ujson.load(f)`"], python: "ujson.JSONDecodeError: Expected object or value" },
  // JSN008 positional-option is json's: ujson and orjson take options positionally.
  { code: "x = ujson.dumps({'b': 1, 'a': 2}, True, False, True, True)\nassert x == '{\"a\":2,\"b\":1}'", codes: [], python: null },
  // JSN009 unknown-option, with each library's own options.
  { code: "x = ujson.dumps({'a': 1}, cls=json.JSONEncoder)", codes: ["JSN009"], python: "TypeError: 'cls' is an invalid keyword argument for this function" },
  { code: "x = ujson.dumps({'a': 1}, escape_forward_slashes=False, reject_bytes=True, encode_html_chars=True)", codes: [], python: null },
  { code: "x = orjson.loads('1', strict=False)", codes: ["JSN009"], python: "TypeError: orjson.loads() takes no keyword arguments" },
  { code: "x = ujson.loads('1', object_hook=dict)", codes: ["JSN009"], python: "TypeError: function takes at most 1 argument (2 given)" },
  { code: "x = orjson.dumps({'a': 1}, indent=2)", codes: ["JSN014 Use `option=orjson.OPT_INDENT_2`"], python: "TypeError: dumps() got an unexpected keyword argument" },
  // JSN010 dump-to-unwritable-file: ujson.dump writes str.
  { code: "with open('out.json', 'wb') as f:\n    ujson.dump({'a': 1}, f)", codes: ["JSN010 Open the file for writing, in text mode"], python: "TypeError: a bytes-like object is required, not 'str'" },
  // JSN011 load-from-write-only-file.
  { code: "with open('out.json', 'w') as f:\n    data = ujson.load(f)", codes: ["JSN011"], python: "io.UnsupportedOperation: not readable" },
  // JSN101 loads-read (opt-in): ujson.load(f) is ujson.loads(f.read()); orjson has no load.
  { code: "with open('data.json', encoding='utf-8') as f:\n    data = ujson.loads(f.read())", codes: ["JSN101 Use `ujson.load(f)`"], python: null },
  { code: "with open('data.json', encoding='utf-8') as f:\n    data = ujson.loads(obj=f.read())", codes: ["JSN101"], python: null },
  { code: "with open('data.json', 'rb') as f:\n    data = orjson.loads(f.read())", codes: [], python: null },
  // JSN102 write-dumps (opt-in) is about json's own dump.
  { code: "with open('out.json', 'w', encoding='utf-8') as f:\n    f.write(ujson.dumps({'a': 1}))", codes: [], python: null },
  { code: "with open('out.json', 'wb') as f:\n    f.write(orjson.dumps({'a': 1}))", codes: [], python: null },
  // JSN021 open-without-encoding: orjson.load never reads the file.
  { code: "with open('data.json') as f:\n    data = orjson.load(f)", codes: ["JSN015 Use `orjson.loads(f.read())`"], python: "AttributeError: module 'orjson' has no attribute 'load'. Did you mean: 'loads'?" },
  { code: "with open('data.json') as f:\n    data = ujson.load(f)", codes: ["JSN021 Add `encoding=\"utf-8\"`"], python: null },
];

const ALL = RULES.filter((r) => r.meta.code !== "JSN100");

describe("the rules on orjson and ujson calls", () => {
  it.each(ROWS.map((r) => [r.code.split("\n").at(-1) ?? r.code, r] as const))("%s", (_, row) => {
    const text = PRELUDE + row.code + "\n";
    const result = analyzeText("t.py", text, ALL, NATIVE);
    expect(result.internalErrors).toEqual([]);
    const lines = new LineIndex(text);
    const first = PRELUDE.split("\n").length;
    const got = result.diagnostics.filter((d) => lines.position(d.start).row >= first).map((d) => (d.fix ? `${d.code} ${d.fix.message}` : d.code));
    expect(got).toEqual(row.codes);
  });
});

describe.skipIf(!libraryPython)(`the same code with orjson ${LIBRARY_VERSIONS.orjson} and ujson ${LIBRARY_VERSIONS.ujson}`, () => {
  it.each(ROWS.map((r) => [r.code.split("\n").at(-1) ?? r.code, r] as const))("%s", (_, row) => {
    expect(runWithLibraries(PRELUDE + row.code + "\n").error).toBe(row.python);
  });
});
