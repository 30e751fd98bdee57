// The prefilter: a file whose text cannot reach the json module is never parsed, and every way
// of reaching it, under any name, still gets the file parsed and analysed.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { checkBytes, defaultSettings } from "../src/cli/engine.js";
import { parsePython } from "../src/python/parser.js";
import { RULES } from "../src/rules/index.js";
import { analyzeText } from "../src/rules/run.js";

vi.mock("../src/python/parser.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../src/python/parser.js")>();
  return { ...actual, parsePython: vi.fn(actual.parsePython) };
});

const parses = vi.mocked(parsePython);
const check = (text: string) => checkBytes("t.py", Buffer.from(text), defaultSettings(RULES));

describe("the prefilter", () => {
  beforeEach(() => {
    parses.mockClear();
  });

  it.each([
    ["import json under another name", "import json as j\nj.dump(data)\n", "json.dump"],
    ["from json import *", "from json import *\ndump(data)\n", "json.dump"],
    ['__import__("json")', 'j = __import__("json")\nj.dump(data)\n', "json.dump"],
    ['importlib.import_module("json")', 'import importlib\nj = importlib.import_module("json")\nj.dump(data)\n', "json.dump"],
    ["import simplejson as j", "import simplejson as j\nj.dump(data)\n", "simplejson.dump"],
  ])("%s: parsed and analysed, the call found and checked", (_, text, qualified) => {
    const result = analyzeText("t.py", text, []);
    expect(parses).toHaveBeenCalledTimes(1);
    expect(result.context?.calls.map((c) => `${c.module}.${c.api}`)).toEqual([qualified]);
    // `dump(data)` has no file: JSN001 through the whole per-file pipeline.
    expect(check(text).report.diagnostics.map((d) => d.code)).toEqual(["JSN001"]);
  });

  it("a file without json is not parsed, even when it is not valid Python", () => {
    const outcome = check("import os\nprint(os.getcwd(), JSON)\ndef broken(:\n");
    expect(outcome.report.diagnostics).toEqual([]);
    expect(outcome.report.lines).toBeNull();
    expect(parses).not.toHaveBeenCalled();
  });

  it("a file with json only in a comment is parsed (the filter is textual), and has no call", () => {
    expect(check("# json\nx = 1\n").report.diagnostics).toEqual([]);
    expect(parses).toHaveBeenCalledTimes(1);
  });
});
