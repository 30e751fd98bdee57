// A rule that throws (a bug of ours) on one document: the server logs it (window/logMessage,
// naming the document and the rule) and still publishes every other rule's diagnostics. Run
// in-process (the server on a pair of streams) so that the test can add a faulty rule.
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node.js";
import type { PublishDiagnosticsParams } from "vscode-languageserver";
import { StreamMessageReader as ServerReader, StreamMessageWriter as ServerWriter } from "vscode-languageserver/node.js";
import { lint } from "../../src/api/index.js";
import { RULES } from "../../src/rules/index.js";
import { defineRule, type Rule } from "../../src/rules/types.js";
import { startServer } from "../../src/server/server.js";
import { expectedDiagnostics } from "../support/lsp.js";

const faulty = defineRule({
  meta: {
    code: "JSN990", name: "faulty-rule", summary: "A rule with a bug, for this test", severity: "error", defaultEnabled: false,
    fix: { availability: "none", applicability: null, title: null },
    docs: { what: "", why: "", whatHappens: null, example: "", useInstead: "", fixSafety: "", references: [] },
  },
  checkCall(_call, ctx) {
    if (ctx.text.includes("kaboom")) throw new Error("kaboom");
  },
});

describe("language server: internal errors", () => {
  const registry = RULES as Rule[];
  beforeAll(() => void registry.push(faulty));
  afterAll(() => void registry.splice(registry.indexOf(faulty), 1));

  it("a rule that throws is logged once per change of its failures; the other rules' diagnostics are published", async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const server = startServer(new ServerReader(toServer), new ServerWriter(toClient));
    const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const published: PublishDiagnosticsParams[] = [];
    const logs: { type: number; message: string }[] = [];
    let wake = () => {};
    client.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => (published.push(p), wake()));
    client.onNotification("window/logMessage", (p: { type: number; message: string }) => (logs.push(p), wake()));
    client.listen();
    const until = (test: () => boolean) => new Promise<void>((resolve) => (wake = () => test() && resolve(), wake()));
    try {
      await client.sendRequest("initialize", { processId: null, rootUri: null, capabilities: {}, initializationOptions: { select: ["ALL"] } });
      await client.sendNotification("initialized", {});
      const uri = "untitled:kaboom.py";
      const text = "import json  # kaboom\njson.dump(x)\nv = json.loads(f.read())\n";
      await client.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "python", version: 1, text } });
      await until(() => published.some((p) => p.version === 1));
      const expected = expectedDiagnostics(text, { select: ["ALL"], onInternalError: () => {} });
      expect(published[0]!.diagnostics).toEqual(expected);
      expect(expected.map((d) => d.code)).toEqual(["JSN001", "JSN101"]);
      expect(() => lint(text, { select: ["ALL"] })).toThrow("kaboom");
      expect(logs).toEqual([{ type: 1, message: `dumpling: internal error: ${uri}: rule JSN990 failed: kaboom` }]);
      // The same failure at the next version is not logged again; the diagnostics still come.
      await client.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ text: text + "json.dump(y)\n" }] });
      await until(() => published.some((p) => p.version === 2));
      expect(published[1]!.diagnostics.map((d) => d.code)).toEqual(["JSN001", "JSN101", "JSN001"]);
      expect(logs).toHaveLength(1);
      expect(server.shutdown).toBe(false);
    } finally {
      client.dispose();
      server.connection.dispose();
    }
  });
});
