// `npm run site:serve [-- --port N]`: serves site/dist/ on localhost (gzip when the browser
// accepts it, as static hosts do) and prints the address. Also imported by the browser tests and
// the benchmark: serveSite({ port: 0 }) → { url, close }.
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".wasm": "application/wasm",
  ".zip": "application/zip",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".map", ".wasm"]);

export function serveSite({ root = "site/dist", port = 0, host = "127.0.0.1" } = {}) {
  const base = resolve(root);
  const gzipped = new Map();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return send(res, 403, "forbidden");
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) return send(res, 404, "not found");
    const ext = extname(file);
    const headers = { "content-type": TYPES[ext] ?? "application/octet-stream", "cache-control": "no-cache" };
    const mtime = statSync(file).mtime.toUTCString();
    headers["last-modified"] = mtime;
    if (req.headers["if-modified-since"] === mtime) return res.writeHead(304, headers).end();
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      const key = `${file}@${mtime}`;
      if (!gzipped.has(key)) gzipped.set(key, gzipSync(readFileSync(file), { level: 6 }));
      const body = gzipped.get(key);
      res.writeHead(200, { ...headers, "content-encoding": "gzip", "content-length": body.length, vary: "accept-encoding" });
      return res.end(req.method === "HEAD" ? undefined : body);
    }
    res.writeHead(200, { ...headers, "content-length": statSync(file).size });
    if (req.method === "HEAD") return res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((resolveServer, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolveServer({ url: `http://${host}:${address.port}/`, close: () => new Promise((r) => (server.close(() => r()), server.closeAllConnections())) });
    });
  });
}

function send(res, status, text) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(text);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--port");
  const port = at > 0 ? Number(process.argv[at + 1]) : Number(process.env.PORT ?? 8000);
  if (!existsSync("site/dist/index.html")) {
    console.error("site/dist/ is not built: run `npm run site` first");
    process.exit(2);
  }
  const { url } = await serveSite({ port });
  console.log(`dumpling site: ${url} (site/dist/; Ctrl-C stops it)`);
}
