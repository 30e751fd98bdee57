// Positions: tree-sitter (on a JS string) and our edits use UTF-16 indices; users see
// 1-based rows and columns counted in Unicode code points, with \r\n, \r and \n as line breaks
// (the same line breaks Python's tokenizer accepts).

export interface Position {
  row: number; // 1-based
  column: number; // 1-based, in code points
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line number containing the UTF-16 index. */
  lineOf(index: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineStart(line: number): number {
    return this.starts[line] ?? this.text.length;
  }

  /** The text of a 0-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    let end = line + 1 < this.starts.length ? (this.starts[line + 1] as number) : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }

  position(index: number): Position {
    const line = this.lineOf(index);
    return { row: line + 1, column: codePointLength(this.text, this.lineStart(line), index) + 1 };
  }

  /** The UTF-16 index of a 1-based row and code-point column. */
  offset(pos: Position): number {
    let i = this.lineStart(pos.row - 1);
    for (let col = 1; col < pos.column && i < this.text.length; col++) {
      const c = this.text.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff && isLowSurrogate(this.text.charCodeAt(i + 1)) ? 2 : 1;
    }
    return i;
  }
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

export function codePointLength(text: string, start: number, end: number): number {
  let n = end - start;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isLowSurrogate(c)) {
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) n--;
    }
  }
  return n;
}

/** The leading whitespace of the line that contains `index`. */
export function indentationAt(text: string, index: number): string {
  let start = index;
  while (start > 0 && text[start - 1] !== "\n" && text[start - 1] !== "\r") start--;
  let end = start;
  while (end < text.length && (text[end] === " " || text[end] === "\t")) end++;
  return text.slice(start, end);
}

/** The newline style of a file: the first line break found, "\n" when there is none. */
export function detectNewline(text: string): string {
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m[0] : "\n";
}
