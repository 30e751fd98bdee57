// Qualified names of expressions: `json.dumps`, `j.dumps` after `import json as j`, `d` after
// `from json import dumps as d`, `open` (a builtin unless rebound), `pathlib.Path`... The one
// resolver every rule and the translator use; none of them resolves names on its own.
import type { SyntaxNode } from "./tree.js";
import type { Occurrence, Scopes } from "./scopes.js";
import { isJsonModule, JSON_MODULES, type JsonModule } from "./signatures.js";
import { stringLiteral, unwrapParens } from "./syntax.js";

const MAX_DEPTH = 8;
// The names `from M import *` binds: json.__all__ (and simplejson's); orjson's and ujson's public
// names (they have no __all__: every name without a leading underscore; orjson 3.12.0, ujson 6.0.0).
const STAR_NAMES: Record<JsonModule, ReadonlySet<string>> = {
  json: new Set(["dump", "dumps", "load", "loads", "JSONDecoder", "JSONDecodeError", "JSONEncoder"]),
  simplejson: new Set(["dump", "dumps", "load", "loads", "JSONDecoder", "JSONDecodeError", "JSONEncoder"]),
  orjson: new Set(["dumps", "loads", "JSONDecodeError", "JSONEncodeError", "Fragment", "__version__"]), // and its OPT_ flags
  ujson: new Set(["dump", "dumps", "load", "loads", "JSONDecodeError", "decode", "encode"]),
};

export class Names {
  private readonly cache = new Map<number, string | null>();

  /**
   * `jsonModules`: modules that re-export json, simplejson, orjson or ujson (`from botocore.compat
   * import json` then means `import json`).
   */
  constructor(
    readonly scopes: Scopes,
    private readonly jsonModules: readonly string[] = [],
  ) {}

  /** The dotted name an expression refers to (`builtins.open`, `json.dumps`), or null if unknown. */
  qualify(expr: SyntaxNode, depth = 0): string | null {
    const node = unwrapParens(expr);
    const cached = this.cache.get(node.id);
    if (cached !== undefined) return cached;
    const result = depth > MAX_DEPTH ? null : this.compute(node, depth);
    this.cache.set(node.id, result);
    return result;
  }

  private compute(node: SyntaxNode, depth: number): string | null {
    if (node.type === "identifier") {
      const res = this.scopes.resolve(node);
      if (!res) return this.fromWildcard(node.text) ?? `builtins.${node.text}`;
      const names = this.scopes.reaching(res, node).map((b) => this.bindingTarget(b, depth));
      return agree(names);
    }
    if (node.type === "attribute") {
      const object = node.childForFieldName("object");
      const attr = node.childForFieldName("attribute");
      if (!object || !attr) return null;
      const base = this.qualify(object, depth + 1);
      return base ? `${base}.${attr.text}` : null;
    }
    return null;
  }

  private wildcards: string[] | undefined;

  /** `from json import *` at module level makes json's public names global names. */
  private fromWildcard(name: string): string | null {
    if (!this.wildcards) {
      this.wildcards = [];
      const text = this.scopes.text;
      const re = /^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+\*/gm;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const node = this.scopes.root.descendantForIndex(m.index + m[0].length - 1);
        if (node.parent?.type === "wildcard_import" || node.type === "wildcard_import") this.wildcards.push(m[1] as string);
      }
    }
    for (const module of this.wildcards) {
      if (isJsonModule(module) && STAR_NAMES[module].has(name)) return `${module}.${name}`;
    }
    return null;
  }

  /** What a binding makes its name mean, as a qualified name; undefined for "None" fallbacks. */
  private bindingTarget(b: Occurrence, depth: number): string | null | undefined {
    const how = b.binding;
    if (!how) return null;
    switch (how.how) {
      case "import":
        return this.reexported(how.module);
      case "from-import": {
        // A relative module is kept with one more leading dot than written (`..compat` for `.compat`).
        const module = how.module.startsWith(".") ? how.module.slice(1) : how.module;
        const name = this.reexported(`${module}.${how.name}`);
        return how.module.startsWith(".") && name === `${module}.${how.name}` ? null : name;
      }
      case "assign": {
        const value = how.value ? unwrapParens(how.value) : null;
        if (!value) return null;
        if (value.type === "none") return undefined; // `except ImportError: json = None`
        const imported = this.dynamicImport(value, depth);
        if (imported) return imported;
        if (value.type === "identifier" || value.type === "attribute") return this.qualify(value, depth + 1);
        return null;
      }
      default:
        return null;
    }
  }

  /** `botocore.compat.json` → `json` when botocore.compat is one of the json modules. */
  private reexported(name: string): string {
    for (const module of this.jsonModules) {
      for (const json of JSON_MODULES) {
        const path = `${module}.${json}`;
        if (name === path || name.startsWith(`${path}.`)) return json + name.slice(path.length);
      }
    }
    return name;
  }

  /** `__import__("json")`, `importlib.import_module("json")`. */
  private dynamicImport(value: SyntaxNode, depth: number): string | null {
    if (value.type !== "call") return null;
    const fn = value.childForFieldName("function");
    const args = value.childForFieldName("arguments");
    const first = args?.namedChildren[0];
    if (!fn || !first) return null;
    const q = this.qualify(fn, depth + 1);
    if (q !== "builtins.__import__" && q !== "importlib.import_module") return null;
    const s = stringLiteral(first);
    return s && !s.fstring ? s.value : null;
  }
}

/** One name when every binding agrees; json and simplejson count as one family (json wins). */
function agree(names: (string | null | undefined)[]): string | null {
  const defined = names.filter((n) => n !== undefined) as (string | null)[];
  if (defined.length === 0 || defined.some((n) => n === null)) return null;
  const set = new Set(defined.map((n) => (n as string).replace(/^simplejson(?=\.|$)/, "json")));
  if (set.size !== 1) return null;
  const plain = defined.find((n) => n === [...set][0]);
  return plain ?? (defined[0] as string);
}
