import rule from "../../src/rules/positional-option.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    "import json\njson.dumps(d, indent=4)",
    { name: "simplejson takes options positionally", code: "import simplejson\nsimplejson.dumps(d, True)" },
    { name: "*args", code: "import json\njson.dumps(d, *opts)" },
    { name: "a file: dumps-given-file's", code: "import json\njson.dumps(d, f)" },
    { name: "a path literal: dumps-given-file's", code: 'import json\njson.dumps(d, "out.json")' },
  ],
  invalid: [
    {
      code: "import json\ntext = json.dumps(d, 4)",
      errors: [{ line: 2, column: 22, endLine: 2, endColumn: 23, message: "`json.dumps()` takes 1 positional argument; options are keyword-only: `4` is most likely `indent=4`" }],
      fixes: ["Pass it as `indent=4`"],
      output: "import json\ntext = json.dumps(d, indent=4)",
      applicability: "unsafe",
    },
    {
      name: "True could be any flag: no fix",
      code: "import json\njson.dump(d, f, True)",
      errors: [{ line: 2, column: 17, endLine: 2, endColumn: 21, message: "`json.dump()` takes 2 positional arguments; options are keyword-only: pass `True` by the keyword of the option you meant" }],
      output: null,
    },
    { name: "OrderedDict", code: "import json\njson.loads(s, OrderedDict)", errors: [{ line: 2, column: 15, endLine: 2, endColumn: 26 }], fixes: ["Pass it as `object_pairs_hook=OrderedDict`"], output: "import json\njson.loads(s, object_pairs_hook=OrderedDict)" },
    { name: "separators", code: 'import json\njson.dumps(d, (",", ":"))', errors: [{ line: 2, column: 15, endLine: 2, endColumn: 25 }], fixes: ["Pass it as `separators=(\",\", \":\")`"], output: 'import json\njson.dumps(d, separators=(",", ":"))' },
    { name: "before keywords", code: "import json\njson.dumps(d, 4, sort_keys=True)", errors: [{ line: 2, column: 15, endLine: 2, endColumn: 16 }], fixes: ["Pass it as `indent=4`"], output: "import json\njson.dumps(d, indent=4, sort_keys=True)" },
    {
      name: "two extras: the first is not last, the second has no guess",
      code: "import json\njson.dumps(d, 2, True)",
      errors: [{ line: 2, column: 15, endLine: 2, endColumn: 16 }, { line: 2, column: 18, endLine: 2, endColumn: 22 }],
      output: null,
    },
    { name: "a variable named like the option", code: "import json\njson.dumps(d, indent)", errors: [{ line: 2, column: 15, endLine: 2, endColumn: 21 }], fixes: ["Pass it as `indent=indent`"], output: "import json\njson.dumps(d, indent=indent)" },
    { name: "already given by keyword: no fix", code: "import json\njson.dumps(d, 4, indent=2)", errors: [{ line: 2, column: 15, endLine: 2, endColumn: 16 }], output: null },
    { name: "a custom encoder class", code: "import json\njson.dumps(d, DateEncoder)", errors: [{ line: 2, column: 15, endLine: 2, endColumn: 26 }], fixes: ["Pass it as `cls=DateEncoder`"], output: "import json\njson.dumps(d, cls=DateEncoder)" },
    { name: "load", code: "import json\njson.load(f, Decimal)", errors: [{ line: 2, column: 14, endLine: 2, endColumn: 21, message: /^`json\.load\(\)` takes 1 positional argument/ }], fixes: ["Pass it as `parse_float=Decimal`"], output: "import json\njson.load(f, parse_float=Decimal)" },
  ],
});
