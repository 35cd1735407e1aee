//! The `asyncio` module object: the Rust core (run, Future, Task, the
//! loop object) plus the Python part in `modules/py/asyncio.py`.

use std::cell::RefCell;
use std::rc::Rc;

use super::events::{AioTypes, Callback};
use super::futures::{with_core, FutState};
use super::tasks::{is_task, with_task};
use crate::namemap::NameMap;
use crate::native::NativeData;
use crate::types::{add_method, builtin_fn, new_class};
use crate::bytecode::{AwaitFast, Code, Op, Shortcut};
use crate::value::{Args, Class, Layout, Obj, Payload, TbEntry, Value};
use crate::vm::{IterStep, PyResult, Vm};

fn class(name: &str, module: &str, base: Rc<Class>, layout: Layout) -> Rc<Class> {
    new_class(name, module, vec![base], NameMap::new(), layout).unwrap_or_else(|_| crate::types::code_class())
}

impl Vm {
    /// The asyncio classes (created on first use).
    pub fn aio_types(&mut self) -> &AioTypes {
        let types = &self.types;
        self.aio.types.get_or_insert_with(|| {
            let obj = types.object.clone();
            let future = class("Future", "_asyncio", obj.clone(), Layout::Other);
            let task = class("Task", "_asyncio", future.clone(), Layout::Other);
            let plain_handle = class("Handle", "asyncio.events", obj.clone(), Layout::Other);
            let t = AioTypes {
                future,
                task,
                handle: class("TimerHandle", "asyncio.events", plain_handle.clone(), Layout::Other),
                plain_handle,
                event_loop: class("_UnixSelectorEventLoop", "asyncio.unix_events", obj.clone(), Layout::Other),
                future_iter: class("FutureIter", "_asyncio", obj, Layout::Other),
                cancelled_error: class("CancelledError", "asyncio.exceptions", types.exc("BaseException"), Layout::Exception),
                invalid_state_error: class("InvalidStateError", "asyncio.exceptions", types.exc("Exception"), Layout::Exception),
            };
            install_methods(&t);
            t
        })
    }

    /// An exception of one of asyncio's own classes.
    pub fn aio_error(&mut self, name: &str, msg: &str) -> Value {
        let cls = match name {
            "CancelledError" => self.aio_types().cancelled_error.clone(),
            _ => self.aio_types().invalid_state_error.clone(),
        };
        let v = self.alloc_instance(&cls);
        if !msg.is_empty() {
            if let Some(d) = v.as_obj().and_then(|o| o.exc()) {
                d.borrow_mut().args = vec![Value::str(msg)];
            }
        }
        v
    }

    pub(crate) fn loop_object(&mut self) -> Value {
        if let Some(l) = &self.aio.loop_obj {
            return l.clone();
        }
        let cls = self.aio_types().event_loop.clone();
        let o = Obj::new(cls, Payload::None);
        o.dict.borrow_mut().set_str("slow_callback_duration", Value::Float(super::debug::SLOW_CALLBACK_DURATION));
        let l = Value::Obj(Rc::new(o));
        self.aio.loop_obj = Some(l.clone());
        l
    }
}

fn install_methods(t: &AioTypes) {
    let f = &t.future;
    add_method(f, "__init__", "Future", future_init);
    add_method(f, "result", "Future", fut_result);
    add_method(f, "exception", "Future", fut_exception);
    add_method(f, "done", "Future", fut_done);
    add_method(f, "cancelled", "Future", fut_cancelled);
    add_method(f, "cancel", "Future", fut_cancel);
    add_method(f, "set_result", "Future", fut_set_result);
    add_method(f, "set_exception", "Future", fut_set_exception);
    add_method(f, "add_done_callback", "Future", fut_add_done_callback);
    add_method(f, "remove_done_callback", "Future", fut_remove_done_callback);
    add_method(f, "get_loop", "Future", fut_get_loop);
    add_method(f, "__await__", "Future", fut_await);
    add_method(f, "__iter__", "Future", fut_await);
    add_method(f, "__repr__", "Future", fut_repr);
    add_method(f, "_make_cancelled_error", "Future", fut_make_cancelled_error);
    let tk = &t.task;
    add_method(tk, "cancel", "Task", task_cancel);
    add_method(tk, "get_name", "Task", task_get_name);
    add_method(tk, "set_name", "Task", task_set_name);
    add_method(tk, "get_coro", "Task", task_get_coro);
    add_method(tk, "cancelling", "Task", task_cancelling);
    add_method(tk, "uncancel", "Task", task_uncancel);
    add_method(tk, "__repr__", "Task", fut_repr);
    let it = &t.future_iter;
    add_method(it, "__next__", "FutureIter", futiter_next);
    add_method(it, "send", "FutureIter", futiter_send);
    add_method(it, "throw", "FutureIter", futiter_throw);
    add_method(it, "__iter__", "FutureIter", ident);
    add_method(it, "__await__", "FutureIter", ident);
    let h = &t.plain_handle;
    add_method(h, "cancel", "Handle", handle_cancel);
    add_method(h, "cancelled", "Handle", handle_cancelled);
    add_method(h, "__repr__", "Handle", handle_repr);
    add_method(&t.handle, "when", "TimerHandle", handle_when);
    let l = &t.event_loop;
    add_method(l, "time", "loop", loop_time);
    add_method(l, "create_future", "loop", loop_create_future);
    add_method(l, "create_task", "loop", loop_create_task);
    add_method(l, "call_soon", "loop", loop_call_soon);
    // Threads are lanes interleaved with loop callbacks, so a callback
    // from another thread simply joins the ready queue.
    add_method(l, "call_soon_threadsafe", "loop", loop_call_soon);
    add_method(l, "call_later", "loop", loop_call_later);
    add_method(l, "call_at", "loop", loop_call_at);
    add_method(l, "is_running", "loop", loop_is_running);
    add_method(l, "stop", "loop", stop_loop);
    add_method(l, "get_debug", "loop", loop_get_debug);
    add_method(l, "set_debug", "loop", loop_set_debug);
    add_method(l, "set_exception_handler", "loop", loop_set_exception_handler);
    add_method(l, "get_exception_handler", "loop", loop_get_exception_handler);
    add_method(l, "call_exception_handler", "loop", loop_call_exception_handler);
    add_method(l, "default_exception_handler", "loop", loop_default_exception_handler);
}

/// `Future(*, loop=None)` called as a class. A subclass's own `__init__`
/// runs on the new future (it calls `super().__init__()` as with CPython's).
fn future_ctor(vm: &mut Vm, cls: Rc<Class>, args: Args) -> PyResult<Value> {
    let fut = vm.new_future_of(cls.clone());
    match cls.lookup("__init__").filter(|i| !matches!(i, Value::Builtin(_))) {
        Some(own) => vm.run_init(own, &fut, args.pos, args.kw)?,
        None => {
            let mut pos = Vec::with_capacity(args.pos.len() + 1);
            pos.push(fut.clone());
            pos.extend(args.pos);
            future_init(vm, Args { pos, kw: args.kw })?;
        }
    }
    Ok(fut)
}

/// `Future.__init__(self, *, loop=None)`: there is one loop, so it only
/// checks the arguments.
fn future_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() > 1 {
        return Err(vm.type_error("Future() takes no positional arguments".into()));
    }
    if let Some((k, _)) = args.kw.iter().find(|(k, _)| &**k != "loop") {
        return Err(vm.type_error(format!("Future() got an unexpected keyword argument '{k}'")));
    }
    Ok(Value::None)
}

/// `Task(coro, *, loop=None, name=None, context=None, eager_start=False)`
/// called as a class: `create_task` by another name.
fn task_ctor(vm: &mut Vm, _cls: Rc<Class>, args: Args) -> PyResult<Value> {
    const KEYWORDS: [&str; 5] = ["coro", "loop", "name", "context", "eager_start"];
    if let Some((k, _)) = args.kw.iter().find(|(k, _)| !KEYWORDS.contains(&&**k)) {
        return Err(vm.type_error(format!("Task() got an unexpected keyword argument '{k}'")));
    }
    if !loop_here(vm) {
        return Err(no_loop(vm));
    }
    let coro = args.get(0, "coro").cloned().unwrap_or(Value::None);
    let name = args.kw("name").cloned();
    vm.create_task(coro, name)
}

/// Adds the Rust core's names to the `asyncio` module's globals.
pub fn populate(vm: &mut Vm, g: &mut NameMap) {
    let (future, task) = {
        let t = vm.aio_types();
        (t.future.id, t.task.id)
    };
    vm.types.ctors.insert(future, future_ctor);
    vm.types.ctors.insert(task, task_ctor);
    let t = vm.aio_types();
    g.set_str("Future", Value::Class(t.future.clone()));
    g.set_str("Task", Value::Class(t.task.clone()));
    g.set_str("CancelledError", Value::Class(t.cancelled_error.clone()));
    g.set_str("InvalidStateError", Value::Class(t.invalid_state_error.clone()));
    g.set_str("TimeoutError", Value::Class(vm.types.exc("TimeoutError")));
    let fns: [(&'static str, crate::value::BuiltinFn); 22] = [
        ("_extract_stack", extract_stack),
        ("_source_traceback", source_traceback),
        ("_format_callbacks", format_callbacks),
        ("_reprlib_repr", reprlib_repr),
        ("_is_async_def", is_async_def),
        ("_close_loop", close_loop),
        ("_shutdown", shutdown),
        ("set_event_loop", set_event_loop),
        ("_policy_loop", policy_loop),
        ("_discard_scheduled", discard_scheduled),
        ("_warn", warn),
        ("run", run),
        ("create_task", create_task),
        ("get_running_loop", get_running_loop),
        ("get_event_loop", get_running_loop),
        ("current_task", current_task),
        ("all_tasks", all_tasks),
        ("iscoroutine", iscoroutine),
        ("isfuture", isfuture),
        ("_sleep0", sleep0),
        ("_await_fast", await_fast),
        ("_set_result_unless_cancelled", set_result_unless_cancelled),
    ];
    for (n, f) in fns {
        g.set_str(n, builtin_fn(n, f));
    }
    super::tracing::populate(g);
    super::queues::populate(g);
}

/// `format_helpers.extract_stack()` in debug mode (None otherwise), as
/// `FrameSummary` objects.
fn extract_stack(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    match vm.debug_source_tb() {
        Some(tb) => vm.frame_summaries(&tb),
        None => Ok(Value::None),
    }
}

/// `Future._source_traceback` / `Task._source_traceback`.
fn source_traceback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match with_core(&this(&args), |c| c.source_tb.clone()).flatten() {
        Some(tb) => vm.frame_summaries(&tb),
        None => Ok(Value::None),
    }
}

/// `base_futures._format_callbacks` for a Python future (a string stands
/// for itself).
fn format_callbacks(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cbs = vm.collect(&this(&args))?;
    Ok(Value::string(vm.format_callbacks(&cbs)))
}

fn reprlib_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::string(vm.reprlib_repr(&this(&args))))
}

fn ident(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

fn this(args: &Args) -> Value {
    args.pos.first().cloned().unwrap_or(Value::None)
}

fn no_loop(vm: &mut Vm) -> Value {
    vm.runtime_error("no running event loop")
}

/// Whether the loop runs in this thread (worker lanes have no loop).
fn loop_here(vm: &Vm) -> bool {
    vm.aio.active && vm.aio.current_worker.is_none()
}

/// `asyncio.run(coro, *, debug=None)`; with `_runner`, `Runner.run()`;
/// with `_until_complete`, `loop.run_until_complete()`, whose argument may
/// also be a future or task; with `_forever` too, `loop.run_forever()`
/// (no argument: the loop runs until `loop.stop()`).
fn run(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if vm.aio.active {
        return Err(vm.runtime_error("asyncio.run() cannot be called from a running event loop"));
    }
    let coro = args.get(0, "main").cloned().unwrap_or(Value::None);
    let is_coro = vm
        .as_gen(&coro)
        .map(|g| matches!(&g.payload, Payload::Gen(st) if st.borrow().kind == crate::bytecode::CodeKind::Coroutine))
        .unwrap_or(false);
    let until_complete = args.kw("_until_complete").is_some();
    let forever = args.kw("_forever").is_some();
    if !is_coro && !forever && !(until_complete && super::futures::is_future(&coro)) {
        let r = vm.repr(&coro)?;
        return Err(vm.value_error(format!("a coroutine was expected, got {r}")));
    }
    if vm.nested > 0 {
        return Err(vm.runtime_error("asyncio.run() cannot be called from inside a callback of a builtin"));
    }
    // `asyncio.run` makes a new loop (debug off unless asked); a Runner
    // keeps its loop, and with it a `loop.set_debug()` made before.
    let runner = args.kw("_runner").is_some() || until_complete;
    if !runner {
        vm.aio.debug = false;
        vm.aio.exception_handler = None;
        let lp = vm.loop_object();
        if let Some(o) = lp.as_obj() {
            o.dict.borrow_mut().set_str("slow_callback_duration", Value::Float(super::debug::SLOW_CALLBACK_DURATION));
        }
    }
    if let Some(d) = args.kw("debug").filter(|d| !d.is_none()) {
        vm.aio.debug = vm.truthy(d)?;
    }
    vm.aio.active = true;
    vm.aio.close_at_end = !runner;
    vm.aio.keep_leftovers = until_complete;
    // A stop() made before run_forever() ends it after one iteration.
    vm.aio.stopping &= forever;
    vm.aio.shutdown = None;
    vm.aio.main_task = if forever {
        None
    } else {
        let main = if is_coro { vm.create_task(coro, None)? } else { coro };
        let stop = builtin_fn("_run_until_complete_cb", stop_loop);
        vm.fut_add_done_callback(&main, stop);
        Some(main)
    };
    park_caller(vm);
    Ok(Value::None)
}

/// Parks the caller: the scheduler runs with an empty frame stack and
/// gives these frames back (with the result) when the loop ends.
fn park_caller(vm: &mut Vm) {
    vm.aio.parked = std::mem::take(&mut vm.frames);
    vm.aio.running = None;
}

/// The main task's done callback, and `loop.stop()`: the loop stops after
/// this iteration.
fn stop_loop(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.aio.stopping = true;
    Ok(Value::None)
}

fn create_task(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !loop_here(vm) {
        return Err(no_loop(vm));
    }
    let coro = args.get(0, "coro").cloned().unwrap_or(Value::None);
    let name = args.kw("name").cloned();
    vm.create_task(coro, name)
}

fn get_running_loop(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    if !loop_here(vm) {
        return Err(no_loop(vm));
    }
    Ok(vm.loop_object())
}

fn current_task(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    if !loop_here(vm) {
        return Err(no_loop(vm));
    }
    Ok(vm.aio.current_task.clone().unwrap_or(Value::None))
}

/// `asyncio.all_tasks(loop=None)`: a loop given names the one loop, running
/// or not.
fn all_tasks(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let given = args.get(0, "loop").is_some_and(|l| !l.is_none());
    if !given && !loop_here(vm) {
        return Err(no_loop(vm));
    }
    let pending = vm.aio.pending_tasks();
    vm.new_set_from(pending)
}

fn iscoroutine(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = this(&args);
    let r = vm
        .as_gen(&v)
        .map(|g| matches!(&g.payload, Payload::Gen(st) if st.borrow().kind == crate::bytecode::CodeKind::Coroutine))
        .unwrap_or(false);
    Ok(Value::Bool(r))
}

fn isfuture(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(super::futures::is_future(&this(&args))))
}

/// The awaitable behind `sleep(0)`: yields once (a bare yield).
fn sleep0(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let cls = vm.aio_types().future_iter.clone();
    let o = Obj::new(cls, Payload::Native(RefCell::new(NativeData::YieldOnce { done: false, stands_for: None })));
    Ok(Value::Obj(Rc::new(o)))
}

/// `await sleep(delay, result)`, with an int or finite float delay, in a
/// running loop outside debug mode: what the coroutine would await is
/// awaited in its place ([`crate::bytecode::AwaitFast`]), carrying what
/// the rest of `sleep` does, above all the traceback line of its await.
/// For `delay <= 0` (and no result) that is `_sleep0()`'s one bare yield;
/// otherwise the future that a timer resolves, made, tagged and scheduled
/// exactly as `sleep` does (`SleepRest` is its `finally`).
fn sleep_awaited(vm: &mut Vm, code: &Rc<Code>, args: &[Value]) -> PyResult<Option<Shortcut>> {
    let (delay, result) = match args {
        [d] => (d, Value::None),
        [d, r] => (d, r.clone()),
        _ => return Ok(None),
    };
    let delay = match delay {
        Value::Int(i) => *i as f64,
        Value::Float(f) if f.is_finite() => *f,
        _ => return Ok(None),
    };
    // The YIELD_VALUEs of sleep's two awaits (`await _sleep0()`, then
    // `return await future`) are where a throw finds the coroutine.
    let mut yields = code.ops.iter().enumerate().filter(|(_, op)| matches!(op, Op::YieldValue)).map(|(ip, _)| ip);
    let (Some(first), Some(second)) = (yields.next(), yields.next()) else { return Ok(None) };
    let line_of = |ip: usize| TbEntry { code: code.clone(), line: code.line_at(ip), ip };
    let cls = vm.aio_types().future_iter.clone();
    let awaited = if delay <= 0.0 {
        if !result.is_none() {
            return Ok(None);
        }
        NativeData::YieldOnce { done: false, stands_for: Some(line_of(first)) }
    } else {
        if !loop_here(vm) || vm.aio.debug {
            return Ok(None);
        }
        let fut = vm.new_future();
        let until = vm.clock + delay;
        super::tracing::tag_wait(vm, &fut, crate::trace::WaitOn::Sleep { until });
        let wake = builtin_fn("_set_result_unless_cancelled", set_result_unless_cancelled);
        let timer = vm.aio.call_at(until, Callback::Call { func: wake, args: vec![fut.clone(), result] }, None);
        let rest = crate::native::SleepRest { line: line_of(second), timer_cancelled: timer.cancelled };
        NativeData::FutureIter { fut, yielded: false, sleep: Some(Box::new(rest)) }
    };
    let o = Obj::new(cls, Payload::Native(RefCell::new(awaited)));
    Ok(Some(Shortcut::Awaits(Value::Obj(Rc::new(o)))))
}

/// `_await_fast(func, name)`: gives the coroutine function `func` the Rust
/// shortcut called `name` (`sleep`, `queue_put`, `queue_get`).
fn await_fast(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fast: AwaitFast = match args.pos.get(1).and_then(|n| n.as_str()) {
        Some("sleep") => sleep_awaited,
        Some("queue_put") => super::queues::put_awaited,
        Some("queue_get") => super::queues::get_awaited,
        _ => return Err(vm.value_error("unknown shortcut".into())),
    };
    if let Some(Value::Function(f)) = args.pos.first() {
        f.code.await_fast.set(Some(fast));
    }
    Ok(Value::None)
}

fn set_result_unless_cancelled(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fut = args.pos.first().cloned().unwrap_or(Value::None);
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    if with_core(&fut, |c| c.state == FutState::Cancelled).unwrap_or(true) {
        return Ok(Value::None);
    }
    vm.fut_set_result(&fut, v)?;
    Ok(Value::None)
}

/// `task_wakeup(fut)`: bound to a task; resumes it with the future's outcome.
pub fn task_wakeup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let task = this(&args);
    let fut = args.pos.get(1).cloned().unwrap_or(Value::None);
    let exc = match vm.fut_result(&fut) {
        Ok(_) => None,
        Err(e) => Some(e),
    };
    vm.task_step_start(task, exc)?;
    Ok(Value::None)
}

fn fut_result(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.fut_result(&this(&args))
}

fn fut_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.fut_exception(&this(&args))
}

fn fut_done(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(with_core(&this(&args), |c| c.state != FutState::Pending).unwrap_or(false)))
}

fn fut_cancelled(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(with_core(&this(&args), |c| c.state == FutState::Cancelled).unwrap_or(false)))
}

fn fut_cancel(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(&args);
    let msg = args.get(1, "msg").cloned();
    Ok(Value::Bool(vm.fut_cancel(&f, msg)))
}

fn task_cancel(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = this(&args);
    let msg = args.get(1, "msg").cloned();
    Ok(Value::Bool(vm.task_cancel(&t, msg)))
}

fn fut_set_result(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(&args);
    if is_task(&f) {
        return Err(vm.runtime_error("Task does not support set_result operation"));
    }
    vm.fut_set_result(&f, args.pos.get(1).cloned().unwrap_or(Value::None))?;
    Ok(Value::None)
}

fn fut_set_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(&args);
    if is_task(&f) {
        return Err(vm.runtime_error("Task does not support set_exception operation"));
    }
    vm.fut_set_exception(&f, args.pos.get(1).cloned().unwrap_or(Value::None))?;
    Ok(Value::None)
}

fn fut_add_done_callback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(&args);
    let cb = args.pos.get(1).cloned().unwrap_or(Value::None);
    vm.fut_add_done_callback(&f, cb);
    Ok(Value::None)
}

fn fut_remove_done_callback(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(&args);
    let cb = args.pos.get(1).cloned().unwrap_or(Value::None);
    let n = with_core(&f, |c| {
        let before = c.callbacks.len();
        c.callbacks.retain(|x| !x.is(&cb));
        before - c.callbacks.len()
    })
    .unwrap_or(0);
    Ok(Value::Int(n as i64))
}

fn fut_get_loop(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.loop_object())
}

fn fut_await(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = vm.aio_types().future_iter.clone();
    let o = Obj::new(cls, Payload::Native(RefCell::new(NativeData::FutureIter { fut: this(&args), yielded: false, sleep: None })));
    Ok(Value::Obj(Rc::new(o)))
}

/// One step of `await fut`: yield the future (blocking) the first time,
/// return its result once done.
fn futiter_step(vm: &mut Vm, it: &Value) -> PyResult<Value> {
    match futiter_advance(vm, it)? {
        IterStep::Yield(y) => Ok(y),
        IterStep::Return(r) => Err(vm.stop_iteration(r)),
    }
}

/// `await` on a Future or `sleep(0)` stepped from the VM's `SEND`: the
/// same step without a StopIteration to make and match for the result
/// (None: `it` is something else).
pub fn futiter_step_fast(vm: &mut Vm, it: &Value) -> Option<PyResult<IterStep>> {
    let o = it.as_obj()?;
    let Payload::Native(n) = &o.payload else { return None };
    if !matches!(&*n.borrow(), NativeData::FutureIter { .. } | NativeData::YieldOnce { .. }) {
        return None;
    }
    Some(futiter_advance(vm, it))
}

fn futiter_advance(vm: &mut Vm, it: &Value) -> PyResult<IterStep> {
    let Some(o) = it.as_obj() else { return Err(vm.type_error("bad iterator".into())) };
    let Payload::Native(n) = &o.payload else { return Err(vm.type_error("bad iterator".into())) };
    let action = match &mut *n.borrow_mut() {
        NativeData::FutureIter { fut, yielded, sleep } => {
            let done = with_core(fut, |c| c.state != FutState::Pending).unwrap_or(true);
            if !done && !*yielded {
                *yielded = true;
                with_core(fut, |c| c.blocking = true);
                Ok(fut.clone())
            } else {
                Err(Some((fut.clone(), sleep.take())))
            }
        }
        NativeData::YieldOnce { done, .. } => {
            if *done {
                Err(None)
            } else {
                *done = true;
                Ok(Value::None)
            }
        }
        _ => Err(None),
    };
    match action {
        Ok(y) => Ok(IterStep::Yield(y)),
        Err(Some((fut, sleep))) => {
            let done = with_core(&fut, |c| c.state != FutState::Pending).unwrap_or(true);
            let r = if done { vm.fut_result(&fut) } else { Err(vm.runtime_error("await wasn't used with future")) };
            if let Some(s) = sleep {
                s.finish(r.as_ref().err());
            }
            r.map(IterStep::Return)
        }
        Err(None) => Ok(IterStep::Return(Value::None)),
    }
}

fn futiter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    futiter_step(vm, &this(&args))
}

fn futiter_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    futiter_step(vm, &this(&args))
}

fn futiter_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = crate::builtins::exception_from_throw_args(vm, &args.pos[1..])?;
    Err(exc)
}

fn fut_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = this(&args);
    Ok(Value::string(vm.future_repr(&f)?))
}

impl Vm {
    /// `repr()` of a Future or Task, as CPython 3.13 writes it
    /// (`base_futures._future_repr_info`, `base_tasks._task_repr_info`).
    pub fn future_repr(&mut self, f: &Value) -> PyResult<String> {
        let Some((state, result, exc, callbacks, source)) =
            with_core(f, |c| (c.state, c.result.clone(), c.exception.clone(), c.callbacks.clone(), c.source_tb.clone()))
        else {
            return Ok("<Future>".into());
        };
        let mut info = vec![state.name().to_ascii_lowercase()];
        match (state, exc) {
            (FutState::Finished, Some(e)) => info.push(format!("exception={}", self.repr(&e)?)),
            (FutState::Finished, None) => info.push(format!("result={}", self.reprlib_repr(&result))),
            _ => {}
        }
        if !callbacks.is_empty() {
            info.push(self.format_callbacks(&callbacks));
        }
        if let Some(e) = source.as_ref().and_then(|tb| tb.last()) {
            info.push(format!("created at {}:{}", e.filename, e.lineno));
        }
        let Some((name, coro, waiter, cancelling)) = with_task(f, |t| (t.name.clone(), t.coro.clone(), t.waiter.clone(), t.num_cancels_requested))
        else {
            return Ok(format!("<Future {}>", info.join(" ")));
        };
        if cancelling > 0 && state == FutState::Pending {
            info[0] = "cancelling".into();
        }
        info.insert(1, format!("name={}", self.repr(&name)?));
        if let Some(w) = waiter {
            // A task awaiting a Python-level future waits on a private
            // proxy; name the future it awaits.
            let w = self.awaited_py_future(f)?.unwrap_or(w);
            info.insert(2, format!("wait_for={}", self.repr(&w)?));
        }
        let coro_part = self.format_coroutine(&coro)?;
        info.insert(2, format!("coro=<{coro_part}>"));
        Ok(format!("<Task {}>", info.join(" ")))
    }

    /// The Python-level future (`_PyFuture`) a task is suspended on, if any.
    fn awaited_py_future(&mut self, task: &Value) -> PyResult<Option<Value>> {
        let awaiting = self.asyncio_global("_awaiting");
        match awaiting {
            Some(Value::Dict(d)) => self.dict_get(&d, task),
            _ => Ok(None),
        }
    }

    /// A name in the `asyncio` module's globals (its Python half).
    pub(crate) fn asyncio_global(&self, name: &str) -> Option<Value> {
        let m = self.modules.get("asyncio")?;
        match &m.as_obj()?.payload {
            Payload::Module(m) => m.globals.borrow().get(name).cloned(),
            _ => None,
        }
    }

    /// `coroutines._format_coroutine`: where a coroutine is (its live
    /// frame, also while it runs) or, once finished, where it is defined.
    fn format_coroutine(&mut self, coro: &Value) -> PyResult<String> {
        let Some(g) = self.as_gen(coro) else { return self.repr(coro) };
        let Payload::Gen(st) = &g.payload else { return self.repr(coro) };
        let st = st.borrow();
        let running = if st.status == crate::generator::GenStatus::Running {
            self.frames
                .iter()
                .chain(self.aio.parked.iter())
                .find(|fr| fr.gen.as_ref().map(|o| Rc::ptr_eq(o, &g)).unwrap_or(false))
                .map(|fr| fr.code.line_at(fr.ip.saturating_sub(1)))
        } else {
            None
        };
        Ok(match (&st.frame, running) {
            (_, Some(line)) => format!("{}() running at {}:{}", st.qualname, st.code.filename, line),
            (Some(fr), None) => {
                let line = if fr.ip == 0 { fr.code.first_line } else { fr.code.line_at(fr.ip - 1) };
                format!("{}() running at {}:{}", st.qualname, fr.code.filename, line)
            }
            (None, None) => format!("{}() done, defined at {}:{}", st.qualname, st.code.filename, st.code.first_line),
        })
    }

    /// `base_futures._format_callbacks`: the first, a count, the last.
    pub(crate) fn format_callbacks(&mut self, cbs: &[Value]) -> String {
        let one = |vm: &mut Vm, cb: &Value| vm.callback_source_plain(cb);
        let inner = match cbs.len() {
            0 => String::new(),
            1 => one(self, &cbs[0]),
            2 => format!("{}, {}", one(self, &cbs[0]), one(self, &cbs[1])),
            n => format!("{}, <{} more>, {}", one(self, &cbs[0]), n - 2, one(self, &cbs[n - 1])),
        };
        format!("cb=[{inner}]")
    }
}

fn fut_make_cancelled_error(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(vm.make_cancelled_error(&this(&args)))
}

fn task_get_name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(with_task(&this(&args), |t| t.name.clone()).unwrap_or(Value::None))
}

fn task_set_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = args.pos.get(1).cloned().unwrap_or(Value::None);
    let name = vm.str_of(&n)?;
    let t = this(&args);
    if let Some(task) = with_task(&t, |t| {
        t.name = Value::str(&name);
        t.id
    }) {
        vm.trace.push(vm.clock, crate::trace::EventKind::TaskRenamed { task, name });
    }
    Ok(Value::None)
}

fn task_get_coro(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(with_task(&this(&args), |t| t.coro.clone()).unwrap_or(Value::None))
}

fn task_cancelling(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(with_task(&this(&args), |t| t.num_cancels_requested as i64).unwrap_or(0)))
}

fn task_uncancel(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = with_task(&this(&args), |t| {
        if t.num_cancels_requested > 0 {
            t.num_cancels_requested -= 1;
            if t.num_cancels_requested == 0 {
                t.must_cancel = false;
            }
        }
        t.num_cancels_requested as i64
    });
    Ok(Value::Int(n.unwrap_or(0)))
}

fn handle_data(v: &Value) -> Option<super::events::Handle> {
    let o = v.as_obj()?;
    let Payload::Native(n) = &o.payload else { return None };
    match &*n.borrow() {
        NativeData::Handle(h) => Some(h.clone()),
        _ => None,
    }
}

fn handle_cancel(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(h) = handle_data(&this(&args)) {
        h.cancelled.set(true);
    }
    Ok(Value::None)
}

fn handle_cancelled(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(handle_data(&this(&args)).map(|h| h.cancelled.get()).unwrap_or(false)))
}

fn handle_when(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(handle_data(&this(&args)).and_then(|h| h.when).unwrap_or(0.0)))
}

fn handle_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(h) = handle_data(&this(&args)) else { return Ok(Value::str("<Handle>")) };
    Ok(Value::string(vm.handle_repr(&h)))
}

/// The Python object for a scheduled callback: a `TimerHandle` when it has
/// a deadline, else a `Handle`.
pub(crate) fn handle_object(vm: &mut Vm, h: &super::events::Handle) -> Value {
    let cls = if h.when.is_some() { vm.aio_types().handle.clone() } else { vm.aio_types().plain_handle.clone() };
    let o = Obj::new(cls, Payload::Native(RefCell::new(NativeData::Handle(h.clone()))));
    Value::Obj(Rc::new(o))
}

fn loop_time(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(vm.clock))
}

fn loop_create_future(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.new_future())
}

fn loop_create_task(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let coro = args.get(1, "coro").cloned().unwrap_or(Value::None);
    let name = args.kw("name").cloned();
    vm.create_task(coro, name)
}

fn loop_call_soon(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let func = args.pos.get(1).cloned().unwrap_or(Value::None);
    let rest = args.pos.get(2..).map(|a| a.to_vec()).unwrap_or_default();
    let source = vm.debug_source_tb();
    let h = vm.aio.call_soon_from(Callback::Call { func, args: rest }, source);
    Ok(handle_object(vm, &h))
}

fn schedule_at(vm: &mut Vm, when: f64, args: &Args) -> PyResult<Value> {
    let func = args.pos.get(2).cloned().unwrap_or(Value::None);
    let rest = args.pos.get(3..).map(|a| a.to_vec()).unwrap_or_default();
    let source = vm.debug_source_tb();
    let h = vm.aio.call_at(when, Callback::Call { func, args: rest }, source);
    Ok(handle_object(vm, &h))
}

fn number(vm: &mut Vm, v: Option<&Value>) -> PyResult<f64> {
    match v.and_then(crate::vm::to_num) {
        Some(n) => vm.float_of(&n),
        None => Err(vm.type_error("a number is required".into())),
    }
}

fn loop_call_later(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let delay = number(vm, args.pos.get(1))?;
    let when = vm.clock + delay;
    schedule_at(vm, when, &args)
}

fn loop_call_at(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let when = number(vm, args.pos.get(1))?;
    schedule_at(vm, when, &args)
}

fn loop_is_running(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(vm.aio.active))
}

fn loop_get_debug(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Bool(vm.aio.debug))
}

fn loop_set_debug(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let on = args.get(1, "enabled").cloned().unwrap_or(Value::None);
    vm.aio.debug = vm.truthy(&on)?;
    Ok(Value::None)
}


/// `Runner.close()`: the loop's closing tasks take their names.
fn close_loop(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.consume_close_task_names();
    Ok(Value::None)
}

/// `Runner.close()`'s first step, CPython's `_cancel_all_tasks`: the tasks
/// the runs left pending are cancelled and the loop runs until they have
/// finished, their errors reported as `asyncio.run` reports them (which
/// does the same at the end of its one run).
fn shutdown(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    if vm.aio.active {
        return Err(vm.runtime_error("Cannot close a running event loop"));
    }
    let pending = vm.aio.pending_tasks();
    if pending.is_empty() {
        return Ok(Value::None);
    }
    for t in &pending {
        vm.task_cancel(t, None);
    }
    vm.aio.active = true;
    vm.aio.close_at_end = false;
    vm.aio.keep_leftovers = false;
    vm.aio.stopping = false;
    vm.aio.main_task = None;
    vm.aio.shutdown = Some(pending);
    park_caller(vm);
    Ok(Value::None)
}

/// `asyncio.set_event_loop(loop)`: the loop `get_event_loop()` gives
/// outside a running one; None leaves none (and no new one either).
fn set_event_loop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.aio.policy_loop = Some(args.get(0, "loop").cloned().unwrap_or(Value::None));
    Ok(Value::None)
}

/// `(loop, set)`: `set_event_loop()`'s loop, and whether it was called.
fn policy_loop(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let set = vm.aio.policy_loop.is_some();
    let lp = vm.aio.policy_loop.clone().unwrap_or(Value::None);
    Ok(Value::tuple(vec![lp, Value::Bool(set)]))
}

/// `loop.close()`: what is still scheduled will never run.
fn discard_scheduled(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.aio.discard_scheduled();
    Ok(Value::None)
}

/// `_warn(category, message)`: `warnings.warn(message, category)` as
/// Python's default filters show it: once per program line, with the line.
fn warn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let category = vm.str_of(&this(&args))?;
    let message = vm.str_of(&args.pos.get(1).cloned().unwrap_or(Value::None))?;
    if let Some(text) = vm.warning_text(&category, &message) {
        vm.write(crate::trace::Stream::Stderr, &text);
    }
    Ok(Value::None)
}

fn loop_set_exception_handler(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = args.pos.get(1).cloned().unwrap_or(Value::None);
    let callable = match &h {
        Value::Function(_) | Value::Builtin(_) | Value::Class(_) => true,
        Value::Obj(o) => matches!(o.payload, Payload::Method(..)) || o.class.lookup("__call__").is_some(),
        _ => false,
    };
    if !h.is_none() && !callable {
        let r = vm.repr(&h)?;
        return Err(vm.type_error(format!("A callable object or None is expected, got {r}")));
    }
    vm.aio.exception_handler = if h.is_none() { None } else { Some(h) };
    Ok(Value::None)
}

fn loop_get_exception_handler(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.aio.exception_handler.clone().unwrap_or(Value::None))
}

fn loop_call_exception_handler(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.call_exception_handler(args.pos.get(1).cloned().unwrap_or(Value::None))?;
    Ok(Value::None)
}

fn loop_default_exception_handler(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.default_exception_handler(&args.pos.get(1).cloned().unwrap_or(Value::None))?;
    Ok(Value::None)
}

/// Whether a function was written with `async def` (its code is a coroutine's).
fn is_async_def(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = matches!(args.pos.first(), Some(Value::Function(f)) if f.code.kind == crate::bytecode::CodeKind::Coroutine);
    Ok(Value::Bool(r))
}
