import { appendArgument, pyString } from "./edits.js";
import { lacksEncoding } from "../python/files.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    code: "JSN021",
    name: "open-without-encoding",
    summary: "A text-mode `open()` without `encoding=` whose file `json.load` reads or `json.dump` writes non-ASCII text to",
    severity: "warning",
    defaultEnabled: true,
    fix: { availability: "sometimes", applicability: "unsafe", title: 'Add `encoding="utf-8"`' },
    docs: {
      what: 'Finds `open()` (and `Path.open()`, `codecs.open()`, `gzip.open(..., "rt")`, text-mode temporary files) in text mode without `encoding=`, whose handle is read by `json.load()` / `json.loads(f.read())`, or written by `json.dump()` with `ensure_ascii=False`. A handle opened inline in the call (`json.load(open(p))`) is reported by JSN020 (unclosed-file), whose message and fix cover the encoding too, so one line gets one diagnostic.',
      why: 'Without `encoding=`, text files use the locale\'s encoding: UTF-8 on most Linux and macOS machines, but cp1252 on Windows (and whatever `LANG` says in a container). JSON is UTF-8 (RFC 8259), so a file with non-ASCII text is garbled or fails to decode there, and `json.dump(..., ensure_ascii=False)` of text the locale cannot encode raises `UnicodeEncodeError`. `json.dump()` with the default `ensure_ascii=True` writes pure ASCII and is not flagged.',
      whatHappens: null,
      example: 'import json\n\nwith open("data.json") as f:\n    data = json.load(f)\n',
      useInstead: 'import json\n\nwith open("data.json", encoding="utf-8") as f:\n    data = json.load(f)\n',
      fixSafety: 'Unsafe: on a machine whose locale encoding is not UTF-8, the program now reads and writes UTF-8, which is the point but is a change of behaviour (a file written in the locale\'s encoding by an older version now decodes differently). Offered when the `open()` call has no `*args`/`**kwargs`; `encoding="utf-8"` is added after its last argument.',
      references: ["https://docs.python.org/3/library/functions.html#open", "https://peps.python.org/pep-0597/", "https://peps.python.org/pep-0686/", "https://www.rfc-editor.org/rfc/rfc8259#section-8.1"],
    },
  },
  checkFile(ctx) {
    const seen = new Set<number>();
    for (const call of ctx.calls) {
      const file = call.file;
      const open = file?.kind.openCall;
      // Inline handles (no binding) are JSN020's: it reports them with the encoding.
      if (!file || !open || !file.kind.binding || seen.has(open.id) || !lacksEncoding(call, file.kind)) continue;
      seen.add(open.id);
      const edit = appendArgument(open, `encoding=${pyString(ctx, "utf-8")}`);
      const verb = call.api === "dump" ? `writes non-ASCII text to it (\`ensure_ascii=${call.bound.get("ensure_ascii")?.value.text}\`)` : "reads it";
      ctx.report({
        node: open,
        message: `\`${open.text.length > 40 ? `${open.childForFieldName("function")?.text}()` : open.text}\` has no \`encoding=\`: the locale's encoding is used (cp1252 on Windows) and \`${call.callee.text}()\` ${verb}; pass \`encoding="utf-8"\``,
        fix: edit ? { applicability: "unsafe", message: 'Add `encoding="utf-8"`', edits: [edit] } : null,
      });
    }
  },
});
