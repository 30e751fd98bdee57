// The wasm backend: web-tree-sitter with the grammar tree-sitter-python ships as a .wasm file.
// It runs in any JavaScript runtime (browsers, Deno, Bun, Node); it must be loaded (async) once.
import { Language, Node, Parser, type Tree as WasmTree } from "web-tree-sitter";
import { adoptTree, cacheParents, type Descender, type ParserBackend, type SyntaxNode, type TextEdit, type Tree } from "../python/tree.js";

/** A URL object (typed by its href, so these types need neither DOM's nor Node's). */
export interface UrlLike {
  href: string;
}

/** Where the two .wasm files are: URLs or paths (Node), or their bytes. */
export interface WasmFiles {
  /** web-tree-sitter's runtime, `web-tree-sitter/tree-sitter.wasm`. */
  treeSitter?: string | UrlLike | Uint8Array;
  /** The Python grammar, `tree-sitter-python/tree-sitter-python.wasm`. */
  python?: string | UrlLike | Uint8Array;
}

/** A package file's location, as the runtime resolves it (Node, Deno, Bun, an import map). */
function located(specifier: string): string {
  const resolve = (import.meta as { resolve?: (s: string) => string }).resolve;
  if (!resolve) throw new Error(`cannot locate ${specifier}: pass its URL or bytes to init()`);
  return fromUrl(resolve(specifier));
}

/** web-tree-sitter reads a path with the file system and fetches anything else. */
function fromUrl(url: string): string {
  if (!url.startsWith("file:")) return url;
  // file:///C:/x → C:/x on Windows; file:///x → /x elsewhere (no node:url here: this runs in browsers too).
  const path = decodeURIComponent(new URL(url).pathname);
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
}

export async function createWasmBackend(files: WasmFiles = {}): Promise<ParserBackend> {
  const runtime = files.treeSitter;
  if (runtime instanceof Uint8Array) await Parser.init({ wasmBinary: runtime });
  else if (runtime !== undefined) {
    const where = typeof runtime === "string" ? runtime : fromUrl(runtime.href);
    await Parser.init({ locateFile: () => where });
  }
  else await Parser.init();
  const grammar = files.python ?? located("tree-sitter-python/tree-sitter-python.wasm");
  const language = await Language.load(typeof grammar === "string" || grammar instanceof Uint8Array ? grammar : fromUrl(grammar.href));
  const parser = new Parser();
  parser.setLanguage(language);
  cacheParents(Node.prototype);
  function parseWith(text: string, original: string, old: WasmTree | null): Tree {
    const tree = parser.parse(text, old);
    if (!tree) throw new Error("web-tree-sitter returned no tree");
    // node.text slices what the callback returns: the original text, not the one parsed.
    if (original !== text) (tree as unknown as { textCallback: (index: number) => string }).textCallback = (index) => original.slice(index);
    adoptTree(tree as unknown as Tree, backend);
    return tree as unknown as Tree;
  }
  const backend: ParserBackend = {
    name: "wasm",
    parse(text: string, original = text): Tree {
      return parseWith(text, original, null);
    },
    reparse(old: Tree, edit: TextEdit, text: string, original = text): Tree {
      // web-tree-sitter counts indices and columns in UTF-16 units, as TextEdit does.
      (old as unknown as WasmTree).edit(edit);
      return parseWith(text, original, old as unknown as WasmTree);
    },
    // web-tree-sitter 0.25's TreeCursor.gotoFirstChildForIndex reads its index from the wrong
    // place in the transfer buffer (and turns the child's index into its boolean result), so the
    // walk goes from node to node with Node.firstChildForIndex, which is right.
    descend(node: SyntaxNode): Descender {
      const stack = [node as unknown as Node];
      let top = stack[0] as Node;
      return {
        get node() {
          return top as unknown as SyntaxNode;
        },
        get startIndex() {
          return top.startIndex;
        },
        get endIndex() {
          return top.endIndex;
        },
        down(index) {
          const child = top.firstChildForIndex(index);
          if (!child) return false;
          stack.push((top = child));
          return true;
        },
        up() {
          if (stack.length > 1) stack.pop();
          top = stack[stack.length - 1] as Node;
        },
      };
    },
    release(tree: Tree): void {
      (tree as unknown as WasmTree).delete();
    },
  };
  return backend;
}
