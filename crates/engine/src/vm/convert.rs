//! repr/str/format/hash/len, subscripts, and dict/set plumbing.

use std::rc::Rc;

use crate::bigint::BigInt;

use super::{PyResult, Vm};
use crate::dict::{Dict, Set};
use crate::format as fmt;
use crate::namemap::NameMap;
use crate::value::{Obj, Payload, Value};

const HASH_MOD: u64 = (1u64 << 61) - 1;

fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % HASH_MOD) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

fn hash_big(b: &BigInt) -> i64 {
    let m = (b.abs() % BigInt::from(HASH_MOD)).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's float hash: equal to the int hash for integral values.
fn hash_f64(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f.fract() == 0.0 && f.abs() < 9.2e18 {
        return hash_i64(f as i64);
    }
    let (mut m, mut e) = frexp(f.abs());
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MOD) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MOD {
            x -= HASH_MOD;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    x = ((x << e) & HASH_MOD) | (x >> (61 - e));
    let h = if f < 0.0 { -(x as i64) } else { x as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

fn hash_str(s: &str) -> i64 {
    use std::hash::Hasher;
    let mut h = crate::namemap::FxHasher::default();
    h.write(s.as_bytes());
    let v = (h.finish() >> 1) as i64;
    if v == -1 {
        -2
    } else {
        v
    }
}

impl Vm {
    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        Ok(match v {
            Value::None => 0x2f1,
            Value::Bool(b) => *b as i64,
            Value::Int(i) => hash_i64(*i),
            Value::BigInt(b) => hash_big(b),
            Value::Float(f) => hash_f64(*f),
            Value::Str(s) => hash_str(&s.s),
            Value::Bytes(b) => hash_str(&String::from_utf8_lossy(b)),
            Value::Tuple(t) => self.hash_tuple(t)?,
            Value::FrozenSet(s) => {
                let mut h: u64 = 0;
                for (eh, _) in s.iter_hashed() {
                    let x = eh as u64;
                    h ^= (x ^ (x << 16) ^ 89869747).wrapping_mul(3644798167);
                }
                (h.wrapping_mul(69069).wrapping_add(907133923)) as i64
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) => {
                let t = self.type_name(v);
                return Err(self.type_error(format!("unhashable type: '{t}'")));
            }
            Value::Obj(o) => {
                match o.class.lookup("__hash__") {
                    Some(Value::None) => {
                        let t = self.type_name(v);
                        return Err(self.type_error(format!("unhashable type: '{t}'")));
                    }
                    Some(Value::Builtin(b)) if b.owner == Some("object") => {}
                    Some(f) => {
                        let r = self.call(f, vec![v.clone()])?;
                        return match r {
                            Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                            Value::BigInt(b) => Ok(hash_big(&b)),
                            Value::Bool(b) => Ok(b as i64),
                            _ => Err(self.type_error("__hash__ method should return an integer".into())),
                        };
                    }
                    None => {}
                }
                match &o.payload {
                    Payload::Base(b) => {
                        let b = b.borrow().clone();
                        return self.hash(&b);
                    }
                    _ => (self.identities.of(v) >> 4) as i64,
                }
            }
            _ => (self.identities.of(v) >> 4) as i64,
        })
    }

    /// CPython's xxHash-based tuple hash (so sets of tuples order alike).
    fn hash_tuple(&mut self, t: &[Value]) -> PyResult<i64> {
        const P1: u64 = 11400714785074694791;
        const P2: u64 = 14029467366897019727;
        const P5: u64 = 2870177450012600261;
        let mut acc: u64 = P5;
        for item in t {
            let h = self.hash(item)? as u64;
            acc = acc.wrapping_add(h.wrapping_mul(P2));
            acc = acc.rotate_left(31);
            acc = acc.wrapping_mul(P1);
        }
        acc = acc.wrapping_add((t.len() as u64) ^ (P5 ^ 3527539));
        if acc == u64::MAX {
            return Ok(1546275796);
        }
        Ok(acc as i64)
    }

    /// The repr of `v` for the trace's own views (a queue's items, a
    /// thread's function), which the program never asked for, so it must
    /// not change what the program does: nothing done meanwhile is
    /// recorded (a `print` in a `__repr__` prints nothing), and an
    /// exception is swallowed, the type's name shown instead.
    pub fn quiet_repr(&mut self, v: &Value) -> String {
        let was = std::mem::replace(&mut self.trace.muted, true);
        let r = self.repr(v);
        self.trace.muted = was;
        r.unwrap_or_else(|_| format!("<{} object>", self.type_name(v)))
    }

    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => match fmt::int_to_decimal(b, self.limits.int_max_str_digits) {
                Ok(s) => s,
                Err(e) => return Err(self.fmt_error(e)),
            },
            Value::Float(f) => fmt::float_repr(*f),
            Value::Str(s) => fmt::str_repr(&s.s),
            Value::Bytes(b) => bytes_repr(b),
            Value::Tuple(t) => {
                if t.is_empty() {
                    return Ok("()".into());
                }
                self.enter_recursion()?;
                let r = self.join_reprs(t.iter());
                self.rust_depth -= 1;
                let r = r?;
                if t.len() == 1 {
                    format!("({r},)")
                } else {
                    format!("({r})")
                }
            }
            Value::List(l) => {
                if self.repr_guard(v) {
                    return Ok("[...]".into());
                }
                let items = l.borrow().clone();
                let r = self.guarded(v, |vm| vm.join_reprs(items.iter()));
                format!("[{}]", r?)
            }
            Value::Dict(d) => {
                if self.repr_guard(v) {
                    return Ok("{...}".into());
                }
                let items: Vec<(Value, Value)> = d.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                format!("{{{}}}", self.guarded(v, |vm| vm.dict_items_repr(&items))?)
            }
            Value::Set(s) => {
                let items: Vec<Value> = s.borrow().iter().cloned().collect();
                if items.is_empty() {
                    return Ok("set()".into());
                }
                format!("{{{}}}", self.join_reprs(items.iter())?)
            }
            Value::FrozenSet(s) => {
                let items: Vec<Value> = s.iter().cloned().collect();
                if items.is_empty() {
                    return Ok("frozenset()".into());
                }
                format!("frozenset({{{}}})", self.join_reprs(items.iter())?)
            }
            Value::Function(f) => format!("<function {} at {:#x}>", f.qualname.borrow(), self.identities.of(v)),
            Value::Builtin(b) => match &b.bound {
                Some(this) if !matches!(this, Value::Obj(o) if matches!(o.payload, Payload::Module(_))) => {
                    let t = self.type_name(this);
                    format!("<built-in method {} of {} object at {:#x}>", b.name, t, self.identities.of(this))
                }
                _ => format!("<built-in function {}>", b.name),
            },
            Value::Class(c) => {
                if let Some(r) = self.meta_repr(v)? {
                    return Ok(r);
                }
                if c.module.as_ref() == "builtins" {
                    format!("<class '{}'>", c.qualname)
                } else {
                    format!("<class '{}.{}'>", c.module, c.qualname)
                }
            }
            Value::Obj(o) => return self.obj_repr(v, o),
        })
    }

    fn meta_repr(&mut self, v: &Value) -> PyResult<Option<String>> {
        let meta = self.type_of(v);
        if Rc::ptr_eq(&meta, &self.types.type_) {
            return Ok(None);
        }
        match meta.lookup("__repr__") {
            Some(f) if !matches!(f, Value::Builtin(_)) => {
                let r = self.call(f, vec![v.clone()])?;
                Ok(Some(self.expect_str(r, "__repr__")?))
            }
            _ => Ok(None),
        }
    }

    fn expect_str(&mut self, r: Value, what: &str) -> PyResult<String> {
        match &r {
            Value::Str(s) => Ok(s.s.clone()),
            Value::Obj(o) => match &o.payload {
                Payload::Base(b) => match &*b.borrow() {
                    Value::Str(s) => Ok(s.s.clone()),
                    _ => Err(self.type_error(format!("{what} returned non-string (type {})", o.class.name))),
                },
                _ => Err(self.type_error(format!("{what} returned non-string (type {})", o.class.name))),
            },
            other => {
                let t = self.type_name(other);
                Err(self.type_error(format!("{what} returned non-string (type {t})")))
            }
        }
    }

    /// Whether `v` is already being repr'd (recursive containers).
    pub(crate) fn repr_guard(&self, v: &Value) -> bool {
        self.repr_stack.iter().any(|a| *a == v.addr())
    }

    pub(crate) fn guarded<T>(&mut self, v: &Value, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
        self.enter_recursion()?;
        self.repr_stack.push(v.addr());
        let r = f(self);
        self.repr_stack.pop();
        self.rust_depth -= 1;
        r
    }

    fn join_reprs<'b>(&mut self, items: impl Iterator<Item = &'b Value>) -> PyResult<String> {
        let mut out = String::new();
        for (i, x) in items.enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(x)?);
        }
        Ok(out)
    }

    fn dict_items_repr(&mut self, items: &[(Value, Value)]) -> PyResult<String> {
        let mut out = String::new();
        for (i, (k, x)) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(k)?);
            out.push_str(": ");
            out.push_str(&self.repr(x)?);
        }
        Ok(out)
    }

    fn obj_repr(&mut self, v: &Value, o: &Rc<Obj>) -> PyResult<String> {
        if let Some(f) = o.class.lookup("__repr__") {
            let builtin_default = matches!(&f, Value::Builtin(b) if b.owner == Some("object") || b.owner == Some("BaseException"));
            if !builtin_default {
                self.enter_recursion()?;
                let r = self.call(f, vec![v.clone()]);
                self.rust_depth -= 1;
                let r = r?;
                return self.expect_str(r, "__repr__");
            }
        }
        Ok(match &o.payload {
            Payload::Exception(d) => {
                let args = d.borrow().args.clone();
                let name = o.class.name.clone();
                match args.len() {
                    1 => format!("{}({})", name, self.repr(&args[0])?),
                    _ => format!("{}({})", name, self.join_reprs(args.iter())?),
                }
            }
            Payload::Base(b) => {
                let b = b.borrow().clone();
                self.repr(&b)?
            }
            Payload::Method(this, func) => {
                let fname = match func {
                    Value::Function(f) => f.qualname.borrow().to_string(),
                    other => self.getattr(other, "__qualname__").ok().and_then(|n| n.as_str().map(String::from)).unwrap_or_default(),
                };
                format!("<bound method {} of {}>", fname, self.repr(this)?)
            }
            Payload::Module(m) => format!("<module '{}'>", m.name),
            Payload::Range { start, stop, step } => {
                if *step == 1 {
                    format!("range({start}, {stop})")
                } else {
                    format!("range({start}, {stop}, {step})")
                }
            }
            Payload::Slice(a, b, c) => format!("slice({}, {}, {})", self.repr(a)?, self.repr(b)?, self.repr(c)?),
            Payload::Gen(st) => {
                let st = st.borrow();
                format!("<{} object {} at {:#x}>", st.noun().replace(' ', "_"), st.qualname, self.identities.of(v))
            }
            Payload::Property { .. } => format!("<property object at {:#x}>", self.identities.of(v)),
            Payload::Cell(_) => format!("<cell at {:#x}>", self.identities.of(v)),
            Payload::Native(_) => match crate::native::native_repr(self, v)? {
                Some(r) => r,
                None => format!("<{} object at {:#x}>", o.class.name, self.identities.of(v)),
            },
            _ => {
                if o.class.module.as_ref() == "builtins" {
                    format!("<{} object at {:#x}>", o.class.qualname, self.identities.of(v))
                } else {
                    format!("<{}.{} object at {:#x}>", o.class.module, o.class.qualname, self.identities.of(v))
                }
            }
        })
    }

    /// `str(v)`.
    pub fn str_of(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.s.clone()),
            Value::Obj(o) => {
                if let Some(f) = o.class.lookup("__str__") {
                    let default = matches!(&f, Value::Builtin(b) if b.owner == Some("object"));
                    if !default {
                        let r = self.call(f, vec![v.clone()])?;
                        return self.expect_str(r, "__str__");
                    }
                }
                match &o.payload {
                    Payload::Exception(d) => {
                        let args = d.borrow().args.clone();
                        if self.exc_matches_name(v, "KeyError") && args.len() == 1 {
                            return self.repr(&args[0]);
                        }
                        match args.len() {
                            0 => Ok(String::new()),
                            1 => self.str_of(&args[0]),
                            _ => self.repr(&Value::tuple(args)),
                        }
                    }
                    Payload::Base(b) => {
                        // Of the builtin types only str and bytes have a
                        // __str__ of their own; the others print as their
                        // repr, which a subclass may override.
                        let b = b.borrow().clone();
                        if matches!(b, Value::Str(_) | Value::Bytes(_)) {
                            self.str_of(&b)
                        } else {
                            self.repr(v)
                        }
                    }
                    _ => self.repr(v),
                }
            }
            _ => self.repr(v),
        }
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if let Value::Obj(o) = v {
            if let Some(f) = o.class.lookup("__format__") {
                if !matches!(&f, Value::Builtin(b) if b.owner == Some("object")) {
                    let r = self.call(f, vec![v.clone(), Value::str(spec)])?;
                    return self.expect_str(r, "__format__");
                }
            }
            if let Payload::Base(b) = &o.payload {
                // An empty spec is str(v), for every builtin type.
                if spec.is_empty() {
                    return self.str_of(v);
                }
                let b = b.borrow().clone();
                return self.format(&b, spec);
            }
        }
        let r = match v {
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                if spec.is_empty() {
                    return self.str_of(v);
                }
                let b = match v {
                    Value::Int(i) => BigInt::from(*i),
                    Value::Bool(b) => BigInt::from(*b as i64),
                    Value::BigInt(b) => (**b).clone(),
                    _ => BigInt::zero(),
                };
                let tname = self.type_name(v);
                let limit = self.limits.int_max_str_digits;
                fmt::parse_spec(spec, &tname).and_then(|s| fmt::format_int_with_limit(&b, &s, &tname, limit))
            }
            Value::Float(f) => fmt::parse_spec(spec, "float").and_then(|s| fmt::format_float(*f, &s, "float")),
            Value::Str(s) => fmt::parse_spec(spec, "str").and_then(|sp| fmt::format_str(&s.s, &sp, "str")),
            _ => {
                if spec.is_empty() {
                    return self.str_of(v);
                }
                let t = self.type_name(v);
                return Err(self.type_error(format!("unsupported format string passed to {t}.__format__")));
            }
        };
        r.map_err(|e| self.fmt_error(e))
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.chars,
            Value::Bytes(b) => b.len(),
            Value::Tuple(t) => t.len(),
            Value::List(l) => l.borrow().len(),
            Value::Dict(d) => d.borrow().len(),
            Value::Set(s) => s.borrow().len(),
            Value::FrozenSet(s) => s.len(),
            Value::Obj(_) | Value::Class(_) => {
                let o = match v {
                    Value::Obj(o) => Some(o),
                    _ => None,
                };
                if let Some(r) = self.call_dunder(v, "__len__", vec![])? {
                    return match r {
                        Value::Int(i) if i >= 0 => Ok(i as usize),
                        Value::Int(_) => Err(self.value_error("__len__() should return >= 0".into())),
                        Value::Bool(b) => Ok(b as usize),
                        other => {
                            let t = self.type_name(&other);
                            Err(self.type_error(format!("'{t}' object cannot be interpreted as an integer")))
                        }
                    };
                }
                match o.map(|o| &o.payload) {
                    Some(Payload::Range { start, stop, step }) => crate::builtins::range_len(*start, *stop, *step) as usize,
                    Some(Payload::Base(b)) => {
                        let b = b.borrow().clone();
                        return self.len(&b);
                    }
                    _ => {
                        let t = self.type_name(v);
                        return Err(self.type_error(format!("object of type '{t}' has no len()")));
                    }
                }
            }
            _ => {
                let t = self.type_name(v);
                return Err(self.type_error(format!("object of type '{t}' has no len()")));
            }
        })
    }

    // ---- dicts and sets ---------------------------------------------

    pub fn new_dict(&mut self) -> Rc<std::cell::RefCell<Dict>> {
        Rc::new(std::cell::RefCell::new(Dict::new()))
    }

    /// Looks `key` up in a dict.
    pub fn dict_get(&mut self, d: &Rc<std::cell::RefCell<Dict>>, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let d2 = d.clone();
        let db = d2.borrow();
        let ix = db.lookup(key, h, &mut |a, b| self.eq(a, b))?;
        Ok(ix.and_then(|i| db.get_index(i).map(|(_, v)| v.clone())))
    }

    pub fn dict_set(&mut self, d: &Rc<std::cell::RefCell<Dict>>, key: Value, v: Value) -> PyResult<()> {
        let h = self.hash(&key)?;
        let ix = {
            let d2 = d.clone();
            let db = d2.borrow();
            db.lookup(&key, h, &mut |a, b| self.eq(a, b))?
        };
        let Ok(mut db) = d.try_borrow_mut() else {
            return Err(self.runtime_error("dictionary changed during lookup"));
        };
        match ix {
            Some(i) => db.set_value_at(i, v),
            None => {
                db.push_new(key, h, v);
                drop(db);
                if d.borrow().len() % 1024 == 0 {
                    self.charge(1024 * 48)?;
                }
            }
        }
        Ok(())
    }

    /// Removes `key`; returns the value if it was there.
    pub fn dict_del(&mut self, d: &Rc<std::cell::RefCell<Dict>>, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let ix = {
            let d2 = d.clone();
            let db = d2.borrow();
            db.lookup(key, h, &mut |a, b| self.eq(a, b))?
        };
        let Some(i) = ix else { return Ok(None) };
        let Ok(mut db) = d.try_borrow_mut() else {
            return Err(self.runtime_error("dictionary changed during lookup"));
        };
        Ok(db.remove_at(i).map(|(_, v)| v))
    }

    /// `d.update(other)` for a mapping or an iterable of pairs.
    pub fn dict_update_from(&mut self, d: &Rc<std::cell::RefCell<Dict>>, other: &Value) -> PyResult<()> {
        if let Some(src) = self.as_dict(other) {
            let items: Vec<(Value, Value)> = src.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            for (k, v) in items {
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        if self.getattr_opt(other, "keys")?.is_some() {
            let keys = self.call_method(other, "keys", vec![])?;
            for k in self.collect(&keys)? {
                let v = self.getitem(other, k.clone())?;
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        let items = self.collect(other)?;
        for (i, item) in items.iter().enumerate() {
            let pair = match self.collect(item) {
                Ok(p) => p,
                Err(_) => {
                    return Err(self.type_error(format!(
                        "cannot convert dictionary update sequence element #{i} to a sequence"
                    )));
                }
            };
            if pair.len() != 2 {
                return Err(self.value_error(format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required",
                    pair.len()
                )));
            }
            self.dict_set(d, pair[0].clone(), pair[1].clone())?;
        }
        Ok(())
    }

    /// `f(**a, **b)`: duplicates are an error.
    pub(super) fn dict_merge_kwargs(&mut self, d: &Rc<std::cell::RefCell<Dict>>, other: &Value) -> PyResult<()> {
        let items: Vec<(Value, Value)> = match self.as_dict(other) {
            Some(src) => src.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            None => {
                let tmp = self.new_dict();
                self.dict_update_from(&tmp, other)?;
                let items = tmp.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                items
            }
        };
        for (k, v) in items {
            if self.dict_get(d, &k)?.is_some() {
                let ks = self.str_of(&k)?;
                return Err(self.type_error(format!("got multiple values for keyword argument '{ks}'")));
            }
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    pub(super) fn dict_eq(&mut self, a: &Rc<std::cell::RefCell<Dict>>, b: &Rc<std::cell::RefCell<Dict>>) -> PyResult<bool> {
        if a.borrow().len() != b.borrow().len() {
            return Ok(false);
        }
        let items: Vec<(Value, Value)> = a.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (k, v) in items {
            match self.dict_get(b, &k)? {
                Some(w) => {
                    if !self.eq(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    /// The dict behind a dict or a dict-subclass instance.
    pub fn as_dict(&self, v: &Value) -> Option<Rc<std::cell::RefCell<Dict>>> {
        match v {
            Value::Dict(d) => Some(d.clone()),
            Value::Obj(o) => match &o.payload {
                Payload::Base(b) => match &*b.borrow() {
                    Value::Dict(d) => Some(d.clone()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        }
    }

    /// The list behind a list or a list-subclass instance.
    pub fn as_list(&self, v: &Value) -> Option<Rc<std::cell::RefCell<Vec<Value>>>> {
        match v {
            Value::List(l) => Some(l.clone()),
            Value::Obj(o) => match &o.payload {
                Payload::Base(b) => match &*b.borrow() {
                    Value::List(l) => Some(l.clone()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        }
    }

    pub fn set_add(&mut self, s: &Rc<std::cell::RefCell<Set>>, v: Value) -> PyResult<()> {
        let h = self.hash(&v)?;
        let slot = {
            let s2 = s.clone();
            let sb = s2.borrow();
            sb.probe_insert(&v, h, &mut |a, b| self.eq(a, b))?
        };
        if let Some(slot) = slot {
            let Ok(mut sb) = s.try_borrow_mut() else {
                return Err(self.runtime_error("Set changed size during iteration"));
            };
            sb.insert_at(slot, v, h);
        }
        Ok(())
    }

    pub fn new_set_from(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let s = Rc::new(std::cell::RefCell::new(Set::new()));
        for v in items {
            self.set_add(&s, v)?;
        }
        Ok(Value::Set(s))
    }

    pub fn namemap_to_dict(&mut self, m: &NameMap) -> PyResult<Value> {
        let d = self.new_dict();
        for (k, v) in m.iter() {
            self.dict_set(&d, Value::str(k), v.clone())?;
        }
        Ok(Value::Dict(d))
    }

    pub(super) fn new_slice(&mut self, a: Value, b: Value, c: Value) -> Value {
        Value::Obj(Rc::new(Obj::new(self.types.slice.clone(), Payload::Slice(a, b, c))))
    }

    pub fn builtin_value(&self, name: &str) -> Value {
        self.builtins.globals.borrow().get(name).cloned().unwrap_or(Value::None)
    }

    /// `v[idx]`.
    pub fn getitem(&mut self, v: &Value, idx: Value) -> PyResult<Value> {
        crate::builtins::getitem(self, v, idx)
    }

    pub fn setitem(&mut self, v: &Value, idx: Value, x: Value) -> PyResult<()> {
        crate::builtins::setitem(self, v, idx, x)
    }

    pub fn delitem(&mut self, v: &Value, idx: Value) -> PyResult<()> {
        crate::builtins::delitem(self, v, idx)
    }
}

/// `b'...'` repr.
pub fn bytes_repr(b: &[u8]) -> String {
    let use_double = b.contains(&b'\'') && !b.contains(&b'"');
    let q = if use_double { '"' } else { '\'' };
    let mut s = String::from("b");
    s.push(q);
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b'\t' => s.push_str("\\t"),
            b'\'' if !use_double => s.push_str("\\'"),
            0x20..=0x7e => s.push(c as char),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push(q);
    s
}

