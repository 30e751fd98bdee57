// Settings: the client's (initializationOptions, then workspace/configuration's "dumpling"
// section, which wins key by key) layered over each file's configuration, resolved as `dumpling
// check` resolves it (the nearest pyproject.toml or dumpling.toml; the client's select, ignore
// and extendSelect over it as the command line's options go over it).
import { fileURLToPath } from "node:url";
import { ConfigError, isExcluded, lint, loadConfig, type Options, type Selection } from "../api/index.js";

export interface ClientSettings extends Selection {
  /** Offer unsafe fixes in source.fixAll.dumpling and dumpling.applyAutofix. */
  unsafeFixes: boolean;
  /** Lint as the text changes (default) or only when it is opened and saved. */
  lintOn: "change" | "save";
}

export const DEFAULT_CLIENT_SETTINGS: ClientSettings = { unsafeFixes: false, lintOn: "change" };

export interface DocumentSettings {
  /** What lint(), fix() and noqaEdit() are given. */
  options: Options;
  unsafeFixes: boolean;
  lintOn: "change" | "save";
  /** The configuration excludes the file: no diagnostics, no fixes. */
  excluded: boolean;
}

const SELECTION_KEYS = ["select", "ignore", "extendSelect"] as const;

/**
 * Read one object of client settings: `{ select, ignore, extendSelect, unsafeFixes, lintOn }`,
 * or the same under a `dumpling` key. A value that is wrong is left out, with a message saying why.
 */
export function readClientSettings(raw: unknown, base: ClientSettings = DEFAULT_CLIENT_SETTINGS): { settings: ClientSettings; errors: string[] } {
  const settings: ClientSettings = { ...base };
  const errors: string[] = [];
  if (raw === null || raw === undefined) return { settings, errors };
  let obj = raw as Record<string, unknown>;
  if (typeof obj === "object" && !Array.isArray(obj) && typeof obj.dumpling === "object" && obj.dumpling !== null) obj = obj.dumpling as Record<string, unknown>;
  if (typeof obj !== "object" || Array.isArray(obj)) return { settings, errors: ["dumpling: settings must be an object"] };
  for (const key of SELECTION_KEYS) {
    const value = obj[key];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
      errors.push(`dumpling: setting \`${key}\` must be a list of rule codes`);
      continue;
    }
    try {
      // lint() validates a selection before it reads anything: the empty source costs nothing.
      lint("", { [key]: value });
      settings[key] = value as string[];
    } catch (e) {
      errors.push(`dumpling: setting \`${key}\`: ${(e as Error).message}`);
    }
  }
  if (obj.unsafeFixes !== undefined && obj.unsafeFixes !== null) {
    if (typeof obj.unsafeFixes === "boolean") settings.unsafeFixes = obj.unsafeFixes;
    else errors.push("dumpling: setting `unsafeFixes` must be true or false");
  }
  if (obj.lintOn !== undefined && obj.lintOn !== null) {
    if (obj.lintOn === "change" || obj.lintOn === "save") settings.lintOn = obj.lintOn;
    else errors.push('dumpling: setting `lintOn` must be "change" or "save"');
  }
  return { settings, errors };
}

function selectionOf(client: ClientSettings): Selection {
  const selection: Selection = {};
  for (const key of SELECTION_KEYS) if (client[key]) selection[key] = client[key];
  return selection;
}

/**
 * A document's settings. A file's configuration is read from disk (`root`: the workspace folder,
 * where the built-in excludes apply when there is no configuration); an invalid one is reported
 * through `error` and the document is linted with the client's settings alone.
 */
export function resolveDocumentSettings(uri: string, client: ClientSettings, root: string): { settings: DocumentSettings; error?: string } {
  const selection = selectionOf(client);
  const base = { unsafeFixes: client.unsafeFixes, lintOn: client.lintOn };
  if (!uri.startsWith("file:")) return { settings: { ...base, options: { ...selection }, excluded: false } };
  const path = fileURLToPath(uri);
  try {
    return { settings: { ...base, options: loadConfig(path, selection), excluded: isExcluded(path, root) } };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return { settings: { ...base, options: { filename: path, ...selection }, excluded: false }, error: `dumpling: ${e.message}` };
  }
}
