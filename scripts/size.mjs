// Prints the gzipped size of the release build's first load: the page and
// every asset it names (scripts, styles, the wasm). Budget: 640 KB.
//   trunk build --release && node scripts/size.mjs
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const BUDGET = 640 * 1024;
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
const files = new Set(["index.html"]);
for (const m of html.matchAll(/(?:href|src)="\/?([^"#?:]+)"/g)) files.add(m[1]);
// The loader script fetches the wasm next to itself.
for (const f of fs.readdirSync(dist)) if (f.endsWith(".wasm")) files.add(f);
let total = 0;
for (const f of [...files].sort()) {
  const p = path.join(dist, f);
  if (!fs.existsSync(p)) continue;
  const raw = fs.readFileSync(p);
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  total += gz;
  console.log(`${String(gz).padStart(9)}  ${String(raw.length).padStart(9)}  ${f}`);
}
console.log(`${String(total).padStart(9)}  gzipped bytes in all (budget ${BUDGET}: ${total <= BUDGET ? "within" : "OVER"})`);
