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
import orjsonBytesAsStr from "./orjson-bytes-as-str.js";
import orjsonDumpOrLoad from "./orjson-dump-or-load.js";
import orjsonJsonOption from "./orjson-json-option.js";
import loadsFromFile from "./loads-from-file.js";
import loadsRead from "./loads-read.js";
import positionalOption from "./positional-option.js";
import syntaxError from "./syntax-error.js";
import type { Rule } from "./types.js";
import unclosedFile from "./unclosed-file.js";
import unknownOption from "./unknown-option.js";
import unreadableFile from "./unreadable-file.js";
import unusedNoqa from "./unused-noqa.js";
import writeBytesToTextFile from "./write-bytes-to-text-file.js";
import writeDumps from "./write-dumps.js";
import writeTextToBinaryFile from "./write-text-to-binary-file.js";

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
  writeTextToBinaryFile,
  writeBytesToTextFile,
  orjsonJsonOption,
  orjsonDumpOrLoad,
  orjsonBytesAsStr,
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

/**
 * A rule's documentation page. By default the Markdown page shipped in the package
 * (`docs/rules/<name>.md`, relative). With `docsUrl` (`--docs-url`, `docs-url` in the config):
 * `{name}` and `{code}` in it are replaced when it has them; otherwise it is the base of the
 * pages `npm run site` builds, and the page is `<docsUrl><name>.html`.
 */
export function ruleUrl(name: string, docsUrl?: string | null): string {
  if (!docsUrl) return `${DOCS_BASE}${name}.md`;
  if (/\{(name|code)\}/.test(docsUrl)) {
    const code = RULES.find((r) => r.meta.name === name)?.meta.code ?? name;
    return docsUrl.replaceAll("{name}", name).replaceAll("{code}", code);
  }
  return `${docsUrl}${docsUrl.endsWith("/") ? "" : "/"}${name}.html`;
}
