// --show-files and --show-settings: what a run would check, and with which settings (as ruff's).
import { displayPath } from "../core/display.js";
import { RULES } from "../rules/index.js";
import { DEFAULT_EXCLUDES } from "../source/discover.js";
import { discoverEntries, settingsFor, type CheckOptions } from "./check.js";
import { ConfigError, DEFAULT_INCLUDE, type Glob } from "../source/config.js";
import { configFor, fileSettings } from "./engine.js";

function files(options: CheckOptions): string[] {
  const settings = settingsFor(options);
  return discoverEntries(options, settings, () => {})
    .flatMap((e) => (e.kind === "file" ? [e.path] : []))
    .sort();
}

/** Every file the run would check, one per line, sorted, named as reports name them. */
export function showFiles(options: CheckOptions): string {
  return files(options).map((f) => `${displayPath(f)}\n`).join("");
}

const toml = (value: unknown) => JSON.stringify(value);
const globs = (list: readonly Glob[]) => toml(list.map((g) => g.pattern));

/** The settings of the first file the run would check (sorted), as `key = value` lines. */
export function showSettings(options: CheckOptions): string {
  const [first] = files(options);
  if (first === undefined) throw new ConfigError("no files found under the given paths: there are no settings to show");
  const settings = settingsFor(options);
  const config = configFor(first, settings);
  const { rules, analysis } = fileSettings(first, "", settings);
  const fixable = analysis.fixable ?? new Set(RULES.map((r) => r.meta.code));
  const target = options.targetVersion ?? config?.targetVersion;
  const from = options.targetVersion !== undefined ? "--target-version" : config?.targetVersionFrom;
  const out = [
    `Resolved settings for: ${toml(displayPath(first))}`,
    `Settings path: ${config ? toml(config.path) : "none (the defaults)"}`,
    ...(config && config.files.length > 1 ? [`Extends: ${toml(config.files.slice(1))}`] : []),
    "",
    `rules = ${toml(rules.map((r) => r.meta.code))}`,
    `fixable = ${toml(RULES.map((r) => r.meta.code).filter((c) => fixable.has(c)))}`,
    `per-file-ignores = ${toml(Object.fromEntries([...(config?.perFileIgnores ?? []), ...(config?.extendPerFileIgnores ?? [])].map((p) => [p.pattern, p.codes])))}`,
    `exclude = ${config?.exclude ? globs(config.exclude) : toml(DEFAULT_EXCLUDES)}`,
    `extend-exclude = ${globs(config?.extendExclude ?? [])}`,
    `include = ${config?.include ? globs(config.include) : toml(DEFAULT_INCLUDE)}`,
    `extend-include = ${globs(config?.extendInclude ?? [])}`,
    `respect-gitignore = ${options.respectGitignore ?? true}`,
    `target-version = ${toml(`py3${target ?? 9}`)}${from ? `  # from ${from}` : "  # the default"}`,
    `fix = ${options.fix?.mode === "write"}`,
    `unsafe-fixes = ${options.unsafeFixes === "enabled" ? "true" : options.unsafeFixes === "disabled" ? "false" : toml("hint")}`,
    `show-fixes = ${!!options.showFixes}`,
    `output-format = ${toml(options.outputFormat)}`,
  ];
  return out.join("\n") + "\n";
}
