// What a rule is: metadata (code, name, docs, fix availability) and a check over the model.
import type { Applicability, Fix } from "../core/types.js";
import type { FileContext } from "../python/context.js";
import type { JsonCall } from "../python/model.js";
import type { SyntaxNode } from "../python/tree.js";

export interface RuleDocs {
  /** What it does: one paragraph. */
  what: string;
  /** Why is this bad? */
  why: string;
  /** The last line of CPython's traceback when the example runs (checked by the docs test), or null. */
  whatHappens: string | null;
  /** A complete, runnable example that the rule flags exactly once. */
  example: string;
  /** The example written right; the rule flags nothing. */
  useInstead: string;
  /** Why the fix is safe or unsafe (or why there is none). */
  fixSafety: string;
  references?: string[];
}

export interface RuleMeta {
  code: string;
  /** kebab-case, naming the bad pattern. */
  name: string;
  /** One line: what the rule finds. */
  summary: string;
  severity: "error" | "warning";
  defaultEnabled: boolean;
  fix: { availability: "none" | "sometimes" | "always"; applicability: Applicability | "mixed" | null; title: string | null };
  docs: RuleDocs;
}

export interface Report {
  node?: SyntaxNode;
  start?: number;
  end?: number;
  message: string;
  fix?: Fix | null;
}

export interface RuleContext extends FileContext {
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Called once per json call of a function the module has. */
  checkCall?(call: JsonCall, ctx: RuleContext): void;
  /**
   * Whether checkCall also sees calls of functions the module lacks (`orjson.dump`, whose
   * signature says `exists: false`): only the rules about those calls do.
   */
  missingFunctions?: boolean;
  /** Called once per file (for rules that are not about one call). */
  checkFile?(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
