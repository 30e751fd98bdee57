import rule from "../../src/rules/load-from-write-only-file.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    'import json\nwith open("d.json") as f:\n    data = json.load(f)',
    'import json\nwith open("d.json", "w+") as f:\n    data = json.load(f)',
    'import json\nwith open("d.json", "a+") as f:\n    data = json.load(f)',
    "import json, sys\ndata = json.load(sys.stdin)",
  ],
  invalid: [
    {
      code: 'import json\nwith open("d.json", "w") as f:\n    data = json.load(f)',
      errors: [{ line: 3, column: 22, endLine: 3, endColumn: 23, message: '`f` is open for writing only (mode `"w"`, which has already emptied the file); `json.load()` needs a file opened for reading' }],
      output: null,
    },
    { code: 'import json\nwith open("d.json", "a") as f:\n    data = json.load(f)', errors: [{ line: 3, column: 22, endLine: 3, endColumn: 23, message: '`f` is open for writing only (mode `"a"`); `json.load()` needs a file opened for reading' }], output: null },
    { code: 'import json\ndata = json.load(open("d.json", "xb"))', errors: [{ line: 2, column: 18, endLine: 2, endColumn: 38 }], output: null },
    { name: "sys.stdout", code: "import json, sys\ndata = json.load(sys.stdout)", errors: [{ line: 2, column: 18, endLine: 2, endColumn: 28 }], output: null },
  ],
});
