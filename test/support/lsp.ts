// A language client for the tests: `dumpling server` as a child process (the built command,
// as editors run it), spoken to over JSON-RPC with vscode-jsonrpc. It records every notification
// and answers the server's requests (workspace/configuration, workspace/applyEdit,
// client/registerCapability). Also: what the diagnostics of a text must be, computed from lint()
// with a position conversion of its own (not the server's).
import { spawn, type ChildProcess } from "node:child_process";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node.js";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic as LspDiagnostic, PublishDiagnosticsParams, TextEdit, WorkspaceEdit } from "vscode-languageserver";
import { lint, type Options, type Position } from "../../src/api/index.js";
import { BIN } from "./cli.js";

export type Encoding = "utf-16" | "utf-32";

export interface StartOptions {
  cwd?: string;
  initializationOptions?: unknown;
  /** The client's answer to workspace/configuration for one item; without it the client has no such capability. */
  configuration?: (item: { scopeUri?: string; section?: string }) => unknown;
  encodings?: string[];
  workspaceFolders?: string[];
  /** Extra client capabilities, merged over the defaults. */
  capabilities?: Record<string, unknown>;
  documentChanges?: boolean;
}

export const uriOf = (path: string) => pathToFileURL(path).href;

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: { type: number; message: string }[] = [];
  readonly shown: { type: number; message: string }[] = [];
  readonly applied: WorkspaceEdit[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly configurationRequests: unknown[] = [];
  initializeResult: { capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } } | undefined;
  private waiters: (() => void)[] = [];
  readonly exited: Promise<number | null>;
  stderr = "";

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
  ) {
    this.exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
    child.stderr?.on("data", (d) => (this.stderr += String(d)));
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [BIN, "server"], { cwd: options.cwd, stdio: ["pipe", "pipe", "pipe"] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => client.record(() => client.published.push(p)));
    connection.onNotification("window/logMessage", (p: { type: number; message: string }) => client.record(() => client.logs.push(p)));
    connection.onNotification("window/showMessage", (p: { type: number; message: string }) => client.record(() => client.shown.push(p)));
    connection.onRequest("workspace/configuration", (p: { items: { scopeUri?: string; section?: string }[] }) => {
      client.configurationRequests.push(p);
      return p.items.map((item) => options.configuration?.(item) ?? null);
    });
    connection.onRequest("workspace/applyEdit", (p: { edit: WorkspaceEdit }) => {
      client.record(() => client.applied.push(p.edit));
      return { applied: true };
    });
    connection.onRequest("client/registerCapability", (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      client.record(() => client.registrations.push(...p.registrations));
      return null;
    });
    connection.onRequest("window/showMessageRequest", () => null);
    connection.listen();
    const folders = options.workspaceFolders ?? (options.cwd ? [options.cwd] : []);
    client.initializeResult = await connection.sendRequest("initialize", {
      processId: null,
      rootUri: folders[0] ? uriOf(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: uriOf(f), name: f })),
      initializationOptions: options.initializationOptions,
      capabilities: {
        general: options.encodings ? { positionEncodings: options.encodings } : {},
        workspace: {
          configuration: !!options.configuration,
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: options.documentChanges ?? true },
          workspaceFolders: true,
        },
        textDocument: { hover: { contentFormat: ["markdown", "plaintext"] }, codeAction: {} },
        ...options.capabilities,
      },
    });
    await connection.sendNotification("initialized", {});
    return client;
  }

  private record(push: () => void): void {
    push();
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves with the first value `find` returns, re-checked at every notification or request from the server. */
  waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`)), timeoutMs);
      const check = () => {
        const found = find();
        if (found !== undefined) {
          clearTimeout(timer);
          resolve(found);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  /** The publication for `uri` at `version` (the first one at or after index `from` of `published`). */
  diagnostics(uri: string, version: number, from = 0): Promise<LspDiagnostic[]> {
    return this.waitFor(() => this.published.slice(from).find((p) => p.uri === uri && p.version === version)?.diagnostics, `diagnostics of ${uri} version ${version}`);
  }

  /** The next publication for `uri` after index `from`. */
  nextPublication(uri: string, from: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => this.published.slice(from).find((p) => p.uri === uri), `a publication for ${uri}`);
  }

  open(uri: string, text: string, languageId = "python", version = 1): Promise<void> {
    return this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: unknown[]): Promise<void> {
    return this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges });
  }

  request<T>(method: string, params?: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  notify(method: string, params?: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Sends raw, already framed messages in one write (a burst the server reads at once). */
  writeRaw(messages: unknown[]): void {
    const frames = messages.map((m) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...(m as object) }), "utf8");
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "ascii"), body]);
    });
    this.child.stdin!.write(Buffer.concat(frames));
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) {
      try {
        await this.request("shutdown");
        await this.notify("exit");
      } catch {
        this.child.kill();
      }
    }
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }
}

/** The LSP position of a dumpling position, counted here from the text's own lines. */
export function lspPosition(text: string, pos: Position, encoding: Encoding = "utf-16"): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  const head = [...(lines[pos.row - 1] ?? "")].slice(0, pos.column - 1);
  return { line: pos.row - 1, character: encoding === "utf-32" ? head.length : head.join("").length };
}

/** What the server must publish for `text`: lint()'s diagnostics as LSP diagnostics. */
export function expectedDiagnostics(text: string, options: Options, encoding: Encoding = "utf-16", docsRoot = process.cwd()): LspDiagnostic[] {
  return lint(text, options).map((d) => ({
    range: { start: lspPosition(text, d.location, encoding), end: lspPosition(text, d.end_location, encoding) },
    severity: d.severity === "error" ? 1 : 2,
    code: d.code,
    codeDescription: { href: pathToFileURL(`${docsRoot}/${d.url}`).href },
    source: "dumpling",
    message: d.message,
    ...(d.code === "JSN100" ? { tags: [1] } : {}),
  }));
}

/** The edits of a WorkspaceEdit for one document, applied to its text (UTF-16 positions). */
export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit, uri: string, version?: number): string {
  let edits: TextEdit[] = [];
  if (edit.documentChanges) {
    for (const change of edit.documentChanges) {
      if (!("textDocument" in change) || change.textDocument.uri !== uri) throw new Error(`an edit of another document: ${JSON.stringify(change)}`);
      if (version !== undefined && change.textDocument.version !== version) throw new Error(`an edit of version ${change.textDocument.version}, the document is at ${version}`);
      edits = edits.concat(change.edits as TextEdit[]);
    }
  } else edits = edit.changes?.[uri] ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, "python", 0, text), edits);
}
