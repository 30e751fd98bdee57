// Every input that once crashed or broke a property (fixtures/regressions/, each with a comment
// saying what went wrong) goes through check, fix and convert with the fuzzer's properties; the
// translations of those whose comment is about type-checking are type-checked.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeSource } from "../../src/source/load.js";
import { fixesCPythonRefuses, newPending, newStats, runCase, translationsThatDoNotTypecheck } from "../support/fuzz.js";
import { pythonVersion } from "../support/python.js";

const DIR = "fixtures/regressions";
const files = readdirSync(DIR).filter((f) => f.endsWith(".py")).sort();

describe("regression fixtures", () => {
  const stats = newStats();
  const pending = newPending();

  it.each(files)("%s", (file) => {
    const bytes = readFileSync(`${DIR}/${file}`);
    const decoded = decodeSource(bytes);
    // Each says what it guards against, in its first line.
    expect(decoded.ok && /^# Regression\b/.test(decoded.text)).toBe(true);
    // Translations are type-checked where that was the bug; elsewhere the Python may be ill-typed
    // on purpose (`.0.i` raises AttributeError), and TypeScript rightly refuses it.
    const typecheck = decoded.ok && /type-check/.test(decoded.text.split("\nimport")[0] as string);
    expect(runCase(file, bytes, stats, pending, typecheck ? undefined : new Set())).toBeNull();
  });

  it.skipIf(!pythonVersion)("their fixes compile in CPython, their translations type-check", () => {
    expect(pending.fixed.length).toBeGreaterThan(0); // some regression inputs are fixed: the check below has work
    expect(fixesCPythonRefuses(pending)).toEqual([]);
    const { checked, failures } = translationsThatDoNotTypecheck(pending);
    expect(checked).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});
