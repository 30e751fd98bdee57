// loadConfig: the options `[tool.dumpling]` resolves to for a file, found and layered exactly as
// `dumpling check` finds them (the nearest pyproject.toml or dumpling.toml above the file), so a
// host lints a file as the command line would. Node only (it reads the file system).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { findConfig, globMatches } from "../source/config.js";
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
  const { select, ignore, extendSelect } = config.selection;
  // A per-file ignore removes codes after the selection, as `ignore` does in the same layer.
  const perFile = config.perFileIgnores.filter((p) => globMatches(p.pattern, path, config.dir, false)).flatMap((p) => p.codes);
  if (select) options.select = [...select];
  if (extendSelect) options.extendSelect = [...extendSelect];
  if (ignore || perFile.length > 0) options.ignore = [...(ignore ?? []), ...perFile];
  if (config.extendJsonModules.length > 0) options.extendJsonModules = [...config.extendJsonModules, ...found];
  return options;
}
