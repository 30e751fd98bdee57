// --output-format text: `path:row:col: CODE message`, the source line with a caret under the
// range, the fix's title, and a summary at the end.
import pc from "picocolors";
import { codePointLength } from "../python/text.js";
import type { Diagnostic } from "../core/types.js";
import { displayPath } from "../core/display.js";
import type { FileReport, Reporter, Summary } from "./types.js";

const TAB = "    ";

export function renderTextDiagnostic(file: FileReport, d: Diagnostic): string {
  const start = file.lines ? file.lines.position(d.start) : { row: 1, column: 1 };
  const head = `${pc.bold(displayPath(file.filename))}${pc.cyan(":")}${start.row}${pc.cyan(":")}${start.column}${pc.cyan(":")} ${pc.bold(pc.red(d.code))} ${d.message}`;
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
    `${pad} ${pc.blue("|")}`,
    `${pc.blue(gutter)} ${pc.blue("|")} ${source.replace(/\t/g, TAB)}`,
    `${pad} ${pc.blue("|")} ${" ".repeat(codePointLength(before, 0, before.length))}${pc.red("^".repeat(width))} ${pc.red(d.code)}`,
    `${pad} ${pc.blue("|")}`,
  ];
  if (d.fix) out.push(`${pad} ${pc.blue("=")} ${pc.cyan("help")}: ${d.fix.message}${d.fix.applicability === "unsafe" ? " (unsafe)" : ""}`);
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

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function renderSummary(s: Summary): string {
  const files = `${plural(s.files, "file")} checked`;
  if (s.fixed) {
    const lines: string[] = [];
    if (s.diagnostics === 0 && s.fixed.applied === 0) lines.push(`${pc.green("All checks passed!")} (${files})`);
    else lines.push(`Found ${plural(s.diagnostics + s.fixed.applied, "error")} (${s.fixed.applied} fixed, ${s.diagnostics} remaining) in ${files}.`);
    if (s.fixed.withheldUnsafe > 0) lines.push(`${s.fixed.withheldUnsafe} unsafe ${s.fixed.withheldUnsafe === 1 ? "fix" : "fixes"} withheld: enable with --unsafe-fixes.`);
    return lines.join("\n") + "\n";
  }
  if (s.diagnostics === 0) return `${pc.green("All checks passed!")} (${files})\n`;
  const lines = [`Found ${plural(s.diagnostics, "error")} in ${files}.`];
  if (s.safeFixes + s.unsafeFixes > 0) {
    const more = s.unsafeFixes > 0 ? `${s.safeFixes > 0 ? "; " : ""}${s.unsafeFixes}${s.safeFixes > 0 ? " more" : ""} with --fix --unsafe-fixes` : "";
    lines.push(`${s.safeFixes > 0 ? `${s.safeFixes} fixable with --fix` : ""}${more}.`);
  }
  return lines.join("\n") + "\n";
}

/** The text report: each file's diagnostics as it comes, the summary at the end. */
export function textReporter(): Reporter {
  return {
    file: (report) => report.diagnostics.map((d) => renderTextDiagnostic(report, d)).join(""),
    end: renderSummary,
  };
}
