// Analyse one file's text: parse, bind, model, then every selected rule.
import { buildContext, type AnalysisOptions, type FileContext } from "../python/context.js";
import { mayCallJson } from "../python/prefilter.js";
import type { ParserBackend, Tree } from "../python/tree.js";
import { displayPath } from "../core/display.js";
import { RULES } from "./index.js";
import { applyNoqa, findNoqa, removeUnusedCodes, type UnusedNoqa } from "./noqa.js";
import type { Report, Rule, RuleContext } from "./types.js";
import type { Diagnostic } from "../core/types.js";
import unusedNoqa from "./unused-noqa.js";

export interface InternalError {
  rule: string;
  error: unknown;
}

export interface FileResult {
  context: FileContext | null;
  diagnostics: Diagnostic[];
  internalErrors: InternalError[];
  /** Diagnostics silenced by `# noqa` comments. */
  suppressed: number;
}

/** JSN901 for a text that cannot be analysed (when the rule is selected). */
export function unreadableDiagnostics(filename: string, reason: string, rules: readonly Rule[]): Diagnostic[] {
  const rule = rules.find((r) => r.meta.code === "JSN901");
  if (!rule) return [];
  const { code, name, severity } = rule.meta;
  return [{ code, name, severity, message: `Cannot read \`${displayPath(filename)}\`: ${reason}`, start: 0, end: 0, fix: null }];
}

/** Frees an analysis's tree (a wasm tree is never collected); its context must not be used after. */
export function releaseResult(result: FileResult | null, backend: ParserBackend): void {
  if (result?.context) backend.release(result.context.tree);
}

/** `parse`: gives the text's tree when the caller keeps one (else it is parsed; either way only when the text may call json). */
export function analyzeText(filename: string, text: string, rules: readonly Rule[], options: AnalysisOptions, parse?: () => Tree): FileResult {
  if (!mayCallJson(text)) return { context: null, diagnostics: [], internalErrors: [], suppressed: 0 };
  const context = buildContext(filename, text, options, parse?.());
  const diagnostics: Diagnostic[] = [];
  const internalErrors: InternalError[] = [];
  for (const rule of rules) {
    const ctx: RuleContext = {
      ...context,
      report(r: Report) {
        const start = r.node ? r.node.startIndex : (r.start ?? 0);
        const end = r.node ? r.node.endIndex : (r.end ?? start);
        diagnostics.push({ code: rule.meta.code, name: rule.meta.name, message: r.message, severity: rule.meta.severity, start, end, fix: r.fix ?? null });
      },
    };
    try {
      rule.checkFile?.(ctx);
      if (rule.checkCall) for (const call of context.calls) if (call.signature.exists || rule.missingFunctions) rule.checkCall(call, ctx);
    } catch (error) {
      // One rule failing on one file must not hide the rest of the results.
      internalErrors.push({ rule: rule.meta.code, error });
    }
  }
  // Suppression comes after every rule, so each rule gets it for free.
  const noqa = findNoqa(context.tree, context.lines);
  const { kept, suppressed, unused } = applyNoqa(diagnostics, noqa, context.lines);
  if (rules.includes(unusedNoqa)) kept.push(...unused.map((u) => unusedNoqaDiagnostic(text, u, rules)));
  // A rule made unfixable keeps its diagnostics, without their fixes (as ruff's `unfixable`).
  if (options.fixable) for (const d of kept) if (d.fix && !options.fixable.has(d.code)) d.fix = null;
  kept.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
  return { context, diagnostics: kept, internalErrors, suppressed };
}

function unusedNoqaDiagnostic(text: string, u: UnusedNoqa, rules: readonly Rule[]): Diagnostic {
  const groups = new Map<string, string[]>();
  for (const c of u.unused) {
    const rule = RULES.find((r) => r.meta.code === c.code);
    const why = u.duplicated.includes(c) ? "duplicated" : !rule ? "unknown" : rules.includes(rule) ? "unused" : "non-enabled";
    groups.set(why, [...(groups.get(why) ?? []), `\`${c.code}\``]);
  }
  const detail = [...groups].map(([why, codes]) => `${why}: ${codes.join(", ")}`).join("; ");
  const meta = unusedNoqa.meta;
  return {
    code: meta.code, name: meta.name, severity: meta.severity, start: u.directive.start, end: u.directive.end,
    message: `Unused \`noqa\` directive (${detail})`,
    fix: { applicability: "safe", message: "Remove the unused `noqa` code", edits: [removeUnusedCodes(text, u)], editsComments: true },
  };
}
