//! The module system: Rust modules (sys, time, math, random) and modules
//! written in Python that ship inside the engine.

pub mod deque;
mod math;
pub mod on_demand;
pub mod random;
mod random_module;
mod re;
pub mod time;
mod traceback;
pub mod sys;
pub mod typing;

use std::rc::Rc;

use crate::value::{Module, Obj, Payload, Value};
use crate::vm::{PyResult, Vm};

/// The source of `py/NAME.py` as the engine carries it: without comments
/// (`build.rs`).
macro_rules! carried {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/py/", $name, ".py"))
    };
}

/// Python-source modules always compiled in: what asyncio imports. The
/// others are loaded on demand (see [`on_demand`]).
const EMBEDDED: &[(&str, &str)] = &[
    ("heapq", carried!("heapq")),
    ("contextvars", carried!("contextvars")),
    ("concurrent", carried!("concurrent")),
    ("_anext", carried!("_anext")),
];

impl Vm {
    pub fn new_module(&mut self, name: &str) -> (Rc<Module>, Value) {
        let m = Rc::new(Module { name: Rc::from(name), globals: Default::default(), id: Default::default() });
        m.globals.borrow_mut().set_str("__name__", Value::str(name));
        let v = Value::Obj(Rc::new(Obj::new(self.types.module.clone(), Payload::Module(m.clone()))));
        (m, v)
    }

    /// `import name`.
    pub fn import(&mut self, name: &str, _has_fromlist: bool) -> PyResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        let top = name.split('.').next().unwrap_or(name);
        let v = match top {
            "sys" => {
                let v = sys::make(self);
                self.extend_module(&v, "sys", carried!("sys_extras"))?;
                v
            }
            "builtins" => Value::Obj(Rc::new(Obj::new(self.types.module.clone(), Payload::Module(self.builtins.clone())))),
            "random" => {
                let v = random_module::make(self);
                self.extend_module(&v, "random", carried!("random_extras"))?;
                v
            }
            "math" => math::make(self),
            "asyncio" => {
                let (m, v) = self.new_module("asyncio");
                self.modules.set_str("asyncio", v.clone());
                let mut g = m.globals.borrow().clone();
                crate::asyncio::module::populate(self, &mut g);
                *m.globals.borrow_mut() = g;
                self.run_module_source(&m, "asyncio", carried!("asyncio"))?;
                v
            }
            "time" => {
                let v = time::make(self);
                self.extend_module(&v, "time", carried!("time_extras"))?;
                v
            }
            "_collections" => deque::make(self),
            "_re" => re::make(self),
            "_traceback" => traceback::make(self),
            "_thread" => crate::asyncio::threads::make_thread_module(self),
            "_contextvars" => crate::asyncio::threads::make_contextvars_module(self),
            _ => match EMBEDDED.iter().find(|(n, _)| *n == top) {
                Some((_, src)) => self.load_py_module(top, src)?,
                None => match on_demand::source(top) {
                    Some(src) => self.load_py_module(top, &src)?,
                    None => {
                        // An on-demand module is missing only in the
                        // browser, when the page did not fetch it.
                        let why = if on_demand::NAMES.contains(&top) { " (the page could not load it)" } else { "" };
                        let e = self.new_error("ModuleNotFoundError", &format!("No module named '{top}'{why}"));
                        if let Some(o) = e.as_obj() {
                            o.dict.borrow_mut().set_str("name", Value::str(top));
                        }
                        return Err(e);
                    }
                },
            },
        };
        self.modules.set_str(top, v.clone());
        // Keep `sys.modules` (a dict made when sys was imported) current.
        if let Some(Value::Obj(sys_m)) = self.modules.get("sys").cloned() {
            if let Payload::Module(sm) = &sys_m.payload {
                let d = sm.globals.borrow().get("modules").cloned();
                if let Some(Value::Dict(d)) = d {
                    self.dict_set(&d, Value::str(top), v.clone())?;
                }
            }
        }
        Ok(v)
    }

    /// Runs Python source in the namespace of a module built in Rust, for
    /// the parts better written in Python.
    fn extend_module(&mut self, v: &Value, name: &str, src: &str) -> PyResult<()> {
        if let Some(Payload::Module(m)) = v.as_obj().map(|o| &o.payload) {
            let m = m.clone();
            self.run_module_source(&m, name, src)?;
        }
        Ok(())
    }

    fn load_py_module(&mut self, name: &str, src: &str) -> PyResult<Value> {
        let (m, v) = self.new_module(name);
        self.modules.set_str(name, v.clone());
        self.run_module_source(&m, name, src)?;
        Ok(v)
    }

    /// Runs embedded Python source in a module's namespace.
    fn run_module_source(&mut self, m: &Rc<Module>, name: &str, src: &str) -> PyResult<()> {
        let code = match crate::compiler::compile_module(src, &format!("<{name}>")) {
            Ok(c) => c,
            Err(e) => return Err(self.runtime_error(&format!("internal module {name} failed to compile: {}", e.msg))),
        };
        let frame = self.new_frame(code, m.clone());
        self.push_frame(frame)?;
        self.run_nested()?;
        Ok(())
    }

    /// `from m import name`.
    pub fn import_from(&mut self, m: &Value, name: &str) -> PyResult<Value> {
        match self.getattr_opt(m, name)? {
            Some(v) => Ok(v),
            None => {
                let mname = match m.as_obj().map(|o| &o.payload) {
                    Some(Payload::Module(md)) => md.name.to_string(),
                    _ => "?".into(),
                };
                Err(self.new_error(
                    "ImportError",
                    &format!("cannot import name '{name}' from '{mname}' (unknown location)"),
                ))
            }
        }
    }

    /// `from m import *`.
    pub fn import_star(&mut self, m: &Value) -> PyResult<()> {
        let Some(Payload::Module(md)) = m.as_obj().map(|o| &o.payload) else { return Ok(()) };
        let items: Vec<(Rc<str>, Value)> =
            md.globals.borrow().iter().filter(|(k, _)| !k.starts_with('_')).map(|(k, v)| (k.clone(), v.clone())).collect();
        let globals = match self.frames.last() {
            Some(f) => f.globals.clone(),
            None => self.main.clone(),
        };
        for (k, v) in items {
            globals.globals.borrow_mut().set(k, v);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    /// Taking the comments out changed nothing else, line numbers included.
    #[test]
    fn carried_modules_parse_as_their_sources() {
        let pairs = [
            (include_str!("py/asyncio.py"), carried!("asyncio")),
            (include_str!("py/heapq.py"), carried!("heapq")),
            (include_str!("py/contextvars.py"), carried!("contextvars")),
            (include_str!("py/concurrent.py"), carried!("concurrent")),
            (include_str!("py/sys_extras.py"), carried!("sys_extras")),
            (include_str!("py/random_extras.py"), carried!("random_extras")),
            (include_str!("py/time_extras.py"), carried!("time_extras")),
        ];
        for (source, carried) in pairs {
            assert_eq!(source.lines().count(), carried.lines().count());
            let (a, b) = (looplab_parser::parse_module(source), looplab_parser::parse_module(carried));
            assert!(a.is_ok() && a == b, "{}", carried.lines().next().unwrap_or(""));
        }
    }
}
