// Read-only code (the fixed source, the translations, Run's program) highlighted with the same
// Lezer grammars and classes as the editor: `tok-*` classes, coloured by style.css per theme.
// The TypeScript grammar loads with the TypeScript compiler, after the first diagnostics.
import { pythonLanguage } from "@codemirror/lang-python";
import { classHighlighter, highlightCode } from "@lezer/highlight";

type Parser = typeof pythonLanguage.parser;
let typescriptParser: Parser | null = null;

export async function loadTypeScriptGrammar(): Promise<void> {
  typescriptParser ??= (await import("@codemirror/lang-javascript")).typescriptLanguage.parser;
}

export function highlighted(code: string, language: "python" | "typescript"): DocumentFragment {
  const parser = language === "python" ? pythonLanguage.parser : typescriptParser;
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
