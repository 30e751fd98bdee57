// What a rule is: metadata (code, name, docs, fix availability) and a check over the model.
import type { Kinds } from "../python/kinds.js";
import type { JsonCall } from "../python/model.js";
import type { Names } from "../python/names.js";
import type { SyntaxNode, Tree } from "../python/parser.js";
import type { Scopes } from "../python/scopes.js";
import type { LineIndex } from "../python/text.js";

export type Applicability = "safe" | "unsafe";

/** A replacement of text[start, end) (UTF-16 indices) by `content`. */
export interface Edit {
  start: number;
  end: number;
  content: string;
}

export interface Fix {
  applicability: Applicability;
  /** What the fix does, in the imperative: "Use `json.dumps()`". */
  message: string;
  edits: Edit[];
  /** The fix edits comments on purpose (JSN100); otherwise a fix that drops a comment is refused. */
  editsComments?: boolean;
}

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

export interface Diagnostic {
  code: string;
  name: string;
  message: string;
  severity: "error" | "warning";
  /** UTF-16 indices into the file's text. */
  start: number;
  end: number;
  fix: Fix | null;
}

export interface FileContext {
  /** The path as reached from the command line ("-" for stdin). */
  filename: string;
  text: string;
  tree: Tree;
  lines: LineIndex;
  scopes: Scopes;
  names: Names;
  kinds: Kinds;
  calls: JsonCall[];
  /** target-version: the oldest Python 3 minor version the code must run on (9: Python 3.9). */
  targetVersion: number;
}

export interface RuleContext extends FileContext {
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Called once per json call. */
  checkCall?(call: JsonCall, ctx: RuleContext): void;
  /** Called once per file (for rules that are not about one call). */
  checkFile?(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
