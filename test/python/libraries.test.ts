// orjson's and ujson's signatures and contracts as the model states them (src/python/signatures.ts,
// kinds.ts, names.ts), checked against the real libraries at the pinned versions.
import { describe, expect, it } from "vitest";
import { ENCODER_OPTIONS, ORJSON_ENCODER, signatureOf, UJSON_ENCODER } from "../../src/python/signatures.js";
import { LIBRARY_VERSIONS, libraryPython, runWithLibraries } from "../support/libraries.js";

describe.skipIf(!libraryPython)(`orjson ${LIBRARY_VERSIONS.orjson} and ujson ${LIBRARY_VERSIONS.ujson}`, () => {
  it("are the pinned versions", () => {
    const { stdout } = runWithLibraries("import orjson, ujson; print(orjson.__version__, ujson.__version__)");
    expect(stdout.trim()).toBe(`${LIBRARY_VERSIONS.orjson} ${LIBRARY_VERSIONS.ujson}`);
  });

  it("orjson has dumps and loads, and no dump or load", () => {
    expect(signatureOf("orjson", "dumps").exists).toBe(true);
    expect(signatureOf("orjson", "loads").exists).toBe(true);
    expect(signatureOf("orjson", "dump").exists).toBe(false);
    expect(signatureOf("orjson", "load").exists).toBe(false);
    expect(runWithLibraries("import orjson; orjson.dump").error).toBe("AttributeError: module 'orjson' has no attribute 'dump'. Did you mean: 'dumps'?");
    expect(runWithLibraries("import orjson; orjson.load").error).toBe("AttributeError: module 'orjson' has no attribute 'load'. Did you mean: 'loads'?");
    for (const api of ["dump", "dumps", "load", "loads"] as const) {
      expect(runWithLibraries(`import ujson; ujson.${api}`).error, api).toBeNull();
      expect(signatureOf("ujson", api).exists).toBe(true);
    }
  });

  it("orjson.dumps(obj, /, default, option): obj positional only, both options by keyword or position; returns bytes", () => {
    const s = signatureOf("orjson", "dumps");
    expect([s.required, s.requiredPositionalOnly, s.options, s.positionalOptions]).toEqual([["obj"], true, ["default", "option"], true]);
    expect(runWithLibraries("import orjson; orjson.dumps(obj=1)").error).toBe("TypeError: dumps() missing 1 required positional argument: 'obj'");
    expect(runWithLibraries("import orjson\nassert orjson.dumps({'b': 1, 'a': {2}}, list, orjson.OPT_SORT_KEYS) == b'{\"a\":[2],\"b\":1}'").error).toBeNull();
    expect(runWithLibraries("import orjson\nassert orjson.dumps({1}, default=list, option=0) == b'[1]'").error).toBeNull();
    expect(runWithLibraries("import orjson\nassert type(orjson.dumps(1)) is bytes").error).toBeNull();
    // Every json option but default is rejected.
    for (const o of ENCODER_OPTIONS) {
      const expected = (ORJSON_ENCODER as readonly string[]).includes(o) ? null : "TypeError: dumps() got an unexpected keyword argument";
      expect(runWithLibraries(`import orjson; orjson.dumps(1, ${o}=None)`).error, o).toBe(expected);
    }
  });

  it("orjson.loads(obj, /): one positional argument, str, bytes, bytearray or memoryview", () => {
    const s = signatureOf("orjson", "loads");
    expect([s.required, s.requiredPositionalOnly, s.target, s.options]).toEqual([["obj"], true, "obj", []]);
    expect(runWithLibraries("import orjson; orjson.loads(obj='1')").error).toBe("TypeError: orjson.loads() takes no keyword arguments");
    expect(runWithLibraries("import orjson\nfor v in ['1', b'1', bytearray(b'1'), memoryview(b'1')]: assert orjson.loads(v) == 1").error).toBeNull();
  });

  it("ujson.dumps: obj and every option positional or keyword, in the model's order", () => {
    const s = signatureOf("ujson", "dumps");
    expect([s.required, s.requiredPositionalOnly, s.positionalOptions]).toEqual([["obj"], false, true]);
    // Each option by keyword; and positionally at its index (separators last: the 10th argument).
    for (const o of UJSON_ENCODER) {
      const value = o === "indent" ? "2" : o === "separators" ? "(',', ':')" : o === "default" ? "str" : "True";
      expect(runWithLibraries(`import ujson; ujson.dumps(obj={'a': 1}, ${o}=${value})`).error, o).toBeNull();
    }
    expect(runWithLibraries("import ujson\nassert ujson.dumps({'a': [1, 2]}, True, False, True, False, 0, True, True, None, (';', '=')) == '{\"a\"=[1;2]}'").error).toBeNull();
    expect(runWithLibraries("import ujson\nassert ujson.dumps({'b': 1, 'a': 2}, True, False, True, True) == '{\"a\":2,\"b\":1}'").error).toBeNull();
    expect(runWithLibraries("import ujson\nassert ujson.dumps({'a': 1}, True, False, True, False, 2) == '{\\n  \"a\": 1\\n}'").error).toBeNull();
    expect(runWithLibraries("import ujson; ujson.dumps(1, True, False, True, True, 2, True, True, None, None, None)").error).toBe("TypeError: function takes at most 10 arguments (11 given)");
    for (const o of ENCODER_OPTIONS.filter((x) => !(UJSON_ENCODER as readonly string[]).includes(x))) {
      expect(runWithLibraries(`import ujson; ujson.dumps(1, ${o}=None)`).error, o).toBe(`TypeError: '${o}' is an invalid keyword argument for this function`);
    }
  });

  it("ujson.dump(obj, fp, /, *, options); ujson.load(fp, /) and ujson.loads(obj) take no options", () => {
    expect([signatureOf("ujson", "dump").requiredPositionalOnly, signatureOf("ujson", "dump").positionalOptions]).toEqual([true, false]);
    expect(runWithLibraries("import ujson, io; ujson.dump(obj=1, fp=io.StringIO())").error).toBe("TypeError: function takes exactly 2 arguments (0 given)");
    expect(runWithLibraries("import ujson, io; ujson.dump(1, io.StringIO(), True)").error).toBe("TypeError: function takes exactly 2 arguments (3 given)");
    for (const o of UJSON_ENCODER) expect(runWithLibraries(`import ujson, io; ujson.dump(1, io.StringIO(), ${o}=${o === "indent" ? 2 : "None"})`).error, o).toBeNull();
    expect(signatureOf("ujson", "load")).toMatchObject({ required: ["fp"], requiredPositionalOnly: true, options: [] });
    expect(runWithLibraries("import ujson, io; ujson.load(fp=io.StringIO('1'))").error).toBe("TypeError: function takes exactly 1 argument (0 given)");
    expect(signatureOf("ujson", "loads")).toMatchObject({ required: ["obj"], requiredPositionalOnly: false, target: "obj", options: [] });
    expect(runWithLibraries("import ujson\nassert ujson.loads(obj='1') == 1").error).toBeNull();
    expect(runWithLibraries("import ujson; ujson.loads(s='1')").error).toBe("TypeError: function missing required argument 'obj' (pos 1)");
    expect(runWithLibraries("import ujson; ujson.loads('1', object_hook=None)").error).toBe("TypeError: function takes at most 1 argument (2 given)");
  });

  it("ujson.load(f) is loads(f.read()) and ujson.dump(x, f) is one f.write(ujson.dumps(x))", () => {
    const code = [
      "import io, ujson",
      "class R(io.StringIO):",
      "    calls = []",
      "    def read(self, *a): R.calls.append(a); return super().read(*a)",
      "assert ujson.load(R('{\"a\": 1}')) == {'a': 1} and R.calls == [()]",
      "class W(io.StringIO):",
      "    chunks = []",
      "    def write(self, s): W.chunks.append(s); return super().write(s)",
      "ujson.dump({'a': ['x/y']}, W(), indent=2)",
      "assert W.chunks == [ujson.dumps({'a': ['x/y']}, indent=2)]",
    ].join("\n");
    expect(runWithLibraries(code).error).toBeNull();
  });

  it("`from M import *` binds the names the model says (orjson's __all__ also has its OPT_ flags)", () => {
    const r = runWithLibraries("import json\nfor m in ['orjson', 'ujson']:\n    ns = {}\n    exec(f'from {m} import *', ns)\n    print(json.dumps(sorted(k for k in ns if k != '__builtins__')))");
    const [orjson, ujson] = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as string[]);
    expect(orjson?.filter((n) => !n.startsWith("OPT_"))).toEqual(["Fragment", "JSONDecodeError", "JSONEncodeError", "__version__", "dumps", "loads"]);
    expect(ujson).toEqual(["JSONDecodeError", "decode", "dump", "dumps", "encode", "load", "loads"]);
  });
});
