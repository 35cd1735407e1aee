//! The timeline model: trace events → lanes of spans, built incrementally
//! (each event is consumed once, as the console model does), so a live run
//! of 100,000 events costs one pass.
//!
//! **The time axis.** Steps take no virtual time, yet their order is the
//! lesson. So a position is a pair: the number of steps started before it
//! (`slot`) and the virtual time `t`. On screen `x = slot × slot_px + t ×
//! sec_px`: every step gets a column of its own, steps at the same instant
//! sit side by side in order, and the gaps between instants are virtual
//! time drawn to scale. Events that happen *during* a step (a task woken by
//! a `put`) sit in the middle of that step's column.

use std::collections::HashMap;

use looplab_engine::trace::{QueueSnapshot, SyncKind, SyncState, TaskState, WaitOn, WorkerState};
use looplab_engine::{Event, EventKind};

/// A place on the time axis (see the module doc).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pos {
    /// Steps started before this point; `.5` while a step is running.
    pub slot: f64,
    /// Virtual seconds.
    pub t: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaneKind {
    Task,
    Loop,
    Thread,
}

impl LaneKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LaneKind::Task => "task",
            LaneKind::Loop => "loop",
            LaneKind::Thread => "thread",
        }
    }
}

/// What a span shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Running,
    Ready,
    Waiting,
    Done,
    Failed,
    Cancelled,
    /// The loop lane: the whole program blocked (`time.sleep`, long CPU work).
    Blocked,
    /// The loop lane: nothing to run until the next timer.
    Idle,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Running => "running",
            State::Ready => "ready",
            State::Waiting => "waiting",
            State::Done => "done",
            State::Failed => "failed",
            State::Cancelled => "cancelled",
            State::Blocked => "blocked",
            State::Idle => "idle",
        }
    }

    /// Ends a lane: drawn as a mark, not a bar.
    pub fn is_end(self) -> bool {
        matches!(self, State::Done | State::Failed | State::Cancelled)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub state: State,
    /// What it waits on, as the trace's JSON names it (`queue_put`, `sleep`,
    /// `lock`...), or `""`.
    pub reason: &'static str,
    /// A short label drawn in the span (`q.put() · full`).
    pub label: String,
    pub from: Pos,
    /// None: still in this state.
    pub to: Option<Pos>,
    /// The program line: where it waits, or where a running task resumes.
    pub line: Option<u32>,
    /// Index of the event that started it.
    pub event: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum MarkKind {
    Print,
    CancelRequested,
}

/// A point event drawn on a lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub kind: MarkKind,
    pub at: Pos,
    /// The first output at this place (later ones are only counted).
    pub text: String,
    /// Outputs at this same place (a print loop is one mark, not millions).
    pub count: u64,
    pub event: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub kind: LaneKind,
    /// Task id, thread ident, or 0 for the loop.
    pub id: u64,
    pub name: String,
    /// Index into the palette (tasks in order of creation).
    pub colour: usize,
    pub coro: String,
    pub spans: Vec<Span>,
    pub marks: Vec<Mark>,
}

impl Lane {
    /// The span in effect once the first `cursor` events have happened.
    pub fn span_at(&self, cursor: usize) -> Option<&Span> {
        let n = self.spans.partition_point(|s| s.event < cursor);
        n.checked_sub(1).map(|i| &self.spans[i])
    }
}

/// A queue's or synchronisation object's state after one event.
#[derive(Clone, Debug, PartialEq)]
pub enum Snap {
    /// `first_key` numbers the first item (items gotten so far), so a view
    /// can tell an item that moved up from one that was just put.
    Queue {
        snapshot: QueueSnapshot,
        first_key: u64,
    },
    Sync(SyncState),
}

#[derive(Clone, Debug, PartialEq)]
pub struct SyncObject {
    pub id: u64,
    pub kind: SyncKind,
    pub class: String,
    pub name: String,
    pub line: Option<u32>,
    /// Index of its `SyncCreated` event.
    pub created: usize,
    /// (event index, state after it), in order.
    pub changes: Vec<(usize, Snap)>,
}

impl SyncObject {
    pub fn state_at(&self, cursor: usize) -> Option<&Snap> {
        let n = self.changes.partition_point(|(e, _)| *e < cursor);
        n.checked_sub(1).map(|i| &self.changes[i].1)
    }
}

/// A stretch when the main thread, and so the loop, was blocked: drawn
/// across every lane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub from: Pos,
    /// None: still blocked.
    pub to: Option<Pos>,
}

/// How close two virtual times must be to count as one (the engine's clock
/// resolution).
const SAME_T: f64 = 1e-9;

/// The whole timeline of one run.
#[derive(Default)]
pub struct Timeline {
    /// The loop's lane first, then tasks and threads as they appear.
    pub lanes: Vec<Lane>,
    pub syncs: Vec<SyncObject>,
    /// Each consumed event's position, by event index.
    pub positions: Vec<Pos>,
    /// Where each new instant (a later virtual time) begins, for the axis.
    pub instants: Vec<Pos>,
    /// Blocked stretches, drawn across every lane.
    pub blocked: Vec<Band>,
    tasks: HashMap<u64, usize>,
    workers: HashMap<u64, usize>,
    sync_index: HashMap<u64, usize>,
    next_colour: usize,
    slots: f64,
    now: f64,
    /// The lane whose step is running.
    running: Option<usize>,
    /// The task lane whose step started last (the main thread blocks in
    /// its step, if it blocks in a coroutine).
    last_task_step: Option<usize>,
    /// The end of the last `Blocked` stretch.
    blocked_until: f64,
    /// The host's virtual clock: time goes on while the loop waits or is
    /// blocked, with no event to say so.
    clock: f64,
    /// A blocking wait the host reported in progress, which the trace
    /// records only once it ends: the start of its (open) loop span and band.
    live_block: Option<Pos>,
}

impl Timeline {
    pub fn new() -> Timeline {
        let mut t = Timeline::default();
        t.lanes.push(Lane {
            kind: LaneKind::Loop,
            id: 0,
            name: "event loop".into(),
            colour: 0,
            coro: String::new(),
            spans: Vec::new(),
            marks: Vec::new(),
        });
        t
    }

    /// Events consumed so far.
    pub fn len(&self) -> usize {
        self.positions.len()
    }

    /// Where the timeline ends now.
    pub fn end(&self) -> Pos {
        Pos {
            slot: self.slots,
            t: self.now.max(self.clock),
        }
    }

    /// Where a span or band that ends at `to` is drawn to: an open one to
    /// the end, and one known to end later (a `time.sleep` is traced as it
    /// starts) no further than now, so a live block grows as it happens.
    pub fn shown_to(&self, to: Option<Pos>) -> Pos {
        let end = self.end();
        match to {
            Some(p) if p.t <= end.t => p,
            _ => end,
        }
    }

    /// The host's virtual clock now, and the main thread's blocking call in
    /// progress if any (`(since, reason)`, as `Interpreter::blocking_call`
    /// gives it). A wait is traced only when it ends, so while it lasts it
    /// is drawn from here: a blocked span on the loop lane and a band
    /// across the lanes, both growing with the clock.
    pub fn set_clock(&mut self, t: f64, blocking: Option<(f64, &str)>) {
        self.clock = self.clock.max(t);
        let Some((since, reason)) = blocking else {
            // It ended without its event (the run was stopped): it lasted
            // until now.
            if self.live_block.take().is_some() {
                let end = self.end();
                self.close(0, end);
                if let Some(b) = self.blocked.last_mut() {
                    b.to.get_or_insert(end);
                }
            }
            return;
        };
        let known = |p: &Pos| (p.t - since).abs() < SAME_T;
        if self.live_block.as_ref().is_some_and(known)
            || (self.blocked.last().is_some_and(|b| known(&b.from)) && self.blocked_until > since)
        {
            // Already drawn (a `time.sleep` is traced as it starts).
            return;
        }
        let from = self
            .last_task_step
            .and_then(|lane| self.block_start(since, lane))
            .unwrap_or(Pos {
                slot: self.slots,
                t: since,
            });
        let index = self.positions.len();
        let label = blocked_label(reason, None);
        self.open(0, State::Blocked, "blocked", label, from, None, index);
        self.blocked.push(Band { from, to: None });
        self.live_block = Some(from);
    }

    #[cfg(test)]
    pub fn task_lane(&self, task: u64) -> Option<&Lane> {
        self.tasks.get(&task).map(|&i| &self.lanes[i])
    }

    pub fn task_name(&self, task: u64) -> String {
        match self.tasks.get(&task) {
            Some(&i) => self.lanes[i].name.clone(),
            None => format!("task {task}"),
        }
    }

    fn sync_name(&self, id: u64) -> String {
        match self.sync_index.get(&id) {
            Some(&i) => self.syncs[i].name.clone(),
            None => format!("#{id}"),
        }
    }

    /// Consumes one event (the next one of the trace).
    pub fn push(&mut self, e: &Event) {
        let index = self.positions.len();
        if e.t > self.now {
            self.advance(e.t);
        }
        let lane = self.lane_of(&e.kind);
        // An event of the running lane ends its step; any other event
        // during a step happens in the middle of it.
        let ends_step = lane.is_some() && lane == self.running;
        if ends_step {
            self.running = None;
        }
        let pos = Pos {
            slot: if self.running.is_some() {
                self.slots - 0.5
            } else {
                self.slots
            },
            t: e.t,
        };
        self.positions.push(pos);
        match &e.kind {
            EventKind::TaskCreated {
                task,
                name,
                coro,
                coro_line,
                ..
            } => {
                let i = self.lanes.len();
                self.tasks.insert(*task, i);
                self.next_colour += 1;
                self.lanes.push(Lane {
                    kind: LaneKind::Task,
                    id: *task,
                    name: name.clone(),
                    colour: self.next_colour - 1,
                    coro: coro.clone(),
                    spans: Vec::new(),
                    marks: Vec::new(),
                });
                let line = Some(*coro_line).filter(|l| *l > 0);
                self.open(i, State::Ready, "", "ready".into(), pos, line, index);
            }
            EventKind::TaskRenamed { task, name } => {
                if let Some(&i) = self.tasks.get(task) {
                    self.lanes[i].name = name.clone();
                }
            }
            EventKind::TaskState { task, state } => {
                if let Some(&i) = self.tasks.get(task) {
                    self.task_state(i, state, pos, index);
                }
            }
            EventKind::CancelRequested { task } => {
                if let Some(&i) = self.tasks.get(task) {
                    let text = "cancel() requested".to_string();
                    self.lanes[i].marks.push(Mark {
                        kind: MarkKind::CancelRequested,
                        at: pos,
                        text,
                        count: 1,
                        event: index,
                    });
                }
            }
            EventKind::WorkerState {
                worker,
                name,
                state,
            } => {
                let i = match self.workers.get(worker) {
                    Some(&i) => i,
                    None => {
                        let i = self.lanes.len();
                        self.workers.insert(*worker, i);
                        self.next_colour += 1;
                        self.lanes.push(Lane {
                            kind: LaneKind::Thread,
                            id: *worker,
                            name: name.clone(),
                            colour: self.next_colour - 1,
                            coro: String::new(),
                            spans: Vec::new(),
                            marks: Vec::new(),
                        });
                        i
                    }
                };
                let (state, reason, label) = match state {
                    WorkerState::Started => (State::Ready, "", "started".to_string()),
                    WorkerState::Running => (State::Running, "", "running".to_string()),
                    WorkerState::Sleeping { .. } => {
                        (State::Waiting, "sleep", "time.sleep()".to_string())
                    }
                    WorkerState::Waiting { on } => (State::Waiting, "thread", on.clone()),
                    WorkerState::Done => (State::Done, "", "done".to_string()),
                };
                self.open(i, state, reason, label, pos, None, index);
                if state == State::Running {
                    self.start_step(i);
                }
            }
            EventKind::SyncCreated {
                id,
                kind,
                class,
                name,
                line,
            } => {
                self.sync_index.insert(*id, self.syncs.len());
                let name = name
                    .clone()
                    .unwrap_or_else(|| format!("{} #{id}", kind.name()));
                self.syncs.push(SyncObject {
                    id: *id,
                    kind: *kind,
                    class: class.clone(),
                    name,
                    line: *line,
                    created: index,
                    changes: Vec::new(),
                });
            }
            EventKind::QueueChanged { queue, snapshot } => {
                if let Some(&i) = self.sync_index.get(queue) {
                    let obj = &mut self.syncs[i];
                    let first_key = match obj.changes.last() {
                        Some((
                            _,
                            Snap::Queue {
                                snapshot: prev,
                                first_key,
                            },
                        )) => first_key + prev.size.saturating_sub(snapshot.size) as u64,
                        _ => 0,
                    };
                    obj.changes.push((
                        index,
                        Snap::Queue {
                            snapshot: snapshot.clone(),
                            first_key,
                        },
                    ));
                }
            }
            EventKind::SyncChanged { id, state } => {
                if let Some(&i) = self.sync_index.get(id) {
                    self.syncs[i]
                        .changes
                        .push((index, Snap::Sync(state.clone())));
                }
            }
            EventKind::Output { text, .. } => {
                let lane = e
                    .task
                    .and_then(|t| self.tasks.get(&t).copied())
                    .unwrap_or(0);
                let marks = &mut self.lanes[lane].marks;
                match marks.last_mut() {
                    Some(m) if m.kind == MarkKind::Print && m.at == pos => m.count += 1,
                    _ => marks.push(Mark {
                        kind: MarkKind::Print,
                        at: pos,
                        text: text.trim_end_matches('\n').to_string(),
                        count: 1,
                        event: index,
                    }),
                }
            }
            EventKind::Blocked { seconds, reason } => {
                self.block(e, pos, index, *seconds, reason);
            }
            EventKind::Warning { .. }
            | EventKind::OutputTruncated
            | EventKind::TraceTruncated { .. } => {}
        }
    }

    /// A `Blocked` event: `time.sleep` is traced as it starts, a wait
    /// (`Thread.join()`...) once it ends, stamped with its start — so it may
    /// already be drawn (reported live) or come after events the threads
    /// pushed meanwhile.
    fn block(&mut self, e: &Event, pos: Pos, index: usize, seconds: f64, reason: &str) {
        let label = blocked_label(reason, Some(seconds));
        let to = Pos {
            slot: pos.slot,
            t: e.t + seconds,
        };
        self.blocked_until = self.blocked_until.max(to.t);
        if let Some(from) = self.live_block.filter(|p| (p.t - e.t).abs() < SAME_T) {
            self.live_block = None;
            if let Some(span) = self.lanes[0].spans.last_mut() {
                if span.from == from {
                    span.to = Some(to);
                    span.label = label;
                }
            }
            if let Some(b) = self.blocked.last_mut() {
                b.to = Some(to);
            }
            return;
        }
        let from = if e.t < self.now - SAME_T {
            self.unidle_since(e.t);
            e.task
                .and_then(|t| self.tasks.get(&t).copied())
                .and_then(|lane| self.block_start(e.t, lane))
                .unwrap_or(pos)
        } else {
            pos
        };
        self.open(0, State::Blocked, "blocked", label, from, None, index);
        self.close(0, to);
        self.blocked.push(Band { from, to: Some(to) });
    }

    /// Where a block that began at `t` started, when it is the step of
    /// the task on `lane` (still running: threads may have had steps since).
    fn block_start(&self, t: f64, lane: usize) -> Option<Pos> {
        let run = self.lanes[lane]
            .spans
            .last()
            .filter(|s| s.state == State::Running)?;
        (run.from.t <= t + SAME_T).then_some(Pos {
            slot: run.from.slot + 0.5,
            t,
        })
    }

    /// A block traced late covers what was drawn as idle since `t`.
    fn unidle_since(&mut self, t: f64) {
        let spans = &mut self.lanes[0].spans;
        while spans
            .last()
            .is_some_and(|s| s.state == State::Idle && s.from.t >= t - SAME_T)
        {
            spans.pop();
        }
        if let Some(s) = spans.last_mut().filter(|s| s.state == State::Idle) {
            if let Some(to) = s.to.as_mut().filter(|to| to.t > t) {
                to.t = t;
            }
        }
    }

    /// Virtual time moved on to `t`: a new instant; the loop idled for the
    /// part not spent blocked.
    fn advance(&mut self, t: f64) {
        let from = self.now.max(self.blocked_until);
        if t > from && self.running.is_none() && self.live_block.is_none() {
            let start = Pos {
                slot: self.slots,
                t: from,
            };
            let index = self.positions.len();
            self.open(
                0,
                State::Idle,
                "sleep",
                "idle: waiting for the next timer".into(),
                start,
                None,
                index,
            );
            self.close(
                0,
                Pos {
                    slot: self.slots,
                    t,
                },
            );
        }
        self.now = t;
        self.instants.push(Pos {
            slot: self.slots,
            t,
        });
    }

    /// The lane an event changes the state of.
    fn lane_of(&self, kind: &EventKind) -> Option<usize> {
        match kind {
            EventKind::TaskState { task, .. } => self.tasks.get(task).copied(),
            EventKind::WorkerState { worker, .. } => self.workers.get(worker).copied(),
            _ => None,
        }
    }

    fn start_step(&mut self, lane: usize) {
        self.running = Some(lane);
        self.slots += 1.0;
        // A thread's step while the main thread sleeps: the block lasts
        // past it.
        if self.blocked_until > self.now + SAME_T {
            if let Some(to) = self.blocked.last_mut().and_then(|b| b.to.as_mut()) {
                to.slot = self.slots;
            }
            if let Some(to) = self.lanes[0].spans.last_mut().and_then(|s| s.to.as_mut()) {
                to.slot = self.slots;
            }
        }
    }

    fn task_state(&mut self, lane: usize, state: &TaskState, pos: Pos, index: usize) {
        match state {
            TaskState::Running => {
                // A task resumes where it last waited (or at its `def`).
                let line = self.lanes[lane].spans.iter().rev().find_map(|s| s.line);
                self.open(lane, State::Running, "", "running".into(), pos, line, index);
                self.start_step(lane);
                self.last_task_step = Some(lane);
            }
            TaskState::Ready => self.open(lane, State::Ready, "", "ready".into(), pos, None, index),
            TaskState::Waiting { on, line, .. } => {
                let (reason, label) = self.wait_label(on);
                self.open(lane, State::Waiting, reason, label, pos, *line, index);
            }
            TaskState::Done { result } => {
                self.open(
                    lane,
                    State::Done,
                    "",
                    format!("returned {result}"),
                    pos,
                    None,
                    index,
                );
                self.close(lane, pos);
            }
            TaskState::Failed { exception } => {
                self.open(
                    lane,
                    State::Failed,
                    "",
                    format!("raised {exception}"),
                    pos,
                    None,
                    index,
                );
                self.close(lane, pos);
            }
            TaskState::Cancelled => {
                self.open(
                    lane,
                    State::Cancelled,
                    "",
                    "cancelled".into(),
                    pos,
                    None,
                    index,
                );
                self.close(lane, pos);
            }
        }
    }

    /// The trace's name for a wait and the label drawn on it.
    fn wait_label(&self, on: &WaitOn) -> (&'static str, String) {
        /// Tasks named in a label; more are counted.
        const NAMED: usize = 3;
        let tasks = |v: &[u64]| {
            let mut s = v
                .iter()
                .take(NAMED)
                .map(|t| self.task_name(*t))
                .collect::<Vec<_>>()
                .join(", ");
            if v.len() > NAMED {
                s.push_str(&format!(" +{} more", v.len() - NAMED));
            }
            s
        };
        match on {
            WaitOn::Sleep { until } => ("sleep", format!("sleep until {}", time_label(*until))),
            WaitOn::Task { task } => ("task", format!("await {}", self.task_name(*task))),
            WaitOn::Gather { tasks: v } => ("gather", format!("gather({})", tasks(v))),
            WaitOn::Wait { tasks: v } => ("wait", format!("wait({})", tasks(v))),
            WaitOn::TaskGroup { tasks: v } => (
                "taskgroup",
                format!("TaskGroup exit · waits for {}", tasks(v)),
            ),
            WaitOn::QueueGet { queue } => (
                "queue_get",
                format!("{}.get() · empty", self.sync_name(*queue)),
            ),
            WaitOn::QueuePut { queue } => (
                "queue_put",
                format!("{}.put() · full", self.sync_name(*queue)),
            ),
            WaitOn::QueueJoin { queue } => {
                ("queue_join", format!("{}.join()", self.sync_name(*queue)))
            }
            WaitOn::Lock { lock } => (
                "lock",
                format!("{}.acquire() · held", self.sync_name(*lock)),
            ),
            WaitOn::Semaphore { semaphore } => (
                "semaphore",
                format!("{}.acquire() · 0 left", self.sync_name(*semaphore)),
            ),
            WaitOn::Event { event } => ("event", format!("{}.wait()", self.sync_name(*event))),
            WaitOn::Condition { condition } => (
                "condition",
                format!("{}.wait()", self.sync_name(*condition)),
            ),
            WaitOn::Barrier { barrier } => {
                ("barrier", format!("{}.wait()", self.sync_name(*barrier)))
            }
            WaitOn::Thread { func } => ("thread", format!("thread running {func}()")),
            WaitOn::Future { repr } => ("future", repr.clone()),
        }
    }

    /// Ends the lane's open span at `pos` and opens a new one.
    #[allow(clippy::too_many_arguments)]
    fn open(
        &mut self,
        lane: usize,
        state: State,
        reason: &'static str,
        label: String,
        pos: Pos,
        line: Option<u32>,
        event: usize,
    ) {
        self.close(lane, pos);
        self.lanes[lane].spans.push(Span {
            state,
            reason,
            label,
            from: pos,
            to: None,
            line,
            event,
        });
    }

    fn close(&mut self, lane: usize, pos: Pos) {
        if let Some(last) = self.lanes[lane].spans.last_mut() {
            if last.to.is_none() {
                last.to = Some(pos);
            }
        }
    }
}

/// What a blocked span says: `time.sleep(2.0) blocks everything`, or for a
/// wait `Thread.join() for 0.5 s blocks everything` (its length is known
/// once it ends).
fn blocked_label(reason: &str, seconds: Option<f64>) -> String {
    match seconds {
        Some(s) if reason.ends_with(')') => format!("{reason} for {s} s blocks everything"),
        Some(s) => format!("{reason}({s}) blocks everything"),
        None if reason.ends_with(')') => format!("{reason} blocks everything"),
        None => format!("{reason}() blocks everything"),
    }
}

/// A time label: at most 3 decimals, trailing zeros dropped (`0.5`, `1.25`).
pub fn time_label(t: f64) -> String {
    let s = format!("{t:.3}");
    let s = s.trim_end_matches('0');
    if s.ends_with('.') {
        format!("{s}0")
    } else {
        s.to_string()
    }
}

/// Pixels per step and per virtual second.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub slot_px: f64,
    pub sec_px: f64,
}

impl Scale {
    /// Fits `end` into about `width` pixels: steps get between 10 and 28 px,
    /// time takes what is left (at least half the width when there is time
    /// to show); a long run scrolls rather than squeezing steps.
    pub fn fit(end: Pos, width: f64) -> Scale {
        let width = width.max(200.0);
        let steps_share = if end.t > 0.0 { 0.5 } else { 1.0 };
        let slot_px = if end.slot > 0.0 {
            (width * steps_share / end.slot).clamp(10.0, 28.0)
        } else {
            28.0
        };
        let left = (width - slot_px * end.slot).max(width * 0.5);
        let sec_px = if end.t > 0.0 {
            (left / end.t).clamp(20.0, 20_000.0)
        } else {
            100.0
        };
        Scale { slot_px, sec_px }
    }

    pub fn x(&self, p: Pos) -> f64 {
        p.slot * self.slot_px + p.t * self.sec_px
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use looplab_engine::trace::{SyncKind, TaskState, WaitOn};

    struct Log {
        events: Vec<Event>,
    }

    impl Log {
        fn add(&mut self, t: f64, kind: EventKind) {
            let seq = self.events.len() as u64;
            self.events.push(Event {
                seq,
                t,
                task: None,
                kind,
            });
        }
        fn created(&mut self, task: u64, name: &str) {
            self.add(
                0.0,
                EventKind::TaskCreated {
                    task,
                    name: name.into(),
                    parent: None,
                    coro: name.into(),
                    coro_line: 3,
                    line: Some(9),
                },
            );
        }
        fn state(&mut self, t: f64, task: u64, state: TaskState) {
            self.add(t, EventKind::TaskState { task, state });
        }
        fn timeline(&self) -> Timeline {
            let mut tl = Timeline::new();
            for e in &self.events {
                tl.push(e);
            }
            tl
        }
    }

    fn states(lane: &Lane) -> Vec<&str> {
        lane.spans.iter().map(|s| s.state.as_str()).collect()
    }

    #[test]
    fn ping_pong_at_one_instant_takes_alternate_slots() {
        let mut log = Log { events: Vec::new() };
        log.created(1, "ping");
        log.created(2, "pong");
        for _ in 0..2 {
            for task in [1, 2] {
                log.state(0.0, task, TaskState::Running);
                log.state(0.0, task, TaskState::Ready);
            }
        }
        let tl = log.timeline();
        let ping = tl.task_lane(1).unwrap();
        let pong = tl.task_lane(2).unwrap();
        assert_eq!(
            states(ping),
            ["ready", "running", "ready", "running", "ready"]
        );
        let runs = |l: &Lane| {
            l.spans
                .iter()
                .filter(|s| s.state == State::Running)
                .map(|s| s.from.slot)
                .collect::<Vec<_>>()
        };
        assert_eq!(runs(ping), [0.0, 2.0]);
        assert_eq!(runs(pong), [1.0, 3.0]);
        // Each step is one slot wide, and no time passed.
        assert!(ping.spans[1].to == Some(Pos { slot: 1.0, t: 0.0 }));
        assert_eq!(tl.end(), Pos { slot: 4.0, t: 0.0 });
        assert!(tl.lanes[0].spans.is_empty(), "the loop never idled");
    }

    #[test]
    fn waits_carry_reason_line_and_time_and_the_loop_idles_between_instants() {
        let mut log = Log { events: Vec::new() };
        log.add(
            0.0,
            EventKind::SyncCreated {
                id: 7,
                kind: SyncKind::Queue,
                class: "Queue".into(),
                name: Some("q".into()),
                line: Some(2),
            },
        );
        log.created(1, "producer");
        log.state(0.0, 1, TaskState::Running);
        log.state(
            0.0,
            1,
            TaskState::Waiting {
                on: WaitOn::QueuePut { queue: 7 },
                line: Some(5),
                deadline: None,
            },
        );
        log.created(2, "consumer");
        log.state(0.5, 2, TaskState::Running);
        // The consumer's get wakes the producer during its step.
        log.state(0.5, 1, TaskState::Ready);
        log.state(
            0.5,
            2,
            TaskState::Done {
                result: "None".into(),
            },
        );
        let tl = log.timeline();
        let p = tl.task_lane(1).unwrap();
        let wait = &p.spans[2];
        assert_eq!(
            (wait.state, wait.reason, wait.line),
            (State::Waiting, "queue_put", Some(5))
        );
        assert_eq!(wait.label, "q.put() · full");
        assert_eq!(wait.from, Pos { slot: 1.0, t: 0.0 });
        assert_eq!(
            wait.to,
            Some(Pos { slot: 1.5, t: 0.5 }),
            "woken in the middle of the consumer's step"
        );
        assert_eq!(p.spans[3].state, State::Ready);
        let c = tl.task_lane(2).unwrap();
        assert_eq!(states(c), ["ready", "running", "done"]);
        assert_eq!(c.spans[2].from, Pos { slot: 2.0, t: 0.5 });
        let idle = &tl.lanes[0].spans[0];
        assert_eq!(
            (idle.state, idle.from.t, idle.to.unwrap().t),
            (State::Idle, 0.0, 0.5)
        );
        // A running task resumes at the line it waited on.
        assert_eq!(c.span_at(tl.len()).unwrap().state, State::Done);
        assert_eq!(p.span_at(4).unwrap().state, State::Waiting);
    }

    #[test]
    fn blocked_time_stretches_the_step_and_is_not_idle() {
        let mut log = Log { events: Vec::new() };
        log.created(1, "main");
        log.state(0.0, 1, TaskState::Running);
        log.add(
            0.0,
            EventKind::Blocked {
                seconds: 2.0,
                reason: "time.sleep".into(),
            },
        );
        log.state(
            2.0,
            1,
            TaskState::Done {
                result: "None".into(),
            },
        );
        let tl = log.timeline();
        let l = &tl.lanes[0];
        assert_eq!(states(l), ["blocked"]);
        assert_eq!(l.spans[0].from, Pos { slot: 0.5, t: 0.0 });
        assert_eq!(l.spans[0].to, Some(Pos { slot: 0.5, t: 2.0 }));
        let run = &tl.task_lane(1).unwrap().spans[1];
        assert_eq!(run.to, Some(Pos { slot: 1.0, t: 2.0 }));
    }

    fn worker(log: &mut Log, t: f64, state: WorkerState) {
        log.add(
            t,
            EventKind::WorkerState {
                worker: 9,
                name: "Thread-1 (work)".into(),
                state,
            },
        );
    }

    #[test]
    fn a_live_sleep_grows_with_the_clock() {
        let mut log = Log { events: Vec::new() };
        log.created(1, "main");
        log.state(0.0, 1, TaskState::Running);
        log.add(
            0.0,
            EventKind::Blocked {
                seconds: 2.0,
                reason: "time.sleep".into(),
            },
        );
        let mut tl = log.timeline();
        tl.set_clock(0.5, Some((0.0, "time.sleep")));
        // Traced as it starts, so its end is known, but it is drawn to now.
        let band = tl.blocked[0];
        assert_eq!(band.to.unwrap().t, 2.0);
        assert_eq!(tl.shown_to(band.to).t, 0.5);
        assert_eq!(tl.blocked.len(), 1, "not drawn twice");
        tl.set_clock(1.5, Some((0.0, "time.sleep")));
        assert_eq!(tl.shown_to(band.to).t, 1.5);
        assert_eq!(tl.end().t, 1.5);
    }

    #[test]
    fn a_wait_in_progress_is_drawn_until_its_event_comes() {
        let mut log = Log { events: Vec::new() };
        log.created(1, "main");
        log.state(0.0, 1, TaskState::Running);
        worker(&mut log, 0.0, WorkerState::Started);
        worker(&mut log, 0.0, WorkerState::Running);
        worker(&mut log, 0.0, WorkerState::Sleeping { until: 1.5 });
        let mut tl = log.timeline();
        // The host sees the main thread blocked in join() since 0.
        tl.set_clock(0.4, Some((0.0, "Thread.join()")));
        let open = tl.lanes[0].spans.last().unwrap().clone();
        assert_eq!(
            (open.state, open.to, open.label.as_str()),
            (State::Blocked, None, "Thread.join() blocks everything")
        );
        // It began in main's step, before the thread's first step.
        assert_eq!(open.from, Pos { slot: 0.5, t: 0.0 });
        assert_eq!(tl.shown_to(open.to).t, 0.4);
        // The thread wakes (not idle time: the loop is blocked), the join
        // ends and is traced, stamped with its start.
        let mut more = Log { events: Vec::new() };
        worker(&mut more, 1.5, WorkerState::Running);
        worker(&mut more, 1.5, WorkerState::Done);
        more.add(
            0.0,
            EventKind::Blocked {
                seconds: 1.5,
                reason: "Thread.join()".into(),
            },
        );
        for e in &more.events {
            tl.push(e);
        }
        tl.set_clock(1.5, None);
        let loop_spans = &tl.lanes[0].spans;
        assert_eq!(states(&tl.lanes[0]), ["blocked"]);
        assert_eq!(loop_spans[0].from, open.from);
        assert_eq!(loop_spans[0].to.unwrap().t, 1.5);
        assert_eq!(loop_spans[0].label, "Thread.join() for 1.5 s blocks everything");
        assert_eq!(tl.blocked.len(), 1);
        assert_eq!(tl.blocked[0].to.unwrap().t, 1.5);
    }

    #[test]
    fn a_wait_traced_late_replaces_the_idle_drawn_meanwhile() {
        // At instant speed the host never sees the wait in progress.
        let mut log = Log { events: Vec::new() };
        log.created(1, "main");
        log.state(0.0, 1, TaskState::Running);
        worker(&mut log, 0.0, WorkerState::Started);
        worker(&mut log, 0.0, WorkerState::Running);
        worker(&mut log, 0.0, WorkerState::Sleeping { until: 1.5 });
        worker(&mut log, 1.5, WorkerState::Running);
        worker(&mut log, 1.5, WorkerState::Done);
        log.add(
            0.0,
            EventKind::Blocked {
                seconds: 1.5,
                reason: "Thread.join()".into(),
            },
        );
        // Stamped with the task it blocked (main's step, still running).
        log.events.last_mut().unwrap().task = Some(1);
        let tl = log.timeline();
        assert_eq!(states(&tl.lanes[0]), ["blocked"]);
        let b = &tl.lanes[0].spans[0];
        assert_eq!(b.from, Pos { slot: 0.5, t: 0.0 });
        assert_eq!(b.to.unwrap().t, 1.5);
    }

    #[test]
    fn a_task_group_exit_names_its_tasks() {
        let mut log = Log { events: Vec::new() };
        for (id, name) in [(1, "main"), (2, "a"), (3, "b"), (4, "c"), (5, "d")] {
            log.created(id, name);
        }
        log.state(0.0, 1, TaskState::Running);
        log.state(
            0.0,
            1,
            TaskState::Waiting {
                on: WaitOn::TaskGroup {
                    tasks: vec![2, 3, 4, 5],
                },
                line: Some(4),
                deadline: None,
            },
        );
        let tl = log.timeline();
        let wait = tl.task_lane(1).unwrap().spans.last().unwrap().clone();
        assert_eq!(
            (wait.reason, wait.label.as_str()),
            ("taskgroup", "TaskGroup exit · waits for a, b, c +1 more")
        );
    }

    #[test]
    fn queue_keys_follow_gets() {
        let snap = |items: &[&str]| QueueSnapshot {
            items: items.iter().map(|s| std::rc::Rc::from(*s)).collect(),
            size: items.len(),
            maxsize: 2,
            getters: vec![],
            putters: vec![],
            unfinished: 0,
        };
        let mut log = Log { events: Vec::new() };
        log.add(
            0.0,
            EventKind::SyncCreated {
                id: 1,
                kind: SyncKind::Queue,
                class: "Queue".into(),
                name: None,
                line: None,
            },
        );
        for items in [&["a"][..], &["a", "b"], &["b"], &["b", "c"]] {
            log.add(
                0.0,
                EventKind::QueueChanged {
                    queue: 1,
                    snapshot: snap(items),
                },
            );
        }
        let tl = log.timeline();
        let q = &tl.syncs[0];
        assert_eq!(q.name, "queue #1");
        let key = |c| match q.state_at(c) {
            Some(Snap::Queue {
                first_key,
                snapshot,
            }) => (*first_key, snapshot.size),
            _ => panic!(),
        };
        assert_eq!(
            [key(2), key(3), key(4), key(5)],
            [(0, 1), (0, 2), (1, 1), (1, 2)]
        );
        assert!(q.state_at(1).is_none());
    }

    #[test]
    fn prints_at_one_place_make_one_mark() {
        let mut log = Log { events: Vec::new() };
        for i in 0..1000 {
            let text = format!("line {i}\n");
            log.add(
                0.0,
                EventKind::Output {
                    stream: looplab_engine::Stream::Stdout,
                    text,
                },
            );
        }
        log.add(
            1.0,
            EventKind::Output {
                stream: looplab_engine::Stream::Stdout,
                text: "later\n".into(),
            },
        );
        let tl = log.timeline();
        let marks: Vec<_> = tl.lanes[0]
            .marks
            .iter()
            .map(|m| (m.text.as_str(), m.count))
            .collect();
        assert_eq!(marks, [("line 0", 1000), ("later", 1)]);
    }

    #[test]
    fn scale_fits_steps_and_time() {
        let s = Scale::fit(Pos { slot: 10.0, t: 1.0 }, 1000.0);
        assert_eq!(s.slot_px, 28.0);
        assert!((s.x(Pos { slot: 10.0, t: 1.0 }) - 1000.0).abs() < 1e-9);
        let s = Scale::fit(
            Pos {
                slot: 100_000.0,
                t: 0.0,
            },
            1000.0,
        );
        assert_eq!(s.slot_px, 10.0);
    }
}
