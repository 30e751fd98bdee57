import type { JsonCall } from "../python/model.js";
import { parentSkippingParens } from "../python/syntax.js";
import type { SyntaxNode } from "../python/tree.js";
import { defineRule, type RuleContext } from "./types.js";

export default defineRule({
  meta: {
    code: "JSN016",
    name: "orjson-bytes-as-str",
    summary: "The bytes of `orjson.dumps()` used as a str: written to a text file, added to a str, or put in an f-string",
    severity: "error",
    defaultEnabled: true,
    fix: { availability: "always", applicability: "unsafe", title: "Add `.decode()`" },
    docs: {
      what: "Finds `orjson.dumps()` calls whose value goes straight where a str is needed: the argument of `write()` on a file known to be open in text mode (`open(p, \"w\")`, `sys.stdout`, `io.StringIO`), an operand of `+` whose other side is a str, or a replacement field of an f-string.",
      why: "`json.dumps()` returns str; `orjson.dumps()` returns bytes (UTF-8). Code moved from one to the other raises where it writes to a text file or adds a str, and in an f-string it silently produces `b'{\"a\":1}'`, quotes and all.",
      whatHappens: "TypeError: write() argument must be str, not bytes",
      example: 'import orjson\n\nwith open("out.json", "w", encoding="utf-8") as f:\n    f.write(orjson.dumps({"a": 1}))\n',
      useInstead: 'import orjson\n\nwith open("out.json", "w", encoding="utf-8") as f:\n    f.write(orjson.dumps({"a": 1}).decode())\n',
      fixSafety: "Unsafe: for a text file and `+` the code always raised, so the fix changes what the program does; in an f-string it changes the text produced (from `b'...'` to the JSON). `.decode()` gives the JSON as str, the value `json.dumps(..., ensure_ascii=False, separators=(\",\", \":\"))` would have given (orjson writes UTF-8 and compact output); writing it to a text file then encodes it with the file's encoding, as with any str. Writing the bytes to a file opened in binary mode would avoid the round trip, but changes the `open()`, which may serve other writes.",
      references: ["https://github.com/ijl/orjson#serialize"],
    },
  },
  checkCall(call, ctx) {
    if (call.module !== "orjson" || call.api !== "dumps") return;
    const where = strContext(call, ctx);
    if (!where) return;
    ctx.report({
      node: call.node,
      message: `\`${call.callee.text}()\` returns bytes, not str, and ${where}; use \`${call.callee.text}(...).decode()\``,
      fix: { applicability: "unsafe", message: "Add `.decode()`", edits: [{ start: call.node.endIndex, end: call.node.endIndex, content: ".decode()" }] },
    });
  },
});

/** Where the call's value must be a str, said as the rest of the message; null when it need not be (or may not). */
function strContext(call: JsonCall, ctx: RuleContext): string | null {
  const [parent, child] = parentSkippingParens(call.node);
  if (!parent) return null;
  if (parent.type === "interpolation") return "an f-string formats it as `b'...'`";
  if (parent.type === "binary_operator" && parent.childForFieldName("operator")?.type === "+") {
    const other = parent.childForFieldName("left")?.id === child.id ? parent.childForFieldName("right") : parent.childForFieldName("left");
    const kind = other ? ctx.kinds.of(other) : null;
    return kind?.kind === "text" && kind.bytes === false ? "adding it to a str raises `TypeError`" : null;
  }
  if (parent.type === "argument_list" && parent.namedChildren.filter((c) => c.type !== "comment").length === 1) {
    const write = parent.parent;
    const fn = write?.type === "call" ? write.childForFieldName("function") : null;
    const receiver = fn?.type === "attribute" && fn.childForFieldName("attribute")?.text === "write" ? (fn.childForFieldName("object") as SyntaxNode) : null;
    const kind = receiver ? ctx.kinds.of(receiver) : null;
    if (kind?.kind === "file" && kind.binary === false) return `\`${receiver?.text}\` is open in text mode: \`write()\` raises \`TypeError\``;
  }
  return null;
}
