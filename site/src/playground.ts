// The playground page: a Python editor, and panes for the diagnostics (with their fixes), the
// fixed source, the TypeScript translation and Run, all from dumpling-json/wasm in the page.
// Everything recomputes as the user types (debounced); the state lives in the URL hash.
// On the way to the first diagnostics are only the core (on web-tree-sitter) and the editor: the
// parser's .wasm files compile while the editor is built, the Python highlighting loads right after
// the first diagnostics, and the translator (the TypeScript compiler) when its tab is shown, Run is
// pressed or the page is idle.
import { defaultKeymap, history as undoHistory, historyKeymap, indentLess, indentMore } from "@codemirror/commands";
import { bracketMatching, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { Compartment, EditorState, StateEffect, StateField, type Range as CmRange } from "@codemirror/state";
import { Decoration, EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers, type DecorationSet } from "@codemirror/view";
import { classHighlighter } from "@lezer/highlight";
import { fix, init, lint, translate } from "../../src/api/wasm.js";
import type { Diagnostic, Translation } from "../../src/api/types.js";
import { LineIndex } from "../../src/python/text.js";
import { DEFAULTS, fromHash, selectors, TABS, toHash, type Mode, type PageState, type Tab } from "./hash.js";
import { highlighted, loadPythonGrammar, loadTypeScriptGrammar } from "./highlight.js";
import { setupTheme } from "./theme.js";

const EXAMPLE = `import json

config = {"name": "café", "ratio": 1.0, "sizes": [1, 2, 3], "debug": False}
print(json.dumps(config))

# No encoding=: the file is written in the platform's encoding (JSN021).
with open("config.json", "w") as f:
    json.dump(config, f, ensure_ascii=False, indent=2)

with open("config.json", encoding="utf-8") as f:
    loaded = json.loads(f.read())  # the same as json.load(f) (JSN101)
print(json.dumps(loaded, sort_keys=True, separators=(",", ":")))
`;

const WASM = {
  treeSitter: new URL("./tree-sitter.wasm", import.meta.url).href,
  python: new URL("./tree-sitter-python.wasm", import.meta.url).href,
};
const DEBOUNCE_MS = 120;
/** The URL follows the source this long after the last analysis (replaceState of a long hash is slow). */
const SAVE_MS = 300;

// The parser first: its .wasm files (preloaded by index.html) compile while the editor is built.
const parserReady = init(WASM);

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

// --- state ----------------------------------------------------------------------------------------

const initial: PageState = fromHash(location.hash) ?? { code: EXAMPLE, ...DEFAULTS };
let settings: Omit<PageState, "code"> = withoutCode(initial);
let ready = false;
let typescript: (typeof import("typescript")) | null = null;
let translator: Promise<typeof import("typescript")> | null = null;
let diagnostics: Diagnostic[] = [];
let version = 0;
/** The source each pane last showed (a pane is recomputed when it is shown and stale). */
const shown: Record<"fixed" | "typescript", string | null> = { fixed: null, typescript: null };

function withoutCode(state: PageState): Omit<PageState, "code"> {
  const { code: _, ...rest } = state;
  return rest;
}

function source(): string {
  return view.state.doc.toString();
}

function currentState(): PageState {
  return { code: source(), ...settings };
}

function lintOptions() {
  // docsUrl: each diagnostic's url is its page on this site.
  return { filename: "main.py", docsUrl: "rules/", select: selectors(settings.select), extendSelect: selectors(settings.extendSelect), ignore: selectors(settings.ignore) };
}

// --- the editor ---------------------------------------------------------------------------------

const setMarks = StateEffect.define<DecorationSet>();
const marks = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    value = value.map(tr.changes);
    for (const e of tr.effects) if (e.is(setMarks)) value = e.value;
    return value;
  },
  provide: (f) => EditorView.decorations.from(f),
});

let timer: ReturnType<typeof setTimeout> | undefined;
/** The editor's Python support (highlighting, indentation), set once its grammar has loaded. */
const language = new Compartment();
const view = new EditorView({
  parent: $("editor"),
  state: EditorState.create({
    doc: initial.code,
    extensions: [
      // The text exactly as given (\r\n stays): what the library and the link see is what is typed.
      EditorState.lineSeparator.of("\n"),
      lineNumbers(),
      undoHistory(),
      drawSelection(),
      highlightActiveLine(),
      bracketMatching(),
      indentOnInput(),
      language.of([]),
      syntaxHighlighting(classHighlighter),
      keymap.of([...defaultKeymap, ...historyKeymap, { key: "Mod-]", run: indentMore }, { key: "Mod-[", run: indentLess }]),
      marks,
      // Colours from style.css's variables, so one editor theme serves light and dark.
      EditorView.theme({
        "&": { color: "var(--fg)", backgroundColor: "var(--bg)" },
        ".cm-gutters": { color: "var(--fg-soft)", backgroundColor: "var(--bg-soft)", borderRight: "1px solid var(--border)" },
        ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "var(--active-line)" },
        "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection": { backgroundColor: "var(--selection)" },
        ".cm-cursor": { borderLeftColor: "var(--fg)" },
        "&.cm-focused .cm-matchingBracket": { backgroundColor: "var(--selection)", outline: "1px solid var(--border)" },
      }),
      EditorView.contentAttributes.of({ "aria-label": "Python source", "aria-describedby": "diagnostics-summary" }),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        clearTimeout(timer);
        timer = setTimeout(analyze, DEBOUNCE_MS);
      }),
    ],
  }),
});

// --- analysis -------------------------------------------------------------------------------------

/** Lints now; the fixed source and the translation follow when their pane is visible. */
function analyze(): void {
  if (!ready) return;
  clearTimeout(timer);
  const v = ++version;
  const text = source();
  const started = performance.now();
  $("settings-error").textContent = "";
  try {
    diagnostics = lint(text, lintOptions());
  } catch (e) {
    // An unknown rule selector: say so, and show nothing stale.
    diagnostics = [];
    $("settings-error").textContent = e instanceof Error ? e.message : String(e);
  }
  const linted = performance.now();
  renderDiagnostics(text);
  performance.measure("dumpling:analysis", { start: started, end: performance.now() });
  performance.measure("dumpling:analysis:lint", { start: started, end: linted });
  document.body.dataset.analyzed = String(v);
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveState, SAVE_MS);
  shown.fixed = shown.typescript = null;
  // The pane's work after the browser has painted the diagnostics.
  setTimeout(() => v === version && refreshPane(), 0);
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;

/** The state into the URL hash; `data-saved` says which analysis it holds. */
function saveState(): void {
  clearTimeout(saveTimer);
  window.history.replaceState(null, "", toHash(currentState()));
  document.body.dataset.saved = String(version);
}

function refreshPane(): void {
  if (!ready) return;
  const started = performance.now();
  if (settings.tab === "fixed") renderFixed();
  if (settings.tab === "typescript") renderTranslation();
  performance.measure(`dumpling:pane:${settings.tab}`, { start: started, end: performance.now() });
}

function renderDiagnostics(text: string): void {
  const lines = new LineIndex(text);
  const list = $("diagnostics");
  list.replaceChildren();
  const ranges: CmRange<Decoration>[] = [];
  diagnostics.forEach((d) => {
    let from = lines.offset(d.location);
    let to = lines.offset(d.end_location);
    const li = document.createElement("li");
    li.className = `diagnostic ${d.severity}`;
    const select = document.createElement("button");
    select.type = "button";
    select.className = "locate";
    select.title = "Select this range in the editor";
    select.innerHTML = `<span class="code"></span> <span class="message"></span> <span class="position"></span>`;
    (select.children[0] as HTMLElement).textContent = d.code;
    (select.children[1] as HTMLElement).append(...withCode(d.message));
    (select.children[2] as HTMLElement).textContent = `${d.location.row}:${d.location.column}`;
    select.addEventListener("click", () => {
      const doc = view.state.doc.toString();
      const l = new LineIndex(doc);
      view.dispatch({ selection: { anchor: l.offset(d.location), head: l.offset(d.end_location) }, scrollIntoView: true });
      view.focus();
    });
    const rule = document.createElement("a");
    rule.className = "rule";
    rule.href = d.url;
    rule.textContent = d.name;
    li.append(select, " ", rule);
    if (d.fix) {
      const fixLine = document.createElement("div");
      fixLine.className = "fix";
      const title = document.createElement("span");
      title.append("Fix: ", ...withCode(d.fix.message));
      const badge = document.createElement("span");
      badge.className = `badge ${d.fix.applicability}`;
      badge.textContent = d.fix.applicability;
      const apply = document.createElement("button");
      apply.type = "button";
      apply.className = "apply";
      apply.textContent = "Apply fix";
      apply.setAttribute("aria-label", `Apply fix: ${d.fix.message} (${d.fix.applicability})`);
      apply.addEventListener("click", () => applyFix(d));
      fixLine.append(title, " ", badge, " ", apply);
      li.append(fixLine);
    }
    list.append(li);
    if (to <= from) {
      to = Math.min(from + 1, text.length);
      from = Math.min(from, to);
    }
    if (to > from) ranges.push(Decoration.mark({ class: `cm-diagnostic cm-${d.severity}`, attributes: { title: `${d.code} ${d.message}` } }).range(from, to));
  });
  view.dispatch({ effects: setMarks.of(Decoration.set(ranges, true)) });
  const n = diagnostics.length;
  $("count").textContent = String(n);
  $("diagnostics-summary").textContent = n === 0 ? "No diagnostics." : `${n} diagnostic${n === 1 ? "" : "s"}; ${diagnostics.filter((d) => d.fix).length} with a fix.`;
}

/** A message's `code` spans as <code> elements (the text itself is unchanged). */
function withCode(message: string): (string | HTMLElement)[] {
  return message.split(/(`[^`]+`)/).filter((part) => part !== "").map((part) => {
    if (!/^`[^`]+`$/.test(part)) return part;
    const code = document.createElement("code");
    code.textContent = part;
    return code;
  });
}

/** One diagnostic's fix, applied to the editor's text (its edits do not overlap). */
function applyFix(d: Diagnostic): void {
  if (!d.fix) return;
  const lines = new LineIndex(source());
  const changes = d.fix.edits.map((e) => ({ from: lines.offset(e.location), to: lines.offset(e.end_location), insert: e.content })).sort((a, b) => a.from - b.from);
  view.dispatch({ changes, userEvent: "input.fix" });
  analyze();
  view.focus();
}

function renderFixed(): void {
  const text = source();
  if (shown.fixed === text + settings.unsafe) return;
  shown.fixed = text + settings.unsafe;
  try {
    const result = fix(text, { ...lintOptions(), unsafeFixes: settings.unsafe });
    const n = result.fixed.length;
    const withheld = settings.unsafe ? "" : ` ${result.remaining.filter((d) => d.fix?.applicability === "unsafe").length} unsafe fixes withheld.`;
    $("fixed-summary").textContent = `${n} fix${n === 1 ? "" : "es"} applied; ${result.remaining.length} diagnostic${result.remaining.length === 1 ? "" : "s"} remaining.${withheld}`;
    $("fixed").replaceChildren(highlighted(result.output, "python"));
  } catch (e) {
    $("fixed-summary").textContent = e instanceof Error ? e.message : String(e);
    $("fixed").replaceChildren();
  }
}

let translations: Translation[] = [];

function renderTranslation(): void {
  if (!typescript) {
    void loadTranslator();
    return;
  }
  const text = source();
  if (shown.typescript === text + settings.mode) return;
  shown.typescript = text + settings.mode;
  const box = $("translations");
  try {
    translations = translate(text, { ...lintOptions(), mode: settings.mode, onInternalError: () => {} });
  } catch (e) {
    translations = [];
    $("typescript-summary").textContent = e instanceof Error ? e.message : String(e);
    box.replaceChildren();
    return;
  }
  const markers = translations.filter((t) => t.notes.some((n) => n.kind === "untranslated") || /\buntranslated\b/.test(t.typescript)).length;
  const review = translations.filter((t) => t.notes.some((n) => n.severity === "review")).length;
  const n = translations.length;
  $("typescript-summary").textContent =
    n === 0 ? "No json call to translate." : `${n} call${n === 1 ? "" : "s"} translated (${settings.mode} mode); ${review} with notes to review; ${markers} untranslated.`;
  box.replaceChildren(
    ...translations.map((t) => {
      const article = document.createElement("article");
      article.className = "translation";
      const h = document.createElement("h3");
      h.textContent = `${t.location.row}:${t.location.column} ${t.function}`;
      const py = document.createElement("pre");
      py.className = "code python";
      py.append(highlighted(t.python, "python"));
      const code = document.createElement("pre");
      code.className = "code typescript";
      code.append(highlighted([...t.imports, ...(t.imports.length ? [""] : []), t.typescript].join("\n"), "typescript"));
      article.append(h, py, code);
      if (/\buntranslated\b/.test(t.typescript)) {
        const m = document.createElement("p");
        m.className = "marker";
        m.textContent = "untranslated: this part throws UntranslatedPythonError until it is translated by hand";
        article.append(m);
      }
      if (t.notes.length > 0) {
        const ul = document.createElement("ul");
        ul.className = "notes";
        for (const note of t.notes) {
          const li = document.createElement("li");
          li.className = `note ${note.severity} ${note.kind}`;
          const badge = document.createElement("span");
          badge.className = `badge ${note.severity}`;
          badge.textContent = `${note.severity}${note.certainty === "possible" ? " (possible)" : ""}`;
          li.append(badge, ` ${note.kind}: `, ...withCode(note.message));
          ul.append(li);
        }
        article.append(ul);
      }
      return article;
    }),
  );
}

// --- tabs -------------------------------------------------------------------------------------------

function showTab(tab: Tab, focus = false): void {
  settings.tab = tab;
  for (const t of TABS) {
    const button = $(`tab-${t}`);
    const selected = t === tab;
    button.setAttribute("aria-selected", String(selected));
    button.tabIndex = selected ? 0 : -1;
    $(`panel-${t}`).hidden = !selected;
    if (selected && focus) button.focus();
  }
  if (ready) saveState();
  refreshPane();
}

$("tabs").addEventListener("click", (e) => {
  const tab = (e.target as HTMLElement).closest("[role=tab]")?.id.replace("tab-", "") as Tab | undefined;
  if (tab) showTab(tab);
});
$("tabs").addEventListener("keydown", (e) => {
  const i = TABS.indexOf(settings.tab);
  const next = e.key === "ArrowRight" ? i + 1 : e.key === "ArrowLeft" ? i - 1 : e.key === "Home" ? 0 : e.key === "End" ? TABS.length - 1 : null;
  if (next === null) return;
  e.preventDefault();
  showTab(TABS[(next + TABS.length) % TABS.length] as Tab, true);
});

// --- settings -----------------------------------------------------------------------------------------

const inputs = { select: $<HTMLInputElement>("select"), extendSelect: $<HTMLInputElement>("extend-select"), ignore: $<HTMLInputElement>("ignore") };

function showSettings(): void {
  inputs.select.value = settings.select;
  inputs.extendSelect.value = settings.extendSelect;
  inputs.ignore.value = settings.ignore;
  for (const r of document.querySelectorAll<HTMLInputElement>("input[name=mode]")) r.checked = r.value === settings.mode;
  $<HTMLInputElement>("unsafe").checked = settings.unsafe;
}

$("settings").addEventListener("submit", (e) => e.preventDefault());
$("settings").addEventListener("input", (e) => {
  const target = e.target as HTMLInputElement;
  if (target.name === "mode") settings.mode = target.value as Mode;
  else {
    settings.select = inputs.select.value;
    settings.extendSelect = inputs.extendSelect.value;
    settings.ignore = inputs.ignore.value;
  }
  clearTimeout(timer);
  timer = setTimeout(analyze, target.name === "mode" ? 0 : DEBOUNCE_MS);
});
$("unsafe").addEventListener("change", () => {
  settings.unsafe = $<HTMLInputElement>("unsafe").checked;
  saveState();
  renderFixed();
});

/** A link pasted into this tab's address bar: restore what it holds. */
window.addEventListener("hashchange", () => {
  const state = fromHash(location.hash);
  if (!state || (state.code === source() && toHash(state) === toHash(currentState()))) return;
  settings = withoutCode(state);
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: state.code } });
  showSettings();
  showTab(settings.tab);
  analyze();
});

// --- share --------------------------------------------------------------------------------------------

// Leaving the page (or its tab) saves a pending state at once.
window.addEventListener("pagehide", () => ready && saveState());
document.addEventListener("visibilitychange", () => ready && document.hidden && saveState());

$("share").addEventListener("click", async () => {
  saveState();
  const status = $("share-status");
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = "Link copied.";
  } catch {
    // No clipboard (an insecure origin, a denied permission): show the link to copy by hand.
    status.textContent = "Copy the address bar's link.";
  }
  setTimeout(() => (status.textContent = ""), 4000);
});

// --- run ----------------------------------------------------------------------------------------------

let running = false;
$("run").addEventListener("click", async () => {
  if (running) return;
  running = true;
  $("run").setAttribute("aria-busy", "true");
  showTab("run");
  try {
    await runBoth();
  } catch (e) {
    // Pyodide or a chunk could not be loaded (the site's files are incomplete).
    const verdict = $("verdict");
    verdict.className = "verdict unknown";
    verdict.textContent = `Run failed: ${e instanceof Error ? e.message : String(e)}`;
    verdict.dataset.verdict = "error";
  } finally {
    running = false;
    $("run").removeAttribute("aria-busy");
  }
});

function showOutput(pre: string, filesBox: string, output: { stdout: Uint8Array; stderr: string; files: Map<string, Uint8Array> } | null, mark: { where: string; offset: number } | null): void {
  const render = (bytes: Uint8Array, where: string) => {
    const text = document.createDocumentFragment();
    const at = mark && mark.where === where ? mark.offset : -1;
    const decode = (b: Uint8Array) => new TextDecoder().decode(b);
    if (at < 0 || at > bytes.length) text.append(decode(bytes));
    else {
      const m = document.createElement("mark");
      m.textContent = at < bytes.length ? decode(bytes.subarray(at, at + 1)) || " " : "⟂";
      m.title = at < bytes.length ? `byte ${at}: 0x${(bytes[at] as number).toString(16).padStart(2, "0")}` : `byte ${at}: end of output`;
      text.append(decode(bytes.subarray(0, at)), m, decode(bytes.subarray(at + 1)));
    }
    return text;
  };
  const out = $(pre);
  out.replaceChildren();
  const box = $(filesBox);
  box.replaceChildren();
  if (!output) return;
  out.append(render(output.stdout, "stdout"));
  if (output.stderr) {
    const err = document.createElement("span");
    err.className = "stderr";
    err.textContent = output.stderr;
    out.append(err);
  }
  for (const [path, bytes] of [...output.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const h = document.createElement("h4");
    h.textContent = `${path} (${bytes.length} bytes)`;
    const p = document.createElement("pre");
    p.className = "code output file";
    p.dataset.path = path;
    p.append(render(bytes, path));
    box.append(h, p);
  }
}

function byteText(b: number | null): string {
  if (b === null) return "nothing (the output ends)";
  const ch = b >= 0x20 && b < 0x7f ? ` ${JSON.stringify(String.fromCharCode(b))}` : b === 0x0a ? " (newline)" : "";
  return `0x${b.toString(16).padStart(2, "0")}${ch}`;
}

async function runBoth(): Promise<void> {
  const verdict = $("verdict");
  const code = source();
  const mode = settings.mode;
  const started = performance.now();
  verdict.className = "verdict";
  verdict.textContent = "Loading Python…";
  const [run, compiler] = await Promise.all([import("./run.js"), loadTranslator()]);
  const pyPromise = run.runPython(code);
  $("python-title").textContent = `CPython ${await run.pythonVersion()} (Pyodide)`;
  $("typescript-title").textContent = `TypeScript (${mode} mode)`;
  verdict.textContent = "Running…";
  const py = await pyPromise;
  let ts: Awaited<ReturnType<typeof run.runTypeScript>> | null = null;
  let problem: string | null = null;
  try {
    const list = translate(code, { ...lintOptions(), mode, onInternalError: () => {} });
    ts = await run.runTypeScript(code, list, mode, compiler, WASM);
    $("program").replaceChildren(highlighted(ts.program, "typescript"));
  } catch (e) {
    problem = e instanceof Error ? e.message : String(e);
    $("program").replaceChildren();
  }
  const difference = ts ? run.compare(py, ts) : null;
  showOutput("python-out", "python-files", py, difference);
  showOutput("typescript-out", "typescript-files", ts, difference);
  performance.measure("dumpling:run", { start: started, end: performance.now() });
  if (!ts) {
    verdict.className = "verdict unknown";
    verdict.textContent = `The TypeScript side cannot run: ${problem}`;
  } else if (!difference) {
    verdict.className = "verdict same";
    verdict.textContent = `Identical: stdout (${py.stdout.length} bytes)${py.files.size ? ` and ${py.files.size} file${py.files.size === 1 ? "" : "s"} (${[...py.files.keys()].join(", ")})` : ""} are the same bytes.`;
  } else if (difference.missing) {
    verdict.className = "verdict differ";
    verdict.textContent = `Different: only ${difference.missing === "python" ? "the TypeScript" : "CPython"} wrote ${difference.where}.`;
  } else {
    verdict.className = "verdict differ";
    verdict.textContent = `Different: first differing byte in ${difference.where} at offset ${difference.offset} (line ${difference.line}, column ${difference.column}): CPython ${byteText(difference.python)}, TypeScript ${byteText(difference.typescript)}.`;
  }
  verdict.dataset.verdict = !ts ? "unknown" : difference ? "differ" : "same";
}

/** The translator: the TypeScript compiler (and its grammar for highlighting), loaded once. */
function loadTranslator(): Promise<typeof import("typescript")> {
  translator ??= (async () => {
    const [mod] = (await Promise.all([import("typescript"), loadTypeScriptGrammar()])) as unknown as [{ default?: typeof import("typescript") } & typeof import("typescript")];
    const ts = mod.default ?? mod;
    await init({ typescript: ts });
    typescript = ts;
    $("typescript-summary").textContent = "";
    shown.typescript = null;
    refreshPane();
    return ts;
  })();
  translator.catch((e: unknown) => ($("typescript-summary").textContent = `The translator could not be loaded: ${e instanceof Error ? e.message : String(e)}`));
  return translator;
}

/** Runs `f` when the page is idle (at the latest after a few seconds). */
function whenIdle(f: () => void): void {
  if ("requestIdleCallback" in window) requestIdleCallback(f, { timeout: 3000 });
  else setTimeout(f, 500);
}

// --- start --------------------------------------------------------------------------------------------

setupTheme();
showSettings();
showTab(settings.tab);
await parserReady;
performance.mark("dumpling:parser-ready");
ready = true;
analyze();
// What the first diagnostics waited for: the files fetched so far.
performance.mark("dumpling:first-diagnostics", { detail: { loaded: performance.getEntriesByType("resource").map((e) => e.name) } });
// Then the editor's highlighting (the panes' code is plain until then), and the translator: now if
// its tab is open (refreshPane asks for it), else once the page is idle.
const python = await loadPythonGrammar();
view.dispatch({ effects: language.reconfigure(python.python()) });
shown.fixed = shown.typescript = null;
refreshPane();
whenIdle(() => void loadTranslator());
