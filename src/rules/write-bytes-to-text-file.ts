import { writeTypeError } from "../python/files.js";
import type { WrittenTo } from "../python/model.js";
import { callArguments, strValue } from "../python/syntax.js";
import type { Fix } from "../core/types.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    code: "JSN013",
    name: "write-bytes-to-text-file",
    summary: "`json.dumps(...).encode()` written to a text file (`\"w\"`, `io.StringIO()`, `sys.stdout`): TypeError, or `b'...'` from `print()`",
    severity: "error",
    defaultEnabled: true,
    fix: { availability: "sometimes", applicability: "unsafe", title: "Remove `.encode(...)`: the file encodes the text" },
    docs: {
      what: 'Finds the text of `json.dumps()` (or a str literal formatted with it by `%`, `.format()` or an f-string) made into bytes with `.encode(...)` (and maybe bytes literals added by `+`) and written to a text file: `open()` or `os.fdopen()` without `"b"` in its mode, `Path.open()`, `gzip.open(p, "wt")`, text temporary files, `io.StringIO()`, `sys.stdout` and `sys.stderr`; through `f.write(...)`, `f.writelines([...])` (or a comprehension) and `print(..., file=f)` (and `print()` without `file=`, which writes to `sys.stdout`), where it stands or through a name that only its assignment reaches (`b = json.dumps(x).encode()`, then `f.write(b)`).',
      why: "A text file's `write()` takes only str, so `write()` and `writelines()` of the bytes raise TypeError and nothing is written (with mode `\"w\"` the file has already been emptied): `write() argument must be str, not bytes` for `open()`, temporary files and `sys.stdout`, `string argument expected, got 'bytes'` for `io.StringIO()`. `print()` does not raise: it writes `str()` of the bytes, so the file gets their repr, `b'{\"a\": 1}'`, which is not JSON.",
      whatHappens: "TypeError: write() argument must be str, not bytes",
      example: 'import json\n\nwith open("out.json", "w", encoding="utf-8") as f:\n    f.write((json.dumps({"a": 1}) + "\\n").encode("utf-8"))\n',
      useInstead: 'import json\n\nwith open("out.json", "w", encoding="utf-8") as f:\n    f.write(json.dumps({"a": 1}) + "\\n")\n',
      fixSafety: 'Unsafe: `write()` always raised and `print()` wrote the repr, so the fix changes what the program does (it now writes the JSON text). The fix removes `.encode()` / `.encode("utf-8")` and lets the text file encode the text: that keeps the handle as it is, so its other writes of str still work, where opening it in binary mode would break them (and `encoding=`, which a binary `open()` refuses, would have to go). The bytes on disk are the ones `.encode("utf-8")` meant when the file\'s encoding is UTF-8, or when the text is ASCII, as `json.dumps()` output is with the default `ensure_ascii=True`; a file opened without `encoding=` uses the locale\'s encoding (see JSN021), and text mode writes `"\\n"` as `"\\r\\n"` on Windows. Offered when the encoding is UTF-8 (no argument, or a literal such as `"utf-8"`), and the bytes are written as they are (no `+ b"..."`, not one of several `writelines()` elements, not through a name, whose bytes may serve other uses).',
      references: ["https://docs.python.org/3/library/functions.html#open", "https://docs.python.org/3/library/io.html#io.TextIOBase.write", "https://docs.python.org/3/library/functions.html#print", "https://docs.python.org/3/library/stdtypes.html#str.encode"],
    },
  },
  checkCall(call, ctx) {
    for (const w of call.writes) {
      if (!w.encodeCall || w.file?.binary !== false || w.file.writable === false) continue;
      const handle = w.handle ? w.handle.text : "sys.stdout";
      const mode = w.file.mode !== null ? ` (mode \`${JSON.stringify(w.file.mode)}\`)` : "";
      let outcome: string;
      if (w.via === "print") {
        outcome = `\`print()\` writes the bytes' repr (\`b'...'\`), not the JSON text`;
      } else {
        const error = writeTypeError(w.file, true);
        outcome = `\`${handle}.${w.via}()\` raises TypeError${error ? `: ${error}` : ""}`;
      }
      const what = w.through ? `\`${w.through.text}\` holds \`${call.callee.text}(...).encode()\`, bytes` : `\`${call.callee.text}(...).encode()\` is bytes`;
      ctx.report({
        node: w.value,
        message: `${what}, but \`${handle}\` is a text file${mode}: ${outcome}`,
        // Through a name, the bytes may serve other uses too: no fix.
        fix: w.through ? null : removeEncodeFix(w),
      });
    }
  },
});

function removeEncodeFix(w: WrittenTo): Fix | null {
  const encode = w.encodeCall;
  const receiver = encode?.childForFieldName("function")?.childForFieldName("object");
  if (!encode || !receiver || w.value.id !== encode.id || w.oneOfSeveral) return null;
  const args = callArguments(encode);
  const arg = args[0];
  if (args.length > 1 || (arg && !((arg.kind === "positional" || arg.name === "encoding") && /^utf[-_]?8$/i.test(strValue(arg.value) ?? "")))) return null;
  const message = `Remove \`${encode.text.slice(receiver.endIndex - encode.startIndex)}\`: the file encodes the text`;
  // `(json.dumps(x) + "\n").encode()` → `json.dumps(x) + "\n"`: the value is an argument or an
  // element, where a `+` expression needs no parentheses.
  const inner = receiver.type === "parenthesized_expression" ? receiver.namedChildren : [];
  if (inner.length === 1 && ["binary_operator", "call", "string", "concatenated_string"].includes(inner[0]!.type)) {
    return { applicability: "unsafe", message, edits: [{ start: encode.startIndex, end: encode.endIndex, content: inner[0]!.text }] };
  }
  return { applicability: "unsafe", message, edits: [{ start: receiver.endIndex, end: encode.endIndex, content: "" }] };
}
