// `tsc --strict` over every module of an --out-dir, through the compiler API: `dumpling-json/runtime`
// resolves to the built runtime through a node_modules/dumpling-json link to this repository (the
// package's own exports), as a user's project would resolve it. Each error is tied to the
// emitted function it is in and given a short pattern of the offending code.
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { walkTs } from "./modules.mjs";

export const COMPILER_OPTIONS = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2022.d.ts"],
  types: ["node"],
  skipLibCheck: true,
};

/** Make `outDir` a package that imports dumpling-json/runtime from this repository. */
export function linkRuntime(outDir, repo) {
  mkdirSync(join(outDir, "node_modules"), { recursive: true });
  const link = join(outDir, "node_modules", "dumpling-json");
  if (!existsSync(link)) symlinkSync(repo, link, "dir");
  writeFileSync(join(outDir, "package.json"), '{ "type": "module", "private": true }\n');
  const options = { ...COMPILER_OPTIONS, typeRoots: [join(repo, "node_modules/@types")] };
  writeFileSync(join(outDir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2022"], types: ["node"], typeRoots: options.typeRoots, skipLibCheck: true }, include: ["**/*.ts"] }, null, 2));
  return options;
}

/** Every diagnostic: { file, line, code, message, function, pattern, text }. */
export function typecheck(outDir, options) {
  const files = walkTs(outDir);
  const program = ts.createProgram(files, options);
  const out = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n").split("\n")[0];
    if (!d.file || d.start === undefined) {
      out.push({ file: null, line: 0, code: d.code, message, function: null, pattern: "(global)", text: "" });
      continue;
    }
    const node = smallestCovering(d.file, d.start, d.start + (d.length ?? 0));
    const fn = enclosingFunction(node);
    const context = contextOf(node);
    out.push({
      file: d.file.fileName,
      line: d.file.getLineAndCharacterOfPosition(d.start).line + 1,
      code: d.code,
      message,
      function: fn?.name?.text ?? null,
      pattern: abstractCode(context.getText(d.file)),
      text: context.getText(d.file).replace(/\s+/g, " ").slice(0, 200),
    });
  }
  return out;
}

function smallestCovering(sf, start, end) {
  let best = sf;
  const visit = (n) => {
    if (n.getStart(sf) <= start && end <= n.getEnd()) {
      best = n;
      ts.forEachChild(n, visit);
    }
  };
  ts.forEachChild(sf, visit);
  return best;
}

function enclosingFunction(n) {
  while (n && !ts.isFunctionDeclaration(n)) n = n.parent;
  return n;
}

/** The expression around an error's node: a name or literal is shown with its parent. */
function contextOf(n) {
  let c = n;
  while (c.parent && (ts.isIdentifier(c) || ts.isLiteralExpression(c) || ts.isToken(c) || ts.isPropertyAccessExpression(c.parent) || c.getWidth() < 12)) {
    if (ts.isStatement(c.parent) || ts.isFunctionDeclaration(c.parent) || ts.isSourceFile(c.parent)) break;
    c = c.parent;
  }
  return c;
}

// Names kept in a pattern: the runtime's, node's and the JavaScript globals translations use.
const KEEP = new Set([
  "dumps", "dump", "loads", "load", "pyStr", "pyRepr", "tuple", "dict", "float", "items", "keys", "untranslated", "JSON",
  "stringify", "parse", "console", "log", "error", "process", "stdout", "stderr", "write", "readFileSync", "writeFileSync",
  "appendFileSync", "String", "Number", "Object", "fromEntries", "Math", "floor", "Set", "Map", "join", "undefined", "null",
  "true", "false", "as", "any", "new", "await", "typeof", "TextDecoder", "decode", "encode", "Buffer", "from", "toString",
]);

/** Code with its names, strings and numbers abstracted: `"%s, %s!" % tuple(s, s)` → `"…" % tuple(x, x)`. */
export function abstractCode(text) {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, text);
  let out = "";
  let prev = null;
  const braces = []; // open braces inside each template substitution
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
    if (k === ts.SyntaxKind.TemplateHead) braces.push(0);
    else if (k === ts.SyntaxKind.OpenBraceToken && braces.length) braces[braces.length - 1]++;
    else if (k === ts.SyntaxKind.CloseBraceToken && braces.length) {
      if (braces[braces.length - 1] === 0) {
        k = scanner.reScanTemplateToken(false);
        if (k === ts.SyntaxKind.TemplateTail) braces.pop();
      } else braces[braces.length - 1]--;
    }
    const t = scanner.getTokenText();
    let piece;
    if (k === ts.SyntaxKind.WhitespaceTrivia || k === ts.SyntaxKind.NewLineTrivia) piece = " ";
    else if (k === ts.SyntaxKind.MultiLineCommentTrivia) piece = t.startsWith("/* Python:") ? "/* Python: … */" : "/*…*/";
    else if (k === ts.SyntaxKind.StringLiteral || k === ts.SyntaxKind.NoSubstitutionTemplateLiteral) piece = '"…"';
    else if (k === ts.SyntaxKind.TemplateHead || k === ts.SyntaxKind.TemplateMiddle || k === ts.SyntaxKind.TemplateTail) piece = t.replace(/[^`${}]+/g, "…");
    else if (k === ts.SyntaxKind.NumericLiteral || k === ts.SyntaxKind.BigIntLiteral) piece = "0";
    else if (k === ts.SyntaxKind.Identifier || ts.isKeyword?.(k)) piece = KEEP.has(t) || prev === ts.SyntaxKind.DotToken ? t : "x";
    else piece = t;
    if (k !== ts.SyntaxKind.WhitespaceTrivia && k !== ts.SyntaxKind.NewLineTrivia) prev = k;
    out += piece;
  }
  out = out.replace(/\s+/g, " ").trim();
  return out.length > 90 ? out.slice(0, 89) + "…" : out;
}
