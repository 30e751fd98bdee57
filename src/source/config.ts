// Configuration: `[tool.dumpling]` in pyproject.toml, or `dumpling.toml` (same keys, no
// prefix), found by walking up from each checked file (dumpling.toml wins in a directory that
// has both; a pyproject.toml without [tool.dumpling] is passed over), or one file named with
// --config. Globs (per-file-ignores, exclude) are relative to the config file's directory; a
// glob without "/" matches a file or directory name anywhere.
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import { parse as parseToml } from "smol-toml";
import { DEFAULT_EXCLUDES } from "./discover.js";
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
  /** `docs-url`: where reports' `url` and SARIF's `helpUri` point (see ruleUrl). */
  docsUrl: string | null;
}

const KEYS = ["select", "ignore", "extend-select", "per-file-ignores", "exclude", "extend-exclude", "docs-url"];

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
  const docsUrl = t["docs-url"];
  if (docsUrl !== undefined && (typeof docsUrl !== "string" || docsUrl === "")) throw new ConfigError(`${path}: \`${prefix}docs-url\` must be a non-empty string (a URL)`);
  return { path: file, dir: dirname(file), selection, perFileIgnores, exclude: list("exclude") ?? null, extendExclude: list("extend-exclude") ?? [], docsUrl: (docsUrl as string | undefined) ?? null };
}

function emptyConfig(file: string): DumplingConfig {
  return { path: file, dir: dirname(file), selection: {}, perFileIgnores: [], exclude: null, extendExclude: [], docsUrl: null };
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

const GLOB_CHARACTERS = /[*?[\]{}()!+@\\/]/;

/**
 * Exclusion patterns compiled once for one base directory. A path is excluded when it or one of
 * its directories (below the base) matches; the files of a tree share their directories, so each
 * directory's answer is kept. Plain names (`node_modules`, `.git`, every built-in one) are a set
 * lookup, not a glob match.
 */
class Excluder {
  private readonly names = new Set<string>();
  private readonly directoryNames = new Set<string>();
  private readonly globs: string[] = [];
  private readonly directories = new Map<string, boolean>();
  private readonly root: string;

  constructor(patterns: readonly string[], private readonly base: string) {
    this.root = resolve(base);
    for (const pattern of patterns) {
      const dirOnly = pattern.endsWith("/");
      const name = dirOnly ? pattern.slice(0, -1) : pattern;
      if (GLOB_CHARACTERS.test(name)) this.globs.push(pattern);
      else (dirOnly ? this.directoryNames : this.names).add(name);
    }
  }

  excludes(abs: string, isDirectory: boolean): boolean {
    const name = basename(abs);
    if (this.names.has(name) || (isDirectory && this.directoryNames.has(name))) return true;
    if (this.globs.some((g) => globMatchesAbsolute(g, abs, this.base, isDirectory))) return true;
    const parent = dirname(abs);
    if (parent === abs || parent === this.root || !(parent + sep).startsWith(this.root.endsWith(sep) ? this.root : this.root + sep)) return false;
    let excluded = this.directories.get(parent);
    if (excluded === undefined) this.directories.set(parent, (excluded = this.excludes(parent, true)));
    return excluded;
  }
}

const excluders = new Map<string, Excluder>();

function excluderFor(patterns: readonly string[], base: string): Excluder {
  const key = `${patterns.join("\0")}\u0001${base}`;
  let excluder = excluders.get(key);
  if (!excluder) excluders.set(key, (excluder = new Excluder(patterns, base)));
  return excluder;
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
/** The run's own configuration (for run-wide keys like `docs-url`): `--config FILE`, else the nearest to the working directory. */
export function runConfig(file: string | null): DumplingConfig | null {
  return file ? loadConfig(file) : findConfig(process.cwd());
}

export function excludeFilter(cliExclude: readonly string[], configFile: string | null, useConfig: boolean): (path: string, isDirectory: boolean) => boolean {
  const cwd = process.cwd();
  const explicit = useConfig && configFile ? loadConfig(configFile) : null;
  const fromCommandLine = cliExclude.length > 0 ? excluderFor(cliExclude, cwd) : null;
  const fromConfig = new Map<DumplingConfig | null, Excluder>();
  return (path, isDirectory) => {
    const abs = resolve(path);
    const config = useConfig ? (explicit ?? findConfig(dirname(abs))) : null;
    let excluder = fromConfig.get(config);
    if (!excluder) {
      const patterns = [...(config?.exclude ?? DEFAULT_EXCLUDES), ...(config?.extendExclude ?? [])];
      fromConfig.set(config, (excluder = excluderFor(patterns, config?.dir ?? cwd)));
    }
    return excluder.excludes(abs, isDirectory) || (fromCommandLine?.excludes(abs, isDirectory) ?? false);
  };
}
