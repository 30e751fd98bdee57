import rule from "../../src/rules/dumps-given-file.js";
import { py, ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    "import json\njson.dumps(d, indent=2)",
    { name: "a literal option: positional-option's", code: "import json\njson.dumps(d, 4)" },
    { name: "a variable named like an option", code: "import json\njson.dumps(d, indent)" },
    { name: "str as default", code: "import json\njson.dumps(d, str)" },
    "import json\njson.dumps(*args)",
    "import json\njson.dumps(d, *rest)",
    { name: "simplejson takes options positionally", code: "import simplejson\nsimplejson.dumps(d, True)" },
    { name: "simplejson with an unknown value", code: "import simplejson\nsimplejson.dumps(d, skip)" },
  ],
  invalid: [
    {
      code: py`
        import json
        with open("o.json", "w") as f:
            json.dumps(d, f)
      `,
      errors: [{ line: 3, column: 19, endLine: 3, endColumn: 20, message: "`json.dumps()` returns a string and takes no file; use `json.dump(obj, f)` to write to `f`" }],
      fixes: ["Use `json.dump()`"],
      output: py`
        import json
        with open("o.json", "w") as f:
            json.dump(d, f)
      `,
      applicability: "unsafe",
    },
    {
      name: "value used: no fix",
      code: py`
        import json
        with open("o.json", "w") as f:
            s = json.dumps(d, f)
      `,
      errors: [{ line: 3, column: 23, endLine: 3, endColumn: 24 }],
      output: null,
    },
    { name: "an unknown expression", code: "import json\njson.dumps(d, out)", errors: [{ line: 2, column: 15, endLine: 2, endColumn: 18 }], output: null },
    { name: "a path literal", code: 'import json\njson.dumps(d, "out.json")', errors: [{ line: 2, column: 15, endLine: 2, endColumn: 25, message: /open it and pass the file object/ }], output: null },
    {
      name: "simplejson: the file would become skipkeys",
      code: py`
        import simplejson
        with open("o.json", "w") as f:
            simplejson.dumps(d, f)
      `,
      errors: [{ line: 3, column: 25, endLine: 3, endColumn: 26 }],
      fixes: ["Use `simplejson.dump()`"],
      output: py`
        import simplejson
        with open("o.json", "w") as f:
            simplejson.dump(d, f)
      `,
    },
  ],
});
