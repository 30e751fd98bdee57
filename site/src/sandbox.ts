// Run's JavaScript side, in the page: the translated program, transpiled to CommonJS, runs as the
// body of an async function whose `require` is a module map (dumpling-json/runtime, node:fs on an
// in-memory file system) and whose `console`, `process` and `Buffer` capture what it prints.
// Nothing here touches the page: it runs the same in Node (the tests use it there).

export interface Output {
  /** What the program wrote to stdout, as bytes (UTF-8, as Node writes strings). */
  stdout: Uint8Array;
  stderr: string;
  /** Every file the program left, by path relative to its working directory. */
  files: Map<string, Uint8Array>;
  /** The uncaught exception's message, when the program raised or threw. */
  error: string | null;
}

const utf8 = new TextEncoder();

class Sink {
  private readonly chunks: Uint8Array[] = [];
  write(data: string | Uint8Array): true {
    this.chunks.push(typeof data === "string" ? utf8.encode(data) : data.slice());
    return true;
  }
  bytes(): Uint8Array {
    return concat(this.chunks);
  }
}

export function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function normalize(path: unknown): string {
  const p = String(path).replace(/\\/g, "/");
  const parts: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

function encodingOf(options: unknown): string | null {
  if (typeof options === "string") return options.toLowerCase();
  if (options && typeof options === "object" && typeof (options as { encoding?: unknown }).encoding === "string") {
    return ((options as { encoding: string }).encoding).toLowerCase();
  }
  return null;
}

function encode(data: unknown, encoding: string | null): Uint8Array {
  if (data instanceof Uint8Array) return data.slice();
  const text = String(data);
  if (encoding === "latin1" || encoding === "binary") return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
  return utf8.encode(text);
}

function decode(bytes: Uint8Array, encoding: string | null): string | Uint8Array {
  if (encoding === null) return bytes.slice();
  if (encoding === "latin1" || encoding === "binary") return String.fromCharCode(...bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

function enoent(path: string, syscall: string): Error {
  const e = new Error(`ENOENT: no such file or directory, ${syscall} '${path}'`) as Error & { code: string };
  e.code = "ENOENT";
  return e;
}

/** node:fs on a Map of path → bytes. */
export function memoryFs(files: Map<string, Uint8Array>) {
  return {
    readFileSync(path: unknown, options?: unknown): string | Uint8Array {
      const data = files.get(normalize(path));
      if (!data) throw enoent(String(path), "open");
      return decode(data, encodingOf(options));
    },
    writeFileSync(path: unknown, data: unknown, options?: unknown): void {
      files.set(normalize(path), encode(data, encodingOf(options)));
    },
    appendFileSync(path: unknown, data: unknown, options?: unknown): void {
      const before = files.get(normalize(path)) ?? new Uint8Array(0);
      files.set(normalize(path), concat([before, encode(data, encodingOf(options))]));
    },
    existsSync(path: unknown): boolean {
      return files.has(normalize(path));
    },
  };
}

/** What Node's console.log prints for its arguments (strings as they are; the programs print strings). */
function format(args: unknown[]): string {
  return args.map((a) => (typeof a === "string" ? a : typeof a === "bigint" ? `${a}n` : a instanceof Error ? String(a.stack ?? a) : typeof a === "object" && a !== null ? JSON.stringify(a) : String(a))).join(" ");
}

/**
 * Runs a CommonJS module (the transpiled program) with the given modules; `files` is the file
 * system it starts with (copied). Top-level `await` works: the module is an async function's body.
 */
export async function runModule(js: string, modules: Record<string, unknown>, files: Map<string, Uint8Array> = new Map()): Promise<Output> {
  const stdout = new Sink();
  const stderr = new Sink();
  const fs = new Map([...files].map(([k, v]) => [k, v.slice()]));
  const table: Record<string, unknown> = { ...modules, "node:fs": memoryFs(fs), fs: memoryFs(fs) };
  const require = (name: string) => {
    if (!(name in table)) throw new Error(`Cannot find module '${name}' (Run provides ${Object.keys(table).join(", ")})`);
    return table[name];
  };
  const console = {
    log: (...args: unknown[]) => stdout.write(format(args) + "\n"),
    info: (...args: unknown[]) => stdout.write(format(args) + "\n"),
    error: (...args: unknown[]) => stderr.write(format(args) + "\n"),
    warn: (...args: unknown[]) => stderr.write(format(args) + "\n"),
  };
  const process = { stdout: { write: (s: string | Uint8Array) => stdout.write(s) }, stderr: { write: (s: string | Uint8Array) => stderr.write(s) }, env: {}, argv: ["node", "main.js"] };
  const Buffer = {
    from: (data: unknown, encoding?: string) => encode(data, encoding ? encoding.toLowerCase() : "utf8"),
    isBuffer: (x: unknown) => x instanceof Uint8Array,
  };
  const module = { exports: {} as Record<string, unknown> };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;
  let error: string | null = null;
  try {
    const body = new AsyncFunction("require", "module", "exports", "console", "process", "Buffer", js);
    await body(require, module, module.exports, console, process, Buffer);
  } catch (e) {
    // Node prints an uncaught error's stack to stderr; its name and message are what compare.
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    stderr.write(`Uncaught ${error}\n`);
  }
  return { stdout: stdout.bytes(), stderr: new TextDecoder().decode(stderr.bytes()), files: fs, error };
}

/** The first byte where two outputs differ, or null when they are identical. */
export interface Difference {
  /** "stdout", or the path of a file. */
  where: string;
  /** The byte offset; for a file only one side has, 0. */
  offset: number;
  /** 1-based line and column (in bytes) of that offset. */
  line: number;
  column: number;
  python: number | null;
  typescript: number | null;
  /** Set when only one side has the file. */
  missing?: "python" | "typescript";
}

export function firstDifference(python: Pick<Output, "stdout" | "files">, typescript: Pick<Output, "stdout" | "files">): Difference | null {
  const d = bytesDifference("stdout", python.stdout, typescript.stdout);
  if (d) return d;
  const paths = [...new Set([...python.files.keys(), ...typescript.files.keys()])].sort();
  for (const path of paths) {
    const a = python.files.get(path);
    const b = typescript.files.get(path);
    if (!a || !b) return { where: path, offset: 0, line: 1, column: 1, python: null, typescript: null, missing: a ? "typescript" : "python" };
    const fd = bytesDifference(path, a, b);
    if (fd) return fd;
  }
  return null;
}

function bytesDifference(where: string, a: Uint8Array, b: Uint8Array): Difference | null {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  if (i === n && a.length === b.length) return null;
  let line = 1;
  let lineStart = 0;
  for (let j = 0; j < i; j++) {
    if (a[j] === 0x0a) {
      line++;
      lineStart = j + 1;
    }
  }
  return { where, offset: i, line, column: i - lineStart + 1, python: i < a.length ? (a[i] as number) : null, typescript: i < b.length ? (b[i] as number) : null };
}
