import rule from "../../src/rules/dump-to-path.js";
import { py, ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    'import json\nwith open("o.json", "w") as f:\n    json.dump(d, f)',
    { name: "an unknown parameter", code: "import json\ndef save(d, target):\n    json.dump(d, target)" },
    "import json, sys\njson.dump(d, sys.stdout)",
    { name: "a string that is not a file name", code: 'import json\njson.dump(d, "hello world")' },
  ],
  invalid: [
    {
      name: "single quotes: the mode and the encoding follow them",
      code: "import json\njson.dump(d, 'out.json')",
      errors: [{ line: 2, column: 14, endLine: 2, endColumn: 24 }],
      fixes: ["Open `'out.json'` with `open(..., \"w\", encoding=\"utf-8\")` in a `with` block"],
      output: "import json\nwith open('out.json', 'w', encoding='utf-8') as f:\n    json.dump(d, f)",
      applicability: "unsafe",
    },
    {
      code: 'import json\njson.dump(d, "out.json")',
      errors: [{ line: 2, column: 14, endLine: 2, endColumn: 24, message: '`json.dump()` writes to an open file, not a path: open `"out.json"` for writing and pass the file' }],
      fixes: ["Open `\"out.json\"` with `open(..., \"w\", encoding=\"utf-8\")` in a `with` block"],
      output: 'import json\nwith open("out.json", "w", encoding="utf-8") as f:\n    json.dump(d, f)',
      applicability: "unsafe",
    },
    {
      name: "os.path.join, and a handle name already taken",
      code: py`
        import json
        import os

        def save(d, f):
            json.dump(d, os.path.join("out", "x.json"))
      `,
      errors: [{ line: 5, column: 18, endLine: 5, endColumn: 47 }],
      fixes: ["Open `os.path.join(\"out\", \"x.json\")` with `open(..., \"w\", encoding=\"utf-8\")` in a `with` block"],
      output: py`
        import json
        import os

        def save(d, f):
            with open(os.path.join("out", "x.json"), "w", encoding="utf-8") as fp:
                json.dump(d, fp)
      `,
    },
    {
      name: "a pathlib join, options and a comment kept",
      code: 'from pathlib import Path\nimport json\nout = Path("build")\njson.dump(d, out / "x.json", indent=2)  # keep',
      errors: [{ line: 4, column: 14, endLine: 4, endColumn: 28 }],
      fixes: ["Open `out / \"x.json\"` with `open(..., \"w\", encoding=\"utf-8\")` in a `with` block"],
      output: 'from pathlib import Path\nimport json\nout = Path("build")\nwith open(out / "x.json", "w", encoding="utf-8") as f:\n    json.dump(d, f, indent=2)  # keep',
    },
    {
      name: "tabs",
      code: 'import json\nif True:\n\tjson.dump(d, "o.json")',
      errors: [{ line: 3, column: 15, endLine: 3, endColumn: 23 }],
      fixes: ["Open `\"o.json\"` with `open(..., \"w\", encoding=\"utf-8\")` in a `with` block"],
      output: 'import json\nif True:\n\twith open("o.json", "w", encoding="utf-8") as f:\n\t\tjson.dump(d, f)',
    },
    {
      name: "CRLF line endings are kept",
      code: 'import json\r\njson.dump(d, "o.json")\r\n',
      errors: [{ line: 2, column: 14, endLine: 2, endColumn: 22 }],
      fixes: ["Open `\"o.json\"` with `open(..., \"w\", encoding=\"utf-8\")` in a `with` block"],
      output: 'import json\r\nwith open("o.json", "w", encoding="utf-8") as f:\r\n    json.dump(d, f)\r\n',
    },
    { name: "not alone on its line: no fix", code: 'import json\nx = 1; json.dump(d, "o.json")', errors: [{ line: 2, column: 21, endLine: 2, endColumn: 29 }], output: null },
    { name: "value used: no fix", code: 'import json\nr = json.dump(d, "o.json")', errors: [{ line: 2, column: 18, endLine: 2, endColumn: 26 }], output: null },
    {
      name: "a Path parameter",
      code: py`
        import json
        from pathlib import Path
        def save(d, p: Path):
            json.dump(d, p)
      `,
      errors: [{ line: 4, column: 18, endLine: 4, endColumn: 19 }],
      fixes: ["Open `p` with `open(..., \"w\", encoding=\"utf-8\")` in a `with` block"],
      output: py`
        import json
        from pathlib import Path
        def save(d, p: Path):
            with open(p, "w", encoding="utf-8") as f:
                json.dump(d, f)
      `,
    },
    {
      name: "a multi-line call is re-indented",
      code: 'import json\njson.dump(\n    d,\n    "o.json",\n)',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 13 }],
      fixes: ["Open `\"o.json\"` with `open(..., \"w\", encoding=\"utf-8\")` in a `with` block"],
      output: 'import json\nwith open("o.json", "w", encoding="utf-8") as f:\n    json.dump(\n        d,\n        f,\n    )',
    },
  ],
});
