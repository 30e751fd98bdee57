// Modules of the project that re-export json: `from botocore.compat import json` in one file,
// where botocore/compat.py does `import json` (or `import simplejson as json`). The model learns
// such a module from `extend-json-modules`; this finds the ones whose source is in the tree, by
// following the import to its file, so a project's own compat module needs no configuration.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

// `from X import ..., json, ...` (X not json itself), possibly in parentheses over lines.
const FROM_IMPORT = /^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^#\r\n]*)/gm;
// A module that binds the name json (a try/except around it included): `import json`,
// `import simplejson as json`, or `from other import json` (followed).
const IMPORTS_JSON = /^[ \t]*import[ \t]+(?:json(?![.\w])(?![ \t]+as\b)|simplejson[ \t]+as[ \t]+json\b)/m;
const IMPORTS_NAME_JSON = /(^|[\s(,])json\b(?![ \t]+as\b)/;
// The importer side: `from X import json` or `... import json as j`.
const IMPORTS_NAME = /(^|[\s(,])json\b/;

const bindsJson = new Map<string, boolean>();

/** The modules `text` (the file at `path`) imports json or simplejson from, when their source in the tree binds it. */
export function jsonModulesFor(path: string, text: string): string[] {
  if (!text.includes("json")) return [];
  const out: string[] = [];
  for (const m of text.matchAll(FROM_IMPORT)) {
    const module = m[1] as string;
    if (module === "json" || module === "simplejson" || module === "" || out.includes(module)) continue;
    if (!IMPORTS_NAME.test(m[2] as string)) continue;
    const file = moduleFile(path, module);
    if (file && moduleBindsJson(file, 0)) out.push(module);
  }
  return out;
}

function moduleBindsJson(file: string, depth: number): boolean {
  const cached = bindsJson.get(file);
  if (cached !== undefined) return cached;
  let result = false;
  try {
    const text = readFileSync(file, "utf8");
    result = IMPORTS_JSON.test(text);
    // `from other import json`: another module of the tree, followed a few steps.
    for (const m of text.matchAll(FROM_IMPORT)) {
      if (result || depth >= 3) break;
      if (!IMPORTS_NAME_JSON.test(m[2] as string)) continue;
      const next = moduleFile(file, m[1] as string);
      result = !!next && moduleBindsJson(next, depth + 1);
    }
  } catch {
    result = false;
  }
  bindsJson.set(file, result);
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
