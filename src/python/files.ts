// Queries about the files json calls read and write, shared by the rules and the translator.
import type { FileKind } from "./kinds.js";
import type { JsonCall } from "./model.js";
import type { Names } from "./names.js";
import type { Occurrence, Scopes } from "./scopes.js";
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

/**
 * The message of the TypeError CPython 3.11 raises when a file's `write()` gets bytes (a text
 * file) or str (a binary file); null when it is not known for this kind of file (an annotation,
 * codecs' StreamReaderWriter, whose message names the codec). Checked with python3 by
 * test/rules/write-text-to-binary-file.test.ts and write-bytes-to-text-file.test.ts.
 */
export function writeTypeError(file: FileKind, bytes: boolean): string | null {
  if (file.binary === null || file.binary === bytes) return null;
  if (!bytes) {
    if (file.origin === "compressed-open") return "memoryview: a bytes-like object is required, not 'str'";
    return ["open", "path-open", "codecs-open", "tempfile", "bytesio", "std"].includes(file.origin) ? "a bytes-like object is required, not 'str'" : null;
  }
  if (file.origin === "stringio") return "string argument expected, got 'bytes'";
  // codecs.open() with an encoding returns a StreamReaderWriter: its message names the codec.
  if (file.origin === "codecs-open") return file.encodingGiven === false ? "write() argument must be str, not bytes" : null;
  return ["open", "path-open", "compressed-open", "tempfile", "std"].includes(file.origin) ? "write() argument must be str, not bytes" : null;
}

/** Every use of the handle a binding names is as the `file=` of a `print()` call (which writes only str). */
export function onlyPrintedTo(ctx: { scopes: Scopes; names: Names }, binding: Occurrence): boolean {
  return ctx.scopes.references(binding).every(({ node }) => {
    const kw = node.parent;
    const call = kw?.parent?.parent;
    const fn = call?.type === "call" ? call.childForFieldName("function") : null;
    return kw?.type === "keyword_argument" && kw.childForFieldName("name")?.text === "file" && kw.childForFieldName("value")?.id === node.id && !!fn && ctx.names.qualify(fn) === "builtins.print";
  });
}
