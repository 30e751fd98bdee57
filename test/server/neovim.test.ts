// A real editor as the client: Neovim, headless, runs test/server/neovim.lua, which starts
// `dumpling server`, opens a fixture, waits for the diagnostics, applies a quick fix as Neovim
// applies code actions, and reports the buffer and the diagnostics that remain. Neovim is
// required in CI (.ci/run installs Debian's); on a machine without it the test is skipped.
import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fix, lint, type Diagnostic } from "../../src/api/index.js";
import { BIN } from "../support/cli.js";
import { tree } from "../support/tree.js";

const hasNeovim = spawnSync("nvim", ["--version"]).status === 0;
const FIXTURE = "fixtures/server/editor.py";

/** Neovim's 0-based byte columns of a dumpling position (code points). */
function byteColumn(text: string, row: number, column: number): number {
  const line = text.split("\n")[row - 1] ?? "";
  return Buffer.byteLength([...line].slice(0, column - 1).join(""), "utf8");
}

function asNeovim(text: string, d: Diagnostic) {
  return {
    code: d.code,
    lnum: d.location.row - 1,
    col: byteColumn(text, d.location.row, d.location.column),
    end_lnum: d.end_location.row - 1,
    end_col: byteColumn(text, d.end_location.row, d.end_location.column),
    severity: d.severity === "error" ? 1 : 2,
    message: d.message,
    source: "dumpling",
  };
}

describe("Neovim as a client", () => {
  it("in CI, Neovim is installed", () => {
    if (process.env.CI) expect(hasNeovim).toBe(true);
  });

  it.skipIf(!hasNeovim)("opens a file, shows its diagnostics, applies a quick fix; the buffer and the remaining diagnostics are the library's", { timeout: 120_000 }, () => {
    const dir = tree({});
    const file = join(dir, "editor.py");
    copyFileSync(FIXTURE, file);
    const source = readFileSync(FIXTURE, "utf8");
    const [target] = lint(source, { filename: file });
    expect(target!.code).toBe("JSN101");
    const resultPath = join(dir, "result.json");
    // No Python provider: looking for one (python3 -c "import neovim") takes seconds when a .py file opens.
    const r = spawnSync("nvim", ["--headless", "--clean", "--cmd", "let g:loaded_python3_provider = 0", "-c", `luafile ${resolve("test/server/neovim.lua")}`], {
      cwd: dir,
      encoding: "utf8",
      timeout: 110_000,
      env: { ...process.env, DUMPLING_FIXTURE: file, DUMPLING_RESULT: resultPath, DUMPLING_FIX: target!.fix!.message, DUMPLING_NODE: process.execPath, DUMPLING_BIN: BIN },
    });
    const result = JSON.parse(readFileSync(resultPath, "utf8"));
    expect(result.error).toBeUndefined();
    expect(r.status).toBe(0);

    expect(result.offset_encoding).toBe("utf-16");
    expect(result.before).toEqual(lint(source, { filename: file }).map((d) => asNeovim(source, d)));
    expect(result.titles).toEqual(["Use `json.load(f)`", "Disable JSN101 for this line", "dumpling: Fix all auto-fixable problems"]);
    // The quick fix alone is the safe fix; here it is also all that --fix does.
    const fixed = fix(source, { filename: file }).output;
    expect(result.text).toBe(fixed);
    expect(result.text).toBe(source.replace("json.loads(f.read())", "json.load(f)"));
    // What remains: JSN001 after "😀 café" (25 code points in, 29 bytes: 4 for 😀 and 2 for é).
    const remaining = lint(fixed, { filename: file });
    expect(remaining.map((d) => d.code)).toEqual(["JSN001"]);
    expect(result.after).toEqual(remaining.map((d) => asNeovim(fixed, d)));
    expect(result.after[0].col).toBe(29);
  });
});
