//! Indexing and slicing of builtin sequences and mappings.

use std::rc::Rc;

use super::to_index;
use crate::value::{Payload, Value};
use crate::vm::{PyResult, Vm};

/// Resolved slice bounds over a sequence of length `len`.
pub fn slice_indices(vm: &mut Vm, s: &Value, len: i64) -> PyResult<(i64, i64, i64)> {
    let Value::Obj(o) = s else { return Ok((0, len, 1)) };
    let Payload::Slice(a, b, c) = &o.payload else { return Ok((0, len, 1)) };
    let step = if c.is_none() { 1 } else { to_index(vm, c)? };
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero".into()));
    }
    let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
    let (lo, hi) = if step > 0 { (0, len) } else { (-1, len - 1) };
    let start = if a.is_none() {
        if step > 0 { lo } else { hi }
    } else {
        let i = to_index(vm, a)?;
        clamp(if i < 0 { i + len } else { i }, lo, hi)
    };
    let stop = if b.is_none() {
        if step > 0 { hi } else { lo }
    } else {
        let i = to_index(vm, b)?;
        clamp(if i < 0 { i + len } else { i }, lo, hi)
    };
    Ok((start, stop, step))
}

fn slice_positions(start: i64, stop: i64, step: i64) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    out
}

fn is_slice(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload, Payload::Slice(..)))
}

fn seq_index(vm: &mut Vm, idx: &Value, len: usize, what: &str) -> PyResult<usize> {
    let i = match idx {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => return Err(vm.index_error(&format!("cannot fit 'int' into an index-sized integer"))),
        Value::Obj(_) if vm.call_dunder(idx, "__index__", vec![]).ok().flatten().is_some() => to_index(vm, idx)?,
        other => {
            let t = vm.type_name(other);
            return Err(vm.type_error(format!("{what} indices must be integers or slices, not {t}")));
        }
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error(&format!("{what} index out of range")));
    }
    Ok(j as usize)
}

pub fn getitem(vm: &mut Vm, v: &Value, idx: Value) -> PyResult<Value> {
    match v {
        Value::List(l) => {
            if is_slice(&idx) {
                let items = l.borrow().clone();
                let (a, b, c) = slice_indices(vm, &idx, items.len() as i64)?;
                return Ok(Value::list(slice_positions(a, b, c).into_iter().map(|i| items[i].clone()).collect()));
            }
            let n = l.borrow().len();
            let i = seq_index(vm, &idx, n, "list")?;
            Ok(l.borrow()[i].clone())
        }
        Value::Tuple(t) => {
            if is_slice(&idx) {
                let (a, b, c) = slice_indices(vm, &idx, t.len() as i64)?;
                return Ok(Value::tuple(slice_positions(a, b, c).into_iter().map(|i| t[i].clone()).collect()));
            }
            let i = seq_index(vm, &idx, t.len(), "tuple")?;
            Ok(t[i].clone())
        }
        Value::Str(s) => {
            if is_slice(&idx) {
                let (a, b, c) = slice_indices(vm, &idx, s.chars as i64)?;
                if s.is_ascii() {
                    let bytes = s.s.as_bytes();
                    if c == 1 {
                        return Ok(Value::str(if a < b { &s.s[a as usize..b as usize] } else { "" }));
                    }
                    let out: String = slice_positions(a, b, c).into_iter().map(|i| bytes[i] as char).collect();
                    return Ok(Value::string(out));
                }
                let chars: Vec<char> = s.s.chars().collect();
                return Ok(Value::string(slice_positions(a, b, c).into_iter().map(|i| chars[i]).collect()));
            }
            let i = seq_index(vm, &idx, s.chars, "string")?;
            let c = if s.is_ascii() { s.s.as_bytes()[i] as char } else { s.s.chars().nth(i).unwrap_or(' ') };
            Ok(Value::string(c.to_string()))
        }
        Value::Bytes(b) => {
            if is_slice(&idx) {
                let (a, e, c) = slice_indices(vm, &idx, b.len() as i64)?;
                return Ok(Value::Bytes(Rc::new(slice_positions(a, e, c).into_iter().map(|i| b[i]).collect())));
            }
            let i = seq_index(vm, &idx, b.len(), "index")?;
            Ok(Value::Int(b[i] as i64))
        }
        Value::Dict(d) => match vm.dict_get(d, &idx)? {
            Some(x) => Ok(x),
            None => Err(vm.key_error(idx)),
        },
        Value::Class(c) => {
            if let Some(f) = vm.meta_method(c, "__getitem__") {
                return vm.call(f, vec![v.clone(), idx]);
            }
            if let Some(f) = c.lookup("__class_getitem__") {
                let f = match &f {
                    Value::Obj(o) => match &o.payload {
                        Payload::ClassMethod(inner) => vm.bound_method(v.clone(), inner.clone()),
                        _ => f.clone(),
                    },
                    _ => f.clone(),
                };
                return vm.call(f, vec![idx]);
            }
            if c.module.as_ref() == "builtins" {
                return crate::modules::typing::generic_alias(vm, v.clone(), idx);
            }
            Err(vm.type_error(format!("type '{}' is not subscriptable", c.name)))
        }
        Value::Obj(o) => {
            if let Some(f) = o.class.lookup("__getitem__") {
                if !matches!(f, Value::Builtin(_)) || !matches!(o.payload, Payload::Base(_)) {
                    return vm.call(f, vec![v.clone(), idx]);
                }
            }
            match &o.payload {
                Payload::Range { start, stop, step } => {
                    let n = super::range_len(*start, *stop, *step);
                    if is_slice(&idx) {
                        let (a, b, c) = slice_indices(vm, &idx, n)?;
                        return Ok(vm.new_range(start + a * step, start + b * step, step * c));
                    }
                    let i = seq_index(vm, &idx, n as usize, "range object")?;
                    Ok(Value::Int(start + i as i64 * step))
                }
                Payload::Base(b) => {
                    let b = b.borrow().clone();
                    if let Value::Dict(d) = &b {
                        if let Some(x) = vm.dict_get(d, &idx)? {
                            return Ok(x);
                        }
                        if let Some(m) = o.class.lookup("__missing__") {
                            return vm.call(m, vec![v.clone(), idx]);
                        }
                        return Err(vm.key_error(idx));
                    }
                    getitem(vm, &b, idx)
                }
                _ => {
                    if let Some(r) = crate::native::native_getitem(vm, v, &idx)? {
                        return Ok(r);
                    }
                    let t = vm.type_name(v);
                    Err(vm.type_error(format!("'{t}' object is not subscriptable")))
                }
            }
        }
        _ => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("'{t}' object is not subscriptable")))
        }
    }
}

pub fn setitem(vm: &mut Vm, v: &Value, idx: Value, x: Value) -> PyResult<()> {
    match v {
        Value::List(l) => {
            if is_slice(&idx) {
                let items = vm.collect(&x)?;
                let n = l.borrow().len() as i64;
                let (a, b, c) = slice_indices(vm, &idx, n)?;
                let mut lb = l.borrow_mut();
                if c == 1 {
                    let b = b.max(a);
                    lb.splice(a as usize..b as usize, items);
                    return Ok(());
                }
                let pos = slice_positions(a, b, c);
                if pos.len() != items.len() {
                    drop(lb);
                    return Err(vm.value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        items.len(),
                        pos.len()
                    )));
                }
                for (p, item) in pos.into_iter().zip(items) {
                    lb[p] = item;
                }
                return Ok(());
            }
            let n = l.borrow().len();
            let i = seq_index(vm, &idx, n, "list assignment")?;
            l.borrow_mut()[i] = x;
            Ok(())
        }
        Value::Dict(d) => vm.dict_set(d, idx, x),
        Value::Obj(o) => {
            if let Some(f) = o.class.lookup("__setitem__") {
                if !matches!(f, Value::Builtin(_)) || !matches!(o.payload, Payload::Base(_)) {
                    vm.call(f, vec![v.clone(), idx, x])?;
                    return Ok(());
                }
            }
            match &o.payload {
                Payload::Base(b) => {
                    let b = b.borrow().clone();
                    setitem(vm, &b, idx, x)
                }
                _ => {
                    if crate::native::native_setitem(vm, v, &idx, &x)? {
                        return Ok(());
                    }
                    let t = vm.type_name(v);
                    Err(vm.type_error(format!("'{t}' object does not support item assignment")))
                }
            }
        }
        _ => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("'{t}' object does not support item assignment")))
        }
    }
}

pub fn delitem(vm: &mut Vm, v: &Value, idx: Value) -> PyResult<()> {
    match v {
        Value::List(l) => {
            if is_slice(&idx) {
                let n = l.borrow().len() as i64;
                let (a, b, c) = slice_indices(vm, &idx, n)?;
                let mut pos = slice_positions(a, b, c);
                // Removed from the end, so ascending order is needed.
                if c < 0 {
                    pos.reverse();
                }
                let mut lb = l.borrow_mut();
                for p in pos.into_iter().rev() {
                    lb.remove(p);
                }
                return Ok(());
            }
            let n = l.borrow().len();
            let i = seq_index(vm, &idx, n, "list assignment")?;
            l.borrow_mut().remove(i);
            Ok(())
        }
        Value::Dict(d) => match vm.dict_del(d, &idx)? {
            Some(_) => Ok(()),
            None => Err(vm.key_error(idx)),
        },
        Value::Obj(o) => {
            if let Some(f) = o.class.lookup("__delitem__") {
                if !matches!(f, Value::Builtin(_)) || !matches!(o.payload, Payload::Base(_)) {
                    vm.call(f, vec![v.clone(), idx])?;
                    return Ok(());
                }
            }
            match &o.payload {
                Payload::Base(b) => {
                    let b = b.borrow().clone();
                    delitem(vm, &b, idx)
                }
                _ => {
                    if crate::native::native_delitem(vm, v, &idx)? {
                        return Ok(());
                    }
                    let t = vm.type_name(v);
                    Err(vm.type_error(format!("'{t}' object doesn't support item deletion")))
                }
            }
        }
        _ => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("'{t}' object doesn't support item deletion")))
        }
    }
}

impl Vm {
    pub fn new_range(&mut self, start: i64, stop: i64, step: i64) -> Value {
        Value::Obj(Rc::new(crate::value::Obj::new(self.types.range.clone(), Payload::Range { start, stop, step })))
    }
}
