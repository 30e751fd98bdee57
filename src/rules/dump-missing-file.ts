import { calleeWith, renameApi } from "./edits.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    code: "JSN001",
    name: "dump-missing-file",
    summary: "`json.dump(obj)` called without a file to write to",
    severity: "error",
    defaultEnabled: true,
    fix: { availability: "sometimes", applicability: "unsafe", title: "Use `json.dumps()`" },
    docs: {
      what: "Finds calls of `json.dump()` with the object to serialize but no file.",
      why: "`json.dump(obj, fp)` writes to the file object `fp`; without one it raises before writing anything. The code almost always meant `json.dumps(obj)`, which returns the JSON text as a string.",
      whatHappens: "TypeError: dump() missing 1 required positional argument: 'fp'",
      example: 'import json\n\ndata = {"name": "dumpling"}\nbody = json.dump(data)\n',
      useInstead: 'import json\n\ndata = {"name": "dumpling"}\nbody = json.dumps(data)\n',
      fixSafety: "Unsafe: the call always raised, so any fix changes what the program does. It is offered only when the call's value is used (assigned, returned, passed on), where `json.dumps()` is what was meant; when the value is unused, the author meant to write somewhere and only they know where, so there is no fix.",
      references: ["https://docs.python.org/3/library/json.html#json.dump"],
    },
  },
  checkCall(call, ctx) {
    if (call.api !== "dump" || call.hasStarArgs || call.hasStarStarArgs) return;
    if (!call.bound.has("obj") || call.bound.has("fp")) return;
    const edit = call.usage !== "statement" ? renameApi(call, "dumps") : null;
    ctx.report({
      node: call.node,
      message: `\`${call.callee.text}()\` needs a file to write to; use \`${calleeWith(call, "dumps")}()\` to get a string`,
      fix: edit ? { applicability: "unsafe", message: `Use \`${calleeWith(call, "dumps")}()\``, edits: [edit] } : null,
    });
  },
});
