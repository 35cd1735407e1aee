//! Raising, catching and reporting exceptions.

use std::rc::Rc;

use super::frame::Resume;
use super::{Exec, PyResult, Vm};
use crate::bytecode::CodeKind;
use crate::value::{ExcData, Obj, Payload, TbEntry, Value};

impl Vm {
    /// Creates an exception of a builtin class with a message.
    pub fn new_error(&mut self, class: &str, msg: &str) -> Value {
        let cls = self.types.exc(class);
        let args = if msg.is_empty() && class != "KeyError" { vec![] } else { vec![Value::str(msg)] };
        let data = ExcData { args, ..Default::default() };
        Value::Obj(Rc::new(Obj::new(cls, Payload::Exception(std::cell::RefCell::new(data)))))
    }

    pub fn type_error(&mut self, msg: String) -> Value {
        self.new_error("TypeError", &msg)
    }
    pub fn value_error(&mut self, msg: String) -> Value {
        self.new_error("ValueError", &msg)
    }
    pub fn runtime_error(&mut self, msg: &str) -> Value {
        self.new_error("RuntimeError", msg)
    }
    pub fn index_error(&mut self, msg: &str) -> Value {
        self.new_error("IndexError", msg)
    }
    pub fn attribute_error(&mut self, msg: String) -> Value {
        self.new_error("AttributeError", &msg)
    }
    pub fn zero_division(&mut self, msg: &str) -> Value {
        self.new_error("ZeroDivisionError", msg)
    }
    pub fn overflow_error(&mut self, msg: &str) -> Value {
        self.new_error("OverflowError", msg)
    }

    pub fn key_error(&mut self, key: Value) -> Value {
        let e = self.new_error("KeyError", "");
        if let Some(d) = e.as_obj().and_then(|o| o.exc()) {
            d.borrow_mut().args = vec![key];
        }
        e
    }

    pub fn stop_iteration(&mut self, v: Value) -> Value {
        let e = self.new_error("StopIteration", "");
        if !v.is_none() {
            if let Some(d) = e.as_obj().and_then(|o| o.exc()) {
                d.borrow_mut().args = vec![v];
            }
        }
        e
    }

    pub fn name_error(&mut self, name: &str) -> Value {
        let e = self.new_error("NameError", &format!("name '{name}' is not defined"));
        if let Some(o) = e.as_obj() {
            o.dict.borrow_mut().set_str("name", Value::str(name));
        }
        e
    }

    pub fn unbound_local(&mut self, name: &str) -> Value {
        self.new_error(
            "UnboundLocalError",
            &format!("cannot access local variable '{name}' where it is not associated with a value"),
        )
    }

    pub(super) fn deref_name(&self, fi: usize, i: usize) -> Rc<str> {
        let code = &self.frames[fi].code;
        if i < code.cellvars.len() {
            code.cellvars[i].clone()
        } else {
            code.freevars.get(i - code.cellvars.len()).cloned().unwrap_or_else(|| Rc::from("?"))
        }
    }

    pub(super) fn unbound_deref(&mut self, fi: usize, i: usize) -> Value {
        let name = self.deref_name(fi, i);
        if i < self.frames[fi].code.cellvars.len() {
            self.unbound_local(&name)
        } else {
            self.new_error(
                "NameError",
                &format!(
                    "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                ),
            )
        }
    }

    /// Whether `exc` is an instance of the builtin exception class `name`.
    pub fn exc_matches_name(&self, exc: &Value, name: &str) -> bool {
        match exc {
            Value::Obj(o) => o.class.is_subclass(&self.types.exc(name)),
            _ => false,
        }
    }

    /// The exception currently being handled (`sys.exception()`), searching
    /// outward through frames as CPython's exc_info chain does.
    pub fn current_handled(&self) -> Option<Value> {
        self.frames.iter().rev().find_map(|f| f.exc_stack.last().cloned())
    }

    /// Flags an exception so the next `unwind` does not add the current
    /// frame to its traceback again (bare `raise`, re-raise after finally).
    pub(super) fn mark_reraise(&mut self, exc: Value) -> Value {
        self.reraising = true;
        exc
    }

    /// The `raise` statement.
    pub(super) fn raise_op(&mut self, n: u32) -> PyResult<Value> {
        if n == 0 {
            return match self.current_handled() {
                Some(e) => Ok(self.mark_reraise(e)),
                None => Ok(self.runtime_error("No active exception to reraise")),
            };
        }
        let cause = if n == 2 { Some(self.pop()) } else { None };
        let exc = self.pop();
        let exc = self.make_exception(exc)?;
        if let Some(cause) = cause {
            let cause = if cause.is_none() { None } else { Some(self.make_exception(cause).map_err(|_| {
                self.type_error("exception causes must derive from BaseException".into())
            })?) };
            if let Some(d) = exc.as_obj().and_then(|o| o.exc()) {
                let mut d = d.borrow_mut();
                d.cause = cause;
                d.suppress_context = true;
            }
        }
        Ok(exc)
    }

    /// Turns `raise X` operands into an exception instance: classes are
    /// instantiated, anything else is a TypeError.
    pub fn make_exception(&mut self, v: Value) -> PyResult<Value> {
        match &v {
            Value::Obj(o) if o.exc().is_some() => Ok(v),
            Value::Class(c) if c.is_subclass(&self.types.exc("BaseException")) => {
                let e = self.call(v.clone(), vec![])?;
                if e.as_obj().and_then(|o| o.exc()).is_some() {
                    Ok(e)
                } else {
                    let r = self.repr(&v)?;
                    let t = self.type_name(&e);
                    Err(self.type_error(format!(
                        "calling {r} should have returned an instance of BaseException, not {t}"
                    )))
                }
            }
            _ => Err(self.type_error("exceptions must derive from BaseException".into())),
        }
    }

    /// Raises `exc` in the top frame (used by the scheduler to throw into
    /// a coroutine or into the program's frames). `Some` if it escaped.
    pub fn raise_in_top(&mut self, exc: Value) -> Option<Exec> {
        self.unwind(exc, 0, true)
    }

    /// Finds a handler for `exc`, popping frames as needed. Returns `Some`
    /// when the exception escaped the frame at `base`.
    pub(super) fn unwind(&mut self, exc: Value, base: usize, fresh: bool) -> Option<Exec> {
        let mut exc = exc;
        let mut add_tb = !std::mem::take(&mut self.reraising);
        if fresh && add_tb {
            self.set_context(&exc);
        }
        loop {
            // The frame at `base` is already gone (an exhausted async
            // generator raises StopAsyncIteration after its frame was
            // popped): the exception belongs to whoever resumed it, never
            // to a handler in the frames below.
            if base > 0 && self.frames.len() <= base {
                return Some(Exec::Raised(exc));
            }
            let fi = self.frames.len().checked_sub(1)?;
            if add_tb {
                let f = &self.frames[fi];
                let ip = f.ip.saturating_sub(1);
                let entry = TbEntry { code: f.code.clone(), line: f.code.line_at(ip), ip };
                if let Some(d) = exc.as_obj().and_then(|o| o.exc()) {
                    d.borrow_mut().traceback.push(entry);
                }
            }
            add_tb = true;
            let f = &mut self.frames[fi];
            if let Some(block) = f.blocks.pop() {
                f.stack.truncate(block.stack_level as usize);
                f.exc_stack.truncate(block.exc_depth as usize);
                f.stack.push(exc);
                f.ip = block.handler as usize;
                return None;
            }
            let frame = self.frames.pop()?;
            if let Some(gen) = &frame.gen {
                self.gen_finished(gen);
                exc = self.convert_stop_iteration(exc, frame.code.kind);
            }
            if fi <= base || frame.resume == Resume::Host {
                return Some(Exec::Raised(exc));
            }
        }
    }

    /// PEP 479: StopIteration escaping a generator becomes RuntimeError.
    fn convert_stop_iteration(&mut self, exc: Value, kind: CodeKind) -> Value {
        let (is_stop, what) = match kind {
            CodeKind::Generator => (self.exc_matches_name(&exc, "StopIteration"), "generator raised StopIteration"),
            CodeKind::Coroutine => (self.exc_matches_name(&exc, "StopIteration"), "coroutine raised StopIteration"),
            CodeKind::AsyncGenerator => {
                if self.exc_matches_name(&exc, "StopAsyncIteration") {
                    (true, "async generator raised StopAsyncIteration")
                } else {
                    (self.exc_matches_name(&exc, "StopIteration"), "async generator raised StopIteration")
                }
            }
            _ => (false, ""),
        };
        if !is_stop {
            return exc;
        }
        let new = self.runtime_error(what);
        if let Some(d) = new.as_obj().and_then(|o| o.exc()) {
            let mut d = d.borrow_mut();
            d.cause = Some(exc.clone());
            d.context = Some(exc);
            d.suppress_context = true;
        }
        new
    }

    /// Implicit chaining: a new exception raised while another is handled
    /// records it as `__context__`.
    fn set_context(&mut self, exc: &Value) {
        let Some(handled) = self.current_handled() else { return };
        if handled.is(exc) {
            return;
        }
        if let Some(d) = exc.as_obj().and_then(|o| o.exc()) {
            if d.borrow().context.is_none() {
                // Break cycles: if handled already chains to exc, cut it there.
                let mut cur = Some(handled.clone());
                let mut steps = 0;
                while let Some(c) = cur {
                    if steps > 1000 {
                        break;
                    }
                    steps += 1;
                    let next = c.as_obj().and_then(|o| o.exc()).and_then(|d| d.borrow().context.clone());
                    if let Some(n) = &next {
                        if n.is(exc) {
                            if let Some(cd) = c.as_obj().and_then(|o| o.exc()) {
                                cd.borrow_mut().context = None;
                            }
                            break;
                        }
                    }
                    cur = next;
                }
                d.borrow_mut().context = Some(handled);
            }
        }
    }

    /// `except T:` matching, with CPython's error for non-exception types.
    pub(super) fn exc_match(&mut self, exc: &Value, ty: &Value) -> PyResult<bool> {
        let base = self.types.exc("BaseException");
        let check = |vm: &mut Vm, t: &Value| -> PyResult<bool> {
            match t {
                Value::Class(c) if c.is_subclass(&base) => Ok(vm.isinstance_class(exc, c)),
                _ => Err(vm.type_error(
                    "catching classes that do not inherit from BaseException is not allowed".into(),
                )),
            }
        };
        match ty {
            Value::Tuple(items) => {
                let mut found = false;
                for t in items.iter() {
                    if check(self, t)? {
                        found = true;
                    }
                }
                Ok(found)
            }
            t => check(self, t),
        }
    }

    /// A traceback object for `__exit__` and `e.__traceback__`: we expose
    /// None-or-a-marker; learners rarely inspect it.
    pub fn traceback_object(&mut self, exc: &Value) -> Value {
        match exc.as_obj().and_then(|o| o.exc()) {
            Some(d) if !d.borrow().traceback.is_empty() => Value::Obj(self.types.traceback_marker.clone()),
            _ => Value::None,
        }
    }
}
