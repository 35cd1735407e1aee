// Launches Debian's Chromium headless through playwright-core (never a
// downloaded browser), with a fresh profile each time.
import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

export async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "looplab-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 760 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A page of `browser` that asks for everything from the network (no
 * cache), with `sent()` the bytes received so far, headers included, in
 * how many responses.
 */
export async function uncachedPage(browser) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const sizes = new Map();
  cdp.on("Network.loadingFinished", (e) => sizes.set(e.requestId, e.encodedDataLength));
  const sent = () => ({ bytes: [...sizes.values()].reduce((a, b) => a + b, 0), responses: sizes.size });
  return { page, sent };
}

/** The `#code=` fragment for `code` (base64url of UTF-8, no padding). */
export function codeFragment(code) {
  return "#code=" + Buffer.from(code, "utf8").toString("base64url");
}
