// `npm run site:screenshots`: the README's pictures of the playground (docs/site/*.png), light
// and dark, taken in Debian's Chromium from a fresh build of the site. Light: the diagnostics of the
// default example; dark: the same after Run, CPython and the TypeScript agreeing.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { launch } from "./chromium.mjs";
import { serveSite } from "./serve-site.mjs";

execFileSync(process.execPath, ["scripts/build-site.mjs"], { stdio: "inherit" });
mkdirSync("docs/site", { recursive: true });
const server = await serveSite();
try {
  for (const colorScheme of ["light", "dark"]) {
    const browser = await launch({ colorScheme, viewport: { width: 1280, height: 760 } });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}index.html`);
      await page.waitForSelector("body[data-analyzed]");
      // The editor's highlighting arrives just after the first diagnostics.
      await page.waitForSelector(".cm-content .tok-keyword");
      if (colorScheme === "dark") {
        await page.click("#run");
        await page.waitForSelector("#verdict[data-verdict]", { timeout: 300_000 });
      } else {
        await page.click("#diagnostics li:nth-child(2) .locate");
      }
      await page.screenshot({ path: `docs/site/playground-${colorScheme}.png` });
      console.log(`docs/site/playground-${colorScheme}.png`);
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
