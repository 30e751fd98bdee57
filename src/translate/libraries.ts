// orjson's and ujson's calls, translated to the runtime's orjsonDumps/orjsonLoads and
// ujsonDumps/ujsonDump/ujsonLoads/ujsonLoad (src/runtime/orjson.ts, ujson.ts) in exact mode:
//   orjson.dumps(x, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
//     →  orjsonDumps(x, { option: ORJSON_OPT.INDENT_2 | ORJSON_OPT.SORT_KEYS })
//   ujson.dumps(x, ensure_ascii=False, indent=2)  →  ujsonDumps(x, { ensureAscii: false, indent: 2 })
// Only what the runtime reproduces byte for byte: an option whose value is not known where the call
// is (option=flags), an OPT_ flag for values the runtime does not model (datetimes, numpy,
// dataclasses, subclasses), `*args`/`**kwargs` or an argument the function does not take make the
// call an untranslated marker. In native mode, orjson.loads and ujson.loads/load become JSON.parse
// with a note for each difference (their dumps have no honest JSON.stringify form: markers).
import type { JsonCall } from "../python/model.js";
import { strValue, unwrapParens } from "../python/syntax.js";
import type { SyntaxNode } from "../python/tree.js";
import { ORJSON_OPT, orjsonLoads } from "../runtime/orjson.js";
import { hook, type Codec, type InputFacts } from "./codec.js";
import { EVERYTHING, factsOfJsonText } from "./facts.js";
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

const nativeLibraryCodec: Codec = {
  serialize: (call) => {
    throw new NoTranslation(`${call.module}.${call.api}() in native mode`);
  },
  dumpTo: (call) => {
    throw new NoTranslation(`${call.module}.${call.api}() in native mode`);
  },
  parse: nativeLibraryParse,
  loadFrom: (call, e, fp) => nativeLibraryParse(call, e, `${fp}.read()`, { literal: null, bytes: null }),
};

/** Whether a ujson call translates exactly (so the with block or print() around it may go with it). */
export function translatesExactly(call: JsonCall, e: Emitter): boolean {
  if (e.mode !== "exact" || !call.signature.exists) return false;
  const undo = e.checkpoint();
  try {
    options(call, e);
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
  if (e.mode === "native") {
    if (call.api === "loads" || call.api === "load") {
      const undo = e.checkpoint();
      try {
        return translate(nativeLibraryCodec);
      } catch (err) {
        if (!(err instanceof NoTranslation)) throw err;
        undo();
        return e.untranslated(call.node, err.why).text;
      }
    }
    return e.untranslated(call.node, `${call.module}.${call.api}() in native mode: JSON.stringify writes neither orjson's bytes and float layout nor ujson's escapes; use --mode exact`).text;
  }
  const undo = e.checkpoint();
  try {
    return translate(exactLibraryCodec);
  } catch (err) {
    if (!(err instanceof NoTranslation)) throw err;
    undo();
    return e.untranslated(call.node, err.why).text;
  }
}
