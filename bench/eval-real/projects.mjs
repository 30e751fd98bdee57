// The real Python projects: Debian packages (installed with apt-get when missing; this runs as
// root), each one source tree under /usr/lib/python3/dist-packages, with the package's version.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const DIST = "/usr/lib/python3/dist-packages";

/**
 * The projects: issue 11's ten, then yt-dlp and ansible-core, json-heavy code the issue's review
 * drew its patterns from (`js_to_json(s, strict=True)`, `to_text(p, errors=...)`); the ten alone
 * hold too few calls (about 170) for a sample of 300. Then ufoLib2 (orjson when installed) and
 * libcloud (`try: import simplejson as json`), for the json-compatible libraries of issue 17.
 */
export const PROJECTS = [
  { name: "django", pkg: "python3-django", tree: "django" },
  { name: "botocore", pkg: "python3-botocore", tree: "botocore" },
  { name: "tornado", pkg: "python3-tornado", tree: "tornado" },
  { name: "twisted", pkg: "python3-twisted", tree: "twisted" },
  { name: "sphinx", pkg: "python3-sphinx", tree: "sphinx" },
  { name: "ipython", pkg: "python3-ipython", tree: "IPython" },
  { name: "celery", pkg: "python3-celery", tree: "celery" },
  { name: "jupyter-client", pkg: "python3-jupyter-client", tree: "jupyter_client" },
  { name: "docker", pkg: "python3-docker", tree: "docker" },
  { name: "kubernetes", pkg: "python3-kubernetes", tree: "kubernetes" },
  { name: "yt-dlp", pkg: "yt-dlp", tree: "yt_dlp" },
  { name: "ansible-core", pkg: "ansible-core", tree: "ansible" },
  { name: "ufolib2", pkg: "python3-ufolib2", tree: "ufoLib2" },
  { name: "libcloud", pkg: "python3-libcloud", tree: "libcloud" },
];

function installedVersion(pkg) {
  const r = spawnSync("dpkg-query", ["-W", "-f=${Status}\t${Version}", pkg], { encoding: "utf8" });
  const [status, version] = r.status === 0 ? r.stdout.split("\t") : ["", ""];
  return status?.endsWith(" installed") ? version : null;
}

/** Install what is missing (one apt-get for all), then each project's tree and version. */
export function ensureProjects(projects, { install = true } = {}) {
  const missing = projects.filter((p) => !installedVersion(p.pkg) || !existsSync(`${DIST}/${p.tree}`));
  if (missing.length > 0 && install) {
    console.error(`installing ${missing.map((p) => p.pkg).join(" ")}`);
    const apt = (...args) => execFileSync("apt-get", args, { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    try {
      apt("install", "-y", ...missing.map((p) => p.pkg));
    } catch {
      apt("update"); // package lists missing or stale: once, then again
      apt("install", "-y", ...missing.map((p) => p.pkg));
    }
  }
  return projects.map((p) => {
    const version = installedVersion(p.pkg);
    const dir = `${DIST}/${p.tree}`;
    if (!version || !existsSync(dir)) throw new Error(`${p.pkg} is not installed (or has no ${dir}): run without --no-install`);
    return { ...p, version, dir };
  });
}
