// Analyse one file's text: parse, bind, model, then every selected rule.
import { Kinds } from "../python/kinds.js";
import { findJsonCalls } from "../python/model.js";
import { Names } from "../python/names.js";
import { parserLimit } from "../python/limits.js";
import { parsePython } from "../python/parser.js";
import { Scopes } from "../python/scopes.js";
import { LineIndex } from "../python/text.js";
import { RULES } from "./index.js";
import { applyNoqa, findNoqa, removeUnusedCodes, type UnusedNoqa } from "./noqa.js";
import type { Diagnostic, FileContext, Report, Rule, RuleContext } from "./types.js";
import unusedNoqa from "./unused-noqa.js";

export interface InternalError {
  rule: string;
  error: unknown;
}

export interface AnalysisOptions {
  /** The oldest Python 3 minor version the code must run on (`target-version`): 9 for py39, the default. */
  targetVersion?: number;
  /** The codes whose fixes are kept (`fixable`/`unfixable`); absent: every code's. */
  fixable?: ReadonlySet<string>;
}

/** ruff's default `target-version`, py39. */
export const DEFAULT_TARGET_VERSION = 9;

export interface FileResult {
  context: FileContext | null;
  diagnostics: Diagnostic[];
  internalErrors: InternalError[];
  /** Diagnostics silenced by `# noqa` comments. */
  suppressed: number;
}

// Every way the model reaches the json module (src/python/names.ts) starts from one of these:
// `from json import ...` (or simplejson), an `import` statement naming json or simplejson
// (`import os, json`, `import json.decoder`, `import simplejson as j`), or the string "json"
// or "simplejson" (`__import__("json")`, `importlib.import_module("json")`). A logical line
// may go on after a backslash.
const CONTINUED_SPACE = String.raw`(?:[ \t\f]|\\(?:\r\n?|\n))`;
const REACHES_JSON = new RegExp(
  [
    String.raw`\bfrom${CONTINUED_SPACE}+(?:simple)?json\b`,
    String.raw`\bimport\b(?:[^\r\n;#\\]|\\(?:\r\n?|\n))*?\b(?:simple)?json\b`,
    String.raw`["'](?:simple)?json["']`,
  ].join("|"),
);

// And every json call the model recognizes names its function: `json.dumps`, `from json import
// load as read`, `from json import *` then `dump(...)`. JavaScript's \b knows only
// ASCII word characters, all of which Python identifiers may hold: it can see a boundary where
// Python sees none (`éload`, which only costs a parse), never the other way round.
const NAMES_AN_API = /\b(?:dump|load)s?\b/;

/**
 * Whether a text can hold a json call at all: it must name one of the four functions and reach
 * the json module, and every way of reaching it names it in an import or a string. A file that
 * does not is never parsed (most files that mention json do so in a docstring, a path or
 * `.json()`; many that import it only catch `json.JSONDecodeError`).
 */
export function mayCallJson(text: string): boolean {
  return text.includes("json") && NAMES_AN_API.test(text) && REACHES_JSON.test(text);
}

/**
 * The model keeps a few tree nodes per json call in memory (about 10 KB a call), so a
 * generated file with millions of json calls would exhaust the heap. Such a file is reported as
 * unreadable instead of crashing the run.
 */
export const MAX_JSON_MENTIONS = 50_000;

export function analysisLimit(text: string): string | null {
  const parser = parserLimit(text);
  if (parser) return parser;
  let n = 0;
  for (let i = text.indexOf("json"); i >= 0; i = text.indexOf("json", i + 4)) {
    if (++n > MAX_JSON_MENTIONS) return `mentions json more than ${MAX_JSON_MENTIONS.toLocaleString("en")} times, more than dumpling analyses in one file`;
  }
  return null;
}

export function buildContext(filename: string, text: string, targetVersion = DEFAULT_TARGET_VERSION): FileContext {
  const tree = parsePython(text);
  const scopes = new Scopes(tree, text);
  const names = new Names(scopes);
  const kinds = new Kinds(names);
  const calls = findJsonCalls(text, scopes, names, kinds);
  return { filename, text, tree, lines: new LineIndex(text), scopes, names, kinds, calls, targetVersion };
}

export function analyzeText(filename: string, text: string, rules: readonly Rule[], options: AnalysisOptions = {}): FileResult {
  if (!mayCallJson(text)) return { context: null, diagnostics: [], internalErrors: [], suppressed: 0 };
  const context = buildContext(filename, text, options.targetVersion);
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
      if (rule.checkCall) for (const call of context.calls) rule.checkCall(call, ctx);
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
