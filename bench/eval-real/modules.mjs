// The modules `dumpling convert --out-dir` wrote, found by walking the folder (never by computing
// their paths): each exported function, the call it stands for (its doc's `file:row:col`), its
// parameters, and what it returns.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** Every .ts file under `dir` (dot-directories included, node_modules excluded). */
export function walkTs(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory() && e.name !== "node_modules") out.push(...walkTs(p));
    else if (e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out.sort();
}

/** `file:row:col` → { module, name, params: [{ name, type }], returns } for every function of every module. */
export function emittedFunctions(outDir) {
  const byLocation = new Map();
  for (const module of walkTs(outDir)) {
    const sf = ts.createSourceFile(module, readFileSync(module, "utf8"), ts.ScriptTarget.ES2022, true);
    for (const st of sf.statements) {
      if (!ts.isFunctionDeclaration(st) || !st.name || !st.body) continue;
      const doc = ts.getJSDocCommentsAndTags(st).map((d) => (typeof d.comment === "string" ? d.comment : ts.getTextOfJSDocComment(d.comment) ?? "")).join("\n");
      const m = /^(.*):(\d+):(\d+)\s*$/m.exec(doc);
      if (!m) continue;
      byLocation.set(`${m[1]}:${m[2]}:${m[3]}`, {
        module,
        name: st.name.text,
        params: st.parameters.map((p) => ({ name: p.name.getText(sf), type: p.type?.getText(sf) ?? "any" })),
        returns: returnShape(st.body),
      });
    }
  }
  return byLocation;
}

/**
 * What the function returns: { kind: "expression" } when its body is one `return <expr>;` (the
 * call's value), { kind: "declares", names } when it ends in `return x;` / `return { a, b };` of
 * names it declares (a statement's results), { kind: "none" } otherwise.
 */
function returnShape(body) {
  const sts = body.statements;
  const last = sts[sts.length - 1];
  if (!last || !ts.isReturnStatement(last) || !last.expression) return { kind: "none" };
  if (sts.length === 1) return { kind: "expression" };
  const declared = new Set();
  for (const s of sts) {
    if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) declared.add(d.name.text);
  }
  const e = last.expression;
  if (ts.isIdentifier(e) && declared.has(e.text)) return { kind: "declares", names: [e.text] };
  if (ts.isObjectLiteralExpression(e) && e.properties.every((p) => ts.isShorthandPropertyAssignment(p) && declared.has(p.name.text))) {
    return { kind: "declares", names: e.properties.map((p) => p.name.text) };
  }
  return { kind: "expression" };
}

/** TypeScript → an ES module beside it (`.mjs`), for node to import. */
export function transpileModule(path) {
  const out = ts.transpileModule(readFileSync(path, "utf8"), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  return out.outputText;
}
