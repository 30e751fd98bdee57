import rule from "../../src/rules/syntax-error.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    "import json\nprint(json.dumps({}))",
    { name: "a file that cannot call json is never parsed", code: "def f(:\n    pass" },
    { name: "Python 2 print is accepted by the grammar", code: 'import json\nprint "x"' },
  ],
  invalid: [
    {
      name: "a missing parenthesis",
      code: "import json\ndef f(:\n    return json.dumps(1)",
      errors: [{ line: 2, column: 7, endLine: 2, endColumn: 7, message: "Syntax error: expected `)`" }],
      output: null,
    },
    {
      name: "an unexpected token",
      code: "import json\nx = json.dumps(1))\n",
      errors: [{ line: 2, column: 18, endLine: 2, endColumn: 19, message: "Syntax error: unexpected `)`" }],
      output: null,
    },
    {
      name: "a dangling operator",
      code: "import json\nx = json.dumps(1) +\n",
      errors: [{ line: 2, column: 19, endLine: 2, endColumn: 20, message: "Syntax error: unexpected `+`" }],
      output: null,
    },
  ],
});
