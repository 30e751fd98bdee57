// The GitHub Action (action.yml), its steps run as the runner runs a composite action's bash
// steps (`bash --noprofile --norc -eo pipefail`), with `${{ inputs.* }}` filled in from the
// inputs given or their defaults and GITHUB_ACTION_PATH set to a fresh clone of this commit (what
// `uses:` checks out); npm installs into a temporary global prefix.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cleanClone, prefix } from "./support/install.js";

interface Step {
  name: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}

interface Action {
  inputs: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync("action.yml", "utf8")) as Action;

/** `${{ inputs.x }}` and `${{ github.action_path }}`; any other expression is not expected here. */
function expand(text: string, inputs: Record<string, string>, actionPath: string): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expr);
    if (input) {
      const name = input[1] as string;
      if (!(name in action.inputs)) throw new Error(`action.yml uses an undeclared input: ${name}`);
      return inputs[name] ?? action.inputs[name]?.default ?? "";
    }
    if (expr === "github.action_path") return actionPath;
    throw new Error(`action.yml uses an expression the test does not know: ${expr}`);
  });
}

function runAction(workspace: string, inputs: Record<string, string>, actionPath: string) {
  const p = prefix();
  const results: { name: string; status: number | null; stdout: string; stderr: string }[] = [];
  for (const step of action.runs.steps) {
    expect(step.uses, "a step the test cannot run").toBeUndefined();
    expect(step.shell).toBe("bash");
    const env: NodeJS.ProcessEnv = { ...p.env, GITHUB_ACTION_PATH: actionPath, GITHUB_WORKSPACE: workspace };
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = expand(String(value), inputs, actionPath);
    const script = expand(step.run ?? "", inputs, actionPath);
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], { cwd: workspace, env, encoding: "utf8", timeout: 590_000, maxBuffer: 64 * 1024 * 1024 });
    results.push({ name: step.name, status: r.status, stdout: r.stdout, stderr: r.stderr });
    if (r.status !== 0) break;
  }
  return results;
}

describe("the GitHub Action", () => {
  it("is a composite action whose inputs are declared", () => {
    expect(action.runs.using).toBe("composite");
    expect(Object.keys(action.inputs).sort()).toEqual(["args", "src"]);
  });

  it("its steps install dumpling from the action's checkout and annotate the workspace's mistakes", () => {
    const actionPath = cleanClone();
    const workspace = mkdtempSync(join(tmpdir(), "dumpling-workspace-"));
    writeFileSync(join(workspace, "app.py"), 'import json\nwith open("c.json") as f:\n    data = json.loads(f.read())\nbody = json.dump(data)\n');
    writeFileSync(join(workspace, "ok.py"), "import json\nprint(json.dumps({}))\n");
    const [install, check, ...rest] = runAction(workspace, {}, actionPath);
    expect(rest).toEqual([]);
    expect(install!.status, install!.stderr).toBe(0);
    // The default inputs: the whole workspace, default rules; the step fails, as a check with findings should.
    expect(check!.status).toBe(1);
    expect(check!.stderr).toBe("");
    expect(check!.stdout.trimEnd().split("\n")).toEqual([
      "::warning title=dumpling (JSN021),file=app.py,line=2,col=6,endLine=2,endColumn=20::JSN021 `open(\"c.json\")` has no `encoding=`: the locale's encoding is used (cp1252 on Windows) and `json.loads()` reads it; pass `encoding=\"utf-8\"`",
      "::warning title=dumpling (JSN101),file=app.py,line=3,col=12,endLine=3,endColumn=32::JSN101 `json.loads(f.read())` is what `json.load(f)` does; use `json.load(f)`",
      "::error title=dumpling (JSN001),file=app.py,line=4,col=8,endLine=4,endColumn=23::JSN001 `json.dump()` needs a file to write to; use `json.dumps()` to get a string",
    ]);
    // args and src: several options, one path.
    const [, only] = runAction(workspace, { args: "--select JSN001 --exit-zero", src: "app.py" }, actionPath);
    expect(only!.status).toBe(0);
    expect(only!.stdout).toMatch(/^::error title=dumpling \(JSN001\),file=app\.py,line=4,/);
    expect(only!.stdout.trimEnd().split("\n")).toHaveLength(1);
    const [, clean] = runAction(workspace, { src: "ok.py" }, actionPath);
    expect(clean).toMatchObject({ status: 0, stdout: "", stderr: "" });
  }, 900_000);
});
