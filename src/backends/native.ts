// The native backend: node-tree-sitter's binding (prebuilt for Node), one parser per thread,
// created on first use and reused for every file.
import { createRequire } from "node:module";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type Parser from "tree-sitter";
import { adoptTree, cacheParents, type Descender, type ParserBackend, type SyntaxNode, type TextEdit, type Tree } from "../python/tree.js";

const require = createRequire(import.meta.url);
let parser: Parser | undefined;
let parsedSinceRelease = 0;
let parses = 0;

/** Texts parsed on this thread so far. */
export function parseCount(): number {
  return parses;
}

function getParser(): Parser {
  if (!parser) {
    const ParserClass = require("tree-sitter") as typeof Parser;
    parser = new ParserClass();
    parser.setLanguage(require("tree-sitter-python") as Parser.Language);
    const prototype = (ParserClass as unknown as { SyntaxNode: { prototype: object } }).SyntaxNode.prototype;
    cacheParents(prototype);
    readIdsInJs(prototype);
    skipNodeCache((ParserClass as unknown as { Tree: { prototype: object } }).Tree.prototype);
  }
  return parser;
}

function parseWith(text: string, original: string, old: Tree | null): Tree {
  parses++;
  // The binding copies the whole string in one buffer (of UTF-16 units) when told its size;
  // the default 32 KiB buffer makes large files parse in many small slices.
  const tree = getParser().parse(text, (old as unknown as Parser.Tree | null) ?? undefined, { bufferSize: Math.max(32 * 1024, text.length + 16) });
  if (original !== text) (tree as unknown as { input: string }).input = original; // what node.text slices
  adoptTree(tree as unknown as Tree, nativeBackend);
  return tree as unknown as Tree;
}

/**
 * The binding's `node.id` copies the node into its transfer buffer and calls into C++ to read
 * back what the node object already holds: the node's address, its first two fields (low and
 * high 32 bits). The analysis asks for ids all the time (the parent cache, every comparison of
 * two nodes): read here, it is the same number, without the crossing.
 */
function readIdsInJs(prototype: object): void {
  Object.defineProperty(prototype, "id", {
    configurable: true,
    get(this: { 0: number; 1: number }) {
      return this[1] * 0x1_0000_0000 + this[0];
    },
  });
}

/**
 * The binding hands out the same JS object for a node asked for twice by keeping, for every node
 * object it makes, a weak reference with a finalizer (a call into C++ each time, and work for
 * every garbage collection after), and updates those objects when their tree is edited. The
 * analysis compares nodes by id, never by object, and never reads a tree after editing it (an
 * edited tree is only handed back to the parser), so it does without the cache.
 */
function skipNodeCache(treePrototype: object): void {
  Object.assign(treePrototype, { _cacheNode() {}, _cacheNodes() {} });
}

export const nativeBackend: ParserBackend = {
  name: "native",
  parse(text: string, original = text): Tree {
    parsedSinceRelease += text.length;
    return parseWith(text, original, null);
  },
  reparse(old: Tree, edit: TextEdit, text: string, original = text): Tree {
    // The binding counts indices and columns in UTF-16 units (it doubles them into the bytes of
    // the UTF-16 text it parses), as TextEdit does.
    (old as unknown as Parser.Tree).edit(edit);
    // Only the changed part of the tree is new, but each dead tree keeps the nodes the analysis
    // read (and their JS objects) until collected: paced by the text's length, as a parse is, the
    // server's memory stays flat (by the changed length alone it grew 50 MB in 500 keystrokes).
    parsedSinceRelease += text.length;
    return parseWith(text, original, old);
  },
  descend(node: SyntaxNode): Descender {
    const cursor = (node as unknown as Parser.SyntaxNode).walk();
    return {
      get node() {
        return cursor.currentNode as unknown as SyntaxNode;
      },
      get startIndex() {
        return cursor.startIndex;
      },
      get endIndex() {
        return cursor.endIndex;
      },
      // The binding returns the child's index, or null (its .d.ts says boolean).
      down: (index) => (cursor.gotoFirstChildForIndex(index) as unknown as number | null) !== null,
      up: () => void cursor.gotoParent(),
    };
  },
  release() {
    // Native trees are freed by finalizers once collected: see releaseDeadTrees.
  },
};

/** Source parsed between two releases of dead trees: their native memory is about 25 times as much. */
const RELEASE_EVERY = 1024 * 1024;
let collect: (() => void) | undefined;

/**
 * A tree's native memory (many times its source) is freed by a finalizer that runs only after
 * V8 has collected the Tree object, which it does not know to be large, and only when the event
 * loop turns; a loop that parses file after file would grow without bound. So after every
 * RELEASE_EVERY characters parsed, a caller that holds no tree runs a full collection (a few
 * milliseconds with the CLI's small heap) and lets the finalizers run. A collection of the young
 * generation alone is not enough: dead trees survive it (in `check` of the parsed bench tree, up
 * to 860 of 2,236 were still alive after one, and the run's peak RSS was 310-430 MB, against
 * 107 MB with full collections and half the system time).
 */
export async function releaseDeadTrees(): Promise<void> {
  if (parsedSinceRelease < RELEASE_EVERY) return;
  parsedSinceRelease = 0;
  if (!collect) {
    // The way jest-leak-detector reaches gc() without --expose-gc on the command line.
    setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
  await new Promise((resolve) => setImmediate(resolve));
}
