//! The course in `exercises/` must validate (the same as `looplab check
//! exercises/`), and the checker's verdicts must explain themselves.

use looplab_course::{check_code, content, load, load_dir, validate, Files};

fn course_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../exercises")
}

#[test]
fn the_course_validates() {
    let files = load_dir(&course_dir()).expect("exercises/ is readable");
    let course = load(&files).unwrap_or_else(|e| panic!("exercises/{e}"));
    let s = validate::validate(&course, None);
    assert!(s.problems.is_empty(), "looplab check exercises/ found problems:\n{}", s.problems.join("\n"));
    assert!(s.exercises >= 2 && s.questions >= 4);
}

#[test]
fn the_embedded_course_is_exercises_as_on_disk() {
    let mut on_disk = load_dir(&course_dir()).expect("exercises/ is readable");
    on_disk.retain(|path, _| path != "README.md" && path != "AUTHORING.md");
    let embedded = looplab_course::embedded::files();
    assert_eq!(embedded.keys().collect::<Vec<_>>(), on_disk.keys().collect::<Vec<_>>());
    assert!(embedded == on_disk, "a course file changed after the build embedded it");
    load(&embedded).unwrap_or_else(|e| panic!("exercises/{e}"));
}

#[test]
fn a_sliced_run_judges_like_a_whole_run() {
    let course = load(&looplab_course::embedded::files()).unwrap();
    let ex = course.exercise("three-at-once").expect("the course has three-at-once");
    let mut s = looplab_course::run::Stepper::new(&ex.solution, "main.py");
    let run = loop {
        if let Some(r) = s.advance(1_000) {
            break r;
        }
    };
    let expected = looplab_course::expected_output(ex);
    let sliced = looplab_course::judge(ex, &ex.solution, run, &expected);
    let whole = check_code(ex, &ex.solution, &expected);
    assert!(sliced.passed && whole.passed);
    assert_eq!(sliced.outcomes, whole.outcomes);
}

fn one_exercise(toml: &str, solution: &str) -> Files {
    let mut f = Files::new();
    f.insert("course.toml".into(), "title = \"t\"\n[[lesson]]\nid = \"l\"\ntitle = \"L\"\nexercises = [\"ex\"]\n".into());
    f.insert("lessons/l/lesson.md".into(), "# L\n".into());
    f.insert("ex/exercise.toml".into(), toml.into());
    f.insert("ex/starter.py".into(), "pass\n".into());
    f.insert("ex/solution.py".into(), solution.into());
    f
}

const HEAD: &str = "title = \"x\"\nsteps = [\"a\"]\nhints = [\"h\"]\nexplanation = \"e\"\n";

#[test]
fn malformed_files_fail_with_path_and_line() {
    let e = load(&one_exercise(&format!("{HEAD}\n[[check]]\nkind = \"max_tme\"\n"), "")).unwrap_err();
    assert_eq!(e.to_string(), "ex/exercise.toml:7: unknown check kind `max_tme` (see AUTHORING.md)");
    let e = load(&one_exercise(&format!("{HEAD}[[check]]\nkind = \"max_time\"\nseconds = 1\nsecs = 1\n"), "")).unwrap_err();
    assert_eq!(e.to_string(), "ex/exercise.toml:8: unknown key `secs` in a `max_time` check");
    let e = load(&one_exercise(&format!("{HEAD}[[check]]\nkind = \"max_time\"\nsecnds = 1\n"), "")).unwrap_err();
    assert_eq!(e.to_string(), "ex/exercise.toml:7: missing `seconds` (is `secnds` a misspelling?)");
    let e = load(&one_exercise("title = \"x\nsteps = []\n", "")).unwrap_err();
    assert_eq!((e.path.as_str(), e.line), ("ex/exercise.toml", 1));
    let mut f = one_exercise(&format!("{HEAD}[[check]]\nkind = \"output\"\n"), "");
    f.insert("lessons/l/quiz.toml".into(), "[[question]]\nid = \"q\"\nkind = \"choice\"\nprompt = \"p\"\nexplanation = \"e\"\noptions = [\"a\", \"b\"]\nanswer = 3\n".into());
    assert_eq!(load(&f).unwrap_err().to_string(), "lessons/l/quiz.toml:7: `answer = 3` but there are 2 options (count from 1)");
    f.insert("orphan/exercise.toml".into(), HEAD.into());
    f.remove("lessons/l/quiz.toml");
    assert!(load(&f).unwrap_err().to_string().starts_with("orphan/exercise.toml:1: exercise `orphan` is not listed"));
}

const SEQUENTIAL: &str = "import asyncio\nasync def fetch(i):\n    await asyncio.sleep(1)\n    print('got', i)\n\
async def main():\n    for i in range(3):\n        await fetch(i)\nasyncio.run(main())\n";
const TOGETHER: &str = "import asyncio\nasync def fetch(i):\n    await asyncio.sleep(1)\n    print('got', i)\n\
async def main():\n    await asyncio.gather(*(fetch(i) for i in range(3)))\nasyncio.run(main())\n";

fn exercise(checks: &str) -> content::Exercise {
    let course = load(&one_exercise(&format!("{HEAD}{checks}"), TOGETHER)).unwrap();
    course.exercises[0].clone()
}

#[test]
fn sequential_waits_are_explained_on_the_timeline() {
    let ex = exercise("[[check]]\nkind = \"max_time\"\nseconds = 1.1\n[[check]]\nkind = \"overlap\"\nmin = 3\n[[check]]\nkind = \"calls\"\nany = [\"gather\", \"TaskGroup\"]\n");
    let r = check_code(&ex, SEQUENTIAL, &[]);
    assert!(!r.passed);
    let time = &r.outcomes[1];
    assert_eq!(time.what, "finishes within 1.1 s");
    assert!(time.detail.contains("took 3.0 s") && time.detail.contains("one after another (0.0–1.0 s, 1.0–2.0 s, 2.0–3.0 s)") && time.detail.contains("about 1.0 s"), "{}", time.detail);
    assert_eq!(time.at, Some(1.0));
    assert!(r.outcomes[2].detail.contains("never created a task"), "{}", r.outcomes[2].detail);
    assert_eq!(r.outcomes[3].detail, "Your code never calls gather or TaskGroup.");
    let ok = check_code(&ex, TOGETHER, &[]);
    assert!(ok.passed, "{:?}", ok.outcomes);
    assert_eq!(ok.outcomes[2].detail, "At 0.0 s, 3 tasks were in progress together.");
}

#[test]
fn output_and_loop_hygiene_checks() {
    let ex = exercise("[[check]]\nkind = \"output\"\n[[check]]\nkind = \"no_blocking\"\n[[check]]\nkind = \"no_unretrieved\"\n");
    let expected: Vec<String> = ["got 0", "got 1", "got 2"].iter().map(|s| s.to_string()).collect();
    let swapped = "print('got 1')\nprint('got 0')\nprint('got 2')\n";
    let r = check_code(&ex, swapped, &expected);
    assert!(r.outcomes[1].detail.starts_with("Line 1 of your output is `got 1`"), "{}", r.outcomes[1].detail);
    let blocking = "import asyncio, time\nasync def main():\n    time.sleep(2)\n    print('got 0'); print('got 1'); print('got 2')\n\
async def boom():\n    raise ValueError('bad')\nasync def run():\n    asyncio.create_task(boom())\n    await asyncio.sleep(0)\n    await main()\nasyncio.run(run())\n";
    let r = check_code(&ex, blocking, &expected);
    assert!(r.outcomes[1].passed);
    assert!(r.outcomes[2].detail.contains("called time.sleep and froze the whole event loop for 2.0 s"), "{}", r.outcomes[2].detail);
    assert!(r.outcomes[3].detail.starts_with("Task Task-2 failed with ValueError('bad')"), "{}", r.outcomes[3].detail);
    let crash = check_code(&ex, "x = 1\nprint(x.nope)\n", &expected);
    assert_eq!(crash.outcomes[0].detail, "Your program stopped at 0.0 s on line 2 with AttributeError: 'int' object has no attribute 'nope'.");
}

#[test]
fn task_order_cancellation_and_timing_checks() {
    let ex = exercise(
        "[[check]]\nkind = \"completion_order\"\ntasks = [\"fast\", \"slow\"]\n\
         [[check]]\nkind = \"task_end\"\ntask = \"slow\"\nstate = \"cancelled\"\n\
         [[check]]\nkind = \"line_time\"\npattern = \"fast done\"\nbefore = 0.5\n\
         [[check]]\nkind = \"awaits_coroutines\"\n",
    );
    let code = |fast: f64, cancel: bool| {
        [
            "import asyncio",
            "async def job(name, d):",
            "    await asyncio.sleep(d)",
            "    print(name, 'done')",
            "async def main():",
            "    s = asyncio.create_task(job('slow', 1), name='slow')",
            &format!("    f = asyncio.create_task(job('fast', {fast}), name='fast')"),
            "    await f",
            if cancel { "    s.cancel()" } else { "    pass" },
            "    await asyncio.gather(s, return_exceptions=True)",
            "asyncio.run(main())",
        ]
        .join("\n")
    };
    let good = check_code(&ex, &code(0.2, true), &[]);
    assert!(good.passed, "{:?}", good.outcomes);
    let bad = check_code(&ex, &code(2.0, false), &[]);
    assert_eq!(bad.outcomes[1].detail, "They finished slow at 1.0 s, fast at 2.0 s.");
    assert_eq!(bad.outcomes[1].at, Some(1.0));
    assert_eq!(bad.outcomes[2].detail, "Task slow finished at 1.0 s.");
    assert_eq!(bad.outcomes[3].detail, "`fast done` was printed at 2.0 s by task fast; it should come before 0.5 s.");
    assert!(bad.outcomes[4].passed);
}

/// Every failure about a moment says when it was; the scrubber's position
/// for it (`cursor_at`) is just after everything that happened then.
#[test]
fn failures_point_at_their_moment() {
    let ex = exercise("[[check]]\nkind = \"overlap\"\nmin = 3\n[[check]]\nkind = \"no_blocking\"\n[[check]]\nkind = \"no_never_awaited\"\n");
    let r = check_code(&ex, SEQUENTIAL, &[]);
    assert_eq!(r.outcomes[1].at, Some(1.0), "main's second wait began at 1.0 s");
    let at = looplab_course::model::cursor_at(&r.run.events, 1.0);
    assert!(at > 0 && at < r.run.events.len() && r.run.events[at].t > 1.0 && r.run.events[at - 1].t == 1.0);

    let blocking = "import asyncio, time\nasync def main():\n    await asyncio.sleep(0.5)\n    time.sleep(2)\nasyncio.run(main())\n";
    let r = check_code(&ex, blocking, &[]);
    assert_eq!(r.outcomes[2].at, Some(0.5));
    assert!(r.outcomes[2].detail.starts_with("At 0.5 s, the main task"), "{}", r.outcomes[2].detail);

    let dropped = "import asyncio\nasync def tick():\n    print('tick')\nasync def main():\n    tick()\n    await asyncio.sleep(1)\nasyncio.run(main())\n";
    let r = check_code(&ex, dropped, &[]);
    let o = &r.outcomes[3];
    assert!(!o.passed && o.at.is_some() && o.line == Some(5), "{o:?}");
    assert!(o.detail.contains("Line 5 calls tick() without `await`"), "{}", o.detail);
}

#[test]
fn a_bounded_queue_that_filled_up_is_seen() {
    let ex = exercise("[[check]]\nkind = \"queue_full\"\n");
    let code = |q: &str| {
        format!(
            "import asyncio\nasync def camera(q):\n    for f in range(4):\n        await q.put(f)\n\
async def encoder(q):\n    for _ in range(4):\n        await q.get()\n        await asyncio.sleep(0.5)\n\
async def main():\n    q = {q}\n    await asyncio.gather(camera(q), encoder(q))\nasyncio.run(main())\n"
        )
    };
    let unbounded = check_code(&ex, &code("asyncio.Queue()"), &[]);
    let o = &unbounded.outcomes[1];
    assert!(!o.passed);
    assert_eq!(o.detail, "The queue `q` has no maxsize, so put() never waits: at 0.0 s it already held 4 item(s) nobody had taken yet. With a maxsize, put() waits while the queue is full.");
    assert_eq!(o.at, Some(0.0));
    let roomy = check_code(&ex, &code("asyncio.Queue(maxsize=10)"), &[]);
    assert!(roomy.outcomes[1].detail.contains("never filled up (it held at most 4 of 10 items"), "{}", roomy.outcomes[1].detail);
    let bounded = check_code(&ex, &code("asyncio.Queue(maxsize=2)"), &[]);
    let o = &bounded.outcomes[1];
    assert!(o.passed, "{o:?}");
    assert!(o.detail.starts_with("At 0.0 s, the queue `q` held 2 item(s), its maxsize, so task Task-2 waited in put() until 0.5 s"), "{}", o.detail);
}

#[test]
fn a_coroutine_called_at_the_top_level_asks_for_asyncio_run() {
    let ex = exercise("[[check]]\nkind = \"awaits_coroutines\"\n");
    let r = check_code(&ex, "import asyncio\nasync def main():\n    print('hi')\nmain()\n", &[]);
    let o = &r.outcomes[1];
    assert_eq!(o.line, Some(4));
    assert!(o.detail.starts_with("Line 4 calls main() at the top level of the file") && o.detail.contains("`asyncio.run(main())`"), "{}", o.detail);
}
