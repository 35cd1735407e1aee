//! Constructors of the builtin value types and their core methods.
//! Larger method families live in their own files (str, list, dict, set).

use std::cell::RefCell;
use std::rc::Rc;


use super::to_index;
use crate::types::add_method;
use crate::value::{Args, Class, Obj, Payload, Value};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    let ctors: Vec<(Rc<Class>, crate::types::Ctor)> = vec![
        (t.int.clone(), int_ctor),
        (t.bool.clone(), bool_ctor),
        (t.float.clone(), float_ctor),
        (t.str.clone(), str_ctor),
        (t.list.clone(), list_ctor),
        (t.tuple.clone(), tuple_ctor),
        (t.dict.clone(), dict_ctor),
        (t.set.clone(), set_ctor),
        (t.frozenset.clone(), frozenset_ctor),
        (t.range.clone(), range_ctor),
        (t.slice.clone(), slice_ctor),
        (t.bytes.clone(), bytes_ctor),
        (t.object.clone(), object_ctor),
    ];
    for (c, f) in ctors {
        vm.types.ctors.insert(c.id, f);
    }
    let exc_base = vm.types.exc("BaseException");
    let _ = exc_base;
    let list = vm.types.list.clone();
    add_method(&list, "append", "list", list_append);
    add_method(&list, "__init__", "list", list_init);
    let dict = vm.types.dict.clone();
    add_method(&dict, "__init__", "dict", dict_init);
    let range = vm.types.range.clone();
    add_method(&range, "index", "range", range_index);
    add_method(&range, "count", "range", range_count);
    add_method(&range, "__eq__", "range", range_eq);
    add_method(&range, "__hash__", "range", range_hash);
}

fn range_parts(v: &Value) -> Option<(i64, i64, i64)> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Range { start, stop, step }) => Some((*start, *stop, *step)),
        _ => None,
    }
}

fn range_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some((start, stop, step)), Some(x)) = (args.pos.first().and_then(range_parts), args.pos.get(1)) else {
        return Err(vm.type_error("index() takes exactly one argument".into()));
    };
    if let Value::Int(i) = x {
        if super::range_contains(start, stop, step, *i) {
            return Ok(Value::Int((i - start) / step));
        }
    }
    let r = vm.repr(x)?;
    Err(vm.value_error(format!("{r} is not in range")))
}

fn range_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some((start, stop, step)), Some(x)) = (args.pos.first().and_then(range_parts), args.pos.get(1)) else {
        return Err(vm.type_error("count() takes exactly one argument".into()));
    };
    Ok(Value::Int(match x {
        Value::Int(i) => super::range_contains(start, stop, step, *i) as i64,
        _ => 0,
    }))
}

/// Ranges are equal when they produce the same sequence.
fn range_eq(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args.pos.first().and_then(range_parts), args.pos.get(1).and_then(range_parts)) else {
        return Ok(Value::NotImplemented);
    };
    let (la, lb) = (super::range_len(a.0, a.1, a.2), super::range_len(b.0, b.1, b.2));
    Ok(Value::Bool(la == lb && (la == 0 || (a.0 == b.0 && (la == 1 || a.2 == b.2)))))
}

fn range_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some((a, b, c)) = args.pos.first().and_then(range_parts) else { return Ok(Value::Int(0)) };
    let n = super::range_len(a, b, c);
    let t = Value::tuple(vec![Value::Int(n), Value::Int(a), Value::Int(c)]);
    Ok(Value::Int(vm.hash(&t)?))
}

/// Wraps a builtin value for an instance of a user subclass.
fn wrap(vm: &mut Vm, cls: &Rc<Class>, v: Value, builtin: &Rc<Class>) -> Value {
    if Rc::ptr_eq(cls, builtin) {
        return v;
    }
    let _ = vm;
    Value::Obj(Rc::new(Obj::new(cls.clone(), Payload::Base(RefCell::new(v)))))
}

/// Runs a user subclass's `__init__` after the builtin part was built.
fn init_subclass(vm: &mut Vm, cls: &Rc<Class>, obj: &Value, builtin: &Rc<Class>, args: &Args) -> PyResult<()> {
    if Rc::ptr_eq(cls, builtin) {
        return Ok(());
    }
    if let Some(init) = cls.lookup("__init__") {
        if !matches!(init, Value::Builtin(_)) {
            let mut a = vec![obj.clone()];
            a.extend(args.pos.iter().cloned());
            vm.call_with_kw(init, a, args.kw.clone())?;
        }
    }
    Ok(())
}

fn object_ctor(vm: &mut Vm, cls: Rc<Class>, args: Args) -> PyResult<Value> {
    if !args.pos.is_empty() || !args.kw.is_empty() {
        return Err(vm.type_error("object() takes no arguments".into()));
    }
    Ok(vm.alloc_instance(&cls))
}

fn int_ctor(vm: &mut Vm, cls: Rc<Class>, args: Args) -> PyResult<Value> {
    let base = args.get(1, "base").cloned();
    let v = match (args.pos.first(), base) {
        (None, _) => Value::Int(0),
        (Some(Value::Str(s)), b) => {
            let b = match b {
                Some(b) => to_index(vm, &b)?,
                None => 10,
            };
            if b != 0 && !(2..=36).contains(&b) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0".into()));
            }
            match crate::format::parse_int_with_limit(&s.s, b, vm.limits.int_max_str_digits) {
                Ok(n) => Value::from_bigint(n),
                Err(e) => return Err(vm.fmt_error(e)),
            }
        }
        (Some(_), Some(_)) => return Err(vm.type_error("int() can't convert non-string with explicit base".into())),
        (Some(x), None) => to_int(vm, x)?,
    };
    let int = vm.types.int.clone();
    Ok(wrap(vm, &cls, v, &int))
}

/// `int(x)` for numbers and objects with `__int__`/`__index__`/`__trunc__`.
pub fn to_int(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    Ok(match x {
        Value::Int(_) | Value::BigInt(_) => x.clone(),
        Value::Bool(b) => Value::Int(*b as i64),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer".into()));
            }
            if f.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            Value::from_bigint(crate::format::f64_to_bigint(f.trunc()))
        }
        other => {
            for m in ["__int__", "__index__", "__trunc__"] {
                if let Some(r) = vm.call_dunder(other, m, vec![])? {
                    return Ok(r);
                }
            }
            if let Value::Obj(_) = other {
                if let Some(b) = vm.base_value(other).filter(|b| !matches!(b, Value::Obj(_))) {
                    return to_int(vm, &b);
                }
            }
            let t = vm.type_name(other);
            return Err(vm.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{t}'"
            )));
        }
    })
}

fn bool_ctor(vm: &mut Vm, _cls: Rc<Class>, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
    }
}

/// Floats are unboxed, so object identity is their bit pattern. Identity is
/// observable only for NaN (`x in [x]` is true, `float("nan") in
/// [float("nan")]` false): each `float("nan")` gets its own NaN payload so
/// it behaves as a distinct object.
fn fresh_nan(f: f64) -> f64 {
    thread_local!(static NEXT: std::cell::Cell<u64> = const { std::cell::Cell::new(1) });
    let n = NEXT.with(|c| {
        let n = c.get();
        c.set(n.wrapping_add(1));
        n
    });
    let payload = n & 0x0007_ffff_ffff_ffff;
    f64::from_bits((f.to_bits() & 0xfff8_0000_0000_0000) | payload)
}

fn float_ctor(vm: &mut Vm, cls: Rc<Class>, args: Args) -> PyResult<Value> {
    let v = match args.pos.first() {
        None => Value::Float(0.0),
        Some(Value::Str(s)) => match crate::format::parse_float(&s.s) {
            Ok(f) if f.is_nan() => Value::Float(fresh_nan(f)),
            Ok(f) => Value::Float(f),
            Err(e) => return Err(vm.fmt_error(e)),
        },
        Some(Value::Float(f)) => Value::Float(*f),
        Some(x) => match crate::vm::to_num(x) {
            Some(n) if !matches!(x, Value::Obj(_)) => Value::Float(vm.float_of(&n)?),
            _ => match vm.call_dunder(x, "__float__", vec![])? {
                Some(r) => r,
                None => {
                    if let Some(b) = vm.base_value(x).filter(|b| matches!(x, Value::Obj(_)) && !matches!(b, Value::Obj(_))) {
                        return float_ctor(vm, cls, Args { pos: vec![b], kw: vec![] });
                    }
                    let t = vm.type_name(x);
                    return Err(vm.type_error(format!("float() argument must be a string or a real number, not '{t}'")));
                }
            },
        },
    };
    let float = vm.types.float.clone();
    Ok(wrap(vm, &cls, v, &float))
}

fn str_ctor(vm: &mut Vm, cls: Rc<Class>, args: Args) -> PyResult<Value> {
    let v = match args.get(0, "object") {
        None => Value::str(""),
        Some(Value::Bytes(b)) if args.pos.len() > 1 || args.kw("encoding").is_some() => {
            Value::string(String::from_utf8_lossy(b).into_owned())
        }
        Some(x) => {
            let x = x.clone();
            Value::string(vm.str_of(&x)?)
        }
    };
    let s = vm.types.str.clone();
    Ok(wrap(vm, &cls, v, &s))
}

fn list_ctor(vm: &mut Vm, cls: Rc<Class>, args: Args) -> PyResult<Value> {
    let items = match args.pos.first() {
        Some(x) if Rc::ptr_eq(&cls, &vm.types.list) => vm.collect(x)?,
        _ => Vec::new(),
    };
    let list = vm.types.list.clone();
    let v = wrap(vm, &cls, Value::list(items), &list);
    if !Rc::ptr_eq(&cls, &list) {
        let has_init = cls.lookup("__init__").map(|i| !matches!(i, Value::Builtin(_))).unwrap_or(false);
        if has_init {
            init_subclass(vm, &cls, &v, &list, &args)?;
        } else if let Some(x) = args.pos.first() {
            let items = vm.collect(x)?;
            if let Some(l) = vm.as_list(&v) {
                l.borrow_mut().extend(items);
            }
        }
    }
    Ok(v)
}

fn list_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let (Some(this), Some(src)) = (args.pos.first(), args.pos.get(1)) {
        let items = vm.collect(src)?;
        if let Some(l) = vm.as_list(this) {
            *l.borrow_mut() = items;
        }
    }
    Ok(Value::None)
}

fn list_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(this), Some(x)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error("list.append() takes exactly one argument".into()));
    };
    if let Some(l) = vm.as_list(this) {
        l.borrow_mut().push(x.clone());
    }
    Ok(Value::None)
}

fn tuple_ctor(vm: &mut Vm, cls: Rc<Class>, args: Args) -> PyResult<Value> {
    let items = match args.pos.first() {
        Some(x) => vm.collect(x)?,
        None => Vec::new(),
    };
    let tuple = vm.types.tuple.clone();
    let v = wrap(vm, &cls, Value::tuple(items), &tuple);
    Ok(v)
}

fn dict_ctor(vm: &mut Vm, cls: Rc<Class>, args: Args) -> PyResult<Value> {
    let d = vm.new_dict();
    let dict = vm.types.dict.clone();
    let v = wrap(vm, &cls, Value::Dict(d.clone()), &dict);
    let has_init = cls.lookup("__init__").map(|i| !matches!(i, Value::Builtin(_))).unwrap_or(false);
    if has_init && !Rc::ptr_eq(&cls, &dict) {
        init_subclass(vm, &cls, &v, &dict, &args)?;
        return Ok(v);
    }
    dict_fill(vm, &d, &args)?;
    Ok(v)
}

fn dict_fill(vm: &mut Vm, d: &Rc<RefCell<crate::dict::Dict>>, args: &Args) -> PyResult<()> {
    if let Some(src) = args.pos.first() {
        vm.dict_update_from(d, src)?;
    }
    for (k, v) in &args.kw {
        vm.dict_set(d, Value::str(k), v.clone())?;
    }
    Ok(())
}

fn dict_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(this) = args.pos.first() {
        if let Some(d) = vm.as_dict(this) {
            let rest = Args { pos: args.pos[1..].to_vec(), kw: args.kw.clone() };
            dict_fill(vm, &d, &rest)?;
        }
    }
    Ok(Value::None)
}

fn set_ctor(vm: &mut Vm, _cls: Rc<Class>, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Set(s)) => {
            let mut n = crate::dict::Set::new();
            n.merge_from(&s.borrow());
            Ok(Value::Set(Rc::new(RefCell::new(n))))
        }
        Some(Value::FrozenSet(s)) => {
            let mut n = crate::dict::Set::new();
            n.merge_from(s);
            Ok(Value::Set(Rc::new(RefCell::new(n))))
        }
        Some(x) => {
            let items = vm.collect(x)?;
            vm.new_set_from(items)
        }
        None => vm.new_set_from(vec![]),
    }
}

fn frozenset_ctor(vm: &mut Vm, cls: Rc<Class>, args: Args) -> PyResult<Value> {
    match set_ctor(vm, cls, args)? {
        Value::Set(s) => Ok(Value::FrozenSet(Rc::new(s.borrow().clone()))),
        other => Ok(other),
    }
}

fn range_ctor(vm: &mut Vm, _cls: Rc<Class>, args: Args) -> PyResult<Value> {
    let n: Vec<i64> = args.pos.iter().map(|a| to_index(vm, a)).collect::<PyResult<_>>()?;
    let (start, stop, step) = match n.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        [] => return Err(vm.type_error("range expected at least 1 argument, got 0".into())),
        _ => return Err(vm.type_error(format!("range expected at most 3 arguments, got {}", n.len()))),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero".into()));
    }
    Ok(vm.new_range(start, stop, step))
}

fn slice_ctor(vm: &mut Vm, cls: Rc<Class>, args: Args) -> PyResult<Value> {
    let (a, b, c) = match args.pos.len() {
        1 => (Value::None, args.pos[0].clone(), Value::None),
        2 => (args.pos[0].clone(), args.pos[1].clone(), Value::None),
        3 => (args.pos[0].clone(), args.pos[1].clone(), args.pos[2].clone()),
        _ => return Err(vm.type_error("slice expected at least 1 argument, got 0".into())),
    };
    Ok(Value::Obj(Rc::new(Obj::new(cls, Payload::Slice(a, b, c)))))
}

fn bytes_ctor(vm: &mut Vm, _cls: Rc<Class>, args: Args) -> PyResult<Value> {
    let data = super::bytes_methods::ctor_source(vm, &args, "bytes")?;
    Ok(Value::Bytes(Rc::new(data)))
}
