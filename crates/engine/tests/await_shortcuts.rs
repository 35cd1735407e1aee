//! `await asyncio.sleep(d)`, `await q.put(x)` and `await q.get()` skip
//! their coroutine (`bytecode::AwaitFast`); what a program can see must not
//! change: the traceback of an exception thrown through the skipped
//! coroutine keeps its line, and the trace records the same waits.

use looplab_engine::trace::EventKind;
use looplab_engine::{Interpreter, Limits, Stream};

fn run(src: &str) -> Interpreter {
    let mut it = Interpreter::new(src, "prog.py", Limits::default());
    it.run_to_end();
    it
}

/// The function of each frame a printed traceback lists, outermost first.
fn traceback_functions(err: &str) -> Vec<&str> {
    err.lines().filter(|l| l.trim_start().starts_with("File ")).map(|l| l.rsplit(" in ").next().unwrap_or("")).collect()
}

#[test]
fn a_cancelled_sleep_keeps_the_sleep_line_in_its_traceback() {
    // sleep(0) stands in for `await _sleep0()`, sleep(5) for `return await
    // future`: the line in asyncio.py the coroutine itself would report.
    let asyncio_py = include_str!("../src/modules/py/asyncio.py");
    for (args, awaits) in [("0", "await _sleep0()"), ("5, result='late'", "return await future")] {
        let it = run(&format!(
            "\
import asyncio

async def worker():
    await asyncio.sleep({args})

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel()
    await t

asyncio.run(main())
"
        ));
        let err = it.trace().text(Stream::Stderr);
        assert_eq!(traceback_functions(&err), ["<module>", "main", "worker", "sleep"], "{err}");
        let line = asyncio_py.lines().position(|l| l.trim() == awaits).map_or(0, |i| i + 1);
        assert!(err.contains(&format!("File \"<asyncio>\", line {line}, in sleep\n")), "{err}");
        assert!(err.ends_with("asyncio.exceptions.CancelledError\n"), "{err}");
    }
}

#[test]
fn queue_waits_are_traced_whether_or_not_put_and_get_take_the_shortcut() {
    // The consumer's first get() finds the queue empty and waits (the
    // coroutine runs); the next ones find items (the shortcut).
    let it = run("\
import asyncio

async def consumer(q):
    while (item := await q.get()) is not None:
        print('got', item)

async def main():
    q = asyncio.Queue(2)
    t = asyncio.create_task(consumer(q))
    await asyncio.sleep(0)
    for i in range(3):
        await q.put(i)
    await q.put(None)
    await t

asyncio.run(main())
");
    assert_eq!(it.trace().text(Stream::Stdout), "got 0\ngot 1\ngot 2\n");
    let sizes: Vec<usize> = it
        .trace()
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::QueueChanged { snapshot, .. } => Some(snapshot.size),
            _ => None,
        })
        .collect();
    // The getter waits on the empty queue; three puts fill it (the third
    // waits); the getter takes two; waits again; the last put and the
    // sentinel go in; the getter takes both.
    assert_eq!(sizes, [0, 1, 2, 2, 1, 0, 0, 1, 2, 1, 0]);
}

#[test]
fn a_cancelled_sleep_cancels_its_timer() {
    // Nothing wakes main after the cancel: CPython would wait forever. The
    // loop must say so at once, not first jump to the dead sleep's timer.
    let it = run("\
import asyncio

async def worker():
    await asyncio.sleep(100)

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('cancelled')
    await asyncio.Event().wait()

asyncio.run(main())
");
    assert_eq!(it.trace().text(Stream::Stdout), "cancelled\n");
    let deadlock = it.trace().events.iter().find(|e| matches!(&e.kind, EventKind::Output { text, .. } if text.starts_with("deadlock:")));
    assert_eq!(deadlock.map(|e| e.t), Some(1.0), "{}", it.trace().text(Stream::Stderr));
}
