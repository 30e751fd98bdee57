// The prefilter: a file whose text cannot reach the json module is never parsed, and every way
// of reaching it, under any name and however the statement is laid out, still gets the file
// parsed and analysed.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { checkBytes, defaultSettings } from "../src/cli/engine.js";
import { parsePython } from "../src/python/parser.js";
import { RULES } from "../src/rules/index.js";
import { analyzeText } from "../src/rules/run.js";
import { decodeSource } from "../src/source/load.js";
import { NATIVE } from "./support/native.js";

vi.mock("../src/python/parser.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../src/python/parser.js")>();
  return { ...actual, parsePython: vi.fn(actual.parsePython) };
});
vi.mock("../src/source/load.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../src/source/load.js")>();
  return { ...actual, decodeSource: vi.fn(actual.decodeSource) };
});

const parses = vi.mocked(parsePython);
const decodes = vi.mocked(decodeSource);
const check = (text: string) => checkBytes("t.py", Buffer.from(text), defaultSettings(RULES));

describe("the prefilter", () => {
  beforeEach(() => {
    parses.mockClear();
    decodes.mockClear();
  });

  it.each([
    ["import json under another name", "import json as j\nj.dump(data)\n", "json.dump"],
    ["import among others", "import os, sys as system, json\njson.dump(data)\n", "json.dump"],
    ["import of a submodule", "import json.decoder\njson.dump(data)\n", "json.dump"],
    ["import continued on the next line", "import os, \\\n    json\njson.dump(data)\n", "json.dump"],
    ["import after a semicolon", "x = 1; import json\njson.dump(data)\n", "json.dump"],
    ["import in a block", "try:\n    import json\nexcept ImportError:\n    json = None\njson.dump(data)\n", "json.dump"],
    ["from json import *", "from json import *\ndump(data)\n", "json.dump"],
    ["from json import a name", "from json import dump as save\nsave(data)\n", "json.dump"],
    ["from continued on the next line", "from \\\n  json import dump\ndump(data)\n", "json.dump"],
    ['__import__("json")', 'j = __import__("json")\nj.dump(data)\n', "json.dump"],
    ['importlib.import_module("json")', 'import importlib\nj = importlib.import_module("json")\nj.dump(data)\n', "json.dump"],
    ["import_module over lines", "import importlib\nj = importlib.import_module(\n    'json',\n)\nj.dump(data)\n", "json.dump"],
    ["import simplejson as j", "import simplejson as j\nj.dump(data)\n", "simplejson.dump"],
    ["from simplejson import", "from simplejson import dump\ndump(data)\n", "simplejson.dump"],
    ["import ujson as j", "import ujson as j\nj.dump(data)\n", "ujson.dump"],
    ["from ujson import", "from ujson import dump\ndump(data)\n", "ujson.dump"],
    ['__import__("ujson")', 'j = __import__("ujson")\nj.dump(data)\n', "ujson.dump"],
  ])("%s: parsed and analysed, the call found and checked", (_, text, qualified) => {
    const result = analyzeText("t.py", text, [], NATIVE);
    expect(parses).toHaveBeenCalledTimes(1);
    expect(result.context?.calls.map((c) => `${c.module}.${c.api}`)).toEqual([qualified]);
    // `dump(data)` has no file: JSN001 through the whole per-file pipeline.
    expect(check(text).report.diagnostics.map((d) => d.code)).toEqual(["JSN001"]);
  });

  it.each([
    ["no json at all", "import os\nprint(os.getcwd(), JSON)\n"],
    ["json in a comment and a docstring", '# json\n"""Reads json."""\nx = 1\n'],
    ["a path, a method, other modules and names", 'import borjson, jsonschema\nimport my.json_utils as ju\nf = open("data.json")\nr.json()\njson_data = borjson.dumps(x)\n'],
    ["json called without being imported", "json.dump(data)\n"],
    ["a comment after an import", "import os  # json\njson.dump(data)\n"],
    ["json imported, none of its four functions named", "import json\ntry:\n    x = parse(payload, loader, dumper)\nexcept json.JSONDecodeError:\n    x = _load(s.loads_)\n"],
  ])("%s: not parsed, even when the file does not parse", (_, text) => {
    const outcome = check(text + "def broken(:\n");
    expect(outcome.report.diagnostics).toEqual([]);
    expect(outcome.report.lines).toBeNull();
    expect(parses).not.toHaveBeenCalled();
  });

  it("a file that may call json and does not parse gets its syntax error", () => {
    expect(check("import json\njson.dumps(x)\ndef broken(:\n").report.diagnostics.map((d) => d.code)).toEqual(["JSN000"]);
    expect(parses).toHaveBeenCalledTimes(1);
  });

  it("bytes without json that surely decode (UTF-8, a latin-1 cookie) are not even decoded", () => {
    expect(check("import os\ns = 'h\u00e9'\n").report.diagnostics).toEqual([]);
    const latin1 = Buffer.concat([Buffer.from("# -*- coding: latin-1 -*-\ns = '"), Buffer.from([0xe9]), Buffer.from("'\n")]);
    expect(checkBytes("t.py", latin1, defaultSettings(RULES)).report.diagnostics).toEqual([]);
    expect(decodes).not.toHaveBeenCalled();
    expect(parses).not.toHaveBeenCalled();
  });

  it("bytes without json that may not decode still are, and are reported", () => {
    const message = (bytes: Buffer) => checkBytes("t.py", bytes, defaultSettings(RULES)).report.diagnostics.map((d) => d.message);
    expect(message(Buffer.from([0x78, 0x3d, 0xff, 0x0a]))).toEqual(["Cannot read `t.py`: not valid UTF-8: byte 0xff at offset 2; declare the file's encoding with a coding cookie (PEP 263)"]);
    expect(message(Buffer.from([0x78, 0x00]))).toEqual(["Cannot read `t.py`: binary file (contains NUL bytes)"]);
    expect(message(Buffer.from("# coding: klingon\nx = 1\n"))).toEqual(["Cannot read `t.py`: unknown encoding `klingon` in the coding cookie"]);
    expect(message(Buffer.from("\ufeff# coding: latin-1\nx = 1\n"))).toEqual(["Cannot read `t.py`: a UTF-8 BOM and a coding cookie for latin-1 disagree"]);
    expect(decodes).toHaveBeenCalledTimes(4);
  });
});
