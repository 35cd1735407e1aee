// The timeline, the queue and lock panels, and time travel, on real
// programs: lanes and spans are asserted against what the program does
// (the same trace `looplab run --trace` writes), and scrubbing back to a
// moment shows that moment's queue, locks and console.
// Run by scripts/test.sh after its release build (serves dist/).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { codeFragment } from "./browser.mjs";
import { useApp, shots } from "./app.mjs";

const app = useApp();

/** Opens `code`, runs it to the end at `speed` and returns the page. */
async function runToEnd(code, { speed = "instant", viewport } = {}) {
  const page = await app.browser.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(app.server.url + "/" + codeFragment(code));
  await page.getByTestId("editor").waitFor();
  await page.getByTestId("speed").selectOption(speed);
  await page.getByTestId("run").click();
  await page.waitForFunction(() => ["finished", "failed"].includes(document.querySelector('[data-testid="run-status"]')?.textContent), null, { timeout: 20000 });
  await settle(page);
  page.errors = errors;
  return page;
}

const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Every lane: { task, kind }. */
const lanes = (page) => page.$$eval('[data-testid="timeline-lane"]', (els) => els.map((e) => ({ task: e.dataset.task, kind: e.dataset.kind })));

/** The spans of one lane, in order: { state, reason, from, to, x }. */
const spans = (page, task) => page.$$eval(`[data-testid="timeline-lane"][data-task="${task}"] [data-testid="timeline-span"]`, (els) => els.map((e) => ({
  state: e.dataset.state, reason: e.dataset.reason, from: Number(e.dataset.from), to: Number(e.dataset.to), line: e.dataset.line,
  x: e.getBoundingClientRect().x,
})));

const waits = async (page, task) => (await spans(page, task)).filter((s) => s.state === "waiting").map((s) => [s.reason, s.from, s.to]);

/** Clicks `task`'s `n`th span in `state` (moves the cursor to its start). */
async function clickSpan(page, task, state, n = 0) {
  await page.locator(`[data-testid="timeline-lane"][data-task="${task}"] [data-testid="timeline-span"][data-state="${state}"]`).nth(n).click();
  await settle(page);
}

const queue = (page, name) => page.locator(`[data-testid="queue-view"][data-name="${name}"]`);
const sync = (page, name) => page.locator(`[data-testid="sync-view"][data-name="${name}"]`);
const consoleLines = (page) => page.locator('[data-testid="console-line"] .text').allTextContents();

const PRODUCER_CONSUMER = `import asyncio

async def producer(q):
    for i in range(4):
        await q.put(f"item {i}")
        print(f"put item {i}")
    await q.put(None)

async def consumer(q):
    while (item := await q.get()) is not None:
        await asyncio.sleep(0.5)
        print(f"got {item}")

async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(
        asyncio.create_task(producer(q), name="producer"),
        asyncio.create_task(consumer(q), name="consumer"),
    )

asyncio.run(main())
`;

test("producer/consumer: the producer waits in put() while the queue is full, and time travel shows the queue then", async () => {
  const page = await runToEnd(PRODUCER_CONSUMER);
  assert.deepEqual(await lanes(page), [
    { task: "event loop", kind: "loop" }, { task: "Task-1", kind: "task" },
    { task: "producer", kind: "task" }, { task: "consumer", kind: "task" },
  ]);
  // put(item 2) waits at t=0 until the consumer's first get (same instant);
  // put(None) waits from 0.5 (queue: item 2, item 3) until the get at 1.0.
  assert.deepEqual(await waits(page, "producer"), [["queue_put", 0, 0], ["queue_put", 0, 0.5], ["queue_put", 0.5, 1]]);
  assert.deepEqual(await waits(page, "consumer"), [0, 0.5, 1, 1.5].map((t) => ["sleep", t, t + 0.5]));
  const ends = async (task) => (await spans(page, task)).filter((s) => s.state === "done").map((s) => s.from);
  assert.deepEqual([await ends("producer"), await ends("consumer"), await ends("Task-1")], [[1], [2], [2]]);
  const q = queue(page, "q");
  assert.equal(await q.getAttribute("data-maxsize"), "2");
  assert.equal(await q.getAttribute("data-size"), "0");
  await page.locator(".tl-label", { hasText: "q.put() · full" }).first().waitFor();

  // Back to when put(None) began to wait: the queue was full.
  await clickSpan(page, "producer", "waiting", 2);
  assert.equal(await q.getAttribute("data-size"), "2");
  assert.deepEqual(await q.getByTestId("queue-item").allTextContents(), ["'item 2'", "'item 3'"]);
  assert.match(await q.locator(".q-waiters.put").innerText(), /producer/);
  assert.deepEqual(await consoleLines(page), ["put item 0", "put item 1", "put item 2", "got item 0", "put item 3"]);
  // The editor marks each waiting task's line in its colour.
  await page.locator(".cm-task-line", { hasText: "await q.put(None)" }).waitFor();
  const marked = await page.locator(".cm-task-line").allInnerTexts();
  assert.ok(marked.some((l) => l.includes("await q.put(None)")), JSON.stringify(marked));
  assert.ok(marked.some((l) => l.includes("await asyncio.sleep(0.5)")), JSON.stringify(marked));
  await page.locator(".tl-details").getByText(/producer — waiting: q.put\(\) · full, from t = 0.5 s to 1.0 s, line 7/).waitFor();
  await page.screenshot({ path: path.join(shots, "timeline-producer-consumer.png") });

  // Stepping on to the consumer's next get: the gotten item visibly leaves
  // (towards the getter's side) while the rest stay; one step back, it is
  // in the queue again and nothing leaves.
  const scrub = page.getByTestId("scrubber");
  await scrub.focus();
  const leaving = q.getByTestId("queue-item-leaving");
  for (let i = 0; i < 40 && (await leaving.count()) === 0; i++) {
    await page.keyboard.press("ArrowRight");
    await settle(page);
  }
  assert.deepEqual(await leaving.allTextContents(), ["'item 2'"]);
  assert.equal(await leaving.evaluate((e) => getComputedStyle(e).animationName), "q-out");
  assert.deepEqual(await q.getByTestId("queue-item").allTextContents(), ["'item 3'"]);
  await page.keyboard.press("ArrowLeft");
  await settle(page);
  assert.equal(await leaving.count(), 0);
  assert.deepEqual(await q.getByTestId("queue-item").allTextContents(), ["'item 2'", "'item 3'"]);
  await clickSpan(page, "producer", "waiting", 2);

  // ← and → step through the events; at the very start nothing exists yet.
  const scrubber = page.getByTestId("scrubber");
  const at = Number(await scrubber.inputValue());
  await scrubber.focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(Number(await scrubber.inputValue()), at + 1);
  await page.keyboard.press("Home");
  await settle(page);
  assert.equal(await scrubber.inputValue(), "0");
  assert.equal(await page.getByTestId("queue-view").count(), 0);
  assert.deepEqual(await consoleLines(page), []);
  await page.keyboard.press("End");
  await settle(page);
  assert.equal((await consoleLines(page)).length, 8);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("semaphore-limited fetches: two run, two wait for the semaphore", async () => {
  const page = await runToEnd(`import asyncio

async def fetch(sem, n):
    async with sem:
        print(f"fetch {n} starts")
        await asyncio.sleep(1)
    return n

async def main():
    sem = asyncio.Semaphore(2)
    print(await asyncio.gather(*(fetch(sem, n) for n in range(4))))

asyncio.run(main())
`);
  const names = (await lanes(page)).map((l) => l.task);
  assert.deepEqual(names, ["event loop", "Task-1", "Task-2", "Task-3", "Task-4", "Task-5"]);
  for (const t of ["Task-2", "Task-3"]) assert.deepEqual(await waits(page, t), [["sleep", 0, 1]]);
  for (const t of ["Task-4", "Task-5"]) assert.deepEqual(await waits(page, t), [["semaphore", 0, 1], ["sleep", 1, 2]]);
  const s = sync(page, "sem");
  assert.equal(await s.getAttribute("data-kind"), "semaphore");
  assert.match(await s.innerText(), /2 left/);
  await clickSpan(page, "Task-5", "waiting", 0);
  assert.match(await s.innerText(), /0 left/);
  assert.match(await s.locator(".sync-waiters").innerText(), /Task-4\s*Task-5/);
  await page.screenshot({ path: path.join(shots, "timeline-semaphore.png") });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("lock contention: each worker waits for the one before", async () => {
  const page = await runToEnd(`import asyncio

async def worker(lock, name):
    async with lock:
        print(f"{name} has the lock")
        await asyncio.sleep(0.2)

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(asyncio.create_task(worker(lock, f"w{i}"), name=f"w{i}") for i in range(3)))

asyncio.run(main())
`);
  assert.deepEqual(await waits(page, "w0"), [["sleep", 0, 0.2]]);
  const w1 = await waits(page, "w1");
  assert.deepEqual(w1[0].slice(0, 2), ["lock", 0]);
  assert.equal(w1[0][2].toFixed(3), "0.200");
  const w2 = await waits(page, "w2");
  assert.deepEqual(w2[0].slice(0, 2), ["lock", 0]);
  assert.equal(w2[0][2].toFixed(3), "0.400");
  const lock = sync(page, "lock");
  assert.equal(await lock.getAttribute("data-kind"), "lock");
  assert.match(await lock.innerText(), /free/);
  await clickSpan(page, "w2", "waiting", 0);
  assert.match(await lock.innerText(), /held by\s*w0/);
  assert.match(await lock.locator(".sync-waiters").innerText(), /w1\s*w2/);
  await page.screenshot({ path: path.join(shots, "timeline-lock.png") });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a TaskGroup with a failure: one task fails, its sibling is cancelled", async () => {
  const page = await runToEnd(`import asyncio

async def ok():
    await asyncio.sleep(1)
    return "ok"

async def bad():
    await asyncio.sleep(0.3)
    raise ValueError("bad input")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(), name="ok")
            tg.create_task(bad(), name="bad")
    except* ValueError as eg:
        print("caught", eg.exceptions)

asyncio.run(main())
`);
  const last = async (task) => (await spans(page, task)).at(-1);
  // The parent waits in the group's exit for its tasks (until the failure
  // cancels the rest), labelled as such, not as a bare future.
  assert.deepEqual(await waits(page, "Task-1"), [["taskgroup", 0, 0.3], ["taskgroup", 0.3, 0.3]]);
  await page.locator(".tl-label", { hasText: "TaskGroup exit · waits for ok, bad" }).waitFor();
  assert.deepEqual(await waits(page, "bad"), [["sleep", 0, 0.3]]);
  assert.equal((await last("bad")).state, "failed");
  assert.equal((await last("bad")).from, 0.3);
  assert.equal((await last("ok")).state, "cancelled");
  assert.equal((await last("ok")).from, 0.3);
  assert.deepEqual(await consoleLines(page), ["caught (ValueError('bad input'),)"]);
  await page.locator('[data-testid="timeline-lane"][data-task="bad"] [data-state="failed"]').focus();
  await page.locator(".tl-details").getByText("bad — raised ValueError('bad input'), at t = 0.3 s").waitFor();
  await page.screenshot({ path: path.join(shots, "timeline-taskgroup.png") });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a blocking time.sleep freezes every lane", async () => {
  const page = await runToEnd(`import asyncio
import time

async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.25)

async def blocker():
    await asyncio.sleep(0.3)
    time.sleep(1)
    print("blocked the loop for 1 s")

async def main():
    await asyncio.gather(asyncio.create_task(ticker(), name="ticker"), asyncio.create_task(blocker(), name="blocker"))

asyncio.run(main())
`);
  const blocked = (await spans(page, "event loop")).filter((s) => s.state === "blocked");
  assert.deepEqual(blocked.map((s) => [s.from, s.to]), [[0.3, 1.3]]);
  // The ticker's 0.25 s sleep from t=0.25 could only end after the block.
  const tick = await waits(page, "ticker");
  assert.deepEqual(tick[1].slice(0, 2), ["sleep", 0.25]);
  assert.equal(tick[1][2], 1.3);
  const run = (await spans(page, "blocker")).filter((s) => s.state === "running").at(-1);
  assert.deepEqual([run.from, run.to], [0.3, 1.3]);
  assert.equal(await page.locator(".tl-band").count(), 1);
  await page.screenshot({ path: path.join(shots, "timeline-blocking.png") });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("live at 1×: a blocking time.sleep and Thread.join() grow across every lane while they last", async () => {
  const page = await app.browser.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(app.server.url + "/" + codeFragment(`import asyncio
import threading
import time

def work():
    time.sleep(1.5)

async def ticker():
    for i in range(8):
        await asyncio.sleep(0.25)

async def main():
    t = asyncio.create_task(ticker(), name="ticker")
    await asyncio.sleep(0.25)
    print("sleeping")
    time.sleep(1)
    th = threading.Thread(target=work)
    th.start()
    print("joining")
    th.join()
    print("joined")
    await t

asyncio.run(main())
`));
  await page.getByTestId("editor").waitFor();
  await page.getByTestId("speed").selectOption("1");
  await page.getByTestId("run").click();
  /** The live blocked span and band (read at one moment): where they start and how far they reach, beside the live cursor. */
  const measure = () => page.evaluate(() => {
    const last = [...document.querySelectorAll('[data-testid="timeline-lane"][data-kind="loop"] [data-testid="timeline-span"][data-state="blocked"]')].at(-1);
    const rect = last.querySelector("rect").getBoundingClientRect();
    const band = document.querySelectorAll(".tl-band");
    const b = band[band.length - 1].getBoundingClientRect();
    const cursor = document.querySelector(".tl-cursor").getBoundingClientRect();
    return { from: Number(last.dataset.from), to: last.dataset.to, label: last.getAttribute("aria-label"), right: rect.right, width: rect.width,
      band: { right: b.right, height: b.height }, cursor: cursor.x + cursor.width / 2 };
  });
  const grows = async (from, to) => {
    await page.waitForTimeout(250);
    const a = await measure();
    await page.waitForTimeout(300);
    const b = await measure();
    assert.equal(await page.getByTestId("run-status").textContent(), "running");
    assert.deepEqual([a.from, b.from], [from, from]);
    assert.equal(b.to, to);
    // The run fits the box, so the live end stays at the right and what
    // came before shrinks: the block takes a growing share of the run.
    assert.ok(b.width > a.width + 5, `the blocked span grows: ${a.width} → ${b.width} px`);
    assert.ok(Math.abs(b.right - b.cursor) < 6, `it reaches the live end: ${b.right} vs ${b.cursor}`);
    assert.ok(Math.abs(b.band.right - b.right) < 6, "the band across the lanes reaches as far");
    assert.ok(b.band.height >= 28 * 3, `the band covers every lane (${b.band.height} px)`);
    return b;
  };
  await page.locator('[data-testid="console-line"] .text', { hasText: "sleeping" }).waitFor();
  // time.sleep is traced as it starts (its end is known), yet drawn only up to now.
  const sleep = await grows(0.25, "1.25");
  assert.match(sleep.label, /time\.sleep\(1\) blocks everything/);
  await page.locator('[data-testid="console-line"] .text', { hasText: "joining" }).waitFor();
  // A join is traced only when it ends: meanwhile it is drawn open-ended.
  const join = await grows(1.25, "");
  assert.match(join.label, /Thread\.join\(\) blocks everything/);
  await page.screenshot({ path: path.join(shots, "timeline-live-blocked.png") });
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.textContent === "finished", null, { timeout: 20000 });
  await settle(page);
  const done = (await spans(page, "event loop")).filter((s) => s.state === "blocked").map((s) => [s.from, s.to]);
  assert.deepEqual(done, [[0.25, 1.25], [1.25, 2.75]]);
  assert.equal(await page.locator(".tl-band").count(), 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test("worker threads: to_thread calls run on thread lanes while their tasks wait", async () => {
  const page = await runToEnd(`import asyncio
import time

async def main():
    await asyncio.gather(asyncio.to_thread(time.sleep, 1), asyncio.to_thread(time.sleep, 1))
    print("both done")

asyncio.run(main())
`);
  // As in the trace: main, the two tasks gather wraps the calls in, then
  // one lane per executor thread.
  assert.deepEqual(await lanes(page), [
    { task: "event loop", kind: "loop" }, { task: "Task-1", kind: "task" }, { task: "Task-2", kind: "task" },
    { task: "Task-3", kind: "task" }, { task: "asyncio_0", kind: "thread" }, { task: "asyncio_1", kind: "thread" },
  ]);
  for (const thread of ["asyncio_0", "asyncio_1"]) {
    const s = await spans(page, thread);
    assert.deepEqual(s.map((x) => x.state), ["ready", "running", "waiting", "running", "done"]);
    assert.deepEqual(await waits(page, thread), [["sleep", 0, 1]]);
    assert.equal(s.at(-1).from, 1);
  }
  // The threads sleep side by side: the second starts before the first wakes.
  const [a, b] = [await spans(page, "asyncio_0"), await spans(page, "asyncio_1")];
  assert.ok(b[1].x > a[1].x && b[1].x < a[3].x, "the second thread's first step comes between the first's");
  for (const task of ["Task-2", "Task-3"]) assert.deepEqual(await waits(page, task), [["thread", 0, 1]]);
  assert.deepEqual(await waits(page, "Task-1"), [["gather", 0, 1]]);
  // The loop idles while only threads work: nothing blocks it.
  const loop = await spans(page, "event loop");
  assert.deepEqual(loop.map((s) => [s.state, s.from, s.to]), [["idle", 0, 1]]);
  await page.locator(".tl-label", { hasText: "thread running sleep()" }).first().waitFor();
  await page.screenshot({ path: path.join(shots, "timeline-threads.png") });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a sleep(0) ping-pong: the steps of one instant alternate, side by side", async () => {
  const page = await runToEnd(`import asyncio

async def player(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(asyncio.create_task(player("ping", 3), name="ping"),
                         asyncio.create_task(player("pong", 3), name="pong"))

asyncio.run(main())
`);
  const runs = async (task) => (await spans(page, task)).filter((s) => s.state === "running");
  const ping = await runs("ping");
  const pong = await runs("pong");
  assert.equal(ping.length, 4);
  assert.equal(pong.length, 4);
  assert.ok([...ping, ...pong].every((s) => s.from === 0 && s.to === 0), "no virtual time passes");
  // Every step has a column: ping, pong, ping, pong... left to right.
  const order = [...ping.map((s) => ["ping", s.x]), ...pong.map((s) => ["pong", s.x])].sort((a, b) => a[1] - b[1]);
  assert.deepEqual(order.map((o) => o[0]), ["ping", "pong", "ping", "pong", "ping", "pong", "ping", "pong"]);
  for (let i = 1; i < order.length; i++) assert.ok(order[i][1] - order[i - 1][1] >= 10, "steps are at least 10 px apart");
  // Between its steps each task is ready (waiting for its turn), not waiting.
  assert.deepEqual((await spans(page, "ping")).map((s) => s.state).slice(1, 6), ["running", "ready", "running", "ready", "running"]);
  await page.screenshot({ path: path.join(shots, "timeline-ping-pong.png") });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the run downloads as a Chrome Trace Event file", async () => {
  const page = await runToEnd(PRODUCER_CONSUMER);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export").click()]);
  assert.equal(download.suggestedFilename(), "looplab-trace.json");
  const json = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  const threads = json.traceEvents.filter((e) => e.ph === "M").map((e) => e.args.name);
  assert.deepEqual(threads, ["event loop", "Task-1", "producer", "consumer"]);
  assert.ok(json.traceEvents.some((e) => e.ph === "X" && e.name === "waiting" && /Queue.put/.test(e.args.waiting_on)));
  await page.close();
});

test("readable on a phone in landscape", async () => {
  const page = await runToEnd(PRODUCER_CONSUMER, { viewport: { width: 844, height: 390 } });
  await page.getByTestId("timeline").scrollIntoViewIfNeeded();
  const box = await page.getByTestId("timeline").boundingBox();
  assert.ok(box.width > 450, `timeline ${box.width} px wide`);
  await clickSpan(page, "producer", "waiting", 2);
  await page.getByTestId("timeline").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, "timeline-phone-landscape.png") });
  assert.equal(await queue(page, "q").getAttribute("data-size"), "2");
  // It fits: the page never scrolls sideways (the timeline scrolls in its box).
  const fit = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, body: document.body.scrollWidth, width: innerWidth, x: scrollX }));
  assert.ok(fit.page <= fit.width && fit.body <= fit.width && fit.x === 0, JSON.stringify(fit));
  await page.close();
});
