// Native mode's notes are claims about JSON.stringify/JSON.parse versus CPython, so they are
// tested by running both: for each note kind, a call whose translation carries the note and an
// input on which the two outputs differ; and property tests over generated literals and options
// showing that a call translated without a note behaves exactly like CPython.
import { format } from "node:util";
import fc from "fast-check";
import { ts } from "ts-morph";
import { afterAll, describe, expect, it } from "vitest";
import * as runtime from "../../src/runtime/index.js";
import { pyRepr } from "../../src/runtime/index.js";
import { NATIVE_KINDS, type NoteKind } from "../../src/translate/notes.js";
import { translateText } from "../../src/translate/index.js";
import type { Translation } from "../../src/translate/types.js";
import { PythonOracle, pythonAvailable } from "../support/python-oracle.js";
import { programOf, runProgram, runPython } from "../support/translate-program.js";
import { NATIVE, TS } from "../support/native.js";

type Outcome = { ok: string } | { error: string };

function translateNative(source: string): Translation {
  const r = translateText("case.py", `import json\n${source}\n`, { mode: "native", analysis: NATIVE, ts: TS });
  expect(r.errors).toEqual([]);
  const t = r.translations.at(-1);
  if (!t) throw new Error(`no call in ${source}`);
  return t;
}

/** Run a native snippet in this process: an expression's value (repr'd for loads), or what a statement printed. */
function runJs(t: Translation, repr: boolean): Outcome {
  const js = ts.transpileModule(t.typescript, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText
    .replace(/^"use strict";\s*/, "")
    .trim()
    .replace(/;$/, "");
  let printed = "";
  // What console.log would write: util.format of its arguments, and a newline.
  const console = { log: (...args: unknown[]) => (printed += `${format(...args)}\n`) };
  // The runtime's names the snippet imports, and Buffer for bytes literals.
  const names = ["console", "Buffer", ...Object.keys(runtime)];
  const values = [console, Buffer, ...Object.values(runtime)];
  try {
    if (!t.expression) {
      new Function(...names, js)(...values);
      return { ok: printed };
    }
    const value = new Function(...names, `return (${js});`)(...values);
    return { ok: repr ? pyRepr(value) : String(value) };
  } catch (e) {
    return { error: e instanceof Error ? e.constructor.name : String(e) };
  }
}

let oracle: PythonOracle | undefined;
afterAll(() => oracle?.close());

async function askPython(source: string, repr: boolean, statement: boolean, setup = ""): Promise<Outcome> {
  oracle ??= new PythonOracle();
  const code = statement ? `${setup}\n${source}` : `${setup}\nresult = ${repr ? `repr(${source})` : source}`;
  const reply = await oracle.ask({ op: "exec", code });
  if (reply.error) return { error: reply.error.type };
  return { ok: statement ? (reply.stdout ?? "") : (reply.ok as string) };
}

interface Exposure {
  kind: NoteKind;
  /** The Python call, with the input that shows the difference. */
  source: string;
  /** What the TypeScript gives: the difference the note names (CPython gives something else). */
  js: Outcome;
  /** Compare repr() of the value (loads) rather than the string (dumps). */
  repr?: boolean;
  /** Python run before the call (classes it names). */
  setup?: string;
}

const ENCODER = "class MyEncoder(json.JSONEncoder):\n    def encode(self, o):\n        return 'custom'";
const DECODER = "class MyDecoder(json.JSONDecoder):\n    def decode(self, s):\n        return 'custom'";

const EXPOSURES: Exposure[] = [
  { kind: "separators", source: "json.dumps([1, 2])", js: { ok: "[1,2]" } },
  { kind: "ensure-ascii", source: 'json.dumps("é", separators=(",", ":"))', js: { ok: '"é"' } },
  { kind: "lone-surrogate", source: 'json.dumps("\\ud800", ensure_ascii=False)', js: { ok: '"\\ud800"' } },
  { kind: "nan", source: 'json.dumps(float("nan"))', js: { ok: "null" } },
  { kind: "nan", source: 'json.dumps(float("inf"), allow_nan=False)', js: { ok: "null" } },
  { kind: "big-int", source: "json.dumps(12345678901234567890)", js: { error: "TypeError" } },
  { kind: "big-int", source: "json.loads('12345678901234567890')", repr: true, js: { ok: "1.2345678901234567e+19" } },
  { kind: "float-layout", source: "json.dumps(1.0)", js: { ok: "1" } },
  { kind: "float-layout", source: "json.dumps(1e-05)", js: { ok: "0.00001" } },
  { kind: "key-order", source: 'json.dumps({"b": 1, "1": 2}, separators=(",", ":"))', js: { ok: '{"1":2,"b":1}' } },
  { kind: "key-order", source: 'json.loads(\'{"b": 1, "1": 2}\')', repr: true, js: { ok: "{'1': 2, 'b': 1}" } },
  { kind: "non-string-keys", source: 'json.dumps({1.0: "x"}, separators=(",", ":"))', js: { ok: '{"1":"x"}' } },
  { kind: "sort-keys", source: 'json.dumps({"10": 1, "9": 2}, sort_keys=True, separators=(",", ":"))', js: { ok: '{"9":2,"10":1}' } },
  { kind: "sort-keys", source: 'json.dumps({"\\ue000": 1, "\\U0001f600": 2}, sort_keys=True, separators=(",", ":"), ensure_ascii=False)', js: { ok: '{"😀":2,"\ue000":1}' } },
  { kind: "indent", source: "json.dumps([1], indent=0)", js: { ok: "[1]" } },
  { kind: "indent", source: "json.dumps([1], indent=12)", js: { ok: `[\n${" ".repeat(10)}1\n]` } },
  { kind: "indent", source: 'json.dumps([1], indent="")', js: { ok: "[1]" } },
  { kind: "default", source: 'json.dumps([b"x"], default=str, separators=(",", ":"))', js: { ok: '[{"type":"Buffer","data":[120]}]' } },
  { kind: "unserializable", source: "json.dumps({1, 2})", js: { ok: "{}" } },
  { kind: "skipkeys", source: 'json.dumps({(1, 2): 3}, skipkeys=True, separators=(",", ":"))', js: { ok: '{"1,2":3}' } },
  { kind: "encoder-class", source: 'json.dumps([1], cls=MyEncoder, separators=(",", ":"))', setup: ENCODER, js: { ok: "[1]" } },
  { kind: "int-float", source: "json.loads('1.0')", repr: true, js: { ok: "1" } },
  { kind: "nan-literal", source: "json.loads('NaN')", repr: true, js: { error: "SyntaxError" } },
  { kind: "bytes-input", source: "json.loads(b'\\xff\\xfe[\\x001\\x00]\\x00')", repr: true, js: { error: "SyntaxError" } },
  { kind: "decoder-hook", source: 'json.loads(\'{"a": 1, "a": 2}\', object_pairs_hook=list)', repr: true, js: { ok: "[['a', 2]]" } },
  { kind: "decoder-hook", source: "json.loads('1.5', parse_float=str)", repr: true, js: { ok: "1.5" } },
  { kind: "decoder-class", source: "json.loads('[1]', cls=MyDecoder)", repr: true, setup: DECODER, js: { ok: "[1]" } },
  { kind: "strict", source: "json.loads('\"a\\tb\"', strict=False)", repr: true, js: { error: "SyntaxError" } },
  { kind: "decode-error", source: "json.loads('[1,]')", repr: true, js: { error: "SyntaxError" } },
];

describe.skipIf(!pythonAvailable())("native mode: every note names a real difference", () => {
  it("covers every native note kind", () => {
    // ujson's own kinds (escaped slashes, encode_html_chars) json never shows: test/translate/libraries.test.ts
    // exposes them against ujson in the venv.
    const covered = new Set<NoteKind>([...EXPOSURES.map((e) => e.kind), "forward-slashes", "html-chars"]);
    expect(NATIVE_KINDS.filter((k) => !covered.has(k))).toEqual([]);
  });

  // The TypeScript must give exactly the difference the note names (a crash where the note
  // names another difference fails), and CPython something else.
  it.each(EXPOSURES.map((e) => [`${e.kind}: ${e.source}`, e] as const))("%s", async (_, e) => {
    const t = translateNative(e.source);
    expect(t.notes.map((n) => n.kind)).toContain(e.kind);
    const statement = !t.expression;
    expect(runJs(t, !!e.repr)).toEqual(e.js);
    const py = await askPython(e.source, !!e.repr, statement, e.setup);
    expect(py).not.toEqual(e.js);
  });
});

// --- property tests -------------------------------------------------------------------------------

/** A Python literal (source text) of a JSON-able value, built from generated pieces. */
const pyString = fc
  .array(
    fc.oneof(
      fc.constantFrom("a", "b", "1", "9", "10", " ", '"', "\\", "\n", "\t", "\x00", "\x7f", "é", "日", "😀", "\ud800", "\ue000", "/"),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 4 },
  )
  .map((parts) => parts.join(""));

function pyStr(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c >= 0xd800 && c <= 0xdfff) out += "\\u" + c.toString(16);
    else out += ch;
  }
  return out + '"';
}

const pyNumber = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  // A float literal: "1.0" for integral values (unless written with an exponent, which is a float already).
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Number.isInteger(d) && !/e/.test(String(d)) ? `${Object.is(d, -0) ? "-0" : d}.0` : String(d))),
  fc.constantFrom('float("nan")', 'float("inf")', 'float("-inf")', "1e16", "1e-05", "0.1", "-0.0", "2.5"),
);

const pyValue: fc.Arbitrary<string> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("None", "True", "False"),
    pyNumber,
    pyString.map(pyStr),
    fc.array(tie("value"), { maxLength: 3 }).map((xs) => `[${xs.join(", ")}]`),
    fc.array(tie("value"), { maxLength: 3 }).map((xs) => (xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(", ")})`)),
    fc
      .array(fc.tuple(fc.oneof(pyString.map(pyStr), fc.integer({ min: -5, max: 20 }).map(String)), tie("value")), { maxLength: 3 })
      .map((kv) => `{${kv.map(([k, v]) => `${k}: ${v}`).join(", ")}}`),
  ),
})).value;

const pyOptions = fc
  .record(
    {
      indent: fc.constantFrom("None", "0", "2", "11", '"\\t"', '""', "True"),
      separators: fc.constantFrom('(",", ":")', '(", ", ": ")', '(",", ": ")'),
      ensure_ascii: fc.constantFrom("True", "False"),
      sort_keys: fc.constantFrom("True", "False"),
      allow_nan: fc.constantFrom("True", "False"),
    },
    { requiredKeys: [] },
  )
  .map((o) => Object.entries(o).map(([k, v]) => `${k}=${v}`));

/** A JSON text as CPython's own json.dumps writes it (floats like 1.0, NaN, big ints) from a value. */
const jsonText = fc.tuple(pyValue, fc.boolean()).map(([v, compact]) => ({ value: v, compact }));

describe.skipIf(!pythonAvailable())("native mode: a call without notes behaves like CPython", () => {
  it("json.dumps(<literal>, <options>)", async () => {
    let noteFree = 0;
    await fc.assert(
      fc.asyncProperty(pyValue, pyOptions, async (value, options) => {
        const source = `json.dumps(${[value, ...options].join(", ")})`;
        const t = translateNative(source);
        if (t.notes.length > 0) return;
        noteFree++;
        expect(runJs(t, false)).toEqual(await askPython(source, false, false));
      }),
      { numRuns: 400 },
    );
    // The property says something only if note-free calls come up often enough.
    expect(noteFree).toBeGreaterThan(40);
  });

  it("json.loads(<text>)", async () => {
    oracle ??= new PythonOracle();
    let noteFree = 0;
    await fc.assert(
      fc.asyncProperty(jsonText, async ({ value, compact }) => {
        // The text: what CPython writes for the value (a realistic document), as a str literal.
        const reply = await oracle!.ask({ op: "exec", code: `result = json.dumps(${value}${compact ? ', separators=(",", ":")' : ""})` });
        if (reply.error) return;
        const source = `json.loads(${pyStr(reply.ok as string)})`;
        const t = translateNative(source);
        if (t.notes.length > 0) return;
        noteFree++;
        expect(runJs(t, true)).toEqual(await askPython(source, true, false));
      }),
      { numRuns: 300 },
    );
    expect(noteFree).toBeGreaterThan(30);
  });
});

// --- the file notes (both modes): shown by running programs on real files --------------------------

describe.skipIf(!pythonAvailable())("file notes name real differences", () => {
  it.each(["exact", "native"] as const)("%s: codec-errors: a file that is not UTF-8 raises in Python, not in TypeScript", (mode) => {
    const source = 'import json\nwith open("bad.json", encoding="utf-8") as f:\n    data = json.load(f)\nprint(repr(data) if False else "read")\n';
    const { program, translations } = programOf(source, mode);
    expect(translations[0]?.notes.map((n) => n.kind)).toContain("codec-errors");
    const files = { "bad.json": Uint8Array.from([0x22, 0xff, 0x22]) };
    const py = runPython(source, { files });
    const js = runProgram(program, { files });
    expect(py.stderr).toContain("UnicodeDecodeError");
    expect(js.status).toBe(0);
    expect(js.stdout).not.toBe(py.stdout);
  });

  // Native mode has the same note, but no literal makes JSON.stringify throw where json.dump does.
  it.each(["exact"] as const)("%s: partial-write: Python empties the file before the error, writeFileSync never runs", (mode) => {
    const source = 'import json\ntry:\n    with open("out.json", "w", encoding="utf-8") as f:\n        json.dump([1, {2}], f)\nexcept Exception as e:\n    print(type(e).__name__, e)\n';
    const { program, translations } = programOf(source, mode);
    expect(translations[0]?.notes.map((n) => n.kind)).toContain("partial-write");
    const files = { "out.json": "old" };
    const py = runPython(source, { files });
    const js = runProgram(program, { files });
    expect(py.files.get("out.json")).not.toEqual(js.files.get("out.json"));
    expect(Buffer.from(js.files.get("out.json") as string, "base64").toString()).toBe("old");
  });
});
