// Read-only code (the fixed source, the translations, Run's program) highlighted with the same
// Lezer grammars and classes as the editor: `tok-*` classes, coloured by style.css per theme.
// Neither grammar is on the way to the first diagnostics: Python's loads right after them (with
// the editor's highlighting), TypeScript's with the translator. Until then code is plain text.
import { classHighlighter, highlightCode } from "@lezer/highlight";

type Parser = (typeof import("@codemirror/lang-python"))["pythonLanguage"]["parser"];
const parsers: Record<"python" | "typescript", Parser | null> = { python: null, typescript: null };

/** @codemirror/lang-python, once: the editor's language support and this module's parser. */
export async function loadPythonGrammar(): Promise<typeof import("@codemirror/lang-python")> {
  const mod = await import("@codemirror/lang-python");
  parsers.python ??= mod.pythonLanguage.parser;
  return mod;
}

export async function loadTypeScriptGrammar(): Promise<void> {
  parsers.typescript ??= (await import("@codemirror/lang-javascript")).typescriptLanguage.parser;
}

export function highlighted(code: string, language: "python" | "typescript"): DocumentFragment {
  const parser = parsers[language];
  const out = document.createDocumentFragment();
  if (!parser) {
    out.append(code);
    return out;
  }
  highlightCode(
    code,
    parser.parse(code),
    classHighlighter,
    (text, classes) => {
      if (!classes) out.append(text);
      else {
        const span = document.createElement("span");
        span.className = classes;
        span.textContent = text;
        out.append(span);
      }
    },
    () => out.append("\n"),
  );
  return out;
}
