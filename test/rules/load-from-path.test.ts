import rule from "../../src/rules/load-from-path.js";
import { py, ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    "import json\njson.loads(text)",
    { name: "an open() call is a file", code: 'import json\njson.load(open("config.json"))' },
    { name: "JSON text that ends in .json is still text when it has spaces", code: "import json\njson.loads('{\"file\": \"a.json\"}')" },
  ],
  invalid: [
    {
      name: "single quotes: the encoding follows them",
      code: "import json\nconfig = json.load('config.json')",
      errors: [{ line: 2, column: 20, endLine: 2, endColumn: 33 }],
      fixes: ["Open `'config.json'` in a `with` block and use `json.load(f)`"],
      output: "import json\nwith open('config.json', encoding='utf-8') as f:\n    config = json.load(f)",
      applicability: "unsafe",
    },
    {
      code: 'import json\nconfig = json.loads("config.json")',
      errors: [{ line: 2, column: 21, endLine: 2, endColumn: 34, message: '`json.loads()` parses the text it is given, here a path: open `"config.json"` and use `json.load()` to read the file' }],
      fixes: ["Open `\"config.json\"` in a `with` block and use `json.load(f)`"],
      output: 'import json\nwith open("config.json", encoding="utf-8") as f:\n    config = json.load(f)',
      applicability: "unsafe",
    },
    {
      code: 'import json\nconfig = json.load("config.json")',
      errors: [{ line: 2, column: 20, endLine: 2, endColumn: 33, message: '`json.load()` reads from an open file, not a path: open `"config.json"` and pass the file' }],
      fixes: ["Open `\"config.json\"` in a `with` block and use `json.load(f)`"],
      output: 'import json\nwith open("config.json", encoding="utf-8") as f:\n    config = json.load(f)',
    },
    {
      name: "a Path parameter, returned",
      code: py`
        import json
        from pathlib import Path
        def read(p: Path):
            return json.load(p)
      `,
      errors: [{ line: 4, column: 22, endLine: 4, endColumn: 23 }],
      fixes: ["Open `p` in a `with` block and use `json.load(f)`"],
      output: py`
        import json
        from pathlib import Path
        def read(p: Path):
            with open(p, encoding="utf-8") as f:
                return json.load(f)
      `,
    },
    { name: "an f-string file name", code: 'import json\ndata = json.load(f"{root}/data.json")', errors: [{ line: 2, column: 18, endLine: 2, endColumn: 37 }], fixes: ["Open `f\"{root}/data.json\"` in a `with` block and use `json.load(f)`"], output: 'import json\nwith open(f"{root}/data.json", encoding="utf-8") as f:\n    data = json.load(f)' },
    { name: "options are kept", code: 'import json\nd = json.loads("d.json", object_hook=h)', errors: [{ line: 2, column: 16, endLine: 2, endColumn: 24 }], fixes: ["Open `\"d.json\"` in a `with` block and use `json.load(f)`"], output: 'import json\nwith open("d.json", encoding="utf-8") as f:\n    d = json.load(f, object_hook=h)' },
    { name: "inside a comprehension: no fix", code: 'import json\nds = [json.load("a.json") for _ in range(2)]', errors: [{ line: 2, column: 17, endLine: 2, endColumn: 25 }], output: null },
  ],
});
