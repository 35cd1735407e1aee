// The playground in a real browser: share links, live output on schedule,
// Stop, text-only output, tracebacks linked to the editor, a print flood.
// Run by scripts/test.sh after its release build (serves dist/).
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { codeFragment, launch, uncachedPage } from "./browser.mjs";
import { useApp, shots } from "./app.mjs";

const app = useApp();

/** Opens the playground with `code` through a share link, ready to run. */
async function open(code, speed = "1") {
  const page = await app.browser.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(app.server.url + "/" + codeFragment(code));
  await page.getByTestId("editor").waitFor();
  await page.getByTestId("speed").selectOption(speed);
  // Record when each console line appears, in the page's own clock.
  await page.evaluate(() => {
    window.arrivals = [];
    const seen = new WeakSet(); // a row moved within the console is not a new arrival
    const consoleEl = document.querySelector('[data-testid="console"]');
    new MutationObserver((records) => {
      const now = performance.now();
      for (const r of records) for (const n of r.addedNodes) {
        if (n.nodeType === 1 && n.dataset.testid === "console-line" && !seen.has(n)) {
          seen.add(n);
          window.arrivals.push({ at: now, t: Number(n.dataset.t), task: n.dataset.task, stream: n.dataset.stream });
        }
      }
    }).observe(consoleEl, { childList: true, subtree: true });
  });
  return { page, errors };
}

/** Clicks Run and returns the page time of the click. */
async function run(page) {
  return page.evaluate(() => {
    const at = performance.now();
    document.querySelector('[data-testid="run"]').click();
    return at;
  });
}

async function waitForStatus(page, status, timeout = 10000) {
  await page.waitForFunction((s) => document.querySelector('[data-testid="run-status"]')?.textContent === s, status, { timeout });
}

const lines = (page) => page.getByTestId("console-line").allTextContents();

/** Waits until the views have redrawn (they redraw on animation frames). */
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function step(page) {
  await page.getByTestId("step").click();
  await settle(page);
}

const SCHEDULE = `import asyncio

async def main():
    print("tick 0")
    await asyncio.sleep(0.5)
    print("tick 0.5")
    await asyncio.sleep(0.5)
    print("tick 1.0")

asyncio.run(main())
`;

async function checkSchedule(speed, t) {
  const { page, errors } = await open(SCHEDULE, String(speed));
  const clicked = await run(page);
  await waitForStatus(page, "finished");
  const arrivals = await page.evaluate(() => window.arrivals);
  assert.deepEqual(arrivals.map((a) => a.t), [0, 0.5, 1]);
  assert.ok(arrivals.every((a) => a.task === "Task-1" && a.stream === "stdout"), JSON.stringify(arrivals));
  // The first line comes right away; each later one when its virtual time
  // is due at this speed, measured from the first.
  assert.ok(arrivals[0].at - clicked < 1000, `first line after ${arrivals[0].at - clicked} ms`);
  t.diagnostic(`${speed}x: first line ${(arrivals[0].at - clicked).toFixed(1)} ms after Run; off schedule by ` +
    arrivals.map((a) => (a.at - arrivals[0].at - (a.t * 1000) / speed).toFixed(1)).join(", ") + " ms");
  for (const a of arrivals) {
    const due = arrivals[0].at + (a.t * 1000) / speed;
    assert.ok(Math.abs(a.at - due) <= 50, `line at t=${a.t} arrived ${(a.at - due).toFixed(1)} ms off schedule at ${speed}x`);
  }
  assert.deepEqual(errors, []);
  await page.close();
  return arrivals;
}

test("a #code= link opens the playground with the code, ready to run", async () => {
  const code = "# shared ✓\nprint('hello from a link')\n";
  const { page } = await open(code);
  assert.equal(await page.getByTestId("run-status").textContent(), "idle");
  const shown = await page.locator('[data-testid="editor"] .cm-content').innerText();
  assert.equal(shown.trim(), code.trim());
  await run(page);
  await waitForStatus(page, "finished");
  assert.deepEqual(await lines(page), ["0.000hello from a link"]);
  // A second link pasted into the same page's address bar opens its code.
  for (const next of ["print('second link')\n", "print('third link')\n"]) {
    await page.evaluate((h) => { location.hash = h; }, codeFragment(next));
    await page.waitForFunction((c) => document.querySelector('[data-testid="editor"] .cm-content')?.innerText.trim() === c,
      next.trim());
    await run(page);
    const want = `0.000${next.slice(7, -3)}`;
    await page.waitForFunction((w) => [...document.querySelectorAll('[data-testid="console-line"]')].map((l) => l.textContent).join("|") === w, want);
  }
  await page.close();
});

test("the editor highlights Python and indents blocks as it is typed", async () => {
  // A browser of its own: the typed code is autosaved, and the welcome
  // program's screenshot must not open it.
  const browser = await launch();
  const page = await browser.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(app.server.url + "/" + codeFragment("x = 1\n"));
  await page.getByTestId("editor").waitFor();
  await page.locator('[data-testid="editor"] .cm-content').click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  // Each entry is typed and then Enter is pressed; the editor supplies the indentation.
  for (const line of ["async def main(name='x'):", "if name:", "return 1", "else:", "pass",
    "print(1,", "2)", "# done"]) {
    await page.keyboard.type(line);
    await page.keyboard.press("Enter");
  }
  const text = await page.evaluate(() => window.LooplabEditor.getValue());
  assert.equal(text, [
    "async def main(name='x'):",
    "    if name:",
    "        return 1",
    "    else:", // typed at the body's level, moved back to its `if`
    "        pass",
    "    print(1,",
    "          2)", // lined up after the open bracket
    "    # done",
    "    ",
  ].join("\n"));
  // Keywords, the defined name, strings and comments each have their colour.
  const colour = (s) => page.locator(".cm-line span", { hasText: new RegExp(`^${s}$`) }).first()
    .evaluate((e) => getComputedStyle(e).color);
  assert.equal(await colour("def"), "rgb(119, 0, 136)");
  assert.equal(await colour("main"), "rgb(0, 0, 255)");
  assert.equal(await colour("'x'"), "rgb(170, 17, 17)");
  assert.equal(await colour("# done"), "rgb(153, 68, 0)");
  assert.deepEqual(errors, []);
  await browser.close();
});

test("modules beyond asyncio load when a program imports them, not with the page", async () => {
  const code = [
    "import json",
    "from dataclasses import dataclass, asdict",
    "@dataclass",
    "class Point:",
    "    x: int",
    "    y: int",
    "print(json.dumps(asdict(Point(1, 2))))",
  ].join("\n") + "\n";
  const { page, errors } = await open(code);
  const fetched = () => page.evaluate(() => performance.getEntriesByType("resource")
    .map((e) => new URL(e.name).pathname).filter((p) => p.startsWith("/py/")).sort());
  assert.deepEqual(await fetched(), []);
  await run(page);
  await waitForStatus(page, "finished");
  assert.deepEqual(await lines(page), ['0.000{"x": 1, "y": 2}']);
  // dataclasses imports copy; each module is fetched once.
  assert.deepEqual(await fetched(), ["/py/copy.py", "/py/dataclasses.py", "/py/json.py"]);
  await run(page);
  await waitForStatus(page, "finished");
  assert.equal((await fetched()).length, 3);
  assert.deepEqual(errors, []);
  await page.close();
});

// A tenth of Pyodide's first load (6,186,745 bytes for pyodide 314.0.7 in
// bench/load), the load benchmark's bytes target, rounded down.
const FIRST_LOAD_BYTES = 618_000;

test("the first load, as sent, stays within a tenth of Pyodide's", async (t) => {
  // A fresh profile, so no service worker or cache serves anything.
  const browser = await launch();
  try {
    const { page, sent } = await uncachedPage(browser);
    await page.goto(app.server.url + "/" + codeFragment("print('ready')\n"));
    await page.getByTestId("editor").waitFor();
    await run(page);
    await waitForStatus(page, "finished");
    assert.deepEqual(await lines(page), ["0.000ready"]);
    const { bytes, responses } = sent();
    t.diagnostic(`first load: ${bytes} bytes in ${responses} responses`);
    assert.ok(bytes <= FIRST_LOAD_BYTES, `the first load took ${bytes} bytes (at most ${FIRST_LOAD_BYTES})`);
  } finally {
    await browser.close();
  }
});

test("the page shows its header while the engine loads, then the app replaces it", async () => {
  // A browser of its own: in the shared one the service worker already
  // serves the wasm from its cache, past the hold below.
  const browser = await launch();
  const page = await browser.context.newPage();
  // Hold the wasm back so the loading page can be seen.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(app.server.url + "/", { waitUntil: "domcontentloaded" });
  assert.match(await page.locator("#boot").innerText(), /Looplab[\s\S]*Loading the Python engine/);
  const before = await page.locator(".top").evaluate((e) => e.getBoundingClientRect().height);
  release();
  await page.getByTestId("run").waitFor();
  assert.equal(await page.locator("#boot").count(), 0);
  // The header does not jump when the app takes over.
  assert.equal(await page.locator(".top").evaluate((e) => e.getBoundingClientRect().height), before);
  await browser.close();
});

test("prints at t = 0, 0.5, 1.0 s arrive on schedule at 1x", async (t) => {
  await checkSchedule(1, t);
});

test("prints arrive on schedule at 2x", async (t) => {
  await checkSchedule(2, t);
});

test("Stop ends a busy loop within 100 ms and the page stays responsive", async (t) => {
  const { page } = await open("while True:\n    pass\n");
  await run(page);
  await waitForStatus(page, "running");
  // While the program computes, timers still fire about on time.
  const lag = await page.evaluate(async () => {
    let worst = 0;
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      await new Promise((r) => setTimeout(r, 20));
      worst = Math.max(worst, performance.now() - start - 20);
    }
    return worst;
  });
  assert.ok(lag < 50, `timers were ${lag.toFixed(1)} ms late while the program ran`);
  assert.equal(await page.getByTestId("run-status").textContent(), "running");
  const took = await page.evaluate(() => new Promise((resolve) => {
    const status = document.querySelector('[data-testid="run-status"]');
    const start = performance.now();
    new MutationObserver(() => {
      if (status.textContent === "stopped") resolve(performance.now() - start);
    }).observe(status, { childList: true, characterData: true, subtree: true });
    document.querySelector('[data-testid="stop"]').click();
  }));
  t.diagnostic(`Stop took ${took.toFixed(1)} ms; timers ran at most ${lag.toFixed(1)} ms late while the loop ran`);
  assert.ok(took < 100, `Stop took ${took.toFixed(1)} ms`);
  // The page still works: the next run runs.
  await page.getByTestId("speed").selectOption("instant");
  await run(page);
  await page.waitForTimeout(200);
  assert.equal(await page.getByTestId("run-status").textContent(), "running");
  await page.getByTestId("stop").click();
  await waitForStatus(page, "stopped");
  await page.close();
});

test("output is text, never HTML", async () => {
  const { page } = await open('print("<b>x</b>")\n');
  await run(page);
  await waitForStatus(page, "finished");
  const line = page.getByTestId("console-line");
  assert.equal(await line.locator(".text").textContent(), "<b>x</b>");
  assert.equal(await page.getByTestId("console").locator("b").count(), 0);
  await page.close();
});

test("a long line wraps onto whole rows instead of scrolling sideways", async () => {
  const { page, errors } = await open("print('short')\nprint(list(range(300)))\nprint('end')\n", "instant");
  await run(page);
  await waitForStatus(page, "finished");
  await settle(page);
  const got = await page.evaluate(() => {
    const c = document.querySelector('[data-testid="console"]');
    const rows = [...c.querySelectorAll('[data-testid="console-line"]')];
    return {
      overflow: c.scrollWidth - c.clientWidth,
      heights: rows.map((r) => r.getBoundingClientRect().height),
      // The browser wrapped the text into exactly the rows the line was given.
      fits: rows.map((r) => r.querySelector(".text").scrollHeight <= r.getBoundingClientRect().height + 0.5),
      text: rows[1].querySelector(".text").textContent,
    };
  });
  assert.equal(got.overflow, 0);
  assert.equal(got.heights[0], 22);
  assert.ok(got.heights[1] > 22 && got.heights[1] % 22 === 0, String(got.heights));
  assert.equal(got.heights[2], 22);
  assert.deepEqual(got.fits, [true, true, true]);
  assert.equal(got.text, "[" + Array.from({ length: 300 }, (_, i) => i).join(", ") + "]");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a traceback marks the failing line and links to it", async () => {
  const code = "import asyncio\n\nasync def worker():\n    await asyncio.sleep(0.1)\n    raise ValueError('boom')\n\nasync def main():\n    await asyncio.create_task(worker(), name='worker')\n\nasyncio.run(main())\n";
  const { page } = await open(code, "instant");
  await run(page);
  await waitForStatus(page, "failed");
  const stderr = page.locator('[data-testid="console-line"][data-stream="stderr"]');
  assert.ok((await stderr.count()) > 3);
  assert.equal(await stderr.last().locator(".text").textContent(), "ValueError: boom");
  // The innermost frame (line 5) is marked in the editor.
  await page.locator(".cm-error-line").waitFor();
  assert.equal(await page.locator(".cm-error-line").innerText(), "    raise ValueError('boom')");
  // Clicking "line 8" puts the cursor there.
  await page.locator(".line-link", { hasText: "line 8" }).click();
  const active = await page.locator(".cm-activeLine").innerText();
  assert.equal(active, "    await asyncio.create_task(worker(), name='worker')");
  await page.screenshot({ path: path.join(shots, "traceback.png") });
  await page.close();
});

test("a print flood keeps the page responsive and the history bounded", async (t) => {
  const { page } = await open("i = 0\nwhile True:\n    print('line', i)\n    i += 1\n", "instant");
  await run(page);
  await page.waitForFunction(() => document.querySelector(".console-note")?.textContent.includes("earlier lines"), null, { timeout: 10000 });
  const lags = await page.evaluate(async () => {
    const lags = [];
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      await new Promise((r) => setTimeout(r, 20));
      lags.push(performance.now() - start - 20);
    }
    return lags.sort((a, b) => a - b);
  });
  t.diagnostic(`timers during the flood: median ${lags[5].toFixed(1)} ms late, worst ${lags[9].toFixed(1)} ms`);
  assert.ok(lags[5] < 100, `timers ${lags[5].toFixed(1)} ms late (median) during the flood`);
  assert.ok(lags[9] < 250, `a timer was ${lags[9].toFixed(1)} ms late during the flood`);
  assert.ok((await page.getByTestId("console-line").count()) <= 2000);
  await page.getByTestId("stop").click();
  await waitForStatus(page, "stopped");
  await page.close();
});

test("step, pause and resume", async () => {
  const code = "import asyncio\n\nasync def say(word):\n    print(word)\n\nasync def main():\n    await asyncio.gather(say('a'), say('b'))\n    await asyncio.sleep(0.3)\n    print('c')\n\nasyncio.run(main())\n";
  const { page } = await open(code);
  // Steps until 'a' appears: it appears alone, one step before 'b'.
  for (let i = 0; i < 20 && (await lines(page)).length === 0; i++) await step(page);
  assert.equal(await page.getByTestId("run-status").textContent(), "paused");
  assert.deepEqual((await lines(page)).map((l) => l.slice(-1)), ["a"]);
  await step(page);
  assert.deepEqual((await lines(page)).map((l) => l.slice(-1)), ["a", "b"]);
  await page.getByTestId("pause").click(); // resume
  await waitForStatus(page, "finished");
  assert.deepEqual((await lines(page)).map((l) => l.slice(-1)), ["a", "b", "c"]);
  await page.close();
});

test("after the first visit the app works offline", async () => {
  const page = await app.browser.context.newPage();
  await page.goto(app.server.url + "/");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
    }
  });
  await app.browser.context.setOffline(true);
  try {
    await page.goto("about:blank"); // a real load, not a same-page fragment change
    // `string` is a module the page fetches on demand; no test imported it before.
    await page.goto(app.server.url + "/" + codeFragment("import string\nprint('offline', 6 * 7, string.ascii_lowercase[:3])\n"));
    await page.getByTestId("editor").waitFor({ timeout: 10000 });
    await page.getByTestId("run").click();
    await waitForStatus(page, "finished");
    assert.deepEqual(await lines(page), ["0.000offline 42 abc"]);
  } finally {
    await app.browser.context.setOffline(false);
    await page.close();
  }
});

test("screenshot: the welcome program, finished", async () => {
  const page = await app.browser.context.newPage();
  await page.goto(app.server.url + "/");
  await page.getByTestId("editor").waitFor();
  await page.getByTestId("speed").selectOption("4");
  await page.getByTestId("run").click();
  await waitForStatus(page, "finished");
  // The header is styled on this page too (its styles once lived with the course's).
  const nav = await page.getByTestId("nav-course").evaluate((a) => {
    const s = getComputedStyle(a);
    return { line: s.textDecorationLine, padding: s.paddingLeft };
  });
  assert.deepEqual(nav, { line: "none", padding: "12px" });
  await page.screenshot({ path: path.join(shots, "playground.png") });
  await page.close();
});
