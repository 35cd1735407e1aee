//! The one event stream every view reads: console, timelines, checker, CLI.
//!
//! Each event carries a sequence number, the virtual time and the task
//! whose step was running. Program output is always kept (up to the output
//! cap); every other event counts against the event cap, past which one
//! `TraceTruncated` event is recorded and the rest dropped, so endless
//! programs keep a bounded trace. The schema is documented in
//! ARCHITECTURE.md ("The trace").

/// Which stream output went to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// What a waiting task waits on. Synchronisation objects are named by the
/// id of their `SyncCreated` event.
#[derive(Clone, Debug, PartialEq)]
pub enum WaitOn {
    /// `asyncio.sleep` until this virtual time.
    Sleep { until: f64 },
    /// Another task (`await task`).
    Task { task: u64 },
    /// `gather`: its children (task ids; futures that are not tasks are left out).
    Gather { tasks: Vec<u64> },
    /// `asyncio.wait` / `as_completed`.
    Wait { tasks: Vec<u64> },
    /// Leaving `async with TaskGroup()`: its children still running.
    TaskGroup { tasks: Vec<u64> },
    QueueGet { queue: u64 },
    QueuePut { queue: u64 },
    /// `Queue.join()`.
    QueueJoin { queue: u64 },
    Lock { lock: u64 },
    Semaphore { semaphore: u64 },
    Event { event: u64 },
    Condition { condition: u64 },
    Barrier { barrier: u64 },
    /// A job running in a worker thread (`to_thread`, `run_in_executor`).
    Thread { func: String },
    /// Any other future or awaitable (its repr).
    Future { repr: String },
}

/// A task's state, as the timelines draw it.
#[derive(Clone, Debug, PartialEq)]
pub enum TaskState {
    Running,
    Ready,
    /// Suspended: on what, at which line of the program, and the deadline
    /// of an enclosing `timeout()`/`wait_for()` if any.
    Waiting { on: WaitOn, line: Option<u32>, deadline: Option<f64> },
    /// Returned; the result's repr.
    Done { result: String },
    /// Raised; the exception's repr.
    Failed { exception: String },
    Cancelled,
}

/// A simulated worker thread's state.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkerState {
    Started,
    Running,
    /// Blocked in `time.sleep` until this virtual time.
    Sleeping { until: f64 },
    /// Blocked waiting (a join, a `concurrent.futures` result, an event...).
    Waiting { on: String },
    Done,
}

/// The kinds of synchronisation objects the trace follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncKind {
    Queue,
    Lock,
    Semaphore,
    Event,
    Condition,
    Barrier,
}

impl SyncKind {
    pub fn name(self) -> &'static str {
        match self {
            SyncKind::Queue => "queue",
            SyncKind::Lock => "lock",
            SyncKind::Semaphore => "semaphore",
            SyncKind::Event => "event",
            SyncKind::Condition => "condition",
            SyncKind::Barrier => "barrier",
        }
    }
}

/// A snapshot of a lock, semaphore, event, condition or barrier.
#[derive(Clone, Debug, PartialEq)]
pub enum SyncState {
    Lock { locked: bool, owner: Option<u64>, waiters: Vec<u64> },
    Semaphore { value: i64, waiters: Vec<u64> },
    Event { set: bool, waiters: Vec<u64> },
    Condition { locked: bool, waiters: Vec<u64> },
    Barrier { state: String, count: i64, parties: i64 },
}

/// A queue's contents after a change.
#[derive(Clone, Debug, PartialEq)]
pub struct QueueSnapshot {
    /// The reprs of the first [`QUEUE_ITEMS_SHOWN`] items, in get order
    /// (shared with the snapshots before and after that show them too).
    pub items: Vec<std::rc::Rc<str>>,
    /// The number of items (may exceed `items.len()`).
    pub size: usize,
    pub maxsize: i64,
    /// Tasks waiting in `get()` / `put()`, first to be woken first.
    pub getters: Vec<u64>,
    pub putters: Vec<u64>,
    /// Items put but not yet `task_done()`.
    pub unfinished: i64,
}

/// How many item reprs a queue snapshot keeps.
pub const QUEUE_ITEMS_SHOWN: usize = 20;

/// Warnings CPython prints on stderr: when objects are collected, and in
/// debug mode when a callback is slow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningKind {
    /// `RuntimeWarning: coroutine '...' was never awaited`.
    NeverAwaited,
    /// `Task exception was never retrieved`.
    ExceptionNeverRetrieved,
    /// Debug mode: `Executing <Task ...> took 0.500 seconds`.
    SlowCallback,
}

/// What happened.
#[derive(Clone, Debug, PartialEq)]
pub enum EventKind {
    /// A task was created (ids are unique per run; names are `Task-N` or
    /// given). `line` is where the program created it, `coro` the
    /// coroutine's qualified name and `coro_line` where it is defined.
    TaskCreated { task: u64, name: String, parent: Option<u64>, coro: String, coro_line: u32, line: Option<u32> },
    /// A task changed state.
    TaskState { task: u64, state: TaskState },
    /// `task.set_name()`.
    TaskRenamed { task: u64, name: String },
    /// `task.cancel()` was called.
    CancelRequested { task: u64 },
    /// A simulated worker thread changed state.
    WorkerState { worker: u64, name: String, state: WorkerState },
    /// A queue/lock/semaphore/event/condition/barrier was created; `name`
    /// is the variable (or attribute) it was assigned to, when known.
    SyncCreated { id: u64, kind: SyncKind, class: String, name: Option<String>, line: Option<u32> },
    /// A queue's contents or waiters changed.
    QueueChanged { queue: u64, snapshot: QueueSnapshot },
    /// A lock, semaphore, event, condition or barrier changed.
    SyncChanged { id: u64, state: SyncState },
    /// A warning was printed on stderr (its text is in the Output event).
    /// `task` is the task it is about (the one that dropped the coroutine,
    /// that failed, that ran slowly), `line` the program line it points at
    /// (where the coroutine was dropped; where the failed or slow task
    /// stopped), when known.
    Warning { kind: WarningKind, task: Option<u64>, line: Option<u32>, message: String },
    /// Text written by the program (print, sys.stdout.write, tracebacks).
    Output { stream: Stream, text: String },
    /// The whole program was blocked (e.g. `time.sleep`) from `t` for `seconds`.
    Blocked { seconds: f64, reason: String },
    /// Output past the cap was dropped from here on.
    OutputTruncated,
    /// Non-output events past the event cap were dropped from here on.
    TraceTruncated { cap: usize },
}

/// One timestamped event.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub seq: u64,
    /// Virtual seconds since the program started.
    pub t: f64,
    /// The asyncio task whose step was running (None: top-level code or
    /// the loop itself), so output can be attributed to the task that printed it.
    pub task: Option<u64>,
    pub kind: EventKind,
}

/// The default cap on non-output events.
pub const DEFAULT_EVENT_CAP: usize = 200_000;

/// The event log with its caps.
pub struct Trace {
    pub events: Vec<Event>,
    /// The task whose step is running now; stamped on every pushed event.
    pub task: Option<u64>,
    /// How many non-output events are kept.
    pub cap: usize,
    next_seq: u64,
    output_bytes: usize,
    truncated: bool,
    recorded: usize,
    full: bool,
    /// While set, nothing is recorded: code the program did not call is
    /// running (see `Vm::quiet_repr`), and what it does is not the run's.
    pub muted: bool,
}

impl Default for Trace {
    fn default() -> Trace {
        Trace {
            events: Vec::new(),
            task: None,
            cap: DEFAULT_EVENT_CAP,
            next_seq: 0,
            output_bytes: 0,
            truncated: false,
            recorded: 0,
            full: false,
            muted: false,
        }
    }
}

impl Trace {
    /// Records a non-output event (dropped once the event cap is reached).
    pub fn push(&mut self, t: f64, kind: EventKind) {
        if self.full {
            return;
        }
        if self.recorded >= self.cap {
            self.full = true;
            let cap = self.cap;
            self.push_raw(t, EventKind::TraceTruncated { cap });
            return;
        }
        self.recorded += 1;
        self.push_raw(t, kind);
    }

    /// Whether non-output events are still recorded (callers skip building
    /// costly events, such as queue snapshots, when not).
    pub fn recording(&self) -> bool {
        !self.full
    }

    fn push_raw(&mut self, t: f64, kind: EventKind) {
        if self.muted {
            return;
        }
        self.events.push(Event { seq: self.next_seq, t, task: self.task, kind });
        self.next_seq += 1;
    }

    /// Records output, dropping it once `cap` bytes have been written.
    pub fn output(&mut self, t: f64, stream: Stream, text: &str, cap: usize) {
        if self.truncated || self.muted {
            return;
        }
        self.output_bytes += text.len();
        if self.output_bytes > cap {
            self.truncated = true;
            self.push_raw(t, EventKind::OutputTruncated);
            return;
        }
        self.push_raw(t, EventKind::Output { stream, text: text.to_string() });
    }

    /// All text written to one stream, in order.
    pub fn text(&self, stream: Stream) -> String {
        let mut s = String::new();
        for e in &self.events {
            if let EventKind::Output { stream: st, text } = &e.kind {
                if *st == stream {
                    s.push_str(text);
                }
            }
        }
        s
    }
}
