// Bundles the CLI (and the runtime) with esbuild. Runs from `prepare`, so a plain `npm ci` builds it.
// Pure-JS dependencies are bundled in: loading one file is much faster than resolving and
// translating a dozen CommonJS packages at every start (pre-commit runs dumpling on a few files).
// Native tree-sitter must be loaded from node_modules, tinypool resolves its own worker entry
// file, and ts-morph/TypeScript are only imported dynamically by `convert`, so they stay external
// (with splitting, `check` never loads them).
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";

rmSync("dist", { recursive: true, force: true });
const common = { outdir: "dist", bundle: true, format: "esm", platform: "node", target: "node20", sourcemap: "linked", logLevel: "warning" };

await build({
  ...common,
  entryPoints: { cli: "src/cli/bin.ts", worker: "src/cli/worker.ts", "generate-docs": "scripts/generate-docs.ts" },
  splitting: true,
  external: ["tree-sitter", "tree-sitter-python", "tinypool", "ts-morph", "typescript"],
  // Bundled CommonJS dependencies call require() for Node's built-in modules.
  banner: { js: 'import { createRequire as __dumplingCreateRequire } from "node:module"; const require = __dumplingCreateRequire(import.meta.url);' },
});

// The runtime has no dependencies and no Node-specific banner: it is built on its own.
if (existsSync("src/runtime/index.ts")) {
  await build({ ...common, entryPoints: { "runtime/index": "src/runtime/index.ts" } });
  // The runtime ships its own .d.ts (dumpling-json/runtime), checked without Node's types: it must run in browsers.
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.runtime.json"], { stdio: "inherit" });
}
