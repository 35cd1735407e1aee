//! Resuming generators and coroutines, `for` over iterators, and
//! `yield from` / `await` delegation.

use std::cell::RefCell;
use std::rc::Rc;

use super::exec::Flow;
use super::frame::{Frame, Resume};
use super::{Exec, PyResult, Vm};
use crate::bytecode::{CodeKind, Op};
use crate::generator::{GenState, GenStatus};
use crate::native::NativeData;
use crate::value::{Function, Obj, Payload, Value};

/// How to resume a generator.
pub enum ResumeWith {
    Send(Value),
    Throw(Value),
}

/// One step of an iterator driven from Rust.
pub enum IterStep {
    Yield(Value),
    Return(Value),
}

impl Vm {
    /// Wraps a bound frame into a generator/coroutine/async generator object.
    pub(super) fn new_generator(&mut self, frame: Box<Frame>, f: &Function) -> Value {
        let kind = frame.code.kind;
        let code = frame.code.clone();
        let class = match kind {
            CodeKind::Coroutine => self.types.coroutine.clone(),
            CodeKind::AsyncGenerator => self.types.async_generator.clone(),
            _ => self.types.generator.clone(),
        };
        // A debug-mode loop tracks where coroutines are created
        // (`sys.set_coroutine_origin_tracking_depth` while it runs).
        let origin = if kind == CodeKind::Coroutine && self.aio.debug && self.aio.active { Some(self.extract_stack()) } else { None };
        let st = GenState {
            frame: Some(frame),
            status: GenStatus::Created,
            kind,
            name: f.name.borrow().clone(),
            qualname: f.qualname.borrow().clone(),
            started_once: false,
            code,
            origin,
        };
        Value::Obj(Rc::new(Obj::new(class, Payload::Gen(RefCell::new(st)))))
    }

    pub(super) fn gen_suspend(&mut self, gen: &Rc<Obj>, mut frame: Box<Frame>) {
        if let Payload::Gen(st) = &gen.payload {
            frame.gen = None;
            let mut st = st.borrow_mut();
            st.frame = Some(frame);
            st.status = GenStatus::Suspended;
        }
    }

    pub(super) fn gen_finished(&mut self, gen: &Rc<Obj>) {
        if let Payload::Gen(st) = &gen.payload {
            let mut st = st.borrow_mut();
            st.frame = None;
            st.status = GenStatus::Closed;
        }
    }

    /// Moves a generator's frame onto the frame stack. With `Throw`, the
    /// error is returned so the caller raises it inside the pushed frame.
    pub fn resume_gen(&mut self, gen: &Rc<Obj>, with: ResumeWith, resume: Resume) -> PyResult<()> {
        let Payload::Gen(cell) = &gen.payload else {
            return Err(self.type_error("not a generator".into()));
        };
        let (status, noun) = {
            let st = cell.borrow();
            (st.status, st.noun())
        };
        match status {
            GenStatus::Running => return Err(self.value_error(format!("{noun} already executing"))),
            GenStatus::Closed => {
                return Err(match with {
                    ResumeWith::Throw(e) => e,
                    ResumeWith::Send(_) if noun == "coroutine" => {
                        self.runtime_error("cannot reuse already awaited coroutine")
                    }
                    ResumeWith::Send(_) if noun == "async generator" => self.new_error("StopAsyncIteration", ""),
                    ResumeWith::Send(_) => self.stop_iteration(Value::None),
                })
            }
            GenStatus::Created => {
                if let ResumeWith::Send(v) = &with {
                    if !v.is_none() {
                        return Err(self.type_error(format!("can't send non-None value to a just-started {noun}")));
                    }
                }
            }
            GenStatus::Suspended => {}
        }
        let mut frame = {
            let mut st = cell.borrow_mut();
            st.started_once = true;
            match st.frame.take() {
                Some(f) => f,
                None => return Err(self.stop_iteration(Value::None)),
            }
        };
        if self.frames.len() >= self.limits.recursion_limit {
            cell.borrow_mut().frame = Some(frame);
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        cell.borrow_mut().status = GenStatus::Running;
        frame.resume = resume;
        frame.gen = Some(gen.clone());
        match with {
            ResumeWith::Send(v) => {
                if status == GenStatus::Suspended {
                    frame.stack.push(v);
                }
                self.frames.push(frame);
                Ok(())
            }
            ResumeWith::Throw(exc) => {
                let ip = frame.ip;
                let delegate = status == GenStatus::Suspended
                    && ip >= 2
                    && matches!(frame.code.ops.get(ip - 1), Some(Op::YieldValue))
                    && matches!(frame.code.ops.get(ip - 2), Some(Op::Send(_)));
                let target = match frame.code.ops.get(ip.wrapping_sub(2)) {
                    Some(Op::Send(t)) => *t,
                    _ => 0,
                };
                let sub = frame.stack.last().cloned();
                self.frames.push(frame);
                if status == GenStatus::Created {
                    // Throwing into an unstarted generator raises at its first line.
                    return Err(exc);
                }
                match (delegate, sub) {
                    (true, Some(sub)) => self.throw_into_sub(sub, exc, ip, target),
                    _ => Err(exc),
                }
            }
        }
    }

    /// `throw()` into a frame suspended in `yield from`/`await`: the
    /// exception goes to the innermost delegate first (PEP 380).
    fn throw_into_sub(&mut self, sub: Value, exc: Value, ip: usize, target: u32) -> PyResult<()> {
        let is_gen_exit = self.exc_matches_name(&exc, "GeneratorExit");
        if let Some(g) = self.as_gen(&sub) {
            if is_gen_exit {
                // Close the delegate, then raise GeneratorExit here.
                self.gen_close(&g)?;
                return Err(exc);
            }
            // Resume the outer frame at its YIELD_VALUE, as if SEND had just
            // resumed the delegate: a value the delegate yields is then
            // yielded onward, and its return jumps to the SEND target.
            if let Some(f) = self.frames.last_mut() {
                f.ip = ip - 1;
            }
            return self.resume_gen(&g, ResumeWith::Throw(exc), Resume::Send(target));
        }
        if thrown_into_stand_in(&sub, &exc) {
            return Err(exc);
        }
        let throw = match self.getattr(&sub, "throw") {
            Ok(t) => t,
            Err(_) => return Err(exc),
        };
        let ty = Value::Class(self.type_of(&exc));
        match self.call(throw, vec![ty, exc]) {
            Ok(y) => {
                if let Some(f) = self.frames.last_mut() {
                    f.stack.push(y);
                    f.ip = ip - 1;
                }
                Ok(())
            }
            Err(e) if self.exc_matches_name(&e, "StopIteration") => {
                let v = self.stop_value(&e);
                if let Some(f) = self.frames.last_mut() {
                    f.stack.pop();
                    f.stack.push(v);
                    f.ip = target as usize;
                }
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    pub fn as_gen(&self, v: &Value) -> Option<Rc<Obj>> {
        match v {
            Value::Obj(o) if matches!(o.payload, Payload::Gen(_)) => Some(o.clone()),
            _ => None,
        }
    }

    /// The `.value` of a StopIteration.
    pub fn stop_value(&self, e: &Value) -> Value {
        e.as_obj()
            .and_then(|o| o.exc())
            .and_then(|d| d.borrow().args.first().cloned())
            .unwrap_or(Value::None)
    }

    /// Resumes a generator from Rust and runs it until it yields or ends.
    pub fn gen_step(&mut self, gen: &Rc<Obj>, with: ResumeWith) -> PyResult<IterStep> {
        let depth = self.frames.len();
        match self.resume_gen(gen, with, Resume::Host) {
            Ok(()) => {}
            Err(e) => {
                if self.frames.len() > depth {
                    // The exception must be raised inside the resumed frame.
                    let base = depth;
                    self.nested += 1;
                    let r = match self.unwind(e, base, true) {
                        Some(done) => done,
                        None => {
                            let mut budget = u64::MAX;
                            self.execute(base, &mut budget)
                        }
                    };
                    self.nested -= 1;
                    return self.step_result(r);
                }
                return Err(e);
            }
        }
        let r = self.run_top_nested_keep();
        self.step_result(r)
    }

    fn step_result(&mut self, r: Exec) -> PyResult<IterStep> {
        match r {
            Exec::Yielded(v) => Ok(IterStep::Yield(v)),
            Exec::Returned(v) => Ok(IterStep::Return(v)),
            Exec::Raised(e) => Err(e),
            Exec::Paused => Err(self.runtime_error("generator paused")),
        }
    }

    /// Runs the top frame (already marked `Host`) to its next yield/return.
    fn run_top_nested_keep(&mut self) -> Exec {
        let base = self.frames.len().saturating_sub(1);
        self.nested += 1;
        let mut budget = u64::MAX;
        let r = self.execute(base, &mut budget);
        self.nested -= 1;
        r
    }

    /// `close()` on each generator that died suspended in a `try`
    /// (`generator::take_to_close`), in a new object holding its state;
    /// what escapes is unraisable, as from CPython's finalizer.
    pub(crate) fn close_dead_generators(&mut self) {
        for st in crate::generator::take_to_close() {
            let gen = Rc::new(Obj::new(self.types.generator.clone(), Payload::Gen(RefCell::new(st))));
            if let Err(e) = self.gen_close(&gen) {
                crate::report::write_unraisable(self, &Value::Obj(gen.clone()), &e);
            }
        }
    }

    /// `generator.close()`.
    pub fn gen_close(&mut self, gen: &Rc<Obj>) -> PyResult<Value> {
        let status = match &gen.payload {
            Payload::Gen(st) => st.borrow().status,
            _ => return Ok(Value::None),
        };
        if status != GenStatus::Suspended {
            self.gen_finished(gen);
            return Ok(Value::None);
        }
        let exit = self.new_error("GeneratorExit", "");
        match self.gen_step(gen, ResumeWith::Throw(exit)) {
            Ok(IterStep::Yield(_)) => {
                let noun = match &gen.payload {
                    Payload::Gen(st) => st.borrow().noun(),
                    _ => "generator",
                };
                Err(self.runtime_error(&format!("{noun} ignored GeneratorExit")))
            }
            Ok(IterStep::Return(v)) => Ok(v),
            Err(e) if self.exc_matches_name(&e, "GeneratorExit") || self.exc_matches_name(&e, "StopIteration") => {
                Ok(Value::None)
            }
            Err(e) => Err(e),
        }
    }

    /// `FOR_ITER`: generators are resumed as frames; other iterators step natively.
    pub(super) fn for_iter(&mut self, target: u32) -> PyResult<Flow> {
        let it = self.top();
        if let Some(g) = self.as_gen(&it) {
            self.resume_gen(&g, ResumeWith::Send(Value::None), Resume::ForIter(target))
                .or_else(|e| {
                    if self.exc_matches_name(&e, "StopIteration") && self.frames.last().map(|f| f.gen.is_none()).unwrap_or(true) {
                        self.pop();
                        if let Some(f) = self.frames.last_mut() {
                            f.ip = target as usize;
                        }
                        Ok(())
                    } else {
                        Err(e)
                    }
                })?;
            return Ok(Flow::Next);
        }
        match self.next(&it)? {
            Some(v) => self.push(v),
            None => {
                self.pop();
                if let Some(f) = self.frames.last_mut() {
                    f.ip = target as usize;
                }
            }
        }
        Ok(Flow::Next)
    }

    /// `SEND`: stack [sub, value]. Generators/coroutines run as frames.
    pub(super) fn send_op(&mut self, target: u32) -> PyResult<Flow> {
        let v = self.pop();
        let sub = self.top();
        if let Some(g) = self.as_gen(&sub) {
            let is_agen = matches!(&g.payload, Payload::Gen(st) if st.borrow().kind == CodeKind::AsyncGenerator);
            if !is_agen {
                self.resume_gen(&g, ResumeWith::Send(v), Resume::Send(target))?;
                return Ok(Flow::Next);
            }
        }
        if let Some((agen, first)) = self.asend_parts(&sub) {
            let v = first.unwrap_or(v);
            self.resume_gen(&agen, ResumeWith::Send(v), Resume::Send(target))?;
            return Ok(Flow::Next);
        }
        match self.iter_send(&sub, v)? {
            IterStep::Yield(y) => self.push(y),
            IterStep::Return(r) => {
                self.pop();
                self.push(r);
                if let Some(f) = self.frames.last_mut() {
                    f.ip = target as usize;
                }
            }
        }
        Ok(Flow::Next)
    }

    /// For an `__anext__()`/`asend()` awaitable: the async generator it
    /// drives and, on first use, the value to send.
    fn asend_parts(&mut self, v: &Value) -> Option<(Rc<Obj>, Option<Value>)> {
        let o = v.as_obj()?;
        if let Payload::Native(n) = &o.payload {
            if let NativeData::ASend { gen, value, started } = &mut *n.borrow_mut() {
                let first = if *started { None } else { Some(value.clone()) };
                *started = true;
                return Some((gen.clone(), first));
            }
        }
        None
    }

    /// Sends a value into any iterator from Rust (`yield from` a non-generator).
    pub fn iter_send(&mut self, it: &Value, v: Value) -> PyResult<IterStep> {
        if let Some(g) = self.as_gen(it) {
            return self.gen_step(&g, ResumeWith::Send(v));
        }
        if let Some(step) = crate::asyncio::module::futiter_step_fast(self, it) {
            return step;
        }
        let r = if v.is_none() {
            // `__next__` directly, so a StopIteration keeps its value.
            match self.call_dunder(it, "__next__", vec![]) {
                Ok(Some(y)) => Ok(y),
                Ok(None) => match self.next(it) {
                    Ok(Some(y)) => return Ok(IterStep::Yield(y)),
                    Ok(None) => return Ok(IterStep::Return(Value::None)),
                    Err(e) => Err(e),
                },
                Err(e) => Err(e),
            }
        } else {
            self.call_method(it, "send", vec![v])
        };
        match r {
            Ok(y) => Ok(IterStep::Yield(y)),
            Err(e) if self.exc_matches_name(&e, "StopIteration") => Ok(IterStep::Return(self.stop_value(&e))),
            Err(e) => Err(e),
        }
    }

    /// `GET_AWAITABLE`.
    pub(super) fn get_awaitable(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(g) = self.as_gen(v) {
            if let Payload::Gen(st) = &g.payload {
                let st = st.borrow();
                if st.kind == CodeKind::Coroutine {
                    if st.status == GenStatus::Closed || st.started_once && st.status != GenStatus::Suspended {
                        drop(st);
                        return Err(self.runtime_error("cannot reuse already awaited coroutine"));
                    }
                    drop(st);
                    return Ok(v.clone());
                }
            }
        }
        if let Some(o) = v.as_obj() {
            // Native awaitables whose `__await__` returns themselves.
            let native = |n: &NativeData| {
                matches!(n, NativeData::ASend { .. } | NativeData::AThrow { .. } | NativeData::YieldOnce { .. } | NativeData::FutureIter { .. })
            };
            if matches!(&o.payload, Payload::Native(n) if native(&n.borrow())) {
                return Ok(v.clone());
            }
        }
        match self.call_dunder(v, "__await__", vec![])? {
            Some(it) => {
                if self.as_gen(&it).map(|g| matches!(&g.payload, Payload::Gen(st) if st.borrow().kind == CodeKind::Coroutine)).unwrap_or(false) {
                    return Err(self.type_error("__await__() returned a coroutine".into()));
                }
                if !self.is_iterator(&it) {
                    let it_t = self.type_name(&it);
                    return Err(self.type_error(format!("__await__() returned non-iterator of type '{it_t}'")));
                }
                Ok(it)
            }
            None => {
                let t = self.type_name(v);
                Err(self.type_error(format!("object {t} can't be used in 'await' expression")))
            }
        }
    }

    /// `GET_YIELD_FROM_ITER`.
    pub(super) fn get_yield_from_iter(&mut self, v: &Value) -> PyResult<Value> {
        if self.as_gen(v).is_some() {
            return Ok(v.clone());
        }
        self.get_iter(v)
    }

    /// `__aiter__` for `async for`.
    pub(super) fn get_aiter(&mut self, v: &Value) -> PyResult<Value> {
        match self.call_dunder(v, "__aiter__", vec![])? {
            Some(it) => Ok(it),
            None => {
                let t = self.type_name(v);
                Err(self.type_error(format!("'async for' requires an object with __aiter__ method, got {t}")))
            }
        }
    }

    /// `__anext__` for `async for`: returns the awaitable.
    pub(super) fn get_anext(&mut self, it: &Value) -> PyResult<Value> {
        let aw = match self.call_dunder(it, "__anext__", vec![])? {
            Some(aw) => aw,
            None => {
                let t = self.type_name(it);
                return Err(self.type_error(format!(
                    "'async for' requires an iterator with __anext__ method, got {t}"
                )));
            }
        };
        self.get_awaitable(&aw)
    }
}

impl Vm {
    /// Calls `func` from the scheduler: a Python function gets a frame
    /// (run by the host loop, so it stays pausable) and `None` is returned;
    /// anything else runs now and its result is returned.
    pub fn push_call(&mut self, func: Value, args: Vec<Value>) -> PyResult<Option<Value>> {
        if let Value::Function(f) = &func {
            if !f.code.is_generator_like() {
                let f = f.clone();
                let mut frame = self.bind_frame(&f, args, Vec::new())?;
                frame.resume = Resume::Host;
                self.push_frame(frame)?;
                return Ok(None);
            }
        }
        self.call(func, args).map(Some)
    }
}

/// A throw into a native awaitable standing in for a `sleep()` coroutine:
/// the exception passes through the coroutine it replaced, which adds its
/// line (and cancels its timer). False: `sub` is something else.
fn thrown_into_stand_in(sub: &Value, exc: &Value) -> bool {
    let Some(Payload::Native(n)) = sub.as_obj().map(|o| &o.payload) else { return false };
    let mut n = n.borrow_mut();
    match &mut *n {
        NativeData::YieldOnce { stands_for: Some(line), .. } => {
            crate::native::add_traceback_line(exc, line);
            true
        }
        NativeData::FutureIter { sleep, .. } => match sleep.take() {
            Some(s) => {
                s.finish(Some(exc));
                true
            }
            None => false,
        },
        _ => false,
    }
}
