// `dumpling server`: the language server (LSP 3.17 over stdio). A thin shell over the library:
// lint() for diagnostics, fix() and noqaEdit() for code actions, findCalls() and translate()
// for hovers, loadConfig() and isExcluded() for settings. This file wires the protocol.
import { format } from "node:util";
import { fileURLToPath } from "node:url";
import { resolve, sep } from "node:path";
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  Message,
  MessageType,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
  type MessageReader,
  type MessageWriter,
  type NotificationMessage,
  type WorkspaceFolder,
} from "vscode-languageserver/node.js";
import { releaseMemory, type InternalErrorInfo, type Translation } from "../api/index.js";
import { codeActions, fixAllEdit, FIX_ALL_KIND, type ActionContext } from "./actions.js";
import { Documents, packageVersion, type OpenDocument } from "./documents.js";
import { callAt, callHover, noqaHover, translationOf } from "./hover.js";
import { chooseEncoding, type PositionEncoding } from "./positions.js";
import { DEFAULT_CLIENT_SETTINGS, readClientSettings, type ClientSettings, type DocumentSettings } from "./settings.js";

export const COMMANDS = {
  applyAutofix: "dumpling.applyAutofix",
  applyUnsafeFixes: "dumpling.applyUnsafeFixes",
  showTranslation: "dumpling.showTranslation",
} as const;

const CONFIG_FILES = /(^|[\\/])(pyproject|dumpling)\.toml$/;

export interface ServerHandle {
  connection: Connection;
  /** Whether `shutdown` was received (the exit code of `exit` and of a closed input). */
  readonly shutdown: boolean;
}

function isCancel(message: Message): boolean {
  return Message.isNotification(message) && (message as NotificationMessage).method === "$/cancelRequest";
}

/** Start a server on a message stream; `listen()` has been called. */
export function startServer(reader: MessageReader, writer: MessageWriter): ServerHandle {
  // Idle means: every message received has been handled (cancellations aside: the connection
  // may consume them without handling them). Diagnostics are computed only then.
  let received = 0;
  let handled = 0;
  const counting: MessageReader = {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    listen: (callback) =>
      reader.listen((message) => {
        if (!isCancel(message)) received++;
        callback(message);
      }),
    dispose: () => reader.dispose(),
  };
  const messageStrategy = {
    handleMessage(message: Message, next: (message: Message) => void) {
      try {
        next(message);
      } finally {
        if (!isCancel(message)) handled++;
        if (handled >= received) requestFlush();
      }
    },
  };
  const connection = createConnection(counting, writer, { messageStrategy });

  let shutdown = false;
  let encoding: PositionEncoding = "utf-16";
  let capabilities: ClientCapabilities = {};
  let folders: string[] = [];
  let initialSettings: ClientSettings = DEFAULT_CLIENT_SETTINGS;
  const shown = new Set<string>();
  const early: string[] = [];
  let initialized = false;

  const log = (type: MessageType, message: string) => void connection.sendNotification("window/logMessage", { type, message });
  function showError(message: string): void {
    if (shown.has(message)) return;
    shown.add(message);
    if (!initialized) {
      early.push(message);
      return;
    }
    say(message);
  }
  /** An error the user must fix (a configuration, a setting): in the log, and shown. */
  function say(message: string): void {
    log(MessageType.Error, message);
    void connection.sendNotification("window/showMessage", { type: MessageType.Error, message });
  }
  const supportsConfiguration = () => !!capabilities.workspace?.configuration;

  let flushScheduled = false;
  function requestFlush(): void {
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(() => {
      flushScheduled = false;
      const flushed = handled >= received && !shutdown ? documents.flush() : Promise.resolve();
      // Parse trees' native memory is freed only once V8 has collected them: see releaseMemory.
      // Its full collection (every 1 MiB of text parsed: every 12th keystroke in the bench's 93 KB
      // file) comes once the diagnostics are written, not before: it delayed their publication.
      void flushed.then(releaseMemory, releaseMemory);
    });
  }

  const documents = new Documents({
    get encoding() {
      return encoding;
    },
    async clientSettings(uri) {
      if (!uri || !supportsConfiguration()) return initialSettings;
      const [raw] = (await connection.workspace.getConfiguration([{ scopeUri: uri, section: "dumpling" }])) as unknown[];
      const { settings, errors } = readClientSettings(raw, initialSettings);
      errors.forEach(showError);
      return settings;
    },
    rootOf(uri) {
      if (!uri.startsWith("file:")) return process.cwd();
      const path = fileURLToPath(uri);
      const folder = folders.filter((f) => path === f || path.startsWith(f.endsWith(sep) ? f : f + sep)).sort((a, b) => b.length - a.length)[0];
      return folder ?? process.cwd();
    },
    publish(uri, version, diagnostics) {
      return connection.sendDiagnostics({ uri, version, diagnostics });
    },
    log,
    showError,
    requestFlush,
  });

  const folderPath = (f: WorkspaceFolder | { uri: string }) => (f.uri.startsWith("file:") ? resolve(fileURLToPath(f.uri)) : null);

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    encoding = chooseEncoding(capabilities.general?.positionEncodings);
    const roots = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []);
    folders = roots.map(folderPath).filter((p): p is string => p !== null);
    const { settings, errors } = readClientSettings(params.initializationOptions);
    initialSettings = settings;
    errors.forEach(showError);
    return {
      capabilities: {
        positionEncoding: encoding,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: "dumpling", version: packageVersion() },
    };
  });

  connection.onInitialized(() => {
    initialized = true;
    early.splice(0).forEach(say);
    const workspace = capabilities.workspace;
    if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: "**/pyproject.toml" }, { globPattern: "**/dumpling.toml" }],
      });
    }
    if (workspace?.didChangeConfiguration?.dynamicRegistration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    if (workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map(folderPath));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map(folderPath).filter((p): p is string => p !== null)];
        reload();
      });
    }
  });

  function reload(): void {
    shown.clear();
    documents.reload();
  }

  connection.onDidOpenTextDocument((p) => documents.didOpen(p.textDocument));
  connection.onDidChangeTextDocument((p) => documents.didChange(p.textDocument.uri, p.textDocument.version, p.contentChanges));
  connection.onDidSaveTextDocument((p) => documents.didSave(p.textDocument.uri, !capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration));
  connection.onDidCloseTextDocument((p) => documents.didClose(p.textDocument.uri));
  connection.onDidChangeWatchedFiles((p) => {
    if (p.changes.some((c) => CONFIG_FILES.test(c.uri))) reload();
  });
  connection.onDidChangeConfiguration((p) => {
    // Without workspace/configuration, the settings come with the notification.
    if (!supportsConfiguration() && p.settings !== null && p.settings !== undefined) {
      const { settings, errors } = readClientSettings(p.settings, DEFAULT_CLIENT_SETTINGS);
      initialSettings = settings;
      shown.clear();
      errors.forEach(showError);
    }
    reload();
  });

  /** A document the client has open, with its settings; requests after shutdown are refused. */
  async function openDocument(uri: unknown): Promise<{ state: OpenDocument; settings: DocumentSettings }> {
    if (shutdown) throw new ResponseError(ErrorCodes.InvalidRequest, "dumpling: the server is shutting down");
    const state = typeof uri === "string" ? documents.get(uri) : undefined;
    if (!state) throw new ResponseError(ErrorCodes.InvalidParams, `dumpling: no open Python document ${JSON.stringify(uri)}`);
    return { state, settings: await documents.settingsOf(state) };
  }

  const onInternalError = (e: InternalErrorInfo) => log(MessageType.Error, `dumpling: internal error: rule ${e.rule} failed: ${e.message}`);
  function actionContext(state: OpenDocument, settings: DocumentSettings): ActionContext {
    return { state, settings, positions: state.positions(encoding), documentChanges: !!capabilities.workspace?.workspaceEdit?.documentChanges, onInternalError };
  }
  const markdown = () => capabilities.textDocument?.hover?.contentFormat?.includes("markdown") ?? true;

  connection.onCodeAction(async (p) => {
    if (!documents.get(p.textDocument.uri)) return [];
    const { state, settings } = await openDocument(p.textDocument.uri);
    if (settings.excluded) return [];
    const ctx = actionContext(state, settings);
    const start = ctx.positions.offsetAt(p.range.start);
    const end = ctx.positions.offsetAt(p.range.end);
    return codeActions(ctx, documents.lint(state), start, end, p.context.only);
  });

  connection.onHover(async (p) => {
    if (!documents.get(p.textDocument.uri)) return null;
    const { state, settings } = await openDocument(p.textDocument.uri);
    const positions = state.positions(encoding);
    const text = state.doc.getText();
    const offset = positions.offsetAt(p.position);
    const noqa = noqaHover(text, offset, positions, markdown());
    if (noqa) return noqa;
    const call = callAt(text, offset, settings.options);
    if (!call) return null;
    const { exact, native } = documents.translations(state, settings);
    return callHover(call, translationOf(call, exact), translationOf(call, native), positions, markdown());
  });

  connection.onExecuteCommand(async (p) => {
    const arg = p.arguments?.[0] as string | { uri?: string; mode?: string } | undefined;
    const uri = typeof arg === "string" ? arg : arg?.uri;
    switch (p.command) {
      case COMMANDS.applyAutofix:
      case COMMANDS.applyUnsafeFixes: {
        const { state, settings } = await openDocument(uri);
        const unsafe = p.command === COMMANDS.applyUnsafeFixes || settings.unsafeFixes;
        const edit = fixAllEdit(actionContext(state, settings), documents.lint(state), unsafe);
        if (!edit) return { applied: false, reason: "nothing to fix" };
        const result = await connection.workspace.applyEdit({ label: unsafe ? "dumpling: apply unsafe fixes" : "dumpling: apply fixes", edit });
        return { applied: result.applied };
      }
      case COMMANDS.showTranslation: {
        const { state, settings } = await openDocument(uri);
        const mode = typeof arg === "object" && arg?.mode === "native" ? "native" : "exact";
        const translations = documents.translations(state, settings)[mode];
        return { uri: state.uri, version: state.doc.version, mode, typescript: translationModule(translations), translations };
      }
      default:
        throw new ResponseError(ErrorCodes.InvalidParams, `dumpling: unknown command ${JSON.stringify(p.command)}`);
    }
  });

  connection.onShutdown(() => {
    shutdown = true;
  });

  connection.listen();
  return {
    connection,
    get shutdown() {
      return shutdown;
    },
  };
}

/** A document's translations as one TypeScript text: the imports, then each call under its Python. */
function translationModule(translations: Translation[]): string {
  const imports = [...new Set(translations.flatMap((t) => t.imports))].sort();
  const parts = translations.map((t) => `// line ${t.location.row}: ${t.python.split(/\r\n|\r|\n/).join("\n//   ")}\n${t.typescript}`);
  return [...(imports.length ? [imports.join("\n"), ""] : []), parts.join("\n\n"), ""].join("\n");
}

/** `dumpling server`: stdio; ends the process on `exit` or when the client closes the input. */
export function runServer(): Promise<never> {
  const handle = startServer(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  // Standard output is the protocol: anything printed goes to the client's log instead.
  const toLog = (type: MessageType) => (...args: unknown[]) => void handle.connection.sendNotification("window/logMessage", { type, message: format(...args) });
  console.log = console.info = toLog(MessageType.Log);
  console.warn = toLog(MessageType.Warning);
  console.error = toLog(MessageType.Error);
  const exit = () => process.exit(handle.shutdown ? 0 : 1);
  process.stdin.on("end", exit);
  process.stdin.on("close", exit);
  // A bug must not take the editor's diagnostics down with it: it is logged and the server goes on.
  const report = (e: unknown) => console.error(`dumpling: internal error: ${e instanceof Error ? e.message : String(e)}`);
  process.on("uncaughtException", report);
  process.on("unhandledRejection", report);
  return new Promise<never>(() => {});
}
