// A tree to fix, and what to compare after fixing it: copies of CPython's standard library, of
// fixtures/ and examples/, and of the rule fixtures re-encoded (CRLF, lone CR, a BOM, latin-1 with
// its cookie) with a mix of file modes.
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { stdlibDir } from "../../bench/corpus.mjs";

export interface Snapshot {
  bytes: Buffer;
  mode: number;
}

/** Every file under `dir` (relative paths, sorted), with its bytes and mode. */
export function snapshot(dir: string): Map<string, Snapshot> {
  const out = new Map<string, Snapshot>();
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out.set(relative(dir, p), { bytes: readFileSync(p), mode: st.mode & 0o7777 });
    }
  };
  walk(dir);
  return out;
}

const VARIANTS: Record<string, (text: string) => Buffer> = {
  crlf: (t) => Buffer.from(t.replace(/\n/g, "\r\n")),
  cr: (t) => Buffer.from(t.replace(/\n/g, "\r")),
  bom: (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]),
  // The cookie goes on line 1, or line 2 after a shebang; "café" in latin-1 shows the bytes are kept.
  latin1: (t) => Buffer.from(`# -*- coding: latin-1 -*-\n# caf\u00e9\n${t}`, "latin1"),
};

const MODES = [0o644, 0o600, 0o755, 0o640];

/** A temporary tree: `stdlib/` (when asked), `fixtures/`, `examples/`, `variants/<kind>/`. */
export function fixTree(options: { stdlib: boolean }): string {
  const dir = mkdtempSync(join(tmpdir(), "dumpling-fixtree-"));
  if (options.stdlib) cpSync(stdlibDir(), join(dir, "stdlib"), { recursive: true, filter: (src) => !src.endsWith(".complete") });
  cpSync("fixtures", join(dir, "fixtures"), { recursive: true });
  cpSync("examples", join(dir, "examples"), { recursive: true });
  const rules = readdirSync("fixtures/rules").filter((f) => f.endsWith(".py"));
  for (const [kind, encode] of Object.entries(VARIANTS)) {
    mkdirSync(join(dir, "variants", kind), { recursive: true });
    for (const f of rules) {
      const text = readFileSync(join("fixtures/rules", f), "utf8");
      if (kind === "latin1" && /[^\u0000-\u00ff]/.test(text)) continue;
      writeFileSync(join(dir, "variants", kind, f), encode(text));
    }
  }
  [...snapshot(dir).keys()].filter((p) => p.endsWith(".py")).forEach((p, i) => chmodSync(join(dir, p), MODES[i % MODES.length] as number));
  return dir;
}

/** Which line endings a text uses. */
export function lineEndings(bytes: Buffer): string[] {
  const t = bytes.toString("latin1");
  const kinds = new Set<string>();
  for (const m of t.matchAll(/\r\n|\r|\n/g)) kinds.add(m[0] === "\r\n" ? "CRLF" : m[0] === "\r" ? "CR" : "LF");
  return [...kinds].sort();
}

/** Temp files a fix leaves while it writes. */
export const isTempFile = (path: string) => path.endsWith(".dumpling.tmp");
