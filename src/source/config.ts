// Configuration, as ruff reads its own: `.dumpling.toml`, `dumpling.toml` (the keys at the top
// level) or `[tool.dumpling]` in `pyproject.toml`, in that order of precedence in one directory
// (ruff's `.ruff.toml`, `ruff.toml`, `pyproject.toml`; a pyproject.toml without the table is
// passed over), found by walking up from each checked file; or one file named with --config.
// `extend` inherits another file, whose relative paths are resolved from where it is. Globs
// (per-file-ignores, exclude, include) are relative to the file that gives them; a glob without
// "/" matches a file or directory name anywhere.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import { parse as parseToml } from "smol-toml";
import { VERSION } from "../core/version.js";
import { RULES } from "../rules/index.js";
import { selectRulesLayered, UnknownSelectorError, type Selection } from "../rules/select.js";
import { DEFAULT_EXCLUDES } from "./discover.js";
import { TARGET_VERSIONS, targetMinor } from "../python/context.js";

export class ConfigError extends Error {}

// PEP 440 versions are needed only for `required-version` and `requires-python`: the library is
// loaded then, from node_modules, not bundled into every start (pre-commit runs dumpling often).
const PEP440 = "@renovatebot/pep440";
let pep440: typeof import("@renovatebot/pep440") | undefined;
function versions(): typeof import("@renovatebot/pep440") {
  return (pep440 ??= createRequire(import.meta.url)(PEP440) as typeof import("@renovatebot/pep440"));
}

/** The configuration files of a directory, the first found wins (as ruff's three). */
export const CONFIG_FILES = [".dumpling.toml", "dumpling.toml", "pyproject.toml"] as const;

export { TARGET_VERSIONS };

/** What walking a directory takes when no `include` says otherwise. */
export const DEFAULT_INCLUDE = ["*.py", "*.pyi"];

/** What `output-format` (and --output-format) takes. */
export const OUTPUT_FORMATS = ["text", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** A glob and the directory it is relative to (the config file's). */
export interface Glob {
  pattern: string;
  base: string;
}

export interface FixableSelection {
  fixable?: readonly string[];
  unfixable?: readonly string[];
  extendFixable?: readonly string[];
}

export interface PerFileIgnore extends Glob {
  codes: string[];
}

export interface DumplingConfig {
  /** The file it came from; globs of its own are relative to `dir`. */
  path: string;
  dir: string;
  /** Every file read for it: this one, then those it extends. */
  files: string[];
  /** Rule selections layered as ruff does: the extended file's first, then this one's. */
  selections: Selection[];
  fixables: FixableSelection[];
  /** `per-file-ignores`: this file's, or else the extended one's. */
  perFileIgnores: PerFileIgnore[] | null;
  /** Every `extend-per-file-ignores` of the chain, the extended file's first. */
  extendPerFileIgnores: PerFileIgnore[];
  /** Replaces the built-in directory excludes when given. */
  exclude: Glob[] | null;
  extendExclude: Glob[];
  /** Replaces DEFAULT_INCLUDE when given. */
  include: Glob[] | null;
  extendInclude: Glob[];
  respectGitignore?: boolean;
  /** The oldest Python 3 minor version the code must run on (from `target-version`, else `requires-python`). */
  targetVersion?: number;
  fix?: boolean;
  unsafeFixes?: boolean;
  outputFormat?: OutputFormat;
  showFixes?: boolean;
  /** Modules outside the tree that re-export json (`botocore.compat`), the extended file's first. */
  extendJsonModules: string[];
  /** `docs-url`: where reports' `url` and SARIF's `helpUri` point (see ruleUrl); null: the default. */
  docsUrl: string | null;
  /** Where target-version came from, for --show-settings. */
  targetVersionFrom?: "target-version" | "requires-python";
}

/** Every key, with its type (the order is the one the error message lists them in). */
const KEYS: Record<string, "list" | "table" | "boolean" | "string"> = {
  select: "list",
  "extend-select": "list",
  ignore: "list",
  "extend-ignore": "list",
  fixable: "list",
  unfixable: "list",
  "extend-fixable": "list",
  "per-file-ignores": "table",
  "extend-per-file-ignores": "table",
  exclude: "list",
  "extend-exclude": "list",
  include: "list",
  "extend-include": "list",
  "respect-gitignore": "boolean",
  fix: "boolean",
  "unsafe-fixes": "boolean",
  "show-fixes": "boolean",
  "output-format": "string",
  "target-version": "string",
  "required-version": "string",
  extend: "string",
  "extend-json-modules": "list",
  "docs-url": "string",
};

/** One file's own settings, before `extend` is applied. */
interface OwnConfig {
  selection: Selection;
  fixable: FixableSelection;
  perFileIgnores: PerFileIgnore[] | null;
  extendPerFileIgnores: PerFileIgnore[];
  exclude: Glob[] | null;
  extendExclude: Glob[];
  include: Glob[] | null;
  extendInclude: Glob[];
  respectGitignore?: boolean;
  targetVersion?: number;
  fix?: boolean;
  unsafeFixes?: boolean;
  outputFormat?: OutputFormat;
  showFixes?: boolean;
  extendJsonModules: string[];
  docsUrl?: string;
  extend?: string;
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function readToml(path: string, shown: string): Record<string, unknown> {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (e) {
    throw new ConfigError(`${shown}: cannot read the config file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  try {
    return parseToml(raw) as Record<string, unknown>;
  } catch (e) {
    throw new ConfigError(`${shown}: invalid TOML: ${(e as Error).message.split("\n")[0]}`);
  }
}

function validateSelectors(list: readonly string[], key: string, file: string): void {
  try {
    selectRulesLayered([{ select: list }]);
  } catch (e) {
    if (e instanceof UnknownSelectorError) throw new ConfigError(`${file}: \`${key}\`: ${e.message}`);
    throw e;
  }
}

/** `~` at the start of a path is the home directory, as ruff expands it in `extend`. */
function expandHome(path: string): string {
  return path === "~" ? homedir() : path.startsWith("~/") ? join(homedir(), path.slice(2)) : path;
}

/** Parse and validate one file's own settings. Every error names the file and the key. */
function readOwn(path: string, shown: string): OwnConfig {
  const file = resolve(path);
  const doc = readToml(file, shown);
  const isPyproject = basename(file) === "pyproject.toml";
  const table = isPyproject ? (isTable(doc.tool) ? doc.tool.dumpling : undefined) : doc;
  const prefix = isPyproject ? "tool.dumpling." : "";
  const dir = dirname(file);
  const own: OwnConfig = { selection: {}, fixable: {}, perFileIgnores: null, extendPerFileIgnores: [], exclude: null, extendExclude: [], include: null, extendInclude: [], extendJsonModules: [] };
  if (table === undefined) return own;
  if (!isTable(table)) throw new ConfigError(`${shown}: \`tool.dumpling\` must be a table`);
  for (const key of Object.keys(table)) {
    if (!(key in KEYS)) throw new ConfigError(`${shown}: unknown key \`${prefix}${key}\` (expected one of ${Object.keys(KEYS).join(", ")})`);
  }
  const typed = <T>(key: string, check: (v: unknown) => boolean, what: string): T | undefined => {
    const value = table[key];
    if (value === undefined) return undefined;
    if (!check(value)) throw new ConfigError(`${shown}: \`${prefix}${key}\` must be ${what}`);
    return value as T;
  };
  const list = (key: string) => typed<string[]>(key, (v) => Array.isArray(v) && v.every((x) => typeof x === "string"), "a list of strings");
  const bool = (key: string) => typed<boolean>(key, (v) => typeof v === "boolean", "true or false");
  const string = (key: string) => typed<string>(key, (v) => typeof v === "string", "a string");
  const rules = (key: string) => {
    const value = list(key);
    if (value) validateSelectors(value, prefix + key, shown);
    return value;
  };
  const globs = (key: string) => list(key)?.map((pattern) => ({ pattern, base: dir }));
  const perFile = (key: string): PerFileIgnore[] | null => {
    const value = table[key];
    if (value === undefined) return null;
    if (!isTable(value)) throw new ConfigError(`${shown}: \`${prefix}${key}\` must be a table of glob = [codes]`);
    return Object.entries(value).map(([pattern, codes]) => {
      const name = `${prefix}${key}."${pattern}"`;
      if (!Array.isArray(codes) || codes.some((x) => typeof x !== "string")) throw new ConfigError(`${shown}: \`${name}\` must be a list of strings`);
      validateSelectors(codes as string[], name, shown);
      return { pattern, base: dir, codes: codes as string[] };
    });
  };

  const required = string("required-version");
  if (required !== undefined) checkRequiredVersion(required, `${prefix}required-version`, shown);
  const ignore = rules("ignore");
  const extendIgnore = rules("extend-ignore");
  own.selection = {
    select: rules("select"),
    extendSelect: rules("extend-select"),
    // `extend-ignore` is ruff's older spelling of `ignore`: both remove from the same layer.
    ignore: ignore || extendIgnore ? [...(ignore ?? []), ...(extendIgnore ?? [])] : undefined,
  };
  own.fixable = { fixable: rules("fixable"), unfixable: rules("unfixable"), extendFixable: rules("extend-fixable") };
  own.perFileIgnores = perFile("per-file-ignores");
  own.extendPerFileIgnores = perFile("extend-per-file-ignores") ?? [];
  own.exclude = globs("exclude") ?? null;
  own.extendExclude = globs("extend-exclude") ?? [];
  own.include = globs("include") ?? null;
  own.extendInclude = globs("extend-include") ?? [];
  own.respectGitignore = bool("respect-gitignore");
  own.fix = bool("fix");
  own.unsafeFixes = bool("unsafe-fixes");
  own.showFixes = bool("show-fixes");
  const format = string("output-format");
  if (format !== undefined) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) throw new ConfigError(`${shown}: \`${prefix}output-format\` must be one of ${OUTPUT_FORMATS.join(", ")}`);
    own.outputFormat = format as OutputFormat;
  }
  const target = string("target-version");
  if (target !== undefined) own.targetVersion = parseTargetVersion(target, `${shown}: \`${prefix}target-version\``);
  own.extendJsonModules = list("extend-json-modules") ?? [];
  for (const m of own.extendJsonModules) {
    if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(m)) throw new ConfigError(`${shown}: \`${prefix}extend-json-modules\`: \`${m}\` is not a module name (a dotted name such as botocore.compat)`);
  }
  const docsUrl = table["docs-url"];
  if (docsUrl !== undefined) {
    if (typeof docsUrl !== "string" || docsUrl === "") throw new ConfigError(`${shown}: \`${prefix}docs-url\` must be a non-empty string (a URL)`);
    own.docsUrl = docsUrl;
  }
  const extend = string("extend");
  if (extend !== undefined) own.extend = resolve(dir, expandHome(extend));
  return own;
}

/** "py39" → 9; anything else is an error that says what is accepted. */
export function parseTargetVersion(value: string, where: string): number {
  const minor = targetMinor(value);
  if (minor === null) throw new ConfigError(`${where} must be one of ${TARGET_VERSIONS.join(", ")} (got \`${value}\`)`);
  return minor;
}

/** ruff's `required-version`: a PEP 440 specifier (`>=0.1`), or a bare version meaning exactly it. */
export function checkRequiredVersion(spec: string, key: string, shown: string): void {
  const range = /^\s*[0-9]/.test(spec) ? `==${spec.trim()}` : spec;
  const { satisfies, validRange } = versions();
  if (!validRange(range)) throw new ConfigError(`${shown}: \`${key}\` must be a version or a PEP 440 specifier such as ">=0.1" (got \`${spec}\`)`);
  if (!satisfies(VERSION, range)) throw new ConfigError(`${shown}: required version \`${spec}\` does not match the running version \`${VERSION}\``);
}

/**
 * The oldest Python 3 minor version a `requires-python` specifier allows, among those
 * target-version knows (3.7 to 3.14); undefined when it allows none of them or is not PEP 440.
 */
export function minimumMinor(requiresPython: string): number | undefined {
  const { satisfies, validRange } = versions();
  if (!validRange(requiresPython)) return undefined;
  for (let minor = 7; minor <= 14; minor++) {
    if ([0, 1, 99].some((patch) => satisfies(`3.${minor}.${patch}`, requiresPython))) return minor;
  }
  return undefined;
}

/** ruff's fallback for target-version: `project.requires-python` of the pyproject.toml beside the config. */
function requiresPythonMinor(dir: string): number | undefined {
  const pyproject = join(dir, "pyproject.toml");
  if (!existsSync(pyproject)) return undefined;
  try {
    const doc = parseToml(readFileSync(pyproject, "utf8")) as { project?: { "requires-python"?: unknown } };
    const spec = doc.project?.["requires-python"];
    return typeof spec === "string" ? minimumMinor(spec) : undefined;
  } catch {
    return undefined;
  }
}

/** A config file as messages name it: relative to the current directory when it is below it. */
function shownPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

/** Load a config file and the files it extends, `extend` applied as ruff combines them. */
export function loadConfig(path: string): DumplingConfig {
  return resolveChain(resolve(path), isAbsolute(path) ? shownPath(path) : path, []);
}

function resolveChain(file: string, shown: string, chain: string[]): DumplingConfig {
  if (chain.includes(file)) {
    throw new ConfigError(`${shownPath(chain[0] as string)}: circular \`extend\`: ${[...chain, file].map(shownPath).join(" -> ")}`);
  }
  const own = readOwn(file, shown);
  const dir = dirname(file);
  const base = own.extend ? resolveChain(own.extend, shownPath(own.extend), [...chain, file]) : null;
  const config: DumplingConfig = {
    path: file,
    dir,
    files: [file, ...(base?.files ?? [])],
    selections: [...(base?.selections ?? []), own.selection],
    fixables: [...(base?.fixables ?? []), own.fixable],
    perFileIgnores: own.perFileIgnores ?? base?.perFileIgnores ?? null,
    extendPerFileIgnores: [...(base?.extendPerFileIgnores ?? []), ...own.extendPerFileIgnores],
    exclude: own.exclude ?? base?.exclude ?? null,
    extendExclude: [...(base?.extendExclude ?? []), ...own.extendExclude],
    include: own.include ?? base?.include ?? null,
    extendInclude: [...(base?.extendInclude ?? []), ...own.extendInclude],
    respectGitignore: own.respectGitignore ?? base?.respectGitignore,
    targetVersion: own.targetVersion ?? base?.targetVersion,
    fix: own.fix ?? base?.fix,
    unsafeFixes: own.unsafeFixes ?? base?.unsafeFixes,
    outputFormat: own.outputFormat ?? base?.outputFormat,
    showFixes: own.showFixes ?? base?.showFixes,
    extendJsonModules: [...(base?.extendJsonModules ?? []), ...own.extendJsonModules],
    docsUrl: own.docsUrl ?? base?.docsUrl ?? null,
  };
  if (own.targetVersion !== undefined) config.targetVersionFrom = "target-version";
  else if (base?.targetVersion !== undefined) config.targetVersionFrom = base.targetVersionFrom;
  if (chain.length === 0 && config.targetVersion === undefined) {
    const inferred = requiresPythonMinor(dir);
    if (inferred !== undefined) {
      config.targetVersion = inferred;
      config.targetVersionFrom = "requires-python";
    }
  }
  return config;
}

function hasDumplingTable(pyproject: string): boolean {
  let text: string;
  try {
    text = readFileSync(pyproject, "utf8");
  } catch {
    return false;
  }
  try {
    const doc = parseToml(text) as { tool?: { dumpling?: unknown } };
    return doc.tool?.dumpling !== undefined;
  } catch {
    // A broken pyproject.toml is reported when it is the config, not when merely passed over.
    return /^\s*\[tool\.dumpling[\].]/m.test(text);
  }
}

/** The config file a directory holds, if any (.dumpling.toml, dumpling.toml, pyproject.toml with [tool.dumpling]). */
export function configFileIn(dir: string): string | null {
  for (const name of CONFIG_FILES) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    if (name !== "pyproject.toml" || hasDumplingTable(path)) return path;
  }
  return null;
}

const found = new Map<string, DumplingConfig | null>();

/**
 * The nearest config at or above `dir`; cached per directory (per thread), in `cache` when one
 * is given (a new Map: read the files as they are now).
 */
export function findConfig(dir: string, cache: Map<string, DumplingConfig | null> = found): DumplingConfig | null {
  // (keys are absolute: an absolute dir is looked up before resolve() normalises it, for a walk's every file)
  const hit = cache.get(dir);
  if (hit !== undefined) return hit;
  const abs = resolve(dir);
  const cached = cache.get(abs);
  if (cached !== undefined) return cached;
  let result: DumplingConfig | null;
  const file = configFileIn(abs);
  if (file) result = loadConfig(file);
  else {
    const parent = dirname(abs);
    result = parent === abs ? null : findConfig(parent, cache);
  }
  cache.set(abs, result);
  return result;
}

/** Forget every config read (--watch, after a config file changed). */
export function clearConfigCache(): void {
  found.clear();
  explicitConfigs.clear();
  matchers.clear();
  excluders.clear();
}

const explicitConfigs = new Map<string, DumplingConfig>();

/** A file named with --config, read once per run (per thread). */
export function loadConfigOnce(file: string): DumplingConfig {
  let config = explicitConfigs.get(file);
  if (!config) explicitConfigs.set(file, (config = loadConfig(file)));
  return config;
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

/** Globs given by several files (through `extend`): one Excluder per directory they are relative to. */
function excludersOf(globs: readonly Glob[]): Excluder[] {
  const byBase = new Map<string, string[]>();
  for (const g of globs) byBase.set(g.base, [...(byBase.get(g.base) ?? []), g.pattern]);
  return [...byBase].map(([base, patterns]) => excluderFor(patterns, base));
}

/** The codes a selector list names (validated where the list was read). */
function codesOf(list: readonly string[]): Set<string> {
  return new Set(selectRulesLayered([{ select: list }]).map((r) => r.meta.code));
}

/**
 * Whether `config`'s `exclude` (the built-in list when it has none) and `extend-exclude` skip a
 * file, as `check --force-exclude FILE` decides; `root` is the directory the built-in list is
 * relative to when there is no config (the command line's current directory).
 */
export function configExcludes(config: DumplingConfig | null, path: string, root: string): boolean {
  const defaults = DEFAULT_EXCLUDES.map((pattern) => ({ pattern, base: config?.dir ?? root }));
  const abs = resolve(path);
  return excludersOf([...(config?.exclude ?? defaults), ...(config?.extendExclude ?? [])]).some((e) => e.excludes(abs, false));
}

/** The rules for one file: the config's selections, the command line's over them, minus per-file-ignores. */
export function rulesForFile(path: string, config: DumplingConfig | null, cli: Selection): string[] {
  const layers = config ? [...config.selections, cli] : [cli];
  let rules = selectRulesLayered(layers);
  if (config) {
    const entries = [...(config.perFileIgnores ?? []), ...config.extendPerFileIgnores];
    const ignored = entries.filter((p) => globMatches(p.pattern, path, p.base, false)).flatMap((p) => p.codes);
    if (ignored.length > 0) {
      const drop = codesOf(ignored);
      rules = rules.filter((r) => !drop.has(r.meta.code));
    }
  }
  return rules.map((r) => r.meta.code);
}

/**
 * The codes whose fixes are kept, as ruff layers `fixable` (replaces; every rule by default),
 * `extend-fixable` (adds) and `unfixable` (removes): the config's layers, then the command line's.
 */
export function fixableCodes(config: DumplingConfig | null, cli: FixableSelection): Set<string> {
  let current = new Set(RULES.map((r) => r.meta.code));
  for (const layer of [...(config?.fixables ?? []), cli]) {
    if (layer.fixable) current = codesOf(layer.fixable);
    if (layer.extendFixable) for (const code of codesOf(layer.extendFixable)) current.add(code);
    if (layer.unfixable) for (const code of codesOf(layer.unfixable)) current.delete(code);
  }
  return current;
}

export interface DiscoveryFilter {
  /** Whether discovery skips a path (a walked one, or a named one with --force-exclude); `abs` saves resolving it. */
  isExcluded(path: string, isDirectory: boolean, abs?: string): boolean;
  /** Whether a file met while walking a directory is checked (`include`, `extend-include`). */
  isIncluded(path: string, abs?: string): boolean;
}

/** The run's own configuration (for run-wide keys like `docs-url`): `--config FILE`, else the nearest to the working directory. */
export function runConfig(file: string | null): DumplingConfig | null {
  return file ? loadConfigOnce(file) : findConfig(process.cwd());
}

/**
 * What discovery skips and takes: the configuration's `exclude` (the built-in directory list
 * when it has none) and `extend-exclude`, `include` (`*.py`, `*.pyi` when it has none) and
 * `extend-include`, relative to the files that give them, and the command line's `--exclude` and
 * `--extend-include`, relative to the current directory. `configFile`: the file named with
 * --config (then every path uses it); null: each path's nearest; `useConfig` false: none.
 */
export function discoveryFilter(cli: { exclude: readonly string[]; extendInclude?: readonly string[] }, configFile: string | null, useConfig: boolean): DiscoveryFilter {
  const cwd = process.cwd();
  const explicit = useConfig && configFile ? loadConfigOnce(configFile) : null;
  const fromCommandLine = cli.exclude.length > 0 ? excluderFor(cli.exclude, cwd) : null;
  const cliInclude = (cli.extendInclude ?? []).map((pattern) => ({ pattern, base: cwd }));
  const configOf = (abs: string) => (useConfig ? (explicit ?? findConfig(dirname(abs))) : null);
  const excludersByConfig = new Map<DumplingConfig | null, Excluder[]>();
  const includesByConfig = new Map<DumplingConfig | null, Glob[]>();
  return {
    isExcluded(path, isDirectory, absPath) {
      const abs = absPath ?? resolve(path);
      const config = configOf(abs);
      let list = excludersByConfig.get(config);
      if (!list) {
        const defaults = DEFAULT_EXCLUDES.map((pattern) => ({ pattern, base: config?.dir ?? cwd }));
        excludersByConfig.set(config, (list = excludersOf([...(config?.exclude ?? defaults), ...(config?.extendExclude ?? [])])));
      }
      return list.some((e) => e.excludes(abs, isDirectory)) || (fromCommandLine?.excludes(abs, isDirectory) ?? false);
    },
    isIncluded(path, absPath) {
      const abs = absPath ?? resolve(path);
      const config = configOf(abs);
      let globs = includesByConfig.get(config);
      if (!globs) {
        const defaults = DEFAULT_INCLUDE.map((pattern) => ({ pattern, base: config?.dir ?? cwd }));
        includesByConfig.set(config, (globs = [...(config?.include ?? defaults), ...(config?.extendInclude ?? []), ...cliInclude]));
      }
      return globs.some((g) => globMatchesAbsolute(g.pattern, abs, g.base, false));
    },
  };
}
