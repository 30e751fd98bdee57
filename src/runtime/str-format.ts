// Python's str.format, after Objects/stringlib/unicode_format.h (CPython 3.11): literal text and
// `{{`/`}}`, replacement fields `{name[key].attr!conv:spec}` with automatic or manual numbering,
// nested fields in the spec (two levels, as CPython), each field rendered by format(value, spec).
// Fields are rendered left to right, so the first error CPython meets is the one raised.

import { pyAscii } from "./ascii.js";
import { PyIndexError, PyKeyError, PyValueError } from "./errors.js";
import { getAttr, getItem } from "./field-access.js";
import { pyFormatValue } from "./format.js";
import { codePoints, decimalValue } from "./text.js";
import { pyRepr, pyStr } from "./values.js";

const SSIZE_MAX = 2n ** 63n - 1n;

/** Auto-numbering state shared by a template and the fields nested in its specs. */
interface Numbering {
  state: "init" | "auto" | "manual";
  next: number;
}

/** Python's `template.format(*args, **kwargs)`. */
export function pyStrFormat(template: string, args: unknown[], kwargs?: Record<string, unknown>): string {
  return build(codePoints(template), args, kwargs, 2, { state: "init", next: 0 });
}

function build(s: string[], args: readonly unknown[], kwargs: Record<string, unknown> | undefined, depth: number, numbering: Numbering): string {
  if (depth <= 0) throw new PyValueError("Max string recursion exceeded");
  const end = s.length;
  let pos = 0;
  let out = "";
  // MarkupIterator_next: literal text up to a brace, then (maybe) one field.
  while (pos < end) {
    const start = pos;
    let c = "";
    let markup = false;
    while (pos < end) {
      c = s[pos++]!;
      if (c === "{" || c === "}") {
        markup = true;
        break;
      }
    }
    const atEnd = pos >= end;
    let len = pos - start;
    if (c === "}" && markup && (atEnd || s[pos] !== "}")) throw new PyValueError("Single '}' encountered in format string");
    if (atEnd && c === "{" && markup) throw new PyValueError("Single '{' encountered in format string");
    if (!atEnd && markup) {
      if (s[pos] === c) {
        pos++; // "{{" or "}}": the literal keeps one brace
        markup = false;
      } else {
        len--;
      }
    }
    out += s.slice(start, start + len).join("");
    if (!markup) continue;

    // parse_field
    const nameStart = pos;
    c = "";
    while (pos < end) {
      c = s[pos++]!;
      if (c === "{") throw new PyValueError("unexpected '{' in field name");
      if (c === "[") {
        while (pos < end && s[pos] !== "]") pos++;
        continue;
      }
      if (c === "}" || c === ":" || c === "!") break;
    }
    const name = s.slice(nameStart, pos - 1);
    let conversion = "";
    let spec: string[] = [];
    let nested = false;
    if (c === "!" || c === ":") {
      let done = false;
      if (c === "!") {
        if (pos >= end) throw new PyValueError("end of string while looking for conversion specifier");
        conversion = s[pos++]!;
        if (pos < end) {
          const d = s[pos++]!;
          if (d === "}") done = true;
          else if (d !== ":") throw new PyValueError("expected ':' after conversion specifier");
        }
      }
      if (!done) {
        const specStart = pos;
        let count = 1;
        for (;;) {
          if (pos >= end) throw new PyValueError("unmatched '{' in format spec");
          const d = s[pos++]!;
          if (d === "{") {
            nested = true;
            count++;
          } else if (d === "}" && --count === 0) break;
        }
        spec = s.slice(specStart, pos - 1);
      }
    } else if (c !== "}") {
      throw new PyValueError("expected '}' before end of string");
    }

    // output_markup: the value, its conversion, the expanded spec, then format()
    let value = fieldValue(name, args, kwargs, numbering);
    if (conversion !== "") value = convert(value, conversion);
    const specText = nested ? build(spec, args, kwargs, depth - 1, numbering) : spec.join("");
    out += pyFormatValue(value, specText);
  }
  return out;
}

/** get_field_object: the first part (an index into args or a key of kwargs), then `.attr` / `[key]`. */
function fieldValue(name: string[], args: readonly unknown[], kwargs: Record<string, unknown> | undefined, numbering: Numbering): unknown {
  let i = 0;
  while (i < name.length && name[i] !== "." && name[i] !== "[") i++;
  const first = name.slice(0, i).join("");
  let index = integer(name.slice(0, i));
  const empty = i === 0;
  if (empty || index !== -1) {
    if (numbering.state === "init") numbering.state = empty ? "auto" : "manual";
    if (numbering.state === "manual" && empty) {
      throw new PyValueError("cannot switch from manual field specification to automatic field numbering");
    }
    if (numbering.state === "auto" && !empty) {
      throw new PyValueError("cannot switch from automatic field numbering to manual field specification");
    }
    if (empty) index = numbering.next++;
  }
  let obj: unknown;
  if (index === -1) {
    if (kwargs === undefined || !Object.hasOwn(kwargs, first)) throw new PyKeyError(first, pyRepr(first));
    obj = kwargs[first];
  } else {
    if (index >= args.length) throw new PyIndexError(`Replacement index ${index} out of range for positional args tuple`);
    obj = args[index];
  }
  // FieldNameIterator_next
  while (i < name.length) {
    const c = name[i++];
    let part: string[];
    if (c === ".") {
      const from = i;
      while (i < name.length && name[i] !== "." && name[i] !== "[") i++;
      part = name.slice(from, i);
      if (part.length === 0) throw new PyValueError("Empty attribute in format string");
      obj = getAttr(obj, part.join(""));
    } else if (c === "[") {
      const from = i;
      while (i < name.length && name[i] !== "]") i++;
      if (i >= name.length) throw new PyValueError("Missing ']' in format string");
      part = name.slice(from, i++);
      const n = integer(part);
      if (part.length === 0) throw new PyValueError("Empty attribute in format string");
      obj = getItem(obj, n === -1 ? part.join("") : n);
    } else {
      throw new PyValueError("Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return obj;
}

/** get_integer: the value of a run of decimal digits (of any script), -1 if it is not one. */
function integer(cps: string[]): number {
  if (cps.length === 0) return -1;
  let v = 0n;
  for (const ch of cps) {
    const d = decimalValue(ch);
    if (d < 0) return -1;
    v = v * 10n + BigInt(d);
    if (v > SSIZE_MAX) throw new PyValueError("Too many decimal digits in format string");
  }
  return Number(v);
}

/** do_conversion: `!r`, `!s`, `!a`. */
function convert(value: unknown, conversion: string): unknown {
  if (conversion === "r") return pyRepr(value);
  if (conversion === "s") return pyStr(value);
  if (conversion === "a") return pyAscii(value);
  const c = conversion.codePointAt(0)!;
  throw new PyValueError(`Unknown conversion specifier ${c > 32 && c < 127 ? conversion : "\\x" + c.toString(16)}`);
}
