// Puts the page's small render-path files into its HTML: the styles as
// <style>, the icon as a data: URL (in the manifest too), and
// wasm-bindgen's loader bundled into Trunk's start-up module. Each was a response of its own on the first
// load (headers and all, 0.5 KB apiece, and a round trip before the first
// paint for the styles); the wasm and the editor's bundle, which are big
// and cacheable by their hashed names, stay files. Runs after
// minify-assets.mjs, so what it inlines is minified. A step of post-build.mjs (of
// both pages).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { stagingDir } from "./hook-stage.mjs";

const stage = stagingDir();
const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../static");
const page = path.join(stage, "index.html");
let html = fs.readFileSync(page, "utf8");

/** The staged file an absolute asset URL (`/learn/x.css`) names. */
const staged = (href) => path.join(stage, path.basename(href));

html = html.replace(/<link rel="stylesheet" href="([^"]+\.css)"\s*\/?>/g, (_, href) => {
  const css = fs.readFileSync(staged(href), "utf8");
  fs.rmSync(staged(href));
  return `<style>${css}</style>`;
});

// The icon, as a data: URL in the page and in the manifest (which the
// browser reads on every load), read from static/ by its name.
const iconUrl = (href) => {
  const svg = fs.readFileSync(path.join(staticDir, path.basename(href)), "utf8").trim();
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
};
html = html.replace(/(<link rel="icon" href=")([^"]+\.svg)"/, (_, start, href) => `${start}${iconUrl(href)}"`);
const manifest = path.join(stage, "manifest.webmanifest");
if (fs.existsSync(manifest)) {
  const m = JSON.parse(fs.readFileSync(manifest, "utf8"));
  for (const icon of m.icons || []) if (icon.src.endsWith(".svg")) icon.src = iconUrl(icon.src);
  fs.writeFileSync(manifest, JSON.stringify(m));
}

// Trunk's module imports the loader and awaits init(); bundled, it is one
// module with no import left.
let loaderHref = null;
html = html.replace(/<script type="module">([\s\S]*?)<\/script>/, (whole, body) => {
  const loader = body.match(/from '([^']+\.js)'/);
  if (!loader) return whole;
  loaderHref = loader[1];
  const file = staged(loaderHref);
  const out = buildSync({
    stdin: { contents: body.replace(loaderHref, "./" + path.basename(file)), resolveDir: stage, loader: "js" },
    bundle: true,
    format: "esm",
    minify: true,
    legalComments: "none",
    write: false,
  }).outputFiles[0].text;
  fs.rmSync(file);
  return `<script type="module">${out.trim()}</script>`;
});
if (loaderHref) html = html.replace(`<link rel="modulepreload" href="${loaderHref}" crossorigin="anonymous">`, "");
fs.writeFileSync(page, html);
