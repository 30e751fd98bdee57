// Positions between dumpling (1-based rows, columns in code points) and LSP (0-based, UTF-16 or
// UTF-32 characters), on a text with astral characters and every kind of line break.
import { describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import { chooseEncoding, Positions } from "../../src/server/positions.js";

// Line 0: "a😀b" (😀 is 2 UTF-16 units), CRLF; line 1: "é𝔘" then a lone CR; line 2: "x" then LF; line 3: "".
const TEXT = "a😀b\r\né𝔘\rx\n";
const doc = TextDocument.create("untitled:p.py", "python", 1, TEXT);

describe("positions", () => {
  it("UTF-32 only when the client offers it", () => {
    expect(chooseEncoding(undefined)).toBe("utf-16");
    expect(chooseEncoding(["utf-8"])).toBe("utf-16");
    expect(chooseEncoding(["utf-8", "utf-16", "utf-32"])).toBe("utf-32");
  });

  it.each([
    ["utf-16", { row: 1, column: 3 }, { line: 0, character: 3 }, 3],
    ["utf-32", { row: 1, column: 3 }, { line: 0, character: 2 }, 3],
    ["utf-16", { row: 2, column: 3 }, { line: 1, character: 3 }, 9],
    ["utf-32", { row: 2, column: 3 }, { line: 1, character: 2 }, 9],
    ["utf-16", { row: 3, column: 2 }, { line: 2, character: 1 }, 11],
    ["utf-32", { row: 4, column: 1 }, { line: 3, character: 0 }, 12],
  ] as const)("%s: dumpling %j is LSP %j, offset %i", (encoding, pos, lsp, offset) => {
    const p = new Positions(doc, encoding);
    expect(p.fromDumpling(pos)).toEqual(lsp);
    expect(p.offsetOf(pos)).toBe(offset);
    expect(p.offsetAt(lsp)).toBe(offset);
    expect(p.at(offset)).toEqual(lsp);
  });

  it.each(["utf-16", "utf-32"] as const)("%s: past the end of a line (between \\r and \\n too) is the line's end", (encoding) => {
    const p = new Positions(doc, encoding);
    const end = encoding === "utf-16" ? 4 : 3;
    // Column 5 of "a😀b" points at the \n of its CRLF.
    expect(p.fromDumpling({ row: 1, column: 5 })).toEqual({ line: 0, character: end });
    expect(p.fromDumpling({ row: 1, column: 40 })).toEqual({ line: 0, character: end });
    expect(p.offsetAt({ line: 0, character: 99 })).toBe(4);
    expect(p.offsetAt({ line: 9, character: 0 })).toBe(TEXT.length);
  });

  it("a change's range in UTF-32 becomes TextDocument's UTF-16 range", () => {
    const p = new Positions(doc, "utf-32");
    expect(p.toUtf16({ start: { line: 0, character: 2 }, end: { line: 1, character: 2 } })).toEqual({ start: { line: 0, character: 3 }, end: { line: 1, character: 3 } });
  });
});
