// `convert --out-dir`'s modules, built through ts-morph (loaded only by `convert`) as syntax
// trees: one exported function per call, imports merged.
import { IndentationText, Project, QuoteKind, ts, type SourceFile } from "ts-morph";
import type { Translation } from "../api/types.js";

export class ModuleBuilder {
  private readonly project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, strict: true },
  });

  /**
   * One module for a Python file: each call becomes an exported function whose parameters are
   * the call's free names, returning the call's value (or what its statements declare).
   */
  module(source: string, translations: readonly Translation[], header: string): string {
    const sf = this.project.createSourceFile("/module.ts", "", { overwrite: true });
    addImports(sf, translations.flatMap((t) => t.imports));
    const used = new Set<string>();
    for (const t of translations) {
      const { row, column } = t.location;
      let name = `${t.function}Line${row}`;
      if (used.has(name)) name = `${t.function}Line${row}Col${column}`;
      used.add(name);
      const statements = t.expression
        ? [`return ${t.typescript};`]
        : t.declares.length > 0 && !/^return\b/m.test(t.typescript)
          ? [t.typescript, `return ${t.declares.length === 1 ? t.declares[0] : `{ ${t.declares.join(", ")} }`};`]
          : [t.typescript];
      sf.addFunction({
        isExported: true,
        isAsync: /\bawait\b/.test(t.typescript),
        name,
        parameters: t.names.map((n) => ({ name: n.typescript, type: n.type })),
        statements,
        docs: [docOf(source, row, column, t)],
      });
    }
    sf.formatText({ indentSize: 2, convertTabsToSpaces: true, ensureNewLineAtEndOfFile: true });
    return `${header}\n${sf.getFullText()}`;
  }
}

/** Merge import declarations into a file: one declaration per module (node: modules first), each name once, sorted. */
function addImports(sf: SourceFile, declarations: readonly string[]): void {
  const rank = (d: string) => (d.includes('"node:') ? 0 : 1);
  for (const d of [...declarations].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))) {
    const m = /^import \{ (.*) \} from "(.*)";$/.exec(d);
    if (!m) throw new Error(`unexpected import declaration: ${d}`);
    const names = (m[1] as string).split(", ");
    const module = m[2] as string;
    const existing = sf.getImportDeclaration((i) => i.getModuleSpecifierValue() === module);
    if (!existing) {
      sf.addImportDeclaration({ moduleSpecifier: module, namedImports: names });
      continue;
    }
    const have = new Set(existing.getNamedImports().map((n) => n.getName()));
    const merged = [...new Set([...have, ...names])].sort();
    if (merged.length === have.size) continue;
    existing.removeNamedImports();
    existing.addNamedImports(merged);
  }
}

function docOf(source: string, row: number, column: number, t: Translation): string {
  const lines = [`${source}:${row}:${column}`, "", "```python", ...t.python.split(/\r\n|\r|\n/), "```"];
  for (const n of t.notes) lines.push("", `Note (${n.kind}): ${n.message}`);
  return lines.join("\n").replace(/\*\//g, "*\\/");
}
