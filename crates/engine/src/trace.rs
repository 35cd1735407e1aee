//! The one event stream every view reads: console, timelines, checker, CLI.
//!
//! Each event carries a sequence number and the virtual time. This module
//! starts with program output; the asyncio runtime adds task, queue and
//! synchronisation events to the same stream.

/// Which stream output went to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// A task's state, as the timelines draw it.
#[derive(Clone, Debug, PartialEq)]
pub enum TaskState {
    Running,
    Ready,
    /// Waiting on something (its repr, e.g. `<Future pending>`).
    Waiting(String),
    Done,
    Failed,
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

/// What happened.
#[derive(Clone, Debug, PartialEq)]
pub enum EventKind {
    /// A task was created (ids are the `Task-N` numbers).
    TaskCreated { task: u64, name: String, parent: Option<u64> },
    /// A task changed state.
    TaskState { task: u64, state: TaskState },
    /// `task.cancel()` was called.
    CancelRequested { task: u64 },
    /// A simulated worker thread (run_in_executor/to_thread) changed state.
    WorkerState { worker: u64, name: String, state: WorkerState },
    /// Text written by the program (print, sys.stdout.write, tracebacks).
    Output { stream: Stream, text: String },
    /// The whole program was blocked (e.g. `time.sleep`) from `t` for `seconds`.
    Blocked { seconds: f64, reason: String },
    /// Output past the cap was dropped from here on.
    OutputTruncated,
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

/// The event log with its output cap.
#[derive(Default)]
pub struct Trace {
    pub events: Vec<Event>,
    /// The task whose step is running now; stamped on every pushed event.
    pub task: Option<u64>,
    next_seq: u64,
    output_bytes: usize,
    truncated: bool,
}

impl Trace {
    pub fn push(&mut self, t: f64, kind: EventKind) {
        self.events.push(Event { seq: self.next_seq, t, task: self.task, kind });
        self.next_seq += 1;
    }

    /// Records output, dropping it once `cap` bytes have been written.
    pub fn output(&mut self, t: f64, stream: Stream, text: &str, cap: usize) {
        if self.truncated {
            return;
        }
        self.output_bytes += text.len();
        if self.output_bytes > cap {
            self.truncated = true;
            self.push(t, EventKind::OutputTruncated);
            return;
        }
        self.push(t, EventKind::Output { stream, text: text.to_string() });
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
