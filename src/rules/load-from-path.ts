import { calleeWith, freshHandleName, pyString, wrapStatementInWith } from "./edits.js";
import { hasApi } from "../python/signatures.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    code: "JSN007",
    name: "load-from-path",
    summary: "`json.load(path)` or `json.loads(path)`: a path where the file's contents are needed",
    severity: "error",
    defaultEnabled: true,
    fix: { availability: "sometimes", applicability: "unsafe", title: "Open and read the file in a `with` block" },
    docs: {
      what: "Finds `json.load()` and `json.loads()` calls whose argument is a path: a file-name string literal, a `pathlib.Path`, an `os.path.join(...)` result, or a name holding one.",
      why: "`json.load(fp)` calls `fp.read()`, which a path does not have; `json.loads(s)` parses the path itself as JSON text, which fails (`Expecting value`, or `Extra data` for a path such as `1.json`). Either way the file is never read.",
      whatHappens: "json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)",
      example: 'import json\n\nconfig = json.loads("config.json")\n',
      useInstead: 'import json\n\nwith open("config.json", encoding="utf-8") as f:\n    config = json.load(f)\n',
      fixSafety: 'Unsafe: the call always raised, so the fix changes what the program does (it now reads the file). Offered when the call is in a statement alone on its lines; the file is opened with `encoding="utf-8"` (the encoding JSON files use) in a `with` block, under a handle name unused in the scope.',
      references: ["https://docs.python.org/3/library/json.html#json.load"],
    },
  },
  checkCall(call, ctx) {
    if ((call.api !== "load" && call.api !== "loads") || call.target?.kind.kind !== "path") return;
    const arg = call.target.arg;
    const handle = freshHandleName(ctx, call.node);
    const load = calleeWith(call, "load");
    let edit = null;
    // orjson has no load(): no rewrite to it.
    if (handle && hasApi(call.module, "load") && (call.api === "load" || call.callee.type === "attribute")) {
      const newCall = load + ctx.text.slice(call.callee.endIndex, arg.value.startIndex) + handle + ctx.text.slice(arg.value.endIndex, call.node.endIndex);
      edit = wrapStatementInWith(ctx, call, `open(${arg.value.text}, encoding=${pyString(ctx, "utf-8")}) as ${handle}`, newCall);
    }
    const message =
      call.api === "load"
        ? `\`${call.callee.text}()\` reads from an open file, not a path: open \`${arg.value.text}\` and pass the file`
        : hasApi(call.module, "load")
          ? `\`${call.callee.text}()\` parses the text it is given, here a path: open \`${arg.value.text}\` and use \`${load}()\` to read the file`
          : `\`${call.callee.text}()\` parses the text it is given, here a path: open \`${arg.value.text}\` and pass its contents, \`${call.callee.text}(f.read())\``;
    ctx.report({
      node: arg.value,
      message,
      fix: edit ? { applicability: "unsafe", message: `Open \`${arg.value.text}\` in a \`with\` block and use \`${load}(f)\``, edits: [edit] } : null,
    });
  },
});
