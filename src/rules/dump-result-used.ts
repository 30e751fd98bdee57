import { calleeWith } from "./edits.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    code: "JSN002",
    name: "dump-result-used",
    summary: "The value of `json.dump(...)`, always `None`, is used",
    severity: "error",
    defaultEnabled: true,
    fix: { availability: "none", applicability: null, title: null },
    docs: {
      what: "Finds uses of the value of a `json.dump(obj, fp)` call: assigned, returned, passed as an argument, or used as an operand.",
      why: "`json.dump()` writes the JSON text to `fp` and returns `None`. Code that uses its value expected the JSON text, which is what `json.dumps()` returns; it goes on with `None` and fails later, far from the cause (or sends `null` somewhere).",
      whatHappens: "TypeError: object of type 'NoneType' has no len()",
      example: 'import io\nimport json\n\nbuffer = io.StringIO()\ntext = json.dump({"a": 1}, buffer)\nprint(len(text))\n',
      useInstead: 'import io\nimport json\n\nbuffer = io.StringIO()\njson.dump({"a": 1}, buffer)\ntext = buffer.getvalue()\nprint(len(text))\n',
      fixSafety: "There is no fix: the call both writes to a file and has its value used, and only the author knows which of the two was meant.",
      references: ["https://docs.python.org/3/library/json.html#json.dump"],
    },
  },
  checkCall(call, ctx) {
    if (call.api !== "dump" || !call.bound.has("fp")) return;
    if (call.usage === "statement" || call.usage === "lambda") return;
    ctx.report({
      node: call.node,
      message: `\`${call.callee.text}()\` writes to its file and returns \`None\`; use \`${calleeWith(call, "dumps")}()\` to get the JSON text`,
    });
  },
});
