// Writing a fixed file without ever losing it: a temp file in the same directory (same file
// system, so the rename is atomic), the original mode and owner, and a refusal to overwrite a
// file that is read-only or whose bytes changed since they were read. The temp file never stays.
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

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
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.dumpling.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, "wx", st.mode & 0o7777);
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    chmodSync(tmp, st.mode & 0o7777); // the umask may have narrowed it
    try {
      chownSync(tmp, st.uid, st.gid);
    } catch {
      // Only root may give a file away; an ordinary user's file is already theirs.
    }
    // The last look before the rename keeps the window for a concurrent edit as small as it gets.
    assertUnchanged(target, original);
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}
