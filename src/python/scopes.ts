// Python name resolution, driven by occurrences: instead of walking every node of the tree
// (each step a crossing from JS into the native tree), we find the textual occurrences of
// a name, ask tree-sitter for the node at each, and classify only those. Resolution follows
// Python's rules: function, lambda and comprehension scopes nest; a class body is visible
// only to code directly in it; `global` and `nonlocal` redirect bindings; a name bound
// nowhere is a builtin.
import { nodesSpanning, type SyntaxNode, type Tree } from "./tree.js";
import { COMPREHENSIONS, enclosingBlock } from "./syntax.js";

export type Role = "use" | "bind" | "global" | "nonlocal" | "none";

/** How a binding occurrence binds its name. */
export type BindingHow =
  | { how: "import"; module: string } // import a.b → binds a, module "a"; import a.b as c → module "a.b"
  | { how: "from-import"; module: string; name: string } // from m import n [as x]
  | { how: "assign"; value: SyntaxNode | null; annotation: SyntaxNode | null } // x = v, x: T = v, x := v
  | { how: "with"; value: SyntaxNode } // with v as x
  | { how: "param"; annotation: SyntaxNode | null; func: SyntaxNode }
  | { how: "other" }; // for targets, unpacking, def, class, except, del, augmented assignment...

export interface Occurrence {
  node: SyntaxNode;
  role: Role;
  scope: SyntaxNode;
  binding?: BindingHow;
}

export interface Resolution {
  /** The scope whose bindings the name refers to. */
  scope: SyntaxNode;
  /** Bindings of the name in that scope, in source order. */
  bindings: Occurrence[];
  /** Whether the use is in that same scope (then source order matters). */
  sameScope: boolean;
}

const SCOPE_TYPES = new Set(["function_definition", "lambda", "class_definition", ...COMPREHENSIONS]);
const PATTERN_TYPES = new Set(["pattern_list", "tuple_pattern", "list_pattern", "list_splat_pattern", "tuple", "list", "parenthesized_expression", "expression_list"]);

function isField(parent: SyntaxNode, field: string, child: SyntaxNode): boolean {
  const f = parent.childForFieldName(field);
  return !!f && f.id === child.id;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export class Scopes {
  private readonly occurrenceCache = new Map<string, Occurrence[]>();
  /** Per name: its bindings and its global/nonlocal declarations, by scope id. */
  private readonly indexCache = new Map<string, { bindings: Map<number, Occurrence[]>; declared: Map<number, Role> }>();
  readonly root: SyntaxNode;

  constructor(readonly tree: Tree, readonly text: string) {
    this.root = tree.rootNode;
  }

  private readonly scopeCache = new Map<number, SyntaxNode>();

  /** The scope a reference or binding at `node` belongs to. */
  scopeOf(node: SyntaxNode): SyntaxNode {
    // A parameter's name belongs to its function; anything else in the parameter list
    // (defaults, annotations) to the enclosing scope, like the rest of the header.
    if (isParameterName(node)) {
      let p = node.parent;
      while (p && p.type !== "parameters" && p.type !== "lambda_parameters") p = p.parent;
      if (p?.parent) return p.parent;
    }
    return this.scopeOfPosition(node);
  }

  /**
   * The scope in which the code at `node` runs. Memoized per node, so that finding the scopes
   * of many occurrences in deeply nested code costs the size of their paths, not their sum.
   */
  private scopeOfPosition(node: SyntaxNode): SyntaxNode {
    const path: SyntaxNode[] = [];
    let n = node;
    let scope: SyntaxNode | undefined;
    while (scope === undefined) {
      const cached = this.scopeCache.get(n.id);
      if (cached) {
        scope = cached;
        break;
      }
      path.push(n);
      const p = n.parent;
      if (!p) {
        scope = this.root;
        break;
      }
      if (p.type === "function_definition" || p.type === "lambda" || p.type === "class_definition") {
        if (isField(p, "body", n)) scope = p;
      } else if (COMPREHENSIONS.has(p.type)) {
        scope = p;
      } else if (p.type === "for_in_clause" && isField(p, "right", n) && p.parent && COMPREHENSIONS.has(p.parent.type)) {
        // A comprehension's first iterable is evaluated in the enclosing scope.
        const first = p.parent.namedChildren.find((c) => c.type === "for_in_clause");
        if (first?.id === p.id) {
          n = p.parent;
          continue;
        }
      }
      n = p;
    }
    for (const x of path) this.scopeCache.set(x.id, scope);
    return scope;
  }

  /** Every occurrence of `name` as an identifier (not in strings, comments or `x.name`). */
  occurrences(name: string): Occurrence[] {
    // A MISSING identifier (the parser's stand-in in broken code) has no text: an empty pattern would match forever.
    if (name === "") return [];
    const cached = this.occurrenceCache.get(name);
    if (cached) return cached;
    const out: Occurrence[] = [];
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(name)}(?![\\p{L}\\p{N}_])`, "gu");
    const ranges: [number, number][] = [];
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) ranges.push([m.index, m.index + name.length]);
    for (const node of nodesSpanning(this.tree, ranges)) {
      if (node.type !== "identifier" || node.endIndex - node.startIndex !== name.length) continue;
      const occ = this.classify(node);
      if (occ.role !== "none") out.push(occ);
    }
    // `global x` in a scope sends that scope's bindings of x to the module; `nonlocal x` to
    // the nearest enclosing function that binds it (resolved lazily in resolve()).
    const globalScopes = new Set(out.filter((o) => o.role === "global").map((o) => o.scope.id));
    if (globalScopes.size > 0) {
      for (const o of out) if (o.role === "bind" && globalScopes.has(o.scope.id)) o.scope = this.root;
    }
    this.occurrenceCache.set(name, out);
    return out;
  }

  private classify(node: SyntaxNode): Occurrence {
    const scope = this.scopeOf(node);
    const parent = node.parent;
    if (!parent) return { node, role: "use", scope };
    const bind = (binding: BindingHow): Occurrence => ({ node, role: "bind", scope, binding });
    switch (parent.type) {
      case "attribute":
        return isField(parent, "attribute", node) ? { node, role: "none", scope } : { node, role: "use", scope };
      case "keyword_argument":
        return isField(parent, "name", node) ? { node, role: "none", scope } : { node, role: "use", scope };
      case "dotted_name": {
        const gp = parent.parent;
        if (!gp) return { node, role: "none", scope };
        if (gp.type === "import_statement" && parent.firstNamedChild?.id === node.id) {
          return bind({ how: "import", module: node.text });
        }
        if (gp.type === "import_from_statement" && !isField(gp, "module_name", parent) && parent.namedChildCount === 1) {
          const mod = gp.childForFieldName("module_name");
          return bind({ how: "from-import", module: mod?.type === "dotted_name" ? mod.text : "." + (mod?.text ?? ""), name: node.text });
        }
        return { node, role: "none", scope };
      }
      case "aliased_import": {
        if (!isField(parent, "alias", node)) return { node, role: "none", scope };
        const gp = parent.parent;
        const target = parent.childForFieldName("name")?.text ?? "";
        if (gp?.type === "import_from_statement") {
          const mod = gp.childForFieldName("module_name");
          return bind({ how: "from-import", module: mod?.type === "dotted_name" ? mod.text : "." + (mod?.text ?? ""), name: target });
        }
        return bind({ how: "import", module: target });
      }
      case "global_statement":
        return { node, role: "global", scope };
      case "nonlocal_statement":
        return { node, role: "nonlocal", scope };
      case "assignment":
        if (isField(parent, "left", node)) {
          return bind({ how: "assign", value: parent.childForFieldName("right"), annotation: parent.childForFieldName("type") });
        }
        return { node, role: "use", scope };
      case "named_expression":
        if (isField(parent, "name", node)) return bind({ how: "assign", value: parent.childForFieldName("value"), annotation: null });
        return { node, role: "use", scope };
      case "augmented_assignment":
        return isField(parent, "left", node) ? bind({ how: "other" }) : { node, role: "use", scope };
      case "as_pattern_target": {
        const pattern = parent.parent;
        const value = pattern?.firstNamedChild;
        if (pattern?.parent?.type === "with_item" && value) return bind({ how: "with", value });
        return bind({ how: "other" });
      }
      case "parameters":
      case "lambda_parameters":
        return bind({ how: "param", annotation: null, func: parent.parent ?? parent });
      case "typed_parameter":
        if (parent.firstNamedChild?.id === node.id) {
          return bind({ how: "param", annotation: parent.childForFieldName("type"), func: parent.parent?.parent ?? parent });
        }
        return { node, role: "use", scope };
      case "default_parameter":
      case "typed_default_parameter":
        if (isField(parent, "name", node)) {
          return bind({ how: "param", annotation: parent.childForFieldName("type"), func: parent.parent?.parent ?? parent });
        }
        return { node, role: "use", scope };
      case "list_splat_pattern":
      case "dictionary_splat_pattern":
        if (parent.parent?.type === "parameters" || parent.parent?.type === "lambda_parameters") {
          return bind({ how: "param", annotation: null, func: parent.parent.parent ?? parent });
        }
        return this.classifyPattern(node, parent, scope);
      case "function_definition":
      case "class_definition":
        return isField(parent, "name", node) ? bind({ how: "other" }) : { node, role: "use", scope };
      case "for_statement":
      case "for_in_clause":
        return isField(parent, "left", node) ? bind({ how: "other" }) : { node, role: "use", scope };
      case "delete_statement":
        return bind({ how: "other" });
      default:
        if (PATTERN_TYPES.has(parent.type)) return this.classifyPattern(node, parent, scope);
        return { node, role: "use", scope };
    }
  }

  /** An identifier inside `a, b = ...`, `for (a, b) in ...`, `with x as (a, b)`: a binding, or a use. */
  private classifyPattern(node: SyntaxNode, parent: SyntaxNode, scope: SyntaxNode): Occurrence {
    let child = parent;
    let p = parent.parent;
    while (p && PATTERN_TYPES.has(p.type)) {
      child = p;
      p = p.parent;
    }
    if (!p) return { node, role: "use", scope };
    const isTarget =
      ((p.type === "assignment" || p.type === "augmented_assignment" || p.type === "for_statement" || p.type === "for_in_clause") &&
        isField(p, "left", child)) ||
      p.type === "as_pattern_target";
    return isTarget ? { node, role: "bind", scope, binding: { how: "other" } } : { node, role: "use", scope };
  }

  /** Resolve a use of a name (an identifier node) to the bindings it may refer to; null means a builtin. */
  resolve(use: SyntaxNode): Resolution | null {
    const useScope = this.scopeOf(use);
    const local = this.localBindings(use.text, useScope);
    if (local) return { scope: useScope, bindings: local, sameScope: true };
    const index = this.index(use.text);
    let scope: SyntaxNode | null = useScope;
    let first = true;
    while (scope) {
      const current: SyntaxNode = scope;
      const skipClass = current.type === "class_definition" && !first;
      if (!skipClass) {
        const declared = index.declared.get(current.id);
        if (declared === "global") {
          const bindings = index.bindings.get(this.root.id);
          return bindings ? { scope: this.root, bindings, sameScope: false } : null;
        }
        if (!declared) {
          const bindings = index.bindings.get(current.id);
          if (bindings) return { scope: current, bindings, sameScope: current.id === useScope.id };
        }
      }
      if (current.id === this.root.id) break;
      scope = this.scopeOf(current);
      first = false;
    }
    return null;
  }

  private readonly localCache = new Map<string, Occurrence[] | null>();

  /**
   * The bindings of `name` in `scope` itself, found among the occurrences inside the scope's
   * text only (a method's `self`, a function's `f`: most names resolve there), or null when the
   * whole file must be looked at: no binding there, a `global` or `nonlocal` declaration, or a
   * module-level scope. Without it every use of `self` would classify every `self` in the file.
   */
  private localBindings(name: string, scope: SyntaxNode): Occurrence[] | null {
    // A MISSING identifier has no text: an empty pattern would match forever (as in occurrences()).
    if (name === "" || scope.id === this.root.id || this.indexCache.has(name)) return null;
    const key = `${scope.id}:${name}`;
    const cached = this.localCache.get(key);
    if (cached !== undefined) return cached;
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(name)}(?![\\p{L}\\p{N}_])`, "gu");
    re.lastIndex = scope.startIndex;
    const end = scope.endIndex;
    const ranges: [number, number][] = [];
    for (let m = re.exec(this.text); m && m.index < end; m = re.exec(this.text)) ranges.push([m.index, m.index + name.length]);
    const bindings: Occurrence[] = [];
    let result: Occurrence[] | null = null;
    for (const node of nodesSpanning(this.tree, ranges)) {
      if (node.type !== "identifier" || node.endIndex - node.startIndex !== name.length) continue;
      const occ = this.classify(node);
      if (occ.scope.id !== scope.id) continue;
      if (occ.role === "global" || occ.role === "nonlocal") {
        bindings.length = 0;
        break;
      }
      if (occ.role === "bind") bindings.push(occ);
    }
    if (bindings.length > 0) result = bindings;
    this.localCache.set(key, result);
    return result;
  }

  private index(name: string): { bindings: Map<number, Occurrence[]>; declared: Map<number, Role> } {
    let index = this.indexCache.get(name);
    if (index) return index;
    index = { bindings: new Map(), declared: new Map() };
    for (const o of this.occurrences(name)) {
      if (o.role === "bind") {
        const list = index.bindings.get(o.scope.id);
        if (list) list.push(o);
        else index.bindings.set(o.scope.id, [o]);
      } else if ((o.role === "global" || o.role === "nonlocal") && !index.declared.has(o.scope.id)) {
        index.declared.set(o.scope.id, o.role);
      }
    }
    this.indexCache.set(name, index);
    return index;
  }

  /** The uses of a binding's name that the binding may reach (`f` in `with open(p) as f: json.load(f)`). */
  references(binding: Occurrence): Occurrence[] {
    return this.occurrences(binding.node.text).filter((o) => {
      if (o.role !== "use") return false;
      const res = this.resolve(o.node);
      return !!res && this.reaching(res, o.node).some((b) => b.node.id === binding.node.id);
    });
  }

  /**
   * The bindings that may reach `use`. In the same scope, the last binding before the use wins
   * when its statement surely ran first (its block encloses the use); otherwise every binding
   * before the use may reach it. From an enclosing scope (a closure or a global), any binding may.
   */
  reaching(res: Resolution, use: SyntaxNode): Occurrence[] {
    if (!res.sameScope) return res.bindings;
    // Bindings are in source order: the ones before the use are a prefix.
    let lo = 0;
    let hi = res.bindings.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((res.bindings[mid] as Occurrence).node.startIndex < use.startIndex) lo = mid + 1;
      else hi = mid;
    }
    const before = res.bindings.slice(0, lo);
    if (before.length === 0) return res.bindings;
    const last = before[before.length - 1] as Occurrence;
    const block = enclosingBlock(last.node);
    if (block && block.startIndex <= use.startIndex && use.endIndex <= block.endIndex) {
      // `x = f(x)`: the binding being made does not reach the use on its right; the previous one does.
      const value = last.binding?.how === "assign" ? last.binding.value : null;
      if (value && value.startIndex <= use.startIndex && use.endIndex <= value.endIndex) {
        return before.length > 1 ? this.reaching({ ...res, bindings: before.slice(0, -1) }, use) : [];
      }
      return [last];
    }
    return before;
  }
}

function isParameterName(node: SyntaxNode): boolean {
  const p = node.parent;
  if (!p || node.type !== "identifier") return false;
  switch (p.type) {
    case "parameters":
    case "lambda_parameters":
      return true;
    case "typed_parameter":
      return p.firstNamedChild?.id === node.id;
    case "default_parameter":
    case "typed_default_parameter":
      return isField(p, "name", node);
    case "list_splat_pattern":
    case "dictionary_splat_pattern":
      return p.parent?.type === "parameters" || p.parent?.type === "lambda_parameters";
    default:
      return false;
  }
}
