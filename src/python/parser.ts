// One tree-sitter parser per thread, created on first use and reused for every file.
import { createRequire } from "node:module";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type Parser from "tree-sitter";

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
    rememberParents((ParserClass as unknown as { SyntaxNode: { prototype: object } }).SyntaxNode.prototype);
  }
  return parser;
}

/**
 * The binding's `parent` searches down from the root (scanning every statement of a module on
 * the way) and wraps the result anew at each call, so climbing from many nodes of one file is
 * quadratic. Our trees are never edited, so each node object remembers its parent, in a map
 * held by its tree (it dies with the tree). The binding hands back the same object for a node
 * while it is alive, so siblings share their ancestors.
 */
function rememberParents(prototype: object): void {
  const native = Object.getOwnPropertyDescriptor(prototype, "parent")?.get;
  if (!native) return;
  const PARENTS = Symbol("parents");
  Object.defineProperty(prototype, "parent", {
    configurable: true,
    get(this: SyntaxNode) {
      const tree = this.tree as Tree & { [PARENTS]?: Map<SyntaxNode, SyntaxNode | null> };
      const parents = (tree[PARENTS] ??= new Map());
      let parent = parents.get(this);
      if (parent === undefined) parents.set(this, (parent = native.call(this) as SyntaxNode | null));
      return parent;
    },
  });
}

let parsedSinceRelease = 0;

export function parsePython(text: string): Tree {
  const p = getParser();
  parsedSinceRelease += text.length;
  // The binding copies the whole string in one buffer (of UTF-16 units) when told its size;
  // the default 32 KiB buffer makes large files parse in many small slices.
  return p.parse(text, null, { bufferSize: Math.max(32 * 1024, text.length + 16) });
}

/** Source parsed between two releases of dead trees: their native memory is about 25 times as much. */
const RELEASE_EVERY = 1024 * 1024;
let collectGarbage: ((options: { type: "minor" | "major" }) => void) | undefined;

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
  if (!collectGarbage) {
    // The way jest-leak-detector reaches gc() without --expose-gc on the command line.
    setFlagsFromString("--expose-gc");
    collectGarbage = runInNewContext("gc") as typeof collectGarbage;
  }
  collectGarbage?.({ type: "minor" });
  await new Promise((resolve) => setImmediate(resolve));
}

/** A compiled tree-sitter query over Python (compiled once per thread). */
export function pythonQuery(source: string): Parser.Query {
  const p = getParser();
  const ParserClass = require("tree-sitter") as typeof Parser;
  void p;
  return new ParserClass.Query(language as Parser.Language, source);
}
