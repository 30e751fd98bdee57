// orjson and ujson calls translated (src/translate/libraries.ts): what each becomes, which stay
// untranslated markers, and, for fixtures/translate-libraries/<case>/, that the program runs like
// input.py does in the venv holding orjson and ujson at the pinned versions (test/support/libraries.ts):
// stdout, stderr and files byte-identical; versions.json records the versions they are checked
// with. DUMPLING_UPDATE_TRANSLATE=1 rewrites expected.ts.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
    ["import orjson\norjson.dumps(d)", "native mode"],
    ["import ujson\nujson.dump(d, f)", "native mode"],
  ])("%s stays an untranslated marker", (source, why) => {
    const t = last(source, why === "native mode" ? "native" : "exact");
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
