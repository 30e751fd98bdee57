// Run: the Python in CPython (Pyodide, loaded on the first Run from ../pyodide/, beside the
// page's assets), the TypeScript in the page; both in a fresh working directory, stdout and the
// files written captured. This module is a chunk of its own: the page imports it on the first Run.
import * as runtime from "../../src/runtime/index.js";
import type { Translation } from "../../src/api/types.js";
import { createWasmBackend } from "../../src/backends/wasm.js";
import type { ParserBackend } from "../../src/python/tree.js";
import type { TypeScriptApi } from "../../src/translate/types.js";
import type { Mode } from "./hash.js";
import { buildProgram } from "./program.js";
import { concat, firstDifference, runModule, type Difference, type Output } from "./sandbox.js";

export { ProgramError } from "./program.js";
export type { Difference, Output };

interface Pyodide {
  runPython(code: string, options?: { globals?: unknown }): unknown;
  setStdout(options: { write: (buffer: Uint8Array) => number }): void;
  setStderr(options: { write: (buffer: Uint8Array) => number }): void;
  toPy(value: unknown): { destroy(): void };
  FS: {
    mkdirTree(path: string): void;
    readdir(path: string): string[];
    stat(path: string): { mode: number };
    isDir(mode: number): boolean;
    readFile(path: string): Uint8Array;
  };
  version: string;
}

let pyodide: Promise<Pyodide> | null = null;
let runs = 0;

/** Where Pyodide's files are: site/dist/pyodide/, next to assets/. */
const PYODIDE = new URL("../pyodide/", import.meta.url).href;

function loadPython(): Promise<Pyodide> {
  pyodide ??= (async () => {
    // A computed specifier: the bundler leaves Pyodide out of the page's chunks.
    const url = `${PYODIDE}pyodide.mjs`;
    const { loadPyodide } = (await import(/* webpackIgnore: true */ url)) as { loadPyodide(o: { indexURL: string; stdout?: unknown }): Promise<Pyodide> };
    return loadPyodide({ indexURL: PYODIDE });
  })();
  pyodide.catch(() => (pyodide = null));
  return pyodide;
}

export async function pythonVersion(): Promise<string> {
  const py = await loadPython();
  return String(py.runPython("import sys; sys.version.split()[0]"));
}

/** The Python in a fresh directory of Pyodide's in-memory file system, as `__main__`. */
export async function runPython(source: string): Promise<Output> {
  const py = await loadPython();
  const dir = `/playground/run${++runs}`;
  py.FS.mkdirTree(dir);
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  py.setStdout({ write: (b) => (out.push(b.slice()), b.length) });
  py.setStderr({ write: (b) => (err.push(b.slice()), b.length) });
  const globals = py.toPy({ __name__: "__main__", __file__: "main.py" });
  let error: string | null = null;
  try {
    py.runPython(`import os; os.chdir(${JSON.stringify(dir)})`);
    py.runPython(source, { globals });
  } catch (e) {
    // A PythonError's message is the traceback, as python3 prints it on stderr.
    const message = e instanceof Error ? e.message : String(e);
    err.push(new TextEncoder().encode(message.endsWith("\n") ? message : `${message}\n`));
    error = (message.trim().split("\n").pop() ?? message).trim();
  } finally {
    try {
      py.runPython("import sys; sys.stdout.flush(); sys.stderr.flush(); import os; os.chdir('/')");
    } catch {
      // Flushing a closed stream: nothing more to capture.
    }
    globals.destroy();
  }
  const files = new Map<string, Uint8Array>();
  const walk = (path: string, rel: string) => {
    for (const name of py.FS.readdir(path)) {
      if (name === "." || name === "..") continue;
      const full = `${path}/${name}`;
      if (py.FS.isDir(py.FS.stat(full).mode)) walk(full, `${rel}${name}/`);
      else files.set(`${rel}${name}`, py.FS.readFile(full));
    }
  };
  walk(dir, "");
  return { stdout: concat(out), stderr: new TextDecoder().decode(concat(err)), files, error };
}

let backend: Promise<ParserBackend> | null = null;

export interface TypeScriptRun extends Output {
  program: string;
}

/**
 * The program of the Python's translations, transpiled and run in the page. Throws a
 * ProgramError when the Python holds a statement the program cannot hold.
 */
export async function runTypeScript(source: string, translations: Translation[], mode: Mode, ts: typeof import("typescript"), wasm: { treeSitter: string; python: string }): Promise<TypeScriptRun> {
  backend ??= createWasmBackend(wasm);
  const program = buildProgram(source, translations, mode, { backend: await backend }, ts as unknown as TypeScriptApi);
  const js = ts.transpileModule(program, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS } }).outputText;
  const output = await runModule(js, { "dumpling-json/runtime": runtime });
  return { ...output, program };
}

export function compare(python: Output, typescript: Output): Difference | null {
  return firstDifference(python, typescript);
}
