// Running CPython, the oracle: $PYTHON, or python3. In CI (see inCI) a missing one fails the
// suite; elsewhere the tests that need it are skipped with a visible message.
import { spawnSync } from "node:child_process";
import { inCI } from "./env.js";

export const PYTHON = process.env.PYTHON || "python3";

function probe(): string | null {
  const r = spawnSync(PYTHON, ["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

export const pythonVersion = probe();

if (!pythonVersion) {
  const message = `${PYTHON} was not found: the tests that compare with CPython cannot run`;
  if (inCI()) throw new Error(message);
  console.warn(`SKIPPING: ${message}`);
}

/** Run a Python script (with python3, or `python`) with JSON on stdin; return its stdout parsed as JSON. */
export function runPythonJson<T>(script: string, input: unknown, cwd?: string, python = PYTHON): T {
  const r = spawnSync(python, ["-c", script], { input: JSON.stringify(input), encoding: "utf8", cwd, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python3 failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

// Each snippet runs in a fresh directory of its own (holding `o.json`, so "r+b" can open it),
// after a prelude that defines `d` and `rows`, with sys.stdout and sys.stderr (text, with a
// .buffer) captured. The result is the last line of its traceback, or null when it ran cleanly.
const RUN_SNIPPETS = String.raw`
import io, json, os, sys, tempfile, traceback
out = []
for code in json.load(sys.stdin):
    os.chdir(tempfile.mkdtemp(dir=sys.argv[1]))
    with open("o.json", "w", encoding="utf-8") as f:
        f.write('{"a": 1}')
    g = {"__name__": "__main__"}
    exec('d = {"a": 1, "b": [1, 2.5, None]}\nrows = [{"a": 1}, {"b": "\u00e9"}]', g)
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = io.TextIOWrapper(io.BytesIO()), io.TextIOWrapper(io.BytesIO())
    try:
        exec(compile(code, "snippet.py", "exec"), g)
        result = None
    except BaseException as e:
        result = traceback.format_exception_only(type(e), e)[-1].strip()
    finally:
        sys.stdout, sys.stderr = saved
    out.append(result)
print(json.dumps(out))
`;

/** Run Python snippets in CPython (see RUN_SNIPPETS): the last line of each one's traceback, or null. */
export function runSnippets(snippets: string[], dir: string): (string | null)[] {
  const r = spawnSync(PYTHON, ["-c", RUN_SNIPPETS, dir], { input: JSON.stringify(snippets), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python3 failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as (string | null)[];
}
