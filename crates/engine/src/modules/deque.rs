//! `collections.deque` in Rust (the `_collections` module, as in CPython):
//! a `VecDeque` of values with an optional `maxlen`. asyncio's queues and
//! waiter lists live on it, so appends and pops at both ends must be O(1)
//! builtin calls rather than Python-level methods.
//!
//! A deque counts its mutations (`state`, like CPython's); iterators and
//! the searching methods compare it after every step that may have run
//! Python code, and raise "deque mutated during iteration". The contents
//! are never borrowed while Python code (`__eq__`, `__repr__`) runs.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::builtins::to_index;
use crate::iter::IterState;
use crate::namemap::NameMap;
use crate::native::NativeData;
use crate::types::{add_method, builtin_fn};
use crate::value::{Args, BuiltinFn, Class, Layout, Obj, Payload, Value};
use crate::bytecode::CmpKind;
use crate::vm::{PyResult, Vm};

/// The data of a deque object.
pub struct DequeData {
    pub items: VecDeque<Value>,
    pub maxlen: Option<usize>,
    /// Bumped by every change of length or order.
    pub state: u64,
}

impl DequeData {
    pub fn new(maxlen: Option<usize>) -> DequeData {
        DequeData { items: VecDeque::new(), maxlen, state: 0 }
    }

    pub fn push_back(&mut self, v: Value) {
        self.state += 1;
        if self.maxlen == Some(0) {
            return;
        }
        if Some(self.items.len()) == self.maxlen {
            self.items.pop_front();
        }
        self.items.push_back(v);
    }

    pub fn push_front(&mut self, v: Value) {
        self.state += 1;
        if self.maxlen == Some(0) {
            return;
        }
        if Some(self.items.len()) == self.maxlen {
            self.items.pop_back();
        }
        self.items.push_front(v);
    }

    pub fn pop_front(&mut self) -> Option<Value> {
        self.state += 1;
        self.items.pop_front()
    }
}

/// This VM's deque class (importing `_collections` if need be).
pub fn deque_class(vm: &mut Vm) -> Option<Rc<Class>> {
    let m = vm.import("_collections", false).ok()?;
    match vm.getattr_opt(&m, "deque").ok()? {
        Some(Value::Class(c)) => Some(c),
        _ => None,
    }
}

/// Runs `f` on the data of a deque (or deque subclass) object.
pub fn with_deque<R>(v: &Value, f: impl FnOnce(&mut DequeData) -> R) -> Option<R> {
    let o = v.as_obj()?;
    let Payload::Native(n) = &o.payload else { return None };
    let mut n = n.borrow_mut();
    match &mut *n {
        NativeData::Deque(d) => Some(f(d)),
        _ => None,
    }
}

pub fn is_deque(v: &Value) -> bool {
    with_deque(v, |_| ()).is_some()
}

/// A new empty deque of class `cls`.
pub fn new_deque_of(cls: Rc<Class>, maxlen: Option<usize>) -> Value {
    Value::Obj(Rc::new(Obj::new(cls, Payload::Native(RefCell::new(NativeData::Deque(DequeData::new(maxlen)))))))
}

/// A new plain deque holding `items`.
pub fn new_deque(vm: &mut Vm, items: impl IntoIterator<Item = Value>) -> Option<Value> {
    let d = new_deque_of(deque_class(vm)?, None);
    with_deque(&d, |d| d.items.extend(items));
    Some(d)
}

/// The `_collections` module.
pub fn make(vm: &mut Vm) -> Value {
    let (m, v) = vm.new_module("_collections");
    let cls = install(vm);
    m.globals.borrow_mut().set_str("deque", Value::Class(cls));
    v
}

fn install(vm: &mut Vm) -> Rc<Class> {
    let cls = crate::types::new_class("deque", "collections", vec![vm.types.object.clone()], NameMap::new(), Layout::Other)
        .unwrap_or_else(|_| vm.types.object.clone());
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("__init__", init),
        ("append", append),
        ("appendleft", appendleft),
        ("pop", pop),
        ("popleft", popleft),
        ("extend", extend),
        ("extendleft", extendleft),
        ("insert", insert),
        ("rotate", rotate),
        ("clear", clear),
        ("copy", copy),
        ("__copy__", copy),
        ("count", count),
        ("index", index),
        ("remove", remove),
        ("reverse", reverse),
        ("__len__", len),
        ("__bool__", bool_),
        ("__iter__", iter),
        ("__reversed__", reversed),
        ("__contains__", contains),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__add__", add),
        ("__iadd__", iadd),
        ("__mul__", mul),
        ("__rmul__", mul),
        ("__imul__", imul),
        ("__repr__", repr),
        ("__str__", repr),
        ("__hash__", hash),
    ];
    for (name, f) in methods {
        add_method(&cls, name, "deque", *f);
    }
    let prop = Obj::new(
        vm.types.property.clone(),
        Payload::Property {
            fget: builtin_fn("maxlen", maxlen_get),
            fset: builtin_fn("maxlen", maxlen_set),
            fdel: Value::None,
            doc: Value::None,
        },
    );
    cls.dict.borrow_mut().set_str("maxlen", Value::Obj(Rc::new(prop)));
    let cg = vm.alloc_classmethod(builtin_fn("__class_getitem__", class_getitem));
    cls.dict.borrow_mut().set_str("__class_getitem__", cg);
    vm.types.ctors.insert(cls.id, ctor);
    cls
}

// ---- plumbing ----------------------------------------------------------

fn this(args: &Args) -> Value {
    args.pos.first().cloned().unwrap_or(Value::None)
}

fn arg(args: &Args, i: usize) -> Value {
    args.pos.get(i).cloned().unwrap_or(Value::None)
}

/// The receiver's data, or CPython's descriptor error for a non-deque.
fn data<R>(vm: &mut Vm, v: &Value, name: &str, f: impl FnOnce(&mut DequeData) -> R) -> PyResult<R> {
    match with_deque(v, f) {
        Some(r) => Ok(r),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{name}' for 'collections.deque' objects doesn't apply to a '{t}' object")))
        }
    }
}

fn arity(vm: &mut Vm, name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos.len().saturating_sub(1);
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("deque.{name}() takes no keyword arguments")));
    }
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = match (min, max) {
        (0, 0) => format!("deque.{name}() takes no arguments ({n} given)"),
        (1, 1) => format!("deque.{name}() takes exactly one argument ({n} given)"),
        _ if n < min => format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" }),
        _ => format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" }),
    };
    Err(vm.type_error(msg))
}

fn snapshot(v: &Value) -> Vec<Value> {
    with_deque(v, |d| d.items.iter().cloned().collect()).unwrap_or_default()
}

fn state_of(v: &Value) -> u64 {
    with_deque(v, |d| d.state).unwrap_or(0)
}

fn parse_maxlen(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v @ (Value::Int(_) | Value::Bool(_))) => {
            let n = to_index(vm, v)?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative".into()));
            }
            Ok(Some(n as usize))
        }
        Some(v @ Value::Obj(_)) if vm.getattr_opt(v, "__index__")?.is_some() => {
            let v = v.clone();
            let n = to_index(vm, &v)?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative".into()));
            }
            Ok(Some(n as usize))
        }
        Some(_) => Err(vm.type_error("an integer is required".into())),
    }
}

/// Appends every item of `src` (at the right, or at the left).
fn extend_from(vm: &mut Vm, d: &Value, src: &Value, left: bool) -> PyResult<()> {
    let items = if src.is(d) { snapshot(d) } else { vm.collect(src)? };
    with_deque(d, |d| {
        for x in items {
            if left {
                d.push_front(x);
            } else {
                d.push_back(x);
            }
        }
    });
    Ok(())
}

/// Resolves a possibly negative index against the length.
fn position(vm: &mut Vm, d: &Value, i: &Value) -> PyResult<usize> {
    let i = match i {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => to_index(vm, i)?,
        Value::Obj(_) if vm.getattr_opt(i, "__index__")?.is_some() => to_index(vm, i)?,
        other => {
            let t = vm.type_name(other);
            return Err(vm.type_error(format!("sequence index must be integer, not '{t}'")));
        }
    };
    let n = with_deque(d, |d| d.items.len()).unwrap_or(0) as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

/// A new deque of `like`'s class from `items` (subclasses are called
/// with `(items[, maxlen])`, as CPython's copy does).
fn same_kind(vm: &mut Vm, like: &Value, items: Vec<Value>) -> PyResult<Value> {
    let cls = vm.type_of(like);
    let maxlen = with_deque(like, |d| d.maxlen).flatten();
    if deque_class(vm).map(|c| Rc::ptr_eq(&c, &cls)).unwrap_or(true) {
        let d = new_deque_of(cls, maxlen);
        with_deque(&d, |d| items.into_iter().for_each(|x| d.push_back(x)));
        return Ok(d);
    }
    let mut a = vec![Value::list(items)];
    if let Some(m) = maxlen {
        a.push(Value::Int(m as i64));
    }
    vm.call(Value::Class(cls), a)
}

// ---- construction ------------------------------------------------------

fn ctor(vm: &mut Vm, cls: Rc<Class>, args: Args) -> PyResult<Value> {
    let d = new_deque_of(cls.clone(), None);
    match cls.lookup("__init__").filter(|i| !matches!(i, Value::Builtin(_))) {
        Some(own) => vm.run_init(own, &d, args.pos, args.kw)?,
        None => {
            let mut a = Vec::with_capacity(args.pos.len() + 1);
            a.push(d.clone());
            a.extend(args.pos);
            init(vm, Args { pos: a, kw: args.kw })?;
        }
    }
    Ok(d)
}

/// `deque.__init__(iterable=(), maxlen=None)`: clears, then fills.
fn init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args);
    let n = args.pos.len() - 1;
    if n > 2 {
        return Err(vm.type_error(format!("deque() takes at most 2 arguments ({n} given)")));
    }
    for (k, _) in &args.kw {
        if &**k != "iterable" && &**k != "maxlen" {
            return Err(vm.type_error(format!("deque() got an unexpected keyword argument '{k}'")));
        }
    }
    let maxlen = parse_maxlen(vm, args.get(2, "maxlen"))?;
    data(vm, &d, "__init__", |d| {
        d.maxlen = maxlen;
        d.items.clear();
        d.state += 1;
    })?;
    if let Some(src) = args.get(1, "iterable").cloned() {
        extend_from(vm, &d, &src, false)?;
    }
    Ok(Value::None)
}

fn maxlen_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args);
    let m = data(vm, &d, "maxlen", |d| d.maxlen)?;
    Ok(m.map(|m| Value::Int(m as i64)).unwrap_or(Value::None))
}

fn maxlen_set(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.new_error("AttributeError", "attribute 'maxlen' of 'collections.deque' objects is not writable"))
}

fn class_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::modules::typing::generic_alias(vm, this(&args), arg(&args, 1))
}

// ---- the ends ----------------------------------------------------------

fn append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "append", &args, 1, 1)?;
    let x = arg(&args, 1);
    data(vm, &this(&args), "append", |d| d.push_back(x))?;
    Ok(Value::None)
}

fn appendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "appendleft", &args, 1, 1)?;
    let x = arg(&args, 1);
    data(vm, &this(&args), "appendleft", |d| d.push_front(x))?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "pop", &args, 0, 0)?;
    let v = data(vm, &this(&args), "pop", |d| {
        d.state += 1;
        d.items.pop_back()
    })?;
    v.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn popleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "popleft", &args, 0, 0)?;
    let v = data(vm, &this(&args), "popleft", |d| d.pop_front())?;
    v.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "extend", &args, 1, 1)?;
    let d = this(&args);
    data(vm, &d, "extend", |_| ())?;
    extend_from(vm, &d, &arg(&args, 1), false)?;
    Ok(Value::None)
}

fn extendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "extendleft", &args, 1, 1)?;
    let d = this(&args);
    data(vm, &d, "extendleft", |_| ())?;
    extend_from(vm, &d, &arg(&args, 1), true)?;
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "insert", &args, 2, 2)?;
    let d = this(&args);
    let i = to_index(vm, &arg(&args, 1))?;
    let x = arg(&args, 2);
    let full = data(vm, &d, "insert", |d| Some(d.items.len()) == d.maxlen)?;
    if full {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    with_deque(&d, |d| {
        let n = d.items.len() as i64;
        let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
        d.state += 1;
        d.items.insert(j as usize, x);
    });
    Ok(Value::None)
}

fn rotate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "rotate", &args, 0, 1)?;
    let n = match args.pos.get(1) {
        Some(v) => to_index(vm, v)?,
        None => 1,
    };
    data(vm, &this(&args), "rotate", |d| {
        let len = d.items.len() as i64;
        if len > 1 {
            let k = n.rem_euclid(len) as usize;
            d.items.rotate_right(k);
            d.state += 1;
        }
    })?;
    Ok(Value::None)
}

fn reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "reverse", &args, 0, 0)?;
    data(vm, &this(&args), "reverse", |d| {
        d.items.make_contiguous().reverse();
        d.state += 1;
    })?;
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "clear", &args, 0, 0)?;
    let old = data(vm, &this(&args), "clear", |d| {
        d.state += 1;
        std::mem::take(&mut d.items)
    })?;
    drop(old);
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "copy", &args, 0, 0)?;
    let d = this(&args);
    data(vm, &d, "copy", |_| ())?;
    let items = snapshot(&d);
    same_kind(vm, &d, items)
}

// ---- searching ---------------------------------------------------------

/// The first position in `start..stop` holding a value equal to `x`
/// (identity first, as CPython's comparisons do); `Err` with the
/// mutation error if the deque changed while `__eq__` ran.
fn find(vm: &mut Vm, d: &Value, x: &Value, start: usize, stop: usize) -> PyResult<Result<Option<usize>, ()>> {
    let items = snapshot(d);
    let state = state_of(d);
    for (i, y) in items.iter().enumerate().take(stop).skip(start) {
        let same = y.is(x) || vm.eq(y, x)?;
        if state_of(d) != state {
            return Ok(Err(()));
        }
        if same {
            return Ok(Ok(Some(i)));
        }
    }
    Ok(Ok(None))
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "count", &args, 1, 1)?;
    let d = this(&args);
    data(vm, &d, "count", |_| ())?;
    let x = arg(&args, 1);
    let items = snapshot(&d);
    let state = state_of(&d);
    let mut n = 0;
    for y in &items {
        if y.is(&x) || vm.eq(y, &x)? {
            n += 1;
        }
        if state_of(&d) != state {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
    }
    Ok(Value::Int(n))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("deque.index() takes no keyword arguments".into()));
    }
    let n = args.pos.len() - 1;
    if n == 0 {
        return Err(vm.type_error("index expected at least 1 argument, got 0".into()));
    }
    if n > 3 {
        return Err(vm.type_error(format!("index expected at most 3 arguments, got {n}")));
    }
    let d = this(&args);
    let len = data(vm, &d, "index", |d| d.items.len())? as i64;
    let x = arg(&args, 1);
    let clamp = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    let start = match args.pos.get(2) {
        Some(v) => clamp(to_index(vm, v)?),
        None => 0,
    };
    let stop = match args.pos.get(3) {
        Some(v) => clamp(to_index(vm, v)?),
        None => len as usize,
    };
    match find(vm, &d, &x, start, stop)? {
        Ok(Some(i)) => Ok(Value::Int(i as i64)),
        Ok(None) => {
            let r = vm.repr(&x)?;
            Err(vm.value_error(format!("{r} is not in deque")))
        }
        Err(()) => Err(vm.runtime_error("deque mutated during iteration")),
    }
}

fn remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "remove", &args, 1, 1)?;
    let d = this(&args);
    data(vm, &d, "remove", |_| ())?;
    let x = arg(&args, 1);
    let len = with_deque(&d, |d| d.items.len()).unwrap_or(0);
    match find(vm, &d, &x, 0, len)? {
        Ok(Some(i)) => {
            let old = with_deque(&d, |d| {
                d.state += 1;
                d.items.remove(i)
            });
            drop(old);
            Ok(Value::None)
        }
        Ok(None) => {
            let r = vm.repr(&x)?;
            Err(vm.value_error(format!("{r} is not in deque")))
        }
        Err(()) => Err(vm.index_error("deque mutated during iteration")),
    }
}

fn contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args);
    data(vm, &d, "__contains__", |_| ())?;
    let len = with_deque(&d, |d| d.items.len()).unwrap_or(0);
    match find(vm, &d, &arg(&args, 1), 0, len)? {
        Ok(found) => Ok(Value::Bool(found.is_some())),
        Err(()) => Err(vm.runtime_error("deque mutated during iteration")),
    }
}

// ---- the sequence protocol ---------------------------------------------

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = data(vm, &this(&args), "__len__", |d| d.items.len())?;
    Ok(Value::Int(n as i64))
}

fn bool_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = data(vm, &this(&args), "__bool__", |d| d.items.len())?;
    Ok(Value::Bool(n > 0))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args);
    let state = data(vm, &d, "__iter__", |d| d.state)?;
    Ok(vm.new_iter(IterState::Deque { deque: d, i: 0, state, rev: false }))
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args);
    let state = data(vm, &d, "__reversed__", |d| d.state)?;
    Ok(vm.new_iter(IterState::Deque { deque: d, i: 0, state, rev: true }))
}

/// One step of a deque iterator (`IterState::Deque`).
pub fn iter_step(vm: &mut Vm, d: &Value, i: usize, state: u64, rev: bool) -> PyResult<Option<Value>> {
    let r = with_deque(d, |d| {
        if d.state != state {
            return Err(());
        }
        let n = d.items.len();
        Ok(if rev { n.checked_sub(i + 1).and_then(|j| d.items.get(j)) } else { d.items.get(i) }.cloned())
    });
    match r {
        Some(Ok(v)) => Ok(v),
        Some(Err(())) => Err(vm.runtime_error("deque mutated during iteration")),
        None => Ok(None),
    }
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args);
    data(vm, &d, "__getitem__", |_| ())?;
    let i = position(vm, &d, &arg(&args, 1))?;
    Ok(with_deque(&d, |d| d.items[i].clone()).unwrap_or(Value::None))
}

fn setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args);
    data(vm, &d, "__setitem__", |_| ())?;
    let i = position(vm, &d, &arg(&args, 1))?;
    let x = arg(&args, 2);
    let old = with_deque(&d, |d| std::mem::replace(&mut d.items[i], x));
    drop(old);
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args);
    data(vm, &d, "__delitem__", |_| ())?;
    let i = position(vm, &d, &arg(&args, 1))?;
    let old = with_deque(&d, |d| {
        d.state += 1;
        d.items.remove(i)
    });
    drop(old);
    Ok(Value::None)
}

// ---- comparisons and arithmetic ----------------------------------------

fn compare(vm: &mut Vm, args: Args, op: CmpKind) -> PyResult<Value> {
    let (a, b) = (this(&args), arg(&args, 1));
    if !is_deque(&a) || !is_deque(&b) {
        return Ok(Value::NotImplemented);
    }
    let (x, y) = (snapshot(&a), snapshot(&b));
    vm.seq_cmp(&x, &y, op)
}

fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpKind::Eq)
}
fn ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpKind::Ne)
}
fn lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpKind::Lt)
}
fn le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpKind::Le)
}
fn gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpKind::Gt)
}
fn ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, args, CmpKind::Ge)
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = (this(&args), arg(&args, 1));
    if !is_deque(&b) {
        let t = vm.type_name(&b);
        return Err(vm.type_error(format!("can only concatenate deque (not \"{t}\") to deque")));
    }
    let mut items = snapshot(&a);
    items.extend(snapshot(&b));
    same_kind(vm, &a, items)
}

fn iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args);
    extend_from(vm, &d, &arg(&args, 1), false)?;
    Ok(d)
}

fn repeat_count(vm: &mut Vm, v: &Value) -> PyResult<Option<usize>> {
    match v {
        Value::Int(_) | Value::Bool(_) => Ok(Some(to_index(vm, v)?.max(0) as usize)),
        Value::Obj(_) if vm.getattr_opt(v, "__index__")?.is_some() => Ok(Some(to_index(vm, v)?.max(0) as usize)),
        _ => Ok(None),
    }
}

/// The items of `d` repeated `n` times, keeping only what `maxlen` allows.
fn repeated(vm: &mut Vm, d: &Value, n: usize) -> PyResult<Vec<Value>> {
    let items = snapshot(d);
    let maxlen = with_deque(d, |d| d.maxlen).flatten();
    let total = items.len().saturating_mul(n);
    let keep = maxlen.map(|m| m.min(total)).unwrap_or(total);
    vm.charge(keep)?;
    Ok(items.iter().cycle().skip(total - keep).take(keep).cloned().collect())
}

fn mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args);
    let Some(n) = repeat_count(vm, &arg(&args, 1))? else { return Ok(Value::NotImplemented) };
    let items = repeated(vm, &d, n)?;
    same_kind(vm, &d, items)
}

fn imul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args);
    let Some(n) = repeat_count(vm, &arg(&args, 1))? else { return Ok(Value::NotImplemented) };
    let items = repeated(vm, &d, n)?;
    let old = with_deque(&d, |d| {
        d.state += 1;
        std::mem::replace(&mut d.items, items.into())
    });
    drop(old);
    Ok(d)
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args);
    let maxlen = data(vm, &d, "__repr__", |d| d.maxlen)?;
    let name = vm.type_name(&d);
    if vm.repr_guard(&d) {
        return Ok(Value::str("[...]"));
    }
    let items = Value::list(snapshot(&d));
    let inner = vm.guarded(&d, |vm| vm.repr(&items))?;
    Ok(Value::string(match maxlen {
        Some(m) => format!("{name}({inner}, maxlen={m})"),
        None => format!("{name}({inner})"),
    }))
}

fn hash(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.type_error("unhashable type: 'collections.deque'".into()))
}
