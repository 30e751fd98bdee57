// What the translator produces for one json call: the Python it replaces (a range of the file),
// the TypeScript that does the same, the imports it needs and the notes a person must read.
import type { AnalysisOptions } from "../python/context.js";
import type { JsonApi } from "../python/signatures.js";
import type { Note } from "./notes.js";

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
