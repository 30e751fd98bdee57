// The expression translator's state for one snippet (imports, notes, free names, names bound
// inside it) and its dispatch: each kind of Python expression is translated by one module of
// src/translate/expressions/. What none of them can translate exactly becomes an untranslated
// marker: TypeScript that compiles and throws UntranslatedPythonError when reached.
import { MAX_NESTING } from "../python/limits.js";
import type { FileContext } from "../python/context.js";
import type { JsonCall } from "../python/model.js";
import type { SyntaxNode } from "../python/tree.js";
import { unwrapParens } from "../python/syntax.js";
import { attribute, name, subscript } from "./expressions/access.js";
import { call, comprehension, lambda } from "./expressions/calls.js";
import { binary, boolean, comparison, conditional, not, unary } from "./expressions/operators.js";
import { dictionary, float, integer, sequence, set, string } from "./expressions/values.js";
import { Imports, RUNTIME } from "./imports.js";
import { isReservedInJs, jsIdentifier, jsString } from "./literals.js";
import { Notes, type Note, type NoteKind } from "./notes.js";
import type { Code, Emitter, Mode, TranslateOptions } from "./types.js";

/** How the snippet translates a json call met inside an expression (src/translate/file-io.ts). */
export type JsonCallTranslator = (call: JsonCall, e: Emitter) => string;

export class SnippetEmitter implements Emitter {
  readonly imports: Imports;
  readonly notes = new Notes();
  /** Free names (their TypeScript names), each with the type the snippet expects of it. */
  readonly names = new Map<string, string>();
  /** The Python name of each free name (they differ when one is renamed). */
  readonly pythonNames = new Map<string, string>();
  readonly mode: Mode;
  private readonly bound: Set<string>[] = [];
  /** How many expressions `code` is inside of: the recursion is bounded by MAX_NESTING. */
  private depth = 0;
  private readonly callsById: Map<number, JsonCall>;
  private readonly overrides = new Map<number, string>();

  constructor(
    readonly ctx: FileContext,
    readonly options: TranslateOptions,
    private readonly jsonCall: JsonCallTranslator,
    /** Free names to rename: the translation imports something of the same name. */
    private readonly clashing: ReadonlySet<string> = new Set(),
  ) {
    this.mode = options.mode;
    this.imports = new Imports(options.runtimeModule ?? RUNTIME);
    this.callsById = new Map(ctx.calls.map((c) => [c.node.id, c]));
  }

  checkpoint(): () => void {
    const imports = this.imports.snapshot();
    const notes = this.notes.count();
    const names = new Map(this.names);
    return () => {
      this.imports.restore(imports);
      this.notes.truncate(notes);
      this.names.clear();
      for (const [n, t] of names) this.names.set(n, t);
      for (const n of this.pythonNames.keys()) if (!names.has(n)) this.pythonNames.delete(n);
    };
  }

  override(node: SyntaxNode, ts: string | null): void {
    if (ts === null) this.overrides.delete(node.id);
    else this.overrides.set(node.id, ts);
  }

  rt(name: string): string {
    return this.imports.runtime(name);
  }

  fs(name: string): string {
    return this.imports.from("node:fs", name);
  }

  note(kind: NoteKind, message: string, certainty: Note["certainty"] = "certain"): void {
    this.notes.add(kind, message, certainty);
  }

  freeName(name: string, type = "any"): string {
    let js = this.jsName(name);
    if (isReservedInJs(name)) {
      this.note("expression", `\`${name}\` is a reserved word in JavaScript: renamed \`${js}\``);
    } else if (js !== name) {
      this.note("expression", `\`${name}\` is not a name in JavaScript: renamed \`${js}\``);
    } else if (this.clashing.has(name)) {
      js = `${name}_`;
      this.note("expression", `\`${name}\` is also the name of an import of this translation: renamed \`${js}\``);
    }
    js = this.hostName(name, js, type);
    const had = this.names.get(js);
    this.names.set(js, had === undefined || had === type ? type : "any");
    this.pythonNames.set(js, name);
    return js;
  }

  jsName(name: string): string {
    return jsIdentifier(name, this.options.ts);
  }

  hostName(python: string, js: string, type = "any"): string {
    return this.options.rename?.(python, { python, typescript: js, type }) ?? js;
  }

  withBound<T>(names: readonly string[], body: () => T): T {
    this.bound.push(new Set(names));
    try {
      return body();
    } finally {
      this.bound.pop();
    }
  }

  isBound(name: string): boolean {
    return this.bound.some((s) => s.has(name));
  }

  untranslated(node: SyntaxNode, why: string): Code {
    const text = clip(node.text.replace(/\s+/g, " "), 200);
    const where = `${this.ctx.filename}:${this.ctx.lines.position(node.startIndex).row}`;
    this.note("untranslated", `\`${clip(text, 80)}\` (${why}) is not translated: the marker throws UntranslatedPythonError when it is reached; write it by hand`);
    return { text: `${this.rt("untranslated")}(${jsString(text)}, ${jsString(where)})`, atomic: true };
  }

  expr(node: SyntaxNode, type?: string): string {
    return this.code(node, type).text;
  }

  operand(node: SyntaxNode): string {
    const c = this.code(node);
    return c.atomic ? c.text : `(${c.text})`;
  }

  code(node: SyntaxNode, type?: string): Code {
    // Deeper than CPython compiles: left to the author rather than overflowing the stack.
    if (this.depth >= MAX_NESTING) return this.untranslated(node, `nested more than ${MAX_NESTING} levels deep`);
    this.depth++;
    try {
      return this.codeOf(node, type);
    } finally {
      this.depth--;
    }
  }

  private codeOf(node: SyntaxNode, type?: string): Code {
    switch (node.type) {
      case "parenthesized_expression": {
        const inner = unwrapParens(node);
        if (inner.id === node.id) return this.untranslated(node, "an empty or broken parenthesis");
        const c = this.code(inner, type);
        return c.atomic ? c : { text: `(${c.text})`, atomic: true };
      }
      case "identifier":
        return name(this, node, type);
      case "true":
        return { text: "true", atomic: true };
      case "false":
        return { text: "false", atomic: true };
      case "none":
        return { text: "null", atomic: true };
      case "integer":
        return integer(this, node, false);
      case "float":
        return float(this, node, false);
      case "string":
      case "concatenated_string":
        return string(this, node);
      case "unary_operator":
        return unary(this, node);
      case "binary_operator":
        return binary(this, node);
      case "boolean_operator":
        return boolean(this, node);
      case "not_operator":
        return not(this, node);
      case "comparison_operator":
        return comparison(this, node);
      case "conditional_expression":
        return conditional(this, node);
      case "tuple":
        return sequence(this, node, true);
      case "list":
        return sequence(this, node, false);
      case "set":
        return set(this, node);
      case "dictionary":
        return dictionary(this, node);
      case "attribute":
        return attribute(this, node);
      case "subscript":
        return subscript(this, node);
      case "call": {
        const fixed = this.overrides.get(node.id);
        if (fixed !== undefined) return { text: fixed, atomic: true };
        const json = this.callsById.get(node.id);
        if (json) return { text: this.jsonCall(json, this), atomic: true };
        return call(this, node);
      }
      case "lambda":
        return lambda(this, node);
      case "list_comprehension":
      case "generator_expression":
      case "set_comprehension":
      case "dictionary_comprehension":
        return comprehension(this, node);
      case "await": {
        const arg = node.namedChildren.find((c) => c.type !== "comment");
        return arg ? { text: `await ${this.operand(arg)}`, atomic: false } : this.untranslated(node, "a broken await");
      }
      default:
        return this.untranslated(node, `a ${node.type.replace(/_/g, " ")}`);
    }
  }
}

/** Long source (a 10,000-level nesting) shortened for a note or a marker's message. */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
