// One file's analysis: the tree, its scopes and names, the kinds of values and the json calls.
// Rules and the translator read this; it is built once per text.
import { Kinds } from "./kinds.js";
import { findJsonCalls, type JsonCall } from "./model.js";
import { Names } from "./names.js";
import { parsePython } from "./parser.js";
import { Scopes } from "./scopes.js";
import { LineIndex } from "./text.js";
import type { ParserBackend, Tree } from "./tree.js";

export interface FileContext {
  /** The path as reached from the command line ("-" for stdin), or the API's `filename`. */
  filename: string;
  text: string;
  tree: Tree;
  lines: LineIndex;
  scopes: Scopes;
  names: Names;
  kinds: Kinds;
  calls: JsonCall[];
  backend: ParserBackend;
  /** target-version: the oldest Python 3 minor version the code must run on (9: Python 3.9). */
  targetVersion: number;
}

/** How to analyse a text: the parser to use and what the model must know beyond the file. */
export interface AnalysisOptions {
  backend: ParserBackend;
  /** Modules that re-export json (`from botocore.compat import json`): `extend-json-modules`. */
  jsonModules?: readonly string[];
  /** The oldest Python 3 minor version the code must run on (`target-version`): 9 for py39, the default. */
  targetVersion?: number;
  /** The codes whose fixes are kept (`fixable`/`unfixable`); absent: every code's. */
  fixable?: ReadonlySet<string>;
}

/** ruff's default `target-version`, py39. */
export const DEFAULT_TARGET_VERSION = 9;

/** `target-version` values: the oldest Python 3 the code must run on. */
export const TARGET_VERSIONS = Array.from({ length: 8 }, (_, i) => `py3${i + 7}`);

/** "py39" → 9; null for anything target-version does not take. */
export function targetMinor(value: string): number | null {
  return TARGET_VERSIONS.includes(value) ? Number(value.slice(3)) : null;
}

/** `tree`: the text's tree when the caller has parsed it (a document kept open: src/api/document.ts). */
export function buildContext(filename: string, text: string, options: AnalysisOptions, tree?: Tree): FileContext {
  const backend = options.backend;
  tree ??= parsePython(backend, text);
  const scopes = new Scopes(tree, text);
  const names = new Names(scopes, options.jsonModules ?? []);
  const kinds = new Kinds(names);
  const calls = findJsonCalls(text, scopes, names, kinds);
  return { filename, text, tree, lines: new LineIndex(text), scopes, names, kinds, calls, backend, targetVersion: options.targetVersion ?? DEFAULT_TARGET_VERSION };
}
