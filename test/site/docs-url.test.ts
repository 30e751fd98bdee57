// `--docs-url` / `docs-url`: where json's `url`, json-lines', SARIF's `helpUri`, `rules`' `url` and
// the library's `url` point. Default: the package's Markdown page, docs/rules/<name>.md.
import { describe, expect, it } from "vitest";
import { lint, rules } from "../../src/api/index.js";
import { ruleUrl } from "../../src/rules/index.js";
import { dumpling } from "../support/cli.js";
import { tree } from "../support/tree.js";

const SOURCE = "import json\njson.dump(d)\n";
const SITE = "https://example.org/dumpling/rules/";

describe("docs-url", () => {
  it("makes a rule's page from a base (the site's <name>.html) or a template", () => {
    expect(ruleUrl("dump-missing-file")).toBe("docs/rules/dump-missing-file.md");
    expect(ruleUrl("dump-missing-file", SITE)).toBe(`${SITE}dump-missing-file.html`);
    expect(ruleUrl("dump-missing-file", "https://example.org/rules")).toBe("https://example.org/rules/dump-missing-file.html");
    expect(ruleUrl("dump-missing-file", "https://example.org/r/{code}#{name}")).toBe("https://example.org/r/JSN001#dump-missing-file");
  });

  it("--docs-url sets json's url, json-lines' and SARIF's helpUri", () => {
    const dir = tree({ "a.py": SOURCE });
    const json = JSON.parse(dumpling(["check", "a.py", "--output-format", "json", "--docs-url", SITE], { cwd: dir }).stdout);
    expect(json.map((d: { url: string }) => d.url)).toEqual([`${SITE}dump-missing-file.html`]);
    const lines = dumpling(["check", "a.py", "--output-format", "json-lines", "--docs-url", SITE], { cwd: dir }).stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[0].url).toBe(`${SITE}dump-missing-file.html`);
    const sarif = JSON.parse(dumpling(["check", "a.py", "--output-format", "sarif", "--docs-url", SITE], { cwd: dir }).stdout);
    const helpUris = sarif.runs[0].tool.driver.rules.map((r: { helpUri: string }) => r.helpUri);
    expect(helpUris).toEqual(rules().map((r) => `${SITE}${r.name}.html`));
    const listed = JSON.parse(dumpling(["rules", "--output-format", "json", "--docs-url", SITE], { cwd: dir }).stdout);
    expect(listed[1].url).toBe(`${SITE}dump-missing-file.html`);
  });

  it("docs-url in the configuration, which --docs-url overrides; default unchanged", () => {
    const dir = tree({ "a.py": SOURCE, "pyproject.toml": `[tool.dumpling]\ndocs-url = "https://docs.example/{name}/"\n` });
    const url = (args: string[] = []) => JSON.parse(dumpling(["check", "a.py", "--output-format", "json", ...args], { cwd: dir }).stdout)[0].url;
    expect(url()).toBe("https://docs.example/dump-missing-file/");
    expect(url(["--docs-url", SITE])).toBe(`${SITE}dump-missing-file.html`);
    expect(url(["--isolated"])).toBe("docs/rules/dump-missing-file.md");
    const sarif = JSON.parse(dumpling(["check", "a.py", "--output-format", "sarif"], { cwd: dir }).stdout);
    expect(sarif.runs[0].tool.driver.rules[1].helpUri).toBe("https://docs.example/dump-missing-file/");
  });

  it("a docs-url that is not a string is a configuration error", () => {
    const dir = tree({ "a.py": SOURCE, "dumpling.toml": "docs-url = 3\n" });
    const r = dumpling(["check", "a.py"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("`docs-url` must be a non-empty string");
  });

  it("the library's url follows the docsUrl option", () => {
    expect(lint(SOURCE)[0]?.url).toBe("docs/rules/dump-missing-file.md");
    expect(lint(SOURCE, { docsUrl: SITE })[0]?.url).toBe(`${SITE}dump-missing-file.html`);
    expect(rules({ docsUrl: SITE })[0]?.url).toBe(`${SITE}syntax-error.html`);
  });
});
