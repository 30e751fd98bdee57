// The marker the translator emits for Python it cannot translate exactly: the module still
// type-checks (the result may be used as any type), and reaching the marker throws.

import { UntranslatedPythonError } from "./errors.js";

/**
 * Stands for the Python expression `python` (source text) at `where` (`file.py:line`); always throws
 * `UntranslatedPythonError`. `T` defaults to `any` so that every use type-checks: `untranslated("x % y") + 1`.
 */
export function untranslated<T = any>(python: string, where?: string): T {
  throw new UntranslatedPythonError(python, where);
}
