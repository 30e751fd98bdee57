// A rule's documentation page, generated from its metadata (docs/rules/<name>.md).
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
    parts.push("", "## What happens", "", `Running the example with ${PYTHON_VERSION_NOTE} ends with:`, "", "```text", d.whatHappens, "```");
  }
  if (d.example) parts.push("", "## Example", "", "```python", d.example.trimEnd(), "```");
  if (d.useInstead) parts.push("", "## Use instead", "", "```python", d.useInstead.trimEnd(), "```");
  parts.push("", "## Fix safety", "", d.fixSafety);
  if (d.references?.length) parts.push("", "## References", "", ...d.references.map((r) => `- <${r}>`));
  return parts.join("\n") + "\n";
}
