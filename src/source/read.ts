// Reading a file to check it, into one buffer reused from file to file (per thread). readFileSync
// allocates a new buffer per file, and its fresh pages fault in: a loop reading the 2,236 files of
// the large bench tree took 135–193 ms that way, 54–75 ms into a reused buffer.
import { closeSync, openSync, readSync } from "node:fs";

/** The shared buffer grows up to this size; a larger file gets its own. */
const SHARED_MAX = 4 * 1024 * 1024;
let shared = new Uint8Array(256 * 1024);

/**
 * A file's bytes, valid only until the next call on this thread: the caller must copy what it
 * keeps (decoding to a string does). Errors are readFileSync's (ENOENT, EISDIR...).
 */
export function readTransient(path: string): Uint8Array {
  const fd = openSync(path, "r");
  try {
    // Read to the end, however the file's size changes meanwhile (no fstat: its Stats object cost
    // as much as the read itself).
    let buffer = shared;
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
    if (buffer.length <= SHARED_MAX) shared = buffer;
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
