// Python name resolution, driven by occurrences: instead of walking every node of the tree
// (each step a crossing from JS into the native tree), we find the textual occurrences of
// a name, ask tree-sitter for the node at each, and classify only those. Resolution follows
// Python's rules: function, lambda and comprehension scopes nest; a class body is visible
// only to code directly in it; `global` and `nonlocal` redirect bindings; a name bound
// nowhere is a builtin.
import type { SyntaxNode, Tree } from "./parser.js";
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
  private readonly scopeIndex = new Map<string, Map<number, { bindings: Occurrence[]; declared?: Occurrence }>>();
  private readonly enclosingCache = new Map<number, SyntaxNode>();
  readonly root: SyntaxNode;

  constructor(readonly tree: Tree, readonly text: string) {
    this.root = tree.rootNode;
  }

  /** The scope a reference or binding at `node` belongs to. */
  scopeOf(node: SyntaxNode): SyntaxNode {
    let child = node;
    let p = node.parent;
    while (p) {
      if (SCOPE_TYPES.has(p.type)) {
        if (p.type === "function_definition" || p.type === "lambda") {
          if (isField(p, "body", child)) return p;
          if (isField(p, "parameters", child) && isParameterName(node)) return p;
        } else if (p.type === "class_definition") {
          if (isField(p, "body", child)) return p;
        } else {
          // Comprehension: everything but the first iterable is evaluated in its own scope.
          const first = p.namedChildren.find((c) => c.type === "for_in_clause");
          const iterable = first?.childForFieldName("right");
          if (!(iterable && iterable.startIndex <= node.startIndex && node.endIndex <= iterable.endIndex)) return p;
        }
      }
      child = p;
      p = p.parent;
    }
    return this.root;
  }

  /** Every occurrence of `name` as an identifier (not in strings, comments or `x.name`). */
  occurrences(name: string): Occurrence[] {
    const cached = this.occurrenceCache.get(name);
    if (cached) return cached;
    const out: Occurrence[] = [];
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(name)}(?![\\p{L}\\p{N}_])`, "gu");
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      const node = this.root.descendantForIndex(m.index, m.index + name.length);
      if (node.type !== "identifier" || node.startIndex !== m.index || node.endIndex !== m.index + name.length) continue;
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
    const byScope = this.byScope(use.text);
    const useScope = this.scopeOf(use);
    const useScopeId = useScope.id;
    let scope: SyntaxNode | null = useScope;
    let first = true;
    while (scope) {
      const current: SyntaxNode = scope;
      const currentId = current.id;
      const skipClass = current.type === "class_definition" && !first;
      if (!skipClass) {
        const here = byScope.get(currentId);
        if (here?.declared?.role === "global") {
          const bindings = byScope.get(this.rootId())?.bindings ?? [];
          return bindings.length > 0 ? { scope: this.root, bindings, sameScope: false } : null;
        }
        if (here && !here.declared && here.bindings.length > 0) return { scope: current, bindings: here.bindings, sameScope: currentId === useScopeId };
      }
      if (currentId === this.rootId()) break;
      scope = this.enclosingScope(current);
      first = false;
    }
    return null;
  }

  /**
   * A name's occurrences grouped by scope id: its bindings in source order, and its first
   * `global`/`nonlocal` declaration. Node ids are native calls: compared once, not per lookup.
   */
  private byScope(name: string): Map<number, { bindings: Occurrence[]; declared?: Occurrence }> {
    let index = this.scopeIndex.get(name);
    if (index) return index;
    index = new Map();
    for (const o of this.occurrences(name)) {
      const id = o.scope.id;
      let entry = index.get(id);
      if (!entry) index.set(id, (entry = { bindings: [] }));
      if (o.role === "bind") entry.bindings.push(o);
      else if ((o.role === "global" || o.role === "nonlocal") && !entry.declared) entry.declared = o;
    }
    this.scopeIndex.set(name, index);
    return index;
  }

  private rootIdCache: number | undefined;

  private rootId(): number {
    return (this.rootIdCache ??= this.root.id);
  }

  /** The scope enclosing a scope node (cached: resolution climbs the same chains again and again). */
  private enclosingScope(scope: SyntaxNode): SyntaxNode {
    const id = scope.id;
    let outer = this.enclosingCache.get(id);
    if (!outer) this.enclosingCache.set(id, (outer = this.scopeOf(scope)));
    return outer;
  }

  /**
   * The bindings that may reach `use`. In the same scope, the last binding before the use wins
   * when its statement surely ran first (its block encloses the use); otherwise every binding
   * before the use may reach it. From an enclosing scope (a closure or a global), any binding may.
   */
  reaching(res: Resolution, use: SyntaxNode): Occurrence[] {
    if (!res.sameScope) return res.bindings;
    const before = res.bindings.filter((b) => b.node.startIndex < use.startIndex);
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
