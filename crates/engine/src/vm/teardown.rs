//! Ending a program frees what it made. Values often form reference
//! cycles (a module's functions refer to the module, a class's methods to
//! the class, a task to its coroutine and back), which reference counting
//! alone never frees, and a page runs many programs in one process: so a
//! dropped `Vm` empties its modules' and Python classes' namespaces, which
//! breaks the cycles through them.

use std::rc::Rc;

use super::Vm;
use crate::namemap::NameMap;
use crate::value::{Class, Module, Payload, Value};

impl Drop for Vm {
    fn drop(&mut self) {
        // Objects dying here report nothing: the program has ended, and the
        // next one may already be running on this thread.
        crate::generator::silently(|| self.empty_namespaces());
    }
}

impl Vm {
    fn empty_namespaces(&mut self) {
        let mut modules: Vec<Rc<Module>> = vec![self.main.clone(), self.builtins.clone()];
        modules.extend(self.modules.iter().filter_map(|(_, v)| match v {
            Value::Obj(o) => match &o.payload {
                Payload::Module(m) => Some(m.clone()),
                _ => None,
            },
            _ => None,
        }));
        let mut emptied: Vec<NameMap> = Vec::new();
        let mut classes: Vec<Rc<Class>> = Vec::new();
        for m in &modules {
            let g = std::mem::take(&mut *m.globals.borrow_mut());
            classes.extend(python_classes(&g));
            emptied.push(g);
        }
        // Only classes a `class` statement made (they have `__module__`):
        // builtin classes may be shared with the next program.
        let mut seen = std::collections::HashSet::new();
        while let Some(c) = classes.pop() {
            if !seen.insert(Rc::as_ptr(&c)) {
                continue;
            }
            let d = std::mem::take(&mut *c.dict.borrow_mut());
            classes.extend(python_classes(&d));
            emptied.push(d);
        }
        // Dropped now, while silent, rather than after `drop` returns.
        self.frames.clear();
        self.frame_pool.clear();
        self.aio = Default::default();
    }
}

/// The classes defined by Python code among a namespace's values.
fn python_classes(ns: &NameMap) -> Vec<Rc<Class>> {
    ns.iter()
        .filter_map(|(_, v)| match v {
            Value::Class(c) if c.dict.borrow().get("__module__").is_some() => Some(c.clone()),
            _ => None,
        })
        .collect()
}
