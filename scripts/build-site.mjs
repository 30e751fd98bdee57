// `npm run site`: the static site in site/dist/ (after scripts/build.mjs has built dist/).
// - index.html, the playground: site/src/playground.ts bundled by esbuild for browsers, with the
//   core from src/api/wasm.ts. Only the core and the editor are on the way to the first
//   diagnostics (preloaded below): the Lezer grammars (lang-python, lang-javascript), TypeScript
//   (which translate() needs) and the Run code are chunks of their own, imported later.
// - The two .wasm files of the parser, and Pyodide's files under pyodide/ (fetched only by Run).
// - rules/index.html and rules/<name>.html: docs/rules/*.md rendered with marked.
// Everything a page loads is in site/dist/: it works offline from any static server.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { renderRulePages } from "./site-pages.mjs";

const OUT = "site/dist";
const require = createRequire(import.meta.url);
/** A package's file, through its exports. */
const packageFile = (specifier) => require.resolve(specifier);

rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(OUT, "assets"), { recursive: true });

// src/api/wasm.ts falls back to import("typescript") / import("ts-morph") when init() is not given
// the compiler: the site gives it, so those imports are left alone (they fail at once in a page,
// without a request). web-tree-sitter imports "module" only under Node.
const leaveWasmFallbacks = {
  name: "leave-wasm-fallbacks",
  setup(b) {
    b.onResolve({ filter: /^(typescript|ts-morph|module)$/ }, (args) =>
      args.path === "module" || /src[\\/]api[\\/]wasm\.ts$/.test(args.importer) ? { path: args.path, external: true } : undefined,
    );
  },
};

const result = await build({
  entryPoints: { playground: "site/src/playground.ts", page: "site/src/page.ts" },
  outdir: join(OUT, "assets"),
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  sourcemap: "linked",
  metafile: true,
  logLevel: "warning",
  chunkNames: "[name]-[hash]",
  // TypeScript's compiler mentions Node's modules in code that never runs in a page.
  external: ["fs", "path", "os", "crypto", "inspector", "perf_hooks", "source-map-support", "child_process", "buffer", "url"],
  plugins: [leaveWasmFallbacks],
  define: { "process.env.NODE_ENV": '"production"' },
});
writeFileSync(join(OUT, "assets", "meta.json"), JSON.stringify(result.metafile));

copyFileSync(packageFile("web-tree-sitter/tree-sitter.wasm"), join(OUT, "assets", "tree-sitter.wasm"));
copyFileSync(packageFile("tree-sitter-python/tree-sitter-python.wasm"), join(OUT, "assets", "tree-sitter-python.wasm"));
copyFileSync("site/src/style.css", join(OUT, "assets", "style.css"));

// Pyodide: the files loadPyodide() fetches for the standard library (json is in it).
mkdirSync(join(OUT, "pyodide"));
for (const f of ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]) {
  copyFileSync(packageFile(`pyodide/${f}`), join(OUT, "pyodide", f));
}

// The chunks playground.js imports statically, preloaded with it (else the browser finds them
// only once playground.js is parsed).
const playground = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint === "site/src/playground.ts")?.[1];
const preloads = (playground?.imports ?? [])
  .filter((i) => i.kind === "import-statement" && !i.external)
  .map((i) => `<link rel="modulepreload" href="assets/${i.path.split("/").pop()}">`);
writeFileSync(join(OUT, "index.html"), readFileSync("site/index.html", "utf8").replace("<!-- modulepreload -->", preloads.join("\n")));
const pages = await renderRulePages(OUT);
const size = (dir) => readdirSync(dir, { recursive: true }).length;
console.log(`site: ${OUT}/ (${size(OUT)} files; ${pages} rule pages)`);
