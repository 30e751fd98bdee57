// Thousands of random edits (typing, deleting, pastes of fixture files, garbage, whole-text
// changes) sent to `dumpling server` in bursts, as an editor would: the server never dies, logs
// no internal error, and whenever it is asked (and at the end) its diagnostics are lint()'s of the
// text it holds. A seeded run: DUMPLING_SERVER_SEED and DUMPLING_SERVER_EDITS change it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Position as LspPosition } from "vscode-languageserver";
import { expectedDiagnostics, LspClient, type Encoding } from "../support/lsp.js";

const SEED = Number(process.env.DUMPLING_SERVER_SEED ?? 20261204);
const EDITS = Number(process.env.DUMPLING_SERVER_EDITS ?? 3000);
const OPTIONS = { select: ["ALL"] };

function pythonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".py"))
    .map((e) => join(e.parentPath, e.name));
}

const PASTES = [...pythonFiles("fixtures"), ...pythonFiles("examples")].sort().map((f) => readFileSync(f, "utf8"));
const TOKENS = [
  "json.dump(", "json.dumps(", "json.load(", "json.loads(", "f.read()", "open(p)", 'open(p, "w")', ", indent=2", ", f", ")", "(", "[", "]", "{", "}",
  '"', "'", '"""', "\n", "\r\n", "\r", "    ", "\t", "import json\n", "from json import load as read\n", "with open(path) as f:\n    ", "# noqa: JSN001", "  # noqa",
  "# dumpling: noqa", "\\", ":", "=", "def f(", "class C:", "lambda: ", "😀", "é", "𝔘", "\u00a0", "\u2028", "x", "data", "json", " ",
];

/** mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function session(encoding: Encoding, edits: number, seed: number): Promise<{ edits: number; checks: number; publications: number }> {
  const rnd = random(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const client = await LspClient.start({ encodings: [encoding], initializationOptions: OPTIONS });
  const uri = "untitled:random.py";
  const doc = TextDocument.create(uri, "python", 1, pick(PASTES));
  await client.open(uri, doc.getText());

  /** An offset that splits neither a surrogate pair nor a CRLF (an editor addresses neither). */
  const offset = () => {
    const text = doc.getText();
    let i = int(text.length + 1);
    while (i > 0 && ((text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff) || (text[i - 1] === "\r" && text[i] === "\n"))) i--;
    return i;
  };
  const garbage = () => {
    let s = "";
    for (let n = int(20); n > 0; n--) s += String.fromCodePoint(pick([0x20 + int(95), int(32), 0xa0 + int(0x700), 0x4e00 + int(500), 0x1f600 + int(80), 0x10000 + int(0xfff0)]));
    return s;
  };
  const wire = (p: LspPosition): LspPosition => {
    if (encoding === "utf-16") return p;
    const line = doc.getText({ start: { line: p.line, character: 0 }, end: p });
    return { line: p.line, character: [...line].length };
  };

  let checks = 0;
  let sent = 0;
  while (sent < edits) {
    const burst = 1 + int(rnd() < 0.2 ? 60 : 8);
    for (let b = 0; b < burst && sent < edits; b++, sent++) {
      const text = doc.getText();
      let start = offset();
      let end = start;
      let insert = "";
      const r = rnd();
      if (text.length > 40_000 || r < 0.25) end = Math.min(text.length, start + 1 + int(rnd() < 0.1 ? 2000 : 40));
      else if (r < 0.6) insert = Array.from({ length: 1 + int(3) }, () => pick(TOKENS)).join("");
      else if (r < 0.7) {
        const paste = pick(PASTES);
        const from = int(paste.length);
        insert = rnd() < 0.5 ? paste : paste.slice(from, from + int(400));
      } else if (r < 0.85) insert = garbage();
      else if (r < 0.97) {
        end = Math.min(text.length, start + int(10));
        insert = pick(TOKENS);
      } else {
        // A whole-text change (a formatter, a revert).
        const version = doc.version + 1;
        const whole = rnd() < 0.5 ? pick(PASTES) : garbage();
        TextDocument.update(doc, [{ text: whole }], version);
        void client.change(uri, version, [{ text: whole }]);
        continue;
      }
      while (end < text.length && ((text.charCodeAt(end) >= 0xdc00 && text.charCodeAt(end) <= 0xdfff) || (text[end - 1] === "\r" && text[end] === "\n"))) end++;
      const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
      const sentRange = { start: wire(range.start), end: wire(range.end) };
      const version = doc.version + 1;
      TextDocument.update(doc, [{ range, text: insert }], version);
      void client.change(uri, version, [{ range: sentRange, text: insert }]);
      start = end;
    }
    if (rnd() < 0.1 || sent >= edits) {
      const published = await client.diagnostics(uri, doc.version, client.published.length > 50 ? client.published.length - 50 : 0);
      const errors: unknown[] = [];
      const expected = expectedDiagnostics(doc.getText(), { ...OPTIONS, onInternalError: (e) => errors.push(e) }, encoding);
      expect(errors).toEqual([]);
      if (JSON.stringify(published) !== JSON.stringify(expected)) {
        const differ = published.map((d, i) => [d, expected[i]]).filter(([a, b]) => JSON.stringify(a) !== JSON.stringify(b));
        throw new Error(`seed ${seed}, after ${sent} edits (${encoding}): the server's diagnostics differ from lint()'s (${published.length} against ${expected.length}; first differences: ${JSON.stringify(differ.slice(0, 2))}) for ${JSON.stringify(doc.getText())}`);
      }
      checks++;
    }
  }
  expect(client.child.exitCode).toBeNull();
  expect(client.logs.filter((l) => l.type === 1)).toEqual([]);
  const publications = client.published.length;
  if (process.env.DUMPLING_SERVER_STATS) console.log(JSON.stringify({ encoding, sent, checks, publications, diagnostics: client.published.reduce((n, p) => n + p.diagnostics.length, 0), length: doc.getText().length }));
  expect(await client.stop()).toBe(0);
  expect(client.stderr).toBe("");
  return { edits: sent, checks, publications };
}

describe("language server: random edits", () => {
  it(`${EDITS} edits in UTF-16, seed ${SEED}: the server lives and its diagnostics are lint()'s`, { timeout: 600_000 }, async () => {
    const r = await session("utf-16", EDITS, SEED);
    expect(r.edits).toBe(EDITS);
    expect(r.checks).toBeGreaterThan(10);
    // Bursts are linted once: far fewer publications than edits.
    expect(r.publications).toBeLessThan(EDITS / 2);
  });

  it(`${Math.ceil(EDITS / 3)} edits in UTF-32, seed ${SEED + 1}`, { timeout: 600_000 }, async () => {
    const r = await session("utf-32", Math.ceil(EDITS / 3), SEED + 1);
    expect(r.checks).toBeGreaterThan(5);
  });
});
