// The test suite's own helpers, where getting them wrong would make tests skip or pass silently:
// what counts as CI (where a missing tool fails instead of skipping), which Python is the oracle,
// and the environment of child processes.
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { childEnv, inCI } from "./support/env.js";
import { pythonAvailable } from "./support/python-oracle.js";

describe("test support", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("CI is any value CI systems set, not only \"true\"", () => {
    for (const value of ["true", "1", "github-actions", "TRUE", "yes"]) expect(inCI({ CI: value }), value).toBe(true);
    for (const value of [undefined, "", "0", "false", "False", "no"]) expect(inCI(value === undefined ? {} : { CI: value }), String(value)).toBe(false);
  });

  it("the oracle's python is $PYTHON; missing in CI it fails, elsewhere it skips", () => {
    expect(pythonAvailable({ PYTHON: "/nonexistent/python3" })).toBe(false);
    expect(() => pythonAvailable({ PYTHON: "/nonexistent/python3", CI: "1" })).toThrow("/nonexistent/python3 is required in CI");
    expect(() => pythonAvailable({ PYTHON: "/nonexistent/python3", CI: "true" })).toThrow();
    expect(pythonAvailable({ CI: "1" })).toBe(true);
  });

  it("the oracle process runs $PYTHON", async () => {
    // A python that leaves a mark, then is python3.
    const dir = mkdtempSync(join(tmpdir(), "dumpling-python-"));
    const wrapper = join(dir, "python");
    writeFileSync(wrapper, `#!/bin/sh\ntouch ${JSON.stringify(join(dir, "used"))}\nexec python3 "$@"\n`);
    chmodSync(wrapper, 0o755);
    vi.stubEnv("PYTHON", wrapper);
    vi.resetModules();
    const { PythonOracle } = await import("./support/python-oracle.js");
    const oracle = new PythonOracle();
    try {
      expect(await oracle.version()).toMatch(/^3\./);
    } finally {
      oracle.close();
    }
    expect(existsSync(join(dir, "used"))).toBe(true);
  });

  it("a child process never gets NO_COLOR and FORCE_COLOR together (Node 24 warns on every one that does)", () => {
    vi.stubEnv("FORCE_COLOR", "1");
    const plain = childEnv();
    expect(plain.NO_COLOR).toBe("1");
    expect(plain.FORCE_COLOR).toBeUndefined();
    const coloured = childEnv({ FORCE_COLOR: "1" });
    expect(coloured.FORCE_COLOR).toBe("1");
    expect(coloured.NO_COLOR).toBeUndefined();
    vi.stubEnv("FORCE_COLOR", "");
    expect(childEnv().FORCE_COLOR).toBeUndefined();
  });
});
