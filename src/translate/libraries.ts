// orjson's and ujson's calls, translated to the runtime's orjsonDumps/orjsonLoads and
// ujsonDumps/ujsonDump/ujsonLoads/ujsonLoad (src/runtime/orjson.ts, ujson.ts) in exact mode:
//   orjson.dumps(x, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
//     →  orjsonDumps(x, { option: ORJSON_OPT.INDENT_2 | ORJSON_OPT.SORT_KEYS })
//   ujson.dumps(x, ensure_ascii=False, indent=2)  →  ujsonDumps(x, { ensureAscii: false, indent: 2 })
// Only what the runtime reproduces byte for byte: an option whose value is not known where the call
// is (option=flags), an OPT_ flag for values the runtime does not model (datetimes, numpy,
// dataclasses, subclasses), `*args`/`**kwargs` or an argument the function does not take make the
// call an untranslated marker. In native mode, orjson.loads and ujson.loads/load become JSON.parse
// and orjson.dumps and ujson.dumps/dump JSON.stringify (orjson's wrapped in a TextEncoder, for its
// bytes), with a note for each difference, as json's native mode does.
import type { JsonCall } from "../python/model.js";
import { strValue, unwrapParens } from "../python/syntax.js";
import type { SyntaxNode } from "../python/tree.js";
import { ORJSON_OPT, orjsonFloat, orjsonLoads } from "../runtime/orjson.js";
import { ujsonFloat } from "../runtime/ujson.js";
import { callable, hook, literalBool, literalInt, literalPair, type Codec, type InputFacts } from "./codec.js";
import { EVERYTHING, factsOfJsonText, factsOfPython, type ValueFacts } from "./facts.js";
import { NATIVE_MESSAGES } from "./notes.js";
import { camelCase } from "./literals.js";
import type { Emitter } from "./types.js";

/** The orjson flags the runtime reproduces; the others only matter for values it does not model. */
const EXACT_FLAGS: ReadonlySet<string> = new Set(["INDENT_2", "NON_STR_KEYS", "SORT_KEYS", "STRICT_INTEGER", "APPEND_NEWLINE", "SERIALIZE_DATACLASS", "SERIALIZE_UUID"]);
const EXACT_BITS = [...EXACT_FLAGS].reduce((bits, name) => bits | ORJSON_OPT[name as keyof typeof ORJSON_OPT], 0);

/** Thrown inside this module when a call has no exact translation: `why` goes into the marker. */
class NoTranslation {
  constructor(readonly why: string) {}
}

/**
 * An `option=` value known where the call is: `orjson.OPT_X` names (through any import or alias
 * the model resolves), int literals, `|` and parentheses; its TypeScript, or NoTranslation.
 */
function orjsonOption(node: SyntaxNode, e: Emitter): string {
  const n = unwrapParens(node);
  if (n.type === "binary_operator" && n.childForFieldName("operator")?.text === "|") {
    const left = n.childForFieldName("left");
    const right = n.childForFieldName("right");
    if (left && right) return `${orjsonOption(left, e)} | ${orjsonOption(right, e)}`;
  }
  if (n.type === "integer" && /^\d+$/.test(n.text.replace(/_/g, ""))) {
    const value = Number(n.text.replace(/_/g, ""));
    if ((value & ~EXACT_BITS) !== 0 || !Number.isSafeInteger(value)) throw new NoTranslation(`option=${n.text} holds flags the runtime does not reproduce`);
    return String(value);
  }
  if (n.type === "identifier" || n.type === "attribute") {
    const q = e.ctx.names.qualify(n);
    const flag = q?.startsWith("orjson.OPT_") ? q.slice("orjson.OPT_".length) : null;
    if (flag !== null && flag in ORJSON_OPT) {
      if (!EXACT_FLAGS.has(flag)) throw new NoTranslation(`orjson's OPT_${flag}, for values the runtime does not model (datetimes, numpy arrays, dataclasses, subclasses)`);
      return `${e.rt("ORJSON_OPT")}.${flag}`;
    }
  }
  throw new NoTranslation(`option=${clip(n.text)}, whose flags are not known where the call is`);
}

/** A ujson flag: Python's truth value (ujson takes any object: `ensure_ascii=None` is false). */
function flag(node: SyntaxNode, e: Emitter): string {
  const n = unwrapParens(node);
  if (n.type === "true") return "true";
  if (n.type === "false" || n.type === "none") return "false";
  return `${e.rt("pyBool")}(${e.expr(n)})`;
}

/** ujson's separators: a tuple of two str literals (a list raises in ujson), or None. */
function separators(node: SyntaxNode, e: Emitter): string | null {
  const n = unwrapParens(node);
  if (n.type === "none") return null;
  const items = n.type === "tuple" ? n.namedChildren.filter((c) => c.type !== "comment") : [];
  const texts = items.map((c) => (c.type === "string" ? e.expr(c, "string") : null));
  if (texts.length !== 2 || texts.some((t) => t === null || !/^"/.test(t))) throw new NoTranslation(`separators=${clip(n.text)}: only a tuple of two str literals is translated`);
  return `[${texts.join(", ")}]`;
}

function clip(text: string): string {
  const t = text.replace(/\s+/g, " ");
  return t.length > 60 ? `${t.slice(0, 59)}…` : t;
}

/** The call's options as a runtime options object (`{ ensureAscii: false }`), or "" for none. */
function options(call: JsonCall, e: Emitter): string {
  if (call.hasStarArgs || call.hasStarStarArgs) throw new NoTranslation("`*args` or `**kwargs`, whose options are not known where the call is");
  if (call.unknownKeywords.length > 0) throw new NoTranslation(`\`${call.unknownKeywords[0]?.name}=\`, which ${call.module}.${call.api}() does not take`);
  if (call.extraPositional.length > 0) throw new NoTranslation(`an extra positional argument of ${call.module}.${call.api}()`);
  const entries: string[] = [];
  for (const [name, arg] of call.bound) {
    if (name === call.signature.target || name === "obj" || name === "fp") continue;
    const node = arg.value;
    let value: string | null;
    switch (name) {
      case "option":
        value = unwrapParens(node).type === "none" ? null : orjsonOption(node, e);
        break;
      case "default":
        value = unwrapParens(node).type === "none" ? null : hook(e, "default", node);
        break;
      case "indent":
        // An int or a bool (ujson raises TypeError on anything else, None included: so does the runtime).
        value = e.expr(node, "any");
        break;
      case "separators":
        value = separators(node, e);
        break;
      default:
        value = flag(node, e);
    }
    if (value !== null) entries.push(`${camelCase(name)}: ${value}`);
  }
  return entries.length === 0 ? "" : `{ ${entries.join(", ")} }`;
}

function withOptions(args: string[], opts: string): string {
  return (opts ? [...args, opts] : args).join(", ");
}

function objectOf(call: JsonCall, e: Emitter): string {
  const obj = call.bound.get("obj");
  return obj ? e.expr(obj.value, "unknown") : "undefined";
}

/** The calls of orjson and ujson in exact mode; each raises NoTranslation for a marker. */
const exactLibraryCodec: Codec = {
  serialize(call, e) {
    const fn = call.module === "orjson" ? "orjsonDumps" : "ujsonDumps";
    return `${e.rt(fn)}(${withOptions([objectOf(call, e)], options(call, e))})`;
  },
  parse(call, e, input) {
    options(call, e); // loads takes no option: an extra argument is a marker
    return `${e.rt(call.module === "orjson" ? "orjsonLoads" : "ujsonLoads")}(${input})`;
  },
  dumpTo(call, e, fp) {
    return `${e.rt("ujsonDump")}(${withOptions([objectOf(call, e), fp], options(call, e))})`;
  },
  loadFrom(call, e, fp) {
    options(call, e);
    return `${e.rt("ujsonLoad")}(${fp})`;
  },
};

/**
 * JSON.parse for orjson.loads and ujson.loads/load, with a note for every difference the text can
 * show; on a text both read the same way (each library reads a json-valid text as json does, but
 * for orjson's ints past 64 bits), the values are the same.
 */
function nativeLibraryParse(call: JsonCall, e: Emitter, input: string, inputFacts: InputFacts): string {
  options(call, e);
  const orjson = call.module === "orjson";
  const literal = inputFacts.literal ? unwrapParens(inputFacts.literal) : null;
  const text = literal ? strValue(literal) : null;
  const known = text !== null ? factsOfJsonText(text) : null;
  const facts = known?.facts ?? EVERYTHING;
  const certainty = known ? "certain" : "possible";
  if (known ? known.intFloat : true) e.note("int-float", NATIVE_MESSAGES["int-float"](), certainty);
  if (facts.bigInt) {
    e.note("big-int", orjson ? "big ints: orjson reads an int of up to 64 bits exactly (`12345678901234567890`), JSON.parse rounds every int past 2**53 to a number" : NATIVE_MESSAGES["big-int"](true), certainty);
  }
  // (json's nanLiteral also holds for `1e400`, which JSON.parse reads as Infinity too.)
  if (!orjson && (known ? known.nanLiteral && /NaN|Infinity/.test(text ?? "") : true)) e.note("nan-literal", NATIVE_MESSAGES["nan-literal"](), certainty);
  if (facts.intLikeKey) e.note("key-order", NATIVE_MESSAGES["key-order"](), certainty);
  if (!known) {
    e.note(
      "decode-error",
      orjson
        ? "errors: orjson raises orjson.JSONDecodeError (a ValueError) where JSON.parse throws SyntaxError, and also on `1e400` and on an escaped lone surrogate (`\"\\ud800\"`), which JSON.parse reads"
        : "errors: ujson raises ujson.JSONDecodeError (a ValueError) where JSON.parse throws SyntaxError, but reads some texts JSON.parse refuses (`01`, `1.`, raw control characters)",
      "possible",
    );
  }
  if (orjson && text !== null && raises(() => orjsonLoads(text))) {
    // A text json reads but orjson refuses (NaN, `1e400`, an escaped lone surrogate).
    e.note("decode-error", "errors: orjson raises orjson.JSONDecodeError on this text (it refuses NaN, `1e400` and escaped lone surrogates); JSON.parse reads it or throws SyntaxError", "certain");
  }
  if (inputFacts.bytes === true) {
    e.note("bytes-input", `bytes: ${call.module} reads UTF-8 only and raises on invalid UTF-8 and on a BOM; TextDecoder replaces the one with U+FFFD and skips the other`, "possible");
    return `JSON.parse(new TextDecoder().decode(${input}))`;
  }
  return `JSON.parse(${input})`;
}

function raises(f: () => unknown): boolean {
  try {
    f();
    return false;
  } catch {
    return true;
  }
}

/** The bits of an `option=` value known where the call is (as orjsonOption reads it), or NoTranslation. */
function orjsonBits(node: SyntaxNode, e: Emitter): number {
  const n = unwrapParens(node);
  if (n.type === "none") return 0;
  if (n.type === "binary_operator" && n.childForFieldName("operator")?.text === "|") {
    const left = n.childForFieldName("left");
    const right = n.childForFieldName("right");
    if (left && right) return orjsonBits(left, e) | orjsonBits(right, e);
  }
  if (n.type === "integer" && /^\d+$/.test(n.text.replace(/_/g, ""))) {
    const value = Number(n.text.replace(/_/g, ""));
    if ((value & ~EXACT_BITS) !== 0 || !Number.isSafeInteger(value)) throw new NoTranslation(`option=${n.text} holds flags the native form does not reproduce`);
    return value;
  }
  if (n.type === "identifier" || n.type === "attribute") {
    const q = e.ctx.names.qualify(n);
    const flag = q?.startsWith("orjson.OPT_") ? q.slice("orjson.OPT_".length) : null;
    if (flag !== null && flag in ORJSON_OPT) {
      if (!EXACT_FLAGS.has(flag)) throw new NoTranslation(`orjson's OPT_${flag}, for values the native form does not model (datetimes, numpy arrays, dataclasses, subclasses)`);
      return ORJSON_OPT[flag as keyof typeof ORJSON_OPT];
    }
  }
  throw new NoTranslation(`option=${clip(n.text)}, whose flags are not known where the call is`);
}

/** The call's arguments as Python wrote them, after the checks every translation makes. */
function nativeArguments(call: JsonCall): Map<string, SyntaxNode> {
  if (call.hasStarArgs || call.hasStarStarArgs) throw new NoTranslation("`*args` or `**kwargs`, whose options are not known where the call is");
  if (call.unknownKeywords.length > 0) throw new NoTranslation(`\`${call.unknownKeywords[0]?.name}=\`, which ${call.module}.${call.api}() does not take`);
  if (call.extraPositional.length > 0) throw new NoTranslation(`an extra positional argument of ${call.module}.${call.api}()`);
  const values = new Map<string, SyntaxNode>();
  for (const [name, arg] of call.bound) if (name !== "obj" && name !== "fp") values.set(name, arg.value);
  return values;
}

const isNone = (node: SyntaxNode | undefined): boolean => !!node && unwrapParens(node).type === "none";
const isObject = `value !== null && typeof value === "object" && !Array.isArray(value)`;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** default= and sort_keys as one replacer, as json's native mode writes them. */
function replacer(e: Emitter, defaultNode: SyntaxNode | undefined, sort: string | null): string | null {
  const steps: string[] = [];
  if (defaultNode && !isNone(defaultNode)) {
    const fn = hook(e, "default", defaultNode);
    e.note("default", NATIVE_MESSAGES.default(), "possible");
    steps.push(`value = value === null || typeof value !== "object" || Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype ? value : ${callable(fn)}(value);`);
  }
  if (sort !== null) {
    const sorter = `${isObject} ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value`;
    steps.push(sort === "true" ? `value = ${sorter};` : `if (${sort}) value = ${sorter};`);
  }
  return steps.length === 0 ? null : `(_key: string, value: any) => {\n  ${steps.join("\n  ")}\n  return value;\n}`;
}

/**
 * orjson.dumps natively: `new TextEncoder().encode(JSON.stringify(x))` (orjson's bytes are UTF-8,
 * its separators JSON.stringify's, NaN and infinities `null` in both), OPT_INDENT_2 as
 * JSON.stringify's indent of 2, OPT_APPEND_NEWLINE as `+ "\n"`, OPT_SORT_KEYS and default= as a
 * replacer; a note for every difference the object and options can show.
 */
function nativeOrjsonDumps(call: JsonCall, e: Emitter): string {
  const values = nativeArguments(call);
  const optionNode = values.get("option");
  const bits = optionNode ? orjsonBits(optionNode, e) : 0;
  const opt = (name: keyof typeof ORJSON_OPT) => (bits & ORJSON_OPT[name]) !== 0;
  const objArg = call.bound.get("obj");
  const obj = objArg ? e.expr(objArg.value, "unknown") : "undefined";
  const known = objArg ? factsOfPython(objArg.value) : null;
  const facts: ValueFacts = known ?? EVERYTHING;
  const certainty = known ? "certain" : "possible";
  const note = (kind: Parameters<Emitter["note"]>[0], message: string) => e.note(kind, message, certainty);

  if (known ? known.floats.some((v) => orjsonFloat(v) !== String(JSON.stringify(v))) : true) {
    note("float-layout", "float layout: orjson writes `1.0`, `1e+16`, `1e-6`, `-0.0`; JSON.stringify writes `1`, `10000000000000000`, `0.000001`, `0`; any integral float shows it");
  }
  if (facts.bigInt) {
    note("big-int", `big ints: orjson writes an int of up to 64 bits (\`12345678901234567890\`) and raises TypeError past it${opt("STRICT_INTEGER") ? " (with OPT_STRICT_INTEGER, past 2**53 - 1)" : ""}; JSON.stringify throws TypeError on a bigint and a number loses digits`);
  }
  if (facts.loneSurrogate) note("lone-surrogate", 'lone surrogates: orjson raises TypeError on a lone surrogate (`"\\ud800"`, not valid UTF-8), JSON.stringify writes it escaped as `\\ud800`');
  if (facts.intLikeKey) note("key-order", NATIVE_MESSAGES["key-order"]());
  if (opt("NON_STR_KEYS") ? facts.nonStringKey || facts.duplicateKey : facts.nonStrKey) {
    note(
      "non-string-keys",
      opt("NON_STR_KEYS")
        ? 'non-string keys: with OPT_NON_STR_KEYS orjson writes `1.0` as `"1.0"` and keeps keys that read the same (`{1: "a", "1": "b"}`) apart; a JavaScript object key is String(key) (`"1"`) and equal keys merge'
        : 'non-string keys: orjson raises TypeError (`Dict key must be str`) on an int, float, bool or None key (`{1: 2}`) unless OPT_NON_STR_KEYS; a JavaScript object key is String(key), which JSON.stringify writes',
    );
  }
  if (!values.has("default") || isNone(values.get("default"))) {
    if (facts.unserializable) note("unserializable", "values JSON has no form for: orjson raises TypeError for a set or bytes (`{1, 2}`), JSON.stringify writes `{}` (a Set), a Buffer's `{\"type\":\"Buffer\",...}`, or drops the key (undefined, a function)");
  }
  const sort = opt("SORT_KEYS") ? "true" : null;
  // orjson sorts the keys' text (`"10"` before `"2"`), json int keys by value: any non-str key may sort differently.
  if (sort && (facts.sortSensitive || facts.nonStrKey)) note("sort-keys", NATIVE_MESSAGES["sort-keys"]());
  const fn = replacer(e, values.get("default"), sort);
  const args = [obj];
  if (fn || opt("INDENT_2")) args.push(fn ?? "null");
  if (opt("INDENT_2")) args.push("2");
  const text = `JSON.stringify(${args.join(", ")})${opt("APPEND_NEWLINE") ? ' + "\\n"' : ""}`;
  return `new TextEncoder().encode(${text})`;
}

/**
 * ujson.dumps/dump natively: JSON.stringify (ujson's separators are JSON.stringify's, an indent of 1
 * to 10 is its space argument), sort_keys and default= as a replacer; a note for every difference the
 * object and options can show (escaped slashes, ensure_ascii from U+0080, encode_html_chars, float
 * layout, NaN, big ints, key order...).
 */
function nativeUjsonDumps(call: JsonCall, e: Emitter): string {
  const values = nativeArguments(call);
  const objArg = call.bound.get("obj");
  const obj = objArg ? e.expr(objArg.value, "unknown") : "undefined";
  const known = objArg ? factsOfPython(objArg.value) : null;
  const facts: ValueFacts = known ?? EVERYTHING;
  const certainty = known ? "certain" : "possible";
  const note = (kind: Parameters<Emitter["note"]>[0], message: string) => e.note(kind, message, certainty);
  // A flag's value: true, false, or null (not known where the call is). ujson takes any object's truth.
  const flagOf = (name: string, dflt: boolean): boolean | null => {
    const node = values.get(name);
    if (!node) return dflt;
    const n = unwrapParens(node);
    if (n.type === "none") return false;
    const int = literalInt(n);
    return int !== null ? int !== 0 : literalBool(n);
  };
  const strings = (test: RegExp) => (known ? known.strings.some((s) => test.test(s)) : true);

  // indent → JSON.stringify's space: ujson indents by n spaces for n >= 1 (as JSON.stringify does up
  // to 10); 0 and False are compact; a negative indent writes ": " without newlines.
  const indentNode = values.get("indent");
  let space: string | null = null;
  let spaced = false;
  if (indentNode) {
    const n = unwrapParens(indentNode).type === "true" ? 1 : unwrapParens(indentNode).type === "false" ? 0 : literalInt(indentNode);
    const differs = (what: string) => facts.nonEmpty && note("indent", NATIVE_MESSAGES.indent(what));
    if (n === null) {
      if (isNone(indentNode)) throw new NoTranslation("indent=None, on which ujson raises TypeError");
      if (unwrapParens(indentNode).type === "float") throw new NoTranslation(`indent=${indentNode.text}, on which ujson raises TypeError`);
      space = `${e.operand(indentNode)}`;
      spaced = true;
      differs(`indent=${indentNode.text}: a negative value (ujson writes \`": "\` on one line), one past 10 (JSON.stringify caps at 10), True (ujson indents by 1) or None (ujson raises TypeError) indents differently`);
    } else if (n >= 1) {
      space = String(Math.min(n, 10));
      spaced = true;
      if (n > 10) differs(`JSON.stringify indents by at most 10 spaces, ujson by ${n}; any non-empty list or object shows it`);
    } else if (n < 0) differs(`indent=${n}: ujson writes \`": "\` after each key on one line, JSON.stringify \`":"\`; any non-empty object shows it`);
  }

  // separators: a pair of literals (a marker otherwise, as in exact mode); JSON.stringify writes "," and ":" (": " when indenting).
  const sepNode = values.get("separators");
  if (sepNode && !isNone(sepNode)) {
    const pair = literalPair(sepNode);
    if (!pair || unwrapParens(sepNode).type !== "tuple") throw new NoTranslation(`separators=${clip(sepNode.text)}: only a tuple of two str literals is translated`);
    const js = [",", spaced ? ": " : ":"];
    // An indent not known where the call is may be 0, where JSON.stringify writes ":".
    const unknownIndent = indentNode !== undefined && space !== null && !/^\d+$/.test(space);
    if ((pair[0] !== js[0] || pair[1] !== js[1] || unknownIndent) && facts.separated) {
      note("separators", NATIVE_MESSAGES.separators(`\`${pair[0]}\` and \`${pair[1]}\``, `\`${js[0]}\` and \`${js[1]}\``));
    }
  }

  const ascii = flagOf("ensure_ascii", true);
  if (ascii !== false && strings(/[^\u0000-\u007f]/)) {
    note("ensure-ascii", 'ensure_ascii: ujson escapes every character from U+0080 up (`"é"` → `"\\u00e9"`, an emoji as two `\\u` escapes), JSON.stringify writes it as is; any non-ASCII string shows it');
  }
  if (ascii !== true && facts.loneSurrogate) note("lone-surrogate", 'ensure_ascii=False: ujson writes a lone surrogate (`"\\ud800"`) raw, JSON.stringify escapes it as `\\ud800`');
  if (flagOf("escape_forward_slashes", true) !== false && strings(/\//)) note("forward-slashes", NATIVE_MESSAGES["forward-slashes"]());
  if (flagOf("encode_html_chars", false) !== false && strings(/[<>&]/)) note("html-chars", NATIVE_MESSAGES["html-chars"]());
  if (known ? known.floats.some((v) => Number.isFinite(v) && ujsonFloat(v, true) !== JSON.stringify(v)) : true) {
    note("float-layout", "float layout: ujson writes `1.0`, `1e+16`, `1e-5`, `-0.0`; JSON.stringify writes `1`, `10000000000000000`, `0.00001`, `0`; any integral float shows it");
  }
  if (facts.nan) {
    const allowNan = flagOf("allow_nan", true);
    note(
      "nan",
      allowNan === false
        ? 'allow_nan=False: ujson raises OverflowError on NaN or Infinity, JSON.stringify writes `null`; `float("nan")` shows it'
        : 'NaN and Infinity: ujson writes `NaN`/`Infinity`/`-Infinity`, JSON.stringify writes `null`; `float("nan")` shows it',
    );
  }
  if (facts.bigInt) note("big-int", "big ints: ujson writes every digit of an int past 2**53 (`12345678901234567890`); JSON.stringify throws on a bigint and a number loses digits");
  if (facts.intLikeKey) note("key-order", NATIVE_MESSAGES["key-order"]());
  const sortNode = values.get("sort_keys");
  const sortFlag = flagOf("sort_keys", false);
  if (facts.nonStringKey || facts.duplicateKey || (sortFlag !== false && facts.nonStrKey)) {
    note("non-string-keys", 'non-string keys: ujson writes str(key) (`1.0` → `"1.0"`, `(1, 2)` → `"(1, 2)"`) and keeps keys that read the same (`{1: "a", "1": "b"}`) apart (with sort_keys it raises or writes broken text); a JavaScript object key is String(key) (`"1"`, `"1,2"`) and equal keys merge');
  }
  if (!values.has("default") || isNone(values.get("default"))) {
    const rejectBytes = flagOf("reject_bytes", true);
    if (facts.unserializable) {
      note("unserializable", `values JSON has no form for: ujson raises TypeError for a set${rejectBytes === false ? "" : " or bytes"} (\`{1, 2}\`)${rejectBytes === false ? " and writes bytes as a string" : ""}, JSON.stringify writes \`{}\` (a Set), a Buffer's \`{"type":"Buffer",...}\`, or drops the key (undefined, a function)`);
    }
  }
  const sort = sortFlag === true ? "true" : sortFlag === false || !sortNode ? null : `${e.rt("pyBool")}(${e.expr(sortNode)})`;
  if (sort && facts.sortSensitive) note("sort-keys", NATIVE_MESSAGES["sort-keys"]());
  const fn = replacer(e, values.get("default"), sort);
  const args = [obj];
  if (fn || space !== null) args.push(fn ?? "null");
  if (space !== null) args.push(space);
  return `JSON.stringify(${args.join(", ")})`;
}

const nativeLibraryCodec: Codec = {
  serialize: (call, e) => (call.module === "orjson" ? nativeOrjsonDumps(call, e) : nativeUjsonDumps(call, e)),
  dumpTo: (call, e, fp) => `${fp}.write(${nativeUjsonDumps(call, e)})`,
  parse: nativeLibraryParse,
  loadFrom: (call, e, fp) => nativeLibraryParse(call, e, `${fp}.read()`, { literal: null, bytes: null }),
};

/** Whether an orjson or ujson call has a translation in the emitter's mode, not a marker (so the with block or print() around it may go with it). */
export function translates(call: JsonCall, e: Emitter): boolean {
  if (!call.signature.exists) return false;
  const undo = e.checkpoint();
  try {
    if (e.mode === "exact" || call.api === "loads" || call.api === "load") options(call, e);
    else if (call.module === "orjson") nativeOrjsonDumps(call, e);
    else nativeUjsonDumps(call, e);
    return true;
  } catch (err) {
    if (!(err instanceof NoTranslation)) throw err;
    return false;
  } finally {
    undo();
  }
}

/**
 * The TypeScript of an orjson or ujson call, `translate` doing the json-like part with the codec it
 * is given (file targets, as for json); an untranslated marker where that is not exact.
 */
export function libraryCall(call: JsonCall, e: Emitter, translate: (codec: Codec) => string): string {
  if (!call.signature.exists) return e.untranslated(call.node, `orjson has no ${call.api}(): Python raises AttributeError`).text;
  const undo = e.checkpoint();
  try {
    return translate(e.mode === "native" ? nativeLibraryCodec : exactLibraryCodec);
  } catch (err) {
    if (!(err instanceof NoTranslation)) throw err;
    undo();
    return e.untranslated(call.node, err.why).text;
  }
}
