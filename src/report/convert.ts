// `dumpling convert` reports: json (one array, the contract), text (one block per call) and
// markdown (a migration checklist grouped by file, the calls with notes to review first).
import type { Translation } from "../api/types.js";

/** One call of the report: the library's Translation (the JSON report's elements are exactly these). */
type ConvertedCall = Translation;
type Mode = Translation["mode"];

export function renderConvertJson(calls: readonly ConvertedCall[]): string {
  return JSON.stringify(calls, null, 2) + "\n";
}

const indent = (s: string, pad: string) => s.split("\n").map((l) => (l ? pad + l : l)).join("\n");

export function renderConvertText(calls: readonly ConvertedCall[], files: number): string {
  let out = "";
  for (const c of calls) {
    out += `${c.filename}:${c.location.row}:${c.location.column}: ${c.mode}\n`;
    out += indent(c.python, "  | ") + "\n";
    out += indent([...c.imports, ...(c.imports.length ? [""] : []), c.typescript].join("\n"), "  > ") + "\n";
    for (const n of c.notes) out += `  ${n.severity === "review" ? "review" : "info"} (${n.kind}): ${n.message}\n`;
    out += "\n";
  }
  return out + summary(calls, files) + "\n";
}

function summary(calls: readonly ConvertedCall[], files: number): string {
  const review = calls.filter((c) => c.notes.some((n) => n.severity === "review")).length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  return `Converted ${plural(calls.length, "json call")} in ${plural(files, "file")}; ${plural(review, "call")} with notes to review.`;
}

function anchor(c: ConvertedCall): string {
  return `${c.filename}-${c.location.row}-${c.location.column}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

/** A fenced block whose fence is longer than any backtick run inside. */
function fence(lang: string, body: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const f = "`".repeat(longest + 1);
  return `${f}${lang}\n${body}\n${f}`;
}

export function renderConvertMarkdown(calls: readonly ConvertedCall[], files: number, mode: Mode): string {
  const out: string[] = [`# Migrating json calls to TypeScript (${mode} mode)`, "", summary(calls, files), ""];
  const toReview = calls.filter((c) => c.notes.some((n) => n.severity === "review"));
  if (toReview.length > 0) {
    out.push("## Review first", "");
    for (const c of toReview) {
      const kinds = [...new Set(c.notes.filter((n) => n.severity === "review").map((n) => n.kind))];
      out.push(`- [${c.filename}:${c.location.row}:${c.location.column}](#${anchor(c)}): ${kinds.join(", ")}`);
    }
    out.push("");
  }
  const byFile = new Map<string, ConvertedCall[]>();
  for (const c of calls) byFile.set(c.filename, [...(byFile.get(c.filename) ?? []), c]);
  for (const [file, list] of byFile) {
    out.push(`## ${file}`, "");
    for (const c of list) {
      out.push(`<a id="${anchor(c)}"></a>`, `- [ ] **${file}:${c.location.row}:${c.location.column}**`, "");
      out.push(indent(fence("python", c.python), "  "), "");
      out.push(indent(fence("ts", [...c.imports, ...(c.imports.length ? [""] : []), c.typescript].join("\n")), "  "), "");
      for (const n of c.notes) out.push(`  - ${n.severity === "review" ? "**Review**" : "Info"} (${n.kind}): ${n.message}`);
      if (c.notes.length) out.push("");
    }
  }
  return out.join("\n").replace(/\n+$/, "") + "\n";
}
