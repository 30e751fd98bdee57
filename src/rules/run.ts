// Analyse one file's text: parse, bind, model, then every selected rule.
import { Kinds } from "../python/kinds.js";
import { findJsonCalls } from "../python/model.js";
import { Names } from "../python/names.js";
import { parsePython } from "../python/parser.js";
import { Scopes } from "../python/scopes.js";
import { LineIndex } from "../python/text.js";
import type { Diagnostic, FileContext, Report, Rule, RuleContext } from "./types.js";

export interface InternalError {
  rule: string;
  error: unknown;
}

export interface FileResult {
  context: FileContext | null;
  diagnostics: Diagnostic[];
  internalErrors: InternalError[];
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

/**
 * Whether a text can hold a json call at all: it must reach the json module, and every way of
 * reaching it names it in an import or a string. A file that does not is never parsed (most
 * files that mention json do so in a docstring, a path or `.json()`).
 */
export function mayCallJson(text: string): boolean {
  return text.includes("json") && REACHES_JSON.test(text);
}

export function buildContext(filename: string, text: string): FileContext {
  const tree = parsePython(text);
  const scopes = new Scopes(tree, text);
  const names = new Names(scopes);
  const kinds = new Kinds(names);
  const calls = findJsonCalls(text, scopes, names, kinds);
  return { filename, text, tree, lines: new LineIndex(text), scopes, names, kinds, calls };
}

export function analyzeText(filename: string, text: string, rules: readonly Rule[]): FileResult {
  if (!mayCallJson(text)) return { context: null, diagnostics: [], internalErrors: [] };
  const context = buildContext(filename, text);
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
  diagnostics.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
  return { context, diagnostics, internalErrors };
}
