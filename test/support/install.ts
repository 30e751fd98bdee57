// Installing dumpling for real, as users do: a clean clone of this checkout's commit (what a
// user clones), npm with a temporary global prefix, and the environment of npm itself cleaned
// of what `npm test` passes on (npm_config_*), so the child npm reads only its own settings.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { childEnv } from "./env.js";

export const CHECKOUT = resolve(".");

export function npmEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = childEnv();
  for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
  return { ...env, ...extra };
}

/** A fresh clone of HEAD, without node_modules or dist: what `git clone` gives a user. */
export function cleanClone(): string {
  const dir = mkdtempSync(join(tmpdir(), "dumpling-clone-"));
  execFileSync("git", ["clone", "--quiet", "--no-local", CHECKOUT, join(dir, "dumpling")], { stdio: "ignore" });
  return join(dir, "dumpling");
}

export function run(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(cmd, args, { cwd: options.cwd, env: options.env ?? npmEnv(), encoding: "utf8", timeout: 590_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error };
}

/** A temporary global prefix; its bin/ holds what `npm install -g` installs there. */
export function prefix(): { dir: string; bin: (name: string) => string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), "dumpling-prefix-"));
  const env = npmEnv({ npm_config_prefix: dir, PATH: `${join(dir, "bin")}:${process.env.PATH ?? ""}` });
  return { dir, bin: (name) => join(dir, "bin", name), env };
}
