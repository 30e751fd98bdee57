import rule from "../../src/rules/load-from-string.js";
import { py, ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    'import json\nwith open("d.json") as f:\n    data = json.load(f)',
    "import json\njson.loads('{\"a\": 1}')",
    { name: "unknown stream", code: "import json\ndef read(stream):\n    return json.load(stream)" },
    { name: "a file name: load-from-path's", code: 'import json\njson.load("data.json")' },
    { name: "a str parameter named like a path: load-from-path's", code: "import json\ndef read(path: str):\n    return json.load(path)" },
    { name: "resp.json() is not json.load", code: "import json\nresp.json()" },
  ],
  invalid: [
    {
      code: "import json\ndata = json.load('{\"a\": 1}')",
      errors: [{ line: 2, column: 18, endLine: 2, endColumn: 28, message: "`json.load()` reads from a file object, but this is a string; use `json.loads()` to parse it" }],
      fixes: ["Use `json.loads()`"],
      output: "import json\ndata = json.loads('{\"a\": 1}')",
      applicability: "unsafe",
    },
    {
      name: "f.read()",
      code: 'import json\nwith open("d.json") as f:\n    data = json.load(f.read())',
      errors: [{ line: 3, column: 22, endLine: 3, endColumn: 30 }],
      fixes: ["Use `json.loads()`"],
      output: 'import json\nwith open("d.json") as f:\n    data = json.loads(f.read())',
    },
    {
      name: "a response's .text",
      code: "import json\nimport requests\ndata = json.load(requests.get(u).text)",
      errors: [{ line: 3, column: 18, endLine: 3, endColumn: 38 }],
      fixes: ["Use `json.loads()`"],
      output: "import json\nimport requests\ndata = json.loads(requests.get(u).text)",
    },
    {
      name: "a str parameter",
      code: py`
        import json
        def parse(body: str):
            return json.load(body)
      `,
      errors: [{ line: 3, column: 22, endLine: 3, endColumn: 26 }],
      fixes: ["Use `json.loads()`"],
      output: py`
        import json
        def parse(body: str):
            return json.loads(body)
      `,
    },
    {
      name: "bytes, through a bare name: no fix",
      code: 'from json import load\nx = load(b"{}")',
      errors: [{ line: 2, column: 10, endLine: 2, endColumn: 15, message: /this is bytes/ }],
      output: null,
    },
    {
      name: "a variable assigned from .decode()",
      code: "import json\nbody = raw.decode()\nx = json.load(body)",
      errors: [{ line: 3, column: 15, endLine: 3, endColumn: 19 }],
      fixes: ["Use `json.loads()`"],
      output: "import json\nbody = raw.decode()\nx = json.loads(body)",
    },
  ],
});
