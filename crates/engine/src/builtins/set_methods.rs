//! Methods of the builtin set and frozenset types.

use std::cell::RefCell;
use std::rc::Rc;

use crate::bytecode::BinOp;
use crate::dict::Set;
use crate::types::add_method;
use crate::value::{Args, BuiltinFn, Value};
use crate::vm::{PyResult, Vm};

/// Registers the methods on the builtin class.
pub fn install(vm: &mut Vm) {
    let set = vm.types.set.clone();
    let frozenset = vm.types.frozenset.clone();
    let shared: &[(&'static str, BuiltinFn)] = &[
        ("copy", set_copy),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symmetric_difference),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
        ("__len__", set_len),
        ("__contains__", set_contains_m),
        ("__iter__", set_iter),
    ];
    for (name, f) in shared {
        add_method(&set, name, "set", *f);
        add_method(&frozenset, name, "frozenset", *f);
    }
    let mutating: &[(&'static str, BuiltinFn)] = &[
        ("add", set_add),
        ("remove", set_remove),
        ("discard", set_discard),
        ("pop", set_pop),
        ("clear", set_clear),
        ("update", set_update),
        ("intersection_update", set_intersection_update),
        ("difference_update", set_difference_update),
        ("symmetric_difference_update", set_symmetric_difference_update),
    ];
    for (name, f) in mutating {
        add_method(&set, name, "set", *f);
    }
}

// ---- helpers ------------------------------------------------------------

fn this(args: &Args) -> Value {
    args.pos.first().cloned().unwrap_or(Value::None)
}

/// The set or frozenset behind `self`.
fn base(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(args);
    match vm.base_value(&s) {
        Some(b @ (Value::Set(_) | Value::FrozenSet(_))) => Ok(b),
        _ => {
            let t = vm.type_name(&s);
            Err(vm.type_error(format!("descriptor for 'set' objects doesn't apply to a '{t}' object")))
        }
    }
}

fn self_set(vm: &mut Vm, args: &Args) -> PyResult<Rc<RefCell<Set>>> {
    match base(vm, args)? {
        Value::Set(s) => Ok(s),
        _ => Err(vm.type_error("descriptor for 'set' objects doesn't apply to a 'frozenset' object".into())),
    }
}

fn arity(vm: &mut Vm, name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.pos.len().saturating_sub(1);
    if n < min || n > max {
        let msg = if min == max && min == 1 {
            format!("{name}() takes exactly one argument ({n} given)")
        } else {
            format!("{name}() takes no arguments ({n} given)")
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

fn no_kw(vm: &mut Vm, name: &str, args: &Args) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// Any iterable as a set value (sets and frozensets as they are).
fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match vm.base_value(v) {
        Some(b @ (Value::Set(_) | Value::FrozenSet(_))) => Ok(b),
        _ => {
            let items = vm.collect(v)?;
            vm.new_set_from(items)
        }
    }
}

/// A fresh mutable copy of a set value (compact, as CPython's copy).
fn copy_of(v: &Value) -> Rc<RefCell<Set>> {
    let mut n = Set::new();
    match v {
        Value::Set(s) => {
            let old = s.borrow().clone();
            n.merge_from(&old)
        }
        Value::FrozenSet(s) => n.merge_from(s),
        _ => {}
    }
    Rc::new(RefCell::new(n))
}

fn is_set(v: &Value) -> bool {
    matches!(v, Value::Set(_) | Value::FrozenSet(_))
}

fn set_len_of(v: &Value) -> usize {
    match v {
        Value::Set(s) => s.borrow().len(),
        Value::FrozenSet(s) => s.len(),
        _ => 0,
    }
}

fn items_of(v: &Value) -> Vec<Value> {
    super::sets::set_items(v).into_iter().map(|(_, k)| k).collect()
}

/// `acc |= other` as CPython's set_update_internal.
fn update_one(vm: &mut Vm, acc: &Rc<RefCell<Set>>, o: &Value) -> PyResult<()> {
    let b = vm.base_value(o).unwrap_or_else(|| o.clone());
    let items = if is_set(&b) {
        let n = set_len_of(&b);
        if let Ok(mut a) = acc.try_borrow_mut() {
            a.reserve_for_merge(n);
        }
        items_of(&b)
    } else {
        vm.collect(o)?
    };
    for k in items {
        vm.set_add(acc, k)?;
    }
    Ok(())
}

/// `so & other` as CPython's set_intersection.
fn intersect(vm: &mut Vm, so: &Value, o: &Value) -> PyResult<Rc<RefCell<Set>>> {
    let result = Rc::new(RefCell::new(Set::new()));
    let b = vm.base_value(o).unwrap_or_else(|| o.clone());
    if is_set(&b) {
        let (big, small) = if set_len_of(&b) > set_len_of(so) { (b.clone(), so.clone()) } else { (so.clone(), b.clone()) };
        for k in items_of(&small) {
            if crate::builtins::set_contains(vm, &big, &k)? {
                vm.set_add(&result, k)?;
            }
        }
    } else {
        for k in vm.collect(o)? {
            if crate::builtins::set_contains(vm, so, &k)? {
                vm.set_add(&result, k)?;
            }
        }
    }
    Ok(result)
}

/// `so - other` as CPython's set_difference.
fn subtract(vm: &mut Vm, so: &Value, o: &Value) -> PyResult<Rc<RefCell<Set>>> {
    let b = vm.base_value(o).unwrap_or_else(|| o.clone());
    if is_set(&b) && set_len_of(so) >> 2 <= set_len_of(&b) {
        let result = Rc::new(RefCell::new(Set::new()));
        for k in items_of(so) {
            if !crate::builtins::set_contains(vm, &b, &k)? {
                vm.set_add(&result, k)?;
            }
        }
        return Ok(result);
    }
    let result = copy_of(so);
    discard_all(vm, &result, o)?;
    Ok(result)
}

fn discard_all(vm: &mut Vm, s: &Rc<RefCell<Set>>, o: &Value) -> PyResult<()> {
    let b = vm.base_value(o).unwrap_or_else(|| o.clone());
    let items = if is_set(&b) { items_of(&b) } else { vm.collect(o)? };
    for k in items {
        remove_item(vm, s, &k)?;
    }
    Ok(())
}

/// `s ^= other` as CPython's set_symmetric_difference_update.
fn symdiff_update(vm: &mut Vm, s: &Rc<RefCell<Set>>, o: &Value) -> PyResult<()> {
    let b = vm.base_value(o).unwrap_or_else(|| o.clone());
    let other = if is_set(&b) { b } else { as_set(vm, o)? };
    if let Value::Set(x) = &other {
        if Rc::ptr_eq(x, s) {
            let _ = std::mem::take(&mut *s.borrow_mut());
            return Ok(());
        }
    }
    for k in items_of(&other) {
        if !remove_item(vm, s, &k)? {
            vm.set_add(s, k)?;
        }
    }
    Ok(())
}

fn take(s: Rc<RefCell<Set>>) -> Set {
    let out = s.borrow().clone();
    out
}

/// A result with the same base type as `like`.
fn like(like: &Value, s: Set) -> Value {
    match like {
        Value::FrozenSet(_) => Value::FrozenSet(Rc::new(s)),
        _ => Value::Set(Rc::new(RefCell::new(s))),
    }
}

fn hash_key(vm: &mut Vm, x: &Value) -> PyResult<(Value, i64)> {
    match vm.hash(x) {
        Ok(h) => Ok((x.clone(), h)),
        Err(e) => {
            if let Value::Set(s) = x {
                let f = Value::FrozenSet(Rc::new(s.borrow().clone()));
                let h = vm.hash(&f)?;
                return Ok((f, h));
            }
            Err(e)
        }
    }
}

/// Removes `x`; whether it was present.
fn remove_item(vm: &mut Vm, s: &Rc<RefCell<Set>>, x: &Value) -> PyResult<bool> {
    let (k, h) = hash_key(vm, x)?;
    let slot = {
        let s2 = s.clone();
        let sb = s2.borrow();
        sb.find_slot(&k, h, &mut |a, b| vm.eq(a, b))?
    };
    let Some(slot) = slot else { return Ok(false) };
    let Ok(mut sb) = s.try_borrow_mut() else {
        return Err(vm.runtime_error("Set changed size during iteration"));
    };
    Ok(sb.remove_slot(slot).is_some())
}

fn replace(vm: &mut Vm, target: &Rc<RefCell<Set>>, v: Value) -> PyResult<()> {
    let new = match v {
        Value::Set(s) => s.borrow().clone(),
        Value::FrozenSet(s) => (*s).clone(),
        _ => return Ok(()),
    };
    match target.try_borrow_mut() {
        Ok(mut t) => *t = new,
        Err(_) => return Err(vm.runtime_error("Set changed size during iteration")),
    }
    Ok(())
}

/// `self op others...` following CPython's algorithms (they fix the order).
fn fold(vm: &mut Vm, args: &Args, op: BinOp, name: &str) -> PyResult<Value> {
    no_kw(vm, name, args)?;
    let a = base(vm, args)?;
    let others: Vec<Value> = args.pos.iter().skip(1).cloned().collect();
    let acc = match op {
        BinOp::Or => {
            let acc = copy_of(&a);
            for o in &others {
                update_one(vm, &acc, o)?;
            }
            acc
        }
        BinOp::And => {
            if others.is_empty() {
                copy_of(&a)
            } else {
                let mut cur = a.clone();
                let mut acc = copy_of(&a);
                for o in &others {
                    acc = intersect(vm, &cur, o)?;
                    cur = Value::Set(acc.clone());
                }
                acc
            }
        }
        BinOp::Sub => {
            let mut it = others.iter();
            match it.next() {
                None => copy_of(&a),
                Some(first) => {
                    let acc = subtract(vm, &a, first)?;
                    for o in it {
                        discard_all(vm, &acc, o)?;
                    }
                    acc
                }
            }
        }
        _ => {
            let acc = copy_of(&a);
            for o in &others {
                symdiff_update(vm, &acc, o)?;
            }
            acc
        }
    };
    Ok(like(&a, take(acc)))
}

// ---- shared -----------------------------------------------------------------

fn set_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "set.copy", &args, 0, 0)?;
    let a = base(vm, &args)?;
    if let Value::FrozenSet(_) = &a {
        if matches!(this(&args), Value::FrozenSet(_)) {
            return Ok(a);
        }
    }
    let c = copy_of(&a).borrow().clone();
    Ok(like(&a, c))
}

fn set_union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    fold(vm, &args, BinOp::Or, "set.union")
}

fn set_intersection(vm: &mut Vm, args: Args) -> PyResult<Value> {
    fold(vm, &args, BinOp::And, "set.intersection")
}

fn set_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    fold(vm, &args, BinOp::Sub, "set.difference")
}

fn set_symmetric_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "set.symmetric_difference", &args, 1, 1)?;
    fold(vm, &args, BinOp::Xor, "set.symmetric_difference")
}

fn set_issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "set.issubset", &args, 1, 1)?;
    let a = base(vm, &args)?;
    let b = as_set(vm, &args.pos[1])?;
    for (_, k) in super::sets::set_items(&a) {
        if !crate::builtins::set_contains(vm, &b, &k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "set.issuperset", &args, 1, 1)?;
    let a = base(vm, &args)?;
    let b = as_set(vm, &args.pos[1])?;
    for (_, k) in super::sets::set_items(&b) {
        if !crate::builtins::set_contains(vm, &a, &k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "set.isdisjoint", &args, 1, 1)?;
    let a = base(vm, &args)?;
    let items = vm.collect(&args.pos[1])?;
    for k in items {
        if crate::builtins::set_contains(vm, &a, &k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "set.__len__", &args, 0, 0)?;
    let a = base(vm, &args)?;
    Ok(Value::Int(vm.len(&a)? as i64))
}

fn set_contains_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "set.__contains__", &args, 1, 1)?;
    let a = base(vm, &args)?;
    Ok(Value::Bool(crate::builtins::set_contains(vm, &a, &args.pos[1])?))
}

fn set_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "set.__iter__", &args, 0, 0)?;
    let a = base(vm, &args)?;
    vm.get_iter(&a)
}

// ---- set only -----------------------------------------------------------------

fn set_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "set.add", &args, 1, 1)?;
    let s = self_set(vm, &args)?;
    vm.set_add(&s, args.pos[1].clone())?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "set.remove", &args, 1, 1)?;
    let s = self_set(vm, &args)?;
    if remove_item(vm, &s, &args.pos[1])? {
        Ok(Value::None)
    } else {
        Err(vm.key_error(args.pos[1].clone()))
    }
}

fn set_discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "set.discard", &args, 1, 1)?;
    let s = self_set(vm, &args)?;
    remove_item(vm, &s, &args.pos[1])?;
    Ok(Value::None)
}

fn set_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "set.pop", &args, 0, 0)?;
    let s = self_set(vm, &args)?;
    let r = match s.try_borrow_mut() {
        Ok(mut sb) => sb.pop_first(),
        Err(_) => return Err(vm.runtime_error("Set changed size during iteration")),
    };
    match r {
        Some(v) => Ok(v),
        None => Err(vm.key_error(Value::str("pop from an empty set"))),
    }
}

fn set_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "set.clear", &args, 0, 0)?;
    let s = self_set(vm, &args)?;
    let old = match s.try_borrow_mut() {
        Ok(mut sb) => std::mem::take(&mut *sb),
        Err(_) => return Err(vm.runtime_error("Set changed size during iteration")),
    };
    drop(old);
    Ok(Value::None)
}

fn set_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kw(vm, "set.update", &args)?;
    let s = self_set(vm, &args)?;
    for o in args.pos.iter().skip(1) {
        update_one(vm, &s, o)?;
    }
    Ok(Value::None)
}

fn update_with(vm: &mut Vm, args: &Args, op: BinOp, name: &str) -> PyResult<Value> {
    let s = self_set(vm, args)?;
    let r = fold(vm, args, op, name)?;
    replace(vm, &s, r)?;
    Ok(Value::None)
}

fn set_intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    update_with(vm, &args, BinOp::And, "set.intersection_update")
}

fn set_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kw(vm, "set.difference_update", &args)?;
    let s = self_set(vm, &args)?;
    for o in args.pos.iter().skip(1) {
        discard_all(vm, &s, o)?;
    }
    Ok(Value::None)
}

fn set_symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "set.symmetric_difference_update", &args, 1, 1)?;
    let s = self_set(vm, &args)?;
    symdiff_update(vm, &s, &args.pos[1])?;
    Ok(Value::None)
}
