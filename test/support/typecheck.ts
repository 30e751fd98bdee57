// Type-checking emitted TypeScript with the compiler ts-morph bundles: each snippet in a file of
// its own (inside the repository, never written), its free names declared with the types the
// translator says it expects, `dumpling-json/runtime` resolved through the package's own exports.
import { resolve } from "node:path";
import { Project, ts } from "ts-morph";
import type { Translation } from "../../src/translate/types.js";

let project: Project | undefined;
let counter = 0;

function getProject(): Project {
  project ??= new Project({
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2022.d.ts"],
      types: ["node"],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
    },
    skipAddingFilesFromTsConfig: true,
  });
  return project;
}

function check(text: string): string[] {
  const p = getProject();
  const sf = p.createSourceFile(resolve(`.typecheck/case${counter++}.ts`), text, { overwrite: true });
  try {
    return sf.getPreEmitDiagnostics().map((d) => {
      const line = d.getLineNumber();
      return `${line ?? "?"}: ${ts.flattenDiagnosticMessageText(d.compilerObject.messageText, "\n")}`;
    });
  } finally {
    p.removeSourceFile(sf);
  }
}

/** The snippet of one translation, wrapped so that it compiles alone; its diagnostics (empty when it type-checks). */
export function snippetSource(t: Translation): string {
  const declarations = t.names.map((n) => `declare let ${n.typescript}: ${n.type};`);
  // `$value` cannot be a Python name, so it never clashes with a free name of the snippet.
  const body = t.expression ? `const $value = ${t.typescript};\nreturn $value;` : t.typescript;
  return [...t.imports, ...declarations, "export async function snippet(): Promise<any> {", body, "}", ""].join("\n");
}

export function typecheckSnippet(t: Translation): string[] {
  return check(snippetSource(t));
}

export function typecheckProgram(program: string): string[] {
  return check(`${program}\nexport {};\n`);
}
