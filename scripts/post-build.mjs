// Trunk's one post_build hook: the build's steps over the staged page, in
// order. Trunk starts all the hooks of a stage at once, and most of these
// rewrite the same index.html, so they must not be hooks of their own.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const steps = [
  "defer-scripts.mjs", // the editor's script is deferred (Trunk drops the attribute)
  "minify-assets.mjs", // the loader script and the styles are minified
  "inline-assets.mjs", // the styles, the icon and the loader go into the page
  "copy-modules.mjs", // the Python modules the page fetches on demand (py/NAME.py)
  "build-learn.mjs", // the course page (learn.html → dist/learn/), after the playground
];
for (const step of steps) {
  const r = spawnSync("node", [path.join(here, step)], { stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`post-build: ${step} failed`);
    process.exit(r.status ?? 1);
  }
}
