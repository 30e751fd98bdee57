// Python's obj[key] and getattr(obj, name) as %-formatting's "%(key)s" and str.format's
// "{0[key]}", "{0[1]}" and "{0.name}" use them, on the runtime's values (docs/runtime.md), with
// CPython 3.11's exceptions. What the runtime cannot know (attributes of built-in values,
// __getitem__ of program classes) is refused loudly rather than guessed.

import { PyAttributeError, PyIndexError, PyKeyError, PyTypeError, notSupported } from "./errors.js";
import { pyEq } from "./compare.js";
import { codePoints } from "./text.js";
import { PyFloat, isDict, isTuple, pyRepr, typeName } from "./values.js";

/** `obj[key]` for a str key or an int index (str.format reads digits as an int index). */
export function getItem(obj: unknown, key: string | number): unknown {
  if (isDict(obj)) {
    if (obj instanceof Map) {
      if (typeof key === "string") {
        if (obj.has(key)) return obj.get(key);
      } else {
        for (const [k, v] of obj) if (pyEq(k, key)) return v; // 1, 1.0 and True are one key
      }
    } else if (typeof key === "string" && Object.hasOwn(obj, key)) {
      return obj[key];
    }
    throw new PyKeyError(key, pyRepr(key));
  }
  const name = typeName(obj);
  const seq = sequence(obj);
  if (seq === undefined) {
    if (builtin(obj)) throw new PyTypeError(`'${name}' object is not subscriptable`);
    throw notSupported(`indexing a ${name} in a format string`);
  }
  if (typeof key === "string") {
    throw new PyTypeError(
      name === "str" ? "string indices must be integers, not 'str'" : `${name === "bytes" ? "byte" : name} indices must be integers or slices, not str`,
    );
  }
  if (key < seq.length) return seq[key];
  throw new PyIndexError(name === "str" ? "string index out of range" : name === "bytes" ? "index out of range" : `${name} index out of range`);
}

/** The items of a list, tuple, str (code points) or bytes (ints); undefined for other values. */
function sequence(obj: unknown): readonly unknown[] | undefined {
  if (Array.isArray(obj)) return obj;
  if (typeof obj === "string") return codePoints(obj);
  if (obj instanceof Uint8Array) return Array.from(obj);
  return undefined;
}

// The public attributes of the built-in types (dir() without the dunders, CPython 3.11).
const INT_ATTRS = "as_integer_ratio bit_count bit_length conjugate denominator from_bytes imag numerator real to_bytes";
const STR_BYTES_ATTRS =
  "capitalize center count endswith expandtabs find index isalnum isalpha isascii isdigit islower isspace istitle isupper join " +
  "ljust lower lstrip maketrans partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip split " +
  "splitlines startswith strip swapcase title translate upper zfill";
const ATTRS: Record<string, string> = {
  NoneType: "",
  bool: INT_ATTRS,
  int: INT_ATTRS,
  float: "as_integer_ratio conjugate fromhex hex imag is_integer real",
  str: STR_BYTES_ATTRS + " casefold encode format format_map isdecimal isidentifier isnumeric isprintable",
  bytes: STR_BYTES_ATTRS + " decode fromhex hex",
  list: "append clear copy count extend index insert pop remove reverse sort",
  tuple: "count index",
  dict: "clear copy fromkeys get items keys pop popitem setdefault update values",
  set:
    "add clear copy difference difference_update discard intersection intersection_update isdisjoint issubset issuperset pop " +
    "remove symmetric_difference symmetric_difference_update union update",
};

/** `getattr(obj, name)`: a property of a class instance; built-in values have no data attributes. */
export function getAttr(obj: unknown, name: string): unknown {
  const type = typeName(obj);
  if (builtin(obj)) {
    // Their attributes are methods and properties the runtime does not model: refuse those, and
    // raise Python's AttributeError for the names the type does not have.
    if (name.startsWith("__") || ATTRS[type]!.split(" ").includes(name)) {
      throw notSupported(`the attribute ${name} of a ${type} in a format string`);
    }
    throw new PyAttributeError(`'${type}' object has no attribute '${name}'`);
  }
  // A class instance of the program: its own and inherited properties, methods excepted.
  if (typeof obj === "object" && obj !== null && !(obj instanceof Date) && !name.startsWith("__")) {
    if (!(name in obj)) throw new PyAttributeError(`'${type}' object has no attribute '${name}'`);
    const v = (obj as Record<string, unknown>)[name];
    if (typeof v !== "function") return v;
  }
  throw notSupported(`the attribute ${name} of a ${type} in a format string`);
}

/** Values of the types in ATTRS. */
function builtin(obj: unknown): boolean {
  return (
    obj === null ||
    typeof obj === "boolean" ||
    typeof obj === "string" ||
    typeof obj === "number" ||
    typeof obj === "bigint" ||
    obj instanceof PyFloat ||
    Array.isArray(obj) ||
    isTuple(obj) ||
    isDict(obj) ||
    obj instanceof Set ||
    obj instanceof Uint8Array
  );
}
