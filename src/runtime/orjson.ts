// orjson 3.12.0's dumps and loads on the runtime's values (docs/runtime.md, "orjson and ujson"), each
// behaviour measured on the real library: compact output as UTF-8 bytes, floats laid out its own
// way (`0.00001`, `1e-7`, `1e+16`), NaN and infinities as `null`, ints only within 64 bits, str keys
// only (unless OPT_NON_STR_KEYS), at most 254 nested containers, `default` called up to 254 times
// in a chain. Values orjson serializes natively but the runtime does not model (dataclasses,
// datetimes, enums, UUIDs, numpy arrays: any class instance) are refused loudly.

import { cmpStr } from "./compare.js";
import { JSONDecodeError, PyTypeError, UntranslatedPythonError, notSupported } from "./errors.js";
import { JSONDecoder } from "./decoder.js";
import { KEY_ORDER, PyFloat, isDict, keys as orderedKeys, typeName } from "./values.js";

/** orjson's option flags (`orjson.OPT_*`), as the real module defines them. */
export const ORJSON_OPT = {
  INDENT_2: 1,
  NAIVE_UTC: 2,
  NON_STR_KEYS: 4,
  OMIT_MICROSECONDS: 8,
  SERIALIZE_NUMPY: 16,
  SORT_KEYS: 32,
  STRICT_INTEGER: 64,
  UTC_Z: 128,
  PASSTHROUGH_SUBCLASS: 256,
  PASSTHROUGH_DATETIME: 512,
  APPEND_NEWLINE: 1024,
  PASSTHROUGH_DATACLASS: 2048,
  SERIALIZE_DATACLASS: 0,
  SERIALIZE_UUID: 0,
} as const;

/** Every bit orjson accepts; another one is `TypeError: Invalid opts`. */
const ALL_OPTS = 4095;

export interface OrjsonDumpsOptions {
  /** Called for a value orjson cannot serialize; its result is serialized in turn. */
  default?: ((o: unknown) => unknown) | null;
  /** The `option=` flags, OR'ed (`ORJSON_OPT.INDENT_2 | ORJSON_OPT.SORT_KEYS`). */
  option?: number | bigint | null;
}

/** Nested containers orjson serializes (a 255th raises), and `default` calls in a chain. */
const MAX_DEPTH = 254;
const MAX_DEFAULT_CALLS = 255;
const U64_MAX = 2n ** 64n - 1n;
const I64_MIN = -(2n ** 63n);

const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const hasLoneSurrogate = (s: string): boolean => SURROGATE.test(s) && LONE_SURROGATE.test(s);

/** orjson's float text: the shortest round-trip digits, positional for 1e-5 <= |x| < 1e16, else `1e-7` / `1e+16`. */
export function orjsonFloat(x: number): string {
  if (x !== x || x === Infinity || x === -Infinity) return "null";
  if (x === 0) return 1 / x < 0 ? "-0.0" : "0.0";
  const a = Math.abs(x);
  if (a >= 1e-5 && a < 1e16) {
    // JS writes positional text in this range (1e-7 <= |x| < 1e21), with the same digits.
    const s = String(x);
    return Number.isInteger(x) ? s + ".0" : s;
  }
  return x.toExponential().replace(/e\+?/, (m) => (m === "e+" ? "e+" : "e"));
}

function isInt(v: unknown): v is number | bigint {
  return typeof v === "bigint" || (typeof v === "number" && Number.isSafeInteger(v));
}

function intText(v: number | bigint, strict: boolean): string {
  if (typeof v === "bigint" && (v > U64_MAX || v < I64_MIN)) throw new PyTypeError("Integer exceeds 64-bit range");
  if (strict && typeof v === "bigint" && (v >= 2n ** 53n || v <= -(2n ** 53n))) throw new PyTypeError("Integer exceeds 53-bit range");
  return typeof v === "number" ? String(v) : v.toString();
}

function strText(s: string): string {
  if (hasLoneSurrogate(s)) throw new PyTypeError("str is not valid UTF-8: surrogates not allowed");
  // orjson escapes what JSON.stringify escapes (", \, control characters; 0x7f stays raw).
  return JSON.stringify(s);
}

/** A dict's [key, value] pairs in Python's order. */
function dictPairs(d: object): [unknown, unknown][] {
  if (d instanceof Map) return [...d.entries()];
  const ks = (d as { [KEY_ORDER]?: unknown })[KEY_ORDER] === undefined ? Object.keys(d) : orderedKeys(d);
  return ks.map((k) => [k, (d as Record<string, unknown>)[k]]);
}

/** Values orjson serializes that are neither JSON nor modelled by the runtime: refused loudly. */
function isModelled(v: object): boolean {
  return v instanceof Set || v instanceof Uint8Array;
}

/** orjson.dumps: UTF-8 bytes. */
export function orjsonDumps(obj: unknown, opts: OrjsonDumpsOptions = {}): Uint8Array {
  const raw = opts.option ?? 0;
  const option = typeof raw === "bigint" ? (raw >= 0n && raw <= BigInt(ALL_OPTS) ? Number(raw) : -1) : raw;
  if (!Number.isSafeInteger(option) || option < 0 || (option & ~ALL_OPTS) !== 0) throw new PyTypeError("Invalid opts");
  const indent = (option & ORJSON_OPT.INDENT_2) !== 0;
  const nonStrKeys = (option & ORJSON_OPT.NON_STR_KEYS) !== 0;
  const sortKeys = (option & ORJSON_OPT.SORT_KEYS) !== 0;
  const strict = (option & ORJSON_OPT.STRICT_INTEGER) !== 0;
  const dflt = opts.default ?? null;

  const keyText = (k: unknown): string => {
    if (typeof k === "string") {
      if (hasLoneSurrogate(k)) throw new PyTypeError("str is not valid UTF-8: surrogates not allowed");
      return k;
    }
    if (!nonStrKeys) throw new PyTypeError("Dict key must be str");
    if (k === null) return "null";
    if (typeof k === "boolean") return k ? "true" : "false";
    if (isInt(k)) {
      if (typeof k === "bigint" && (k > U64_MAX || k < I64_MIN)) throw new PyTypeError("Dict integer key must be within 64-bit range");
      return String(k);
    }
    if (typeof k === "number") return orjsonFloat(k);
    if (k instanceof PyFloat) return orjsonFloat(k.value);
    if (typeof k === "object" && !Array.isArray(k) && !isModelled(k)) throw notSupported(`orjson with a ${typeName(k)} key`);
    throw new PyTypeError("Dict key must a type serializable with OPT_NON_STR_KEYS");
  };

  const write = (v: unknown, depth: number, defaultCalls: number): string => {
    switch (typeof v) {
      case "string":
        return strText(v);
      case "boolean":
        return v ? "true" : "false";
      case "number":
        return Number.isSafeInteger(v) ? intText(v, strict) : orjsonFloat(v);
      case "bigint":
        return intText(v, strict);
    }
    if (v === null) return "null";
    if (v instanceof PyFloat) return orjsonFloat(v.value);
    if (typeof v === "object" && (Array.isArray(v) || isDict(v))) {
      if (depth >= MAX_DEPTH) throw new PyTypeError("Recursion limit reached");
      const pad = indent ? "\n" + "  ".repeat(depth + 1) : "";
      const end = indent ? "\n" + "  ".repeat(depth) : "";
      if (Array.isArray(v)) {
        if (v.length === 0) return "[]";
        return "[" + pad + v.map((x) => write(x, depth + 1, defaultCalls)).join("," + pad) + end + "]";
      }
      const pairs = dictPairs(v);
      if (pairs.length === 0) return "{}";
      const sep = indent ? ": " : ":";
      const item = (k: string, x: unknown): string => JSON.stringify(k) + sep + write(x, depth + 1, defaultCalls);
      // Sorted or with non-str keys: every key is converted first; else each key just before its value.
      const items = sortKeys || nonStrKeys
        ? pairs.map(([k, x]): [string, unknown] => [keyText(k), x]).sort((a, b) => (sortKeys ? cmpStr(a[0], b[0]) : 0)).map(([k, x]) => item(k, x))
        : pairs.map(([k, x]) => item(keyText(k), x));
      return "{" + pad + items.join("," + pad) + end + "}";
    }
    if (typeof v !== "object" || !isModelled(v)) throw notSupported(`orjson.dumps of a ${typeName(v)}`);
    if (dflt === null) throw new PyTypeError(`Type is not JSON serializable: ${typeName(v)}`);
    if (defaultCalls >= MAX_DEFAULT_CALLS) throw new PyTypeError("default serializer exceeds recursion limit");
    let converted: unknown;
    try {
      converted = dflt(v);
    } catch (err) {
      // orjson replaces whatever default raised by its own TypeError (with default's error as the cause).
      if (err instanceof UntranslatedPythonError) throw err;
      throw new PyTypeError(`Type is not JSON serializable: ${typeName(v)}`, { cause: err });
    }
    return write(converted, depth, defaultCalls + 1);
  };

  const text = write(obj, 0, 0) + ((option & ORJSON_OPT.APPEND_NEWLINE) !== 0 ? "\n" : "");
  return new TextEncoder().encode(text);
}

// --- loads -------------------------------------------------------------------------------------------

/** orjson.JSONDecodeError: a json.JSONDecodeError (and so a ValueError) of its own. */
export class OrjsonDecodeError extends JSONDecodeError {}
OrjsonDecodeError.prototype.name = "orjson.JSONDecodeError";

/** Nested containers orjson.loads reads (a 1025th raises). */
const LOADS_MAX_DEPTH = 1024;

function decodeError(msg: string, doc: string, pos: number): OrjsonDecodeError {
  return new OrjsonDecodeError(msg, doc, pos);
}

/** orjson's number: ints within 64 bits as ints, past that a float; a float that overflows raises. */
function orjsonNumber(doc: () => string) {
  const asFloat = (s: string): number | PyFloat => {
    const x = Number(s);
    if (x === Infinity || x === -Infinity) throw decodeError("number is infinity when parsed as double", doc(), 0);
    return Number.isInteger(x) ? new PyFloat(x) : x;
  };
  return {
    parseInt: (s: string): unknown => {
      const b = BigInt(s);
      if (b > U64_MAX || b < I64_MIN) return asFloat(s);
      return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
    },
    parseFloat: asFloat,
  };
}

const ESCAPE = /\\(?:u([0-9a-fA-F]{4})|[^])/g;

/**
 * Whether the text escapes a lone surrogate (`"\ud800"`), which orjson refuses, where json reads it.
 * (Checked on the text: a later duplicate key can drop the string from the value.)
 */
function escapesLoneSurrogate(s: string): boolean {
  if (!s.includes("\\u")) return false;
  let highEnd = -1; // where an escaped high surrogate ended, waiting for its low half
  for (const m of s.matchAll(ESCAPE)) {
    const unit = m[1] === undefined ? -1 : parseInt(m[1], 16);
    const low = unit >= 0xdc00 && unit <= 0xdfff;
    if (highEnd !== -1 && !(low && m.index === highEnd)) return true;
    if (highEnd === -1 && low) return true;
    highEnd = unit >= 0xd800 && unit <= 0xdbff ? m.index + m[0].length : -1;
  }
  return highEnd !== -1;
}

/**
 * orjson.loads of a str or of UTF-8 bytes (bytes, bytearray, memoryview). The values are orjson's; a
 * text orjson refuses raises `orjson.JSONDecodeError` (a ValueError), whose message here is json's
 * (or a short description), not orjson's own: docs/runtime.md, "orjson and ujson".
 */
export function orjsonLoads(obj: string | Uint8Array): unknown {
  let s: string;
  if (typeof obj === "string") {
    if (hasLoneSurrogate(obj)) throw decodeError("str is not valid UTF-8: surrogates not allowed", obj, 0);
    s = obj;
  } else if (obj instanceof Uint8Array) {
    try {
      s = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(obj);
    } catch {
      throw decodeError("str is not valid UTF-8", "", 0);
    }
  } else {
    throw decodeError("Input must be bytes, bytearray, memoryview, or str", "", 0);
  }
  if (s.charCodeAt(0) === 0xfeff) throw decodeError("UTF-8 byte order mark (BOM) is not supported", s, 0);
  if (escapesLoneSurrogate(s)) throw decodeError("no low surrogate in string", s, 0);
  try {
    return new JSONDecoder({
      ...orjsonNumber(() => s),
      parseConstant: () => {
        throw decodeError("unexpected character, expected a JSON value", s, 0);
      },
      maxDepth: LOADS_MAX_DEPTH,
    }).decode(s);
  } catch (err) {
    if (err instanceof OrjsonDecodeError || err instanceof UntranslatedPythonError) throw err;
    if (err instanceof JSONDecodeError) throw decodeError(err.msg, s, err.pos);
    if (err instanceof Error && err.name === "RecursionError") throw decodeError("depth limit exceeded", s, 0);
    throw err;
  }
}
