// The registry: a plain list. Adding a rule is adding a file and a line here.
import dumpMissingFile from "./dump-missing-file.js";
import dumpResultUsed from "./dump-result-used.js";
import dumpToPath from "./dump-to-path.js";
import dumpToUnwritableFile from "./dump-to-unwritable-file.js";
import dumpsGivenFile from "./dumps-given-file.js";
import loadFromPath from "./load-from-path.js";
import loadFromString from "./load-from-string.js";
import loadFromWriteOnlyFile from "./load-from-write-only-file.js";
import openWithoutEncoding from "./open-without-encoding.js";
import loadsFromFile from "./loads-from-file.js";
import loadsRead from "./loads-read.js";
import positionalOption from "./positional-option.js";
import syntaxError from "./syntax-error.js";
import type { Rule } from "./types.js";
import unclosedFile from "./unclosed-file.js";
import unknownOption from "./unknown-option.js";
import unreadableFile from "./unreadable-file.js";
import unusedNoqa from "./unused-noqa.js";
import writeDumps from "./write-dumps.js";

export const RULES: readonly Rule[] = [
  syntaxError,
  dumpMissingFile,
  dumpResultUsed,
  dumpsGivenFile,
  dumpToPath,
  loadFromString,
  loadsFromFile,
  loadFromPath,
  positionalOption,
  unknownOption,
  dumpToUnwritableFile,
  loadFromWriteOnlyFile,
  unclosedFile,
  openWithoutEncoding,
  unusedNoqa,
  loadsRead,
  writeDumps,
  unreadableFile,
];

export function ruleByCode(code: string): Rule | undefined {
  const upper = code.toUpperCase();
  return RULES.find((r) => r.meta.code === upper || r.meta.name === code);
}

export const DOCS_BASE = "docs/rules/";

export function ruleUrl(name: string): string {
  return `${DOCS_BASE}${name}.md`;
}
