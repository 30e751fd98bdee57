// translateText: every json call of a Python file as TypeScript. A call that `check` finds a
// mistake in is translated as its fix intends (the fix applied, the file re-read), with a note
// that the Python had the bug.
import { overlaps } from "../fix/apply.js";
import { applyEdits } from "../fix/edits.js";
import type { JsonCall } from "../python/model.js";
import { RULES } from "../rules/index.js";
import { buildContext } from "../python/context.js";
import { analyzeText } from "../rules/run.js";
import type { Diagnostic, Edit } from "../core/types.js";
import type { FileContext } from "../python/context.js";
import { unitOf } from "./context.js";
import { Emitter } from "./expr.js";
import { RUNTIME } from "./imports.js";
import { note, type Note } from "./notes.js";
import type { Mode, TranslateOptions, Translation } from "./types.js";

export type { Mode, TranslateOptions, Translation } from "./types.js";
export type { Note, NoteKind } from "./notes.js";

// The mistakes that make a call raise (severity "error") say what the code meant; rules about
// the file (syntax errors, unreadable files) and warnings about style or resources do not.
const CALL_RULES = RULES.filter((r) => r.checkCall && r.meta.severity === "error");

export interface FileTranslation {
  context: FileContext | null;
  translations: Translation[];
  /** Rules or translations that failed on this file (internal errors). */
  errors: string[];
}

export function translateText(filename: string, text: string, options: TranslateOptions): FileTranslation {
  const { context, diagnostics, internalErrors } = analyzeText(filename, text, CALL_RULES, options.analysis);
  const errors = internalErrors.map((e) => `${filename}: rule ${e.rule} failed: ${e.error instanceof Error ? e.error.message : String(e.error)}`);
  if (!context) return { context, translations: [], errors };
  const translations: Translation[] = [];
  const owners = assignDiagnostics(context, diagnostics);
  for (const call of context.calls) {
    try {
      translations.push(translateWithIntent(context, call, owners.get(call) ?? [], options));
    } catch (e) {
      errors.push(`${filename}: translating the call at index ${call.node.startIndex} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { context, translations, errors };
}

/** Each diagnostic belongs to the innermost call whose range holds it. */
function assignDiagnostics(ctx: FileContext, diagnostics: Diagnostic[]): Map<JsonCall, Diagnostic[]> {
  const owners = new Map<JsonCall, Diagnostic[]>();
  for (const d of diagnostics) {
    let owner: JsonCall | null = null;
    for (const c of ctx.calls) {
      if (c.node.startIndex <= d.start && d.end <= c.node.endIndex && (!owner || c.node.startIndex >= owner.node.startIndex)) owner = c;
    }
    if (owner) owners.set(owner, [...(owners.get(owner) ?? []), d]);
  }
  return owners;
}

function bugNote(d: Diagnostic, applied: boolean): Note {
  const fix = d.fix && applied ? ` Translated as its fix intends: ${d.fix.message}.` : " There is no fix: translated as written, so the TypeScript fails (or misbehaves) as the Python did.";
  return note("python-bug", `The Python has a bug here (${d.code} ${d.name}): ${d.message}.${fix}`);
}

function translateWithIntent(ctx: FileContext, call: JsonCall, diagnostics: Diagnostic[], options: TranslateOptions): Translation {
  const edits = wholeFixes(diagnostics);
  if (edits.length === 0) return translateCall(ctx, call, options, diagnostics.map((d) => bugNote(d, false)));
  const fixedText = applyEdits(ctx.text, edits);
  const fixed = buildContext(ctx.filename, fixedText, options.analysis);
  // The same call in the fixed text: fixes never add or remove json calls, so it keeps its rank.
  const rank = ctx.calls.indexOf(call);
  const fixedCall = fixed.calls.length === ctx.calls.length ? fixed.calls[rank] : undefined;
  const applied = new Set(diagnostics.filter((d) => d.fix && d.fix.edits.every((e) => edits.includes(e))));
  const notes = diagnostics.map((d) => bugNote(d, applied.has(d)));
  if (!fixedCall) return translateCall(ctx, call, options, diagnostics.map((d) => bugNote(d, false)));
  const t = translateCall(fixed, fixedCall, options, notes);
  const start = toOriginal(edits, t.start, "start");
  const end = toOriginal(edits, t.end, "end");
  return { ...t, start, end, python: ctx.text.slice(start, end) };
}

/** The edits of the diagnostics' fixes that do not overlap, each fix whole or not at all (as --fix chooses them). */
function wholeFixes(diagnostics: Diagnostic[]): Edit[] {
  const taken: Edit[] = [];
  for (const d of diagnostics) {
    const edits = d.fix?.edits ?? [];
    if (!edits.some((e) => taken.some((t) => overlaps(e, t)))) taken.push(...edits);
  }
  return taken.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** An index of the fixed text back in the original: inside an edit's new text, the edit's start or end. */
function toOriginal(edits: Edit[], index: number, side: "start" | "end"): number {
  let delta = 0;
  for (const e of edits) {
    const newStart = e.start + delta;
    const newEnd = newStart + e.content.length;
    if (index <= newStart) return index - delta;
    if (index < newEnd) return side === "start" ? e.start : e.end;
    if (index === newEnd) return e.end;
    delta += e.content.length - (e.end - e.start);
  }
  return index - delta;
}

/** One call, as it is. */
export function translateCall(ctx: FileContext, call: JsonCall, options: TranslateOptions, extraNotes: Note[] = []): Translation {
  let e = new Emitter(ctx, options.mode, options.runtimeModule ?? RUNTIME);
  let unit = unitOf(call, e);
  // A free name the translation also imports (a variable called `dumps`): translated again, renamed.
  const imported = e.imports.names();
  const clashing = new Set([...e.names.keys()].filter((n) => imported.has(n)));
  if (clashing.size > 0) {
    e = new Emitter(ctx, options.mode, options.runtimeModule ?? RUNTIME, clashing);
    unit = unitOf(call, e);
  }
  const notes = [...extraNotes, ...e.notes.all()];
  const python = ctx.text.slice(unit.node.startIndex, unit.node.endIndex);
  // Free names in the order the Python mentions them (they become parameters in --out-dir modules).
  const at = (name: string) => new RegExp(`(?<![\\w.])${e.pythonNames.get(name) ?? name}(?!\\w)`).exec(python)?.index ?? python.length;
  const names = new Map([...e.names].sort(([a], [b]) => at(a) - at(b)));
  return {
    start: unit.node.startIndex,
    end: unit.node.endIndex,
    python,
    typescript: unit.typescript,
    expression: unit.expression,
    imports: e.imports.declarations(),
    notes: [...notes.filter((n) => n.severity === "review"), ...notes.filter((n) => n.severity === "info")],
    mode: options.mode as Mode,
    names,
    declares: unit.declares,
  };
}
