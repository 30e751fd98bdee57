// `dumpling server` as editors run it: a child process spoken to over JSON-RPC (vscode-jsonrpc).
// Every expectation about diagnostics, fixes and translations is computed here from the library
// (lint, fix, translate, noqaEdit) with a position conversion of the test's own.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CodeAction, Hover, WorkspaceEdit } from "vscode-languageserver";
import { fix, lint, rules, translate } from "../../src/api/index.js";
import { tree } from "../support/tree.js";
import { applyWorkspaceEdit, expectedDiagnostics, LspClient, uriOf } from "../support/lsp.js";

// JSN021 (unsafe fix), JSN101 (safe fix), JSN001 twice (unsafe fixes; the second after astral
// characters and beside another tool's noqa), JSN100 (off by default) on an unused noqa code.
const SOURCE = [
  "import json",
  "",
  'with open("data.json") as f:',
  "    data = json.loads(f.read())",
  "text = json.dump(data)",
  's = "😀é"; y = json.dump(d)  # noqa: E501',
  "x = json.dumps(data)  # noqa: JSN004",
  "",
].join("\n");

const ALL = { select: ["ALL"] };

describe("language server: lifecycle", () => {
  it("initialize: capabilities, UTF-16 positions unless the client offers UTF-32", async () => {
    const client = await LspClient.start();
    expect(client.initializeResult).toEqual({
      capabilities: {
        positionEncoding: "utf-16",
        textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ["quickfix", "source.fixAll.dumpling"] },
        hoverProvider: true,
        executeCommandProvider: { commands: ["dumpling.applyAutofix", "dumpling.applyUnsafeFixes", "dumpling.showTranslation"] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: "dumpling", version: JSON.parse(readFileSync("package.json", "utf8")).version },
    });
    // The configuration files are watched as soon as the client is initialized.
    const watch = await client.waitFor(() => client.registrations.find((r) => r.method === "workspace/didChangeWatchedFiles"), "a registration");
    expect(watch.registerOptions).toEqual({ watchers: [{ globPattern: "**/pyproject.toml" }, { globPattern: "**/dumpling.toml" }] });
    expect(await client.stop()).toBe(0);
    const utf32 = await LspClient.start({ encodings: ["utf-8", "utf-32", "utf-16"] });
    expect(utf32.initializeResult?.capabilities.positionEncoding).toBe("utf-32");
    expect(await utf32.stop()).toBe(0);
  });

  it("unknown requests get MethodNotFound, unknown notifications are ignored; requests after shutdown are refused; exit ends the process with 0", async () => {
    const client = await LspClient.start();
    await expect(client.request("dumpling/nothing", {})).rejects.toMatchObject({ code: -32601 });
    await client.notify("dumpling/nothing", {});
    const uri = "untitled:a.py";
    await client.open(uri, "import json\njson.dump(x)\n");
    expect((await client.diagnostics(uri, 1)).map((d) => d.code)).toEqual(["JSN001"]);
    expect(await client.request("shutdown")).toBeNull();
    await expect(client.request("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 2 } })).rejects.toMatchObject({ code: -32600 });
    await client.notify("exit");
    expect(await client.exited).toBe(0);
  });

  it("exit without shutdown ends the process with 1; so does a closed input", async () => {
    const a = await LspClient.start();
    await a.notify("exit");
    expect(await a.exited).toBe(1);
    const b = await LspClient.start();
    b.child.stdin!.end();
    expect(await b.exited).toBe(1);
  });
});

describe("language server: diagnostics", () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start({ initializationOptions: ALL });
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
  });

  it("on open: lint()'s diagnostics with range, severity, code, the rule's page, source, and Unnecessary for an unused noqa", async () => {
    const uri = "untitled:open.py";
    await client.open(uri, SOURCE);
    const published = await client.diagnostics(uri, 1);
    expect(published).toEqual(expectedDiagnostics(SOURCE, ALL));
    expect(published.map((d) => d.code)).toEqual(["JSN021", "JSN101", "JSN001", "JSN001", "JSN100"]);
    // After 😀 (two UTF-16 units) and é: column 15 in code points is character 15 in UTF-16.
    expect(published[3]!.range).toEqual({ start: { line: 5, character: 15 }, end: { line: 5, character: 27 } });
    expect(published[4]!.tags).toEqual([1]);
    for (const d of published) {
      const href = d.codeDescription!.href;
      expect(href).toBe(uriOf(join(process.cwd(), "docs/rules", `${rules().find((r) => r.code === d.code)!.name}.md`)));
      expect(readFileSync(new URL(href), "utf8")).toContain(d.code);
    }
  });

  it("on change (incremental): the new version's diagnostics; a half-typed line keeps the others", async () => {
    const uri = "untitled:change.py";
    await client.open(uri, SOURCE);
    await client.diagnostics(uri, 1);
    // Type `def f(:` under line 2: a syntax error, and every other diagnostic stays.
    await client.change(uri, 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: "def f(:\n" }]);
    const text = SOURCE.replace('with open("data.json")', 'def f(:\nwith open("data.json")');
    const published = await client.diagnostics(uri, 2);
    expect(published).toEqual(expectedDiagnostics(text, ALL));
    expect(published.map((d) => d.code)).toEqual(["JSN000", "JSN021", "JSN101", "JSN001", "JSN001", "JSN100"]);
    // Two changes in one notification, the second's range in the text the first left; then a whole-text change.
    await client.change(uri, 3, [
      { range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, text: "" },
      { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 4 } }, text: "out" },
    ]);
    expect(await client.diagnostics(uri, 3)).toEqual(expectedDiagnostics(SOURCE.replace("text = json.dump", "out = json.dump"), ALL));
    await client.change(uri, 4, [{ text: "import json\njson.loads(f)\n" }]);
    expect((await client.diagnostics(uri, 4)).map((d) => d.code)).toEqual(lint("import json\njson.loads(f)\n", ALL).map((d) => d.code));
  });

  it("a burst of changes is linted once, at its last version: no publication of an older version", async () => {
    const uri = "untitled:burst.py";
    await client.open(uri, "import json\n");
    await client.diagnostics(uri, 1);
    const from = client.published.length;
    // 200 keystrokes typing `json.dump(x)` and more, read by the server in one go.
    const typed = "json.dump(x)\n".repeat(16).slice(0, 199);
    let text = "import json\n";
    const messages = [...typed].map((ch, i) => {
      const lines = text.split("\n");
      const position = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
      text += ch;
      return { method: "textDocument/didChange", params: { textDocument: { uri, version: i + 2 }, contentChanges: [{ range: { start: position, end: position }, text: ch }] } };
    });
    client.writeRaw(messages);
    const last = await client.diagnostics(uri, 200, from);
    expect(last).toEqual(expectedDiagnostics(text, ALL));
    expect(last).toHaveLength(15);
    const versions = client.published.slice(from).filter((p) => p.uri === uri).map((p) => p.version);
    expect(versions).toEqual([200]);
  });

  it("positions in UTF-32 when negotiated: diagnostics, changes and code actions count code points", async () => {
    const c = await LspClient.start({ encodings: ["utf-32"], initializationOptions: ALL });
    const uri = "untitled:utf32.py";
    await c.open(uri, SOURCE);
    const published = await c.diagnostics(uri, 1);
    expect(published).toEqual(expectedDiagnostics(SOURCE, ALL, "utf-32"));
    expect(published[3]!.range).toEqual({ start: { line: 5, character: 14 }, end: { line: 5, character: 26 } });
    // Insert after "😀" (character 6 in code points, 7 in UTF-16).
    await c.change(uri, 2, [{ range: { start: { line: 5, character: 6 }, end: { line: 5, character: 6 } }, text: "🎉" }]);
    const text = SOURCE.replace("😀é", "😀🎉é");
    expect(await c.diagnostics(uri, 2)).toEqual(expectedDiagnostics(text, ALL, "utf-32"));
    const actions = await c.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: published[3]!.range, context: { diagnostics: [], only: ["quickfix"] } });
    const dumps = actions.find((a) => a.title.startsWith("Use `json.dumps()`"))!;
    expect(applyWorkspaceEdit(text, utf16Edit(text, dumps.edit!), uri, 2)).toBe(text.replace("y = json.dump(d)", "y = json.dumps(d)"));
    expect(await c.stop()).toBe(0);
  });

  it("only Python documents (.py, .pyi or the python language id); closing one clears its diagnostics", async () => {
    await client.open("untitled:notes.txt", "import json\njson.dump(x)\n", "plaintext");
    await client.open("untitled:stub.pyi", "import json\njson.dump(x)\n", "pyi");
    expect((await client.diagnostics("untitled:stub.pyi", 1)).map((d) => d.code)).toEqual(["JSN001"]);
    const from = client.published.length;
    await client.notify("textDocument/didClose", { textDocument: { uri: "untitled:stub.pyi" } });
    expect(await client.nextPublication("untitled:stub.pyi", from)).toEqual({ uri: "untitled:stub.pyi", diagnostics: [] });
    expect(client.published.some((p) => p.uri === "untitled:notes.txt")).toBe(false);
  });
});

describe("language server: code actions", () => {
  let client: LspClient;
  const uri = "untitled:actions.py";
  beforeAll(async () => {
    client = await LspClient.start({ initializationOptions: ALL });
    await client.open(uri, SOURCE, "python", 7);
    await client.diagnostics(uri, 7);
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
  });

  const actionsAt = (line: number, character: number, only?: string[]) =>
    client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: { start: { line, character }, end: { line, character } },
      context: { diagnostics: [], ...(only ? { only } : {}) },
    });

  it("a safe quick fix is preferred; its edit, applied, is the fix's; the fix-all follows", async () => {
    const actions = await actionsAt(3, 20);
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred])).toEqual([
      ["Use `json.load(f)`", "quickfix", true],
      ["Disable JSN101 for this line", "quickfix", undefined],
      ["dumpling: Fix all auto-fixable problems", "source.fixAll.dumpling", undefined],
    ]);
    const diagnostic = lint(SOURCE, ALL).find((d) => d.code === "JSN101")!;
    expect(actions[0]!.diagnostics).toEqual(expectedDiagnostics(SOURCE, ALL).filter((d) => d.code === "JSN101"));
    expect(applyWorkspaceEdit(SOURCE, actions[0]!.edit!, uri, 7)).toBe(SOURCE.replace("json.loads(f.read())", "json.load(f)"));
    expect(diagnostic.fix!.message).toBe(actions[0]!.title);
    expect(applyWorkspaceEdit(SOURCE, actions[1]!.edit!, uri, 7)).toBe(SOURCE.replace("json.loads(f.read())", "json.loads(f.read())  # noqa: JSN101"));
    // The fix-all is --fix's output (safe fixes only: unsafeFixes is off).
    expect(applyWorkspaceEdit(SOURCE, actions[2]!.edit!, uri, 7)).toBe(fix(SOURCE, ALL).output);
  });

  it("an unsafe quick fix says so and is never preferred; disabling extends another tool's noqa", async () => {
    const actions = await actionsAt(5, 20, ["quickfix"]);
    expect(actions.map((a) => [a.title, a.isPreferred])).toEqual([
      ["Use `json.dumps()` (unsafe fix)", undefined],
      ["Disable JSN001 for this line", undefined],
    ]);
    expect(applyWorkspaceEdit(SOURCE, actions[0]!.edit!, uri, 7)).toBe(SOURCE.replace("y = json.dump(d)", "y = json.dumps(d)"));
    expect(applyWorkspaceEdit(SOURCE, actions[1]!.edit!, uri, 7)).toBe(SOURCE.replace("# noqa: E501", "# noqa: E501, JSN001"));
  });

  it("`only` selects kinds and their parents; nothing where there is no diagnostic but the fix-all", async () => {
    expect((await actionsAt(3, 20, ["source"])).map((a) => a.kind)).toEqual(["source.fixAll.dumpling"]);
    expect((await actionsAt(3, 20, ["source.fixAll"])).map((a) => a.kind)).toEqual(["source.fixAll.dumpling"]);
    expect(await actionsAt(3, 20, ["refactor"])).toEqual([]);
    expect((await actionsAt(1, 0)).map((a) => a.kind)).toEqual(["source.fixAll.dumpling"]);
  });

  it("no fix-all when no diagnostic has a fix the engine may apply", async () => {
    const other = "untitled:nofix.py";
    await client.open(other, "import json\njson.dump(x)\n");
    await client.diagnostics(other, 1);
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: other }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [] } });
    expect(actions.map((a) => a.title)).toEqual(["Disable JSN001 for this line"]);
  });

  it("the unused noqa's fix removes the code; without documentChanges support the edit is a `changes` map", async () => {
    const actions = await actionsAt(6, 30, ["quickfix"]);
    expect(actions.map((a) => a.title)).toEqual(["Remove the unused `noqa` code", "Disable JSN100 for this line"]);
    expect(applyWorkspaceEdit(SOURCE, actions[0]!.edit!, uri, 7)).toBe(SOURCE.replace("x = json.dumps(data)  # noqa: JSN004", "x = json.dumps(data)"));
    const plain = await LspClient.start({ initializationOptions: ALL, documentChanges: false });
    await plain.open(uri, SOURCE);
    await plain.diagnostics(uri, 1);
    const [first] = await plain.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: { start: { line: 3, character: 20 }, end: { line: 3, character: 20 } }, context: { diagnostics: [] } });
    expect(Object.keys(first!.edit!)).toEqual(["changes"]);
    expect(applyWorkspaceEdit(SOURCE, first!.edit!, uri)).toBe(SOURCE.replace("json.loads(f.read())", "json.load(f)"));
    expect(await plain.stop()).toBe(0);
  });
});

describe("language server: hover and commands", () => {
  let client: LspClient;
  let dir: string;
  let path: string;
  let uri: string;
  beforeAll(async () => {
    dir = tree({ "app/io.py": SOURCE });
    path = join(dir, "app/io.py");
    uri = uriOf(path);
    client = await LspClient.start({ cwd: dir });
    await client.open(uri, SOURCE);
    await client.diagnostics(uri, 1);
  });
  afterAll(async () => {
    expect(await client.stop()).toBe(0);
  });

  const hover = (line: number, character: number) => client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: { line, character } });

  it("on a json call: its TypeScript in both modes, and the native mode's notes", async () => {
    const h = (await hover(3, 18))!;
    const exact = translate(SOURCE, { filename: path }).find((t) => t.function === "loads")!;
    const native = translate(SOURCE, { filename: path, mode: "native" }).find((t) => t.function === "loads")!;
    const value = (h.contents as { kind: string; value: string }).value;
    expect((h.contents as { kind: string }).kind).toBe("markdown");
    expect(value).toContain(["```ts", ...exact.imports, "", exact.typescript, "```"].join("\n"));
    expect(value).toContain(["```ts", ...native.imports, ...(native.imports.length ? [""] : []), native.typescript, "```"].join("\n"));
    for (const note of native.notes) expect(value).toContain(note.message);
    expect(native.notes.length).toBeGreaterThan(0);
    // The range is the call's: `json.loads(f.read())` on line 4.
    expect(h.range).toEqual({ start: { line: 3, character: 11 }, end: { line: 3, character: 31 } });
    // Off any call: nothing.
    expect(await hover(1, 0)).toBeNull();
  });

  it("on a code in `# noqa: ...`: the rule's summary and page", async () => {
    const h = (await hover(6, 33))!;
    const rule = rules().find((r) => r.code === "JSN004")!;
    const href = uriOf(join(process.cwd(), rule.url));
    expect(h).toEqual({
      contents: { kind: "markdown", value: `**JSN004** \`${rule.name}\`: ${rule.summary}\n\n[${rule.name}](${href})` },
      range: { start: { line: 6, character: 30 }, end: { line: 6, character: 36 } },
    });
    // Another tool's code: nothing.
    expect(await hover(5, 40)).toBeNull();
  });

  it("dumpling.applyAutofix and dumpling.applyUnsafeFixes send the --fix engine's edit; dumpling.showTranslation returns the translations", async () => {
    expect(await client.request("workspace/executeCommand", { command: "dumpling.applyAutofix", arguments: [{ uri }] })).toEqual({ applied: true });
    expect(applyWorkspaceEdit(SOURCE, client.applied[0]!, uri, 1)).toBe(fix(SOURCE, { filename: path }).output);
    expect(await client.request("workspace/executeCommand", { command: "dumpling.applyUnsafeFixes", arguments: [uri] })).toEqual({ applied: true });
    expect(applyWorkspaceEdit(SOURCE, client.applied[1]!, uri, 1)).toBe(fix(SOURCE, { filename: path, unsafeFixes: true }).output);
    const shown = await client.request<{ mode: string; translations: unknown[]; typescript: string }>("workspace/executeCommand", { command: "dumpling.showTranslation", arguments: [{ uri, mode: "native" }] });
    const expected = translate(SOURCE, { filename: path, mode: "native" });
    expect(shown.mode).toBe("native");
    expect(shown.translations).toEqual(expected);
    for (const t of expected) expect(shown.typescript).toContain(t.typescript);
    await expect(client.request("workspace/executeCommand", { command: "dumpling.nothing", arguments: [uri] })).rejects.toMatchObject({ code: -32602 });
    await expect(client.request("workspace/executeCommand", { command: "dumpling.applyAutofix", arguments: ["file:///not/open.py"] })).rejects.toMatchObject({ code: -32602 });
  });
});

describe("language server: settings", () => {
  const BAD = 'import json\njson.dump(d)\njson.dump(d, "o.json")\nf.write(json.dumps(d))\n';

  it("the nearest configuration, as check reads it; reloaded when the client reports a change", async () => {
    const dir = tree({ "pyproject.toml": '[tool.dumpling]\nignore = ["JSN001"]\n', "pkg/a.py": BAD });
    const path = join(dir, "pkg/a.py");
    const client = await LspClient.start({ cwd: dir });
    await client.open(uriOf(path), BAD);
    expect((await client.diagnostics(uriOf(path), 1)).map((d) => d.code)).toEqual(["JSN004"]);
    writeFileSync(join(dir, "pyproject.toml"), '[tool.dumpling]\nextend-select = ["JSN102"]\n');
    let from = client.published.length;
    await client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(join(dir, "pyproject.toml")), type: 2 }] });
    expect((await client.nextPublication(uriOf(path), from)).diagnostics.map((d) => d.code)).toEqual(["JSN001", "JSN004", "JSN102"]);
    // A broken configuration: said once, and the file is linted with the defaults.
    writeFileSync(join(dir, "pyproject.toml"), '[tool.dumpling]\nselcet = ["JSN102"]\n');
    from = client.published.length;
    await client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf(join(dir, "pyproject.toml")), type: 2 }] });
    expect((await client.nextPublication(uriOf(path), from)).diagnostics.map((d) => d.code)).toEqual(["JSN001", "JSN004"]);
    // Named as check names it: relative to the server's working directory when below it.
    expect(client.shown).toEqual([{ type: 1, message: expect.stringMatching(/^dumpling: pyproject\.toml: unknown key `tool\.dumpling\.selcet` \(expected one of select, extend-select, ignore, /) }]);
    expect(client.stderr).toBe("");
    expect(await client.stop()).toBe(0);
  });

  it("a client that cannot watch files: the configuration is read again when the document is saved", async () => {
    const dir = tree({ "dumpling.toml": 'ignore = ["JSN001"]\n', "a.py": BAD });
    const uri = uriOf(join(dir, "a.py"));
    const client = await LspClient.start({ cwd: dir, capabilities: { workspace: { workspaceEdit: { documentChanges: true } } } });
    await client.open(uri, BAD);
    expect((await client.diagnostics(uri, 1)).map((d) => d.code)).toEqual(["JSN004"]);
    expect(client.registrations).toEqual([]);
    writeFileSync(join(dir, "dumpling.toml"), 'ignore = ["JSN004"]\n');
    const from = client.published.length;
    await client.notify("textDocument/didSave", { textDocument: { uri } });
    expect((await client.nextPublication(uri, from)).diagnostics.map((d) => d.code)).toEqual(["JSN001"]);
    expect(await client.stop()).toBe(0);
  });

  it("a file the configuration excludes gets no diagnostics", async () => {
    const dir = tree({ "dumpling.toml": 'extend-exclude = ["generated/"]\n', "generated/g.py": BAD, ".venv/lib/v.py": BAD, "src/s.py": BAD });
    const client = await LspClient.start({ cwd: dir });
    for (const f of ["generated/g.py", ".venv/lib/v.py", "src/s.py"]) await client.open(uriOf(join(dir, f)), BAD);
    expect(await client.diagnostics(uriOf(join(dir, "generated/g.py")), 1)).toEqual([]);
    expect(await client.diagnostics(uriOf(join(dir, ".venv/lib/v.py")), 1)).toEqual([]);
    expect((await client.diagnostics(uriOf(join(dir, "src/s.py")), 1)).map((d) => d.code)).toEqual(["JSN001", "JSN004"]);
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: uriOf(join(dir, "generated/g.py")) }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [] } });
    expect(actions).toEqual([]);
    expect(await client.stop()).toBe(0);
  });

  it("client settings: initializationOptions, then workspace/configuration per document, over the file's; unsafeFixes; a bad value is said and left out", async () => {
    const dir = tree({ "pyproject.toml": '[tool.dumpling]\nignore = ["JSN004"]\n', "a.py": BAD, "b.py": BAD });
    const client = await LspClient.start({
      cwd: dir,
      initializationOptions: { dumpling: { extendSelect: ["JSN102"], select: ["NOPE"] } },
      configuration: (item) => (item.scopeUri?.endsWith("b.py") ? { ignore: ["JSN001"], unsafeFixes: true, lintOn: "later" } : null),
    });
    await client.open(uriOf(join(dir, "a.py")), BAD);
    await client.open(uriOf(join(dir, "b.py")), BAD);
    expect((await client.diagnostics(uriOf(join(dir, "a.py")), 1)).map((d) => d.code)).toEqual(["JSN001", "JSN102"]);
    expect((await client.diagnostics(uriOf(join(dir, "b.py")), 1)).map((d) => d.code)).toEqual(["JSN102"]);
    expect(client.configurationRequests).toEqual([
      { items: [{ scopeUri: uriOf(join(dir, "a.py")), section: "dumpling" }] },
      { items: [{ scopeUri: uriOf(join(dir, "b.py")), section: "dumpling" }] },
    ]);
    expect(client.shown.map((m) => m.message)).toEqual([
      "dumpling: setting `select`: unknown rule selector `NOPE` (expected a code such as JSN001, a prefix such as JSN0, a rule name, or ALL)",
      'dumpling: setting `lintOn` must be "change" or "save"',
    ]);
    // unsafeFixes: the fix-all of b.py applies the unsafe fix of JSN102.
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: uriOf(join(dir, "b.py")) }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ["source.fixAll"] } });
    const options = { filename: join(dir, "b.py"), select: ["JSN102"], unsafeFixes: true };
    expect(fix(BAD, options).output).not.toBe(BAD);
    expect(applyWorkspaceEdit(BAD, actions[0]!.edit as WorkspaceEdit, uriOf(join(dir, "b.py")), 1)).toBe(fix(BAD, options).output);
    expect(await client.stop()).toBe(0);
  });

  it("a client without workspace/configuration: the settings of workspace/didChangeConfiguration replace the initial ones", async () => {
    const client = await LspClient.start({ initializationOptions: { select: ["JSN001"] } });
    const uri = "untitled:push.py";
    await client.open(uri, BAD);
    expect((await client.diagnostics(uri, 1)).map((d) => d.code)).toEqual(["JSN001"]);
    const from = client.published.length;
    await client.notify("workspace/didChangeConfiguration", { settings: { dumpling: { select: ["JSN004", "JSN102"] } } });
    expect((await client.nextPublication(uri, from)).diagnostics.map((d) => d.code)).toEqual(["JSN004", "JSN102"]);
    expect(client.configurationRequests).toEqual([]);
    expect(await client.stop()).toBe(0);
  });

  it("lintOn save: changes publish nothing until the document is saved", async () => {
    const client = await LspClient.start({ initializationOptions: { lintOn: "save" } });
    const uri = "untitled:save.py";
    await client.open(uri, "import json\n");
    expect(await client.diagnostics(uri, 1)).toEqual([]);
    await client.change(uri, 2, [{ text: "import json\njson.dump(x)\n" }]);
    await client.change(uri, 3, [{ text: "import json\njson.dump(x)\njson.dump(y)\n" }]);
    const from = client.published.length;
    await client.notify("textDocument/didSave", { textDocument: { uri } });
    const p = await client.nextPublication(uri, from);
    expect([p.version, p.diagnostics.map((d) => d.code)]).toEqual([3, ["JSN001", "JSN001"]]);
    expect(client.published.filter((x) => x.uri === uri).map((x) => x.version)).toEqual([1, 3]);
    expect(await client.stop()).toBe(0);
  });
});

/** A UTF-32 WorkspaceEdit with its positions in UTF-16, for applying it here. */
function utf16Edit(text: string, edit: WorkspaceEdit): WorkspaceEdit {
  const lines = text.split("\n");
  const convert = (p: { line: number; character: number }) => ({ line: p.line, character: [...lines[p.line]!].slice(0, p.character).join("").length });
  return {
    documentChanges: (edit.documentChanges ?? []).map((change) => {
      if (!("edits" in change)) return change;
      return { ...change, edits: change.edits.map((e) => ({ ...e, range: { start: convert(e.range.start), end: convert(e.range.end) } })) };
    }),
  };
}
