// The benchmark and robustness corpus: CPython's standard library as shipped in the npm package
// `pyodide` (python_stdlib.zip), extracted once into bench/.corpus/ (git-ignored).
import { existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { unzipSync } from "fflate";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = join(here, ".corpus");

/** The pyodide version the corpus comes from. */
export function pyodideVersion() {
  return JSON.parse(readFileSync(require.resolve("pyodide/package.json"), "utf8")).version;
}

/** Extract the standard library's .py files (once); returns the directory. */
export function stdlibDir() {
  const dir = join(CORPUS_DIR, "stdlib");
  const marker = join(dir, ".complete");
  if (existsSync(marker)) return dir;
  const zip = readFileSync(join(dirname(require.resolve("pyodide/package.json")), "python_stdlib.zip"));
  const files = unzipSync(new Uint8Array(zip), { filter: (f) => f.name.endsWith(".py") });
  for (const [name, data] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
  writeFileSync(marker, pyodideVersion());
  return dir;
}

/** Every .py file under a directory, sorted. */
export function pythonFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".py")) out.push(p);
    }
  };
  walk(dir);
  return out;
}
