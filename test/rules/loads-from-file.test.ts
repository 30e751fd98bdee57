import rule from "../../src/rules/loads-from-file.js";
import { py, ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    'import json\nwith open("d.json") as f:\n    data = json.loads(f.read())',
    'import json\nwith open("d.json") as f:\n    data = json.load(f)',
    "import json\ndef parse(data):\n    return json.loads(data)",
    { name: "the name was rebound to the contents", code: 'import json\nf = open("d.json")\nf = f.read()\njson.loads(f)' },
    { name: "a different scope's f", code: 'import json\nf = open("d.json")\ndef g(f):\n    return json.loads(f)' },
  ],
  invalid: [
    {
      code: 'import json\nwith open("d.json") as f:\n    data = json.loads(f)',
      errors: [{ line: 3, column: 23, endLine: 3, endColumn: 24, message: "`json.loads()` parses a string, but this is a file object; use `json.load()` to read and parse the file" }],
      fixes: ["Use `json.load()`"],
      output: 'import json\nwith open("d.json") as f:\n    data = json.load(f)',
      applicability: "unsafe",
    },
    { name: "sys.stdin", code: "import json\nimport sys\ndata = json.loads(sys.stdin)", errors: [{ line: 3, column: 19, endLine: 3, endColumn: 28 }], fixes: ["Use `json.load()`"], output: "import json\nimport sys\ndata = json.load(sys.stdin)" },
    { name: "io.StringIO", code: 'import io, json\njson.loads(io.StringIO("{}"))', errors: [{ line: 2, column: 12, endLine: 2, endColumn: 29 }], fixes: ["Use `json.load()`"], output: 'import io, json\njson.load(io.StringIO("{}"))' },
    {
      name: "a TextIO parameter",
      code: py`
        from typing import TextIO
        import json
        def read(stream: TextIO):
            return json.loads(stream)
      `,
      errors: [{ line: 4, column: 23, endLine: 4, endColumn: 29 }],
      fixes: ["Use `json.load()`"],
      output: py`
        from typing import TextIO
        import json
        def read(stream: TextIO):
            return json.load(stream)
      `,
    },
    { name: "f = open(...)", code: 'import json\nf = open("d.json", "rb")\ndata = json.loads(f)', errors: [{ line: 3, column: 19, endLine: 3, endColumn: 20 }], fixes: ["Use `json.load()`"], output: 'import json\nf = open("d.json", "rb")\ndata = json.load(f)' },
    { name: "a closure over a module-level handle", code: 'import json\nf = open("d.json")\ndef g():\n    return json.loads(f)', errors: [{ line: 4, column: 23, endLine: 4, endColumn: 24 }], fixes: ["Use `json.load()`"], output: 'import json\nf = open("d.json")\ndef g():\n    return json.load(f)' },
  ],
});
