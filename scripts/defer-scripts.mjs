// Marks the page's classic scripts (the editor bundle) `defer`, which Trunk
// does not carry over from index.html: a script in the head would otherwise
// hold the parser, and so the first paint of the loading page, until it has
// downloaded and run. Deferred scripts still run in document order, so the
// editor is defined before the app's module starts. A step of post-build.mjs.
import fs from "node:fs";
import path from "node:path";
import { stagingDir } from "./hook-stage.mjs";

const stage = stagingDir();
const file = path.join(stage, "index.html");
const html = fs.readFileSync(file, "utf8");
const out = html.replace(/<script (?![^>]*\b(?:type|defer|async)\b)([^>]*\bsrc=)/g, "<script defer $1");
fs.writeFileSync(file, out);
