// The parser interface: dumpling's own view of a tree-sitter tree, which both backends (the
// native binding in Node, web-tree-sitter anywhere; src/backends/) satisfy. Nothing in the core
// names either binding: a backend is handed to the functions that parse.

export interface Point {
  row: number;
  column: number;
}

/** A node of a Python syntax tree. Indices are UTF-16 offsets into the parsed text. */
export interface SyntaxNode {
  readonly id: number;
  readonly tree: Tree;
  readonly type: string;
  readonly text: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: Point;
  readonly endPosition: Point;
  readonly isNamed: boolean;
  readonly isMissing: boolean;
  readonly hasError: boolean;
  readonly parent: SyntaxNode | null;
  readonly children: SyntaxNode[];
  readonly namedChildren: SyntaxNode[];
  readonly childCount: number;
  readonly namedChildCount: number;
  readonly firstChild: SyntaxNode | null;
  readonly firstNamedChild: SyntaxNode | null;
  childForFieldName(name: string): SyntaxNode | null;
  childrenForFieldName(name: string): SyntaxNode[];
  descendantForIndex(start: number, end?: number): SyntaxNode;
  descendantsOfType(types: string | string[]): SyntaxNode[];
}

/** A walk down from a node towards an index, and back up. */
export interface Descender {
  readonly node: SyntaxNode;
  readonly startIndex: number;
  readonly endIndex: number;
  /** To the first child of the current node that contains or starts after `index`; false when there is none. */
  down(index: number): boolean;
  up(): void;
}

export interface Tree {
  readonly rootNode: SyntaxNode;
}

/**
 * A change of the parsed text, as tree-sitter describes one: indices are UTF-16 offsets and
 * columns UTF-16 units from the line's start (what both bindings count in a JavaScript string);
 * rows count \n.
 */
export interface TextEdit {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
  startPosition: Point;
  oldEndPosition: Point;
  newEndPosition: Point;
}

/** What the core needs of a tree-sitter binding. */
export interface ParserBackend {
  readonly name: "native" | "wasm";
  /**
   * Parses Python source (`parsePython` in src/python/parser.ts checks `parserLimit` first).
   * `original`, when given, is the text `node.text` must read: the same length as `text`, which
   * has line breaks the grammar reads in place of some of its characters.
   */
  parse(text: string, original?: string): Tree;
  /**
   * Parses `text` reusing `old`, the tree of the text before `edit` (which is applied to `old`:
   * `old` must not be used after, but released). The result is the tree parse() gives.
   */
  reparse(old: Tree, edit: TextEdit, text: string, original?: string): Tree;
  /** A descender starting at `node` (a tree cursor, where the binding's works). */
  descend(node: SyntaxNode): Descender;
  /** Frees what the tree holds outside the JS heap (a wasm tree is never collected); it must not be used after. */
  release(tree: Tree): void;
}

// tree-sitter's ts_node_parent walks down from the root on every call, so walking up from a
// node N levels deep costs N² steps: 10,000 nested brackets took half a minute. A backend makes
// `parent` a cached lookup with cacheParents: the first time a node's parent is asked, one
// cursor descent from the root records the parent of every node on the path (each later step
// up is a map lookup). The cache hangs on its tree, not in a WeakMap keyed by trees: its nodes
// point back at the tree, and such an entry is freed only by a full collection, so dead trees
// (and their native memory, many times their source) piled up between the collections.
const PARENTS = Symbol("parents");
const BACKEND = Symbol("backend");

type CachedTree = { [PARENTS]?: Map<number, SyntaxNode | null>; [BACKEND]?: ParserBackend };

function parentCacheOf(tree: Tree): Map<number, SyntaxNode | null> {
  const holder = tree as CachedTree;
  return (holder[PARENTS] ??= new Map());
}

/** Marks a tree as parsed by `backend` (the parent cache descends with its cursors). */
export function adoptTree(tree: Tree, backend: ParserBackend): void {
  (tree as CachedTree)[BACKEND] = backend;
}

function backendOf(tree: Tree): ParserBackend {
  const b = (tree as CachedTree)[BACKEND];
  if (!b) throw new Error("a tree not parsed through a ParserBackend");
  return b;
}

/** Replaces a node class's native `parent` getter with the cached one (once per class). */
export function cacheParents(prototype: object): void {
  const native = Object.getOwnPropertyDescriptor(prototype, "parent")?.get;
  if (!native || (native as { cached?: boolean }).cached) return;
  const get = function (this: SyntaxNode): SyntaxNode | null {
    const cache = parentCacheOf(this.tree);
    const id = this.id;
    let parent = cache.get(id);
    if (parent !== undefined) return parent;
    recordPath(this, cache);
    parent = cache.get(id);
    if (parent === undefined) {
      parent = native.call(this) as SyntaxNode | null;
      cache.set(id, parent);
    }
    return parent;
  };
  (get as { cached?: boolean }).cached = true;
  Object.defineProperty(prototype, "parent", { configurable: true, get });
}

function recordPath(node: SyntaxNode, cache: Map<number, SyntaxNode | null>): void {
  const tree = node.tree;
  const root = tree.rootNode;
  const id = node.id;
  cache.set(root.id, null);
  if (root.id === id) return;
  const start = node.startIndex;
  const cursor = backendOf(tree).descend(root);
  let parent = root;
  while (cursor.down(start)) {
    if (cursor.startIndex > start) return; // passed it (a zero-width node): the native lookup decides
    const current = cursor.node;
    cache.set(current.id, parent);
    if (current.id === id) return;
    parent = current;
  }
}

/**
 * For each [start, end) range (sorted by start), the smallest node that spans it, as
 * `descendantForIndex` would find it; one cursor walks the union of the paths to them all,
 * recording every parent on the way, so finding many occurrences costs the size of that
 * union, not the sum of their depths.
 */
export function nodesSpanning(tree: Tree, ranges: readonly (readonly [number, number])[]): SyntaxNode[] {
  const cache = parentCacheOf(tree);
  const root = tree.rootNode;
  cache.set(root.id, null);
  const cursor = backendOf(tree).descend(root);
  const stack: { node: SyntaxNode; start: number; end: number }[] = [{ node: root, start: root.startIndex, end: root.endIndex }];
  const out: SyntaxNode[] = [];
  for (const [s, e] of ranges) {
    let top = stack[stack.length - 1] as (typeof stack)[number];
    while (stack.length > 1 && !(top.start <= s && e <= top.end)) {
      cursor.up();
      stack.pop();
      top = stack[stack.length - 1] as (typeof stack)[number];
    }
    while (cursor.down(s)) {
      const cs = cursor.startIndex;
      const ce = cursor.endIndex;
      if (cs > s || ce < e) {
        cursor.up();
        break;
      }
      const node = cursor.node;
      cache.set(node.id, top.node);
      top = { node, start: cs, end: ce };
      stack.push(top);
    }
    out.push(top.node);
  }
  return out;
}

/**
 * ERROR and MISSING nodes in document order (an ERROR inside an ERROR included), found by
 * descending only into nodes that have an error below them.
 */
export function errorNodes(root: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  if (!root.hasError) return out;
  const stack: SyntaxNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as SyntaxNode;
    if (node.type === "ERROR" || node.isMissing) out.push(node);
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i] as SyntaxNode;
      if (c.hasError || c.isMissing) stack.push(c);
    }
  }
  return out;
}
