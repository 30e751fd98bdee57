// The environment of the processes the tests start. Colours are off (NO_COLOR) unless a test
// asks for FORCE_COLOR, and never both: Node 24 warns on stderr of every process that sees
// NO_COLOR and FORCE_COLOR together (even FORCE_COLOR=""), and vitest sets FORCE_COLOR.
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.FORCE_COLOR;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  if (env.FORCE_COLOR !== undefined && extra.NO_COLOR === undefined) delete env.NO_COLOR;
  return env;
}

/**
 * Whether the tests run in CI, where a missing tool (python3, pre-commit, zsh...) fails the suite
 * instead of skipping tests: CI set to anything but "", "0", "false" or "no" (CI systems set
 * "true", "1" or their own name).
 */
export function inCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI;
  return value !== undefined && value !== "" && !/^(0|false|no)$/i.test(value.trim());
}
