// Run's TypeScript: the editor's Python as one runnable program. Each json call (or the statement
// or `with` block around it) is replaced by its translation exactly as translate() reports it;
// the glue around the calls (assignments, prints, expressions, returns, defs) is translated with
// the translator's own expression and statement translation, as the differential fixtures'
// harness does (test/support/translate-program.ts). A statement outside that (a loop, an `if`)
// stops the TypeScript side with a ProgramError naming it.
import type { Translation } from "../../src/api/types.js";
import { buildContext, type AnalysisOptions } from "../../src/python/context.js";
import type { SyntaxNode } from "../../src/python/tree.js";
import { SnippetEmitter } from "../../src/translate/emitter.js";
import { callExpression } from "../../src/translate/file-io.js";
import { translateStatement } from "../../src/translate/statements.js";
import type { Mode, TypeScriptApi } from "../../src/translate/types.js";

export class ProgramError extends Error {
  constructor(
    message: string,
    /** 1-based line of the Python statement. */
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = "ProgramError";
  }
}

export function buildProgram(source: string, translations: Translation[], mode: Mode, analysis: AnalysisOptions, ts: TypeScriptApi): string {
  const context = buildContext("<playground>", source, analysis);
  try {
    const e = new SnippetEmitter(context, { mode, analysis, ts }, callExpression);
    const units = new Map<number, Translation>();
    for (const t of translations) {
      if (!t.expression) {
        units.set(t.start, t);
        continue;
      }
      const call = context.calls.find((c) => c.node.startIndex === t.start && c.node.endIndex === t.end);
      if (!call) throw new ProgramError(`no json call at ${t.location.row}:${t.location.column}`, t.location.row);
      e.override(call.node, t.typescript);
    }
    const lines: string[] = [];
    const block = (nodes: SyntaxNode[], pad: string): void => {
      for (const s of nodes) {
        if (s.type === "comment" || s.type === "import_statement" || s.type === "import_from_statement" || s.type === "pass_statement") continue;
        const line = s.startPosition.row + 1;
        const unit = units.get(s.startIndex);
        if (unit && unit.end === s.endIndex) {
          lines.push(...unit.typescript.split("\n").map((l) => pad + l));
          continue;
        }
        if (s.type === "function_definition") {
          const params = s.childForFieldName("parameters")?.namedChildren ?? [];
          if (params.some((p) => p.type !== "identifier")) throw new ProgramError(`line ${line}: only plain parameters are supported in a def`, line);
          lines.push(`${pad}function ${s.childForFieldName("name")?.text}(${params.map((p) => `${p.text}: any`).join(", ")}): any {`);
          block(s.childForFieldName("body")?.namedChildren ?? [], pad + "  ");
          lines.push(`${pad}}`);
          continue;
        }
        if (s.type === "try_statement") {
          // One handler that prints the exception's type and message, as the fixtures do.
          const handler = s.namedChildren.find((c) => c.type === "except_clause");
          const other = s.namedChildren.filter((c) => c.type !== "block" && c.type !== "except_clause" && c.type !== "comment");
          if (!handler || other.length > 0 || s.namedChildren.filter((c) => c.type === "except_clause").length > 1 || !/^except Exception as e:\s*print\(type\(e\)\.__name__, e\)$/.test(handler.text)) {
            throw new ProgramError(`line ${line}: the only try statement Run translates is \`try: ... except Exception as e: print(type(e).__name__, e)\``, line);
          }
          lines.push(`${pad}try {`);
          block(s.childForFieldName("body")?.namedChildren ?? [], pad + "  ");
          lines.push(`${pad}} catch (err: any) {`, `${pad}  console.log(err.name.replace(/^.*\\./, "") + " " + err.message);`, `${pad}}`);
          continue;
        }
        const stmt = translateStatement(s, e);
        if (!stmt) throw new ProgramError(`line ${line}: Run translates assignments, expressions, returns, defs and the json calls' statements, not \`${firstLine(s.text)}\``, line);
        lines.push(...stmt.text.split("\n").map((l) => pad + l));
      }
    };
    block(context.tree.rootNode.namedChildren, "");
    const imports = mergeImports([...translations.flatMap((t) => t.imports), ...e.imports.declarations()]);
    return [...imports, "", ...lines, ""].join("\n");
  } finally {
    analysis.backend.release(context.tree);
  }
}

function firstLine(text: string): string {
  const line = text.split("\n")[0] as string;
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

/** One declaration per module, names sorted: node: modules first. */
function mergeImports(declarations: string[]): string[] {
  const modules = new Map<string, Set<string>>();
  for (const d of declarations) {
    const m = /^import \{ (.*) \} from "(.*)";$/.exec(d);
    if (!m) throw new ProgramError(`unexpected import: ${d}`);
    const names = modules.get(m[2] as string) ?? new Set<string>();
    for (const n of (m[1] as string).split(", ")) names.add(n);
    modules.set(m[2] as string, names);
  }
  const rank = (m: string) => (m.startsWith("node:") ? 0 : 1);
  return [...modules]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))
    .map(([m, names]) => `import { ${[...names].sort().join(", ")} } from "${m}";`);
}
