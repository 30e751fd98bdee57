// Positions between dumpling and the client. dumpling's rows and columns are 1-based, columns
// in code points; the API's offsets are UTF-16 indices. LSP positions are 0-based lines and
// characters in the encoding negotiated at initialize: UTF-16 (every client's default) or
// UTF-32 (code points, what dumpling counts, offered by some clients). Line breaks are the same
// on both sides: \r\n, \r and \n.
import type { Position as LspPosition, Range as LspRange } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Position } from "../api/types.js";

export type PositionEncoding = "utf-16" | "utf-32";

/** UTF-32 when the client offers it (no conversion of dumpling's columns), else UTF-16. */
export function chooseEncoding(offered: readonly string[] | undefined): PositionEncoding {
  return offered?.includes("utf-32") ? "utf-32" : "utf-16";
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The UTF-16 index `count` code points after `from`, stopping at `limit`. */
function advance(text: string, from: number, count: number, limit: number): number {
  let i = from;
  for (let n = 0; n < count && i < limit; n++) i += isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  return Math.min(i, limit);
}

function codePointsBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; n++) i += isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  return n;
}

/** Conversions for one version of a document. */
export class Positions {
  private readonly text: string;

  constructor(
    private readonly doc: TextDocument,
    readonly encoding: PositionEncoding,
  ) {
    this.text = doc.getText();
  }

  /** The LSP position of a UTF-16 offset. */
  at(offset: number): LspPosition {
    const p = this.doc.positionAt(offset);
    if (this.encoding === "utf-16") return p;
    const lineStart = this.doc.offsetAt({ line: p.line, character: 0 });
    return { line: p.line, character: codePointsBetween(this.text, lineStart, lineStart + p.character) };
  }

  /** The UTF-16 offset of a dumpling position (1-based row, code-point column). */
  offsetOf(pos: Position): number {
    const line = pos.row - 1;
    const start = this.doc.offsetAt({ line, character: 0 });
    const end = this.doc.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
    return advance(this.text, start, pos.column - 1, end);
  }

  /** The LSP position of a dumpling position; a column past the end of its line is the line's end (a range can end between \r and \n). */
  fromDumpling(pos: Position): LspPosition {
    return this.at(this.offsetOf(pos));
  }

  range(location: Position, end: Position): LspRange {
    return { start: this.fromDumpling(location), end: this.fromDumpling(end) };
  }

  /** The UTF-16 offset of an LSP position; past the end of a line is its end, as LSP says. */
  offsetAt(p: LspPosition): number {
    if (this.encoding === "utf-16") return this.doc.offsetAt(p);
    if (p.line >= this.doc.lineCount) return this.text.length;
    const start = this.doc.offsetAt({ line: p.line, character: 0 });
    const end = this.doc.offsetAt({ line: p.line, character: Number.MAX_SAFE_INTEGER });
    return advance(this.text, start, p.character, end);
  }

  /** An LSP range in the UTF-16 positions TextDocument.update() takes. */
  toUtf16(range: LspRange): LspRange {
    if (this.encoding === "utf-16") return range;
    return { start: this.doc.positionAt(this.offsetAt(range.start)), end: this.doc.positionAt(this.offsetAt(range.end)) };
  }
}
