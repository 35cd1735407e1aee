//! `globals()`, `locals()` and `vars()`: namespaces seen as dicts.
//!
//! Module globals live in a `NameMap` the VM indexes directly. `globals()`
//! returns one dict per module, linked to it (`Dict::link_globals`): writes
//! through the dict reach the module at once, and each `globals()` call
//! (or `module.__dict__`) brings the dict up to date with what the module's
//! code assigned since. A function's `locals()` is a fresh snapshot, as in
//! CPython 3.13.

use std::cell::RefCell;
use std::rc::Rc;

use super::def;
use crate::dict::Dict;
use crate::value::{Args, Module, Value};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    def(vm, "globals", globals);
    def(vm, "locals", locals);
    def(vm, "vars", vars);
}

impl Vm {
    /// The live dict of a module's globals (made on first use).
    pub fn globals_dict(&mut self, m: &Rc<Module>) -> PyResult<Rc<RefCell<Dict>>> {
        let known = self.globals_dicts.iter().find(|(mm, _)| Rc::ptr_eq(mm, m)).map(|(_, d)| d.clone());
        let d = match known {
            Some(d) => d,
            None => {
                let d = self.new_dict();
                self.globals_dicts.push((m.clone(), d.clone()));
                d
            }
        };
        self.refresh_globals_dict(m, &d)?;
        Ok(d)
    }

    /// Makes `d` the dict `globals()` returns for `m` (exec with an
    /// explicit globals dict).
    pub fn adopt_globals_dict(&mut self, m: &Rc<Module>, d: &Rc<RefCell<Dict>>) {
        self.globals_dicts.retain(|(mm, _)| !Rc::ptr_eq(mm, m));
        self.globals_dicts.push((m.clone(), d.clone()));
        if let Ok(mut dd) = d.try_borrow_mut() {
            dd.link_globals(Some(m));
        }
    }

    /// Rebuilds the dict from the module's names (in their order), keeping
    /// any non-string keys a program stored in it.
    fn refresh_globals_dict(&mut self, m: &Rc<Module>, d: &Rc<RefCell<Dict>>) -> PyResult<()> {
        let names: Vec<(Value, Value)> =
            m.globals.borrow().iter().map(|(k, v)| (Value::str(k), v.clone())).collect();
        let others: Vec<(Value, Value)> = d
            .borrow()
            .iter()
            .filter(|(k, _)| !matches!(k, Value::Str(_)))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let mut fresh = Dict::new();
        for (k, v) in names.into_iter().chain(others) {
            let h = self.hash(&k)?;
            let ix = fresh.lookup(&k, h, &mut |a, b| Ok(a.is(b)))?;
            match ix {
                Some(ix) => fresh.set_value_at(ix, v),
                None => fresh.push_new(k, h, v),
            }
        }
        fresh.link_globals(Some(m));
        if let Ok(mut dd) = d.try_borrow_mut() {
            *dd = fresh;
        }
        Ok(())
    }

    /// `locals()` of the running frame.
    fn frame_locals(&mut self) -> PyResult<Value> {
        let Some(f) = self.frames.last() else {
            let m = self.main.clone();
            return Ok(Value::Dict(self.globals_dict(&m)?));
        };
        if let Some(ns) = &f.namespace {
            let ns = ns.borrow().clone();
            return self.namemap_to_dict(&ns);
        }
        if f.code.kind == crate::bytecode::CodeKind::Module {
            let m = f.globals.clone();
            return Ok(Value::Dict(self.globals_dict(&m)?));
        }
        let code = f.code.clone();
        let mut pairs: Vec<(Rc<str>, Value)> = Vec::new();
        for (i, name) in code.varnames.iter().enumerate() {
            let v = match code.cell_params.iter().position(|p| *p == Some(i as u32)) {
                Some(ci) => f.cells.get(ci).and_then(|c| c.borrow().clone()),
                None => f.locals.get(i).cloned().flatten(),
            };
            if let Some(v) = v {
                pairs.push((name.clone(), v));
            }
        }
        // Cell variables (those that are parameters were listed above),
        // then free variables.
        let ncell = code.cellvars.len();
        for (ci, cell) in f.cells.iter().enumerate() {
            let name = if ci < ncell {
                if code.cell_params.get(ci).copied().flatten().is_some() {
                    continue;
                }
                &code.cellvars[ci]
            } else {
                match code.freevars.get(ci - ncell) {
                    Some(n) => n,
                    None => continue,
                }
            };
            if let Some(v) = cell.borrow().clone() {
                pairs.push((name.clone(), v));
            }
        }
        let d = self.new_dict();
        for (k, v) in pairs {
            if k.starts_with(|c: char| c.is_alphabetic() || c == '_') {
                self.dict_set(&d, Value::str(&k), v)?;
            }
        }
        Ok(Value::Dict(d))
    }
}

fn globals(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let m = match vm.frames.last() {
        Some(f) => f.globals.clone(),
        None => vm.main.clone(),
    };
    Ok(Value::Dict(vm.globals_dict(&m)?))
}

fn locals(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.frame_locals()
}

fn vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        None => vm.frame_locals(),
        Some(v) => match vm.getattr_opt(v, "__dict__")? {
            Some(d) => Ok(d),
            None => Err(vm.type_error("vars() argument must have __dict__ attribute".into())),
        },
    }
}
