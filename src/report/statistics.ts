// --statistics: one row per rule instead of the diagnostics, most frequent first, as ruff (and
// flake8) print it: `count<TAB>code<TAB>[*] name`, where the mark says whether --fix fixes all
// (`[*]`), some (`[~]`) or none (`[ ]`) of them (shown only when some are fixable), then the
// summary; or, with --output-format json, the rows as a JSON array.
import { RULES } from "../rules/index.js";
import type { Diagnostic } from "../core/types.js";
import { c } from "./colors.js";
import { renderSummary } from "./text.js";
import type { Summary } from "./types.js";
import type { Reporter } from "./types.js";

export interface RuleStatistics {
  code: string;
  name: string;
  count: number;
  /** How many of them --fix fixes (with unsafe fixes on: the unsafe ones too). */
  fixable_count: number;
}

export function statisticsReporter(format: "text" | "json", fixable: (d: Diagnostic) => boolean, withSummary = true): Reporter {
  const rows = new Map<string, RuleStatistics>();
  return {
    file(report) {
      for (const d of report.diagnostics) {
        let row = rows.get(d.code);
        if (!row) rows.set(d.code, (row = { code: d.code, name: d.name, count: 0, fixable_count: 0 }));
        row.count++;
        if (fixable(d)) row.fixable_count++;
      }
      return "";
    },
    end(summary: Summary) {
      const order = (code: string) => RULES.findIndex((r) => r.meta.code === code);
      const list = [...rows.values()].sort((a, b) => b.count - a.count || order(a.code) - order(b.code));
      if (format === "json") return JSON.stringify(list, null, 2) + "\n";
      const after = withSummary ? renderSummary(summary) : "";
      if (list.length === 0) return after;
      const countWidth = Math.max(...list.map((r) => String(r.count).length));
      const codeWidth = Math.max(...list.map((r) => r.code.length));
      const anyFixable = list.some((r) => r.fixable_count > 0);
      const mark = (r: RuleStatistics) => (!anyFixable ? "" : r.fixable_count === r.count ? `[${c.cyan("*")}] ` : r.fixable_count > 0 ? `[${c.cyan("~")}] ` : "[ ] ");
      const table = list.map((r) => `${c.bold(String(r.count).padStart(countWidth))}\t${c.bold(c.red(r.code.padEnd(codeWidth)))}\t${mark(r)}${r.name}\n`).join("");
      return table + after;
    },
  };
}
