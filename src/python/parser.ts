// One tree-sitter parser per thread, created on first use and reused for every file.
import { createRequire } from "node:module";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type Parser from "tree-sitter";
import { parserLimit } from "./limits.js";

export type SyntaxNode = Parser.SyntaxNode;
export type Tree = Parser.Tree;

const require = createRequire(import.meta.url);
let parser: Parser | undefined;
let language: unknown;

function getParser(): Parser {
  if (!parser) {
    const ParserClass = require("tree-sitter") as typeof Parser;
    language = require("tree-sitter-python");
    parser = new ParserClass();
    parser.setLanguage(language as Parser.Language);
    cacheParents((ParserClass as unknown as { SyntaxNode: { prototype: object } }).SyntaxNode.prototype);
  }
  return parser;
}

// tree-sitter's ts_node_parent walks down from the root on every call, so walking up from a
// node N levels deep costs N² steps: 10,000 nested brackets took half a minute. `parent` is
// made a cached lookup: the first time a node's parent is asked, one cursor descent from the
// root records the parent of every node on the path (each later step up is a map lookup).
// The cache hangs on its tree, not in a WeakMap keyed by trees: its nodes point back at the tree,
// and such an entry is freed only by a full collection, so dead trees (and their native memory,
// many times their source) piled up between the collections that free them young.
const PARENTS = Symbol("parents");

function cacheParents(prototype: object): void {
  const native = Object.getOwnPropertyDescriptor(prototype, "parent")?.get;
  if (!native) return;
  Object.defineProperty(prototype, "parent", {
    configurable: true,
    get(this: SyntaxNode): SyntaxNode | null {
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
    },
  });
}

function parentCacheOf(tree: object): Map<number, SyntaxNode | null> {
  const holder = tree as { [PARENTS]?: Map<number, SyntaxNode | null> };
  return (holder[PARENTS] ??= new Map());
}

/**
 * For each [start, end) range (sorted by start), the smallest node that spans it, as
 * `descendantForIndex` would find it; one cursor walks the union of the paths to them all,
 * recording every parent on the way, so finding many occurrences costs the size of that
 * union, not the sum of their depths.
 */
export function nodesSpanning(tree: Tree, ranges: readonly (readonly [number, number])[]): SyntaxNode[] {
  getParser();
  const cache = parentCacheOf(tree);
  const root = tree.rootNode;
  cache.set(root.id, null);
  const cursor = root.walk();
  const stack: { node: SyntaxNode; start: number; end: number }[] = [{ node: root, start: root.startIndex, end: root.endIndex }];
  const out: SyntaxNode[] = [];
  for (const [s, e] of ranges) {
    let top = stack[stack.length - 1] as (typeof stack)[number];
    while (stack.length > 1 && !(top.start <= s && e <= top.end)) {
      cursor.gotoParent();
      stack.pop();
      top = stack[stack.length - 1] as (typeof stack)[number];
    }
    while (cursor.gotoFirstChildForIndex(s) !== null) {
      const cs = cursor.startIndex;
      const ce = cursor.endIndex;
      if (cs > s || ce < e) {
        cursor.gotoParent();
        break;
      }
      const node = cursor.currentNode;
      cache.set(node.id, top.node);
      top = { node, start: cs, end: ce };
      stack.push(top);
    }
    out.push(top.node);
  }
  return out;
}

function recordPath(node: SyntaxNode, cache: Map<number, SyntaxNode | null>): void {
  const root = node.tree.rootNode;
  const id = node.id;
  cache.set(root.id, null);
  if (root.id === id) return;
  const start = node.startIndex;
  const cursor = root.walk();
  let parent = root;
  while (cursor.gotoFirstChildForIndex(start) !== null) {
    if (cursor.startIndex > start) return; // passed it (a zero-width node): the native lookup decides
    const current = cursor.currentNode;
    cache.set(current.id, parent);
    if (current.id === id) return;
    parent = current;
  }
}

let parsedSinceRelease = 0;

export function parsePython(text: string): Tree {
  // What would abort the process in the parser's C code is an exception here (callers check parserLimit first).
  const limit = parserLimit(text);
  if (limit) throw new Error(`cannot parse: ${limit}`);
  const p = getParser();
  parsedSinceRelease += text.length;
  // Python reads a lone \r as a line break; the grammar's scanner does not (a file saved with
  // classic Mac line endings parsed as one broken line). It parses the text with \n in their
  // place, which keeps every index, and node.text still reads the original.
  const parsed = text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
  // The binding copies the whole string in one buffer (of UTF-16 units) when told its size;
  // the default 32 KiB buffer makes large files parse in many small slices.
  const tree = p.parse(parsed, null, { bufferSize: Math.max(32 * 1024, text.length + 16) });
  if (parsed !== text) (tree as unknown as { input: string }).input = text; // what node-tree-sitter's node.text slices
  return tree;
}

/** Source parsed between two releases of dead trees: their native memory is about 25 times as much. */
const RELEASE_EVERY = 1024 * 1024;
let collectYoungGeneration: (() => void) | undefined;

/**
 * A tree's native memory (many times its source) is freed by a finalizer that runs only after
 * V8 has collected the Tree object, which it does not know to be large, and only when the event
 * loop turns; a loop that parses file after file would grow without bound. So after every
 * RELEASE_EVERY characters parsed, a caller that holds no tree collects the young generation,
 * where dead trees are, and lets the finalizers run.
 */
export async function releaseDeadTrees(): Promise<void> {
  if (parsedSinceRelease < RELEASE_EVERY) return;
  parsedSinceRelease = 0;
  if (!collectYoungGeneration) {
    // The way jest-leak-detector reaches gc() without --expose-gc on the command line.
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as (options: { type: "minor" }) => void;
    collectYoungGeneration = () => gc({ type: "minor" });
  }
  collectYoungGeneration();
  await new Promise((resolve) => setImmediate(resolve));
}

/** A compiled tree-sitter query over Python (compiled once per thread). */
export function pythonQuery(source: string): Parser.Query {
  const p = getParser();
  const ParserClass = require("tree-sitter") as typeof Parser;
  void p;
  return new ParserClass.Query(language as Parser.Language, source);
}
