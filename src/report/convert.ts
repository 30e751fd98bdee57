// `dumpling convert` reports: json (one array of the library's Translations: the contract),
// text (one block per call) and markdown (a migration checklist grouped by file).
// A call *needs review* when a note of it is certain (the TypeScript differs for every input of
// the kind it gets) or it holds an untranslated marker; the text and markdown reports show those
// notes on the call, and list each file's *possible* differences (only some values show them)
// once, with the calls they concern.
import type { Note, Translation } from "../api/types.js";

type Mode = Translation["mode"];

/** Where --out-dir wrote the modules, for the report's last line. */
export interface ModulesWritten {
  outDir: string;
  base: string;
  count: number;
}

export function renderConvertJson(calls: readonly Translation[]): string {
  return JSON.stringify(calls, null, 2) + "\n";
}

const indent = (s: string, pad: string) => s.split("\n").map((l) => (l ? pad + l : l)).join("\n");
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;

const isCertain = (n: Note) => n.certainty === "certain";

/** A call whose TypeScript may not do what the Python did on some input that works in Python. */
export function needsReview(c: Translation): boolean {
  return c.notes.some((n) => isCertain(n) && n.severity === "review");
}

/** Each file's possible differences: the note once, with the rows of the calls it concerns. */
function possibleByFile(calls: readonly Translation[]): Map<string, { note: Note; rows: number[] }[]> {
  const out = new Map<string, { note: Note; rows: number[] }[]>();
  for (const c of calls) {
    const list = out.get(c.filename) ?? [];
    out.set(c.filename, list);
    for (const n of c.notes.filter((x) => !isCertain(x))) {
      const seen = list.find((x) => x.note.kind === n.kind && x.note.message === n.message);
      if (seen) seen.rows.push(c.location.row);
      else list.push({ note: n, rows: [c.location.row] });
    }
  }
  return out;
}

const noteLine = (n: Note) => `${n.kind === "untranslated" ? "untranslated" : n.severity === "review" ? "review" : "info"} (${n.kind}): ${n.message}`;

export function renderConvertText(calls: readonly Translation[], files: number, modules: ModulesWritten | null = null): string {
  let out = "";
  const possible = possibleByFile(calls);
  const byFile = new Map<string, Translation[]>();
  for (const c of calls) byFile.set(c.filename, [...(byFile.get(c.filename) ?? []), c]);
  for (const [file, list] of byFile) {
    for (const c of list) {
      out += `${c.filename}:${c.location.row}:${c.location.column}: ${c.mode}\n`;
      out += indent(c.python, "  | ") + "\n";
      out += indent([...c.imports, ...(c.imports.length ? [""] : []), c.typescript].join("\n"), "  > ") + "\n";
      for (const n of c.notes.filter(isCertain)) out += `  ${noteLine(n)}\n`;
      out += "\n";
    }
    const notes = possible.get(file) ?? [];
    if (notes.length > 0) {
      out += `${file}: possible differences (only some values show them):\n`;
      for (const { note, rows } of notes) out += `  ${noteLine(note)} [${rows.length === 1 ? "line" : "lines"} ${rows.join(", ")}]\n`;
      out += "\n";
    }
  }
  return out + summary(calls, files) + (modules ? `\n${modulesLine(modules)}` : "") + "\n";
}

function modulesLine(m: ModulesWritten): string {
  return `Wrote ${plural(m.count, "module")} to ${m.outDir}, laid out as the Python files are below ${m.base}.`;
}

export function summary(calls: readonly Translation[], files: number): string {
  const review = calls.filter(needsReview).length;
  const markers = calls.filter((c) => c.notes.some((n) => n.kind === "untranslated")).length;
  const possibleOnly = calls.filter((c) => !needsReview(c) && c.notes.some((n) => !isCertain(n))).length;
  const clean = calls.length - review - possibleOnly;
  return (
    `Converted ${plural(calls.length, "json call")} in ${plural(files, "file")}: ` +
    `${review} to review (certain differences or untranslated markers; ${plural(markers, "call")} with a marker), ` +
    `${possibleOnly} with possible differences only, ${clean} with none.`
  );
}

function anchor(c: Translation): string {
  return `${c.filename}-${c.location.row}-${c.location.column}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

/** A fenced block whose fence is longer than any backtick run inside. */
function fence(lang: string, body: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const f = "`".repeat(longest + 1);
  return `${f}${lang}\n${body}\n${f}`;
}

export function renderConvertMarkdown(calls: readonly Translation[], files: number, mode: Mode, modules: ModulesWritten | null = null): string {
  const out: string[] = [`# Migrating json calls to TypeScript (${mode} mode)`, "", summary(calls, files), ""];
  if (modules) out.push(modulesLine(modules), "");
  const toReview = calls.filter(needsReview);
  if (toReview.length > 0) {
    out.push("## Review first", "");
    for (const c of toReview) {
      const kinds = [...new Set(c.notes.filter((n) => isCertain(n) && n.severity === "review").map((n) => n.kind))];
      out.push(`- [${c.filename}:${c.location.row}:${c.location.column}](#${anchor(c)}): ${kinds.join(", ")}`);
    }
    out.push("");
  }
  const possible = possibleByFile(calls);
  const byFile = new Map<string, Translation[]>();
  for (const c of calls) byFile.set(c.filename, [...(byFile.get(c.filename) ?? []), c]);
  for (const [file, list] of byFile) {
    out.push(`## ${file}`, "");
    const notes = possible.get(file) ?? [];
    if (notes.length > 0) {
      out.push("Possible differences in this file (only some values show them):", "");
      for (const { note, rows } of notes) out.push(`- ${note.severity === "review" ? "Review" : "Info"} (${note.kind}), ${rows.length === 1 ? "line" : "lines"} ${rows.join(", ")}: ${note.message}`);
      out.push("");
    }
    for (const c of list) {
      out.push(`<a id="${anchor(c)}"></a>`, `- [ ] **${file}:${c.location.row}:${c.location.column}**`, "");
      out.push(indent(fence("python", c.python), "  "), "");
      out.push(indent(fence("ts", [...c.imports, ...(c.imports.length ? [""] : []), c.typescript].join("\n")), "  "), "");
      const certain = c.notes.filter(isCertain);
      for (const n of certain) out.push(`  - ${n.kind === "untranslated" ? "**Untranslated**" : n.severity === "review" ? "**Review**" : "Info"} (${n.kind}): ${n.message}`);
      if (certain.length) out.push("");
    }
  }
  return out.join("\n").replace(/\n+$/, "") + "\n";
}
