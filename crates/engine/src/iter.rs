//! Builtin iterators and the iteration protocol from Rust.
//!
//! Builtin iterators step in Rust without raising StopIteration (`next`
//! returns `Ok(None)` when exhausted), which keeps `for` loops over lists
//! and ranges cheap.

use std::cell::RefCell;
use std::rc::Rc;

use crate::dict::{Dict, Set};
use crate::value::{Obj, Payload, Value};
use crate::vm::{PyResult, Vm};

/// The state of a builtin iterator object.
pub enum IterState {
    Seq { seq: Value, i: usize },
    List { list: Rc<RefCell<Vec<Value>>>, i: usize },
    Range { cur: i64, stop: i64, step: i64 },
    Str { s: Rc<crate::value::PyStr>, byte: usize },
    DictKeys { d: Rc<RefCell<Dict>>, pos: usize, len: usize, mode: u8 },
    Set { items: Vec<Value>, i: usize },
    Enumerate { it: Value, n: Value },
    Zip { its: Vec<Value>, strict: bool },
    Map { f: Value, its: Vec<Value> },
    Filter { f: Value, it: Value },
    Reversed { seq: Value, i: usize },
    /// `iter(callable, sentinel)`.
    Callable { f: Value, sentinel: Value },
    /// Iterates a sequence by `__getitem__` until IndexError.
    GetItem { obj: Value, i: i64 },
    /// A `collections.deque` (from the left, or reversed), valid while
    /// the deque's mutation count is `state`.
    Deque { deque: Value, i: usize, state: u64, rev: bool },
    Done,
}

impl Vm {
    fn make_iter(&mut self, st: IterState) -> Value {
        let name = match &st {
            IterState::Seq { seq: Value::Bytes(_), .. } => "bytes_iterator",
            IterState::Seq { .. } => "tuple_iterator",
            IterState::List { .. } => "list_iterator",
            IterState::Range { .. } => "range_iterator",
            IterState::Str { s, .. } => {
                if s.is_ascii() {
                    "str_ascii_iterator"
                } else {
                    "str_iterator"
                }
            }
            IterState::DictKeys { mode: 0, .. } => "dict_keyiterator",
            IterState::DictKeys { mode: 1, .. } => "dict_valueiterator",
            IterState::DictKeys { .. } => "dict_itemiterator",
            IterState::Set { .. } => "set_iterator",
            IterState::Enumerate { .. } => "enumerate",
            IterState::Zip { .. } => "zip",
            IterState::Map { .. } => "map",
            IterState::Filter { .. } => "filter",
            IterState::Reversed { seq: Value::List(_), .. } => "list_reverseiterator",
            IterState::Reversed { .. } => "reversed",
            IterState::Callable { .. } => "callable_iterator",
            IterState::Deque { rev: false, .. } => "_deque_iterator",
            IterState::Deque { rev: true, .. } => "_deque_reverse_iterator",
            IterState::GetItem { .. } | IterState::Done => "iterator",
        };
        let cls = self.types.iter_class(name);
        Value::Obj(Rc::new(Obj::new(cls, Payload::Iter(RefCell::new(st)))))
    }

    pub fn new_iter(&mut self, st: IterState) -> Value {
        self.make_iter(st)
    }

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        let st = match v {
            Value::List(l) => IterState::List { list: l.clone(), i: 0 },
            Value::Tuple(_) | Value::Bytes(_) => IterState::Seq { seq: v.clone(), i: 0 },
            Value::Str(s) => IterState::Str { s: s.clone(), byte: 0 },
            Value::Dict(d) => IterState::DictKeys { d: d.clone(), pos: 0, len: d.borrow().len(), mode: 0 },
            Value::Set(s) => IterState::Set { items: s.borrow().iter().cloned().collect(), i: 0 },
            Value::FrozenSet(s) => IterState::Set { items: s.iter().cloned().collect(), i: 0 },
            Value::Obj(o) => match &o.payload {
                Payload::Gen(st) if st.borrow().kind == crate::bytecode::CodeKind::Coroutine => {
                    return Err(self.not_iterable(v));
                }
                Payload::Iter(_) | Payload::Gen(_) => {
                    if o.class.lookup("__iter__").is_none() || matches!(o.payload, Payload::Iter(_)) {
                        return Ok(v.clone());
                    }
                    return self.user_iter(v);
                }
                Payload::Range { start, stop, step } => IterState::Range { cur: *start, stop: *stop, step: *step },
                _ => {
                    if o.class.lookup("__iter__").is_some() {
                        return self.user_iter(v);
                    }
                    if let Payload::Base(b) = &o.payload {
                        let b = b.borrow().clone();
                        return self.get_iter(&b);
                    }
                    if let Payload::Native(_) = &o.payload {
                        if let Some(it) = crate::native::native_iter(self, v)? {
                            return Ok(it);
                        }
                    }
                    if o.class.lookup("__getitem__").is_some() {
                        IterState::GetItem { obj: v.clone(), i: 0 }
                    } else {
                        return Err(self.not_iterable(v));
                    }
                }
            },
            Value::Class(c) if self.meta_method(c, "__iter__").is_some() => return self.user_iter(v),
            _ => return Err(self.not_iterable(v)),
        };
        Ok(self.make_iter(st))
    }

    fn user_iter(&mut self, v: &Value) -> PyResult<Value> {
        let it = match self.call_dunder(v, "__iter__", vec![])? {
            Some(it) => it,
            None => return Err(self.not_iterable(v)),
        };
        if !self.is_iterator(&it) {
            let t = self.type_name(&it);
            return Err(self.type_error(format!("iter() returned non-iterator of type '{t}'")));
        }
        Ok(it)
    }

    pub fn not_iterable(&mut self, v: &Value) -> Value {
        let t = self.type_name(v);
        self.type_error(format!("'{t}' object is not iterable"))
    }

    pub fn is_iterator(&self, v: &Value) -> bool {
        match v {
            Value::Obj(o) => matches!(o.payload, Payload::Iter(_) | Payload::Gen(_)) || o.class.lookup("__next__").is_some(),
            _ => false,
        }
    }

    /// Advances any iterator; `Ok(None)` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let Value::Obj(o) = it else {
            let t = self.type_name(it);
            return Err(self.type_error(format!("'{t}' object is not an iterator")));
        };
        match &o.payload {
            Payload::Iter(st) => self.next_builtin(st),
            Payload::Gen(_) => {
                let g = o.clone();
                match self.gen_step(&g, crate::vm::ResumeWith::Send(Value::None)) {
                    Ok(crate::vm::IterStep::Yield(v)) => Ok(Some(v)),
                    Ok(crate::vm::IterStep::Return(_)) => Ok(None),
                    Err(e) if self.exc_matches_name(&e, "StopIteration") => Ok(None),
                    Err(e) => Err(e),
                }
            }
            _ => match self.call_dunder(it, "__next__", vec![]) {
                Ok(Some(v)) => Ok(Some(v)),
                Ok(None) => {
                    if let Payload::Native(_) = &o.payload {
                        return crate::native::native_next(self, it);
                    }
                    let t = self.type_name(it);
                    Err(self.type_error(format!("'{t}' object is not an iterator")))
                }
                Err(e) if self.exc_matches_name(&e, "StopIteration") => Ok(None),
                Err(e) => Err(e),
            },
        }
    }

    fn next_builtin(&mut self, st: &RefCell<IterState>) -> PyResult<Option<Value>> {
        // Steps that need the VM (calling functions) take the parts out first.
        let mut s = st.borrow_mut();
        match &mut *s {
            IterState::List { list, i } => {
                let l = list.borrow();
                if *i < l.len() {
                    let v = l[*i].clone();
                    *i += 1;
                    return Ok(Some(v));
                }
                drop(l);
                *s = IterState::Done;
                Ok(None)
            }
            IterState::Range { cur, stop, step } => {
                if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                    let v = *cur;
                    *cur = cur.saturating_add(*step);
                    if *cur == v {
                        *cur = *stop;
                    }
                    Ok(Some(Value::Int(v)))
                } else {
                    Ok(None)
                }
            }
            IterState::Seq { seq, i } => {
                let v = match seq {
                    Value::Tuple(t) => t.get(*i).cloned(),
                    Value::Bytes(b) => b.get(*i).map(|x| Value::Int(*x as i64)),
                    _ => None,
                };
                *i += 1;
                Ok(v)
            }
            IterState::Str { s: text, byte } => match text.s[*byte..].chars().next() {
                Some(c) => {
                    *byte += c.len_utf8();
                    Ok(Some(Value::string(c.to_string())))
                }
                None => Ok(None),
            },
            IterState::DictKeys { d, pos, len, mode } => {
                let d2 = d.clone();
                let db = d2.borrow();
                if db.len() != *len {
                    *len = usize::MAX;
                    drop(db);
                    drop(s);
                    return Err(self.runtime_error("dictionary changed size during iteration"));
                }
                while *pos < db.slots() {
                    let p = *pos;
                    *pos += 1;
                    if let Some((k, v)) = db.get_index(p) {
                        return Ok(Some(match mode {
                            0 => k.clone(),
                            1 => v.clone(),
                            _ => Value::tuple(vec![k.clone(), v.clone()]),
                        }));
                    }
                }
                Ok(None)
            }
            IterState::Set { items, i } => {
                let v = items.get(*i).cloned();
                *i += 1;
                Ok(v)
            }
            IterState::Reversed { seq, i } => {
                if *i == 0 {
                    return Ok(None);
                }
                *i -= 1;
                let idx = *i;
                let seq = seq.clone();
                drop(s);
                match &seq {
                    Value::List(l) => Ok(l.borrow().get(idx).cloned()),
                    Value::Tuple(t) => Ok(t.get(idx).cloned()),
                    other => self.getitem(other, Value::Int(idx as i64)).map(Some),
                }
            }
            IterState::Done => Ok(None),
            IterState::Deque { deque, i, state, rev } => {
                let (d, at, st, rev) = (deque.clone(), *i, *state, *rev);
                *i += 1;
                let r = crate::modules::deque::iter_step(self, &d, at, st, rev);
                if !matches!(r, Ok(Some(_))) {
                    // Exhausted or invalidated: it stays exhausted.
                    *s = IterState::Done;
                }
                r
            }
            IterState::Enumerate { it, n } => {
                let (it, count) = (it.clone(), n.clone());
                drop(s);
                match self.next(&it)? {
                    Some(v) => {
                        let next = self.binary_op(count.clone(), Value::Int(1), crate::bytecode::BinOp::Add)?;
                        if let IterState::Enumerate { n, .. } = &mut *st.borrow_mut() {
                            *n = next;
                        }
                        Ok(Some(Value::tuple(vec![count, v])))
                    }
                    None => Ok(None),
                }
            }
            IterState::Zip { its, strict } => {
                let (its, strict) = (its.clone(), *strict);
                drop(s);
                if its.is_empty() {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(its.len());
                for (k, it) in its.iter().enumerate() {
                    match self.next(it)? {
                        Some(v) => out.push(v),
                        None => {
                            if strict {
                                if k > 0 {
                                    let plural = if k == 1 { " " } else { "s 1-" };
                                    let msg = if k == 1 {
                                        format!("zip() argument 2 is shorter than argument{plural}1")
                                    } else {
                                        format!("zip() argument {} is shorter than arguments 1-{}", k + 1, k)
                                    };
                                    return Err(self.value_error(msg));
                                }
                                for (j, rest) in its.iter().enumerate().skip(1) {
                                    if self.next(rest)?.is_some() {
                                        let msg = if j == 1 {
                                            "zip() argument 2 is longer than argument 1".to_string()
                                        } else {
                                            format!("zip() argument {} is longer than arguments 1-{}", j + 1, j)
                                        };
                                        return Err(self.value_error(msg));
                                    }
                                }
                            }
                            return Ok(None);
                        }
                    }
                }
                Ok(Some(Value::tuple(out)))
            }
            IterState::Map { f, its } => {
                let (f, its) = (f.clone(), its.clone());
                drop(s);
                let mut args = Vec::with_capacity(its.len());
                for it in &its {
                    match self.next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.call(f, args).map(Some)
            }
            IterState::Filter { f, it } => {
                let (f, it) = (f.clone(), it.clone());
                drop(s);
                while let Some(v) = self.next(&it)? {
                    let keep = if f.is_none() {
                        self.truthy(&v)?
                    } else {
                        let r = self.call(f.clone(), vec![v.clone()])?;
                        self.truthy(&r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
                Ok(None)
            }
            IterState::Callable { f, sentinel } => {
                let (f, sentinel) = (f.clone(), sentinel.clone());
                drop(s);
                let v = self.call(f, vec![])?;
                if self.eq(&v, &sentinel)? {
                    *st.borrow_mut() = IterState::Done;
                    return Ok(None);
                }
                Ok(Some(v))
            }
            IterState::GetItem { obj, i } => {
                let (obj, idx) = (obj.clone(), *i);
                *i += 1;
                drop(s);
                match self.getitem(&obj, Value::Int(idx)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.exc_matches_name(&e, "IndexError") || self.exc_matches_name(&e, "StopIteration") => {
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// Collects any iterable into a Vec.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok(t.as_ref().clone()),
            _ => {}
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
            if out.len() % 4096 == 0 {
                self.charge(4096 * 16)?;
            }
        }
        Ok(out)
    }

    /// `a, b = v`.
    pub fn unpack(&mut self, v: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = match v {
            Value::Tuple(t) => t.as_ref().clone(),
            Value::List(l) => l.borrow().clone(),
            _ => {
                let it = match self.get_iter(v) {
                    Ok(it) => it,
                    Err(_) => {
                        let t = self.type_name(v);
                        return Err(self.type_error(format!("cannot unpack non-iterable {t} object")));
                    }
                };
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if out.len() > n {
                        return Err(self.value_error(format!("too many values to unpack (expected {n})")));
                    }
                }
                out
            }
        };
        if items.len() > n {
            return Err(self.value_error(format!("too many values to unpack (expected {n})")));
        }
        if items.len() < n {
            return Err(self.value_error(format!("not enough values to unpack (expected {n}, got {})", items.len())));
        }
        Ok(items)
    }

    /// `a, *b, c = v`.
    pub fn unpack_ex(&mut self, v: &Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
        let items = match self.collect(v) {
            Ok(i) => i,
            Err(_) => {
                let t = self.type_name(v);
                return Err(self.type_error(format!("cannot unpack non-iterable {t} object")));
            }
        };
        if items.len() < before + after {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mut out = Vec::with_capacity(before + after + 1);
        out.extend(items[..before].iter().cloned());
        out.push(Value::list(items[before..items.len() - after].to_vec()));
        out.extend(items[items.len() - after..].iter().cloned());
        Ok(out)
    }

    pub fn set_items(s: &Set) -> Vec<Value> {
        s.iter().cloned().collect()
    }
}
