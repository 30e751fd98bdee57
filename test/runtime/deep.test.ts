// Deep nesting: neither loads nor dumps may overflow the JS stack, at any depth; by default both raise
// RecursionError exactly where CPython does when called from a module's top level (checked live).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { PyRecursionError, dump, dumps, loads } from "../../src/runtime/index.js";
import { pythonAvailable } from "../support/python-oracle.js";
import { PYTHON } from "../support/python.js";
import { attempt } from "./support.js";

const hasPython = pythonAvailable();

function nestList(n: number): unknown {
  let v: unknown = [];
  for (let i = 1; i < n; i++) v = [v];
  return v;
}
function nestDict(n: number): unknown {
  let v: unknown = {};
  for (let i = 1; i < n; i++) v = { a: v };
  return v;
}

describe("deep nesting never overflows the JS stack", () => {
  const N = 200_000;
  it("loads and dumps 200,000 nested arrays and objects with maxDepth: Infinity", () => {
    const arr = "[".repeat(N) + "]".repeat(N);
    const v = loads(arr, { maxDepth: Infinity });
    let depth = 0;
    for (let x = v; Array.isArray(x); x = x[0]) depth++;
    expect(depth).toBe(N);
    expect(dumps(v, { maxDepth: Infinity })).toBe(arr);
    const obj = '{"a": '.repeat(N) + "1" + "}".repeat(N);
    expect(dumps(loads(obj, { maxDepth: Infinity }), { maxDepth: Infinity })).toBe(obj);
    expect(dumps(nestDict(N), { maxDepth: Infinity, indent: 0 }).length).toBeGreaterThan(N * 6);
  });

  it("raises RecursionError (not a JS RangeError) on deep input by default", () => {
    const r = attempt(() => loads("[".repeat(N) + "]".repeat(N)));
    expect("error" in r && r.error instanceof PyRecursionError).toBe(true);
    const d = attempt(() => dumps(nestList(N)));
    expect("error" in d && d.error instanceof PyRecursionError).toBe(true);
    const cyc: unknown[] = [];
    cyc.push(cyc);
    const c = attempt(() => dumps(cyc, { checkCircular: false, maxDepth: 50_000 }));
    expect("error" in c && c.error instanceof PyRecursionError).toBe(true);
  });
});

describe.skipIf(!hasPython)("RecursionError thresholds match CPython at module level (fresh python3)", () => {
  it("loads, dumps, dumps(indent) and dump around depth 995", () => {
    // Each probe runs in its own module-level script, as a program's top-level call would.
    const probes: [string, (n: number) => unknown][] = [
      ["json.loads('[' * N + ']' * N)", (n) => loads("[".repeat(n) + "]".repeat(n))],
      ["json.loads('{\"a\": ' * N + '1' + '}' * N)", (n) => loads('{"a": '.repeat(n) + "1" + "}".repeat(n))],
      // nesting that a later duplicate key drops from the value still raises
      ["json.loads('{\"k\": ' + '[' * (N - 1) + ']' * (N - 1) + ', \"k\": 1}')", (n) => loads('{"k": ' + "[".repeat(n - 1) + "]".repeat(n - 1) + ', "k": 1}')],
      ["json.dumps(l(N))", (n) => dumps(nestList(n))],
      ["json.dumps(d(N))", (n) => dumps(nestDict(n))],
      ["json.dumps(l(N), indent=1)", (n) => dumps(nestList(n), { indent: 1 })],
      ["json.dump(d(N), io.StringIO())", (n) => dump(nestDict(n), { write: () => undefined })],
    ];
    for (const [expr, js] of probes) {
      for (const n of [994, 995, 996, 997, 998]) {
        const script = [
          "import io, json, sys",
          "def l(n):",
          "    v = []",
          "    for _ in range(n - 1): v = [v]",
          "    return v",
          "def d(n):",
          "    v = {}",
          "    for _ in range(n - 1): v = {'a': v}",
          "    return v",
          `N = ${n}`,
          "try:",
          `    ${expr}`,
          "    print('ok')",
          "except RecursionError as e:",
          "    print('RecursionError: ' + str(e))",
        ].join("\n");
        const run = spawnSync(PYTHON, ["-c", script], { encoding: "utf8" });
        expect(run.stderr).toBe("");
        const py = run.stdout.trim();
        const r = attempt(() => js(n));
        expect(`${expr} N=${n}: ${"error" in r ? String(r.error) : "ok"}`).toBe(`${expr} N=${n}: ${py}`);
      }
    }
    // 35 fresh python3 processes: over a minute when the machine's 2 cores are busy.
  }, 300_000);
});
