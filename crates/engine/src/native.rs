//! Objects implemented in Rust that are not core types: async-generator
//! awaitables and the hooks module objects (deque, ...) plug into.

use crate::value::{Payload, Value};
use crate::vm::{PyResult, Vm};

/// Data of Rust-implemented helper objects.
pub enum NativeData {
    /// A value yielded by an async generator's `yield` (as opposed to one
    /// yielded by an `await` inside it).
    AsyncGenWrapped(Value),
    /// The awaitable returned by `agen.__anext__()` / `agen.asend(v)`.
    ASend { gen: std::rc::Rc<crate::value::Obj>, value: Value, started: bool },
    /// The awaitable returned by `agen.athrow(e)` / `agen.aclose()`.
    AThrow { gen: std::rc::Rc<crate::value::Obj>, exc: Value, close: bool, started: bool },
    /// An `asyncio.Future`.
    Future(Box<crate::asyncio::futures::FutureCore>),
    /// An `asyncio.Task`.
    Task(Box<crate::asyncio::tasks::TaskCore>),
    /// The iterator behind `await future`. Standing in for a whole
    /// `sleep(delay)` coroutine (`sleep_awaited`), it also does what that
    /// coroutine would do once its future is done or something is thrown
    /// in ([`SleepRest`]).
    FutureIter { fut: Value, yielded: bool, sleep: Option<Box<SleepRest>> },
    /// The awaitable behind `sleep(0)`: one bare yield. Standing in for a
    /// whole `sleep(0)` coroutine (`sleep_awaited`), it carries the line
    /// that coroutine would add to a traceback thrown through it.
    YieldOnce { done: bool, stands_for: Option<crate::value::TbEntry> },
    /// A loop callback handle: `Handle` from `call_soon`, `TimerHandle`
    /// from `call_later`/`call_at`.
    Handle(crate::asyncio::events::Handle),
    /// A `collections.deque`.
    Deque(crate::modules::deque::DequeData),
}

/// The rest of a `sleep(delay)` coroutine whose `await future` a
/// `FutureIter` stands in for: `finally: h.cancel()`, and the line of that
/// await in the traceback of whatever leaves it.
pub struct SleepRest {
    pub line: crate::value::TbEntry,
    pub timer_cancelled: std::rc::Rc<std::cell::Cell<bool>>,
}

impl SleepRest {
    /// The coroutine ends: its timer is cancelled (harmless once it has
    /// fired), and an exception leaving it gets its line.
    pub fn finish(&self, exc: Option<&Value>) {
        self.timer_cancelled.set(true);
        if let Some(e) = exc {
            add_traceback_line(e, &self.line);
        }
    }
}

/// An exception passing through a coroutine that a native awaitable
/// stands in for gets that coroutine's line, as if it had run.
pub fn add_traceback_line(exc: &Value, line: &crate::value::TbEntry) {
    if let Some(d) = exc.as_obj().and_then(|o| o.exc()) {
        d.borrow_mut().traceback.push(line.clone());
    }
}

pub fn unwrap_agen_value(v: &Value) -> Option<Value> {
    let o = v.as_obj()?;
    match &o.payload {
        Payload::Native(n) => match &*n.borrow() {
            NativeData::AsyncGenWrapped(inner) => Some(inner.clone()),
            _ => None,
        },
        _ => None,
    }
}

pub fn native_attr(_vm: &mut Vm, _obj: &Value, _name: &str) -> PyResult<Option<Value>> {
    Ok(None)
}

pub fn native_repr(_vm: &mut Vm, _obj: &Value) -> PyResult<Option<String>> {
    Ok(None)
}

pub fn native_iter(_vm: &mut Vm, _obj: &Value) -> PyResult<Option<Value>> {
    Ok(None)
}

pub fn native_next(vm: &mut Vm, obj: &Value) -> PyResult<Option<Value>> {
    let t = vm.type_name(obj);
    Err(vm.type_error(format!("'{t}' object is not an iterator")))
}

pub fn native_getitem(_vm: &mut Vm, _obj: &Value, _idx: &Value) -> PyResult<Option<Value>> {
    Ok(None)
}

pub fn native_setitem(_vm: &mut Vm, _obj: &Value, _idx: &Value, _v: &Value) -> PyResult<bool> {
    Ok(false)
}

pub fn native_delitem(_vm: &mut Vm, _obj: &Value, _idx: &Value) -> PyResult<bool> {
    Ok(false)
}
