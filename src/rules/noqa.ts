// Suppression comments, applied after every rule has run so each rule gets them for free:
// `# noqa` (every code on the line), `# noqa: JSN001,JSN004` (those codes; comma or space
// separated, case-insensitive) on the line where a diagnostic starts, and for the whole file
// `# dumpling: noqa`, or ruff's and flake8's `# ruff: noqa` and `# flake8: noqa` (as ruff honours
// flake8's), optionally with `: CODES`, on a line of its own anywhere in the file (ruff ignores
// one after code). Codes of other tools (`# noqa: E501`, `# ruff: noqa: F401`) are left to
// those tools. JSN100 reports JSN codes that suppressed nothing, and codes given twice.
import type { Tree } from "../python/tree.js";
import type { LineIndex } from "../python/text.js";
import type { Diagnostic, Edit } from "../core/types.js";

export interface NoqaDirective {
  /** 0-based line of the comment. */
  line: number;
  /** null: a blanket `# noqa`. */
  codes: NoqaCode[] | null;
  /** The range of `# noqa...` within the comment, and the comment node's range. */
  start: number;
  end: number;
  commentStart: number;
  commentEnd: number;
}

export interface NoqaCode {
  code: string;
  start: number;
  end: number;
}

export interface FileNoqa {
  /** `# dumpling: noqa` (or ruff's, or flake8's) without codes. */
  all: boolean;
  codes: Set<string>;
}

const CODE = /[A-Za-z]+[0-9]+/y;
const LINE_NOQA = /#\s*noqa(?![\w-])/gi;
// `# ruff: noqa` and `# flake8: noqa` as ruff reads them (the tool's name in lower case), and
// `# dumpling: noqa` in any case; after other comment text too (`# why # ruff: noqa`).
const FILE_NOQA = /#\s*([A-Za-z0-9_]+)\s*:\s*noqa(?![\w-])/gi;

function fileDirective(text: string): RegExpExecArray | null {
  FILE_NOQA.lastIndex = 0;
  for (let m = FILE_NOQA.exec(text); m; m = FILE_NOQA.exec(text)) {
    const tool = m[1] as string;
    if (tool.toLowerCase() === "dumpling" || tool === "ruff" || tool === "flake8") return m;
  }
  return null;
}

/** Whether a comment starts its line (only indentation before it): where a file-level directive must be. */
function ownLine(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i];
    if (c === "\n" || c === "\r") return true;
    if (c !== " " && c !== "\t" && c !== "\f") return false;
  }
  return true;
}

/** The codes after `noqa:`; stops at the first word that is not a code. */
function parseCodes(text: string, from: number, base: number): NoqaCode[] | null {
  const colon = /^\s*:\s*/.exec(text.slice(from));
  if (!colon) return null;
  const codes: NoqaCode[] = [];
  let i = from + colon[0].length;
  for (;;) {
    CODE.lastIndex = i;
    const m = CODE.exec(text);
    if (!m) break;
    codes.push({ code: m[0].toUpperCase(), start: base + i, end: base + i + m[0].length });
    i += m[0].length;
    const sep = /^[ \t]*,?[ \t]*/.exec(text.slice(i))?.[0] ?? "";
    if (!sep) break;
    i += sep.length;
  }
  // `# noqa:` with nothing after it is read as a blanket noqa, as flake8 does.
  return codes.length > 0 ? codes : null;
}

export function findNoqa(tree: Tree, lines: LineIndex): { directives: NoqaDirective[]; file: FileNoqa } {
  const directives: NoqaDirective[] = [];
  const file: FileNoqa = { all: false, codes: new Set() };
  // Every directive says "noqa": in a file without the word, the comments are not even listed.
  const source = tree.rootNode.text;
  if (!/noqa/i.test(source)) return { directives, file };
  for (const comment of tree.rootNode.descendantsOfType("comment")) {
    const text = comment.text;
    const fileLevel = fileDirective(text);
    if (fileLevel) {
      if (ownLine(source, comment.startIndex)) {
        const codes = parseCodes(text, fileLevel.index + fileLevel[0].length, comment.startIndex);
        if (codes) for (const c of codes) file.codes.add(c.code);
        else file.all = true;
      }
      continue;
    }
    LINE_NOQA.lastIndex = 0;
    const m = LINE_NOQA.exec(text);
    if (!m) continue;
    const codes = parseCodes(text, m.index + m[0].length, comment.startIndex);
    const end = codes ? (codes[codes.length - 1] as NoqaCode).end : comment.startIndex + m.index + m[0].length;
    directives.push({
      line: lines.lineOf(comment.startIndex), codes, start: comment.startIndex + m.index, end,
      commentStart: comment.startIndex, commentEnd: comment.endIndex,
    });
  }
  return { directives, file };
}

export interface UnusedNoqa {
  directive: NoqaDirective;
  /** The codes to remove: those that silence nothing, and every repetition of a code. */
  unused: NoqaCode[];
  /** Of `unused`, the repetitions (`# noqa: JSN001, JSN001`: the second). */
  duplicated: NoqaCode[];
}

/** Drop suppressed diagnostics; return the kept ones and the JSN codes of directives that matched nothing. */
export function applyNoqa(diagnostics: Diagnostic[], noqa: { directives: NoqaDirective[]; file: FileNoqa }, lines: LineIndex): { kept: Diagnostic[]; suppressed: number; unused: UnusedNoqa[] } {
  const byLine = new Map<number, NoqaDirective>();
  for (const d of noqa.directives) if (!byLine.has(d.line)) byLine.set(d.line, d);
  const used = new Map<NoqaDirective, Set<string>>();
  const kept: Diagnostic[] = [];
  let suppressed = 0;
  for (const diag of diagnostics) {
    if (noqa.file.all || noqa.file.codes.has(diag.code)) {
      suppressed++;
      continue;
    }
    const directive = byLine.get(lines.lineOf(diag.start));
    if (directive && (directive.codes === null || directive.codes.some((c) => c.code === diag.code))) {
      suppressed++;
      if (!used.has(directive)) used.set(directive, new Set());
      used.get(directive)?.add(diag.code);
      continue;
    }
    kept.push(diag);
  }
  const unused: UnusedNoqa[] = [];
  for (const directive of byLine.values()) {
    if (!directive.codes) continue;
    const hit = used.get(directive) ?? new Set();
    const seen = new Set<string>();
    const list: NoqaCode[] = [];
    const duplicated: NoqaCode[] = [];
    for (const c of directive.codes) {
      if (!c.code.startsWith("JSN")) continue;
      if (seen.has(c.code)) duplicated.push(c);
      else if (!hit.has(c.code)) list.push(c);
      seen.add(c.code);
    }
    if (list.length + duplicated.length > 0) unused.push({ directive, unused: [...list, ...duplicated].sort((a, b) => a.start - b.start), duplicated });
  }
  return { kept, suppressed, unused };
}

/**
 * The edit that removes unused codes from a directive: the whole `# noqa: ...` when every code
 * goes (with the spaces before it, or up to the next comment text when more follows), else
 * the unused codes and their separators.
 */
export function removeUnusedCodes(text: string, u: UnusedNoqa): Edit {
  const d = u.directive;
  const codes = d.codes ?? [];
  const remaining = codes.filter((c) => !u.unused.includes(c));
  if (remaining.length === 0) {
    const after = text.slice(d.end, d.commentEnd);
    if (d.start === d.commentStart) {
      if (/^\s*$/.test(after)) {
        let start = d.start;
        while (start > 0 && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
        return { start, end: d.commentEnd, content: "" };
      }
      // `# noqa: JSN001  # other` → `# other`
      const rest = /^[\s#]*/.exec(after)?.[0].length ?? 0;
      return { start: d.start, end: d.end + rest, content: "# " };
    }
    // `# comment  # noqa: JSN001` → `# comment`
    let start = d.start;
    while (start > d.commentStart && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
    return { start, end: d.end, content: "" };
  }
  const first = codes[0] as NoqaCode;
  const last = codes[codes.length - 1] as NoqaCode;
  return { start: first.start, end: last.end, content: remaining.map((c) => text.slice(c.start, c.end)).join(", ") };
}
