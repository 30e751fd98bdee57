import rule from "../../src/rules/dump-missing-file.js";
import { py, ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    "import json\njson.dump(data, f)",
    "import json\njson.dumps(data)",
    "import json\njson.dump(data, fp=f)",
    { name: "*args may hold the file", code: "import json\njson.dump(*args)" },
    { name: "**kwargs may hold the file", code: "import json\njson.dump(data, **kw)" },
    { name: "a parameter named json shadows the module", code: py`
      import json
      def save(json):
          json.dump(data)
    ` },
    { name: "no import: json is not the module", code: "json.dump(data)" },
    { name: "a rebound name is not the module", code: "import json\njson = Serializer()\njson.dump(data)" },
    { name: "self.json is an attribute", code: py`
      import json
      class C:
          def m(self):
              self.json.dump(data)
    ` },
    { name: "comments and strings", code: 'import json\n# json.dump(data)\ns = "json.dump(data)"' },
    { name: "orjson", code: "import orjson\norjson.dump(data)" },
    { name: "import inside another function", code: py`
      def a():
          import json
      def b():
          json.dump(data)
    ` },
  ],
  invalid: [
    {
      code: "import json\nbody = json.dump(data)",
      errors: [{ line: 2, column: 8, endLine: 2, endColumn: 23, message: "`json.dump()` needs a file to write to; use `json.dumps()` to get a string" }],
      fixes: ["Use `json.dumps()`"],
      output: "import json\nbody = json.dumps(data)",
      applicability: "unsafe",
    },
    { name: "a statement: no fix, the target is unknown", code: "import json\njson.dump(data)", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 16 }], output: null },
    {
      name: "import json as j, value passed on",
      code: "import json as j\nprint(j.dump(x))",
      errors: [{ line: 2, column: 7, endLine: 2, endColumn: 16, message: /^`j\.dump\(\)` needs a file.*`j\.dumps\(\)`/ }],
      fixes: ["Use `j.dumps()`"],
      output: "import json as j\nprint(j.dumps(x))",
    },
    { name: "from json import dump: no fix without an import", code: "from json import dump\nx = dump(data)", errors: [{ line: 2, column: 5, endLine: 2, endColumn: 15 }], output: null },
    { name: "simplejson", code: "import simplejson\nsimplejson.dump(data)", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 22 }], output: null },
    {
      name: "import inside the function",
      code: py`
        def f(d):
            import json
            return json.dump(d)
      `,
      errors: [{ line: 3, column: 12, endLine: 3, endColumn: 24 }],
      fixes: ["Use `json.dumps()`"],
      output: py`
        def f(d):
            import json
            return json.dumps(d)
      `,
    },
    {
      name: "columns count code points",
      code: 'import json\nx = {"é😀": 1}; y = json.dump(x)',
      errors: [{ line: 2, column: 20, endLine: 2, endColumn: 32 }],
      fixes: ["Use `json.dumps()`"],
      output: 'import json\nx = {"é😀": 1}; y = json.dumps(x)',
    },
    {
      name: "try simplejson, fall back to json",
      code: py`
        try:
            import simplejson as json
        except ImportError:
            import json
        s = json.dump(x)
      `,
      errors: [{ line: 5, column: 5, endLine: 5, endColumn: 17 }],
      fixes: ["Use `json.dumps()`"],
      output: py`
        try:
            import simplejson as json
        except ImportError:
            import json
        s = json.dumps(x)
      `,
    },
  ],
});
