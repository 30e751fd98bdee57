// dumpling-json: the library, on the native tree-sitter binding (Node). Synchronous, on source
// strings, no file system (but loadConfig). For other JavaScript runtimes: dumpling-json/wasm.
import { createRequire } from "node:module";
import { nativeBackend } from "../backends/native.js";
import type { TypeScriptApi } from "../translate/types.js";
import { createApi } from "./core.js";

export { isExcluded, loadConfig, type Selection } from "./config.js";
export { ConfigError } from "../source/config.js";
export { DumplingInternalError, type Api } from "./core.js";
export type * from "./types.js";

const require = createRequire(import.meta.url);
let typescript: TypeScriptApi | undefined;

const api = createApi({
  backend: () => nativeBackend,
  // ts-morph's copy of the compiler (a dependency already); loaded by the first translate().
  typescript: () => (typescript ??= (require("ts-morph") as { ts: TypeScriptApi }).ts),
});

export const { lint, fix, findCalls, translate, rules, noqaEdit } = api;
