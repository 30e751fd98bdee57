import { describe, expect, it } from "vitest";
import { RULES } from "../../src/rules/index.js";
import { applyEdits } from "../../src/core/edits.js";
import { analyzeText } from "../../src/rules/run.js";
import { nativeBackend } from "../../src/backends/native.js";
import rule from "../../src/rules/unused-noqa.js";
import { ruleTester } from "../support/rule-tester.js";
import { NATIVE } from "../support/native.js";

ruleTester(rule, {
  valid: [
    'import json\nx = json.dumps(d)  # noqa: E501',
    { name: "a blanket noqa belongs to every linter", code: "import json\nx = json.dumps(d)  # noqa" },
    { name: "no noqa", code: "import json\nx = json.dumps(d)" },
  ],
  invalid: [
    {
      name: "the only code: the whole comment goes",
      code: "import json\nx = json.dumps(d)  # noqa: JSN001\ny = 1",
      errors: [{ line: 2, column: 20, endLine: 2, endColumn: 34, message: "Unused `noqa` directive (non-enabled: `JSN001`)" }],
      fixes: ["Remove the unused `noqa` code"],
      output: "import json\nx = json.dumps(d)\ny = 1",
      applicability: "safe",
    },
    {
      name: "other tools' codes stay",
      code: "import json\nx = json.dumps(d)  # noqa: E501, JSN001",
      errors: [{ line: 2, column: 20, endLine: 2, endColumn: 40 }],
      fixes: ["Remove the unused `noqa` code"],
      output: "import json\nx = json.dumps(d)  # noqa: E501",
    },
    {
      name: "space separated, lower case, an unknown code, and a comment after",
      code: "import json\nx = json.dumps(d)  # NOQA:jsn001 jsn999  # why",
      errors: [{ line: 2, column: 20, endLine: 2, endColumn: 40, message: "Unused `noqa` directive (non-enabled: `JSN001`; unknown: `JSN999`)" }],
      fixes: ["Remove the unused `noqa` code"],
      output: "import json\nx = json.dumps(d)  # why",
    },
    {
      name: "a repeated code that also suppresses nothing: both go; other tools' repetitions are theirs",
      code: "import json\nx = json.dumps(d)  # noqa: JSN001, E501, jsn001, E501",
      errors: [{ line: 2, column: 20, endLine: 2, endColumn: 54, message: "Unused `noqa` directive (non-enabled: `JSN001`; duplicated: `JSN001`)" }],
      fixes: ["Remove the unused `noqa` code"],
      output: "import json\nx = json.dumps(d)  # noqa: E501, E501",
    },
    {
      name: "a comment before the noqa stays",
      code: "import json\nx = json.dumps(d)  # build the text # noqa: JSN003",
      errors: [{ line: 2, column: 37, endLine: 2, endColumn: 51 }],
      fixes: ["Remove the unused `noqa` code"],
      output: "import json\nx = json.dumps(d)  # build the text",
    },
  ],
});

describe("noqa suppression (every rule)", () => {
  const codes = (text: string, rules = RULES.filter((r) => r.meta.defaultEnabled)) => analyzeText("t.py", text, rules, NATIVE).diagnostics.map((d) => d.code);
  const bad = 'import json\njson.dump(d, "o.json")';

  it("# noqa silences every code on its line, # noqa: CODE only that code", () => {
    expect(codes(bad)).toEqual(["JSN004"]);
    expect(codes(`${bad}  # noqa`)).toEqual([]);
    expect(codes(`${bad}  # noqa: JSN004`)).toEqual([]);
    expect(codes(`${bad}  # noqa:jsn001,JSN004`)).toEqual([]);
    expect(codes(`${bad}  # noqa: JSN001 JSN004`)).toEqual([]);
    expect(codes(`${bad}  # noqa: JSN001`)).toEqual(["JSN004"]);
    expect(analyzeText("t.py", `${bad}  # noqa`, RULES, NATIVE).suppressed).toBe(1);
  });

  it("applies on the line where the diagnostic starts", () => {
    expect(codes('import json\njson.dump(  # noqa: JSN004\n    d,\n    "o.json",\n)')).toEqual(["JSN004"]);
    expect(codes('import json\njson.dump(\n    d,\n    "o.json",  # noqa: JSN004\n)')).toEqual([]);
  });

  it("# noqa inside a string is not a comment", () => {
    expect(codes('import json\njson.dump(d, "o.json"); s = "# noqa"')).toEqual(["JSN004"]);
  });

  it("# dumpling: noqa silences the file; with codes, those codes", () => {
    const two = 'import json\njson.dump(d, "o.json")\njson.dump(d)\n';
    expect(codes(two)).toEqual(["JSN004", "JSN001"]);
    expect(codes(`# dumpling: noqa\n${two}`)).toEqual([]);
    expect(codes(`${two}# Dumpling: NOQA: JSN001\n`)).toEqual(["JSN004"]);
  });

  it("ruff's and flake8's file-level forms, as ruff reads them", () => {
    const two = 'import json\njson.dump(d, "o.json")\njson.dump(d)\n';
    expect(codes(`# ruff: noqa\n${two}`)).toEqual([]);
    expect(codes(`${two}    # flake8: noqa\n`)).toEqual([]);
    expect(codes(`# ruff: noqa: JSN001\n${two}`)).toEqual(["JSN004"]);
    expect(codes(`# flake8: noqa: JSN004, JSN001\n${two}`)).toEqual([]);
    // Codes of other tools exempt nothing here; after other comment text the directive still counts.
    expect(codes(`# ruff: noqa: F401\n${two}`)).toEqual(["JSN004", "JSN001"]);
    expect(codes(`# generated # ruff: noqa\n${two}`)).toEqual([]);
    // ruff reads the tool's name in lower case only, and a file-level directive after code is ignored.
    expect(codes(`# Ruff: noqa\n${two}`)).toEqual(["JSN004", "JSN001"]);
    expect(codes(`${two}x = 1  # ruff: noqa\n`)).toEqual(["JSN004", "JSN001"]);
    expect(codes(`${two}x = 1  # dumpling: noqa\n`)).toEqual(["JSN004", "JSN001"]);
  });

  it("JSN100: a code given twice is reported, and its fix keeps the first", () => {
    const all = RULES.filter((r) => r.meta.defaultEnabled || r.meta.code === "JSN100");
    const text = `${bad}  # noqa: JSN004, JSN004`;
    const result = analyzeText("t.py", text, all, { backend: nativeBackend });
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([["JSN100", "Unused `noqa` directive (duplicated: `JSN004`)"]]);
    expect(applyEdits(text, result.diagnostics[0]!.fix!.edits)).toBe(`${bad}  # noqa: JSN004`);
  });

  it("JSN100 sees what the other rules suppressed", () => {
    const all = RULES.filter((r) => r.meta.defaultEnabled || r.meta.code === "JSN100");
    expect(codes(`${bad}  # noqa: JSN004`, all)).toEqual([]);
    expect(codes(`${bad}  # noqa: JSN004, JSN001`, all)).toEqual(["JSN100"]);
  });
});
