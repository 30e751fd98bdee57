// Where a call's file or text comes from, translated idiomatically in both modes:
//   with open(p, "w", encoding="utf-8") as f: json.dump(x, f)  →  writeFileSync(p, dumps(x), "utf8")
//   with open(p) as f: data = json.load(f)                     →  const data = loads(readFileSync(p, "utf8"))
//   json.dump(x, sys.stdout)                                   →  process.stdout.write(dumps(x))
//   print(json.dumps(x))                                       →  console.log(dumps(x))
// A handle used for more than the json call stays a file object (dump(x, f) / load(f)).
import { parseMode } from "../python/kinds.js";
import type { JsonCall } from "../python/model.js";
import type { SyntaxNode } from "../python/tree.js";
import type { Occurrence } from "../python/scopes.js";
import { callArguments, parentSkippingParens, strValue, unwrapParens } from "../python/syntax.js";
import { normalizeEncoding } from "../python/encodings.js";
import { codecFor, type InputFacts } from "./codec.js";
import type { Emitter } from "./expr.js";
import { jsString } from "./literals.js";

/** The Python a call's translation replaces, and the TypeScript that replaces it. */
export interface Unit {
  node: SyntaxNode;
  typescript: string;
  expression: boolean;
  declares: string[];
}

interface PathTarget {
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

type Target = PathTarget | StdTarget;

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
  // Python's aliases, as the source loader reads coding cookies.
  const normal = normalizeEncoding(n);
  if (normal === "utf-8") return { name: "utf8", bom: false, python };
  if (normal === "latin-1") return { name: "latin1", bom: false, python };
  if (/^utf-?16-?le$/.test(n)) return { name: "utf16le", bom: false, python };
  return null;
}

const OPEN_PARAMS = ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"];
const PATH_OPEN_PARAMS = ["mode", "buffering", "encoding", "errors", "newline"];

/**
 * `open(p, "w", encoding="utf-8")` (or io.open, or Path(p).open("w")) as a file target, when
 * nothing but the path, a literal mode, a literal encoding and errors="strict" is given.
 */
function openTarget(node: SyntaxNode, e: Emitter): PathTarget | null {
  const call = unwrapParens(node);
  if (call.type !== "call") return null;
  const fn = call.childForFieldName("function");
  if (!fn) return null;
  const q = e.ctx.names.qualify(fn);
  let params: string[];
  let path: SyntaxNode | null = null;
  if (q === "builtins.open" || q === "io.open") params = OPEN_PARAMS;
  else if (fn.type === "attribute" && fn.childForFieldName("attribute")?.text === "open") {
    const receiver = fn.childForFieldName("object");
    const k = receiver ? e.ctx.kinds.of(receiver) : null;
    if (!receiver || k?.kind !== "path" || !k.pathlib) return null;
    params = PATH_OPEN_PARAMS;
    path = receiver;
  } else return null;
  const given = new Map<string, SyntaxNode>();
  let i = 0;
  for (const a of callArguments(call)) {
    if (a.kind === "positional") given.set(params[i++] ?? "?", a.value);
    else if (a.kind === "keyword" && a.name) given.set(a.name, a.value);
    else return null;
  }
  for (const name of given.keys()) if (!["file", "mode", "encoding", "errors"].includes(name)) return null;
  path ??= given.get("file") ?? null;
  if (!path) return null;
  const modeNode = given.get("mode");
  const mode = modeNode ? strValue(modeNode) : "r";
  const info = mode === null ? null : parseMode(mode);
  if (!info || mode === null || mode.includes("+")) return null;
  const errors = given.get("errors");
  if (errors && strValue(errors) !== "strict") return null;
  const encNode = given.get("encoding");
  const encName = encNode ? strValue(encNode) : null;
  if (encNode && encName === null) return null;
  const encoding = info.binary ? { name: "utf8" as const, bom: false, python: "binary" } : nodeEncoding(encName);
  if (!encoding) return null;
  return { kind: "path", path, base: ["r", "w", "a", "x"].find((c) => mode.includes(c)) ?? "r", binary: info.binary, encoding };
}


function stdTarget(node: SyntaxNode, e: Emitter): StdTarget | null {
  const q = e.ctx.names.qualify(unwrapParens(node));
  const m = q ? /^sys\.(stdin|stdout|stderr)(\.buffer)?$/.exec(q) : null;
  return m ? { kind: "std", stream: m[1] as StdTarget["stream"], binary: !!m[2] } : null;
}

/** A file the call reaches directly: an open() call in the argument, or a standard stream. */
function directTarget(node: SyntaxNode, e: Emitter): Target | null {
  return stdTarget(node, e) ?? openTarget(node, e);
}

// --- reading and writing ---------------------------------------------------------------------------------

function readText(t: Target, e: Emitter): string {
  if (t.kind === "std") {
    return t.binary ? `${e.fs("readFileSync")}(0)` : `${e.fs("readFileSync")}(0, "utf8")`;
  }
  const path = e.expr(t.path, "string");
  if (t.binary) return `${e.fs("readFileSync")}(${path})`;
  noteEncoding(t, e, "read");
  const read = `${e.fs("readFileSync")}(${path}, ${jsString(t.encoding.name)})`;
  return t.encoding.bom ? `${read}.replace(/^\\uFEFF/, "")` : read;
}

function noteEncoding(t: PathTarget, e: Emitter, how: "read" | "write"): void {
  if (t.encoding.python === null) {
    e.note("encoding", "open() without encoding= uses the locale's encoding (UTF-8 on Linux and macOS, often cp1252 on Windows); the TypeScript uses UTF-8");
  }
  if (how === "read" && t.encoding.name === "utf8") {
    e.note("codec-errors", "a file that is not valid UTF-8: Python raises UnicodeDecodeError, readFileSync(..., \"utf8\") puts U+FFFD in place of the bad bytes");
  }
}

function writeText(call: JsonCall, t: Target, text: string, e: Emitter): string {
  if (t.kind === "std") return `process.${t.stream}.write(${text})`;
  const path = e.expr(t.path, "string");
  noteEncoding(t, e, "write");
  e.note("partial-write", "on a serialization error Python has already emptied the file (and json.dump written part of the text); writeFileSync is never reached, so the file is left as it was");
  const enc = jsString(t.encoding.name);
  const body = t.encoding.bom ? `"\\uFEFF" + ${text}` : text;
  if (t.base === "a") {
    if (t.encoding.bom) e.note("encoding", "utf-8-sig in append mode writes a BOM only at the start of an empty file; appendFileSync writes it every time");
    return `${e.fs("appendFileSync")}(${path}, ${body}, ${enc})`;
  }
  if (t.base === "x") return `${e.fs("writeFileSync")}(${path}, ${body}, { encoding: ${enc}, flag: "wx" })`;
  return `${e.fs("writeFileSync")}(${path}, ${body}, ${enc})`;
}

// --- the call ----------------------------------------------------------------------------------------------

/** The TypeScript of one call as an expression, its file target taken from `target` or from the argument. */
export function callExpression(call: JsonCall, e: Emitter, target: Target | null = null): string {
  const codec = codecFor(e);
  switch (call.api) {
    case "dumps":
      return codec.serialize(call, e);
    case "loads": {
      const s = call.bound.get("s");
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
      const t = target ?? directTarget(fp.value, e);
      if (t && fits(call, t)) return writeText(call, t, codec.serialize(call, e), e);
      return codec.dumpTo(call, e, fileObject(fp.value, e, "write"));
    }
    case "load": {
      const fp = call.bound.get("fp");
      if (!fp) return codec.parse(call, e, "undefined as any", { literal: null, bytes: null });
      const t = target ?? directTarget(fp.value, e);
      if (t && fits(call, t)) return codec.parse(call, e, readText(t, e), { literal: null, bytes: t.binary });
      return codec.loadFrom(call, e, fileObject(fp.value, e, "read"));
    }
  }
}

/** Whether the call can do its work on the target: dump writes text, load and loads(f.read()) read. */
function fits(call: JsonCall, t: Target): boolean {
  return fitsUse(call.api !== "dump", t);
}

function fitsUse(reads: boolean, t: Target): boolean {
  if (t.kind === "std") return reads ? t.stream === "stdin" : t.stream !== "stdin" && !t.binary;
  return reads ? t.base === "r" : t.base !== "r" && !t.binary;
}

function fileObject(node: SyntaxNode, e: Emitter, use: "read" | "write"): string {
  const type =
    use === "write" ? "{ write(s: string): unknown }" : e.mode === "exact" ? "{ read(): string | Uint8Array }" : "{ read(): string }";
  const n = unwrapParens(node);
  e.note(
    "file-object",
    `\`${n.text}\` stays a file object: give it a \`${use === "write" ? "write(s: string)" : "read()"}\` method in TypeScript (the runtime has no open() yet)`,
  );
  // A literal here is a bug check reports (a path or text where a file is needed): keep it, typed loosely.
  return n.type === "identifier" || n.type === "attribute" || n.type === "call" ? e.expr(n, type) : `(${e.expr(n)} as any)`;
}

// --- the unit: the call, or the statement (or with block) around it -----------------------------------------

/** A `with open(...) as h:` whose handle serves only this call. */
interface SingleUseHandle {
  withStatement: SyntaxNode;
  /** The with block holds nothing but the call's statement. */
  alone: boolean;
  target: PathTarget;
  /** The handle is the call's file (dump, load, loads(h.read())), or the statement is `h.write(text)`. */
  via: "call" | "write";
  /** For "write": the text written. */
  written: SyntaxNode | null;
}

function singleUseHandle(call: JsonCall, e: Emitter): SingleUseHandle | null {
  let handle: SyntaxNode | null = null;
  let written: SyntaxNode | null = null;
  const k = call.target?.kind;
  if (call.api === "dump" || call.api === "load") handle = call.target ? unwrapParens(call.target.arg.value) : null;
  else if (call.api === "loads" && k?.kind === "text" && k.origin === "read" && k.readCall && k.readReceiver) {
    if (callArguments(k.readCall).length > 0 || unwrapParens(call.target?.arg.value as SyntaxNode).id !== k.readCall.id) return null;
    handle = unwrapParens(k.readReceiver);
  } else if (call.api === "dumps") {
    // with open(p, "w") as h: h.write(json.dumps(x) + "\n")
    const write = writeStatement(call, e);
    if (write) [handle, written] = write;
  }
  if (handle?.type !== "identifier") return null;
  const scopes = e.ctx.scopes;
  const res = scopes.resolve(handle);
  const reaching = res ? scopes.reaching(res, handle) : [];
  const binding = reaching[0];
  if (reaching.length !== 1 || binding?.binding?.how !== "with") return null;
  const uses = scopes.occurrences(handle.text).filter((o) => o.role === "use" && resolvesTo(e, o, binding));
  if (uses.length !== 1 || uses[0]?.node.id !== handle.id) return null;
  // binding → as_pattern_target → as_pattern → with_item → with_clause → with_statement
  const withItem = ancestor(binding.node, "with_item");
  const clause = withItem?.parent;
  const withStatement = clause?.parent;
  if (!withItem || clause?.type !== "with_clause" || withStatement?.type !== "with_statement") return null;
  if (clause.namedChildren.filter((c) => c.type === "with_item").length !== 1) return null;
  const body = withStatement.childForFieldName("body");
  if (!body || call.statement.parent?.id !== body.id) return null;
  const target = openTarget(binding.binding.value, e);
  if (!target) return null;
  const statements = body.namedChildren.filter((c) => c.type !== "comment");
  return { withStatement, alone: statements.length === 1, target, via: written ? "write" : "call", written };
}

/** `h.write(text)` as the call's whole statement, the call its only outermost json call: [h, text]. */
function writeStatement(call: JsonCall, e: Emitter): [SyntaxNode, SyntaxNode] | null {
  const stmt = call.statement;
  const expr = stmt.type === "expression_statement" ? unwrapParens(stmt.namedChildren[0] as SyntaxNode) : null;
  const fn = expr?.type === "call" ? expr.childForFieldName("function") : null;
  if (!expr || fn?.type !== "attribute" || fn.childForFieldName("attribute")?.text !== "write") return null;
  const receiver = fn.childForFieldName("object");
  const args = callArguments(expr);
  const arg = args[0];
  if (receiver?.type !== "identifier" || args.length !== 1 || arg?.kind !== "positional") return null;
  if (!(arg.value.startIndex <= call.node.startIndex && call.node.endIndex <= arg.value.endIndex)) return null;
  if (outermostCalls(e, stmt).length !== 1 || outermostCalls(e, stmt)[0] !== call) return null;
  return [receiver, arg.value];
}

/** The json calls of a statement that are not inside another json call. */
function outermostCalls(e: Emitter, stmt: SyntaxNode): JsonCall[] {
  const inStmt = e.ctx.calls.filter((c) => c.statement.id === stmt.id);
  return inStmt.filter((c) => !inStmt.some((o) => o !== c && o.node.startIndex <= c.node.startIndex && c.node.endIndex <= o.node.endIndex));
}

function resolvesTo(e: Emitter, use: Occurrence, binding: Occurrence): boolean {
  const res = e.ctx.scopes.resolve(use.node);
  return !!res && e.ctx.scopes.reaching(res, use.node).some((b) => b.node.id === binding.node.id);
}

function ancestor(node: SyntaxNode, type: string): SyntaxNode | null {
  for (let n = node.parent; n; n = n.parent) if (n.type === type) return n;
  return null;
}

/** The unit of a call: the with block or statement around it when the context changes, else the call. */
export function unitOf(call: JsonCall, e: Emitter): Unit {
  // A statement with a syntax error in it is not carried over: only the call itself is translated.
  const handle = singleUseHandle(call, e);
  if (handle && !handle.withStatement.hasError && (handle.via === "write" ? fitsUse(false, handle.target) : fits(call, handle.target))) {
    const undo = e.checkpoint();
    const stmt = handle.written
      ? { text: `${writeText(call, handle.target, e.expr(handle.written, "string"), e)};`, declares: [] }
      : statementWith(call, callExpression(call, e, handle.target), e);
    if (stmt) {
      if (!handle.alone) {
        e.note("with-block", `the \`with\` block's handle served only this call: the file is now read or written here, so the \`with ${handle.withStatement.namedChildren[0]?.text ?? ""}:\` around it can go`);
      }
      return { node: handle.alone ? handle.withStatement : call.statement, typescript: stmt.text, expression: false, declares: stmt.declares };
    }
    undo(); // the statement has no translation: what translating the call for it recorded goes too
  }
  // print(json.dumps(x)) / sys.stdout.write(json.dumps(x)): the statement, when the call is its only json call.
  const printed = printStatement(call, e);
  if (printed && !printed.hasError) {
    const undo = e.checkpoint();
    const stmt = statementWith(call, callExpression(call, e), e);
    if (stmt) return { node: printed, typescript: stmt.text, expression: false, declares: stmt.declares };
    undo();
  }
  return { node: call.node, typescript: callExpression(call, e), expression: true, declares: [] };
}

function printStatement(call: JsonCall, e: Emitter): SyntaxNode | null {
  const stmt = call.statement;
  if (stmt.type !== "expression_statement") return null;
  const expr = unwrapParens(stmt.namedChildren[0] as SyntaxNode);
  if (expr.type !== "call") return null;
  const q = e.ctx.names.qualify(expr.childForFieldName("function") as SyntaxNode);
  if (q !== "builtins.print" && q !== "sys.stdout.write" && q !== "sys.stderr.write") return null;
  const [parent] = parentSkippingParens(call.node);
  if (parent?.type !== "argument_list" || parent.parent?.id !== expr.id) return null;
  const outer = outermostCalls(e, stmt);
  return outer.length === 1 && outer[0] === call ? stmt : null;
}

/** The call's statement translated, with the call replaced by `ts`; null when the statement has no translation. */
function statementWith(call: JsonCall, ts: string, e: Emitter): { text: string; declares: string[] } | null {
  e.override(call.node, ts);
  try {
    return translateStatement(call.statement, e);
  } finally {
    e.override(call.node, null);
  }
}

/** An expression statement, an assignment or a return, translated; null for any other statement. */
export function translateStatement(stmt: SyntaxNode, e: Emitter): { text: string; declares: string[] } | null {
  switch (stmt.type) {
    case "expression_statement": {
      const expr = stmt.namedChildren.filter((c) => c.type !== "comment");
      if (expr.length !== 1) return null;
      const only = expr[0] as SyntaxNode;
      if (only.type === "assignment") return assignment(only, e);
      return { text: `${e.expr(only)};`, declares: [] };
    }
    case "return_statement": {
      const value = stmt.namedChildren.find((c) => c.type !== "comment");
      return { text: value ? `return ${e.expr(value)};` : "return;", declares: [] };
    }
    default:
      return null;
  }
}

/** `x = value` → `const x = value;` (its only binding), `let` (its first of several) or `x = value;`. */
function assignment(node: SyntaxNode, e: Emitter): { text: string; declares: string[] } | null {
  const left = node.childForFieldName("left");
  const right = node.childForFieldName("right");
  if (!left || !right || right.type === "assignment") return null;
  const value = e.expr(right);
  if (left.type === "identifier") {
    const scope = e.ctx.scopes.scopeOf(left);
    const bindings = e.ctx.scopes.occurrences(left.text).filter((o) => o.role === "bind" && o.scope.id === scope.id);
    const global = e.ctx.scopes.occurrences(left.text).some((o) => (o.role === "global" || o.role === "nonlocal") && o.scope.id === scope.id);
    if (!global && bindings[0]?.node.id === left.id) {
      // A Python annotation is left out: the value's TypeScript type is the runtime's (unknown).
      const name = e.hostName(left.text, e.jsName(left.text));
      return { text: `${bindings.length === 1 ? "const" : "let"} ${name} = ${value};`, declares: [name] };
    }
    return { text: `${e.freeName(left.text)} = ${value};`, declares: [] };
  }
  if (left.type === "attribute" || left.type === "subscript") return { text: `${e.expr(left)} = ${value};`, declares: [] };
  return null;
}
