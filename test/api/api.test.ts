// The library is the command line's engine: lint() is `check --output-format json`, fix() is
// `--fix`, translate() is `convert --output-format json`, file by file, on every rule fixture and
// example. Everything it returns is plain JSON data.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DumplingInternalError, findCalls, fix, lint, rules, translate, UnknownSelectorError } from "../../src/api/index.js";
import { RULES } from "../../src/rules/index.js";
import { dumpling } from "../support/cli.js";

const ROOT = resolve(import.meta.dirname, "../..");
const FILES = [
  ...readdirSync(join(ROOT, "fixtures/rules")).map((f) => join(ROOT, "fixtures/rules", f)),
  ...readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".py")).map((f) => join(ROOT, "examples", f)),
].filter((f) => f.endsWith(".py"));

// The fixtures are read as the CLI reads them: UTF-8 (a latin-1 example is the CLI's JSN901 case).
const readable = FILES.map((f) => ({ name: relative(ROOT, f), text: readFileSync(f, "utf8") })).filter((f) => !f.text.includes("\uFFFD"));

const roundTrip = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe("lint() is check --output-format json", () => {
  it.each(readable.map((f) => [f.name, f.text]))("%s", (name, text) => {
    for (const select of [undefined, ["ALL"]]) {
      const cli = dumpling(["check", name, "--isolated", "--output-format", "json", ...(select ? ["--select", "ALL"] : [])], { cwd: ROOT });
      expect(cli.stderr).toBe("");
      const api = lint(text, { filename: name, select });
      expect(api).toEqual(JSON.parse(cli.stdout));
      expect(roundTrip(api)).toEqual(api);
    }
  });
});

describe("fix() is --fix", () => {
  it.each(readable.map((f) => [f.name, f.text]))("%s", (name, text) => {
    for (const unsafe of [false, true]) {
      const cli = dumpling(["check", "-", "--stdin-filename", name, "--isolated", "--fix-only", ...(unsafe ? ["--unsafe-fixes"] : [])], { cwd: ROOT, input: text });
      const api = fix(text, { filename: name, unsafeFixes: unsafe });
      expect(api.output).toBe(cli.stdout);
      // What remains is what check finds in the fixed text.
      expect(api.remaining).toEqual(lint(api.output, { filename: name }));
      expect(api.fixed.length > 0).toBe(api.output !== text);
      expect(roundTrip(api)).toEqual(api);
    }
  });
});

describe("translate() is convert --output-format json", () => {
  const withCalls = readable.filter((f) => findCalls(f.text).length > 0);
  it.each(withCalls.map((f) => [f.name, f.text]))("%s", (name, text) => {
    for (const mode of ["exact", "native"] as const) {
      const cli = dumpling(["convert", name, "--mode", mode, "--output-format", "json"], { cwd: ROOT });
      const api = translate(text, { filename: name, mode });
      expect(api).toEqual(JSON.parse(cli.stdout));
      expect(api.length).toBe(findCalls(text).length);
      expect(roundTrip(api)).toEqual(api);
    }
  });
});

describe("the API", () => {
  it("rules() is `dumpling rules --output-format json`, with each fix's title", () => {
    const cli = JSON.parse(dumpling(["rules", "--output-format", "json"]).stdout) as Record<string, unknown>[];
    expect(rules().map(({ fix_title, ...r }) => r)).toEqual(cli);
    expect(rules().map((r) => r.fix_title)).toEqual(RULES.map((r) => r.meta.fix.title));
  });

  it("findCalls() describes each call as plain data", () => {
    const calls = findCalls('import json as j\nwith open(p, "w", encoding="utf-8", errors="strict") as f:\n    j.dump(obj, f, indent=2, extra=1)\nj.loads(sys.stdin.read())\n');
    expect(roundTrip(calls)).toEqual(calls);
    expect(calls.map((c) => [c.callee, c.function, c.target?.kind.kind, c.usage])).toEqual([
      ["j.dump", "dump", "file", "statement"],
      ["j.loads", "loads", "text", "statement"],
    ]);
    const [dump] = calls;
    expect(dump?.arguments.map((a) => [a.kind, a.keyword, a.parameter, a.text])).toEqual([
      ["positional", null, "obj", "obj"],
      ["positional", null, "fp", "f"],
      ["keyword", "indent", "indent", "2"],
      ["keyword", "extra", null, "1"],
    ]);
    expect(dump?.target?.kind).toMatchObject({ origin: "open", mode: "w", encoding: "utf-8", errors: "strict", path: "p", writable: true });
    const source = 'import json as j\nwith open(p, "w", encoding="utf-8", errors="strict") as f:\n    j.dump(obj, f, indent=2, extra=1)\n';
    const arg = findCalls(source)[0]?.arguments[2];
    expect(source.slice(arg?.range.start, arg?.range.end)).toBe("2");
    expect(arg?.range.location).toEqual({ row: 3, column: 27 });
  });

  it("extendJsonModules: a module that re-exports json is json", () => {
    const source = "from botocore.compat import json\njson.loads(open('x.json'))\n";
    expect(findCalls(source)).toEqual([]);
    expect(findCalls(source, { extendJsonModules: ["botocore.compat"] }).map((c) => c.callee)).toEqual(["json.loads"]);
    expect(lint(source, { extendJsonModules: ["botocore.compat"] }).map((d) => d.code)).toEqual(["JSN006"]);
  });

  it("an unknown rule code is an UnknownSelectorError", () => {
    expect(() => lint("import json\n", { select: ["JSN999"] })).toThrow(UnknownSelectorError);
  });

  it("a rule that throws: reported to onInternalError, or thrown with the other results", () => {
    const broken = RULES.find((r) => r.meta.code === "JSN001");
    const original = broken?.checkCall;
    if (!broken || !original) throw new Error("JSN001 has no checkCall");
    broken.checkCall = () => {
      throw new Error("boom");
    };
    try {
      const source = "import json\njson.loads(open('x.json'))\njson.dump(x)\n";
      const errors: unknown[] = [];
      const kept = lint(source, { onInternalError: (e) => errors.push(e) });
      expect(errors).toEqual([{ rule: "JSN001", message: "boom" }]);
      expect(kept.map((d) => d.code)).toEqual(["JSN006"]);
      let thrown: unknown;
      try {
        lint(source);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(DumplingInternalError);
      expect((thrown as DumplingInternalError).results).toEqual(kept);
    } finally {
      broken.checkCall = original;
    }
  });

  it("rename: a host's names are used and free names are reported under both", () => {
    const source = "import json\nclass Store:\n    def save(self, out_file):\n        json.dump(self.state, out_file, indent=2)\n";
    const [t] = translate(source, { rename: (name) => (name === "self" ? "this" : name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())) });
    expect(t?.typescript).toBe("dump(this.state, outFile, { indent: 2 })");
    expect(t?.names).toEqual([
      { python: "self", typescript: "this", type: "any" },
      { python: "out_file", typescript: "outFile", type: "{ write(s: string): unknown }" },
    ]);
    // Declared names are the host's too.
    const [d] = translate('import json\nwith open(in_path, encoding="utf-8") as f:\n    my_data = json.load(f)\n', { rename: (name) => name.toUpperCase() });
    expect(d?.typescript).toBe('const MY_DATA = loads(readFileSync(IN_PATH, "utf8"));');
    expect(d?.declares).toEqual(["MY_DATA"]);
  });
});
