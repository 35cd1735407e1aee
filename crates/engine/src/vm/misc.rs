//! Smaller protocol pieces: context managers, exception-group matching,
//! `match` helpers, attributes of exceptions and generators.

use std::rc::Rc;

use super::{PyResult, Vm};
use crate::generator::GenStatus;
use crate::native::NativeData;
use crate::value::{Obj, Payload, Value};

impl Vm {
    /// `with`/`async with` entry: returns (bound __exit__, unbound __enter__).
    pub(super) fn before_with(&mut self, mgr: &Value, is_async: bool) -> PyResult<(Value, Value)> {
        let (enter, exit) = if is_async { ("__aenter__", "__aexit__") } else { ("__enter__", "__exit__") };
        let cls = self.type_of(mgr);
        let t = cls.name.clone();
        let (Some(en), Some(ex)) = (cls.lookup(enter), cls.lookup(exit)) else {
            let what = if is_async { "asynchronous context manager protocol" } else { "context manager protocol" };
            let missing = if cls.lookup(enter).is_none() { enter } else { exit };
            let _ = missing;
            return Err(self.type_error(format!(
                "'{t}' object does not support the {what}"
            )));
        };
        let exit_bound = match &ex {
            Value::Function(_) | Value::Builtin(_) => self.bound_method(mgr.clone(), ex.clone()),
            _ => ex.clone(),
        };
        Ok((exit_bound, en))
    }

    pub(super) fn exception_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let Value::Obj(o) = obj else { return Ok(None) };
        match name {
            "__notes__" => Ok(o.dict.borrow().get("__notes__").cloned()),
            "value" if self.exc_matches_name(obj, "StopIteration") => Ok(Some(self.stop_value(obj))),
            "code" if self.exc_matches_name(obj, "SystemExit") => Ok(Some(self.stop_value(obj))),
            "errno" | "strerror" | "filename" if self.exc_matches_name(obj, "OSError") => {
                let args = o.exc().map(|d| d.borrow().args.clone()).unwrap_or_default();
                let i = match name {
                    "errno" => 0,
                    "strerror" => 1,
                    _ => 2,
                };
                Ok(Some(if (2..=5).contains(&args.len()) { args.get(i).cloned().unwrap_or(Value::None) } else { Value::None }))
            }
            "message" if self.exc_matches_name(obj, "BaseExceptionGroup") => Ok(Some(self.stop_value(obj))),
            "exceptions" if self.exc_matches_name(obj, "BaseExceptionGroup") => {
                let args = o.exc().map(|d| d.borrow().args.clone()).unwrap_or_default();
                Ok(Some(match args.get(1) {
                    Some(v) => Value::tuple(self.collect(v)?),
                    None => Value::tuple(vec![]),
                }))
            }
            _ => Ok(None),
        }
    }

    pub(super) fn gen_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let Value::Obj(o) = obj else { return Ok(None) };
        let Payload::Gen(st) = &o.payload else { return Ok(None) };
        let st = st.borrow();
        Ok(match name {
            "gi_running" | "cr_running" | "ag_running" => Some(Value::Bool(st.status == GenStatus::Running)),
            "gi_suspended" | "cr_suspended" => Some(Value::Bool(st.status == GenStatus::Suspended)),
            "gi_frame" | "cr_frame" | "ag_frame" => Some(if st.status == GenStatus::Closed { Value::None } else { Value::Bool(true) }),
            "gi_yieldfrom" | "cr_await" | "ag_await" => Some(match &st.frame {
                // Suspended inside `yield from`/`await`: SEND, YIELD_VALUE
                // just ran and the delegate is on top of the stack.
                Some(f) if st.status == GenStatus::Suspended
                    && f.ip >= 2
                    && matches!(f.code.ops.get(f.ip - 1), Some(crate::bytecode::Op::YieldValue))
                    && matches!(f.code.ops.get(f.ip - 2), Some(crate::bytecode::Op::Send(_))) =>
                {
                    f.stack.last().cloned().unwrap_or(Value::None)
                }
                _ => Value::None,
            }),
            "gi_code" | "cr_code" | "ag_code" => st
                .frame
                .as_ref()
                .map(|f| Value::Obj(Rc::new(Obj::new(self.types.code.clone(), Payload::Code(f.code.clone()))))),
            _ => None,
        })
    }

    /// Whether `v` matches a sequence pattern (str/bytes/dict do not).
    pub(super) fn is_match_sequence(&self, v: &Value) -> bool {
        match v {
            Value::List(_) | Value::Tuple(_) => true,
            Value::Obj(o) => match &o.payload {
                Payload::Range { .. } => true,
                Payload::Base(b) => matches!(&*b.borrow(), Value::List(_) | Value::Tuple(_)),
                _ => false,
            },
            _ => false,
        }
    }

    /// MATCH_KEYS: the values for `keys` in `subject`, or None.
    pub(super) fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let keys = self.collect(keys)?;
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            let found = match self.as_dict(subject) {
                Some(d) => self.dict_get(&d, &k)?,
                None => match self.call_method(subject, "get", vec![k.clone(), Value::Obj(self.types.null.clone())]) {
                    Ok(v) if !matches!(&v, Value::Obj(o) if Rc::ptr_eq(o, &self.types.null)) => Some(v),
                    Ok(_) => None,
                    Err(e) => return Err(e),
                },
            };
            match found {
                Some(v) => out.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(Value::tuple(out))
    }

    /// MATCH_CLASS: positional (via __match_args__) and keyword attributes.
    pub(super) fn match_class(&mut self, subject: &Value, cls: &Value, nargs: usize, names: &Value) -> PyResult<Value> {
        let Value::Class(c) = cls else {
            return Err(self.type_error("called match pattern must be a class".into()));
        };
        if !self.isinstance_class(subject, c) {
            return Ok(Value::None);
        }
        let mut out = Vec::new();
        if nargs > 0 {
            let self_match = c.module.as_ref() == "builtins"
                && matches!(c.name.as_ref(), "int" | "float" | "str" | "bool" | "list" | "tuple" | "dict" | "set" | "frozenset" | "bytes");
            if self_match {
                if nargs > 1 {
                    return Err(self.type_error(format!("{}() accepts 1 positional sub-pattern ({nargs} given)", c.name)));
                }
                out.push(subject.clone());
            } else {
                let ma = match c.lookup("__match_args__") {
                    Some(m) => self.collect(&m)?,
                    None => Vec::new(),
                };
                if nargs > ma.len() {
                    return Err(self.type_error(format!(
                        "{}() accepts {} positional sub-pattern{} ({nargs} given)",
                        c.name,
                        ma.len(),
                        if ma.len() == 1 { "" } else { "s" }
                    )));
                }
                for n in &ma[..nargs] {
                    let n = n.as_str().unwrap_or("").to_string();
                    match self.getattr_opt(subject, &n)? {
                        Some(v) => out.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        for n in self.collect(names)? {
            let n = n.as_str().unwrap_or("").to_string();
            match self.getattr_opt(subject, &n)? {
                Some(v) => out.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(Value::tuple(out))
    }

    /// `except* T`: splits the group at `exc` into (rest, match).
    pub(super) fn eg_match(&mut self, exc: &Value, ty: &Value) -> PyResult<(Value, Value)> {
        if exc.is_none() {
            return Ok((Value::None, Value::None));
        }
        let is_group = self.exc_matches_name(exc, "BaseExceptionGroup");
        if !is_group {
            if self.exc_match(exc, ty)? {
                // A naked exception is wrapped in a group for the handler.
                // CPython passes the exceptions as a tuple here.
                let cls = if self.exc_matches_name(exc, "Exception") { "ExceptionGroup" } else { "BaseExceptionGroup" };
                let cls = self.types.exc(cls);
                let eg = self.call(Value::Class(cls), vec![Value::str(""), Value::tuple(vec![exc.clone()])])?;
                return Ok((Value::None, eg));
            }
            return Ok((exc.clone(), Value::None));
        }
        let r = self.call_method(exc, "split", vec![ty.clone()])?;
        let parts = self.collect(&r)?;
        let matched = parts.first().cloned().unwrap_or(Value::None);
        let rest = parts.get(1).cloned().unwrap_or(Value::None);
        Ok((rest, matched))
    }

    /// Combines what `except*` handlers left and raised.
    pub(super) fn prep_reraise_star(&mut self, orig: &Value, list: &Value) -> PyResult<Value> {
        let items = self.collect(list)?;
        crate::builtins::prep_reraise_star(self, orig, items)
    }

    pub fn make_exception_group(&mut self, msg: &str, excs: Vec<Value>) -> PyResult<Value> {
        let all_exc = excs.iter().all(|e| self.exc_matches_name(e, "Exception"));
        let cls = if all_exc { self.types.exc("ExceptionGroup") } else { self.types.exc("BaseExceptionGroup") };
        self.call(Value::Class(cls), vec![Value::str(msg), Value::list(excs)])
    }

    /// CALL_INTRINSIC: 1 = mapping-pattern rest dict, 2 = async-gen yield wrap.
    pub(super) fn intrinsic(&mut self, which: u32) -> PyResult<()> {
        match which {
            1 => {
                let keys = self.pop();
                let subject = self.pop();
                let keys = self.collect(&keys)?;
                let d = self.new_dict();
                let items: Vec<(Value, Value)> = match self.as_dict(&subject) {
                    Some(sd) => sd.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
                    None => Vec::new(),
                };
                for (k, v) in items {
                    let mut skip = false;
                    for kk in &keys {
                        if self.eq(&k, kk)? {
                            skip = true;
                        }
                    }
                    if !skip {
                        self.dict_set(&d, k, v)?;
                    }
                }
                self.push(Value::Dict(d));
            }
            2 => {
                let v = self.pop();
                let w = Value::Obj(Rc::new(Obj::new(
                    self.types.native.clone(),
                    Payload::Native(std::cell::RefCell::new(NativeData::AsyncGenWrapped(v))),
                )));
                self.push(w);
            }
            3 => {
                let imag = match self.pop() {
                    Value::Float(f) => f,
                    _ => 0.0,
                };
                let z = self.new_complex(crate::format::Complex::new(0.0, imag));
                self.push(z);
            }
            _ => {}
        }
        Ok(())
    }
}
