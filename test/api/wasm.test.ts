// dumpling-json/wasm (web-tree-sitter) gives exactly what dumpling-json (the native binding)
// gives: every function, on every fixture and on every file of CPython's standard library.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { pythonFiles, stdlibDir } from "../../bench/corpus.mjs";
import * as native from "../../src/api/index.js";
import * as wasm from "../../src/api/wasm.js";
import { decodeSource } from "../../src/source/load.js";

const ROOT = resolve(import.meta.dirname, "../..");

function fixtureFiles(): { name: string; text: string }[] {
  const dirs = ["fixtures/rules", "fixtures/regressions", "examples", ...readdirSync(join(ROOT, "fixtures/translate")).map((d) => `fixtures/translate/${d}`)];
  return dirs.flatMap((d) =>
    readdirSync(join(ROOT, d))
      .filter((f) => f.endsWith(".py"))
      .map((f) => ({ name: `${d}/${f}`, bytes: readFileSync(join(ROOT, d, f)) })),
  ).flatMap(({ name, bytes }) => {
    const decoded = decodeSource(bytes);
    return decoded.ok ? [{ name, text: decoded.text }] : [];
  });
}

function same(name: string, text: string, translations: boolean): void {
  const options = { filename: name, select: ["ALL"] };
  expect(wasm.lint(text, options), `lint ${name}`).toEqual(native.lint(text, options));
  expect(wasm.findCalls(text, options), `findCalls ${name}`).toEqual(native.findCalls(text, options));
  expect(wasm.fix(text, { ...options, unsafeFixes: true }), `fix ${name}`).toEqual(native.fix(text, { ...options, unsafeFixes: true }));
  if (!translations) return;
  for (const mode of ["exact", "native"] as const) {
    expect(wasm.translate(text, { filename: name, mode }), `translate ${mode} ${name}`).toEqual(native.translate(text, { filename: name, mode }));
  }
}

describe("dumpling-json/wasm before init()", () => {
  it("every function that parses says to call init() first", async () => {
    vi.resetModules();
    const fresh = (await import("../../src/api/wasm.js")) as typeof wasm;
    for (const call of [() => fresh.lint("import json\n"), () => fresh.findCalls("x"), () => fresh.fix("x"), () => fresh.translate("x")]) {
      expect(call).toThrow("dumpling-json/wasm: call `await init()` first");
    }
    expect(fresh.rules().length).toBe(native.rules().length);
  });
});

describe("dumpling-json/wasm gives what dumpling-json gives", () => {
  beforeAll(async () => {
    await wasm.init();
  });

  it("on every fixture", () => {
    const files = fixtureFiles();
    expect(files.length).toBeGreaterThan(40);
    for (const { name, text } of files) same(name, text, true);
  });

  it("on every file of CPython's standard library", () => {
    const dir = stdlibDir();
    const files = pythonFiles(dir);
    expect(files.length).toBeGreaterThan(500);
    let calls = 0;
    for (const file of files) {
      const decoded = decodeSource(readFileSync(file));
      if (!decoded.ok) continue;
      const name = relative(dir, file);
      const found = native.findCalls(decoded.text).length;
      calls += found;
      same(name, decoded.text, found > 0);
    }
    expect(calls).toBeGreaterThan(10);
  });
});
