// `npm run bench [-- SECTION ...]`: runs the benchmark sections (bench/<section>.mjs, each
// exporting `async function run(): Promise<{ title, table, results }>`), prints their tables
// and writes every section's results to bench/results.json (keeping sections not rerun).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const ALL = ["check", "runtime", "convert", "api", "server", "site"];
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : ALL;
const resultsFile = join(here, "results.json");
const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : {};

for (const section of wanted) {
  const file = join(here, `${section}.mjs`);
  if (!existsSync(file)) {
    if (!ALL.includes(section)) throw new Error(`no benchmark section ${section}`);
    continue;
  }
  const mod = await import(pathToFileURL(file).href);
  const { title, table, results: r } = await mod.run();
  console.log(`\n## ${title}\n\n${table}\n`);
  results[section] = { ...r, date: new Date().toISOString(), node: process.version };
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + "\n");
}
console.log(`results written to ${resultsFile}`);
