// Bad paths, through the command as users run it: each gets one line naming it, the run goes on,
// and the exit code stays 0 (nothing found), 1 (diagnostics) or 2 (usage, config, internal error).
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultSettings, fixFile, processEntry } from "../../src/cli/engine.js";
import { RULES } from "../../src/rules/index.js";
import { BIN, dumpling } from "../support/cli.js";
import { childEnv, inCI } from "../support/env.js";
import { tree } from "../support/tree.js";

const BAD = "import json\nx = json.dump(1)\n"; // JSN001 at 2:5
const FIXABLE = "import json\nv = json.loads(f.read())\n"; // JSN101, a safe fix
const concise = (args: string[], cwd: string) => dumpling(["check", "--output-format", "concise", ...args], { cwd });
const lines = (s: string) => s.split("\n").filter(Boolean);

describe("bad paths", () => {
  it("a missing path: JSN901 naming it, the other paths still checked, exit 1", () => {
    const dir = tree({ "good.py": BAD });
    const r = concise(["missing.py", "good.py"], dir);
    expect(lines(r.stdout).slice(0, 2)).toEqual([
      "missing.py:1:1: JSN901 Cannot read `missing.py`: no such file or directory",
      "good.py:2:5: JSN001 [-] `json.dump()` needs a file to write to; use `json.dumps()` to get a string",
    ]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
  });

  it("a directory without Python files: a one-line warning naming it, exit 0 (check and convert)", () => {
    const dir = tree({ "docs/readme.txt": "json.dump(x)\n", "src/a.py": "x = 1\n" });
    mkdirSync(join(dir, "empty"));
    const r = concise(["docs", "empty", "src"], dir);
    expect(r.stderr).toBe("dumpling: warning: no Python files found in `docs`\ndumpling: warning: no Python files found in `empty`\n");
    expect(r.stdout).toBe("All checks passed! (1 file checked)\n");
    expect(r.status).toBe(0);
    const c = dumpling(["convert", "docs"], { cwd: dir });
    expect(c.stderr).toBe("dumpling: warning: no Python files found in `docs`\n");
    expect(c.status).toBe(0);
  });

  it("a symlink loop named on the command line, and loops inside a walked tree: reported or skipped, never followed forever", () => {
    const dir = tree({ "tree/a.py": BAD });
    symlinkSync("loop2", join(dir, "loop1"));
    symlinkSync("loop1", join(dir, "loop2"));
    symlinkSync("..", join(dir, "tree", "up")); // a directory loop: tree/up/tree/up/...
    symlinkSync("self.py", join(dir, "tree", "self.py")); // a file that is a loop
    symlinkSync("nowhere", join(dir, "tree", "latest")); // dangling, and not a Python file: not reported
    const r = concise(["loop1", "tree"], dir);
    expect(lines(r.stdout).slice(0, 3)).toEqual([
      "loop1:1:1: JSN901 Cannot read `loop1`: too many levels of symbolic links",
      "tree/a.py:2:5: JSN001 [-] `json.dump()` needs a file to write to; use `json.dumps()` to get a string",
      "tree/self.py:1:1: JSN901 Cannot read `tree/self.py`: too many levels of symbolic links",
    ]);
    expect(r.stdout).toContain("in 3 files checked");
    expect(r.status).toBe(1);
  });

  it("a FIFO or a device is never opened: named, it is reported; met in a walk, it is skipped", () => {
    const dir = tree({ "tree/a.py": "x = 1\n" });
    expect(spawnSync("mkfifo", [join(dir, "pipe.py"), join(dir, "tree", "pipe.py")]).status).toBe(0);
    symlinkSync("/dev/zero", join(dir, "tree", "zero.py"));
    // Opening a FIFO with no writer blocks forever: the timeout turns a hang into a failure.
    const r = spawnSync(process.execPath, [BIN, "check", "--output-format", "concise", "pipe.py", "/dev/null", "tree"], { cwd: dir, encoding: "utf8", timeout: 20_000 });
    expect(lines(r.stdout)).toEqual([
      "pipe.py:1:1: JSN901 Cannot read `pipe.py`: not a regular file or directory",
      "/dev/null:1:1: JSN901 Cannot read `/dev/null`: not a regular file or directory",
      "Found 2 errors in 3 files checked.",
    ]);
    expect(r.status).toBe(1);
  });

  it("paths with spaces, non-ASCII and newline characters: reported under their names, one line each", () => {
    const dir = tree({ "with space.py": BAD, "h\u00e9llo_\u6f22.py": BAD, "new\nline.py": BAD });
    const r = concise(["with space.py", "h\u00e9llo_\u6f22.py", "new\nline.py", "gone\nfile.py"], dir);
    expect(lines(r.stdout).slice(0, 4).map((l) => l.slice(0, l.indexOf(" JSN") + 7))).toEqual([
      "with space.py:2:5: JSN001",
      "h\u00e9llo_\u6f22.py:2:5: JSN001",
      '"new\\nline.py":2:5: JSN001',
      '"gone\\nfile.py":1:1: JSN901',
    ]);
    expect(lines(r.stdout)[3]).toBe('"gone\\nfile.py":1:1: JSN901 Cannot read `"gone\\nfile.py"`: no such file or directory');
    // Machine-readable formats carry the real name.
    const json = JSON.parse(dumpling(["check", "--output-format", "json", "new\nline.py"], { cwd: dir }).stdout) as { filename: string }[];
    expect(json.map((d) => d.filename)).toEqual(["new\nline.py"]);
    // And a walk reaches them too, and fixes them in place.
    const w = dumpling(["check", "--fix", "--unsafe-fixes", "."], { cwd: dir });
    expect(w.stdout).toBe("Found 3 errors (3 fixed, 0 remaining) in 3 files checked.\n");
    expect(readFileSync(join(dir, "new\nline.py"), "utf8")).toBe("import json\nx = json.dumps(1)\n");
  });

  it("thousands of paths on the command line: every one checked, in order", () => {
    const files: Record<string, string> = {};
    const n = 4000;
    for (let i = 0; i < n; i++) files[`f${String(i).padStart(4, "0")}.py`] = i % 1000 === 999 ? BAD : "x = 1\n";
    const dir = tree(files);
    const r = concise(Object.keys(files), dir);
    expect(lines(r.stdout).slice(0, 4).map((l) => l.split(":")[0])).toEqual(["f0999.py", "f1999.py", "f2999.py", "f3999.py"]);
    expect(lines(r.stdout)[4]).toBe(`Found 4 errors in ${n} files checked.`);
    expect(r.status).toBe(1);
  });

  it("a file that disappears between discovery and reading is reported; the run goes on", () => {
    const dir = tree({ "gone.py": BAD });
    const path = join(dir, "gone.py");
    unlinkSync(path);
    const outcome = processEntry({ kind: "file", path, explicit: false }, defaultSettings(RULES));
    expect(outcome.report.diagnostics.map((d) => d.message)).toEqual([`Cannot read \`${path}\`: no such file or directory`]);
    expect(outcome.internalErrors).toEqual([]);
  });

  it("a file deleted or replaced by a directory while it is being fixed is not recreated or overwritten", () => {
    const settings = { ...defaultSettings(RULES), fix: { mode: "write" as const, unsafe: true } };
    const dir = tree({ "a.py": FIXABLE, "b.py": FIXABLE });
    const a = join(dir, "a.py");
    const bytes = readFileSync(a);
    unlinkSync(a);
    expect(fixFile(a, bytes, settings).fix?.problems).toEqual([`${a}: not fixed: no such file or directory`]);
    const b = join(dir, "b.py");
    const bBytes = readFileSync(b);
    unlinkSync(b);
    mkdirSync(b);
    expect(fixFile(b, bBytes, settings).fix?.problems).toEqual([`${b}: not fixed: is a directory`]);
    expect(readdirSync(dir).sort()).toEqual(["b.py"]);
  });
});

// Root reads everything, so "permission denied" needs another user: as root, `nobody` through
// setpriv; any other user is denied as it is.
const isRoot = process.getuid?.() === 0;
const asNobody = isRoot ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [];
const run = (args: string[], cwd?: string) =>
  spawnSync(asNobody[0] ?? process.execPath, [...asNobody.slice(1), ...(isRoot ? [process.execPath] : []), BIN, ...args], { cwd, encoding: "utf8", env: childEnv() });
const canDeny = run(["--version"]).status === 0;
// CI must run these: a root without setpriv (or a checkout `nobody` cannot reach) is a failure there.
if (!canDeny && inCI()) throw new Error("permission tests: setpriv cannot run dumpling as the user nobody");

// Skipped, with this name, where root cannot run node as nobody (nothing can be denied to root).
describe.skipIf(!canDeny)("permission denied, as a user that is not root (root may read anything)", () => {
  const asUser = (args: string[], cwd: string) => run(args, cwd);

  it("an unreadable file or directory is JSN901 naming it; the readable ones are still checked", () => {
    const dir = tree({ "locked.py": BAD, "tree/ok.py": BAD, "tree/closed/x.py": BAD });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "locked.py"), 0o000);
    chmodSync(join(dir, "tree", "closed"), 0o000);
    const r = asUser(["check", "--output-format", "concise", "locked.py", "tree"], dir);
    expect(lines(r.stdout)).toEqual([
      "locked.py:1:1: JSN901 Cannot read `locked.py`: permission denied",
      "tree/closed/:1:1: JSN901 Cannot read `tree/closed/`: permission denied",
      "tree/ok.py:2:5: JSN001 [-] `json.dump()` needs a file to write to; use `json.dumps()` to get a string",
      "Found 3 errors in 3 files checked.",
      "No fixes available (1 hidden fix can be enabled with the `--unsafe-fixes` option).",
    ]);
    expect(r.status).toBe(1);
  });

  it("--fix on a file the user may read but not replace: a warning, the file as it was, its diagnostics reported", () => {
    const dir = tree({ "a.py": FIXABLE });
    chmodSync(dir, 0o755); // root's directory: nobody cannot create the temp file in it
    const r = asUser(["check", "--fix", "--output-format", "concise", "a.py"], dir);
    expect(r.stderr).toBe("dumpling: warning: a.py: not fixed: permission denied\n");
    expect(lines(r.stdout)[0]).toBe("a.py:2:5: JSN101 `json.loads(f.read())` is what `json.load(f)` does; use `json.load(f)`");
    expect(readFileSync(join(dir, "a.py"), "utf8")).toBe(FIXABLE);
    expect(readdirSync(dir)).toEqual(["a.py"]);
    expect(r.status).toBe(1);
  });
});
