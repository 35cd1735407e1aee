//! Trace hooks for the Python half of asyncio (`modules/py/asyncio.py`):
//! queues and locks are Python code, so they report their changes through
//! these functions, and tag the futures tasks wait on with what they mean
//! (a queue get, a lock, a sleep...) so a waiting state says what it waits
//! on. Every hook returns at once when the trace is no longer recorded.

use super::futures::with_core;
use super::tasks::with_task;
use crate::bytecode::Op;
use crate::namemap::NameMap;
use crate::trace::{EventKind, SyncKind, SyncState, WaitOn};
use crate::types::builtin_fn;
use crate::value::{Args, Value};
use crate::vm::{PyResult, Vm};

/// Adds the hooks to the `asyncio` module's globals.
pub fn populate(g: &mut NameMap) {
    let fns: [(&'static str, crate::value::BuiltinFn); 9] = [
        ("_wait_tag", wait_tag),
        ("_trace_deadline", trace_deadline),
        ("_sync_created", sync_created),
        ("_trace_queue", trace_queue),
        ("_trace_lock", trace_lock),
        ("_trace_semaphore", trace_semaphore),
        ("_trace_event", trace_event),
        ("_trace_condition", trace_condition),
        ("_trace_barrier", trace_barrier),
    ];
    for (n, f) in fns {
        g.set_str(n, builtin_fn(n, f));
    }
}

fn arg(args: &Args, i: usize) -> Value {
    args.pos.get(i).cloned().unwrap_or(Value::None)
}

fn int(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => 0,
    }
}

impl Vm {
    fn items_of(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.borrow().clone()),
            Value::Tuple(t) => Ok(t.to_vec()),
            Value::None => Ok(Vec::new()),
            other if crate::modules::deque::is_deque(other) => {
                Ok(crate::modules::deque::with_deque(other, |d| d.items.iter().cloned().collect()).unwrap_or_default())
            }
            other => {
                let l = self.call(Value::Class(self.types.list.clone()), vec![other.clone()])?;
                match l {
                    Value::List(l) => Ok(l.borrow().clone()),
                    _ => Ok(Vec::new()),
                }
            }
        }
    }

    /// The tasks waiting on these futures (pending ones, in order).
    pub(super) fn waiter_tasks(&mut self, waiters: &Value) -> PyResult<Vec<u64>> {
        let futs = self.items_of(waiters)?;
        Ok(futs
            .iter()
            .filter_map(|f| with_core(f, |c| if c.state == super::futures::FutState::Pending { c.owner } else { None }).flatten())
            .collect())
    }

    fn task_ids_of(&mut self, v: &Value) -> PyResult<Vec<u64>> {
        let items = self.items_of(v)?;
        Ok(items.iter().filter_map(|t| with_task(t, |c| c.id)).collect())
    }

    /// The variable the object being constructed is assigned to: the
    /// instruction after the program's pending call (`q = Queue()`,
    /// `self.q = Queue()`).
    fn assigned_name(&self) -> Option<String> {
        // The constructor's caller must be the program itself (objects a
        // queue or condition makes for itself stay unnamed).
        let f = self.frames.len().checked_sub(2).and_then(|i| self.frames.get(i))?;
        if f.code.filename != self.filename {
            return None;
        }
        let c = &f.code;
        let name = match c.ops.get(f.ip)? {
            Op::StoreName(i) | Op::StoreGlobal(i) | Op::StoreAttr(i) => c.names.get(*i as usize)?.to_string(),
            Op::StoreFast(i) => c.varnames.get(*i as usize)?.to_string(),
            Op::StoreDeref(i) => {
                let i = *i as usize;
                match c.cellvars.get(i) {
                    Some(n) => n.to_string(),
                    None => c.freevars.get(i - c.cellvars.len())?.to_string(),
                }
            }
            _ => return None,
        };
        match c.ops.get(f.ip) {
            Some(Op::StoreAttr(_)) => Some(format!(".{name}")),
            _ => Some(name),
        }
    }
}

/// `_wait_tag(fut, kind, arg)`: what awaiting `fut` means. Set even when
/// the trace records nothing (a `looplab run` without `--trace`, or past
/// the event cap): the deadlock message reads it too.
fn wait_tag(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fut = arg(&args, 0);
    let kind = vm.str_of(&arg(&args, 1))?;
    let a = arg(&args, 2);
    let id = int(&a) as u64;
    let on = match kind.as_str() {
        "sleep" => WaitOn::Sleep { until: crate::vm::to_num(&a).map(|n| vm.float_of(&n)).transpose()?.unwrap_or(0.0) },
        "gather" => WaitOn::Gather { tasks: vm.task_ids_of(&a)? },
        "wait" => WaitOn::Wait { tasks: vm.task_ids_of(&a)? },
        "taskgroup" => WaitOn::TaskGroup { tasks: vm.task_ids_of(&a)? },
        "queue_get" => WaitOn::QueueGet { queue: id },
        "queue_put" => WaitOn::QueuePut { queue: id },
        "queue_join" => WaitOn::QueueJoin { queue: id },
        "lock" => WaitOn::Lock { lock: id },
        "semaphore" => WaitOn::Semaphore { semaphore: id },
        "event" => WaitOn::Event { event: id },
        "condition" => WaitOn::Condition { condition: id },
        "barrier" => WaitOn::Barrier { barrier: id },
        "thread" => WaitOn::Thread { func: match vm.getattr_opt(&a, "__qualname__")? {
            Some(q) => vm.str_of(&q)?,
            None => vm.quiet_repr(&a),
        } },
        _ => return Err(vm.value_error(format!("unknown wait kind '{kind}'"))),
    };
    tag_wait(vm, &fut, on);
    Ok(Value::None)
}

/// Marks `fut` as what the running task waits on when it awaits it, for
/// the trace and the deadlock message.
pub(crate) fn tag_wait(vm: &mut Vm, fut: &Value, on: WaitOn) {
    let owner = vm.aio.current_task.as_ref().and_then(|t| with_task(t, |c| c.id));
    with_core(fut, |c| {
        c.purpose = Some(on);
        c.owner = owner;
    });
}

/// `_trace_deadline(when)`: the running task's current timeout deadline
/// (None: no timeout); returns the previous one.
fn trace_deadline(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let when = match arg(&args, 0) {
        Value::None => None,
        v => crate::vm::to_num(&v).map(|n| vm.float_of(&n)).transpose()?,
    };
    let Some(task) = vm.aio.current_task.clone() else { return Ok(Value::None) };
    let prev = with_task(&task, |c| std::mem::replace(&mut c.deadline, when)).flatten();
    Ok(prev.map(Value::Float).unwrap_or(Value::None))
}

/// `_sync_created(kind, cls)`: a new queue/lock/...; returns its trace id.
fn sync_created(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.aio.sync_ids += 1;
    let id = vm.aio.sync_ids;
    if !vm.trace.recording() {
        return Ok(Value::Int(id as i64));
    }
    let kind = match vm.str_of(&arg(&args, 0))?.as_str() {
        "queue" => SyncKind::Queue,
        "lock" => SyncKind::Lock,
        "semaphore" => SyncKind::Semaphore,
        "event" => SyncKind::Event,
        "condition" => SyncKind::Condition,
        _ => SyncKind::Barrier,
    };
    let class = vm.str_of(&arg(&args, 1))?;
    let name = vm.assigned_name();
    let line = vm.program_line();
    vm.trace.push(vm.clock, EventKind::SyncCreated { id, kind, class, name, line });
    Ok(Value::Int(id as i64))
}

/// `_trace_queue(q)`: a snapshot of an asyncio queue after a change.
fn trace_queue(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::queues::trace_queue(vm, &arg(&args, 0))?;
    Ok(Value::None)
}

fn push_sync(vm: &mut Vm, args: &Args, state: SyncState) -> PyResult<Value> {
    let id = int(&arg(args, 0)) as u64;
    vm.trace.push(vm.clock, EventKind::SyncChanged { id, state });
    Ok(Value::None)
}

/// `_trace_lock(id, locked, owner_task, waiters)`.
fn trace_lock(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !vm.trace.recording() {
        return Ok(Value::None);
    }
    let locked = vm.truthy(&arg(&args, 1))?;
    let owner = with_task(&arg(&args, 2), |c| c.id);
    let waiters = vm.waiter_tasks(&arg(&args, 3))?;
    push_sync(vm, &args, SyncState::Lock { locked, owner, waiters })
}

/// `_trace_semaphore(id, value, waiters)`.
fn trace_semaphore(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !vm.trace.recording() {
        return Ok(Value::None);
    }
    let value = int(&arg(&args, 1));
    let waiters = vm.waiter_tasks(&arg(&args, 2))?;
    push_sync(vm, &args, SyncState::Semaphore { value, waiters })
}

/// `_trace_event(id, is_set, waiters)`.
fn trace_event(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !vm.trace.recording() {
        return Ok(Value::None);
    }
    let set = vm.truthy(&arg(&args, 1))?;
    let waiters = vm.waiter_tasks(&arg(&args, 2))?;
    push_sync(vm, &args, SyncState::Event { set, waiters })
}

/// `_trace_condition(id, locked, waiters)`.
fn trace_condition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !vm.trace.recording() {
        return Ok(Value::None);
    }
    let locked = vm.truthy(&arg(&args, 1))?;
    let waiters = vm.waiter_tasks(&arg(&args, 2))?;
    push_sync(vm, &args, SyncState::Condition { locked, waiters })
}

/// `_trace_barrier(id, state, count, parties)`.
fn trace_barrier(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !vm.trace.recording() {
        return Ok(Value::None);
    }
    let state = vm.str_of(&arg(&args, 1))?;
    let (count, parties) = (int(&arg(&args, 2)), int(&arg(&args, 3)));
    push_sync(vm, &args, SyncState::Barrier { state, count, parties })
}
