// The course in a real browser: an exercise checked wrong then right, the
// result kept across a reload, a quiz scored, progress exported and
// imported, unreadable storage reset with a notice, the map's marks, and
// a lesson's examples loaded into its runner, a verdict's moment shown on
// the timeline, lessons marked read.
// Run by scripts/test.sh after its release build (serves dist/).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useApp, root, shots } from "./app.mjs";

const exercises = path.join(root, "exercises");
const app = useApp();

/** A fresh course page (one origin: localStorage is shared within the browser). */
async function open(hash) {
  const page = await app.browser.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(app.server.url + "/learn/" + hash);
  return { page, errors };
}

const clearProgress = (page) => page.evaluate(() => localStorage.removeItem("looplab:progress"));

/** Replaces the editor's text as if the learner typed it. */
async function type(page, code) {
  await page.getByTestId("editor").waitFor();
  await page.evaluate((c) => window.LooplabEditor.setValue(c), code);
}

async function check(page) {
  await page.getByTestId("check").click();
  const result = page.getByTestId("check-result");
  await result.waitFor({ timeout: 20000 });
  return result;
}

const solution = fs.readFileSync(path.join(exercises, "first-await/solution.py"), "utf8");
const starter = fs.readFileSync(path.join(exercises, "first-await/starter.py"), "utf8");

test("an exercise: wrong then right, and still passed with its code after a reload", async () => {
  const { page, errors } = await open("#/exercise/first-await");
  await page.getByTestId("exercise").waitFor(); // started: it has read the store
  await clearProgress(page);
  await page.reload();
  await page.getByTestId("exercise").waitFor();
  assert.equal(await page.getByTestId("exercise").getAttribute("data-status"), "started");

  // The starter forgets the await: the checker says what went wrong.
  await type(page, starter);
  let result = await check(page);
  assert.equal(await result.getAttribute("data-status"), "fail");
  const detail = await page.getByTestId("check-detail").textContent();
  assert.match(detail, /make_toast\(\) without await/, detail);
  await page.getByTestId("run-status").filter({ hasText: /finished|failed/ }).waitFor();
  await page.screenshot({ path: path.join(shots, "exercise-fail.png") });

  // Hints come one at a time.
  await page.getByTestId("hint").click();
  assert.equal(await page.getByTestId("hint-text").count(), 1);
  await page.getByTestId("hint").click();
  assert.equal(await page.getByTestId("hint-text").count(), 2);
  assert.ok(await page.getByTestId("hint").isDisabled(), "all hints shown");

  await type(page, solution);
  result = await check(page);
  assert.equal(await result.getAttribute("data-status"), "pass");
  assert.match(await result.textContent(), /Passed/);
  assert.equal(await page.getByTestId("exercise-status").getAttribute("data-status"), "passed");
  await page.screenshot({ path: path.join(shots, "exercise-pass.png") });

  await page.reload();
  await page.getByTestId("exercise").waitFor();
  assert.equal(await page.getByTestId("exercise").getAttribute("data-status"), "passed");
  assert.equal(await page.evaluate(() => window.LooplabEditor.getValue()), solution);
  assert.equal(await page.getByTestId("hint-text").count(), 2, "revealed hints stay revealed");

  // The solution can be asked for; it does not replace the code until asked.
  await page.getByTestId("show-solution").click();
  assert.match(await page.getByTestId("solution").textContent(), /await make_toast\(\)/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("moving between exercises mounts each one's own code", async () => {
  const { page, errors } = await open("#/exercise/first-await");
  await page.getByTestId("exercise").waitFor();
  await page.getByTestId("editor").waitFor();
  await page.evaluate(() => { location.hash = "#/exercise/run-the-loop"; });
  await page.waitForFunction(() => window.LooplabEditor.getValue().length > 0 && document.querySelector('[data-testid="exercise"]'));
  const next = fs.readFileSync(path.join(exercises, "run-the-loop/starter.py"), "utf8");
  await page.waitForFunction((c) => window.LooplabEditor.getValue() === c, next);
  await page.goBack();
  await page.waitForFunction((c) => window.LooplabEditor.getValue() === c, solution);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a quiz is scored, explained and kept", async () => {
  const { page, errors } = await open("#/quiz/coroutines");
  await page.getByTestId("quiz").waitFor();
  const questions = page.getByTestId("quiz-question");
  assert.equal(await questions.count(), 4);
  // Question 1's right option, from the quiz file (`answer` counts from 1).
  const toml = fs.readFileSync(path.join(exercises, "lessons/coroutines/quiz.toml"), "utf8");
  const answer = Number(toml.match(/answer = (\d+)/)[1]);
  await questions.nth(0).getByTestId("quiz-option").nth(answer - 1).click();
  // A typed predict-the-output answer, wrong on purpose.
  await questions.nth(1).getByTestId("quiz-answer").fill("nothing");
  await questions.nth(2).getByTestId("quiz-option").nth(0).click();
  await questions.nth(3).getByTestId("quiz-option").nth(0).click();
  await page.getByTestId("quiz-submit").click();
  const result = page.getByTestId("quiz-result");
  await result.waitFor({ timeout: 20000 });
  assert.equal(await result.getAttribute("data-total"), "4");
  assert.equal(await questions.nth(0).getAttribute("data-status"), "right");
  assert.equal(await questions.nth(1).getAttribute("data-status"), "wrong");
  const firstScore = Number(await result.getAttribute("data-score"));

  // The engine's output is shown as the answer; typing it is right.
  const printed = await questions.nth(1).locator(".q-right pre").textContent();
  assert.match(printed, /step/);
  await questions.nth(1).getByTestId("quiz-answer").fill(printed);
  await page.getByTestId("quiz-submit").click();
  await result.waitFor({ timeout: 20000 });
  assert.equal(await questions.nth(1).getAttribute("data-status"), "right");
  assert.equal(Number(await result.getAttribute("data-score")), firstScore + 1);
  await page.screenshot({ path: path.join(shots, "quiz.png"), fullPage: true });

  await page.reload();
  await page.getByTestId("quiz-result").waitFor({ timeout: 20000 });
  assert.equal(Number(await page.getByTestId("quiz-result").getAttribute("data-score")), firstScore + 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the course map shows completion", async () => {
  const { page, errors } = await open("#/learn");
  await page.getByTestId("course-map").waitFor();
  const first = page.getByTestId("map-exercise").first();
  assert.equal(await first.getAttribute("data-status"), "passed");
  assert.equal(await page.getByTestId("map-exercise").nth(1).getAttribute("data-status"), "todo", "opened, never edited");
  assert.match(await page.getByTestId("map-summary").textContent(), /^1 of \d+ exercises passed$/);
  assert.equal(await page.getByTestId("map-quiz").first().getAttribute("data-status"), "started");
  await page.screenshot({ path: path.join(shots, "course-map.png") });
  // The header leads to every section.
  await page.getByTestId("nav-progress").click();
  await page.getByTestId("progress").waitFor();
  await page.getByTestId("nav-playground").click();
  await page.getByTestId("run").waitFor();
  assert.equal(new URL(page.url()).pathname, "/");
  await page.getByTestId("nav-course").click();
  await page.getByTestId("course-map").waitFor();
  assert.equal(new URL(page.url()).pathname, "/learn/");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a course link on the playground's address opens the course page", async () => {
  // Links from before the course had its own page: `/#/lesson/ID`.
  const page = await app.browser.context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(app.server.url + "/#/lesson/coroutines");
  await page.getByTestId("lesson").waitFor();
  const url = new URL(page.url());
  assert.equal(url.pathname + url.hash, "/learn/#/lesson/coroutines");
  assert.deepEqual(errors, []);
  await page.close();
});

test("progress is exported as a file and imported back", async () => {
  const { page, errors } = await open("#/progress");
  await page.getByTestId("progress").waitFor();
  assert.equal(await page.getByTestId("progress-passed").textContent(), "1 / 28");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export").click()]);
  const file = path.join(shots, "..", "progress-export.json");
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, "utf8"));
  assert.equal(exported.format, "looplab-progress");
  assert.equal(exported.summary.exercises_passed, 1);
  assert.equal(exported.summary.passed[0].exercise, "first-await");
  assert.match(exported.summary.passed[0].passed_at, /^\d{4}-\d\d-\d\dT/);
  assert.equal(exported.exercises["first-await"].code, solution);
  await page.screenshot({ path: path.join(shots, "progress.png"), fullPage: true });

  // Start over, then bring the file back.
  await clearProgress(page);
  await page.reload();
  await page.getByTestId("progress").waitFor();
  assert.equal(await page.getByTestId("progress-passed").textContent(), "0 / 28");
  await page.getByTestId("import").setInputFiles(file);
  await page.getByTestId("import-result").waitFor();
  assert.match(await page.getByTestId("import-result").textContent(), /^Imported/);
  assert.equal(await page.getByTestId("progress-passed").textContent(), "1 / 28");

  // A file that is not progress is refused, and nothing changes.
  await page.getByTestId("import").setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{\"hello\": 1}") });
  await page.getByTestId("import-result").filter({ hasText: "Nothing was imported" }).waitFor();
  assert.equal(await page.getByTestId("progress-passed").textContent(), "1 / 28");
  await page.goto(app.server.url + "/learn/#/exercise/first-await");
  await page.getByTestId("exercise").waitFor();
  assert.equal(await page.getByTestId("exercise").getAttribute("data-status"), "passed");
  assert.deepEqual(errors, []);
  await page.close();
});

test("unreadable progress is reset with a notice, not a crash", async () => {
  const { page, errors } = await open("#/learn");
  // The app reads (and moves aside) the stored progress as it starts, which
  // may be after goto() returns: store the bad text only once it has.
  await page.getByTestId("course-map").waitFor();
  await page.evaluate(() => localStorage.setItem("looplab:progress", "{\"format\": \"looplab-progress\", \"vers"));
  await page.reload();
  await page.getByTestId("storage-notice").waitFor();
  assert.match(await page.getByTestId("storage-notice").textContent(), /could not be read/);
  await page.getByTestId("course-map").waitFor();
  assert.match(await page.getByTestId("map-summary").textContent(), /^0 of/);
  await page.screenshot({ path: path.join(shots, "storage-reset.png") });
  // The next load is clean.
  await page.reload();
  await page.getByTestId("course-map").waitFor();
  assert.equal(await page.getByTestId("storage-notice").count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a lesson's examples run in its runner", async () => {
  const { page, errors } = await open("#/lesson/coroutines");
  await page.getByTestId("lesson").waitFor();
  const examples = page.getByTestId("example");
  assert.ok((await examples.count()) >= 2);
  await examples.nth(1).getByTestId("example-run").click();
  await page.getByTestId("run-status").filter({ hasText: "finished" }).waitFor({ timeout: 15000 });
  const code = await page.evaluate(() => window.LooplabEditor.getValue());
  assert.equal(code, fs.readFileSync(path.join(exercises, "lessons/coroutines/run_main.py"), "utf8"));
  assert.ok((await page.getByTestId("console-line").count()) > 0);
  await page.screenshot({ path: path.join(shots, "lesson.png") });
  assert.deepEqual(errors, []);
  await page.close();
});

test("a failed check points at its moment, and the button moves the time-travel cursor there", async () => {
  const { page, errors } = await open("#/exercise/three-at-once");
  await page.getByTestId("exercise").waitFor();
  // The starter awaits the fetches one by one: 3.0 s instead of 1.0 s.
  await type(page, fs.readFileSync(path.join(exercises, "three-at-once/starter.py"), "utf8"));
  const result = await check(page);
  assert.equal(await result.getAttribute("data-status"), "fail");
  assert.match(await page.getByTestId("check-detail").textContent(), /one after another .*about 1\.0 s/);
  const moment = page.getByTestId("check-moment");
  assert.equal(await moment.getAttribute("data-t"), "1");
  assert.match(await moment.textContent(), /1\.0 s/);
  // Clicked while the run still plays (1×): it plays to 1.0 s and stops there.
  await moment.click();
  const scrubber = page.getByTestId("scrubber");
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid="scrubber"]');
    return s && !s.disabled && Number(s.dataset.t) === 1;
  }, null, { timeout: 15000 });
  const max = Number(await scrubber.getAttribute("max"));
  const at = Number(await scrubber.inputValue());
  assert.ok(at > 0 && at < max, `cursor ${at} of ${max}`);
  // The console shows that moment: the first page printed, the second still awaited.
  assert.equal(await page.getByTestId("console-line").filter({ hasText: "page from" }).count(), 1);
  await page.screenshot({ path: path.join(shots, "exercise-moment.png") });

  // Once the run is over, the button moves the cursor back there again.
  await page.getByTestId("pause").click(); // ▶ Resume
  await page.getByTestId("run-status").filter({ hasText: "finished" }).waitFor({ timeout: 15000 });
  await moment.click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="scrubber"]').dataset.t) === 1);
  assert.equal(Number(await scrubber.inputValue()), at);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a lesson read to its end is marked read on the map and the progress page", async () => {
  const { page, errors } = await open("#/lesson/gather");
  await page.getByTestId("lesson").waitFor();
  const end = page.getByTestId("lesson-end");
  assert.equal(await end.getAttribute("data-read"), "false", "opening a lesson is not reading it");
  await page.getByTestId("example").first().getByTestId("example-run").click();
  await end.scrollIntoViewIfNeeded();
  await page.locator('[data-testid="lesson-end"][data-read="true"]').waitFor();
  await page.goto(app.server.url + "/learn/#/learn");
  await page.getByTestId("course-map").waitFor();
  const gather = page.getByTestId("map-lesson").nth(1);
  assert.equal(await gather.getAttribute("data-read"), "true");
  assert.match(await gather.getByTestId("map-read").textContent(), /read/);
  await page.goto(app.server.url + "/learn/#/progress");
  await page.getByTestId("progress").waitFor();
  assert.match(await page.getByTestId("progress-read").textContent(), /^[1-9]\d* \/ \d+$/);
  const row = page.getByTestId("progress-lesson").nth(1);
  assert.equal(await row.getAttribute("data-read"), "true");
  assert.match(await row.textContent(), /read on \d{4}-\d\d-\d\d · ran 1 of 4 examples/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("progress saved by the first version (no lessons) is read and kept", async () => {
  const { page, errors } = await open("#/learn");
  await page.getByTestId("course-map").waitFor(); // started: it has read the store
  const v1 = { format: "looplab-progress", version: 1, quizzes: {},
    exercises: { "first-await": { status: "passed", code: solution, checks: 1, failed: 0, hints: 0, solution_shown: false, passed_at: "2026-11-30T10:00:00.000Z" } } };
  await page.evaluate((t) => localStorage.setItem("looplab:progress", t), JSON.stringify(v1));
  await page.reload();
  await page.getByTestId("course-map").waitFor();
  assert.equal(await page.getByTestId("storage-notice").count(), 0);
  assert.match(await page.getByTestId("map-summary").textContent(), /^1 of/);
  assert.equal(await page.getByTestId("map-lesson").first().getAttribute("data-read"), "false");
  assert.deepEqual(errors, []);
  await page.close();
});

test("every course page fits phone portrait, phone landscape and a laptop screen", async () => {
  const sizes = [["phone", 390, 844], ["landscape", 844, 390], ["laptop", 1366, 768]];
  const pages = [["map", "#/learn", "course-map"], ["lesson", "#/lesson/gather", "lesson"],
    ["exercise", "#/exercise/three-at-once", "exercise"], ["quiz", "#/quiz/gather", "quiz"], ["progress", "#/progress", "progress"]];
  const { page, errors } = await open("#/learn");
  const overflows = [];
  for (const [size, width, height] of sizes) {
    await page.setViewportSize({ width, height });
    for (const [name, hash, testid] of pages) {
      await page.goto(app.server.url + "/learn/" + hash);
      await page.getByTestId(testid).waitFor();
      if (name === "exercise") {
        await page.getByTestId("check").click();
        await page.getByTestId("check-result").waitFor({ timeout: 20000 });
        await page.getByTestId("run-status").filter({ hasText: /finished|failed/ }).waitFor({ timeout: 20000 });
      }
      // Nothing wider than the screen: no sideways scrolling of the page,
      // and no element sticking out of it (wide code scrolls inside its box).
      const wide = await page.evaluate(() => {
        const w = document.documentElement.clientWidth;
        const out = [...document.querySelectorAll("body *")].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.right > w + 1 && getComputedStyle(el).position !== "fixed"
            && !el.closest(".example-code, .md-code, pre, .cm-editor, .timeline-pane, .progress-table-wrap");
        });
        return { page: document.scrollingElement.scrollWidth - w, out: out.slice(0, 5).map((el) => el.className || el.tagName) };
      });
      if (wide.page > 1 || wide.out.length > 0) overflows.push(`${name} at ${size}: ${JSON.stringify(wide)}`);
      await page.screenshot({ path: path.join(shots, `fit-${name}-${size}.png`) });
    }
  }
  assert.deepEqual(overflows, []);
  await page.setViewportSize({ width: 1280, height: 760 });
  assert.deepEqual(errors, []);
  await page.close();
});
