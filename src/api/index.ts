// dumpling-json: the library, on the native tree-sitter binding (Node). Synchronous, on source
// strings, no file system (but loadConfig). For other JavaScript runtimes: dumpling-json/wasm.
import { createRequire } from "node:module";
import { nativeBackend, releaseDeadTrees } from "../backends/native.js";
import type { TypeScriptApi } from "../translate/types.js";
import { createApi } from "./core.js";

export { isExcluded, loadConfig, type Selection } from "./config.js";
export { ConfigError } from "../source/config.js";
export { UnknownSelectorError } from "../rules/select.js";
export { DumplingInternalError, type Api, type SourceDocument } from "./core.js";
export type * from "./types.js";

const require = createRequire(import.meta.url);
let typescript: TypeScriptApi | undefined;

const api = createApi({
  backend: () => nativeBackend,
  // ts-morph's copy of the compiler (a dependency already); loaded by the first translate().
  typescript: () => (typescript ??= (require("ts-morph") as { ts: TypeScriptApi }).ts),
});

export const { lint, openDocument, fix, findCalls, translate, rules, noqaEdit } = api;

/**
 * Lets the native memory of the parse trees no longer used be freed. A tree is freed by a
 * finalizer, which runs only after V8 has collected it (V8 does not know how large it is) and the
 * event loop has turned, so a host that lints source after source (a language server, a loop over
 * files) awaits this between them: once 1 MiB of source has been parsed since it last collected,
 * it runs a full garbage collection (a few milliseconds); else it returns at once.
 */
export function releaseMemory(): Promise<void> {
  return releaseDeadTrees();
}
