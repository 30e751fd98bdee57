import { renameApi } from "./edits.js";
import { sameNode, unwrapParens } from "../python/syntax.js";
import type { Edit } from "../core/types.js";
import { hasApi, signatureOf } from "../python/signatures.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    code: "JSN101",
    name: "loads-read",
    summary: "`json.loads(f.read())`: the same as `json.load(f)`",
    severity: "warning",
    defaultEnabled: true,
    fix: { availability: "sometimes", applicability: "safe", title: "Use `json.load(f)`" },
    docs: {
      what: "Finds `json.loads(x.read())` where `read()` is called without arguments. A file opened inline (`json.loads(open(p).read())`) is left to JSN020 (unclosed-file), whose fix also turns the call into `json.load(f)`.",
      why: "`json.load(fp)` is defined as exactly `loads(fp.read(), ...)`: CPython 3.11's `Lib/json/__init__.py` (`def load`, lines 274-296) ends with `return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float, parse_int=parse_int, parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw)`, and simplejson's `load` does the same. Spelling it out adds a call for the reader to check and nothing else; `json.load(f)` says what is meant.",
      whatHappens: null,
      example: 'import json\n\nwith open("data.json", encoding="utf-8") as f:\n    data = json.loads(f.read())\n',
      useInstead: 'import json\n\nwith open("data.json", encoding="utf-8") as f:\n    data = json.load(f)\n',
      fixSafety: "Safe: `load(f)` runs `loads(f.read())` with the same options, so every input gives the same value or the same exception (the tests check this with python3 on valid, invalid, empty and BOM-prefixed input). The one difference is the order of evaluation: `f.read()` now runs after the other arguments are evaluated, so when another argument contains a call the fix is marked unsafe. Not offered for a bare `loads` imported with `from json import loads` (that would need a new import), or when `read()` has arguments.",
      references: ["https://github.com/python/cpython/blob/v3.11.7/Lib/json/__init__.py#L274-L296", "https://docs.python.org/3/library/json.html#json.load"],
    },
  },
  checkCall(call, ctx) {
    if (call.api !== "loads" || call.target?.kind.kind !== "text" || call.target.kind.origin !== "read") return;
    // orjson has no load().
    if (!hasApi(call.module, "load")) return;
    const { readCall, readReceiver } = call.target.kind;
    if (!readCall || !readReceiver || !sameNode(readCall, unwrapParens(call.target.arg.value))) return;
    if ((readCall.childForFieldName("arguments")?.namedChildren.length ?? 1) !== 0) return;
    // json.loads(open(p).read()): JSN020's, whose fix makes it json.load(f) in a with block.
    const file = call.file;
    if (file && !file.kind.binding && file.kind.openCall && sameNode(file.kind.openCall, unwrapParens(readReceiver))) return;
    const arg = call.target.arg;
    // ujson.load(fp) takes its file positionally only: `obj=f.read()` has no keyword to become.
    const keywordOnly = arg.kind === "keyword" && signatureOf(call.module, "load").requiredPositionalOnly;
    const rename = call.hasStarArgs || keywordOnly ? null : renameApi(call, "load");
    const receiver = readReceiver.text;
    const others = call.args.filter((a) => a !== arg);
    const reordered = others.some((a) => a.value.type === "call" || a.value.descendantsOfType(["call", "await", "yield", "named_expression"]).length > 0);
    const edits: Edit[] | null = rename ? [rename, { start: arg.node.startIndex, end: arg.node.endIndex, content: arg.kind === "keyword" ? `fp=${receiver}` : receiver }] : null;
    const load = `${call.callee.type === "attribute" ? call.callee.childForFieldName("object")?.text + "." : ""}load(${receiver})`;
    ctx.report({
      node: call.node,
      message: `\`${call.callee.text}(${readCall.text})\` is what \`${load}\` does; use \`${load}\``,
      fix: edits ? { applicability: reordered ? "unsafe" : "safe", message: `Use \`${load}\``, edits } : null,
    });
  },
});
