import rule from "../../src/rules/open-without-encoding.js";
import { py, ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    'import json\nwith open("c.json", encoding="utf-8") as f:\n    data = json.load(f)',
    { name: "binary mode: json decodes the bytes itself", code: 'import json\nwith open("c.json", "rb") as f:\n    data = json.load(f)' },
    { name: "dump with ensure_ascii default writes ASCII", code: 'import json\nwith open("o.json", "w") as f:\n    json.dump(d, f)' },
    { name: "dump with ensure_ascii=True", code: 'import json\nwith open("o.json", "w") as f:\n    json.dump(d, f, ensure_ascii=True)' },
    { name: "an inline open is JSN020's", code: 'import json\ndata = json.load(open("c.json"))' },
    { name: "read-only file for dump is JSN010's", code: 'import json\nwith open("c.json") as f:\n    json.dump(d, f, ensure_ascii=False)' },
    { name: "write-only file for load is JSN011's", code: 'import json\nwith open("c.json", "w") as f:\n    json.load(f)' },
    { name: "**kwargs may hold the encoding", code: 'import json\nwith open("c.json", **kw) as f:\n    json.load(f)' },
    { name: "an encoding passed positionally", code: 'import json\nwith open("c.json", "r", -1, "utf-8") as f:\n    json.load(f)' },
  ],
  invalid: [
    {
      name: "os.fdopen is open() on a file descriptor",
      code: 'import json, os\nwith os.fdopen(fd, "w") as f:\n    json.dump(d, f, ensure_ascii=False)',
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 24, message: '`os.fdopen(fd, "w")` has no `encoding=`: the locale\'s encoding is used (cp1252 on Windows) and `json.dump()` writes non-ASCII text to it (`ensure_ascii=False`); pass `encoding="utf-8"`' }],
      fixes: ["Add `encoding=\"utf-8\"`"],
      output: 'import json, os\nwith os.fdopen(fd, "w", encoding="utf-8") as f:\n    json.dump(d, f, ensure_ascii=False)',
      applicability: "unsafe",
    },
    {
      name: "a file written with single quotes gets encoding='utf-8'",
      code: "import json, sys\nwith open(sys.argv[1], 'r') as f:\n    data = json.load(f)",
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 28 }],
      fixes: ["Add `encoding=\"utf-8\"`"],
      output: "import json, sys\nwith open(sys.argv[1], 'r', encoding='utf-8') as f:\n    data = json.load(f)",
      applicability: "unsafe",
    },
    {
      name: "the quote most strings use wins: two double-quoted strings against one single-quoted",
      code: "import json\nprint(\"a\", \"b\")\nwith open('c.json') as f:\n    data = json.load(f)",
      errors: [{ line: 3, column: 6, endLine: 3, endColumn: 20 }],
      fixes: ["Add `encoding=\"utf-8\"`"],
      output: "import json\nprint(\"a\", \"b\")\nwith open('c.json', encoding=\"utf-8\") as f:\n    data = json.load(f)",
      applicability: "unsafe",
    },
    {
      code: 'import json\nwith open("c.json") as f:\n    data = json.load(f)',
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 20, message: '`open("c.json")` has no `encoding=`: the locale\'s encoding is used (cp1252 on Windows) and `json.load()` reads it; pass `encoding="utf-8"`' }],
      fixes: ["Add `encoding=\"utf-8\"`"],
      output: 'import json\nwith open("c.json", encoding="utf-8") as f:\n    data = json.load(f)',
      applicability: "unsafe",
    },
    {
      name: "dump with ensure_ascii=False, a trailing comma and a comment",
      code: py`
        import json
        with open(
            "o.json",
            "w",  # text
        ) as out:
            json.dump(d, out, ensure_ascii=False)
      `,
      errors: [{ line: 2, column: 6, endLine: 5, endColumn: 2, message: /`json.dump\(\)` writes non-ASCII text to it \(`ensure_ascii=False`\)/ }],
      fixes: ["Add `encoding=\"utf-8\"`"],
      output: py`
        import json
        with open(
            "o.json",
            "w", encoding="utf-8",  # text
        ) as out:
            json.dump(d, out, ensure_ascii=False)
      `,
    },
    {
      name: "loads(f.read()), reported once for two calls on one handle",
      code: 'import json\nf = open("c.json")\na = json.loads(f.read())\nb = json.load(f)',
      errors: [{ line: 2, column: 5, endLine: 2, endColumn: 19 }],
      fixes: ["Add `encoding=\"utf-8\"`"],
      output: 'import json\nf = open("c.json", encoding="utf-8")\na = json.loads(f.read())\nb = json.load(f)',
    },
    {
      name: "Path.open()",
      code: 'import json\nfrom pathlib import Path\nwith Path("c.json").open() as f:\n    json.load(f)',
      errors: [{ line: 3, column: 6, endLine: 3, endColumn: 27 }],
      fixes: ["Add `encoding=\"utf-8\"`"],
      output: 'import json\nfrom pathlib import Path\nwith Path("c.json").open(encoding="utf-8") as f:\n    json.load(f)',
    },
    {
      name: "gzip in text mode",
      code: 'import gzip, json\nwith gzip.open("c.json.gz", "rt") as f:\n    json.load(f)',
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 34 }],
      fixes: ["Add `encoding=\"utf-8\"`"],
      output: 'import gzip, json\nwith gzip.open("c.json.gz", "rt", encoding="utf-8") as f:\n    json.load(f)',
    },
  ],
});
