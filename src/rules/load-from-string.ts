import { calleeWith, renameApi } from "./edits.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    code: "JSN005",
    name: "load-from-string",
    summary: "`json.load(text)`: a string or bytes where a file object is needed",
    severity: "error",
    defaultEnabled: true,
    fix: { availability: "sometimes", applicability: "unsafe", title: "Use `json.loads()`" },
    docs: {
      what: "Finds `json.load()` calls whose argument is text or bytes: a string literal that is not a file name, `f.read()`, `resp.text`, `b.decode()`, a `str` parameter, and the like.",
      why: "`json.load(fp)` calls `fp.read()`; a string has no `read` method, so the call raises. The code meant `json.loads(s)`, which parses the string itself.",
      whatHappens: "AttributeError: 'str' object has no attribute 'read'",
      example: 'import json\n\ntext = \'{"a": 1}\'\ndata = json.load(text)\n',
      useInstead: 'import json\n\ntext = \'{"a": 1}\'\ndata = json.loads(text)\n',
      fixSafety: "Unsafe: the call always raised, so any fix changes what the program does. `json.loads()` is what a call on text means; the fix is not offered when the callee was imported by name (`from json import load`), where it would need a new import.",
      references: ["https://docs.python.org/3/library/json.html#json.loads"],
    },
  },
  checkCall(call, ctx) {
    if (call.api !== "load" || call.target?.kind.kind !== "text") return;
    const kind = call.target.kind;
    const what = kind.bytes ? "bytes" : kind.bytes === false ? "a string" : "text";
    const edit = renameApi(call, "loads");
    const loads = calleeWith(call, "loads");
    ctx.report({
      node: call.target.arg.value,
      message: `\`${call.callee.text}()\` reads from a file object, but this is ${what}; use \`${loads}()\` to parse it`,
      fix: edit ? { applicability: "unsafe", message: `Use \`${loads}()\``, edits: [edit] } : null,
    });
  },
});
