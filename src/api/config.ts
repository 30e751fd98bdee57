// loadConfig: the options `[tool.dumpling]` resolves to for a file, found and layered exactly as
// `dumpling check` finds them (the nearest pyproject.toml or dumpling.toml above the file), so a
// host lints a file as the command line would. Node only (it reads the file system).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { findConfig, fixableCodes, rulesForFile } from "../source/config.js";
import { jsonModulesFor } from "../source/reexports.js";
import type { Options } from "./types.js";

/**
 * Also the project's own modules the file (as it is on disk) imports json from, when they
 * re-export it (`from .compat import json`), as `check` finds them. Throws ConfigError (a
 * one-line message naming the file and the key) for an invalid configuration.
 */
export function loadConfig(path: string): Options {
  const options: Options = { filename: path };
  let text = "";
  try {
    text = readFileSync(path, "utf8");
  } catch {
    // A file not yet saved: its configuration is still its directory's.
  }
  const found = jsonModulesFor(path, text);
  if (found.length > 0) options.extendJsonModules = found;
  const config = findConfig(dirname(resolve(path)));
  if (!config) return options;
  // Layers (`extend`), per-file ignores and fixable/unfixable resolved as `check` resolves them:
  // the options name the resulting codes.
  options.select = rulesForFile(path, config, {});
  if (config.fixables.some((f) => f.fixable || f.unfixable || f.extendFixable)) options.fixable = [...fixableCodes(config, {})];
  if (config.targetVersion !== undefined) options.targetVersion = `py3${config.targetVersion}`;
  if (config.extendJsonModules.length > 0) options.extendJsonModules = [...config.extendJsonModules, ...found];
  return options;
}
