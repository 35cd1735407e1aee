//! `asyncio.Future`: a result that arrives later, with done callbacks
//! scheduled through the loop in registration order (CPython's
//! `futures.py` semantics).

use std::cell::RefCell;
use std::rc::Rc;

use super::events::Callback;
use crate::native::NativeData;
use crate::value::{Obj, Payload, Value};
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FutState {
    Pending,
    Cancelled,
    Finished,
}

impl FutState {
    pub fn name(self) -> &'static str {
        match self {
            FutState::Pending => "PENDING",
            FutState::Cancelled => "CANCELLED",
            FutState::Finished => "FINISHED",
        }
    }
}

/// The state of a Future (Tasks embed one).
pub struct FutureCore {
    pub state: FutState,
    pub result: Value,
    pub exception: Option<Value>,
    pub callbacks: Vec<Value>,
    pub cancel_message: Option<Value>,
    /// The CancelledError a task's coroutine raised; handed out once by
    /// `_make_cancelled_error` (then a fresh one is made), as in CPython.
    pub cancelled_exc: Option<Value>,
    /// `_asyncio_future_blocking`: set while a Task waits on it.
    pub blocking: bool,
    /// Whether anyone looked at the exception (for "never retrieved").
    pub retrieved: bool,
    /// What a task awaiting this future waits on, for the trace (set by
    /// the Python side with `_wait_tag`), and the task that created it.
    pub purpose: Option<crate::trace::WaitOn>,
    pub owner: Option<u64>,
    /// Debug mode: where it was created (`_source_traceback`).
    pub source_tb: Option<super::debug::SourceTb>,
}

impl FutureCore {
    pub fn new() -> FutureCore {
        FutureCore {
            state: FutState::Pending,
            result: Value::None,
            exception: None,
            callbacks: Vec::new(),
            cancel_message: None,
            cancelled_exc: None,
            blocking: false,
            retrieved: false,
            purpose: None,
            owner: None,
            source_tb: None,
        }
    }
}

impl Default for FutureCore {
    fn default() -> Self {
        FutureCore::new()
    }
}

/// Runs `f` on the future core of a Future or Task object.
pub fn with_core<R>(v: &Value, f: impl FnOnce(&mut FutureCore) -> R) -> Option<R> {
    let o = v.as_obj()?;
    let Payload::Native(n) = &o.payload else { return None };
    let mut n = n.borrow_mut();
    match &mut *n {
        NativeData::Future(core) => Some(f(core)),
        NativeData::Task(t) => Some(f(&mut t.fut)),
        _ => None,
    }
}

pub fn is_future(v: &Value) -> bool {
    with_core(v, |_| ()).is_some()
}

impl Vm {
    pub fn new_future(&mut self) -> Value {
        let cls = self.aio_types().future.clone();
        self.new_future_of(cls)
    }

    /// A pending future whose class is `cls` (Future or a subclass).
    pub fn new_future_of(&mut self, cls: Rc<crate::value::Class>) -> Value {
        let mut core = FutureCore::new();
        core.source_tb = self.debug_source_tb();
        Value::Obj(Rc::new(Obj::new(cls, Payload::Native(RefCell::new(NativeData::Future(Box::new(core)))))))
    }

    /// Schedules the done callbacks (each via call_soon, in order).
    pub fn fut_schedule_callbacks(&mut self, fut: &Value) {
        let cbs = with_core(fut, |c| std::mem::take(&mut c.callbacks)).unwrap_or_default();
        for cb in cbs {
            // A task waiting on this future is ready to run again.
            if let Value::Builtin(b) = &cb {
                if let (Some(task), true) = (&b.bound, b.name == "task_wakeup") {
                    self.trace_task_ready(task);
                }
            }
            let source = self.debug_source_tb();
            self.aio.soon(Callback::Call { func: cb, args: vec![fut.clone()] }, source);
        }
    }

    pub fn fut_set_result(&mut self, fut: &Value, v: Value) -> PyResult<()> {
        let st = with_core(fut, |c| c.state).unwrap_or(FutState::Finished);
        if st != FutState::Pending {
            return Err(self.aio_error("InvalidStateError", "invalid state"));
        }
        with_core(fut, |c| {
            c.result = v;
            c.state = FutState::Finished;
        });
        self.fut_schedule_callbacks(fut);
        Ok(())
    }

    pub fn fut_set_exception(&mut self, fut: &Value, exc: Value) -> PyResult<()> {
        let st = with_core(fut, |c| c.state).unwrap_or(FutState::Finished);
        if st != FutState::Pending {
            return Err(self.aio_error("InvalidStateError", "invalid state"));
        }
        let exc = match &exc {
            Value::Class(_) => self.call(exc.clone(), vec![])?,
            _ => exc,
        };
        if self.exc_matches_name(&exc, "StopIteration") {
            let new = self.new_error("RuntimeError", "StopIteration interacts badly with generators and cannot be raised into a Future");
            if let Some(d) = new.as_obj().and_then(|o| o.exc()) {
                d.borrow_mut().cause = Some(exc.clone());
                d.borrow_mut().context = Some(exc.clone());
            }
            with_core(fut, |c| {
                c.exception = Some(new);
                c.state = FutState::Finished;
            });
        } else {
            with_core(fut, |c| {
                c.exception = Some(exc);
                c.state = FutState::Finished;
            });
        }
        self.fut_schedule_callbacks(fut);
        Ok(())
    }

    /// `Future.cancel(msg)`.
    pub fn fut_cancel(&mut self, fut: &Value, msg: Option<Value>) -> bool {
        let ok = with_core(fut, |c| {
            if c.state != FutState::Pending {
                return false;
            }
            c.state = FutState::Cancelled;
            c.cancel_message = msg;
            true
        })
        .unwrap_or(false);
        if ok {
            self.fut_schedule_callbacks(fut);
        }
        ok
    }

    /// `_make_cancelled_error()`: the coroutine's own CancelledError the
    /// first time, afterwards a new one carrying the cancel message.
    pub fn make_cancelled_error(&mut self, fut: &Value) -> Value {
        let (exc, msg) = with_core(fut, |c| (c.cancelled_exc.take(), c.cancel_message.clone())).unwrap_or((None, None));
        match exc {
            Some(e) => {
                self.reraising = false;
                e
            }
            None => self.cancelled_error(msg),
        }
    }

    pub fn cancelled_error(&mut self, msg: Option<Value>) -> Value {
        let e = self.aio_error("CancelledError", "");
        if let (Some(m), Some(d)) = (msg, e.as_obj().and_then(|o| o.exc())) {
            if !m.is_none() {
                d.borrow_mut().args = vec![m];
            }
        }
        e
    }

    /// `Future.result()`.
    pub fn fut_result(&mut self, fut: &Value) -> PyResult<Value> {
        let (st, res, exc) = with_core(fut, |c| {
            c.retrieved = true;
            (c.state, c.result.clone(), c.exception.clone())
        })
        .unwrap_or((FutState::Pending, Value::None, None));
        match st {
            FutState::Cancelled => Err(self.make_cancelled_error(fut)),
            FutState::Pending => Err(self.aio_error("InvalidStateError", "Result is not set.")),
            FutState::Finished => match exc {
                Some(e) => {
                    self.reraising = false;
                    Err(e)
                }
                None => Ok(res),
            },
        }
    }

    /// `Future.exception()`.
    pub fn fut_exception(&mut self, fut: &Value) -> PyResult<Value> {
        let (st, exc) = with_core(fut, |c| {
            c.retrieved = true;
            (c.state, c.exception.clone())
        })
        .unwrap_or((FutState::Pending, None));
        match st {
            FutState::Cancelled => Err(self.make_cancelled_error(fut)),
            FutState::Pending => Err(self.aio_error("InvalidStateError", "Exception is not set.")),
            FutState::Finished => Ok(exc.unwrap_or(Value::None)),
        }
    }

    pub fn fut_add_done_callback(&mut self, fut: &Value, cb: Value) {
        let pending = with_core(fut, |c| {
            if c.state == FutState::Pending {
                c.callbacks.push(cb.clone());
                true
            } else {
                false
            }
        })
        .unwrap_or(false);
        if !pending {
            self.aio.call_soon(Callback::Call { func: cb, args: vec![fut.clone()] });
        }
    }
}
