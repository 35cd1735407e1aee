// Frame times while scrubbing a big run: 1,000 tasks and about 100,000
// trace events, run at instant speed in the built app (dist/), then the
// scrubber is moved once per animation frame, across the whole run and
// with the timeline scrolled to the middle lanes. Prints the frame
// intervals (median, 95th percentile, worst) and the fps they make.
//
//   ./scripts/build.sh && node bench/timeline/scrub.mjs
//   DIST=/path/to/other/dist node bench/timeline/scrub.mjs   (another build, to compare)
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../../tests/browser/server.mjs";
import { launch, codeFragment } from "../../tests/browser/browser.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const TASKS = 1000;
const ROUNDS = 32;
const PROGRAM = `import asyncio

async def worker(i):
    for k in range(${ROUNDS}):
        await asyncio.sleep(0.001 * ((i * 7 + k) % 13))

async def main():
    await asyncio.gather(*(asyncio.create_task(worker(i)) for i in range(${TASKS})))

asyncio.run(main())
`;

const server = await serve({ "/": process.env.DIST || path.join(root, "dist") });
const browser = await launch();
try {
  const page = await browser.context.newPage();
  await page.goto(server.url + "/" + codeFragment(PROGRAM));
  await page.getByTestId("editor").waitFor();
  await page.getByTestId("speed").selectOption("instant");
  const started = Date.now();
  await page.getByTestId("run").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.textContent === "finished", null, { timeout: 300000 });
  const ran = Date.now() - started;
  const events = Number(await page.getByTestId("scrubber").getAttribute("max"));
  const lanes = await page.evaluate(() => document.querySelector(".tl-space").style.height);

  /** Moves the scrubber once per frame over `frames` positions; returns frame intervals in ms. */
  const scrub = (frames, from, to) => page.evaluate(({ frames, from, to }) => new Promise((resolve) => {
    const input = document.querySelector('[data-testid="scrubber"]');
    const times = [];
    let i = 0;
    const tick = (now) => {
      times.push(now);
      if (i > frames) {
        resolve(times.slice(1).map((t, k) => t - times[k]));
        return;
      }
      input.value = String(Math.round(from + ((to - from) * i) / frames));
      input.dispatchEvent(new Event("input", { bubbles: true }));
      i++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), { frames, from, to });

  const report = (label, ms) => {
    const s = [...ms].sort((a, b) => a - b);
    const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
    const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
    console.log(`${label}: ${ms.length} frames, median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, worst ${s.at(-1).toFixed(1)} ms, ${(1000 / mean).toFixed(1)} fps`);
  };
  console.log(`${TASKS} tasks, ${events} events, ran in ${(ran / 1000).toFixed(1)} s (instant speed, with live drawing); timeline ${lanes} px tall`);
  // The same loop on a detached input: what frames cost here with no
  // redraw at all (on a loaded machine this is well above 16.7 ms).
  const idle = await page.evaluate((frames) => new Promise((resolve) => {
    const input = document.createElement("input");
    const times = [];
    const tick = (now) => {
      times.push(now);
      if (times.length > frames) return resolve(times.slice(1).map((t, k) => t - times[k]));
      input.value = String(times.length);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), 120);
  report("baseline (no redraw)", idle);
  report("scrub start → end (top lanes)", await scrub(180, 0, events));
  await page.evaluate(() => {
    const el = document.querySelector(".tl-scroll");
    el.scrollTop = el.scrollHeight / 2;
  });
  await page.waitForTimeout(100);
  report("scrub end → start (middle lanes)", await scrub(180, events, 0));
  report("small steps near the middle", await scrub(120, Math.floor(events / 2), Math.floor(events / 2) + 120));
} finally {
  await browser.close();
  await server.close();
}
