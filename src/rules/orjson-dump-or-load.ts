import { ORJSON_ENCODER } from "../python/signatures.js";
import { calleeWith } from "./edits.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    code: "JSN015",
    name: "orjson-dump-or-load",
    summary: "`orjson.dump()` or `orjson.load()`: functions orjson does not have",
    severity: "error",
    defaultEnabled: true,
    fix: { availability: "sometimes", applicability: "unsafe", title: "Use `f.write(orjson.dumps(obj))` or `orjson.loads(f.read())`" },
    docs: {
      what: "Finds calls of `orjson.dump()` and `orjson.load()` (also through `import orjson as oj` or `from orjson import dump`). orjson has only `dumps()`, which returns bytes, and `loads()`, which takes str or bytes: to write a file, write what `dumps()` returns to a file opened in binary mode; to read one, pass what `read()` returns to `loads()`.",
      why: "Code moved from json to orjson keeps json's file functions, and orjson has none, so the call raises (and `from orjson import dump` fails at the import).",
      whatHappens: "AttributeError: module 'orjson' has no attribute 'dump'",
      example: 'import orjson\n\nwith open("out.json", "wb") as f:\n    orjson.dump({"a": 1}, f)\n',
      useInstead: 'import orjson\n\nwith open("out.json", "wb") as f:\n    f.write(orjson.dumps({"a": 1}))\n',
      fixSafety: "Unsafe: the call always raised, so any fix changes what the program does. `orjson.load(f)` becomes `orjson.loads(f.read())`, which is what json's `load` is (`loads(fp.read())`), and orjson's `loads` takes the str or the bytes `read()` returns: offered when `f` is a name or an attribute and the call has no other argument. `orjson.dump(obj, f)` becomes `f.write(orjson.dumps(obj))` only when `f` is known to be open for writing in binary mode (`dumps` returns bytes, which a text file rejects) and the call is a statement whose other arguments are orjson's own (`default`, `option`); for a text file the bytes would need decoding and the file's encoding decides what is written, so there is no fix.",
      references: ["https://github.com/ijl/orjson#serialize", "https://github.com/ijl/orjson#deserialize"],
    },
  },
  missingFunctions: true,
  checkCall(call, ctx) {
    if (call.module !== "orjson" || call.signature.exists) return;
    const dumps = calleeWith(call, call.api === "dump" ? "dumps" : "loads");
    const fp = call.args[call.api === "dump" ? 1 : 0];
    const f = fp?.kind === "positional" && (fp.value.type === "identifier" || fp.value.type === "attribute") ? fp.value.text : null;
    const attribute = call.callee.type === "attribute";
    let fix = null;
    if (call.api === "load") {
      if (f && attribute && call.args.length === 1) {
        fix = { applicability: "unsafe" as const, message: `Use \`${dumps}(${f}.read())\``, edits: [{ start: call.node.startIndex, end: call.node.endIndex, content: `${dumps}(${f}.read())` }] };
      }
      ctx.report({
        node: call.node,
        message: `orjson has no \`load()\`; use \`${dumps}(${f ?? "f"}.read())\` (orjson's \`loads()\` takes str or bytes)`,
        fix,
      });
      return;
    }
    const obj = call.args[0];
    const rest = call.args.slice(2);
    const kind = fp ? ctx.kinds.of(fp.value) : null;
    const binary = kind?.kind === "file" && kind.binary === true && kind.writable !== false;
    if (f && binary && attribute && obj?.kind === "positional" && call.usage === "statement" && rest.every((a) => a.kind === "keyword" && (ORJSON_ENCODER as readonly string[]).includes(a.name as string))) {
      const args = [obj.node.text, ...rest.map((a) => a.node.text)].join(", ");
      fix = { applicability: "unsafe" as const, message: `Use \`${f}.write(${dumps}(...))\``, edits: [{ start: call.node.startIndex, end: call.node.endIndex, content: `${f}.write(${dumps}(${args}))` }] };
    }
    ctx.report({
      node: call.node,
      message: `orjson has no \`dump()\`; use \`${f ?? "f"}.write(${dumps}(obj))\` on a file opened in binary mode (orjson's \`dumps()\` returns bytes)`,
      fix,
    });
  },
});
