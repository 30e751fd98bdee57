// What each kind of call becomes: the exact TypeScript, its imports, the Python range it
// replaces and the kinds of its notes. Every snippet must also type-check with its free names
// declared as the translator says.
import { describe, expect, it } from "vitest";
import { translateText } from "../../src/translate/index.js";
import type { Mode, Translation } from "../../src/translate/types.js";
import { typecheckSnippet } from "../support/typecheck.js";
import { NATIVE, TS } from "../support/native.js";

/** Dedent, keeping backslashes as written (the sources are Python). */
function py(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.raw.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ""), "");
  const lines = raw.replace(/^\n/, "").split("\n");
  const min = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(min)).join("\n").trimEnd() + "\n";
}

function translations(source: string, mode: Mode = "exact"): Translation[] {
  const r = translateText("case.py", source, { mode, analysis: NATIVE, ts: TS });
  expect(r.errors).toEqual([]);
  return r.translations;
}

interface Case {
  name: string;
  source: string;
  mode?: Mode;
  /** Which call of the file (default: the last). */
  index?: number;
  python: string;
  typescript: string;
  imports: string[];
  notes: string[];
}

const RT = (names: string) => `import { ${names} } from "dumpling-json/runtime";`;
const FS = (names: string) => `import { ${names} } from "node:fs";`;

const CASES: Case[] = [
  {
    name: "dumps with options",
    source: py`
      import json
      s = json.dumps(data, indent=2, sort_keys=True)
    `,
    python: "json.dumps(data, indent=2, sort_keys=True)",
    typescript: "dumps(data, { indent: 2, sortKeys: true })",
    imports: [RT("dumps")],
    notes: [],
  },
  {
    name: "with open for writing, the handle used once",
    source: py`
      import json
      with open(p, "w", encoding="utf-8") as f:
          json.dump(x, f, indent=2)
    `,
    python: 'with open(p, "w", encoding="utf-8") as f:\n    json.dump(x, f, indent=2)',
    typescript: 'writeFileSync(p, dumps(x, { indent: 2 }), "utf8");',
    imports: [FS("writeFileSync"), RT("dumps")],
    notes: ["partial-write"],
  },
  {
    name: "with open for reading into a name",
    source: py`
      import json
      with open(p) as f:
          data = json.load(f)
    `,
    python: "with open(p) as f:\n    data = json.load(f)",
    typescript: 'const data = loads(readFileSync(p, "utf8"));',
    imports: [FS("readFileSync"), RT("loads")],
    notes: ["encoding", "codec-errors"],
  },
  {
    name: "a name bound twice is declared with let, then assigned",
    source: py`
      import json
      data = None
      with open(p, encoding="utf-8") as f:
          data = json.load(f)
    `,
    python: 'with open(p, encoding="utf-8") as f:\n    data = json.load(f)',
    typescript: 'data = loads(readFileSync(p, "utf8"));',
    imports: [FS("readFileSync"), RT("loads")],
    notes: ["codec-errors"],
  },
  {
    name: "binary json.load decodes bytes like CPython",
    source: py`
      import json
      with open(p, "rb") as f:
          data = json.load(f)
    `,
    python: 'with open(p, "rb") as f:\n    data = json.load(f)',
    typescript: "const data = loads(readFileSync(p));",
    imports: [FS("readFileSync"), RT("loads")],
    notes: [],
  },
  {
    name: "loads of f.read() through a single-use handle",
    source: py`
      import json
      with open(p, encoding="latin-1") as f:
          cfg = json.loads(f.read())
    `,
    python: 'with open(p, encoding="latin-1") as f:\n    cfg = json.loads(f.read())',
    typescript: 'const cfg = loads(readFileSync(p, "latin1"));',
    imports: [FS("readFileSync"), RT("loads")],
    notes: [],
  },
  {
    name: "return from a with block",
    source: py`
      import json
      def read(p):
          with open(p, encoding="utf-8") as fp:
              return json.load(fp)
    `,
    python: 'with open(p, encoding="utf-8") as fp:\n        return json.load(fp)',
    typescript: 'return loads(readFileSync(p, "utf8"));',
    imports: [FS("readFileSync"), RT("loads")],
    notes: ["codec-errors"],
  },
  {
    name: "a with block with more statements: the statement, and a note",
    source: py`
      import json
      with open(p, "w", encoding="utf-8") as f:
          log("writing")
          json.dump(x, f)
    `,
    python: "json.dump(x, f)",
    typescript: 'writeFileSync(p, dumps(x), "utf8");',
    imports: [FS("writeFileSync"), RT("dumps")],
    notes: ["with-block", "partial-write"],
  },
  {
    name: "a handle used for more than the call stays a file object",
    source: py`
      import json
      with open(p, "w", encoding="utf-8") as f:
          json.dump(x, f)
          f.write("\n")
    `,
    python: "json.dump(x, f)",
    typescript: "dump(x, f)",
    imports: [RT("dump")],
    notes: ["file-object"],
  },
  {
    name: "append and exclusive modes",
    source: py`
      import json
      with open("log.jsonl", "a", encoding="utf-8") as log:
          log.write(json.dumps(event) + "\n")
    `,
    python: 'with open("log.jsonl", "a", encoding="utf-8") as log:\n    log.write(json.dumps(event) + "\\n")',
    typescript: 'appendFileSync("log.jsonl", dumps(event) + "\\n", "utf8");',
    imports: [FS("appendFileSync"), RT("dumps")],
    // Both sides of + are str: JavaScript's + is Python's there, with nothing to note.
    notes: ["partial-write"],
  },
  {
    name: "print",
    source: py`
      import json
      print(json.dumps(x))
    `,
    python: "print(json.dumps(x))",
    typescript: "console.log(dumps(x));",
    imports: [RT("dumps")],
    notes: [],
  },
  {
    name: "print of a loaded value formats it like Python",
    source: py`
      import json, sys
      print(json.loads(s), file=sys.stderr)
    `,
    python: "print(json.loads(s), file=sys.stderr)",
    typescript: "console.error(pyStr(loads(s)));",
    imports: [RT("loads, pyStr")],
    notes: [],
  },
  {
    name: "sys.stdout.write",
    source: py`
      import json, sys
      sys.stdout.write(json.dumps(x))
    `,
    python: "sys.stdout.write(json.dumps(x))",
    typescript: "process.stdout.write(dumps(x));",
    imports: [RT("dumps")],
    notes: [],
  },
  {
    name: "dump to stdout, load from stdin",
    source: py`
      import json, sys
      json.dump(json.load(sys.stdin), sys.stdout)
    `,
    index: 0,
    python: "json.dump(json.load(sys.stdin), sys.stdout)",
    typescript: 'process.stdout.write(dumps(loads(readFileSync(0, "utf8"))))',
    imports: [FS("readFileSync"), RT("dumps, loads")],
    notes: [],
  },
  {
    name: "an open() call in the argument",
    source: py`
      import json
      config = json.load(open("config.json", encoding="utf-8"))
    `,
    python: 'json.load(open("config.json", encoding="utf-8"))',
    typescript: 'loads(readFileSync("config.json", "utf8"))',
    imports: [FS("readFileSync"), RT("loads")],
    notes: ["codec-errors"],
  },
  {
    name: "Python literals",
    source: py`
      import json
      json.dumps([1.0, -0.0, 1.5, 123456789012345678901234567890, (1, "a"), {1: "x", "b": None}, {"k": True}, "t\té\x00"])
    `,
    python: String.raw`json.dumps([1.0, -0.0, 1.5, 123456789012345678901234567890, (1, "a"), {1: "x", "b": None}, {"k": True}, "t\té\x00"])`,
    typescript: String.raw`dumps([float(1), float(-0), 1.5, 123456789012345678901234567890n, tuple(1, "a"), dict<unknown, unknown>([[1, "x"], ["b", null]]), { k: true }, "t\té\x00"])`,
    imports: [RT("dict, dumps, float, tuple")],
    notes: [],
  },
  {
    name: "indent strings and separators",
    source: py`
      import json
      json.dumps(x, indent="\t", separators=(",", ":"), ensure_ascii=False)
    `,
    python: String.raw`json.dumps(x, indent="\t", separators=(",", ":"), ensure_ascii=False)`,
    typescript: String.raw`dumps(x, { indent: "\t", separators: [",", ":"], ensureAscii: false })`,
    imports: [RT("dumps")],
    notes: [],
  },
  {
    name: "default=str is the runtime's pyStr",
    source: py`
      import json
      json.dumps(x, default=str)
    `,
    python: "json.dumps(x, default=str)",
    typescript: "dumps(x, { default: pyStr })",
    imports: [RT("dumps, pyStr")],
    notes: ["default-str"],
  },
  {
    name: "cls and hooks that are user code keep their names",
    source: py`
      import json
      def decode(d):
          return d
      json.loads(s, cls=MyDecoder, object_hook=decode, parse_float=Decimal, parse_int=int)
    `,
    python: "json.loads(s, cls=MyDecoder, object_hook=decode, parse_float=Decimal, parse_int=int)",
    typescript: "loads(s, { cls: MyDecoder, objectHook: decode, parseFloat: Decimal })",
    imports: [RT("loads")],
    notes: ["port", "port", "port"],
  },
  {
    name: "**kwargs is spread, with a note",
    source: py`
      import json
      json.dumps(x, sort_keys=True, **options)
    `,
    python: "json.dumps(x, sort_keys=True, **options)",
    typescript: "dumps(x, { sortKeys: true, ...options })",
    imports: [RT("dumps")],
    notes: ["star-args"],
  },
  {
    name: "strict=False is passed to the decoder",
    source: py`
      import json
      json.loads(s, strict=False)
    `,
    python: "json.loads(s, strict=False)",
    typescript: "loads(s, { strict: false })",
    imports: [RT("loads")],
    notes: [],
  },
  {
    name: "a bug is translated as its fix intends",
    source: py`
      import json
      json.dump(data, "out.json")
    `,
    python: 'json.dump(data, "out.json")',
    typescript: 'writeFileSync("out.json", dumps(data), "utf8");',
    imports: [FS("writeFileSync"), RT("dumps")],
    notes: ["python-bug", "partial-write"],
  },
  {
    name: "a positional option (fixed to indent=)",
    source: py`
      import json
      s = json.dumps(data, 4)
    `,
    python: "json.dumps(data, 4)",
    typescript: "dumps(data, { indent: 4 })",
    imports: [RT("dumps")],
    notes: ["python-bug"],
  },
  {
    name: "a bug without a fix is translated as written",
    source: py`
      from json import load
      data = load('{"a": 1}')
    `,
    python: `load('{"a": 1}')`,
    typescript: 'load(("{\\"a\\": 1}" as any))',
    imports: [RT("load")],
    notes: ["python-bug", "file-object"],
  },
  {
    name: "simplejson: not json's contract, so a marker",
    source: py`
      import simplejson
      simplejson.dumps(x, use_decimal=True)
    `,
    python: "simplejson.dumps(x, use_decimal=True)",
    typescript: 'untranslated("simplejson.dumps(x, use_decimal=True)", "case.py:2")',
    imports: [RT("untranslated")],
    notes: ["untranslated"],
  },
  {
    name: "orjson.dumps: the runtime's orjsonDumps (bytes), its option resolved through the model",
    source: py`
      import orjson
      body = orjson.dumps(x, option=orjson.OPT_SORT_KEYS)
    `,
    python: "orjson.dumps(x, option=orjson.OPT_SORT_KEYS)",
    typescript: "orjsonDumps(x, { option: ORJSON_OPT.SORT_KEYS })",
    imports: [RT("ORJSON_OPT, orjsonDumps")],
    notes: [],
  },
  {
    name: "orjson.loads: the runtime's orjsonLoads",
    source: py`
      import orjson
      data = orjson.loads(b)
    `,
    python: "orjson.loads(b)",
    typescript: "orjsonLoads(b)",
    imports: [RT("orjsonLoads")],
    notes: [],
  },
  {
    name: "ujson in native mode (compact, escapes /): JSON.stringify with ujson's differences noted, print() with it",
    mode: "native",
    source: py`
      import ujson
      print(ujson.dumps(x))
    `,
    python: "print(ujson.dumps(x))",
    typescript: "console.log(JSON.stringify(x));",
    imports: [],
    notes: ["ensure-ascii", "forward-slashes", "float-layout", "nan", "big-int", "key-order", "non-string-keys", "unserializable"],
  },
  {
    name: "ujson.dump in a with block that serves only it: writeFileSync of ujsonDumps",
    source: py`
      import ujson
      with open("out.json", "w", encoding="utf-8") as f:
          ujson.dump(x, f)
    `,
    python: 'with open("out.json", "w", encoding="utf-8") as f:\n    ujson.dump(x, f)',
    typescript: 'writeFileSync("out.json", ujsonDumps(x), "utf8");',
    imports: [FS("writeFileSync"), RT("ujsonDumps")],
    notes: ["partial-write"],
  },
  {
    name: "orjson.load with its bug noted: the fix's orjson.loads(f.read())",
    source: py`
      import orjson
      with open("data.json", "rb") as f:
          data = orjson.load(f)
    `,
    python: 'with open("data.json", "rb") as f:\n    data = orjson.load(f)',
    typescript: 'const data = orjsonLoads(readFileSync("data.json"));',
    imports: [FS("readFileSync"), RT("orjsonLoads")],
    notes: ["python-bug"],
  },
  {
    name: "json around orjson: each call to its own runtime function",
    source: py`
      import json, orjson
      data = json.loads(orjson.dumps(x))
    `,
    index: 0,
    python: "json.loads(orjson.dumps(x))",
    typescript: "loads(orjsonDumps(x))",
    imports: [RT("loads, orjsonDumps")],
    notes: [],
  },
  {
    name: "native: JSON.stringify with every note an unknown value can show",
    mode: "native",
    source: py`
      import json
      json.dumps(x)
    `,
    python: "json.dumps(x)",
    typescript: "JSON.stringify(x)",
    imports: [],
    notes: ["separators", "ensure-ascii", "nan", "big-int", "float-layout", "key-order", "non-string-keys", "unserializable"],
  },
  {
    name: "native: a literal whose output is exact has no note",
    mode: "native",
    source: py`
      import json
      json.dumps({"a": [1, "b"]}, separators=(",", ":"))
    `,
    python: 'json.dumps({"a": [1, "b"]}, separators=(",", ":"))',
    typescript: 'JSON.stringify({ a: [1, "b"] })',
    imports: [],
    notes: [],
  },
  {
    name: "native: indent maps to the space argument",
    mode: "native",
    source: py`
      import json
      json.dumps({"a": [1, 2]}, indent=2)
    `,
    python: 'json.dumps({"a": [1, 2]}, indent=2)',
    typescript: "JSON.stringify({ a: [1, 2] }, null, 2)",
    imports: [],
    notes: [],
  },
  {
    name: "native: file context",
    mode: "native",
    source: py`
      import json
      with open(p, encoding="utf-8") as f:
          data = json.load(f)
    `,
    python: 'with open(p, encoding="utf-8") as f:\n    data = json.load(f)',
    typescript: 'const data = JSON.parse(readFileSync(p, "utf8"));',
    imports: [FS("readFileSync")],
    notes: ["int-float", "big-int", "nan-literal", "key-order", "codec-errors", "decode-error"],
  },
  {
    name: "native: a literal text parses the same",
    mode: "native",
    source: py`
      import json
      json.loads('{"a": [1, 2.5, "x"]}')
    `,
    python: `json.loads('{"a": [1, 2.5, "x"]}')`,
    typescript: 'JSON.parse("{\\"a\\": [1, 2.5, \\"x\\"]}")',
    imports: [],
    notes: [],
  },
  {
    // Found by fuzzing: `raw` was declared a string, which TextDecoder does not take.
    name: "native: bytes are decoded first, and the name holding them is a Uint8Array",
    mode: "native",
    source: py`
      import json
      def parse(raw: bytes):
          return json.loads(raw)
    `,
    python: "json.loads(raw)",
    typescript: "JSON.parse(new TextDecoder().decode(raw))",
    imports: [],
    notes: ["int-float", "big-int", "nan-literal", "key-order", "bytes-input", "decode-error"],
  },
  {
    // Found in review: the statement was tried first, and its imports and notes stayed behind.
    name: "a with block whose statement has no translation: the call alone, with only what it needs",
    source: py`
      import json
      with open(p) as fh:
          a, b = json.load(fh)
    `,
    python: "json.load(fh)",
    typescript: "load(fh)",
    imports: [RT("load")],
    notes: ["file-object"],
  },
  {
    // Found in review: the translator had its own, shorter list of Python's encoding aliases.
    name: "an encoding under one of Python's aliases (`latin` is latin-1)",
    source: py`
      import json
      with open(p, encoding="latin") as f:
          data = json.load(f)
    `,
    python: 'with open(p, encoding="latin") as f:\n    data = json.load(f)',
    typescript: 'const data = loads(readFileSync(p, "latin1"));',
    imports: [FS("readFileSync"), RT("loads")],
    notes: [],
  },
  {
    name: "a free function that is not a Python builtin is the host's: keyword arguments as a last object",
    source: py`
      import json
      s = json.dumps(to_text(p, errors="strict"))
    `,
    python: 'json.dumps(to_text(p, errors="strict"))',
    typescript: 'dumps(to_text(p, { errors: "strict" }))',
    imports: [RT("dumps")],
    notes: ["port"],
  },
  {
    name: "Python's special attributes are loudly untranslated (a JavaScript object has no __dict__)",
    source: py`
      import json
      s = json.dumps(obj, default=lambda o: o.__dict__)
    `,
    python: "json.dumps(obj, default=lambda o: o.__dict__)",
    typescript: 'dumps(obj, { default: (o: any) => untranslated("o.__dict__", "case.py:2") })',
    imports: [RT("dumps, untranslated")],
    notes: ["untranslated"],
  },
  {
    name: "an asynchronous comprehension is loudly untranslated",
    source: py`
      import json
      async def f(items):
          return json.dumps([x async for x in items])
    `,
    python: "json.dumps([x async for x in items])",
    typescript: 'dumps(untranslated("[x async for x in items]", "case.py:3"))',
    imports: [RT("dumps, untranslated")],
    notes: ["untranslated"],
  },
];

describe("translating calls", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const all = translations(c.source, c.mode);
    const t = all[c.index ?? all.length - 1] as Translation;
    expect(t.python).toBe(c.python);
    expect(c.source.slice(t.start, t.end)).toBe(c.python);
    expect(t.typescript).toBe(c.typescript);
    expect(t.imports).toEqual(c.imports);
    expect(t.notes.map((n) => n.kind)).toEqual(c.notes);
    expect(t.mode).toBe(c.mode ?? "exact");
    expect(typecheckSnippet(t)).toEqual([]);
  });
});

it("free names come in the order the Python mentions them, renamed or with a trailing underscore", () => {
  const [t] = translations("import json\nx = json.dumps(data_, indent=ind, default=new)\n");
  expect((t as Translation).names.map((n) => [n.python, n.typescript])).toEqual([["data_", "data_"], ["ind", "ind"], ["new", "new_"]]);
});
