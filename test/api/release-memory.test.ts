// releaseMemory: a host that lints over and over (the language server) keeps its memory flat.
// Parse trees' native memory (about 25 times their source) is freed only once V8 collects them,
// and trees that outlive a collection of the young generation wait for a full one: without
// releaseMemory this loop grows by about 2 MB per lint (300 MB and more here).
import { describe, expect, it } from "vitest";
import { lint, openDocument, releaseMemory } from "../../src/api/index.js";

// 2,000 lines, 50 functions with a json call each (70 KB).
const SOURCE = Array.from({ length: 50 }, (_, i) =>
  [
    `def handler_${i}(path, data, f):`,
    ...Array.from({ length: 30 }, (_, j) => `    value_${j} = [x * ${j} for x in range(${i})]  # some code to parse`),
    `    result = json.dump(data)`,
    ...Array.from({ length: 7 }, (_, j) => `    data["k${j}"] = len(value_${j})`),
    "",
  ].join("\n"),
).join("\n");

describe("releaseMemory", () => {
  it("after each of 100 lints of a 2,000-line file, the process's memory stays flat", { timeout: 300_000 }, async () => {
    const text = `import json\n${SOURCE}`;
    let afterWarmUp = 0;
    for (let i = 0; i < 100; i++) {
      // A keystroke: the text changes, as in an editor.
      expect(lint(i % 2 ? text : text.replace("some code", "some codes"))).toHaveLength(50);
      await releaseMemory();
      if (i === 19) afterWarmUp = process.memoryUsage().rss;
    }
    const growthMB = (process.memoryUsage().rss - afterWarmUp) / 1024 / 1024;
    expect(growthMB).toBeLessThan(40);
  });

  it("a document's incremental parses too: 500 keystrokes, memory flat", { timeout: 300_000 }, async () => {
    // Each re-parse leaves a dead tree holding the nodes the analysis read, freed as a parse's are.
    const text = `import json\n${SOURCE}`;
    const doc = openDocument(text);
    let afterWarmUp = 0;
    for (let i = 0; i < 500; i++) {
      doc.update(i % 2 ? text : text.replace("some code", "some codes"));
      expect(doc.lint()).toHaveLength(50);
      await releaseMemory();
      if (i === 99) afterWarmUp = process.memoryUsage().rss;
    }
    doc.dispose();
    const growthMB = (process.memoryUsage().rss - afterWarmUp) / 1024 / 1024;
    expect(growthMB).toBeLessThan(30);
  });
});
