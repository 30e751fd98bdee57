// What a positional argument of a json call most plainly is, when it is an option value.
// Shared by dumps-given-file (a file passed to dumps) and positional-option (an option passed
// positionally), so that each argument belongs to exactly one of them.
import type { Kinds } from "./kinds.js";
import type { JsonCall } from "./model.js";
import type { SyntaxNode } from "./tree.js";
import { literalKind, stringLiteral, unwrapParens, type CallArgument } from "./syntax.js";

/** The option a positional value most plainly is, or null when it could be several (or none). */
export function guessOption(call: JsonCall, value: SyntaxNode): string | null {
  const encoder = call.api === "dump" || call.api === "dumps";
  const v = unwrapParens(value);
  if (v.type === "identifier" && call.signature.options.includes(v.text)) return v.text;
  if (encoder) {
    if (v.type === "integer") return "indent";
    const s = stringLiteral(v);
    if (s && !s.bytes && !s.fstring && /^[ \t]*$/.test(s.value)) return "indent";
    if (v.type === "tuple" && isStringPair(v)) return "separators";
    if (v.type === "identifier" && (v.text === "str" || v.text === "repr")) return "default";
    if (v.type === "lambda") return "default";
  } else {
    if (v.type === "identifier" && v.text === "OrderedDict") return "object_pairs_hook";
    if ((v.type === "identifier" || v.type === "attribute") && /(^|\.)Decimal$/.test(v.text)) return "parse_float";
  }
  if ((v.type === "identifier" || v.type === "attribute") && new RegExp(`${encoder ? "Encoder" : "Decoder"}$`).test(v.text)) return "cls";
  return null;
}

/** Whether a positional argument looks like an option value rather than a file or a path. */
export function looksLikeOption(call: JsonCall, arg: CallArgument, kinds: Kinds): boolean {
  const lit = literalKind(arg.value);
  if (lit !== null) return !(lit === "string" && kinds.of(arg.value).kind === "path");
  return guessOption(call, arg.value) !== null;
}

function isStringPair(tuple: SyntaxNode): boolean {
  const items = tuple.namedChildren.filter((c) => c.type !== "comment");
  return items.length === 2 && items.every((c) => literalKind(c) === "string");
}
