//! `asyncio.Task`: drives a coroutine one step at a time, exactly as
//! CPython's `Task.__step` does — send (or throw) into the coroutine; a
//! yielded Future gets the task's wakeup as a done callback; a bare yield
//! reschedules the task; StopIteration sets the result.
//!
//! A step does not run the coroutine in Rust: it pushes the coroutine's
//! frame and lets the VM run it (pausable like any code). When the frames
//! finish, [`Vm::task_step_finished`] applies the outcome.

use std::cell::RefCell;
use std::rc::Rc;

use super::events::{Callback, Running};
use super::futures::{with_core, FutState, FutureCore};
use crate::native::NativeData;
use crate::value::{Builtin, Obj, Payload, Value};
use crate::vm::{Exec, PyResult, Resume, ResumeWith, Vm};

/// A task's own state next to its future part.
pub struct TaskCore {
    pub fut: FutureCore,
    pub coro: Value,
    pub name: Value,
    /// The future this task waits on (`_fut_waiter`).
    pub waiter: Option<Value>,
    pub must_cancel: bool,
    pub cancel_msg: Option<Value>,
    pub num_cancels_requested: u32,
    pub id: u64,
    /// The task's contextvars context (the creator's, as copied).
    pub ctx: Option<Value>,
    /// The deadline of the innermost active `timeout()` (for the trace).
    pub deadline: Option<f64>,
}

thread_local! {
    /// Tasks that died holding an exception nobody retrieved (their state,
    /// moved out); the VM reports "Task exception was never retrieved" for
    /// each at its next safe point (CPython does when the task is
    /// garbage collected).
    static UNRETRIEVED: RefCell<Vec<Box<TaskCore>>> = const { RefCell::new(Vec::new()) };
}

impl Drop for TaskCore {
    fn drop(&mut self) {
        if self.fut.state == FutState::Finished && !self.fut.retrieved && self.fut.exception.is_some() && crate::generator::reporting() {
            let core = TaskCore {
                fut: std::mem::take(&mut self.fut),
                coro: std::mem::replace(&mut self.coro, Value::None),
                name: std::mem::replace(&mut self.name, Value::None),
                waiter: None,
                must_cancel: false,
                cancel_msg: None,
                num_cancels_requested: self.num_cancels_requested,
                id: self.id,
                ctx: None,
                deadline: None,
            };
            UNRETRIEVED.with(|u| u.borrow_mut().push(Box::new(core)));
            crate::generator::note_collected();
        }
    }
}

/// Takes the dead tasks whose exception was never retrieved.
pub fn take_unretrieved() -> Vec<Box<TaskCore>> {
    UNRETRIEVED.with(|u| std::mem::take(&mut *u.borrow_mut()))
}

pub fn with_task<R>(v: &Value, f: impl FnOnce(&mut TaskCore) -> R) -> Option<R> {
    let o = v.as_obj()?;
    let Payload::Native(n) = &o.payload else { return None };
    let mut n = n.borrow_mut();
    match &mut *n {
        NativeData::Task(t) => Some(f(t)),
        _ => None,
    }
}

pub fn is_task(v: &Value) -> bool {
    with_task(v, |_| ()).is_some()
}

impl Vm {
    /// `loop.create_task(coro, name=...)`: the first step is scheduled now.
    pub fn create_task(&mut self, coro: Value, name: Option<Value>) -> PyResult<Value> {
        let is_coro = self
            .as_gen(&coro)
            .map(|g| matches!(&g.payload, Payload::Gen(st) if st.borrow().kind == crate::bytecode::CodeKind::Coroutine))
            .unwrap_or(false);
        if !is_coro {
            let r = self.repr(&coro)?;
            return Err(self.type_error(format!("a coroutine was expected, got {r}")));
        }
        let name = match name {
            Some(n) if !n.is_none() => Value::string(self.str_of(&n)?),
            _ => {
                self.aio.task_counter += 1;
                Value::string(format!("Task-{}", self.aio.task_counter))
            }
        };
        self.aio.task_ids += 1;
        let id = self.aio.task_ids;
        let mut fut = FutureCore::new();
        fut.source_tb = self.debug_source_tb();
        let core = TaskCore {
            fut,
            coro,
            name,
            waiter: None,
            must_cancel: false,
            cancel_msg: None,
            num_cancels_requested: 0,
            id,
            ctx: self.aio.ctx.clone(),
            deadline: None,
        };
        let cls = self.aio_types().task.clone();
        let task = Value::Obj(Rc::new(Obj::new(cls, Payload::Native(RefCell::new(NativeData::Task(Box::new(core)))))));
        if let Value::Obj(o) = &task {
            self.aio.tasks.push(Rc::downgrade(o));
        }
        self.aio.call_soon(Callback::Step { task: task.clone(), exc: None });
        self.trace_task_created(&task);
        Ok(task)
    }

    /// `Task.cancel(msg)`.
    pub fn task_cancel(&mut self, task: &Value, msg: Option<Value>) -> bool {
        let (done, waiter) = with_task(task, |t| (t.fut.state != FutState::Pending, t.waiter.clone())).unwrap_or((true, None));
        if done {
            return false;
        }
        with_task(task, |t| t.num_cancels_requested += 1);
        self.trace_cancel_requested(task);
        if let Some(w) = waiter {
            let cancelled = if is_task(&w) { self.task_cancel(&w, msg.clone()) } else { self.fut_cancel(&w, msg.clone()) };
            if cancelled {
                return true;
            }
        }
        with_task(task, |t| {
            t.must_cancel = true;
            t.cancel_msg = msg;
        });
        true
    }

    /// Starts one step: pushes the coroutine frame (or finishes at once).
    pub fn task_step_start(&mut self, task: Value, exc: Option<Value>) -> PyResult<()> {
        let done = with_task(&task, |t| t.fut.state != FutState::Pending).unwrap_or(true);
        if done {
            let r = self.repr(&task)?;
            let e = exc.map(|e| self.repr(&e)).transpose()?.unwrap_or_else(|| "None".into());
            return Err(self.aio_error("InvalidStateError", &format!("_step(): already done: {r}, {e}")));
        }
        let mut exc = exc;
        let must = with_task(&task, |t| {
            let m = t.must_cancel;
            t.must_cancel = false;
            t.waiter = None;
            (m, t.cancel_msg.clone())
        });
        if let Some((true, msg)) = must {
            if exc.as_ref().map(|e| !self.exc_matches_aio(e, "CancelledError")).unwrap_or(true) {
                exc = Some(self.cancelled_error(msg));
            }
        }
        let coro = with_task(&task, |t| t.coro.clone()).unwrap_or(Value::None);
        let Some(g) = self.as_gen(&coro) else {
            return Err(self.type_error("task coroutine is not a coroutine".into()));
        };
        self.aio.current_task = Some(task.clone());
        let ctx = with_task(&task, |t| t.ctx.take()).flatten();
        self.aio.program_ctx = std::mem::replace(&mut self.aio.ctx, ctx);
        self.trace.task = with_task(&task, |t| t.id);
        self.aio.running = Some(Running::TaskStep(task.clone()));
        self.trace_task_running(&task);
        let depth = self.frames.len();
        let with = match exc {
            Some(e) => ResumeWith::Throw(e),
            None => ResumeWith::Send(Value::None),
        };
        if let Err(e) = self.resume_gen(&g, with, Resume::Host) {
            let outcome = if self.frames.len() > depth {
                // Raised inside the resumed frame: unwind there first.
                match self.raise_in_top(e) {
                    Some(done) => done,
                    None => return Ok(()),
                }
            } else {
                Exec::Raised(e)
            };
            self.task_step_finished(&task, outcome)?;
        }
        Ok(())
    }

    /// Applies the outcome of a step (the rest of `Task.__step`).
    pub fn task_step_finished(&mut self, task: &Value, outcome: Exec) -> PyResult<()> {
        self.aio.current_task = None;
        let ctx = std::mem::replace(&mut self.aio.ctx, self.aio.program_ctx.take());
        with_task(task, |t| t.ctx = ctx);
        self.trace.task = None;
        self.aio.running = None;
        match outcome {
            Exec::Returned(v) => {
                let must = with_task(task, |t| (t.must_cancel, t.cancel_msg.clone()));
                match must {
                    Some((true, msg)) => {
                        with_task(task, |t| t.must_cancel = false);
                        self.fut_cancel(task, msg);
                    }
                    _ => self.fut_set_result(task, v)?,
                }
            }
            Exec::Raised(e) => {
                if self.exc_matches_aio(&e, "CancelledError") {
                    with_core(task, |c| c.cancelled_exc = Some(e));
                    self.fut_cancel(task, None);
                } else if self.exc_matches_name(&e, "KeyboardInterrupt") || self.exc_matches_name(&e, "SystemExit") {
                    self.fut_set_exception(task, e.clone())?;
                    // It propagates out of the loop: that is its retrieval.
                    with_core(task, |c| c.retrieved = true);
                    self.trace_task_state(task);
                    return Err(e);
                } else {
                    self.fut_set_exception(task, e)?;
                }
            }
            Exec::Yielded(y) => self.task_handle_yield(task, y)?,
            Exec::Paused => {}
        }
        self.trace_task_state(task);
        Ok(())
    }

    fn task_handle_yield(&mut self, task: &Value, y: Value) -> PyResult<()> {
        if super::futures::is_future(&y) {
            let blocking = with_core(&y, |c| c.blocking).unwrap_or(false);
            if !blocking {
                let (tr, yr) = (self.repr(task)?, self.repr(&y)?);
                let e = self.runtime_error(&format!("yield was used instead of yield from in task {tr} with {yr}"));
                self.aio.call_soon(Callback::Step { task: task.clone(), exc: Some(e) });
                return Ok(());
            }
            if y.is(task) {
                let tr = self.repr(task)?;
                let e = self.runtime_error(&format!("Task cannot await on itself: {tr}"));
                self.aio.call_soon(Callback::Step { task: task.clone(), exc: Some(e) });
                return Ok(());
            }
            with_core(&y, |c| c.blocking = false);
            let wakeup = Value::Builtin(Rc::new(Builtin {
                name: "task_wakeup",
                func: super::module::task_wakeup,
                bound: Some(task.clone()),
                owner: Some("Task"),
            }));
            self.fut_add_done_callback(&y, wakeup);
            with_task(task, |t| t.waiter = Some(y.clone()));
            if self.trace.recording() {
                self.trace_task_waiting(task, &y);
            }
            let must = with_task(task, |t| (t.must_cancel, t.cancel_msg.clone()));
            if let Some((true, msg)) = must {
                let ok = if is_task(&y) { self.task_cancel(&y, msg) } else { self.fut_cancel(&y, msg) };
                if ok {
                    with_task(task, |t| t.must_cancel = false);
                }
            }
            return Ok(());
        }
        if y.is_none() {
            // A bare `yield` (sleep(0)): run again on the next iteration.
            self.aio.call_soon(Callback::Step { task: task.clone(), exc: None });
            self.trace_task_ready(task);
            return Ok(());
        }
        let yr = self.repr(&y)?;
        let e = self.runtime_error(&format!("Task got bad yield: {yr}"));
        self.aio.call_soon(Callback::Step { task: task.clone(), exc: Some(e) });
        Ok(())
    }

    pub fn exc_matches_aio(&self, e: &Value, name: &str) -> bool {
        let Some(t) = &self.aio.types else { return false };
        let cls = match name {
            "CancelledError" => &t.cancelled_error,
            _ => &t.invalid_state_error,
        };
        matches!(e, Value::Obj(o) if o.class.is_subclass(cls))
    }
}
