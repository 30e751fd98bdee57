// loadConfig: the options `[tool.dumpling]` resolves to for a file, found and layered exactly as
// `dumpling check` finds them (the nearest pyproject.toml or dumpling.toml above the file), so a
// host lints a file as the command line would; isExcluded: whether that configuration skips the
// file. Node only (they read the file system), and they read the files as they are at each call.
import { dirname, resolve } from "node:path";
import { configExcludes, findConfig, globMatches, rulesForFile } from "../source/config.js";
import type { Options } from "./types.js";

/** A host's own rule selection (an editor's settings), layered over the file's as `check`'s options are. */
export type Selection = Pick<Options, "select" | "ignore" | "extendSelect">;

/**
 * Throws ConfigError (a one-line message naming the file and the key) for an invalid
 * configuration. With `overrides`, the result's `select` lists the codes that run (what `check
 * --select/--extend-select/--ignore` would run on the file); an unknown code in them throws as
 * lint() does.
 */
export function loadConfig(path: string, overrides?: Selection): Options {
  const options: Options = { filename: path };
  const config = findConfig(dirname(resolve(path)), new Map());
  if (overrides && (overrides.select || overrides.ignore || overrides.extendSelect)) {
    // The command line's layer goes over the file's, then per-file ignores remove codes from
    // the result: one list of codes says it exactly.
    options.select = rulesForFile(path, config, overrides);
    return options;
  }
  if (!config) return options;
  const { select, ignore, extendSelect } = config.selection;
  // A per-file ignore removes codes after the selection, as `ignore` does in the same layer.
  const perFile = config.perFileIgnores.filter((p) => globMatches(p.pattern, path, config.dir, false)).flatMap((p) => p.codes);
  if (select) options.select = [...select];
  if (extendSelect) options.extendSelect = [...extendSelect];
  if (ignore || perFile.length > 0) options.ignore = [...(ignore ?? []), ...perFile];
  return options;
}

/**
 * Whether the configuration of `path` (its `exclude`, or the built-in list of tool and
 * environment directories, and `extend-exclude`) skips it, as `check --force-exclude PATH`
 * run from `root` (default: the current directory) would. Throws ConfigError as loadConfig does.
 */
export function isExcluded(path: string, root: string = process.cwd()): boolean {
  return configExcludes(findConfig(dirname(resolve(path)), new Map()), path, resolve(root));
}
