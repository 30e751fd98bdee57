// json.dumps / json.dump, iteratively (an explicit stack, so depth never overflows the JS stack).
// CPython has two encoders: the C one (dumps without indent) and the pure-Python one (dumps with
// indent, and every json.dump). They differ in a few messages, in where RecursionError strikes and in
// what dump has written before an error; `cMode` selects which one we reproduce.

import { PyRecursionError, PyTypeError, PyValueError } from "./errors.js";
import { floatJson, floatRepr } from "./float-repr.js";
import { sortItems } from "./compare.js";
import { fastDumps } from "./fast-encoder.js";
import { KEY_ORDER, PyFloat, intRepr, isDict, isTuple, keys as orderedKeys, typeName } from "./values.js";

export interface EncoderOptions {
  skipkeys?: boolean;
  ensureAscii?: boolean;
  checkCircular?: boolean;
  allowNan?: boolean;
  /** Python's indent: an int (spaces; 0 or negative = newlines only), a string, true (= 1) or null. */
  indent?: number | bigint | string | boolean | PyFloat | null;
  /** [item_separator, key_separator]; default [", ", ": "], or [",", ": "] with an indent. */
  separators?: readonly [string, string] | null;
  default?: ((o: unknown) => unknown) | null;
  sortKeys?: boolean;
  /** Nesting depth past which RecursionError is raised; default: where CPython 3.11 raises it when
   * called from module level (995 for dumps, 996 with an indent, 997 for dump). `Infinity` disables it. */
  maxDepth?: number;
}

/** CPython's limits when json is called from a module's top level (measured on 3.11.7): the C
 * encoder (dumps), the Python encoder under dumps(indent=...), and under dump / iterencode. */
export const C_MAX_DEPTH = 995;
export const PY_MAX_DEPTH = 996;
export const DUMP_MAX_DEPTH = 997;

// --- strings -------------------------------------------------------------------------------------

const NEEDS_ASCII_ESCAPE = /[\u007f-\uffff]/;
/** A surrogate that is not half of a pair (Python writes it raw with ensure_ascii=False; JS escapes it). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const SURROGATE = /[\ud800-\udfff]/;
const hasLoneSurrogate = (s: string): boolean => SURROGATE.test(s) && LONE_SURROGATE.test(s);
const UNIT_ESCAPES: string[] = [];

function hex4(c: number): string {
  return (UNIT_ESCAPES[c] ??= "\\u" + c.toString(16).padStart(4, "0"));
}

/** encode_basestring_ascii: JSON.stringify's escapes, then every code unit >= 0x7f as \uXXXX. */
export function encodeStrAscii(s: string): string {
  const j = JSON.stringify(s);
  if (!NEEDS_ASCII_ESCAPE.test(j)) return j;
  let out = "";
  let from = 0;
  for (let i = 0; i < j.length; i++) {
    const c = j.charCodeAt(i);
    if (c >= 0x7f) {
      out += j.slice(from, i) + hex4(c);
      from = i + 1;
    }
  }
  return out + j.slice(from);
}

/** encode_basestring: like JSON.stringify, but lone surrogates are written raw, as Python does. */
export function encodeStrUnicode(s: string): string {
  if (!hasLoneSurrogate(s)) return JSON.stringify(s);
  let out = '"';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 34 || c === 92) {
      out += s.slice(from, i) + JSON.stringify(s[i]).slice(1, -1);
      from = i + 1;
    }
  }
  return out + s.slice(from) + '"';
}

// --- the encoder ---------------------------------------------------------------------------------

interface Frame {
  /** The list or dict (or, for a `default` frame, the converted object) held in the markers. */
  obj: object;
  list: readonly unknown[] | null;
  /** Dict items: keys and values side by side (values null for a plain object read in place). */
  keys: readonly unknown[] | null;
  vals: readonly unknown[] | null;
  i: number;
  /** Indent level of the items (a `default` frame keeps its parent's). */
  level: number;
  first: boolean;
  /** What goes before the first list item ("[" and, with an indent, a newline). */
  open: string;
  sep: string;
  close: string;
}

export interface EncodeState {
  /** Output produced before an error, as CPython's pure-Python encoder would have yielded it. */
  partial: string;
}

export class JSONEncoder {
  skipkeys: boolean;
  ensureAscii: boolean;
  checkCircular: boolean;
  allowNan: boolean;
  sortKeys: boolean;
  indent: EncoderOptions["indent"];
  itemSeparator: string;
  keySeparator: string;
  maxDepth: number | undefined;

  constructor(opts: EncoderOptions = {}) {
    this.skipkeys = opts.skipkeys ?? false;
    this.ensureAscii = opts.ensureAscii ?? true;
    this.checkCircular = opts.checkCircular ?? true;
    this.allowNan = opts.allowNan ?? true;
    this.sortKeys = opts.sortKeys ?? false;
    this.indent = opts.indent ?? null;
    this.maxDepth = opts.maxDepth;
    if (opts.separators != null) [this.itemSeparator, this.keySeparator] = opts.separators;
    else [this.itemSeparator, this.keySeparator] = [this.indent === null ? ", " : ",", ": "];
    if (opts.default != null) this.default = opts.default;
  }

  /** Called for values with no JSON form; return something encodable or throw. */
  default(o: unknown): unknown {
    throw new PyTypeError(`Object of type ${typeName(o)} is not JSON serializable`);
  }

  /** JSONEncoder.encode: the whole text. */
  encode(o: unknown): string {
    if (typeof o === "string") return this.ensureAscii ? encodeStrAscii(o) : encodeStrUnicode(o);
    // (A subclass's own iterencode must be the one that runs, as in Python.)
    const fast = this.iterencode === JSONEncoder.prototype.iterencode ? this.fast(o, true) : undefined;
    if (fast !== undefined) return fast;
    let out = "";
    for (const chunk of this.iterencode(o, true)) out += chunk;
    return out;
  }

  /** JSONEncoder.iterencode: yields the text (one chunk; on error, what CPython had yielded, then throws). */
  *iterencode(o: unknown, oneShot = false): Generator<string, void, undefined> {
    const fast = oneShot ? undefined : this.fast(o, false);
    if (fast !== undefined) {
      yield fast;
      return;
    }
    const state: EncodeState = { partial: "" };
    let text: string;
    try {
      const cMode = oneShot && this.indent === null;
      const depth = this.maxDepth ?? (cMode ? C_MAX_DEPTH : oneShot ? PY_MAX_DEPTH : DUMP_MAX_DEPTH);
      text = encodeValue(this, o, cMode, depth, state);
    } catch (err) {
      if (state.partial !== "") yield state.partial;
      throw err;
    }
    yield text;
  }

  /** The text by the fast path (fast-encoder.ts), when the value allows it; else undefined.
   * (Such a value cannot fail to encode, so dump's partial output never comes into play.) */
  private fast(o: unknown, oneShot: boolean): string | undefined {
    if (this.sortKeys) return undefined;
    if (typeof this.indent === "object" && this.indent !== null) return undefined; // a PyFloat: TypeError
    const indent = this.indent === null ? null : indentString(this.indent);
    const depth = indent === null && oneShot ? C_MAX_DEPTH : oneShot ? PY_MAX_DEPTH : DUMP_MAX_DEPTH;
    return fastDumps(o, {
      indent,
      itemSep: this.itemSeparator,
      keySep: this.keySeparator,
      ascii: this.ensureAscii,
      allowNan: this.allowNan,
      maxDepth: this.maxDepth ?? depth,
    });
  }
}

/** Python's `' ' * indent` (or the string itself). */
function indentString(indent: EncoderOptions["indent"]): string | null {
  if (indent === null || indent === undefined) return null;
  if (typeof indent === "string") return indent;
  if (typeof indent === "boolean") return indent ? " " : "";
  if (typeof indent === "bigint") return " ".repeat(Math.max(0, Number(indent)));
  if (typeof indent === "number" && Number.isSafeInteger(indent)) return " ".repeat(Math.max(0, indent));
  throw new PyTypeError(`can't multiply sequence by non-int of type '${typeName(indent)}'`);
}

/** Encode `o` with `enc`'s options; `cMode` reproduces CPython's C encoder, else the Python one. */
export function encodeValue(enc: JSONEncoder, o: unknown, cMode: boolean, maxDepth: number, state: EncodeState): string {
  const indent = cMode ? null : indentString(enc.indent);
  const ascii = enc.ensureAscii;
  const allowNan = enc.allowNan;
  const skipkeys = enc.skipkeys;
  const sortKeys = enc.sortKeys;
  const circular = enc.checkCircular;
  const itemSep = enc.itemSeparator;
  const keySep = enc.keySeparator;
  const str = ascii ? encodeStrAscii : encodeStrUnicode;
  const nanMessage = (x: number): string =>
    "Out of range float values are not JSON compliant" + (cMode ? "" : ": " + floatRepr(x));
  const floatStr = (x: number): string => {
    if (!allowNan && (x !== x || x === Infinity || x === -Infinity)) throw new PyValueError(nanMessage(x));
    return floatJson(x);
  };

  const stack: Frame[] = [];
  // Circular markers: the open containers on the stack; a Set joins in for deep stacks.
  let deepMarkers: Set<object> | null = null;
  const enter = (obj: object, list: readonly unknown[] | null): Frame => {
    if (stack.length >= maxDepth) {
      throw new PyRecursionError(
        cMode
          ? "maximum recursion depth exceeded while encoding a JSON object"
          : "maximum recursion depth exceeded while calling a Python object",
      );
    }
    if (circular) {
      const n = Math.min(stack.length, 64);
      for (let j = 0; j < n; j++) if (stack[j]!.obj === obj) throw new PyValueError("Circular reference detected");
      if (deepMarkers !== null && deepMarkers.has(obj)) throw new PyValueError("Circular reference detected");
      if (stack.length >= 64) (deepMarkers ??= new Set()).add(obj);
    }
    const level = (stack[stack.length - 1]?.level ?? 0) + (list === null && !isDict(obj) ? 0 : 1);
    const f: Frame = { obj, list, keys: null, vals: null, i: 0, level, first: true, open: "", sep: itemSep, close: "" };
    stack.push(f);
    return f;
  };
  const leave = (): Frame => {
    const f = stack.pop()!;
    if (deepMarkers !== null && stack.length >= 64) deepMarkers.delete(f.obj);
    return f;
  };
  // Per indent level: "\n" + indent * level, and the item separator that goes with it.
  const newlines: string[] = [];
  const seps: string[] = [];
  const newline = (f: Frame, open: string): string => {
    if (indent === null) {
      f.close = open === "[" ? "]" : "}";
      return open;
    }
    const depth = f.level;
    for (let d = newlines.length; d <= depth; d++) {
      newlines.push("\n" + indent.repeat(d));
      seps.push(itemSep + newlines[d]);
    }
    f.sep = seps[depth]!;
    f.close = newlines[depth - 1]! + (open === "[" ? "]" : "}");
    return open + newlines[depth]!;
  };

  /** The text of a scalar, or undefined for containers and unsupported values. */
  const scalar = (x: unknown): string | undefined => {
    switch (typeof x) {
      case "string":
        return str(x);
      case "number":
        return Number.isSafeInteger(x) ? String(x) : floatStr(x);
      case "boolean":
        return x ? "true" : "false";
      case "bigint":
        return intRepr(x);
      case "object":
        if (x === null) return "null";
        if (x instanceof PyFloat) return floatStr(x.value);
    }
    return undefined;
  };

  // Output: a string grown by +=, set aside every 2048 pieces once flattened. (A single rope grown
  // to the end keeps all its nodes alive, and the garbage collector copies them again and again.)
  const done: string[] = [];
  let out = "";
  let pieces = 0;
  const add = (t: string): void => {
    out += t;
    if (++pieces === 2048) {
      out.charCodeAt(0); // flattens the rope, so its nodes die young
      done.push(out);
      out = "";
      pieces = 0;
    }
  };
  const text = (): string => (done.length === 0 ? out : done.join("") + out);
  let pre = ""; // text that goes out together with the next value (CPython's `buf`)
  let v: unknown = o;
  try {
    for (;;) {
      // ---- write the value v, preceded by pre
      const prim = scalar(v);
      if (prim !== undefined) {
        add(pre + prim);
        pre = "";
      } else {
        add(pre);
        pre = "";
        const obj = v as object;
        if (Array.isArray(obj)) {
          if (obj.length === 0) {
            if (stack.length >= maxDepth) enter(obj, obj); // raises RecursionError
            add("[]");
          } else {
            const f = enter(obj, obj);
            // CPython yields "[" together with the first item.
            f.open = newline(f, "[");
          }
        } else if (isDict(obj)) {
          const [ks, vs] = dictItems(obj);
          if (ks.length === 0) {
            if (stack.length >= maxDepth) enter(obj, null); // raises RecursionError
            add("{}");
          } else {
            const f = enter(obj, null);
            add(newline(f, "{"));
            if (sortKeys) sortFrame(f, ks, vs);
            else [f.keys, f.vals] = [ks, vs];
          }
        } else {
          // Not JSON: mark it, then encode whatever default() makes of it.
          const f = enter(obj, null);
          f.i = -1; // a `default` frame: nothing to iterate
          v = enc.default(v);
          continue;
        }
      }

      // ---- write the scalars that follow; stop at the next container (or other value)
      next: for (;;) {
        const f = stack[stack.length - 1];
        if (f === undefined) return text();
        const list = f.list;
        if (list !== null) {
          while (f.i < list.length) {
            const x = list[f.i];
            const lead = f.i === 0 ? f.open : f.sep;
            f.i++;
            const p = scalar(x);
            if (p !== undefined) {
              add(lead + p);
            } else {
              pre = lead;
              v = x;
              break next;
            }
          }
        } else if (f.keys !== null) {
          const keys = f.keys;
          const vals = f.vals;
          while (f.i < keys.length) {
            const k = keys[f.i];
            const val = vals === null ? (f.obj as Record<string, unknown>)[k as string] : vals[f.i];
            f.i++;
            const ks = keyString(k);
            if (ks === null) continue; // skipkeys
            add((f.first ? "" : f.sep) + str(ks) + keySep);
            f.first = false;
            const p = scalar(val);
            if (p !== undefined) {
              add(p);
            } else {
              v = val;
              break next;
            }
          }
        }
        leave();
        if (f.i !== -1) add(f.close);
      }
    }
  } catch (err) {
    state.partial = text();
    throw err;
  }

  /** A key as CPython coerces it: a str as is, another scalar as its JSON text (`1.0`, `true`, `null`). */
  function keyString(k: unknown): string | null {
    if (typeof k === "string") return k;
    const text = scalar(k);
    if (text !== undefined) return text;
    if (skipkeys) return null;
    throw new PyTypeError(`keys must be str, int, float, bool or None, not ${isTuple(k) ? "tuple" : typeName(k)}`);
  }
}


/** A dict's keys and values (values null for a plain object: read in place), in Python's order. */
function dictItems(d: object): [readonly unknown[], readonly unknown[] | null] {
  if (d instanceof Map) return [[...d.keys()], [...d.values()]];
  const ks = (d as { [KEY_ORDER]?: unknown })[KEY_ORDER] === undefined ? Object.keys(d) : orderedKeys(d);
  return [ks, null];
}

function sortFrame(f: Frame, ks: readonly unknown[], vs: readonly unknown[] | null): void {
  const obj = f.obj as Record<string, unknown>;
  const items: [unknown, unknown][] = ks.map((k, i) => [k, vs === null ? obj[k as string] : vs[i]]);
  sortItems(items);
  f.keys = items.map((it) => it[0]);
  f.vals = items.map((it) => it[1]);
}
