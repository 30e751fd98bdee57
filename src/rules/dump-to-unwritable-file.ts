import { appendArgument, pyString } from "./edits.js";
import type { FileKind } from "../python/kinds.js";
import type { JsonCall } from "../python/model.js";
import { stringLiteral } from "../python/syntax.js";
import type { Edit } from "../core/types.js";
import type { FileContext } from "../python/context.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    code: "JSN010",
    name: "dump-to-unwritable-file",
    summary: "`json.dump()` to a file opened for reading only, or in binary mode",
    severity: "error",
    defaultEnabled: true,
    fix: { availability: "sometimes", applicability: "unsafe", title: "Open the file for writing, in text mode" },
    docs: {
      what: 'Finds `json.dump()` calls whose file was opened for reading only (`open(p)`, mode `"r"`, `sys.stdin`) or in binary mode (`"wb"`, `io.BytesIO()`, `gzip.open(p, "w")`).',
      why: "`json.dump()` writes `str` chunks with `fp.write()`. A file opened for reading refuses to be written; a binary file accepts only bytes. The call raises, and with a read mode the intended output file is never created.",
      whatHappens: "io.UnsupportedOperation: not writable",
      example: 'import json\n\nwith open("data.json", encoding="utf-8") as f:\n    json.dump({"a": 1}, f)\n',
      useInstead: 'import json\n\nwith open("data.json", "w", encoding="utf-8") as f:\n    json.dump({"a": 1}, f)\n',
      fixSafety: 'Unsafe: the call always raised, so the fix changes what the program does (it now truncates and writes the file). Offered only when the `open()` call is in sight with a literal mode and the handle is used for nothing else; a mode with "r" becomes "w", a binary mode loses its "b" (and gets `encoding="utf-8"` when it has none), `gzip.open` and friends get "t".',
      references: ["https://docs.python.org/3/library/functions.html#open", "https://docs.python.org/3/library/json.html#json.dump"],
    },
  },
  checkCall(call, ctx) {
    if (call.api !== "dump" || call.target?.kind.kind !== "file") return;
    const kind = call.target.kind;
    const handle = call.target.arg.value.text;
    const mode = kind.mode !== null ? ` (mode \`${JSON.stringify(kind.mode)}\`)` : "";
    let message: string;
    if (kind.writable === false) {
      message = `\`${handle}\` is open for reading only${mode}; \`${call.callee.text}()\` needs a file opened for writing`;
    } else if (kind.binary === true) {
      message = `\`${handle}\` is open in binary mode${mode}; \`${call.callee.text}()\` writes str: open it in text mode`;
    } else return;
    const edits = modeFix(ctx, call, kind);
    ctx.report({
      node: call.target.arg.value,
      message,
      fix: edits ? { applicability: "unsafe", message: "Open the file for writing, in text mode", edits } : null,
    });
  },
});

/** A mode that can be written with str: "r" → "w", no "b" (or "t" for compressed files). */
function writableMode(mode: string, compressed: boolean): string {
  let base = ["r", "w", "a", "x"].find((c) => mode.includes(c)) ?? "r";
  const plus = mode.includes("+");
  if (base === "r" && !plus) base = "w";
  return base + (plus ? "+" : "") + (compressed ? "t" : "");
}

function modeFix(ctx: FileContext, call: JsonCall, kind: FileKind): Edit[] | null {
  const open = kind.openCall;
  const list = open?.childForFieldName("arguments");
  if (!open || !list || kind.mode === null) return null;
  const modeIndex = kind.origin === "path-open" ? 0 : kind.origin === "open" || kind.origin === "codecs-open" || kind.origin === "compressed-open" ? 1 : -1;
  if (modeIndex < 0) return null;
  // The handle must serve only this call: changing its mode would break any other use.
  if (kind.binding) {
    const binding = kind.binding;
    const uses = ctx.scopes.occurrences(binding.node.text).filter((o) => o.role === "use" && o.scope.id === binding.scope.id);
    if (uses.some((u) => u.node.id !== call.target?.arg.value.id)) return null;
  }
  const compressed = kind.origin === "compressed-open";
  const newMode = writableMode(kind.mode, compressed);
  const edits: Edit[] = [];
  if (kind.modeArg) {
    const node = kind.modeArg.value;
    const quote = stringLiteral(node) && /^[a-zA-Z]*(['"])/.exec(node.text)?.[1];
    if (!quote) return null;
    edits.push({ start: node.startIndex, end: node.endIndex, content: `${quote}${newMode}${quote}` });
  } else {
    const positional = list.namedChildren.filter((c) => !["keyword_argument", "comment", "list_splat", "dictionary_splat"].includes(c.type));
    if (positional.length !== modeIndex) return null;
    const prev = positional[modeIndex - 1];
    if (prev) edits.push({ start: prev.endIndex, end: prev.endIndex, content: `, ${pyString(ctx, newMode)}` });
    else edits.push({ start: list.startIndex + 1, end: list.startIndex + 1, content: `${pyString(ctx, newMode)}${list.namedChildCount > 0 ? ", " : ""}` });
  }
  if (kind.binary && !compressed && kind.encodingGiven === false) {
    const encoding = appendArgument(open, `encoding=${pyString(ctx, "utf-8")}`);
    if (!encoding) return null;
    edits.push(encoding);
  }
  return edits;
}
