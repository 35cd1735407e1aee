//! The event loop, modelled on CPython's `BaseEventLoop._run_once`: a FIFO
//! ready queue of callbacks and a timer heap ordered by (deadline,
//! insertion order). Each iteration moves due timers to the ready queue and
//! runs exactly the callbacks that were ready when the iteration began.
//! The clock is the VM's virtual clock.

use std::cell::Cell;
use std::collections::{BinaryHeap, VecDeque};
use std::rc::Rc;

use crate::value::{Class, Value};
use crate::vm::Frame;

/// Something the loop will run.
#[derive(Clone)]
pub enum Callback {
    /// Run one step of a task (`Task.__step`), throwing `exc` if given.
    Step { task: Value, exc: Option<Value> },
    /// Call a Python or builtin callable.
    Call { func: Value, args: Vec<Value> },
    /// Start or resume a simulated worker thread.
    RunWorker { id: u64 },
    /// A worker's `_thread._wait` timed out.
    WaitTimeout { id: u64 },
}

/// A scheduled callback; cancelling it makes the loop skip it.
#[derive(Clone)]
pub struct Handle {
    pub callback: Callback,
    pub cancelled: Rc<Cell<bool>>,
    /// The deadline of a timer (`TimerHandle.when()`), None for `call_soon`.
    pub when: Option<f64>,
    /// Debug mode: where it was scheduled (`Handle._source_traceback`).
    pub source: Option<super::debug::SourceTb>,
}

impl Handle {
    fn new(callback: Callback, when: Option<f64>, source: Option<super::debug::SourceTb>) -> Handle {
        Handle { callback, cancelled: Rc::new(Cell::new(false)), when, source }
    }
}

pub struct Timer {
    pub when: f64,
    pub seq: u64,
    pub handle: Handle,
}

impl PartialEq for Timer {
    fn eq(&self, o: &Timer) -> bool {
        self.when == o.when && self.seq == o.seq
    }
}
impl Eq for Timer {}
impl PartialOrd for Timer {
    fn partial_cmp(&self, o: &Timer) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Timer {
    /// Reversed, so the BinaryHeap pops the earliest (when, seq) first.
    fn cmp(&self, o: &Timer) -> std::cmp::Ordering {
        o.when.total_cmp(&self.when).then(o.seq.cmp(&self.seq))
    }
}

/// What the frames currently on the VM stack are doing.
#[derive(Clone)]
pub enum Running {
    /// The program's own top-level code.
    Program,
    /// One step of this task's coroutine.
    TaskStep(Value),
    /// A simulated worker thread's function.
    Worker(u64),
}

/// The asyncio classes, created when `asyncio` is first imported.
pub struct AioTypes {
    pub future: Rc<Class>,
    pub task: Rc<Class>,
    /// `TimerHandle` (a subclass of `plain_handle`, `Handle`).
    pub handle: Rc<Class>,
    pub plain_handle: Rc<Class>,
    pub event_loop: Rc<Class>,
    pub future_iter: Rc<Class>,
    pub cancelled_error: Rc<Class>,
    pub invalid_state_error: Rc<Class>,
}

/// The loop's state (one per program; `asyncio.run` starts and ends it).
#[derive(Default)]
pub struct Runtime {
    pub active: bool,
    pub ready: VecDeque<Handle>,
    pub timers: BinaryHeap<Timer>,
    pub seq: u64,
    /// Callbacks still to run in the current iteration.
    pub ntodo: usize,
    pub stopping: bool,
    pub running: Option<Running>,
    pub current_task: Option<Value>,
    /// CPython's `_task_name_counter`: only unnamed tasks take a number.
    pub task_counter: u64,
    /// Unique task ids for the trace (every task takes one).
    pub task_ids: u64,
    /// `asyncio.run` closes the loop at the end; `Runner.run` does not.
    pub close_at_end: bool,
    /// `asyncio.set_event_loop()`'s loop (None inside: set to None), for
    /// `get_event_loop()` outside a running loop; None: never set.
    pub policy_loop: Option<Value>,
    /// `loop.run_until_complete()`: the loop stops as soon as its future
    /// is done; the other tasks stay as they are, scheduled callbacks and
    /// timers included, for the next run.
    pub keep_leftovers: bool,
    /// A SystemExit/KeyboardInterrupt that escaped a callback: the loop
    /// cancels the leftover tasks, lets them finish, then re-raises it.
    pub fatal: Option<Value>,
    /// The last id given to a traced queue/lock/... (`SyncCreated`).
    pub sync_ids: u64,
    /// `loop.set_exception_handler()`.
    pub exception_handler: Option<Value>,
    /// The frames of `asyncio.run`'s caller, restored when the loop ends.
    pub parked: Vec<Box<Frame>>,
    pub main_task: Option<Value>,
    /// Tasks cancelled at shutdown that must finish before the loop closes.
    pub shutdown: Option<Vec<Value>>,
    /// Every task of this loop, weakly (like CPython's WeakSet).
    pub tasks: Vec<std::rc::Weak<crate::value::Obj>>,
    /// Debug mode (`asyncio.run(debug=True)`, `loop.set_debug()`).
    pub debug: bool,
    /// Debug mode: the callback being timed for the slow-callback warning.
    pub slow_check: Option<super::debug::SlowCheck>,
    pub loop_obj: Option<Value>,
    pub types: Option<AioTypes>,
    pub workers: Vec<super::threads::Worker>,
    pub worker_counter: u64,
    pub current_worker: Option<u64>,
    /// The running code's contextvars context: a dict never mutated in
    /// place (a `ContextVar.set` installs a new one), so sharing it is
    /// copying it. Swapped per task step and per worker lane.
    pub ctx: Option<Value>,
    /// The program's own context while the loop runs tasks.
    pub program_ctx: Option<Value>,
    /// The main thread, parked in a blocking call while only worker lanes run.
    pub blocked_main: Option<super::blocking::BlockedMain>,
    /// Per traced queue, the item reprs its last snapshot recorded.
    pub queue_reprs: std::collections::HashMap<u64, super::queues::ShownItems>,
}

impl Runtime {
    /// Schedules `callback` for the next iteration (the loop's own uses,
    /// which keep no handle).
    pub fn call_soon(&mut self, callback: Callback) {
        self.soon(callback, None);
    }

    /// `call_soon`, recording where it was called (debug mode).
    pub fn soon(&mut self, callback: Callback, source: Option<super::debug::SourceTb>) {
        self.ready.push_back(Handle::new(callback, None, source));
    }

    /// `loop.call_soon()`: as `soon`, returning the handle the program gets.
    pub fn call_soon_from(&mut self, callback: Callback, source: Option<super::debug::SourceTb>) -> Handle {
        let h = Handle::new(callback, None, source);
        self.ready.push_back(h.clone());
        h
    }

    pub fn call_at(&mut self, when: f64, callback: Callback, source: Option<super::debug::SourceTb>) -> Handle {
        let h = Handle::new(callback, Some(when), source);
        self.seq += 1;
        self.timers.push(Timer { when, seq: self.seq, handle: h.clone() });
        h
    }

    /// Drops the callbacks and timers of a loop that is closing. Threads
    /// outlive the loop: their wake-ups stay scheduled.
    pub fn discard_scheduled(&mut self) {
        self.ready.retain(|h| h.callback.is_worker());
        self.timers.retain(|t| t.handle.callback.is_worker());
    }

    /// The tasks still alive.
    pub fn live_tasks(&mut self) -> Vec<Value> {
        self.tasks.retain(|w| w.strong_count() > 0);
        self.tasks.iter().filter_map(|w| w.upgrade().map(Value::Obj)).collect()
    }

    /// The tasks still alive that have not finished.
    pub fn pending_tasks(&mut self) -> Vec<Value> {
        let pending = |t: &Value| super::tasks::with_task(t, |c| c.fut.state == super::futures::FutState::Pending);
        self.live_tasks().into_iter().filter(|t| pending(t).unwrap_or(false)).collect()
    }

    /// The earliest pending timer deadline, if any (for hosts that drive
    /// the clock in real time).
    pub fn next_deadline(&mut self) -> Option<f64> {
        while let Some(t) = self.timers.peek() {
            if t.handle.cancelled.get() {
                self.timers.pop();
            } else {
                return Some(t.when);
            }
        }
        None
    }
}
