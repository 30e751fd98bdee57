// The library reports positions as 1-based rows and columns counted in Unicode code points;
// the editor works in UTF-16 offsets. This converts one to the other.
import type { Position } from "../../src/api/types.js";

export class Lines {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  /** The UTF-16 offset of a position; positions past a line's end stop at its end. */
  offset(p: Position): number {
    const start = this.starts[Math.min(Math.max(p.row, 1), this.starts.length) - 1] as number;
    let i = start;
    for (let column = 1; column < p.column && i < this.text.length && this.text[i] !== "\n"; column++) {
      const c = this.text.charCodeAt(i);
      i += c >= 0xd800 && c < 0xdc00 && i + 1 < this.text.length ? 2 : 1;
    }
    return i;
  }
}
