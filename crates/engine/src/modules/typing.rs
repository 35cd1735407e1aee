//! The builtin alias types behind annotations: `list[int]` (GenericAlias)
//! and `int | None` (UnionType). The `typing` module itself is Python
//! (`py/typing.py`); nothing here is enforced, only represented as CPython
//! prints it.

use std::rc::Rc;

use crate::types::add_method;
use crate::value::{Args, Obj, Payload, Value};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let ga = vm.types.generic_alias.clone();
    add_method(&ga, "__repr__", "GenericAlias", alias_repr);
    add_method(&ga, "__call__", "GenericAlias", alias_call);
    add_method(&ga, "__mro_entries__", "GenericAlias", alias_mro_entries);
    add_method(&ga, "__or__", "GenericAlias", union_or);
    add_method(&ga, "__ror__", "GenericAlias", union_ror);
    let ut = vm.types.union_type.clone();
    add_method(&ut, "__repr__", "UnionType", union_repr);
    add_method(&ut, "__or__", "UnionType", union_or);
    add_method(&ut, "__ror__", "UnionType", union_ror);
    let type_ = vm.types.type_.clone();
    add_method(&type_, "__or__", "type", union_or);
    add_method(&type_, "__ror__", "type", union_ror);
}

/// `list[int]`, `dict[str, int]`: an alias object whose repr reads like CPython's.
pub fn generic_alias(vm: &mut Vm, origin: Value, args: Value) -> PyResult<Value> {
    let cls = vm.types.generic_alias.clone();
    let o = Obj::new(cls, Payload::None);
    let args = match args {
        Value::Tuple(t) => Value::Tuple(t),
        other => Value::tuple(vec![other]),
    };
    o.dict.borrow_mut().set_str("__origin__", origin);
    o.dict.borrow_mut().set_str("__args__", args);
    Ok(Value::Obj(Rc::new(o)))
}

fn attr(v: &Value, name: &str) -> Value {
    v.as_obj().and_then(|o| o.dict.borrow().get(name).cloned()).unwrap_or(Value::None)
}

fn tuple_items(v: &Value) -> Vec<Value> {
    match v {
        Value::Tuple(t) => t.iter().cloned().collect(),
        _ => Vec::new(),
    }
}

/// How a type appears inside an alias repr: `int`, `mod.Cls`, `None`, `...`.
pub fn type_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Class(c) if Rc::ptr_eq(c, &vm.types.none_type) => Ok("None".into()),
        Value::Class(c) => Ok(if c.module.as_ref() == "builtins" {
            c.qualname.to_string()
        } else {
            format!("{}.{}", c.module, c.qualname)
        }),
        Value::None => Ok("None".into()),
        Value::Ellipsis => Ok("...".into()),
        Value::List(l) => {
            let items = l.borrow().clone();
            let parts: Vec<String> = items.iter().map(|x| type_repr(vm, x)).collect::<PyResult<_>>()?;
            Ok(format!("[{}]", parts.join(", ")))
        }
        other => vm.repr(other),
    }
}

fn alias_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let origin = type_repr(vm, &attr(&this, "__origin__"))?;
    let items = tuple_items(&attr(&this, "__args__"));
    let parts: Vec<String> = items.iter().map(|x| type_repr(vm, x)).collect::<PyResult<_>>()?;
    let inner = if parts.is_empty() { "()".to_string() } else { parts.join(", ") };
    Ok(Value::string(format!("{origin}[{inner}]")))
}

fn alias_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut pos = args.pos.into_iter();
    let this = pos.next().unwrap_or(Value::None);
    vm.call_with_kw(attr(&this, "__origin__"), pos.collect(), args.kw)
}

fn alias_mro_entries(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    Ok(Value::tuple(vec![attr(&this, "__origin__")]))
}

fn is_type_like(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Class(_) | Value::None => true,
        Value::Obj(o) => Rc::ptr_eq(&o.class, &vm.types.generic_alias) || Rc::ptr_eq(&o.class, &vm.types.union_type),
        _ => false,
    }
}

/// `X | Y` for types: a UnionType with the members flattened and deduplicated.
fn make_union(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !is_type_like(vm, a) || !is_type_like(vm, b) {
        return Ok(Value::NotImplemented);
    }
    let mut members: Vec<Value> = Vec::new();
    for side in [a, b] {
        let parts = match side.as_obj() {
            Some(o) if Rc::ptr_eq(&o.class, &vm.types.union_type) => tuple_items(&attr(side, "__args__")),
            _ => vec![side.clone()],
        };
        for p in parts {
            let p = if p.is_none() { Value::Class(vm.types.none_type.clone()) } else { p };
            if !members.iter().any(|m| m.is(&p)) {
                members.push(p);
            }
        }
    }
    if members.len() == 1 {
        return Ok(members.remove(0));
    }
    let o = Obj::new(vm.types.union_type.clone(), Payload::None);
    o.dict.borrow_mut().set_str("__args__", Value::tuple(members));
    Ok(Value::Obj(Rc::new(o)))
}

fn union_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match (args.pos.first(), args.pos.get(1)) {
        (Some(a), Some(b)) => make_union(vm, &a.clone(), &b.clone()),
        _ => Ok(Value::NotImplemented),
    }
}

fn union_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match (args.pos.first(), args.pos.get(1)) {
        (Some(a), Some(b)) => make_union(vm, &b.clone(), &a.clone()),
        _ => Ok(Value::NotImplemented),
    }
}

fn union_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let items = tuple_items(&attr(&this, "__args__"));
    let parts: Vec<String> = items.iter().map(|x| type_repr(vm, x)).collect::<PyResult<_>>()?;
    Ok(Value::string(parts.join(" | ")))
}
