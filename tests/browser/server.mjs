// A static file server for the built app (dist/), on a free loopback port.
// The browser tests and the load benchmark serve from it.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { freshGzip, MIN_BYTES } from "../../scripts/precompress.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".wasm": "application/wasm", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json",
  ".webmanifest": "application/manifest+json", ".data": "application/octet-stream", ".zip": "application/zip",
};

/**
 * Serves each `mounts` entry (URL prefix → directory), gzipped when the
 * client accepts it (as any real host would): the file's precompressed .gz
 * when there is a fresh one (scripts/precompress.mjs), else gzip -9 on the
 * fly. Resolves to { url, close, stats }.
 */
export function serve(mounts) {
  const stats = { bytesSent: 0 };
  const gzipped = new Map();
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const prefix = Object.keys(mounts).sort((a, b) => b.length - a.length).find((p) => pathname.startsWith(p));
    if (prefix === undefined) return notFound(res);
    const root = path.resolve(mounts[prefix]);
    let file = path.resolve(root, "." + pathname.slice(prefix.length - 1));
    if (!file.startsWith(root)) return notFound(res);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    fs.readFile(file, (err, body) => {
      if (err) return notFound(res);
      const headers = { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-cache" };
      if (/\bgzip\b/.test(req.headers["accept-encoding"] || "") && body.length > MIN_BYTES) {
        if (!gzipped.has(file)) {
          const gz = freshGzip(file);
          gzipped.set(file, gz ? fs.readFileSync(gz) : zlib.gzipSync(body, { level: 9 }));
        }
        body = gzipped.get(file);
        headers["content-encoding"] = "gzip";
      }
      stats.bytesSent += body.length;
      res.writeHead(200, headers);
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, stats, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

function notFound(res) {
  res.writeHead(404, { "content-type": "text/plain" });
  res.end("not found");
}
