// Which texts can call json at all (the rest is never parsed), and which are too much to analyse.
import { parserLimit } from "./limits.js";

// Every way the model reaches the json module (src/python/names.ts) starts from one of these:
// `from json import ...` (or simplejson, orjson, ujson), an `import` statement naming one of them
// (`import os, json`, `import json.decoder`, `import simplejson as j`), or the string "json",
// "simplejson", "orjson" or "ujson" (`__import__("json")`, `importlib.import_module("json")`). A logical line
// may go on after a backslash.
const CONTINUED_SPACE = String.raw`(?:[ \t\f]|\\(?:\r\n?|\n))`;
const REACHES_JSON = new RegExp(
  [
    String.raw`\bfrom${CONTINUED_SPACE}+(?:simple|or|u)?json\b`,
    String.raw`\bimport\b(?:[^\r\n;#\\]|\\(?:\r\n?|\n))*?\b(?:simple|or|u)?json\b`,
    String.raw`["'](?:simple|or|u)?json["']`,
  ].join("|"),
);

// And every json call the model recognizes names its function: `json.dumps`, `from json import
// load as read`, `from json import *` then `dump(...)`. JavaScript's \b knows only
// ASCII word characters, all of which Python identifiers may hold: it can see a boundary where
// Python sees none (`éload`, which only costs a parse), never the other way round.
const NAMES_AN_API = /\b(?:dump|load)s?\b/;

/**
 * Whether a text can hold a json call at all: it must name one of the four functions and reach
 * the json module, and every way of reaching it names it in an import or a string. A file that
 * does not is never parsed (most files that mention json do so in a docstring, a path or
 * `.json()`; many that import it only catch `json.JSONDecodeError`).
 */
export function mayCallJson(text: string): boolean {
  return text.includes("json") && NAMES_AN_API.test(text) && REACHES_JSON.test(text);
}

/**
 * The model keeps a few tree nodes per json call in memory (about 10 KB a call), so a
 * generated file with millions of json calls would exhaust the heap. Such a file is reported as
 * unreadable instead of crashing the run.
 */
export const MAX_JSON_MENTIONS = 50_000;

export function analysisLimit(text: string): string | null {
  const parser = parserLimit(text);
  if (parser) return parser;
  let n = 0;
  for (let i = text.indexOf("json"); i >= 0; i = text.indexOf("json", i + 4)) {
    if (++n > MAX_JSON_MENTIONS) return `mentions json more than ${MAX_JSON_MENTIONS.toLocaleString("en")} times, more than dumpling analyses in one file`;
  }
  return null;
}

