// `npm run docs`: write docs/rules/<name>.md for every rule from its metadata.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderRuleDoc, renderRuleTable, replaceRuleTable } from "../src/rules/docs.js";
import { RULES } from "../src/rules/index.js";

const dir = "docs/rules";
mkdirSync(dir, { recursive: true });
const wanted = new Set(RULES.map((r) => `${r.meta.name}.md`));
for (const f of readdirSync(dir)) if (!wanted.has(f)) rmSync(join(dir, f));
for (const r of RULES) writeFileSync(join(dir, `${r.meta.name}.md`), renderRuleDoc(r.meta));
console.log(`wrote ${RULES.length} pages to ${dir}/`);
writeFileSync("README.md", replaceRuleTable(readFileSync("README.md", "utf8"), renderRuleTable()));
console.log("updated the rule table in README.md");
