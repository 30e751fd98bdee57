import { describe, expect, it } from "vitest";
import rule, { closestOption } from "../../src/rules/unknown-option.js";
import { ENCODER_OPTIONS } from "../../src/python/signatures.js";
import { analyzeText } from "../../src/rules/run.js";
import { nativeBackend } from "../../src/backends/native.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    "import json\njson.dumps(d, indent=2, sort_keys=True, ensure_ascii=False)",
    { name: "cls= may take more options", code: "import json\njson.dumps(d, cls=MyEncoder, indnet=2)" },
    { name: "**kwargs", code: "import json\njson.dumps(d, **opts, indnet=2)" },
    { name: "simplejson's own options", code: "import simplejson\nsimplejson.dumps(d, use_decimal=True, item_sort_key=k)" },
    { name: "strict= goes through **kw to JSONDecoder", code: "import json\njson.loads(s, strict=False)\njson.load(f, strict=False)" },
    { name: "simplejson still takes encoding", code: 'import simplejson\nsimplejson.loads(s, encoding="utf-8")' },
  ],
  invalid: [
    {
      code: "import json\ntext = json.dumps(d, indnet=2)",
      errors: [{ line: 2, column: 22, endLine: 2, endColumn: 28, message: "`indnet` is not an option of `json.dumps()`; did you mean `indent`?" }],
      fixes: ["Rename to `indent`"],
      output: "import json\ntext = json.dumps(d, indent=2)",
      applicability: "unsafe",
    },
    { name: "camelCase", code: "import json\njson.dumps(d, sortKeys=True)", errors: [{ line: 2, column: 15, endLine: 2, endColumn: 23 }], fixes: ["Rename to `sort_keys`"], output: "import json\njson.dumps(d, sort_keys=True)" },
    {
      name: "encoding= on loads is dropped, safely",
      code: 'import json\njson.loads(s, encoding="utf-8")',
      errors: [{ line: 2, column: 15, endLine: 2, endColumn: 23, message: /removed from `json\.loads\(\)` in Python 3\.9/ }],
      fixes: ["Remove `encoding=`"],
      output: "import json\njson.loads(s)",
      applicability: "safe",
    },
    { name: "encoding= between options", code: 'import json\njson.load(f, encoding="utf-8", object_hook=h)', errors: [{ line: 2, column: 14, endLine: 2, endColumn: 22 }], fixes: ["Remove `encoding=`"], output: "import json\njson.load(f, object_hook=h)" },
    { name: "nothing close", code: "import json\njson.dumps(d, colour=True)", errors: [{ line: 2, column: 15, endLine: 2, endColumn: 21, message: "`colour` is not an option of `json.dumps()`" }], output: null },
    { name: "the right name is already there", code: "import json\njson.dumps(d, sort_keys=True, sort_key=True)", errors: [{ line: 2, column: 31, endLine: 2, endColumn: 39 }], output: null },
  ],
});

describe("closestOption", () => {
  it.each([
    ["indnet", "indent"],
    ["sort_key", "sort_keys"],
    ["sortkeys", "sort_keys"],
    ["ensureAscii", "ensure_ascii"],
    ["separator", "separators"],
    ["defualt", "default"],
    ["x", null],
    ["colour", null],
  ])("%s → %s", (name, expected) => {
    expect(closestOption(name, ENCODER_OPTIONS)).toBe(expected);
  });
});

describe("target-version", () => {
  const messages = (code: string, targetVersion?: number) => analyzeText("t.py", code, [rule], { backend: nativeBackend, targetVersion }).diagnostics.map((d) => [d.message, d.fix?.applicability]);
  const code = 'import json\ndata = json.loads(b, encoding="utf-8")';

  it("py39 and later (the default): encoding= always raised", () => {
    const removed = [["`encoding` was removed from `json.loads()` in Python 3.9; bytes are decoded automatically (UTF-8, -16 or -32)", "safe"]];
    expect(messages(code)).toEqual(removed);
    expect(messages(code, 9)).toEqual(removed);
    expect(messages(code, 14)).toEqual(removed);
  });

  it("py37 and py38: ignored there, raises from 3.9; the same fix", () => {
    const ignored = [["`json.loads()` ignores `encoding` before Python 3.9, which removed it (the call raises `TypeError` there); bytes are decoded automatically (UTF-8, -16 or -32)", "safe"]];
    expect(messages(code, 7)).toEqual(ignored);
    expect(messages(code, 8)).toEqual(ignored);
    // json.dumps never took encoding= in Python 3: the same message on every target.
    expect(messages('import json\njson.dumps(d, encoding="utf-8")', 7)).toEqual(messages('import json\njson.dumps(d, encoding="utf-8")', 12));
  });
});
