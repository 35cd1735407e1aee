//! An insertion-ordered map from names to values: module globals, class
//! namespaces and instance `__dict__`s. Order matters because `vars()`,
//! `dir()` and dataclass fields show it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

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

/// Maps with at most this many names are searched linearly (no hashing):
/// instance and most class dicts are this small.
const SMALL: usize = 8;

static NEXT_VERSION: AtomicU64 = AtomicU64::new(1);

/// Bumped whenever a watched map (a class dict some cached `Class::lookup`
/// result depends on) changes in any way.
static WATCHED_EPOCH: AtomicU64 = AtomicU64::new(1);

/// The current epoch of watched maps (see `NameMap::watch`).
#[inline]
pub fn watched_epoch() -> u64 {
    WATCHED_EPOCH.load(Ordering::Relaxed)
}

/// Ordered name → value map.
///
/// `version` changes whenever the set of keys changes (never on a value
/// update) and is unique across all maps, so two maps with the same version
/// hold the same keys at the same slots: the VM caches global lookups by it.
#[derive(Default, Clone)]
pub struct NameMap {
    entries: Vec<(Rc<str>, Value)>,
    /// Built once the map outgrows `SMALL`.
    index: Option<Box<HashMap<Rc<str>, usize, FxBuild>>>,
    version: u64,
    /// Set once a cache depends on this map: every change bumps the epoch.
    watched: Cell<bool>,
}

#[inline(always)]
fn read8(b: &[u8], i: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[i..i + 8]);
    u64::from_le_bytes(w)
}

#[inline(always)]
fn read4(b: &[u8], i: usize) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&b[i..i + 4]);
    u32::from_le_bytes(w)
}

/// Byte equality of two names of the same length without a `memcmp` call
/// for the usual short names.
#[inline(always)]
pub fn same_len_eq(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if (8..=16).contains(&n) {
        read8(a, 0) == read8(b, 0) && read8(a, n - 8) == read8(b, n - 8)
    } else if (4..8).contains(&n) {
        read4(a, 0) == read4(b, 0) && read4(a, n - 4) == read4(b, n - 4)
    } else if n < 4 {
        a.iter().zip(b).all(|(x, y)| x == y)
    } else {
        a == b
    }
}

/// A cheap hash of a name (for direct-mapped caches, not for tables).
#[inline(always)]
pub fn quick_hash(s: &str) -> u64 {
    let b = s.as_bytes();
    let n = b.len();
    let w = if n >= 8 {
        read8(b, 0) ^ read8(b, n - 8).rotate_left(29)
    } else if n >= 4 {
        (read4(b, 0) as u64) ^ ((read4(b, n - 4) as u64) << 29)
    } else {
        b.iter().fold(0u64, |h, &x| (h << 8) | x as u64)
    };
    (w ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

#[inline(always)]
fn same_name(k: &str, name: &str) -> bool {
    k.len() == name.len() && (std::ptr::eq(k.as_ptr(), name.as_ptr()) || same_len_eq(k.as_bytes(), name.as_bytes()))
}

impl NameMap {
    pub fn new() -> NameMap {
        NameMap::default()
    }
    /// The slot of `name`, valid until the keys change (see `version`).
    #[inline]
    pub fn find(&self, name: &str) -> Option<usize> {
        match &self.index {
            Some(ix) => ix.get(name).copied(),
            None => self.entries.iter().position(|(k, _)| same_name(k, name)),
        }
    }
    /// `find`, trying `hint` first: callers that read the same attributes
    /// of many like-built objects pass the slot they found last time.
    #[inline]
    pub fn find_hinted(&self, name: &str, hint: usize) -> Option<usize> {
        match self.entries.get(hint) {
            Some((k, _)) if same_name(k, name) => Some(hint),
            _ => self.find(name),
        }
    }
    #[inline]
    pub fn get(&self, name: &str) -> Option<&Value> {
        match &self.index {
            Some(ix) => ix.get(name).map(|&i| &self.entries[i].1),
            None => self.entries.iter().find(|(k, _)| same_name(k, name)).map(|(_, v)| v),
        }
    }
    /// Marks the map as one a cache depends on: from now on every change
    /// (keys or values) bumps `watched_epoch()`.
    #[inline]
    pub fn watch(&self) {
        self.watched.set(true);
    }
    #[inline]
    fn touched(&self) {
        if self.watched.get() {
            WATCHED_EPOCH.store(WATCHED_EPOCH.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
        }
    }
    #[inline]
    pub fn version(&self) -> u64 {
        self.version
    }
    /// The key at a slot from `find`.
    #[inline]
    pub fn key_at(&self, slot: usize) -> Option<&Rc<str>> {
        self.entries.get(slot).map(|(k, _)| k)
    }
    /// The value at a slot from `find`.
    #[inline]
    pub fn value_at(&self, slot: usize) -> Option<&Value> {
        self.entries.get(slot).map(|(_, v)| v)
    }
    /// Replaces the value at a slot from `find` (keys are unchanged).
    #[inline]
    pub fn set_at(&mut self, slot: usize, v: Value) -> Option<Value> {
        self.touched();
        self.entries.get_mut(slot).map(|e| std::mem::replace(&mut e.1, v))
    }
    pub fn contains(&self, name: &str) -> bool {
        self.find(name).is_some()
    }
    fn bump(&mut self) {
        self.touched();
        self.version = NEXT_VERSION.fetch_add(1, Ordering::Relaxed);
    }
    fn insert_new(&mut self, name: Rc<str>, v: Value) {
        self.bump();
        let i = self.entries.len();
        match &mut self.index {
            Some(ix) => {
                ix.insert(name.clone(), i);
            }
            None if i >= SMALL => {
                let mut ix: HashMap<Rc<str>, usize, FxBuild> = HashMap::with_capacity_and_hasher(2 * SMALL + 2, FxBuild::default());
                for (j, (k, _)) in self.entries.iter().enumerate() {
                    ix.insert(k.clone(), j);
                }
                ix.insert(name.clone(), i);
                self.index = Some(Box::new(ix));
            }
            None => {}
        }
        self.entries.push((name, v));
    }
    pub fn set(&mut self, name: Rc<str>, v: Value) {
        match self.find(&name) {
            Some(i) => {
                self.touched();
                self.entries[i].1 = v
            }
            None => self.insert_new(name, v),
        }
    }
    pub fn set_str(&mut self, name: &str, v: Value) {
        match self.find(name) {
            Some(i) => {
                self.touched();
                self.entries[i].1 = v
            }
            None => self.insert_new(Rc::from(name), v),
        }
    }
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let i = self.find(name)?;
        self.bump();
        let (_, v) = self.entries.remove(i);
        if let Some(ix) = &mut self.index {
            ix.remove(name);
            for (_, slot) in ix.iter_mut() {
                if *slot > i {
                    *slot -= 1;
                }
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
