// The fix engine: fixed point, applicability, overlapping fixes, and the guards that keep a
// fix from breaking a file or dropping a comment.
import { describe, expect, it } from "vitest";
import { fixText } from "../../src/fix/apply.js";
import { RULES } from "../../src/rules/index.js";
import { defineRule, type Rule } from "../../src/rules/types.js";
import { NATIVE } from "../support/native.js";

const defaults = RULES.filter((r) => r.meta.defaultEnabled);
const all = [...RULES];

describe("fixText", () => {
  it("applies safe fixes only, unless unsafe fixes are on; counts what it withheld", () => {
    const text = 'import json\nwith open("c.json") as f:\n    data = json.loads(f.read())\n';
    const safe = fixText("t.py", text, defaults, { unsafe: false }, NATIVE);
    expect(safe.text).toBe('import json\nwith open("c.json") as f:\n    data = json.load(f)\n');
    expect(safe.applied).toBe(1);
    expect(safe.withheldUnsafe).toBe(1); // JSN021's encoding
    expect(safe.final.diagnostics.map((d) => d.code)).toEqual(["JSN021"]);
    const unsafe = fixText("t.py", text, defaults, { unsafe: true }, NATIVE);
    expect(unsafe.text).toBe('import json\nwith open("c.json", encoding="utf-8") as f:\n    data = json.load(f)\n');
    expect(unsafe.applied).toBe(2);
    expect(unsafe.final.diagnostics).toEqual([]);
  });

  it("goes on to a fixed point: a fix that enables another is followed by it", () => {
    // JSN010 makes the file writable in text mode; then JSN020 closes it: two rounds.
    const text = 'import json\njson.dump(d, open("o.json", "rb"), ensure_ascii=False)\n';
    const r = fixText("t.py", text, defaults, { unsafe: true }, NATIVE);
    expect(r.text).toBe('import json\nwith open("o.json", "w", encoding="utf-8") as f:\n    json.dump(d, f, ensure_ascii=False)\n');
    expect(r.converged).toBe(true);
    expect(fixText("t.py", r.text, defaults, { unsafe: true }, NATIVE).text).toBe(r.text);
  });

  it("JSN010 then JSN021: a read-only text file becomes writable, then gets its encoding", () => {
    const text = 'import json\nwith open("o.json") as f:\n    json.dump(d, f, ensure_ascii=False)\n';
    expect(fixText("t.py", text, defaults, { unsafe: false }, NATIVE).initial.diagnostics.map((d) => d.code)).toEqual(["JSN010"]);
    const r = fixText("t.py", text, defaults, { unsafe: true }, NATIVE);
    expect(r.text).toBe('import json\nwith open("o.json", "w", encoding="utf-8") as f:\n    json.dump(d, f, ensure_ascii=False)\n');
    expect(r.applied).toBe(2);
  });

  it("a fix whose own edits overlap is dropped, and the run goes on", () => {
    const overlapping: Rule = defineRule({
      meta: { ...RULES[1]!.meta, code: "JSN997", name: "overlaps" },
      checkCall(call, ctx) {
        const s = call.node.startIndex;
        ctx.report({ node: call.node, message: "x", fix: { applicability: "safe", message: "Overlap", edits: [{ start: s, end: s + 4, content: "a" }, { start: s + 2, end: s + 6, content: "b" }] } });
      },
    });
    const r = fixText("t.py", "import json\nx = json.dumps(d)\n", [overlapping], { unsafe: true }, NATIVE);
    expect(r.applied).toBe(0);
    expect(r.rejected.map((x) => x.reason)).toEqual(["its edits overlap each other"]);
  });

  it("overlapping fixes are applied in later rounds, not together", () => {
    const text = 'import json\njson.dump(json.load(open("a.json", "rb")), open("b.json", "wb"))\n';
    const r = fixText("t.py", text, defaults, { unsafe: true }, NATIVE);
    expect(r.converged).toBe(true);
    expect(r.final.diagnostics).toEqual([]);
    expect(r.text).toContain('with open("a.json", "rb") as f:');
    expect(r.text).toContain('open("b.json", "w", encoding="utf-8")');
  });

  it("drops a fix whose result does not parse, and reports it", () => {
    const breaking: Rule = defineRule({
      meta: { ...RULES[1]!.meta, code: "JSN998", name: "breaks" },
      checkCall(call, ctx) {
        ctx.report({ node: call.node, message: "x", fix: { applicability: "safe", message: "Break it", edits: [{ start: call.node.startIndex, end: call.node.startIndex, content: "(" }] } });
      },
    });
    const text = "import json\nx = json.dumps(d)\n";
    const r = fixText("t.py", text, [breaking], { unsafe: true }, NATIVE);
    expect(r.text).toBe(text);
    expect(r.applied).toBe(0);
    expect(r.rejected).toEqual([{ code: "JSN998", message: "Break it", reason: "its result would not parse" }]);
  });

  it("drops a fix that would remove a comment", () => {
    const text = 'import json\nv = json.loads(f.read  # the whole file\n())\n';
    const r = fixText("t.py", text, defaults, { unsafe: true }, NATIVE);
    expect(r.text).toBe(text);
    expect(r.rejected.map((x) => [x.code, x.reason])).toEqual([["JSN101", "it would remove a comment"]]);
    expect(r.final.diagnostics.map((d) => d.code)).toEqual(["JSN101"]);
  });

  it("a file with a syntax error elsewhere is still fixed, without new errors", () => {
    const text = 'import json\ndata = json.loads(f.read())\ndef broken(:\n    pass\n';
    const r = fixText("t.py", text, defaults, { unsafe: false }, NATIVE);
    expect(r.text).toBe('import json\ndata = json.load(f)\ndef broken(:\n    pass\n');
  });

  it("fixes that never settle are not kept: the text stays as it was", () => {
    // A buggy rule whose fix always has more to add (each round, one more argument).
    const growing: Rule = defineRule({
      meta: { ...RULES[1]!.meta, code: "JSN997", name: "grows" },
      checkCall(call, ctx) {
        const end = call.node.endIndex - 1;
        ctx.report({ node: call.node, message: "x", fix: { applicability: "safe", message: "Grow", edits: [{ start: end, end, content: ", 1" }] } });
      },
    });
    const text = "import json\nx = json.dumps(d)\n";
    const r = fixText("t.py", text, [growing], { unsafe: true }, NATIVE);
    expect(r).toMatchObject({ text, applied: 0, converged: false });
  });

  it("never edits code the parser could not read (the edit could land inside an unclosed string, round after round)", () => {
    const text = 'import json\nwith open(""")as f:json.load(f)\n';
    const r = fixText("t.py", text, all, { unsafe: true }, NATIVE);
    expect(r).toMatchObject({ text, applied: 0, converged: true });
    expect(r.rejected.map((x) => x.reason)).toContain("it edits code that does not parse");
  });

  it("leaves a file without json calls alone", () => {
    const r = fixText("t.py", "x = 1\n", all, { unsafe: true }, NATIVE);
    expect(r).toMatchObject({ text: "x = 1\n", applied: 0, converged: true });
  });
});
