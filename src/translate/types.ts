// What the translator produces for one json call: the Python it replaces (a range of the file),
// the TypeScript that does the same, the imports it needs and the notes a person must read.
import type { AnalysisOptions } from "../python/context.js";
import type { Note } from "./notes.js";

export type Mode = "exact" | "native";

export interface Translation {
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
  /** The free names the TypeScript uses, each with the type it expects of it ("any" when unknown). */
  names: Map<string, string>;
  /** Names the statements declare (`const data = ...`), in order. */
  declares: string[];
}

export interface TranslateOptions {
  mode: Mode;
  analysis: AnalysisOptions;
  /** The module the runtime is imported from: "dumpling-json/runtime", or a relative path for --runtime inline. */
  runtimeModule?: string;
}
