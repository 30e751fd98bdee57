// What the translator produces for one json call: the Python it replaces (a range of the file),
// the TypeScript that does the same, the imports it needs and the notes a person must read.
import type { AnalysisOptions, FileContext } from "../python/context.js";
import type { JsonApi } from "../python/signatures.js";
import type { SyntaxNode } from "../python/tree.js";
import type { Imports } from "./imports.js";
import type { Note, NoteKind } from "./notes.js";

export type Mode = "exact" | "native";

/** A free name: the Python name, the name the TypeScript uses, and the type it expects of it. */
export interface NameInfo {
  python: string;
  typescript: string;
  type: string;
}

export interface Translation {
  /** The json function called. */
  api: JsonApi;
  /** UTF-16 range of the Python that `typescript` replaces: the call, or the statement around it. */
  start: number;
  end: number;
  python: string;
  /** An expression, or statements (each ending in `;`), using the same free names as the Python. */
  typescript: string;
  /** Whether `typescript` is an expression (else statements). */
  expression: boolean;
  /** Complete import declarations, sorted. */
  imports: string[];
  notes: Note[];
  mode: Mode;
  /** The free names the TypeScript uses, in the order the Python mentions them. */
  names: NameInfo[];
  /** Names the statements declare (`const data = ...`), in order. */
  declares: string[];
}

/**
 * What the translator needs of the TypeScript compiler (the `typescript` package's namespace, or
 * ts-morph's `ts`): which characters a name may hold, and a parse of each snippet it emits.
 */
export interface TypeScriptApi {
  isIdentifierStart(ch: number, languageVersion: number | undefined): boolean;
  isIdentifierPart(ch: number, languageVersion: number | undefined): boolean;
  transpileModule(input: string, options: { reportDiagnostics?: boolean; compilerOptions?: Record<string, unknown> }): {
    diagnostics?: readonly { messageText: unknown }[];
  };
  flattenDiagnosticMessageText(messageText: never, newLine: string): string;
  ScriptTarget: { ES2022: number; ESNext: number };
  ModuleKind: { ESNext: number };
}

export interface TranslateOptions {
  mode: Mode;
  analysis: AnalysisOptions;
  ts: TypeScriptApi;
  /** The module the runtime is imported from: "dumpling-json/runtime", or a relative path for --runtime inline. */
  runtimeModule?: string;
  /** A host translator's name for a Python name (undefined: dumpling's own). */
  rename?: (name: string, info: NameInfo) => string | undefined;
}

/** TypeScript source and whether it can be used as a callee or member-access object without parentheses. */
export interface Code {
  text: string;
  atomic: boolean;
}

/**
 * One snippet's translation state, as the expression translators (src/translate/expressions/),
 * the codecs and the file forms see it: the file's model, what was imported and noted, the free
 * names. Implemented by src/translate/emitter.ts.
 */
export interface Emitter {
  readonly ctx: FileContext;
  readonly options: TranslateOptions;
  readonly mode: Mode;
  readonly imports: Imports;
  /** The TypeScript of a Python expression; a bare free name gets `type`. */
  expr(node: SyntaxNode, type?: string): string;
  code(node: SyntaxNode, type?: string): Code;
  /** `code` in parentheses unless it is atomic. */
  operand(node: SyntaxNode): string;
  note(kind: NoteKind, message: string, certainty?: Note["certainty"]): void;
  /** Import a name from the runtime; returns the name to use. */
  rt(name: string): string;
  /** Import a name from node:fs. */
  fs(name: string): string;
  /** A free name of the snippet, expected to hold `type`. */
  freeName(name: string, type?: string): string;
  /** A Python name as a JavaScript identifier. */
  jsName(name: string): string;
  /** The host translator's name for a name the TypeScript uses (`rename`), or `js`. */
  hostName(python: string, js: string, type?: string): string;
  /** Names bound inside the snippet: lambda parameters, comprehension variables. */
  withBound<T>(names: readonly string[], body: () => T): T;
  isBound(name: string): boolean;
  /** The untranslated marker for `node`: it compiles, and throws UntranslatedPythonError when reached. */
  untranslated(node: SyntaxNode, why: string): Code;
  /** Use `ts` for `node` (the unit's own call inside its statement); null ends it. */
  override(node: SyntaxNode, ts: string | null): void;
  /** What has been recorded so far; the function returned goes back to it. */
  checkpoint(): () => void;
}
