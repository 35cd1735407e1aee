// Copies the Python modules the page loads on demand (the names listed in
// crates/engine/src/modules/on_demand.rs) into the build as py/NAME.py,
// with py/index.txt naming them for the service worker to cache. The
// engine does not carry their sources in the browser; the page fetches
// them when a program imports them. A step of post-build.mjs (both pages).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stagingDir } from "./hook-stage.mjs";

const stage = stagingDir();
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../crates/engine/src/modules");
const list = fs.readFileSync(path.join(src, "on_demand.rs"), "utf8").match(/^on_demand!\(([^)]*)\);/m);
const names = list ? [...list[1].matchAll(/"(\w+)"/g)].map((m) => m[1]) : [];
if (!names.length) {
  console.error("copy-modules.mjs: no on_demand!(...) list in on_demand.rs");
  process.exit(1);
}
const out = path.join(stage, "py");
fs.mkdirSync(out, { recursive: true });
for (const n of names) fs.copyFileSync(path.join(src, "py", `${n}.py`), path.join(out, `${n}.py`));
fs.writeFileSync(path.join(out, "index.txt"), names.map((n) => `${n}.py\n`).join(""));
