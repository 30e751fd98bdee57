// Hover: on a json call, its TypeScript (exact mode, then native mode with its notes); on a
// code in a `# noqa: ...` comment, the rule's summary and page.
import { MarkupKind, type Hover, type MarkupContent } from "vscode-languageserver";
import { findCalls, rules, type JsonCall, type Options, type RuleInfo, type Translation } from "../api/index.js";
import { ruleHref } from "./documents.js";
import type { Positions } from "./positions.js";

let ruleList: RuleInfo[] | undefined;

function content(markdown: boolean, md: string, plain: string): MarkupContent {
  return markdown ? { kind: MarkupKind.Markdown, value: md } : { kind: MarkupKind.PlainText, value: plain };
}

const NOQA = /#\s*(?:dumpling\s*:\s*)?noqa\s*:\s*/gi;
const CODE = /[A-Za-z]+[0-9]+/y;

/** The rule whose code is under `offset` in a `# noqa: ...` comment. */
export function noqaHover(text: string, offset: number, positions: Positions, markdown: boolean): Hover | null {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== "\n" && text[lineStart - 1] !== "\r") lineStart--;
  let lineEnd = offset;
  while (lineEnd < text.length && text[lineEnd] !== "\n" && text[lineEnd] !== "\r") lineEnd++;
  const line = text.slice(lineStart, lineEnd);
  for (const m of line.matchAll(NOQA)) {
    // The codes after `noqa:`, comma or space separated, as the suppression reads them.
    let i = (m.index ?? 0) + m[0].length;
    for (;;) {
      CODE.lastIndex = i;
      const code = CODE.exec(line);
      if (!code) break;
      const start = lineStart + i;
      const end = start + code[0].length;
      if (offset >= start && offset <= end) {
        const rule = (ruleList ??= rules()).find((r) => r.code === code[0].toUpperCase());
        if (!rule) return null;
        const href = ruleHref(rule.url);
        return {
          contents: content(markdown, `**${rule.code}** \`${rule.name}\`: ${rule.summary}\n\n[${rule.name}](${href})`, `${rule.code} ${rule.name}: ${rule.summary}\n${href}`),
          range: { start: positions.at(start), end: positions.at(end) },
        };
      }
      i += code[0].length;
      const sep = /^[ \t]*,?[ \t]*/.exec(line.slice(i))?.[0] ?? "";
      if (!sep) break;
      i += sep.length;
    }
  }
  return null;
}

/** The innermost json call around `offset`. */
export function callAt(text: string, offset: number, options: Options): JsonCall | null {
  let best: JsonCall | null = null;
  for (const call of findCalls(text, options)) {
    const { start, end } = call.range;
    if (start <= offset && offset <= end && (!best || end - start < best.range.end - best.range.start)) best = call;
  }
  return best;
}

/** The translation of a call: the smallest one of its function around it. */
export function translationOf(call: JsonCall, translations: Translation[]): Translation | null {
  let best: Translation | null = null;
  for (const t of translations) {
    if (t.function !== call.function || t.start > call.range.start || t.end < call.range.end) continue;
    if (!best || t.end - t.start < best.end - best.start) best = t;
  }
  return best;
}

function tsBlock(t: Translation): string {
  return [...t.imports, ...(t.imports.length ? [""] : []), t.typescript].join("\n");
}

/** A fenced `ts` block; the fence is longer than any run of backquotes in the code. */
function fenced(code: string): string[] {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return [`${fence}ts`, code, fence];
}

export function callHover(call: JsonCall, exact: Translation | null, native: Translation | null, positions: Positions, markdown: boolean): Hover | null {
  if (!exact && !native) return null;
  const md: string[] = [];
  const plain: string[] = [];
  const name = `${call.module}.${call.function}`;
  if (exact) {
    md.push(`**${name}** in TypeScript (exact: CPython's output, byte for byte)`, ...fenced(tsBlock(exact)));
    plain.push(`${name} in TypeScript (exact):`, tsBlock(exact));
  }
  if (native) {
    md.push(`native (\`JSON\`)${native.notes.length ? "" : ": no difference from CPython"}`, ...fenced(tsBlock(native)));
    plain.push("", "native (JSON):", tsBlock(native));
    for (const n of native.notes) {
      md.push(`- *${n.severity}*: ${n.message}`);
      plain.push(`- ${n.severity}: ${n.message}`);
    }
  }
  return {
    contents: content(markdown, md.join("\n"), plain.join("\n")),
    range: { start: positions.at(call.range.start), end: positions.at(call.range.end) },
  };
}
