//! `__build_class__`: runs a class body and creates the class.

use std::cell::RefCell;
use std::rc::Rc;

use super::def;
use crate::namemap::NameMap;
use crate::types::new_class;
use crate::value::{Args, Layout, Payload, Value};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    def(vm, "__build_class__", build_class);
}

fn build_class(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut pos = args.pos.into_iter();
    let (Some(Value::Function(body)), Some(name)) = (pos.next(), pos.next()) else {
        return Err(vm.type_error("__build_class__: bad arguments".into()));
    };
    let name = name.as_str().unwrap_or("?").to_string();
    let given: Vec<Value> = pos.collect();
    let mut bases = Vec::new();
    for b in given.iter().cloned() {
        // `class Box(Generic[T])`: a non-class base names its real bases.
        let b = match &b {
            Value::Obj(_) => match vm.call_dunder(&b, "__mro_entries__", vec![Value::tuple(given.clone())])? {
                Some(Value::Tuple(t)) => {
                    bases.extend(t.iter().filter_map(|x| if let Value::Class(c) = x { Some(c.clone()) } else { None }));
                    continue;
                }
                _ => b,
            },
            _ => b,
        };
        match b {
            Value::Class(c) => bases.push(c),
            other => {
                let t = vm.type_name(&other);
                let r = vm.repr(&other)?;
                let _ = t;
                return Err(vm.type_error(format!("bases must be types, not {r}")));
            }
        }
    }
    let mut metaclass = None;
    let mut class_kw = Vec::new();
    for (k, v) in args.kw {
        if &*k == "metaclass" {
            metaclass = Some(v);
        } else {
            class_kw.push((k, v));
        }
    }
    if metaclass.is_none() {
        // The most derived metaclass among the bases (CPython's rule).
        let mut best: Option<Rc<crate::value::Class>> = None;
        for b in &bases {
            if let Some(m) = vm.custom_metaclass(b) {
                if best.as_ref().map(|cur| m.is_subclass(cur)).unwrap_or(true) {
                    best = Some(m);
                }
            }
        }
        metaclass = best.map(Value::Class);
    }
    if bases.is_empty() {
        bases.push(vm.types.object.clone());
    }
    let ns = Rc::new(RefCell::new(NameMap::new()));
    let mut frame = vm.new_frame(body.code.clone(), body.globals.clone());
    frame.namespace = Some(ns.clone());
    frame.cells = body.code.cellvars.iter().map(|_| Rc::new(RefCell::new(None))).collect();
    frame.cells.extend(body.closure.iter().cloned());
    vm.push_frame(frame)?;
    let cell = vm.run_nested()?;
    let mut dict = ns.borrow().clone();
    if let Some(m) = &metaclass {
        if !matches!(m, Value::Class(c) if Rc::ptr_eq(c, &vm.types.type_)) {
            // A custom metaclass: call it like type(name, bases, ns).
            let nsd = vm.namemap_to_dict(&dict)?;
            let bt = Value::tuple(bases.iter().map(|b| Value::Class(b.clone())).collect());
            let cls = vm.call_with_kw(m.clone(), vec![Value::str(&name), bt, nsd], class_kw)?;
            set_class_cell(&cell, &cls);
            return Ok(cls);
        }
    }
    // __eq__ without __hash__ makes instances unhashable, as in CPython.
    if dict.contains("__eq__") && !dict.contains("__hash__") {
        dict.set_str("__hash__", Value::None);
    }
    for n in ["__init_subclass__", "__class_getitem__"] {
        if let Some(Value::Function(f)) = dict.get(n).cloned() {
            let cm = vm.alloc_classmethod(Value::Function(f));
            dict.set_str(n, cm);
        }
    }
    if let Some(Value::Function(f)) = dict.get("__new__").cloned() {
        let sm = vm.alloc_staticmethod(Value::Function(f));
        dict.set_str("__new__", sm);
    }
    let layout = bases.iter().map(|b| b.layout).find(|l| *l != Layout::Object).unwrap_or(Layout::Object);
    let module = body.globals.name.to_string();
    let cls = match new_class(&name, &module, bases, dict, layout) {
        Ok(c) => c,
        Err(msg) => return Err(vm.type_error(msg)),
    };
    let qual = match ns.borrow().get("__qualname__") {
        Some(Value::Str(s)) => s.s.clone(),
        _ => name.clone(),
    };
    let cls = Rc::new(crate::value::Class {
        name: cls.name.clone(),
        qualname: Rc::from(qual.as_str()),
        module: cls.module.clone(),
        bases: cls.bases.clone(),
        mro: cls.mro.clone(),
        dict: RefCell::new(cls.dict.borrow().clone()),
        layout: cls.layout,
        id: cls.id,
        hooks: Default::default(),
    });
    let cls_v = Value::Class(cls.clone());
    set_class_cell(&cell, &cls_v);
    // __set_name__ for descriptors, then __init_subclass__ of the parent.
    let items: Vec<(Rc<str>, Value)> = cls.dict.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    for (k, v) in items {
        if let Value::Obj(o) = &v {
            if let Some(sn) = o.class.lookup("__set_name__") {
                vm.call(sn, vec![v.clone(), cls_v.clone(), Value::str(&k)])?;
            }
        }
    }
    if let Some(parent) = cls.mro.first() {
        if let Some(Value::Obj(o)) = parent.lookup("__init_subclass__") {
            if let Payload::ClassMethod(f) = &o.payload {
                vm.call_with_kw(f.clone(), vec![cls_v.clone()], class_kw)?;
            }
        }
    }
    Ok(cls_v)
}

fn set_class_cell(cell: &Value, cls: &Value) {
    if let Value::Obj(o) = cell {
        if let Payload::Cell(c) = &o.payload {
            *c.borrow_mut() = Some(cls.clone());
        }
    }
}
