/// <reference lib="dom" />
// The site in a real browser (Debian's Chromium through playwright-core), served from a fresh
// `site/dist/` on localhost. What the page shows is compared with what the library returns in Node
// for the same source; Run is compared with python3's own output. In CI a missing Chromium fails.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lint, rules, translate } from "../../src/api/index.js";
import { launch, HAS_CHROMIUM, CHROMIUM } from "../../scripts/chromium.mjs";
import { serveSite } from "../../scripts/serve-site.mjs";
import { DEFAULTS, fromHash, toHash, type PageState } from "../../site/src/hash.js";
import { pythonVersion } from "../support/python.js";
import { runPython } from "../support/translate-program.js";

if (!HAS_CHROMIUM) {
  const message = `${CHROMIUM} was not found (apt-get install chromium): the browser tests cannot run`;
  if (process.env.CI) throw new Error(message);
  console.warn(`SKIPPING: ${message}`);
}

const MISTAKES = `import json

with open("data.json", encoding="utf-8") as f:
    data = json.loads(f.read())
text = json.dumps(data, 2)
json.dump(data, "out.json")
`;

let server: Awaited<ReturnType<typeof serveSite>>;
let browser: Awaited<ReturnType<typeof launch>>;
/** Every URL any page asked for, and those outside the site. */
const requests: string[] = [];
const outside: string[] = [];

const link = (state: Partial<PageState> & { code: string }) => `${server.url}index.html${toHash({ ...DEFAULTS, ...state })}`;

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(url);
  await page.waitForSelector("body[data-analyzed]");
  return page;
}

/** The page's current state, from its URL. */
async function stateOf(page: Page): Promise<PageState> {
  const state = fromHash(new URL(page.url()).hash);
  if (!state) throw new Error(`no state in ${page.url()}`);
  return state;
}

async function shownDiagnostics(page: Page) {
  return page.$$eval("#diagnostics li", (items) =>
    items.map((li) => ({
      code: li.querySelector(".code")?.textContent,
      message: li.querySelector(".message")?.textContent,
      position: li.querySelector(".position")?.textContent,
      fix: li.querySelector(".fix span")?.textContent ?? null,
    })),
  );
}

function expectedDiagnostics(source: string, options = {}) {
  return lint(source, { filename: "main.py", ...options }).map((d) => ({
    code: d.code,
    message: d.message,
    position: `${d.location.row}:${d.location.column}`,
    fix: d.fix ? `Fix: ${d.fix.message}` : null,
  }));
}

/** Waits for the analysis after the current one, and for its state in the URL (written a moment later). */
async function nextAnalysis(page: Page, before: string | null, act: () => Promise<unknown>) {
  await act();
  await page.waitForFunction((b) => document.body.dataset.analyzed !== b && document.body.dataset.saved === document.body.dataset.analyzed, before);
}

describe.skipIf(!HAS_CHROMIUM)("the site in Chromium", () => {
  beforeAll(async () => {
    execFileSync(process.execPath, ["scripts/build-site.mjs"], { stdio: "pipe" });
    server = await serveSite();
    browser = await launch();
    browser.context.setDefaultTimeout(60_000);
    // Nothing may leave the site: every request is recorded, and any other address is refused.
    browser.context.on("request", (r) => requests.push(r.url()));
    await browser.context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      outside.push(url);
      return route.abort();
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows a link's diagnostics and translation: those of the library in Node", async () => {
    const page = await open(link({ code: MISTAKES, tab: "typescript" }));
    const expected = expectedDiagnostics(MISTAKES);
    expect(expected.map((d) => d.code)).toEqual(["JSN101", "JSN008", "JSN004"]);
    expect(await shownDiagnostics(page)).toEqual(expected);
    expect(await page.textContent("#count")).toBe("3");

    const translations = translate(MISTAKES, { filename: "main.py", mode: "exact" });
    await page.waitForFunction((n) => document.querySelectorAll(".translation").length === n, translations.length);
    const shown = await page.$$eval(".translation pre.typescript", (pres) => pres.map((p) => p.textContent));
    expect(shown).toEqual(translations.map((t) => [...t.imports, ...(t.imports.length ? [""] : []), t.typescript].join("\n")));
    const notes = await page.$$eval(".translation", (arts) => arts.map((a) => a.querySelectorAll(".note").length));
    expect(notes).toEqual(translations.map((t) => t.notes.length));
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    // Nothing of Pyodide is loaded before Run; the TypeScript compiler is (translate() needs it).
    const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
    expect(loaded.filter((u) => u.includes("/pyodide/"))).toEqual([]);
    expect(loaded.some((u) => /\/assets\/typescript-[A-Z0-9]+\.js$/.test(u))).toBe(true);
    await page.close();
  });

  it("shows the first diagnostics before the translator and the highlighting have loaded, then loads them", async () => {
    // The TypeScript compiler held back: the diagnostics are shown, the TypeScript tab says it is loading.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const page = await browser.context.newPage();
    await page.route(/\/assets\/typescript-[A-Z0-9]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(link({ code: MISTAKES, tab: "typescript" }));
    await page.waitForSelector("body[data-analyzed]");
    expect(await shownDiagnostics(page)).toEqual(expectedDiagnostics(MISTAKES));
    const before = await page.evaluate(() => (performance.getEntriesByName("dumpling:first-diagnostics")[0] as PerformanceMark).detail.loaded as string[]);
    expect(before.some((u) => u.endsWith("/assets/tree-sitter-python.wasm"))).toBe(true);
    // Neither the compiler nor either Lezer grammar (lang-python's, lang-javascript's) was fetched for them.
    expect(before.filter((u) => /\/assets\/(typescript|dist)-[A-Z0-9]+\.js$/.test(u))).toEqual([]);
    expect(await page.textContent("#typescript-summary")).toBe("Loading the translator…");
    expect(await page.$$(".translation")).toEqual([]);
    // The editor's highlighting arrives without the compiler.
    await page.waitForSelector(".cm-content .tok-keyword");
    release();
    await page.waitForFunction(() => document.querySelectorAll(".translation").length === 3);
    expect(await page.textContent("#typescript-summary")).toMatch(/^3 calls translated \(exact mode\)/);
    await page.close();
  });

  it("loads the translator when idle with another tab open, so Run and the TypeScript tab need not wait", async () => {
    const page = await open(link({ code: MISTAKES }));
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => /\/assets\/typescript-[A-Z0-9]+\.js$/.test(e.name)));
    await page.waitForFunction(() => document.getElementById("typescript-summary")?.textContent === "");
    await page.click("#tab-typescript");
    expect(await page.$$eval(".translation", (a) => a.length)).toBe(3);
    await page.close();
  });

  it("shows native mode's translation and its notes", async () => {
    const source = 'import json\nprint(json.dumps({"a": 1.0}))\n';
    const page = await open(link({ code: source, mode: "native", tab: "typescript" }));
    const [t] = translate(source, { mode: "native" });
    await page.waitForSelector(".translation pre.typescript");
    expect(await page.textContent(".translation pre.typescript")).toBe([...t!.imports, ...(t!.imports.length ? [""] : []), t!.typescript].join("\n"));
    expect(t!.notes.length).toBeGreaterThan(0);
    expect(await page.$$eval(".translation .note", (n) => n.map((x) => x.textContent?.replace(/^\S+( \(possible\))? /, "")))).toEqual(t!.notes.map((n) => `${n.kind}: ${n.message}`));
    await page.close();
  });

  it("shows the diagnostic of a mistake as it is typed", async () => {
    const start = "import json\n\ndata = {}\n";
    const page = await open(link({ code: start }));
    expect(await shownDiagnostics(page)).toEqual([]);
    await page.click(".cm-content");
    await page.keyboard.press("Control+End");
    const before = await page.getAttribute("body", "data-analyzed");
    await nextAnalysis(page, before, () => page.keyboard.type("json.dump(data)\n"));
    const typed = `${start}json.dump(data)\n`;
    expect((await stateOf(page)).code).toBe(typed);
    await page.waitForFunction(() => document.querySelector("#diagnostics .code")?.textContent === "JSN001");
    expect(await shownDiagnostics(page)).toEqual(expectedDiagnostics(typed));
    await page.close();
  });

  it("applies a diagnostic's fix to the source, and selects a diagnostic's range", async () => {
    const page = await open(link({ code: MISTAKES }));
    const jsn101 = lint(MISTAKES).find((d) => d.code === "JSN101")!;
    const before = await page.getAttribute("body", "data-analyzed");
    // Clicking a diagnostic selects its range in the editor.
    expect(lint(MISTAKES)[0]).toEqual(jsn101);
    await page.click("#diagnostics li:nth-child(1) .locate");
    const selected = await page.evaluate(() => getSelection()?.toString());
    const lines = MISTAKES.split("\n");
    expect(selected).toBe(lines[jsn101.location.row - 1]!.slice(jsn101.location.column - 1, jsn101.end_location.column - 1));
    await nextAnalysis(page, before, () => page.click("#diagnostics li:nth-child(1) .apply"));
    // The fix's edits applied to the source, exactly.
    let expected = MISTAKES;
    for (const e of [...jsn101.fix!.edits].reverse()) {
      const at = (p: { row: number; column: number }) => lines.slice(0, p.row - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
      expected = expected.slice(0, at(e.location)) + e.content + expected.slice(at(e.end_location));
    }
    expect(expected).toContain("data = json.load(f)");
    expect((await stateOf(page)).code).toBe(expected);
    expect(await shownDiagnostics(page)).toEqual(expectedDiagnostics(expected));
    await page.close();
  });

  it("keeps a link's source exactly (CRLF, characters beyond the BMP) and locates diagnostics in it", async () => {
    const source = 'import json\r\nname = "\u{1F600}\u{1F600}"; text = json.dumps(name, 2)\r\n';
    const page = await open(link({ code: source }));
    expect((await stateOf(page)).code).toBe(source);
    const expected = expectedDiagnostics(source);
    expect(expected.map((d) => d.code)).toEqual(["JSN008"]);
    expect(await shownDiagnostics(page)).toEqual(expected);
    await page.click("#diagnostics li:nth-child(1) .locate");
    expect(await page.evaluate(() => getSelection()?.toString())).toBe("2");
    await page.close();
  });

  it("round-trips the mode and the settings through the URL", async () => {
    const page = await open(link({ code: MISTAKES }));
    await page.fill("#ignore", "JSN101");
    await page.fill("#extend-select", "JSN102");
    await page.check("input[name=mode][value=native]");
    await page.click("#tab-fixed");
    await page.check("#unsafe");
    await page.waitForFunction(() => /ignore=JSN101/.test(location.hash) && /mode=native/.test(location.hash));
    const state = await stateOf(page);
    expect(state).toEqual({ code: MISTAKES, mode: "native", select: "", extendSelect: "JSN102", ignore: "JSN101", unsafe: true, tab: "fixed" });
    expect(await shownDiagnostics(page)).toEqual(expectedDiagnostics(MISTAKES, { ignore: ["JSN101"], extendSelect: ["JSN102"] }));

    // The link restores the page exactly.
    const copy = await open(page.url());
    expect(await copy.inputValue("#ignore")).toBe("JSN101");
    expect(await copy.inputValue("#extend-select")).toBe("JSN102");
    expect(await copy.isChecked("input[name=mode][value=native]")).toBe(true);
    expect(await copy.isChecked("#unsafe")).toBe(true);
    expect(await copy.getAttribute("#tab-fixed", "aria-selected")).toBe("true");
    expect(await copy.isVisible("#panel-fixed")).toBe(true);
    expect(await stateOf(copy)).toEqual(state);
    expect(await shownDiagnostics(copy)).toEqual(await shownDiagnostics(page));
    await page.close();
    await copy.close();
  });

  it("shares the link through the clipboard", async () => {
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    const page = await open(link({ code: MISTAKES, ignore: "JSN008" }));
    await page.click("#share");
    await page.waitForFunction(() => document.getElementById("share-status")?.textContent === "Link copied.");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(fromHash(new URL(copied).hash)).toEqual({ ...DEFAULTS, code: MISTAKES, ignore: "JSN008" });
    await page.close();
  });

  it("is usable from the keyboard, with ARIA roles on the tabs and the diagnostics", async () => {
    const page = await open(link({ code: MISTAKES }));
    expect(await page.getAttribute("#tabs", "role")).toBe("tablist");
    expect(await page.$$eval("[role=tab]", (t) => t.map((x) => x.getAttribute("aria-controls")))).toEqual(["panel-diagnostics", "panel-fixed", "panel-typescript", "panel-run"]);
    expect(await page.getAttribute("#diagnostics", "role")).toBe("list");
    expect(await page.getAttribute("#diagnostics", "aria-label")).toBe("Diagnostics");
    await page.focus("#tab-diagnostics");
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-fixed");
    expect(await page.getAttribute("#tab-fixed", "aria-selected")).toBe("true");
    expect(await page.isHidden("#panel-diagnostics")).toBe(true);
    await page.keyboard.press("End");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("tab-run");
    await page.keyboard.press("Home");
    // Tab from the selected tab goes into its panel, then to the diagnostics' buttons.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("panel-diagnostics");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("locate");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("cm-content"))).toBe(true);
    await page.close();
  });

  it("has a dark theme and a narrow-screen layout", async () => {
    const page = await open(link({ code: MISTAKES }));
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe("rgb(255, 255, 255)");
    await page.click("#theme");
    expect(await page.getAttribute("html", "data-theme")).toBe("dark");
    expect(await background()).toBe("rgb(22, 24, 29)");
    await page.click("#theme");
    await page.setViewportSize({ width: 400, height: 800 });
    const editor = await page.locator(".editor-pane").boundingBox();
    const results = await page.locator(".results").boundingBox();
    expect(results!.y).toBeGreaterThanOrEqual(editor!.y + editor!.height - 1);
    expect(results!.width).toBeGreaterThan(350);
    await page.close();
  });

  it("renders the rule pages, whose playground links open their example", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}rules/index.html`);
    const table = await page.$$eval("tbody tr", (rows) => rows.map((r) => [r.children[0]?.textContent, r.querySelector("a")?.getAttribute("href")]));
    expect(table).toEqual(rules().map((r) => [r.code, `${r.name}.html`]));
    for (const rule of rules()) {
      await page.goto(`${server.url}rules/${rule.name}.html`);
      expect(await page.textContent("main h1")).toBe(`${rule.name} (${rule.code})`);
      const markdown = readFileSync(`docs/rules/${rule.name}.md`, "utf8");
      const example = /## Example\n\n```python\n([\s\S]*?)```/.exec(markdown)?.[1];
      const href = (await page.$("a.open")) ? await page.getAttribute("a.open", "href") : null;
      if (!example) {
        expect(href).toBeNull();
        continue;
      }
      const state = fromHash(new URL(href!, page.url()).hash);
      expect(state?.code).toBe(example);
    }
    // One link followed: an off-by-default rule's example shows that rule.
    await page.goto(`${server.url}rules/write-dumps.html`);
    await page.click("a.open");
    await page.waitForSelector("body[data-analyzed]");
    expect((await shownDiagnostics(page)).map((d) => d.code)).toEqual(["JSN102"]);
    await page.close();
  });

  // One page for both runs: the first loads Pyodide, the second (a link pasted into the same tab) is warm.
  it.skipIf(!pythonVersion)("runs a fixture in CPython and in TypeScript (identical), then a native-mode difference (its first byte)", async () => {
    const source = readFileSync("fixtures/translate/dumps-values/input.py", "utf8");
    const page = await open(link({ code: source }));
    await page.click("#run");
    await page.waitForSelector("#verdict[data-verdict]", { timeout: 180_000 });
    expect(await page.textContent("#verdict")).toMatch(/^Identical/);
    expect(await page.getAttribute("#verdict", "data-verdict")).toBe("same");
    // What Pyodide printed is what python3 prints, and so is what the TypeScript printed.
    const expected = runPython(source).stdout;
    expect(Buffer.from(await page.textContent("#python-out") ?? "", "utf8").toString("latin1")).toBe(expected);
    expect(Buffer.from(await page.textContent("#typescript-out") ?? "", "utf8").toString("latin1")).toBe(expected);

    const native = 'import json\n\nwith open("out.json", "w", encoding="utf-8") as f:\n    json.dump({"b": 1.0}, f)\nprint(json.dumps([1, 2]))\n';
    const before = await page.getAttribute("body", "data-analyzed");
    await nextAnalysis(page, before, () => page.evaluate((h) => (location.hash = h), toHash({ ...DEFAULTS, code: native, mode: "native" })));
    expect(await page.isChecked("input[name=mode][value=native]")).toBe(true);
    await page.evaluate(() => document.getElementById("verdict")?.removeAttribute("data-verdict"));
    await page.click("#run");
    await page.waitForSelector("#verdict[data-verdict]", { timeout: 180_000 });
    // stdout: "[1, 2]" against "[1,2]": the space at byte 3.
    expect(await page.textContent("#verdict")).toBe('Different: first differing byte in stdout at offset 3 (line 1, column 4): CPython 0x20 " ", TypeScript 0x32 "2".');
    expect(await page.textContent("#python-out")).toBe("[1, 2]\n");
    expect(await page.textContent("#typescript-out")).toBe("[1,2]\n");
    expect(await page.textContent("#python-out mark")).toBe(" ");
    expect(await page.textContent("#python-files pre[data-path='out.json']")).toBe('{"b": 1.0}');
    expect(await page.textContent("#typescript-files pre[data-path='out.json']")).toBe('{"b":1}');
    await page.close();
  }, 300_000);

  it("works offline: every request stayed within the site", () => {
    expect(requests.length).toBeGreaterThan(10);
    expect(outside).toEqual([]);
    for (const url of requests) expect(url.startsWith(server.url)).toBe(true);
    // Pyodide's files came from the site too (Run was pressed above).
    if (pythonVersion) expect(requests.some((u) => u.endsWith("/pyodide/python_stdlib.zip"))).toBe(true);
  });
});
