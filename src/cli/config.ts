// Configuration: `[tool.dumpling]` in pyproject.toml, or `dumpling.toml` (same keys, no
// prefix), found by walking up from each checked file (dumpling.toml wins in a directory that
// has both; a pyproject.toml without [tool.dumpling] is passed over), or one file named with
// --config. Globs (per-file-ignores, exclude) are relative to the config file's directory; a
// glob without "/" matches a file or directory name anywhere.
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import { parse as parseToml } from "smol-toml";
import { DEFAULT_EXCLUDES } from "../source/discover.js";
import { selectRulesLayered, UnknownSelectorError, type Selection } from "../rules/select.js";

export class ConfigError extends Error {}

export interface DumplingConfig {
  /** The file it came from, and the directory globs are relative to. */
  path: string;
  dir: string;
  selection: Selection;
  perFileIgnores: { pattern: string; codes: string[] }[];
  /** Replaces the built-in directory excludes when given. */
  exclude: string[] | null;
  extendExclude: string[];
}

const KEYS = ["select", "ignore", "extend-select", "per-file-ignores", "exclude", "extend-exclude"];

function stringList(value: unknown, key: string, file: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw new ConfigError(`${file}: \`${key}\` must be a list of strings`);
  }
  return value as string[];
}

/** Parse and validate one config file. Every error names the file and the key. */
export function loadConfig(path: string): DumplingConfig {
  const file = resolve(path);
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch (e) {
    throw new ConfigError(`${path}: cannot read the config file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(raw) as Record<string, unknown>;
  } catch (e) {
    throw new ConfigError(`${path}: invalid TOML: ${(e as Error).message.split("\n")[0]}`);
  }
  const isPyproject = basename(file) === "pyproject.toml";
  const table = isPyproject ? (doc.tool as Record<string, unknown> | undefined)?.dumpling : doc;
  const prefix = isPyproject ? "tool.dumpling." : "";
  if (table === undefined) return emptyConfig(file);
  if (typeof table !== "object" || table === null || Array.isArray(table)) throw new ConfigError(`${path}: \`tool.dumpling\` must be a table`);
  const t = table as Record<string, unknown>;
  for (const key of Object.keys(t)) {
    if (!KEYS.includes(key)) throw new ConfigError(`${path}: unknown key \`${prefix}${key}\` (expected one of ${KEYS.join(", ")})`);
  }
  const list = (key: string) => (t[key] === undefined ? undefined : stringList(t[key], prefix + key, path));
  const selection: Selection = { select: list("select"), ignore: list("ignore"), extendSelect: list("extend-select") };
  for (const [key, value] of [["select", selection.select], ["ignore", selection.ignore], ["extend-select", selection.extendSelect]] as const) {
    if (value) validateSelectors(value, prefix + key, path);
  }
  const perFileIgnores: DumplingConfig["perFileIgnores"] = [];
  const pfi = t["per-file-ignores"];
  if (pfi !== undefined) {
    if (typeof pfi !== "object" || pfi === null || Array.isArray(pfi)) throw new ConfigError(`${path}: \`${prefix}per-file-ignores\` must be a table of glob = [codes]`);
    for (const [pattern, codes] of Object.entries(pfi as Record<string, unknown>)) {
      const key = `${prefix}per-file-ignores."${pattern}"`;
      const list = stringList(codes, key, path);
      validateSelectors(list, key, path);
      perFileIgnores.push({ pattern, codes: list });
    }
  }
  return { path: file, dir: dirname(file), selection, perFileIgnores, exclude: list("exclude") ?? null, extendExclude: list("extend-exclude") ?? [] };
}

function emptyConfig(file: string): DumplingConfig {
  return { path: file, dir: dirname(file), selection: {}, perFileIgnores: [], exclude: null, extendExclude: [] };
}

function validateSelectors(list: readonly string[], key: string, file: string): void {
  try {
    selectRulesLayered([{ select: list }]);
  } catch (e) {
    if (e instanceof UnknownSelectorError) throw new ConfigError(`${file}: \`${key}\`: ${e.message}`);
    throw e;
  }
}

function hasDumplingTable(pyproject: string): boolean {
  try {
    const doc = parseToml(readFileSync(pyproject, "utf8")) as { tool?: { dumpling?: unknown } };
    return doc.tool?.dumpling !== undefined;
  } catch {
    // A broken pyproject.toml is reported when it is the config, not when merely passed over.
    return /^\s*\[tool\.dumpling\]/m.test(readFileSync(pyproject, "utf8"));
  }
}

const found = new Map<string, DumplingConfig | null>();

/** The nearest config at or above `dir`; cached per directory (per thread). */
export function findConfig(dir: string): DumplingConfig | null {
  const abs = resolve(dir);
  const cached = found.get(abs);
  if (cached !== undefined) return cached;
  let result: DumplingConfig | null = null;
  const own = join(abs, "dumpling.toml");
  const pyproject = join(abs, "pyproject.toml");
  if (existsSync(own)) result = loadConfig(own);
  else if (existsSync(pyproject) && hasDumplingTable(pyproject)) result = loadConfig(pyproject);
  else {
    const parent = dirname(abs);
    result = parent === abs ? null : findConfig(parent);
  }
  found.set(abs, result);
  return result;
}

function toPosix(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}

const matchers = new Map<string, (s: string) => boolean>();

/** picomatch compiles a RegExp per call: compile each glob once. */
function matcher(glob: string): (s: string) => boolean {
  let m = matchers.get(glob);
  if (!m) matchers.set(glob, (m = picomatch(glob, { dot: true })));
  return m;
}

/** Whether a glob matches a path: by name when it has no "/", else relative to `base`. */
export function globMatches(pattern: string, path: string, base: string, isDirectory: boolean): boolean {
  return globMatchesAbsolute(pattern, resolve(path), base, isDirectory);
}

function globMatchesAbsolute(pattern: string, abs: string, base: string, isDirectory: boolean): boolean {
  const dirOnly = pattern.endsWith("/");
  if (dirOnly && !isDirectory) return false;
  const glob = dirOnly ? pattern.slice(0, -1) : pattern;
  if (!glob.includes("/")) return matcher(glob)(basename(abs));
  const rel = toPosix(relative(base, abs));
  if (rel.startsWith("..") || isAbsolute(rel)) return matcher(glob)(toPosix(abs));
  return matcher(glob.replace(/^\.\//, ""))(rel);
}

/** Whether a directory is excluded, by patterns and base: the files of a tree share their directories. */
const excludedDirectories = new Map<string, boolean>();

/** A path is excluded when it or one of its directories (below `base`) matches a pattern. */
export function excludedBy(patterns: readonly string[], path: string, base: string, isDirectory: boolean): boolean {
  if (patterns.length === 0) return false;
  const p = resolve(path);
  if (patterns.some((g) => globMatchesAbsolute(g, p, base, isDirectory))) return true;
  const parent = dirname(p);
  if (parent === p || !(parent + sep).startsWith(resolve(base) + sep) || parent === resolve(base)) return false;
  const key = `${patterns.join("\0")}\u0001${base}\u0001${parent}`;
  let excluded = excludedDirectories.get(key);
  if (excluded === undefined) excludedDirectories.set(key, (excluded = excludedBy(patterns, parent, base, true)));
  return excluded;
}

/** The rules for one file: the config's selection, the command line's over it, minus per-file-ignores. */
export function rulesForFile(path: string, config: DumplingConfig | null, cli: Selection): string[] {
  const layers = config ? [config.selection, cli] : [cli];
  let rules = selectRulesLayered(layers);
  if (config) {
    const ignored = config.perFileIgnores.filter((p) => globMatches(p.pattern, path, config.dir, false)).flatMap((p) => p.codes);
    if (ignored.length > 0) {
      const drop = selectRulesLayered([{ select: ignored }]);
      rules = rules.filter((r) => !drop.includes(r));
    }
  }
  return rules.map((r) => r.meta.code);
}

/**
 * Whether discovery skips a path: the configuration's `exclude` (the built-in directory list
 * when it has none) and `extend-exclude`, relative to the config file, and the command line's
 * `--exclude`, relative to the current directory.
 */
export function excludeFilter(cliExclude: readonly string[], configFile: string | null, useConfig: boolean): (path: string, isDirectory: boolean) => boolean {
  const cwd = process.cwd();
  const explicit = useConfig && configFile ? loadConfig(configFile) : null;
  return (path, isDirectory) => {
    const config = useConfig ? (explicit ?? findConfig(dirname(resolve(path)))) : null;
    const patterns = [...(config?.exclude ?? DEFAULT_EXCLUDES), ...(config?.extendExclude ?? [])];
    return excludedBy(patterns, path, config?.dir ?? cwd, isDirectory) || excludedBy(cliExclude, path, cwd, isDirectory);
  };
}
