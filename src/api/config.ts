// loadConfig: the options `[tool.dumpling]` resolves to for a file, found and layered exactly as
// `dumpling check` finds them (the nearest pyproject.toml or dumpling.toml above the file), so a
// host lints a file as the command line would; isExcluded: whether that configuration skips the
// file. Node only (they read the file system), and they read the files as they are at each call.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { configExcludes, findConfig, fixableCodes, rulesForFile } from "../source/config.js";
import { jsonModulesFor } from "../source/reexports.js";
import type { Options } from "./types.js";

/** A host's own rule selection (an editor's settings), layered over the file's as `check`'s options are. */
export type Selection = Pick<Options, "select" | "ignore" | "extendSelect">;

/**
 * The options for linting `path` as `check` would: the rules that run on it (`select` lists
 * their codes, with `overrides` layered over the file's configuration as `check
 * --select/--extend-select/--ignore` are), its target version and fixable codes, and the modules
 * that re-export json for it (`extend-json-modules`, and the project's own modules the file as it
 * is on disk imports json from), and its `docs-url`. Throws ConfigError (a one-line message naming the file and the
 * key) for an invalid configuration; an unknown code in `overrides` throws as lint() does.
 */
export function loadConfig(path: string, overrides: Selection = {}): Options {
  const options: Options = { filename: path };
  let text = "";
  try {
    text = readFileSync(path, "utf8");
  } catch {
    // A file not yet saved: its configuration is still its directory's.
  }
  const found = jsonModulesFor(path, text);
  if (found.length > 0) options.extendJsonModules = found;
  const config = findConfig(dirname(resolve(path)), new Map());
  const overridden = !!(overrides.select || overrides.ignore || overrides.extendSelect);
  // Layers (`extend`), per-file ignores and fixable/unfixable resolved as `check` resolves them:
  // the options name the resulting codes.
  if (overridden || config) options.select = rulesForFile(path, config, overrides);
  if (!config) return options;
  if (config.fixables.some((f) => f.fixable || f.unfixable || f.extendFixable)) options.fixable = [...fixableCodes(config, {})];
  if (config.targetVersion !== undefined) options.targetVersion = `py3${config.targetVersion}`;
  if (config.docsUrl !== null) options.docsUrl = config.docsUrl;
  if (config.extendJsonModules.length > 0) options.extendJsonModules = [...config.extendJsonModules, ...found];
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
