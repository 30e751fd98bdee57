// Debian's Chromium (/usr/bin/chromium) driven by playwright-core, which downloads no browser:
// headless, a fresh profile, nothing but localhost (the machine has no other network). Used by the
// browser tests (test/site/), the site benchmark (bench/site.mjs) and the README's screenshots.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.DUMPLING_CHROMIUM ?? "/usr/bin/chromium";
export const HAS_CHROMIUM = existsSync(CHROMIUM);

// Chromium 156 loads its omnibox popup (a WebUI renderer fetching some 400 chrome:// files) as it
// starts, even headless: that work raced every page's cold load. Disabled, the browser does no
// such work beside the page.
export const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup",
];

/** A persistent context on a fresh user-data-dir, removed by close(). */
export async function launch({ colorScheme = "light", viewport = { width: 1280, height: 860 } } = {}) {
  const profile = mkdtempSync(join(tmpdir(), "dumpling-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, colorScheme, viewport });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
