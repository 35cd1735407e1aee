import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../../tests/browser/server.mjs";
import { launch, codeFragment } from "../../tests/browser/browser.mjs";
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const server = await serve({ "/": path.join(root, "dist") });
for (let i = 0; i < 3; i++) {
  const browser = await launch();
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await page.goto(`${server.url}/${codeFragment("print('ready')\n")}`);
  const r = await page.evaluate(() => new Promise((resolve) => {
    const marks = {};
    const check = () => {
      const now = performance.now();
      const run = document.querySelector('[data-testid="run"]');
      const ed = document.querySelector('[data-testid="editor"]');
      if (run && !marks.run) marks.run = now;
      if (ed && !marks.editor) marks.editor = now;
      if (!document.getElementById('boot') && !marks.boot) marks.boot = now;
      const line = document.querySelector('[data-testid="console-line"]');
      if (line && line.textContent.endsWith("ready")) {
        marks.ready = now;
        marks.res = performance.getEntriesByType("resource").map((e) => [e.name.split("/").pop().slice(0, 30), Math.round(e.startTime), Math.round(e.responseEnd)]);
        const nav = performance.getEntriesByType("navigation")[0];
        marks.nav = [Math.round(nav.responseEnd), Math.round(nav.domInteractive), Math.round(nav.domContentLoadedEventEnd), Math.round(nav.loadEventEnd)];
        return resolve(marks);
      }
      if (run && ed && !window.clicked) { window.clicked = true; marks.click = now; run.click(); }
      requestAnimationFrame(check);
    };
    check();
  }));
  console.log(JSON.stringify(r));
  await browser.close();
}
await server.close();
