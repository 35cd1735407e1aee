// Writes NAME.gz next to every file over 512 bytes under the given folders
// (default dist/), gzipped with zopfli: the same gzip format any browser
// reads, about 5% smaller than gzip -9 (28 KB less of the playground's
// wasm). A host that serves such files when they are there (nginx's
// gzip_static, most static hosts; tests/browser/server.mjs here) sends
// these instead of compressing on the fly. A .gz newer than its file is
// kept, so running this again only redoes what changed.
//   node scripts/precompress.mjs [DIR...]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { Worker, isMainThread, parentPort } from "node:worker_threads";
import { gzip } from "@gfx/zopfli";

/** Files up to this size are sent as they are (server.mjs). */
export const MIN_BYTES = 512;

/** The .gz of `file` when it is there and not older than the file. */
export function freshGzip(file) {
  const gz = file + ".gz";
  try {
    return fs.statSync(gz).mtimeMs >= fs.statSync(file).mtimeMs ? gz : null;
  } catch {
    return null;
  }
}

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(p);
    else if (!entry.name.endsWith(".gz") && fs.statSync(p).size > MIN_BYTES) yield p;
  }
}

if (!isMainThread) {
  parentPort.on("message", async (file) => {
    const out = await promisify(gzip)(fs.readFileSync(file), { numiterations: 15 });
    fs.writeFileSync(file + ".gz", out);
    parentPort.postMessage(file);
  });
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const dirs = process.argv.length > 2 ? process.argv.slice(2) : [path.join(root, "dist")];
  // Identical files (the editor bundle both pages carry) are compressed once.
  const byContent = new Map();
  for (const file of dirs.flatMap((d) => [...files(d)])) {
    if (freshGzip(file)) continue;
    const key = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
    if (!byContent.has(key)) byContent.set(key, []);
    byContent.get(key).push(file);
  }
  // Largest first, on as many threads as there are cores.
  const jobs = [...byContent.values()].sort((a, b) => fs.statSync(b[0]).size - fs.statSync(a[0]).size);
  const workers = Array.from({ length: Math.min(os.availableParallelism(), jobs.length) }, () => new Worker(fileURLToPath(import.meta.url)));
  await Promise.all(workers.map((w) => new Promise((resolve, reject) => {
    const next = () => {
      const job = jobs.shift();
      if (!job) return w.terminate().then(resolve);
      w.once("message", () => {
        for (const copy of job.slice(1)) fs.copyFileSync(job[0] + ".gz", copy + ".gz");
        next();
      });
      w.postMessage(job[0]);
    };
    w.on("error", reject);
    next();
  })));
}
