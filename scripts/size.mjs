// Prints the gzipped size of each page's load in the release build: the
// page and every asset it names (scripts, styles, the wasm), each as a
// server sends it — its precompressed .gz (scripts/precompress.mjs, which
// build.sh runs) when there is one, else gzip -9. The playground
// (index.html) is the first load, budget 618 KB (a tenth of Pyodide's, as
// tests/browser/playground.test.mjs holds it); the course page (learn/)
// is shown for comparison.
//   ./scripts/build.sh && node scripts/size.mjs
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { freshGzip, MIN_BYTES } from "./precompress.mjs";

const BUDGET = 618_000;
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");

/** Gzipped bytes of the page in `dir` and its assets, listed as it goes. */
function pageSize(dir) {
  const html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
  const names = ["index.html"];
  for (const m of html.matchAll(/(?:href|src)="([^"#?:]+)"/g)) names.push(m[1]);
  // The loader script fetches the wasm next to itself.
  for (const f of fs.readdirSync(dir)) if (f.endsWith(".wasm")) names.push(f);
  // Absolute asset paths are the site's; relative ones are the page's.
  const files = new Set(names.map((f) => (f.startsWith("/") ? path.join(dist, f) : path.join(dir, f))));
  let total = 0;
  for (const p of [...files].sort()) {
    if (!fs.existsSync(p) || fs.statSync(p).isDirectory()) continue;
    const raw = fs.readFileSync(p);
    const pre = freshGzip(p);
    const small = raw.length <= MIN_BYTES;
    const gz = small ? raw.length : pre ? fs.statSync(pre).size : zlib.gzipSync(raw, { level: 9 }).length;
    total += gz;
    const how = small ? "  (sent as is)" : pre ? "" : "  (no .gz: gzip -9)";
    console.log(`${String(gz).padStart(9)}  ${String(raw.length).padStart(9)}  ${path.relative(dist, p)}${how}`);
  }
  return total;
}

const first = pageSize(dist);
console.log(`${String(first).padStart(9)}  gzipped bytes, the playground's first load (budget ${BUDGET}: ${first <= BUDGET ? "within" : "OVER"})\n`);
if (fs.existsSync(path.join(dist, "learn/index.html"))) {
  const course = pageSize(path.join(dist, "learn"));
  console.log(`${String(course).padStart(9)}  gzipped bytes, the course page's load (learn/)`);
}
