//! The `builtins` module and the method tables of builtin types.
//!
//! One file per concern: `functions.rs` (print, len, ...), `object.rs`
//! (object/type/property/super), `subscript.rs` (indexing and slicing),
//! then one file per type's methods.

mod build_class;
pub(crate) mod case;
mod case_tables;
mod complex_methods;
mod dict_methods;
mod dynamic;
mod exc_methods;
mod gen_methods;
mod list_methods;
mod memoryview;
mod namespaces;
mod num_methods;
mod bytes_methods;
mod set_methods;
pub(crate) mod str_methods;
mod functions;
mod object;
mod percent;
mod sets;
mod subscript;
pub mod types_methods;

use std::rc::Rc;

use crate::types::builtin_fn;
use crate::value::{Args, Value};
use crate::vm::{PyResult, Vm};

pub use complex_methods::as_complex;
pub use exc_methods::prep_reraise_star;
pub use gen_methods::exception_from_throw_args;
pub use percent::{bytes_percent, str_percent};
pub(crate) use str_methods::is_decimal;
pub use sets::{set_binop, set_contains, set_eq, set_inplace};
pub use subscript::{delitem, getitem, setitem};

/// Fills the builtins module.
pub fn install(vm: &mut Vm) {
    functions::install(vm);
    dynamic::install(vm);
    namespaces::install(vm);
    build_class::install(vm);
    let t = &vm.types;
    let classes = [
        ("object", t.object.clone()),
        ("type", t.type_.clone()),
        ("int", t.int.clone()),
        ("bool", t.bool.clone()),
        ("float", t.float.clone()),
        ("str", t.str.clone()),
        ("bytes", t.bytes.clone()),
        ("list", t.list.clone()),
        ("tuple", t.tuple.clone()),
        ("dict", t.dict.clone()),
        ("set", t.set.clone()),
        ("frozenset", t.frozenset.clone()),
        ("range", t.range.clone()),
        ("slice", t.slice.clone()),
        ("property", t.property.clone()),
        ("staticmethod", t.staticmethod.clone()),
        ("classmethod", t.classmethod.clone()),
        ("super", t.super_.clone()),
    ];
    let exceptions: Vec<(&'static str, Rc<crate::value::Class>)> =
        vm.types.exceptions.iter().map(|(k, v)| (*k, v.clone())).collect();
    let mut g = vm.builtins.globals.borrow_mut();
    for (name, c) in classes {
        g.set_str(name, Value::Class(c));
    }
    for (name, c) in exceptions {
        g.set_str(name, Value::Class(c));
    }
    g.set_str("None", Value::None);
    g.set_str("True", Value::Bool(true));
    g.set_str("False", Value::Bool(false));
    g.set_str("Ellipsis", Value::Ellipsis);
    g.set_str("NotImplemented", Value::NotImplemented);
    g.set_str("__name__", Value::str("builtins"));
}

/// Registers methods and constructors of every builtin type.
pub fn install_methods(vm: &mut Vm) {
    crate::modules::typing::install(vm);
    object::install(vm);
    types_methods::install(vm);
    str_methods::install(vm);
    list_methods::install(vm);
    dict_methods::install(vm);
    set_methods::install(vm);
    num_methods::install(vm);
    complex_methods::install(vm);
    bytes_methods::install(vm);
    memoryview::install(vm);
}

/// Registers a builtin function in the builtins module.
pub fn def(vm: &mut Vm, name: &'static str, f: crate::value::BuiltinFn) {
    vm.builtins.globals.borrow_mut().set_str(name, builtin_fn(name, f));
}

/// `ascii()` of an already repr'd string: escape non-ASCII.
pub fn ascii_of(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as i64
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as i64
    } else {
        0
    }
}

pub fn range_contains(start: i64, stop: i64, step: i64, x: i64) -> bool {
    if step > 0 {
        x >= start && x < stop && (x - start) % step == 0
    } else {
        x <= start && x > stop && (start - x) % (-step) == 0
    }
}


/// Argument helpers shared by builtin implementations.
impl Args {
    pub fn arg(&self, i: usize) -> Option<&Value> {
        self.pos.get(i)
    }
    pub fn kw(&self, name: &str) -> Option<&Value> {
        self.kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
    }
    /// Positional `i` or keyword `name`.
    pub fn get(&self, i: usize, name: &str) -> Option<&Value> {
        self.pos.get(i).or_else(|| self.kw(name))
    }
}

/// Raises CPython's arity error for a builtin.
pub fn check_arity(vm: &mut Vm, name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos.len();
    if !args.kw.is_empty() && matches!(name, "len" | "repr" | "ascii" | "ord" | "chr" | "hash" | "id" | "callable" | "abs") {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if n < min || n > max {
        let msg = if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({n} given)"),
                1 => format!("{name}() takes exactly one argument ({n} given)"),
                _ => format!("{name} expected {min} arguments, got {n}"),
            }
        } else if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// An index-like integer argument.
pub fn to_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(vm.new_error("IndexError", "cannot fit 'int' into an index-sized integer")),
        Value::Obj(_) => {
            if let Some(r) = vm.call_dunder(v, "__index__", vec![])? {
                return to_index(vm, &r);
            }
            if let Some(Value::Int(i)) = vm.base_value(v) {
                return Ok(i);
            }
            let t = vm.type_name(v);
            Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")))
        }
        _ => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}
