//! `_traceback`: the Rust half of the `traceback` module (`py/traceback.py`),
//! the same report an uncaught exception prints (`crate::report`).

use crate::types::builtin_fn;
use crate::value::{Args, Value};
use crate::vm::{PyResult, Vm};

pub fn make(vm: &mut Vm) -> Value {
    let (m, v) = vm.new_module("_traceback");
    let mut g = m.globals.borrow_mut();
    g.set_str("format_exception", builtin_fn("format_exception", format_exception));
    g.set_str("format_exception_only", builtin_fn("format_exception_only", format_exception_only));
    drop(g);
    v
}

/// `format_exception(exc, limit, chain)`: the report as one string.
fn format_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = args.pos.first().cloned().unwrap_or(Value::None);
    let limit = match args.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(crate::builtins::to_index(vm, v)?),
    };
    let chain = match args.pos.get(2) {
        Some(c) => vm.truthy(c)?,
        None => true,
    };
    Ok(Value::string(crate::report::format_exception_restricted(vm, &exc, limit, chain)))
}

/// `format_exception_only(exc)`: the report's last lines as one string.
fn format_exception_only(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let exc = args.pos.first().cloned().unwrap_or(Value::None);
    Ok(Value::string(crate::report::format_exception_only(vm, &exc)))
}
