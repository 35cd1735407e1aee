// What every browser test file shares: the release build (dist/) served on
// a free port and one Chromium for the file's tests, set up before them.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "./server.mjs";
import { launch } from "./browser.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const dist = path.join(root, "dist");
export const shots = path.join(root, "target/screenshots");

/** Registers the set-up; `app.server` and `app.browser` are set once it ran. */
export function useApp() {
  const app = {};
  before(async () => {
    assert.ok(fs.existsSync(path.join(dist, "index.html")), "build the app first: ./scripts/build.sh");
    fs.mkdirSync(shots, { recursive: true });
    app.server = await serve({ "/": dist });
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
