// Every snippet the translator emits is parsed as TypeScript before it is reported: one that
// does not parse is a bug of ours, reported as an internal error, never handed on silently.
import type { Translation, TypeScriptApi } from "./types.js";

/** Syntax errors of a snippet (an expression or statements), as messages; empty when it parses. */
export function syntaxErrors(ts: TypeScriptApi, t: Translation): string[] {
  const body = t.expression ? `(${t.typescript});` : t.typescript;
  // Parsing alone (no program, no lib files): the syntactic diagnostics of the snippet in a function.
  const out = ts.transpileModule(`${t.imports.join("\n")}\nasync function snippet() {\n${body}\n}\n`, {
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText as never, "\n"));
}
