import { describe, expect, it } from "vitest";
import rule from "../../src/rules/orjson-json-option.js";
import { LIBRARY_VERSIONS, libraryPython, runWithLibraries } from "../support/libraries.js";
import { py, ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    "import orjson\norjson.dumps(x, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)",
    "import orjson\norjson.dumps(x, default=str)",
    { name: "json takes them", code: "import json\njson.dumps(x, indent=2, sort_keys=True)" },
    { name: "ujson takes indent and sort_keys", code: "import ujson\nujson.dumps(x, indent=2, sort_keys=True)" },
    { name: "a typo is unknown-option's", code: "import orjson\norjson.dumps(x, optoin=1)" },
    { name: "a parameter named orjson shadows the module", code: "import orjson\ndef f(orjson):\n    orjson.dumps(x, indent=2)" },
    { name: "orjson.loads: unknown-option's", code: "import orjson\norjson.loads(s, object_hook=h)" },
  ],
  invalid: [
    {
      code: "import orjson\nbody = orjson.dumps(data, indent=2)",
      errors: [{ line: 2, column: 27, endLine: 2, endColumn: 35, message: "`orjson.dumps()` takes no `indent` (only `default` and `option`); orjson indents only by 2 spaces: use `option=orjson.OPT_INDENT_2`" }],
      fixes: ["Use `option=orjson.OPT_INDENT_2`"],
      output: "import orjson\nbody = orjson.dumps(data, option=orjson.OPT_INDENT_2)",
      applicability: "unsafe",
    },
    {
      name: "indent and sort_keys: one fix combining the flags with |",
      code: "import orjson as oj\nbody = oj.dumps(data, indent=2, default=str, sort_keys=True)",
      errors: [
        { line: 2, column: 23, endLine: 2, endColumn: 31, message: "`oj.dumps()` takes no `indent` (only `default` and `option`); orjson indents only by 2 spaces: use `option=orjson.OPT_INDENT_2`; together: `option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS`" },
        { line: 2, column: 46, endLine: 2, endColumn: 60, message: "`oj.dumps()` takes no `sort_keys` (only `default` and `option`); use `option=orjson.OPT_SORT_KEYS`; together: `option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS`" },
      ],
      fixes: ["Use `option=oj.OPT_INDENT_2 | oj.OPT_SORT_KEYS`"],
      output: "import orjson as oj\nbody = oj.dumps(data, default=str, option=oj.OPT_INDENT_2 | oj.OPT_SORT_KEYS)",
    },
    {
      name: "sort_keys=False and indent=None are the defaults: removed",
      code: "import orjson\nbody = orjson.dumps(data, sort_keys=False, indent=None)",
      errors: [{ line: 2, column: 27, endLine: 2, endColumn: 42 }, { line: 2, column: 44, endLine: 2, endColumn: 55 }],
      fixes: ["Remove `sort_keys=`, `indent=`"],
      output: "import orjson\nbody = orjson.dumps(data)",
    },
    {
      name: "indent=4 has no orjson equivalent: no fix",
      code: "import orjson\nbody = orjson.dumps(data, indent=4)",
      errors: [{ line: 2, column: 27, endLine: 2, endColumn: 35 }],
      output: null,
    },
    {
      name: "an option already given: no fix",
      code: "import orjson\nbody = orjson.dumps(data, option=orjson.OPT_NAIVE_UTC, sort_keys=True)",
      errors: [{ line: 2, column: 56, endLine: 2, endColumn: 70 }],
      output: null,
    },
    {
      name: "an option given positionally: no fix",
      code: "import orjson\nbody = orjson.dumps(data, None, 0, indent=2)",
      errors: [{ line: 2, column: 36, endLine: 2, endColumn: 44 }],
      output: null,
    },
    {
      name: "from orjson import dumps: no fix without an import",
      code: "from orjson import dumps\nbody = dumps(data, indent=2)",
      errors: [{ line: 2, column: 20, endLine: 2, endColumn: 28, message: /use `option=orjson\.OPT_INDENT_2`$/ }],
      output: null,
    },
    {
      name: "json's other keywords: each named, no fix",
      code: py`
        import orjson
        orjson.dumps(x, ensure_ascii=False, separators=(",", ":"), cls=Enc, allow_nan=False, skipkeys=True, check_circular=False)
      `,
      errors: [
        { line: 2, column: 17, endLine: 2, endColumn: 35, message: "`orjson.dumps()` takes no `ensure_ascii` (only `default` and `option`); orjson always writes UTF-8 and never escapes non-ASCII characters; drop it" },
        { line: 2, column: 37, endLine: 2, endColumn: 58, message: "`orjson.dumps()` takes no `separators` (only `default` and `option`); orjson's output is always compact (`,` and `:`, no spaces); drop it" },
        { line: 2, column: 60, endLine: 2, endColumn: 67, message: "`orjson.dumps()` takes no `cls` (only `default` and `option`); orjson takes no encoder class; pass a function as `default=`" },
        { line: 2, column: 69, endLine: 2, endColumn: 84, message: "`orjson.dumps()` takes no `allow_nan` (only `default` and `option`); orjson writes NaN and Infinity as `null`; drop it" },
        { line: 2, column: 86, endLine: 2, endColumn: 99, message: /keys that are not str raise unless `option=orjson.OPT_NON_STR_KEYS`$/ },
        { line: 2, column: 101, endLine: 2, endColumn: 121, message: /a circular reference raises `TypeError: Recursion limit reached`/ },
      ],
      output: null,
    },
  ],
});

// Every claim of the messages and the fixes, against the real orjson.
describe.skipIf(!libraryPython)(`JSN014's claims, checked with orjson ${LIBRARY_VERSIONS.orjson}`, () => {
  const ok = (code: string) => expect(runWithLibraries(`import json, orjson\n${code}`).error, code).toBeNull();
  it("each flagged keyword raises the documented TypeError, and the keyword is not named in it", () => {
    for (const k of ["indent=2", "sort_keys=True", "ensure_ascii=False", "separators=(',', ':')", "cls=None", "allow_nan=False", "skipkeys=True", "check_circular=False"]) {
      expect(runWithLibraries(`import orjson; orjson.dumps({}, ${k})`).error).toBe(rule.meta.docs.whatHappens);
    }
  });
  it("the fixed calls give json's output for the same keywords", () => {
    ok("v = {'b': 1, 'a': [1, {'c': None}]}\nassert orjson.dumps(v, option=orjson.OPT_INDENT_2).decode() == json.dumps(v, indent=2)");
    ok("v = {'b': 1, 'a': [1, {'c': None}]}\nassert orjson.dumps(v, default=str, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode() == json.dumps(v, indent=2, sort_keys=True)");
    ok("v = {'b': 1, 'a': 2}\nassert orjson.dumps(v).decode() == json.dumps(v, sort_keys=False, indent=None, separators=(',', ':'))");
  });
  it("orjson indents only by 2: OPT_INDENT_2 is its only indent flag", () => {
    ok("assert [n for n in dir(orjson) if 'INDENT' in n] == ['OPT_INDENT_2']");
  });
  it("the other messages' claims", () => {
    ok("assert orjson.dumps('é') == '\"é\"'.encode('utf-8')"); // UTF-8, no escapes
    ok("assert orjson.dumps({'a': [1, 2]}) == b'{\"a\":[1,2]}'"); // compact
    ok("assert orjson.dumps({1}, default=list) == b'[1]'"); // default= a function
    ok("assert orjson.dumps([float('nan'), float('inf')]) == b'[null,null]'");
    expect(runWithLibraries("import orjson; orjson.dumps({1: 2})").error).toBe("TypeError: Dict key must be str");
    ok("assert orjson.dumps({1: 2}, option=orjson.OPT_NON_STR_KEYS) == b'{\"1\":2}'");
    expect(runWithLibraries("import orjson\nd = {}\nd['a'] = d\norjson.dumps(d)").error).toBe("TypeError: Recursion limit reached");
  });
});
