import { appendArgument, pyString } from "./edits.js";
import { onlyPrintedTo, writeTypeError } from "../python/files.js";
import type { WrittenTo } from "../python/model.js";
import { stringLiteral } from "../python/syntax.js";
import type { Edit, Fix } from "../core/types.js";
import type { FileContext } from "../python/context.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    code: "JSN012",
    name: "write-text-to-binary-file",
    summary: "The str of `json.dumps()` written to a binary file (`\"wb\"`, `io.BytesIO()`, `sys.stdout.buffer`): TypeError",
    severity: "error",
    defaultEnabled: true,
    fix: { availability: "sometimes", applicability: "unsafe", title: 'Encode the text with `.encode("utf-8")` (print: open the file in text mode)' },
    docs: {
      what: 'Finds the text of `json.dumps()` (alone, with str literals added by `+`, in an f-string, or formatted into a str literal by `%` or `.format()`) written to a binary file: `open()` or `os.fdopen()` with a `"b"` mode (`"wb"`, `"ab"`, `"xb"`, `"r+b"`), `Path.open("wb")`, `gzip.open(p, "w")` and friends, binary temporary files, `io.BytesIO()`, `sys.stdout.buffer` and `sys.stderr.buffer`; through `f.write(...)`, `f.writelines([...])` (or a comprehension) and `print(..., file=f)`, where it stands or through a name that only its assignment reaches (`s = json.dumps(x)`, then `f.write(s)`); and `print(json.dumps(x).encode(), file=f)` to a binary file, since `print()` writes str whatever it is given.',
      why: "`json.dumps()` returns `str`, and a binary file's `write()` takes only bytes: the call raises TypeError and nothing is written (with mode `\"wb\"` the file has already been emptied). `print()` to a binary file raises the same error, because it writes `str(obj)` and `end` with `file.write()`. The message is `a bytes-like object is required, not 'str'` for `open()`, temporary files, `io.BytesIO()` and `sys.stdout.buffer`, and `memoryview: a bytes-like object is required, not 'str'` for `gzip`, `bz2` and `lzma` files.",
      whatHappens: "TypeError: a bytes-like object is required, not 'str'",
      example: 'import json\n\nwith open("out.json", "wb") as f:\n    f.write(json.dumps({"a": 1}))\n',
      useInstead: 'import json\n\nwith open("out.json", "wb") as f:\n    f.write(json.dumps({"a": 1}).encode("utf-8"))\n',
      fixSafety: 'Unsafe: the call always raised, so any fix changes what the program does (it now writes the file). For `write()` and `writelines()` the fix adds `.encode("utf-8")` to the text (in parentheses when it is a `+` expression; through a name, where the name is written, so its other uses keep the str). That is the most faithful fix: the handle stays binary, so other bytes written to it still work, and the file gets exactly the UTF-8 bytes of the text on every platform, where switching the file to text mode would also translate `"\\n"` to `"\\r\\n"` on Windows and change every other write to the handle. JSON is UTF-8 (RFC 8259). `print()` cannot write bytes at all (its `end` is str), so there the fix opens the file in text mode instead: the mode loses its `"b"` and gets `encoding="utf-8"`, offered only when the `open()` is in the `with` statement that names the handle, its mode is a literal, and every use of the handle is as the `file=` of a `print()`; `print(..., file=sys.stdout.buffer)` becomes `file=sys.stdout` (and `sys.stderr.buffer` becomes `sys.stderr`). A `writelines()` of a list with other elements gets no fix (they would need encoding too), nor does `print()` of the encoded bytes (in text mode it would write their repr, `b\'...\'`).',
      references: ["https://docs.python.org/3/library/functions.html#open", "https://docs.python.org/3/library/io.html#io.BufferedIOBase.write", "https://docs.python.org/3/library/functions.html#print", "https://www.rfc-editor.org/rfc/rfc8259#section-8.1"],
    },
  },
  checkCall(call, ctx) {
    for (const w of call.writes) {
      // print() writes str whatever it is given: `str()` of its arguments, then `end`.
      if ((w.bytes && w.via !== "print") || !w.handle || w.file?.binary !== true || w.file.writable === false) continue;
      const error = writeTypeError(w.file, false);
      const mode = w.file.mode !== null ? ` (mode \`${JSON.stringify(w.file.mode)}\`)` : "";
      const writer = w.via === "print" ? "`print()`" : `\`${w.handle.text}.${w.via}()\``;
      const holds = w.through ? `\`${w.through.text}\` holds the str \`${call.callee.text}()\` returns` : `\`${call.callee.text}()\` returns str`;
      const what = w.bytes ? "`print()` writes str (`str()` of the bytes, then `end`)" : holds;
      ctx.report({
        node: w.value,
        message: `${what}, but \`${w.handle.text}\` is a binary file${mode}: ${writer} raises TypeError${error ? `: ${error}` : ""}`,
        // Printing the bytes to a text file would write their repr: no fix for them.
        fix: w.bytes ? null : w.via === "print" ? textModeFix(ctx, w) : encodeFix(ctx, w),
      });
    }
  },
});

// Expressions that `.encode(...)` can follow without parentheses.
const ATOMS = new Set(["call", "string", "identifier", "attribute", "subscript", "parenthesized_expression"]);

function encodeFix(ctx: FileContext, w: WrittenTo): Fix | null {
  if (w.oneOfSeveral) return null;
  const encode = `.encode(${pyString(ctx, "utf-8")})`;
  const edits: Edit[] = ATOMS.has(w.value.type)
    ? [{ start: w.value.endIndex, end: w.value.endIndex, content: encode }]
    : [{ start: w.value.startIndex, end: w.value.startIndex, content: "(" }, { start: w.value.endIndex, end: w.value.endIndex, content: `)${encode}` }];
  return { applicability: "unsafe", message: `Encode the text: add \`${encode}\``, edits };
}

/** print() to a binary file: open the file in text mode, or print to sys.stdout for sys.stdout.buffer. */
function textModeFix(ctx: FileContext, w: WrittenTo): Fix | null {
  const file = w.file;
  const handle = w.handle;
  if (!file || !handle) return null;
  if (file.origin === "std" && file.stream && handle.type === "attribute" && handle.childForFieldName("attribute")?.text === "buffer") {
    const object = handle.childForFieldName("object");
    if (!object) return null;
    return { applicability: "unsafe", message: `Print to \`sys.${file.stream}\``, edits: [{ start: object.endIndex, end: handle.endIndex, content: "" }] };
  }
  const binding = file.binding;
  const modeArg = file.modeArg;
  if ((file.origin !== "open" && file.origin !== "path-open") || !file.openCall || !modeArg || file.mode === null || file.encodingGiven !== false) return null;
  // The open() must be the `with` item that names the handle, and every use of the handle a print's file=.
  if (binding?.binding?.how !== "with" || binding.binding.value.id !== file.openCall.id) return null;
  if (!onlyPrintedTo(ctx, binding)) return null;
  const quote = stringLiteral(modeArg.value) && /^[a-zA-Z]*(['"])/.exec(modeArg.value.text)?.[1];
  const encoding = appendArgument(file.openCall, `encoding=${pyString(ctx, "utf-8")}`);
  if (!quote || !encoding) return null;
  const mode = file.mode.replace("b", "");
  return {
    applicability: "unsafe",
    message: `Open \`${handle.text}\` in text mode (\`${JSON.stringify(mode)}\`, \`encoding="utf-8"\`)`,
    edits: [{ start: modeArg.value.startIndex, end: modeArg.value.endIndex, content: `${quote}${mode}${quote}` }, encoding],
  };
}
