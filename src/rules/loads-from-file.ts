import { calleeWith, renameApi } from "./edits.js";
import { hasApi } from "../python/signatures.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    code: "JSN006",
    name: "loads-from-file",
    summary: "`json.loads(f)`: a file object where a string is needed",
    severity: "error",
    defaultEnabled: true,
    fix: { availability: "sometimes", applicability: "unsafe", title: "Use `json.load()`" },
    docs: {
      what: "Finds `json.loads()` calls whose argument is a file object: an `open()` call, a name bound by `with open(...) as f`, `io.StringIO`, `sys.stdin`, a parameter annotated `TextIO`, and the like.",
      why: "`json.loads(s)` parses a `str`, `bytes` or `bytearray`; a file object is none of them, so the call raises. The code meant `json.load(f)`, which reads the file and parses its contents.",
      whatHappens: "TypeError: the JSON object must be str, bytes or bytearray, not TextIOWrapper",
      example: 'import json\n\nwith open("data.json", encoding="utf-8") as f:\n    data = json.loads(f)\n',
      useInstead: 'import json\n\nwith open("data.json", encoding="utf-8") as f:\n    data = json.load(f)\n',
      fixSafety: "Unsafe: the call always raised, so any fix changes what the program does. Not offered when the callee was imported by name (`from json import loads`), where it would need a new import.",
      references: ["https://docs.python.org/3/library/json.html#json.load"],
    },
  },
  checkCall(call, ctx) {
    if (call.api !== "loads" || call.target?.kind.kind !== "file") return;
    if (!hasApi(call.module, "load")) {
      // orjson has no load; its loads takes the str or bytes that read() returns, whatever the mode.
      const file = call.target.arg.value;
      const simple = (file.type === "identifier" || file.type === "attribute") && call.target.kind.readable !== false;
      const read = `${file.text}.read()`;
      ctx.report({
        node: file,
        message: `\`${call.callee.text}()\` parses str or bytes, but this is a file object (and \`${call.module}\` has no \`load()\`); use \`${call.callee.text}(${read})\``,
        fix: simple ? { applicability: "unsafe", message: `Use \`${call.callee.text}(${read})\``, edits: [{ start: file.startIndex, end: file.endIndex, content: read }] } : null,
      });
      return;
    }
    const edit = renameApi(call, "load");
    const load = calleeWith(call, "load");
    ctx.report({
      node: call.target.arg.value,
      message: `\`${call.callee.text}()\` parses a string, but this is a file object; use \`${load}()\` to read and parse the file`,
      fix: edit ? { applicability: "unsafe", message: `Use \`${load}()\``, edits: [edit] } : null,
    });
  },
});
