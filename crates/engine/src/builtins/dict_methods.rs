//! Methods of the builtin dict type, and the dict view types.

use std::cell::RefCell;
use std::rc::Rc;

use crate::bytecode::BinOp;
use crate::dict::Dict;
use crate::iter::IterState;
use crate::namemap::NameMap;
use crate::types::{add_method, builtin_fn};
use crate::value::{Args, BuiltinFn, Class, Layout, Obj, Payload, Value};
use crate::vm::{PyResult, Vm};

type DictRef = Rc<RefCell<Dict>>;

thread_local! {
    /// dict_keys, dict_values, dict_items.
    static VIEWS: RefCell<Option<[Rc<Class>; 3]>> = const { RefCell::new(None) };
}

/// Registers the methods on the builtin class.
pub fn install(vm: &mut Vm) {
    let dict = vm.types.dict.clone();
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("get", dict_get),
        ("keys", dict_keys),
        ("values", dict_values),
        ("items", dict_items),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("setdefault", dict_setdefault),
        ("update", dict_update),
        ("copy", dict_copy),
        ("clear", dict_clear),
        ("__len__", dict_len),
        ("__contains__", dict_contains),
        ("__getitem__", dict_getitem),
        ("__setitem__", dict_setitem),
        ("__delitem__", dict_delitem),
        ("__iter__", dict_iter),
        ("__reversed__", dict_reversed),
        ("__or__", dict_or),
        ("__ror__", dict_ror),
        ("__ior__", dict_ior),
        ("__eq__", dict_eq),
        ("__ne__", dict_ne),
    ];
    for (name, f) in methods {
        add_method(&dict, name, "dict", *f);
    }
    let fk = vm.alloc_classmethod(builtin_fn("fromkeys", dict_fromkeys));
    dict.dict.borrow_mut().set_str("fromkeys", fk);

    // The view types.
    let object = vm.types.object.clone();
    let mk = |name: &str| crate::types::new_class(name, "builtins", vec![object.clone()], NameMap::new(), Layout::Other).expect("view class");
    let classes = [mk("dict_keys"), mk("dict_values"), mk("dict_items")];
    let owners: [&'static str; 3] = ["dict_keys", "dict_values", "dict_items"];
    for (c, owner) in classes.iter().zip(owners) {
        add_method(c, "__iter__", owner, view_iter);
        add_method(c, "__len__", owner, view_len);
        add_method(c, "__repr__", owner, view_repr);
        add_method(c, "__contains__", owner, view_contains);
        add_method(c, "__reversed__", owner, view_reversed);
        c.dict.borrow_mut().set_str("__hash__", Value::None);
        if owner != "dict_values" {
            add_method(c, "__eq__", owner, view_eq);
            add_method(c, "__ne__", owner, view_ne);
            add_method(c, "__and__", owner, view_and);
            add_method(c, "__or__", owner, view_or);
            add_method(c, "__sub__", owner, view_sub);
            add_method(c, "__xor__", owner, view_xor);
            add_method(c, "__rand__", owner, view_and);
            add_method(c, "__ror__", owner, view_or);
            add_method(c, "__rsub__", owner, view_rsub);
            add_method(c, "__rxor__", owner, view_xor);
            add_method(c, "isdisjoint", owner, view_isdisjoint);
        }
    }
    VIEWS.with(|v| *v.borrow_mut() = Some(classes));
}

// ---- helpers ------------------------------------------------------------

fn this(args: &Args) -> Value {
    args.pos.first().cloned().unwrap_or(Value::None)
}

fn self_dict(vm: &mut Vm, args: &Args, name: &str) -> PyResult<DictRef> {
    let s = this(args);
    match vm.as_dict(&s) {
        Some(d) => Ok(d),
        None => {
            let t = vm.type_name(&s);
            Err(vm.type_error(format!("descriptor '{name}' for 'dict' objects doesn't apply to a '{t}' object")))
        }
    }
}

fn no_kw(vm: &mut Vm, name: &str, args: &Args) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// Arity check, `n` excluding self.
fn arity(vm: &mut Vm, name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    no_kw(vm, name, args)?;
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

fn items_of(d: &DictRef) -> Vec<(Value, Value)> {
    d.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect()
}

// ---- dict -----------------------------------------------------------------

fn dict_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "get", &args, 1, 2)?;
    let d = self_dict(vm, &args, "get")?;
    Ok(vm.dict_get(&d, &args.pos[1])?.unwrap_or_else(|| args.pos.get(2).cloned().unwrap_or(Value::None)))
}

fn make_view(vm: &mut Vm, args: &Args, mode: usize, name: &str) -> PyResult<Value> {
    arity(vm, &format!("dict.{name}"), args, 0, 0)?;
    let d = self_dict(vm, args, name)?;
    let cls = VIEWS.with(|v| v.borrow().as_ref().map(|c| c[mode].clone()));
    let Some(cls) = cls else { return Ok(Value::list(d.borrow().keys())) };
    let cell = Rc::new(RefCell::new(Some(Value::Dict(d))));
    Ok(Value::Obj(Rc::new(Obj::new(cls, Payload::Cell(cell)))))
}

fn dict_keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make_view(vm, &args, 0, "keys")
}

fn dict_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make_view(vm, &args, 1, "values")
}

fn dict_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make_view(vm, &args, 2, "items")
}

fn dict_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "pop", &args, 1, 2)?;
    let d = self_dict(vm, &args, "pop")?;
    match vm.dict_del(&d, &args.pos[1])? {
        Some(v) => Ok(v),
        None => match args.pos.get(2) {
            Some(v) => Ok(v.clone()),
            None => Err(vm.key_error(args.pos[1].clone())),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "dict.popitem", &args, 0, 0)?;
    let d = self_dict(vm, &args, "popitem")?;
    let r = match d.try_borrow_mut() {
        Ok(mut db) => db.pop_last(),
        Err(_) => return Err(vm.runtime_error("dictionary changed size during iteration")),
    };
    match r {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(vm.key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn dict_setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "setdefault", &args, 1, 2)?;
    let d = self_dict(vm, &args, "setdefault")?;
    if let Some(v) = vm.dict_get(&d, &args.pos[1])? {
        return Ok(v);
    }
    let dv = args.pos.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(&d, args.pos[1].clone(), dv.clone())?;
    Ok(dv)
}

fn dict_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = args.pos.len().saturating_sub(1);
    if n > 1 {
        return Err(vm.type_error(format!("update expected at most 1 argument, got {n}")));
    }
    let d = self_dict(vm, &args, "update")?;
    if let Some(src) = args.pos.get(1) {
        let src = src.clone();
        vm.dict_update_from(&d, &src)?;
    }
    for (k, v) in &args.kw {
        vm.dict_set(&d, Value::str(k), v.clone())?;
    }
    Ok(Value::None)
}

fn dict_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "dict.copy", &args, 0, 0)?;
    let d = self_dict(vm, &args, "copy")?;
    let c = d.borrow().clone();
    Ok(Value::Dict(Rc::new(RefCell::new(c))))
}

fn dict_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "dict.clear", &args, 0, 0)?;
    let d = self_dict(vm, &args, "clear")?;
    let old = match d.try_borrow_mut() {
        Ok(mut db) => std::mem::take(&mut *db),
        Err(_) => return Err(vm.runtime_error("dictionary changed size during iteration")),
    };
    drop(old);
    Ok(Value::None)
}

fn dict_fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "fromkeys", &args, 1, 2)?;
    let cls = this(&args);
    let value = args.pos.get(2).cloned().unwrap_or(Value::None);
    let keys = vm.collect(&args.pos[1])?;
    let is_dict = matches!(&cls, Value::Class(c) if Rc::ptr_eq(c, &vm.types.dict));
    if is_dict {
        let d = vm.new_dict();
        for k in keys {
            vm.dict_set(&d, k, value.clone())?;
        }
        return Ok(Value::Dict(d));
    }
    let obj = vm.call(cls, vec![])?;
    for k in keys {
        vm.setitem(&obj, k, value.clone())?;
    }
    Ok(obj)
}

fn dict_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "dict.__len__", &args, 0, 0)?;
    let d = self_dict(vm, &args, "__len__")?;
    let n = d.borrow().len();
    Ok(Value::Int(n as i64))
}

fn dict_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "dict.__contains__", &args, 1, 1)?;
    let d = self_dict(vm, &args, "__contains__")?;
    Ok(Value::Bool(vm.dict_get(&d, &args.pos[1])?.is_some()))
}

fn dict_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "dict.__getitem__", &args, 1, 1)?;
    let d = self_dict(vm, &args, "__getitem__")?;
    let k = args.pos[1].clone();
    if let Some(v) = vm.dict_get(&d, &k)? {
        return Ok(v);
    }
    let s = this(&args);
    if let Value::Obj(o) = &s {
        if let Some(m) = o.class.lookup("__missing__") {
            return vm.call(m, vec![s.clone(), k]);
        }
    }
    Err(vm.key_error(k))
}

fn dict_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "dict.__setitem__", &args, 2, 2)?;
    let d = self_dict(vm, &args, "__setitem__")?;
    vm.dict_set(&d, args.pos[1].clone(), args.pos[2].clone())?;
    Ok(Value::None)
}

fn dict_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "dict.__delitem__", &args, 1, 1)?;
    let d = self_dict(vm, &args, "__delitem__")?;
    match vm.dict_del(&d, &args.pos[1])? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(args.pos[1].clone())),
    }
}

fn dict_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "dict.__iter__", &args, 0, 0)?;
    let d = self_dict(vm, &args, "__iter__")?;
    let len = d.borrow().len();
    Ok(vm.new_iter(IterState::DictKeys { d, pos: 0, len, mode: 0 }))
}

fn reversed_of(vm: &mut Vm, d: &DictRef, mode: u8) -> Value {
    let items: Vec<Value> = d
        .borrow()
        .iter()
        .map(|(k, v)| match mode {
            0 => k.clone(),
            1 => v.clone(),
            _ => Value::tuple(vec![k.clone(), v.clone()]),
        })
        .collect();
    let n = items.len();
    vm.new_iter(IterState::Reversed { seq: Value::list(items), i: n })
}

fn dict_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "dict.__reversed__", &args, 0, 0)?;
    let d = self_dict(vm, &args, "__reversed__")?;
    Ok(reversed_of(vm, &d, 0))
}

fn dict_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "dict.__or__", &args, 1, 1)?;
    let d = self_dict(vm, &args, "__or__")?;
    let Some(o) = vm.as_dict(&args.pos[1]) else { return Ok(Value::NotImplemented) };
    let c = Rc::new(RefCell::new(d.borrow().clone()));
    for (k, v) in items_of(&o) {
        vm.dict_set(&c, k, v)?;
    }
    Ok(Value::Dict(c))
}

fn dict_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "dict.__ror__", &args, 1, 1)?;
    let d = self_dict(vm, &args, "__ror__")?;
    let Some(o) = vm.as_dict(&args.pos[1]) else { return Ok(Value::NotImplemented) };
    let c = Rc::new(RefCell::new(o.borrow().clone()));
    for (k, v) in items_of(&d) {
        vm.dict_set(&c, k, v)?;
    }
    Ok(Value::Dict(c))
}

fn dict_ior(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "dict.__ior__", &args, 1, 1)?;
    let d = self_dict(vm, &args, "__ior__")?;
    let src = args.pos[1].clone();
    vm.dict_update_from(&d, &src)?;
    Ok(this(&args))
}

fn dict_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "dict.__eq__", &args, 1, 1)?;
    let d = self_dict(vm, &args, "__eq__")?;
    let Some(o) = vm.as_dict(&args.pos[1]) else { return Ok(Value::NotImplemented) };
    if d.borrow().len() != o.borrow().len() {
        return Ok(Value::Bool(false));
    }
    for (k, v) in items_of(&d) {
        match vm.dict_get(&o, &k)? {
            Some(w) => {
                if !vm.eq(&v, &w)? {
                    return Ok(Value::Bool(false));
                }
            }
            None => return Ok(Value::Bool(false)),
        }
    }
    Ok(Value::Bool(true))
}

fn dict_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match dict_eq(vm, args)? {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        other => Ok(other),
    }
}

// ---- views ----------------------------------------------------------------

/// The dict behind a view and the view's mode (0 keys, 1 values, 2 items).
fn view_of(v: &Value) -> Option<(DictRef, u8)> {
    let Value::Obj(o) = v else { return None };
    let Payload::Cell(c) = &o.payload else { return None };
    let mode = match &*o.class.name {
        "dict_keys" => 0,
        "dict_values" => 1,
        "dict_items" => 2,
        _ => return None,
    };
    match &*c.borrow() {
        Some(Value::Dict(d)) => Some((d.clone(), mode)),
        _ => None,
    }
}

fn self_view(vm: &mut Vm, args: &Args) -> PyResult<(DictRef, u8)> {
    match view_of(&this(args)) {
        Some(r) => Ok(r),
        None => Err(vm.type_error("descriptor requires a dict view".into())),
    }
}

fn view_items(d: &DictRef, mode: u8) -> Vec<Value> {
    d.borrow()
        .iter()
        .map(|(k, v)| match mode {
            0 => k.clone(),
            1 => v.clone(),
            _ => Value::tuple(vec![k.clone(), v.clone()]),
        })
        .collect()
}

fn view_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, mode) = self_view(vm, &args)?;
    let len = d.borrow().len();
    Ok(vm.new_iter(IterState::DictKeys { d, pos: 0, len, mode }))
}

fn view_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, mode) = self_view(vm, &args)?;
    Ok(reversed_of(vm, &d, mode))
}

fn view_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, _) = self_view(vm, &args)?;
    let n = d.borrow().len();
    Ok(Value::Int(n as i64))
}

fn view_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, mode) = self_view(vm, &args)?;
    let name = ["dict_keys", "dict_values", "dict_items"][mode as usize];
    let items = view_items(&d, mode);
    let inner = vm.repr(&Value::list(items))?;
    Ok(Value::string(format!("{name}({inner})")))
}

fn view_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, mode) = self_view(vm, &args)?;
    let x = args.pos.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Bool(match mode {
        0 => vm.dict_get(&d, &x)?.is_some(),
        1 => {
            let vals = d.borrow().values();
            let mut found = false;
            for v in vals {
                if vm.eq(&v, &x)? {
                    found = true;
                    break;
                }
            }
            found
        }
        _ => match &x {
            Value::Tuple(t) if t.len() == 2 => match vm.dict_get(&d, &t[0])? {
                Some(v) => vm.eq(&v, &t[1])?,
                None => false,
            },
            _ => false,
        },
    }))
}

/// A set of the view's elements.
fn view_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match view_of(v) {
        Some((d, mode)) => {
            let items = view_items(&d, mode);
            vm.new_set_from(items)
        }
        None => match v {
            Value::Set(_) | Value::FrozenSet(_) => Ok(v.clone()),
            _ => {
                let items = vm.collect(v)?;
                vm.new_set_from(items)
            }
        },
    }
}

fn is_setlike(v: &Value) -> bool {
    matches!(v, Value::Set(_) | Value::FrozenSet(_)) || matches!(view_of(v), Some((_, m)) if m != 1)
}

fn view_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let other = args.pos.get(1).cloned().unwrap_or(Value::None);
    let o = vm.base_value(&other).unwrap_or(other.clone());
    if !is_setlike(&o) {
        return Ok(Value::NotImplemented);
    }
    let a = view_set(vm, &this(&args))?;
    let b = view_set(vm, &o)?;
    Ok(Value::Bool(crate::builtins::set_eq(vm, &a, &b)?))
}

fn view_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match view_eq(vm, args)? {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        other => Ok(other),
    }
}

fn view_binop(vm: &mut Vm, args: &Args, op: BinOp, reflected: bool) -> PyResult<Value> {
    let other = args.pos.get(1).cloned().unwrap_or(Value::None);
    let a = view_set(vm, &this(args))?;
    let b = match view_set(vm, &other) {
        Ok(b) => b,
        Err(_) => return Ok(Value::NotImplemented),
    };
    // The result is always a set.
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    let x = match x {
        Value::FrozenSet(s) => Value::Set(Rc::new(RefCell::new((*s).clone()))),
        other => other,
    };
    Ok(crate::builtins::set_binop(vm, &x, &y, op)?.unwrap_or(Value::NotImplemented))
}

fn view_and(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_binop(vm, &args, BinOp::And, false)
}
fn view_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_binop(vm, &args, BinOp::Or, false)
}
fn view_sub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_binop(vm, &args, BinOp::Sub, false)
}
fn view_rsub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_binop(vm, &args, BinOp::Sub, true)
}
fn view_xor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view_binop(vm, &args, BinOp::Xor, false)
}

fn view_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let other = args.pos.get(1).cloned().unwrap_or(Value::None);
    let a = view_set(vm, &this(&args))?;
    for x in vm.collect(&other)? {
        if crate::builtins::set_contains(vm, &a, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
