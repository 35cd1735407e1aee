//! `sys`: exit, stdout/stderr, version_info, recursion limit.

use crate::builtins::check_arity;
use crate::trace::Stream;
use crate::types::builtin_fn;
use crate::value::{Args, Value};
use crate::vm::{PyResult, Vm};

pub fn make(vm: &mut Vm) -> Value {
    let (m, v) = vm.new_module("sys");
    let stdout = vm.new_stream_object("stdout");
    let stderr = vm.new_stream_object("stderr");
    let mut g = m.globals.borrow_mut();
    g.set_str("exit", builtin_fn("exit", exit));
    g.set_str("exception", builtin_fn("exception", exception));
    g.set_str("exc_info", builtin_fn("exc_info", exc_info));
    g.set_str("getrecursionlimit", builtin_fn("getrecursionlimit", getrecursionlimit));
    g.set_str("setrecursionlimit", builtin_fn("setrecursionlimit", setrecursionlimit));
    g.set_str("stdout", stdout);
    g.set_str("stderr", stderr);
    g.set_str("get_int_max_str_digits", builtin_fn("get_int_max_str_digits", get_int_max_str_digits));
    g.set_str("set_int_max_str_digits", builtin_fn("set_int_max_str_digits", set_int_max_str_digits));
    g.set_str("version", Value::str("3.13.0 (looplab)"));
    g.set_str("platform", Value::str("emscripten"));
    g.set_str("maxsize", Value::Int(i64::MAX));
    g.set_str("argv", Value::list(vec![Value::str("")]));
    drop(g);
    let mods: Vec<(std::rc::Rc<str>, Value)> = vm.modules.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    let d = vm.new_dict();
    // String keys hash and compare without running Python code.
    for (k, mv) in mods {
        let _ = vm.dict_set(&d, Value::str(&k), mv);
    }
    let _ = vm.dict_set(&d, Value::str("sys"), v.clone());
    m.globals.borrow_mut().set_str("modules", Value::Dict(d));
    v
}

/// The int/str conversion limit (digits; 0 = none).
fn get_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "sys.get_int_max_str_digits", &args, 0, 0)?;
    Ok(Value::Int(vm.limits.int_max_str_digits as i64))
}

/// `set_int_max_str_digits(maxdigits)`: 0, or at least CPython's threshold
/// of 640 digits.
fn set_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(maxdigits) = args.get(0, "maxdigits").cloned() else {
        return Err(vm.type_error(
            "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)".into(),
        ));
    };
    if let Some((k, _)) = args.kw.iter().find(|(k, _)| &**k != "maxdigits") {
        return Err(vm.type_error(format!("set_int_max_str_digits() got an unexpected keyword argument '{k}'")));
    }
    let given = args.pos.len() + args.kw.len();
    if given > 1 {
        return Err(vm.type_error(format!("set_int_max_str_digits() takes exactly one argument ({given} given)")));
    }
    let n = crate::builtins::to_index(vm, &maxdigits)?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640".into()));
    }
    vm.limits.int_max_str_digits = n as usize;
    Ok(Value::None)
}

/// The stream an object writes to, if it is `sys.stdout`/`sys.stderr`.
pub fn stream_of(vm: &Vm, v: &Value) -> Option<Stream> {
    let o = v.as_obj()?;
    if !std::rc::Rc::ptr_eq(&o.class, &vm.stream_class()) {
        return None;
    }
    match o.dict.borrow().get("name").and_then(|n| n.as_str().map(String::from)).as_deref() {
        Some("<stderr>") => Some(Stream::Stderr),
        _ => Some(Stream::Stdout),
    }
}

fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let e = vm.new_error("SystemExit", "");
    if let (Some(code), Some(d)) = (args.pos.first(), e.as_obj().and_then(|o| o.exc())) {
        d.borrow_mut().args = vec![code.clone()];
    }
    Err(e)
}

/// `sys.exception()`: the exception being handled (in an `except` block,
/// here or in a caller), else None.
fn exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "exception", &args, 0, 0)?;
    Ok(vm.current_handled().unwrap_or(Value::None))
}

/// `sys.exc_info()`: that exception as (type, value, traceback).
fn exc_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "exc_info", &args, 0, 0)?;
    Ok(match vm.current_handled() {
        Some(e) => {
            let tb = vm.traceback_object(&e);
            Value::tuple(vec![Value::Class(vm.type_of(&e)), e, tb])
        }
        None => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

fn getrecursionlimit(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.limits.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_arity(vm, "setrecursionlimit", &args, 1, 1)?;
    let n = crate::builtins::to_index(vm, &args.pos[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1".into()));
    }
    vm.limits.recursion_limit = (n as usize).min(20_000);
    Ok(Value::None)
}

fn stream_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(this), Some(text)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error("write() takes exactly one argument".into()));
    };
    let Value::Str(s) = text else {
        let t = vm.type_name(text);
        return Err(vm.type_error(format!("write() argument must be str, not {t}")));
    };
    let stream = stream_of(vm, this).unwrap_or(Stream::Stdout);
    vm.write(stream, &s.s);
    Ok(Value::Int(s.chars as i64))
}

fn stream_flush(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

impl Vm {
    fn stream_class(&self) -> std::rc::Rc<crate::value::Class> {
        self.types.stream.clone()
    }

    fn new_stream_object(&mut self, name: &str) -> Value {
        let cls = self.types.stream.clone();
        if cls.dict.borrow().get("write").is_none() {
            crate::types::add_method(&cls, "write", "TextIOWrapper", stream_write);
            crate::types::add_method(&cls, "flush", "TextIOWrapper", stream_flush);
        }
        let o = crate::value::Obj::new(cls, crate::value::Payload::None);
        o.dict.borrow_mut().set_str("name", Value::string(format!("<{name}>")));
        Value::Obj(std::rc::Rc::new(o))
    }
}
