// `convert` over CPython's standard library (559 files, from the npm package pyodide): it
// completes, translates every json call `check` finds, and every snippet type-checks, in both modes.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { pythonFiles, stdlibDir } from "../../bench/corpus.mjs";
import { decodeSource } from "../../src/source/load.js";
import { translateText } from "../../src/translate/index.js";
import type { Mode } from "../../src/translate/types.js";
import { dumpling } from "../support/cli.js";
import { typecheckSnippet } from "../support/typecheck.js";
import { buildContext } from "../../src/python/context.js";
import { NATIVE, TS } from "../support/native.js";

const expected = JSON.parse(readFileSync("fixtures/stdlib/expected.json", "utf8")) as { files: number; jsonCalls: string[] };

describe("converting the standard library", () => {
  it.each(["exact", "native"] as Mode[])("%s: every call translated, every snippet type-checks", (mode) => {
    const dir = stdlibDir();
    const files = pythonFiles(dir);
    expect(files.length).toBe(expected.files);
    let calls = 0;
    const failures: string[] = [];
    for (const file of files) {
      const decoded = decodeSource(readFileSync(file));
      if (!decoded.ok) continue;
      const name = relative(dir, file);
      const r = translateText(name, decoded.text, { mode, analysis: NATIVE, ts: TS });
      expect(r.errors).toEqual([]);
      expect(r.translations.length).toBe(buildContext(name, decoded.text, NATIVE).calls.length);
      for (const t of r.translations) {
        calls++;
        for (const d of typecheckSnippet(t)) failures.push(`${name}: ${t.python} → ${t.typescript}: ${d}`);
      }
    }
    expect(calls).toBe(expected.jsonCalls.length);
    expect(failures).toEqual([]);
  });

  it("the command completes over the whole tree", () => {
    const r = dumpling(["convert", stdlibDir(), "--output-format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(expected.jsonCalls.length);
  });
});
