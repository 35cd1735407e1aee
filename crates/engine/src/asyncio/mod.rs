//! The asyncio runtime. File names mirror CPython's `Lib/asyncio`:
//! `events.rs` (the loop), `futures.rs`, `tasks.rs`, and `module.rs` (the
//! Python-visible `asyncio` module, whose higher-level parts — sleep,
//! gather, queues, locks — are Python code in `modules/py/asyncio.py`).
//!
//! `asyncio.run()` parks the calling frames, and the host's run loop
//! ([`crate::Interpreter::run`]) then alternates between running frames
//! (task steps) and [`Vm::aio_tick`] (one loop callback at a time), so the
//! whole program stays pausable.

pub mod blocking;
pub mod debug;
pub mod events;
pub mod futures;
pub mod module;
pub mod queues;
pub mod tasks;
pub mod threads;
pub mod tracing;

use events::{Callback, Running};
use futures::FutState;
use tasks::with_task;

use crate::trace::{EventKind, TaskState, WaitOn, WarningKind};
use crate::value::Payload;
use crate::value::Value;
use crate::vm::{Exec, PyResult, Vm};

/// What one scheduler tick did.
pub enum Tick {
    /// Keep going (frames may have been pushed).
    Continue,
    /// Nothing is ready until the given virtual time.
    Sleep(f64),
    /// The loop ended; the program's frames are back with this outcome.
    ProgramResumed(Option<Exec>),
}

/// CPython's clock resolution for "timer is due" comparisons.
pub(crate) const CLOCK_RESOLUTION: f64 = 1e-9;

impl Vm {
    /// Runs the next callback of the current loop iteration, starting a new
    /// iteration (moving due timers to the ready queue) when needed.
    pub fn aio_tick(&mut self, auto_advance: bool) -> Tick {
        if self.aio.ntodo == 0 {
            if let Some(t) = self.end_iteration_checks() {
                return t;
            }
            if self.aio.ready.is_empty() {
                match self.aio.next_deadline() {
                    Some(when) if when > self.clock + CLOCK_RESOLUTION => {
                        if !auto_advance {
                            return Tick::Sleep(when);
                        }
                        self.clock = when;
                    }
                    Some(_) => {}
                    None => return self.deadlock(),
                }
            }
            let end = self.clock + CLOCK_RESOLUTION;
            while let Some(t) = self.aio.timers.peek() {
                if t.when >= end {
                    break;
                }
                if let Some(t) = self.aio.timers.pop() {
                    if !t.handle.cancelled.get() {
                        self.aio.ready.push_back(t.handle);
                    }
                }
            }
            self.aio.ntodo = self.aio.ready.len();
            return Tick::Continue;
        }
        self.aio.ntodo -= 1;
        let Some(h) = self.aio.ready.pop_front() else { return Tick::Continue };
        if h.cancelled.get() {
            return Tick::Continue;
        }
        self.start_slow_check(&h);
        let r = match h.callback.clone() {
            Callback::Step { task, exc } => self.task_step_start(task, exc),
            Callback::RunWorker { id } => self.run_worker(id),
            Callback::WaitTimeout { id } => self.wait_timed_out(id),
            Callback::Call { func, args } => match self.call(func.clone(), args.clone()) {
                Ok(_) => Ok(()),
                Err(e) if self.exc_matches_name(&e, "SystemExit") || self.exc_matches_name(&e, "KeyboardInterrupt") => Err(e),
                Err(e) => self.report_callback_exception(&func, &args, &h, &e),
            },
        };
        if !matches!(self.aio.running, Some(Running::TaskStep(_))) && self.aio.blocked_main.is_none() {
            // Done now (a task step that started frames ends with them, a
            // blocked callback when the main thread wakes).
            self.finish_slow_check();
        }
        match r {
            Ok(()) => Tick::Continue,
            Err(e) => self.interrupt_loop(e),
        }
    }

    /// A SystemExit/KeyboardInterrupt escaped a callback. As when it
    /// escapes CPython's `run_until_complete`, `asyncio.run` then cancels
    /// the leftover tasks, runs the loop until they finish, and re-raises.
    fn interrupt_loop(&mut self, e: Value) -> Tick {
        if self.aio.fatal.is_some() || self.aio.shutdown.is_some() {
            return self.end_loop_with(Some(e));
        }
        self.aio.fatal = Some(e);
        self.aio.ntodo = 0;
        self.aio.stopping = true;
        Tick::Continue
    }

    /// At an iteration boundary: stop when asked, and run the shutdown
    /// phase (cancel leftover tasks, let them finish) before resuming the
    /// program.
    fn end_iteration_checks(&mut self) -> Option<Tick> {
        if let Some(pending) = &self.aio.shutdown {
            let all_done = pending.iter().all(|t| with_task(t, |c| c.fut.state != FutState::Pending).unwrap_or(true));
            if all_done {
                return Some(self.end_loop_with(None));
            }
            return None;
        }
        if !self.aio.stopping {
            return None;
        }
        self.aio.stopping = false;
        if self.aio.keep_leftovers {
            return Some(self.end_loop_with(None));
        }
        let pending = self.aio.pending_tasks();
        if pending.is_empty() {
            return Some(self.end_loop_with(None));
        }
        for t in &pending {
            self.task_cancel(t, None);
        }
        self.aio.shutdown = Some(pending);
        None
    }

    /// Closes the loop and gives the program its frames back, with the
    /// main task's result pushed (or its exception raised).
    fn end_loop_with(&mut self, fatal: Option<Value>) -> Tick {
        let fatal = fatal.or(self.aio.fatal.take());
        self.aio.fatal = None;
        if std::mem::take(&mut self.aio.close_at_end) {
            self.consume_close_task_names();
            // asyncio.run's Runner made its loop the current one, and
            // closing it leaves none: get_event_loop() raises after it.
            self.aio.policy_loop = Some(Value::None);
        }
        let main = self.aio.main_task.take();
        if let Some(list) = self.aio.shutdown.take() {
            for t in list {
                // CPython asks each for `task.exception()`, which counts
                // as retrieving it.
                let exc = with_task(&t, |c| {
                    if c.fut.state != FutState::Finished {
                        return None;
                    }
                    c.fut.retrieved = true;
                    c.fut.exception.clone()
                })
                .flatten();
                if let Some(e) = exc {
                    if !self.exc_matches_aio(&e, "CancelledError") {
                        self.report_shutdown_exception(&t, &e);
                    }
                }
            }
        }
        self.aio.active = false;
        if !std::mem::take(&mut self.aio.keep_leftovers) {
            self.aio.discard_scheduled();
        }
        self.aio.ntodo = 0;
        self.aio.running = Some(Running::Program);
        self.frames = std::mem::take(&mut self.aio.parked);
        let outcome: PyResult<Value> = match fatal {
            Some(e) => Err(e),
            None => match main {
                Some(m) if futures::with_core(&m, |c| c.state == FutState::Pending).unwrap_or(false) => {
                    // It may finish in a later run, which its stop must not end.
                    futures::with_core(&m, |c| {
                        c.callbacks.retain(|cb| !matches!(cb, Value::Builtin(b) if b.name == "_run_until_complete_cb"))
                    });
                    Err(self.runtime_error("Event loop stopped before Future completed."))
                }
                Some(m) => self.fut_result(&m),
                None => Ok(Value::None),
            },
        };
        match outcome {
            Ok(v) => {
                self.push(v);
                Tick::ProgramResumed(None)
            }
            Err(e) => Tick::ProgramResumed(self.raise_in_top(e)),
        }
    }

    /// Nothing ready, no timers, no thread that could wake anything, main
    /// task pending: CPython would hang forever. Say who waits on what.
    fn deadlock(&mut self) -> Tick {
        let mut lines = Vec::new();
        for t in self.aio.live_tasks() {
            let info = with_task(&t, |c| (c.fut.state, c.name.clone(), c.coro.clone(), c.waiter.clone()));
            let Some((FutState::Pending, name, coro, waiter)) = info else { continue };
            let n = self.str_of(&name).unwrap_or_default();
            let coro = match self.as_gen(&coro).map(|g| match &g.payload {
                Payload::Gen(st) => st.borrow().qualname.to_string(),
                _ => String::new(),
            }) {
                Some(c) if !c.is_empty() => format!(" '{c}'"),
                _ => String::new(),
            };
            let w = match waiter {
                Some(w) => {
                    let on = self.wait_on(&w);
                    self.describe_blocked(&on)
                }
                None => "nothing".into(),
            };
            lines.push(format!("{n}{coro} waits on {w}"));
        }
        let msg = format!("deadlock: every task is waiting and nothing can wake them — {}\n", lines.join("; "));
        self.write(crate::trace::Stream::Stderr, &msg);
        let e = self.new_error("SystemExit", "");
        if let Some(d) = e.as_obj().and_then(|o| o.exc()) {
            d.borrow_mut().args = vec![Value::Int(1)];
        }
        self.end_loop_with(Some(e))
    }

    /// A wait in words, for the deadlock message: the object's variable
    /// name (from the trace) and, for queues, why it cannot proceed.
    fn describe_blocked(&mut self, on: &WaitOn) -> String {
        let name = |vm: &Vm, id: u64| {
            vm.trace.events.iter().find_map(|e| match &e.kind {
                EventKind::SyncCreated { id: i, name: Some(n), .. } if *i == id => Some(format!(" '{n}'")),
                _ => None,
            })
        };
        let queue_state = |vm: &Vm, id: u64| {
            vm.trace.events.iter().rev().find_map(|e| match &e.kind {
                EventKind::QueueChanged { queue, snapshot } if *queue == id => Some(snapshot.size),
                _ => None,
            })
        };
        let task_name = |vm: &mut Vm, id: u64| {
            let t = vm.aio.live_tasks().into_iter().find(|t| with_task(t, |c| c.id) == Some(id));
            match t.and_then(|t| with_task(&t, |c| c.name.clone())) {
                Some(n) => vm.str_of(&n).unwrap_or_default(),
                None => format!("task {id}"),
            }
        };
        match on {
            WaitOn::QueueGet { queue } => {
                let n = name(self, *queue).unwrap_or_default();
                let why = if queue_state(self, *queue).unwrap_or(0) == 0 { " (queue empty)" } else { "" };
                format!("Queue.get(){n}{why}")
            }
            WaitOn::QueuePut { queue } => format!("Queue.put(){} (queue full)", name(self, *queue).unwrap_or_default()),
            WaitOn::QueueJoin { queue } => {
                format!("Queue.join(){} (items not marked task_done())", name(self, *queue).unwrap_or_default())
            }
            WaitOn::Lock { lock } => format!("Lock.acquire(){}", name(self, *lock).unwrap_or_default()),
            WaitOn::Semaphore { semaphore } => format!("Semaphore.acquire(){}", name(self, *semaphore).unwrap_or_default()),
            WaitOn::Event { event } => format!("Event.wait(){} (never set)", name(self, *event).unwrap_or_default()),
            WaitOn::Condition { condition } => format!("Condition.wait(){}", name(self, *condition).unwrap_or_default()),
            WaitOn::Barrier { barrier } => format!("Barrier.wait(){}", name(self, *barrier).unwrap_or_default()),
            WaitOn::Task { task } => task_name(self, *task),
            WaitOn::Gather { tasks } | WaitOn::Wait { tasks } => {
                let names: Vec<String> = tasks.iter().map(|t| task_name(self, *t)).collect();
                let f = if matches!(on, WaitOn::Gather { .. }) { "gather" } else { "wait" };
                format!("{f}({})", names.join(", "))
            }
            WaitOn::TaskGroup { tasks } => {
                let names: Vec<String> = tasks.iter().map(|t| task_name(self, *t)).collect();
                format!("TaskGroup exit (its tasks {})", names.join(", "))
            }
            WaitOn::Sleep { until } => format!("sleep until t={}", crate::format::float_repr(*until)),
            WaitOn::Thread { func } => format!("a thread running {func}()"),
            WaitOn::Future { repr } => format!("{repr} (nothing will set its result)"),
        }
    }

    /// Reports "Task exception was never retrieved" for tasks that died
    /// with an unretrieved exception (call at safe points and at exit), as
    /// CPython's `Task.__del__` does: through the loop's exception handler.
    pub fn report_unretrieved(&mut self, at_exit: bool) {
        self.report_collected();
        if at_exit {
            // Tasks kept alive by cycles are reported at exit, as CPython's
            // final collection does.
            for t in self.aio.live_tasks() {
                let hit = with_task(&t, |c| c.fut.state == FutState::Finished && c.fut.exception.is_some() && !c.fut.retrieved);
                if hit == Some(true) {
                    self.report_unretrieved_task(&t);
                }
            }
            self.aio.tasks.clear();
            self.report_collected();
        }
    }

    /// Reports the objects that died with a warning to print: coroutines
    /// never awaited, tasks whose exception was never retrieved; and
    /// closes the generators that died suspended in a `try`.
    pub fn report_collected(&mut self) {
        if !crate::generator::collected_pending() {
            return;
        }
        crate::generator::take_collected();
        self.close_dead_generators();
        self.report_never_awaited();
        for core in tasks::take_unretrieved() {
            // The task object is gone; a new one with its state stands in
            // for it (CPython's `__del__` sees the object itself).
            let cls = self.aio_types().task.clone();
            let task = Value::Obj(std::rc::Rc::new(crate::value::Obj::new(
                cls,
                Payload::Native(std::cell::RefCell::new(crate::native::NativeData::Task(core))),
            )));
            self.report_unretrieved_task(&task);
        }
    }

    fn report_unretrieved_task(&mut self, task: &Value) {
        let Some((exc, tb, id)) = with_task(task, |c| {
            c.fut.retrieved = true;
            (c.fut.exception.clone(), c.fut.source_tb.clone(), c.id)
        }) else {
            return;
        };
        let Some(exc) = exc else { return };
        let r = self.future_repr(task).unwrap_or_default();
        let line = self.raise_line(&exc);
        let message = format!("Task exception was never retrieved: {r}");
        self.trace.push(self.clock, EventKind::Warning { kind: WarningKind::ExceptionNeverRetrieved, task: Some(id), line, message });
        let r = (|| -> PyResult<()> {
            let ctx = self.new_dict();
            self.dict_set(&ctx, Value::str("message"), Value::str("Task exception was never retrieved"))?;
            self.dict_set(&ctx, Value::str("exception"), exc.clone())?;
            self.dict_set(&ctx, Value::str("future"), task.clone())?;
            if let Some(tb) = tb {
                let frames = self.frame_summaries(&tb)?;
                self.dict_set(&ctx, Value::str("source_traceback"), frames)?;
            }
            self.call_exception_handler(Value::Dict(ctx))
        })();
        if let Err(e) = r {
            // A SystemExit/KeyboardInterrupt from a handler, outside any
            // callback: nothing can catch it any more; say what it was.
            let line = crate::report::exception_line(self, &e);
            self.write(crate::trace::Stream::Stderr, &format!("{line}\n"));
        }
    }

    /// The innermost line of the program's file in an exception's traceback.
    fn raise_line(&self, exc: &Value) -> Option<u32> {
        let d = exc.as_obj().and_then(|o| o.exc())?;
        let d = d.borrow();
        d.traceback.iter().find(|e| e.code.filename == self.filename).map(|e| e.line)
    }

    /// Prints `FILE:LINE: RuntimeWarning: coroutine '...' was never awaited`
    /// for coroutines dropped without ever running, as `warnings` does:
    /// at the line running when the coroutine was dropped (`sys:1` when no
    /// code of the program runs — between callbacks), with that line's
    /// source, once per (location, message); in debug mode the message
    /// carries where the coroutine was created.
    fn report_never_awaited(&mut self) {
        let line = self.program_line();
        let task = self.aio.current_task.as_ref().map(|t| self.task_id(t));
        for (qualname, origin) in crate::generator::take_never_awaited() {
            let message = never_awaited_message(self, &qualname, origin.as_deref());
            let Some(text) = self.warning_text("RuntimeWarning", &message) else { continue };
            let summary = format!("coroutine '{qualname}' was never awaited");
            self.trace.push(self.clock, EventKind::Warning { kind: WarningKind::NeverAwaited, task, line, message: summary });
            let text = format!("{text}RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
            self.write(crate::trace::Stream::Stderr, &text);
        }
    }

    /// A warning as Python's default filters print it, at the program line
    /// running now (`sys:1` when none is), with that line's source; None
    /// when this place already showed this message.
    pub(crate) fn warning_text(&mut self, category: &str, message: &str) -> Option<String> {
        let line = self.program_line();
        let (file, lineno) = match line {
            Some(l) => (self.filename.to_string(), l),
            None => ("sys".to_string(), 1),
        };
        if !self.warn_registry.insert((file.clone(), lineno, message.to_string())) {
            return None;
        }
        let src = line.and_then(|l| self.program_source_line(&file, l)).map(|s| format!("  {s}\n")).unwrap_or_default();
        Some(format!("{file}:{lineno}: {category}: {message}\n{src}"))
    }

    /// At exit the program's globals are cleared (as interpreter shutdown
    /// does); coroutines dropped then are reported as `<sys>:0`, without a
    /// source line.
    pub fn report_never_awaited_at_exit(&mut self) {
        self.report_collected();
        let globals = std::mem::take(&mut *self.main.globals.borrow_mut());
        drop(globals);
        for (qualname, origin) in crate::generator::take_never_awaited() {
            let message = never_awaited_message(self, &qualname, origin.as_deref());
            if !self.warn_registry.insert(("<sys>".to_string(), 0, message.clone())) {
                continue;
            }
            let summary = format!("coroutine '{qualname}' was never awaited");
            self.trace.push(self.clock, EventKind::Warning { kind: WarningKind::NeverAwaited, task: None, line: None, message: summary });
            self.write(crate::trace::Stream::Stderr, &format!("<sys>:0: RuntimeWarning: {message}\n"));
        }
    }

    /// Closing a loop runs `shutdown_asyncgens()` and
    /// `shutdown_default_executor()` as tasks, and each takes a `Task-N`
    /// name; later loops' task names show it.
    pub(crate) fn consume_close_task_names(&mut self) {
        self.aio.task_counter += 2;
    }

    /// An exception escaped a callback: hand it to the exception handler
    /// with CPython's context keys (`Handle._run`).
    fn report_callback_exception(&mut self, func: &Value, args: &[Value], h: &events::Handle, e: &Value) -> crate::vm::PyResult<()> {
        let cb = self.callback_source(func, args);
        let handle = module::handle_object(self, h);
        let ctx = self.new_dict();
        self.dict_set(&ctx, Value::str("message"), Value::string(format!("Exception in callback {cb}")))?;
        self.dict_set(&ctx, Value::str("exception"), e.clone())?;
        self.dict_set(&ctx, Value::str("handle"), handle)?;
        if let Some(tb) = &h.source {
            let frames = self.frame_summaries(tb)?;
            self.dict_set(&ctx, Value::str("source_traceback"), frames)?;
        }
        self.call_exception_handler(Value::Dict(ctx))
    }

    /// `loop.call_exception_handler(context)`.
    pub fn call_exception_handler(&mut self, ctx: Value) -> crate::vm::PyResult<()> {
        let Some(handler) = self.aio.exception_handler.clone() else {
            return self.default_exception_handler(&ctx);
        };
        let lp = self.loop_object();
        match self.call(handler, vec![lp, ctx.clone()]) {
            Ok(_) => Ok(()),
            Err(e) if self.exc_matches_name(&e, "SystemExit") || self.exc_matches_name(&e, "KeyboardInterrupt") => Err(e),
            Err(e) => {
                let c = self.new_dict();
                self.dict_set(&c, Value::str("message"), Value::str("Unhandled error in exception handler"))?;
                self.dict_set(&c, Value::str("exception"), e)?;
                self.dict_set(&c, Value::str("context"), ctx)?;
                self.default_exception_handler(&Value::Dict(c))
            }
        }
    }

    /// `loop.default_exception_handler(context)`: the message, the other
    /// keys sorted, then the exception's traceback (as asyncio's logger
    /// prints them).
    pub fn default_exception_handler(&mut self, ctx: &Value) -> crate::vm::PyResult<()> {
        let Value::Dict(d) = ctx else { return Err(self.type_error("context must be a dict".into())) };
        let items: Vec<(Value, Value)> = d.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let mut message = String::new();
        let mut exception = None;
        let mut rest = Vec::new();
        for (k, v) in items {
            let key = self.str_of(&k)?;
            match key.as_str() {
                "message" => message = self.str_of(&v)?,
                "exception" if !v.is_none() => exception = Some(v),
                "exception" => {}
                _ => rest.push((key, v)),
            }
        }
        if message.is_empty() {
            message = "Unhandled exception in event loop".into();
        }
        crate::sort::sort_by(&mut rest, |a, b| a.0.cmp(&b.0));
        let mut text = message;
        for (k, v) in rest {
            let r = match k.as_str() {
                "source_traceback" => format!("Object created at (most recent call last):\n{}", self.format_frame_list(&v)?.trim_end()),
                "handle_traceback" => format!("Handle created at (most recent call last):\n{}", self.format_frame_list(&v)?.trim_end()),
                _ => self.repr(&v)?,
            };
            text.push_str(&format!("\n{k}: {r}"));
        }
        text.push('\n');
        if let Some(e) = exception {
            text.push_str(&crate::report::format_exception(self, &e));
        }
        self.write(crate::trace::Stream::Stderr, &text);
        Ok(())
    }

    /// `traceback.format_list()` of a list of `FrameSummary` objects (or
    /// `(filename, lineno, name, line)` tuples).
    fn format_frame_list(&mut self, frames: &Value) -> PyResult<String> {
        let items = self.collect(frames)?;
        let mut out = String::new();
        for f in items {
            let (file, lineno, name, line) = match &f {
                Value::Tuple(t) if t.len() >= 3 => (t[0].clone(), t[1].clone(), t[2].clone(), t.get(3).cloned()),
                _ => (self.getattr(&f, "filename")?, self.getattr(&f, "lineno")?, self.getattr(&f, "name")?, self.getattr_opt(&f, "line")?),
            };
            let (file, lineno, name) = (self.str_of(&file)?, self.str_of(&lineno)?, self.str_of(&name)?);
            out.push_str(&format!("  File \"{file}\", line {lineno}, in {name}\n"));
            let line = match line {
                Some(l) if !l.is_none() => self.str_of(&l)?,
                _ => String::new(),
            };
            let line = line.trim();
            if !line.is_empty() {
                out.push_str(&format!("    {line}\n"));
            }
        }
        Ok(out)
    }

    /// A task cancelled at shutdown that ended with another exception goes
    /// to the loop's exception handler, as CPython's `_cancel_all_tasks`
    /// hands it over (the default one prints it with its traceback).
    fn report_shutdown_exception(&mut self, task: &Value, e: &Value) {
        let r = (|| -> PyResult<()> {
            let ctx = self.new_dict();
            self.dict_set(&ctx, Value::str("message"), Value::str("unhandled exception during asyncio.run() shutdown"))?;
            self.dict_set(&ctx, Value::str("exception"), e.clone())?;
            self.dict_set(&ctx, Value::str("task"), task.clone())?;
            self.call_exception_handler(Value::Dict(ctx))
        })();
        if let Err(e) = r {
            let line = crate::report::exception_line(self, &e);
            self.write(crate::trace::Stream::Stderr, &format!("{line}\n"));
        }
    }

    /// Finishes frames the scheduler started (a task step).
    /// Gives the outcome back when the frames were not a task step.
    pub fn aio_frames_finished(&mut self, outcome: Exec) -> Result<Tick, Exec> {
        if self.main_just_blocked() {
            return Ok(Tick::Continue);
        }
        match self.aio.running.clone() {
            Some(Running::TaskStep(task)) => {
                let r = self.task_step_finished(&task, outcome);
                self.finish_slow_check();
                match r {
                    Ok(()) => Ok(Tick::Continue),
                    Err(e) => Ok(self.interrupt_loop(e)),
                }
            }
            Some(Running::Worker(id)) => match self.worker_frames_done(id, outcome) {
                Ok(()) => Ok(Tick::Continue),
                Err(e) => Ok(self.interrupt_loop(e)),
            },
            _ => Err(outcome),
        }
    }

    pub(crate) fn task_id(&self, t: &Value) -> u64 {
        with_task(t, |c| c.id).unwrap_or(0)
    }

    /// The line the program is at: the innermost frame of the program's
    /// own file (frames of the embedded modules are skipped).
    pub(crate) fn program_line(&self) -> Option<u32> {
        let file = self.filename.clone();
        self.frames.iter().rev().find(|f| f.code.filename == file).map(|f| f.code.line_at(f.ip.saturating_sub(1)))
    }

    /// Where a suspended coroutine stopped: follows the chain of awaited
    /// coroutines and keeps the innermost line in the program's file.
    pub(crate) fn suspended_line(&self, coro: &Value) -> Option<u32> {
        let file = self.filename.clone();
        let mut line = None;
        let mut cur = coro.clone();
        for _ in 0..64 {
            let Some(g) = self.as_gen(&cur) else { break };
            let Payload::Gen(st) = &g.payload else { break };
            let st = st.borrow();
            let Some(fr) = &st.frame else { break };
            if fr.code.filename == file {
                line = Some(fr.code.line_at(fr.ip.saturating_sub(1)));
            }
            match fr.stack.last() {
                Some(next) => cur = next.clone(),
                None => break,
            }
        }
        line
    }

    pub(crate) fn trace_task_created(&mut self, task: &Value) {
        if !self.trace.recording() {
            return;
        }
        let (id, name, coro) = with_task(task, |c| (c.id, c.name.clone(), c.coro.clone())).unwrap_or((0, Value::None, Value::None));
        let name = self.str_of(&name).unwrap_or_default();
        let (coro_name, coro_line) = match self.as_gen(&coro).map(|g| match &g.payload {
            Payload::Gen(st) => {
                let st = st.borrow();
                (st.qualname.to_string(), st.code.first_line)
            }
            _ => (String::new(), 0),
        }) {
            Some(c) => c,
            None => (String::new(), 0),
        };
        let parent = self.aio.current_task.as_ref().map(|p| self.task_id(p));
        let line = self.program_line();
        self.trace.push(self.clock, EventKind::TaskCreated { task: id, name, parent, coro: coro_name, coro_line, line });
    }

    fn trace_state(&mut self, task: &Value, state: TaskState) {
        let id = self.task_id(task);
        self.trace.push(self.clock, EventKind::TaskState { task: id, state });
    }

    pub(crate) fn trace_task_running(&mut self, task: &Value) {
        self.trace_state(task, TaskState::Running);
    }

    pub(crate) fn trace_task_ready(&mut self, task: &Value) {
        self.trace_state(task, TaskState::Ready);
    }

    /// What awaiting `on` means, for the trace.
    fn wait_on(&mut self, on: &Value) -> WaitOn {
        if tasks::is_task(on) {
            return WaitOn::Task { task: self.task_id(on) };
        }
        if let Some(Some(p)) = futures::with_core(on, |c| c.purpose.clone()) {
            return p;
        }
        WaitOn::Future { repr: self.repr(on).unwrap_or_default() }
    }

    pub(crate) fn trace_task_waiting(&mut self, task: &Value, on: &Value) {
        let on = self.wait_on(on);
        let (coro, deadline) = with_task(task, |c| (c.coro.clone(), c.deadline)).unwrap_or((Value::None, None));
        let line = self.suspended_line(&coro);
        self.trace_state(task, TaskState::Waiting { on, line, deadline });
    }

    pub(crate) fn trace_cancel_requested(&mut self, task: &Value) {
        let id = self.task_id(task);
        self.trace.push(self.clock, EventKind::CancelRequested { task: id });
    }

    /// Records the final state once a task's step left it done.
    pub(crate) fn trace_task_state(&mut self, task: &Value) {
        if !self.trace.recording() {
            return;
        }
        let st = with_task(task, |c| (c.fut.state, c.fut.result.clone(), c.fut.exception.clone()));
        match st {
            Some((FutState::Finished, result, None)) => {
                let result = self.repr(&result).unwrap_or_default();
                self.trace_state(task, TaskState::Done { result });
            }
            Some((FutState::Finished, _, Some(e))) => {
                let exception = self.repr(&e).unwrap_or_default();
                self.trace_state(task, TaskState::Failed { exception });
            }
            Some((FutState::Cancelled, _, _)) => self.trace_state(task, TaskState::Cancelled),
            _ => {}
        }
    }
}

/// `warnings._warn_unawaited_coroutine`'s message: in debug mode it adds
/// where the coroutine was created.
fn never_awaited_message(vm: &Vm, qualname: &str, origin: Option<&[debug::StackEntry]>) -> String {
    let mut msg = format!("coroutine '{qualname}' was never awaited\n");
    if let Some(o) = origin {
        msg.push_str("Coroutine created at (most recent call last)\n");
        msg.push_str(&vm.format_stack_entries(o));
    }
    msg.trim_end_matches('\n').to_string()
}
