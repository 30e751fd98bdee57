// dumpling-json/runtime: CPython's json module (dumps, dump, loads, load), byte for byte.
// See docs/runtime.md for the value mapping, the options and the few documented divergences.

import { JSONDecodeError, PyTypeError } from "./errors.js";
import { JSONDecoder, type DecoderOptions } from "./decoder.js";
import { JSONEncoder, type EncoderOptions } from "./encoder.js";
import { decodeBytes } from "./unicode.js";
import { typeName } from "./values.js";

export {
  JSONDecodeError,
  PyOverflowError,
  PyRecursionError,
  PyTypeError,
  PyUnicodeDecodeError,
  PyValueError,
} from "./errors.js";
// Python's string formatting and codecs (docs/runtime.md, "Python string formatting and codecs").
export { PyUnicodeEncodeError } from "./errors.js";
export { pyAscii } from "./ascii.js";
export { pyDecode, pyEncode } from "./codecs.js";
export { pyFormatValue } from "./format.js";
export { pyFormat } from "./percent-format.js";
export { pyStrFormat } from "./str-format.js";
export { JSONDecoder, LOADS_MAX_DEPTH, type DecoderOptions } from "./decoder.js";
export { C_MAX_DEPTH, DUMP_MAX_DEPTH, JSONEncoder, PY_MAX_DEPTH, type EncoderOptions } from "./encoder.js";
export { floatRepr } from "./float-repr.js";
export {
  KEY_ORDER,
  PyFloat,
  dict,
  float,
  intRepr,
  isDict,
  isFloat,
  isInt,
  isTuple,
  items,
  keys,
  pyRepr,
  pyStr,
  strRepr,
  tuple,
  typeName,
} from "./values.js";

/** The CPython whose json module this runtime reproduces (checked live by the test suite). */
export const VERSION = { runtime: "0.1.0", cpython: "3.11.7" } as const;

export interface DumpsOptions extends EncoderOptions {
  /** A JSONEncoder subclass (Python's `cls=`), constructed with these options. */
  cls?: new (opts: EncoderOptions) => JSONEncoder;
}

export interface LoadsOptions extends DecoderOptions {
  /** A JSONDecoder subclass (Python's `cls=`), constructed with these options. */
  cls?: new (opts: DecoderOptions) => JSONDecoder;
}

/** json.dumps */
export function dumps(obj: unknown, opts: DumpsOptions = {}): string {
  const Cls = opts.cls ?? JSONEncoder;
  return new Cls(opts).encode(obj);
}

/** json.dump: CPython streams chunks with its pure-Python encoder; on an error, fp has received
 * exactly the text CPython would have written before raising. */
export function dump(obj: unknown, fp: { write(s: string): unknown }, opts: DumpsOptions = {}): void {
  const Cls = opts.cls ?? JSONEncoder;
  for (const chunk of new Cls(opts).iterencode(obj)) fp.write(chunk);
}

/** json.loads: a str, or bytes in UTF-8, UTF-16 or UTF-32 (detected as CPython does). */
export function loads(s: string | Uint8Array, opts: LoadsOptions = {}): unknown {
  if (typeof s === "string") {
    if (s.charCodeAt(0) === 0xfeff) throw new JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0);
  } else if (s instanceof Uint8Array) {
    s = decodeBytes(s);
  } else {
    throw new PyTypeError(`the JSON object must be str, bytes or bytearray, not ${typeName(s)}`);
  }
  const Cls = opts.cls ?? JSONDecoder;
  return new Cls(opts).decode(s);
}

/** json.load */
export function load(fp: { read(): string | Uint8Array }, opts: LoadsOptions = {}): unknown {
  return loads(fp.read(), opts);
}

// Python's semantics for translated code (docs/runtime.md, "Python semantics helpers").
export { PyAttributeError, PyIndexError, PyKeyError, PyLookupError, PyZeroDivisionError, UntranslatedPythonError } from "./errors.js";
export { untranslated } from "./untranslated.js";
export type { JsonObject, JsonValue } from "./json-value.js";
export { pyAbs, pyAdd, pyFloorDiv, pyMod, pyMul, pyNeg, pyPos, pyPow, pySub, pyTrueDiv } from "./py-arith.js";
export { pyEq, pyGe, pyGt, pyLe, pyLt, pyNe } from "./py-compare.js";
export { pyGet, pyGetItem, pyIn, pyItems, pyIter, pyKeys, pyLen, pyMappingItems, pySetItem, pySlice, pyValues } from "./py-containers.js";
export { pyBool, pyDict, pyInt, pyList, pyTuple } from "./py-convert.js";
export { pyMethod } from "./methods.js";

// orjson 3.12.0 and ujson 6.0.0 (docs/runtime.md, "orjson and ujson").
export { ORJSON_OPT, OrjsonDecodeError, orjsonDumps, orjsonFloat, orjsonLoads, type OrjsonDumpsOptions } from "./orjson.js";
export { ujsonDump, ujsonDumps, ujsonFloat, ujsonLoad, ujsonLoads, type UjsonDumpsOptions } from "./ujson.js";
