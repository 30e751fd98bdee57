import rule from "../../src/rules/syntax-error.js";
import { ruleTester } from "../support/rule-tester.js";

ruleTester(rule, {
  valid: [
    "import json\nprint(json.dumps({}))",
    { name: "a file that cannot call json is never parsed", code: "def f(:\n    pass" },
    { name: "`print >>f, x` is a shift in Python 3, not a print statement", code: "import json\nprint >>f, json.dumps(1)" },
    { name: "`print -1` and `exec (c), d` are expressions in Python 3", code: "import json\nprint -1\nexec (c), d" },
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
    {
      name: "Python 2's print and exec statements (CPython 3: \"Missing parentheses in call to 'print'\")",
      code: 'import json\nprint "x", json.dumps(1)\nexec"code"\n',
      errors: [
        { line: 2, column: 1, endLine: 2, endColumn: 6, message: "Syntax error: missing parentheses in call to `print` (a Python 2 statement); use `print(...)`" },
        { line: 3, column: 1, endLine: 3, endColumn: 5, message: "Syntax error: missing parentheses in call to `exec` (a Python 2 statement); use `exec(...)`" },
      ],
      output: null,
    },
    {
      name: "a print statement after `;` or in a one-line block, indented, with a comment that says print first",
      code: '# print the data\nimport json\nx = 1; print x\nif x: print json.dumps(x)\nif x:\n    print "y"\n',
      errors: [
        { line: 3, column: 8, endLine: 3, endColumn: 13, message: "Syntax error: missing parentheses in call to `print` (a Python 2 statement); use `print(...)`" },
        { line: 4, column: 7, endLine: 4, endColumn: 12, message: "Syntax error: missing parentheses in call to `print` (a Python 2 statement); use `print(...)`" },
        { line: 6, column: 5, endLine: 6, endColumn: 10, message: "Syntax error: missing parentheses in call to `print` (a Python 2 statement); use `print(...)`" },
      ],
      output: null,
    },
  ],
});
