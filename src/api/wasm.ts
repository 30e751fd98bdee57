// dumpling-json/wasm: the library on web-tree-sitter, for every JavaScript runtime (browsers,
// Deno, Bun, Node). `await init()` once, then the same functions as dumpling-json, with the same
// results. The two .wasm files are web-tree-sitter's `tree-sitter.wasm` and tree-sitter-python's
// `tree-sitter-python.wasm`: found through the module resolver by default (Node, Deno, Bun);
// in a browser give their URLs (or bytes) to init() — see docs/api.md for bundlers.
import { createWasmBackend, type WasmFiles } from "../backends/wasm.js";
import type { ParserBackend } from "../python/tree.js";
import type { TypeScriptApi } from "../translate/types.js";
import { createApi } from "./core.js";

export { DumplingInternalError, type Api, type SourceDocument } from "./core.js";
export { UnknownSelectorError } from "../rules/select.js";
export type * from "./types.js";

export interface InitOptions extends WasmFiles {
  /**
   * The TypeScript compiler's namespace (`import * as ts from "typescript"`) for translate(),
   * which parses every snippet it emits. Without it, init() imports "typescript" (or ts-morph's
   * copy); where neither can be imported, only translate() is unavailable.
   */
  typescript?: unknown;
}

let backend: ParserBackend | undefined;
let typescript: TypeScriptApi | undefined;

/** Loads the parser (and the TypeScript compiler); the other functions throw until it has resolved. */
export async function init(options: InitOptions = {}): Promise<void> {
  typescript = (options.typescript as TypeScriptApi | undefined) ?? typescript ?? (await importTypeScript());
  backend ??= await createWasmBackend(options);
}

async function importTypeScript(): Promise<TypeScriptApi | undefined> {
  for (const load of [async () => (await import("typescript")).default, async () => (await import("ts-morph")).ts]) {
    try {
      return (await load()) as unknown as TypeScriptApi;
    } catch {
      // Not installed (or not bundled): try the next; translate() says what to do.
    }
  }
  return undefined;
}

function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`dumpling-json/wasm: ${what}`);
  return value;
}

const api = createApi({
  backend: () => ready(backend, "call `await init()` first"),
  typescript: () => ready(typescript, "translate() needs the TypeScript compiler: pass it to init({ typescript })"),
});

export const { lint, openDocument, fix, findCalls, translate, rules, noqaEdit } = api;
