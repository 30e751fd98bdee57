// Worker threads: a tree of WORKER_THRESHOLD files or more is checked on workers when --threads
// allows; the output (text and JSON) and the exit code are the same as on the main thread.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { WORKER_THRESHOLD } from "../src/cli/engine.js";
import { dumpling } from "./support/cli.js";

function tree(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), "dumpling-workers-"));
  for (let i = 0; i < count; i++) {
    const path = join(dir, `pkg${i % 3}`, `m${String(i).padStart(3, "0")}.py`);
    mkdirSync(join(path, ".."), { recursive: true });
    if (i % 10 === 3) writeFileSync(path, Buffer.from([0x69, 0x00])); // binary: JSN901
    else if (i % 4 === 0) writeFileSync(path, `import json\n# file ${i}\nbody = json.dump(data_${i})\njson.dumps(x, 4)\n`);
    else if (i % 4 === 1) writeFileSync(path, `import json as j\ndef f(path):\n    return j.load(path + "${i}.json")\n`);
    else writeFileSync(path, `x = ${i}\n`);
  }
  return dir;
}

/** The modules a run loaded (test/support/trace-loads.mjs). */
function loads(args: string[], cwd: string): string[] {
  const trace = join(mkdtempSync(join(tmpdir(), "dumpling-trace-")), "loads.txt");
  writeFileSync(trace, "");
  dumpling(args, { cwd, nodeArgs: ["--import", resolve("test/support/trace-loads.mjs")], env: { DUMPLING_TRACE_LOADS: trace } });
  return readFileSync(trace, "utf8").split("\n");
}

describe("--threads", () => {
  const large = tree(WORKER_THRESHOLD + 40);

  it("on workers: the same text and JSON reports, in the same order, and the same exit code", () => {
    for (const format of ["text", "json"]) {
      const one = dumpling(["check", ".", "--output-format", format, "--threads", "1"], { cwd: large });
      const two = dumpling(["check", ".", "--output-format", format, "--threads", "2"], { cwd: large });
      expect(one.stderr).toBe("");
      expect(two.stderr).toBe("");
      expect(one.status).toBe(1);
      expect(two.status).toBe(1);
      expect(two.stdout).toBe(one.stdout);
    }
    const diagnostics = JSON.parse(dumpling(["check", ".", "--output-format", "json"], { cwd: large }).stdout) as { filename: string; code: string }[];
    expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set(["JSN001", "JSN007", "JSN008", "JSN901"]));
    expect(diagnostics.filter((d) => d.code === "JSN901")).toHaveLength(9);
  });

  it("workers start only for a large enough tree, and not with --threads 1", () => {
    expect(loads(["check", ".", "--threads", "2"], large)).toContain("tinypool");
    expect(loads(["check", ".", "--threads", "1"], large)).not.toContain("tinypool");
    const small = tree(WORKER_THRESHOLD - 1);
    expect(loads(["check", ".", "--threads", "2"], small)).not.toContain("tinypool");
  });

  it("--threads takes a whole number, 1 or more", () => {
    for (const n of ["0", "-1", "1.5", "two"]) {
      const r = dumpling(["check", ".", "--threads", n], { cwd: large });
      expect(r.status, n).toBe(2);
      expect(r.stderr).toMatch(/--threads.*whole number/);
    }
  });
});
