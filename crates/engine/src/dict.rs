//! Hash tables for `dict` and `set`.
//!
//! Keys are compared with Python equality, which can run Python code, so the
//! tables never call out while they are being changed: a lookup takes an
//! `eq` callback and runs under a shared borrow; an insert is a lookup
//! followed by a mutation that calls nothing. A Python `__eq__` that mutates
//! the same table therefore meets a failed `try_borrow_mut` (a RuntimeError),
//! never a panic.
//!
//! `Set` reproduces CPython's set table (linear probes, then perturbation,
//! same sizes and resize points) so that iterating a set of ints prints the
//! same order CPython does.

use std::rc::{Rc, Weak};

use crate::value::{Module, Value};
use crate::vm::PyResult;

/// Python equality callback used during lookups.
pub type EqFn<'a> = &'a mut dyn FnMut(&Value, &Value) -> PyResult<bool>;

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

/// An insertion-ordered dict (like CPython's compact dict).
#[derive(Clone, Default)]
pub struct Dict {
    entries: Vec<Option<(i64, Value, Value)>>,
    indices: Vec<u32>,
    used: usize,
    globals_of: GlobalsLink,
}

/// Set on the dict `globals()` returns: the VM reads module globals from
/// the module's `NameMap`, so every change made through the dict is
/// written through to it. A copy of the dict is a plain dict.
#[derive(Default)]
struct GlobalsLink(Option<Weak<Module>>);

impl Clone for GlobalsLink {
    fn clone(&self) -> GlobalsLink {
        GlobalsLink(None)
    }
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    /// Makes this dict the live `globals()` of `m` (or a plain dict again).
    pub fn link_globals(&mut self, m: Option<&Rc<Module>>) {
        self.globals_of = GlobalsLink(m.map(Rc::downgrade));
    }

    pub fn is_globals_of(&self, m: &Rc<Module>) -> bool {
        self.globals_of.0.as_ref().is_some_and(|w| std::ptr::eq(w.as_ptr(), Rc::as_ptr(m)))
    }

    /// Writes one change through to the linked module (string keys only:
    /// other keys cannot be names).
    fn write_through(&self, key: &Value, value: Option<&Value>) {
        let Some(m) = self.globals_of.0.as_ref().and_then(Weak::upgrade) else { return };
        let Value::Str(k) = key else { return };
        let Ok(mut g) = m.globals.try_borrow_mut() else { return };
        match value {
            Some(v) => g.set_str(&k.s, v.clone()),
            None => {
                g.remove(&k.s);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Finds the entry index holding `key`.
    pub fn lookup(&self, key: &Value, hash: i64, eq: EqFn) -> PyResult<Option<usize>> {
        if self.indices.is_empty() {
            return Ok(None);
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Ok(None);
            }
            if ix != DUMMY {
                if let Some((h, k, _)) = &self.entries[ix as usize] {
                    if *h == hash && (k.is(key) || eq(k, key)?) {
                        return Ok(Some(ix as usize));
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    pub fn get_index(&self, ix: usize) -> Option<(&Value, &Value)> {
        self.entries.get(ix).and_then(|e| e.as_ref()).map(|(_, k, v)| (k, v))
    }

    pub fn set_value_at(&mut self, ix: usize, v: Value) {
        if let Some(Some(e)) = self.entries.get_mut(ix) {
            e.2 = v;
        }
        if self.globals_of.0.is_some() {
            if let Some(Some((_, k, v))) = self.entries.get(ix) {
                self.write_through(k, Some(v));
            }
        }
    }

    /// Appends a key known to be absent.
    pub fn push_new(&mut self, key: Value, hash: i64, value: Value) {
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.rebuild((self.used + 1) * 3);
        }
        if self.globals_of.0.is_some() {
            self.write_through(&key, Some(&value));
        }
        let ix = self.entries.len() as u32;
        self.entries.push(Some((hash, key, value)));
        self.used += 1;
        self.place(hash, ix);
    }

    fn place(&mut self, hash: i64, ix: u32) {
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != EMPTY {
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
        self.indices[i] = ix;
    }

    fn rebuild(&mut self, min: usize) {
        let mut size = 8;
        while size < min {
            size <<= 1;
        }
        self.entries.retain(|e| e.is_some());
        self.indices = vec![EMPTY; size];
        for ix in 0..self.entries.len() {
            if let Some((h, _, _)) = self.entries[ix] {
                self.place(h, ix as u32);
            }
        }
    }

    /// Removes the entry at `ix` (found by `lookup`) and returns its key and value.
    pub fn remove_at(&mut self, ix: usize) -> Option<(Value, Value)> {
        let (hash, k, v) = self.entries.get_mut(ix)?.take()?;
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != ix as u32 {
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
        self.indices[i] = DUMMY;
        self.used -= 1;
        if self.used == 0 {
            self.entries.clear();
            self.indices.clear();
        }
        if self.globals_of.0.is_some() {
            self.write_through(&k, None);
        }
        Some((k, v))
    }

    pub fn clear(&mut self) {
        if self.globals_of.0.is_some() {
            for (_, k, _) in self.entries.iter().flatten() {
                self.write_through(k, None);
            }
        }
        let link = std::mem::take(&mut self.globals_of);
        *self = Dict::new();
        self.globals_of = link;
    }

    /// Entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().filter_map(|e| e.as_ref().map(|(_, k, v)| (k, v)))
    }

    pub fn iter_hashed(&self) -> impl Iterator<Item = (i64, &Value, &Value)> {
        self.entries.iter().filter_map(|e| e.as_ref().map(|(h, k, v)| (*h, k, v)))
    }

    /// The raw slot count, so iterators can walk by position and notice changes.
    pub fn slots(&self) -> usize {
        self.entries.len()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v.clone()).collect()
    }

    /// Removes and returns the last entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let ix = self.entries.iter().rposition(|e| e.is_some())?;
        self.remove_at(ix)
    }

    /// Moves an entry to the end, for `OrderedDict.move_to_end`.
    pub fn move_to_end(&mut self, ix: usize) {
        if let Some(Some((h, k, v))) = self.entries.get(ix).cloned() {
            self.remove_at(ix);
            self.push_new(k, h, v);
        }
    }
}

const LINEAR_PROBES: usize = 9;

#[derive(Clone)]
enum Slot {
    Unused,
    Dummy,
    Active(i64, Value),
}

/// CPython's set table: iteration order is slot order.
#[derive(Clone)]
pub struct Set {
    table: Vec<Slot>,
    fill: usize,
    used: usize,
}

impl Default for Set {
    fn default() -> Set {
        Set::new()
    }
}

impl Set {
    pub fn new() -> Set {
        Set { table: vec![Slot::Unused; 8], fill: 0, used: 0 }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Finds the slot of `key`; `Err` carries the first reusable slot.
    fn find(&self, key: &Value, hash: i64, eq: EqFn) -> PyResult<Result<usize, usize>> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Unused => return Ok(Err(freeslot.unwrap_or(j))),
                    Slot::Dummy => {
                        if freeslot.is_none() {
                            freeslot = Some(j);
                        }
                    }
                    Slot::Active(h, k) => {
                        if *h == hash && (k.is(key) || eq(k, key)?) {
                            return Ok(Ok(j));
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    pub fn contains(&self, key: &Value, hash: i64, eq: EqFn) -> PyResult<bool> {
        Ok(self.find(key, hash, eq)?.is_ok())
    }

    /// Where `key` would go: `Ok(None)` if present.
    pub fn probe_insert(&self, key: &Value, hash: i64, eq: EqFn) -> PyResult<Option<usize>> {
        Ok(self.find(key, hash, eq)?.err())
    }

    /// Stores a key at a slot returned by `probe_insert` (no callbacks).
    pub fn insert_at(&mut self, slot: usize, key: Value, hash: i64) {
        let was_unused = matches!(self.table.get(slot), Some(Slot::Unused));
        if slot >= self.table.len() {
            return;
        }
        self.table[slot] = Slot::Active(hash, key);
        self.used += 1;
        if was_unused {
            self.fill += 1;
            if self.fill * 5 >= self.mask() * 3 {
                let min = if self.used > 50000 { self.used * 2 } else { self.used * 4 };
                self.resize(min);
            }
        }
    }

    /// Adds a key known to be absent (e.g. when copying another set).
    pub fn insert_new(&mut self, key: Value, hash: i64) {
        let mut never = |_: &Value, _: &Value| Ok(false);
        if let Ok(Some(slot)) = self.probe_insert(&key, hash, &mut never) {
            self.insert_at(slot, key, hash);
        }
    }

    fn insert_clean(table: &mut [Slot], key: Value, hash: i64) {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if matches!(table[i], Slot::Unused) {
                table[i] = Slot::Active(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in i + 1..=i + LINEAR_PROBES {
                    if matches!(table[j], Slot::Unused) {
                        table[j] = Slot::Active(hash, key);
                        return;
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut size = 8;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Unused; size]);
        for s in old {
            if let Slot::Active(h, k) = s {
                Set::insert_clean(&mut self.table, k, h);
            }
        }
        self.fill = self.used;
    }

    /// Makes room before merging `extra` keys, as CPython's set_merge does.
    pub fn reserve_for_merge(&mut self, extra: usize) {
        if (self.fill + extra) * 5 >= self.mask() * 3 {
            self.resize((self.used + extra) * 2);
        }
    }

    /// Removes `key`; returns whether it was present.
    pub fn remove_slot(&mut self, slot: usize) -> Option<Value> {
        if let Some(Slot::Active(..)) = self.table.get(slot) {
            if let Slot::Active(_, k) = std::mem::replace(&mut self.table[slot], Slot::Dummy) {
                self.used -= 1;
                return Some(k);
            }
        }
        None
    }

    pub fn find_slot(&self, key: &Value, hash: i64, eq: EqFn) -> PyResult<Option<usize>> {
        Ok(self.find(key, hash, eq)?.ok())
    }

    /// Removes an arbitrary element (`set.pop`): the first active slot.
    pub fn pop_first(&mut self) -> Option<Value> {
        let slot = self.table.iter().position(|s| matches!(s, Slot::Active(..)))?;
        self.remove_slot(slot)
    }

    pub fn clear(&mut self) {
        *self = Set::new();
    }

    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.table.iter().filter_map(|s| match s {
            Slot::Active(_, k) => Some(k),
            _ => None,
        })
    }

    pub fn iter_hashed(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.table.iter().filter_map(|s| match s {
            Slot::Active(h, k) => Some((*h, k)),
            _ => None,
        })
    }

    /// Copies `other` into this empty set; same-size tables copy slot by slot,
    /// which is why `set(s)` iterates like `s` in CPython.
    pub fn merge_from(&mut self, other: &Set) {
        self.reserve_for_merge(other.used);
        if self.fill == 0 && self.table.len() == other.table.len() {
            self.table = other
                .table
                .iter()
                .map(|s| match s {
                    Slot::Active(h, k) => Slot::Active(*h, k.clone()),
                    _ => Slot::Unused,
                })
                .collect();
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        for (h, k) in other.iter_hashed() {
            self.insert_new(k.clone(), h);
        }
    }

    pub fn slot_count(&self) -> usize {
        self.table.len()
    }

    /// The key in slot `i`, if active (for position-based iterators).
    pub fn slot(&self, i: usize) -> Option<&Value> {
        match self.table.get(i) {
            Some(Slot::Active(_, k)) => Some(k),
            _ => None,
        }
    }
}
