// JSN901 comes from the loader: each unreadable path is one diagnostic at 1:1 and the run goes on.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultSettings } from "../../src/cli/engine.js";
import { runFiles } from "../../src/cli/run.js";
import { RULES } from "../../src/rules/index.js";

async function check(paths: string[], maxBytes?: number) {
  const settings = defaultSettings(RULES);
  if (maxBytes !== undefined) settings.maxBytes = maxBytes;
  const found = [];
  for await (const { report: f } of runFiles(paths, settings)) {
    found.push(...f.diagnostics.map((d) => ({ file: f.filename, code: d.code, message: d.message, start: d.start, column: f.lines?.position(d.start).column })));
  }
  return found;
}

describe("JSN901 unreadable-file", () => {
  const dir = mkdtempSync(join(tmpdir(), "dumpling-901-"));
  writeFileSync(join(dir, "good.py"), "import json\nx = json.dump(1)\n");
  writeFileSync(join(dir, "binary.py"), Buffer.from([0x69, 0x6d, 0x00, 0x01]));
  writeFileSync(join(dir, "bad_utf8.py"), Buffer.concat([Buffer.from("import json\nx = '"), Buffer.from([0xff, 0xfe]), Buffer.from("'\n")]));
  writeFileSync(join(dir, "unknown_codec.py"), "# -*- coding: klingon -*-\nimport json\n");
  writeFileSync(join(dir, "latin1.py"), Buffer.concat([Buffer.from("# -*- coding: latin-1 -*-\nimport json\ns = '"), Buffer.from([0xe9]), Buffer.from("'; x = json.dump(s)\n")]));

  it("a missing path", async () => {
    expect(await check([join(dir, "missing.py")])).toEqual([{ file: join(dir, "missing.py"), code: "JSN901", message: `Cannot read \`${join(dir, "missing.py")}\`: no such file or directory`, start: 0, column: undefined }]);
  });

  it("a binary file", async () => {
    expect((await check([join(dir, "binary.py")])).map((d) => d.message)).toEqual([`Cannot read \`${join(dir, "binary.py")}\`: binary file (contains NUL bytes)`]);
  });

  it("invalid UTF-8 names the byte and its offset", async () => {
    expect((await check([join(dir, "bad_utf8.py")])).map((d) => d.message)).toEqual([
      `Cannot read \`${join(dir, "bad_utf8.py")}\`: not valid UTF-8: byte 0xff at offset 17; declare the file's encoding with a coding cookie (PEP 263)`,
    ]);
  });

  it("an unknown coding cookie", async () => {
    expect((await check([join(dir, "unknown_codec.py")])).map((d) => d.message)).toEqual([`Cannot read \`${join(dir, "unknown_codec.py")}\`: unknown encoding \`klingon\` in the coding cookie`]);
  });

  it("a file over the size limit", async () => {
    expect((await check([join(dir, "good.py")], 10)).map((d) => d.code)).toEqual(["JSN901"]);
  });

  it("a file that mentions json more often than the model can hold is reported, not crashed on", async () => {
    const big = join(dir, "generated.py");
    writeFileSync(big, "import json\n" + "json.dumps(1)\n".repeat(50_000));
    expect((await check([big])).map((d) => d.message)).toEqual([
      `Cannot read \`${big}\`: mentions json more than 50,000 times, more than dumpling analyses in one file`,
    ]);
  });

  it("a latin-1 file with its cookie is read: the call is found after the \u00e9, a character of its own", async () => {
    const d = await check([join(dir, "latin1.py")]);
    expect(d.map((x) => [x.code, x.column])).toEqual([["JSN001", "s = '\u00e9'; x = ".length + 1]]);
  });

  it("columns count code points: a character above U+FFFF before the call is one column, not two UTF-16 units", async () => {
    const path = join(dir, "astral.py");
    writeFileSync(path, "import json\ns = '\u{1F600}'; x = json.dump(s)\n");
    const d = await check([path]);
    expect(d.map((x) => [x.code, x.column])).toEqual([["JSN001", 14]]);
    expect("s = '\u{1F600}'; x = ".length + 1).toBe(15); // what counting UTF-16 units would say
  });

  it("the run goes on past unreadable files", async () => {
    const codes = (await check([join(dir, "missing.py"), join(dir, "binary.py"), join(dir, "good.py")])).map((d) => d.code);
    expect(codes).toEqual(["JSN901", "JSN901", "JSN001"]);
  });

  // Permission denied: test/hardening/paths.test.ts, as a user root is not (root reads everything).

  it("a directory walk reports unreadable files inside it", async () => {
    const sub = join(dir, "tree");
    mkdirSync(sub);
    writeFileSync(join(sub, "a.py"), Buffer.from([0x00]));
    expect((await check([sub])).map((d) => [d.file, d.code])).toEqual([[join(sub, "a.py"), "JSN901"]]);
  });
});
