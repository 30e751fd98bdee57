// Bundles the CLI (and the runtime) with esbuild. Runs from `prepare`, so a plain `npm ci` builds it.
// Dependencies stay external: native tree-sitter must be loaded from node_modules, and ts-morph is
// only imported dynamically by `convert`, so `check` never loads it.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";

rmSync("dist", { recursive: true, force: true });
const entryPoints = { cli: "src/cli/bin.ts" };
if (existsSync("src/runtime/index.ts")) entryPoints["runtime/index"] = "src/runtime/index.ts";
if (existsSync("src/source/worker.ts")) entryPoints.worker = "src/source/worker.ts";
entryPoints["generate-docs"] = "scripts/generate-docs.ts";

await build({
  entryPoints,
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
});

// The runtime ships its own .d.ts (dumpling/runtime), checked without Node's types: it must run in browsers.
if (existsSync("src/runtime/index.ts")) {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.runtime.json"], { stdio: "inherit" });
}
