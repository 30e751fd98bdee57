import rule from "../../src/rules/dump-to-unwritable-file.js";
import { py, ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    'import json\nwith open("o.json", "w") as f:\n    json.dump(d, f)',
    'import json\nwith open("o.json", "r+") as f:\n    json.dump(d, f)',
    { name: "a mode we cannot read", code: 'import json\nwith open("o.json", mode=m) as f:\n    json.dump(d, f)' },
    { name: "*args to open()", code: 'import json\nwith open("o.json", *a) as f:\n    json.dump(d, f)' },
    "import io, json\njson.dump(d, io.StringIO())",
    "import json, sys\njson.dump(d, sys.stdout)",
    { name: "codecs.open with an encoding writes str, whatever its mode", code: 'import codecs, json\nwith codecs.open("o.json", "wb", encoding="utf-8") as f:\n    json.dump(d, f)' },
    { name: "gzip in text mode", code: 'import gzip, json\nwith gzip.open("o.gz", "wt") as f:\n    json.dump(d, f)' },
    {
      name: "either branch may have run: unknown",
      code: py`
        import json
        if c:
            f = open("a.json", "w")
        else:
            f = open("a.json")
        json.dump(d, f)
      `,
    },
  ],
  invalid: [
    {
      name: "single quotes: the inserted mode follows them",
      code: "import json\nwith open('o.json') as f:\n    json.dump(d, f)",
      errors: [{ line: 3, column: 18, endLine: 3, endColumn: 19 }],
      fixes: ["Open the file for writing, in text mode"],
      output: "import json\nwith open('o.json', 'w') as f:\n    json.dump(d, f)",
      applicability: "unsafe",
    },
    {
      name: "single quotes: binary mode loses its b and gets encoding='utf-8'",
      code: "import json\nwith open('o.json', 'wb') as f:\n    json.dump(d, f)",
      errors: [{ line: 3, column: 18, endLine: 3, endColumn: 19 }],
      fixes: ["Open the file for writing, in text mode"],
      output: "import json\nwith open('o.json', 'w', encoding='utf-8') as f:\n    json.dump(d, f)",
      applicability: "unsafe",
    },
    {
      code: 'import json\nwith open("d.json") as f:\n    json.dump(d, f)',
      errors: [{ line: 3, column: 18, endLine: 3, endColumn: 19, message: '`f` is open for reading only (mode `"r"`); `json.dump()` needs a file opened for writing' }],
      fixes: ["Open the file for writing, in text mode"],
      output: 'import json\nwith open("d.json", "w") as f:\n    json.dump(d, f)',
      applicability: "unsafe",
    },
    {
      name: "rb: text mode and an encoding",
      code: 'import json\nwith open("d.json", "rb") as f:\n    json.dump(d, f)',
      errors: [{ line: 3, column: 18, endLine: 3, endColumn: 19 }],
      fixes: ["Open the file for writing, in text mode"],
      output: 'import json\nwith open("d.json", "w", encoding="utf-8") as f:\n    json.dump(d, f)',
    },
    {
      name: "wb",
      code: "import json\njson.dump(d, open('o.json', 'wb'))",
      errors: [{ line: 2, column: 14, endLine: 2, endColumn: 34, message: "`open('o.json', 'wb')` is open in binary mode (mode `\"wb\"`); `json.dump()` writes str: open it in text mode" }],
      fixes: ["Open the file for writing, in text mode"],
      output: "import json\njson.dump(d, open('o.json', 'w', encoding='utf-8'))",
    },
    { name: "gzip's w is binary", code: 'import gzip, json\nwith gzip.open("o.gz", "w") as f:\n    json.dump(d, f)', errors: [{ line: 3, column: 18, endLine: 3, endColumn: 19 }], fixes: ["Open the file for writing, in text mode"], output: 'import gzip, json\nwith gzip.open("o.gz", "wt") as f:\n    json.dump(d, f)' },
    { name: "sys.stdin: no fix", code: "import json, sys\njson.dump(d, sys.stdin)", errors: [{ line: 2, column: 14, endLine: 2, endColumn: 23 }], output: null },
    { name: "BytesIO: no fix", code: "import io, json\njson.dump(d, io.BytesIO())", errors: [{ line: 2, column: 14, endLine: 2, endColumn: 26 }], output: null },
    { name: "Path.open()", code: 'from pathlib import Path\nimport json\nwith Path("o.json").open() as f:\n    json.dump(d, f)', errors: [{ line: 4, column: 18, endLine: 4, endColumn: 19 }], fixes: ["Open the file for writing, in text mode"], output: 'from pathlib import Path\nimport json\nwith Path("o.json").open("w") as f:\n    json.dump(d, f)' },
    {
      name: "the handle is also read: no fix",
      code: 'import json\nwith open("d.json") as f:\n    old = f.read()\n    json.dump(d, f)',
      errors: [{ line: 4, column: 18, endLine: 4, endColumn: 19 }],
      output: null,
    },
    { name: "a tempfile is binary by default", code: "import json, tempfile\nwith tempfile.NamedTemporaryFile() as t:\n    json.dump(d, t)", errors: [{ line: 3, column: 18, endLine: 3, endColumn: 19 }], output: null },
  ],
});
