//! Builtin functions: print, len, iteration helpers, numeric helpers,
//! introspection.

use crate::bigint::BigInt;

use super::{check_arity, def, to_index};
use crate::bytecode::{BinOp, CmpKind};
use crate::iter::IterState;
use crate::sort;
use crate::trace::Stream;
use crate::value::{Args, Payload, Value};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    def(vm, "print", print);
    def(vm, "len", len);
    def(vm, "repr", repr);
    def(vm, "ascii", ascii);
    def(vm, "isinstance", isinstance);
    def(vm, "issubclass", issubclass);
    def(vm, "hasattr", hasattr);
    def(vm, "getattr", getattr);
    def(vm, "setattr", setattr);
    def(vm, "delattr", delattr);
    def(vm, "id", id);
    def(vm, "hash", hash);
    def(vm, "iter", iter);
    def(vm, "next", next);
    def(vm, "aiter", aiter);
    def(vm, "anext", anext);
    def(vm, "abs", abs);
    def(vm, "min", min);
    def(vm, "max", max);
    def(vm, "sum", sum);
    def(vm, "sorted", sorted);
    def(vm, "reversed", reversed);
    def(vm, "enumerate", enumerate);
    def(vm, "zip", zip);
    def(vm, "map", map);
    def(vm, "filter", filter);
    def(vm, "any", any);
    def(vm, "all", all);
    def(vm, "chr", chr);
    def(vm, "ord", ord);
    def(vm, "hex", hex);
    def(vm, "bin", bin);
    def(vm, "oct", oct);
    def(vm, "format", format);
    def(vm, "dir", dir);
    def(vm, "callable", callable);
    def(vm, "input", input);
    def(vm, "round", round);
    def(vm, "divmod", divmod);
    def(vm, "pow", pow);
}

impl Vm {
    /// Writes program output to the trace (stdout or stderr).
    pub fn write(&mut self, stream: Stream, text: &str) {
        let cap = self.limits.output_bytes;
        self.trace.output(self.clock, stream, text, cap);
    }
}

fn kw_str(vm: &mut Vm, args: &Args, name: &str, default: &str) -> PyResult<String> {
    match args.kw(name) {
        None | Some(Value::None) => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.s.clone()),
        Some(other) => {
            let t = vm.type_name(other);
            Err(vm.type_error(format!("{name} must be None or a string, not {t}")))
        }
    }
}

fn print(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sep = kw_str(vm, &args, "sep", " ")?;
    let end = kw_str(vm, &args, "end", "\n")?;
    let mut out = String::new();
    for (i, a) in args.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str_of(a)?);
    }
    out.push_str(&end);
    match args.kw("file") {
        None | Some(Value::None) => vm.write(Stream::Stdout, &out),
        Some(f) => {
            let f = f.clone();
            if let Some(stream) = crate::modules::sys::stream_of(vm, &f) {
                vm.write(stream, &out);
            } else {
                vm.call_method(&f, "write", vec![Value::string(out)])?;
            }
        }
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "len", &args, 1, 1)?;
    let n = vm.len(&args.pos[0])?;
    Ok(Value::Int(n as i64))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "repr", &args, 1, 1)?;
    Ok(Value::string(vm.repr(&args.pos[0])?))
}

fn ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "ascii", &args, 1, 1)?;
    let r = vm.repr(&args.pos[0])?;
    Ok(Value::string(super::ascii_of(&r)))
}

fn class_check(vm: &mut Vm, v: &Value, fname: &str, which: &str, test: &mut dyn FnMut(&crate::value::Class) -> bool) -> PyResult<bool> {
    match v {
        Value::Class(c) => Ok(test(c)),
        Value::Tuple(t) => {
            for x in t.iter() {
                if class_check(vm, x, fname, which, test)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Obj(o) if o.class.name.as_ref() == "UnionType" || o.class.name.as_ref() == "GenericAlias" => {
            let args = vm.getattr(v, "__args__")?;
            class_check(vm, &args, fname, which, test)
        }
        _ => Err(vm.type_error(format!("{fname}() arg 2 must be a type, a tuple of types, or a union"))),
    }
}

fn isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "isinstance", &args, 2, 2)?;
    let t = vm.type_of(&args.pos[0]);
    let r = class_check(vm, &args.pos[1], "isinstance", "", &mut |c| t.is_subclass(c))?;
    Ok(Value::Bool(r))
}

fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "issubclass", &args, 2, 2)?;
    let Value::Class(c) = &args.pos[0] else {
        return Err(vm.type_error("issubclass() arg 1 must be a class".into()));
    };
    let c = c.clone();
    let r = class_check(vm, &args.pos[1], "issubclass", "", &mut |t| c.is_subclass(t))?;
    Ok(Value::Bool(r))
}

fn attr_name(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.s.clone()),
        other => {
            let t = vm.type_name(other);
            Err(vm.type_error(format!("attribute name must be string, not '{t}'")))
        }
    }
}

fn hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "hasattr", &args, 2, 2)?;
    let name = attr_name(vm, &args.pos[1])?;
    match vm.getattr_opt(&args.pos[0], &name) {
        Ok(v) => Ok(Value::Bool(v.is_some())),
        Err(e) if vm.exc_matches_name(&e, "AttributeError") => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "getattr", &args, 2, 3)?;
    let name = attr_name(vm, &args.pos[1])?;
    match args.pos.get(2) {
        Some(default) => match vm.getattr_opt(&args.pos[0], &name) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Ok(default.clone()),
            Err(e) if vm.exc_matches_name(&e, "AttributeError") => Ok(default.clone()),
            Err(e) => Err(e),
        },
        None => vm.getattr(&args.pos[0], &name),
    }
}

fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "setattr", &args, 3, 3)?;
    let name = attr_name(vm, &args.pos[1])?;
    vm.setattr(&args.pos[0], &name, args.pos[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "delattr", &args, 2, 2)?;
    let name = attr_name(vm, &args.pos[1])?;
    vm.delattr(&args.pos[0], &name)?;
    Ok(Value::None)
}

fn id(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "id", &args, 1, 1)?;
    Ok(Value::Int(vm.identities.of(&args.pos[0]) as i64))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "hash", &args, 1, 1)?;
    Ok(Value::Int(vm.hash(&args.pos[0])?))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "iter", &args, 1, 2)?;
    if let Some(sentinel) = args.pos.get(1) {
        return Ok(vm.new_iter(IterState::Callable { f: args.pos[0].clone(), sentinel: sentinel.clone() }));
    }
    vm.get_iter(&args.pos[0])
}

/// `aiter(obj)`: `type(obj).__aiter__(obj)`, checked to be an async
/// iterator.
fn aiter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "aiter", &args, 1, 1)?;
    let obj = &args.pos[0];
    let Some(it) = vm.call_dunder(obj, "__aiter__", vec![])? else {
        let t = vm.type_name(obj);
        return Err(vm.type_error(format!("'{t}' object is not an async iterable")));
    };
    if vm.type_of(&it).lookup("__anext__").is_none() {
        let t = vm.type_name(&it);
        return Err(vm.type_error(format!("aiter() returned not an async iterator of type '{t}'")));
    }
    Ok(it)
}

/// `anext(iterator[, default])`: the awaitable `__anext__` gives; with a
/// default, one that gives the default instead of StopAsyncIteration.
fn anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "anext", &args, 1, 2)?;
    let it = args.pos[0].clone();
    if vm.type_of(&it).lookup("__anext__").is_none() {
        let t = vm.type_name(&it);
        return Err(vm.type_error(format!("'{t}' object is not an async iterator")));
    }
    match args.pos.get(1) {
        None => Ok(vm.call_dunder(&it, "__anext__", vec![])?.unwrap_or(Value::None)),
        Some(default) => {
            let helper = vm.import("_anext", false)?;
            let f = vm.getattr(&helper, "anext_default")?;
            vm.call(f, vec![it, default.clone()])
        }
    }
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "next", &args, 1, 2)?;
    let it = &args.pos[0];
    if !vm.is_iterator(it) {
        let t = vm.type_name(it);
        return Err(vm.type_error(format!("'{t}' object is not an iterator")));
    }
    if let Some(g) = vm.as_gen(it) {
        return match vm.gen_step(&g, crate::vm::ResumeWith::Send(Value::None)) {
            Ok(crate::vm::IterStep::Yield(v)) => Ok(v),
            Ok(crate::vm::IterStep::Return(v)) => match args.pos.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.stop_iteration(v)),
            },
            Err(e) if args.pos.len() > 1 && vm.exc_matches_name(&e, "StopIteration") => Ok(args.pos[1].clone()),
            Err(e) => Err(e),
        };
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match args.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.stop_iteration(Value::None)),
        },
    }
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "abs", &args, 1, 1)?;
    Ok(match &args.pos[0] {
        Value::Int(i) => match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(BigInt::from(*i).abs()),
        },
        Value::Bool(b) => Value::Int(*b as i64),
        Value::BigInt(b) => Value::from_bigint(b.abs()),
        Value::Float(f) => Value::Float(f.abs()),
        v => match vm.call_dunder(v, "__abs__", vec![])? {
            Some(r) => r,
            None => {
                let t = vm.type_name(v);
                return Err(vm.type_error(format!("bad operand type for abs(): '{t}'")));
            }
        },
    })
}

fn min_max(vm: &mut Vm, args: Args, name: &str, op: CmpKind) -> PyResult<Value> {
    let key = args.kw("key").cloned().filter(|k| !k.is_none());
    let default = args.kw("default").cloned();
    let items = match args.pos.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.collect(&args.pos[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            args.pos.clone()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call(f.clone(), vec![item.clone()])?,
            None => item.clone(),
        };
        best = match best {
            None => Some((k, item)),
            Some((bk, bv)) => {
                let better = vm.compare(k.clone(), bk.clone(), op)?;
                if vm.truthy(&better)? {
                    Some((k, item))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{name}() iterable argument is empty"))),
        },
    }
}

fn min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", CmpKind::Lt)
}

fn max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", CmpKind::Gt)
}

fn sum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "sum", &args, 1, 2)?;
    let start = args.get(1, "start").cloned().unwrap_or(Value::Int(0));
    if let Value::Str(_) = start {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]".into()));
    }
    let items = vm.collect(&args.pos[0])?;
    // Floats use Neumaier compensated summation, as CPython 3.12+ does.
    let mut acc = start;
    let mut i = 0;
    while i < items.len() {
        if let Value::Float(f0) = acc {
            if items[i..].iter().all(|x| matches!(x, Value::Float(_) | Value::Int(_))) {
                let (mut s, mut c) = (f0, 0.0f64);
                for x in &items[i..] {
                    let x = match x {
                        Value::Float(f) => *f,
                        Value::Int(n) => *n as f64,
                        _ => 0.0,
                    };
                    let t = s + x;
                    if s.abs() >= x.abs() {
                        c += (s - t) + x;
                    } else {
                        c += (x - t) + s;
                    }
                    s = t;
                }
                let total = if c.is_finite() && c != 0.0 { s + c } else { s };
                return Ok(Value::Float(total));
            }
        }
        acc = vm.binary_op(acc, items[i].clone(), BinOp::Add)?;
        i += 1;
    }
    Ok(acc)
}

/// Stable merge sort calling Python comparisons.
pub fn sort_values(vm: &mut Vm, items: &mut Vec<Value>, key: Option<Value>, reverse: bool) -> PyResult<()> {
    let keys: Vec<Value> = match &key {
        Some(f) => {
            let mut ks = Vec::with_capacity(items.len());
            for x in items.iter() {
                ks.push(vm.call(f.clone(), vec![x.clone()])?);
            }
            ks
        }
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    if sort_native(&keys, &mut idx) {
        if reverse {
            idx.reverse();
        }
        let sorted: Vec<Value> = idx.iter().map(|&i| items[i].clone()).collect();
        *items = sorted;
        return Ok(());
    }
    let mut err = None;
    sort::sort_indices(&mut idx, &mut |a, b| {
        if err.is_some() {
            return false;
        }
        match vm.compare(keys[b].clone(), keys[a].clone(), CmpKind::Lt).and_then(|r| vm.truthy(&r)) {
            Ok(lt) => lt,
            Err(e) => {
                err = Some(e);
                false
            }
        }
    });
    if let Some(e) = err {
        return Err(e);
    }
    if reverse {
        idx.reverse();
    }
    let sorted: Vec<Value> = idx.iter().map(|&i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

/// Sorts `idx` by `keys` without calling back into the VM when every key
/// is an int, every key a str, or every key a non-NaN float: their `<` is
/// a total order, so a stable native sort gives CPython's result.
fn sort_native(keys: &[Value], idx: &mut [usize]) -> bool {
    if keys.iter().all(|k| matches!(k, Value::Int(_))) {
        let ks: Vec<i64> = keys.iter().map(|k| if let Value::Int(i) = k { *i } else { 0 }).collect();
        sort::sort_indices(idx, &mut |a, b| ks[b] < ks[a]);
        return true;
    }
    if keys.iter().all(|k| matches!(k, Value::Str(_))) {
        // UTF-8 byte order is code point order.
        sort::sort_indices(idx, &mut |a, b| match (&keys[a], &keys[b]) {
            (Value::Str(x), Value::Str(y)) => y.s.as_bytes() < x.s.as_bytes(),
            _ => false,
        });
        return true;
    }
    if keys.iter().all(|k| matches!(k, Value::Float(f) if !f.is_nan())) {
        let ks: Vec<f64> = keys.iter().map(|k| if let Value::Float(f) = k { *f } else { 0.0 }).collect();
        sort::sort_indices(idx, &mut |a, b| ks[b] < ks[a]);
        return true;
    }
    false
}

fn sorted(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", args.pos.len())));
    }
    let mut items = vm.collect(&args.pos[0])?;
    let key = args.kw("key").cloned().filter(|k| !k.is_none());
    let reverse = match args.kw("reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    sort_values(vm, &mut items, key, reverse)?;
    Ok(Value::list(items))
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "reversed", &args, 1, 1)?;
    let v = &args.pos[0];
    if let Some(r) = vm.call_dunder(v, "__reversed__", vec![])? {
        return Ok(r);
    }
    match v {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) => {
            let n = vm.len(v)?;
            let seq = match v {
                Value::Str(s) => Value::list(s.s.chars().map(|c| Value::string(c.to_string())).collect()),
                _ => v.clone(),
            };
            Ok(vm.new_iter(IterState::Reversed { seq, i: n }))
        }
        Value::Dict(d) => {
            let keys = d.borrow().keys();
            let n = keys.len();
            Ok(vm.new_iter(IterState::Reversed { seq: Value::list(keys), i: n }))
        }
        Value::Obj(o) => match &o.payload {
            Payload::Range { start, stop, step } => {
                let n = super::range_len(*start, *stop, *step);
                let last = start + (n - 1) * step;
                Ok(vm.new_iter(IterState::Range { cur: last, stop: start - step, step: -step }))
            }
            _ => {
                if o.class.lookup("__getitem__").is_some() && o.class.lookup("__len__").is_some() {
                    let n = vm.len(v)?;
                    return Ok(vm.new_iter(IterState::Reversed { seq: v.clone(), i: n }));
                }
                let t = vm.type_name(v);
                Err(vm.type_error(format!("'{t}' object is not reversible")))
            }
        },
        _ => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("'{t}' object is not reversible")))
        }
    }
}

fn enumerate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(src) = args.get(0, "iterable").cloned() else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'".into()));
    };
    let start = args.get(1, "start").cloned().unwrap_or(Value::Int(0));
    let it = vm.get_iter(&src)?;
    Ok(vm.new_iter(IterState::Enumerate { it, n: start }))
}

fn zip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let strict = match args.kw("strict") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let mut its = Vec::with_capacity(args.pos.len());
    for (i, a) in args.pos.iter().enumerate() {
        match vm.get_iter(a) {
            Ok(it) => its.push(it),
            Err(_) => return Err(vm.type_error(format!("zip argument #{} must support iteration", i + 1))),
        }
    }
    Ok(vm.new_iter(IterState::Zip { its, strict }))
}

fn map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments.".into()));
    }
    let mut its = Vec::new();
    for a in &args.pos[1..] {
        its.push(vm.get_iter(a)?);
    }
    Ok(vm.new_iter(IterState::Map { f: args.pos[0].clone(), its }))
}

fn filter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "filter", &args, 2, 2)?;
    let it = vm.get_iter(&args.pos[1])?;
    Ok(vm.new_iter(IterState::Filter { f: args.pos[0].clone(), it }))
}

fn any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "any", &args, 1, 1)?;
    let it = vm.get_iter(&args.pos[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "all", &args, 1, 1)?;
    let it = vm.get_iter(&args.pos[0])?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn chr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "chr", &args, 1, 1)?;
    let i = to_index(vm, &args.pos[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::string(c.to_string())),
        None => Err(vm.value_error("chr() arg not in range(0x110000)".into())),
    }
}

fn ord(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "ord", &args, 1, 1)?;
    match &args.pos[0] {
        Value::Str(s) if s.chars == 1 => Ok(Value::Int(s.s.chars().next().map(|c| c as i64).unwrap_or(0))),
        Value::Str(s) => Err(vm.type_error(format!("ord() expected a character, but string of length {} found", s.chars))),
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        other => {
            let t = vm.type_name(other);
            Err(vm.type_error(format!("ord() expected string of length 1, but {t} found")))
        }
    }
}

pub(super) fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(*b as i64)),
        Value::BigInt(b) => Ok((**b).clone()),
        other => {
            if let Some(r) = vm.call_dunder(other, "__index__", vec![])? {
                return int_arg(vm, &r);
            }
            let t = vm.type_name(other);
            Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

fn radix(vm: &mut Vm, args: Args, name: &str, prefix: &str, r: u32) -> PyResult<Value> {
    check_arity(vm, name, &args, 1, 1)?;
    let b = int_arg(vm, &args.pos[0])?;
    let digits = b.abs().to_str_radix(r);
    Ok(Value::string(format!("{}{}{}", if b.is_negative() { "-" } else { "" }, prefix, digits)))
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "hex", "0x", 16)
}

fn bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "bin", "0b", 2)
}

fn oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix(vm, args, "oct", "0o", 8)
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "format", &args, 1, 2)?;
    let spec = match args.pos.get(1) {
        Some(Value::Str(s)) => s.s.clone(),
        Some(other) => {
            let t = vm.type_name(other);
            return Err(vm.type_error(format!("format() argument 2 must be str, not {t}")));
        }
        None => String::new(),
    };
    Ok(Value::string(vm.format(&args.pos[0], &spec)?))
}

fn dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut names: Vec<String> = Vec::new();
    match args.pos.first() {
        None => {
            if let Some(f) = vm.frames.last() {
                for (k, _) in f.globals.globals.borrow().iter() {
                    names.push(k.to_string());
                }
            }
        }
        Some(v) => {
            if let Value::Obj(o) = v {
                if let Payload::Module(m) = &o.payload {
                    names.extend(m.globals.borrow().iter().map(|(k, _)| k.to_string()));
                } else {
                    names.extend(o.dict.borrow().iter().map(|(k, _)| k.to_string()));
                }
            }
            let cls = match v {
                Value::Class(c) => c.clone(),
                other => vm.type_of(other),
            };
            names.extend(cls.dict.borrow().iter().map(|(k, _)| k.to_string()));
            for b in &cls.mro {
                names.extend(b.dict.borrow().iter().map(|(k, _)| k.to_string()));
            }
        }
    }
    sort::sort(&mut names);
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

fn callable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "callable", &args, 1, 1)?;
    let r = match &args.pos[0] {
        Value::Function(_) | Value::Builtin(_) | Value::Class(_) => true,
        Value::Obj(o) => matches!(o.payload, Payload::Method(..)) || o.class.lookup("__call__").is_some(),
        _ => false,
    };
    Ok(Value::Bool(r))
}

fn input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(p) = args.pos.first() {
        let s = vm.str_of(p)?;
        vm.write(Stream::Stdout, &s);
    }
    if vm.stdin.is_empty() {
        return Err(vm.new_error("EOFError", "EOF when reading a line"));
    }
    let line = match vm.stdin.find('\n') {
        Some(i) => {
            let l = vm.stdin[..i].to_string();
            vm.stdin.drain(..=i);
            l
        }
        None => std::mem::take(&mut vm.stdin),
    };
    Ok(Value::string(line))
}

fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(x) = args.get(0, "number").cloned() else {
        return Err(vm.type_error("round() missing required argument 'number' (pos 1)".into()));
    };
    let nd = args.get(1, "ndigits").cloned().filter(|v| !v.is_none());
    match (&x, nd) {
        (Value::Float(f), None) => {
            if f.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer".into()));
            }
            if f.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            let r = f.round_ties_even();
            Ok(Value::from_bigint(crate::format::f64_to_bigint(r)))
        }
        (Value::Float(f), Some(n)) => {
            let n = to_index(vm, &n)?;
            crate::format::float_round(*f, n).map(Value::Float).map_err(|e| vm.fmt_error(e))
        }
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), None) => Ok(match x {
            Value::Bool(b) => Value::Int(b as i64),
            other => other,
        }),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), Some(n)) => {
            let n = to_index(vm, &n)?;
            if n >= 0 {
                return Ok(x);
            }
            let b = int_arg(vm, &x)?;
            let p = BigInt::from(10).pow((-n).min(400) as u32);
            let (q, r) = b.div_mod_floor(&p);
            let twice = &r * 2;
            let q = if twice > p || (twice == p && q.is_odd()) { q + 1 } else { q };
            Ok(Value::from_bigint(q * p))
        }
        (other, nd) => {
            let mut a = vec![];
            if let Some(n) = nd {
                a.push(n);
            }
            match vm.call_dunder(other, "__round__", a)? {
                Some(r) => Ok(r),
                None => {
                    let t = vm.type_name(other);
                    Err(vm.type_error(format!("type {t} doesn't define __round__ method")))
                }
            }
        }
    }
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "divmod", &args, 2, 2)?;
    let (a, b) = (args.pos[0].clone(), args.pos[1].clone());
    if let (Value::Float(_), _) | (_, Value::Float(_)) = (&a, &b) {
        if let (Some(x), Some(y)) = (crate::vm::to_num(&a), crate::vm::to_num(&b)) {
            let (x, y) = (vm.float_of(&x)?, vm.float_of(&y)?);
            if y == 0.0 {
                return Err(vm.zero_division("float divmod()"));
            }
            let (q, r) = crate::format::float_divmod(x, y).map_err(|e| vm.fmt_error(e))?;
            return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
        }
    }
    let is_num = |vm: &Vm, v: &Value| vm.base_value(v).as_ref().and_then(crate::vm::to_num).is_some();
    let both_num = is_num(vm, &a) && is_num(vm, &b);
    if !both_num || matches!(a, Value::Obj(_)) || matches!(b, Value::Obj(_)) {
        for (x, name, y) in [(&a, "__divmod__", &b), (&b, "__rdivmod__", &a)] {
            if let Value::Obj(_) = x {
                match vm.call_dunder(x, name, vec![y.clone()])? {
                    Some(Value::NotImplemented) | None => {}
                    Some(r) => return Ok(r),
                }
            }
        }
        if !both_num {
            let (ta, tb) = (vm.type_name(&a), vm.type_name(&b));
            return Err(vm.type_error(format!("unsupported operand type(s) for divmod(): '{ta}' and '{tb}'")));
        }
    }
    let q = vm.binary_op(a.clone(), b.clone(), BinOp::FloorDiv)?;
    let r = vm.binary_op(a, b, BinOp::Mod)?;
    Ok(Value::tuple(vec![q, r]))
}

fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let base = args.get(0, "base").cloned().unwrap_or(Value::None);
    let exp = args.get(1, "exp").cloned().unwrap_or(Value::None);
    match args.get(2, "mod").cloned().filter(|m| !m.is_none()) {
        None => vm.binary_op(base, exp, BinOp::Pow),
        Some(_) if super::as_complex(&base).is_some() || super::as_complex(&exp).is_some() => {
            Err(vm.value_error("complex modulo".into()))
        }
        Some(m) => {
            let (b, e, m) = (int_arg(vm, &base)?, int_arg(vm, &exp)?, int_arg(vm, &m)?);
            if m.is_zero() {
                return Err(vm.value_error("pow() 3rd argument cannot be 0".into()));
            }
            let r = if e.is_negative() {
                let inv = mod_inverse(&b, &m);
                match inv {
                    Some(inv) => inv.modpow(&(-e), &m.abs()),
                    None => return Err(vm.value_error("base is not invertible for the given modulus".into())),
                }
            } else {
                b.modpow(&e, &m.abs())
            };
            let r = r.mod_floor(&m);
            Ok(Value::from_bigint(r))
        }
    }
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    let (gcd, x) = a.mod_floor(&m).extended_gcd(&m);
    if !gcd.is_one() {
        return None;
    }
    Some(x.mod_floor(&m))
}

impl Vm {
    /// Whether a value behaves as a mapping (for `%` and `match`).
    pub fn is_mapping(&self, v: &Value) -> bool {
        match v {
            Value::Dict(_) => true,
            Value::Obj(o) => self.as_dict(v).is_some() || o.class.lookup("keys").is_some() && o.class.lookup("__getitem__").is_some(),
            _ => false,
        }
    }
}

