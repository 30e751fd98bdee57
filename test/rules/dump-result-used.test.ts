import rule from "../../src/rules/dump-result-used.js";
import { py, ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    "import json\njson.dump(d, f)",
    { name: "a lambda's value is a callback's, usually ignored", code: "import atexit, json\natexit.register(lambda: json.dump(d, f))" },
    "import json\ns = json.dumps(d)",
    { name: "no file: dump-missing-file's", code: "import json\ns = json.dump(d)" },
    { name: "not the json module", code: "import pickle\nx = pickle.dump(d, f)" },
  ],
  invalid: [
    { code: "import json\nx = json.dump(d, f)", errors: [{ line: 2, column: 5, endLine: 2, endColumn: 20, message: "`json.dump()` writes to its file and returns `None`; use `json.dumps()` to get the JSON text" }], output: null },
    { code: py`
        import json
        def save(d, f):
            return json.dump(d, f)
      `, errors: [{ line: 3, column: 12, endLine: 3, endColumn: 27 }], output: null },
    { code: "import json\nprint(json.dump(d, f))", errors: [{ line: 2, column: 7, endLine: 2, endColumn: 22 }], output: null },
    { name: "an operand", code: "import json\nif json.dump(d, f):\n    pass", errors: [{ line: 2, column: 4, endLine: 2, endColumn: 19 }], output: null },
    { name: "fp by keyword", code: "import json\nn = len(json.dump(d, fp=f))", errors: [{ line: 2, column: 9, endLine: 2, endColumn: 27 }], output: null },
  ],
});
