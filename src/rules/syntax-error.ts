import { errorNodes, type SyntaxNode } from "../python/tree.js";
import { defineRule, type RuleContext } from "./types.js";

export default defineRule({
  meta: {
    code: "JSN000",
    name: "syntax-error",
    summary: "The file does not parse as Python",
    severity: "error",
    defaultEnabled: true,
    fix: { availability: "none", applicability: null, title: null },
    docs: {
      what: "Reports the places where a file that may call the json module does not parse as Python 3 (Python 2's `print x` and `exec code` statements included). The rest of the file is still analysed: calls outside the broken region are checked as usual.",
      why: "Python refuses to run a file with a syntax error, so nothing in it runs. dumpling also cannot see calls inside the broken region, so they go unchecked until the error is fixed.",
      whatHappens: null,
      example: 'import json\n\ndef save(data, path:\n    return json.dumps(data)\n',
      useInstead: 'import json\n\ndef save(data, path):\n    return json.dumps(data)\n',
      fixSafety: "There is no fix: only the author knows what was meant.",
      references: ["https://docs.python.org/3/reference/grammar.html"],
    },
  },
  checkFile(ctx) {
    python2Statements(ctx);
    let lastEnd = -1;
    for (const node of errorNodes(ctx.tree.rootNode)) {
      if (node.startIndex < lastEnd) continue; // inside an error already reported
      lastEnd = Math.max(node.endIndex, node.startIndex + 1);
      if (node.isMissing) {
        ctx.report({ start: node.startIndex, end: node.startIndex, message: `Syntax error: expected \`${node.type}\`` });
      } else {
        // tree-sitter wraps what it could not place; the parser gave up at the last token of
        // the error's first line, which is where the mistake is (or just before it).
        const token = lastTokenOnFirstLine(node);
        const shown = token.text.length > 0 && token.text.length <= 20 ? `: unexpected \`${token.text}\`` : "";
        ctx.report({ start: token.startIndex, end: token.endIndex, message: `Syntax error${shown}` });
      }
    }
  },
});

/**
 * The grammar also accepts Python 2's `print x` and `exec code`, which CPython 3 refuses with
 * "Missing parentheses in call to 'print'". `print >>f, x` is not one: in Python 3 it is a shift.
 */
function python2Statements(ctx: RuleContext): void {
  // A statement starts a line or follows `;` or a one-line block's `:`: only keywords so placed
  // are looked at (walking the whole tree for the two node types cost a few percent of every
  // file's analysis, and seconds on a 5 MB line).
  for (const m of ctx.text.matchAll(PYTHON2_STATEMENT)) {
    const keyword = m[1] as string;
    const at = m.index;
    if (!startsStatement(ctx.text, at)) continue;
    const node = ctx.tree.rootNode.descendantForIndex(at, at + keyword.length);
    const statement = node.parent;
    if (node.type !== keyword || node.startIndex !== at || !statement || statement.type !== `${keyword}_statement`) continue;
    if (statement.namedChildren.some((c) => c.type === "chevron")) continue;
    ctx.report({ node, message: `Syntax error: missing parentheses in call to \`${keyword}\` (a Python 2 statement); use \`${keyword}(...)\`` });
  }
}

// The keyword first, so that the engine scans for it (a pattern that starts with the context
// before it is tried at every position: five times slower).
const PYTHON2_STATEMENT = /\b(print|exec)\b[ \t]*[^\s(=.,;:)\]}]/g;

/** Whether only spaces and tabs stand between `at` and the start of a line, a `;` or a `:`. */
function startsStatement(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\t")) i--;
  return i < 0 || text[i] === "\n" || text[i] === "\r" || text[i] === ";" || text[i] === ":";
}

function lastTokenOnFirstLine(error: SyntaxNode): SyntaxNode {
  const row = error.startPosition.row;
  let n = error;
  while (n.childCount > 0) {
    let next: SyntaxNode | null = null;
    for (const c of n.children) if (c.startPosition.row === row) next = c;
    if (!next) break;
    n = next;
  }
  return n;
}
