import { calleeWith, renameApi } from "./edits.js";
import { looksLikeOption } from "../python/options.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    code: "JSN003",
    name: "dumps-given-file",
    summary: "`json.dumps(obj, f)`: a file (or other non-option value) passed as a second positional argument",
    severity: "error",
    defaultEnabled: true,
    fix: { availability: "sometimes", applicability: "unsafe", title: "Use `json.dump()`" },
    docs: {
      what: "Finds `json.dumps()` calls with a second positional argument that is not an option value: a file handle, a path, or any other expression that is not a literal.",
      why: "`json.dumps(obj)` returns a string and takes every option by keyword, so a second positional argument raises. The code meant `json.dump(obj, f)`, which writes to the file `f`. (With simplejson, ujson and orjson, whose options are positional, the file silently becomes the first option, `skipkeys`, `ensure_ascii` or `default`, and nothing is written; dumpling reports that too when the argument is a file. orjson has no `dump`: its message says to write the bytes of `orjson.dumps()` to the file, with no fix.)",
      whatHappens: "TypeError: dumps() takes 1 positional argument but 2 were given",
      example: 'import json\n\nwith open("out.json", "w", encoding="utf-8") as f:\n    json.dumps({"a": 1}, f)\n',
      useInstead: 'import json\n\nwith open("out.json", "w", encoding="utf-8") as f:\n    json.dump({"a": 1}, f)\n',
      fixSafety: "Unsafe: the call always raised, so the fix changes what the program does (it now writes the file). Offered only when the argument is known to be a file and the call's value is unused, as a statement; if the value is used, the author expected a string and the intent is unclear.",
      references: ["https://docs.python.org/3/library/json.html#json.dumps"],
    },
  },
  checkCall(call, ctx) {
    if (call.api !== "dumps" || call.hasStarArgs) return;
    // simplejson, orjson and ujson take options positionally: the file silently becomes the first one.
    const positional = call.signature.positionalOptions;
    const firstOption = call.signature.options[0] as string;
    const arg = positional ? call.bound.get(firstOption) : call.extraPositional[0];
    if (!arg || arg.kind !== "positional") return;
    const kind = ctx.kinds.of(arg.value);
    if (positional) {
      if (kind.kind !== "file") return;
    } else {
      // Option values passed positionally are positional-option's.
      if (looksLikeOption(call, arg, ctx.kinds)) return;
    }
    if (call.module === "orjson") {
      // orjson has no dump: the bytes must be written by hand.
      ctx.report({
        node: arg.node,
        message: `\`${call.callee.text}()\` returns bytes and takes no file (\`${arg.value.text}\` became its \`${firstOption}\`, so nothing is written); use \`${arg.value.text}.write(${call.callee.text}(obj))\` on a file opened in binary mode`,
        fix: null,
      });
      return;
    }
    const dump = calleeWith(call, "dump");
    const what = kind.kind === "file" ? `to write to \`${arg.value.text}\`` : kind.kind === "path" ? "to write to a file, open it and pass the file object" : "to write to a file";
    const onlyPositionals = call.args.filter((a) => a.kind === "positional").length <= 2;
    const edit = kind.kind === "file" && call.usage === "statement" && call.extraPositional.length <= 1 && onlyPositionals ? renameApi(call, "dump") : null;
    const became = positional ? ` (\`${arg.value.text}\` became its \`${firstOption}\` option, so nothing is written)` : "";
    ctx.report({
      node: arg.node,
      message: `\`${call.callee.text}()\` returns a string and takes no file${became}; use \`${dump}(obj, f)\` ${what}`,
      fix: edit ? { applicability: "unsafe", message: `Use \`${dump}()\``, edits: [edit] } : null,
    });
  },
});
