// Queries about the files json calls read and write, shared by the rules and the translator.
import type { FileKind } from "./kinds.js";
import type { JsonCall } from "./model.js";
import type { Occurrence } from "./scopes.js";
import type { SyntaxNode } from "./tree.js";

/** Origins whose opener takes `encoding=` and defaults to the locale's encoding in text mode. */
const LOCALE_ENCODED = new Set<FileKind["origin"]>(["open", "path-open", "codecs-open", "compressed-open", "tempfile"]);

/**
 * Whether the encoding of a text file changes what this call reads or writes: always for
 * reading; for `json.dump` only with `ensure_ascii` set to something other than `True`
 * (by default its output is pure ASCII, the same bytes in every locale encoding).
 */
export function encodingMatters(call: JsonCall): boolean {
  if (call.api === "load" || call.api === "loads") return true;
  const ensureAscii = call.bound.get("ensure_ascii");
  return !!ensureAscii && ensureAscii.value.text !== "True";
}

/** A text-mode `open()`-like call without `encoding=` (and that JSN010/JSN011 do not already flag). */
export function lacksEncoding(call: JsonCall, kind: FileKind): boolean {
  // `orjson.load(f)` raises AttributeError before reading anything.
  if (!call.signature.exists) return false;
  if (!LOCALE_ENCODED.has(kind.origin) || kind.binary !== false || kind.encodingGiven !== false) return false;
  // A file that cannot serve the call at all is JSN010's or JSN011's problem; after their fix
  // (which adds the encoding when it switches binary to text) this rule looks again.
  if (call.api === "dump" ? kind.writable === false : kind.readable === false) return false;
  return encodingMatters(call);
}

/** The `with` statement whose `as` target a binding is, with its one item and its body. */
export function withStatementOf(binding: Occurrence): { statement: SyntaxNode; body: SyntaxNode; items: number } | null {
  if (binding.binding?.how !== "with") return null;
  // binding → as_pattern_target → as_pattern → with_item → with_clause → with_statement
  let item: SyntaxNode | null = binding.node.parent;
  while (item && item.type !== "with_item") item = item.parent;
  const clause = item?.parent;
  const statement = clause?.parent;
  const body = statement?.childForFieldName("body");
  if (clause?.type !== "with_clause" || statement?.type !== "with_statement" || !body) return null;
  return { statement, body, items: clause.namedChildren.filter((c) => c.type === "with_item").length };
}
