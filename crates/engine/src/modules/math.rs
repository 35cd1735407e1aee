//! The `math` module, with CPython's special cases and error messages.

use crate::bigint::{BigInt, Sign};

use crate::types::builtin_fn;
use crate::value::{Args, Value};
use crate::vm::{PyResult, Vm};

pub fn make(vm: &mut Vm) -> Value {
    let (m, v) = vm.new_module("math");
    let fns: &[(&'static str, crate::value::BuiltinFn)] = &[
        ("sqrt", sqrt),
        ("pow", pow),
        ("exp", exp),
        ("exp2", exp2),
        ("expm1", expm1),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("log1p", log1p),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("atan2", atan2),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("asinh", asinh),
        ("acosh", acosh),
        ("atanh", atanh),
        ("cbrt", cbrt),
        ("hypot", hypot),
        ("dist", dist),
        ("degrees", degrees),
        ("radians", radians),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("fabs", fabs),
        ("fmod", fmod),
        ("remainder", remainder),
        ("copysign", copysign),
        ("factorial", factorial),
        ("gcd", gcd),
        ("lcm", lcm),
        ("comb", comb),
        ("perm", perm),
        ("isqrt", isqrt),
        ("isclose", isclose),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("prod", prod),
        ("sumprod", sumprod),
        ("fsum", fsum),
        ("modf", modf),
        ("frexp", frexp),
        ("ldexp", ldexp),
        ("ulp", ulp),
        ("nextafter", nextafter),
        ("erf", erf),
        ("erfc", erfc),
    ];
    {
        let mut g = m.globals.borrow_mut();
        for (name, f) in fns {
            g.set_str(name, builtin_fn(name, *f));
        }
        g.set_str("pi", Value::Float(std::f64::consts::PI));
        g.set_str("e", Value::Float(std::f64::consts::E));
        g.set_str("tau", Value::Float(std::f64::consts::TAU));
        g.set_str("inf", Value::Float(f64::INFINITY));
        g.set_str("nan", Value::Float(f64::NAN));
    }
    v
}

// ---- argument helpers ------------------------------------------------

fn domain(vm: &mut Vm) -> Value {
    vm.value_error("math domain error".into())
}

fn range_err(vm: &mut Vm) -> Value {
    vm.overflow_error("math range error")
}

fn arity(vm: &mut Vm, name: &str, args: &Args, min: usize, max: usize) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("math.{name}() takes no keyword arguments")));
    }
    let n = args.pos.len();
    if n < min || n > max {
        let msg = if min == max && min == 1 {
            format!("math.{name}() takes exactly one argument ({n} given)")
        } else if min == max {
            format!("{name} expected {min} arguments, got {n}")
        } else if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// A float argument (`PyFloat_AsDouble`).
pub fn fnum(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Value::Float(f) = v {
        return Ok(*f);
    }
    if let Value::Obj(_) = v {
        if let Some(r) = vm.call_dunder(v, "__float__", vec![])? {
            if let Value::Float(f) = r {
                return Ok(f);
            }
            let t = vm.type_name(v);
            let rt = vm.type_name(&r);
            return Err(vm.type_error(format!("{t}.__float__ returned non-float (type {rt})")));
        }
        if let Some(r) = vm.call_dunder(v, "__index__", vec![])? {
            return fnum(vm, &r);
        }
    }
    match crate::vm::to_num(v) {
        Some(n) => vm.float_of(&n),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("must be real number, not {t}")))
        }
    }
}

/// An integer argument (`__index__`).
fn inum(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(*b as i64)),
        Value::BigInt(b) => Ok((**b).clone()),
        Value::Obj(_) => {
            if let Some(r) = vm.call_dunder(v, "__index__", vec![])? {
                if matches!(r, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
                    return inum(vm, &r);
                }
            }
            if let Some(b) = vm.base_value(v) {
                if matches!(b, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
                    return inum(vm, &b);
                }
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

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
}

/// `math_1`: a one-argument libm function with CPython's error rules.
fn math_1(vm: &mut Vm, name: &str, args: &Args, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    arity(vm, name, args, 1, 1)?;
    let x = fnum(vm, &args.pos[0])?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_err(vm) } else { domain(vm) });
    }
    Ok(Value::Float(r))
}

macro_rules! unary {
    ($name:ident, $f:expr, $ov:expr) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            math_1(vm, stringify!($name), &args, $f, $ov)
        }
    };
}

unary!(sqrt, f64::sqrt, false);
unary!(exp, f64::exp, true);
unary!(exp2, f64::exp2, true);
unary!(expm1, f64::exp_m1, true);
unary!(sin, f64::sin, false);
unary!(cos, f64::cos, false);
unary!(tan, f64::tan, false);
unary!(asin, f64::asin, false);
unary!(acos, f64::acos, false);
unary!(atan, f64::atan, false);
unary!(sinh, f64::sinh, true);
unary!(cosh, f64::cosh, true);
unary!(tanh, f64::tanh, false);
unary!(asinh, f64::asinh, false);
unary!(acosh, f64::acosh, false);
unary!(atanh, f64::atanh, false);
unary!(cbrt, f64::cbrt, false);
unary!(fabs, f64::abs, false);
unary!(erf, erf_f, false);
unary!(erfc, erfc_f, false);

fn log1p(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "log1p", &args, 1, 1)?;
    let x = fnum(vm, &args.pos[0])?;
    if x <= -1.0 {
        return Err(domain(vm));
    }
    Ok(Value::Float(x.ln_1p()))
}

fn degrees(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "degrees", &args, 1, 1)?;
    let x = fnum(vm, &args.pos[0])?;
    Ok(Value::Float(x * (180.0 / std::f64::consts::PI)))
}

fn radians(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "radians", &args, 1, 1)?;
    let x = fnum(vm, &args.pos[0])?;
    Ok(Value::Float(x * (std::f64::consts::PI / 180.0)))
}

fn erf_f(x: f64) -> f64 {
    // Abramowitz-Stegun is too coarse; use the series / continued fraction
    // split CPython used before delegating to libm.
    if x.is_nan() {
        return x;
    }
    let ax = x.abs();
    if ax < 1.5 {
        let mut acc = 0.0;
        let x2 = x * x;
        let mut fk = 25.5;
        for _ in 0..25 {
            acc = 2.0 + x2 * acc / fk;
            fk -= 1.0;
        }
        acc * x * (-x2).exp() / std::f64::consts::PI.sqrt()
    } else {
        let r = 1.0 - erfc_cf(ax);
        if x < 0.0 { -r } else { r }
    }
}

fn erfc_cf(x: f64) -> f64 {
    if x >= 30.0 {
        return 0.0;
    }
    let x2 = x * x;
    let mut a = 0.0;
    let mut da = 0.5;
    let mut p = 1.0;
    let mut p_last = 0.0;
    let mut q = da + x2;
    let mut q_last = 1.0;
    for _ in 0..50 {
        a += da;
        da += 2.0;
        let b = da + x2;
        let temp = p;
        p = b * p - a * p_last;
        p_last = temp;
        let temp = q;
        q = b * q - a * q_last;
        q_last = temp;
    }
    p / q * x * (-x2).exp() / std::f64::consts::PI.sqrt()
}

fn erfc_f(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let ax = x.abs();
    if ax < 1.5 {
        1.0 - erf_f(x)
    } else {
        let r = erfc_cf(ax);
        if x < 0.0 { 2.0 - r } else { r }
    }
}

fn atan2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "atan2", &args, 2, 2)?;
    let y = fnum(vm, &args.pos[0])?;
    let x = fnum(vm, &args.pos[1])?;
    Ok(Value::Float(y.atan2(x)))
}

fn copysign(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "copysign", &args, 2, 2)?;
    let x = fnum(vm, &args.pos[0])?;
    let y = fnum(vm, &args.pos[1])?;
    Ok(Value::Float(x.copysign(y)))
}

fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "pow", &args, 2, 2)?;
    let x = fnum(vm, &args.pos[0])?;
    let y = fnum(vm, &args.pos[1])?;
    let r = x.powf(y);
    if x.is_finite() && y.is_finite() {
        if r.is_nan() {
            return Err(domain(vm));
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain(vm) } else { range_err(vm) });
        }
    }
    Ok(Value::Float(r))
}

fn fmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "fmod", &args, 2, 2)?;
    let x = fnum(vm, &args.pos[0])?;
    let y = fnum(vm, &args.pos[1])?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    Ok(Value::Float(r))
}

fn remainder(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "remainder", &args, 2, 2)?;
    let x = fnum(vm, &args.pos[0])?;
    let y = fnum(vm, &args.pos[1])?;
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return Err(domain(vm));
        }
        let (ax, ay) = (x.abs(), y.abs());
        let m = ax % ay;
        let c = ay - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (ax - m)) % ay)
        };
        return Ok(Value::Float(1f64.copysign(x) * r));
    }
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    if y.is_nan() {
        return Ok(Value::Float(y));
    }
    if x.is_infinite() {
        return Err(domain(vm));
    }
    Ok(Value::Float(x))
}

// ---- logarithms ------------------------------------------------------

/// `loghelper`: ln of an int or float argument, raising for x <= 0.
fn ln_of(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if is_int(v) {
        let b = inum(vm, v)?;
        if !b.is_positive() {
            return Err(domain(vm));
        }
        if let Some(x) = b.to_f64().filter(|x| x.is_finite()) {
            return Ok(f(x));
        }
        // x = m * 2**e with m in [0.5, 1): f(x) = f(m) + f(2) * e
        let e = b.bits();
        let shift = e - 60;
        let top = (&b >> shift as usize).to_f64().unwrap_or(1.0);
        let m = top / 2f64.powi(60);
        return Ok(f(m) + f(2.0) * e as f64);
    }
    let x = fnum(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(f(x))
}

fn log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "log", &args, 1, 2)?;
    let num = ln_of(vm, &args.pos[0], f64::ln)?;
    if args.pos.len() == 2 {
        let den = ln_of(vm, &args.pos[1], f64::ln)?;
        if den == 0.0 {
            return Err(vm.zero_division("float division by zero"));
        }
        return Ok(Value::Float(num / den));
    }
    Ok(Value::Float(num))
}

fn log2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "log2", &args, 1, 1)?;
    Ok(Value::Float(ln_of(vm, &args.pos[0], f64::log2)?))
}

fn log10(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "log10", &args, 1, 1)?;
    Ok(Value::Float(ln_of(vm, &args.pos[0], f64::log10)?))
}

// ---- rounding --------------------------------------------------------

fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer".into()));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    if f.abs() < 9.0e18 {
        return Ok(Value::Int(f as i64));
    }
    Ok(Value::from_bigint(crate::format::f64_to_bigint(f)))
}

fn round_helper(vm: &mut Vm, args: Args, name: &str, dunder: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    arity(vm, name, &args, 1, 1)?;
    let v = args.pos[0].clone();
    match &v {
        Value::Int(_) | Value::BigInt(_) => return Ok(v),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        Value::Float(x) => return float_to_int(vm, f(*x)),
        _ => {}
    }
    if let Some(r) = vm.call_dunder(&v, dunder, vec![])? {
        return Ok(r);
    }
    if let Some(b) = vm.base_value(&v).filter(|b| !matches!(b, Value::Obj(_))) {
        if is_int(&b) {
            return Ok(Value::from_bigint(inum(vm, &b)?));
        }
    }
    let x = fnum(vm, &v)?;
    float_to_int(vm, f(x))
}

fn floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    round_helper(vm, args, "floor", "__floor__", f64::floor)
}

fn ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    round_helper(vm, args, "ceil", "__ceil__", f64::ceil)
}

fn trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "trunc", &args, 1, 1)?;
    let v = args.pos[0].clone();
    match &v {
        Value::Int(_) | Value::BigInt(_) => return Ok(v),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        Value::Float(x) => return float_to_int(vm, x.trunc()),
        _ => {}
    }
    if let Some(r) = vm.call_dunder(&v, "__trunc__", vec![])? {
        return Ok(r);
    }
    if let Some(b) = vm.base_value(&v).filter(|b| !matches!(b, Value::Obj(_))) {
        match b {
            Value::Float(x) => return float_to_int(vm, x.trunc()),
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => return Ok(Value::from_bigint(inum(vm, &b)?)),
            _ => {}
        }
    }
    let t = vm.type_name(&v);
    Err(vm.type_error(format!("type {t} doesn't define __trunc__ method")))
}

// ---- integer functions -----------------------------------------------

fn factorial(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "factorial", &args, 1, 1)?;
    let n = inum(vm, &args.pos[0])?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values".into()));
    }
    let Some(n) = n.to_u64().filter(|n| *n <= 200_000) else {
        return Err(vm.overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    Ok(Value::from_bigint(range_product(1, n)))
}

/// Product of lo..=hi by binary splitting.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut acc = BigInt::one();
        let mut small: u64 = 1;
        for k in lo..=hi {
            match small.checked_mul(k) {
                Some(p) => small = p,
                None => {
                    acc *= small;
                    small = k;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid + 1, hi)
}

fn gcd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("gcd() takes no keyword arguments".into()));
    }
    let mut acc = BigInt::zero();
    for a in &args.pos {
        let b = inum(vm, a)?;
        acc = acc.gcd(&b);
    }
    Ok(Value::from_bigint(acc))
}

fn lcm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("lcm() takes no keyword arguments".into()));
    }
    let mut acc = BigInt::one();
    for a in &args.pos {
        let b = inum(vm, a)?;
        if acc.is_zero() || b.is_zero() {
            acc = BigInt::zero();
            continue;
        }
        acc = acc.lcm(&b);
    }
    Ok(Value::from_bigint(acc.abs()))
}

fn comb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "comb", &args, 2, 2)?;
    let n = inum(vm, &args.pos[0])?;
    let k = inum(vm, &args.pos[1])?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer".into()));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer".into()));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64().filter(|k| *k <= 1_000_000) else {
        return Err(vm.overflow_error(&format!("min(n - k, k) must not exceed {}", i64::MAX)));
    };
    let mut acc = BigInt::one();
    for i in 0..k {
        acc = acc * (&n - i) / (i + 1);
    }
    Ok(Value::from_bigint(acc))
}

fn perm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "perm", &args, 1, 2)?;
    let n = inum(vm, &args.pos[0])?;
    if args.pos.len() == 1 || args.pos[1].is_none() {
        if n.is_negative() {
            return Err(vm.value_error("n must be a non-negative integer".into()));
        }
        return factorial(vm, Args { pos: vec![args.pos[0].clone()], kw: vec![] });
    }
    let k = inum(vm, &args.pos[1])?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer".into()));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer".into()));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64().filter(|k| *k <= 1_000_000) else {
        return Err(vm.overflow_error(&format!("k must not exceed {}", i64::MAX)));
    };
    let mut acc = BigInt::one();
    for i in 0..k {
        acc *= &n - i;
    }
    Ok(Value::from_bigint(acc))
}

fn isqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "isqrt", &args, 1, 1)?;
    let n = inum(vm, &args.pos[0])?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative".into()));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

// ---- predicates ------------------------------------------------------

fn isclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = args.pos.len();
    if n != 2 {
        let which = if n < 2 { if n == 0 { "'a'" } else { "'b'" } } else { "" };
        if n < 2 {
            return Err(vm.type_error(format!(
                "isclose() missing required argument {which} (pos {})",
                n + 1
            )));
        }
        return Err(vm.type_error(format!("isclose() takes exactly 2 positional arguments ({n} given)")));
    }
    let a = fnum(vm, &args.pos[0])?;
    let b = fnum(vm, &args.pos[1])?;
    let mut rel_tol = 1e-9;
    let mut abs_tol = 0.0;
    for (k, v) in &args.kw {
        match &**k {
            "rel_tol" => rel_tol = fnum(vm, v)?,
            "abs_tol" => abs_tol = fnum(vm, v)?,
            other => return Err(vm.type_error(format!("isclose() got an unexpected keyword argument '{other}'"))),
        }
    }
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative".into()));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol))
}

fn isfinite(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "isfinite", &args, 1, 1)?;
    Ok(Value::Bool(fnum(vm, &args.pos[0])?.is_finite()))
}

fn isinf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "isinf", &args, 1, 1)?;
    Ok(Value::Bool(fnum(vm, &args.pos[0])?.is_infinite()))
}

fn isnan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "isnan", &args, 1, 1)?;
    Ok(Value::Bool(fnum(vm, &args.pos[0])?.is_nan()))
}

// ---- sequences -------------------------------------------------------

fn prod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!("prod() takes exactly 1 positional argument ({} given)", args.pos.len())));
    }
    let mut acc = args.kw("start").cloned().unwrap_or(Value::Int(1));
    let items = vm.collect(&args.pos[0])?;
    for x in items {
        acc = vm.binary_op(acc, x, crate::bytecode::BinOp::Mul)?;
    }
    Ok(acc)
}

fn two_prod(a: f64, b: f64) -> (f64, f64) {
    let hi = a * b;
    (hi, a.mul_add(b, -hi))
}

fn sumprod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "sumprod", &args, 2, 2)?;
    let p = vm.collect(&args.pos[0])?;
    let q = vm.collect(&args.pos[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("Inputs are not the same length".into()));
    }
    let all_float_like = p.iter().chain(q.iter()).all(|v| matches!(v, Value::Float(_) | Value::Int(_) | Value::Bool(_)))
        && p.iter().chain(q.iter()).any(|v| matches!(v, Value::Float(_)));
    if all_float_like {
        let mut parts = Vec::new();
        for (a, b) in p.iter().zip(q.iter()) {
            let x = fnum(vm, a)?;
            let y = fnum(vm, b)?;
            let (hi, lo) = two_prod(x, y);
            parts.push(hi);
            if hi.is_finite() {
                parts.push(lo);
            }
        }
        return fsum_values(vm, parts).map(Value::Float);
    }
    let mut acc = Value::Int(0);
    for (a, b) in p.into_iter().zip(q) {
        let m = vm.binary_op(a, b, crate::bytecode::BinOp::Mul)?;
        acc = vm.binary_op(acc, m, crate::bytecode::BinOp::Add)?;
    }
    Ok(acc)
}

fn fsum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "fsum", &args, 1, 1)?;
    let items = vm.collect(&args.pos[0])?;
    let mut xs = Vec::with_capacity(items.len());
    for v in &items {
        xs.push(fnum(vm, v)?);
    }
    fsum_values(vm, xs).map(Value::Float)
}

/// CPython's `math_fsum` (Shewchuk's exact partials, correctly rounded).
fn fsum_values(vm: &mut Vm, xs: Vec<f64>) -> PyResult<f64> {
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for mut x in xs {
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum".into()));
        }
        return Ok(special_sum);
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

/// CPython's `vector_norm`: an accurately rounded Euclidean norm.
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp_f(max);
    if max_e < -1023 {
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp_f(1.0, -max_e as i64);
    let mut csum = 1.0f64;
    let mut frac1 = 0.0f64;
    let mut frac2 = 0.0f64;
    for &x in vec.iter() {
        let x = x * scale;
        let (phi, plo) = two_prod(x, x);
        let shi = csum + phi;
        let slo = (csum - shi) + phi;
        csum = shi;
        frac1 += plo;
        frac2 += slo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (phi, plo) = two_prod(-h, h);
    let shi = csum + phi;
    let slo = (csum - shi) + phi;
    csum = shi;
    frac1 += plo;
    frac2 += slo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn hypot(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("hypot() takes no keyword arguments".into()));
    }
    let mut v = Vec::with_capacity(args.pos.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for a in &args.pos {
        let x = fnum(vm, a)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(Value::Float(vector_norm(&mut v, max, found_nan)))
}

fn dist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "dist", &args, 2, 2)?;
    let p = vm.collect(&args.pos[0])?;
    let q = vm.collect(&args.pos[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions".into()));
    }
    let mut v = Vec::with_capacity(p.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for (a, b) in p.iter().zip(q.iter()) {
        let x = (fnum(vm, a)? - fnum(vm, b)?).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(Value::Float(vector_norm(&mut v, max, found_nan)))
}

// ---- float decomposition ---------------------------------------------

fn frexp_f(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // subnormal: normalise first
        let (m, e) = frexp_f(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

fn ldexp_f(x: f64, i: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, e) = frexp_f(x);
    let target = e as i64 + i;
    if target > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if target < -1075 {
        return 0.0f64.copysign(x);
    }
    if target >= -1021 {
        // m * 2^target, with m in [0.5, 1): exact
        let t = target as i32;
        if t == 1024 {
            return (m * 2.0) * 2f64.powi(1023);
        }
        return m * 2f64.powi(t);
    }
    // subnormal result: one correctly rounded multiplication
    let a = m * 2f64.powi((target + 1074) as i32);
    a * f64::from_bits(1)
}

fn modf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "modf", &args, 1, 1)?;
    let x = fnum(vm, &args.pos[0])?;
    let (f, i) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        ((x - x.trunc()).copysign(x), x.trunc())
    };
    Ok(Value::tuple(vec![Value::Float(f), Value::Float(i)]))
}

fn frexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "frexp", &args, 1, 1)?;
    let x = fnum(vm, &args.pos[0])?;
    let (m, e) = frexp_f(x);
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn ldexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "ldexp", &args, 2, 2)?;
    let x = fnum(vm, &args.pos[0])?;
    if !is_int(&args.pos[1]) && !matches!(args.pos[1], Value::Obj(_)) {
        return Err(vm.type_error("Expected an int as second argument to ldexp.".into()));
    }
    let i = inum(vm, &args.pos[1])?;
    let i = i.to_i64().unwrap_or(if i.sign() == Sign::Minus { i64::MIN / 2 } else { i64::MAX / 2 });
    let r = ldexp_f(x, i);
    if r.is_infinite() && x.is_finite() {
        return Err(range_err(vm));
    }
    Ok(Value::Float(r))
}

fn ulp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, "ulp", &args, 1, 1)?;
    let x = fnum(vm, &args.pos[0])?.abs();
    if !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let next = f64::from_bits(x.to_bits() + 1);
    if next.is_infinite() {
        let prev = f64::from_bits(x.to_bits() - 1);
        return Ok(Value::Float(x - prev));
    }
    Ok(Value::Float(next - x))
}

fn nextafter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!("nextafter expected 2 arguments, got {}", args.pos.len())));
    }
    let x = fnum(vm, &args.pos[0])?;
    let y = fnum(vm, &args.pos[1])?;
    let r = if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == y {
        y
    } else if x == 0.0 {
        f64::from_bits(1).copysign(y)
    } else if (y > x) == (x > 0.0) {
        f64::from_bits(x.to_bits() + 1)
    } else {
        f64::from_bits(x.to_bits() - 1)
    };
    Ok(Value::Float(r))
}
