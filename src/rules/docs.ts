// A rule's documentation page, generated from its metadata (docs/rules/<name>.md).
import { RULES } from "./index.js";
import { JSON_MODULES, LIBRARY_VERSIONS } from "../python/signatures.js";
import type { RuleMeta } from "./types.js";

export const PYTHON_VERSION_NOTE = "CPython 3.11";

function fixLine(meta: RuleMeta): string {
  const { availability, applicability } = meta.fix;
  if (availability === "none") return "no fix";
  const safety = applicability === "mixed" ? "safe or unsafe, see below" : applicability;
  return `${availability === "always" ? "always" : "sometimes"} available (${safety})`;
}

export function renderRuleDoc(meta: RuleMeta): string {
  const d = meta.docs;
  const parts = [
    `# ${meta.name} (${meta.code})`,
    "",
    meta.summary,
    "",
    `- Default: ${meta.defaultEnabled ? "on" : "off (enable with `--extend-select " + meta.code + "`)"}`,
    `- Severity: ${meta.severity}`,
    `- Fix: ${fixLine(meta)}`,
    "",
    "## What it does",
    "",
    d.what,
    "",
    "## Why is this bad?",
    "",
    d.why,
  ];
  if (d.whatHappens) {
    // The libraries the example imports, at the versions the tests check it with.
    const libraries = JSON_MODULES.filter((m) => m in LIBRARY_VERSIONS && new RegExp(`\\bimport ${m}\\b`).test(d.example));
    const versions = libraries.map((m) => ` and ${m} ${LIBRARY_VERSIONS[m as keyof typeof LIBRARY_VERSIONS]}`).join("");
    parts.push("", "## What happens", "", `Running the example with ${PYTHON_VERSION_NOTE}${versions} ends with:`, "", "```text", d.whatHappens, "```");
  }
  if (d.example) parts.push("", "## Example", "", "```python", d.example.trimEnd(), "```");
  if (d.useInstead) parts.push("", "## Use instead", "", "```python", d.useInstead.trimEnd(), "```");
  parts.push("", "## Fix safety", "", d.fixSafety);
  if (d.references?.length) parts.push("", "## References", "", ...d.references.map((r) => `- <${r}>`));
  return parts.join("\n") + "\n";
}

/** The README's rule table (between the rules:start and rules:end markers). */
export function renderRuleTable(): string {
  const rows = RULES.map((r) => {
    const m = r.meta;
    const fix = m.fix.availability === "none" ? "—" : `${m.fix.availability} (${m.fix.applicability})`;
    return `| ${m.code} | [${m.name}](docs/rules/${m.name}.md) | ${m.defaultEnabled ? "on" : "off"} | ${fix} | ${m.summary.replace(/\|/g, "\\|")} |`;
  });
  return ["| code | name | default | fix | finds |", "|---|---|---|---|---|", ...rows].join("\n");
}

const START = "<!-- rules:start -->";
const END = "<!-- rules:end -->";

export function replaceRuleTable(readme: string, table: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error("README.md has no rules:start/rules:end markers");
  return readme.slice(0, a + START.length) + "\n" + table + "\n" + readme.slice(b);
}
