// Read-only code (the fixed source, the translations, Run's program) highlighted with the same
// Lezer grammars and classes as the editor: `tok-*` classes, coloured by style.css per theme.
import { pythonLanguage } from "@codemirror/lang-python";
import { typescriptLanguage } from "@codemirror/lang-javascript";
import { classHighlighter, highlightCode } from "@lezer/highlight";

export function highlighted(code: string, language: "python" | "typescript"): DocumentFragment {
  const parser = (language === "python" ? pythonLanguage : typescriptLanguage).parser;
  const out = document.createDocumentFragment();
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
