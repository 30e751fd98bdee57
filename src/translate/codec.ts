// The json call itself, in each mode: how the object becomes JSON text (serialize), how text
// becomes a value (parse), and the generic file-object forms (dumpTo, loadFrom). Where the
// call's file or text comes from is decided by context.ts.
import type { JsonCall } from "../python/model.js";
import type { SyntaxNode } from "../python/tree.js";
import { DECODER_OPTIONS, ENCODER_OPTIONS } from "../python/signatures.js";
import { strValue, unwrapParens, type CallArgument } from "../python/syntax.js";
import { BUILTINS, builtinValue } from "./expressions/access.js";
import type { Emitter } from "./types.js";
import { EVERYTHING, factsOfJsonText, factsOfPython, type ValueFacts } from "./facts.js";
import { camelCase, jsString } from "./literals.js";
import { NATIVE_MESSAGES } from "./notes.js";

export interface Codec {
  /** The JSON text of a dump/dumps call's object, as an expression. */
  serialize(call: JsonCall, e: Emitter): string;
  /** The value of a load/loads call, given its text (`input`, a TypeScript expression). */
  parse(call: JsonCall, e: Emitter, input: string, facts: InputFacts): string;
  /** json.dump to a file object kept as is. */
  dumpTo(call: JsonCall, e: Emitter, fp: string): string;
  /** json.load from a file object kept as is. */
  loadFrom(call: JsonCall, e: Emitter, fp: string): string;
}

/** What is known of the text a load/loads call parses. */
export interface InputFacts {
  /** The Python literal it is, when it is one (loads only). */
  literal: SyntaxNode | null;
  /** bytes (true), str (false), either (null). */
  bytes: boolean | null;
}

/** Options a call passes: each Python option with its value, `**kwargs`, and keywords for an encoder or decoder class. */
interface Options {
  values: Map<string, SyntaxNode>;
  kwargs: SyntaxNode[];
  /** Keywords json passes on to `cls(...)` (a custom class takes them); their Python names. */
  forClass: Map<string, SyntaxNode>;
}

const JSON_ENCODER_OPTIONS: ReadonlySet<string> = new Set(ENCODER_OPTIONS);
const JSON_DECODER_OPTIONS: ReadonlySet<string> = new Set(DECODER_OPTIONS);

function runtimeType(e: Emitter, name: string): string {
  return `import(${JSON.stringify(e.imports.runtimeModule)}).${name}`;
}

/** The options of a call, with notes for what json (and so the runtime) does not take. */
function optionsOf(call: JsonCall, e: Emitter): Options {
  const encoder = call.api === "dump" || call.api === "dumps";
  const known = encoder ? JSON_ENCODER_OPTIONS : JSON_DECODER_OPTIONS;
  const values = new Map<string, SyntaxNode>();
  for (const [name, arg] of call.bound) {
    if (name === "obj" || name === "fp" || name === "s") continue;
    if (known.has(name)) values.set(name, arg.value);
  }
  // json passes keywords it does not know on to the class: JSONDecoder takes strict=; a custom
  // class (cls=) takes its own.
  const forClass = new Map<string, SyntaxNode>();
  const customClass = call.bound.has("cls") && !isJsonClass(e, call.bound.get("cls")?.value);
  for (const arg of call.unknownKeywords) {
    if (!encoder && arg.name === "strict") values.set("strict", arg.value);
    else if (customClass && arg.name) forClass.set(arg.name, arg.value);
    else e.note("unsupported-option", `\`${arg.name}=\` is not an option of \`${call.callee.text}()\`: it was left out`);
  }
  if (forClass.size > 0) {
    e.note("port", `${[...forClass.keys()].map((k) => `\`${k}=\``).join(", ")}: json passes ${forClass.size === 1 ? "it" : "them"} on to \`${call.bound.get("cls")?.value.text}(...)\`; the options object handed to its constructor holds ${forClass.size === 1 ? "it" : "them"} under the same name`);
  }
  for (const arg of call.extraPositional) {
    e.note("unsupported-option", `the extra positional argument \`${arg.value.text}\` has no parameter: it was left out`);
  }
  const kwargs: SyntaxNode[] = [];
  for (const arg of call.args) {
    if (arg.kind === "starstar") {
      kwargs.push(arg.value);
      e.note("star-args", `\`**${arg.value.text}\` was spread into the options: its keys must be the runtime's camelCase names (\`sortKeys\`, not \`sort_keys\`) and its values TypeScript ones`);
    } else if (arg.kind === "star") {
      e.note("star-args", `\`*${arg.value.text}\` was not translated: pass its items as the arguments they are`);
    }
  }
  return { values, kwargs, forClass };
}

function isJsonClass(e: Emitter, node: SyntaxNode | undefined): boolean {
  const q = node ? e.ctx.names.qualify(unwrapParens(node)) : null;
  return q === "json.JSONEncoder" || q === "json.JSONDecoder" || q === "simplejson.JSONEncoder" || q === "simplejson.JSONDecoder";
}

export function literalBool(node: SyntaxNode | undefined): boolean | null {
  const n = node ? unwrapParens(node) : null;
  return n?.type === "true" ? true : n?.type === "false" ? false : null;
}

export function literalInt(node: SyntaxNode | undefined): number | null {
  if (!node) return null;
  let n = unwrapParens(node);
  let sign = 1;
  if (n.type === "unary_operator" && n.childForFieldName("operator")?.text === "-") {
    sign = -1;
    n = unwrapParens(n.childForFieldName("argument") as SyntaxNode);
  }
  return n.type === "integer" && /^\d+$/.test(n.text.replace(/_/g, "")) ? sign * Number(n.text.replace(/_/g, "")) : null;
}

function literalString(node: SyntaxNode | undefined): string | null {
  return node ? strValue(node) : null;
}

/** A `(",", ":")` pair of string literals. */
export function literalPair(node: SyntaxNode | undefined): [string, string] | null {
  const n = node ? unwrapParens(node) : null;
  if (!n || (n.type !== "tuple" && n.type !== "list")) return null;
  const items = n.namedChildren.filter((c) => c.type !== "comment").map((c) => literalString(c));
  return items.length === 2 && items[0] != null && items[1] != null ? [items[0], items[1]] : null;
}

const PORT_HOOK = (name: string, role: string) => `\`${name}\` (${role}) is a Python function: port it`;

/** A hook option's value (default=, object_hook=...): builtins mapped, user functions kept by name. */
export function hook(e: Emitter, option: string, node: SyntaxNode): string | null {
  const n = unwrapParens(node);
  const q = n.type === "identifier" || n.type === "attribute" ? e.ctx.names.qualify(n) : null;
  const builtin = q?.startsWith("builtins.") && BUILTINS.has(q.slice("builtins.".length)) ? q.slice("builtins.".length) : null;
  if (builtin && n.type === "identifier" && !e.ctx.scopes.resolve(n)) {
    if (builtin === "int" && option === "parse_int") return null; // what json does anyway
    if (builtin === "float" && option === "parse_float" && e.mode === "native") return null;
    if (builtin === "str" && option === "default" && e.mode === "exact") {
      e.note("default-str", "`default=str`: pyStr writes what Python's str() writes for the values the runtime models (None, bool, int, float, str, bytes, list, tuple, dict, set); any other object (datetime, Decimal, UUID, your classes) is written `<ClassName object>`: give it a case of its own");
    }
    const value = builtinValue(e, builtin);
    if (value) return value;
    if (builtin === "list") return e.rt("pyList");
    if (builtin === "tuple") return e.rt("pyTuple");
    return e.untranslated(n, `the builtin \`${builtin}\` as ${option}=`).text;
  }
  if (n.type === "lambda") return e.expr(n);
  // Library names (collections.OrderedDict, decimal.Decimal) are the expression translator's.
  if (q && !q.startsWith("builtins.") && q !== n.text) return e.expr(n);
  if (n.type === "identifier") {
    e.note("port", PORT_HOOK(n.text, `${option}=`));
    return e.freeName(n.text, "(o: any) => any");
  }
  e.note("port", PORT_HOOK(n.text, `${option}=`));
  return e.expr(n);
}

/** A function expression ready to be called: a name as is, anything else in parentheses. */
export function callable(fn: string | null): string {
  return fn && /^[\w$.]+$/.test(fn) ? fn : `(${fn})`;
}

function objectLiteral(entries: string[]): string {
  return entries.length === 0 ? "" : `{ ${entries.join(", ")} }`;
}

// --- exact: the runtime -----------------------------------------------------------------------------

function exactOptions(call: JsonCall, e: Emitter): string {
  const { values, kwargs, forClass } = optionsOf(call, e);
  const entries: string[] = [];
  for (const [name, node] of values) {
    let value: string | null;
    switch (name) {
      case "separators": {
        const pair = literalPair(node);
        value = pair ? `[${jsString(pair[0])}, ${jsString(pair[1])}]` : e.expr(node, "readonly [string, string] | null");
        break;
      }
      case "cls": {
        const q = e.ctx.names.qualify(unwrapParens(node));
        if (q === "json.JSONEncoder" || q === "json.JSONDecoder") {
          value = e.rt(q.slice(5));
          break;
        }
        const cls = call.api.startsWith("dump") ? "JSONEncoder" : "JSONDecoder";
        e.note("port", `\`${node.text}\` (cls=) is a Python class: port it as a subclass of the runtime's ${cls}`);
        value = unwrapParens(node).type === "identifier" ? e.freeName(unwrapParens(node).text, `typeof ${runtimeType(e, cls)}`) : e.expr(node);
        break;
      }
      case "default":
      case "object_hook":
      case "object_pairs_hook":
      case "parse_float":
      case "parse_int":
      case "parse_constant":
        value = hook(e, name, node);
        break;
      default:
        value = e.expr(node, name === "indent" ? "any" : "boolean");
    }
    if (value !== null) entries.push(`${camelCase(name)}: ${value}`);
  }
  // Spread in, so that TypeScript does not check them against the runtime's own option names.
  if (forClass.size > 0) entries.push(`...{ ${[...forClass].map(([name, node]) => `${/^[A-Za-z_$][\w$]*$/.test(name) ? name : jsString(name)}: ${e.expr(node)}`).join(", ")} }`);
  for (const k of kwargs) entries.push(`...${e.expr(k, "object")}`);
  return objectLiteral(entries);
}

export const exactCodec: Codec = {
  serialize(call, e) {
    const obj = call.bound.get("obj");
    const opts = exactOptions(call, e);
    return `${e.rt("dumps")}(${obj ? e.expr(obj.value, "unknown") : "undefined"}${opts ? `, ${opts}` : ""})`;
  },
  parse(call, e, input) {
    const opts = exactOptions(call, e);
    return `${e.rt("loads")}(${input}${opts ? `, ${opts}` : ""})`;
  },
  dumpTo(call, e, fp) {
    const obj = call.bound.get("obj");
    const opts = exactOptions(call, e);
    return `${e.rt("dump")}(${obj ? e.expr(obj.value, "unknown") : "undefined"}, ${fp}${opts ? `, ${opts}` : ""})`;
  },
  loadFrom(call, e, fp) {
    const opts = exactOptions(call, e);
    return `${e.rt("load")}(${fp}${opts ? `, ${opts}` : ""})`;
  },
};

// --- native: JSON.stringify / JSON.parse ---------------------------------------------------------------

/** JSON.stringify(obj, replacer, indent) and a note for every difference the object and options can show. */
function nativeStringify(call: JsonCall, e: Emitter): string {
  const { values, kwargs } = optionsOf(call, e);
  const objArg: CallArgument | undefined = call.bound.get("obj");
  const obj = objArg ? e.expr(objArg.value, "unknown") : "undefined";
  // What a literal holds is known: its differences are certain; any other value's are possible.
  const known = objArg ? factsOfPython(objArg.value) : null;
  const facts: ValueFacts = known ?? EVERYTHING;
  const certainty = known ? "certain" : "possible";
  const note = (kind: Parameters<Emitter["note"]>[0], message: string) => e.note(kind, message, certainty);
  const has = (k: string) => values.has(k) || kwargs.length > 0;
  for (const k of kwargs) {
    e.note("star-args", `\`**${k.text}\`: JSON.stringify takes no options object; its options were not applied`);
  }

  // indent → JSON.stringify's space argument.
  const indentNode = values.get("indent");
  const indentNone = !indentNode || unwrapParens(indentNode).type === "none";
  let space: string | null = null;
  if (!indentNone && indentNode) {
    const n = literalInt(indentNode);
    const s = literalString(indentNode);
    const b = literalBool(indentNode);
    const differs = (what: string) => facts.nonEmpty && note("indent", NATIVE_MESSAGES.indent(what));
    if (n !== null) {
      if (n >= 1 && n <= 10) space = String(n);
      else if (n > 10) {
        space = "10";
        differs(`JSON.stringify indents by at most 10 spaces, Python by ${n}; any non-empty list or object shows it`);
      } else differs(`indent=${n}: Python starts a line for each item without indenting it, JSON.stringify writes one line; any non-empty list or object shows it`);
    } else if (s !== null) {
      if (s.length >= 1 && s.length <= 10) space = jsString(s);
      else if (s.length > 10) {
        space = jsString(s);
        differs("JSON.stringify uses the first 10 characters of an indent string, Python all of it; any non-empty list or object shows it");
      } else differs('indent="": Python starts a line for each item without indenting it, JSON.stringify writes one line; any non-empty list or object shows it');
    } else if (b !== null) {
      if (b) space = "1";
      else differs("indent=False: Python starts a line for each item without indenting it, JSON.stringify writes one line; any non-empty list or object shows it");
    } else {
      // Python's None is no indent; JSON.stringify takes undefined for that.
      space = `${e.operand(indentNode)} ?? undefined`;
      differs(`indent=${indentNode.text}: a value of 0 or less, more than 10, "" or a string longer than 10 indents differently (JSON.stringify caps at 10 and writes 0 as one line)`);
    }
  }
  const indented = !indentNone;

  // separators: JSON.stringify always writes "," and ":" (": " when indenting).
  const sepNode = values.get("separators");
  const pyItem = sepNode ? literalPair(sepNode) : [indented ? "," : ", ", ": "];
  const jsSep: [string, string] = [",", space !== null ? ": " : ":"];
  if (!pyItem || pyItem[0] !== jsSep[0] || pyItem[1] !== jsSep[1]) {
    if (facts.separated) {
      const py = pyItem ? `\`${pyItem[0]}\` and \`${pyItem[1]}\`` : `the separators \`${sepNode?.text}\``;
      note("separators", NATIVE_MESSAGES.separators(py, `\`${jsSep[0]}\` and \`${jsSep[1]}\``));
    }
  }

  // Value-dependent differences.
  const ensureAscii = values.has("ensure_ascii") ? literalBool(values.get("ensure_ascii")) : true;
  if (ensureAscii !== false && facts.nonAscii) note("ensure-ascii", NATIVE_MESSAGES["ensure-ascii"]());
  if (ensureAscii !== true && facts.loneSurrogate) note("lone-surrogate", NATIVE_MESSAGES["lone-surrogate"]());
  const allowNan = values.has("allow_nan") ? literalBool(values.get("allow_nan")) : true;
  if (facts.nan) note("nan", NATIVE_MESSAGES.nan(allowNan !== false));
  if (facts.bigInt) note("big-int", NATIVE_MESSAGES["big-int"](false));
  if (facts.floatLayout) note("float-layout", NATIVE_MESSAGES["float-layout"]());
  if (facts.intLikeKey) note("key-order", NATIVE_MESSAGES["key-order"]());
  if (facts.nonStringKey) note("non-string-keys", NATIVE_MESSAGES["non-string-keys"]());
  if (has("skipkeys") && literalBool(values.get("skipkeys")) !== false && facts.nonStringKey) note("skipkeys", NATIVE_MESSAGES.skipkeys());
  const cls = values.get("cls");
  if (cls) e.note("encoder-class", NATIVE_MESSAGES["encoder-class"](cls.text));

  // default= and sort_keys= become one replacer.
  const steps: string[] = [];
  const defaultNode = values.get("default");
  if (defaultNode) {
    const fn = hook(e, "default", defaultNode);
    e.note("default", NATIVE_MESSAGES.default(), "possible");
    steps.push(`value = value === null || typeof value !== "object" || Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype ? value : ${callable(fn)}(value);`);
  } else if (facts.unserializable) {
    note("unserializable", NATIVE_MESSAGES.unserializable());
  }
  const sortNode = values.get("sort_keys");
  const sort = sortNode ? literalBool(sortNode) : false;
  if (sort !== false && sortNode) {
    const sorter = `value !== null && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value`;
    steps.push(sort === true ? `value = ${sorter};` : `if (${e.expr(sortNode)}) value = ${sorter};`);
    if (facts.sortSensitive) note("sort-keys", NATIVE_MESSAGES["sort-keys"]());
  }
  const replacer = steps.length === 0 ? null : `(_key: string, value: any) => {\n  ${steps.join("\n  ")}\n  return value;\n}`;
  const args = [obj];
  if (replacer || space !== null) args.push(replacer ?? "null");
  if (space !== null) args.push(space);
  return `JSON.stringify(${args.join(", ")})`;
}

/** JSON.parse(text, reviver) with a note for every difference the text and options can show. */
function nativeParse(call: JsonCall, e: Emitter, input: string, inputFacts: InputFacts): string {
  const { values, kwargs } = optionsOf(call, e);
  for (const k of kwargs) e.note("star-args", `\`**${k.text}\`: JSON.parse takes no options object; its options were not applied`);
  const literal = inputFacts.literal ? literalString(inputFacts.literal) : null;
  const known = literal !== null ? factsOfJsonText(literal) : null;
  if (!known) {
    e.note("decode-error", NATIVE_MESSAGES["decode-error"](), "possible");
  }
  const facts = known?.facts ?? EVERYTHING;
  // A literal text's differences are certain; any other text's are possible.
  const certainty = known ? "certain" : "possible";
  const intFloat = known ? known.intFloat : true;
  const nanLiteral = known ? known.nanLiteral : true;
  if (intFloat) e.note("int-float", NATIVE_MESSAGES["int-float"](), certainty);
  if (facts.bigInt) e.note("big-int", NATIVE_MESSAGES["big-int"](true), certainty);
  if (nanLiteral && !values.has("parse_constant")) e.note("nan-literal", NATIVE_MESSAGES["nan-literal"](), certainty);
  if (facts.intLikeKey) e.note("key-order", NATIVE_MESSAGES["key-order"](), certainty);
  const strict = values.get("strict");
  if (strict && literalBool(strict) !== true && !known) e.note("strict", NATIVE_MESSAGES.strict(), "possible");
  const cls = values.get("cls");
  if (cls) e.note("decoder-class", NATIVE_MESSAGES["decoder-class"](cls.text));

  let reviver: string | null = null;
  const pairsHook = values.get("object_pairs_hook");
  const objectHook = values.get("object_hook");
  const isObject = `value !== null && typeof value === "object" && !Array.isArray(value)`;
  if (pairsHook) {
    const fn = hook(e, "object_pairs_hook", pairsHook);
    e.note("decoder-hook", "object_pairs_hook: ported as a reviver given Object.entries(value): JSON.parse has already merged duplicate keys (Python passes every pair) and moved integer-like keys first", "possible");
    reviver = `(_key: string, value: any) => (${isObject} ? ${callable(fn)}(Object.entries(value)) : value)`;
  } else if (objectHook) {
    const fn = hook(e, "object_hook", objectHook);
    e.note("decoder-hook", "object_hook: ported as a reviver: it receives a plain object whose integer-like keys come first, and runs after JSON.parse has read the whole text", "possible");
    reviver = `(_key: string, value: any) => (${isObject} ? ${callable(fn)}(value) : value)`;
  }
  for (const name of ["parse_float", "parse_int", "parse_constant"]) {
    const node = values.get(name);
    if (!node || hook(e, name, node) === null) continue;
    e.note("decoder-hook", `${name}=${node.text}: JSON.parse has no equivalent (a reviver sees the parsed number, not its text): it was not applied`, "possible");
  }
  let text = input;
  if (inputFacts.bytes === true) {
    e.note("bytes-input", NATIVE_MESSAGES["bytes-input"](), "possible");
    text = `new TextDecoder().decode(${input})`;
  }
  return `JSON.parse(${text}${reviver ? `, ${reviver}` : ""})`;
}

export const nativeCodec: Codec = {
  serialize: nativeStringify,
  parse: nativeParse,
  dumpTo(call, e, fp) {
    return `${fp}.write(${nativeStringify(call, e)})`;
  },
  loadFrom(call, e, fp) {
    return nativeParse(call, e, `${fp}.read()`, { literal: null, bytes: null });
  },
};

export function codecFor(e: Emitter): Codec {
  return e.mode === "exact" ? exactCodec : nativeCodec;
}
