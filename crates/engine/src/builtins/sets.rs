//! Set algebra shared by operators and methods.

use std::cell::RefCell;
use std::rc::Rc;

use crate::bytecode::BinOp;
use crate::dict::Set;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// The elements (with hashes) of a set or frozenset.
pub fn set_items(v: &Value) -> Vec<(i64, Value)> {
    match v {
        Value::Set(s) => s.borrow().iter_hashed().map(|(h, k)| (h, k.clone())).collect(),
        Value::FrozenSet(s) => s.iter_hashed().map(|(h, k)| (h, k.clone())).collect(),
        _ => Vec::new(),
    }
}

fn contains_hashed(vm: &mut Vm, v: &Value, key: &Value, h: i64) -> PyResult<bool> {
    match v {
        Value::Set(s) => {
            let s = s.clone();
            let sb = s.borrow();
            sb.contains(key, h, &mut |a, b| vm.eq(a, b))
        }
        Value::FrozenSet(s) => s.contains(key, h, &mut |a, b| vm.eq(a, b)),
        _ => Ok(false),
    }
}

pub fn set_contains(vm: &mut Vm, set: &Value, item: &Value) -> PyResult<bool> {
    let h = match vm.hash(item) {
        Ok(h) => h,
        Err(e) => {
            // A set can be looked up by an unhashable set's frozen twin.
            if let Value::Set(s) = item {
                let f = Value::FrozenSet(Rc::new(s.borrow().clone()));
                return set_contains(vm, set, &f);
            }
            return Err(e);
        }
    };
    contains_hashed(vm, set, item, h)
}

pub fn set_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let (ia, ib) = (set_items(a), set_items(b));
    if ia.len() != ib.len() {
        return Ok(false);
    }
    for (h, k) in ia {
        if !contains_hashed(vm, b, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn build(vm: &mut Vm, items: Vec<(i64, Value)>) -> PyResult<Set> {
    let s = Rc::new(RefCell::new(Set::new()));
    for (_, k) in items {
        vm.set_add(&s, k)?;
    }
    let out = s.borrow().clone();
    Ok(out)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` (result type follows the left operand).
pub fn set_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
    let result = match op {
        BinOp::Or => {
            let mut s = match a {
                Value::Set(s) => s.borrow().clone(),
                Value::FrozenSet(s) => (**s).clone(),
                _ => Set::new(),
            };
            let sr = Rc::new(RefCell::new(std::mem::take(&mut s)));
            for (_, k) in set_items(b) {
                vm.set_add(&sr, k)?;
            }
            let out = sr.borrow().clone();
            out
        }
        BinOp::And => {
            let mut keep = Vec::new();
            for (h, k) in set_items(a) {
                if contains_hashed(vm, b, &k, h)? {
                    keep.push((h, k));
                }
            }
            build(vm, keep)?
        }
        BinOp::Sub => {
            let mut keep = Vec::new();
            for (h, k) in set_items(a) {
                if !contains_hashed(vm, b, &k, h)? {
                    keep.push((h, k));
                }
            }
            build(vm, keep)?
        }
        BinOp::Xor => {
            let mut keep = Vec::new();
            for (h, k) in set_items(a) {
                if !contains_hashed(vm, b, &k, h)? {
                    keep.push((h, k));
                }
            }
            for (h, k) in set_items(b) {
                if !contains_hashed(vm, a, &k, h)? {
                    keep.push((h, k));
                }
            }
            build(vm, keep)?
        }
        _ => return Ok(None),
    };
    Ok(Some(match a {
        Value::FrozenSet(_) => Value::FrozenSet(Rc::new(result)),
        _ => Value::Set(Rc::new(RefCell::new(result))),
    }))
}

/// `a |= b` and friends: mutate `a` in place.
pub fn set_inplace(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<()> {
    let Value::Set(target) = a else { return Ok(()) };
    match set_binop(vm, a, b, op)? {
        Some(Value::Set(r)) => {
            let r = r.borrow().clone();
            match target.try_borrow_mut() {
                Ok(mut t) => *t = r,
                Err(_) => return Err(vm.runtime_error("Set changed size during iteration")),
            }
        }
        _ => {}
    }
    Ok(())
}
