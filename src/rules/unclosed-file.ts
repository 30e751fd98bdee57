import { appendArgument, calleeWith, freshHandleName, pyString, wrapStatementInWith } from "./edits.js";
import { applyEdits } from "../core/edits.js";
import type { FileKind } from "../python/kinds.js";
import type { JsonCall } from "../python/model.js";
import type { SyntaxNode } from "../python/tree.js";
import { sameNode, unwrapParens } from "../python/syntax.js";
import { lacksEncoding } from "../python/files.js";
import type { RuleContext } from "./types.js";
import type { Edit } from "../core/types.js";
import { defineRule } from "./types.js";

/** Openers whose result holds an OS resource until it is closed. */
const OPENERS = new Set<FileKind["origin"]>(["open", "path-open", "codecs-open", "compressed-open", "tempfile", "url"]);

export default defineRule({
  meta: {
    code: "JSN020",
    name: "unclosed-file",
    summary: "`json.load(open(p))`, `json.dump(x, open(p, \"w\"))`, `json.loads(open(p).read())`: a file opened inline and never closed",
    severity: "warning",
    defaultEnabled: true,
    fix: { availability: "sometimes", applicability: "unsafe", title: "Open the file in a `with` block" },
    docs: {
      what: "Finds files opened inside a json call and never closed: `json.load(open(p))`, `json.dump(x, open(p, \"w\"))`, `json.loads(open(p).read())`, with `open()`, `Path.open()`, `codecs.open()`, `gzip.open()` and friends, temporary files and `urlopen()`; also in a `return` (which ruff's SIM115 does not look at). When the file is opened in text mode without `encoding=` and the encoding matters (see JSN021), the message says so and the fix adds `encoding=\"utf-8\"`, so the line gets one diagnostic, not two.",
      why: "Nothing closes the file: CPython closes it when the object is garbage-collected, which is right away only thanks to reference counting, and it emits `ResourceWarning: unclosed file` under `-W default` or in test runners. PyPy and other implementations close it at some later collection, so a file written with `json.dump()` may not be flushed when the program reads it back or exits abnormally, and a long loop can run out of file descriptors.",
      whatHappens: null,
      example: 'import json\n\nconfig = json.load(open("config.json", encoding="utf-8"))\n',
      useInstead: 'import json\n\nwith open("config.json", encoding="utf-8") as f:\n    config = json.load(f)\n',
      fixSafety: "Unsafe: the file is now closed at the end of the statement, and an exception while reading or writing closes it too; code that relied on the handle staying open (it cannot reach it) is not affected, but the time of closing and flushing changes. Offered when the call is a statement, an assignment or a `return` alone on its lines (not inside a lambda, comprehension or condition); the `with` block is indented like its context, under a handle name unused in the scope. `json.loads(open(p).read())` becomes `json.load(f)` (see JSN101).",
      references: ["https://docs.python.org/3/library/functions.html#open", "https://docs.python.org/3/reference/compound_stmts.html#the-with-statement", "https://docs.python.org/3/library/exceptions.html#ResourceWarning", "https://docs.astral.sh/ruff/rules/open-file-with-context-handler/"],
    },
  },
  checkCall(call, ctx) {
    const file = call.file;
    const open = file?.kind.openCall;
    if (!file || !open || file.kind.binding || !OPENERS.has(file.kind.origin) || !sameNode(open, unwrapParens(file.node))) return;
    const encoding = lacksEncoding(call, file.kind);
    const what = call.api === "dump" ? "written data may not be flushed until it is garbage-collected" : "it is closed only when garbage-collected";
    ctx.report({
      node: open,
      message: `\`${open.childForFieldName("function")?.text}()\` is never closed: ${what} (ResourceWarning)${encoding ? ", and it has no `encoding=`" : ""}; open it in a \`with\` block`,
      fix: withFix(call, open, file.readCall, encoding, ctx),
    });
  },
});

function withFix(call: JsonCall, open: SyntaxNode, readCall: SyntaxNode | null, addEncoding: boolean, ctx: RuleContext) {
  const handle = freshHandleName(ctx, call.node);
  if (!handle) return null;
  let opener = open.text;
  if (addEncoding) {
    const edit = appendArgument(open, `encoding=${pyString(ctx, "utf-8")}`);
    if (!edit) return null;
    opener = applyEdits(ctx.text, [edit]).slice(open.startIndex, open.endIndex + edit.content.length);
  }
  const text = ctx.text;
  const edits: Edit[] = [];
  if (readCall) {
    const readArgs = readCall.childForFieldName("arguments");
    const plainRead = readArgs?.namedChildren.length === 0;
    // json.loads(open(p).read()) → json.load(f): the same call (see JSN101).
    if (plainRead && call.callee.type === "attribute" && call.target) {
      edits.push({ start: call.callee.startIndex, end: call.callee.endIndex, content: calleeWith(call, "load") });
      const arg = call.target.arg;
      edits.push({ start: arg.node.startIndex, end: arg.node.endIndex, content: arg.kind === "keyword" ? `fp=${handle}` : handle });
    } else edits.push({ start: open.startIndex, end: open.endIndex, content: handle });
  } else edits.push({ start: open.startIndex, end: open.endIndex, content: handle });
  const newCall = applyEdits(text, edits).slice(call.node.startIndex, call.node.endIndex + edits.reduce((n, e) => n + e.content.length - (e.end - e.start), 0));
  const edit = wrapStatementInWith(ctx, call, `${opener} as ${handle}`, newCall);
  return edit ? { applicability: "unsafe" as const, message: `Open the file in a \`with\` block${addEncoding ? ' with `encoding="utf-8"`' : ""}`, edits: [edit] } : null;
}
