// Running the built command the way users do: `node bin/dumpling.js ...`.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

export const BIN = resolve("bin/dumpling.js");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function dumpling(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string>; nodeArgs?: string[] } = {}): CliResult {
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: options.cwd,
    input: options.input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
