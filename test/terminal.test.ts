// What only a terminal shows: the progress bar of a `check` run that lasts over a second (run
// in a pseudo-terminal that python3's pty module opens), and --watch (checks again when a file
// changes, clearing the screen first).
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, dumpling } from "./support/cli.js";
import { childEnv } from "./support/env.js";
import { PYTHON, pythonVersion } from "./support/python.js";
import { tree } from "./support/tree.js";

// Runs a command on a pseudo-terminal (80 columns) and prints everything the terminal received.
const PTY = `
import os, pty, sys, struct, fcntl, termios
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
out = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(out)
sys.exit(os.waitstatus_to_exitcode(status))
`;

function onTerminal(args: string[], cwd: string): { status: number | null; screen: string } {
  const r = spawnSync(PYTHON, ["-c", PTY, process.execPath, BIN, ...args], { cwd, encoding: "utf8", env: childEnv(), timeout: 170_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, screen: r.stdout };
}

// Files full of json calls (each is parsed and analysed) with one mistake each: about 1.3 s per
// 60 of them on one thread of the 2-core development machine, so 150 last well over the second
// after which the bar shows.
const BLOCK = (i: number) => `
def handler_${i}(path, data):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2)
    return json.dumps(data, indent=4) + json.dumps(${i})
`;

function longTree(files: number): string {
  const dir = mkdtempSync(join(tmpdir(), "dumpling-progress-"));
  mkdirSync(join(dir, "pkg"));
  for (let i = 0; i < files; i++) writeFileSync(join(dir, "pkg", `m${String(i).padStart(3, "0")}.py`), "import json\n" + Array.from({ length: 80 }, (_, b) => BLOCK(b)).join("") + "json.dump(d)\n");
  return dir;
}

describe.skipIf(!pythonVersion)("progress bar", () => {
  it("a run that lasts over a second on a terminal shows one on stderr, around the report, and clears it", () => {
    const dir = longTree(150);
    const started = performance.now();
    const { status, screen } = onTerminal(["check", "pkg", "--output-format", "concise", "--threads", "1"], dir);
    expect(performance.now() - started).toBeGreaterThan(1000);
    expect(status).toBe(1);
    expect(screen).toMatch(/checking \[[█░]+\] \d+\/150 files/);
    // Every report line is whole (the bar's line is cleared before a report line is written, and
    // the bar drawn again after it), and the summary comes after the bar is cleared.
    const plain = screen.replace(/\u001b(\[[0-9;?]*[A-Za-z]|[78])/g, "");
    const line = /pkg\/m\d{3}\.py:402:1: JSN001 `json\.dump\(\)` needs a file to write to; use `json\.dumps\(\)` to get a string\r\n/g;
    expect(plain.match(line)).toHaveLength(150);
    expect(screen).toMatch(/\r\u001b\[2K(\u001b\[[0-9;]*m)*pkg\/m\d{3}\.py:402:1: /);
    expect(screen).toMatch(/\u001b\[2KFound 150 errors in 150 files checked\.\r\n$/);
    // The same run, not on a terminal: no bar.
    const piped = dumpling(["check", "pkg", "--threads", "1", "--output-format", "concise"], { cwd: dir });
    expect(piped.stderr).toBe("");
  }, 180_000);

  it("a short run shows none, and -q and -s never do", () => {
    const dir = tree({ "a.py": "import json\njson.dump(d)\n" });
    expect(onTerminal(["check", "a.py"], dir).screen).not.toContain("checking [");
    const long = longTree(100);
    expect(onTerminal(["check", "pkg", "-q", "--threads", "1"], long).screen).not.toContain("checking [");
  }, 180_000);
});

describe("--watch", () => {
  it("checks, then again after each change (clearing the screen), a config change included; Ctrl-C stops it", async () => {
    const dir = tree({ "a.py": "import json\njson.dump(d)\n", "b.txt": "" });
    const child = spawn(process.execPath, [BIN, "check", "--watch", "--output-format", "concise", "."], { cwd: dir, env: childEnv() });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (out += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (err += s));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const waitFor = async (pattern: RegExp, from: number) => {
      for (let waited = 0; !pattern.test(out.slice(from)); waited += 50) {
        if (waited > 60_000) throw new Error(`timed out waiting for ${pattern}; output: ${JSON.stringify(out)} ${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return out.length;
    };
    try {
      let at = await waitFor(/Found 1 error\. Watching for file changes\.\n/, 0);
      expect(out).toMatch(/^\u001b\[2J\u001b\[3J\u001b\[H\[\d\d:\d\d:\d\d\] Starting linter in watch mode\.\.\.\n/);
      expect(out).toContain("a.py:2:1: JSN001 ");
      writeFileSync(join(dir, "a.py"), 'import json\njson.dump(d)\njson.dump(d, "o.json")\n');
      at = await waitFor(/Found 2 errors\. Watching for file changes\.\n/, at);
      expect(out.slice(0, at)).toMatch(/\u001b\[2J\u001b\[3J\u001b\[H\[\d\d:\d\d:\d\d\] File change detected\.\.\.\n[^\u001b]*a\.py:3:14: JSN004 /);
      // A file that is not Python changes nothing; a configuration file is read anew.
      writeFileSync(join(dir, "b.txt"), "x");
      writeFileSync(join(dir, "dumpling.toml"), 'ignore = ["JSN004"]\n');
      await waitFor(/Found 1 error\. Watching for file changes\.\n/, at);
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
    expect(err).toBe("");
  }, 120_000);

  it("cannot watch stdin or write to a file", () => {
    expect(dumpling(["check", "--watch", "-"], { input: "" })).toMatchObject({ status: 2, stderr: "dumpling: error: --watch cannot read stdin\n" });
    expect(dumpling(["check", "--watch", "-o", "r.txt", "."], { cwd: tree({}) })).toMatchObject({ status: 2, stderr: "dumpling: error: --watch writes to the terminal: it cannot be used with --output-file\n" });
  });
});
