// Literals and displays: ints (numbers, or bigints past 2**53), floats (an integral float is the
// runtime's float(1) in exact mode, so it stays `1.0`), strings and f-strings (each field
// formatted as Python formats it), bytes, tuples, lists, sets and dicts (a Map in Python's order
// when a plain object would reorder or lose keys).
import { decodeEscapes, stringLiteral, strValue, unwrapParens } from "../../python/syntax.js";
import type { SyntaxNode } from "../../python/tree.js";
import { isIntegerLikeKey } from "../facts.js";
import { jsBytes, jsInt, jsNumber, jsString, pythonFloat, pythonInt, templatePart } from "../literals.js";
import type { Code, Emitter } from "../types.js";

const atom = (text: string): Code => ({ text, atomic: true });

export function items(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c) => c.type !== "comment");
}

export function integer(e: Emitter, node: SyntaxNode, negative: boolean): Code {
  const v = pythonInt(node.text);
  if (v === null) return e.untranslated(node, /[jJ]$/.test(node.text) ? "a complex number: JavaScript has none" : "not an int literal of Python 3");
  const n = negative ? -v : v;
  return { text: jsInt(n), atomic: n >= 0n };
}

export function float(e: Emitter, node: SyntaxNode, negative: boolean): Code {
  const v = pythonFloat(node.text);
  if (v === null) return e.untranslated(node, "a complex number: JavaScript has none");
  const n = negative ? -v : v;
  if (e.mode === "exact" && Number.isInteger(n)) return atom(`${e.rt("float")}(${jsNumber(n)})`);
  const js = jsNumber(n);
  return { text: js, atomic: !js.startsWith("-") };
}

export function string(e: Emitter, node: SyntaxNode): Code {
  const lit = stringLiteral(node);
  if (!lit) return e.untranslated(node, "a string the parser could not read");
  if (/(?<!\\)(?:\\\\)*\\N\{[^}]*\}/.test(node.text) && !lit.raw) {
    return e.untranslated(node, "a named Unicode escape (`\\N{...}`): there is no Unicode name table here; write the character itself");
  }
  if (lit.bytes) return lit.fstring ? e.untranslated(node, "a bytes f-string") : atom(jsBytes(lit.value));
  if (!lit.fstring) return atom(jsString(lit.value));
  return fstring(e, node);
}

/** f"a{b!r:>10}c" → `a${pyFormatValue(pyRepr(b), ">10")}c`. */
function fstring(e: Emitter, node: SyntaxNode): Code {
  const parts = node.type === "concatenated_string" ? node.namedChildren.filter((c) => c.type === "string") : [node];
  let out = "";
  for (const part of parts) {
    const lit = stringLiteral(part);
    if (!lit || lit.bytes) return e.untranslated(node, "a string the parser could not read");
    if (!lit.fstring) {
      out += templatePart(lit.value);
      continue;
    }
    for (const c of part.namedChildren) {
      if (c.type === "string_content" || c.type === "escape_sequence") {
        // A piece of the literal, decoded by itself ("{{" is "{").
        const text = c.text.replace(/\{\{/g, "{").replace(/\}\}/g, "}");
        out += templatePart(lit.raw ? text : decodeEscapes(text, false));
      } else if (c.type === "interpolation") {
        const field = interpolation(e, c);
        if (field === null) return e.untranslated(node, "an f-string field with `=`");
        out += "${" + field + "}";
      }
    }
  }
  return atom("`" + out + "`");
}

/** One `{value!conversion:spec}` field: the value converted, then formatted as format() does. */
function interpolation(e: Emitter, node: SyntaxNode): string | null {
  const named = node.namedChildren.filter((c) => c.type !== "comment");
  const expr = named.find((c) => c.type !== "type_conversion" && c.type !== "format_specifier");
  if (!expr) return "undefined";
  if (node.children.some((c) => c.type === "=")) return null; // f"{x=}" writes the source too
  const conversion = named.find((c) => c.type === "type_conversion")?.text;
  const specNode = named.find((c) => c.type === "format_specifier");
  let value = e.expr(expr);
  if (conversion === "!r") value = `${e.rt("pyRepr")}(${value})`;
  else if (conversion === "!a") value = `${e.rt("pyAscii")}(${value})`;
  else if (conversion === "!s") value = `${e.rt("pyStr")}(${value})`;
  if (!specNode) return conversion ? value : `${e.rt("pyStr")}(${value})`;
  return `${e.rt("pyFormatValue")}(${value}, ${formatSpec(e, specNode)})`;
}

/** A format spec as a string expression; it may hold fields of its own (`{x:{width}}`). */
function formatSpec(e: Emitter, spec: SyntaxNode): string {
  // The spec's text after ":", its nested fields translated like any field.
  const start = spec.startIndex + (spec.text.startsWith(":") ? 1 : 0);
  let out = "";
  let at = start;
  for (const c of spec.namedChildren) {
    const value = c.type === "format_expression" ? c.childForFieldName("expression") : null;
    if (!value) continue;
    out += templatePart(e.ctx.text.slice(at, c.startIndex));
    // A nested field is formatted with an empty spec: str() for the values a spec is made of.
    out += "${" + `${e.rt("pyStr")}(${e.expr(value)})` + "}";
    at = c.endIndex;
  }
  out += templatePart(e.ctx.text.slice(at, spec.endIndex));
  return out.includes("${") ? "`" + out + "`" : jsString(e.ctx.text.slice(start, spec.endIndex));
}

export function sequence(e: Emitter, node: SyntaxNode, isTuple: boolean): Code {
  const elements = items(node).map((c) => element(e, c));
  if (isTuple && e.mode === "exact") return atom(`${e.rt("tuple")}(${elements.join(", ")})`);
  return atom(`[${elements.join(", ")}]`);
}

/** An element of a display: `*xs` spreads what iterating it gives in Python. */
export function element(e: Emitter, node: SyntaxNode): string {
  if (node.type === "list_splat") {
    const inner = node.namedChildren[0];
    return inner ? `...${e.rt("pyIter")}(${e.expr(inner)})` : "";
  }
  return e.expr(node);
}

export function set(e: Emitter, node: SyntaxNode): Code {
  return atom(`new Set([${items(node).map((c) => element(e, c)).join(", ")}])`);
}

/**
 * A dict: a plain object when every key is a distinct string literal that JavaScript keeps in
 * place (not integer-like, not `__proto__`), else (exact mode) the runtime's dict(), a Map in
 * Python's order with Python's key equality.
 */
export function dictionary(e: Emitter, node: SyntaxNode): Code {
  const entries: { key: SyntaxNode; value: SyntaxNode }[] = [];
  const splats: SyntaxNode[] = [];
  /** Pairs and `**` spreads in the order written: a later key wins, in the first one's place. */
  const parts: ({ key: SyntaxNode; value: SyntaxNode } | SyntaxNode)[] = [];
  for (const p of items(node)) {
    if (p.type === "dictionary_splat") {
      const inner = p.namedChildren[0];
      if (inner) {
        splats.push(inner);
        parts.push(inner);
      }
      continue;
    }
    const key = p.childForFieldName("key");
    const value = p.childForFieldName("value");
    if (p.type !== "pair" || !key || !value) return e.untranslated(node, "a dict display the translator cannot read");
    entries.push({ key, value });
    parts.push({ key, value });
  }
  const stringKeys = entries.map((x) => strValue(x.key));
  const plainKeys = stringKeys.every((k) => k !== null && !isIntegerLikeKey(k) && k !== "__proto__") && new Set(stringKeys).size === stringKeys.length;
  if (plainKeys && splats.length === 0) {
    const props = entries.map((x, i) => `${propertyName(stringKeys[i] as string)}: ${e.expr(x.value)}`);
    return atom(props.length === 0 ? "{}" : `{ ${props.join(", ")} }`);
  }
  if (e.mode === "native") {
    // A plain object: its keys are strings, String(key) of any other key (the non-string-keys
    // note says where that differs from Python); duplicate keys keep the first place and the
    // last value, as in Python (TypeScript refuses duplicates in a literal, so they are merged).
    const merged = new Map<string, string>();
    entries.forEach((x, i) => merged.set(nativeKey(e, x.key, stringKeys[i] ?? null), e.expr(x.value)));
    const props = [...merged].map(([k, v]) => `${k}: ${v}`);
    for (const s of splats) props.push(`...${e.operand(s)}`);
    return atom(props.length === 0 ? "{}" : `{ ${props.join(", ")} }`);
  }
  const pairs = parts.map((x) => ("key" in x ? `[${e.expr(x.key)}, ${e.expr(x.value)}]` : `...${e.rt("pyMappingItems")}(${e.expr(x)})`));
  // Several pairs may have different types: TypeScript needs the widest key and value types said.
  return atom(`${e.rt("dict")}<unknown, unknown>([${pairs.join(", ")}])`);
}

function propertyName(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : jsString(key);
}

/** Native mode's object key for a dict key: the key's string, as JavaScript makes it. */
function nativeKey(e: Emitter, key: SyntaxNode, str: string | null): string {
  if (str !== null) return propertyName(str);
  const k = unwrapParens(key);
  if (k.type === "integer") {
    const v = pythonInt(k.text);
    if (v !== null && v >= 0n) return jsString(String(v));
  }
  if (k.type === "true" || k.type === "false" || k.type === "none") return jsString(k.type === "none" ? "null" : k.type);
  // A tuple (or other container) key: an object key is its string; TypeScript wants that said.
  return ["tuple", "list", "set", "dictionary"].includes(k.type) ? `[String(${e.expr(key)})]` : `[${e.expr(key)}]`;
}
