import rule from "../../src/rules/unclosed-file.js";
import { py, ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    'import json\nwith open("c.json", encoding="utf-8") as f:\n    data = json.load(f)',
    { name: "a named handle closed later", code: 'import json\nf = open("c.json", encoding="utf-8")\ndata = json.load(f)\nf.close()' },
    { name: "io.StringIO holds no OS resource", code: "import io, json\ndata = json.load(io.StringIO(s))" },
    { name: "an unknown file-like argument", code: "import json\ndef f(make):\n    return json.load(make())" },
    { name: "open() used elsewhere, not by json", code: 'import json\nn = len(open("c.json").read())\nt = json.dumps(n)' },
  ],
  invalid: [
    {
      name: "single quotes: the encoding added follows them",
      code: "import json\nconfig = json.load(open('config.json'))",
      errors: [{ line: 2, column: 20, endLine: 2, endColumn: 39 }],
      fixes: ["Open the file in a `with` block with `encoding=\"utf-8\"`"],
      output: "import json\nwith open('config.json', encoding='utf-8') as f:\n    config = json.load(f)",
      applicability: "unsafe",
    },
    {
      name: "json.load(open(p)) assigned",
      code: 'import json\nconfig = json.load(open("c.json", encoding="utf-8"))',
      errors: [{ line: 2, column: 20, endLine: 2, endColumn: 52, message: "`open()` is never closed: it is closed only when garbage-collected (ResourceWarning); open it in a `with` block" }],
      fixes: ["Open the file in a `with` block"],
      output: 'import json\nwith open("c.json", encoding="utf-8") as f:\n    config = json.load(f)',
      applicability: "unsafe",
    },
    {
      name: "json.dump(x, open(p, 'w')) as a statement, a comment kept",
      code: 'import json\njson.dump(d, open("o.json", "w"))  # save',
      errors: [{ line: 2, column: 14, endLine: 2, endColumn: 33, message: /^`open\(\)` is never closed: written data may not be flushed/ }],
      fixes: ["Open the file in a `with` block"],
      output: 'import json\nwith open("o.json", "w") as f:\n    json.dump(d, f)  # save',
    },
    {
      name: "json.loads(open(p).read()) becomes json.load(f)",
      code: 'import json\ndata = json.loads(open("c.json", encoding="utf-8").read())',
      errors: [{ line: 2, column: 19, endLine: 2, endColumn: 51 }],
      fixes: ["Open the file in a `with` block"],
      output: 'import json\nwith open("c.json", encoding="utf-8") as f:\n    data = json.load(f)',
    },
    {
      name: "in a return (SIM115 misses it), with the missing encoding added, inside a function",
      code: py`
        import json

        def load(path):
            return json.load(open(path))
      `,
      errors: [{ line: 4, column: 22, endLine: 4, endColumn: 32, message: /and it has no `encoding=`; open it in a `with` block$/ }],
      fixes: ["Open the file in a `with` block with `encoding=\"utf-8\"`"],
      output: py`
        import json

        def load(path):
            with open(path, encoding="utf-8") as f:
                return json.load(f)
      `,
    },
    {
      name: "dump with ensure_ascii=False: the encoding matters",
      code: 'import json\njson.dump(d, open("o.json", "w"), ensure_ascii=False)',
      errors: [{ line: 2, column: 14, endLine: 2, endColumn: 33 }],
      fixes: ["Open the file in a `with` block with `encoding=\"utf-8\"`"],
      output: 'import json\nwith open("o.json", "w", encoding="utf-8") as f:\n    json.dump(d, f, ensure_ascii=False)',
    },
    {
      name: "Path.open(), and the name f taken",
      code: py`
        import json
        from pathlib import Path

        def save(d, f):
            json.dump(d, Path(f).open("w"))
      `,
      errors: [{ line: 5, column: 18, endLine: 5, endColumn: 35 }],
      fixes: ["Open the file in a `with` block"],
      output: py`
        import json
        from pathlib import Path

        def save(d, f):
            with Path(f).open("w") as fp:
                json.dump(d, fp)
      `,
    },
    {
      name: "CRLF and tabs are kept",
      code: 'import json\r\nif True:\r\n\tdata = json.load(open("c.json", "rb"))\r\n',
      errors: [{ line: 3, column: 19, endLine: 3, endColumn: 39 }],
      fixes: ["Open the file in a `with` block"],
      output: 'import json\r\nif True:\r\n\twith open("c.json", "rb") as f:\r\n\t\tdata = json.load(f)\r\n',
    },
    {
      name: "a read with a size: the call stays loads",
      code: 'import json\ndata = json.loads(open("c.json", encoding="utf-8").read(100))',
      errors: [{ line: 2, column: 19, endLine: 2, endColumn: 51 }],
      fixes: ["Open the file in a `with` block"],
      output: 'import json\nwith open("c.json", encoding="utf-8") as f:\n    data = json.loads(f.read(100))',
    },
    { name: "in a comprehension: no fix", code: 'import json\nall = [json.load(open(p, "rb")) for p in ps]', errors: [{ line: 2, column: 18, endLine: 2, endColumn: 31 }], output: null },
    { name: "in a condition: no fix", code: 'import json\nif json.load(open("c.json", "rb")):\n    pass', errors: [{ line: 2, column: 14, endLine: 2, endColumn: 34 }], output: null },
    { name: "urlopen", code: "import json\nfrom urllib.request import urlopen\nr = json.load(urlopen(u))", errors: [{ line: 3, column: 15, endLine: 3, endColumn: 25 }], fixes: ["Open the file in a `with` block"], output: "import json\nfrom urllib.request import urlopen\nwith urlopen(u) as f:\n    r = json.load(f)" },
  ],
});
