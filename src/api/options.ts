// Options → the rules that run on a file, the way `check` layers them: the selection (select
// replaces the default set, extend-select adds, ignore removes), then per-file ignores.
import picomatch from "picomatch/posix.js";
import { RULES } from "../rules/index.js";
import { selectRulesLayered } from "../rules/select.js";
import type { Rule } from "../rules/types.js";
import type { Options } from "./types.js";

export const STDIN_NAME = "-";

/** The rules `options` select for `options.filename`. Throws UnknownSelectorError for an unknown code. */
export function rulesOf(options: Options): Rule[] {
  let rules = selectRulesLayered([{ select: options.select, ignore: options.ignore, extendSelect: options.extendSelect }]);
  const ignores = options.perFileIgnores;
  if (ignores) {
    const filename = (options.filename ?? STDIN_NAME).replace(/\\/g, "/");
    const name = filename.slice(filename.lastIndexOf("/") + 1);
    const codes = Object.entries(ignores)
      .filter(([glob]) => picomatch(glob.replace(/^\.\//, ""), { dot: true })(glob.includes("/") ? filename.replace(/^\.\//, "") : name))
      .flatMap(([, list]) => list);
    if (codes.length > 0) {
      const drop = selectRulesLayered([{ select: codes }]);
      rules = rules.filter((r) => !drop.includes(r));
    }
  }
  return rules;
}

export function ruleCodes(rules: readonly Rule[]): string[] {
  return RULES.filter((r) => rules.includes(r)).map((r) => r.meta.code);
}
