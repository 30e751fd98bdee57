// orjson and ujson, the json-compatible libraries the model knows, installed at pinned versions in
// a venv of their own: the oracle for every claim about them (as python3 is for json's). The venv
// is cached under node_modules/.cache, keyed by the Python and library versions, so a test run
// installs it once; it is built in a temporary directory and renamed into place, so test files
// running at once never see half of it. In CI (see inCI) a failed install fails the suite;
// elsewhere the tests that need it are skipped with a visible message.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { inCI } from "./env.js";
import { PYTHON, pythonVersion } from "./python.js";

// The pinned versions: the model's (src/python/signatures.ts), which every orjson/ujson claim is checked with.
import { LIBRARY_VERSIONS } from "../../src/python/signatures.js";
export { LIBRARY_VERSIONS };
/** simplejson, for the README's table of what differs between the four (the model itself reads
 * simplejson's signature from 3.19; the table records the version it was measured with). */
export const SIMPLEJSON_VERSION = "4.1.2";

const CACHE = resolve("node_modules/.cache/dumpling-libraries");

function install(): string | null {
  if (!pythonVersion) return null;
  const key = `py${pythonVersion}-orjson${LIBRARY_VERSIONS.orjson}-ujson${LIBRARY_VERSIONS.ujson}-simplejson${SIMPLEJSON_VERSION}`;
  const dir = join(CACHE, key);
  const python = join(dir, "bin", "python");
  if (existsSync(join(dir, "installed"))) return python;
  mkdirSync(CACHE, { recursive: true });
  // One test file installs; the others (vitest runs files in parallel workers) wait for it.
  const lock = `${dir}.lock`;
  let deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(join(dir, "installed"))) return python;
      if (Date.now() > deadline) {
        rmSync(lock, { recursive: true, force: true }); // a run that died while installing
        deadline = Date.now() + 10 * 60_000;
        continue;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    return existsSync(join(dir, "installed")) ? python : build(key, dir, python);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function build(key: string, dir: string, python: string): string | null {
  const tmp = join(CACHE, `${key}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  const fail = (what: string): null => {
    rmSync(tmp, { recursive: true, force: true });
    const message = `orjson ${LIBRARY_VERSIONS.orjson}, ujson ${LIBRARY_VERSIONS.ujson} and simplejson ${SIMPLEJSON_VERSION} could not be installed (${what}): the tests that compare with them cannot run`;
    if (inCI()) throw new Error(message);
    console.warn(`SKIPPING: ${message}`);
    return null;
  };
  const venv = spawnSync(PYTHON, ["-m", "venv", tmp], { encoding: "utf8" });
  if (venv.status !== 0) return fail(`venv: ${venv.stderr}`);
  const pip = spawnSync(join(tmp, "bin", "pip"), ["install", "--disable-pip-version-check", "-q", `orjson==${LIBRARY_VERSIONS.orjson}`, `ujson==${LIBRARY_VERSIONS.ujson}`, `simplejson==${SIMPLEJSON_VERSION}`], { encoding: "utf8" });
  if (pip.status !== 0) return fail(`pip: ${pip.stderr}`);
  writeFileSync(join(tmp, "installed"), `orjson ${LIBRARY_VERSIONS.orjson}, ujson ${LIBRARY_VERSIONS.ujson}, simplejson ${SIMPLEJSON_VERSION}\n`);
  try {
    renameSync(tmp, dir);
  } catch {
    // Another test file installed it first.
    rmSync(tmp, { recursive: true, force: true });
  }
  return existsSync(join(dir, "installed")) ? python : fail("the venv did not land in place");
}

/** The venv's python, with orjson, ujson and simplejson importable; null (skip) when they cannot be installed outside CI. */
export const libraryPython: string | null = install();

/** Run Python code in the venv; the last line of its traceback, or null when it ran cleanly, and its stdout. */
export function runWithLibraries(code: string): { error: string | null; stdout: string } {
  if (!libraryPython) throw new Error("orjson/ujson are not installed");
  const r = spawnSync(libraryPython, ["-c", code], { encoding: "utf8", cwd: CACHE });
  const lines = r.stderr.trim().split("\n");
  return { error: r.status === 0 ? null : (lines[lines.length - 1] ?? ""), stdout: r.stdout };
}
