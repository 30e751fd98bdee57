import { freshHandleName, pyString, wrapStatementInWith } from "./edits.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    code: "JSN004",
    name: "dump-to-path",
    summary: "`json.dump(obj, path)`: a path where an open file is needed",
    severity: "error",
    defaultEnabled: true,
    fix: { availability: "sometimes", applicability: "unsafe", title: "Open the path for writing in a `with` block" },
    docs: {
      what: "Finds `json.dump()` calls whose file argument is a path: a file-name string literal, a `pathlib.Path`, an `os.path.join(...)` result, or a name holding one.",
      why: "`json.dump()` calls `fp.write()` on its second argument; a path has no `write` method, so the call raises and nothing is written.",
      whatHappens: "AttributeError: 'str' object has no attribute 'write'",
      example: 'import json\n\ndata = {"a": 1}\njson.dump(data, "out.json")\n',
      useInstead: 'import json\n\ndata = {"a": 1}\nwith open("out.json", "w", encoding="utf-8") as f:\n    json.dump(data, f)\n',
      fixSafety: 'Unsafe: the call always raised, so the fix changes what the program does (it now creates or truncates the file). Offered when the call is a statement alone on its lines; the file is opened with `"w"` and `encoding="utf-8"` in a `with` block so it is closed and flushed, under a handle name unused in the scope.',
      references: ["https://docs.python.org/3/library/json.html#json.dump", "https://docs.python.org/3/library/functions.html#open"],
    },
  },
  checkCall(call, ctx) {
    if (call.api !== "dump" || call.target?.kind.kind !== "path") return;
    const fp = call.target.arg;
    const handle = call.usage === "statement" ? freshHandleName(ctx, call.node) : null;
    const newCall = handle ? ctx.text.slice(call.node.startIndex, fp.value.startIndex) + handle + ctx.text.slice(fp.value.endIndex, call.node.endIndex) : "";
    const edit = handle ? wrapStatementInWith(ctx, call, `open(${fp.value.text}, ${pyString(ctx, "w")}, encoding=${pyString(ctx, "utf-8")}) as ${handle}`, newCall) : null;
    ctx.report({
      node: fp.value,
      message: `\`${call.callee.text}()\` writes to an open file, not a path: open \`${fp.value.text}\` for writing and pass the file`,
      fix: edit ? { applicability: "unsafe", message: `Open \`${fp.value.text}\` with \`open(..., "w", encoding="utf-8")\` in a \`with\` block`, edits: [edit] } : null,
    });
  },
});
