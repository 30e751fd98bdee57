// Worker threads: a run that lasts is finished on workers when --threads allows; the output (text
// and JSON) and the exit code are the same as on the main thread alone.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { WORKERS_AFTER_MS, WORKERS_CHEAP_AFTER_MS, WORKERS_MIN_FILES, workersDue } from "../src/cli/run.js";
import { dumpling } from "./support/cli.js";

// A function with json calls (and two mistakes: JSN001, JSN008), repeated to make a file long enough that a few
// dozen of them take well over WORKERS_AFTER_MS to check.
const BLOCK = (i: number) => `
def handler_${i}(path, data):
    with open(path, "w") as f:
        json.dump(data, f, indent=2)
    body = json.dump(data)
    return json.dumps(body, 4) + json.dumps(${i})
`;

function tree(count: number, blocks: number): string {
  const dir = mkdtempSync(join(tmpdir(), "dumpling-workers-"));
  for (let i = 0; i < count; i++) {
    const path = join(dir, `pkg${i % 3}`, `m${String(i).padStart(3, "0")}.py`);
    mkdirSync(join(path, ".."), { recursive: true });
    if (i % 10 === 3) writeFileSync(path, Buffer.from([0x69, 0x00])); // binary: JSN901
    else if (i % 4 === 1) writeFileSync(path, `x = ${i}\n`);
    else writeFileSync(path, "import json\n" + Array.from({ length: blocks }, (_, b) => BLOCK(b)).join(""));
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

// Whole runs over large trees, several per test: over a minute when the 2 cores are busy.
describe("--threads", { timeout: 300_000 }, () => {
  // About 1.3 s on one thread here: workers start after WORKERS_AFTER_MS and still find most of it left.
  const large = tree(60, 80);

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
    const diagnostics = JSON.parse(dumpling(["check", ".", "--output-format", "json", "--threads", "2"], { cwd: large }).stdout) as { code: string }[];
    expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set(["JSN001", "JSN008", "JSN901"]));
    expect(diagnostics.filter((d) => d.code === "JSN901")).toHaveLength(6);
  });

  it("fixing on workers: the same diffs, the same files written, the same report", () => {
    const [one, two] = [tree(60, 40), tree(60, 40)];
    const diff = (dir: string, threads: string) => dumpling(["check", ".", "--diff", "--unsafe-fixes", "--threads", threads], { cwd: dir });
    const diffOne = diff(one, "1");
    expect(diffOne.stdout).toMatch(/^\+\+\+ pkg0\/m000\.py/m);
    expect(diff(two, "2").stdout).toBe(diffOne.stdout);
    const fixOne = dumpling(["check", ".", "--fix", "--unsafe-fixes", "--threads", "1"], { cwd: one });
    const fixTwo = dumpling(["check", ".", "--fix", "--unsafe-fixes", "--threads", "2"], { cwd: two });
    expect(fixTwo.stdout).toBe(fixOne.stdout);
    expect(fixTwo.status).toBe(fixOne.status);
    const files = readdirSync(one, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".py"));
    expect(files).toHaveLength(60);
    for (const f of files) expect(readFileSync(join(two, f), "utf8"), f).toBe(readFileSync(join(one, f), "utf8"));
    expect(readFileSync(join(one, "pkg0/m000.py"), "utf8")).not.toContain("json.dumps(body, 4)");
  });

  it(`workers start only for a run that lasts over ${WORKERS_AFTER_MS} ms with files left, and not with --threads 1`, () => {
    // A worker loads tree-sitter on its first parse: it did check files of this tree.
    expect(loads(["check", ".", "--threads", "2"], large)).toEqual(expect.arrayContaining(["tinypool", "worker:tree-sitter"]));
    expect(loads(["check", ".", "--threads", "1"], large)).not.toContain("tinypool");
    // However slow the machine, fewer than WORKERS_MIN_FILES files never start a worker.
    const small = tree(WORKERS_MIN_FILES, 300);
    expect(loads(["check", ".", "--threads", "2"], small)).not.toContain("tinypool");
  });

  it("when workers are due: at once for files mostly parsed, after 300 ms for 1 in 20 parsed, after 1.5 s for fewer", () => {
    expect(workersDue(32, 17, 5)).toBe(true); // the parsed tree: every file costs milliseconds
    expect(workersDue(32, 16, 5)).toBe(false);
    expect(workersDue(31, 31, 5)).toBe(false); // too few files to tell
    expect(workersDue(400, 52, WORKERS_AFTER_MS)).toBe(true); // the worst tree: 13% parsed
    expect(workersDue(400, 52, WORKERS_AFTER_MS - 1)).toBe(false);
    expect(workersDue(1000, 50, WORKERS_AFTER_MS)).toBe(true); // 1 in 20
    expect(workersDue(1000, 20, WORKERS_AFTER_MS)).toBe(false); // the 1M-line tree: 2%, the prefilter skips the rest
    expect(workersDue(1000, 20, WORKERS_CHEAP_AFTER_MS - 1)).toBe(false);
    expect(workersDue(5000, 0, WORKERS_CHEAP_AFTER_MS)).toBe(true); // a long run of skipped files still gets them
  });

  it("--threads takes a whole number, 1 or more", () => {
    for (const n of ["0", "-1", "1.5", "two"]) {
      const r = dumpling(["check", ".", "--threads", n], { cwd: large });
      expect(r.status, n).toBe(2);
      expect(r.stderr).toMatch(/--threads.*whole number/);
    }
  });
});
