//! The runtime representation of every Python object.
//!
//! `Value` is a 16-byte enum: the hot builtin types (int, float, str, list,
//! tuple, dict, functions) get their own variant so the VM can dispatch on
//! them without a pointer chase; everything else — user instances,
//! exceptions, properties, iterators — is an [`Obj`] whose class says what it
//! is and whose [`Payload`] carries the builtin data.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::bigint::BigInt;

use crate::bytecode::Code;
use crate::dict::{Dict, Set};
use crate::namemap::NameMap;

/// A Python object reference.
pub enum Value {
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    /// An int that fits in i64; larger ones are always `BigInt`.
    Int(i64),
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Rc<PyStr>),
    Bytes(Rc<Vec<u8>>),
    Tuple(Rc<Vec<Value>>),
    List(Rc<RefCell<Vec<Value>>>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Set>>),
    FrozenSet(Rc<Set>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    Class(Rc<Class>),
    Obj(Rc<Obj>),
}

impl Clone for Value {
    /// Left to the optimiser: a native build inlines it, a size build (the
    /// browser's) keeps one copy. The match is about 600 bytes of wasm (its
    /// arms differ only in the tag they write) and values are cloned at
    /// hundreds of places. The VM's hottest loads use [`Value::clone_inline`].
    #[inline]
    fn clone(&self) -> Value {
        self.clone_inline()
    }
}

impl Value {
    /// [`Clone::clone`], always inlined: for `LOAD_FAST` and `LOAD_CONST`.
    #[inline(always)]
    pub fn clone_inline(&self) -> Value {
        match self {
            Value::None => Value::None,
            Value::NotImplemented => Value::NotImplemented,
            Value::Ellipsis => Value::Ellipsis,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            Value::BigInt(r) => Value::BigInt(Rc::clone(r)),
            Value::Str(r) => Value::Str(Rc::clone(r)),
            Value::Bytes(r) => Value::Bytes(Rc::clone(r)),
            Value::Tuple(r) => Value::Tuple(Rc::clone(r)),
            Value::List(r) => Value::List(Rc::clone(r)),
            Value::Dict(r) => Value::Dict(Rc::clone(r)),
            Value::Set(r) => Value::Set(Rc::clone(r)),
            Value::FrozenSet(r) => Value::FrozenSet(Rc::clone(r)),
            Value::Function(r) => Value::Function(Rc::clone(r)),
            Value::Builtin(r) => Value::Builtin(Rc::clone(r)),
            Value::Class(r) => Value::Class(Rc::clone(r)),
            Value::Obj(r) => Value::Obj(Rc::clone(r)),
        }
    }
}

/// An immutable string with its length in code points cached, because
/// Python indexes strings by code point and most strings are ASCII.
pub struct PyStr {
    pub s: String,
    pub chars: usize,
}

impl PyStr {
    pub fn new(s: String) -> PyStr {
        let chars = s.chars().count();
        PyStr { s, chars }
    }
    /// For callers that know the code-point count (concatenation).
    pub fn with_chars(s: String, chars: usize) -> PyStr {
        PyStr { s, chars }
    }
    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }
}

/// A function defined in Python: code plus what it closed over.
pub struct Function {
    pub code: Rc<Code>,
    pub globals: Rc<Module>,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    pub defaults: Vec<Value>,
    pub kwdefaults: Vec<(Rc<str>, Value)>,
    pub closure: Vec<Rc<RefCell<Option<Value>>>>,
    /// `__dict__`, `__doc__`, `__wrapped__` and whatever decorators attach.
    pub dict: RefCell<NameMap>,
}

/// Arguments to a builtin: positional values and keyword pairs.
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Rc<str>, Value)>,
}

/// The Rust signature of every builtin function and method.
pub type BuiltinFn = fn(&mut crate::vm::Vm, Args) -> crate::vm::PyResult<Value>;

/// A function implemented in Rust, optionally bound to `self`.
pub struct Builtin {
    pub name: &'static str,
    pub func: BuiltinFn,
    pub bound: Option<Value>,
    /// Methods are looked up on classes; this says which class owns them so
    /// reprs read like CPython's (`<method 'append' of 'list' objects>`).
    pub owner: Option<&'static str>,
}

/// A class: user-defined or builtin (builtin classes are `Class` too, so
/// `isinstance`, subclassing and attribute lookup have one code path).
pub struct Class {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub module: Rc<str>,
    pub bases: Vec<Rc<Class>>,
    /// Method resolution order, excluding the class itself.
    pub mro: Vec<Rc<Class>>,
    pub dict: RefCell<NameMap>,
    /// Which builtin layout instances carry (e.g. exceptions, list, dict).
    pub layout: Layout,
    pub id: usize,
    /// Which rarely-used hooks the class has (`Class::hooks`), with the
    /// lookup epoch they were computed at.
    pub hooks: Cell<(u64, u32)>,
}

/// `Class::hooks` bits.
pub const HOOKS_VALID: u32 = 1;
/// A `__setattr__` other than `object.__setattr__`.
pub const HOOK_SETATTR: u32 = 2;
/// `__slots__` somewhere in the MRO.
pub const HOOK_SLOTS: u32 = 4;
/// A metaclass other than `type`.
pub const HOOK_METACLASS: u32 = 8;
/// A `__new__` other than `object.__new__`.
pub const HOOK_NEW: u32 = 16;

/// The builtin base whose data an instance carries; user subclasses inherit it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    Object,
    Exception,
    List,
    Dict,
    Tuple,
    Int,
    Float,
    Str,
    Set,
    Other,
}

/// Any object that is not one of `Value`'s direct variants.
pub struct Obj {
    pub class: Rc<Class>,
    pub dict: RefCell<NameMap>,
    pub payload: Payload,
}

/// Builtin data carried by an [`Obj`].
pub enum Payload {
    None,
    Exception(RefCell<ExcData>),
    /// Instances of list/dict/tuple/int/... subclasses keep the base value.
    Base(RefCell<Value>),
    Method(Value, Value),
    Property { fget: Value, fset: Value, fdel: Value, doc: Value },
    StaticMethod(Value),
    ClassMethod(Value),
    Super { class: Rc<Class>, obj: Value },
    Module(Rc<Module>),
    Range { start: i64, stop: i64, step: i64 },
    Slice(Value, Value, Value),
    Cell(Rc<RefCell<Option<Value>>>),
    Iter(RefCell<crate::iter::IterState>),
    Gen(RefCell<crate::generator::GenState>),
    Native(RefCell<crate::native::NativeData>),
    Code(Rc<Code>),
    /// A `complex`: real and imaginary parts.
    Complex(crate::format::Complex),
}

/// The state every exception carries.
#[derive(Default)]
pub struct ExcData {
    pub args: Vec<Value>,
    pub traceback: Vec<TbEntry>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
}

/// One traceback line: which code, which line.
#[derive(Clone)]
pub struct TbEntry {
    pub code: Rc<Code>,
    pub line: u32,
    pub ip: usize,
}

/// A module: its name and its globals.
pub struct Module {
    pub name: Rc<str>,
    pub globals: RefCell<NameMap>,
    pub id: Cell<usize>,
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::new(PyStr::new(s.to_string())))
    }
    pub fn string(s: String) -> Value {
        Value::Str(Rc::new(PyStr::new(s)))
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(items))
    }
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }
    pub fn dict(d: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }
    pub fn from_bigint(b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity (`is`): same object, or equal for the unboxed immutables
    /// (CPython caches small ints and interns short strings, so learners
    /// rarely observe the difference).
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None)
            | (Value::NotImplemented, Value::NotImplemented)
            | (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::BigInt(a), Value::BigInt(b)) => Rc::ptr_eq(a, b),
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || (a.s.len() <= 20 && a.s == b.s),
            (Value::Bytes(a), Value::Bytes(b)) => Rc::ptr_eq(a, b),
            (Value::Tuple(a), Value::Tuple(b)) => {
                Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty())
            }
            (Value::List(a), Value::List(b)) => Rc::ptr_eq(a, b),
            (Value::Dict(a), Value::Dict(b)) => Rc::ptr_eq(a, b),
            (Value::Set(a), Value::Set(b)) => Rc::ptr_eq(a, b),
            (Value::FrozenSet(a), Value::FrozenSet(b)) => Rc::ptr_eq(a, b),
            (Value::Function(a), Value::Function(b)) => Rc::ptr_eq(a, b),
            (Value::Builtin(a), Value::Builtin(b)) => Rc::ptr_eq(a, b),
            (Value::Class(a), Value::Class(b)) => Rc::ptr_eq(a, b),
            (Value::Obj(a), Value::Obj(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// A stable address for `id()` and default reprs.
    pub fn addr(&self) -> usize {
        match self {
            Value::None => 0x1000,
            Value::NotImplemented => 0x1010,
            Value::Ellipsis => 0x1020,
            Value::Bool(b) => 0x1030 + *b as usize * 16,
            Value::Int(i) => 0x2000_0000usize.wrapping_add((*i as usize).wrapping_mul(32)),
            Value::Float(f) => f.to_bits() as usize,
            Value::BigInt(r) => Rc::as_ptr(r) as usize,
            Value::Str(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Bytes(r) => Rc::as_ptr(r) as usize,
            Value::Tuple(r) => Rc::as_ptr(r) as usize,
            Value::List(r) => Rc::as_ptr(r) as usize,
            Value::Dict(r) => Rc::as_ptr(r) as usize,
            Value::Set(r) => Rc::as_ptr(r) as usize,
            Value::FrozenSet(r) => Rc::as_ptr(r) as usize,
            Value::Function(r) => Rc::as_ptr(r) as usize,
            Value::Builtin(r) => Rc::as_ptr(r) as usize,
            Value::Class(r) => Rc::as_ptr(r) as usize,
            Value::Obj(r) => Rc::as_ptr(r) as usize,
        }
    }

    pub fn as_obj(&self) -> Option<&Rc<Obj>> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(&s.s),
            _ => None,
        }
    }
}

impl Obj {
    pub fn new(class: Rc<Class>, payload: Payload) -> Obj {
        Obj { class, dict: RefCell::new(NameMap::new()), payload }
    }
    pub fn exc(&self) -> Option<&RefCell<ExcData>> {
        match &self.payload {
            Payload::Exception(e) => Some(e),
            _ => None,
        }
    }
}

/// One remembered `Class::lookup` result.
struct LookupEntry {
    epoch: u64,
    class_id: usize,
    class_ptr: *const Class,
    name: Rc<str>,
    value: Option<Value>,
}

const LOOKUP_CACHE_SIZE: usize = 1024;

thread_local! {
    /// A direct-mapped cache of `Class::lookup` results, valid while no
    /// watched class dict has changed (`namemap::watched_epoch`).
    static LOOKUP_CACHE: RefCell<Vec<Option<LookupEntry>>> = const { RefCell::new(Vec::new()) };
}

#[inline(always)]
fn lookup_slot(class: *const Class, name: &str) -> usize {
    let h = crate::namemap::quick_hash(name) ^ (class as usize as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    (h >> 40) as usize & (LOOKUP_CACHE_SIZE - 1)
}

impl Class {
    /// Looks a name up along the MRO (the class itself first), through a
    /// cache invalidated by any change to a class dict it has read.
    #[inline]
    pub fn lookup(&self, name: &str) -> Option<Value> {
        let epoch = crate::namemap::watched_epoch();
        let me = self as *const Class;
        let slot = lookup_slot(me, name);
        let hit = LOOKUP_CACHE.with(|c| {
            let c = c.borrow();
            match c.get(slot) {
                Some(Some(e))
                    if e.epoch == epoch
                        && e.class_ptr == me
                        && e.class_id == self.id
                        && (std::ptr::eq(e.name.as_ptr(), name.as_ptr()) && e.name.len() == name.len()
                            || crate::namemap::same_len_eq(e.name.as_bytes(), name.as_bytes())) =>
                {
                    Some(e.value.clone())
                }
                _ => None,
            }
        });
        match hit {
            Some(v) => v,
            None => self.lookup_fill(name, slot),
        }
    }

    #[inline(never)]
    fn lookup_fill(&self, name: &str, slot: usize) -> Option<Value> {
        let value = self.lookup_uncached(name);
        self.dict.borrow().watch();
        for c in &self.mro {
            c.dict.borrow().watch();
        }
        let entry = LookupEntry {
            epoch: crate::namemap::watched_epoch(),
            class_id: self.id,
            class_ptr: self as *const Class,
            name: Rc::from(name),
            value: value.clone(),
        };
        let old = LOOKUP_CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if c.is_empty() {
                c.resize_with(LOOKUP_CACHE_SIZE, || None);
            }
            std::mem::replace(&mut c[slot], Some(entry))
        });
        // Dropped outside the borrow.
        drop(old);
        value
    }

    /// The hooks attribute access and instantiation must honour, cached
    /// until any watched class dict changes (the `lookup` cache's epoch),
    /// so the common case costs one check instead of several lookups.
    #[inline]
    pub fn hooks(&self) -> u32 {
        let (epoch, flags) = self.hooks.get();
        if epoch == crate::namemap::watched_epoch() && flags & HOOKS_VALID != 0 {
            return flags;
        }
        self.compute_hooks()
    }

    #[inline(never)]
    fn compute_hooks(&self) -> u32 {
        let not_object = |v: &Option<Value>| match v {
            Some(Value::Builtin(b)) => b.owner != Some("object"),
            Some(_) => true,
            None => false,
        };
        let mut flags = HOOKS_VALID;
        if not_object(&self.lookup("__setattr__")) {
            flags |= HOOK_SETATTR;
        }
        if self.lookup("__slots__").is_some() {
            flags |= HOOK_SLOTS;
        }
        if matches!(self.lookup("__metaclass__"), Some(Value::Class(_))) {
            flags |= HOOK_METACLASS;
        }
        if not_object(&self.lookup("__new__")) {
            flags |= HOOK_NEW;
        }
        self.hooks.set((crate::namemap::watched_epoch(), flags));
        flags
    }

    /// `lookup` without the cache.
    pub fn lookup_uncached(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get(name) {
            return Some(v.clone());
        }
        for c in &self.mro {
            if let Some(v) = c.dict.borrow().get(name) {
                return Some(v.clone());
            }
        }
        None
    }

    /// `issubclass(self, other)`.
    pub fn is_subclass(&self, other: &Class) -> bool {
        self.id == other.id || self.mro.iter().any(|c| c.id == other.id)
    }
}
