//! Object identities that do not depend on where the allocator put things.
//!
//! `id()`, the default `hash()` and default reprs (`<Foo object at 0x…>`)
//! need a number per object. Heap addresses would make the iteration order
//! of a set of objects — and anything keyed by `id` — differ between runs,
//! breaking "same program, same trace". Instead each object gets a serial
//! number the first time its identity is asked for, so the same program
//! sees the same ids every run.
//!
//! An entry holds a weak reference, which keeps the object's allocation
//! (not the object) alive: while it exists no other object can occupy that
//! address, so an address found in the table always means the same object.
//! Entries of dead objects are pruned from time to time; serials are never
//! reused, so ids stay unique among live objects (and hashes stay fixed for
//! an object's lifetime, as CPython's contract asks).

use std::collections::HashMap;
use std::rc::{Rc, Weak};

use crate::namemap::FxBuild;
use crate::value::Value;

/// Anything whose referent can be asked whether it is still alive.
trait Alive {
    fn alive(&self) -> bool;
}

impl<T> Alive for Weak<T> {
    fn alive(&self) -> bool {
        self.strong_count() > 0
    }
}

/// Where serial identities start: they read like CPython's addresses and
/// are multiples of 16, so the default hash (`id >> 4`) stays distinct.
const BASE: u64 = 0x7f00_0000_0000;

/// The table of identities handed out so far (one per interpreter).
#[derive(Default)]
pub struct Identities {
    by_addr: HashMap<usize, (Box<dyn Alive>, u64), FxBuild>,
    next: u64,
    /// Table size at which dead entries are swept next.
    prune_at: usize,
}

impl Identities {
    /// The identity of `v`: a serial for heap objects, a fixed number
    /// derived from the value for the unboxed immutables.
    pub fn of(&mut self, v: &Value) -> u64 {
        match v {
            Value::BigInt(r) => self.serial(r),
            Value::Str(r) => self.serial(r),
            Value::Bytes(r) => self.serial(r),
            Value::Tuple(r) => self.serial(r),
            Value::List(r) => self.serial(r),
            Value::Dict(r) => self.serial(r),
            Value::Set(r) => self.serial(r),
            Value::FrozenSet(r) => self.serial(r),
            Value::Function(r) => self.serial(r),
            Value::Builtin(r) => self.serial(r),
            Value::Class(r) => self.serial(r),
            Value::Obj(r) => self.serial(r),
            Value::None | Value::NotImplemented | Value::Ellipsis | Value::Bool(_) | Value::Int(_) | Value::Float(_) => {
                v.addr() as u64
            }
        }
    }

    fn serial<T: 'static>(&mut self, r: &Rc<T>) -> u64 {
        let addr = Rc::as_ptr(r) as *const u8 as usize;
        if let Some((_, id)) = self.by_addr.get(&addr) {
            return *id;
        }
        if self.by_addr.len() >= self.prune_at {
            self.by_addr.retain(|_, (w, _)| w.alive());
            self.prune_at = (2 * self.by_addr.len()).max(1024);
        }
        let id = BASE + 16 * self.next;
        self.next += 1;
        self.by_addr.insert(addr, (Box::new(Rc::downgrade(r)), id));
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_object_same_id_and_distinct_objects_differ() {
        let mut ids = Identities::default();
        let a = Value::list(vec![]);
        let b = Value::list(vec![]);
        let ia = ids.of(&a);
        assert_eq!(ids.of(&a.clone()), ia);
        assert_ne!(ids.of(&b), ia);
        assert_eq!(ia, BASE);
    }

    #[test]
    fn ids_are_not_reused_after_death() {
        let mut ids = Identities::default();
        let first = ids.of(&Value::list(vec![]));
        let second = ids.of(&Value::list(vec![]));
        assert_ne!(first, second);
    }
}
