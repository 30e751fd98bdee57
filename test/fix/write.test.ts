// Writing fixes: atomic, mode and encoding kept, nothing lost when the file changed on disk or
// is read-only, no temp file left behind.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, lstatSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultSettings, fixFile } from "../../src/cli/engine.js";
import { writeAtomic, WriteRefusedError } from "../../src/source/write.js";
import { RULES } from "../../src/rules/index.js";

const dir = () => mkdtempSync(join(tmpdir(), "dumpling-write-"));
const settings = () => ({ ...defaultSettings(RULES.filter((r) => r.meta.defaultEnabled)), fix: { mode: "write" as const, unsafe: true } });

describe("writeAtomic", () => {
  it("replaces the content, keeps the mode, leaves no temp file", () => {
    const d = dir();
    const p = join(d, "a.py");
    writeFileSync(p, "old");
    chmodSync(p, 0o640);
    writeAtomic(p, Buffer.from("new"), Buffer.from("old"));
    expect(readFileSync(p, "utf8")).toBe("new");
    expect(statSync(p).mode & 0o777).toBe(0o640);
    expect(readdirSync(d)).toEqual(["a.py"]);
  });

  it("refuses a file whose bytes changed since they were read", () => {
    const d = dir();
    const p = join(d, "a.py");
    writeFileSync(p, "edited meanwhile");
    expect(() => writeAtomic(p, Buffer.from("new"), Buffer.from("old"))).toThrow(WriteRefusedError);
    expect(readFileSync(p, "utf8")).toBe("edited meanwhile");
    expect(readdirSync(d)).toEqual(["a.py"]);
  });

  it("refuses a read-only file, even as root", () => {
    const d = dir();
    const p = join(d, "a.py");
    writeFileSync(p, "old");
    chmodSync(p, 0o444);
    expect(() => writeAtomic(p, Buffer.from("new"), Buffer.from("old"))).toThrow(/read-only/);
    expect(readFileSync(p, "utf8")).toBe("old");
  });

  it("writes through a symlink and keeps the link", () => {
    const d = dir();
    const target = join(d, "real.py");
    const link = join(d, "link.py");
    writeFileSync(target, "old");
    symlinkSync(target, link);
    writeAtomic(link, Buffer.from("new"), Buffer.from("old"));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(readdirSync(d).sort()).toEqual(["link.py", "real.py"]);
  });
});

describe("fixing files: nothing is lost", () => {
  it("a file that changes between reading and writing is not overwritten; its diagnostics are reported as they were", () => {
    const d = dir();
    const p = join(d, "a.py");
    const original = 'import json\ndata = json.load(open("c.json", encoding="utf-8"))\n';
    writeFileSync(p, original);
    const bytes = readFileSync(p);
    const edited = original + "# edited by someone else\n";
    writeFileSync(p, edited); // mid-run
    const outcome = fixFile(p, bytes, settings());
    expect(readFileSync(p, "utf8")).toBe(edited);
    expect(outcome.fix?.changed).toBe(false);
    expect(outcome.fix?.applied).toBe(0);
    expect(outcome.fix?.problems).toEqual([`${p}: not fixed: the file changed on disk since it was read; run again`]);
    expect(outcome.report.diagnostics.map((x) => x.code)).toEqual(["JSN020"]);
  });

  it("a read-only file is left as it is and reported", () => {
    const d = dir();
    const p = join(d, "a.py");
    const original = 'import json\ndata = json.load(open("c.json", encoding="utf-8"))\n';
    writeFileSync(p, original);
    chmodSync(p, 0o444);
    const outcome = fixFile(p, readFileSync(p), settings());
    expect(readFileSync(p, "utf8")).toBe(original);
    expect(outcome.fix?.problems).toEqual([`${p}: not fixed: the file is read-only`]);
    expect(readdirSync(d)).toEqual(["a.py"]);
  });

  it("CRLF line endings, a latin-1 coding cookie and its non-ASCII bytes are kept", () => {
    const d = dir();
    const p = join(d, "legacy.py");
    const lines = ["# -*- coding: latin-1 -*-", "import json", "", "def load(path):", "    # caf\u00e9 cr\u00e8me", "    return json.load(open(path))", ""];
    const original = Buffer.from(lines.join("\r\n"), "latin1");
    writeFileSync(p, original);
    chmodSync(p, 0o600);
    const outcome = fixFile(p, readFileSync(p), settings());
    expect(outcome.fix?.applied).toBe(1);
    const expected = ["# -*- coding: latin-1 -*-", "import json", "", "def load(path):", "    # caf\u00e9 cr\u00e8me", '    with open(path, encoding="utf-8") as f:', "        return json.load(f)", ""].join("\r\n");
    const written = readFileSync(p);
    expect(written.equals(Buffer.from(expected, "latin1"))).toBe(true);
    expect(written.includes(Buffer.from([0xe9]))).toBe(true); // é as one latin-1 byte, not UTF-8
    expect(statSync(p).mode & 0o777).toBe(0o600);
  });

  it("a UTF-8 BOM is kept", () => {
    const d = dir();
    const p = join(d, "bom.py");
    writeFileSync(p, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("import json\nv = json.loads(f.read())\n")]));
    fixFile(p, readFileSync(p), settings());
    expect(readFileSync(p).equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("import json\nv = json.load(f)\n")]))).toBe(true);
  });
});
