// A very large file, made realistic: CPython's standard library concatenated (with its own json
// calls) until it reaches the size, with a known mistake (`json.dump(obj)` without a file,
// JSN001) placed at ten points. `check` must complete and report exactly those ten and nothing
// else. `npm test` builds 5 MB; `npm run big-file` builds 50 MB (DUMPLING_BIG_MB).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pythonFiles, stdlibDir } from "../../bench/corpus.mjs";
import { dumpling } from "../support/cli.js";
import { tree } from "../support/tree.js";

const MB = Number(process.env.DUMPLING_BIG_MB ?? 5);

describe(`a ${MB} MB file`, () => {
  it("is checked to the end, with exactly the mistakes placed in it", () => {
    const size = MB * 1024 * 1024;
    const files = pythonFiles(stdlibDir());
    const parts: string[] = [];
    const markers: number[] = [];
    let bytes = 0;
    let rows = 0;
    for (let i = 0; bytes < size; i++) {
      if (bytes >= (markers.length * size) / 10) {
        parts.push(`import json\njson.dump({"marker": ${markers.length}})\n`);
        markers.push(rows + 2);
        rows += 2;
      }
      // A file-level `# flake8: noqa` (asyncio/__init__.py has one) exempts the file it is in: in
      // the concatenation it would exempt everything, so it is made a plain comment.
      let text = readFileSync(files[i % files.length] as string, "utf8").replace(/^([ \t]*#.*\b(?:flake8|ruff|dumpling))(\s*:\s*noqa)/gim, "$1 (was a file-level noqa)");
      if (!text.endsWith("\n")) text += "\n";
      parts.push(text);
      bytes += Buffer.byteLength(text);
      rows += text.split("\n").length - 1;
    }
    const dir = tree({});
    writeFileSync(join(dir, "big.py"), parts.join(""));
    const started = performance.now();
    const r = dumpling(["check", "--select", "ALL", "--isolated", "--output-format", "json", "big.py"], { cwd: dir });
    const seconds = (performance.now() - started) / 1000;
    expect(r.stderr).toBe("");
    const reported = (JSON.parse(r.stdout) as { code: string; location: { row: number; column: number } }[]).map((d) => `${d.code} ${d.location.row}:${d.location.column}`);
    expect(reported).toEqual(markers.map((row) => `JSN001 ${row}:1`));
    expect(r.status).toBe(1);
    console.log(`big-file: ${MB} MB, ${rows.toLocaleString("en")} lines, checked in ${seconds.toFixed(1)} s (whole process)`);
  }, 60_000 + MB * 10_000);
});
