// `check` over CPython's standard library (from the npm package pyodide): no crash, no internal
// error, and every json call found and every diagnostic reported is the reviewed one in
// fixtures/stdlib/expected.json. Set DUMPLING_UPDATE_STDLIB=1 to rewrite it (then review the diff).
import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { pythonFiles, pyodideVersion, stdlibDir } from "../bench/corpus.mjs";
import { checkBytes, defaultSettings } from "../src/cli/engine.js";
import { RULES } from "../src/rules/index.js";
import { analyzeText } from "../src/rules/run.js";
import { decodeSource } from "../src/source/load.js";
import { NATIVE } from "./support/native.js";

const EXPECTED = "fixtures/stdlib/expected.json";

interface Expected {
  pyodide: string;
  files: number;
  jsonCalls: string[];
  diagnostics: string[];
}

describe("the standard library", () => {
  it("is checked without a crash; calls and diagnostics are the reviewed ones", () => {
    const dir = stdlibDir();
    const files = pythonFiles(dir);
    const calls: string[] = [];
    const diagnostics: string[] = [];
    for (const file of files) {
      const name = relative(dir, file);
      const bytes = readFileSync(file);
      const { report, internalErrors } = checkBytes(name, bytes, defaultSettings(RULES));
      expect(internalErrors).toEqual([]);
      for (const d of report.diagnostics) {
        const p = report.lines?.position(d.start) ?? { row: 1, column: 1 };
        diagnostics.push(`${name}:${p.row}:${p.column}: ${d.code} ${d.message}`);
      }
      const decoded = decodeSource(bytes);
      if (!decoded.ok) continue;
      const ctx = analyzeText(name, decoded.text, [], NATIVE).context;
      for (const c of ctx?.calls ?? []) {
        const p = ctx!.lines.position(c.node.startIndex);
        calls.push(`${name}:${p.row}:${p.column}: ${c.module}.${c.api} ${c.target ? c.target.kind.kind : "-"}`);
      }
    }
    const actual: Expected = { pyodide: pyodideVersion(), files: files.length, jsonCalls: calls, diagnostics };
    if (process.env.DUMPLING_UPDATE_STDLIB) writeFileSync(EXPECTED, JSON.stringify(actual, null, 2) + "\n");
    const expected = JSON.parse(readFileSync(EXPECTED, "utf8")) as Expected;
    expect(actual).toEqual(expected);
  });
});
