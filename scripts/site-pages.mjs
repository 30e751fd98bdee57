// The site's rule pages: docs/rules/<name>.md rendered with marked into rules/<name>.html, and
// rules/index.html with the rule table. Each page with an example links to the playground with
// that example (`#code=<base64url>`; rules that are off by default are added with extend-select).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { marked } from "marked";
import { rules } from "../dist/index.js";

const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The first ```python block of the "## Example" section, or null. */
export function exampleOf(markdown) {
  const section = markdown.split(/^## /m).find((s) => s.startsWith("Example\n"));
  const m = section && /```python\n([\s\S]*?)```/.exec(section);
  return m ? m[1] : null;
}

/** The playground link for a rule's example, relative to rules/. */
export function playgroundLink(rule, code) {
  const hash = `code=${Buffer.from(code, "utf8").toString("base64url")}${rule.default ? "" : `&extend-select=${rule.code}`}`;
  return `../index.html#${hash}`;
}

function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · dumpling</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="../assets/style.css">
<script type="module" src="../assets/page.js"></script>
</head>
<body>
<a class="skip" href="#content">Skip to the content</a>
<header class="top">
  <h1><a href="../index.html">dumpling</a> <span class="sub">rules</span></h1>
  <nav aria-label="Site"><a href="../index.html">Playground</a> · <a href="index.html">Rules</a></nav>
  <div class="actions"><button id="theme" type="button">Theme</button></div>
</header>
<main id="content" class="doc">
${body}
</main>
</body>
</html>
`;
}

/** Writes OUT/rules/; returns how many rule pages. */
export async function renderRulePages(out) {
  const dir = join(out, "rules");
  mkdirSync(dir, { recursive: true });
  const list = rules();
  for (const rule of list) {
    const markdown = readFileSync(join("docs", "rules", `${rule.name}.md`), "utf8");
    const example = exampleOf(markdown);
    let html = marked.parse(markdown, { async: false });
    const open = example
      ? `<p><a class="open" href="${escape(playgroundLink(rule, example))}">Open the example in the playground</a></p>`
      : `<p class="summary">This rule is about files the playground cannot hold: it has no example to open.</p>`;
    html = html.replace(/<\/h1>/, `</h1>\n${open}`);
    writeFileSync(join(dir, `${rule.name}.html`), page(`${rule.code} ${rule.name}`, html));
  }
  const fixText = (r) => (r.fix === "none" ? "—" : `${r.fix}${r.fix_applicability ? ` (${r.fix_applicability})` : ""}`);
  const rows = list
    .map((r) => `<tr><td><code>${r.code}</code></td><td><a href="${r.name}.html">${r.name}</a></td><td>${r.default ? "on" : "off"}</td><td>${fixText(r)}</td><td>${marked.parseInline(r.summary, { async: false })}</td></tr>`)
    .join("\n");
  const body = `<h1>Rules</h1>
<p>Every rule of <code>dumpling check</code>: what it finds, why it is a bug, what CPython does, and its fix. Each page opens its example in the <a href="../index.html">playground</a>.</p>
<table>
<thead><tr><th scope="col">code</th><th scope="col">name</th><th scope="col">default</th><th scope="col">fix</th><th scope="col">finds</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  writeFileSync(join(dir, "index.html"), page("Rules", body));
  return list.length;
}
