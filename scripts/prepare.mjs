// npm's `prepare` step: builds dist/ (scripts/build.mjs) wherever npm runs it.
//
// After `npm ci` in a clone the build tools (devDependencies) are there and this only builds.
// Two ways of installing reach it without them:
// - `npm install -g <clone>`: npm links the folder and installs none of its dependencies (a
//   folder outside the project is only linked), so the link would hold neither dist/ nor the
//   runtime dependencies;
// - `npm install -g git+…`: npm clones the repository and installs its devDependencies before
//   `prepare`, but that nested install inherits the global flag and installs nothing locally.
// Then the locked tree is installed here (`npm ci`: the versions of package-lock.json, so the
// build is the same as every other), which runs this script again to build.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, unlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";

const require = createRequire(import.meta.url);
const NESTED = "DUMPLING_PREPARE_NESTED";

function resolvable(name) {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

if (process.env._PACOTE_NO_PREPARE_ !== undefined && process.env.npm_config_global === "true") restoreGlobalDirectory();

if (!process.env[NESTED] && !resolvable("esbuild") && existsSync("package-lock.json")) {
  const env = { ...process.env, [NESTED]: "1", npm_config_global: "false" };
  // The prefix of a global install must not become the prefix of this local one.
  for (const key of Object.keys(env)) if (/^npm_config_(prefix|location)$/i.test(key)) delete env[key];
  const npm = process.env.npm_execpath;
  const args = ["ci", "--include=dev", "--prefer-offline", "--no-audit", "--no-fund", "--foreground-scripts=false"];
  const r = npm ? spawnSync(process.execPath, [npm, ...args], { stdio: ["ignore", "inherit", "inherit"], env }) : spawnSync("npm", args, { stdio: ["ignore", "inherit", "inherit"], env, shell: process.platform === "win32" });
  if (r.status !== 0) {
    process.stderr.write(`dumpling: installing the build tools (npm ci) failed${r.error ? `: ${r.error.message}` : ""}\n`);
    process.exit(r.status || 1);
  }
  // `npm ci` ran `prepare` again, which built dist/.
} else {
  await import("./build.mjs");
}

/**
 * npm prepares a git dependency with a nested `npm install` in a temporary clone, while the real
 * install is unpacking the package and its dependencies into `<prefix>/lib/node_modules/<name>`.
 * Inheriting --global, the nested install moves that directory aside (to arborist's retirement
 * name, `.<name>-<hash>`) and links the clone in its place, before it runs `prepare` (npm bugs
 * 3692, 4148, 8440); the real install would then unpack into the clone, which npm deletes. The
 * directory is moved back first thing. The nested install's command link is rewritten by the
 * real install.
 */
function restoreGlobalDirectory() {
  const prefix = process.env.npm_config_prefix;
  if (!prefix) return;
  const { name } = JSON.parse(readFileSync("package.json", "utf8"));
  const root = process.platform === "win32" ? join(prefix, "node_modules") : join(prefix, "lib", "node_modules");
  const link = resolve(root, name);
  try {
    if (!lstatSync(link).isSymbolicLink() || realpathSync(link) !== realpathSync(".")) return;
  } catch {
    return; // not the link described: nothing to undo
  }
  const hash = createHash("sha1").update(link).digest("base64").replace(/[^a-zA-Z0-9]+/g, "").slice(0, 8);
  const retired = resolve(dirname(link), `.${basename(link)}-${hash}`);
  unlinkSync(link);
  if (existsSync(retired)) renameSync(retired, link);
  else mkdirSync(link);
}
