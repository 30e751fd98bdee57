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
}

/** How to analyse a text: the parser to use and what the model must know beyond the file. */
export interface AnalysisOptions {
  backend: ParserBackend;
  /** Modules that re-export json (`from botocore.compat import json`): `extend-json-modules`. */
  jsonModules?: readonly string[];
}

export function buildContext(filename: string, text: string, options: AnalysisOptions): FileContext {
  const backend = options.backend;
  const tree = parsePython(backend, text);
  const scopes = new Scopes(tree, text);
  const names = new Names(scopes, options.jsonModules ?? []);
  const kinds = new Kinds(names);
  const calls = findJsonCalls(text, scopes, names, kinds);
  return { filename, text, tree, lines: new LineIndex(text), scopes, names, kinds, calls, backend };
}
