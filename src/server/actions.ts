// Code actions: a quick fix per fixable diagnostic, "Disable JSNxxx for this line" (a `# noqa`),
// and source.fixAll.dumpling (the --fix engine). Every edit is a WorkspaceEdit of the document's
// version, computed on the text the server holds.
import { CodeActionKind, type CodeAction, type TextEdit, type WorkspaceEdit } from "vscode-languageserver";
import { fix, noqaEdit, type Edit, type InternalErrorInfo } from "../api/index.js";
import type { LintItem, OpenDocument } from "./documents.js";
import type { Positions } from "./positions.js";
import type { DocumentSettings } from "./settings.js";

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.dumpling`;

export interface ActionContext {
  state: OpenDocument;
  settings: DocumentSettings;
  positions: Positions;
  /** The client takes `documentChanges` (versioned edits); else `changes`. */
  documentChanges: boolean;
  onInternalError(e: InternalErrorInfo): void;
}

export function workspaceEdit(ctx: ActionContext, edits: TextEdit[]): WorkspaceEdit {
  const { uri, version } = ctx.state.doc;
  return ctx.documentChanges ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } };
}

function textEdits(ctx: ActionContext, edits: Edit[]): TextEdit[] {
  return edits.map((e) => ({ range: ctx.positions.range(e.location, e.end_location), newText: e.content }));
}

/** Whether a kind is asked for: `only` lists kinds and their parents ("source" covers "source.fixAll.dumpling"). */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/**
 * The actions for the diagnostics that touch [start, end] (UTF-16 offsets), then the fix-all.
 * A safe fix is the preferred action; an unsafe one says so in its title and never is.
 */
export function codeActions(ctx: ActionContext, items: LintItem[], start: number, end: number, only: readonly string[] | undefined): CodeAction[] {
  const actions: CodeAction[] = [];
  const text = ctx.state.doc.getText();
  if (wanted(CodeActionKind.QuickFix, only)) {
    const here = items.filter((i) => i.start <= end && i.end >= start);
    for (const { diagnostic: d, lsp } of here) {
      if (!d.fix) continue;
      const unsafe = d.fix.applicability === "unsafe";
      actions.push({
        title: unsafe ? `${d.fix.message} (unsafe fix)` : d.fix.message,
        kind: CodeActionKind.QuickFix,
        diagnostics: [lsp],
        ...(unsafe ? {} : { isPreferred: true }),
        edit: workspaceEdit(ctx, textEdits(ctx, d.fix.edits)),
      });
    }
    const silenced = new Set<string>();
    for (const { diagnostic: d, lsp } of here) {
      const key = `${d.code}:${d.location.row}`;
      if (silenced.has(key)) continue;
      silenced.add(key);
      const edit = noqaEdit(text, d);
      if (!edit) continue;
      actions.push({ title: `Disable ${d.code} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [lsp], edit: workspaceEdit(ctx, textEdits(ctx, [edit])) });
    }
  }
  if (wanted(FIX_ALL_KIND, only)) {
    const edit = fixAllEdit(ctx, items, ctx.settings.unsafeFixes);
    if (edit) actions.push({ title: "dumpling: Fix all auto-fixable problems", kind: FIX_ALL_KIND, edit });
  }
  return actions;
}

/**
 * Every fix the --fix engine applies to the document, as one edit of the part that changes; null
 * when nothing does. Clients ask for code actions whenever the cursor moves: the engine runs only
 * when a diagnostic has a fix it may apply, once per version of the text.
 */
export function fixAllEdit(ctx: ActionContext, items: LintItem[], unsafeFixes: boolean): WorkspaceEdit | null {
  const { state, settings } = ctx;
  if (settings.excluded || !items.some((i) => i.diagnostic.fix && (unsafeFixes || i.diagnostic.fix.applicability === "safe"))) return null;
  const text = state.doc.getText();
  const cached = state.fixed;
  let output: string;
  if (cached && cached.revision === state.revision && cached.settings === settings && cached.unsafeFixes === unsafeFixes) output = cached.output;
  else {
    output = fix(text, { ...settings.options, unsafeFixes, onInternalError: ctx.onInternalError }).output;
    state.fixed = { revision: state.revision, settings, unsafeFixes, output };
  }
  if (output === text) return null;
  const [start, end, replacement] = changedPart(text, output);
  return workspaceEdit(ctx, [{ range: { start: ctx.positions.at(start), end: ctx.positions.at(end) }, newText: replacement }]);
}

/** The part of `before` that differs from `after`: [start, end) and its replacement, never splitting a surrogate pair or a CRLF. */
export function changedPart(before: string, after: string): [number, number, string] {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const splits = (s: string, i: number) => i > 0 && i < s.length && ((s.charCodeAt(i - 1) === 13 && s.charCodeAt(i) === 10) || (s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff));
  while (prefix > 0 && (splits(before, prefix) || splits(after, prefix))) prefix--;
  while (suffix > 0 && (splits(before, before.length - suffix) || splits(after, after.length - suffix))) suffix--;
  return [prefix, before.length - suffix, after.slice(prefix, after.length - suffix)];
}
