// Each rule's fixture is a small realistic module: every line marked `# expect: CODE` gets
// exactly that diagnostic (starting on that line) and no other line gets one.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LineIndex } from "../src/python/text.js";
import { RULES } from "../src/rules/index.js";
import { analyzeText } from "../src/rules/run.js";
import { NATIVE } from "./support/native.js";

const dir = "fixtures/rules";
const files = readdirSync(dir).filter((f) => f.endsWith(".py"));

describe("rule fixtures", () => {
  it.each(files)("%s", (file) => {
    const text = readFileSync(`${dir}/${file}`, "utf8");
    const rule = RULES.find((r) => `${r.meta.name}.py` === file);
    expect(rule, `no rule named ${file}`).toBeDefined();
    const expected: string[] = [];
    text.split("\n").forEach((line, i) => {
      for (const m of line.matchAll(/# expect: ((?:JSN\d{3}[ ,]*)+)/g)) {
        for (const code of (m[1] as string).split(/[ ,]+/).filter(Boolean)) expected.push(`${i + 1}:${code}`);
      }
    });
    expect(expected.length).toBeGreaterThan(0);
    const lines = new LineIndex(text);
    const result = analyzeText(file, text, [rule!], NATIVE);
    expect(result.internalErrors).toEqual([]);
    const got = result.diagnostics.map((d) => `${lines.position(d.start).row}:${d.code}`);
    expect(got).toEqual(expected);
  });
});
