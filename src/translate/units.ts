// The unit of a call's translation: the call itself, or the statement or `with` block around it
// when the context changes with the translation:
//   with open(p, "w", encoding="utf-8") as f: json.dump(x, f)  →  writeFileSync(p, dumps(x), "utf8");
//   with open(p) as f: data = json.load(f)                     →  const data = loads(readFileSync(p, "utf8"));
//   print(json.dumps(x))                                       →  console.log(dumps(x));
import { withStatementOf } from "../python/files.js";
import type { JsonCall } from "../python/model.js";
import type { Occurrence } from "../python/scopes.js";
import { callArguments, parentSkippingParens, unwrapParens } from "../python/syntax.js";
import type { SyntaxNode } from "../python/tree.js";
import { callExpression, fits, targetOf, writeText, type PathTarget } from "./file-io.js";
import { translates } from "./libraries.js";
import { translateStatement, type Statement } from "./statements.js";
import type { Emitter } from "./types.js";

/** The Python a call's translation replaces, and the TypeScript that replaces it. */
export interface Unit {
  node: SyntaxNode;
  typescript: string;
  expression: boolean;
  declares: string[];
}

/** A `with open(...) as h:` whose handle serves only this call. */
interface SingleUseHandle {
  withStatement: SyntaxNode;
  /** The with block holds nothing but the call's statement. */
  alone: boolean;
  target: PathTarget;
  /** For `h.write(text)`: the text written (the call is inside it). */
  written: SyntaxNode | null;
}

function singleUseHandle(call: JsonCall, e: Emitter): SingleUseHandle | null {
  let handle: SyntaxNode | null = null;
  let written: SyntaxNode | null = null;
  if (call.file && (call.api !== "loads" || (call.file.readCall && callArguments(call.file.readCall).length === 0 && unwrapParens(call.target?.arg.value as SyntaxNode).id === call.file.readCall.id))) {
    handle = unwrapParens(call.file.node);
  } else if (call.api === "dumps") {
    // with open(p, "w") as h: h.write(json.dumps(x) + "\n")
    const write = writeStatement(call, e);
    if (write) [handle, written] = write;
  }
  if (handle?.type !== "identifier") return null;
  const kind = e.ctx.kinds.of(handle);
  const binding = kind.kind === "file" ? kind.binding : null;
  if (!binding || kind.kind !== "file" || !soleReference(e, binding, handle)) return null;
  const block = withStatementOf(binding);
  if (!block || block.items !== 1 || call.statement.parent?.id !== block.body.id) return null;
  const target = targetOf(kind);
  if (target?.kind !== "path") return null;
  const statements = block.body.namedChildren.filter((c) => c.type !== "comment");
  return { withStatement: block.statement, alone: statements.length === 1, target, written };
}

/** Whether `use` is the only use the binding reaches. */
function soleReference(e: Emitter, binding: Occurrence, use: SyntaxNode): boolean {
  const uses = e.ctx.scopes.references(binding);
  return uses.length === 1 && uses[0]?.node.id === use.id;
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
  const outer = outermostCalls(e, stmt);
  if (outer.length !== 1 || outer[0] !== call) return null;
  return [receiver, arg.value];
}

/** The json calls of a statement that are not inside another json call. */
function outermostCalls(e: Emitter, stmt: SyntaxNode): JsonCall[] {
  const inStmt = e.ctx.calls.filter((c) => c.statement.id === stmt.id);
  return inStmt.filter((c) => !inStmt.some((o) => o !== c && o.node.startIndex <= c.node.startIndex && c.node.endIndex <= o.node.endIndex));
}

/** The unit of a call: the with block or statement around it when the context changes, else the call. */
export function unitOf(call: JsonCall, e: Emitter): Unit {
  // orjson.dumps returns bytes, which print() and write() treat as Python does, not as text: only the
  // call is translated. So is an orjson, ujson or simplejson call that becomes a marker (its file stays
  // in the Python).
  const library = call.module === "orjson" || call.module === "ujson";
  if ((call.module === "orjson" && call.api === "dumps") || (library && !translates(call, e)) || call.module === "simplejson") {
    return { node: call.node, typescript: callExpression(call, e), expression: true, declares: [] };
  }
  // A statement with a syntax error in it is not carried over: only the call itself is translated.
  const handle = singleUseHandle(call, e);
  if (handle && !handle.withStatement.hasError && fits(call.api !== "dump" && !handle.written, handle.target)) {
    const undo = e.checkpoint();
    const stmt: Statement | null = handle.written
      ? { text: `${writeText(handle.target, e.expr(handle.written, "string"), e)};`, declares: [] }
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
function statementWith(call: JsonCall, ts: string, e: Emitter): Statement | null {
  e.override(call.node, ts);
  try {
    return translateStatement(call.statement, e);
  } finally {
    e.override(call.node, null);
  }
}
