//! Methods of the builtin list type (and tuple).

use std::cell::RefCell;
use std::rc::Rc;

use super::to_index;
use crate::bytecode::BinOp;
use crate::types::add_method;
use crate::value::{Args, Value};
use crate::vm::{PyResult, Vm};

/// Registers the methods on the builtin class.
pub fn install(vm: &mut Vm) {
    let list = vm.types.list.clone();
    let methods: [(&'static str, crate::value::BuiltinFn); 21] = [
        ("extend", list_extend),
        ("insert", list_insert),
        ("pop", list_pop),
        ("remove", list_remove),
        ("index", list_index),
        ("count", list_count),
        ("sort", list_sort),
        ("reverse", list_reverse),
        ("copy", list_copy),
        ("clear", list_clear),
        ("__len__", seq_len),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
        ("__getitem__", seq_getitem),
        ("__setitem__", list_setitem),
        ("__delitem__", list_delitem),
        ("__eq__", list_eq),
        ("__ne__", list_ne),
        ("__add__", list_add),
        ("__iadd__", list_iadd),
        ("__mul__", seq_mul),
    ];
    for (name, f) in methods {
        add_method(&list, name, "list", f);
    }
    add_method(&list, "__rmul__", "list", seq_mul);
    add_method(&list, "__reversed__", "list", seq_reversed);

    let tuple = vm.types.tuple.clone();
    let tmethods: [(&'static str, crate::value::BuiltinFn); 8] = [
        ("index", tuple_index),
        ("count", tuple_count),
        ("__len__", seq_len),
        ("__getitem__", seq_getitem),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
        ("__mul__", seq_mul),
        ("__rmul__", seq_mul),
    ];
    for (name, f) in tmethods {
        add_method(&tuple, name, "tuple", f);
    }
    add_method(&tuple, "__add__", "tuple", tuple_add);
}

// ---- helpers ------------------------------------------------------------

fn this(args: &Args) -> Value {
    args.pos.first().cloned().unwrap_or(Value::None)
}

/// The list behind `self`.
fn self_list(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Rc<RefCell<Vec<Value>>>> {
    let s = this(args);
    match vm.as_list(&s) {
        Some(l) => Ok(l),
        None => {
            let t = vm.type_name(&s);
            Err(vm.type_error(format!("descriptor '{name}' for 'list' objects doesn't apply to a '{t}' object")))
        }
    }
}

/// The builtin value behind `self` (list, tuple, ...).
fn base(vm: &mut Vm, args: &Args) -> Value {
    let s = this(args);
    vm.base_value(&s).unwrap_or(s)
}

/// The items of the tuple behind `self`.
fn self_tuple(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Rc<Vec<Value>>> {
    match base(vm, args) {
        Value::Tuple(t) => Ok(t),
        _ => {
            let s = this(args);
            let t = vm.type_name(&s);
            Err(vm.type_error(format!("descriptor '{name}' for 'tuple' objects doesn't apply to a '{t}' object")))
        }
    }
}

/// Number of method arguments (excluding self) must be within [min, max].
fn arity(vm: &mut Vm, name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.pos.len().saturating_sub(1);
    if n < min || n > max {
        let short = name.rsplit('.').next().unwrap_or(name);
        let msg = if min == max && min == 1 {
            format!("{name}() takes exactly one argument ({n} given)")
        } else if min == max && min == 0 {
            format!("{name}() takes no arguments ({n} given)")
        } else if min == max {
            format!("{short} expected {min} arguments, got {n}")
        } else if n < min {
            format!("{short} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else {
            format!("{short} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// Resolves optional start/stop (slice-like, clamped) for index().
fn bounds(vm: &mut Vm, args: &Args, len: usize) -> PyResult<(usize, usize)> {
    let clamp = |i: i64| -> usize {
        let n = len as i64;
        let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
        i as usize
    };
    let start = match args.pos.get(2) {
        Some(v) => {
            let v = v.clone();
            clamp(slice_int(vm, &v)?)
        }
        None => 0,
    };
    let stop = match args.pos.get(3) {
        Some(v) => {
            let v = v.clone();
            clamp(slice_int(vm, &v)?)
        }
        None => len,
    };
    Ok((start, stop))
}

fn slice_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::BigInt(b) => Ok(if b.sign() == crate::bigint::Sign::Minus { i64::MIN / 2 } else { i64::MAX / 2 }),
        Value::Int(_) | Value::Bool(_) => to_index(vm, v),
        Value::Obj(_) => to_index(vm, v),
        _ => Err(vm.type_error("slice indices must be integers or have an __index__ method".into())),
    }
}

// ---- list -----------------------------------------------------------------

fn list_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "list.extend", &args, 1, 1)?;
    let l = self_list(vm, &args, "extend")?;
    let items = vm.collect(&args.pos[1])?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "insert", &args, 2, 2)?;
    let l = self_list(vm, &args, "insert")?;
    let i = to_index(vm, &args.pos[1].clone())?;
    let mut lb = l.borrow_mut();
    let n = lb.len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    lb.insert(i as usize, args.pos[2].clone());
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "pop", &args, 0, 1)?;
    let l = self_list(vm, &args, "pop")?;
    let i = match args.pos.get(1) {
        Some(v) => Some(to_index(vm, &v.clone())?),
        None => None,
    };
    let n = l.borrow().len() as i64;
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = i.unwrap_or(-1);
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    let v = l.borrow_mut().remove(j as usize);
    Ok(v)
}

fn list_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "list.remove", &args, 1, 1)?;
    let l = self_list(vm, &args, "remove")?;
    let x = args.pos[1].clone();
    let mut i = 0;
    loop {
        let item = match l.borrow().get(i) {
            Some(v) => v.clone(),
            None => break,
        };
        if vm.eq(&item, &x)? {
            let mut lb = l.borrow_mut();
            if i < lb.len() {
                lb.remove(i);
            }
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list".into()))
}

fn list_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "index", &args, 1, 3)?;
    let l = self_list(vm, &args, "index")?;
    let x = args.pos[1].clone();
    let len = l.borrow().len();
    let (start, stop) = bounds(vm, &args, len)?;
    let mut i = start;
    while i < stop {
        let item = match l.borrow().get(i) {
            Some(v) => v.clone(),
            None => break,
        };
        if vm.eq(&item, &x)? {
            return Ok(Value::Int(i as i64));
        }
        i += 1;
    }
    let r = vm.repr(&x)?;
    Err(vm.value_error(format!("{r} is not in list")))
}

fn list_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "list.count", &args, 1, 1)?;
    let l = self_list(vm, &args, "count")?;
    let items = l.borrow().clone();
    let x = args.pos[1].clone();
    let mut n = 0;
    for item in &items {
        if vm.eq(item, &x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments".into()));
    }
    let mut key = None;
    let mut reverse = false;
    for (k, v) in &args.kw {
        match &**k {
            "key" => {
                if !v.is_none() {
                    key = Some(v.clone())
                }
            }
            "reverse" => {
                let v = v.clone();
                reverse = vm.truthy(&v)?;
            }
            other => {
                return Err(vm.type_error(format!("sort() got an unexpected keyword argument '{other}'")));
            }
        }
    }
    let l = self_list(vm, &args, "sort")?;
    // While sorting, the list looks empty (as in CPython).
    let mut items = std::mem::take(&mut *l.borrow_mut());
    let r = super::functions::sort_values(vm, &mut items, key, reverse);
    let modified = !l.borrow().is_empty();
    *l.borrow_mut() = items;
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort".into()));
    }
    Ok(Value::None)
}

fn list_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "list.reverse", &args, 0, 0)?;
    let l = self_list(vm, &args, "reverse")?;
    l.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "list.copy", &args, 0, 0)?;
    let l = self_list(vm, &args, "copy")?;
    let items = l.borrow().clone();
    Ok(Value::list(items))
}

fn list_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "list.clear", &args, 0, 0)?;
    let l = self_list(vm, &args, "clear")?;
    let old = std::mem::take(&mut *l.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn list_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "__setitem__", &args, 2, 2)?;
    let b = base(vm, &args);
    vm.setitem(&b, args.pos[1].clone(), args.pos[2].clone())?;
    Ok(Value::None)
}

fn list_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "list.__delitem__", &args, 1, 1)?;
    let b = base(vm, &args);
    vm.delitem(&b, args.pos[1].clone())?;
    Ok(Value::None)
}

fn list_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "list.__eq__", &args, 1, 1)?;
    let a = base(vm, &args);
    let o = args.pos[1].clone();
    match vm.as_list(&o) {
        Some(ol) => {
            let x = match &a {
                Value::List(l) => l.borrow().clone(),
                _ => return Ok(Value::NotImplemented),
            };
            let y = ol.borrow().clone();
            if x.len() != y.len() {
                return Ok(Value::Bool(false));
            }
            for (p, q) in x.iter().zip(y.iter()) {
                if !vm.eq(p, q)? {
                    return Ok(Value::Bool(false));
                }
            }
            Ok(Value::Bool(true))
        }
        None => Ok(Value::NotImplemented),
    }
}

fn list_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match list_eq(vm, args)? {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        other => Ok(other),
    }
}

fn list_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "list.__add__", &args, 1, 1)?;
    let a = self_list(vm, &args, "__add__")?;
    let o = args.pos[1].clone();
    match vm.as_list(&o) {
        Some(ol) => {
            let mut items = a.borrow().clone();
            items.extend(ol.borrow().iter().cloned());
            Ok(Value::list(items))
        }
        None => {
            let t = vm.type_name(&o);
            Err(vm.type_error(format!("can only concatenate list (not \"{t}\") to list")))
        }
    }
}

fn list_iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "list.__iadd__", &args, 1, 1)?;
    let l = self_list(vm, &args, "__iadd__")?;
    let items = vm.collect(&args.pos[1])?;
    l.borrow_mut().extend(items);
    Ok(this(&args))
}

// ---- shared by list and tuple ----------------------------------------------

fn seq_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "__len__", &args, 0, 0)?;
    let b = base(vm, &args);
    Ok(Value::Int(vm.len(&b)? as i64))
}

fn seq_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "__contains__", &args, 1, 1)?;
    let b = base(vm, &args);
    Ok(Value::Bool(vm.contains(&b, &args.pos[1])?))
}

fn seq_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "__iter__", &args, 0, 0)?;
    let b = base(vm, &args);
    vm.get_iter(&b)
}

fn seq_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "__reversed__", &args, 0, 0)?;
    let b = base(vm, &args);
    let n = vm.len(&b)?;
    Ok(vm.new_iter(crate::iter::IterState::Reversed { seq: b, i: n }))
}

fn seq_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "__getitem__", &args, 1, 1)?;
    let b = base(vm, &args);
    vm.getitem(&b, args.pos[1].clone())
}

fn seq_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "__mul__", &args, 1, 1)?;
    let b = base(vm, &args);
    let o = args.pos[1].clone();
    if !matches!(o, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) && vm.getattr_opt(&o, "__index__")?.is_none() {
        return Ok(Value::NotImplemented);
    }
    vm.binary_op(b, o, BinOp::Mul)
}

// ---- tuple ----------------------------------------------------------------

fn tuple_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "index", &args, 1, 3)?;
    let t = self_tuple(vm, &args, "index")?;
    let x = args.pos[1].clone();
    let (start, stop) = bounds(vm, &args, t.len())?;
    for i in start..stop {
        if vm.eq(&t[i], &x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple".into()))
}

fn tuple_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "tuple.count", &args, 1, 1)?;
    let t = self_tuple(vm, &args, "count")?;
    let x = args.pos[1].clone();
    let mut n = 0;
    for item in t.iter() {
        if vm.eq(item, &x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "tuple.__add__", &args, 1, 1)?;
    let t = self_tuple(vm, &args, "__add__")?;
    let o = args.pos[1].clone();
    match vm.base_value(&o) {
        Some(Value::Tuple(u)) => {
            let mut items = (*t).clone();
            items.extend(u.iter().cloned());
            Ok(Value::tuple(items))
        }
        _ => {
            let tn = vm.type_name(&o);
            Err(vm.type_error(format!("can only concatenate tuple (not \"{tn}\") to tuple")))
        }
    }
}
