//! asyncio's debug mode and the warnings of collected objects, checked
//! against the full stderr text CPython 3.13 prints for the same program
//! (the conformance suite only compares the last stderr line).
//!
//! Where CPython's text differs only because its loop is Python code, the
//! expectations here say so: frames of its `runners.py`, `base_events.py`
//! and `events.py` are not in our stacks, a coroutine dropped by the loop
//! itself is reported at `sys:1` (CPython: `.../asyncio/events.py:89`),
//! and the durations are the virtual clock's (CPython: 0.501 s for a
//! `time.sleep(0.5)`).

use looplab_engine::trace::{EventKind, WarningKind};
use looplab_engine::{Interpreter, Limits, Stream};

fn run(src: &str) -> Interpreter {
    let mut it = Interpreter::new(src, "prog.py", Limits::default());
    it.run_to_end();
    it
}

/// The warning events as (kind, task, line, virtual time).
fn warnings(it: &Interpreter) -> Vec<(WarningKind, Option<u64>, Option<u32>, f64)> {
    it.trace()
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Warning { kind, task, line, .. } => Some((*kind, *task, *line, e.t)),
            _ => None,
        })
        .collect()
}

#[test]
fn slow_callbacks_are_reported_with_their_exact_virtual_duration() {
    let it = run("\
import asyncio, time

async def work():
    time.sleep(0.5)
    return 1

async def main():
    loop = asyncio.get_running_loop()
    t = loop.create_task(work())
    await t
    loop.call_soon(time.sleep, 0.25)
    await asyncio.sleep(0)
    loop.slow_callback_duration = 1.0
    time.sleep(0.5)

asyncio.run(main(), debug=True)
");
    assert_eq!(
        it.trace().text(Stream::Stderr),
        "Executing <Task finished name='Task-2' coro=<work() done, defined at prog.py:3> result=1 created at prog.py:9> took 0.500 seconds\n\
         Executing <Handle sleep(0.25) created at prog.py:11> took 0.250 seconds\n"
    );
    assert_eq!(
        warnings(&it),
        vec![(WarningKind::SlowCallback, Some(2), None, 0.5), (WarningKind::SlowCallback, None, None, 0.75)]
    );
}

#[test]
fn without_debug_mode_a_slow_step_says_nothing() {
    let it = run("\
import asyncio, time

async def main():
    time.sleep(1)

asyncio.run(main())
");
    assert_eq!(it.trace().text(Stream::Stderr), "");
    assert_eq!(warnings(&it), vec![]);
}

#[test]
fn a_slow_step_of_a_waiting_task_shows_what_it_waits_for() {
    let it = run("\
import asyncio, time

async def main():
    time.sleep(0.2)
    await asyncio.sleep(1)

asyncio.run(main(), debug=True)
");
    // CPython: `wait_for=<Future pending cb=[Task.task_wakeup()] created at
    // .../base_events.py:460> cb=[_run_until_complete_cb() at
    // .../base_events.py:182] created at .../runners.py:100`; the sleep's
    // future is created in our asyncio's Python half (`<asyncio>:N`).
    let err = it.trace().text(Stream::Stderr);
    let (head, tail) = err.split_once(" created at <asyncio>:").unwrap_or_default();
    assert_eq!(
        head,
        "Executing <Task pending name='Task-1' coro=<main() running at prog.py:5> wait_for=<Future pending cb=[Task.task_wakeup()]"
    );
    assert!(tail.ends_with("> cb=[_run_until_complete_cb()] created at prog.py:7> took 0.200 seconds\n"), "{err}");
    assert_eq!(warnings(&it), vec![(WarningKind::SlowCallback, Some(1), Some(5), 0.2)]);
}

#[test]
fn never_awaited_names_the_line_that_dropped_the_coroutine() {
    let it = run("\
import asyncio

async def f():
    return 1

def helper():
    c = f()
    print('in helper')

def helper2():
    return f()

helper()
print('A')
f()
print('B')
x = f()
x = 5
print('C')
helper2()
print('D')
lst = [f() for _ in range(2)]
lst = None
print('E')
async def main():
    f()
    keep = f()
    await asyncio.sleep(0)
    print('main end')
asyncio.run(main())
print('F')
y = f()
");
    let tm = "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n";
    let w = |at: &str, src: &str| format!("{at}: RuntimeWarning: coroutine 'f' was never awaited\n{src}{tm}");
    let want = [
        w("prog.py:13", "  helper()\n"),
        w("prog.py:15", "  f()\n"),
        w("prog.py:18", "  x = 5\n"),
        w("prog.py:20", "  helper2()\n"),
        // Two coroutines dropped on one line: shown once.
        w("prog.py:23", "  lst = None\n"),
        w("prog.py:26", "  f()\n"),
        // `keep` dies with main's frame, under the loop (CPython:
        // `.../asyncio/events.py:89` and its source line).
        w("sys:1", ""),
        // `y` is still referenced at exit.
        "<sys>:0: RuntimeWarning: coroutine 'f' was never awaited\n".to_string(),
    ]
    .concat();
    assert_eq!(it.trace().text(Stream::Stderr), want);
    // Each warning comes right after the line that dropped the coroutine.
    assert_eq!(it.trace().text(Stream::Stdout), "in helper\nA\nB\nC\nD\nE\nmain end\nF\n");
    let lines: Vec<(Option<u64>, Option<u32>)> = warnings(&it).into_iter().map(|(_, task, line, _)| (task, line)).collect();
    assert_eq!(
        lines,
        vec![
            (None, Some(13)),
            (None, Some(15)),
            (None, Some(18)),
            (None, Some(20)),
            (None, Some(23)),
            (Some(1), Some(26)),
            (None, None),
            (None, None)
        ]
    );
}

#[test]
fn debug_mode_says_where_a_never_awaited_coroutine_was_created() {
    let it = run("\
import asyncio

async def f():
    return 1

def helper():
    f()

async def main():
    helper()

asyncio.run(main(), debug=True)
");
    // CPython lists its loop's frames between `<module>` and `main`.
    assert_eq!(
        it.trace().text(Stream::Stderr),
        "prog.py:7: RuntimeWarning: coroutine 'f' was never awaited\n\
         Coroutine created at (most recent call last)\n  \
         File \"prog.py\", line 12, in <module>\n    \
         asyncio.run(main(), debug=True)\n  \
         File \"prog.py\", line 10, in main\n    \
         helper()\n  \
         File \"prog.py\", line 7, in helper\n    \
         f()\n  \
         f()\n\
         RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
    );
}

#[test]
fn debug_mode_says_where_a_failed_task_was_created() {
    let it = run("\
import asyncio

async def boom():
    raise ValueError('bad')

async def main():
    t = asyncio.create_task(boom())
    await asyncio.sleep(0)
    del t
    print('dropped')

asyncio.run(main(), debug=True)
");
    // CPython: `created at .../asyncio/tasks.py:410` (its create_task), and
    // its loop's frames in the list.
    assert_eq!(
        it.trace().text(Stream::Stderr),
        "Task exception was never retrieved\n\
         future: <Task finished name='Task-2' coro=<boom() done, defined at prog.py:3> exception=ValueError('bad') created at prog.py:7>\n\
         source_traceback: Object created at (most recent call last):\n  \
         File \"prog.py\", line 12, in <module>\n    \
         asyncio.run(main(), debug=True)\n  \
         File \"prog.py\", line 7, in main\n    \
         t = asyncio.create_task(boom())\n\
         Traceback (most recent call last):\n  \
         File \"prog.py\", line 4, in boom\n    \
         raise ValueError('bad')\n\
         ValueError: bad\n"
    );
    // Reported when `del t` drops it, before the next line runs.
    let out: Vec<(Stream, String)> = it
        .trace()
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Output { stream, text } => Some((*stream, text.lines().next().unwrap_or("").to_string())),
            _ => None,
        })
        .collect();
    assert_eq!(
        out,
        vec![(Stream::Stderr, "Task exception was never retrieved".to_string()), (Stream::Stdout, "dropped".to_string())]
    );
    assert_eq!(warnings(&it), vec![(WarningKind::ExceptionNeverRetrieved, Some(2), Some(4), 0.0)]);
}
