// Run's machinery in Node: the program the playground builds from translate()'s output, run by the
// page's sandbox (module map, in-memory node:fs, captured stdout), must print what python3 prints
// and leave the same files, on every differential fixture; the first differing byte is found.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { fix, translate } from "../../src/api/index.js";
import * as runtime from "../../src/runtime/index.js";
import { buildProgram, ProgramError } from "../../site/src/program.js";
import { firstDifference, memoryFs, runModule } from "../../site/src/sandbox.js";
import { NATIVE, TS } from "../support/native.js";
import { pythonVersion } from "../support/python.js";
import { runPython } from "../support/translate-program.js";

const ROOT = "fixtures/translate";
// Run has no stdin; native-* fixtures print what native mode prints (not CPython's bytes); a
// fixture with host.ts needs the host's port of its functions, which a playground has not; Run
// translates a `with open()` block only when its handle serves the json call alone (print-file's
// handle serves several prints: the differential harness writes it through a host file object).
const NOT_RUN = new Set(["print-file"]);
const cases = readdirSync(ROOT)
  .filter((d) => statSync(join(ROOT, d)).isDirectory() && !existsSync(join(ROOT, d, "stdin")) && !existsSync(join(ROOT, d, "host.ts")) && !d.startsWith("native-") && !NOT_RUN.has(d))
  .sort();

function filesOf(dir: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(`files/${relative(dir, p).split("\\").join("/")}`, new Uint8Array(readFileSync(p)));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

async function runTs(source: string, mode: "exact" | "native", files = new Map<string, Uint8Array>()) {
  const program = buildProgram(source, translate(source, { mode }), mode, NATIVE, TS);
  const js = ts.transpileModule(program, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS } }).outputText;
  return runModule(js, { "dumpling-json/runtime": runtime }, files);
}

const bytes = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));

describe.skipIf(!pythonVersion)("Run: the playground's TypeScript side prints what CPython prints", () => {
  it("has fixtures", () => expect(cases.length).toBeGreaterThan(10));

  it.each(cases)("%s", async (name) => {
    const dir = join(ROOT, name);
    const source = readFileSync(join(dir, "input.py"), "utf8");
    const files = filesOf(join(dir, "files"));
    // fixed-*: the Python has bugs; the translation does what the fixed Python does.
    const python = runPython(name.startsWith("fixed-") ? fix(source, { unsafeFixes: true }).output : source, { filesDir: join(dir, "files") });
    expect(python.status, python.stderr).toBe(0);
    const out = await runTs(source, "exact", files);
    expect(out.error).toBeNull();
    const pyFiles = new Map([...python.files].map(([k, v]) => [k, new Uint8Array(Buffer.from(v, "base64"))]));
    expect(firstDifference({ stdout: bytes(python.stdout), files: pyFiles }, out)).toBeNull();
    expect(Buffer.from(out.stdout).toString("latin1")).toBe(python.stdout);
  });

  it("shows a native-mode difference at its first byte", async () => {
    const source = 'import json\nprint(json.dumps({"a": 1.0, "b": [1, 2]}))\n';
    const python = runPython(source);
    const native = await runTs(source, "native");
    const exact = await runTs(source, "exact");
    expect(firstDifference({ stdout: bytes(python.stdout), files: new Map() }, exact)).toBeNull();
    // CPython: {"a": 1.0, ...}; JSON.stringify: {"a":1,...}: the first difference is the space after the colon.
    expect(python.stdout).toBe('{"a": 1.0, "b": [1, 2]}\n');
    const d = firstDifference({ stdout: bytes(python.stdout), files: new Map() }, native);
    expect(d).toMatchObject({ where: "stdout", offset: 5, line: 1, column: 6, python: 0x20, typescript: Buffer.from(native.stdout).at(5) });
    expect(Buffer.from(native.stdout).subarray(0, 5).toString()).toBe('{"a":');
  });
});

describe("Run's program", () => {
  it("names the statement it cannot hold", () => {
    const source = "import json\nfor x in [1, 2]:\n    print(json.dumps(x))\n";
    expect(() => buildProgram(source, translate(source), "exact", NATIVE, TS)).toThrow(ProgramError);
    expect(() => buildProgram(source, translate(source), "exact", NATIVE, TS)).toThrow(/line 2: .*`for x in \[1, 2\]:`/);
  });

  it("reports an uncaught error and keeps what was printed before it", async () => {
    const out = await runTs('import json\nprint(json.dumps([1]))\nprint(json.loads("{"))\n', "exact");
    expect(Buffer.from(out.stdout).toString()).toBe("[1]\n");
    expect(out.error).toMatch(/JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 \(char 1\)/);
  });
});

describe("the sandbox's file system and comparison", () => {
  it("reads, writes and appends like node:fs", () => {
    const files = new Map<string, Uint8Array>();
    const fs = memoryFs(files);
    fs.writeFileSync("./out/a.json", "é", "utf8");
    fs.appendFileSync("out/a.json", "x");
    expect([...(files.get("out/a.json") as Uint8Array)]).toEqual([0xc3, 0xa9, 0x78]);
    expect(fs.readFileSync("out/a.json", "utf8")).toBe("éx");
    expect(fs.readFileSync("out/a.json")).toBeInstanceOf(Uint8Array);
    expect(fs.readFileSync("out/a.json", { encoding: "latin1" })).toBe("Ã©x");
    expect(() => fs.readFileSync("missing.json", "utf8")).toThrow("ENOENT: no such file or directory, open 'missing.json'");
  });

  it("finds the first differing byte in stdout, then in the files", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(firstDifference({ stdout: enc("a\nbc"), files: new Map() }, { stdout: enc("a\nbd"), files: new Map() })).toMatchObject({ where: "stdout", offset: 3, line: 2, column: 2, python: 0x63, typescript: 0x64 });
    expect(firstDifference({ stdout: enc("ab"), files: new Map() }, { stdout: enc("abc"), files: new Map() })).toMatchObject({ offset: 2, python: null, typescript: 0x63 });
    const same = { stdout: enc("x"), files: new Map([["f.json", enc("[1]")]]) };
    expect(firstDifference(same, { stdout: enc("x"), files: new Map([["f.json", enc("[1]")]]) })).toBeNull();
    expect(firstDifference(same, { stdout: enc("x"), files: new Map([["f.json", enc("[1.0]")]]) })).toMatchObject({ where: "f.json", offset: 2 });
    expect(firstDifference(same, { stdout: enc("x"), files: new Map() })).toMatchObject({ where: "f.json", missing: "typescript" });
  });
});
