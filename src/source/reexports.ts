// Modules of the project that re-export json: `from botocore.compat import json` in one file,
// where botocore/compat.py does `import json` (or `import simplejson as json`; or orjson or ujson
// under their own names). The model learns
// such a module from `extend-json-modules`; this finds the ones whose source is in the tree, by
// following the import to its file, so a project's own compat module needs no configuration.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

// `from X import ..., json, ...`, possibly in parentheses over lines, matched at a line's start.
const FROM_IMPORT = /[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^#\r\n]*)/y;

/**
 * Every `from X import ...` statement that starts a line, in order: what a /^...$/gm search for
 * FROM_IMPORT finds, but the regular expression is tried only where a line starts with "from"
 * (a whole-text multiline search cost 16 ms for every copy of the stdlib in the parsed bench tree).
 */
export function* fromImports(text: string): Generator<RegExpExecArray> {
  let end = 0;
  for (let at = text.indexOf("from"); at >= 0; at = text.indexOf("from", at + 4)) {
    if (at < end) continue; // (inside the statement matched before: its parentheses)
    let start = at;
    while (start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9)) start--;
    if (start > 0 && !LINE_BREAKS.has(text.charCodeAt(start - 1))) continue;
    FROM_IMPORT.lastIndex = start;
    const m = FROM_IMPORT.exec(text);
    if (m) {
      end = start + m[0].length;
      yield m;
    }
  }
}

// Where JavaScript's multiline ^ matches after: \n, \r, U+2028, U+2029.
const LINE_BREAKS = new Set([10, 13, 0x2028, 0x2029]);
// The names a json module is re-exported under, and the modules they may name.
const REEXPORTED = ["json", "orjson", "ujson"] as const;
type Reexported = (typeof REEXPORTED)[number];
// A module that binds the name (a try/except around it included): `import json`,
// `import simplejson as json`, `import orjson`, or `from other import json` (followed).
const IMPORTS: Record<Reexported, RegExp> = {
  json: /^[ \t]*import[ \t]+(?:json(?![.\w])(?![ \t]+as\b)|simplejson[ \t]+as[ \t]+json\b)/m,
  orjson: /^[ \t]*import[ \t]+orjson(?![.\w])(?![ \t]+as\b)/m,
  ujson: /^[ \t]*import[ \t]+ujson(?![.\w])(?![ \t]+as\b)/m,
};
// `from other import json` (not `as` something else), and the importer side: `from X import json` or `... import json as j`.
const importsName = (name: Reexported, list: string, aliased: boolean) =>
  new RegExp(`(^|[\\s(,])${name}\\b${aliased ? "" : "(?![ \\t]+as\\b)"}`).test(list);

const binds = new Map<string, boolean>();

/** The modules `text` (the file at `path`) imports json, simplejson, orjson or ujson from, when their source in the tree binds it. */
export function jsonModulesFor(path: string, text: string): string[] {
  if (!text.includes("json")) return [];
  const out: string[] = [];
  for (const m of fromImports(text)) {
    const module = m[1] as string;
    if (["json", "simplejson", "orjson", "ujson", ""].includes(module) || out.includes(module)) continue;
    const names = REEXPORTED.filter((name) => importsName(name, m[2] as string, true));
    if (names.length === 0) continue;
    const file = moduleFile(path, module);
    if (file && names.some((name) => moduleBinds(file, name, 0))) out.push(module);
  }
  return out;
}

function moduleBinds(file: string, name: Reexported, depth: number): boolean {
  const key = `${name}:${file}`;
  const cached = binds.get(key);
  if (cached !== undefined) return cached;
  let result = false;
  try {
    const text = readFileSync(file, "utf8");
    result = IMPORTS[name].test(text);
    // `from other import json`: another module of the tree, followed a few steps.
    for (const m of fromImports(text)) {
      if (result || depth >= 3) break;
      if (!importsName(name, m[2] as string, false)) continue;
      const next = moduleFile(file, m[1] as string);
      result = !!next && moduleBinds(next, name, depth + 1);
    }
  } catch {
    result = false;
  }
  binds.set(key, result);
  return result;
}

/** The source file of `module` as imported from `from`: relative to its package, or from its tree's top. */
function moduleFile(from: string, module: string): string | null {
  const dots = /^\.*/.exec(module)?.[0].length ?? 0;
  const parts = module.slice(dots).split(".").filter(Boolean);
  let base: string;
  if (dots > 0) {
    base = dirname(from);
    for (let i = 1; i < dots; i++) base = dirname(base);
  } else {
    // The directory Python would have on sys.path: above the outermost package holding the file.
    base = dirname(from);
    while (existsSync(join(base, "__init__.py")) && dirname(base) !== base) base = dirname(base);
  }
  const stem = join(base, ...parts);
  for (const candidate of [`${stem}.py`, join(stem, "__init__.py")]) if (parts.length > 0 && existsSync(candidate)) return candidate;
  return null;
}
