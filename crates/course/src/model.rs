//! What the checker sees of a run: the trace folded into task lifetimes,
//! waits, output lines and blocking spans, all with virtual times.
//!
//! This is the only place that reads `EventKind`s. When the trace grows new
//! events (queues, locks, warnings), they are folded in here and the checks
//! that need them read the new fields.

use looplab_engine::trace::{SyncKind, TaskState, WarningKind};
use looplab_engine::{Event, EventKind, Stream};

/// How a task ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    Done,
    Failed,
    Cancelled,
}

impl End {
    pub fn word(self) -> &'static str {
        match self {
            End::Done => "finished",
            End::Failed => "failed with an exception",
            End::Cancelled => "was cancelled",
        }
    }
}

/// One asyncio task's life on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskLife {
    pub id: u64,
    pub name: String,
    pub parent: Option<u64>,
    pub created: f64,
    /// When it ended and how (None: still pending when the program stopped).
    pub end: Option<(f64, End)>,
    /// Intervals it spent waiting (state `waiting` until it next ran).
    pub waits: Vec<(f64, f64)>,
    /// When `cancel()` was first called on it.
    pub cancel_requested: Option<f64>,
    /// Order in which tasks ended (0 = first).
    pub end_rank: Option<usize>,
}

/// One line of output with the time it was printed.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub t: f64,
    pub task: Option<u64>,
    pub text: String,
}

/// The whole loop was blocked (e.g. by `time.sleep`).
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub t: f64,
    pub seconds: f64,
    pub task: Option<u64>,
    pub reason: String,
}

/// A warning Python printed (never awaited, exception never retrieved).
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub t: f64,
    pub kind: WarningKind,
    pub message: String,
}

/// One `asyncio.Queue`'s life, as far as back-pressure goes.
#[derive(Clone, Debug, PartialEq)]
pub struct QueueLife {
    pub id: u64,
    /// The variable it was assigned to, when known.
    pub name: Option<String>,
    pub maxsize: i64,
    /// The most items it ever held, and when it first held that many.
    pub peak: (usize, f64),
    /// Every `put()` that waited because the queue was full: from when,
    /// which task, and until when (None: still waiting at the end).
    pub full_puts: Vec<(f64, u64, Option<f64>)>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    pub tasks: Vec<TaskLife>,
    pub stdout: Vec<Line>,
    pub stderr: String,
    pub blocks: Vec<Block>,
    pub warnings: Vec<Warning>,
    pub queues: Vec<QueueLife>,
    /// Virtual time of the last event: how long the program took.
    pub end_time: f64,
}

impl Model {
    pub fn from_trace(events: &[Event]) -> Model {
        let mut m = Model::default();
        let mut waiting_since: Vec<(u64, f64)> = Vec::new();
        let mut partial = String::new();
        let mut partial_at = (0.0, None);
        let mut ended = 0;
        for e in events {
            m.end_time = m.end_time.max(e.t);
            match &e.kind {
                EventKind::TaskCreated { task, name, parent, .. } => m.tasks.push(TaskLife {
                    id: *task,
                    name: name.clone(),
                    parent: *parent,
                    created: e.t,
                    end: None,
                    waits: Vec::new(),
                    cancel_requested: None,
                    end_rank: None,
                }),
                EventKind::TaskState { task, state } => {
                    if let Some(i) = waiting_since.iter().position(|w| w.0 == *task) {
                        let (_, since) = waiting_since.swap_remove(i);
                        if let Some(t) = m.task_mut(*task) {
                            t.waits.push((since, e.t));
                        }
                    }
                    let end = match state {
                        TaskState::Waiting { .. } => {
                            waiting_since.push((*task, e.t));
                            None
                        }
                        TaskState::Done { .. } => Some(End::Done),
                        TaskState::Failed { .. } => Some(End::Failed),
                        TaskState::Cancelled => Some(End::Cancelled),
                        TaskState::Running | TaskState::Ready => None,
                    };
                    if let (Some(end), Some(t)) = (end, m.task_mut(*task)) {
                        t.end = Some((e.t, end));
                        t.end_rank = Some(ended);
                        ended += 1;
                    }
                }
                EventKind::CancelRequested { task } => {
                    if let Some(t) = m.task_mut(*task) {
                        t.cancel_requested.get_or_insert(e.t);
                    }
                }
                EventKind::Output { stream: Stream::Stdout, text } => {
                    if partial.is_empty() {
                        partial_at = (e.t, e.task);
                    }
                    partial.push_str(text);
                    while let Some(nl) = partial.find('\n') {
                        let line: String = partial.drain(..=nl).collect();
                        m.stdout.push(Line { t: partial_at.0, task: partial_at.1, text: line[..nl].to_string() });
                        partial_at = (e.t, e.task);
                    }
                }
                EventKind::Output { stream: Stream::Stderr, text } => m.stderr.push_str(text),
                EventKind::Blocked { seconds, reason } => {
                    m.end_time = m.end_time.max(e.t + seconds);
                    m.blocks.push(Block { t: e.t, seconds: *seconds, task: e.task, reason: reason.clone() });
                }
                EventKind::TaskRenamed { task, name } => {
                    if let Some(t) = m.task_mut(*task) {
                        t.name = name.clone();
                    }
                }
                EventKind::Warning { kind, message, .. } => m.warnings.push(Warning { t: e.t, kind: *kind, message: message.clone() }),
                EventKind::SyncCreated { id, kind: SyncKind::Queue, name, .. } => {
                    m.queues.push(QueueLife { id: *id, name: name.clone(), maxsize: 0, peak: (0, e.t), full_puts: Vec::new() })
                }
                EventKind::QueueChanged { queue, snapshot } => {
                    if let Some(q) = m.queues.iter_mut().find(|q| q.id == *queue) {
                        q.maxsize = snapshot.maxsize;
                        if snapshot.size > q.peak.0 {
                            q.peak = (snapshot.size, e.t);
                        }
                        for p in q.full_puts.iter_mut().filter(|p| p.2.is_none() && !snapshot.putters.contains(&p.1)) {
                            p.2 = Some(e.t);
                        }
                        for &task in &snapshot.putters {
                            if !q.full_puts.iter().any(|p| p.1 == task && p.2.is_none()) {
                                q.full_puts.push((e.t, task, None));
                            }
                        }
                    }
                }
                // Threads, locks and the like are not judged yet.
                EventKind::WorkerState { .. }
                | EventKind::SyncCreated { .. }
                | EventKind::SyncChanged { .. }
                | EventKind::OutputTruncated
                | EventKind::TraceTruncated { .. } => {}
            }
        }
        if !partial.is_empty() {
            m.stdout.push(Line { t: partial_at.0, task: partial_at.1, text: partial });
        }
        m
    }

    fn task_mut(&mut self, id: u64) -> Option<&mut TaskLife> {
        self.tasks.iter_mut().find(|t| t.id == id)
    }

    pub fn task(&self, id: u64) -> Option<&TaskLife> {
        self.tasks.iter().find(|t| t.id == id)
    }

    /// The task `asyncio.run` made for the main coroutine.
    pub fn is_main(&self, t: &TaskLife) -> bool {
        t.parent.is_none() && self.tasks.first().map(|f| f.id) == Some(t.id)
    }

    pub fn task_label(&self, id: Option<u64>) -> String {
        match id.and_then(|id| self.task(id)) {
            Some(t) if self.is_main(t) => format!("the main task ({})", t.name),
            Some(t) => format!("task {}", t.name),
            None => "the top-level code".to_string(),
        }
    }

    /// The queue's name for messages: `the queue q`, or `a queue`.
    pub fn queue_label(&self, q: &QueueLife) -> String {
        q.name.as_ref().map_or("a queue".to_string(), |n| format!("the queue `{n}`"))
    }

    pub fn stdout_lines(&self) -> Vec<&str> {
        self.stdout.iter().map(|l| l.text.as_str()).collect()
    }
}

/// The trace position of the moment `t`: how many events had happened
/// once every event at that virtual time had (the time-travel cursor
/// that shows the moment, with everything that happened at it).
pub fn cursor_at(events: &[Event], t: f64) -> usize {
    events.partition_point(|e| e.t <= t + 1e-9)
}

/// Seconds as the timelines show them: `1.0 s`, `0.25 s` (to the millisecond).
/// Uses the engine's float repr rather than `{}` so the browser build does
/// not link a second float formatter.
pub fn secs(t: f64) -> String {
    let r = (t * 1000.0).round() / 1000.0;
    format!("{} s", looplab_engine::format::float_repr(r))
}
