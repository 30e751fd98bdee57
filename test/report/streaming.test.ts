// Reports written as results come: the JSON reporter writes the same bytes as renderJson when
// files arrive in its order, and holds and sorts the diagnostics when they may not; a walk
// yields files in that order.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkBytes, defaultSettings } from "../../src/cli/engine.js";
import { RULES } from "../../src/rules/index.js";
import { jsonReporter, renderJson } from "../../src/report/json.js";
import { renderSummary, renderTextDiagnostic, textReporter } from "../../src/report/text.js";
import type { FileReport, Reporter } from "../../src/report/types.js";
import { discover } from "../../src/source/discover.js";

const report = (filename: string, text: string): FileReport => checkBytes(filename, Buffer.from(text), defaultSettings(RULES)).report;

const files = [
  report("a.py", "import json\njson.dump(1)\njson.dumps(x, 4)\n"),
  report("b.py", "x = 1\n"),
  report("c.py", 'import json\njson.loads(s, encoding="utf-8")\n'),
];
const summary = { files: 3, diagnostics: 3, applicable: 1, hiddenUnsafe: 2 };

function stream(reporter: Reporter, reports: FileReport[]): string {
  return reports.map((r) => reporter.file(r)).join("") + reporter.end(summary);
}

describe("streaming reporters", () => {
  it("JSON in order: the same bytes as the whole-array rendering, written file by file", () => {
    expect(files.flatMap((f) => f.diagnostics)).toHaveLength(3);
    const reporter = jsonReporter({ inOrder: true });
    expect(reporter.file(files[0]!)).toMatch(/^\[\n {2}\{\n {4}"code": "JSN001"/);
    expect(stream(jsonReporter({ inOrder: true }), files)).toBe(renderJson(files));
    expect(stream(jsonReporter({ inOrder: true }), [files[1]!])).toBe("[]\n");
  });

  it("JSON not known to be in order: held, sorted, then written at the end", () => {
    const reporter = jsonReporter({ inOrder: false });
    expect(reporter.file(files[2]!)).toBe("");
    expect(reporter.file(files[0]!)).toBe("");
    expect(reporter.end(summary)).toBe(renderJson(files));
  });

  it("text: each file's diagnostics, then the summary", () => {
    const expected = files.flatMap((f) => f.diagnostics.map((d) => renderTextDiagnostic(f, d))).join("") + renderSummary(summary);
    expect(stream(textReporter(), files)).toBe(expected);
    // And what that is: the files' diagnostics in order, then the summary line.
    const text = stream(textReporter(), files).replace(/\x1b\[[0-9;]*m/g, "");
    const heads = text.split("\n").filter((l) => /^\S+:\d+:\d+: JSN/.test(l)).map((l) => l.split(" ")[0]);
    expect(heads).toEqual(["a.py:2:1:", "a.py:3:15:", "c.py:2:15:"]);
    expect(text).toMatch(/\nFound 3 errors in 3 files checked\.\n/);
  });
});

describe("discovery order", () => {
  it("a walk yields files sorted as full paths compare, the order of the JSON report", () => {
    const dir = mkdtempSync(join(tmpdir(), "dumpling-order-"));
    for (const f of ["a.py", "a/x.py", "a/b/y.py", "a-b.py", "a-b/z.py", "a0.py", "B.py", "a/b.py", "a/b-c.py", "_.py"]) {
      mkdirSync(join(dir, f, ".."), { recursive: true });
      writeFileSync(join(dir, f), "");
    }
    const found = [...discover([dir])].map((e) => (e.kind === "file" ? e.path.slice(dir.length + 1) : e.kind));
    expect(found).toEqual([...found].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    expect(found).toEqual(["B.py", "_.py", "a-b.py", "a-b/z.py", "a.py", "a/b-c.py", "a/b.py", "a/b/y.py", "a/x.py", "a0.py"]);
  });
});
