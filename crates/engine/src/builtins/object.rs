//! `object`, `type`, descriptors (`property`, `staticmethod`,
//! `classmethod`), `super`, and the methods every exception has.

use std::rc::Rc;

use crate::namemap::NameMap;
use crate::types::{add_method, new_class};
use crate::value::{Args, Class, Layout, Obj, Payload, Value};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    let object = t.object.clone();
    add_method(&object, "__init__", "object", object_init);
    add_method(&object, "__new__", "object", object_new);
    add_method(&object, "__repr__", "object", object_repr);
    add_method(&object, "__str__", "object", object_str);
    add_method(&object, "__eq__", "object", object_eq);
    add_method(&object, "__ne__", "object", object_ne);
    add_method(&object, "__hash__", "object", object_hash);
    add_method(&object, "__setattr__", "object", object_setattr);
    add_method(&object, "__delattr__", "object", object_delattr);
    add_method(&object, "__getattribute__", "object", object_getattribute);
    add_method(&object, "__format__", "object", object_format);
    add_method(&object, "__init_subclass__", "object", object_noop);
    let ctors: [(Rc<Class>, crate::types::Ctor); 6] = [
        (t.type_.clone(), type_ctor),
        (t.property.clone(), property_ctor),
        (t.staticmethod.clone(), staticmethod_ctor),
        (t.classmethod.clone(), classmethod_ctor),
        (t.super_.clone(), super_ctor),
        (t.none_type.clone(), none_ctor),
    ];
    let prop = t.property.clone();
    let base_exc = t.exc("BaseException");
    let type_ = t.type_.clone();
    for (c, f) in ctors {
        vm.types.ctors.insert(c.id, f);
    }
    add_method(&prop, "getter", "property", property_getter);
    add_method(&prop, "setter", "property", property_setter);
    add_method(&prop, "deleter", "property", property_deleter);
    add_method(&type_, "mro", "type", type_mro);
    add_method(&type_, "__call__", "type", type_call);
    add_method(&type_, "__subclasses__", "type", type_subclasses);
    add_method(&base_exc, "__init__", "BaseException", exc_init);
    add_method(&base_exc, "__repr__", "BaseException", object_repr);
    add_method(&base_exc, "__str__", "BaseException", object_str);
    add_method(&base_exc, "with_traceback", "BaseException", exc_with_traceback);
    add_method(&base_exc, "add_note", "BaseException", exc_add_note);
    super::gen_methods::install(vm);
    super::exc_methods::install(vm);
}

fn object_noop(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() > 1 || !args.kw.is_empty() {
        if let Some(this) = args.pos.first() {
            let cls = vm.type_of(this);
            let own_init = cls.lookup("__init__").map(|i| !matches!(i, Value::Builtin(_))).unwrap_or(false);
            let own_new = cls.lookup("__new__").map(|i| !matches!(i, Value::Builtin(_))).unwrap_or(false);
            if !own_init && !own_new || own_init {
                return Err(vm.type_error(format!(
                    "object.__init__() takes exactly one argument (the instance to initialize)"
                )));
            }
        }
    }
    Ok(Value::None)
}

fn object_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Class(c)) => {
            let c = c.clone();
            if let Some(ctor) = vm.types.constructor_for(&c) {
                if c.layout != Layout::Object {
                    return ctor(vm, c, Args { pos: args.pos[1..].to_vec(), kw: args.kw });
                }
            }
            let v = vm.alloc_instance(&c);
            if c.layout == Layout::Exception {
                if let Some(d) = v.as_obj().and_then(|o| o.exc()) {
                    d.borrow_mut().args = args.pos[1..].to_vec();
                }
            }
            Ok(v)
        }
        _ => Err(vm.type_error("object.__new__(X): X is not a type object".into())),
    }
}

fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let cls = vm.type_of(&this);
    if cls.layout == Layout::Exception {
        let data = this.as_obj().and_then(|o| o.exc()).map(|d| d.borrow().args.clone()).unwrap_or_default();
        let inner: Vec<String> = data.iter().map(|a| vm.repr(a)).collect::<PyResult<_>>()?;
        return Ok(Value::string(format!("{}({})", cls.name, inner.join(", "))));
    }
    let r = if cls.module.as_ref() == "builtins" {
        format!("<{} object at {:#x}>", cls.qualname, vm.identities.of(&this))
    } else {
        format!("<{}.{} object at {:#x}>", cls.module, cls.qualname, vm.identities.of(&this))
    };
    Ok(Value::string(r))
}

fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let cls = vm.type_of(&this);
    if cls.layout == Layout::Exception {
        let data = this.as_obj().and_then(|o| o.exc()).map(|d| d.borrow().args.clone()).unwrap_or_default();
        if data.len() == 1 && vm.exc_matches_name(&this, "KeyError") {
            return Ok(Value::string(vm.repr(&data[0])?));
        }
        if (2..=5).contains(&data.len()) && vm.exc_matches_name(&this, "OSError") {
            let errno = vm.str_of(&data[0])?;
            let strerror = vm.str_of(&data[1])?;
            return Ok(Value::string(match data.get(2) {
                Some(f) if !f.is_none() => format!("[Errno {errno}] {strerror}: {}", vm.repr(f)?),
                _ => format!("[Errno {errno}] {strerror}"),
            }));
        }
        return Ok(Value::string(match data.len() {
            0 => String::new(),
            1 => vm.str_of(&data[0])?,
            _ => vm.repr(&Value::tuple(data))?,
        }));
    }
    Ok(Value::string(vm.repr(&this)?))
}

fn object_eq(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match (args.pos.first(), args.pos.get(1)) {
        (Some(a), Some(b)) if a.is(b) => Ok(Value::Bool(true)),
        _ => Ok(Value::NotImplemented),
    }
}

fn object_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match (args.pos.first(), args.pos.get(1)) {
        (Some(a), Some(b)) => {
            let r = vm.compare(a.clone(), b.clone(), crate::bytecode::CmpKind::Eq)?;
            match r {
                Value::NotImplemented => Ok(r),
                other => Ok(Value::Bool(!vm.truthy(&other)?)),
            }
        }
        _ => Ok(Value::NotImplemented),
    }
}

fn object_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(args.pos.first().map(|v| (vm.identities.of(v) >> 4) as i64).unwrap_or(0)))
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 3 {
        return Err(vm.type_error("expected 3 arguments".into()));
    }
    let name = args.pos[1].as_str().unwrap_or("").to_string();
    vm.generic_setattr(&args.pos[0], &name, args.pos[2].clone())?;
    Ok(Value::None)
}

fn object_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(obj), Some(name)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error("expected 2 arguments".into()));
    };
    let name = name.as_str().unwrap_or("").to_string();
    let removed = match obj {
        Value::Obj(o) => o.dict.borrow_mut().remove(&name),
        _ => None,
    };
    match removed {
        Some(_) => Ok(Value::None),
        None => Err(vm.no_attribute(obj, &name)),
    }
}

fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(obj), Some(name)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error("expected 2 arguments".into()));
    };
    let name = name.as_str().unwrap_or("").to_string();
    vm.getattr(obj, &name)
}

fn object_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let spec = args.pos.get(1).and_then(|s| s.as_str().map(String::from)).unwrap_or_default();
    if !spec.is_empty() {
        let t = vm.type_name(&this);
        return Err(vm.type_error(format!("unsupported format string passed to {t}.__format__")));
    }
    Ok(Value::string(vm.str_of(&this)?))
}

fn type_ctor(vm: &mut Vm, cls: Rc<Class>, args: Args) -> PyResult<Value> {
    match args.pos.len() {
        1 => Ok(Value::Class(vm.type_of(&args.pos[0]))),
        3 => {
            let name = args.pos[0].as_str().unwrap_or("?").to_string();
            let bases: Vec<Rc<Class>> = match &args.pos[1] {
                Value::Tuple(t) => t.iter().filter_map(|b| if let Value::Class(c) = b { Some(c.clone()) } else { None }).collect(),
                _ => Vec::new(),
            };
            let bases = if bases.is_empty() { vec![vm.types.object.clone()] } else { bases };
            let mut dict = NameMap::new();
            if let Value::Dict(d) = &args.pos[2] {
                for (k, v) in d.borrow().iter() {
                    if let Some(k) = k.as_str() {
                        dict.set_str(k, v.clone());
                    }
                }
            }
            if dict.contains("__eq__") && !dict.contains("__hash__") {
                dict.set_str("__hash__", Value::None);
            }
            if !Rc::ptr_eq(&cls, &vm.types.type_) {
                dict.set_str("__metaclass__", Value::Class(cls.clone()));
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
            let module = match dict.get("__module__") {
                Some(Value::Str(s)) => s.s.clone(),
                _ => "__main__".to_string(),
            };
            let layout = bases.iter().map(|b| b.layout).find(|l| *l != Layout::Object).unwrap_or(Layout::Object);
            new_class(&name, &module, bases, dict, layout).map(Value::Class).map_err(|m| vm.type_error(m))
        }
        _ => Err(vm.type_error("type() takes 1 or 3 arguments".into())),
    }
}

/// `type.__call__(cls, *args)`, reached from a metaclass's `__call__`.
fn type_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut pos = args.pos.into_iter();
    match pos.next() {
        Some(Value::Class(c)) => vm.instantiate_default(&c, pos.collect(), args.kw),
        _ => Err(vm.type_error("descriptor '__call__' requires a 'type' object".into())),
    }
}

fn none_ctor(vm: &mut Vm, _cls: Rc<Class>, args: Args) -> PyResult<Value> {
    if !args.pos.is_empty() || !args.kw.is_empty() {
        return Err(vm.type_error("NoneType takes no arguments".into()));
    }
    Ok(Value::None)
}

fn type_mro(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Class(c)) => {
            let mut m = vec![Value::Class(c.clone())];
            m.extend(c.mro.iter().map(|b| Value::Class(b.clone())));
            Ok(Value::list(m))
        }
        _ => Ok(Value::list(vec![])),
    }
}

fn type_subclasses(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::list(vec![]))
}

fn new_obj(vm: &mut Vm, class: Rc<Class>, payload: Payload) -> Value {
    let _ = vm;
    Value::Obj(Rc::new(Obj::new(class, payload)))
}

fn property_ctor(vm: &mut Vm, cls: Rc<Class>, args: Args) -> PyResult<Value> {
    let g = |i: usize, n: &str| args.get(i, n).cloned().unwrap_or(Value::None);
    let (fget, fset, fdel, mut doc) = (g(0, "fget"), g(1, "fset"), g(2, "fdel"), g(3, "doc"));
    if doc.is_none() && !fget.is_none() {
        doc = vm.getattr_opt(&fget, "__doc__")?.unwrap_or(Value::None);
    }
    Ok(new_obj(vm, cls, Payload::Property { fget, fset, fdel, doc }))
}

fn property_with(vm: &mut Vm, args: Args, which: usize) -> PyResult<Value> {
    let (Some(Value::Obj(o)), Some(f)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error("property method needs a function".into()));
    };
    let Payload::Property { fget, fset, fdel, doc } = &o.payload else {
        return Err(vm.type_error("not a property".into()));
    };
    let (mut a, mut b, mut c) = (fget.clone(), fset.clone(), fdel.clone());
    match which {
        0 => a = f.clone(),
        1 => b = f.clone(),
        _ => c = f.clone(),
    }
    Ok(new_obj(vm, o.class.clone(), Payload::Property { fget: a, fset: b, fdel: c, doc: doc.clone() }))
}

fn property_getter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(vm, args, 0)
}
fn property_setter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(vm, args, 1)
}
fn property_deleter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(vm, args, 2)
}

fn staticmethod_ctor(vm: &mut Vm, _cls: Rc<Class>, args: Args) -> PyResult<Value> {
    let f = args.pos.first().cloned().unwrap_or(Value::None);
    Ok(vm.alloc_staticmethod(f))
}

fn classmethod_ctor(vm: &mut Vm, _cls: Rc<Class>, args: Args) -> PyResult<Value> {
    let f = args.pos.first().cloned().unwrap_or(Value::None);
    Ok(vm.alloc_classmethod(f))
}

impl Vm {
    pub fn alloc_staticmethod(&mut self, f: Value) -> Value {
        new_obj(self, self.types.staticmethod.clone(), Payload::StaticMethod(f))
    }
    pub fn alloc_classmethod(&mut self, f: Value) -> Value {
        new_obj(self, self.types.classmethod.clone(), Payload::ClassMethod(f))
    }

    /// Attribute lookup through a `super()` object.
    pub fn super_getattr(&mut self, class: &Rc<Class>, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let start_type = match obj {
            Value::Class(c) if c.is_subclass(class) => c.clone(),
            other => self.type_of(other),
        };
        let mut chain = vec![start_type.clone()];
        chain.extend(start_type.mro.iter().cloned());
        let pos = chain.iter().position(|c| c.id == class.id).map(|p| p + 1).unwrap_or(chain.len());
        for c in &chain[pos..] {
            let found = c.dict.borrow().get(name).cloned();
            if let Some(a) = found {
                return Ok(Some(match &a {
                    Value::Function(_) => match obj {
                        Value::Class(_) => a,
                        _ => self.bound_method(obj.clone(), a),
                    },
                    Value::Builtin(b) if b.bound.is_none() && b.owner.is_some() => {
                        if let Value::Class(_) = obj {
                            if name == "__new__" {
                                return Ok(Some(a));
                            }
                        }
                        Value::Builtin(Rc::new(crate::value::Builtin { name: b.name, func: b.func, bound: Some(obj.clone()), owner: b.owner }))
                    }
                    Value::Obj(o) => match &o.payload {
                        Payload::ClassMethod(f) => {
                            let c = match obj {
                                Value::Class(_) => obj.clone(),
                                other => Value::Class(self.type_of(other)),
                            };
                            self.bound_method(c, f.clone())
                        }
                        Payload::StaticMethod(f) => f.clone(),
                        Payload::Property { fget, .. } => {
                            let fget = fget.clone();
                            self.call(fget, vec![obj.clone()])?
                        }
                        _ => a,
                    },
                    _ => a,
                }));
            }
        }
        Ok(None)
    }
}

fn super_ctor(vm: &mut Vm, cls: Rc<Class>, args: Args) -> PyResult<Value> {
    let (class, obj) = match (args.pos.first(), args.pos.get(1)) {
        (Some(Value::Class(c)), Some(o)) => (c.clone(), o.clone()),
        _ => {
            // Zero-argument form: __class__ cell and the first argument of the caller.
            let Some(f) = vm.frames.last() else {
                return Err(vm.runtime_error("super(): no current frame"));
            };
            let code = f.code.clone();
            let class_idx = code.freevars.iter().position(|n| &**n == "__class__").map(|i| i + code.cellvars.len());
            let class = class_idx.and_then(|i| f.cells.get(i)).and_then(|c| c.borrow().clone());
            let first = if code.argcount == 0 {
                None
            } else {
                let cell_first = code.cell_params.iter().position(|p| *p == Some(0));
                match cell_first {
                    Some(ci) => f.cells.get(ci).and_then(|c| c.borrow().clone()),
                    None => f.locals.first().cloned().flatten(),
                }
            };
            match (class, first) {
                (Some(Value::Class(c)), Some(o)) => (c, o),
                (None, _) => return Err(vm.runtime_error("super(): __class__ cell not found")),
                (_, None) => return Err(vm.runtime_error("super(): no arguments")),
                _ => return Err(vm.runtime_error("super(): __class__ is not a type")),
            }
        }
    };
    Ok(new_obj(vm, cls, Payload::Super { class, obj }))
}

fn exc_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(this) = args.pos.first() else { return Ok(Value::None) };
    if let Some(d) = this.as_obj().and_then(|o| o.exc()) {
        d.borrow_mut().args = args.pos[1..].to_vec();
    }
    let _ = vm;
    Ok(Value::None)
}

fn exc_with_traceback(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

fn exc_add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(this), Some(note)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error("add_note() takes exactly one argument".into()));
    };
    if !matches!(note, Value::Str(_)) {
        let t = vm.type_name(note);
        return Err(vm.type_error(format!("note must be a str, not '{t}'")));
    }
    let Value::Obj(o) = this else { return Ok(Value::None) };
    let notes = o.dict.borrow().get("__notes__").cloned();
    match notes {
        Some(Value::List(l)) => l.borrow_mut().push(note.clone()),
        _ => o.dict.borrow_mut().set_str("__notes__", Value::list(vec![note.clone()])),
    }
    Ok(Value::None)
}
