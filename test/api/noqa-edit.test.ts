// noqaEdit: the edit behind an editor's "Disable JSNxxx for this line". Applied, the diagnostic is
// gone and nothing else changed; where a comment cannot go, there is no edit.
import { describe, expect, it } from "vitest";
import { lint, noqaEdit, type Edit, type Position } from "../../src/api/index.js";

/** The UTF-16 offset of a 1-based row and code-point column. */
function offsetOf(text: string, pos: Position): number {
  const lines = text.split(/(?<=\r\n|\r(?!\n)|\n)/);
  let offset = lines.slice(0, pos.row - 1).reduce((n, l) => n + l.length, 0);
  const line = lines[pos.row - 1] ?? "";
  offset += [...line].slice(0, pos.column - 1).join("").length;
  return offset;
}

function apply(text: string, edit: Edit): string {
  return text.slice(0, offsetOf(text, edit.location)) + edit.content + text.slice(offsetOf(text, edit.end_location));
}

/** The only diagnostic of `code` in `source`, silenced. */
function silence(source: string, code: string): string | null {
  const found = lint(source, { select: ["ALL"] }).filter((d) => d.code === code);
  expect(found).toHaveLength(1);
  const edit = noqaEdit(source, found[0]!);
  if (!edit) return null;
  const out = apply(source, edit);
  expect(lint(out, { select: ["ALL"] }).map((d) => d.code)).toEqual(lint(source, { select: ["ALL"] }).map((d) => d.code).filter((c) => c !== code));
  return out;
}

describe("noqaEdit", () => {
  it("adds `  # noqa: CODE` at the end of the line, replacing trailing blanks", () => {
    expect(silence("import json\nx = json.dump(d)\ny = 1\n", "JSN001")).toBe("import json\nx = json.dump(d)  # noqa: JSN001\ny = 1\n");
    expect(silence("import json\njson.dump(d)   \t\n", "JSN001")).toBe("import json\njson.dump(d)  # noqa: JSN001\n");
    expect(silence("import json\njson.dump(d)", "JSN001")).toBe("import json\njson.dump(d)  # noqa: JSN001");
  });

  it("extends a `# noqa: ...` of other tools, keeping their codes and the text after them", () => {
    expect(silence("import json\njson.dump(d)  # noqa: E501\n", "JSN001")).toBe("import json\njson.dump(d)  # noqa: E501, JSN001\n");
    expect(silence("import json\njson.dump(d)  # noqa:E501 W291 because\n", "JSN001")).toBe("import json\njson.dump(d)  # noqa:E501 W291, JSN001 because\n");
  });

  it("after another comment on the line", () => {
    expect(silence("import json\njson.dump(d)  # type: ignore\n", "JSN001")).toBe("import json\njson.dump(d)  # type: ignore  # noqa: JSN001\n");
  });

  it("columns in code points, CRLF kept", () => {
    expect(silence('import json\r\ns = "😀é"; json.dump(d)\r\n', "JSN001")).toBe('import json\r\ns = "😀é"; json.dump(d)  # noqa: JSN001\r\n');
  });

  it("the line of the diagnostic's start when it spans lines", () => {
    expect(silence("import json\njson.dump(\n    d,\n)\n", "JSN001")).toBe("import json\njson.dump(  # noqa: JSN001\n    d,\n)\n");
  });

  it("no edit where a comment cannot go: inside a string, after a backslash continuation", () => {
    expect(silence('import json\njson.dump("""\n""")\n', "JSN001")).toBeNull();
    expect(silence("import json\ny = json.dump(d) or \\\n    0\n", "JSN001")).toBeNull();
  });

  it("no edit when the line's noqa already names the code or silences everything", () => {
    const source = "import json\njson.dump(d)  # noqa\njson.dump(d)  # noqa: JSN001\n";
    expect(noqaEdit(source, { code: "JSN001", location: { row: 2, column: 1 } })).toBeNull();
    expect(noqaEdit(source, { code: "jsn001", location: { row: 3, column: 1 } })).toBeNull();
    expect(noqaEdit(source, { code: "JSN001", location: { row: 9, column: 1 } })).toBeNull();
  });
});
