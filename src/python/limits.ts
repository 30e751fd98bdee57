// What the parser cannot be given. tree-sitter-python's scanner saves its stack of indentation
// levels in a 1 KiB buffer and aborts the whole process (a C assertion, not an exception) when a
// string starts more than about 380 levels deep. CPython itself refuses more than 100 levels
// ("too many levels of indentation"), so such a file never runs: it is refused before parsing.

export const MAX_INDENT_LEVELS = 300;

/**
 * CPython's parser refuses more than 200 nested brackets ("too many nested parentheses"), so
 * deeper code never runs: recursive walks (the translator's) stop there instead of overflowing the stack.
 */
export const MAX_NESTING = 200;

/**
 * The deepest stack of indentation levels the text can build, counted the way the scanner
 * counts (a space is 1, a tab 8, a form feed starts over), over every non-blank line. Lines
 * inside brackets or strings count too, so this may only overestimate. Stops once past `stopAbove`.
 */
export function indentationLevels(text: string, stopAbove = Infinity): number {
  const stack = [0];
  let deepest = 0;
  let width = 0;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      width = 0;
      atStart = true;
    } else if (!atStart) {
      continue;
    } else if (c === 32) width = (width + 1) & 0xffff; // the scanner's width is a uint16
    else if (c === 9) width = (width + 8) & 0xffff;
    else if (c === 12) width = 0;
    else {
      atStart = false;
      if (c === 35) continue; // a comment-only line opens no block
      while (width < (stack[stack.length - 1] as number)) stack.pop();
      if (width > (stack[stack.length - 1] as number)) stack.push(width);
      deepest = Math.max(deepest, stack.length - 1);
      if (deepest > stopAbove) return deepest;
    }
  }
  return deepest;
}

// The last text looked at: a file is checked before analysis is decided, then again by the
// parser, and a scan of a large file is not free.
let lastText: string | undefined;
let lastLimit: string | null = null;

/** Why the parser must not be given this text, or null. */
export function parserLimit(text: string): string | null {
  if (text === lastText) return lastLimit;
  lastText = text;
  lastLimit = null;
  // Each level is a column deeper than the last, and a tab is 8: 37 whitespace characters reach 296 levels at most.
  if (!/^[ \t\f]{38}/m.test(text)) return null;
  if (indentationLevels(text, MAX_INDENT_LEVELS) > MAX_INDENT_LEVELS) {
    lastLimit = `indented more than ${MAX_INDENT_LEVELS} levels deep, more than the parser handles (CPython stops at 100)`;
  }
  return lastLimit;
}
