//! An insertion-ordered map from names to values: module globals, class
//! namespaces and instance `__dict__`s. Order matters because `vars()`,
//! `dir()` and dataclass fields show it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use crate::value::Value;

/// FxHash: names are short and trusted-enough; SipHash would cost more than
/// the lookup itself.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        for &b in chunks.remainder() {
            self.add(b as u64);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.hash
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;

/// Ordered name → value map.
#[derive(Default, Clone)]
pub struct NameMap {
    entries: Vec<(Rc<str>, Value)>,
    index: HashMap<Rc<str>, usize, FxBuild>,
}

impl NameMap {
    pub fn new() -> NameMap {
        NameMap::default()
    }
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.index.get(name).map(|&i| &self.entries[i].1)
    }
    pub fn contains(&self, name: &str) -> bool {
        self.index.contains_key(name)
    }
    pub fn set(&mut self, name: Rc<str>, v: Value) {
        match self.index.get(&name) {
            Some(&i) => self.entries[i].1 = v,
            None => {
                self.index.insert(name.clone(), self.entries.len());
                self.entries.push((name, v));
            }
        }
    }
    pub fn set_str(&mut self, name: &str, v: Value) {
        match self.index.get(name) {
            Some(&i) => self.entries[i].1 = v,
            None => self.set(Rc::from(name), v),
        }
    }
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let i = self.index.remove(name)?;
        let (_, v) = self.entries.remove(i);
        for (_, slot) in self.index.iter_mut() {
            if *slot > i {
                *slot -= 1;
            }
        }
        Some(v)
    }
    pub fn iter(&self) -> impl Iterator<Item = (&Rc<str>, &Value)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
