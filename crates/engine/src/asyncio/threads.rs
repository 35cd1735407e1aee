//! Threads without threads: every thread the program starts (directly with
//! `threading.Thread`, or through an executor behind `run_in_executor` /
//! `to_thread`) is a simulated lane with its own frames. A lane runs
//! between loop callbacks until it blocks: a `time.sleep` parks it until
//! the virtual clock reaches the wake-up time, a wait (`_thread._wait`,
//! which `threading` and `concurrent.futures` build their blocking calls
//! on) parks it until another lane or a loop callback notifies the object
//! it waits on. Meanwhile the loop and the other lanes keep running, so
//! sleeping threads overlap exactly as real ones would.
//!
//! The Python side (`modules/py/threading.py`, `concurrent.py`, and the
//! executor glue in `asyncio.py`) follows CPython: a finished job sets a
//! `concurrent.futures.Future`, whose callback hands the result to the
//! loop with `call_soon_threadsafe`.

use super::events::{Callback, Handle, Running};
use crate::trace::{EventKind, WorkerState};
use crate::value::{Args, Value};
use crate::vm::{Exec, Frame, PyResult, Vm};

/// The main thread's ident (`threading.main_thread().ident`).
pub const MAIN_THREAD: u64 = 1;

/// One simulated thread.
pub struct Worker {
    pub id: u64,
    pub name: String,
    pub func: Value,
    pub args: Vec<Value>,
    /// The lane's frames while it is parked (empty when not started).
    pub frames: Vec<Box<Frame>>,
    pub started: bool,
    /// Parked in a blocking call; `resume_value` is that call's result.
    pub parked: bool,
    pub resume_value: Value,
    /// The object a `_wait` waits on, with the timeout's timer.
    pub waiting_on: Option<Value>,
    pub timeout: Option<Handle>,
    /// The lane's contextvars context (a new thread starts empty).
    pub ctx: Option<Value>,
}

impl Vm {
    /// `_thread.start_new_thread(func, args)`: a new lane, started on the
    /// loop's next iteration. Without a running loop it runs when the main
    /// thread blocks (a join, a sleep) or ends (`blocking.rs`).
    pub fn start_thread(&mut self, func: Value, args: Vec<Value>, name: String) -> PyResult<u64> {
        self.aio.worker_counter += 1;
        let id = MAIN_THREAD + self.aio.worker_counter;
        self.trace.push(self.clock, EventKind::WorkerState { worker: id, name: name.clone(), state: WorkerState::Started });
        self.aio.workers.push(Worker {
            id,
            name,
            func,
            args,
            frames: Vec::new(),
            started: false,
            parked: false,
            resume_value: Value::None,
            waiting_on: None,
            timeout: None,
            ctx: None,
        });
        self.aio.call_soon(Callback::RunWorker { id });
        Ok(id)
    }

    fn worker_index(&self, id: u64) -> Option<usize> {
        self.aio.workers.iter().position(|w| w.id == id)
    }

    /// The ident of the thread running now.
    pub fn current_thread_ident(&self) -> u64 {
        match self.aio.running {
            Some(Running::Worker(id)) => id,
            _ => MAIN_THREAD,
        }
    }

    pub fn thread_alive(&self, id: u64) -> bool {
        id == MAIN_THREAD || self.worker_index(id).is_some()
    }

    /// Starts or resumes a lane's frames.
    pub fn run_worker(&mut self, id: u64) -> PyResult<()> {
        let Some(i) = self.worker_index(id) else { return Ok(()) };
        self.aio.running = Some(Running::Worker(id));
        self.aio.current_worker = Some(id);
        self.trace.task = None;
        let name = self.aio.workers[i].name.clone();
        self.trace.push(self.clock, EventKind::WorkerState { worker: id, name, state: WorkerState::Running });
        let w = &mut self.aio.workers[i];
        self.aio.ctx = w.ctx.take();
        if w.started {
            w.parked = false;
            let v = std::mem::replace(&mut w.resume_value, Value::None);
            self.frames = std::mem::take(&mut w.frames);
            if self.frames.is_empty() {
                // A builtin called directly as the thread's function blocked.
                return self.worker_finished(Exec::Returned(v));
            }
            // The value of the blocking call it was parked in.
            self.push(v);
            return Ok(());
        }
        w.started = true;
        let mut func = w.func.clone();
        let mut args = std::mem::take(&mut w.args);
        // A bound method runs as its function with `self` first, so its
        // frames are the lane's own (and can park).
        let bound = match &func {
            Value::Obj(o) => match &o.payload {
                crate::value::Payload::Method(s, f) => Some((f.clone(), s.clone())),
                _ => None,
            },
            _ => None,
        };
        if let Some((f, s)) = bound {
            func = f;
            args.insert(0, s);
        }
        match self.push_call(func, args) {
            Ok(Some(v)) => self.worker_finished(Exec::Returned(v)),
            Ok(None) => Ok(()),
            Err(e) => self.worker_finished(Exec::Raised(e)),
        }
    }

    /// Takes the running lane off the VM; the caller schedules its wake-up.
    /// False when not in a lane, or inside a builtin's nested call (which
    /// cannot be suspended), so the caller blocks the program instead.
    fn park_current(&mut self, state: WorkerState) -> Option<u64> {
        let id = self.aio.current_worker?;
        let i = self.worker_index(id)?;
        if self.nested > 0 {
            return None;
        }
        let frames = std::mem::take(&mut self.frames);
        let ctx = self.aio.ctx.take();
        let w = &mut self.aio.workers[i];
        w.frames = frames;
        w.ctx = ctx;
        w.parked = true;
        let name = w.name.clone();
        self.trace.push(self.clock, EventKind::WorkerState { worker: id, name, state });
        self.aio.current_worker = None;
        Some(id)
    }

    /// `time.sleep` inside a lane: park it until `until`.
    pub fn park_worker(&mut self, until: f64) -> bool {
        let Some(id) = self.park_current(WorkerState::Sleeping { until }) else { return false };
        self.aio.call_at(until, Callback::RunWorker { id }, None);
        true
    }

    /// `_thread._wait(obj, timeout)` inside a lane: park until `notify(obj)`
    /// (the call returns True) or the timeout (it returns False).
    pub fn park_waiting(&mut self, obj: Value, what: String, timeout: Option<f64>) -> bool {
        let Some(id) = self.park_current(WorkerState::Waiting { on: what }) else { return false };
        let handle = timeout.map(|t| self.aio.call_at(self.clock + t.max(0.0), Callback::WaitTimeout { id }, None));
        if let Some(i) = self.worker_index(id) {
            self.aio.workers[i].waiting_on = Some(obj);
            self.aio.workers[i].timeout = handle;
        }
        true
    }

    /// Wakes every lane waiting on `obj`, in the order they started waiting.
    pub fn notify_waiters(&mut self, obj: &Value) {
        self.notify_main(obj);
        let mut woken = Vec::new();
        for w in &mut self.aio.workers {
            if w.waiting_on.as_ref().is_some_and(|o| o.is(obj)) {
                w.waiting_on = None;
                w.resume_value = Value::Bool(true);
                if let Some(h) = w.timeout.take() {
                    h.cancelled.set(true);
                }
                woken.push(w.id);
            }
        }
        for id in woken {
            self.aio.call_soon(Callback::RunWorker { id });
        }
    }

    /// A wait's timeout expired before a notify.
    pub fn wait_timed_out(&mut self, id: u64) -> PyResult<()> {
        let Some(i) = self.worker_index(id) else { return Ok(()) };
        if self.aio.workers[i].waiting_on.take().is_none() {
            return Ok(());
        }
        self.aio.workers[i].timeout = None;
        self.aio.workers[i].resume_value = Value::Bool(false);
        self.run_worker(id)
    }

    /// The lane's frames stopped: parked, or finished.
    pub fn worker_frames_done(&mut self, id: u64, outcome: Exec) -> PyResult<()> {
        let parked = self.worker_index(id).map(|i| self.aio.workers[i].parked).unwrap_or(true);
        self.aio.running = None;
        if parked {
            return Ok(());
        }
        self.worker_finished(outcome)
    }

    fn worker_finished(&mut self, outcome: Exec) -> PyResult<()> {
        let Some(id) = self.aio.current_worker.take() else { return Ok(()) };
        self.aio.running = None;
        self.aio.ctx = None;
        let Some(i) = self.worker_index(id) else { return Ok(()) };
        if self.aio.workers[i].parked {
            return Ok(());
        }
        let w = self.aio.workers.remove(i);
        self.trace.push(self.clock, EventKind::WorkerState { worker: id, name: w.name.clone(), state: WorkerState::Done });
        if let Exec::Raised(e) = outcome {
            if !self.exc_matches_name(&e, "SystemExit") {
                let tb = crate::report::format_exception(self, &e);
                self.write(crate::trace::Stream::Stderr, &format!("Exception in thread {}:\n{tb}", w.name));
            }
        }
        Ok(())
    }
}

/// The `_thread` module: the primitives `threading` is written on.
pub fn make_thread_module(vm: &mut Vm) -> Value {
    let (m, v) = vm.new_module("_thread");
    let fns: &[(&'static str, crate::value::BuiltinFn)] = &[
        ("start_new_thread", start_new_thread),
        ("get_ident", get_ident),
        ("_is_alive", is_alive),
        ("_wait", wait),
        ("_notify_all", notify_all),
    ];
    let mut g = m.globals.borrow_mut();
    for (name, f) in fns {
        g.set_str(name, crate::types::builtin_fn(name, *f));
    }
    g.set_str("_MAIN_THREAD", Value::Int(MAIN_THREAD as i64));
    drop(g);
    v
}

/// `start_new_thread(func, args, name)`.
fn start_new_thread(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let func = args.pos.first().cloned().unwrap_or(Value::None);
    let fargs = match args.pos.get(1) {
        Some(a) => vm.iterate(a)?,
        None => Vec::new(),
    };
    let name = match args.pos.get(2) {
        Some(n) => vm.str_of(n)?,
        None => format!("Thread-{}", vm.aio.worker_counter + 1),
    };
    let id = vm.start_thread(func, fargs, name)?;
    Ok(Value::Int(id as i64))
}

fn get_ident(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.current_thread_ident() as i64))
}

fn is_alive(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let id = match args.pos.first() {
        Some(Value::Int(i)) => *i as u64,
        _ => 0,
    };
    Ok(Value::Bool(vm.thread_alive(id)))
}

/// `_wait(obj, timeout=None, what='')`: block this thread until
/// `_notify_all(obj)`. A lane parks; the main thread blocks (the loop
/// too, if one runs) while the lanes run (`blocking.rs`).
fn wait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = args.pos.first().cloned().unwrap_or(Value::None);
    let timeout = match args.pos.get(1) {
        None | Some(Value::None) => None,
        Some(t) => match crate::vm::to_num(t) {
            Some(n) => Some(vm.float_of(&n)?),
            None => return Err(vm.type_error("timeout must be a number".into())),
        },
    };
    let what = match args.pos.get(2) {
        Some(w) => vm.str_of(w)?,
        None => vm.repr(&obj)?,
    };
    if timeout == Some(0.0) {
        return Ok(Value::Bool(false));
    }
    if vm.park_waiting(obj.clone(), what.clone(), timeout) || vm.block_main_wait(obj, &what, timeout) {
        return Ok(Value::None);
    }
    Err(vm.runtime_error(&format!(
        "cannot wait for {what} here: inside a builtin's callback the thread cannot block"
    )))
}

fn notify_all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = args.pos.first().cloned().unwrap_or(Value::None);
    vm.notify_waiters(&obj);
    Ok(Value::None)
}

impl Vm {
    /// Values of an iterable (for `start_new_thread`'s args tuple).
    fn iterate(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::Tuple(t) => Ok(t.to_vec()),
            Value::List(l) => Ok(l.borrow().clone()),
            _ => Err(self.type_error("2nd arg must be a tuple".into())),
        }
    }
}

/// The `_contextvars` module: the current context's storage, which the
/// Python `contextvars` module reads and replaces.
pub fn make_contextvars_module(vm: &mut Vm) -> Value {
    let (m, v) = vm.new_module("_contextvars");
    let mut g = m.globals.borrow_mut();
    g.set_str("_get", crate::types::builtin_fn("_get", ctx_get));
    g.set_str("_set", crate::types::builtin_fn("_set", ctx_set));
    drop(g);
    v
}

fn ctx_get(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.aio.ctx.clone().unwrap_or(Value::None))
}

fn ctx_set(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.aio.ctx = args.pos.first().cloned().filter(|v| !v.is_none());
    Ok(Value::None)
}
