// The library: lint, fix, findCalls, translate and rules on a source string, for any parser
// backend. The package's entries (src/api/index.ts: native; src/api/wasm.ts: web-tree-sitter)
// bind it to theirs; the CLI, the language server and the playground call the same functions.
import { fixText } from "../fix/apply.js";
import { buildContext, TARGET_VERSIONS, targetMinor, type AnalysisOptions } from "../python/context.js";
import { parsePython, reparsePython } from "../python/parser.js";
import { analysisLimit, mayCallJson } from "../python/prefilter.js";
import { LineIndex } from "../python/text.js";
import type { ParserBackend, SyntaxNode, Tree } from "../python/tree.js";
import { RULES, ruleUrl } from "../rules/index.js";
import { findNoqa } from "../rules/noqa.js";
import { analyzeText, releaseResult, unreadableDiagnostics, type InternalError } from "../rules/run.js";
import { translateText } from "../translate/index.js";
import type { TypeScriptApi } from "../translate/types.js";
import { ruleCodes, rulesOf, STDIN_NAME } from "./options.js";
import { selectRulesLayered } from "../rules/select.js";
import { compareJsonDiagnostics, toJsonDiagnostic, toPlainCall, toPlainTranslation } from "./plain.js";
import type { Diagnostic, Edit, FixOptions, FixOutput, InternalErrorInfo, JsonCall, Options, RuleInfo, TranslateOptions, Translation } from "./types.js";

/** A bug of dumpling's on this source: `results` holds what the rules that worked found. */
export class DumplingInternalError extends Error {
  constructor(
    readonly errors: InternalErrorInfo[],
    readonly results: unknown,
  ) {
    super(errors.map((e) => `${e.rule}: ${e.message}`).join("; "));
    this.name = "DumplingInternalError";
  }
}

/**
 * A source kept open (an editor's buffer): its text changes with update(), and lint() reuses
 * the parse tree of the text it last linted, so after a small change only the changed part is
 * parsed again. Its diagnostics are lint()'s of the same text, always.
 */
export interface SourceDocument {
  /** The current text. */
  readonly text: string;
  /** The document's new text (the whole of it); nothing is parsed until lint(). */
  update(text: string): void;
  /** lint() of the current text. */
  lint(options?: Options): Diagnostic[];
  /** Frees the tree it keeps (wasm memory is never collected); the document must not be used after. */
  dispose(): void;
}

export interface Api {
  lint(source: string, options?: Options): Diagnostic[];
  openDocument(source: string): SourceDocument;
  fix(source: string, options?: FixOptions): FixOutput;
  findCalls(source: string, options?: Options): JsonCall[];
  translate(source: string, options?: TranslateOptions): Translation[];
  rules(options?: Pick<Options, "docsUrl">): RuleInfo[];
  noqaEdit(source: string, diagnostic: Pick<Diagnostic, "code" | "location">): Edit | null;
}

export interface ApiDependencies {
  backend(): ParserBackend;
  /** Loaded on the first translate(): checking never needs the TypeScript compiler. */
  typescript(): TypeScriptApi;
}

function errorInfo(e: InternalError): InternalErrorInfo {
  return { rule: e.rule, message: e.error instanceof Error ? e.error.message : String(e.error) };
}

/** Hands internal errors to `onInternalError`, or throws them with the results that were computed. */
function settle<T>(options: Options, errors: InternalErrorInfo[], results: T): T {
  if (errors.length === 0) return results;
  if (options.onInternalError) {
    for (const e of errors) options.onInternalError(e);
    return results;
  }
  throw new DumplingInternalError(errors, results);
}

function ancestors(node: SyntaxNode): SyntaxNode[] {
  const list: SyntaxNode[] = [];
  for (let n: SyntaxNode | null = node; n; n = n.parent) list.push(n);
  return list;
}

export function createApi(deps: ApiDependencies): Api {
  // Every function asks for the backend first: before the wasm entry's init(), each says so.
  const analysis = (options: Options): AnalysisOptions => {
    const a: AnalysisOptions = { backend: deps.backend(), jsonModules: options.extendJsonModules ?? [] };
    if (options.targetVersion !== undefined) {
      const minor = targetMinor(options.targetVersion);
      if (minor === null) throw new RangeError(`targetVersion must be one of ${TARGET_VERSIONS.join(", ")} (got \`${options.targetVersion}\`)`);
      a.targetVersion = minor;
    }
    if (options.fixable) a.fixable = new Set(ruleCodes(selectRulesLayered([{ select: options.fixable }])));
    return a;
  };

  function lint(source: string, options: Options = {}): Diagnostic[] {
    return lintWith(source, options);
  }

  /** `parse`: the source's tree when a document keeps one (it is not released here). */
  function lintWith(source: string, options: Options, parse?: () => Tree): Diagnostic[] {
    const a = analysis(options);
    const filename = options.filename ?? STDIN_NAME;
    const rules = rulesOf(options);
    const limit = analysisLimit(source);
    if (limit) return unreadableDiagnostics(filename, limit, rules).map((d) => toJsonDiagnostic(filename, null, d, options.docsUrl));
    const result = analyzeText(filename, source, rules, a, parse);
    try {
      const lines = result.context?.lines ?? new LineIndex(source);
      const diagnostics = result.diagnostics.map((d) => toJsonDiagnostic(filename, lines, d, options.docsUrl)).sort(compareJsonDiagnostics);
      return settle(options, result.internalErrors.map(errorInfo), diagnostics);
    } finally {
      if (!parse) releaseResult(result, a.backend);
    }
  }

  function openDocument(source: string): SourceDocument {
    let text = source;
    // The tree of `treeText` (an earlier text, or the current one), and its backend.
    let kept: { tree: Tree; text: string; backend: ParserBackend } | null = null;
    let disposed = false;
    const release = () => {
      if (kept) kept.backend.release(kept.tree);
      kept = null;
    };
    const treeOfText = (): Tree => {
      const backend = deps.backend();
      if (kept?.backend === backend && kept.text === text) return kept.tree;
      const old = kept?.backend === backend ? kept : null;
      if (!old) release();
      kept = null;
      let tree: Tree;
      try {
        tree = old ? reparsePython(backend, old.tree, old.text, text) : parsePython(backend, text);
      } finally {
        // The old tree was edited: it is of no text any more, whatever happened.
        if (old) backend.release(old.tree);
      }
      kept = { tree, text, backend };
      return tree;
    };
    const open = () => {
      if (disposed) throw new Error("dumpling: the document was disposed");
    };
    return {
      get text() {
        return text;
      },
      update(newText: string) {
        open();
        text = newText;
      },
      lint(options: Options = {}) {
        open();
        return lintWith(text, options, treeOfText);
      },
      dispose() {
        disposed = true;
        release();
      },
    };
  }

  function fix(source: string, options: FixOptions = {}): FixOutput {
    const a = analysis(options);
    const filename = options.filename ?? STDIN_NAME;
    const rules = rulesOf(options);
    const limit = analysisLimit(source);
    if (limit) {
      const remaining = unreadableDiagnostics(filename, limit, rules).map((d) => toJsonDiagnostic(filename, null, d, options.docsUrl));
      return { output: source, fixed: [], remaining };
    }
    const result = fixText(filename, source, rules, { unsafe: !!options.unsafeFixes }, a);
    try {
      const lines = result.final.context?.lines ?? new LineIndex(result.text);
      const output: FixOutput = {
        output: result.text,
        fixed: result.fixed.map((f) => toJsonDiagnostic(filename, f.lines, f.diagnostic, options.docsUrl)),
        remaining: result.final.diagnostics.map((d) => toJsonDiagnostic(filename, lines, d, options.docsUrl)).sort(compareJsonDiagnostics),
      };
      const errors = [...result.initial.internalErrors, ...(result.final === result.initial ? [] : result.final.internalErrors)];
      return settle(options, errors.map(errorInfo), output);
    } finally {
      releaseResult(result.initial, a.backend);
      if (result.final !== result.initial) releaseResult(result.final, a.backend);
    }
  }

  function findCalls(source: string, options: Options = {}): JsonCall[] {
    const a = analysis(options);
    if (!mayCallJson(source) || analysisLimit(source)) return [];
    const context = buildContext(options.filename ?? STDIN_NAME, source, a);
    try {
      return context.calls.map((c) => toPlainCall(context, c));
    } finally {
      a.backend.release(context.tree);
    }
  }

  function translate(source: string, options: TranslateOptions = {}): Translation[] {
    const a = analysis(options);
    const filename = options.filename ?? STDIN_NAME;
    if (analysisLimit(source)) return [];
    const result = translateText(filename, source, {
      mode: options.mode ?? "exact",
      analysis: a,
      ts: deps.typescript(),
      runtimeModule: options.runtimeModule,
      rename: options.rename,
    });
    const lines = result.lines;
    const translations = lines ? result.translations.map((t) => toPlainTranslation(filename, lines, t)) : [];
    return settle(options, result.errors.map((message) => ({ rule: "translate", message })), translations);
  }

  function rules(options: Pick<Options, "docsUrl"> = {}): RuleInfo[] {
    return RULES.map((r) => ({
      code: r.meta.code,
      name: r.meta.name,
      summary: r.meta.summary,
      severity: r.meta.severity,
      default: r.meta.defaultEnabled,
      fix: r.meta.fix.availability,
      fix_applicability: r.meta.fix.applicability,
      fix_title: r.meta.fix.title,
      url: ruleUrl(r.meta.name, options.docsUrl),
    }));
  }

  /**
   * The edit that silences a diagnostic on its line: its code added to the line's `# noqa: ...`
   * (other tools' codes kept), or `  # noqa: CODE` at the end of the line. Null where no comment
   * can go (the line ends inside a string, or in a backslash continuation) or the line's `# noqa`
   * already names the code or is a blanket one.
   */
  function noqaEdit(source: string, diagnostic: Pick<Diagnostic, "code" | "location">): Edit | null {
    if (analysisLimit(source)) return null;
    const lines = new LineIndex(source);
    const line = diagnostic.location.row - 1;
    if (line < 0 || line >= lines.lineCount) return null;
    const code = diagnostic.code.toUpperCase();
    const backend = deps.backend();
    const tree = parsePython(backend, source);
    try {
      const at = (i: number) => lines.position(i);
      const directive = findNoqa(tree, lines).directives.find((d) => d.line === line);
      if (directive) {
        const codes = directive.codes;
        if (codes === null || codes.some((c) => c.code === code)) return null;
        const end = (codes[codes.length - 1] as { end: number }).end;
        return { content: `, ${code}`, location: at(end), end_location: at(end) };
      }
      const start = lines.lineStart(line);
      const text = lines.lineText(line);
      const content = start + text.trimEnd().length;
      const end = start + text.length;
      if (content > start) {
        const last = tree.rootNode.descendantForIndex(content - 1, content);
        const inComment = ancestors(last).some((n) => n.type === "comment");
        if (!inComment && text.trimEnd().endsWith("\\")) return null;
        if (ancestors(tree.rootNode.descendantForIndex(end, end)).some((n) => n.type === "string" && n.startIndex < end && n.endIndex > end)) return null;
      }
      return { content: `${content > start ? "  " : ""}# noqa: ${code}`, location: at(content), end_location: at(end) };
    } finally {
      backend.release(tree);
    }
  }

  return { lint, openDocument, fix, findCalls, translate, rules, noqaEdit };
}
