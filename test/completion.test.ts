// `dumpling completion bash|zsh|fish`: each script loaded into its shell, and completion asked
// for, as a user's Tab would (bash: the completion function with COMP_WORDS; fish: `complete
// -C`; zsh: an interactive shell on a pseudo-terminal, Tab pressed). zsh and fish come from
// Debian's packages (.ci/run installs them); without them those tests are skipped with a visible
// message, except in CI, where that is a failure.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OUTPUT_FORMATS } from "../src/report/types.js";
import { dumpling } from "./support/cli.js";
import { inCI } from "./support/env.js";

function shell(name: string): boolean {
  const ok = spawnSync(name, ["-c", "exit 0"]).status === 0;
  if (!ok) {
    const message = `${name} was not found: its completion test cannot run (apt-get install ${name})`;
    if (inCI()) throw new Error(message);
    console.warn(`SKIPPING: ${message}`);
  }
  return ok;
}

const dir = mkdtempSync(join(tmpdir(), "dumpling-completion-"));
function script(name: "bash" | "zsh" | "fish"): string {
  const r = dumpling(["completion", name]);
  expect(r).toMatchObject({ status: 0, stderr: "" });
  const path = join(dir, name === "zsh" ? "_dumpling" : `dumpling.${name}`);
  writeFileSync(path, r.stdout);
  return path;
}

describe("completion", () => {
  it("bash: commands, options, their values, rule codes", () => {
    const path = script("bash");
    const complete = (...words: string[]) => {
      const r = spawnSync("bash", ["-c", `source ${JSON.stringify(path)}; COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(" ")}); COMP_CWORD=${words.length - 1}; _dumpling; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: "utf8" });
      expect(r.stderr).toBe("");
      return r.stdout.split("\n").filter(Boolean);
    };
    expect(complete("dumpling", "")).toEqual(["check", "convert", "server", "rules", "rule", "completion", "--help", "--version"]);
    expect(complete("dumpling", "ch")).toEqual(["check"]);
    expect(complete("dumpling", "check", "--output-format", "")).toEqual([...OUTPUT_FORMATS]);
    expect(complete("dumpling", "check", "--output-format", "j")).toEqual(["json", "json-lines", "junit"]);
    expect(complete("dumpling", "check", "--add")).toEqual(["--add-noqa"]);
    expect(complete("dumpling", "check", "--select", "JSN10")).toEqual(["JSN100", "JSN101", "JSN102"]);
    expect(complete("dumpling", "check", "--target-version", "py31")).toEqual(["py310", "py311", "py312", "py313", "py314"]);
    expect(complete("dumpling", "completion", "")).toEqual(["bash", "zsh", "fish"]);
    expect(complete("dumpling", "convert", "--mode", "")).toEqual(["exact", "native"]);
  });

  it.skipIf(!shell("fish"))("fish: the same, through `complete -C`", () => {
    const path = script("fish");
    const complete = (line: string) => {
      const r = spawnSync("fish", ["--no-config", "-c", `source ${JSON.stringify(path)}; complete -C${JSON.stringify(line)}`], { encoding: "utf8" });
      expect(r.stderr).toBe("");
      return r.stdout.split("\n").filter(Boolean).map((l) => l.split("\t")[0]);
    };
    expect(complete("dumpling ")).toEqual(["check", "completion", "convert", "rule", "rules", "server"]);
    expect(complete("dumpling check --output-format ").sort()).toEqual([...OUTPUT_FORMATS].sort());
    expect(complete("dumpling check --stat")).toEqual(["--statistics"]);
    expect(complete("dumpling check --color ")).toEqual(["always", "auto", "never"]);
  });

  it.skipIf(!shell("zsh"))("zsh: Tab in an interactive shell lists the values", () => {
    script("zsh");
    // zsh's zpty drives an interactive zsh on a pseudo-terminal: the script is on $fpath, compinit
    // loads it, and Tab is pressed twice after `--output-format `.
    const driver = `
zmodload zsh/zpty
zpty z 'zsh -f -i'
zpty -w z 'PS1="> "; fpath=(${dir} $fpath); autoload -U compinit; compinit -u -D; echo READY-$((1+1))'
zpty -r -m z out '*READY-2*' || exit 3
zpty -w -n z $'dumpling check --output-format \\t'
sleep 1
zpty -w -n z $'\\t'
sleep 1
zpty -w z $'\\C-u echo DONE-$((2+2))'
zpty -r -m z out '*DONE-4*' || exit 4
print -r -- "$out"
zpty -d z
`;
    const r = spawnSync("zsh", ["-f", "-c", driver], { encoding: "utf8", timeout: 30_000 });
    expect(r.status).toBe(0);
    const shown = r.stdout.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "");
    for (const format of OUTPUT_FORMATS) expect(shown).toMatch(new RegExp(`(^|\\s)${format}(\\s|$)`, "m"));
    expect(spawnSync("zsh", ["-n", join(dir, "_dumpling")]).status).toBe(0);
  });

  it("an unknown shell is a usage error", () => {
    expect(dumpling(["completion", "tcsh"])).toMatchObject({ status: 2, stdout: "" });
  });
});
