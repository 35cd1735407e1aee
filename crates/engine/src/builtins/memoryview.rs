//! A read-only `memoryview` over bytes or a bytearray (a snapshot of the
//! bytes when it was made): indexing, slicing, `len`, iteration,
//! comparison, `tobytes`/`tolist`/`hex`, and `bytes(view)`. Format codes
//! other than `B`, `cast` and writing through the view are not supported.

use std::cell::RefCell;
use std::rc::Rc;

use super::bytes_methods::as_bytes;
use crate::namemap::NameMap;
use crate::types::add_method;
use crate::value::{Args, BuiltinFn, Class, Layout, Obj, Payload, Value};
use crate::vm::{PyResult, Vm};

thread_local! {
    static MEMORYVIEW: RefCell<Option<Rc<Class>>> = const { RefCell::new(None) };
}

pub fn install(vm: &mut Vm) {
    let Ok(mv) = crate::types::new_class("memoryview", "builtins", vec![vm.types.object.clone()], NameMap::new(), Layout::Other)
    else {
        return;
    };
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("__getitem__", getitem),
        ("__len__", len),
        ("__iter__", iter),
        ("__eq__", eq),
        ("__repr__", repr),
        ("tobytes", tobytes),
        ("tolist", tolist),
        ("hex", hex),
        ("release", release),
        ("__enter__", enter),
        ("__exit__", release),
    ];
    for (name, f) in methods {
        add_method(&mv, name, "memoryview", *f);
    }
    mv.dict.borrow_mut().set_str("__hash__", Value::None);
    vm.types.ctors.insert(mv.id, ctor);
    vm.builtins.globals.borrow_mut().set_str("memoryview", Value::Class(mv.clone()));
    MEMORYVIEW.with(|c| *c.borrow_mut() = Some(mv));
}

/// The bytes a memoryview shows (None if `v` is not one).
pub fn view_bytes(v: &Value) -> Option<Rc<Vec<u8>>> {
    let o = v.as_obj()?;
    let is_view = MEMORYVIEW.with(|c| c.borrow().as_ref().is_some_and(|m| o.class.is_subclass(m)));
    match (&o.payload, is_view) {
        (Payload::Cell(c), true) => match &*c.borrow() {
            Some(Value::Bytes(b)) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn new_view(vm: &mut Vm, cls: Rc<Class>, data: Rc<Vec<u8>>, obj: Value) -> Value {
    let o = Obj::new(cls, Payload::Cell(Rc::new(RefCell::new(Some(Value::Bytes(data.clone()))))));
    {
        let mut d = o.dict.borrow_mut();
        d.set_str("obj", obj);
        d.set_str("nbytes", Value::Int(data.len() as i64));
        d.set_str("readonly", Value::Bool(true));
        d.set_str("itemsize", Value::Int(1));
        d.set_str("format", Value::str("B"));
        d.set_str("ndim", Value::Int(1));
    }
    let _ = vm;
    Value::Obj(Rc::new(o))
}

fn ctor(vm: &mut Vm, cls: Rc<Class>, args: Args) -> PyResult<Value> {
    let Some(src) = args.pos.first().cloned() else {
        return Err(vm.type_error("memoryview() missing required argument 'object' (pos 1)".into()));
    };
    if let Some(b) = view_bytes(&src) {
        return Ok(new_view(vm, cls, b, src));
    }
    match as_bytes(&src) {
        Some(b) => Ok(new_view(vm, cls, b, src)),
        None => {
            let t = vm.type_name(&src);
            Err(vm.type_error(format!("memoryview: a bytes-like object is required, not '{t}'")))
        }
    }
}

fn this(vm: &mut Vm, args: &Args) -> PyResult<(Value, Rc<Vec<u8>>)> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    match view_bytes(&v) {
        Some(b) => Ok((v, b)),
        None => Err(vm.type_error("descriptor requires a 'memoryview' object".into())),
    }
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, data) = this(vm, &args)?;
    let idx = args.pos.get(1).cloned().unwrap_or(Value::None);
    let item = crate::builtins::getitem(vm, &Value::Bytes(data), idx)?;
    match item {
        Value::Bytes(b) => {
            let cls = me.as_obj().map(|o| o.class.clone()).unwrap_or_else(|| vm.types.object.clone());
            let obj = me.as_obj().and_then(|o| o.dict.borrow().get("obj").cloned()).unwrap_or(Value::None);
            Ok(new_view(vm, cls, b, obj))
        }
        other => Ok(other),
    }
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, data) = this(vm, &args)?;
    Ok(Value::Int(data.len() as i64))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, data) = this(vm, &args)?;
    vm.get_iter(&Value::Bytes(data))
}

fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, data) = this(vm, &args)?;
    let other = args.pos.get(1).cloned().unwrap_or(Value::None);
    match view_bytes(&other).or_else(|| as_bytes(&other)) {
        Some(b) => Ok(Value::Bool(*b == *data)),
        None => Ok(Value::NotImplemented),
    }
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, _) = this(vm, &args)?;
    Ok(Value::string(format!("<memory at {:#x}>", me.addr())))
}

fn tobytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, data) = this(vm, &args)?;
    Ok(Value::Bytes(Rc::new(data.as_ref().clone())))
}

fn tolist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, data) = this(vm, &args)?;
    Ok(Value::list(data.iter().map(|&b| Value::Int(b as i64)).collect()))
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, data) = this(vm, &args)?;
    Ok(Value::string(data.iter().map(|b| format!("{b:02x}")).collect()))
}

fn release(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn enter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}
