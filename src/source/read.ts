// Reading a file to check it, into one buffer reused from file to file (per thread). readFileSync
// allocates a new buffer per file, and its fresh pages fault in: reading the 2,236 files of the
// large bench tree took 135–193 ms that way, 54–75 ms into a reused buffer.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/** Files up to this size are read into the shared buffer; larger ones get their own. */
const SHARED_MAX = 4 * 1024 * 1024;
let shared = new Uint8Array(256 * 1024);

/**
 * A file's bytes, valid only until the next call on this thread: the caller must copy what it
 * keeps (decoding to a string does). Errors are readFileSync's (ENOENT, EISDIR...).
 */
export function readTransient(path: string): Uint8Array {
  const fd = openSync(path, "r");
  try {
    // The size is a hint: the file may change while it is read, or be a pipe (size 0).
    const size = fstatSync(fd).size;
    // One byte more than the size: the read that finds the end needs room.
    if (size < SHARED_MAX && shared.length <= size) shared = new Uint8Array(Math.min(SHARED_MAX, 2 * (size + 1)));
    let buffer = size < SHARED_MAX ? shared : new Uint8Array(size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const grown = new Uint8Array(buffer.length * 2);
        grown.set(buffer);
        buffer = grown;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (buffer.length <= SHARED_MAX && buffer.length > shared.length) shared = buffer;
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
