// A consumer outside the repository installs the packed tarball and uses both entries (and the
// runtime) from TypeScript: `tsc --strict` finds nothing to say, and the compiled program runs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
const work = mkdtempSync(join(tmpdir(), "dumpling-consumer-"));

afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false" } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const CONSUMER = `
import { fix, lint, translate, type Diagnostic, type Translation } from "dumpling-json";
import * as wasm from "dumpling-json/wasm";
import { dumps, float } from "dumpling-json/runtime";

// Compiled with no lib but ES2022 and no @types: the package's types need nothing else.
declare const console: { log(text: string): void };

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

const source = 'import json\\nwith open("a.json") as f:\\n    data = json.loads(f)\\n';
const diagnostics: Diagnostic[] = lint(source, { filename: "a.py" });
check(diagnostics.map((d) => d.code).join() === "JSN006", "lint: " + JSON.stringify(diagnostics));
check(fix(source, { unsafeFixes: true }).output.includes("json.load(f)"), "fix");
const translations: Translation[] = translate('import json\\nprint(json.dumps({"a": 1.0}))\\n');
check(translations[0]?.typescript === 'console.log(dumps({ a: float(1) }));', "translate: " + translations[0]?.typescript);
check(dumps({ a: float(1) }) === '{"a": 1.0}', "runtime");
await wasm.init();
check(JSON.stringify(wasm.lint(source, { filename: "a.py" })) === JSON.stringify(diagnostics), "wasm lint");
check(JSON.stringify(wasm.translate(source)) === JSON.stringify(translate(source)), "wasm translate");
console.log("consumer ok");
`;

const NODE_RUNTIME = `
import { JSONEncoder, dumps } from "dumpling-json/runtime";
class General extends JSONEncoder {
  *iterencode(o, oneShot) { yield* super.iterencode(o, oneShot); }
}
const v = Array.from({ length: 60000 }, (_, i) => "東京😀\\n".repeat(5) + i);
const text = dumps(v);
const entry = import.meta.resolve("dumpling-json/runtime").split("/dumpling-json/")[1];
console.log(entry, text.length > 6e6 && text === dumps(v, { cls: General }));
`;

describe("the packed package, installed by a consumer", () => {
  it("installs from the tarball, type-checks under tsc --strict and runs both entries", () => {
    const pack = run("npm", ["pack", "--ignore-scripts", "--pack-destination", work], ROOT);
    expect(pack.status, pack.out).toBe(0);
    const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
    expect(tarball).toBeDefined();
    const app = join(work, "app");
    spawnSync("mkdir", [app]);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module", dependencies: { "dumpling-json": `file:../${tarball}` } }));
    const install = run("npm", ["install", "--no-package-lock", "--prefer-offline"], app);
    expect(install.status, install.out).toBe(0);
    writeFileSync(join(app, "main.ts"), CONSUMER);
    // skipLibCheck off: the package's own .d.ts are checked too.
    const compilerOptions = { strict: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", lib: ["es2022"], types: [], skipLibCheck: false, outDir: "out" };
    writeFileSync(join(app, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["main.ts"] }));
    const tsc = run(process.execPath, [TSC, "-p", "."], app);
    expect(tsc.out).toBe("");
    expect(tsc.status).toBe(0);
    const program = run(process.execPath, ["out/main.js"], app);
    expect(program.out).toBe("consumer ok\n");
    // Under Node the runtime resolves to its Node entry, whose dumps of a big ensure_ascii text
    // (Buffer-decoded chunks) is the general encoder's.
    const node = run(process.execPath, ["--input-type=module", "-e", NODE_RUNTIME], app);
    expect(node.out).toBe("dist/runtime/node.js true\n");
  }, 600_000);
});
