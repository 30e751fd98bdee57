// The output formats: concise, json-lines, github, and SARIF 2.1.0 validated against the
// schema (fixtures/sarif-schema-2.1.0.json, the 2.1.0-rtm.5 schema that GitHub code scanning
// and SchemaStore use, as shipped in npm's @microsoft/jest-sarif); gitlab against a JSON schema
// and junit against an XML schema, both written from the formats' documentation (fixtures/).
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import AjvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { RULES } from "../src/rules/index.js";
import { dumpling } from "./support/cli.js";
import { tree } from "./support/tree.js";

const SOURCE = 'import json\nwith open("c.json") as f:\n    data = json.loads(f.read())\njson.dump("\u{1F600}", "o.json")\n';
const dir = tree({ "src/a.py": SOURCE, "b.py": "import json\njson.dump(d)\n" });
const run = (format: string, extra: string[] = []) => dumpling(["check", "src", "b.py", "--output-format", format, ...extra], { cwd: dir });

describe("output formats", () => {
  it("concise: one line per diagnostic, [*] safe fix, [-] unsafe fix", () => {
    const r = run("concise");
    expect(r.status).toBe(1);
    expect(r.stdout.split("\n").slice(0, 4)).toEqual([
      "src/a.py:2:6: JSN021 [-] `open(\"c.json\")` has no `encoding=`: the locale's encoding is used (cp1252 on Windows) and `json.loads()` reads it; pass `encoding=\"utf-8\"`",
      "src/a.py:3:12: JSN101 [*] `json.loads(f.read())` is what `json.load(f)` does; use `json.load(f)`",
      "src/a.py:4:16: JSN004 [-] `json.dump()` writes to an open file, not a path: open `\"o.json\"` for writing and pass the file",
      "b.py:2:1: JSN001 `json.dump()` needs a file to write to; use `json.dumps()` to get a string",
    ]);
  });

  it("json-lines: the json format's objects, one per line, in the same order", () => {
    const lines = run("json-lines").stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines).toEqual(JSON.parse(run("json").stdout));
    expect(lines.map((d) => `${d.filename}:${d.location.row}:${d.code}`)).toEqual(["b.py:2:JSN001", "src/a.py:2:JSN021", "src/a.py:3:JSN101", "src/a.py:4:JSN004"]);
  });

  it("github: workflow commands with title, file, line, col, endLine, endColumn", () => {
    const lines = run("github").stdout.trimEnd().split("\n");
    expect(lines[2]).toBe(
      "::error title=dumpling (JSN004),file=src/a.py,line=4,col=16,endLine=4,endColumn=24::JSN004 `json.dump()` writes to an open file, not a path: open `\"o.json\"` for writing and pass the file",
    );
    expect(lines[0]).toMatch(/^::warning title=dumpling \(JSN021\),file=src\/a\.py,line=2,col=6,endLine=2,endColumn=20::JSN021 /);
  });

  it("github: values that would break a workflow command are escaped", () => {
    const odd = tree({ "a,b:c%.py": "import json\njson.dump(d)\n" });
    const r = dumpling(["check", ".", "--output-format", "github"], { cwd: odd });
    expect(r.stdout).toMatch(/^::error title=dumpling \(JSN001\),file=a%2Cb%3Ac%25\.py,line=2,/);
  });
});

describe("SARIF", () => {
  const schema = JSON.parse(readFileSync("fixtures/sarif-schema-2.1.0.json", "utf8"));
  // The schema's `language` pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) has a stray "]"
  // that only a non-unicode RegExp accepts, as JSON Schema's ECMA 262 dialect of draft-04 did.
  // Both are CommonJS modules whose `default` is the export (NodeNext sees the module object).
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  ajvFormats.default(ajv);
  const validate = ajv.compile(schema);

  it("is valid SARIF 2.1.0, with fixes", () => {
    const r = run("sarif");
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.version).toBe("2.1.0");
    // The validator does reject what is not SARIF: a run without its tool, a bad level.
    expect(validate({ version: "2.1.0", runs: [{ results: [] }] })).toBe(false);
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ...log.runs[0].results[0], level: "fatal" }] }] })).toBe(false);
    const results = log.runs[0].results;
    expect(results.map((x: { ruleId: string }) => x.ruleId)).toEqual(["JSN021", "JSN101", "JSN004", "JSN001"]);
    expect(results[1].fixes[0]).toEqual({
      description: { text: "Use `json.load(f)`" },
      artifactChanges: [
        {
          artifactLocation: { uri: "src/a.py" },
          replacements: [
            { deletedRegion: { startLine: 3, startColumn: 17, endLine: 3, endColumn: 22 }, insertedContent: { text: "load" } },
            { deletedRegion: { startLine: 3, startColumn: 23, endLine: 3, endColumn: 31 }, insertedContent: { text: "f" } },
          ],
        },
      ],
    });
    expect(results[2].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: "src/a.py" }, region: { startLine: 4, startColumn: 16, endLine: 4, endColumn: 24 } });
  });

  it("has one rule per code with name, short description and a help URI that exists", () => {
    const log = JSON.parse(run("sarif").stdout);
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.meta.code));
    for (const [i, r] of rules.entries()) {
      expect(r.name).toBe(RULES[i]!.meta.name);
      expect(r.shortDescription.text).toBe(RULES[i]!.meta.summary);
      expect(readFileSync(new URL(r.helpUri), "utf8")).toContain(`# ${r.name} (${r.id})`);
    }
    for (const res of log.runs[0].results) expect(rules[res.ruleIndex].id).toBe(res.ruleId);
  });

  it("an empty run and an unreadable file are valid too", () => {
    const clean = tree({ "a.py": "x = 1\n" });
    expect(validate(JSON.parse(dumpling(["check", ".", "--output-format", "sarif"], { cwd: clean }).stdout))).toBe(true);
    const missing = JSON.parse(dumpling(["check", "nope.py", "--output-format", "sarif"], { cwd: clean }).stdout);
    expect(validate(missing)).toBe(true);
    expect(missing.runs[0].results[0].ruleId).toBe("JSN901");
  });
});

describe("GitLab Code Quality", () => {
  // fixtures/gitlab-code-quality.schema.json is written from GitLab's documentation (see its $comment).
  const ajv = new Ajv.default({ allErrors: true, strict: true, strictRequired: false });
  const validate = ajv.compile(JSON.parse(readFileSync("fixtures/gitlab-code-quality.schema.json", "utf8")));

  it("is a valid Code Quality report: one issue per diagnostic, unique fingerprints, positions in code points", () => {
    const r = run("gitlab");
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.map((i: { check_name: string }) => i.check_name)).toEqual(["JSN021", "JSN101", "JSN004", "JSN001"]);
    expect(report[2]).toMatchObject({
      description: "JSN004: `json.dump()` writes to an open file, not a path: open `\"o.json\"` for writing and pass the file",
      severity: "major",
      location: { path: "src/a.py", positions: { begin: { line: 4, column: 16 }, end: { line: 4, column: 24 } } },
    });
    expect(report[0].severity).toBe("minor"); // JSN021 is a warning
    expect(new Set(report.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(report.length);
    // The validator does reject what GitLab would not take.
    expect(validate([{ ...report[0], severity: "error" }])).toBe(false);
    expect(validate([{ ...report[0], location: { path: "./src/a.py", lines: { begin: 1 } } }])).toBe(false);
    expect(validate([{ ...report[0], location: { path: "src/a.py" } }])).toBe(false);
  });

  it("the same mistake twice in a file: two fingerprints, the same on every run; paths relative to $CI_PROJECT_DIR", () => {
    const twice = tree({ "pkg/a.py": "import json\njson.dump(d)\njson.dump(d)\n" });
    const once = JSON.parse(dumpling(["check", "pkg", "--output-format", "gitlab"], { cwd: twice }).stdout);
    const again = JSON.parse(dumpling(["check", "pkg", "--output-format", "gitlab"], { cwd: twice }).stdout);
    expect(validate(once)).toBe(true);
    expect(once[0].fingerprint).not.toBe(once[1].fingerprint);
    expect(again.map((i: { fingerprint: string }) => i.fingerprint)).toEqual(once.map((i: { fingerprint: string }) => i.fingerprint));
    const inCi = JSON.parse(dumpling(["check", join(twice, "pkg"), "--output-format", "gitlab"], { env: { CI_PROJECT_DIR: twice } }).stdout);
    expect(inCi[0].location.path).toBe("pkg/a.py");
    expect(validate(inCi)).toBe(true);
    const clean = JSON.parse(dumpling(["check", ".", "--output-format", "gitlab"], { cwd: tree({ "a.py": "x = 1\n" }) }).stdout);
    expect(clean).toEqual([]);
    expect(validate(clean)).toBe(true);
  });
});

describe("JUnit", () => {
  // fixtures/junit.xsd is written from the format's documentation (see its comment).
  const schema = readFileSync("fixtures/junit.xsd", "utf8");
  const valid = async (xml: string) => {
    const result = await validateXML({ xml: [{ fileName: "report.xml", contents: xml }], schema: [{ fileName: "junit.xsd", contents: schema }] });
    return result.errors.map((e) => e.message);
  };

  it("is valid JUnit XML: a suite per file, a failed case per diagnostic, the counts agreeing", async () => {
    const r = run("junit");
    expect(r.status).toBe(1);
    expect(await valid(r.stdout)).toEqual([]);
    expect(r.stdout).toContain('<testsuite name="src/a.py" tests="3" disabled="0" errors="0" failures="3" package="dumpling">');
    expect(r.stdout).toContain('<testcase name="dumpling.JSN004" classname="src/a" line="4" column="16">');
    expect(r.stdout).toContain("<failure message=\"`json.dump()` writes to an open file, not a path: open `&quot;o.json&quot;` for writing and pass the file\">line 4, col 16, ");
    const cases = r.stdout.match(/<testcase /g) ?? [];
    expect(r.stdout).toMatch(new RegExp(`^<testsuites name="dumpling" tests="${cases.length}" failures="${cases.length}" errors="0">$`, "m"));
    for (const suite of r.stdout.split("<testsuite ").slice(1)) {
      const n = Number(/tests="(\d+)"/.exec(suite)?.[1]);
      expect((suite.split("</testsuite>")[0]!.match(/<testcase /g) ?? []).length).toBe(n);
    }
    // The validator does reject what is not JUnit.
    expect(await valid(r.stdout.replace('tests="3"', 'tests="three"'))).not.toEqual([]);
    expect(await valid(r.stdout.replace("<failure ", "<failed "))).not.toEqual([]);
  });

  it("nothing to report: one passing case; odd characters in names and messages stay well-formed", async () => {
    const clean = dumpling(["check", ".", "--output-format", "junit"], { cwd: tree({ "a.py": "x = 1\n" }) });
    expect(clean.status).toBe(0);
    expect(await valid(clean.stdout)).toEqual([]);
    expect(clean.stdout).toContain('<testcase name="No errors found" classname="dumpling">');
    const odd = tree({ "a<&\"b'.py": "import json\njson.dump(d, \"out.json\")\n" });
    const r = dumpling(["check", ".", "--output-format", "junit"], { cwd: odd });
    expect(await valid(r.stdout)).toEqual([]);
    expect(r.stdout).toContain('<testsuite name="a&lt;&amp;&quot;b\'.py"');
    expect(r.stdout).toContain('open `&quot;out.json&quot;`');
  });
});
