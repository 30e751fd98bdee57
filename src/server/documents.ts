// The open documents: their text (incremental sync), their settings, their diagnostics by
// version, and when to lint. Linting is synchronous and happens when the server is idle (every
// message it has received has been handled), so a burst of changes is linted once, at its last
// version, and a publication is always of the version the server holds.
import { DiagnosticSeverity, DiagnosticTag, MessageType, type Diagnostic as LspDiagnostic, type TextDocumentContentChangeEvent } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { openDocument, translate, type Diagnostic, type InternalErrorInfo, type SourceDocument, type Translation } from "../api/index.js";
import { Positions, type PositionEncoding } from "./positions.js";
import { resolveDocumentSettings, type ClientSettings, type DocumentSettings } from "./settings.js";

/** One diagnostic of a linted version: the API's, the client's, and its UTF-16 offsets. */
export interface LintItem {
  diagnostic: Diagnostic;
  lsp: LspDiagnostic;
  start: number;
  end: number;
}

export interface DocumentsHost {
  readonly encoding: PositionEncoding;
  /** The client's settings for a document (workspace/configuration, initializationOptions). */
  clientSettings(uri: string): Promise<ClientSettings>;
  /** The workspace folder of a document (the current directory when it is in none). */
  rootOf(uri: string): string;
  /** Resolves once the notification is written. */
  publish(uri: string, version: number | undefined, diagnostics: LspDiagnostic[]): Promise<void>;
  log(type: MessageType, message: string): void;
  /** Shown to the user once until the configuration is reloaded. */
  showError(message: string): void;
  /** Call flush() once every message received so far has been handled. */
  requestFlush(): void;
}

export class OpenDocument {
  /** Counts the changes of the text (TextDocument.update changes the document in place). */
  revision = 0;
  settings: DocumentSettings | undefined;
  pendingSettings: Promise<DocumentSettings> | undefined;
  needsLint = false;
  linted: { revision: number; settings: DocumentSettings; items: LintItem[] } | undefined;
  translations: { revision: number; exact: Translation[]; native: Translation[] } | undefined;
  /** The fix-all's output for a revision (see fixAllEdit). */
  fixed: { revision: number; settings: DocumentSettings; unsafeFixes: boolean; output: string } | undefined;
  private positionsOf: { revision: number; positions: Positions } | undefined;
  private lastInternalErrors = "";
  /** The library's document: it keeps the tree of the text last linted, so a change re-parses only what changed. */
  readonly source: SourceDocument;

  constructor(readonly doc: TextDocument) {
    this.source = openDocument(doc.getText());
  }

  get uri(): string {
    return this.doc.uri;
  }

  positions(encoding: PositionEncoding): Positions {
    if (this.positionsOf?.revision !== this.revision) this.positionsOf = { revision: this.revision, positions: new Positions(this.doc, encoding) };
    return this.positionsOf.positions;
  }

  /** Internal errors are logged when they change, not at every keystroke. */
  internalErrors(errors: InternalErrorInfo[]): InternalErrorInfo[] {
    const key = errors.map((e) => `${e.rule}: ${e.message}`).join("\n");
    const changed = key !== this.lastInternalErrors;
    this.lastInternalErrors = key;
    return changed ? errors : [];
  }
}

/** Python sources: the language id, or the extension for clients that send another id. */
export function isPython(languageId: string, uri: string): boolean {
  return languageId === "python" || /\.pyi?$/i.test(uri.replace(/[?#].*$/, ""));
}

let manifest: { root: string; version: string } | null | undefined;

/** The package's directory (where docs/ is) and version: the nearest dumpling-json package.json above this module. */
function packageManifest(): { root: string; version: string } | null {
  if (manifest !== undefined) return manifest;
  manifest = null;
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    const json = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (json.name === "dumpling-json") return (manifest = { root: dir, version: json.version ?? "" });
  }
  return manifest;
}

export function packageVersion(): string {
  return packageManifest()?.version ?? "";
}

/** The rule's page as a URI: the docs shipped with the package (the Diagnostic's url is relative to it). */
export function ruleHref(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  const root = packageManifest()?.root;
  return root ? pathToFileURL(join(root, url)).href : url;
}

export function toLspDiagnostic(d: Diagnostic, positions: Positions): LspDiagnostic {
  return {
    range: positions.range(d.location, d.end_location),
    severity: d.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    codeDescription: { href: ruleHref(d.url) },
    source: "dumpling",
    message: d.message,
    // An unused `# noqa` code: clients grey it out.
    ...(d.code === "JSN100" ? { tags: [DiagnosticTag.Unnecessary] } : {}),
  };
}

export class Documents {
  private readonly open = new Map<string, OpenDocument>();
  /** Bumped by every reload: settings resolved before it are not kept. */
  private generation = 0;

  constructor(private readonly host: DocumentsHost) {}

  get(uri: string): OpenDocument | undefined {
    return this.open.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.open.values()];
  }

  didOpen(item: { uri: string; languageId: string; version: number; text: string }): void {
    if (!isPython(item.languageId, item.uri)) return;
    const state = new OpenDocument(TextDocument.create(item.uri, item.languageId, item.version, item.text));
    this.open.get(item.uri)?.source.dispose();
    this.open.set(item.uri, state);
    void this.settingsOf(state);
  }

  didChange(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void {
    const state = this.open.get(uri);
    if (!state) return;
    const doc = state.doc;
    // Each change's range is in the text the previous one left, in the negotiated encoding.
    for (const change of changes) {
      const utf16 = "range" in change ? { range: new Positions(doc, this.host.encoding).toUtf16(change.range), text: change.text } : { text: change.text };
      TextDocument.update(doc, [utf16], version);
    }
    TextDocument.update(doc, [], version);
    state.revision++;
    if (state.settings?.lintOn !== "save") state.needsLint = true;
  }

  /** `rereadSettings`: for clients that cannot watch the configuration files, a save reads them again. */
  didSave(uri: string, rereadSettings: boolean): void {
    const state = this.open.get(uri);
    if (!state) return;
    if (rereadSettings && !state.pendingSettings) {
      state.settings = undefined;
      void this.settingsOf(state);
    } else if (state.linted?.revision !== state.revision) state.needsLint = true;
  }

  didClose(uri: string): void {
    const state = this.open.get(uri);
    if (!state) return;
    this.open.delete(uri);
    state.source.dispose();
    void this.host.publish(uri, undefined, []);
  }

  /** The configuration changed: every document's settings are resolved again, then it is linted. */
  reload(): void {
    this.generation++;
    for (const state of this.open.values()) {
      state.settings = undefined;
      state.pendingSettings = undefined;
      void this.settingsOf(state);
    }
  }

  settingsOf(state: OpenDocument): Promise<DocumentSettings> {
    if (state.settings) return Promise.resolve(state.settings);
    if (state.pendingSettings) return state.pendingSettings;
    const generation = this.generation;
    const pending = (async () => {
      let client: ClientSettings;
      try {
        client = await this.host.clientSettings(state.uri);
      } catch (e) {
        this.host.log(MessageType.Warning, `dumpling: could not read the client's settings: ${(e as Error).message}`);
        client = await this.host.clientSettings("");
      }
      let resolved: ReturnType<typeof resolveDocumentSettings>;
      try {
        resolved = resolveDocumentSettings(state.uri, client, this.host.rootOf(state.uri));
      } catch (e) {
        // A bug of ours: said, and the document is linted with the client's settings alone.
        this.host.log(MessageType.Error, `dumpling: internal error: ${state.uri}: reading the configuration failed: ${(e as Error).message}`);
        resolved = resolveDocumentSettings("untitled:", client, "");
      }
      const { settings, error } = resolved;
      if (error) this.host.showError(error);
      if (generation === this.generation && this.open.get(state.uri) === state) {
        state.settings = settings;
        state.pendingSettings = undefined;
        state.needsLint = true;
        this.host.requestFlush();
      }
      return settings;
    })();
    state.pendingSettings = pending;
    return pending;
  }

  /** Lint and publish every document whose text or settings changed; resolves once the publications are written. */
  async flush(): Promise<void> {
    const written: Promise<void>[] = [];
    for (const state of this.open.values()) {
      if (!state.needsLint || !state.settings) continue;
      state.needsLint = false;
      const items = this.lint(state);
      written.push(this.host.publish(state.uri, state.doc.version, items.map((i) => i.lsp)));
    }
    await Promise.all(written);
  }

  /** The diagnostics of the document's current version (linted now unless they are known). */
  lint(state: OpenDocument): LintItem[] {
    const settings = state.settings;
    if (!settings || settings.excluded) return [];
    const revision = state.revision;
    if (state.linted?.revision === revision && state.linted.settings === settings) return state.linted.items;
    const errors: InternalErrorInfo[] = [];
    let diagnostics: Diagnostic[] = [];
    try {
      state.source.update(state.doc.getText());
      diagnostics = state.source.lint({ ...settings.options, onInternalError: (e) => errors.push(e) });
    } catch (e) {
      errors.push({ rule: "lint", message: e instanceof Error ? e.message : String(e) });
    }
    for (const e of state.internalErrors(errors)) this.host.log(MessageType.Error, `dumpling: internal error: ${state.uri}: rule ${e.rule} failed: ${e.message}`);
    const positions = state.positions(this.host.encoding);
    const items = diagnostics.map((d) => ({ diagnostic: d, lsp: toLspDiagnostic(d, positions), start: positions.offsetOf(d.location), end: positions.offsetOf(d.end_location) }));
    state.linted = { revision, settings, items };
    return items;
  }

  /** The document's translations in both modes, for its current version. */
  translations(state: OpenDocument, settings: DocumentSettings): { exact: Translation[]; native: Translation[] } {
    const revision = state.revision;
    if (state.translations?.revision === revision) return state.translations;
    const text = state.doc.getText();
    const onInternalError = (e: InternalErrorInfo) => this.host.log(MessageType.Error, `dumpling: internal error: ${state.uri}: ${e.rule}: ${e.message}`);
    const options = { filename: settings.options.filename, extendJsonModules: settings.options.extendJsonModules, onInternalError };
    state.translations = { revision, exact: translate(text, { ...options, mode: "exact" }), native: translate(text, { ...options, mode: "native" }) };
    return state.translations;
  }
}
