// PLACEHOLDER, replaced at merge by the runtime-format branch's implementation of `%` formatting.

/** Python's `template % args` for a str template. */
export function pyFormat(template: string, args: unknown): string {
  void template;
  void args;
  throw new Error("not yet");
}
