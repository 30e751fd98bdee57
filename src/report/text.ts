// --output-format text: `path:row:col: CODE message`, the source line with a caret under the
// range, the fix's title, and a summary at the end.
import { codePointLength } from "../python/text.js";
import type { Diagnostic } from "../core/types.js";
import { displayPath } from "../core/display.js";
import { c } from "./colors.js";
import type { FileReport, Reporter, Summary } from "./types.js";

const TAB = "    ";

export function renderTextDiagnostic(file: FileReport, d: Diagnostic): string {
  const start = file.lines ? file.lines.position(d.start) : { row: 1, column: 1 };
  const head = `${c.bold(displayPath(file.filename))}${c.cyan(":")}${start.row}${c.cyan(":")}${start.column}${c.cyan(":")} ${c.bold(c.red(d.code))} ${d.message}`;
  if (!file.lines) return head + "\n";
  const line = start.row - 1;
  const { source, lineStart } = shownLine(file.lines.lineText(line), file.lines.lineStart(line), d.start);
  const end = Math.min(d.end, lineStart + source.length);
  const before = source.slice(0, d.start - lineStart).replace(/\t/g, TAB);
  const marked = source.slice(d.start - lineStart, Math.max(end, d.start) - lineStart).replace(/\t/g, TAB);
  const width = Math.max(1, codePointLength(marked, 0, marked.length));
  const gutter = String(start.row);
  const pad = " ".repeat(gutter.length);
  const out = [
    head,
    `${pad} ${c.blue("|")}`,
    `${c.blue(gutter)} ${c.blue("|")} ${source.replace(/\t/g, TAB)}`,
    `${pad} ${c.blue("|")} ${" ".repeat(codePointLength(before, 0, before.length))}${c.red("^".repeat(width))} ${c.red(d.code)}`,
    `${pad} ${c.blue("|")}`,
  ];
  if (d.fix) out.push(`${pad} ${c.blue("=")} ${c.cyan("help")}: ${d.fix.message}${d.fix.applicability === "unsafe" ? " (unsafe)" : ""}`);
  return out.join("\n") + "\n\n";
}

/** Longer source lines (generated or minified code) are shown as a window around the diagnostic. */
const MAX_SHOWN = 200;
const ELLIPSIS = "\u2026";

/**
 * The part of a source line to show: all of it, or MAX_SHOWN characters from a little before
 * `at`, with an ellipsis where it is cut; `lineStart` is where the shown text would start in the
 * file, so that offsets from the diagnostic still line up with it.
 */
function shownLine(text: string, start: number, at: number): { source: string; lineStart: number } {
  if (text.length <= MAX_SHOWN) return { source: text, lineStart: start };
  const isLow = (i: number) => i > 0 && i < text.length && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;
  let from = Math.max(0, at - start - 40);
  if (isLow(from)) from--; // never split a surrogate pair
  let to = Math.min(text.length, from + MAX_SHOWN);
  if (isLow(to)) to++;
  const head = from > 0 ? ELLIPSIS : "";
  const tail = to < text.length ? ELLIPSIS : "";
  return { source: head + text.slice(from, to) + tail, lineStart: start + from - head.length };
}

function plural(n: number, word: string, suffix = "s"): string {
  return `${n} ${word}${n === 1 ? "" : suffix}`;
}

/**
 * The summary after the text and concise reports, in ruff's words: what was found (and fixed),
 * then what `--fix` would fix and how many unsafe fixes `--unsafe-fixes` would add. dumpling
 * also says how many files it checked, and never "All checks passed!" after an internal error.
 */
export function renderSummary(s: Summary): string {
  const files = `${plural(s.files, "file")} checked`;
  const lines: string[] = [];
  const applied = s.fixed?.applied ?? 0;
  if (applied > 0) lines.push(`Found ${plural(s.diagnostics + applied, "error")} (${applied} fixed, ${s.diagnostics} remaining) in ${files}.`);
  else if (s.diagnostics > 0) lines.push(`Found ${plural(s.diagnostics, "error")} in ${files}.`);
  else if (s.internalErrors?.length) lines.push(`No errors found, but not every check ran: ${plural(s.internalErrors.length, "internal error")} (${files}).`);
  else lines.push(`${c.green("All checks passed!")} (${files})`);
  const hidden = (n: number) => `${plural(n, "hidden fix", "es")} can be enabled with the \`--unsafe-fixes\` option`;
  const star = `[${c.cyan("*")}]`;
  if (s.applicable > 0 && s.hiddenUnsafe > 0) lines.push(`${star} ${s.applicable} fixable with the \`--fix\` option (${hidden(s.hiddenUnsafe)}).`);
  else if (s.applicable > 0) lines.push(`${star} ${s.applicable} fixable with the \`--fix\` option.`);
  else if (s.hiddenUnsafe > 0) lines.push(`No fixes available (${hidden(s.hiddenUnsafe)}).`);
  return lines.join("\n") + "\n";
}

/**
 * The one line of --fix-only and --diff, which report no diagnostics (ruff's words): what was
 * (or would be) fixed, and the unsafe fixes left for `--unsafe-fixes`; nothing when both are none.
 */
export function renderFixOnlySummary(fixed: number, hiddenUnsafe: number, mode: "apply" | "diff"): string {
  const errors = plural(fixed, "error");
  const more = (word: string) => `${hiddenUnsafe} ${word}fix${hiddenUnsafe === 1 ? "" : "es"} available with \`--unsafe-fixes\``;
  if (hiddenUnsafe > 0) {
    if (fixed > 0) return `${mode === "apply" ? "Fixed" : "Would fix"} ${errors} (${more("additional ")}).\n`;
    return `${mode === "apply" ? "No errors fixed" : "No errors would be fixed"} (${more("")}).\n`;
  }
  return fixed > 0 ? `${mode === "apply" ? "Fixed" : "Would fix"} ${errors}.\n` : "";
}

/** The text report: each file's diagnostics as it comes, the summary at the end. */
export function textReporter(): Reporter {
  return {
    file: (report) => report.diagnostics.map((d) => renderTextDiagnostic(report, d)).join(""),
    end: renderSummary,
  };
}
