// Bundles the CodeMirror editor (static/editor/main.js) into
// target/editor/editor.js; Trunk runs this before every build.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
await build({
  entryPoints: [path.join(root, "static/editor/main.js")],
  outfile: path.join(root, "target/editor/editor.js"),
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  legalComments: "none",
  logLevel: "warning",
});
