// Python's exception kinds, as JS classes. `name` is the text a Python traceback prints before the
// colon, so `String(err)` is exactly the last line of CPython's traceback for the same failure.

/** Python's `ValueError`. */
export class PyValueError extends Error {}
PyValueError.prototype.name = "ValueError";

/** Python's `TypeError`; also a JS `TypeError`, so generic JS handlers still catch it. */
export class PyTypeError extends TypeError {}
PyTypeError.prototype.name = "TypeError";

/** Python's `RecursionError`: raised where CPython's nesting limit would be reached. */
export class PyRecursionError extends Error {}
PyRecursionError.prototype.name = "RecursionError";

/** Python's `OverflowError`. */
export class PyOverflowError extends Error {}
PyOverflowError.prototype.name = "OverflowError";

/** Python's `UnicodeDecodeError` (a `ValueError`), raised by `loads` on undecodable bytes. */
export class PyUnicodeDecodeError extends PyValueError {
  constructor(
    readonly encoding: string,
    readonly object: Uint8Array,
    readonly start: number,
    readonly end: number,
    readonly reason: string,
  ) {
    const where =
      end === start + 1
        ? `byte 0x${(object[start] ?? 0).toString(16).padStart(2, "0")} in position ${start}`
        : `bytes in position ${start}-${end - 1}`;
    super(`'${encoding}' codec can't decode ${where}: ${reason}`);
  }
}
PyUnicodeDecodeError.prototype.name = "UnicodeDecodeError";

/** `json.decoder.JSONDecodeError`. `pos`, `lineno` and `colno` count code points, as Python does. */
export class JSONDecodeError extends PyValueError {
  readonly msg: string;
  readonly doc: string;
  readonly pos: number;
  readonly lineno: number;
  readonly colno: number;

  /** `pos` is a UTF-16 index into `doc`; it is converted to Python's code-point index. */
  constructor(msg: string, doc: string, pos: number) {
    const cpPos = codePointIndex(doc, pos);
    let lineno = 1;
    for (let i = doc.indexOf("\n"); i !== -1 && i < pos; i = doc.indexOf("\n", i + 1)) lineno++;
    const lastNl = pos > 0 ? doc.lastIndexOf("\n", pos - 1) : -1;
    const colno = cpPos - (lastNl < 0 ? -1 : codePointIndex(doc, lastNl));
    super(`${msg}: line ${lineno} column ${colno} (char ${cpPos})`);
    this.msg = msg;
    this.doc = doc;
    this.pos = cpPos;
    this.lineno = lineno;
    this.colno = colno;
  }
}
JSONDecodeError.prototype.name = "json.decoder.JSONDecodeError";

/** Number of code points in `s.slice(0, index)`: a surrogate pair counts once, like a Python str. */
export function codePointIndex(s: string, index: number): number {
  let n = index;
  for (let i = 0; i < index - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Python's `LookupError`: the base of `IndexError` and `KeyError`, and what an unknown codec raises. */
export class PyLookupError extends Error {}
PyLookupError.prototype.name = "LookupError";

/** Python's `IndexError`. */
export class PyIndexError extends PyLookupError {}
PyIndexError.prototype.name = "IndexError";

/** Python's `KeyError`. Its message is `repr(key)`, as `str(KeyError(key))` is in Python. */
export class PyKeyError extends PyLookupError {
  /** `repr` is the key's Python repr (the caller's: this module cannot import pyRepr). */
  constructor(
    readonly key: unknown,
    repr: string,
  ) {
    super(repr);
  }
}
PyKeyError.prototype.name = "KeyError";

/** Python's `ZeroDivisionError`. */
export class PyZeroDivisionError extends Error {}
PyZeroDivisionError.prototype.name = "ZeroDivisionError";

/** Python's `AttributeError`. */
export class PyAttributeError extends Error {}
PyAttributeError.prototype.name = "AttributeError";

/** Python's `UnicodeEncodeError` (a `ValueError`). `start`/`end` count code points of `object`. */
export class PyUnicodeEncodeError extends PyValueError {
  constructor(
    readonly encoding: string,
    readonly object: string,
    readonly start: number,
    readonly end: number,
    readonly reason: string,
  ) {
    const cps = Array.from(object);
    let where: string;
    if (end === start + 1 && start < cps.length) {
      const c = (cps[start] as string).codePointAt(0) as number;
      const hex = c.toString(16);
      const esc = c <= 0xff ? "\\x" + hex.padStart(2, "0") : c <= 0xffff ? "\\u" + hex.padStart(4, "0") : "\\U" + hex.padStart(8, "0");
      where = `character '${esc}' in position ${start}`;
    } else {
      where = `characters in position ${start}-${end - 1}`;
    }
    super(`'${encoding}' codec can't encode ${where}: ${reason}`);
  }
}
PyUnicodeEncodeError.prototype.name = "UnicodeEncodeError";

/**
 * Thrown by `untranslated(...)`: translated code reached Python that dumpling could not translate
 * exactly, or a runtime helper met what it does not reproduce (a complex number, namereplace).
 * Never caught by translated `except` clauses, so it always surfaces.
 */
export class UntranslatedPythonError extends Error {
  constructor(
    readonly python: string,
    readonly where?: string,
  ) {
    super(where === undefined ? `untranslated Python: ${python}` : `untranslated Python at ${where}: ${python}`);
  }
}
UntranslatedPythonError.prototype.name = "UntranslatedPythonError";

/**
 * What the runtime knowingly does not reproduce (namereplace, attributes of built-in values, ...):
 * loud like an untranslated marker, and never a Python exception an `except` clause could catch.
 */
export function notSupported(what: string): Error {
  return new UntranslatedPythonError(`${what} is not supported by the dumpling runtime`);
}
