// translateText: every json call of a Python file as TypeScript. A call that `check` finds a
// mistake in is translated as its fix intends: the fixes of the file's calls are applied
// together (chosen as --fix chooses them), the fixed text is analysed once, and each call is
// translated there, with a note that the Python had the bug.
import type { Diagnostic, Edit } from "../core/types.js";
import { applyEdits } from "../core/edits.js";
import { selectFixes } from "../fix/select.js";
import { buildContext, type FileContext } from "../python/context.js";
import type { JsonCall } from "../python/model.js";
import type { LineIndex } from "../python/text.js";
import { RULES } from "../rules/index.js";
import { analyzeText, releaseResult } from "../rules/run.js";
import { syntaxErrors } from "./check.js";
import { SnippetEmitter } from "./emitter.js";
import { callExpression } from "./file-io.js";
import { unitOf } from "./units.js";
import { note, type Note } from "./notes.js";
import type { Mode, TranslateOptions, Translation } from "./types.js";

export type { Mode, NameInfo, TranslateOptions, Translation, TypeScriptApi } from "./types.js";
export type { Note, NoteKind } from "./notes.js";

// The mistakes that make a call raise (severity "error") say what the code meant; rules about
// the file (syntax errors, unreadable files) and warnings about style or resources do not.
const CALL_RULES = RULES.filter((r) => r.checkCall && r.meta.severity === "error");

export interface FileTranslation {
  /** The lines of the text (null when it cannot call json): translations' ranges are in it. */
  lines: LineIndex | null;
  translations: Translation[];
  /** Rules or translations that failed on this file (internal errors). */
  errors: string[];
}

export function translateText(filename: string, text: string, options: TranslateOptions): FileTranslation {
  const analysis = analyzeText(filename, text, CALL_RULES, options.analysis);
  const { context, diagnostics } = analysis;
  const errors = analysis.internalErrors.map((e) => `${filename}: rule ${e.rule} failed: ${e.error instanceof Error ? e.error.message : String(e.error)}`);
  if (!context) return { lines: null, translations: [], errors };
  const owners = assignDiagnostics(context, diagnostics);
  const { fixed, edits } = intended(context, diagnostics, options);
  const translations: Translation[] = [];
  try {
    context.calls.forEach((call, rank) => {
      const own = owners.get(call) ?? [];
      try {
        // Fixes never add or remove json calls, so a call keeps its rank in the fixed text.
        const applied = fixed !== context ? own.filter((d) => d.fix && d.fix.edits.every((e) => edits.includes(e))) : [];
        const notes = own.map((d) => bugNote(d, applied.includes(d)));
        let t = translateCall(fixed, fixed === context ? call : (fixed.calls[rank] as JsonCall), options, notes);
        if (fixed !== context) {
          const start = toOriginal(edits, t.start, "start");
          const end = toOriginal(edits, t.end, "end");
          t = { ...t, start, end, python: text.slice(start, end) };
        }
        const syntax = syntaxErrors(options.ts, t);
        if (syntax.length > 0) {
          errors.push(`${filename}: the translation of \`${t.python}\` does not parse: ${syntax[0]}`);
          t.notes.unshift(note("expression", "internal error: this translation does not parse as TypeScript; translate the call by hand"));
        }
        translations.push(t);
      } catch (e) {
        errors.push(`${filename}: translating the call at index ${call.node.startIndex} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
  } finally {
    if (fixed !== context) options.analysis.backend.release(fixed.tree);
    releaseResult(analysis, options.analysis.backend);
  }
  return { lines: context.lines, translations, errors };
}

/** The file with its calls' fixes applied (the context itself when there is none), and the edits. */
function intended(context: FileContext, diagnostics: Diagnostic[], options: TranslateOptions): { fixed: FileContext; edits: Edit[] } {
  const withFixes = diagnostics.filter((d) => d.fix);
  if (withFixes.length === 0) return { fixed: context, edits: [] };
  const { edits } = selectFixes(context, withFixes);
  if (edits.length === 0) return { fixed: context, edits: [] };
  const fixed = buildContext(context.filename, applyEdits(context.text, edits), options.analysis);
  if (fixed.calls.length === context.calls.length) return { fixed, edits };
  options.analysis.backend.release(fixed.tree);
  return { fixed: context, edits: [] };
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
  let e = new SnippetEmitter(ctx, options, callExpression);
  let unit = unitOf(call, e);
  // A free name the translation also imports (a variable called `dumps`): translated again, renamed.
  const imported = e.imports.names();
  const clashing = new Set([...e.names.keys()].filter((n) => imported.has(n)));
  if (clashing.size > 0) {
    e = new SnippetEmitter(ctx, options, callExpression, clashing);
    unit = unitOf(call, e);
  }
  const notes = [...extraNotes, ...e.notes.all()];
  const python = ctx.text.slice(unit.node.startIndex, unit.node.endIndex);
  // Free names in the order the Python mentions them (they become parameters in --out-dir modules).
  const at = (name: string) => new RegExp(`(?<![\\w.])${e.pythonNames.get(name) ?? name}(?!\\w)`).exec(python)?.index ?? python.length;
  const names = [...e.names]
    .sort(([a], [b]) => at(a) - at(b))
    .map(([typescript, type]) => ({ python: e.pythonNames.get(typescript) ?? typescript, typescript, type }));
  return {
    api: call.api,
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
