//! The `complex` type: constructor, `real`/`imag`, `conjugate`, and its
//! operators as dunder methods, so `2 * z` and `z * 2` go through the
//! generic reflected-operand protocol like any other number type. The
//! arithmetic itself is `format::complex`.

use std::rc::Rc;

use super::num_methods::property;
use crate::format::{Complex, FmtError};
use crate::types::add_method;
use crate::value::{Args, BuiltinFn, Class, Obj, Payload, Value};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let c = vm.types.complex.clone();
    let methods: &[(&'static str, BuiltinFn)] = &[
        ("__repr__", repr),
        ("__hash__", hash),
        ("__bool__", bool_),
        ("__abs__", abs),
        ("__neg__", neg),
        ("__pos__", pos),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__add__", add),
        ("__radd__", radd),
        ("__sub__", sub),
        ("__rsub__", rsub),
        ("__mul__", mul),
        ("__rmul__", rmul),
        ("__truediv__", truediv),
        ("__rtruediv__", rtruediv),
        ("__pow__", pow),
        ("__rpow__", rpow),
        ("__format__", format),
        ("__complex__", pos),
        ("conjugate", conjugate),
    ];
    for (name, f) in methods {
        add_method(&c, name, "complex", *f);
    }
    for (name, f) in [("real", real as BuiltinFn), ("imag", imag)] {
        let p = property(vm, name, f);
        c.dict.borrow_mut().set_str(name, p);
    }
    vm.types.ctors.insert(c.id, ctor);
    vm.builtins.globals.borrow_mut().set_str("complex", Value::Class(c));
}

/// The number inside a `complex` (or a subclass instance).
pub fn as_complex(v: &Value) -> Option<Complex> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Complex(z)) => Some(*z),
        _ => None,
    }
}

impl Vm {
    pub fn new_complex(&self, z: Complex) -> Value {
        Value::Obj(Rc::new(Obj::new(self.types.complex.clone(), Payload::Complex(z))))
    }
}

fn this(vm: &mut Vm, args: &Args) -> PyResult<Complex> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    match as_complex(&v) {
        Some(z) => Ok(z),
        None => {
            let t = vm.type_name(&v);
            Err(vm.type_error(format!("descriptor requires a 'complex' object but received a '{t}'")))
        }
    }
}

/// The other operand as a complex, or None (the operator then returns
/// NotImplemented): complex, int, float, bool and their subclasses.
fn operand(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<Complex>> {
    let Some(v) = v else { return Ok(None) };
    if let Some(z) = as_complex(v) {
        return Ok(Some(z));
    }
    match vm.base_value(v).as_ref().and_then(crate::vm::to_num) {
        Some(n) => Ok(Some(Complex::new(vm.float_of(&n)?, 0.0))),
        None => Ok(None),
    }
}

fn result(vm: &mut Vm, r: Result<Complex, FmtError>) -> PyResult<Value> {
    match r {
        Ok(z) => Ok(vm.new_complex(z)),
        Err(e) => Err(vm.fmt_error(e)),
    }
}

/// `self op other` (or `other op self` when `reflected`).
fn binary(vm: &mut Vm, args: &Args, reflected: bool, f: fn(Complex, Complex) -> Result<Complex, FmtError>) -> PyResult<Value> {
    let a = this(vm, args)?;
    let Some(b) = operand(vm, args.pos.get(1))? else {
        return Ok(Value::NotImplemented);
    };
    let r = if reflected { f(b, a) } else { f(a, b) };
    result(vm, r)
}

fn add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, &args, false, |a, b| Ok(a.add(b)))
}
fn radd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, &args, true, |a, b| Ok(a.add(b)))
}
fn sub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, &args, false, |a, b| Ok(a.sub(b)))
}
fn rsub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, &args, true, |a, b| Ok(a.sub(b)))
}
fn mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, &args, false, |a, b| Ok(a.mul(b)))
}
fn rmul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, &args, true, |a, b| Ok(a.mul(b)))
}
fn truediv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, &args, false, Complex::div)
}
fn rtruediv(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, &args, true, Complex::div)
}

/// `pow(z, w[, mod])`: a modulus is refused (`ValueError: complex modulo`).
fn check_no_modulus(vm: &mut Vm, args: &Args) -> PyResult<()> {
    match args.pos.get(2) {
        Some(m) if !m.is_none() => Err(vm.value_error("complex modulo".into())),
        _ => Ok(()),
    }
}
fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_no_modulus(vm, &args)?;
    binary(vm, &args, false, Complex::pow)
}
fn rpow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_no_modulus(vm, &args)?;
    binary(vm, &args, true, Complex::pow)
}

fn neg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = this(vm, &args)?;
    Ok(vm.new_complex(Complex::new(-z.re, -z.im)))
}

/// `+z` and `z.__complex__()`: a plain complex with the same value.
fn pos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = this(vm, &args)?;
    Ok(vm.new_complex(z))
}

fn conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = this(vm, &args)?;
    Ok(vm.new_complex(Complex::new(z.re, -z.im)))
}

fn real(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(this(vm, &args)?.re))
}

fn imag(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(this(vm, &args)?.im))
}

fn bool_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = this(vm, &args)?;
    Ok(Value::Bool(z.re != 0.0 || z.im != 0.0))
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = this(vm, &args)?;
    z.abs().map(Value::Float).map_err(|e| vm.fmt_error(e))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = this(vm, &args)?;
    Ok(Value::string(crate::format::complex_repr(z)))
}

/// `hash(re) + 1000003 * hash(im)`, so a complex with no imaginary part
/// hashes like the equal int or float.
fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = this(vm, &args)?;
    let re = vm.hash(&Value::Float(z.re))? as u64;
    let im = vm.hash(&Value::Float(z.im))? as u64;
    let h = re.wrapping_add(im.wrapping_mul(1000003)) as i64;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

/// `z == other` for numbers; None when `other` is not a number.
fn equals(vm: &mut Vm, args: &Args) -> PyResult<Option<bool>> {
    let z = this(vm, args)?;
    let other = args.pos.get(1).cloned().unwrap_or(Value::None);
    if let Some(w) = as_complex(&other) {
        return Ok(Some(z == w));
    }
    Ok(match vm.base_value(&other).as_ref().and_then(crate::vm::to_num) {
        // Ints compare exactly (a float conversion could round).
        Some(n) => Some(z.im == 0.0 && crate::vm::num_cmp(&crate::vm::Num::F(z.re), &n) == Some(std::cmp::Ordering::Equal)),
        None => None,
    })
}

fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(equals(vm, &args)?.map_or(Value::NotImplemented, Value::Bool))
}

fn ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(equals(vm, &args)?.map_or(Value::NotImplemented, |e| Value::Bool(!e)))
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = this(vm, &args)?;
    let spec = match args.pos.get(1) {
        Some(Value::Str(s)) => s.s.clone(),
        other => {
            let t = other.map(|v| vm.type_name(v)).unwrap_or_else(|| "NoneType".into());
            return Err(vm.type_error(format!("__format__() argument must be str, not {t}")));
        }
    };
    let this_v = args.pos[0].clone();
    if spec.is_empty() {
        return Ok(Value::string(vm.str_of(&this_v)?));
    }
    let t = vm.type_name(&this_v);
    crate::format::parse_spec(&spec, &t)
        .and_then(|s| crate::format::format_complex(z.re, z.im, &s, &t))
        .map(Value::string)
        .map_err(|e| vm.fmt_error(e))
}

/// A real number argument of `complex()` as a float (`__float__`, then
/// `__index__`); None when it is not a number.
fn real_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    if let Some(n) = vm.base_value(v).as_ref().and_then(crate::vm::to_num) {
        return Ok(Some(vm.float_of(&n)?));
    }
    for dunder in ["__float__", "__index__"] {
        if let Some(r) = vm.call_dunder(v, dunder, vec![])? {
            return match vm.base_value(&r).as_ref().and_then(crate::vm::to_num) {
                Some(n) => Ok(Some(vm.float_of(&n)?)),
                None => {
                    let t = vm.type_name(v);
                    let rt = vm.type_name(&r);
                    let want = if dunder == "__float__" { "float" } else { "int" };
                    Err(vm.type_error(format!("{t}.{dunder} returned non-{want} (type {rt})")))
                }
            };
        }
    }
    Ok(None)
}

/// `complex(real=0, imag=0)` and `complex(string)`, as CPython 3.13's
/// `complex_new_impl` (complex arguments included: the result is
/// `real + imag*1j`).
fn ctor(vm: &mut Vm, cls: Rc<Class>, args: Args) -> PyResult<Value> {
    if args.pos.len() + args.kw.len() > 2 {
        let n = args.pos.len() + args.kw.len();
        return Err(vm.type_error(format!("complex() takes at most 2 arguments ({n} given)")));
    }
    let make = |z: Complex| Value::Obj(Rc::new(Obj::new(cls.clone(), Payload::Complex(z))));
    let r = args.get(0, "real").cloned();
    let i = args.get(1, "imag").cloned();
    let r = match r {
        Some(Value::Str(s)) => {
            if i.is_some() {
                return Err(vm.type_error("complex() can't take second arg if first is a string".into()));
            }
            let z = crate::format::parse_complex(&s.s).map_err(|e| vm.fmt_error(e))?;
            return Ok(make(z));
        }
        Some(r) => r,
        None => Value::Int(0),
    };
    if let Some(Value::Str(_)) = &i {
        return Err(vm.type_error("complex() second arg can't be a string".into()));
    }
    let r = match vm.call_dunder(&r, "__complex__", vec![])? {
        Some(z) if as_complex(&z).is_some() => z,
        Some(z) => {
            let t = vm.type_name(&z);
            return Err(vm.type_error(format!("__complex__ returned non-complex (type {t})")));
        }
        None => r,
    };
    let (cr, cr_complex) = match as_complex(&r) {
        Some(z) => (z, true),
        None => match real_arg(vm, &r)? {
            Some(f) => (Complex::new(f, 0.0), false),
            None => {
                let t = vm.type_name(&r);
                return Err(vm.type_error(format!("complex() first argument must be a string or a number, not '{t}'")));
            }
        },
    };
    let ci = match &i {
        None => Complex::new(cr.im, 0.0),
        Some(v) => match as_complex(v) {
            Some(z) => z,
            None => match real_arg(vm, v)? {
                Some(f) => Complex::new(f, 0.0),
                None => {
                    let t = vm.type_name(v);
                    return Err(vm.type_error(format!("complex() second argument must be a number, not '{t}'")));
                }
            },
        },
    };
    let mut re = cr.re;
    let mut im = ci.re;
    if as_complex(i.as_ref().unwrap_or(&Value::None)).is_some() {
        re -= ci.im;
    }
    if cr_complex && i.is_some() {
        im += cr.im;
    }
    Ok(make(Complex::new(re, im)))
}
