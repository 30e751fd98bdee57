import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    code: "JSN011",
    name: "load-from-write-only-file",
    summary: '`json.load()` from a file opened write-only (`"w"`, `"a"`, `"x"`)',
    severity: "error",
    defaultEnabled: true,
    fix: { availability: "none", applicability: null, title: null },
    docs: {
      what: 'Finds `json.load()` calls whose file was opened for writing only: modes `"w"`, `"a"`, `"x"` (and their binary forms) without `"+"`, and `sys.stdout`/`sys.stderr`.',
      why: '`json.load()` calls `fp.read()`, which a write-only file refuses, so the call raises. Worse, mode `"w"` has already truncated the file when `open()` ran: the data the code meant to read is gone before the error is raised.',
      whatHappens: "io.UnsupportedOperation: not readable",
      example: 'import json\n\nwith open("data.json", "w", encoding="utf-8") as f:\n    data = json.load(f)\n',
      useInstead: 'import json\n\nwith open("data.json", encoding="utf-8") as f:\n    data = json.load(f)\n',
      fixSafety: 'There is no fix: with "w" the file is already truncated by the time the error shows, and whether the code meant to read (mode "r") or to read and write ("r+") is for the author to decide.',
      references: ["https://docs.python.org/3/library/functions.html#open"],
    },
  },
  checkCall(call, ctx) {
    if (call.api !== "load" || call.target?.kind.kind !== "file") return;
    const kind = call.target.kind;
    if (kind.readable !== false) return;
    const handle = call.target.arg.value.text;
    const truncated = kind.mode?.includes("w") ? ", which has already emptied the file" : "";
    const mode = kind.mode !== null ? ` (mode \`${JSON.stringify(kind.mode)}\`${truncated})` : "";
    ctx.report({
      node: call.target.arg.value,
      message: `\`${handle}\` is open for writing only${mode}; \`${call.callee.text}()\` needs a file opened for reading`,
    });
  },
});
