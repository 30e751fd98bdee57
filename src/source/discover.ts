// Paths → files. Directories are walked in sorted order, `.gitignore` files honoured (those
// of the directory's ancestors up to the repository root, and every one met on the way),
// well-known tool and environment directories skipped, `.py` and `.pyi` files taken (or what
// `isIncluded` takes). Paths named explicitly are always taken.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";

export const DEFAULT_EXCLUDES = [
  ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".mypy_cache", ".nox", ".pants.d", ".pytype",
  ".ruff_cache", ".svn", ".tox", ".venv", "__pypackages__", "__pycache__", "_build", "buck-out", "dist",
  "node_modules", "site-packages", "venv",
];

export type Discovered =
  | { kind: "file"; path: string; explicit: boolean }
  | { kind: "stdin" }
  | { kind: "error"; path: string; reason: string };

export interface DiscoverOptions {
  respectGitignore?: boolean;
  /** Extra exclusion test on a path (relative or as given; `abs`: the same path absolute, when the walk has it); true excludes it. */
  isExcluded?: (path: string, isDirectory: boolean, abs?: string) => boolean;
  /** Which files met while walking are taken (default: `.py` and `.pyi`); named files always are. */
  isIncluded?: (path: string, abs?: string) => boolean;
  /** Apply exclusions to explicitly named files too. */
  forceExclude?: boolean;
  /** Skip DEFAULT_EXCLUDES directories (default true; false when `isExcluded` decides them itself). */
  defaultExcludes?: boolean;
  /** Told of each directory named in `paths` in which nothing was found to check (for a warning). */
  onEmptyDirectory?: (path: string) => void;
}

interface Matcher {
  base: string; // absolute directory of the .gitignore
  ig: Ignore;
}

const PYTHON_FILE = /\.pyi?$/;
const isPythonFile = (path: string) => PYTHON_FILE.test(path);

export function* discover(paths: readonly string[], options: DiscoverOptions = {}): Generator<Discovered> {
  const respectGitignore = options.respectGitignore ?? true;
  for (const p of paths) {
    if (p === "-") {
      yield { kind: "stdin" };
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      yield { kind: "error", path: p, reason: describeFsError(e) };
      continue;
    }
    if (st.isDirectory()) {
      let matchers = respectGitignore ? ancestorMatchers(resolve(p)) : [];
      // A directory named on the command line is checked even if its repository ignores it.
      if (isIgnored(matchers, resolve(p), true)) matchers = [];
      let found = 0;
      for (const entry of walk(p, resolve(p), matchers, options, new Set([safeRealpath(p)]))) {
        found++;
        yield entry;
      }
      if (found === 0) options.onEmptyDirectory?.(p);
    } else if (st.isFile()) {
      if (options.forceExclude && options.isExcluded?.(p, false)) continue;
      yield { kind: "file", path: p, explicit: true };
    } else {
      yield { kind: "error", path: p, reason: "not a regular file or directory" };
    }
  }
}

function safeRealpath(p: string): string {
  try {
    // One system call, where the JavaScript version looks at every component of the path.
    return realpathSync.native(p);
  } catch {
    return resolve(p);
  }
}

function* walk(dir: string, absDir: string, matchers: Matcher[], options: DiscoverOptions, seen: Set<string>): Generator<Discovered> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    // Named with its trailing separator: it then sorts where its files would have been.
    yield { kind: "error", path: dir.endsWith(sep) ? dir : dir + sep, reason: describeFsError(e) };
    return;
  }
  const respect = options.respectGitignore ?? true;
  const included = options.isIncluded ?? isPythonFile;
  // The listing says whether there is a .gitignore: no failed open per directory.
  const local = respect && entries.some((e) => e.name === ".gitignore") ? readGitignore(absDir) : null;
  const active = local ? [...matchers, local] : matchers;
  // Each entry's kind, following symbolic links (a broken one is reported).
  const items = entries.map((entry) => {
    if (!entry.isSymbolicLink()) return { name: entry.name, isDir: entry.isDirectory(), isFile: entry.isFile(), error: null };
    try {
      const st = statSync(join(dir, entry.name));
      return { name: entry.name, isDir: st.isDirectory(), isFile: st.isFile(), error: null };
    } catch (e) {
      return { name: entry.name, isDir: false, isFile: false, error: describeFsError(e) };
    }
  });
  // Sorted as full paths compare ("a.py" before "a/x.py", as "." < "/"): a walk then yields
  // files in the JSON report's order, so results can be written as they come.
  const key = (item: { name: string; isDir: boolean }) => (item.isDir ? `${item.name}/` : item.name);
  items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  // (absDir is resolved: a name joins it without normalising the whole path again)
  const absPrefix = absDir.endsWith(sep) ? absDir : absDir + sep;
  for (const { name, isDir, isFile, error } of items) {
    const path = join(dir, name);
    const abs = absPrefix + name;
    if (error !== null) {
      // A broken link is reported only where a Python file was meant (`docs/latest -> build/` is not one).
      if (included(path, abs)) yield { kind: "error", path, reason: error };
      continue;
    }
    if (!isDir && !isFile) continue; // FIFOs, sockets, devices: never opened
    if (isDir && (options.defaultExcludes ?? true) && DEFAULT_EXCLUDES.includes(name)) continue;
    if (isIgnored(active, abs, isDir)) continue;
    if (options.isExcluded?.(path, isDir, abs)) continue;
    if (isDir) {
      const real = safeRealpath(path);
      if (seen.has(real)) continue; // a symlink loop, or a second way into the same tree
      seen.add(real);
      yield* walk(path, abs, active, options, seen);
    } else if (included(path, abs)) {
      yield { kind: "file", path, explicit: false };
    }
  }
}

function readGitignore(absDir: string): Matcher | null {
  let content: string;
  try {
    content = readFileSync(join(absDir, ".gitignore"), "utf8");
  } catch {
    return null;
  }
  return { base: absDir, ig: ignore().add(content) };
}

/** .gitignore files above a walked directory, up to the enclosing repository's root. */
function ancestorMatchers(absDir: string): Matcher[] {
  const dirs: string[] = [];
  let d = dirname(absDir);
  let inRepo = existsSync(join(absDir, ".git"));
  for (let prev = ""; d !== prev && !inRepo; prev = d, d = dirname(d)) {
    dirs.push(d);
    if (existsSync(join(d, ".git"))) inRepo = true;
  }
  if (!inRepo) return [];
  return dirs.reverse().map(readGitignore).filter((m): m is Matcher => m !== null);
}

/** The deepest .gitignore with an opinion decides, as in git. */
function isIgnored(matchers: Matcher[], abs: string, isDir: boolean): boolean {
  let ignored = false;
  for (const m of matchers) {
    let rel = relative(m.base, abs);
    if (!rel || rel.startsWith("..")) continue;
    if (sep !== "/") rel = rel.split(sep).join("/");
    const r = m.ig.test(isDir ? `${rel}/` : rel);
    if (r.ignored) ignored = true;
    else if (r.unignored) ignored = false;
  }
  return ignored;
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return "too many levels of symbolic links";
    case "EISDIR":
      return "is a directory";
    case "ENAMETOOLONG":
      return "file name too long";
    default:
      return (e as Error)?.message ?? String(e);
  }
}

