import { defineRule } from "./types.js";

// The check itself runs in run.ts after every other rule: only then is it known which
// `# noqa` codes suppressed something (see noqa.ts).
export default defineRule({
  meta: {
    code: "JSN100",
    name: "unused-noqa",
    summary: "A `# noqa: JSNxxx` code that suppresses nothing on its line",
    severity: "warning",
    defaultEnabled: false,
    fix: { availability: "always", applicability: "safe", title: "Remove the unused code" },
    docs: {
      what: "Finds dumpling codes in `# noqa: ...` comments that suppress nothing: no diagnostic of that code starts on the line, the rule is not enabled, or no rule has that code; and a code given twice in one comment. Codes of other tools (`# noqa: E501`) and a blanket `# noqa` are left alone, since other linters read them too. Like ruff's RUF100.",
      why: "A stale `# noqa` outlives the problem it silenced, and later hides a new problem of the same kind on that line.",
      whatHappens: null,
      example: 'import json\n\ntext = json.dumps({"a": 1})  # noqa: JSN001\n',
      useInstead: 'import json\n\ntext = json.dumps({"a": 1})\n',
      fixSafety: "Safe: it edits only a comment. The unused codes are removed; the whole `# noqa: ...` goes when none is left, and other comment text on the line stays.",
      references: ["https://docs.astral.sh/ruff/rules/unused-noqa/"],
    },
  },
});
