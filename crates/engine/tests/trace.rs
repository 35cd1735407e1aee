//! Trace tests: small asyncio programs whose state changes and queue
//! snapshots are asserted event by event.

use looplab_engine::trace::{EventKind, QueueSnapshot, SyncKind, SyncState, TaskState, WaitOn, WarningKind};
use looplab_engine::{Interpreter, Limits, Stream};

fn run(src: &str) -> Interpreter {
    let mut it = Interpreter::new(src, "prog.py", Limits::default());
    it.run_to_end();
    it
}

/// Every task state change as (task, state), in order.
fn states(it: &Interpreter) -> Vec<(u64, TaskState)> {
    it.trace()
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::TaskState { task, state } => Some((*task, state.clone())),
            _ => None,
        })
        .collect()
}

fn queue_snapshots(it: &Interpreter) -> Vec<QueueSnapshot> {
    it.trace()
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::QueueChanged { snapshot, .. } => Some(snapshot.clone()),
            _ => None,
        })
        .collect()
}

const PRODUCER_CONSUMER: &str = "\
import asyncio

async def producer(q):
    for i in range(2):
        await q.put(i)
        await asyncio.sleep(0.1)

async def consumer(q):
    for _ in range(2):
        item = await q.get()
        print('got', item)

async def main():
    jobs = asyncio.Queue(maxsize=1)
    await asyncio.gather(producer(jobs), consumer(jobs))

asyncio.run(main())
";

#[test]
fn producer_consumer_states_and_queue_snapshots() {
    let it = run(PRODUCER_CONSUMER);
    assert_eq!(it.trace().text(Stream::Stdout), "got 0\ngot 1\n");
    let ev = &it.trace().events;
    // The queue is named after its variable and the line that made it.
    let created = ev.iter().find_map(|e| match &e.kind {
        EventKind::SyncCreated { id, kind: SyncKind::Queue, name, line, .. } => Some((*id, name.clone(), *line)),
        _ => None,
    });
    let (qid, name, line) = created.expect("queue created");
    assert_eq!(name.as_deref(), Some("jobs"));
    assert_eq!(line, Some(14));
    // Tasks: main (1), producer (2), consumer (3), with coroutine names.
    let created: Vec<(u64, String, Option<u64>)> = ev
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::TaskCreated { task, coro, parent, .. } => Some((*task, coro.clone(), *parent)),
            _ => None,
        })
        .collect();
    assert_eq!(created, vec![(1, "main".into(), None), (2, "producer".into(), Some(1)), (3, "consumer".into(), Some(1))]);

    use TaskState::*;
    let sleep = |until: f64| Waiting { on: WaitOn::Sleep { until }, line: Some(6), deadline: None };
    let get = Waiting { on: WaitOn::QueueGet { queue: qid }, line: Some(10), deadline: None };
    let done = || Done { result: "None".into() };
    assert_eq!(
        states(&it),
        vec![
            (1, Running),
            (1, Waiting { on: WaitOn::Gather { tasks: vec![2, 3] }, line: Some(15), deadline: None }),
            (2, Running),
            (2, sleep(0.1)),
            (3, Running),
            (3, get),
            (2, Ready),
            (2, Running),
            (3, Ready), // the put wakes the waiting getter
            (2, sleep(0.2)),
            (3, Running),
            (3, done()),
            (2, Ready),
            (2, Running),
            (2, done()),
            (1, Ready),
            (1, Running),
            (1, done()),
        ]
    );
    let snaps: Vec<(Vec<String>, usize, Vec<u64>, i64)> =
        queue_snapshots(&it)
        .into_iter()
        .map(|q| (q.items.iter().map(|i| i.to_string()).collect(), q.size, q.getters, q.unfinished))
        .collect();
    assert_eq!(
        snaps,
        vec![
            (vec!["0".to_string()], 1, vec![], 1), // producer puts 0
            (vec![], 0, vec![], 1),                // consumer takes 0
            (vec![], 0, vec![3], 1),               // consumer waits in get()
            (vec!["1".to_string()], 1, vec![], 2), // producer puts 1, the getter is woken
            (vec![], 0, vec![], 2),                // consumer takes 1
        ]
    );
    assert!(queue_snapshots(&it).iter().all(|q| q.maxsize == 1 && q.putters.is_empty()));
}

#[test]
fn lock_owner_and_waiters() {
    let it = run("\
import asyncio

async def worker(lock, n):
    async with lock:
        await asyncio.sleep(n)

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(worker(lock, 1), worker(lock, 2))

asyncio.run(main())
");
    let changes: Vec<SyncState> = it
        .trace()
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::SyncChanged { state, .. } => Some(state.clone()),
            _ => None,
        })
        .collect();
    let lock = |locked, owner, waiters: Vec<u64>| SyncState::Lock { locked, owner, waiters };
    assert_eq!(
        changes,
        vec![
            lock(true, Some(2), vec![]),  // Task-2 acquires
            lock(true, Some(2), vec![3]), // Task-3 queues up
            lock(false, None, vec![]),    // Task-2 releases; Task-3 is woken (no longer waiting)
            lock(true, Some(3), vec![]),  // Task-3 owns it
            lock(false, None, vec![]),
        ]
    );
    let waits: Vec<TaskState> = states(&it).into_iter().filter(|(t, s)| *t == 3 && matches!(s, TaskState::Waiting { .. })).map(|(_, s)| s).collect();
    assert!(matches!(waits[0], TaskState::Waiting { on: WaitOn::Lock { .. }, line: Some(4), .. }), "{waits:?}");
}

#[test]
fn finished_states_rename_cancel_and_deadline() {
    let it = run("\
import asyncio

async def ok():
    return 42

async def bad():
    raise ValueError('no')

async def slow():
    await asyncio.sleep(10)

async def main():
    a = asyncio.create_task(ok())
    b = asyncio.create_task(bad())
    c = asyncio.create_task(slow())
    b.set_name('renamed')
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.gather(a, b, c, return_exceptions=True)
    async with asyncio.timeout(5):
        await asyncio.sleep(1)

asyncio.run(main())
");
    let ev = &it.trace().events;
    assert!(ev.iter().any(|e| e.kind == EventKind::TaskRenamed { task: 3, name: "renamed".into() }));
    assert!(ev.iter().any(|e| e.kind == EventKind::CancelRequested { task: 4 }));
    let finals: Vec<(u64, TaskState)> = states(&it)
        .into_iter()
        .filter(|(_, s)| matches!(s, TaskState::Done { .. } | TaskState::Failed { .. } | TaskState::Cancelled))
        .collect();
    assert_eq!(
        finals,
        vec![
            (2, TaskState::Done { result: "42".into() }),
            (3, TaskState::Failed { exception: "ValueError('no')".into() }),
            (4, TaskState::Cancelled),
            (1, TaskState::Done { result: "None".into() }),
        ]
    );
    // The sleep inside `timeout(5)` carries the deadline; the earlier ones do not.
    let main_sleeps: Vec<(f64, Option<f64>)> = states(&it)
        .into_iter()
        .filter_map(|(t, s)| match s {
            TaskState::Waiting { on: WaitOn::Sleep { until }, deadline, .. } if t == 1 => Some((until, deadline)),
            _ => None,
        })
        .collect();
    assert_eq!(main_sleeps, vec![(1.0, Some(5.0))]);
}

#[test]
fn threads_have_lanes() {
    let it = run("\
import asyncio, time

def blocking():
    time.sleep(0.5)
    return 'x'

async def main():
    print(await asyncio.to_thread(blocking))

asyncio.run(main())
");
    use looplab_engine::trace::WorkerState;
    let lane: Vec<(f64, WorkerState)> = it
        .trace()
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::WorkerState { state, name, .. } if name == "asyncio_0" => Some((e.t, state.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        lane,
        vec![
            (0.0, WorkerState::Started),
            (0.0, WorkerState::Running),
            (0.0, WorkerState::Sleeping { until: 0.5 }),
            (0.5, WorkerState::Running),
            (0.5, WorkerState::Done),
        ]
    );
    let waits: Vec<WaitOn> = states(&it)
        .into_iter()
        .filter_map(|(_, s)| match s {
            TaskState::Waiting { on, .. } => Some(on),
            _ => None,
        })
        .collect();
    assert_eq!(waits, vec![WaitOn::Thread { func: "blocking".into() }]);
}

#[test]
fn warnings_are_events() {
    let it = run("\
import asyncio

async def never():
    pass

async def fails():
    raise KeyError('k')

async def main():
    never()
    asyncio.create_task(fails())
    await asyncio.sleep(0.1)

asyncio.run(main())
");
    let warnings: Vec<WarningKind> = it
        .trace()
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Warning { kind, .. } => Some(*kind),
            _ => None,
        })
        .collect();
    assert_eq!(warnings, vec![WarningKind::NeverAwaited, WarningKind::ExceptionNeverRetrieved]);
    let err = it.trace().text(Stream::Stderr);
    assert!(err.contains("RuntimeWarning: coroutine 'never' was never awaited"), "{err}");
    assert!(err.contains("Task exception was never retrieved"), "{err}");
}

#[test]
fn the_trace_is_capped_but_output_is_kept() {
    let src = "\
import asyncio

async def spin():
    for i in range(1000):
        await asyncio.sleep(0)
    print('finished')

asyncio.run(spin())
";
    let mut it = Interpreter::new(src, "prog.py", Limits::default());
    it.vm.trace.cap = 100;
    it.run_to_end();
    let ev = &it.trace().events;
    let non_output = ev.iter().filter(|e| !matches!(e.kind, EventKind::Output { .. })).count();
    assert_eq!(non_output, 101);
    let truncated: Vec<usize> = ev
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::TraceTruncated { cap } => Some(cap),
            _ => None,
        })
        .collect();
    assert_eq!(truncated, vec![100]);
    assert_eq!(it.trace().text(Stream::Stdout), "finished\n");
}

#[test]
fn deadlock_is_diagnosed() {
    let mut it = Interpreter::new(
        "\
import asyncio

async def consumer(q):
    while True:
        print('got', await q.get())

async def main():
    jobs = asyncio.Queue()
    await jobs.put(1)
    await asyncio.create_task(consumer(jobs))

asyncio.run(main())
print('not reached')
",
        "prog.py",
        Limits::default(),
    );
    let code = it.run_to_end();
    assert_eq!(code, 1);
    assert_eq!(it.trace().text(Stream::Stdout), "got 1\n");
    assert_eq!(
        it.trace().text(Stream::Stderr),
        "deadlock: every task is waiting and nothing can wake them — \
Task-1 'main' waits on Task-2; Task-2 'consumer' waits on Queue.get() 'jobs' (queue empty)\n"
    );
}

#[test]
fn deadlock_is_diagnosed_when_nothing_is_traced() {
    // As `looplab run` without --trace: no events are kept, yet the
    // message still says what each task waits on.
    let mut it = Interpreter::new(
        "\
import asyncio

async def consumer(q):
    print('got', await q.get())

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    t = asyncio.create_task(consumer(asyncio.Queue()))
    async with lock:
        pass

asyncio.run(main())
",
        "prog.py",
        Limits::default(),
    );
    it.vm.trace.cap = 0;
    assert_eq!(it.run_to_end(), 1);
    assert_eq!(
        it.trace().text(Stream::Stderr),
        "deadlock: every task is waiting and nothing can wake them — \
Task-1 'main' waits on Lock.acquire(); Task-2 'consumer' waits on Queue.get() (queue empty)\n"
    );
}

#[test]
fn a_blocked_loop_is_a_span_while_threads_run() {
    let it = run("\
import asyncio, threading, time

def work():
    time.sleep(0.5)
    print('worker done')

async def main():
    t = threading.Thread(target=work)
    t.start()
    t.join()
    time.sleep(0.25)
    print('main done')

asyncio.run(main())
");
    let timeline: Vec<(f64, String)> = it
        .trace()
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Blocked { seconds, reason } => Some((e.t, format!("blocked {seconds} by {reason}"))),
            EventKind::Output { text, .. } if text != "\n" => Some((e.t, text.trim_end().to_string())),
            _ => None,
        })
        .collect();
    // The join's span is traced when it ends (its length is known then),
    // stamped with its start; the sleep's as it starts.
    assert_eq!(
        timeline,
        vec![
            (0.5, "worker done".to_string()),
            (0.0, "blocked 0.5 by Thread.join()".to_string()),
            (0.5, "blocked 0.25 by time.sleep".to_string()),
            (0.75, "main done".to_string()),
        ]
    );
}

#[test]
fn the_main_thread_waiting_forever_is_diagnosed() {
    let mut it = Interpreter::new(
        "\
import asyncio, threading

async def main():
    never = threading.Event()
    print('waiting')
    never.wait()

asyncio.run(main())
",
        "prog.py",
        Limits::default(),
    );
    assert_eq!(it.run_to_end(), 1);
    assert_eq!(it.trace().text(Stream::Stdout), "waiting\n");
    assert_eq!(
        it.trace().text(Stream::Stderr),
        "deadlock: the main thread waits on Event.wait() and no thread can wake it\n"
    );
}

#[test]
fn a_host_driven_clock_sleeps_through_a_blocking_call() {
    // The browser advances the clock itself: a blocking time.sleep must
    // surface as a deadline to wait for in real time, not a jump.
    let mut it = Interpreter::new("import time\nprint('a')\ntime.sleep(2)\nprint('b')\n", "prog.py", Limits::default());
    it.manual_clock = true;
    while it.sleeping_until().is_none() {
        assert_eq!(it.run(1000), looplab_engine::Status::Running);
    }
    assert_eq!(it.sleeping_until(), Some(2.0));
    assert_eq!(it.trace().text(Stream::Stdout), "a\n");
    it.advance_clock(2.0);
    assert_eq!(it.run_to_end(), 0);
    assert_eq!(it.trace().text(Stream::Stdout), "a\nb\n");
}

#[test]
fn a_host_sees_the_blocking_call_in_progress() {
    // A join is traced when it ends; meanwhile the host can ask what blocks.
    let mut it = Interpreter::new(
        "\
import threading, time

def work():
    time.sleep(1.5)

time.sleep(0.5)
t = threading.Thread(target=work)
t.start()
t.join()
",
        "prog.py",
        Limits::default(),
    );
    it.manual_clock = true;
    let mut seen = Vec::new();
    loop {
        if let looplab_engine::Status::Finished(code) = it.run(1000) {
            assert_eq!(code, 0);
            break;
        }
        if let Some(deadline) = it.sleeping_until() {
            seen.push((it.clock(), it.blocking_call().map(|(t, r)| (t, r.to_string()))));
            it.advance_clock(deadline);
        }
    }
    assert_eq!(
        seen,
        vec![(0.0, Some((0.0, "time.sleep".to_string()))), (0.5, Some((0.5, "Thread.join()".to_string())))]
    );
    assert_eq!(it.blocking_call(), None);
}

#[test]
fn a_task_group_exit_waits_for_its_tasks() {
    let it = run("\
import asyncio

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(asyncio.sleep(0.1))
        tg.create_task(asyncio.sleep(0.2))

asyncio.run(main())
");
    let waits: Vec<WaitOn> = states(&it)
        .into_iter()
        .filter_map(|(task, s)| match s {
            TaskState::Waiting { on, .. } if task == 1 => Some(on),
            _ => None,
        })
        .collect();
    assert_eq!(waits, vec![WaitOn::TaskGroup { tasks: vec![2, 3] }]);
}

/// A queue's items are shown by their repr, which the program never asked
/// for: a `__repr__` that prints or raises must not change the run.
#[test]
fn queue_item_reprs_do_not_touch_the_program() {
    let it = run("\
import asyncio

class Job:
    def __repr__(self):
        print('repr called')
        return 'Job()'

class Bad:
    def __repr__(self):
        raise ValueError('no repr')

async def main():
    q = asyncio.Queue()
    await q.put(Job())
    await q.put(Bad())
    print(type(await q.get()).__name__, type(await q.get()).__name__)

asyncio.run(main())
");
    assert_eq!(it.trace().text(Stream::Stdout), "Job Bad\n");
    assert_eq!(it.trace().text(Stream::Stderr), "");
    let shown: Vec<Vec<String>> = queue_snapshots(&it).iter().map(|s| s.items.iter().map(|i| i.to_string()).collect()).collect();
    assert_eq!(shown[1], ["Job()", "<Bad object>"]);
}
