// Which rules run: ruff's model. `select` replaces the default set, `extend-select` adds to it,
// `ignore` removes; each entry is a code, a code prefix ("JSN0") or ALL.
import { RULES } from "./index.js";
import type { Rule } from "./types.js";

export interface Selection {
  select?: readonly string[];
  extendSelect?: readonly string[];
  ignore?: readonly string[];
}

export class UnknownSelectorError extends Error {}

function matches(selector: string, rule: Rule): boolean {
  const s = selector.trim().toUpperCase();
  return s === "ALL" || rule.meta.code.startsWith(s) || rule.meta.name === selector.trim();
}

function validate(selectors: readonly string[]): void {
  for (const s of selectors) {
    if (!RULES.some((r) => matches(s, r))) {
      throw new UnknownSelectorError(`unknown rule selector \`${s}\` (expected a code such as JSN001, a prefix such as JSN0, a rule name, or ALL)`);
    }
  }
}

export function selectRules(sel: Selection): Rule[] {
  return selectRulesLayered([sel]);
}

/**
 * Selections layered as ruff does: a config file's, then the command line's. In each layer a
 * `select` replaces the set so far, `extend-select` adds to it, `ignore` removes from it.
 */
export function selectRulesLayered(layers: readonly Selection[]): Rule[] {
  let current = RULES.filter((r) => r.meta.defaultEnabled);
  for (const sel of layers) {
    validate([...(sel.select ?? []), ...(sel.extendSelect ?? []), ...(sel.ignore ?? [])]);
    const base = sel.select ? RULES.filter((r) => sel.select?.some((s) => matches(s, r))) : current;
    const extended = RULES.filter((r) => base.includes(r) || (sel.extendSelect ?? []).some((s) => matches(s, r)));
    current = extended.filter((r) => !(sel.ignore ?? []).some((s) => matches(s, r)));
  }
  return current;
}

/** "JSN001,JSN004" or "JSN001 JSN004" → ["JSN001", "JSN004"]. */
export function parseSelectorList(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}
