// Which Node versions dumpling supports (package.json's engines, the README), and its output on
// them: Node 24 prints "Warning: The 'NO_COLOR' env is ignored due to the 'FORCE_COLOR' env being
// set." on stderr of a process that logs through console with both set. dumpling writes its output
// itself and sets neither for anything it starts, so its stderr stays clean whatever the user's
// environment holds. CI runs the whole suite on Node 20 and on Node 24 (.ci/run).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dumpling } from "./support/cli.js";
import { tree } from "./support/tree.js";

describe("Node versions", () => {
  it("engines and the README name the same oldest version, and this Node is one of them", () => {
    const engines = JSON.parse(readFileSync("package.json", "utf8")).engines.node as string;
    expect(engines).toBe(">=20.19");
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toContain("It needs Node.js 20.19 or later: 20, 22 and 24 are supported, and CI\nruns the whole test suite on Node 20 and on Node 24");
    const [major, minor] = process.versions.node.split(".").map(Number) as [number, number];
    expect(major > 20 || (major === 20 && minor >= 19)).toBe(true);
    expect(readFileSync(".ci/run", "utf8")).toMatch(/^NODE24_VERSION=24\.\d+\.\d+$/m);
  });

  it("with NO_COLOR and FORCE_COLOR both set, every command's stderr stays empty", () => {
    const both = { NO_COLOR: "1", FORCE_COLOR: "1" };
    const dir = tree({ "a.py": "import json\nbody = json.dump(data)\nwith open(p) as f:\n    x = json.loads(f.read())\n" });
    for (const args of [["check", "."], ["check", ".", "--output-format", "json"], ["check", ".", "--statistics"], ["check", "--fix-only", "--unsafe-fixes", "."], ["check", "--threads", "2", "."], ["rules"], ["rule", "JSN001"], ["completion", "bash"], ["convert", "."], ["--version"]]) {
      const r = dumpling(args, { cwd: dir, env: both });
      expect(r.stderr, args.join(" ")).toBe("");
      expect(r.status, args.join(" ")).not.toBe(2);
    }
  });
});
