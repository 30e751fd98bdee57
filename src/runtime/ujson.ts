// ujson 6.0.0's dumps, dump, loads and load on the runtime's values (docs/runtime.md, "orjson and
// ujson"), each behaviour measured on the real library: compact separators, `/` escaped, Python's
// float repr with a short exponent (`1e-5`, `1e+16`), NaN and infinities as `NaN`/`Infinity`,
// ints of any size, keys coerced with str(), `indent` an int (None raises), at most 1025 nested
// containers, `default` re-applied at most three times in a chain. What the runtime cannot do
// exactly (a class instance, which ujson asks for toDict()/__json__; invalid UTF-8 in bytes; a
// text json refuses, which ujson's lenient decoder may read) is refused loudly.

import { sortItems } from "./compare.js";
import { PyOverflowError, PyTypeError, PyValueError, notSupported } from "./errors.js";
import { floatRepr } from "./float-repr.js";
import { JSONDecoder } from "./decoder.js";
import { KEY_ORDER, PyFloat, intRepr, isDict, isTuple, keys as orderedKeys, pyRepr, pyStr, typeName } from "./values.js";

export interface UjsonDumpsOptions {
  ensureAscii?: boolean;
  encodeHtmlChars?: boolean;
  escapeForwardSlashes?: boolean;
  sortKeys?: boolean;
  /** An int (True is 1): spaces per level; 0 is compact; negative writes ": " but no newlines. */
  indent?: number | bigint | boolean | PyFloat | string | null;
  allowNan?: boolean;
  /** true (the default): bytes go to `default` or raise; false: they are written as UTF-8 text. */
  rejectBytes?: boolean;
  default?: ((o: unknown) => unknown) | null;
  /** [item, key]; default [",", ":"], or [",", ": "] with an indent other than 0. */
  separators?: readonly [string, string] | null;
}

/** Containers nested deeper than this raise OverflowError; default is applied at most this often in a chain. */
const MAX_DEPTH = 1025;
const MAX_DEFAULT_CALLS = 3;

/** ujson's float text: Python's repr with the exponent's leading zeros dropped (`1e-05` → `1e-5`). */
export function ujsonFloat(x: number, allowNan: boolean): string {
  if (x !== x || x === Infinity || x === -Infinity) {
    if (!allowNan) throw new PyOverflowError("Invalid value when encoding double");
    return x !== x ? "NaN" : x > 0 ? "Infinity" : "-Infinity";
  }
  return floatRepr(x).replace(/e([+-])0/, "e$1");
}

const HEX = (c: number): string => "\\u" + c.toString(16).padStart(4, "0");
const SHORT: Record<number, string> = { 8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r", 34: '\\"', 92: "\\\\" };

function strText(s: string, ascii: boolean, html: boolean, slashes: boolean): string {
  let out = '"';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x20 || c === 34 || c === 92) esc = SHORT[c] ?? HEX(c);
    else if (c === 47) esc = slashes ? "\\/" : undefined;
    else if (html && (c === 60 || c === 62 || c === 38)) esc = HEX(c);
    else if (ascii && c >= 0x80) esc = HEX(c);
    if (esc !== undefined) {
      out += s.slice(from, i) + esc;
      from = i + 1;
    }
  }
  return out + s.slice(from) + '"';
}

function utf8(b: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(b);
  } catch {
    // ujson's UnicodeDecodeError names a position one past CPython's: not reproduced.
    throw notSupported("ujson with bytes that are not UTF-8");
  }
}

function dictPairs(d: object): [unknown, unknown][] {
  if (d instanceof Map) return [...d.entries()];
  const ks = (d as { [KEY_ORDER]?: unknown })[KEY_ORDER] === undefined ? Object.keys(d) : orderedKeys(d);
  return ks.map((k) => [k, (d as Record<string, unknown>)[k]]);
}

/** ujson's indent argument as an int (it calls the equivalent of operator.index). */
function indentOf(indent: UjsonDumpsOptions["indent"]): number {
  if (indent === undefined) return 0;
  if (typeof indent === "boolean") return indent ? 1 : 0;
  if (typeof indent === "bigint") return Number(indent);
  if (typeof indent === "number" && Number.isSafeInteger(indent)) return indent;
  const type = indent === null ? "NoneType" : typeName(indent);
  throw new PyTypeError(`'${type}' object cannot be interpreted as an integer`);
}

/** ujson.dumps */
export function ujsonDumps(obj: unknown, opts: UjsonDumpsOptions = {}): string {
  const ascii = opts.ensureAscii ?? true;
  const html = opts.encodeHtmlChars ?? false;
  const slashes = opts.escapeForwardSlashes ?? true;
  const sortKeys = opts.sortKeys ?? false;
  const allowNan = opts.allowNan ?? true;
  const rejectBytes = opts.rejectBytes ?? true;
  const dflt = opts.default ?? null;
  const indent = indentOf(opts.indent);
  const [itemSep, keySep] = opts.separators ?? [",", indent === 0 ? ":" : ": "];
  const str = (s: string): string => strText(s, ascii, html, slashes);

  const keyText = (k: unknown): string => {
    if (typeof k === "string") return k;
    if (k instanceof Uint8Array) return utf8(k);
    if (k === null) return "null";
    if (typeof k === "boolean") return k ? "true" : "false";
    if (typeof k === "bigint" || typeof k === "number" || k instanceof PyFloat || isTuple(k)) return pyStr(k);
    throw notSupported(`ujson with a ${typeName(k)} key`);
  };

  const write = (v: unknown, depth: number, defaultCalls: number): string => {
    switch (typeof v) {
      case "string":
        return str(v);
      case "boolean":
        return v ? "true" : "false";
      case "number":
        return Number.isSafeInteger(v) ? String(v) : ujsonFloat(v, allowNan);
      case "bigint":
        return intRepr(v);
    }
    if (v === null) return "null";
    if (v instanceof PyFloat) return ujsonFloat(v.value, allowNan);
    if (v instanceof Uint8Array && !rejectBytes) return str(utf8(v));
    if (typeof v === "object" && (Array.isArray(v) || isDict(v))) {
      if (depth >= MAX_DEPTH) throw new PyOverflowError("Maximum recursion level reached");
      const pad = indent > 0 ? "\n" + " ".repeat(indent * (depth + 1)) : "";
      const end = indent > 0 ? "\n" + " ".repeat(indent * depth) : "";
      if (Array.isArray(v)) {
        if (v.length === 0) return "[]";
        return "[" + pad + v.map((x) => write(x, depth + 1, 0)).join(itemSep + pad) + end + "]";
      }
      const pairs = dictPairs(v);
      if (pairs.length === 0) return "{}";
      if (sortKeys) {
        // ujson 6.0 sorts str keys by code point; with other keys it may raise or write a broken text.
        if (!pairs.every(([k]) => typeof k === "string")) throw notSupported("ujson's sort_keys with keys that are not all str");
        sortItems(pairs);
      }
      const items = pairs.map(([k, x]) => str(keyText(k)) + keySep + write(x, depth + 1, 0));
      return "{" + pad + items.join(itemSep + pad) + end + "}";
    }
    const exact = v instanceof Uint8Array || (v instanceof Set && v.size <= 1);
    if (dflt !== null && (exact || v instanceof Set)) {
      if (defaultCalls >= MAX_DEFAULT_CALLS) throw new PyTypeError("maximum recursion depth exceeded");
      return write(dflt(v), depth, defaultCalls + 1);
    }
    // The message holds repr(v): exact for bytes and sets of at most one item (a bigger set's repr
    // follows its hash order); a class instance's names its address (and ujson asks it for toDict()).
    if (exact) throw new PyTypeError(`${pyRepr(v)} is not JSON serializable`);
    throw notSupported(`ujson.dumps of a ${typeName(v)}${dflt === null ? "" : " (with default=)"}`);
  };

  return write(obj, 0, 0);
}

/** ujson.dump: ujson writes the whole text with one fp.write, and nothing when it raises. */
export function ujsonDump(obj: unknown, fp: { write(s: string): unknown }, opts: UjsonDumpsOptions = {}): void {
  fp.write(ujsonDumps(obj, opts));
}

/** Nested containers ujson.loads reads (a 1025th raises). */
const LOADS_MAX_DEPTH = 1024;

/**
 * ujson.loads of a str or UTF-8 bytes. A text json reads gives json's values, which are ujson's (NaN
 * and Infinity included; ints of any size). A text json refuses is refused loudly: ujson's decoder
 * reads some of them (`01`, `1.`, raw control characters) and words its errors its own way.
 */
export function ujsonLoads(obj: string | Uint8Array): unknown {
  if (typeof obj !== "string" && !(obj instanceof Uint8Array)) throw new PyTypeError("Expected string, bytes, or bytearray");
  const s = typeof obj === "string" ? obj : utf8(obj);
  try {
    return new JSONDecoder({ maxDepth: LOADS_MAX_DEPTH }).decode(s);
  } catch (err) {
    if (err instanceof PyValueError || (err instanceof Error && err.name === "RecursionError")) {
      throw notSupported(`ujson.loads of a text json refuses (${String(err)})`);
    }
    throw err;
  }
}

/** ujson.load: fp.read(), then loads. */
export function ujsonLoad(fp: { read(): string | Uint8Array }): unknown {
  return ujsonLoads(fp.read());
}
