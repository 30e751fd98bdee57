// Python's methods on Python's values, for translated code that calls them on a value whose type
// is not known when it is translated: `d.get(k, [])`, `b.decode("utf-8")`, `", ".join(xs)`,
// `s.split()`. On a str, bytes, dict, list or tuple the method does what Python's does (and raises
// AttributeError where Python's type has no such method); on any other object, the object's own
// method of that name is called, its keyword arguments as a last object (the calling convention
// of code the host provides).
import { pyDecode, pyEncode } from "./codecs.js";
import { notSupported, PyAttributeError, PyTypeError, PyValueError } from "./errors.js";
import { pyEq } from "./py-compare.js";
import { pyGet, pyItems, pyIter, pyKeys, pyValues } from "./py-containers.js";
import { pyDict } from "./py-convert.js";
import { pyStrFormat } from "./str-format.js";
import { isDict, isTuple, pyRepr, typeName } from "./values.js";

type Keywords = Record<string, unknown>;

/** Python's `obj.name(*args, **kwargs)`. */
export function pyMethod(obj: unknown, name: string, args: unknown[] = [], kwargs: Keywords = {}): any {
  if (typeof obj === "string") return strMethod(obj, name, args, kwargs);
  if (obj instanceof Uint8Array) return bytesMethod(obj, name, args, kwargs);
  if (isDict(obj)) return dictMethod(obj, name, args, kwargs);
  if (Array.isArray(obj)) return sequenceMethod(obj, name, args, kwargs);
  if (obj === null || typeof obj !== "object") throw noAttribute(obj, name);
  const method = (obj as Record<string, unknown>)[name];
  if (typeof method !== "function") throw noAttribute(obj, name);
  const rest = Object.keys(kwargs).length > 0 ? [...args, kwargs] : args;
  return (method as (...a: unknown[]) => unknown).apply(obj, rest);
}

function noAttribute(obj: unknown, name: string): Error {
  return new PyAttributeError(`'${typeName(obj)}' object has no attribute '${name}'`);
}

/**
 * How CPython's C methods take their arguments, each with its own TypeError wording (checked
 * against CPython by the tests): no arguments, exactly one, positional-only (Argument Clinic),
 * positional or keyword (Argument Clinic), or a tuple parsed by PyArg_ParseTuple.
 */
type Style = "none" | "one" | "positional" | "keywords" | "tuple";

/** The arguments of `type.method(...)` bound to `params` (a missing optional one is undefined). */
function bind(type: string, method: string, style: Style, params: string[], min: number, args: unknown[], kwargs: Keywords): unknown[] {
  const n = args.length;
  const s = (k: number) => (k === 1 ? "" : "s");
  const keywords = Object.keys(kwargs);
  if (style !== "keywords" && keywords.length > 0) throw new PyTypeError(`${type}.${method}() takes no keyword arguments`);
  if (style === "none" && n > 0) throw new PyTypeError(`${type}.${method}() takes no arguments (${n} given)`);
  if (style === "one" && n !== 1) throw new PyTypeError(`${type}.${method}() takes exactly one argument (${n} given)`);
  if (style === "positional") {
    if (n < min) throw new PyTypeError(`${method} expected at least ${min} argument${s(min)}, got ${n}`);
    if (n > params.length) throw new PyTypeError(`${method} expected at most ${params.length} argument${s(params.length)}, got ${n}`);
  }
  if (style === "tuple") {
    if (n < min) throw new PyTypeError(`${method}() takes at least ${min} argument${s(min)} (${n} given)`);
    if (n > params.length) throw new PyTypeError(`${method}() takes at most ${params.length} argument${s(params.length)} (${n} given)`);
  }
  const out: unknown[] = [...args];
  if (style === "keywords") {
    if (n > params.length) throw new PyTypeError(`${method}() takes at most ${params.length} argument${s(params.length)} (${n} given)`);
    for (const k of keywords) {
      const i = params.indexOf(k);
      if (i < 0) throw new PyTypeError(`'${k}' is an invalid keyword argument for ${method}()`);
      if (i < n) throw new PyTypeError(`argument for ${method}() given by name ('${k}') and position (${i + 1})`);
      out[i] = kwargs[k];
    }
  }
  return out;
}

function requireStr(method: string, what: unknown, position = "argument"): string {
  if (typeof what !== "string") throw new PyTypeError(`${method} ${position} must be str${method.endsWith("with") ? " or a tuple of str" : ""}, not ${typeName(what)}`);
  return what;
}

// str.isspace(): the characters Python's split() and strip() take as whitespace.
const WHITESPACE = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const LEADING_SPACE = new RegExp(`^[${WHITESPACE}]+`);
const TRAILING_SPACE = new RegExp(`[${WHITESPACE}]+$`);
const SPACE_RUN = new RegExp(`[${WHITESPACE}]+`);

function strMethod(s: string, name: string, args: unknown[], kwargs: Keywords): unknown {
  switch (name) {
    case "format":
      return pyStrFormat(s, args, kwargs);
    case "encode": {
      const [encoding = "utf-8", errors = "strict"] = bind("str", "encode", "keywords", ["encoding", "errors"], 0, args, kwargs);
      return pyEncode(s, requireStr("encode()", encoding, "argument 'encoding'"), requireStr("encode()", errors, "argument 'errors'"));
    }
    case "join": {
      const [iterable] = bind("str", "join", "one", ["iterable"], 1, args, kwargs);
      const parts: string[] = [];
      for (const item of pyIter(iterable)) {
        if (typeof item !== "string") throw new PyTypeError(`sequence item ${parts.length}: expected str instance, ${typeName(item)} found`);
        parts.push(item);
      }
      return parts.join(s);
    }
    case "strip":
    case "lstrip":
    case "rstrip": {
      const [chars = null] = bind("str", name, "positional", ["chars"], 0, args, kwargs);
      if (chars !== null && typeof chars !== "string") throw new PyTypeError(`${name} arg must be None or str`);
      return strip(s, name, chars);
    }
    case "lower":
    case "upper":
      bind("str", name, "none", [], 0, args, kwargs);
      return name === "lower" ? s.toLowerCase() : s.toUpperCase();
    case "replace": {
      const [old, replacement, count = -1] = bind("str", "replace", "positional", ["old", "new", "count"], 2, args, kwargs);
      return replace(s, requireStr("replace()", old, "argument 1"), requireStr("replace()", replacement, "argument 2"), Number(count));
    }
    case "split": {
      const [sep = null, maxsplit = -1] = bind("str", "split", "keywords", ["sep", "maxsplit"], 0, args, kwargs);
      if (sep !== null && typeof sep !== "string") throw new PyTypeError(`must be str or None, not ${typeName(sep)}`);
      return split(s, sep, Number(maxsplit));
    }
    case "startswith":
    case "endswith": {
      const [affix, start = null, end = null] = bind("str", name, "tuple", ["prefix", "start", "end"], 1, args, kwargs);
      const cps = Array.from(s);
      const lo = start === null ? 0 : clampIndex(Number(start), cps.length);
      const hi = end === null ? cps.length : clampIndex(Number(end), cps.length);
      const part = cps.slice(lo, Math.max(lo, hi)).join("");
      const candidates = isTuple(affix) ? [...affix] : [affix];
      for (const c of candidates) {
        if (typeof c !== "string") throw new PyTypeError(isTuple(affix) ? `tuple for ${name} must only contain str, not ${typeName(c)}` : `${name} first arg must be str or a tuple of str, not ${typeName(c)}`);
      }
      // Python: an empty affix matches when start is within the string.
      if (lo > cps.length) return false;
      return candidates.some((c) => (name === "startswith" ? part.startsWith(c as string) : part.endsWith(c as string)));
    }
    default:
      throw noAttribute(s, name);
  }
}

function clampIndex(i: number, length: number): number {
  return i < 0 ? Math.max(0, i + length) : Math.min(i, length + 1);
}

function strip(s: string, name: string, chars: string | null): string {
  if (chars === null) {
    let out = s;
    if (name !== "rstrip") out = out.replace(LEADING_SPACE, "");
    if (name !== "lstrip") out = out.replace(TRAILING_SPACE, "");
    return out;
  }
  const set = new Set(Array.from(chars));
  const cps = Array.from(s);
  let lo = 0;
  let hi = cps.length;
  if (name !== "rstrip") while (lo < hi && set.has(cps[lo] as string)) lo++;
  if (name !== "lstrip") while (hi > lo && set.has(cps[hi - 1] as string)) hi--;
  return cps.slice(lo, hi).join("");
}

function replace(s: string, old: string, replacement: string, count: number): string {
  if (count < 0) count = Infinity;
  if (old === "") {
    // Between every character (code point), up to count insertions.
    const cps = Array.from(s);
    let out = "";
    let n = 0;
    for (let i = 0; i <= cps.length; i++) {
      if (n < count) {
        out += replacement;
        n++;
      }
      if (i < cps.length) out += cps[i];
    }
    return out;
  }
  let out = "";
  let at = 0;
  for (let n = 0; n < count; n++) {
    const i = s.indexOf(old, at);
    if (i < 0) break;
    out += s.slice(at, i) + replacement;
    at = i + old.length;
  }
  return out + s.slice(at);
}

function split(s: string, sep: string | null, maxsplit: number): string[] {
  if (maxsplit < 0) maxsplit = Infinity;
  if (sep === null) {
    const out: string[] = [];
    let rest = s.replace(LEADING_SPACE, "");
    while (rest !== "") {
      if (out.length >= maxsplit) {
        out.push(rest);
        break;
      }
      const m = SPACE_RUN.exec(rest);
      if (!m) {
        out.push(rest);
        break;
      }
      out.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
    }
    return out;
  }
  if (sep === "") throw new PyValueError("empty separator");
  const out: string[] = [];
  let at = 0;
  while (out.length < maxsplit) {
    const i = s.indexOf(sep, at);
    if (i < 0) break;
    out.push(s.slice(at, i));
    at = i + sep.length;
  }
  out.push(s.slice(at));
  return out;
}

function bytesMethod(b: Uint8Array, name: string, args: unknown[], kwargs: Keywords): unknown {
  if (name === "decode") {
    const [encoding = "utf-8", errors = "strict"] = bind("bytes", "decode", "keywords", ["encoding", "errors"], 0, args, kwargs);
    return pyDecode(b, requireStr("decode()", encoding, "argument 'encoding'"), requireStr("decode()", errors, "argument 'errors'"));
  }
  // bytes has the str methods too (on bytes); the runtime does not reproduce them.
  if (["join", "strip", "lstrip", "rstrip", "lower", "upper", "replace", "split", "startswith", "endswith"].includes(name)) {
    throw notSupported(`bytes.${name}()`);
  }
  throw noAttribute(b, name);
}

function dictMethod(d: Map<unknown, unknown> | Record<string, unknown>, name: string, args: unknown[], kwargs: Keywords): unknown {
  switch (name) {
    case "get": {
      const [key, dflt = null] = bind("dict", "get", "positional", ["key", "default"], 1, args, kwargs);
      return pyGet(d, key, dflt);
    }
    case "keys":
    case "values":
    case "items":
      // A view in Python, a list here: iteration, len(), `in` and list() agree (see docs/runtime.md).
      bind("dict", name, "none", [], 0, args, kwargs);
      return name === "keys" ? pyKeys(d) : name === "values" ? pyValues(d) : pyItems(d);
    case "copy":
      bind("dict", name, "none", [], 0, args, kwargs);
      return pyDict(d);
    default:
      throw noAttribute(d, name);
  }
}

function sequenceMethod(xs: readonly unknown[], name: string, args: unknown[], kwargs: Keywords): unknown {
  const type = typeName(xs);
  switch (name) {
    case "copy":
      if (isTuple(xs)) break;
      bind(type, name, "none", [], 0, args, kwargs);
      return [...xs];
    case "count": {
      const [value] = bind(type, name, "one", ["value"], 1, args, kwargs);
      return xs.filter((x) => pyEq(x, value)).length;
    }
    case "index": {
      // start and stop are not reproduced: the common one-argument form only.
      if (args.length > 1) throw notSupported(`${type}.index() with start or stop`);
      const [value] = bind(type, name, "positional", ["value", "start", "stop"], 1, args, kwargs);
      const i = xs.findIndex((x) => pyEq(x, value));
      if (i < 0) throw new PyValueError(isTuple(xs) ? "tuple.index(x): x not in tuple" : `${pyRepr(value)} is not in list`);
      return i;
    }
  }
  throw noAttribute(xs, name);
}
