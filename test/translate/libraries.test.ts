// orjson and ujson calls translated (src/translate/libraries.ts): what each becomes, which stay
// untranslated markers, and, for fixtures/translate-libraries/<case>/, that the program runs like
// input.py does in the venv holding orjson and ujson at the pinned versions (test/support/libraries.ts):
// stdout, stderr and files byte-identical; versions.json records the versions they are checked
// with. DUMPLING_UPDATE_TRANSLATE=1 rewrites expected.ts.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { ts } from "ts-morph";
import { afterAll, describe, expect, it } from "vitest";
import * as runtime from "../../src/runtime/index.js";
import { pyRepr } from "../../src/runtime/index.js";
import type { NoteKind } from "../../src/translate/notes.js";
import { translateText } from "../../src/translate/index.js";
import type { Mode, Translation } from "../../src/translate/types.js";
import { LIBRARY_VERSIONS, libraryPython } from "../support/libraries.js";
import { NATIVE, TS } from "../support/native.js";
import { PythonOracle, toTagged } from "../support/python-oracle.js";
import { programOf, runProgram, runPython } from "../support/translate-program.js";
import { typecheckProgram } from "../support/typecheck.js";

function translate(source: string, mode: Mode = "exact"): Translation[] {
  const r = translateText("case.py", source, { mode, analysis: NATIVE, ts: TS });
  expect(r.errors).toEqual([]);
  return r.translations;
}

const last = (source: string, mode: Mode = "exact"): Translation => translate(source, mode).at(-1)!;

describe("orjson.loads and ujson.loads/load in native mode: JSON.parse with notes", () => {
  it.each([
    ["import orjson\nx = orjson.loads(s)", "JSON.parse(s)", ["int-float", "big-int", "key-order", "decode-error"]],
    ["import ujson\nx = ujson.loads(s)", "JSON.parse(s)", ["int-float", "big-int", "nan-literal", "key-order", "decode-error"]],
    ["import ujson\nx = ujson.load(f)", "JSON.parse(f.read())", ["int-float", "big-int", "nan-literal", "key-order", "decode-error", "file-object"]],
    ["import orjson\nx = orjson.loads(b'[1]')", "JSON.parse(new TextDecoder().decode(Buffer.from(\"[1]\", \"latin1\")))", ["bytes-input", "int-float", "big-int", "key-order", "decode-error"]],
    ['import ujson\nx = ujson.loads(\'{"a": [1, "b"]}\')', 'JSON.parse("{\\"a\\": [1, \\"b\\"]}")', []],
    ['import ujson\nx = ujson.loads(\'[1.0, NaN]\')', 'JSON.parse("[1.0, NaN]")', ["int-float", "nan-literal"]],
  ])("%s", (source, typescript, kinds) => {
    const t = last(source, "native");
    expect(t.typescript).toBe(typescript);
    expect(t.notes.map((n) => n.kind).sort()).toEqual([...kinds].sort());
  });
});

describe("orjson and ujson calls in exact mode", () => {
  it.each([
    ["import orjson\nx = orjson.dumps(d)", "orjsonDumps(d)"],
    ["import orjson\nx = orjson.dumps(d, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)", "orjsonDumps(d, { option: ORJSON_OPT.INDENT_2 | ORJSON_OPT.SORT_KEYS })"],
    ["import orjson as oj\nfrom orjson import OPT_NON_STR_KEYS as K\nx = oj.dumps(d, None, K | 32)", "orjsonDumps(d, { option: ORJSON_OPT.NON_STR_KEYS | 32 })"],
    ["from orjson import loads\nx = loads(s)", "orjsonLoads(s)"],
    ["import ujson\nx = ujson.dumps(d, ensure_ascii=False, indent=2, sort_keys=flag)", "ujsonDumps(d, { ensureAscii: false, indent: 2, sortKeys: pyBool(flag) })"],
    ["import ujson\nx = ujson.dumps(d, True, True, False, separators=(',', ': '))", 'ujsonDumps(d, { ensureAscii: true, encodeHtmlChars: true, escapeForwardSlashes: false, separators: [",", ": "] })'],
    ["import ujson\nx = ujson.loads(s)", "ujsonLoads(s)"],
    ["import ujson\nujson.dump(d, f, reject_bytes=False)", "ujsonDump(d, f, { rejectBytes: false })"],
  ])("%s", (source, typescript) => {
    expect(last(source).typescript).toBe(typescript);
  });

  it.each([
    ["import orjson\norjson.dumps(d, option=orjson.OPT_NAIVE_UTC)", "OPT_NAIVE_UTC"],
    ["import orjson\norjson.dumps(d, option=orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_INDENT_2)", "OPT_SERIALIZE_NUMPY"],
    ["import orjson\norjson.dumps(d, option=opts)", "not known where the call is"],
    ["import orjson\norjson.dumps(d, option=2)", "flags the runtime does not reproduce"],
    ["import orjson\norjson.dumps(d, option=orjson.OPT_INDENT_2 + orjson.OPT_SORT_KEYS)", "not known where the call is"],
    ["import orjson\norjson.dump(d, f)", "AttributeError"],
    ["import ujson\nujson.dumps(d, **kw)", "**kwargs"],
    ["import ujson\nujson.dumps(d, separators=[',', ':'])", "tuple of two str literals"],
    ["import ujson\nujson.dumps(d, separators=seps)", "tuple of two str literals"],
    ["import orjson\norjson.dumps(d, option=orjson.OPT_NAIVE_UTC)", "native: OPT_NAIVE_UTC"],
    ["import orjson\norjson.dumps(d, option=opts)", "native: not known where the call is"],
    ["import ujson\nujson.dump(d, f, **kw)", "native: **kwargs"],
    ["import ujson\nujson.dumps(d, separators=seps)", "native: tuple of two str literals"],
    ["import ujson\nujson.dumps(d, indent=None)", "native: indent=None"],
  ])("%s stays an untranslated marker", (source, why) => {
    const native = why.startsWith("native: ");
    const t = last(source, native ? "native" : "exact");
    why = why.replace(/^native: /, "");
    expect(t.typescript).toMatch(/^untranslated\(/);
    expect(t.notes.map((n) => n.message).join("\n")).toContain(why);
  });

  it("a with block whose handle serves only ujson.dump/load becomes writeFileSync/readFileSync", () => {
    const [dump, load] = translate('import ujson\nwith open(p, "w", encoding="utf-8") as f:\n    ujson.dump(d, f, indent=2)\nwith open(p, encoding="utf-8") as f:\n    x = ujson.load(f)\n');
    expect(dump!.typescript).toBe('writeFileSync(p, ujsonDumps(d, { indent: 2 }), "utf8");');
    expect(load!.typescript).toBe('const x = ujsonLoads(readFileSync(p, "utf8"));');
  });

  it("so does one whose handle serves only orjson.loads(f.read()); orjson.dumps stays the call alone (its value is bytes)", () => {
    const [load, dumps] = translate('import orjson\nwith open(p, "rb") as f:\n    x = orjson.loads(f.read())\nprint(orjson.dumps(x))\n');
    expect(load!.typescript).toBe("const x = orjsonLoads(readFileSync(p));");
    expect([dumps!.python, dumps!.typescript]).toEqual(["orjson.dumps(x)", "orjsonDumps(x)"]);
  });
});

describe.skipIf(!libraryPython)("native loads: a text with no note reads as the library reads it; one with a certain note does not", () => {
  const TEXTS = ['{"a": [1, "b", true, null]}', '[1.0]', '{"b": 1, "1": 2}', "[12345678901234567890]", "[NaN]", '"\\u00e9"', "[1e5]", "[-0]", '{"a": {"b": []}}', "[0.5, -2]", '"\\ud800"', "[1e400]"];
  it.each(["orjson", "ujson"])("%s", async (module) => {
    const oracle = new PythonOracle(libraryPython!);
    try {
      const replies = await oracle.batch(TEXTS.map((s) => ({ op: `${module}.loads`, s })));
      TEXTS.forEach((text, i) => {
        const t = last(`import ${module}\nx = ${module}.loads(${JSON.stringify(text)})\n`, "native");
        // Certain notes of either level: review (inputs where the library reads the text) or info (where it raises).
        const certain = t.notes.filter((n) => n.certainty === "certain");
        const reply = replies[i]!;
        let js: unknown;
        try {
          js = toTagged(new Function(`return ${t.typescript}`)());
        } catch (err) {
          js = `raises ${(err as Error).name}`;
        }
        const same = JSON.stringify(js) === JSON.stringify(reply.error ? `raises ${reply.error.type}` : reply.ok);
        expect(same, `${module}.loads(${text}): ${t.typescript} with notes ${certain.map((n) => n.kind)}`).toBe(certain.length === 0);
      });
    } finally {
      oracle.close();
    }
  });
});

describe("orjson.dumps and ujson.dumps/dump in native mode: JSON.stringify with notes", () => {
  it.each([
    ["import orjson\nx = orjson.dumps(d)", "new TextEncoder().encode(JSON.stringify(d))", ["float-layout", "big-int", "lone-surrogate", "key-order", "non-string-keys", "unserializable"]],
    ["import orjson\nx = orjson.dumps({'a': [1, 'é']}, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)", 'new TextEncoder().encode(JSON.stringify({ a: [1, "é"] }, null, 2) + "\\n")', []],
    ["import orjson\nx = orjson.dumps({1: 2}, option=orjson.OPT_NON_STR_KEYS)", 'new TextEncoder().encode(JSON.stringify({ "1": 2 }))', []],
    ["import ujson\nx = ujson.dumps(d)", "JSON.stringify(d)", ["ensure-ascii", "forward-slashes", "float-layout", "nan", "big-int", "key-order", "non-string-keys", "unserializable"]],
    ["import ujson\nx = ujson.dumps({'a': 'x/y'}, indent=4, escape_forward_slashes=False)", 'JSON.stringify({ a: "x/y" }, null, 4)', []],
    ["import ujson\nx = ujson.dumps(['<é>'], ensure_ascii=False, encode_html_chars=True)", 'JSON.stringify(["<é>"])', ["html-chars"]],
  ])("%s", (source, typescript, kinds) => {
    const t = last(source, "native");
    expect(t.typescript).toBe(typescript);
    expect(t.notes.map((n) => n.kind).sort()).toEqual([...kinds].sort());
  });

  it("a with block whose handle serves only ujson.dump/load becomes writeFileSync/readFileSync, as json's native mode does", () => {
    const [dump, load] = translate('import ujson\nwith open(p, "w", encoding="utf-8") as f:\n    ujson.dump(d, f, indent=2)\nwith open(p, encoding="utf-8") as f:\n    x = ujson.load(f)\n', "native");
    expect(dump!.typescript).toBe('writeFileSync(p, JSON.stringify(d, null, 2), "utf8");');
    expect(load!.typescript).toBe('const x = JSON.parse(readFileSync(p, "utf8"));');
  });
});

describe.skipIf(!libraryPython)("native dumps in whole programs", () => {
  it("type-check (options, replacers, indents not known where the call is, file writes)", () => {
    const source = [
      "import orjson, ujson",
      "def f(d, ind, flag, fp, p):",
      "    a = orjson.dumps(d)",
      "    b = orjson.dumps(d, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE, default=str)",
      "    c = ujson.dumps(d, indent=ind, sort_keys=flag, ensure_ascii=flag)",
      '    e = ujson.dumps({"a": [1, 2.5, "x/y"]}, indent=2, separators=(",", ": "), default=repr)',
      "    ujson.dump(d, fp, indent=4)",
      '    with open(p, "w") as h:',
      "        ujson.dump(d, h)",
      '    g = orjson.dumps({1: "a", 2.5: [1.0]}, option=orjson.OPT_NON_STR_KEYS)',
      "",
    ].join("\n");
    const { program } = programOf(source, "native");
    expect(program).toContain("new TextEncoder().encode(JSON.stringify(d))");
    expect(typecheckProgram(program)).toEqual([]);
  });

  it("a with block around ujson.dump with no certain note writes the file ujson writes", () => {
    const source = 'import ujson\nwith open("out.json", "w", encoding="utf-8") as f:\n    ujson.dump({"a": [1, 2, {"b": None}], "c": "x"}, f, indent=2)\n';
    const { program, translations } = programOf(source, "native");
    expect(translations[0]!.notes.filter((n) => n.certainty === "certain")).toEqual([]);
    const py = runPython(source, { python: libraryPython! });
    const js = runProgram(program);
    expect(py.status, py.stderr).toBe(0);
    expect(py.files.get("out.json")).toBeTruthy();
    expect(js.files).toEqual(py.files);
  });
});

// --- native dumps against the real libraries: each note names a real difference, a call without a note writes the library's text ---

type Outcome = { ok: string } | { error: string };

/** A native snippet run in this process: repr of its value (a Uint8Array decoded as UTF-8: orjson's bytes), or the class of what it threw. */
function runNative(t: Translation): Outcome {
  const js = ts.transpileModule(t.typescript, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText
    .replace(/^"use strict";\s*/, "")
    .trim()
    .replace(/;$/, "");
  const names = ["Buffer", ...Object.keys(runtime)];
  try {
    const value: unknown = new Function(...names, `return (${js});`)(Buffer, ...Object.values(runtime));
    return { ok: pyRepr(value instanceof Uint8Array ? new TextDecoder().decode(value) : value) };
  } catch (e) {
    return { error: e instanceof Error ? e.constructor.name : String(e) };
  }
}

let libraryOracle: PythonOracle | undefined;
afterAll(() => libraryOracle?.close());

/** The library's result for the same call: repr of the text (orjson's bytes decoded), or the builtin class of what it raised (orjson.JSONEncodeError is a TypeError). */
async function askLibrary(source: string): Promise<Outcome> {
  libraryOracle ??= new PythonOracle(libraryPython!);
  const code = [
    "import orjson, ujson",
    "try:",
    `    r = ${source}`,
    "    result = ['ok', repr(r.decode('utf-8') if isinstance(r, bytes) else r)]",
    "except Exception as e:",
    "    result = ['error', next(c.__name__ for c in type(e).__mro__ if c.__module__ == 'builtins')]",
  ].join("\n");
  const reply = await libraryOracle.ask({ op: "exec", code });
  if (reply.error) throw new Error(`${source}: ${reply.error.line}`);
  const [tag, value] = reply.ok as [string, string];
  return tag === "ok" ? { ok: value } : { error: value };
}

function translateLibrary(source: string): Translation {
  const module = source.startsWith("orjson") ? "orjson" : "ujson";
  return last(`import ${module}\nx = ${source}\n`, "native");
}

/** For each note kind of native orjson/ujson dumps: a call carrying it, what the TypeScript gives (repr'd), and the library gives something else. */
const LIBRARY_EXPOSURES: { kind: NoteKind; source: string; js: Outcome }[] = [
  { kind: "float-layout", source: "orjson.dumps(1.0)", js: { ok: "'1'" } },
  { kind: "float-layout", source: "orjson.dumps(1e-06)", js: { ok: "'0.000001'" } },
  { kind: "big-int", source: "orjson.dumps(12345678901234567890)", js: { error: "TypeError" } },
  { kind: "lone-surrogate", source: 'orjson.dumps("\\ud800")', js: { ok: "'\"\\\\ud800\"'" } },
  { kind: "key-order", source: 'orjson.dumps({"b": 1, "1": 2})', js: { ok: "'{\"1\":2,\"b\":1}'" } },
  { kind: "non-string-keys", source: "orjson.dumps({1: 2})", js: { ok: "'{\"1\":2}'" } },
  { kind: "non-string-keys", source: "orjson.dumps({1.0: 2}, option=orjson.OPT_NON_STR_KEYS)", js: { ok: "'{\"1\":2}'" } },
  { kind: "non-string-keys", source: 'orjson.dumps({1: "a", "1": "b"}, option=orjson.OPT_NON_STR_KEYS)', js: { ok: "'{\"1\":\"b\"}'" } },
  { kind: "unserializable", source: "orjson.dumps({1, 2})", js: { ok: "'{}'" } },
  { kind: "sort-keys", source: 'orjson.dumps({"10": 1, "9": 2}, option=orjson.OPT_SORT_KEYS)', js: { ok: "'{\"9\":2,\"10\":1}'" } },
  { kind: "sort-keys", source: "orjson.dumps({2: None, 10: None}, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS)", js: { ok: "'{\"2\":null,\"10\":null}'" } },
  { kind: "default", source: 'orjson.dumps([b"x"], default=str)', js: { ok: "'[{\"type\":\"Buffer\",\"data\":[120]}]'" } },
  { kind: "ensure-ascii", source: 'ujson.dumps("é")', js: { ok: "'\"é\"'" } },
  { kind: "lone-surrogate", source: 'ujson.dumps("\\ud800", ensure_ascii=False)', js: { ok: "'\"\\\\ud800\"'" } },
  { kind: "forward-slashes", source: 'ujson.dumps("a/b")', js: { ok: "'\"a/b\"'" } },
  { kind: "html-chars", source: 'ujson.dumps("<&>", encode_html_chars=True)', js: { ok: "'\"<&>\"'" } },
  { kind: "float-layout", source: "ujson.dumps(1.0)", js: { ok: "'1'" } },
  { kind: "float-layout", source: "ujson.dumps(1e-05)", js: { ok: "'0.00001'" } },
  { kind: "nan", source: 'ujson.dumps(float("nan"))', js: { ok: "'null'" } },
  { kind: "nan", source: 'ujson.dumps(float("inf"), allow_nan=False)', js: { ok: "'null'" } },
  { kind: "big-int", source: "ujson.dumps(12345678901234567890)", js: { error: "TypeError" } },
  { kind: "key-order", source: 'ujson.dumps({"b": 1, "1": 2})', js: { ok: "'{\"1\":2,\"b\":1}'" } },
  { kind: "non-string-keys", source: "ujson.dumps({1.0: 2})", js: { ok: "'{\"1\":2}'" } },
  { kind: "non-string-keys", source: "ujson.dumps({(1, 2): 3})", js: { ok: "'{\"1,2\":3}'" } },
  { kind: "sort-keys", source: 'ujson.dumps({"10": 1, "9": 2}, sort_keys=True)', js: { ok: "'{\"9\":2,\"10\":1}'" } },
  { kind: "indent", source: "ujson.dumps([1], indent=12)", js: { ok: `'[\\n${" ".repeat(10)}1\\n]'` } },
  { kind: "indent", source: 'ujson.dumps({"a": 1}, indent=-1)', js: { ok: "'{\"a\":1}'" } },
  { kind: "separators", source: 'ujson.dumps([1, 2], separators=(", ", ":"))', js: { ok: "'[1,2]'" } },
  { kind: "unserializable", source: "ujson.dumps({1, 2})", js: { ok: "'{}'" } },
  { kind: "default", source: 'ujson.dumps([b"x"], default=str)', js: { ok: "'[{\"type\":\"Buffer\",\"data\":[120]}]'" } },
];

describe.skipIf(!libraryPython)("native orjson.dumps and ujson.dumps: every note names a real difference (checked against the venv)", () => {
  it("covers every kind a native orjson or ujson dumps can carry", () => {
    const covered = new Set(LIBRARY_EXPOSURES.map((x) => x.kind));
    const kinds: NoteKind[] = ["ensure-ascii", "lone-surrogate", "forward-slashes", "html-chars", "float-layout", "nan", "big-int", "key-order", "non-string-keys", "sort-keys", "indent", "separators", "unserializable", "default"];
    expect(kinds.filter((k) => !covered.has(k))).toEqual([]);
  });

  it.each(LIBRARY_EXPOSURES.map((x) => [`${x.kind}: ${x.source}`, x] as const))("%s", async (_, x) => {
    const t = translateLibrary(x.source);
    expect(t.notes.map((n) => n.kind)).toContain(x.kind);
    expect(runNative(t)).toEqual(x.js);
    expect(await askLibrary(x.source)).not.toEqual(x.js);
  });
});

/** A Python literal of a value orjson and ujson both take, built from pieces that show their differences. */
const pyString = fc
  .array(fc.constantFrom("a", "b", "1", "9", "10", " ", '"', "\\", "\n", "\t", "\x00", "\x1f", "\x7f", "é", "日", "😀", "\ud800", "\u2028", "/", "<", "&", "'"), { maxLength: 4 })
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
  fc.bigInt({ min: -(2n ** 66n), max: 2n ** 66n }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Number.isInteger(d) && !/e/.test(String(d)) ? `${Object.is(d, -0) ? "-0" : d}.0` : String(d))),
  fc.constantFrom('float("nan")', 'float("-inf")', "1e16", "1e-05", "1e-06", "1e-07", "0.1", "-0.0", "2.5", "123.456", "1e22"),
);

const pyKey = fc.oneof(pyString.map(pyStr), fc.integer({ min: -5, max: 20 }).map(String), fc.constantFrom("None", "True", "1.5"));

const pyValue: fc.Arbitrary<string> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("None", "True", "False"),
    pyNumber,
    pyString.map(pyStr),
    fc.array(tie("value"), { maxLength: 3 }).map((xs) => `[${xs.join(", ")}]`),
    fc.array(fc.tuple(pyKey, tie("value")), { maxLength: 3 }).map((kv) => `{${kv.map(([k, v]) => `${k}: ${v}`).join(", ")}}`),
  ),
})).value;

const orjsonOptions = fc
  .subarray(["orjson.OPT_INDENT_2", "orjson.OPT_SORT_KEYS", "orjson.OPT_APPEND_NEWLINE", "orjson.OPT_NON_STR_KEYS", "orjson.OPT_STRICT_INTEGER"])
  .map((flags) => (flags.length === 0 ? [] : [`option=${flags.join(" | ")}`]));

const ujsonOptions = fc
  .record(
    {
      ensure_ascii: fc.constantFrom("True", "False"),
      escape_forward_slashes: fc.constantFrom("True", "False"),
      encode_html_chars: fc.constantFrom("True", "False"),
      sort_keys: fc.constantFrom("True", "False"),
      indent: fc.constantFrom("0", "1", "2", "4", "10", "12", "-1", "True", "False"),
      allow_nan: fc.constantFrom("True", "False"),
      separators: fc.constantFrom('(",", ":")', '(", ", ": ")', '(",", ": ")'),
    },
    { requiredKeys: [] },
  )
  .map((o) => Object.entries(o).map(([k, v]) => `${k}=${v}`));

describe.skipIf(!libraryPython)("native orjson.dumps and ujson.dumps: a call without a note writes the library's text, byte for byte", () => {
  it.each([
    ["orjson", orjsonOptions],
    ["ujson", ujsonOptions],
  ] as const)("%s.dumps(<literal>, <options>)", async (module, options) => {
    let noteFree = 0;
    await fc.assert(
      fc.asyncProperty(pyValue, options, async (value, opts) => {
        const source = `${module}.dumps(${[value, ...opts].join(", ")})`;
        const t = translateLibrary(source);
        if (t.notes.length > 0) return;
        noteFree++;
        expect(runNative(t), `${source} → ${t.typescript}`).toEqual(await askLibrary(source));
      }),
      { numRuns: 400 },
    );
    // The property says something only if note-free calls come up often enough (about 60% of them do).
    expect(noteFree).toBeGreaterThan(150);
  }, 120_000);
});

const ROOT = "fixtures/translate-libraries";
const cases = readdirSync(ROOT).filter((d) => statSync(join(ROOT, d)).isDirectory()).sort();

describe.skipIf(!libraryPython)(`translations behave like orjson ${LIBRARY_VERSIONS.orjson} and ujson ${LIBRARY_VERSIONS.ujson}`, () => {
  it("the fixtures record the versions they are checked with", () => {
    const py = runPython("import sys, orjson, ujson\nprint(sys.version.split()[0], orjson.__version__, ujson.__version__)", { python: libraryPython! });
    const [python, orjson, ujson] = py.stdout.trim().split(" ");
    expect(JSON.parse(readFileSync(join(ROOT, "versions.json"), "utf8"))).toEqual({ python, orjson, ujson });
  });

  it.each(cases)("%s", (name) => {
    const caseDir = join(ROOT, name);
    const input = readFileSync(join(caseDir, "input.py"), "utf8");
    const { program, translations } = programOf(input, "exact");
    expect(translations.filter((t) => t.typescript.includes("untranslated("))).toEqual([]);
    const expectedPath = join(caseDir, "expected.ts");
    if (process.env.DUMPLING_UPDATE_TRANSLATE) writeFileSync(expectedPath, program);
    expect(existsSync(expectedPath), `${expectedPath} is missing (DUMPLING_UPDATE_TRANSLATE=1 writes it; review it)`).toBe(true);
    expect(program).toBe(readFileSync(expectedPath, "utf8"));
    expect(typecheckProgram(program)).toEqual([]);
    const py = runPython(input, { python: libraryPython! });
    expect(py.status, py.stderr).toBe(0);
    const js = runProgram(program);
    expect(js.stderr).toBe(py.stderr);
    expect(js.stdout).toBe(py.stdout);
    expect(js.files).toEqual(py.files);
  }, 60_000);
});
