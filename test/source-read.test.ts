// readTransient: a file's exact bytes in a buffer reused from file to file, and checking through
// it keeps nothing that the next read overwrites.
import { mkdirSync, readdirSync, readlinkSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultSettings, processEntry } from "../src/cli/engine.js";
import { RULES } from "../src/rules/index.js";
import { readTransient } from "../src/source/read.js";
import { tree } from "./support/tree.js";

/** This process's open files under `dir` (what other fds the test runner holds does not matter). */
function openUnder(dir: string): string[] {
  const real = realpathSync(dir);
  return readdirSync("/proc/self/fd")
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return ""; // closed since the listing
      }
    })
    .filter((target) => target.startsWith(real));
}

/** Bytes that differ from one position to the next, so a shifted or stale copy shows. */
function pattern(length: number, seed: number): Buffer {
  const b = Buffer.alloc(length);
  for (let i = 0; i < length; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}

describe("readTransient", () => {
  it("gives each file's exact bytes, small, empty, past the first buffer and past the shared size, in any order", () => {
    const sizes = [10, 0, 256 * 1024, 300 * 1024, 3, 9 * 1024 * 1024 + 7, 1024 * 1024, 1];
    const dir = tree({});
    const files = sizes.map((size, i) => {
      const path = join(dir, `f${i}.py`);
      writeFileSync(path, pattern(size, i));
      return path;
    });
    for (const order of [files, [...files].reverse()]) {
      for (const path of order) {
        const i = files.indexOf(path);
        expect(Buffer.from(readTransient(path)).equals(pattern(sizes[i] as number, i))).toBe(true);
      }
    }
  });

  it("reuses one buffer for files up to 4 MiB, and gives a larger file its own", () => {
    const dir = tree({});
    writeFileSync(join(dir, "a.py"), "a = 1\n");
    writeFileSync(join(dir, "b.py"), "b = 2\n");
    writeFileSync(join(dir, "big.py"), pattern(8 * 1024 * 1024 + 1, 0));
    const a = readTransient(join(dir, "a.py"));
    const bufferOfA = a.buffer;
    expect(Buffer.from(a).toString()).toBe("a = 1\n");
    const b = readTransient(join(dir, "b.py"));
    expect(b.buffer).toBe(bufferOfA);
    // The view handed out before is overwritten: the caller must have copied what it keeps.
    expect(Buffer.from(a).toString()).toBe("b = 2\n");
    const big = readTransient(join(dir, "big.py"));
    expect(big.buffer).not.toBe(bufferOfA);
    expect(readTransient(join(dir, "a.py")).buffer).toBe(bufferOfA);
  });

  it("throws readFileSync's errors and leaves no file open", () => {
    const dir = tree({ "ok.py": "x = 1\n" });
    mkdirSync(join(dir, "pkg.py"));
    expect(() => readTransient(join(dir, "missing.py"))).toThrow(expect.objectContaining({ code: "ENOENT" }));
    // A directory opens, then fails to read: the descriptor must be closed all the same.
    expect(() => readTransient(join(dir, "pkg.py"))).toThrow(expect.objectContaining({ code: "EISDIR" }));
    expect(Buffer.from(readTransient(join(dir, "ok.py"))).toString()).toBe("x = 1\n");
    expect(openUnder(dir)).toEqual([]);
  });

  it("checking a file then another keeps the first one's report whole (its text is not the buffer's)", () => {
    const first = "import json\n" + "# padding\n".repeat(5000) + "x = json.dump(1)\n";
    const dir = tree({ "first.py": first, "second.py": "import json\ny = json.dump(2)\n" });
    const settings = defaultSettings(RULES);
    const a = processEntry({ kind: "file", path: join(dir, "first.py"), explicit: true }, settings);
    const b = processEntry({ kind: "file", path: join(dir, "second.py"), explicit: true }, settings);
    expect(a.report.diagnostics.map((d) => [d.code, d.start])).toEqual([["JSN001", first.indexOf("json.dump(1)")]]);
    expect(b.report.diagnostics.map((d) => [d.code, d.start])).toEqual([["JSN001", "import json\ny = ".length]]);
    // The source line a report shows comes from the first file's own text (0-based line 5001).
    expect(a.report.lines?.lineText(5001)).toBe("x = json.dump(1)");
  });
});
