//! The hot half of `asyncio.Queue` (`modules/py/asyncio.py` has the
//! rest): `qsize`, `empty`, `full`, `put_nowait`, `get_nowait`,
//! `_wakeup_next` and the FIFO `_init`/`_put`/`_get` in Rust, plus the
//! no-wait fast paths of `put()`/`get()` and the trace snapshot taken
//! straight from the queue's deque. They do what CPython 3.13's
//! `queues.py` does, step for step, so waiters are woken in the same
//! order; where a subclass overrides one of these methods (`PriorityQueue`
//! and `LifoQueue` override `_put`/`_get`), the override is called instead.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::futures::{is_future, with_core, FutState};
use crate::bytecode::{BinOp, CmpKind, Code, Shortcut};
use crate::modules::deque::{is_deque, with_deque};
use crate::namemap::NameMap;
use crate::trace::{EventKind, QueueSnapshot, QUEUE_ITEMS_SHOWN};
use crate::value::{Args, Builtin, BuiltinFn, Value};
use crate::vm::{PyResult, Vm};

/// Adds the functions to the `asyncio` module's globals: the `Queue`
/// class body binds the methods under their own names; `put()`/`get()`
/// call the `_fast` ones, and `await q.put(x)`/`await q.get()` skip even
/// that when they need not wait ([`put_awaited`], [`get_awaited`]).
pub fn populate(g: &mut NameMap) {
    let methods: [(&'static str, &'static str, BuiltinFn); 10] = [
        ("_queue_head", "_head", head),
        ("_queue_init", "_init", init),
        ("_queue_put", "_put", put),
        ("_queue_get", "_get", get),
        ("_queue_qsize", "qsize", qsize),
        ("_queue_empty", "empty", empty),
        ("_queue_full", "full", full),
        ("_queue_put_nowait", "put_nowait", put_nowait),
        ("_queue_get_nowait", "get_nowait", get_nowait),
        ("_queue_wakeup_next", "_wakeup_next", wakeup_next),
    ];
    for (global, name, func) in methods {
        g.set_str(global, Value::Builtin(Rc::new(Builtin { name, func, bound: None, owner: Some("Queue") })));
    }
    g.set_str("_queue_put_fast", crate::types::builtin_fn("_queue_put_fast", put_fast));
    g.set_str("_queue_get_fast", crate::types::builtin_fn("_queue_get_fast", get_fast));
}

fn this(args: &Args) -> Value {
    args.pos.first().cloned().unwrap_or(Value::None)
}

fn arg(args: &Args, i: usize) -> Value {
    args.pos.get(i).cloned().unwrap_or(Value::None)
}

// ---- overridable methods ---------------------------------------------------

/// The methods a subclass may override, with the Rust version of each.
const HOOKS: [(&str, BuiltinFn); 9] = [
    ("qsize", qsize),
    ("empty", empty),
    ("full", full),
    ("_put", put),
    ("_get", get),
    ("_wakeup_next", wakeup_next),
    ("_head", head),
    ("put_nowait", put_nowait),
    ("get_nowait", get_nowait),
];
const QSIZE: u32 = 1;
const EMPTY: u32 = 2;
const FULL: u32 = 4;
const PUT: u32 = 8;
const GET: u32 = 16;
const WAKEUP: u32 = 32;
const HEAD: u32 = 64;
const PUT_NOWAIT: u32 = 128;
const GET_NOWAIT: u32 = 256;

thread_local! {
    /// (class id, lookup epoch, overridden-method bits) for the last queue
    /// class seen, so the common case costs one comparison.
    static OVERRIDES: Cell<(usize, u64, u32)> = const { Cell::new((usize::MAX, 0, 0)) };
}

/// Which of [`HOOKS`] the queue's class overrides (bit i for HOOKS[i]).
fn overrides(vm: &Vm, q: &Value) -> u32 {
    let cls = vm.type_of(q);
    let epoch = crate::namemap::watched_epoch();
    let (id, at, mask) = OVERRIDES.with(|c| c.get());
    if id == cls.id && at == epoch {
        return mask;
    }
    let mut mask = 0;
    for (i, (name, native)) in HOOKS.iter().enumerate() {
        match cls.lookup(name) {
            Some(Value::Builtin(b)) if b.func as usize == *native as usize => {}
            Some(_) => mask |= 1 << i,
            None => {}
        }
    }
    OVERRIDES.with(|c| c.set((cls.id, crate::namemap::watched_epoch(), mask)));
    mask
}

/// Calls the class's own version of method `name` on the queue.
fn call_override(vm: &mut Vm, q: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
    let f = vm.type_of(q).lookup(name).unwrap_or(Value::None);
    let mut a = Vec::with_capacity(args.len() + 1);
    a.push(q.clone());
    a.extend(args);
    vm.call(f, a)
}

/// Raises one of asyncio's own exception classes (defined in asyncio.py).
fn raise(vm: &mut Vm, name: &str) -> Value {
    let cls = match vm.modules.get("asyncio").cloned() {
        Some(m) => vm.getattr_opt(&m, name).ok().flatten(),
        None => None,
    };
    match cls {
        Some(c) => match vm.call(c, vec![]) {
            Ok(e) | Err(e) => e,
        },
        None => vm.runtime_error(name),
    }
}

// ---- the queue's attributes ------------------------------------------------

/// The attributes `Queue.__init__` sets, read in one pass over the
/// instance dict (anything missing there goes through getattr).
struct Fields {
    queue: Value,
    maxsize: Value,
    getters: Value,
    putters: Value,
    unfinished: Value,
    finished: Value,
    shutdown: Value,
    trace_id: Value,
}

const FIELD_NAMES: [&str; 8] =
    ["_queue", "_maxsize", "_getters", "_putters", "_unfinished_tasks", "_finished", "_is_shutdown", "_trace_id"];

thread_local! {
    /// The dict slot and key each of [`FIELD_NAMES`] (and an event's
    /// `_value`) was found at last time: every queue's `__init__` sets them
    /// in the same order with the same key strings, so the usual check is
    /// one pointer comparison.
    static FIELD_SLOTS: RefCell<[(usize, Option<Rc<str>>); 9]> = const { RefCell::new([const { (0, None) }; 9]) };
    /// The one `_queue` key string every queue's dict gets from `_init`.
    static QUEUE_KEY: Rc<str> = Rc::from("_queue");
}

fn fields(vm: &mut Vm, q: &Value) -> PyResult<Fields> {
    let mut v: [Option<Value>; 8] = Default::default();
    if let Value::Obj(o) = q {
        let dict = o.dict.borrow();
        for (i, slot) in v.iter_mut().enumerate() {
            *slot = field_slot(&dict, i).and_then(|at| dict.value_at(at).cloned());
        }
    }
    for (i, name) in FIELD_NAMES.iter().enumerate() {
        if v[i].is_none() {
            v[i] = Some(vm.getattr(q, name)?);
        }
    }
    let [queue, maxsize, getters, putters, unfinished, finished, shutdown, trace_id] = v.map(|x| x.unwrap_or(Value::None));
    Ok(Fields { queue, maxsize, getters, putters, unfinished, finished, shutdown, trace_id })
}

/// Whether attribute stores on `o` go straight to its dict.
fn plain_setattr(o: &crate::value::Obj) -> bool {
    o.class.hooks() & (crate::value::HOOK_SETATTR | crate::value::HOOK_SLOTS) == 0
}

fn set_field(vm: &mut Vm, q: &Value, name: &str, v: Value) -> PyResult<()> {
    if let Value::Obj(o) = q {
        let slot = if plain_setattr(o) { o.dict.borrow().find(name) } else { None };
        if let Some(at) = slot {
            o.dict.borrow_mut().set_at(at, v);
            return Ok(());
        }
    }
    vm.setattr(q, name, v)
}

// ---- the storage hooks (FIFO) ----------------------------------------------

fn init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args);
    let d = crate::modules::deque::new_deque(vm, std::iter::empty()).ok_or_else(|| vm.runtime_error("no deque type"))?;
    if let Some(o) = q.as_obj().filter(|o| plain_setattr(o)) {
        o.dict.borrow_mut().set(QUEUE_KEY.with(Rc::clone), d);
        return Ok(Value::None);
    }
    set_field(vm, &q, "_queue", d)?;
    Ok(Value::None)
}

fn put(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args);
    let store = fields(vm, &q)?.queue;
    store_put(vm, &store, arg(&args, 1))?;
    Ok(Value::None)
}

fn store_put(vm: &mut Vm, store: &Value, item: Value) -> PyResult<()> {
    if with_deque(store, |d| d.push_back(item.clone())).is_none() {
        vm.call_method(store, "append", vec![item])?;
    }
    Ok(())
}

fn get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args);
    let store = fields(vm, &q)?.queue;
    store_get(vm, &store)
}

fn store_get(vm: &mut Vm, store: &Value) -> PyResult<Value> {
    match with_deque(store, |d| d.pop_front()) {
        Some(Some(v)) => Ok(v),
        Some(None) => Err(vm.index_error("pop from an empty deque")),
        None => vm.call_method(store, "popleft", vec![]),
    }
}

// ---- size --------------------------------------------------------------------

fn qsize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args);
    let f = fields(vm, &q)?;
    do_qsize(vm, &q, &f, overrides(vm, &q)).map(Value::Int)
}

fn do_qsize(vm: &mut Vm, q: &Value, f: &Fields, mask: u32) -> PyResult<i64> {
    if mask & QSIZE != 0 {
        let n = call_override(vm, q, "qsize", vec![])?;
        return crate::builtins::to_index(vm, &n);
    }
    match with_deque(&f.queue, |d| d.items.len()) {
        Some(n) => Ok(n as i64),
        None => match &f.queue {
            Value::List(l) => Ok(l.borrow().len() as i64),
            other => vm.len(other).map(|n| n as i64),
        },
    }
}

fn empty(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args);
    let f = fields(vm, &q)?;
    do_empty(vm, &q, &f, overrides(vm, &q)).map(Value::Bool)
}

/// `not self._queue`, or the subclass's `empty()`.
fn do_empty(vm: &mut Vm, q: &Value, f: &Fields, mask: u32) -> PyResult<bool> {
    if mask & EMPTY != 0 {
        let r = call_override(vm, q, "empty", vec![])?;
        return vm.truthy(&r);
    }
    match with_deque(&f.queue, |d| d.items.is_empty()) {
        Some(e) => Ok(e),
        None => Ok(!vm.truthy(&f.queue)?),
    }
}

fn full(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args);
    let f = fields(vm, &q)?;
    do_full(vm, &q, &f, overrides(vm, &q)).map(Value::Bool)
}

/// `self._maxsize > 0 and self.qsize() >= self._maxsize`.
fn do_full(vm: &mut Vm, q: &Value, f: &Fields, mask: u32) -> PyResult<bool> {
    if mask & FULL != 0 {
        let r = call_override(vm, q, "full", vec![])?;
        return vm.truthy(&r);
    }
    let bounded = match &f.maxsize {
        Value::Int(m) => *m > 0,
        other => {
            let gt = vm.compare(other.clone(), Value::Int(0), CmpKind::Gt)?;
            vm.truthy(&gt)?
        }
    };
    if !bounded {
        return Ok(false);
    }
    let n = do_qsize(vm, q, f, mask)?;
    match &f.maxsize {
        Value::Int(m) => Ok(n >= *m),
        other => {
            let ge = vm.compare(Value::Int(n), other.clone(), CmpKind::Ge)?;
            vm.truthy(&ge)
        }
    }
}

// ---- put/get without waiting -----------------------------------------------

fn put_nowait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args);
    let f = fields(vm, &q)?;
    let mask = overrides(vm, &q);
    do_put_nowait(vm, &q, &f, mask, arg(&args, 1))?;
    Ok(Value::None)
}

fn do_put_nowait(vm: &mut Vm, q: &Value, f: &Fields, mask: u32, item: Value) -> PyResult<()> {
    if vm.truthy(&f.shutdown)? {
        return Err(raise(vm, "QueueShutDown"));
    }
    if do_full(vm, q, f, mask)? {
        return Err(raise(vm, "QueueFull"));
    }
    if mask & PUT != 0 {
        call_override(vm, q, "_put", vec![item])?;
    } else {
        store_put(vm, &f.queue, item)?;
    }
    let n = match &f.unfinished {
        Value::Int(n) if *n < i64::MAX => Value::Int(n + 1),
        other => vm.binary_op(other.clone(), Value::Int(1), BinOp::Add)?,
    };
    set_field(vm, q, "_unfinished_tasks", n)?;
    // self._finished.clear(): a no-op unless the event is set.
    let is_set = match &f.finished {
        Value::Obj(o) => o.dict.borrow().get("_value").cloned(),
        _ => None,
    };
    let is_set = match is_set {
        Some(v) => v,
        None => vm.getattr(&f.finished, "_value")?,
    };
    if vm.truthy(&is_set)? {
        vm.call_method(&f.finished, "clear", vec![])?;
    }
    wake_next(vm, q, mask, &f.getters)?;
    snapshot(vm, q, f, mask)
}

fn get_nowait(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args);
    let f = fields(vm, &q)?;
    let mask = overrides(vm, &q);
    do_get_nowait(vm, &q, &f, mask)
}

fn do_get_nowait(vm: &mut Vm, q: &Value, f: &Fields, mask: u32) -> PyResult<Value> {
    if do_empty(vm, q, f, mask)? {
        if vm.truthy(&f.shutdown)? {
            return Err(raise(vm, "QueueShutDown"));
        }
        return Err(raise(vm, "QueueEmpty"));
    }
    let item = if mask & GET != 0 { call_override(vm, q, "_get", vec![])? } else { store_get(vm, &f.queue)? };
    wake_next(vm, q, mask, &f.putters)?;
    snapshot(vm, q, f, mask)?;
    Ok(item)
}

/// `_queue_put_fast(q, item)`: the start of `Queue.put()` when it need not
/// wait — `if not self.full(): self.put_nowait(item)` — returning whether
/// it put the item (False: `put()` goes on with its waiting loop).
fn put_fast(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args);
    let mask = overrides(vm, &q);
    if mask & (FULL | PUT_NOWAIT) != 0 {
        return Ok(Value::Bool(false));
    }
    let item = arg(&args, 1);
    let item = match if mask == 0 { quick_put(vm, &q, item)? } else { Err(item) } {
        Ok(put) => return Ok(Value::Bool(put)),
        Err(item) => item,
    };
    let f = fields(vm, &q)?;
    if do_full(vm, &q, &f, mask)? {
        return Ok(Value::Bool(false));
    }
    do_put_nowait(vm, &q, &f, mask, item)?;
    Ok(Value::Bool(true))
}

/// `_queue_get_fast(q, missing)`: `Queue.get()` when an item is there —
/// `if not self.empty(): return self.get_nowait()` — else `missing`.
fn get_fast(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args);
    let mask = overrides(vm, &q);
    if mask & (EMPTY | GET_NOWAIT) != 0 {
        return Ok(arg(&args, 1));
    }
    if mask == 0 {
        match quick_get(vm, &q)? {
            Got::Item(item) => return Ok(item),
            Got::Empty => return Ok(arg(&args, 1)),
            Got::Unusual => {}
        }
    }
    let f = fields(vm, &q)?;
    if do_empty(vm, &q, &f, mask)? {
        return Ok(arg(&args, 1));
    }
    do_get_nowait(vm, &q, &f, mask)
}

/// `await q.put(item)` on a plain `Queue` that has room: puts the item
/// with no coroutine made ([`crate::bytecode::AwaitFast`]).
pub(super) fn put_awaited(vm: &mut Vm, _code: &Rc<Code>, args: &[Value]) -> PyResult<Option<Shortcut>> {
    let [q, item] = args else { return Ok(None) };
    if overrides(vm, q) != 0 {
        return Ok(None);
    }
    Ok(matches!(quick_put(vm, q, item.clone())?, Ok(true)).then_some(Shortcut::Returned(Value::None)))
}

/// `await q.get()` on a plain `Queue` that holds an item.
pub(super) fn get_awaited(vm: &mut Vm, _code: &Rc<Code>, args: &[Value]) -> PyResult<Option<Shortcut>> {
    let [q] = args else { return Ok(None) };
    if overrides(vm, q) != 0 {
        return Ok(None);
    }
    Ok(match quick_get(vm, q)? {
        Got::Item(item) => Some(Shortcut::Returned(item)),
        Got::Empty | Got::Unusual => None,
    })
}

/// The dict slot of field `i` of [`FIELD_NAMES`] in a queue's dict
/// ([`F_EVENT_VALUE`]: `_value` in an event's).
fn field_slot(dict: &NameMap, i: usize) -> Option<usize> {
    FIELD_SLOTS.with(|c| {
        let mut c = c.borrow_mut();
        let (at, key) = &c[i];
        if let (Some(key), Some(k)) = (key, dict.key_at(*at)) {
            if Rc::ptr_eq(key, k) {
                return Some(*at);
            }
        }
        let name = if i == F_EVENT_VALUE { "_value" } else { *FIELD_NAMES.get(i)? };
        let at = dict.find(name)?;
        c[i] = (at, dict.key_at(at).cloned());
        Some(at)
    })
}

const F_QUEUE: usize = 0;
const F_MAXSIZE: usize = 1;
const F_GETTERS: usize = 2;
const F_PUTTERS: usize = 3;
const F_UNFINISHED: usize = 4;
const F_FINISHED: usize = 5;
const F_SHUTDOWN: usize = 6;
const F_EVENT_VALUE: usize = 8;

/// Whether an `_internal_event()` is cleared, read from its dict (None:
/// not a plain event object).
fn event_cleared(ev: &Value) -> Option<bool> {
    let dict = ev.as_obj()?.dict.borrow();
    match dict.value_at(field_slot(&dict, F_EVENT_VALUE)?)? {
        Value::Bool(set) => Some(!set),
        _ => None,
    }
}

/// `put()`'s no-wait case for a plain `Queue` whose fields hold what
/// `__init__` put there (a deque, int sizes, a cleared event, a bool):
/// reads them in place instead of copying them out. Ok(Err(item)) hands the
/// item back when anything is unusual, for the general path.
fn quick_put(vm: &mut Vm, q: &Value, item: Value) -> PyResult<Result<bool, Value>> {
    let Some(o) = q.as_obj() else { return Ok(Err(item)) };
    if !plain_setattr(o) {
        return Ok(Err(item));
    }
    let dict = o.dict.borrow();
    let slots = [F_QUEUE, F_MAXSIZE, F_UNFINISHED, F_FINISHED, F_SHUTDOWN, F_GETTERS].map(|i| field_slot(&dict, i));
    let [Some(queue), Some(maxsize), Some(unfinished), Some(finished), Some(shutdown), Some(getters)] = slots else {
        return Ok(Err(item));
    };
    let at = |slot| dict.value_at(slot).unwrap_or(&Value::None);
    let (Value::Int(max), Value::Int(n), Value::Bool(false)) = (at(maxsize), at(unfinished), at(shutdown)) else {
        return Ok(Err(item));
    };
    let (max, n) = (*max, *n);
    if n == i64::MAX || event_cleared(at(finished)) != Some(true) {
        return Ok(Err(item));
    }
    let store = at(queue);
    let Some(len) = with_deque(store, |d| d.items.len()) else { return Ok(Err(item)) };
    if max > 0 && len as i64 >= max {
        return Ok(Ok(false));
    }
    with_deque(store, |d| d.push_back(item));
    let getters = any_waiters(at(getters));
    drop(dict);
    o.dict.borrow_mut().set_at(unfinished, Value::Int(n + 1));
    if let Some(getters) = getters {
        wake_next(vm, q, 0, &getters)?;
    }
    trace_queue(vm, q)?;
    Ok(Ok(true))
}

/// What [`quick_get`] found.
enum Got {
    Item(Value),
    /// The queue is empty: `get()` must wait.
    Empty,
    /// Anything unusual: the general path decides.
    Unusual,
}

/// `get()`'s no-wait case for a plain `Queue` (see [`quick_put`]).
fn quick_get(vm: &mut Vm, q: &Value) -> PyResult<Got> {
    let Some(o) = q.as_obj() else { return Ok(Got::Unusual) };
    let dict = o.dict.borrow();
    let (Some(queue), Some(putters)) = (field_slot(&dict, F_QUEUE), field_slot(&dict, F_PUTTERS)) else {
        return Ok(Got::Unusual);
    };
    let store = dict.value_at(queue).unwrap_or(&Value::None);
    let Some(item) = with_deque(store, |d| if d.items.is_empty() { None } else { d.pop_front() }) else {
        return Ok(Got::Unusual);
    };
    let Some(item) = item else { return Ok(Got::Empty) };
    let putters = any_waiters(dict.value_at(putters).unwrap_or(&Value::None));
    drop(dict);
    if let Some(putters) = putters {
        wake_next(vm, q, 0, &putters)?;
    }
    trace_queue(vm, q)?;
    Ok(Got::Item(item))
}

/// The waiter deque, if anyone may be waiting in it (anything that is not a
/// deque counts as maybe: `wake_next` handles it the Python way).
fn any_waiters(waiters: &Value) -> Option<Value> {
    with_deque(waiters, |d| !d.items.is_empty()).unwrap_or(true).then(|| waiters.clone())
}

fn wakeup_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args);
    // Called as a method: do the work here, not through the override check.
    wake_next(vm, &q, 0, &arg(&args, 1))?;
    Ok(Value::None)
}

/// `_wakeup_next(waiters)`: pops waiters until one is still pending and
/// sets its result (or calls the subclass's own `_wakeup_next`).
fn wake_next(vm: &mut Vm, q: &Value, mask: u32, waiters: &Value) -> PyResult<()> {
    if mask & WAKEUP != 0 {
        call_override(vm, q, "_wakeup_next", vec![waiters.clone()])?;
        return Ok(());
    }
    if !is_deque(waiters) {
        // Someone replaced the waiter deque: do it the Python way.
        while vm.truthy(waiters)? {
            let w = vm.call_method(waiters, "popleft", vec![])?;
            let done = vm.call_method(&w, "done", vec![])?;
            if !vm.truthy(&done)? {
                vm.call_method(&w, "set_result", vec![Value::None])?;
                break;
            }
        }
        return Ok(());
    }
    while let Some(Some(w)) = with_deque(waiters, |d| d.pop_front()) {
        if is_future(&w) {
            if with_core(&w, |c| c.state) == Some(FutState::Pending) {
                vm.fut_set_result(&w, Value::None)?;
                break;
            }
            continue;
        }
        let done = vm.call_method(&w, "done", vec![])?;
        if !vm.truthy(&done)? {
            vm.call_method(&w, "set_result", vec![Value::None])?;
            break;
        }
    }
    Ok(())
}

// ---- the trace ---------------------------------------------------------------

/// `_trace_queue(q)`: a snapshot of the queue after a change.
pub(super) fn trace_queue(vm: &mut Vm, q: &Value) -> PyResult<()> {
    if !vm.trace.recording() {
        return Ok(());
    }
    let f = fields(vm, q)?;
    let mask = overrides(vm, q);
    snapshot(vm, q, &f, mask)
}

fn snapshot(vm: &mut Vm, q: &Value, f: &Fields, mask: u32) -> PyResult<()> {
    if !vm.trace.recording() {
        return Ok(());
    }
    let queue = match f.trace_id {
        Value::Int(i) => i as u64,
        _ => 0,
    };
    // The first items in the order get() returns them.
    let shown = if mask & HEAD != 0 {
        None
    } else {
        with_deque(&f.queue, |d| d.items.iter().take(QUEUE_ITEMS_SHOWN).cloned().collect::<Vec<_>>())
    };
    let shown = match shown {
        Some(h) => h,
        None => {
            let h = call_override(vm, q, "_head", vec![])?;
            vm.collect(&h)?
        }
    };
    let items = shown_reprs(vm, queue, &shown)?;
    let size = do_qsize(vm, q, f, mask)?.max(0) as usize;
    let maxsize = match f.maxsize {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        _ => 0,
    };
    // put_nowait() changed the count after `f` was read.
    let unfinished = match q {
        Value::Obj(o) => o.dict.borrow().get("_unfinished_tasks").cloned(),
        _ => None,
    };
    let unfinished = match unfinished.unwrap_or(Value::None) {
        Value::Int(i) => i,
        _ => 0,
    };
    let snapshot = QueueSnapshot {
        items,
        size,
        maxsize,
        getters: vm.waiter_tasks(&f.getters)?,
        putters: vm.waiter_tasks(&f.putters)?,
        unfinished,
    };
    vm.trace.push(vm.clock, EventKind::QueueChanged { queue, snapshot });
    Ok(())
}

/// The items a queue's last snapshot showed, with their reprs.
pub type ShownItems = Vec<(Value, Rc<str>)>;

/// The reprs of the first items, in get order. A snapshot after one put or
/// get shows mostly the items the one before showed, and an immutable
/// item's repr cannot have changed, so those are taken from the last
/// snapshot instead of formatted again (a pipeline records two snapshots
/// per item moved, each of up to 20 items).
fn shown_reprs(vm: &mut Vm, queue: u64, shown: &[Value]) -> PyResult<Vec<Rc<str>>> {
    let last = vm.aio.queue_reprs.remove(&queue).unwrap_or_default();
    let mut kept: ShownItems = Vec::with_capacity(shown.len().min(QUEUE_ITEMS_SHOWN));
    let mut from = 0;
    for v in shown.iter().take(QUEUE_ITEMS_SHOWN) {
        let known = immutable(v)
            .then(|| last[from..].iter().position(|(old, _)| same_immutable(old, v)))
            .flatten();
        let text = match known {
            Some(k) => {
                from += k + 1;
                last[from - 1].1.clone()
            }
            None => Rc::from(match v {
                Value::Int(i) => i.to_string(),
                other => vm.quiet_repr(other),
            }),
        };
        // Only immutable items are kept: holding a task or any other object
        // would change when it is collected (and so when warnings print).
        let keep = if immutable(v) { v.clone() } else { Value::NotImplemented };
        kept.push((keep, text));
    }
    let items = kept.iter().map(|(_, t)| t.clone()).collect();
    vm.aio.queue_reprs.insert(queue, kept);
    Ok(items)
}

fn immutable(v: &Value) -> bool {
    matches!(v, Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Str(_))
}

/// Whether two immutable values have the same repr (by identity for str).
fn same_immutable(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Str(x), Value::Str(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

/// `Queue._head()`: the first items in get order, for the trace.
fn head(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let q = this(&args);
    let store = fields(vm, &q)?.queue;
    let items = vm.collect(&store)?;
    Ok(Value::list(items.into_iter().take(QUEUE_ITEMS_SHOWN).collect()))
}
