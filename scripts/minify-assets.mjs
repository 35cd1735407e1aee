// Minifies the page's scripts and styles (wasm-bindgen's loader, the CSS)
// with esbuild, 2.4 KB less of the first load, gzipped; and takes out of
// index.html its comments and Trunk's `integrity` hashes (0.5 KB): every
// asset comes from the page's own origin, which a hash cannot vouch for
// (whoever could change an asset could change the page that names it).
// Trunk's own minifier is not used because it also rewrites the HTML,
// whose quoted attributes the service worker reads. A step of post-build.mjs (of
// both pages).
import fs from "node:fs";
import path from "node:path";
import { transformSync } from "esbuild";
import { stagingDir } from "./hook-stage.mjs";

const stage = stagingDir();
const page = path.join(stage, "index.html");
let html = fs.readFileSync(page, "utf8");
for (const name of fs.readdirSync(stage)) {
  // The editor bundle is minified when it is built; sw.js is left readable.
  const loader = name.endsWith(".css") ? "css" : /^looplab-.*\.js$/.test(name) ? "js" : null;
  if (!loader) continue;
  const file = path.join(stage, name);
  const code = transformSync(fs.readFileSync(file, "utf8"), {
    loader,
    minify: true,
    legalComments: "none",
    ...(loader === "js" ? { format: "esm" } : {}),
  }).code;
  fs.writeFileSync(file, code);
}
html = html.replace(/<!--[\s\S]*?-->/g, "").replace(/ integrity="[^"]*"/g, "").replace(/\n\s*\n/g, "\n");
fs.writeFileSync(page, html);
