// A small ruleTester on vitest: valid code must produce no diagnostic of the rule; invalid code
// must produce exactly the listed diagnostics (1-based line and column, in code points, with
// their ends), the fixes must have exactly the titles listed in `fixes`, and the text after
// applying every fix must equal `output` (null: no fix at all) and still parse without new
// syntax errors.
import { nativeBackend } from "../../src/backends/native.js";
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/core/edits.js";
import { parsePython } from "../../src/python/parser.js";
import { LineIndex } from "../../src/python/text.js";
import { analyzeText } from "../../src/rules/run.js";
import type { Rule } from "../../src/rules/types.js";
import { NATIVE } from "./native.js";

export interface ExpectedError {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message?: string | RegExp;
}

export interface InvalidCase {
  name?: string;
  code: string;
  errors: ExpectedError[];
  /** The text after every fix is applied; null when no diagnostic has a fix. */
  output: string | null;
  /** The titles of the fixes (what the text report shows after "help:"), in the order of the diagnostics that have one; required with an output. */
  fixes?: (string | RegExp)[];
  /** The applicability every fix must have. */
  applicability?: "safe" | "unsafe";
}

export interface ValidCase {
  name?: string;
  code: string;
}

/** Dedent a template literal: drop the first newline and the common indentation. */
export function py(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ""), "");
  const lines = raw.replace(/^\n/, "").split("\n");
  const indents = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const min = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(min)).join("\n").replace(/[ ]+$/, "");
}

export function runRule(rule: Rule, code: string) {
  return analyzeText("test.py", code, [rule], NATIVE);
}

export function ruleTester(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  describe(`${rule.meta.code} ${rule.meta.name}`, () => {
    describe("valid", () => {
      const valid = cases.valid.map((c) => (typeof c === "string" ? { code: c } : c));
      it.each(valid.map((c, i) => [c.name ?? `valid #${i + 1}: ${c.code.split("\n").find((l) => l.includes("json")) ?? c.code}`, c] as const))("%s", (_, c) => {
        const result = runRule(rule, c.code);
        expect(result.internalErrors).toEqual([]);
        expect(result.diagnostics.filter((d) => d.code === rule.meta.code)).toEqual([]);
      });
    });
    describe("invalid", () => {
      it.each(cases.invalid.map((c, i) => [c.name ?? `invalid #${i + 1}: ${c.code.split("\n").find((l) => l.includes("json")) ?? c.code}`, c] as const))("%s", (_, c) => {
        const result = runRule(rule, c.code);
        expect(result.internalErrors).toEqual([]);
        const lines = new LineIndex(c.code);
        const got = result.diagnostics
          .filter((d) => d.code === rule.meta.code)
          .map((d) => {
            const s = lines.position(d.start);
            const e = lines.position(d.end);
            return { line: s.row, column: s.column, endLine: e.row, endColumn: e.column, message: d.message };
          });
        expect(got.map(({ message: _m, ...pos }) => pos)).toEqual(c.errors.map(({ message: _m, ...pos }) => pos));
        c.errors.forEach((e, i) => {
          if (e.message instanceof RegExp) expect(got[i]?.message).toMatch(e.message);
          else if (e.message !== undefined) expect(got[i]?.message).toBe(e.message);
        });
        const fixes = result.diagnostics.filter((d) => d.code === rule.meta.code && d.fix).map((d) => d.fix!);
        if (c.output === null) {
          expect(fixes).toEqual([]);
          return;
        }
        expect(fixes.length).toBeGreaterThan(0);
        expect(c.fixes, "a case with an output lists its fixes' titles").toBeDefined();
        expect(fixes.map((f) => f.message)).toHaveLength(c.fixes!.length);
        c.fixes!.forEach((title, i) => {
          if (title instanceof RegExp) expect(fixes[i]?.message).toMatch(title);
          else expect(fixes[i]?.message).toBe(title);
        });
        if (c.applicability) for (const f of fixes) expect(f.applicability).toBe(c.applicability);
        const fixed = applyEdits(c.code, fixes.flatMap((f) => f.edits));
        expect(fixed).toBe(c.output);
        const before = parsePython(nativeBackend, c.code).rootNode.hasError;
        if (!before) expect(parsePython(nativeBackend, fixed).rootNode.hasError).toBe(false);
      });
    });
  });
}
