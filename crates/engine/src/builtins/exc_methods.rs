//! Exception groups: construction rules, `exceptions`, `split`,
//! `subgroup`, `derive`, and their `str`.

use std::rc::Rc;

use crate::types::add_method;
use crate::value::{Args, Class, Payload, Value};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let beg = vm.types.exc("BaseExceptionGroup");
    add_method(&beg, "__new__", "BaseExceptionGroup", eg_new);
    add_method(&beg, "__init__", "BaseExceptionGroup", eg_init);
    add_method(&beg, "__str__", "BaseExceptionGroup", eg_str);
    add_method(&beg, "split", "BaseExceptionGroup", eg_split);
    add_method(&beg, "subgroup", "BaseExceptionGroup", eg_subgroup);
    add_method(&beg, "derive", "BaseExceptionGroup", eg_derive);
}

fn eg_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.pos.first() else {
        return Err(vm.type_error("BaseExceptionGroup.__new__(X): X is not a type object".into()));
    };
    let mut cls = cls.clone();
    let (Some(msg), Some(excs)) = (args.pos.get(1), args.pos.get(2)) else {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.type_error(format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({n} given)")));
    };
    if !matches!(msg, Value::Str(_)) {
        return Err(vm.type_error("argument 1 must be str, not ".to_string() + &vm.type_name(msg)));
    }
    let items = match excs {
        Value::List(_) | Value::Tuple(_) => vm.collect(excs)?,
        _ => return Err(vm.type_error("second argument (exceptions) must be a sequence".into())),
    };
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence".into()));
    }
    for (i, e) in items.iter().enumerate() {
        if e.as_obj().and_then(|o| o.exc()).is_none() {
            let r = vm.repr(e)?;
            return Err(vm.value_error(format!("Item {i} of second argument (exceptions) is not an exception")).with(r));
        }
    }
    let all_exc = items.iter().all(|e| vm.exc_matches_name(e, "Exception"));
    let base_eg = vm.types.exc("BaseExceptionGroup");
    let exc_cls = vm.types.exc("Exception");
    if Rc::ptr_eq(&cls, &base_eg) && all_exc {
        cls = vm.types.exc("ExceptionGroup");
    } else if cls.is_subclass(&exc_cls) && !all_exc {
        let name = cls.name.clone();
        return Err(vm.type_error(format!("Cannot nest BaseExceptions in {}", if name.as_ref() == "ExceptionGroup" { "an ExceptionGroup".to_string() } else { format!("'{name}'") })));
    }
    let v = vm.alloc_instance(&cls);
    if let Some(d) = v.as_obj().and_then(|o| o.exc()) {
        d.borrow_mut().args = vec![msg.clone(), excs.clone()];
    }
    if let Some(o) = v.as_obj() {
        o.dict.borrow_mut().set_str("__eg_items__", Value::tuple(items));
    }
    Ok(v)
}

trait With {
    fn with(self, _s: String) -> Self;
}
impl With for Value {
    fn with(self, _s: String) -> Self {
        self
    }
}

fn eg_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn items_of(vm: &mut Vm, eg: &Value) -> Vec<Value> {
    match eg.as_obj().and_then(|o| o.dict.borrow().get("__eg_items__").cloned()) {
        Some(Value::Tuple(t)) => t.as_ref().clone(),
        _ => {
            let _ = vm;
            Vec::new()
        }
    }
}

fn message_of(eg: &Value) -> Value {
    eg.as_obj()
        .and_then(|o| o.exc())
        .and_then(|d| d.borrow().args.first().cloned())
        .unwrap_or_else(|| Value::str(""))
}

fn eg_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let n = items_of(vm, &this).len();
    let msg = vm.str_of(&message_of(&this))?;
    Ok(Value::string(format!("{msg} ({n} sub-exception{})", if n == 1 { "" } else { "s" })))
}

/// How `split`/`subgroup` decide: a type (or tuple of types) or a predicate.
enum Matcher {
    Types(Value),
    Pred(Value),
    /// Exactly these leaf exceptions (by identity).
    Leaves(Vec<Value>),
}

fn matcher(vm: &mut Vm, v: &Value) -> PyResult<Matcher> {
    match v {
        Value::Class(_) | Value::Tuple(_) => Ok(Matcher::Types(v.clone())),
        Value::Function(_) | Value::Builtin(_) => Ok(Matcher::Pred(v.clone())),
        Value::Obj(o) if matches!(o.payload, Payload::Method(..)) => Ok(Matcher::Pred(v.clone())),
        _ => Err(vm.type_error("expected an exception type, a tuple of exception types, or a callable (other than a class)".into())),
    }
}

fn matches(vm: &mut Vm, m: &Matcher, e: &Value) -> PyResult<bool> {
    match m {
        Matcher::Types(t) => {
            let cls = vm.type_of(e);
            Ok(match t {
                Value::Class(c) => cls.is_subclass(c),
                Value::Tuple(ts) => ts.iter().any(|t| matches!(t, Value::Class(c) if cls.is_subclass(c))),
                _ => false,
            })
        }
        Matcher::Pred(f) => {
            let r = vm.call(f.clone(), vec![e.clone()])?;
            vm.truthy(&r)
        }
        Matcher::Leaves(keep) => Ok(!vm.exc_matches_name(e, "BaseExceptionGroup") && keep.iter().any(|k| k.is(e))),
    }
}

/// Whether `a` carries `b`'s traceback, cause and context — so it is `b`
/// or a part split off it, re-raised as it was (a `raise e` adds a line).
fn same_metadata(a: &Value, b: &Value) -> bool {
    let (Some(x), Some(y)) = (a.as_obj().and_then(|o| o.exc()), b.as_obj().and_then(|o| o.exc())) else {
        return false;
    };
    let (x, y) = (x.borrow(), y.borrow());
    let same = |p: &Option<Value>, q: &Option<Value>| match (p, q) {
        (None, None) => true,
        (Some(p), Some(q)) => p.is(q),
        _ => false,
    };
    x.traceback.len() == y.traceback.len()
        && x.traceback.iter().zip(&y.traceback).all(|(p, q)| Rc::ptr_eq(&p.code, &q.code) && p.ip == q.ip)
        && same(&x.cause, &y.cause)
        && same(&x.context, &y.context)
}

/// The non-group exceptions inside `e` (`e` itself if it is not a group).
fn leaves(vm: &mut Vm, e: &Value, out: &mut Vec<Value>) {
    if vm.exc_matches_name(e, "BaseExceptionGroup") {
        for x in items_of(vm, e) {
            leaves(vm, &x, out);
        }
    } else {
        out.push(e.clone());
    }
}

/// What an `except*` statement raises at its end (`_PyExc_PrepReraiseStar`):
/// `items` are the unhandled rest of `orig` and whatever the handlers
/// raised. Re-raised parts of `orig` (the rest, a bare `raise`) go back
/// into `orig`'s shape; new exceptions are grouped with them under `""`.
pub fn prep_reraise_star(vm: &mut Vm, orig: &Value, items: Vec<Value>) -> PyResult<Value> {
    let items: Vec<Value> = items.into_iter().filter(|v| !v.is_none()).collect();
    if items.is_empty() {
        return Ok(Value::None);
    }
    if !vm.exc_matches_name(orig, "BaseExceptionGroup") {
        // A naked exception was wrapped: only one handler could run.
        return Ok(items[0].clone());
    }
    let mut orig_leaves = Vec::new();
    leaves(vm, orig, &mut orig_leaves);
    let (mut raised, mut keep) = (Vec::new(), Vec::new());
    for it in items {
        let mut ls = Vec::new();
        leaves(vm, &it, &mut ls);
        let reraise = it.is(orig)
            || vm.exc_matches_name(&it, "BaseExceptionGroup")
                && same_metadata(&it, orig)
                && ls.iter().all(|l| orig_leaves.iter().any(|o| o.is(l)));
        if reraise {
            keep.extend(ls);
        } else {
            raised.push(it);
        }
    }
    let reraised = if keep.is_empty() { Value::None } else { split(vm, orig, &Matcher::Leaves(keep))?.0 };
    if raised.is_empty() {
        return Ok(reraised);
    }
    if !reraised.is_none() {
        raised.push(reraised);
    }
    if raised.len() == 1 {
        return Ok(raised.remove(0));
    }
    vm.make_exception_group("", raised)
}

/// Splits recursively into (matching, rest), each None when empty.
fn split(vm: &mut Vm, eg: &Value, m: &Matcher) -> PyResult<(Value, Value)> {
    if matches(vm, m, eg)? {
        return Ok((eg.clone(), Value::None));
    }
    if !vm.exc_matches_name(eg, "BaseExceptionGroup") {
        return Ok((Value::None, eg.clone()));
    }
    let (mut yes, mut no) = (Vec::new(), Vec::new());
    for e in items_of(vm, eg) {
        let (a, b) = split(vm, &e, m)?;
        if !a.is_none() {
            yes.push(a);
        }
        if !b.is_none() {
            no.push(b);
        }
    }
    let a = if yes.is_empty() { Value::None } else { derive_copy(vm, eg, yes)? };
    let b = if no.is_empty() { Value::None } else { derive_copy(vm, eg, no)? };
    Ok((a, b))
}

/// `derive` plus copying traceback, cause, context and notes.
fn derive_copy(vm: &mut Vm, eg: &Value, items: Vec<Value>) -> PyResult<Value> {
    let new = vm.call_method(eg, "derive", vec![Value::list(items)])?;
    if let (Some(src), Some(dst)) = (eg.as_obj(), new.as_obj()) {
        if let (Some(s), Some(d)) = (src.exc(), dst.exc()) {
            let s = s.borrow();
            let mut d = d.borrow_mut();
            d.traceback = s.traceback.clone();
            d.cause = s.cause.clone();
            d.context = s.context.clone();
            d.suppress_context = s.suppress_context;
        }
        if let Some(n) = src.dict.borrow().get("__notes__").cloned() {
            dst.dict.borrow_mut().set_str("__notes__", n);
        }
    }
    Ok(new)
}

fn eg_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let m = matcher(vm, args.pos.get(1).unwrap_or(&Value::None))?;
    let (a, b) = split(vm, &this, &m)?;
    Ok(Value::tuple(vec![a, b]))
}

fn eg_subgroup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let m = matcher(vm, args.pos.get(1).unwrap_or(&Value::None))?;
    Ok(split(vm, &this, &m)?.0)
}

fn eg_derive(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let items = args.pos.get(1).cloned().unwrap_or(Value::None);
    let msg = message_of(&this);
    let cls: Rc<Class> = vm.types.exc("BaseExceptionGroup");
    vm.call(Value::Class(cls), vec![msg, items])
}
