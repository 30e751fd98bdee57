// The page's shareable state in the URL hash: `#code=<base64url of the UTF-8 source>` and the
// settings that differ from the defaults (`mode=native`, `select=`, `extend-select=`, `ignore=`,
// `unsafe=1`, `tab=`). Pure functions: the page and the tests use the same ones.

export type Mode = "exact" | "native";
export const TABS = ["diagnostics", "fixed", "typescript", "run"] as const;
export type Tab = (typeof TABS)[number];

export interface PageState {
  code: string;
  mode: Mode;
  /** Rule selectors as typed: comma- or space-separated codes, prefixes, names or ALL. */
  select: string;
  extendSelect: string;
  ignore: string;
  /** The fixed-source pane shows unsafe fixes too. */
  unsafe: boolean;
  tab: Tab;
}

export const DEFAULTS: Omit<PageState, "code"> = { mode: "exact", select: "", extendSelect: "", ignore: "", unsafe: false, tab: "diagnostics" };

export function encodeBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** null when the text is not base64url of UTF-8. */
export function decodeBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The hash (with its "#") for a state: the code first, then the settings that are not defaults. */
export function toHash(state: PageState): string {
  const parts = [`code=${encodeBase64Url(state.code)}`];
  if (state.mode !== DEFAULTS.mode) parts.push(`mode=${state.mode}`);
  for (const [key, value] of [["select", state.select], ["extend-select", state.extendSelect], ["ignore", state.ignore]] as const) {
    if (value.trim() !== "") parts.push(`${key}=${encodeURIComponent(value.trim())}`);
  }
  if (state.unsafe) parts.push("unsafe=1");
  if (state.tab !== DEFAULTS.tab) parts.push(`tab=${state.tab}`);
  return `#${parts.join("&")}`;
}

/** The state a hash holds; null when it holds no (valid) code. Unknown keys and values are ignored. */
export function fromHash(hash: string): PageState | null {
  const params = new Map<string, string>();
  for (const part of hash.replace(/^#/, "").split("&")) {
    const eq = part.indexOf("=");
    if (eq > 0) params.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const code = decodeBase64Url(params.get("code") ?? "");
  if (code === null || !params.has("code")) return null;
  const text = (key: string) => {
    try {
      return decodeURIComponent(params.get(key) ?? "");
    } catch {
      return "";
    }
  };
  const tab = params.get("tab") as Tab | undefined;
  return {
    code,
    mode: params.get("mode") === "native" ? "native" : "exact",
    select: text("select"),
    extendSelect: text("extend-select"),
    ignore: text("ignore"),
    unsafe: params.get("unsafe") === "1",
    tab: tab && (TABS as readonly string[]).includes(tab) ? tab : DEFAULTS.tab,
  };
}

/** "JSN001, JSN1 dump-to-path" → ["JSN001", "JSN1", "dump-to-path"]; empty → undefined (the default). */
export function selectors(text: string): string[] | undefined {
  const list = text.split(/[\s,]+/).filter((s) => s !== "");
  return list.length > 0 ? list : undefined;
}
