//! Calling things: binding arguments to parameters, pushing frames,
//! instantiating classes, and calling Rust builtins.

use std::cell::RefCell;
use std::rc::Rc;

use super::exec::Flow;
use super::frame::{Frame, Resume};
use super::{PyResult, Vm};
use crate::value::{Args, Function, Obj, Payload, Value};

impl Vm {
    /// The `CALL` family: Python functions become frames (no Rust
    /// recursion); everything else is called directly.
    pub(super) fn call_op(&mut self, callable: Value, args: Vec<Value>, kw: Vec<(Rc<str>, Value)>) -> PyResult<Flow> {
        match &callable {
            Value::Function(f) => {
                let f = f.clone();
                if f.code.is_generator_like() {
                    let frame = self.bind_frame(&f, args, kw)?;
                    let g = self.new_generator(frame, &f);
                    self.push(g);
                } else {
                    let frame = self.bind_frame(&f, args, kw)?;
                    self.push_frame(frame)?;
                }
                Ok(Flow::Next)
            }
            Value::Obj(o) => {
                if let Payload::Method(this, func) = &o.payload {
                    let mut a = Vec::with_capacity(args.len() + 1);
                    a.push(this.clone());
                    a.extend(args);
                    let func = func.clone();
                    return self.call_op(func, a, kw);
                }
                let v = self.call_with_kw(callable, args, kw)?;
                self.push(v);
                Ok(Flow::Next)
            }
            Value::Class(c) if c.layout_is_plain_init() && self.meta_method(c, "__call__").is_none() => {
                let c = c.clone();
                let init = c.lookup("__init__");
                let obj = self.new_instance(&c, &args, &kw)?;
                match init {
                    Some(Value::Function(f)) => {
                        let mut a = Vec::with_capacity(args.len() + 1);
                        a.push(obj.clone());
                        a.extend(args);
                        let mut frame = self.bind_frame(&f, a, kw)?;
                        frame.init_obj = Some(obj);
                        self.push_frame(frame)?;
                    }
                    Some(init) => {
                        let mut a = Vec::with_capacity(args.len() + 1);
                        a.push(obj.clone());
                        a.extend(args);
                        self.call_with_kw(init, a, kw)?;
                        self.push(obj);
                    }
                    None => self.push(obj),
                }
                Ok(Flow::Next)
            }
            _ => {
                let v = self.call_with_kw(callable, args, kw)?;
                self.push(v);
                Ok(Flow::Next)
            }
        }
    }

    /// Pushes a frame, enforcing the recursion limit.
    pub fn push_frame(&mut self, frame: Box<Frame>) -> PyResult<()> {
        if self.frames.len() >= self.limits.recursion_limit {
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        self.frames.push(frame);
        Ok(())
    }

    /// Calls any callable from Rust and waits for the result.
    pub fn call(&mut self, callable: Value, args: Vec<Value>) -> PyResult<Value> {
        self.call_with_kw(callable, args, Vec::new())
    }

    /// Calls any callable with keyword arguments from Rust.
    pub fn call_with_kw(&mut self, callable: Value, args: Vec<Value>, kw: Vec<(Rc<str>, Value)>) -> PyResult<Value> {
        match &callable {
            Value::Function(f) => {
                let f = f.clone();
                let frame = self.bind_frame(&f, args, kw)?;
                if f.code.is_generator_like() {
                    return Ok(self.new_generator(frame, &f));
                }
                self.push_frame(frame)?;
                self.run_nested()
            }
            Value::Builtin(b) => {
                let b = b.clone();
                let pos = match &b.bound {
                    Some(this) => {
                        let mut a = Vec::with_capacity(args.len() + 1);
                        a.push(this.clone());
                        a.extend(args);
                        a
                    }
                    None => args,
                };
                (b.func)(self, Args { pos, kw })
            }
            Value::Class(c) => {
                let c = c.clone();
                self.instantiate(&c, args, kw)
            }
            Value::Obj(o) => match &o.payload {
                Payload::Method(this, func) => {
                    let mut a = Vec::with_capacity(args.len() + 1);
                    a.push(this.clone());
                    a.extend(args);
                    let func = func.clone();
                    self.call_with_kw(func, a, kw)
                }
                Payload::StaticMethod(f) => {
                    let f = f.clone();
                    self.call_with_kw(f, args, kw)
                }
                _ => match o.class.lookup("__call__") {
                    Some(call) => {
                        let mut a = Vec::with_capacity(args.len() + 1);
                        a.push(callable.clone());
                        a.extend(args);
                        self.call_with_kw(call, a, kw)
                    }
                    None => Err(self.not_callable(&callable)),
                },
            },
            _ => Err(self.not_callable(&callable)),
        }
    }

    fn not_callable(&mut self, v: &Value) -> Value {
        let t = self.type_name(v);
        self.type_error(format!("'{t}' object is not callable"))
    }

    /// Calls a class: `__new__` then `__init__`, with builtin constructors
    /// for builtin layouts.
    pub fn instantiate(&mut self, c: &Rc<crate::value::Class>, args: Vec<Value>, kw: Vec<(Rc<str>, Value)>) -> PyResult<Value> {
        if let Some(call) = self.meta_method(c, "__call__") {
            let mut a = Vec::with_capacity(args.len() + 1);
            a.push(Value::Class(c.clone()));
            a.extend(args);
            return self.call_with_kw(call, a, kw);
        }
        self.instantiate_default(c, args, kw)
    }

    /// `type.__call__`: `__new__`, then `__init__` if `__new__` returned an
    /// instance of the class.
    pub fn instantiate_default(&mut self, c: &Rc<crate::value::Class>, args: Vec<Value>, kw: Vec<(Rc<str>, Value)>) -> PyResult<Value> {
        use crate::value::Layout;
        let user_new = c.lookup("__new__").map(|n| !matches!(n, Value::Builtin(_))).unwrap_or(false);
        let is_meta = c.id != self.types.type_.id && c.is_subclass(&self.types.type_);
        if is_meta || user_new && c.layout != Layout::Object && c.layout != Layout::Exception {
            // A builtin-layout subclass with its own __new__ (namedtuple,
            // int-based enums) or a metaclass: honour `__new__`. The builtin
            // constructors of other layouts run a subclass `__init__`
            // themselves; metaclass `__init__` runs here.
            let obj = if user_new {
                self.new_instance(c, &args, &kw)?
            } else {
                match self.types.constructor_for(c) {
                    Some(ctor) => ctor(self, c.clone(), Args { pos: args.clone(), kw: kw.clone() })?,
                    None => self.new_instance(c, &args, &kw)?,
                }
            };
            if is_meta && self.type_of(&obj).is_subclass(c) {
                if let Some(init) = c.lookup("__init__").filter(|i| !matches!(i, Value::Builtin(_))) {
                    let mut a = Vec::with_capacity(args.len() + 1);
                    a.push(obj.clone());
                    a.extend(args);
                    self.call_with_kw(init, a, kw)?;
                }
            }
            return Ok(obj);
        }
        if let Some(ctor) = self.types.constructor_for(c) {
            // A builtin type, or a subclass of one without its own __init__.
            return ctor(self, c.clone(), Args { pos: args, kw });
        }
        let obj = self.new_instance(c, &args, &kw)?;
        if !self.type_of(&obj).is_subclass(c) {
            return Ok(obj);
        }
        if let Some(init) = c.lookup("__init__") {
            self.run_init(init, &obj, args, kw)?;
        }
        Ok(obj)
    }

    /// Calls `init` (an `__init__`) on `obj`, which must return None.
    pub fn run_init(&mut self, init: Value, obj: &Value, args: Vec<Value>, kw: Vec<(Rc<str>, Value)>) -> PyResult<()> {
        let mut a = Vec::with_capacity(args.len() + 1);
        a.push(obj.clone());
        a.extend(args);
        let r = self.call_with_kw(init, a, kw)?;
        if !r.is_none() {
            let t = self.type_name(&r);
            return Err(self.type_error(format!("__init__() should return None, not '{t}'")));
        }
        Ok(())
    }

    /// Allocates an instance (`object.__new__` or a user `__new__`).
    pub(super) fn new_instance(&mut self, c: &Rc<crate::value::Class>, args: &[Value], kw: &[(Rc<str>, Value)]) -> PyResult<Value> {
        let custom_new = if c.hooks() & crate::value::HOOK_NEW != 0 { c.lookup("__new__") } else { None };
        if let Some(new) = custom_new {
            if !matches!(&new, Value::Builtin(b) if b.owner == Some("object")) {
                let new = match &new {
                    Value::Obj(o) => match &o.payload {
                        Payload::StaticMethod(f) => f.clone(),
                        _ => new.clone(),
                    },
                    _ => new.clone(),
                };
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(Value::Class(c.clone()));
                a.extend(args.iter().cloned());
                return self.call_with_kw(new, a, kw.to_vec());
            }
        }
        if c.layout != crate::value::Layout::Exception
            && (!args.is_empty() || !kw.is_empty())
            && c.lookup("__init__").map(|i| matches!(&i, Value::Builtin(b) if b.owner == Some("object"))).unwrap_or(true)
            && (!args.is_empty() || !kw.is_empty())
        {
            return Err(self.type_error(format!("{}() takes no arguments", c.name)));
        }
        let v = match self.oserror_subclass(c, args) {
            Some(sub) => self.alloc_instance(&sub),
            None => self.alloc_instance(c),
        };
        if let Some(d) = v.as_obj().and_then(|o| o.exc()) {
            // BaseException.__new__ records the constructor arguments.
            d.borrow_mut().args = args.to_vec();
        }
        Ok(v)
    }

    /// `OSError(errno, strerror)` builds the subclass for that errno, as
    /// CPython does (`OSError(2, ...)` is a FileNotFoundError).
    fn oserror_subclass(&self, c: &Rc<crate::value::Class>, args: &[Value]) -> Option<Rc<crate::value::Class>> {
        if c.name.as_ref() != "OSError" || c.module.as_ref() != "builtins" || args.len() < 2 {
            return None;
        }
        let name = match args[0] {
            Value::Int(1) | Value::Int(13) => "PermissionError",
            Value::Int(2) => "FileNotFoundError",
            Value::Int(3) => "ProcessLookupError",
            Value::Int(4) => "InterruptedError",
            Value::Int(10) => "ChildProcessError",
            Value::Int(11) | Value::Int(114) | Value::Int(115) => "BlockingIOError",
            Value::Int(17) => "FileExistsError",
            Value::Int(20) => "NotADirectoryError",
            Value::Int(21) => "IsADirectoryError",
            Value::Int(32) => "BrokenPipeError",
            Value::Int(103) => "ConnectionAbortedError",
            Value::Int(104) => "ConnectionResetError",
            Value::Int(110) => "TimeoutError",
            Value::Int(111) => "ConnectionRefusedError",
            _ => return None,
        };
        Some(self.types.exc(name))
    }

    /// A bare instance of `c` with the payload its layout needs.
    pub fn alloc_instance(&mut self, c: &Rc<crate::value::Class>) -> Value {
        use crate::value::Layout;
        let payload = match c.layout {
            Layout::Exception => Payload::Exception(RefCell::new(Default::default())),
            _ => Payload::None,
        };
        Value::Obj(Rc::new(Obj::new(c.clone(), payload)))
    }

    /// Binds call arguments to a new frame for `f`, with CPython's messages.
    pub(super) fn bind_frame(&mut self, f: &Rc<Function>, mut args: Vec<Value>, kw: Vec<(Rc<str>, Value)>) -> PyResult<Box<Frame>> {
        let code = f.code.clone();
        let mut frame = self.new_frame(code.clone(), f.globals.clone());
        let argc = code.argcount as usize;
        let npos = args.len();
        if kw.is_empty() && npos == argc && !code.has_varargs && code.kwonlyargcount == 0 && !code.has_varkw {
            for (slot, a) in frame.locals.iter_mut().zip(args) {
                *slot = Some(a);
            }
        } else {
            self.bind_slow(f, &mut frame, &mut args, kw)?;
        }
        if !code.cellvars.is_empty() || !code.freevars.is_empty() {
            let mut cells = Vec::with_capacity(code.cellvars.len() + f.closure.len());
            for p in code.cell_params.iter() {
                let init = p.and_then(|i| frame.locals.get(i as usize).cloned().flatten());
                cells.push(Rc::new(RefCell::new(init)));
            }
            cells.extend(f.closure.iter().cloned());
            frame.cells = cells;
        }
        Ok(frame)
    }

    fn bind_slow(&mut self, f: &Function, frame: &mut Frame, args: &mut Vec<Value>, kw: Vec<(Rc<str>, Value)>) -> PyResult<()> {
        let code = &f.code;
        let qual = f.qualname.borrow().clone();
        let argc = code.argcount as usize;
        let posonly = code.posonlyargcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let npos = args.len();
        let mut idx = argc + kwonly;
        let varargs_slot = if code.has_varargs {
            idx += 1;
            Some(idx - 1)
        } else {
            None
        };
        let varkw_slot = if code.has_varkw { Some(idx) } else { None };
        if npos > argc {
            match varargs_slot {
                Some(s) => {
                    let extra = args.split_off(argc);
                    frame.locals[s] = Some(Value::tuple(extra));
                }
                None => {
                    let ndefaults = f.defaults.len();
                    let given_kw = kw.iter().filter(|(k, _)| code.varnames[..argc + kwonly].iter().any(|n| n == k)).count();
                    let takes = if ndefaults > 0 {
                        format!("from {} to {} positional arguments", argc - ndefaults, argc)
                    } else {
                        format!("{} positional argument{}", argc, if argc == 1 { "" } else { "s" })
                    };
                    let given = if given_kw > 0 {
                        format!(
                            "{} positional argument{} (and {} keyword-only argument{})",
                            npos,
                            if npos == 1 { "" } else { "s" },
                            given_kw,
                            if given_kw == 1 { "" } else { "s" }
                        )
                    } else {
                        format!("{npos}")
                    };
                    let verb = if npos == 1 && given_kw == 0 { "was" } else { "were" };
                    return Err(self.type_error(format!("{qual}() takes {takes} but {given} {verb} given")));
                }
            }
        } else if let Some(s) = varargs_slot {
            frame.locals[s] = Some(Value::tuple(Vec::new()));
        }
        for (i, a) in args.drain(..).enumerate() {
            frame.locals[i] = Some(a);
        }
        let kwdict = varkw_slot.map(|_| self.new_dict());
        let mut posonly_as_kw = Vec::new();
        for (name, v) in kw {
            let pos = code.varnames[..argc + kwonly].iter().position(|n| *n == name);
            match pos {
                Some(p) if p >= posonly => {
                    if frame.locals[p].is_some() {
                        return Err(self.type_error(format!("{qual}() got multiple values for argument '{name}'")));
                    }
                    frame.locals[p] = Some(v);
                }
                _ => match &kwdict {
                    Some(d) => {
                        let d = d.clone();
                        self.dict_set(&d, Value::str(&name), v)?;
                    }
                    None => {
                        if pos.is_some() {
                            posonly_as_kw.push(name);
                            continue;
                        }
                        // 3.13 suggests the closest parameter name.
                        let params: Vec<String> = code.varnames[code.posonlyargcount as usize..argc + kwonly]
                            .iter()
                            .map(|n| n.to_string())
                            .collect();
                        let hint = match crate::report::best_match_unbounded(&name, &params) {
                            Some(m) => format!(". Did you mean '{m}'?"),
                            None => String::new(),
                        };
                        return Err(self.type_error(format!("{qual}() got an unexpected keyword argument '{name}'{hint}")));
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            let names: Vec<String> = posonly_as_kw.iter().map(|n| n.to_string()).collect();
            return Err(self.type_error(format!(
                "{qual}() got some positional-only arguments passed as keyword arguments: '{}'",
                names.join(", ")
            )));
        }
        if let (Some(s), Some(d)) = (varkw_slot, kwdict) {
            frame.locals[s] = Some(Value::Dict(d));
        }
        // Defaults fill the last positional parameters.
        let ndefaults = f.defaults.len();
        let mut missing = Vec::new();
        for i in npos.min(argc)..argc {
            if frame.locals[i].is_none() {
                if i + ndefaults >= argc {
                    frame.locals[i] = Some(f.defaults[i + ndefaults - argc].clone());
                } else {
                    missing.push(code.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(&qual, "positional", &missing));
        }
        for i in argc..argc + kwonly {
            if frame.locals[i].is_none() {
                let name = &code.varnames[i];
                match f.kwdefaults.iter().find(|(k, _)| k == name) {
                    Some((_, v)) => frame.locals[i] = Some(v.clone()),
                    None => missing.push(name.clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(&qual, "keyword-only", &missing));
        }
        Ok(())
    }

    fn missing_args(&mut self, qual: &str, kind: &str, names: &[Rc<str>]) -> Value {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
        };
        let n = names.len();
        self.type_error(format!(
            "{qual}() missing {n} required {kind} argument{}: {list}",
            if n == 1 { "" } else { "s" }
        ))
    }

    /// Turns `**mapping` into keyword pairs.
    pub(super) fn kwargs_from_mapping(&mut self, callable: &Value, d: &Value) -> PyResult<Vec<(Rc<str>, Value)>> {
        let pairs = match d {
            Value::Dict(d) => d.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect::<Vec<_>>(),
            other => {
                let keys = match self.getattr(other, "keys") {
                    Ok(k) => self.call(k, vec![])?,
                    Err(_) => {
                        let name = self.callable_name(callable);
                        let t = self.type_name(other);
                        return Err(self.type_error(format!(
                            "{name} argument after ** must be a mapping, not {t}"
                        )));
                    }
                };
                let keys = self.collect(&keys)?;
                let mut out = Vec::new();
                for k in keys {
                    let v = self.getitem(other, k.clone())?;
                    out.push((k, v));
                }
                out
            }
        };
        let mut kw = Vec::with_capacity(pairs.len());
        for (k, v) in pairs {
            match k.as_str() {
                Some(s) => kw.push((Rc::from(s), v)),
                None => return Err(self.type_error("keywords must be strings".into())),
            }
        }
        Ok(kw)
    }

    /// `f` as CPython names it in call errors (`f()`, `C.m()`).
    pub fn callable_name(&self, v: &Value) -> String {
        match v {
            Value::Function(f) => format!("{}()", f.qualname.borrow()),
            Value::Builtin(b) => format!("{}()", b.name),
            Value::Class(c) => format!("{}()", c.name),
            _ => "function".to_string(),
        }
    }

    /// `MAKE_FUNCTION`: TOS is the qualname, below it the code object, and
    /// below that the optional closure, kwdefaults and defaults (by flags).
    pub(super) fn make_function(&mut self, flags: u32) -> PyResult<Value> {
        let qualname = self.pop();
        let code = self.pop();
        let code = match &code {
            Value::Obj(o) => match &o.payload {
                Payload::Code(c) => c.clone(),
                _ => return Err(self.runtime_error("bad code object")),
            },
            _ => return Err(self.runtime_error("bad code object")),
        };
        let closure = if flags & 8 != 0 {
            match self.pop() {
                Value::Tuple(t) => t
                    .iter()
                    .filter_map(|c| match c {
                        Value::Obj(o) => match &o.payload {
                            Payload::Cell(c) => Some(c.clone()),
                            _ => None,
                        },
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            }
        } else {
            Vec::new()
        };
        let annotations = if flags & 4 != 0 { Some(self.pop()) } else { None };
        let kwdefaults = if flags & 2 != 0 {
            match self.pop() {
                Value::Dict(d) => d
                    .borrow()
                    .iter()
                    .map(|(k, v)| (Rc::from(k.as_str().unwrap_or("")), v.clone()))
                    .collect(),
                _ => Vec::new(),
            }
        } else {
            Vec::new()
        };
        let defaults = if flags & 1 != 0 {
            match self.pop() {
                Value::Tuple(t) => t.as_ref().clone(),
                _ => Vec::new(),
            }
        } else {
            Vec::new()
        };
        let globals = match self.frames.last() {
            Some(f) => f.globals.clone(),
            None => self.main.clone(),
        };
        let qual: Rc<str> = Rc::from(qualname.as_str().unwrap_or(&code.name));
        let func = Function {
            name: RefCell::new(code.name.clone()),
            qualname: RefCell::new(qual),
            code,
            globals,
            defaults,
            kwdefaults,
            closure,
            dict: RefCell::new(Default::default()),
        };
        if let Some(a) = annotations {
            func.dict.borrow_mut().set_str("__annotations__", a);
        }
        Ok(Value::Function(Rc::new(func)))
    }

    pub(super) fn new_cell(&mut self, cell: super::frame::CellRef) -> Value {
        Value::Obj(Rc::new(Obj::new(self.types.cell.clone(), Payload::Cell(cell))))
    }

    /// Calls a Python method by name on an object (dunder dispatch from Rust).
    pub fn call_method(&mut self, obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Value> {
        let (f, this) = self.load_method(obj.clone(), name)?;
        let args = match this {
            Some(t) => {
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(t);
                a.extend(args);
                a
            }
            None => args,
        };
        self.call(f, args)
    }

    /// Looks up a special method on the type only (as CPython does for
    /// dunders) and calls it if present.
    pub fn call_dunder(&mut self, obj: &Value, name: &str, args: Vec<Value>) -> PyResult<Option<Value>> {
        let cls = self.type_of(obj);
        match cls.lookup(name) {
            Some(f) => {
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(obj.clone());
                a.extend(args);
                let f = self.bind_descriptor_for_dunder(f, obj)?;
                Ok(Some(self.call(f.0, if f.1 { a } else { a[1..].to_vec() })?))
            }
            None => Ok(None),
        }
    }

    /// Frames for generator functions start suspended, before the first line.
    pub fn host_resume_kind() -> Resume {
        Resume::Host
    }
}
