// Python's ascii(): repr() with every non-ASCII code point escaped (\xhh, \uhhhh, \Uhhhhhhhh).

import { pyRepr } from "./values.js";

/** Python's `ascii(value)` (and the `%a` / `!a` conversions). */
export function pyAscii(value: unknown): string {
  return pyRepr(value).replace(/[^\x00-\x7f]/gu, (ch) => {
    const c = ch.codePointAt(0)!;
    const hex = c.toString(16);
    return c < 0x100 ? "\\x" + hex.padStart(2, "0") : c < 0x10000 ? "\\u" + hex.padStart(4, "0") : "\\U" + hex.padStart(8, "0");
  });
}
