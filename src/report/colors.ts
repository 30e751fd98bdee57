// Colours of the human-readable output. Decided once per run (--color, the environment, whether
// the output is a terminal) and never through the environment of a child process: Node 24 warns
// on stderr of every process that sees both NO_COLOR and FORCE_COLOR, so dumpling sets neither.
import { createColors } from "picocolors";

export type ColorMode = "auto" | "always" | "never";
export const COLOR_MODES: readonly ColorMode[] = ["auto", "always", "never"];

type Colors = ReturnType<typeof createColors>;

/** The colours in use; off until the command line says otherwise (a library caller gets plain text). */
export let c: Colors = createColors(false);

export function setColors(enabled: boolean): void {
  c = createColors(enabled);
}

/**
 * Whether output to a stream is coloured: `always` and `never` say so; `auto` colours a terminal
 * (not TERM=dumb), unless NO_COLOR is set (non-empty), and FORCE_COLOR (non-empty, not 0 or
 * false) colours any output; when both are set FORCE_COLOR wins, as in Node and ruff.
 */
export function colorsFor(mode: ColorMode, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (mode !== "auto") return mode === "always";
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "" && force !== "0" && force !== "false") return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return !!stream.isTTY && env.TERM !== "dumb";
}
