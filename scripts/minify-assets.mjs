// Minifies the page's scripts and styles (wasm-bindgen's loader, the CSS)
// with esbuild and renews their `integrity` hashes in index.html: 2.4 KB
// less of the first load, gzipped. Trunk's own minifier is not used because
// it also rewrites the HTML, whose quoted attributes the service worker
// reads. A post_build hook (of both pages).
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
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
  const hash = "sha384-" + crypto.createHash("sha384").update(code).digest("base64");
  const tag = new RegExp(`((?:href|src)="[^"]*/${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*\\bintegrity=")[^"]*"`, "g");
  html = html.replace(tag, `$1${hash}"`);
}
fs.writeFileSync(page, html);
