//! Attribute lookup: types, descriptors, instance dicts, `__getattr__`.

use std::rc::Rc;

use super::{PyResult, Vm};
use crate::value::{Builtin, Class, Obj, Payload, Value};

impl Vm {
    /// The class of any value.
    pub fn type_of(&self, v: &Value) -> Rc<Class> {
        let t = &self.types;
        match v {
            Value::None => t.none_type.clone(),
            Value::NotImplemented => t.not_implemented_type.clone(),
            Value::Ellipsis => t.ellipsis_type.clone(),
            Value::Bool(_) => t.bool.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str.clone(),
            Value::Bytes(_) => t.bytes.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::List(_) => t.list.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(_) => t.set.clone(),
            Value::FrozenSet(_) => t.frozenset.clone(),
            Value::Function(_) => t.function.clone(),
            Value::Builtin(b) => {
                if b.bound.is_some() {
                    t.builtin_method.clone()
                } else {
                    t.builtin_function.clone()
                }
            }
            Value::Class(c) => self.metaclass_of(c),
            Value::Obj(o) => o.class.clone(),
        }
    }

    fn metaclass_of(&self, c: &Rc<Class>) -> Rc<Class> {
        self.custom_metaclass(c).unwrap_or_else(|| self.types.type_.clone())
    }

    /// The metaclass of `c` when it is not `type`: recorded by `type.__new__`
    /// as `__metaclass__` and inherited along the MRO like CPython's `ob_type`.
    pub fn custom_metaclass(&self, c: &Class) -> Option<Rc<Class>> {
        if c.hooks() & crate::value::HOOK_METACLASS == 0 {
            return None;
        }
        match c.lookup("__metaclass__") {
            Some(Value::Class(m)) => Some(m),
            _ => None,
        }
    }

    /// A special method defined by a custom metaclass of `c` (for `len(C)`,
    /// `iter(C)`, `C[k]`, `x in C`, `C(...)`).
    pub fn meta_method(&self, c: &Class, name: &str) -> Option<Value> {
        let m = self.custom_metaclass(c)?;
        m.lookup(name).filter(|f| !matches!(f, Value::Builtin(_)))
    }

    pub fn type_name(&self, v: &Value) -> String {
        self.type_of(v).name.to_string()
    }

    pub fn isinstance_class(&self, v: &Value, c: &Class) -> bool {
        self.type_of(v).is_subclass(c)
    }

    /// `getattr(obj, name)`.
    pub fn getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    pub fn no_attribute(&mut self, obj: &Value, name: &str) -> Value {
        let msg = match obj {
            Value::Class(c) => format!("type object '{}' has no attribute '{name}'", c.name),
            Value::Obj(o) => match &o.payload {
                Payload::Module(m) => format!("module '{}' has no attribute '{name}'", m.name),
                _ => format!("'{}' object has no attribute '{name}'", o.class.name),
            },
            _ => format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
        };
        let e = self.attribute_error(msg);
        if let Some(o) = e.as_obj() {
            o.dict.borrow_mut().set_str("name", Value::str(name));
            o.dict.borrow_mut().set_str("obj", obj.clone());
        }
        e
    }

    /// Attribute lookup returning None when absent (so `hasattr` and
    /// `getattr(o, n, default)` do not build exceptions).
    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        if let Value::Class(c) = obj {
            return self.class_getattr(c, name);
        }
        if let Value::Obj(o) = obj {
            if let Payload::Super { class, obj: inner } = &o.payload {
                let (class, inner) = (class.clone(), inner.clone());
                return self.super_getattr(&class, &inner, name);
            }
            if let Payload::Module(m) = &o.payload {
                let v = m.globals.borrow().get(name).cloned();
                if v.is_some() {
                    return Ok(v);
                }
                if name == "__dict__" {
                    let m = m.clone();
                    return Ok(Some(Value::Dict(self.globals_dict(&m)?)));
                }
                return Ok(None);
            }
        }
        let cls = self.type_of(obj);
        let attr = cls.lookup(name);
        if let Some(a) = &attr {
            if self.is_data_descriptor(a) {
                return self.descr_get(a.clone(), obj.clone(), &cls).map(Some);
            }
        }
        if let Value::Obj(o) = obj {
            if let Some(v) = o.dict.borrow().get(name) {
                return Ok(Some(v.clone()));
            }
        }
        if let Some(v) = self.special_attr(obj, name)? {
            return Ok(Some(v));
        }
        if let Some(a) = attr {
            return self.descr_get(a, obj.clone(), &cls).map(Some);
        }
        if let Some(ga) = cls.lookup("__getattr__") {
            // Its own AttributeError (with its own message) propagates.
            return self.call(ga, vec![obj.clone(), Value::str(name)]).map(Some);
        }
        Ok(None)
    }

    fn is_data_descriptor(&self, a: &Value) -> bool {
        match a {
            Value::Obj(o) => match &o.payload {
                Payload::Property { .. } => true,
                Payload::None => o.class.lookup("__set__").is_some() && o.class.lookup("__get__").is_some(),
                _ => false,
            },
            _ => false,
        }
    }

    /// Binds a class attribute found for an instance (functions become
    /// bound methods, properties run their getter, ...).
    fn descr_get(&mut self, a: Value, obj: Value, cls: &Rc<Class>) -> PyResult<Value> {
        match &a {
            Value::Function(_) => Ok(self.bound_method(obj, a)),
            Value::Builtin(b) if b.bound.is_none() && b.owner.is_some() => Ok(Value::Builtin(Rc::new(Builtin {
                name: b.name,
                func: b.func,
                bound: Some(obj),
                owner: b.owner,
            }))),
            Value::Obj(o) => match &o.payload {
                Payload::Property { fget, .. } => {
                    if fget.is_none() {
                        return Err(self.attribute_error("property has no getter".into()));
                    }
                    let fget = fget.clone();
                    self.call(fget, vec![obj])
                }
                Payload::StaticMethod(f) => Ok(f.clone()),
                Payload::ClassMethod(f) => Ok(self.bound_method(Value::Class(cls.clone()), f.clone())),
                Payload::None => match o.class.lookup("__get__") {
                    Some(get) => self.call(get, vec![a.clone(), obj, Value::Class(cls.clone())]),
                    None => Ok(a),
                },
                _ => Ok(a),
            },
            _ => Ok(a),
        }
    }

    pub fn bound_method(&mut self, this: Value, func: Value) -> Value {
        Value::Obj(Rc::new(Obj::new(self.types.method.clone(), Payload::Method(this, func))))
    }

    /// Attribute lookup on a class object (`C.attr`): MRO, then the metaclass.
    fn class_getattr(&mut self, c: &Rc<Class>, name: &str) -> PyResult<Option<Value>> {
        if let Some(a) = c.lookup(name) {
            return match &a {
                Value::Obj(o) => match &o.payload {
                    Payload::StaticMethod(f) => Ok(Some(f.clone())),
                    Payload::ClassMethod(f) => Ok(Some(self.bound_method(Value::Class(c.clone()), f.clone()))),
                    Payload::None => match o.class.lookup("__get__") {
                        Some(get) => self.call(get, vec![a.clone(), Value::None, Value::Class(c.clone())]).map(Some),
                        None => Ok(Some(a)),
                    },
                    _ => Ok(Some(a)),
                },
                _ => Ok(Some(a)),
            };
        }
        match name {
            "__name__" => return Ok(Some(Value::str(&c.name))),
            "__qualname__" => return Ok(Some(Value::str(&c.qualname))),
            "__module__" => return Ok(Some(Value::str(&c.module))),
            "__bases__" => {
                let bases = c.bases.iter().map(|b| Value::Class(b.clone())).collect();
                return Ok(Some(Value::tuple(bases)));
            }
            "__base__" => return Ok(Some(c.bases.first().map(|b| Value::Class(b.clone())).unwrap_or(Value::None))),
            "__mro__" => {
                let mut m = vec![Value::Class(c.clone())];
                m.extend(c.mro.iter().map(|b| Value::Class(b.clone())));
                return Ok(Some(Value::tuple(m)));
            }
            "__dict__" => {
                let d = self.namemap_to_dict(&c.dict.borrow())?;
                return Ok(Some(d));
            }
            "__doc__" => return Ok(Some(Value::None)),
            _ => {}
        }
        let meta = self.type_of(&Value::Class(c.clone()));
        match meta.lookup(name) {
            Some(a) => self.descr_get(a, Value::Class(c.clone()), &meta).map(Some),
            None => Ok(None),
        }
    }

    /// Attributes that live in Rust structures rather than dicts.
    fn special_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match (obj, name) {
            (_, "__class__") => Some(Value::Class(self.type_of(obj))),
            (Value::Function(f), "__name__") => Some(Value::str(&f.name.borrow())),
            (Value::Function(f), "__qualname__") => Some(Value::str(&f.qualname.borrow())),
            (Value::Function(f), "__module__") => Some(Value::str(&f.globals.name)),
            (Value::Function(f), "__doc__") => Some(match f.dict.borrow().get("__doc__") {
                Some(d) => d.clone(),
                // The compiler keeps a def's docstring (or None) in consts[0].
                None => match f.code.consts.first() {
                    Some(Value::Str(s)) if f.code.kind != crate::bytecode::CodeKind::Module => Value::string(clean_doc(&s.s)),
                    _ => Value::None,
                },
            }),
            (Value::Function(f), "__dict__") => Some(self.namemap_to_dict(&f.dict.borrow())?),
            (Value::Function(f), "__closure__") => Some(if f.closure.is_empty() {
                Value::None
            } else {
                let cells: Vec<Value> = f.closure.iter().map(|c| self.new_cell(c.clone())).collect();
                Value::tuple(cells)
            }),
            (Value::Function(f), "__defaults__") => Some(if f.defaults.is_empty() {
                Value::None
            } else {
                Value::tuple(f.defaults.clone())
            }),
            (Value::Function(f), "__code__") => Some(Value::Obj(Rc::new(Obj::new(
                self.types.code.clone(),
                Payload::Code(f.code.clone()),
            )))),
            (Value::Function(f), "__annotations__") => {
                Some(f.dict.borrow().get("__annotations__").cloned().unwrap_or_else(|| Value::Dict(self.new_dict())))
            }
            (Value::Function(f), _) => f.dict.borrow().get(name).cloned(),
            (Value::Builtin(b), "__name__") | (Value::Builtin(b), "__qualname__") => Some(Value::str(b.name)),
            (Value::Builtin(b), "__self__") => Some(b.bound.clone().unwrap_or(Value::None)),
            (Value::Obj(o), "__dict__") if !matches!(o.payload, Payload::Module(_)) => {
                Some(self.namemap_to_dict(&o.dict.borrow())?)
            }
            (Value::Obj(o), _) => match &o.payload {
                Payload::Exception(d) => match name {
                    "args" => Some(Value::tuple(d.borrow().args.clone())),
                    "__cause__" => Some(d.borrow().cause.clone().unwrap_or(Value::None)),
                    "__context__" => Some(d.borrow().context.clone().unwrap_or(Value::None)),
                    "__suppress_context__" => Some(Value::Bool(d.borrow().suppress_context)),
                    "__traceback__" => Some(self.traceback_object(obj)),
                    _ => self.exception_attr(obj, name)?,
                },
                Payload::Method(this, func) => match name {
                    "__self__" => Some(this.clone()),
                    "__func__" => Some(func.clone()),
                    "__name__" | "__qualname__" | "__doc__" | "__module__" => Some(self.getattr(func, name)?),
                    _ => None,
                },
                Payload::Gen(st) => match name {
                    "__name__" => Some(Value::str(&st.borrow().name)),
                    "__qualname__" => Some(Value::str(&st.borrow().qualname)),
                    _ => self.gen_attr(obj, name)?,
                },
                Payload::Property { fget, fset, fdel, doc } => match name {
                    "fget" => Some(fget.clone()),
                    "fset" => Some(fset.clone()),
                    "fdel" => Some(fdel.clone()),
                    "__doc__" => Some(doc.clone()),
                    _ => None,
                },
                Payload::StaticMethod(f) | Payload::ClassMethod(f) => match name {
                    "__func__" | "__wrapped__" => Some(f.clone()),
                    _ => None,
                },
                Payload::Range { start, stop, step } => match name {
                    "start" => Some(Value::Int(*start)),
                    "stop" => Some(Value::Int(*stop)),
                    "step" => Some(Value::Int(*step)),
                    _ => None,
                },
                Payload::Slice(a, b, c) => match name {
                    "start" => Some(a.clone()),
                    "stop" => Some(b.clone()),
                    "step" => Some(c.clone()),
                    _ => None,
                },
                Payload::Cell(c) if name == "cell_contents" => match c.borrow().clone() {
                    Some(v) => Some(v),
                    None => return Err(self.value_error("Cell is empty".into())),
                },
                Payload::Code(c) => match name {
                    "co_name" => Some(Value::str(&c.name)),
                    "co_qualname" => Some(Value::str(&c.qualname)),
                    "co_filename" => Some(Value::str(&c.filename)),
                    "co_firstlineno" => Some(Value::Int(c.first_line as i64)),
                    "co_argcount" => Some(Value::Int(c.argcount as i64)),
                    "co_flags" => {
                        use crate::bytecode::CodeKind;
                        // CPython's CO_* bits for what the code object is.
                        let mut flags = match c.kind {
                            CodeKind::Module | CodeKind::Class => 0,
                            CodeKind::Function => 0x3,
                            CodeKind::Generator => 0x23,
                            CodeKind::Coroutine => 0x83,
                            CodeKind::AsyncGenerator => 0x203,
                        };
                        if c.has_varargs {
                            flags |= 0x4;
                        }
                        if c.has_varkw {
                            flags |= 0x8;
                        }
                        Some(Value::Int(flags))
                    }
                    "co_varnames" => Some(Value::tuple(c.varnames.iter().map(|n| Value::str(n)).collect())),
                    _ => None,
                },
                _ => crate::native::native_attr(self, obj, name)?,
            },
            _ => None,
        })
    }

    /// `obj.name = v`.
    pub fn setattr(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        let cls = self.type_of(obj);
        if let Some(a) = cls.lookup(name) {
            if let Value::Obj(o) = &a {
                match &o.payload {
                    Payload::Property { fset, .. } => {
                        if fset.is_none() {
                            let msg = format!("property '{name}' of '{}' object has no setter", cls.name);
                            return Err(self.attribute_error(msg));
                        }
                        let fset = fset.clone();
                        self.call(fset, vec![obj.clone(), v])?;
                        return Ok(());
                    }
                    Payload::None => {
                        if let Some(set) = o.class.lookup("__set__") {
                            self.call(set, vec![a.clone(), obj.clone(), v])?;
                            return Ok(());
                        }
                    }
                    _ => {}
                }
            }
        }
        if cls.hooks() & crate::value::HOOK_SETATTR != 0 {
            if let Some(sa) = cls.lookup("__setattr__") {
                self.call(sa, vec![obj.clone(), Value::str(name), v])?;
                return Ok(());
            }
        }
        self.generic_setattr(obj, name, v)
    }

    /// `object.__setattr__`: store in the instance dict.
    pub fn generic_setattr(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        match obj {
            Value::Obj(o) if self.has_instance_dict(o) => {
                if o.class.hooks() & crate::value::HOOK_SLOTS != 0 && !self.slots_allow(o, name)? {
                    let t = o.class.name.clone();
                    return Err(self.attribute_error(format!(
                        "'{t}' object has no attribute '{name}' and no __dict__ for setting new attributes"
                    )));
                }
                if let Payload::Exception(d) = &o.payload {
                    match name {
                        "__cause__" => {
                            let mut d = d.borrow_mut();
                            d.cause = if v.is_none() { None } else { Some(v) };
                            d.suppress_context = true;
                            return Ok(());
                        }
                        "__context__" => {
                            d.borrow_mut().context = if v.is_none() { None } else { Some(v) };
                            return Ok(());
                        }
                        "__suppress_context__" => {
                            d.borrow_mut().suppress_context = matches!(v, Value::Bool(true));
                            return Ok(());
                        }
                        "args" => {
                            let items = self.collect(&v)?;
                            d.borrow_mut().args = items;
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                if let Some(frozen) = o.class.lookup("__dataclass_frozen__") {
                    if self.truthy(&frozen)? {
                        let e = self.new_error("FrozenInstanceError", &format!("cannot assign to field '{name}'"));
                        return Err(e);
                    }
                }
                o.dict.borrow_mut().set_str(name, v);
                Ok(())
            }
            Value::Class(c) => {
                c.dict.borrow_mut().set_str(name, v);
                Ok(())
            }
            Value::Function(f) => {
                match name {
                    "__name__" => *f.name.borrow_mut() = Rc::from(v.as_str().unwrap_or("")),
                    "__qualname__" => *f.qualname.borrow_mut() = Rc::from(v.as_str().unwrap_or("")),
                    _ => f.dict.borrow_mut().set_str(name, v),
                }
                Ok(())
            }
            Value::Obj(o) if matches!(o.payload, Payload::Module(_)) => {
                if let Payload::Module(m) = &o.payload {
                    m.globals.borrow_mut().set_str(name, v);
                }
                Ok(())
            }
            _ => {
                let t = self.type_name(obj);
                if self.type_of(obj).lookup(name).is_some() {
                    Err(self.attribute_error(format!(
                        "'{t}' object attribute '{name}' is read-only"
                    )))
                } else {
                    Err(self.attribute_error(format!("'{t}' object has no attribute '{name}' and no __dict__ for setting new attributes")))
                }
            }
        }
    }

    fn has_instance_dict(&self, o: &Obj) -> bool {
        !matches!(
            o.payload,
            Payload::Method(..) | Payload::Range { .. } | Payload::Slice(..) | Payload::Iter(_) | Payload::Cell(_)
        )
    }

    /// With `__slots__` (and no `__dict__` slot), only the listed names can
    /// be set on instances.
    fn slots_allow(&mut self, o: &Obj, name: &str) -> PyResult<bool> {
        let mut any_slots = false;
        let mut chain = vec![o.class.clone()];
        chain.extend(o.class.mro.iter().cloned());
        for c in chain {
            let slots = c.dict.borrow().get("__slots__").cloned();
            match slots {
                Some(s) => {
                    any_slots = true;
                    let names = match &s {
                        Value::Str(_) => vec![s.clone()],
                        other => self.collect(other)?,
                    };
                    if names.iter().any(|n| n.as_str() == Some(name) || n.as_str() == Some("__dict__")) {
                        return Ok(true);
                    }
                }
                None => {
                    if c.module.as_ref() != "builtins" {
                        return Ok(true);
                    }
                }
            }
        }
        Ok(!any_slots)
    }

    /// `del obj.name`.
    pub fn delattr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        let cls = self.type_of(obj);
        if let Some(Value::Obj(o)) = cls.lookup(name) {
            if let Payload::Property { fdel, .. } = &o.payload {
                if fdel.is_none() {
                    let msg = format!("property '{name}' of '{}' object has no deleter", cls.name);
                    return Err(self.attribute_error(msg));
                }
                let fdel = fdel.clone();
                self.call(fdel, vec![obj.clone()])?;
                return Ok(());
            }
        }
        if let Some(da) = cls.lookup("__delattr__") {
            if !matches!(&da, Value::Builtin(b) if b.owner == Some("object")) {
                self.call(da, vec![obj.clone(), Value::str(name)])?;
                return Ok(());
            }
        }
        let removed = match obj {
            Value::Obj(o) => o.dict.borrow_mut().remove(name),
            Value::Class(c) => c.dict.borrow_mut().remove(name),
            Value::Function(f) => f.dict.borrow_mut().remove(name),
            _ => None,
        };
        match removed {
            Some(_) => Ok(()),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// `LOAD_METHOD`: avoids allocating a bound method for the common
    /// `obj.method(...)` call. Returns (callable, Some(self)) for unbound
    /// functions found on the type.
    pub fn load_method(&mut self, obj: Value, name: &str) -> PyResult<(Value, Option<Value>)> {
        let special = match &obj {
            Value::Class(_) => true,
            Value::Obj(o) => matches!(o.payload, Payload::Super { .. } | Payload::Module(_)),
            _ => false,
        };
        if !special {
            let cls = self.type_of(&obj);
            if let Some(a) = cls.lookup(name) {
                let plain = match &a {
                    Value::Function(_) => true,
                    Value::Builtin(b) => b.bound.is_none() && b.owner.is_some(),
                    _ => false,
                };
                let shadowed = match &obj {
                    Value::Obj(o) => o.dict.borrow().contains(name),
                    _ => false,
                };
                if plain && !shadowed {
                    return Ok((a, Some(obj)));
                }
            }
        }
        let v = self.getattr(&obj, name)?;
        Ok((v, None))
    }

    /// Whether attribute instructions may cache lookups for this receiver
    /// (classes, modules and `super()` objects resolve names their own way).
    fn attr_cacheable(obj: &Value) -> bool {
        match obj {
            Value::Class(_) => false,
            Value::Obj(o) => !matches!(o.payload, Payload::Super { .. } | Payload::Module(_)),
            _ => true,
        }
    }

    /// Refreshes the attribute cache entry `i` of the top frame's code for
    /// `cls` if it is stale.
    fn fill_attr_cache(&self, fi: usize, i: usize, cls: &Rc<Class>) {
        let code = self.frames[fi].code.clone();
        let (Some(cell), Some(name)) = (code.attr_cache.get(i), code.names.get(i)) else { return };
        if cell.borrow().valid_for(cls) {
            return;
        }
        let value = cls.lookup(name);
        let data_descr = value.as_ref().map(|a| self.is_data_descriptor(a)).unwrap_or(false);
        let hooks = cls.hooks();
        let plain_store = !data_descr
            && hooks & (crate::value::HOOK_SETATTR | crate::value::HOOK_SLOTS) == 0
            && cls.lookup("__dataclass_frozen__").is_none();
        let method = match &value {
            Some(Value::Function(_)) => true,
            Some(Value::Builtin(b)) => b.bound.is_none() && b.owner.is_some(),
            _ => false,
        };
        let entry = crate::bytecode::AttrCache {
            class: Rc::as_ptr(cls) as usize,
            class_id: cls.id,
            epoch: crate::namemap::watched_epoch(),
            value,
            dict_first: !data_descr,
            plain_store,
            method,
        };
        let old = std::mem::replace(&mut *cell.borrow_mut(), entry);
        drop(old);
    }

    /// `LoadAttr` when the inline fast path (an instance-dict hit) missed.
    #[inline(never)]
    pub(super) fn load_attr_slow(&mut self, fi: usize, i: usize) -> PyResult<()> {
        let obj = self.pop();
        if let Value::Obj(o) = &obj {
            if Self::attr_cacheable(&obj) {
                let cls = o.class.clone();
                self.fill_attr_cache(fi, i, &cls);
            }
        }
        let name = self.frames[fi].code.names[i].clone();
        let v = self.getattr(&obj, &name)?;
        self.push(v);
        Ok(())
    }

    /// `StoreAttr` when the inline fast path (a plain instance store) missed.
    #[inline(never)]
    pub(super) fn store_attr_slow(&mut self, fi: usize, i: usize) -> PyResult<()> {
        let obj = self.pop();
        let v = self.pop();
        if let Value::Obj(o) = &obj {
            if matches!(o.payload, Payload::None) {
                let cls = o.class.clone();
                self.fill_attr_cache(fi, i, &cls);
            }
        }
        let name = self.frames[fi].code.names[i].clone();
        self.setattr(&obj, &name, v)
    }

    /// `LoadMethod` when the inline fast path missed: fills the cache for
    /// the receiver's class and pushes [callable, self-or-null].
    #[inline(never)]
    pub(super) fn load_method_slow(&mut self, fi: usize, i: usize) -> PyResult<()> {
        let obj = self.pop();
        let name = self.frames[fi].code.names[i].clone();
        if Self::attr_cacheable(&obj) {
            let cls = self.type_of(&obj);
            self.fill_attr_cache(fi, i, &cls);
            let code = self.frames[fi].code.clone();
            let found = {
                let c = code.attr_cache[i].borrow();
                if c.method {
                    c.value.clone()
                } else {
                    None
                }
            };
            if let Some(m) = found {
                let shadowed = match &obj {
                    Value::Obj(o) => o.dict.borrow().contains(&name),
                    _ => false,
                };
                if !shadowed {
                    self.push(m);
                    self.push(obj);
                    return Ok(());
                }
            }
        }
        let v = self.getattr(&obj, &name)?;
        self.push(v);
        let null = Value::Obj(self.types.null.clone());
        self.push(null);
        Ok(())
    }

    /// For dunder calls from Rust: returns the callable and whether `self`
    /// must be passed explicitly.
    pub(super) fn bind_descriptor_for_dunder(&mut self, f: Value, obj: &Value) -> PyResult<(Value, bool)> {
        match &f {
            Value::Function(_) => Ok((f, true)),
            Value::Builtin(b) if b.bound.is_none() => Ok((f, true)),
            Value::Obj(o) => match &o.payload {
                Payload::StaticMethod(inner) => Ok((inner.clone(), false)),
                Payload::ClassMethod(inner) => {
                    let c = Value::Class(self.type_of(obj));
                    Ok((self.bound_method(c, inner.clone()), false))
                }
                _ => Ok((f, true)),
            },
            _ => Ok((f, true)),
        }
    }
}

/// Docstring indentation removal, as the 3.13 compiler does: the first
/// line loses its leading blanks, later lines their common indentation.
pub fn clean_doc(doc: &str) -> String {
    let lines: Vec<&str> = doc.split('\n').collect();
    let margin = lines[1..]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        if i == 0 {
            out.push(l.trim_start_matches([' ', '\t']).to_string());
        } else if l.trim().is_empty() {
            out.push(l.get(margin..).unwrap_or("").to_string());
        } else {
            out.push(l.get(margin..).unwrap_or(l).to_string());
        }
    }
    out.join("\n")
}
