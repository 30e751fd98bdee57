// Installing the command as users do, each into a temporary global prefix, then running the
// installed `dumpling`: from a clone (`npm install -g <dir>`, which links it), from git
// (`npm install -g git+file://...`), from the tarball `npm pack` makes, and with `npx --package`.
// The clone is a fresh `git clone` of this commit: no node_modules, no dist/, as a user has it.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CHECKOUT, cleanClone, npmEnv, prefix, run } from "./support/install.js";

const SOURCE = "import json\n\nbody = json.dump(data)\n";
const EXPECTED = "a.py:3:8: JSN001 [-] `json.dump()` needs a file to write to; use `json.dumps()` to get a string\n";

/** The installed command works: it checks a file, from any directory. */
function works(dumpling: string, env: NodeJS.ProcessEnv, argsBefore: string[] = []): void {
  const dir = mkdtempSync(join(tmpdir(), "dumpling-installed-"));
  writeFileSync(join(dir, "a.py"), SOURCE);
  const r = run(dumpling, [...argsBefore, "check", "--output-format", "concise", "--no-unsafe-fixes", "a.py"], { cwd: dir, env });
  expect(r.stderr).toBe("");
  expect(r.stdout).toBe(`${EXPECTED}Found 1 error in 1 file checked.\n`);
  expect(r.status).toBe(1);
  const version = run(dumpling, [...argsBefore, "--version"], { cwd: dir, env });
  expect(version.stdout).toBe(`${JSON.parse(readFileSync(join(CHECKOUT, "package.json"), "utf8")).version}\n`);
}

describe.sequential("installing", () => {
  let clone: string;
  beforeAll(() => {
    clone = cleanClone();
    expect(existsSync(join(clone, "node_modules"))).toBe(false);
    expect(existsSync(join(clone, "dist"))).toBe(false);
  });

  it("npm install -g <a clone>: npm links the folder; prepare installs what the build and the command need", () => {
    const p = prefix();
    const r = run("npm", ["install", "--global", "--no-audit", "--no-fund", clone], { env: p.env });
    expect(r.stderr, r.stdout).not.toMatch(/npm error/);
    expect(r.status).toBe(0);
    works(p.bin("dumpling"), p.env);
  }, 600_000);

  it("npm install -g git+file://<a clone>", () => {
    const repo = cleanClone();
    const p = prefix();
    const r = run("npm", ["install", "--global", "--no-audit", "--no-fund", `git+file://${repo}`], { env: p.env });
    expect(r.stderr, r.stdout).not.toMatch(/npm error/);
    expect(r.status).toBe(0);
    // The package was unpacked into the prefix, not linked to npm's temporary clone.
    expect(existsSync(join(p.dir, "lib/node_modules/dumpling-json/dist/cli.js"))).toBe(true);
    works(p.bin("dumpling"), p.env);
  }, 600_000);

  it("npm install -g <the tarball of npm pack>, and npx --package <it> dumpling; the tarball holds the license", () => {
    // `npm test` built dist/ before the tests; packing here without running prepare again keeps
    // the other tests' dist/ in place while they run.
    const out = mkdtempSync(join(tmpdir(), "dumpling-pack-"));
    const packed = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", out], { cwd: CHECKOUT, env: npmEnv() });
    expect(packed.status, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    const files = info!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(["LICENSE", "README.md", "package.json", "bin/dumpling.js", "dist/cli.js"]));
    expect(files.filter((f) => f.startsWith("src/") && !f.startsWith("src/runtime/"))).toEqual([]);
    expect(readFileSync(join(CHECKOUT, "LICENSE"), "utf8")).toMatch(/^MIT License\n/);
    expect(JSON.parse(readFileSync(join(CHECKOUT, "package.json"), "utf8")).license).toBe("MIT");
    const tarball = join(out, info!.filename);

    const p = prefix();
    const r = run("npm", ["install", "--global", "--no-audit", "--no-fund", tarball], { env: p.env });
    expect(r.status, r.stderr).toBe(0);
    works(p.bin("dumpling"), p.env);

    // npx installs the tarball in its cache (keyed by the tarball's path, new on every run) and runs the command.
    works("npx", npmEnv(), ["--yes", "--package", tarball, "dumpling"]);
  }, 600_000);
});
