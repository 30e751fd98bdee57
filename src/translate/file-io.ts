// Where a call's file or text comes from, read off the model's FileKind and translated
// idiomatically in both modes:
//   json.dump(x, open(p, "w", encoding="utf-8"))  →  writeFileSync(p, dumps(x), "utf8")
//   json.load(open(p))                            →  loads(readFileSync(p, "utf8"))
//   json.dump(x, sys.stdout)                      →  process.stdout.write(dumps(x))
// A handle that is not one of those stays a file object (dump(x, f) / load(f)).
import { normalizeEncoding } from "../python/encodings.js";
import { parseMode, type FileKind } from "../python/kinds.js";
import type { JsonCall } from "../python/model.js";
import { unwrapParens } from "../python/syntax.js";
import type { SyntaxNode } from "../python/tree.js";
import { codecFor, type Codec, type InputFacts } from "./codec.js";
import { libraryCall } from "./libraries.js";
import { jsString } from "./literals.js";
import type { Emitter } from "./types.js";

export interface PathTarget {
  kind: "path";
  path: SyntaxNode;
  /** "r" | "w" | "a" | "x" */
  base: string;
  binary: boolean;
  encoding: NodeEncoding;
}

interface StdTarget {
  kind: "std";
  stream: "stdin" | "stdout" | "stderr";
  binary: boolean;
}

export type Target = PathTarget | StdTarget;

interface NodeEncoding {
  /** Node's name for it. */
  name: "utf8" | "latin1" | "utf16le";
  /** utf-8-sig: a BOM is skipped on reading and written first. */
  bom: boolean;
  /** Python's name, null when open() was given none. */
  python: string | null;
}

function nodeEncoding(python: string | null): NodeEncoding | null {
  const n = (python ?? "utf-8").toLowerCase().replace(/_/g, "-");
  if (n === "utf-8-sig") return { name: "utf8", bom: true, python };
  const normal = normalizeEncoding(n);
  if (normal === "utf-8") return { name: "utf8", bom: false, python };
  if (normal === "latin-1") return { name: "latin1", bom: false, python };
  if (/^utf-?16-?le$/.test(n)) return { name: "utf16le", bom: false, python };
  return null;
}

/**
 * A file the translation reads or writes whole: an open() (or Path.open()) given only a path, a
 * literal mode without "+", an encoding Node has and strict errors; or a standard stream.
 */
export function targetOf(kind: FileKind): Target | null {
  if (kind.origin === "std" && kind.stream) return { kind: "std", stream: kind.stream, binary: kind.binary === true };
  if ((kind.origin !== "open" && kind.origin !== "path-open") || !kind.simple || !kind.path || kind.mode === null) return null;
  const info = parseMode(kind.mode);
  if (!info || kind.mode.includes("+")) return null;
  if (kind.errors !== null && kind.errors !== "strict") return null;
  const encoding = info.binary ? { name: "utf8" as const, bom: false, python: "binary" } : nodeEncoding(kind.encoding);
  if (!encoding) return null;
  return { kind: "path", path: kind.path, base: ["r", "w", "a", "x"].find((c) => kind.mode?.includes(c)) ?? "r", binary: info.binary, encoding };
}

/** The file a call reaches directly: an open() call in its argument, or a standard stream. */
function directTarget(call: JsonCall): Target | null {
  const file = call.file;
  if (!file || file.readCall) return null;
  const inline = file.kind.openCall && unwrapParens(file.node).id === file.kind.openCall.id;
  return inline || file.kind.origin === "std" ? targetOf(file.kind) : null;
}

// --- reading and writing ---------------------------------------------------------------------------------

function readText(t: Target, e: Emitter): string {
  if (t.kind === "std") return t.binary ? `${e.fs("readFileSync")}(0)` : `${e.fs("readFileSync")}(0, "utf8")`;
  const path = e.expr(t.path, "string");
  if (t.binary) return `${e.fs("readFileSync")}(${path})`;
  noteEncoding(t, e, "read");
  const read = `${e.fs("readFileSync")}(${path}, ${jsString(t.encoding.name)})`;
  return t.encoding.bom ? `${read}.replace(/^\\uFEFF/, "")` : read;
}

function noteEncoding(t: PathTarget, e: Emitter, how: "read" | "write"): void {
  if (t.encoding.python === null) {
    e.note("encoding", "open() without encoding= uses the locale's encoding (UTF-8 on Linux and macOS, often cp1252 on Windows); the TypeScript uses UTF-8", "possible");
  }
  if (how === "read" && t.encoding.name === "utf8") {
    e.note("codec-errors", "a file that is not valid UTF-8: Python raises UnicodeDecodeError, readFileSync(..., \"utf8\") puts U+FFFD in place of the bad bytes", "possible");
  }
}

export function writeText(t: Target, text: string, e: Emitter): string {
  if (t.kind === "std") return `process.${t.stream}.write(${text})`;
  const path = e.expr(t.path, "string");
  noteEncoding(t, e, "write");
  e.note("partial-write", "on a serialization error Python has already emptied the file (and json.dump written part of the text); writeFileSync is never reached, so the file is left as it was", "possible");
  const enc = jsString(t.encoding.name);
  const body = t.encoding.bom ? `"\\uFEFF" + ${text}` : text;
  if (t.base === "a") {
    if (t.encoding.bom) e.note("encoding", "utf-8-sig in append mode writes a BOM only at the start of an empty file; appendFileSync writes it every time", "possible");
    return `${e.fs("appendFileSync")}(${path}, ${body}, ${enc})`;
  }
  if (t.base === "x") return `${e.fs("writeFileSync")}(${path}, ${body}, { encoding: ${enc}, flag: "wx" })`;
  return `${e.fs("writeFileSync")}(${path}, ${body}, ${enc})`;
}

/** Whether a target serves a call: dump writes text; load and loads(f.read()) read. */
export function fits(reads: boolean, t: Target): boolean {
  if (t.kind === "std") return reads ? t.stream === "stdin" : t.stream !== "stdin" && !t.binary;
  return reads ? t.base === "r" : t.base !== "r" && !t.binary;
}

// --- the call ----------------------------------------------------------------------------------------------

// simplejson is not json: version 4 raises on NaN by default (dumps and loads), writes bytes as text,
// namedtuples as objects and Decimal as numbers, and takes options json has not. Its calls are
// not translated until the runtime has its contract, checked against the library.
const SIMPLEJSON = "simplejson's contract is not json's (NaN raises, bytes, namedtuples and Decimal are written, options of its own): not translated";

/** The TypeScript of one call as an expression, its file taken from `target` or from its argument. */
export function callExpression(call: JsonCall, e: Emitter, target: Target | null = null): string {
  if (call.module === "simplejson") return e.untranslated(call.node, SIMPLEJSON).text;
  if (call.module === "orjson" || call.module === "ujson") return libraryCall(call, e, (codec) => jsonLikeCall(call, e, target, codec));
  return jsonLikeCall(call, e, target, codecFor(e));
}

function jsonLikeCall(call: JsonCall, e: Emitter, target: Target | null, codec: Codec): string {
  switch (call.api) {
    case "dumps":
      return codec.serialize(call, e);
    case "loads": {
      const s = call.bound.get(call.signature.target ?? "s"); // ujson's and orjson's is `obj`
      if (!s) return codec.parse(call, e, "undefined as any", { literal: null, bytes: null });
      if (target) return codec.parse(call, e, readText(target, e), { literal: null, bytes: target.binary });
      const k = call.target?.kind;
      const bytes = k?.kind === "text" ? k.bytes : null;
      // Native mode decodes what it knows to be bytes (TextDecoder) and hands the rest to JSON.parse as text.
      const type = bytes === true ? "Uint8Array" : bytes === false || e.mode === "native" ? "string" : "string | Uint8Array";
      const facts: InputFacts = { literal: s.value, bytes };
      return codec.parse(call, e, e.expr(s.value, type), facts);
    }
    case "dump": {
      const fp = call.bound.get("fp");
      if (!fp) return codec.serialize(call, e);
      const t = target ?? directTarget(call);
      if (t && fits(false, t)) return writeText(t, codec.serialize(call, e), e);
      return codec.dumpTo(call, e, fileObject(fp.value, e, "write"));
    }
    case "load": {
      const fp = call.bound.get("fp");
      if (!fp) return codec.parse(call, e, "undefined as any", { literal: null, bytes: null });
      const t = target ?? directTarget(call);
      if (t && fits(true, t)) return codec.parse(call, e, readText(t, e), { literal: null, bytes: t.binary });
      return codec.loadFrom(call, e, fileObject(fp.value, e, "read"));
    }
  }
}

function fileObject(node: SyntaxNode, e: Emitter, use: "read" | "write"): string {
  const type =
    use === "write" ? "{ write(s: string): unknown }" : e.mode === "exact" ? "{ read(): string | Uint8Array }" : "{ read(): string }";
  const n = unwrapParens(node);
  e.note("file-object", `\`${n.text}\` stays a file object: give it a \`${use === "write" ? "write(s: string)" : "read()"}\` method in TypeScript (the runtime has no open())`);
  // A literal here is a bug check reports (a path or text where a file is needed): keep it, typed loosely.
  return n.type === "identifier" || n.type === "attribute" || n.type === "call" ? e.expr(n, type) : `(${e.expr(n)} as any)`;
}
