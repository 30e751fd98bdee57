// Writing a fixed file without ever losing it: a temp file in the same directory (same file
// system, so the rename is atomic), the original mode and owner, and a refusal to overwrite a
// file that is read-only or whose bytes changed since they were read. The temp file never stays:
// a failed write removes it, and one left by a killed run is removed by the next run.
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const TEMP_SUFFIX = ".dumpling.tmp";
/** `.<name>.<pid>.<8 hex digits>.dumpling.tmp`: the temp file of process <pid>. */
const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{8}\.dumpling\.tmp$/;

/** A write that was refused on purpose: the file is left as it is. */
export class WriteRefusedError extends Error {}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

function assertUnchanged(path: string, original: Uint8Array): void {
  if (!sameBytes(readFileSync(path), original)) throw new WriteRefusedError("the file changed on disk since it was read; run again");
}

/** Replace `path` (through symlinks) with `bytes`, if it still holds `original`. */
export function writeAtomic(path: string, bytes: Uint8Array, original: Uint8Array): void {
  const target = realpathSync(path);
  const st = statSync(target);
  // Root can write anything; a file without write bits was made read-only on purpose.
  if ((st.mode & 0o222) === 0) throw new WriteRefusedError("the file is read-only");
  assertUnchanged(target, original);
  replaceThroughTemp(target, bytes, st.mode & 0o7777, (tmp) => {
    try {
      chownSync(tmp, st.uid, st.gid);
    } catch {
      // Only root may give a file away; an ordinary user's file is already theirs.
    }
    // The last look before the rename keeps the window for a concurrent edit as small as it gets.
    assertUnchanged(target, original);
  });
}

/** Write a new file, or replace one dumpling wrote before (`convert --out-dir`'s modules), creating its directory. */
export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  replaceThroughTemp(path, new TextEncoder().encode(text), null, () => {});
}

/**
 * A temp file beside `target` (same file system, so the rename is atomic), written, flushed,
 * given `mode` (null: what the umask leaves of 0o666), checked by `beforeRename`, renamed over
 * `target`; removed on any failure.
 */
function replaceThroughTemp(target: string, bytes: Uint8Array, mode: number | null, beforeRename: (tmp: string) => void): void {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}${TEMP_SUFFIX}`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, "wx", mode ?? 0o666);
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    if (mode !== null) chmodSync(tmp, mode); // the umask may have narrowed it
    beforeRename(tmp);
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}

const swept = new Set<string>();

/**
 * A dumpling killed between writing a temp file and renaming it leaves the temp file behind
 * (the original is intact). The next run that fixes a file in that directory removes every such
 * file whose process is gone; once per directory per run.
 */
export function removeStaleTempFiles(path: string): void {
  let dir: string;
  let names: string[];
  try {
    dir = dirname(realpathSync(path));
    if (swept.has(dir)) return;
    swept.add(dir);
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP_FILE.exec(name);
    if (!m || isRunning(Number(m[1]))) continue;
    try {
      rmSync(join(dir, name), { force: true });
    } catch {
      // Not ours to remove (a directory we may not write): left as it is.
    }
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"; // alive, another user's
  }
}
