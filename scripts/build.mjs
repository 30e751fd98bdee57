// Builds dist/ with esbuild. Runs from `prepare`, so a plain `npm ci` builds it.
// - The CLI (dist/cli.js) bundles its pure-JS dependencies: loading one file is much faster
//   than resolving and translating a dozen CommonJS packages at every start (pre-commit runs
//   dumpling on a few files). Native tree-sitter must be loaded from node_modules, tinypool
//   resolves its own worker entry file, and ts-morph/TypeScript are only imported dynamically by
//   `convert`, so they stay external (with splitting, `check` never loads them).
// - The library (dist/index.js: native; dist/wasm.js: web-tree-sitter) leaves every dependency
//   to the installer, as a library should; its .d.ts come from tsc (dist/types/).
// - The runtime (dist/runtime/) has no dependencies and ships its own .d.ts.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";

rmSync("dist", { recursive: true, force: true });
const common = { outdir: "dist", bundle: true, format: "esm", platform: "node", target: "node20", sourcemap: "linked", logLevel: "warning" };
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

await build({
  ...common,
  entryPoints: { cli: "src/cli/bin.ts", worker: "src/cli/worker.ts", "generate-docs": "scripts/generate-docs.ts" },
  splitting: true,
  external: ["tree-sitter", "tree-sitter-python", "tinypool", "ts-morph", "typescript"],
  // Bundled CommonJS dependencies call require() for Node's built-in modules.
  banner: { js: 'import { createRequire as __dumplingCreateRequire } from "node:module"; const require = __dumplingCreateRequire(import.meta.url);' },
});

await build({ ...common, entryPoints: { index: "src/api/index.ts" }, packages: "external" });
// The wasm entry runs anywhere: no Node built-ins in it (tsconfig.core.json checks the source).
await build({ ...common, entryPoints: { wasm: "src/api/wasm.ts" }, packages: "external", platform: "neutral", target: "es2022" });
execFileSync(process.execPath, [tsc, "-p", "tsconfig.api.json"], { stdio: "inherit" });

// The runtime has no dependencies and no Node-specific banner: it is built on its own. Its Node
// entry (the package's "node" condition) shares the same modules (one chunk), and adds a Buffer hook.
if (existsSync("src/runtime/index.ts")) {
  await build({
    ...common,
    entryPoints: { "runtime/index": "src/runtime/index.ts", "runtime/node": "src/backends/runtime-node.ts" },
    splitting: true,
    chunkNames: "runtime/[name]-[hash]",
  });
  // The runtime ships its own .d.ts (dumpling-json/runtime), checked without Node's types: it must run in browsers.
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.runtime.json"], { stdio: "inherit" });
}
