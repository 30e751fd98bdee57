// A temporary directory holding the given files (paths relative to it, "/" separated).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "dumpling-cli-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
