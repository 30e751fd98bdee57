// The pre-commit hook, for real: a temporary git repository with a bad Python file and the
// README's `.pre-commit-config.yaml` snippet, its placeholders filled with this checkout's path
// and commit (pre-commit installs the hook with `language: node`: npm install, npm pack, npm
// install -g), then the same with its `args: [--fix]` line. Without pre-commit the test is
// skipped with a visible message, except in CI, where that is a failure.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { childEnv, inCI } from "./support/env.js";

const hasPreCommit = spawnSync("pre-commit", ["--version"], { encoding: "utf8" }).status === 0;
if (!hasPreCommit) {
  const message = "pre-commit was not found: the pre-commit hook test cannot run (apt-get install pre-commit)";
  if (inCI()) throw new Error(message);
  console.warn(`SKIPPING: ${message}`);
}

const CHECKOUT = resolve(".");
// pre-commit keys installed environments by repository and commit: a fixed home lets the
// second part reuse its environment in later runs on the same commit.
const HOME = resolve("node_modules/.cache/dumpling-pre-commit");

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: childEnv({ PRE_COMMIT_HOME: HOME }), timeout: 590_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function git(cwd: string, ...args: string[]) {
  const r = spawnSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", ...args], { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout.trim();
}

const BAD = 'import json\n\nwith open("c.json", encoding="utf-8") as f:\n    data = json.loads(f.read())\n';
const FIXED = 'import json\n\nwith open("c.json", encoding="utf-8") as f:\n    data = json.load(f)\n';

/** The README's snippet, its two placeholders filled as it says: a path of a clone, and a commit of it. */
function readmeSnippet(repo: string, rev: string): string {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(readme.indexOf("## pre-commit"));
  const snippet = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  expect(snippet).toBeDefined();
  expect(snippet).toMatch(/^ {4}rev: <[^>\n]+>/m);
  return snippet!.replace(/^( {2}- repo: )<[^>\n]+>.*$/m, `$1${repo}`).replace(/^( {4}rev: )<[^>\n]+>.*$/m, `$1${rev}`);
}

describe.skipIf(!hasPreCommit)("pre-commit", () => {
  it("the README's snippet, placeholders filled with this checkout's path and commit: fails on a bad file with the diagnostic; with its args: [--fix] line uncommented it fixes it and the next run passes", () => {
    mkdirSync(HOME, { recursive: true });
    const repo = mkdtempSync(join(tmpdir(), "dumpling-pre-commit-"));
    git(repo, "init", "-q");
    writeFileSync(join(repo, "app.py"), BAD);
    writeFileSync(join(repo, "notes.txt"), "json.loads(f.read()) is not Python\n");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "init");

    // CI's checkout is clean, so its commit is the code under test. pre-commit installs the hook
    // (npm install, npm pack, npm install -g) into HOME, which later runs on the same commit reuse.
    const rev = git(CHECKOUT, "rev-parse", "HEAD");
    const snippet = readmeSnippet(CHECKOUT, rev);
    writeFileSync(join(repo, ".pre-commit-config.yaml"), snippet);
    git(repo, "add", ".pre-commit-config.yaml");
    const checked = run("pre-commit", ["run", "--all-files"], repo);
    expect(checked.out).toMatch(/dumpling\.+Failed/);
    expect(checked.out).toContain("app.py:4:12: JSN101 `json.loads(f.read())` is what `json.load(f)` does; use `json.load(f)`");
    expect(checked.out).not.toContain("notes.txt");
    expect(checked.status).toBe(1);
    expect(readFileSync(join(repo, "app.py"), "utf8")).toBe(BAD);

    expect(snippet).toContain("# args: [--fix]");
    writeFileSync(join(repo, ".pre-commit-config.yaml"), snippet.replace("# args: [--fix]", "args: [--fix]"));
    const fixing = run("pre-commit", ["run", "--all-files"], repo);
    expect(fixing.out).toMatch(/dumpling\.+Failed/); // pre-commit fails a hook that changed files
    expect(fixing.out).toContain("files were modified by this hook");
    expect(readFileSync(join(repo, "app.py"), "utf8")).toBe(FIXED);
    const again = run("pre-commit", ["run", "--all-files"], repo);
    expect(again.out).toMatch(/dumpling\.+Passed/);
    expect(again.status).toBe(0);
  }, 600_000);
});
