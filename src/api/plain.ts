// The model's and the engine's results as the API's plain data: positions instead of UTF-16
// indices, source text instead of syntax nodes.
import type { Diagnostic as CoreDiagnostic } from "../core/types.js";
import type { FileContext } from "../python/context.js";
import type { ValueKind as ModelKind } from "../python/kinds.js";
import type { JsonCall as ModelCall } from "../python/model.js";
import type { LineIndex } from "../python/text.js";
import { ruleUrl } from "../rules/index.js";
import type { Translation as CoreTranslation } from "../translate/types.js";
import type { CallArgument, Diagnostic, JsonCall, Range, Translation, ValueKind } from "./types.js";

export function toJsonDiagnostic(filename: string, lines: LineIndex | null, d: CoreDiagnostic, docsUrl?: string): Diagnostic {
  const pos = (i: number) => (lines ? lines.position(i) : { row: 1, column: 1 });
  return {
    code: d.code,
    name: d.name,
    message: d.message,
    severity: d.severity,
    filename,
    location: pos(d.start),
    end_location: pos(d.end),
    fix: d.fix
      ? {
          applicability: d.fix.applicability,
          message: d.fix.message,
          edits: d.fix.edits.map((e) => ({ content: e.content, location: pos(e.start), end_location: pos(e.end) })),
        }
      : null,
    url: ruleUrl(d.name, docsUrl),
  };
}

/** The order of `check --output-format json`: filename, row, column, code. */
export function compareJsonDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0) ||
    a.location.row - b.location.row ||
    a.location.column - b.location.column ||
    a.code.localeCompare(b.code)
  );
}

function rangeOf(lines: LineIndex, start: number, end: number): Range {
  return { location: lines.position(start), end_location: lines.position(end), start, end };
}

export function toPlainCall(ctx: FileContext, call: ModelCall): JsonCall {
  const parameterOf = new Map([...call.bound].map(([name, arg]) => [arg, name]));
  const args: CallArgument[] = call.args.map((a) => ({
    kind: a.kind,
    keyword: a.kind === "keyword" ? (a.name ?? null) : null,
    parameter: parameterOf.get(a) ?? null,
    text: a.value.text,
    range: rangeOf(ctx.lines, a.value.startIndex, a.value.endIndex),
  }));
  const target = call.target ? { parameter: call.signature.target as "fp" | "s" | "obj", kind: plainKind(call.target.kind) } : null;
  return {
    module: call.module,
    exists: call.signature.exists,
    function: call.api,
    callee: call.callee.text,
    range: rangeOf(ctx.lines, call.node.startIndex, call.node.endIndex),
    text: call.node.text,
    arguments: args,
    hasStarArgs: call.hasStarArgs || call.hasStarStarArgs,
    target,
    usage: call.usage,
    writes: call.writes.map((w) => ({
      via: w.via,
      range: rangeOf(ctx.lines, w.call.startIndex, w.call.endIndex),
      handle: w.handle?.text ?? null,
      kind: w.file ? plainKind(w.file) : { kind: "unknown" },
      value: { text: (w.through ?? w.value).text, range: rangeOf(ctx.lines, (w.through ?? w.value).startIndex, (w.through ?? w.value).endIndex) },
      bytes: w.bytes,
    })),
  };
}

export function plainKind(k: ModelKind): ValueKind {
  switch (k.kind) {
    case "file":
      return {
        kind: "file", origin: k.origin, mode: k.mode, binary: k.binary, readable: k.readable, writable: k.writable,
        encoding: k.encoding, encodingGiven: k.encodingGiven, errors: k.errors, path: k.path?.text ?? null,
        stream: k.stream, typeName: k.typeName,
      };
    case "path":
      return { kind: "path", pathlib: k.pathlib };
    case "text":
      return { kind: "text", bytes: k.bytes, origin: k.origin };
    default:
      return { kind: "unknown" };
  }
}

export function toPlainTranslation(filename: string, lines: LineIndex, t: CoreTranslation): Translation {
  return {
    filename,
    function: t.api,
    location: lines.position(t.start),
    end_location: lines.position(t.end),
    start: t.start,
    end: t.end,
    python: t.python,
    typescript: t.typescript,
    expression: t.expression,
    declares: t.declares,
    imports: t.imports,
    notes: t.notes.map((n) => ({ kind: n.kind, severity: n.severity, certainty: n.certainty, message: n.message })),
    names: t.names.map((n) => ({ ...n })),
    mode: t.mode,
  };
}
