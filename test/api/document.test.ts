// openDocument(): a source kept open, re-parsed incrementally from the tree of the text it last
// linted. After any sequence of edits (typing, deleting, pastes, garbage, edits that split a
// surrogate pair or a \r\n, lone \r made \r\n and back) its diagnostics are lint()'s of its text,
// and its tree is the one a fresh parse gives, on both backends.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as native from "../../src/api/index.js";
import * as wasm from "../../src/api/wasm.js";
import { nativeBackend } from "../../src/backends/native.js";
import { createWasmBackend } from "../../src/backends/wasm.js";
import { parsePython, reparsePython, textEdit } from "../../src/python/parser.js";
import type { ParserBackend, SyntaxNode, Tree } from "../../src/python/tree.js";

const ROOT = resolve(import.meta.dirname, "../..");
const PASTES = ["fixtures/rules", "examples"]
  .flatMap((d) => readdirSync(join(ROOT, d)).filter((f) => f.endsWith(".py")).map((f) => readFileSync(join(ROOT, d, f), "utf8")))
  .filter((t) => !t.includes("\uFFFD"));
const TOKENS = [
  "json.dump(", "json.dumps(", "json.load(", "json.loads(", "f.read()", "open(p)", 'open(p, "w")', ", indent=2", ", f", ")", "(", "[", "]", "{", "}",
  '"', "'", '"""', "\n", "\r\n", "\r", "    ", "\t", "import json\n", "from json import load as read\n", "with open(path) as f:\n    ", "# noqa: JSN001",
  "\\", ":", "=", "def f(", "class C:", "x", "data", " ", "😀", "é", "𝔘", "\u2028", "\uD83D", "\uDE00",
];

/** One change: `remove` UTF-16 units at a fraction of the text replaced by `insert` (anywhere: inside a pair or a \r\n too). */
interface Change {
  at: number;
  remove: number;
  insert: string;
}

const change: fc.Arbitrary<Change> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(200)),
  insert: fc.oneof(
    fc.constantFrom(...TOKENS),
    fc.array(fc.constantFrom(...TOKENS), { maxLength: 6 }).map((t) => t.join("")),
    fc.string({ unit: "binary", maxLength: 12 }),
    fc.constantFrom(...PASTES).map((p) => p.slice(0, 400)),
    fc.constant(""),
  ),
});

function apply(text: string, c: Change): string {
  const at = Math.floor(c.at * text.length);
  return text.slice(0, at) + c.insert + text.slice(at + c.remove);
}

const session = fc.record({ start: fc.constantFrom(...PASTES), edits: fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }) });
const OPTIONS = { select: ["ALL"], onInternalError: () => {} };

/** Every node's type, range and points, in order: two trees are the same when these are. */
function shape(tree: Tree): string {
  const out: string[] = [];
  const visit = (n: SyntaxNode) => {
    out.push(`${n.type} ${n.startIndex}-${n.endIndex} ${n.startPosition.row}:${n.startPosition.column}-${n.endPosition.row}:${n.endPosition.column}${n.isMissing ? " missing" : ""}`);
    for (const c of n.children) visit(c);
  };
  visit(tree.rootNode);
  return out.join("\n");
}

describe("textEdit", () => {
  it("is the span between the common prefix and suffix, in UTF-16 units, with tree-sitter's points", () => {
    expect(textEdit("a = 1\nb = 2\n", "a = 1\nb = 23\n")).toEqual({
      startIndex: 11, oldEndIndex: 11, newEndIndex: 12,
      startPosition: { row: 1, column: 5 }, oldEndPosition: { row: 1, column: 5 }, newEndPosition: { row: 1, column: 6 },
    });
    // é is one unit, 😀 two: columns count UTF-16 units, as both bindings do.
    expect(textEdit("é😀x", "é😀yx")).toMatchObject({ startIndex: 3, oldEndIndex: 3, newEndIndex: 4, startPosition: { row: 0, column: 3 } });
  });

  it("does not split a surrogate pair", () => {
    // 😀 (D83D DE00) to 😁 (D83D DE01): the pair is replaced whole.
    expect(textEdit("a😀b", "a😁b")).toMatchObject({ startIndex: 1, oldEndIndex: 3, newEndIndex: 3 });
  });

  it("is no change for the same text", () => {
    expect(textEdit("abc", "abc")).toMatchObject({ startIndex: 3, oldEndIndex: 3, newEndIndex: 3 });
  });
});

function sameTrees(backend: ParserBackend, runs: number): void {
  fc.assert(
    fc.property(session, ({ start, edits }) => {
      let text = start;
      let tree = parsePython(backend, text);
      try {
        for (const burst of edits) {
          const next = burst.reduce(apply, text);
          const old = tree;
          tree = reparsePython(backend, old, text, next);
          backend.release(old);
          text = next;
          const fresh = parsePython(backend, text);
          try {
            expect(shape(tree)).toBe(shape(fresh));
            expect(tree.rootNode.text).toBe(fresh.rootNode.text);
          } finally {
            backend.release(fresh);
          }
        }
      } finally {
        backend.release(tree);
      }
    }),
    { numRuns: runs },
  );
}

function sameDiagnostics(api: typeof native | typeof wasm, runs: number): void {
  fc.assert(
    fc.property(session, ({ start, edits }) => {
      const doc = api.openDocument(start);
      try {
        expect(doc.lint(OPTIONS)).toEqual(api.lint(start, OPTIONS));
        let text = start;
        for (const burst of edits) {
          // A burst: several updates, then one lint (as the server does).
          for (const c of burst) doc.update((text = apply(text, c)));
          expect(doc.text).toBe(text);
          expect(doc.lint(OPTIONS)).toEqual(api.lint(text, OPTIONS));
        }
      } finally {
        doc.dispose();
      }
    }),
    { numRuns: runs },
  );
}

describe("native backend", () => {
  it("an incremental parse gives the tree of a fresh parse", () => sameTrees(nativeBackend, 150));
  it("a document's diagnostics are lint()'s of its text", () => sameDiagnostics(native, 100));
});

describe("wasm backend", () => {
  let backend: ParserBackend;
  beforeAll(async () => {
    backend = await createWasmBackend();
    await wasm.init();
  });
  it("an incremental parse gives the tree of a fresh parse", () => sameTrees(backend, 60));
  it("a document's diagnostics are lint()'s of its text", () => sameDiagnostics(wasm, 40));
});

describe("openDocument", () => {
  it("lints its text as lint() does, and after an update the new text's", () => {
    const doc = native.openDocument("import json\njson.dump(data)\n");
    expect(doc.lint().map((d) => d.code)).toEqual(native.lint(doc.text).map((d) => d.code));
    expect(doc.lint()).not.toEqual([]);
    doc.update("import json\n");
    expect(doc.lint()).toEqual([]);
    doc.update("import json\r\njson.dump(data)\r\n");
    expect(doc.lint({ filename: "a.py" })).toEqual(native.lint(doc.text, { filename: "a.py" }));
    doc.dispose();
  });

  it("a file that cannot call json, or cannot be parsed, is lint()'s too; the next edit still works", () => {
    const doc = native.openDocument("import json\njson.dump(x)\n");
    doc.lint();
    for (const text of ["x = 1\n", "import json\n" + Array.from({ length: 310 }, (_, i) => `${" ".repeat(i)}if x:\n`).join(""), "import json\njson.dumps(y, 4)\n"]) {
      doc.update(text);
      expect(doc.lint()).toEqual(native.lint(text));
    }
    doc.dispose();
  });

  it("cannot be used once disposed", () => {
    const doc = native.openDocument("x");
    doc.dispose();
    expect(() => doc.lint()).toThrow(/disposed/);
    expect(() => doc.update("y")).toThrow(/disposed/);
  });
});
