// Running the built command the way users do: `node bin/dumpling.js ...`.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { childEnv } from "./env.js";

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
    env: childEnv(options.env),
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
