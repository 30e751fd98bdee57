// The differential fixtures' harness: a fixture's input.py is a small program (assignments of
// literals, prints, defs, with blocks and json calls); this turns it into a runnable TypeScript
// program by splicing in each call's translation exactly as `convert` reports it, and translating
// the glue around the calls with the translator's own expression and statement translation.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { childEnv } from "./env.js";
import { ts } from "ts-morph";
import type { SyntaxNode } from "../../src/python/tree.js";
import { buildContext } from "../../src/python/context.js";
import { SnippetEmitter } from "../../src/translate/emitter.js";
import { callExpression } from "../../src/translate/file-io.js";
import { translateStatement } from "../../src/translate/statements.js";
import { RUNTIME } from "../../src/translate/imports.js";
import { translateText, type Translation } from "../../src/translate/index.js";
import type { Mode } from "../../src/translate/types.js";
import { PYTHON } from "./python.js";
import { NATIVE, TS } from "./native.js";

export interface Program {
  /** The TypeScript program (what expected.ts holds). */
  program: string;
  translations: Translation[];
}

/**
 * Glue for a `with open(path, "w") as name:` block that is not a translation unit (its handle
 * serves several statements): the host's file object, as a migrated program would have one.
 */
const HOST_FILE = `function hostFile(path: string): { write(s: string): number; close(): void } {
  let text = "";
  return { write: (s: string) => ((text += s), s.length), close: () => writeFileSync(path, text, "utf8") };
}`;

/**
 * The program of a fixture. `host`: the TypeScript a migration would provide by hand (ported
 * functions and classes, host.ts in the case's directory); the Python definitions it declares
 * are left out of the translation.
 */
export function programOf(text: string, mode: Mode, host = ""): Program {
  const { translations, errors } = translateText("input.py", text, { mode, analysis: NATIVE, ts: TS });
  if (errors.length > 0) throw new Error(errors.join("\n"));
  const context = buildContext("input.py", text, NATIVE);
  if (context.calls.length === 0) throw new Error("input.py has no json call");
  const e = new SnippetEmitter(context, { mode, analysis: NATIVE, ts: TS }, callExpression);
  const statementUnits = new Map<number, Translation>();
  for (const t of translations) {
    if (!t.expression) {
      statementUnits.set(t.start, t);
      continue;
    }
    // Splice the reported translation in place of its call (the call's range is the unit's).
    const call = context.calls.find((c) => c.node.startIndex === t.start && c.node.endIndex === t.end);
    if (!call) throw new Error(`no call at ${t.start}-${t.end} for ${t.python}`);
    e.override(call.node, t.typescript);
  }
  const lines: string[] = [];
  const hostImports = host.split("\n").filter((l) => l.startsWith("import "));
  const hostBody = host.split("\n").filter((l) => !l.startsWith("import ")).join("\n").trim();
  const provided = new Set([...host.matchAll(/^(?:export )?(?:function|class|const) (\w+)/gm)].map((m) => m[1]));
  let usesHostFile = false;
  const block = (nodes: SyntaxNode[], pad: string): void => {
    for (const s of nodes) {
      if (s.type === "comment" || s.type === "import_statement" || s.type === "import_from_statement") continue;
      if ((s.type === "function_definition" || s.type === "class_definition") && provided.has(s.childForFieldName("name")?.text ?? "")) continue;
      const unit = statementUnits.get(s.startIndex);
      if (unit && unit.end === s.endIndex) {
        lines.push(...unit.typescript.split("\n").map((l) => pad + l));
        continue;
      }
      if (s.type === "function_definition") {
        const params = s.childForFieldName("parameters")?.namedChildren.map((p) => `${p.text}: any`) ?? [];
        lines.push(`${pad}function ${s.childForFieldName("name")?.text}(${params.join(", ")}): any {`);
        block(s.childForFieldName("body")?.namedChildren ?? [], pad + "  ");
        lines.push(`${pad}}`);
        continue;
      }
      const item = s.type === "with_statement" ? /^with open\(([^,]+), "w"(?:, encoding="utf-8")?\) as (\w+):/.exec(s.text) : null;
      if (item) {
        usesHostFile = true;
        lines.push(`${pad}{`, `${pad}  const ${item[2]} = hostFile(${e.expr(s.descendantsOfType("call")[0]?.childForFieldName("arguments")?.namedChildren[0] as SyntaxNode)});`, `${pad}  try {`);
        block(s.childForFieldName("body")?.namedChildren ?? [], pad + "    ");
        lines.push(`${pad}  } finally {`, `${pad}    ${item[2]}.close();`, `${pad}  }`, `${pad}}`);
        continue;
      }
      if (s.type === "try_statement") {
        lines.push(`${pad}try {`);
        block(s.childForFieldName("body")?.namedChildren ?? [], pad + "  ");
        // The fixtures' one handler: `except Exception as e: print(type(e).__name__, e)`.
        const handler = s.namedChildren.find((c) => c.type === "except_clause");
        if (!handler || !/^except Exception as e:\s*print\(type\(e\)\.__name__, e\)$/.test(handler.text)) {
          throw new Error(`unsupported except clause: ${handler?.text}`);
        }
        lines.push(`${pad}} catch (err: any) {`, `${pad}  console.log(err.name.replace(/^.*\\./, "") + " " + err.message);`, `${pad}}`);
        continue;
      }
      const stmt = translateStatement(s, e);
      if (!stmt) throw new Error(`unsupported statement in a fixture: ${s.text}`);
      lines.push(...stmt.text.split("\n").map((l) => pad + l));
    }
  };
  block(context.tree.rootNode.namedChildren, "");
  const glue = usesHostFile ? ['import { writeFileSync } from "node:fs";'] : [];
  const imports = mergeImports([...translations.flatMap((t) => t.imports), ...e.imports.declarations(), ...hostImports, ...glue]);
  const prelude = [...(hostBody ? [hostBody, ""] : []), ...(usesHostFile ? [HOST_FILE, ""] : [])];
  return { program: [...imports, "", ...prelude, ...lines, ""].join("\n"), translations };
}

function mergeImports(declarations: string[]): string[] {
  const modules = new Map<string, Set<string>>();
  for (const d of declarations) {
    const m = /^import \{ (.*) \} from "(.*)";$/.exec(d.replace(/\btype /g, ""));
    if (!m) throw new Error(d);
    const names = modules.get(m[2] as string) ?? new Set();
    for (const n of (m[1] as string).split(", ")) names.add(n);
    modules.set(m[2] as string, names);
  }
  const rank = (m: string) => (m.startsWith("node:") ? 0 : 1);
  return [...modules]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))
    .map(([m, names]) => `import { ${[...names].sort().join(", ")} } from "${m}";`);
}

/** TypeScript → JavaScript (the compiler ts-morph bundles), with the runtime imported from `runtimeUrl`. */
export function transpile(program: string, runtimeUrl: string): string {
  const out = ts.transpileModule(program, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } });
  return out.outputText.replaceAll(`from "${RUNTIME}"`, `from ${JSON.stringify(runtimeUrl)}`);
}

// --- running both sides in sandboxes -------------------------------------------------------------

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Every file left in the sandbox (but the program itself), base64. */
  files: Map<string, string>;
}

const RUNTIME_URL = pathToFileURL(resolve("dist/runtime/node.js")).href; // (what Node resolves dumpling-json/runtime to)

/** A fresh directory holding a copy of `filesDir` (as files/) and the given files. */
function sandbox(filesDir: string | null, extra: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "dumpling-diff-"));
  if (filesDir && existsSync(filesDir)) cpSync(filesDir, join(dir, "files"), { recursive: true });
  for (const [name, data] of Object.entries(extra)) writeFileSync(join(dir, name), data);
  return dir;
}

function snapshot(dir: string, skip: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name !== skip) out.set(relative(dir, p), readFileSync(p).toString("base64"));
    }
  };
  walk(dir);
  return out;
}

function finish(r: ReturnType<typeof spawnSync>, dir: string, skip: string): Run {
  return { status: r.status, stdout: (r.stdout as Buffer).toString("latin1"), stderr: (r.stderr as Buffer).toString("utf8"), files: snapshot(dir, skip) };
}

export interface Setup {
  /** A directory copied into the sandbox as files/. */
  filesDir?: string | null;
  /** Files written into the sandbox before the run. */
  files?: Record<string, string | Uint8Array>;
  stdin?: Uint8Array;
  /** Another interpreter (the venv with orjson and ujson, test/support/libraries.ts). */
  python?: string;
}

/** python3 input.py in a sandbox. */
export function runPython(source: string, setup: Setup = {}): Run {
  const dir = sandbox(setup.filesDir ?? null, { ...setup.files, "input.py": source });
  const r = spawnSync(setup.python ?? PYTHON, ["input.py"], { cwd: dir, input: setup.stdin ?? Buffer.alloc(0), env: { ...process.env, PYTHONIOENCODING: "utf-8", LC_ALL: "C.UTF-8" } });
  return finish(r, dir, "input.py");
}

/** A translated program, transpiled, run by node in a sandbox (the runtime from dist/). */
export function runProgram(program: string, setup: Setup = {}): Run {
  const dir = sandbox(setup.filesDir ?? null, { ...setup.files, "main.mjs": transpile(program, RUNTIME_URL) });
  const r = spawnSync(process.execPath, ["main.mjs"], { cwd: dir, input: setup.stdin ?? Buffer.alloc(0), env: childEnv() });
  return finish(r, dir, "main.mjs");
}
