// Running CPython, the oracle: $PYTHON, or python3. In CI (see inCI) a missing one fails the
// suite; elsewhere the tests that need it are skipped with a visible message.
import { spawnSync } from "node:child_process";
import { inCI } from "./env.js";

export const PYTHON = process.env.PYTHON || "python3";

function probe(): string | null {
  const r = spawnSync(PYTHON, ["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

export const pythonVersion = probe();

if (!pythonVersion) {
  const message = `${PYTHON} was not found: the tests that compare with CPython cannot run`;
  if (inCI()) throw new Error(message);
  console.warn(`SKIPPING: ${message}`);
}

/** Run a Python script (with python3, or `python`) with JSON on stdin; return its stdout parsed as JSON. */
export function runPythonJson<T>(script: string, input: unknown, cwd?: string, python = PYTHON): T {
  const r = spawnSync(python, ["-c", script], { input: JSON.stringify(input), encoding: "utf8", cwd, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python3 failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
