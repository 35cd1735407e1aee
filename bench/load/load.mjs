// Load benchmark (a script, not a test): cold load-to-ready of the release
// build against the npm pyodide package, served by the same local server
// (gzip on) in the same headless Chromium, a fresh profile per load. Both
// are sent precompressed by zopfli (scripts/precompress.mjs: build.sh does
// ours, this script Pyodide's, once).
// "Ready" means a first program's output is on the page: for Looplab a
// #code= link's print after pressing Run, for Pyodide runPython's.
//
//   ./scripts/build.sh && (cd bench/load && npm ci) && node bench/load/load.mjs
import path from "node:path";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { serve } from "../../tests/browser/server.mjs";
import { launch, codeFragment, uncachedPage } from "../../tests/browser/browser.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const RUNS = 5;

if (!fs.existsSync(path.join(here, "node_modules/pyodide/pyodide.js"))) {
  console.error("install the baseline first: (cd bench/load && npm ci)");
  process.exit(1);
}
// The first time, compressing Pyodide's 13 MB takes about a minute.
for (const dir of [path.join(root, "dist"), path.join(here, "node_modules/pyodide")]) {
  spawnSync("node", [path.join(root, "scripts/precompress.mjs"), dir], { stdio: "inherit" });
}

const server = await serve({
  "/": path.join(root, "dist"),
  "/pyodide/": path.join(here, "node_modules/pyodide"),
  "/bench/": here,
});

/**
 * One cold load: ms from navigation start to ready, and bytes received.
 * The page announces ready on its console (see `announce`), so nothing
 * polls it: a poll runs a script in the page, which would delay the very
 * moment it measures.
 */
async function load(url, prepare) {
  const browser = await launch();
  try {
    const { page, sent } = await uncachedPage(browser);
    const ready = new Promise((resolve) => page.on("console", (m) => {
      const t = m.text().match(/^bench-ready (\S+)$/);
      if (t) resolve(Number(t[1]));
    }));
    await page.addInitScript(announce);
    if (prepare) await page.addInitScript(prepare);
    await page.goto(url);
    let timer;
    const ms = await Promise.race([ready, new Promise((_, fail) => {
      timer = setTimeout(() => fail(new Error(`${url}: not ready in 120 s`)), 120000);
    })]).finally(() => clearTimeout(timer));
    await page.waitForTimeout(300); // let in-flight accounting land
    return { ms, bytes: sent().bytes };
  } finally {
    await browser.close();
  }
}

/** Either page sets `window.readyAt`; that goes to the console. */
const announce = () => {
  Object.defineProperty(window, "readyAt", { set: (t) => console.debug(`bench-ready ${t}`) });
};

// In the page from its first script on, as a learner would: Run is pressed
// the moment it and the editor are there, and ready is the moment the
// output line is (a MutationObserver, so no polling delay on either).
const looplab = () => {
  new MutationObserver((_, observer) => {
    const run = document.querySelector('[data-testid="run"]');
    const line = document.querySelector('[data-testid="console-line"]');
    if (line && line.textContent.endsWith("ready")) {
      window.readyAt = performance.now();
      observer.disconnect();
    } else if (run && document.querySelector('[data-testid="editor"]') && !window.clicked) {
      window.clicked = true;
      run.click();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(name, url, prepare) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await load(url, prepare));
  const ms = median(runs.map((r) => r.ms));
  const bytes = median(runs.map((r) => r.bytes));
  console.log(`${name.padEnd(8)} load-to-ready median ${ms.toFixed(0)} ms  (runs: ${runs.map((r) => r.ms.toFixed(0)).join(", ")})  bytes ${bytes}`);
  return { ms, bytes };
}

const a = await measure("looplab", `${server.url}/${codeFragment("print('ready')\n")}`, looplab);
const b = await measure("pyodide", `${server.url}/bench/pyodide.html`, null);
console.log(`ratio    time ${(a.ms / b.ms).toFixed(3)} (target ≤ 0.05)  bytes ${(a.bytes / b.bytes).toFixed(4)} (target ≤ 0.1)`);
await server.close();
