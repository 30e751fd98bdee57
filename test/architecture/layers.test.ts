// The house rules of the source tree: imports run one way, down the layers (a module may import
// its own layer and the ones below), no two modules import each other (directly or around a
// cycle), and the core runs anywhere (no Node built-ins, no native binding). tsconfig.core.json
// compiles the core without Node's types; this test names the import that breaks a rule.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../src");

// Lowest first. The runtime is a leaf every layer may use: it imports nothing of ours.
const LAYERS: [string, RegExp][] = [
  ["runtime", /^runtime\//],
  ["core", /^core\//],
  ["python", /^python\//],
  ["rules", /^rules\//],
  ["fix", /^fix\//],
  ["translate", /^translate\//],
  ["api", /^api\/(types|options|plain|core)\.ts$/],
  ["backends", /^backends\//],
  ["source", /^source\//],
  ["entries", /^api\/(index|wasm|config)\.ts$/],
  ["report", /^report\//],
  ["server", /^server\//],
  ["cli", /^cli\//],
];
const CORE = new Set(["runtime", "core", "python", "rules", "fix", "translate", "api"]);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

function layerOf(file: string): number {
  const rel = relative(SRC, file);
  const i = LAYERS.findIndex(([, re]) => re.test(rel));
  if (i < 0) throw new Error(`src/${rel} belongs to no layer: add its folder to LAYERS`);
  return i;
}

interface Import {
  from: string;
  to: string;
  specifier: string;
}

/** Every import and export-from of a file (type-only ones too: they tie the modules just as well). */
function importsOf(file: string): { local: Import[]; external: string[] } {
  const text = readFileSync(file, "utf8");
  const local: Import[] = [];
  const external: string[] = [];
  const re = /^\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"|^\s*import\s+"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/gm;
  for (const m of text.matchAll(re)) {
    const specifier = (m[1] ?? m[2] ?? m[3]) as string;
    if (specifier.endsWith(".json")) continue; // data (package.json), not a module of a layer
    if (specifier.startsWith(".")) local.push({ from: file, to: resolve(dirname(file), specifier).replace(/\.js$/, ".ts"), specifier });
    else external.push(specifier);
  }
  return { local, external };
}

/** Node's globals used in code (identifiers in the syntax tree: not strings, templates' text or comments). */
function nodeGlobalsUsed(text: string): string[] {
  const used = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && ["process", "Buffer", "require", "__dirname", "__filename"].includes(node.text)) {
      const parent = node.parent;
      // `x.process` and `{ process: ... }` name a property, not the global.
      if (!(parent && ts.isPropertyAccessExpression(parent) && parent.name === node) && !(parent && ts.isPropertyAssignment(parent) && parent.name === node)) used.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile("x.ts", text, ts.ScriptTarget.Latest, true));
  return [...used];
}

const all = files(SRC);
const graph = new Map(all.map((f) => [f, importsOf(f)]));
const rel = (f: string) => relative(SRC, f);

describe("the source tree's layers", () => {
  it("every import runs down the layers", () => {
    const up: string[] = [];
    for (const [file, { local }] of graph) {
      for (const i of local) {
        if (layerOf(i.to) > layerOf(file)) up.push(`src/${rel(file)} (${LAYERS[layerOf(file)]?.[0]}) imports src/${rel(i.to)} (${LAYERS[layerOf(i.to)]?.[0]})`);
      }
    }
    expect(up).toEqual([]);
  });

  it("no module is part of an import cycle", () => {
    // Tarjan's strongly connected components over the file graph.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    let next = 0;
    const visit = (v: string): void => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      onStack.add(v);
      for (const { to } of graph.get(v)?.local ?? []) {
        if (!graph.has(to)) continue;
        if (!index.has(to)) {
          visit(to);
          low.set(v, Math.min(low.get(v) as number, low.get(to) as number));
        } else if (onStack.has(to)) low.set(v, Math.min(low.get(v) as number, index.get(to) as number));
      }
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop() as string;
          onStack.delete(w);
          component.push(`src/${rel(w)}`);
        } while (w !== v);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const f of all) if (!index.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it("the core imports no Node built-in, no native binding and no process", () => {
    const bad: string[] = [];
    for (const [file, { external }] of graph) {
      const layer = LAYERS[layerOf(file)]?.[0] as string;
      if (!CORE.has(layer)) continue;
      for (const s of external) {
        if (s.startsWith("node:") || s === "tree-sitter" || s === "tree-sitter-python" || s === "worker_threads" || s === "ts-morph") bad.push(`src/${rel(file)} imports ${s}`);
      }
      for (const name of nodeGlobalsUsed(readFileSync(file, "utf8"))) bad.push(`src/${rel(file)} uses ${name}`);
    }
    expect(bad).toEqual([]);
  });

  it("a rule file imports no other rule file (shared queries live beside the model)", () => {
    // The rule files are the ones the registry lists.
    const registry = join(SRC, "rules/index.ts");
    const ruleFiles = (graph.get(registry)?.local ?? []).map((i) => i.to).filter((f) => f !== join(SRC, "rules/types.ts"));
    expect(ruleFiles.length).toBeGreaterThan(10);
    const bad = ruleFiles.flatMap((f) => (graph.get(f)?.local ?? []).filter((i) => ruleFiles.includes(i.to)).map((i) => `src/${rel(f)} imports src/${rel(i.to)}`));
    expect(bad).toEqual([]);
  });
});
