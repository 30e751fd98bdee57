import { calleeWith } from "./edits.js";
import type { SyntaxNode } from "../python/tree.js";
import { parentSkippingParens } from "../python/syntax.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    code: "JSN102",
    name: "write-dumps",
    summary: "`f.write(json.dumps(x))` whose result is unused: `json.dump(x, f)` says it in one call",
    severity: "warning",
    defaultEnabled: false,
    fix: { availability: "sometimes", applicability: "unsafe", title: "Use `json.dump(x, f)`" },
    docs: {
      what: "Finds `f.write(json.dumps(x, ...))` statements (the value of `write()` unused) and offers `json.dump(x, f, ...)`. Off by default: enable it with `--extend-select JSN102` if your team prefers `json.dump`. Never reported when the file is binary (`\"wb\"`, `io.BytesIO()`, `sys.stdout.buffer`): there the write raises TypeError (JSN012, write-text-to-binary-file), and `json.dump(x, f)` would raise the same TypeError.",
      why: "It is a style choice with costs, which is why the rule is off by default. `json.dump(x, f)` names the intent in one call, but in CPython it is slower: `dump` always uses the pure-Python encoder and calls `f.write()` once per chunk, where `dumps` uses the C encoder and writes once. `python3 bench/python/dump_vs_dumps.py` (CPython 3.11.7, a 0.8 MB document of 5,000 records, best of 7) measured `f.write(json.dumps(x))` at 10.9 ms and `json.dump(x, f)` at 40.4 ms to a file on disk (3.7x slower; 3.9x to an `io.StringIO`; between 2.8x and 4.9x over repeated runs on a shared 2-core machine). The gap is the C encoder: with `indent=`, `dumps` uses the pure-Python encoder too, and both took 63 ms (1.0x). And when serialization fails midway (a value that is not JSON serializable, a circular reference), `json.dump` leaves a half-written file: in the same script a list whose third record holds an `object()` left the 69 characters `[{\"id\": 0, \"name\": \"n0\"}, {\"id\": 1, \"name\": \"n1\"}, {\"id\": 2, \"when\": ` in the file, where `dumps` + `write` raises before writing anything and leaves the file empty.",
      whatHappens: null,
      example: 'import json\n\nwith open("out.json", "w", encoding="utf-8") as f:\n    f.write(json.dumps({"a": 1}))\n',
      useInstead: 'import json\n\nwith open("out.json", "w", encoding="utf-8") as f:\n    json.dump({"a": 1}, f)\n',
      fixSafety: "Unsafe: the output is the same text, but without `indent=` it is about 3x to 4x slower in CPython and a failure midway leaves a partial file instead of none (figures above). Offered when the receiver of `write()` is a name or an attribute chain (so evaluating it after `x` changes nothing), the object is passed positionally, and the callee is `module.dumps` (a bare `dumps` would need a new import).",
      references: ["https://docs.python.org/3/library/json.html#json.dump", "https://github.com/python/cpython/blob/v3.11.7/Lib/json/__init__.py#L120-L180"],
    },
  },
  checkCall(call, ctx) {
    // The docs' claims (the pure-Python encoder, slower, chunked writes) are about json and simplejson;
    // orjson has no dump() and ujson's writes in one piece.
    if (call.api !== "dumps" || call.usage !== "argument" || (call.module !== "json" && call.module !== "simplejson")) return;
    // On a binary file the write raises (JSN012), and `json.dump` would raise the same TypeError.
    if (call.writes.some((w) => w.file?.binary === true)) return;
    const [list] = parentSkippingParens(call.node);
    const write = list?.type === "argument_list" ? list.parent : null;
    const fn = write?.type === "call" ? write.childForFieldName("function") : null;
    if (!write || !list || fn?.type !== "attribute" || fn.childForFieldName("attribute")?.text !== "write") return;
    if (list.namedChildren.filter((c) => c.type !== "comment").length !== 1) return;
    const [stmt] = parentSkippingParens(write);
    if (stmt?.type !== "expression_statement") return;
    const receiver = fn.childForFieldName("object") as SyntaxNode;
    const obj = call.bound.get("obj");
    const simple = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(receiver.text);
    let fix = null;
    if (simple && obj?.kind === "positional" && call.callee.type === "attribute" && !call.hasStarArgs) {
      const args = call.node.childForFieldName("arguments") as SyntaxNode;
      const withFile = ctx.text.slice(args.startIndex, obj.node.endIndex) + `, ${receiver.text}` + ctx.text.slice(obj.node.endIndex, args.endIndex);
      fix = { applicability: "unsafe" as const, message: `Use \`${calleeWith(call, "dump")}(..., ${receiver.text})\``, edits: [{ start: write.startIndex, end: write.endIndex, content: calleeWith(call, "dump") + withFile }] };
    }
    ctx.report({
      node: write,
      message: `\`${receiver.text}.write(${call.callee.text}(...))\` can be \`${calleeWith(call, "dump")}(..., ${receiver.text})\` (slower in CPython; see the docs)`,
      fix,
    });
  },
});
