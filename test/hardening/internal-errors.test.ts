// A bug of ours on one file (a rule that throws, a broken fix) is an internal error for that file
// (and rule): it is said on stderr, the exit code is 2, and every other result is still reported
// and every other fix still written. Run in-process through main(), with a faulty rule added.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { RULES } from "../../src/rules/index.js";
import type { Fix } from "../../src/core/types.js";
import { defineRule, type Rule } from "../../src/rules/types.js";
import { tree } from "../support/tree.js";

const faulty = defineRule({
  meta: {
    code: "JSN990", name: "faulty-rule", summary: "A rule with a bug, for this test", severity: "error", defaultEnabled: false,
    fix: { availability: "sometimes", applicability: "safe", title: "Nothing" },
    docs: { what: "", why: "", whatHappens: null, example: "", useInstead: "", fixSafety: "", references: [] },
  },
  checkCall(call, ctx) {
    if (ctx.filename.endsWith("throws.py")) throw new Error("kaboom");
    if (ctx.filename.endsWith("badfix.py")) {
      // A fix whose edits cannot even be read: it fails in the fix engine, after the rule returned.
      const fix = { applicability: "safe", message: "Break", get edits(): Fix["edits"] { throw new Error("no edits"); } } as Fix;
      ctx.report({ node: call.node, message: "faulty", fix });
    }
  },
});

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}

const BAD = "import json\nx = json.dump(1)\n";
const FIXABLE = "import json\nv = json.loads(f.read())\n";

describe("internal errors", () => {
  // The registry is a plain array, read-only by type; the test adds its rule for the duration.
  const registry = RULES as Rule[];
  beforeAll(() => void registry.push(faulty));
  afterAll(() => void registry.splice(registry.indexOf(faulty), 1));

  it("a rule that throws on one file: an internal error naming the file and the rule, exit 2, every other result reported", async () => {
    const dir = tree({ "a.py": BAD, "throws.py": BAD, "z.py": BAD });
    const r = await run(["check", "--select", "ALL", "--output-format", "concise", "--isolated", join(dir, "a.py"), join(dir, "throws.py"), join(dir, "z.py")]);
    expect(r.stderr).toBe(`dumpling: internal error: ${join(dir, "throws.py")}: rule JSN990 failed: kaboom\n`);
    // The other rules still ran on that file, and the other files were checked.
    expect(r.stdout.split("\n").filter((l) => l.includes("JSN001")).map((l) => l.split(":")[0])).toEqual([join(dir, "a.py"), join(dir, "throws.py"), join(dir, "z.py")]);
    expect(r.code).toBe(2);
  });

  it("a fix that fails in the fix engine: that file's internal error; the other files are still fixed and written", async () => {
    const dir = tree({ "a.py": FIXABLE, "badfix.py": FIXABLE, "z.py": FIXABLE });
    const r = await run(["check", "--fix", "--select", "ALL", "--output-format", "concise", "--isolated", dir]);
    expect(r.stderr).toBe(`dumpling: internal error: ${join(dir, "badfix.py")}: no edits\n`);
    expect(readFileSync(join(dir, "a.py"), "utf8")).toBe("import json\nv = json.load(f)\n");
    expect(readFileSync(join(dir, "z.py"), "utf8")).toBe("import json\nv = json.load(f)\n");
    expect(readFileSync(join(dir, "badfix.py"), "utf8")).toBe(FIXABLE);
    // What checking alone finds in that file is still reported.
    expect(r.stdout.split("\n").filter((l) => l.includes("JSN")).map((l) => l.replace(dir, "").split(" ").slice(0, 3).join(" "))).toEqual(["/badfix.py:2:5: JSN101 `json.loads(f.read())`", "/badfix.py:2:5: JSN990 faulty"]);
    expect(r.stdout).toMatch(/Found 4 errors \(2 fixed, 2 remaining\) in 3 files checked\.\n\[\*\] 2 fixable with the `--fix` option\.\n$/);
    expect(r.code).toBe(2);
  });

  it("no diagnostics but an internal error: the summary does not say all checks passed", async () => {
    const dir = tree({ "a.py": "x = 1\n", "throws.py": "import json\njson.dumps(1)\n" });
    const r = await run(["check", "--select", "JSN990", "--isolated", dir]);
    expect(r.stdout).toBe("No errors found, but not every check ran: 1 internal error (2 files checked).\n");
    expect(r.stderr).toBe(`dumpling: internal error: ${join(dir, "throws.py")}: rule JSN990 failed: kaboom\n`);
    expect(r.code).toBe(2);
    const clean = await run(["check", "--select", "JSN990", "--isolated", join(dir, "a.py")]);
    expect(clean).toMatchObject({ stdout: "All checks passed! (1 file checked)\n", stderr: "", code: 0 });
  });
});
