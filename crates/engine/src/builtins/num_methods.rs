//! Methods of `int` and `float` (bit_length, to_bytes, as_integer_ratio,
//! hex/fromhex, ...) and their `real`/`imag`/`numerator`/`denominator`
//! attributes (read-only properties).

use std::rc::Rc;

use crate::bigint::{BigInt, Sign};

use crate::types::{add_method, builtin_fn};
use crate::value::{Args, BuiltinFn, Obj, Payload, Value};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let int = vm.types.int.clone();
    let int_methods: &[(&'static str, BuiltinFn)] = &[
        ("bit_length", int_bit_length),
        ("bit_count", int_bit_count),
        ("to_bytes", int_to_bytes),
        ("as_integer_ratio", int_as_integer_ratio),
        ("conjugate", int_conjugate),
        ("is_integer", int_is_integer),
    ];
    for (name, f) in int_methods {
        add_method(&int, name, "int", *f);
    }
    let fb = vm.alloc_classmethod(builtin_fn("from_bytes", int_from_bytes));
    int.dict.borrow_mut().set_str("from_bytes", fb);
    let int_props: &[(&'static str, BuiltinFn)] = &[
        ("real", int_conjugate),
        ("numerator", int_conjugate),
        ("imag", int_zero),
        ("denominator", int_one),
    ];
    for (name, f) in int_props {
        let p = property(vm, name, *f);
        int.dict.borrow_mut().set_str(name, p);
    }

    let float = vm.types.float.clone();
    let float_methods: &[(&'static str, BuiltinFn)] = &[
        ("is_integer", float_is_integer),
        ("as_integer_ratio", float_as_integer_ratio),
        ("hex", float_hex),
        ("conjugate", float_conjugate),
    ];
    for (name, f) in float_methods {
        add_method(&float, name, "float", *f);
    }
    let fh = vm.alloc_classmethod(builtin_fn("fromhex", float_fromhex));
    float.dict.borrow_mut().set_str("fromhex", fh);
    let float_props: &[(&'static str, BuiltinFn)] = &[("real", float_conjugate), ("imag", float_zero)];
    for (name, f) in float_props {
        let p = property(vm, name, *f);
        float.dict.borrow_mut().set_str(name, p);
    }
}

pub(super) fn property(vm: &mut Vm, name: &'static str, f: BuiltinFn) -> Value {
    Value::Obj(Rc::new(Obj::new(
        vm.types.property.clone(),
        Payload::Property { fget: builtin_fn(name, f), fset: Value::None, fdel: Value::None, doc: Value::None },
    )))
}

fn no_args(vm: &mut Vm, owner: &str, name: &str, args: &Args) -> PyResult<()> {
    if args.pos.len() > 1 || !args.kw.is_empty() {
        let n = args.pos.len().saturating_sub(1) + args.kw.len();
        return Err(vm.type_error(format!("{owner}.{name}() takes no arguments ({n} given)")));
    }
    Ok(())
}

// ---- int ---------------------------------------------------------------

/// `self` of an int method as a big int (ints, bools, int subclasses).
fn self_int(vm: &mut Vm, args: &Args) -> PyResult<BigInt> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    match vm.base_value(&v) {
        Some(Value::Int(i)) => Ok(BigInt::from(i)),
        Some(Value::Bool(b)) => Ok(BigInt::from(b as i64)),
        Some(Value::BigInt(b)) => Ok((*b).clone()),
        _ => {
            let t = vm.type_name(&v);
            Err(vm.type_error(format!("descriptor requires a 'int' object but received a '{t}'")))
        }
    }
}

fn int_bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, "int", "bit_length", &args)?;
    let n = self_int(vm, &args)?;
    Ok(Value::Int(n.bits() as i64))
}

fn int_bit_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, "int", "bit_count", &args)?;
    let n = self_int(vm, &args)?;
    let ones = n.magnitude().count_ones();
    Ok(Value::Int(ones as i64))
}

fn int_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = self_int(vm, &args)?;
    Ok(Value::from_bigint(n))
}

fn int_zero(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_int(vm, &args)?;
    Ok(Value::Int(0))
}

fn int_one(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_int(vm, &args)?;
    Ok(Value::Int(1))
}

fn int_is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, "int", "is_integer", &args)?;
    self_int(vm, &args)?;
    Ok(Value::Bool(true))
}

fn int_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, "int", "as_integer_ratio", &args)?;
    let n = self_int(vm, &args)?;
    Ok(Value::tuple(vec![Value::from_bigint(n), Value::Int(1)]))
}

fn byteorder_arg(vm: &mut Vm, v: Option<&Value>, fname: &str, pos: usize) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(Value::Str(s)) => match s.s.as_str() {
            "big" => Ok(false),
            "little" => Ok(true),
            _ => Err(vm.value_error("byteorder must be either 'little' or 'big'".into())),
        },
        Some(other) => {
            let t = vm.type_name(other);
            Err(vm.type_error(format!("{fname}() argument 'byteorder' (position {pos}) must be str, not {t}")))
        }
    }
}

fn check_kw(vm: &mut Vm, fname: &str, args: &Args, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in &args.kw {
        if !allowed.contains(&&**k) {
            return Err(vm.type_error(format!("{fname}() got an unexpected keyword argument '{k}'")));
        }
    }
    Ok(())
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, "to_bytes", &args, &["length", "byteorder", "signed"])?;
    if args.pos.len() > 3 {
        return Err(vm.type_error(format!("to_bytes() takes at most 2 positional arguments ({} given)", args.pos.len() - 1)));
    }
    let n = self_int(vm, &args)?;
    let length = match args.get(1, "length") {
        None => 1,
        Some(v) => {
            let v = v.clone();
            super::to_index(vm, &v)?
        }
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative".into()));
    }
    let little = byteorder_arg(vm, args.get(2, "byteorder"), "to_bytes", 2)?;
    let signed = match args.kw("signed") {
        Some(v) => {
            let v = v.clone();
            vm.truthy(&v)?
        }
        None => false,
    };
    if n.is_negative() && !signed {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let length = length as usize;
    let mut bytes = if signed { n.to_signed_bytes_le() } else { n.to_bytes_le().1 };
    if n.is_zero() {
        bytes.clear();
    }
    // to_signed_bytes_le may carry a redundant sign byte; trim it.
    if signed {
        while bytes.len() > 1 {
            let last = bytes[bytes.len() - 1];
            let prev = bytes[bytes.len() - 2];
            if (last == 0 && prev & 0x80 == 0) || (last == 0xff && prev & 0x80 != 0) {
                bytes.pop();
            } else {
                break;
            }
        }
        if n.is_zero() {
            bytes.clear();
        }
    }
    if bytes.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    vm.charge(length)?;
    let fill = if n.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(Value::Bytes(Rc::new(bytes)))
}

/// The bytes of a bytes-like object or an iterable of ints.
fn bytes_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    super::bytes_methods::bytes_from_iterable(vm, v)
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (classmethod).
fn int_from_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, "from_bytes", &args, &["bytes", "byteorder", "signed"])?;
    let cls = args.pos.first().cloned().unwrap_or(Value::None);
    let Some(src) = args.get(1, "bytes").cloned() else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)".into()));
    };
    let little = byteorder_arg(vm, args.get(2, "byteorder"), "from_bytes", 2)?;
    let signed = match args.kw("signed") {
        Some(v) => {
            let v = v.clone();
            vm.truthy(&v)?
        }
        None => false,
    };
    let mut data = bytes_of(vm, &src)?;
    if !little {
        data.reverse();
    }
    let n = if signed { BigInt::from_signed_bytes_le(&data) } else { BigInt::from_bytes_le(Sign::Plus, &data) };
    let v = Value::from_bigint(n);
    match &cls {
        Value::Class(c) if !Rc::ptr_eq(c, &vm.types.int) => vm.call(cls.clone(), vec![v]),
        _ => Ok(v),
    }
}

// ---- float ---------------------------------------------------------------

fn self_float(vm: &mut Vm, args: &Args) -> PyResult<f64> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    match vm.base_value(&v) {
        Some(Value::Float(f)) => Ok(f),
        _ => {
            let t = vm.type_name(&v);
            Err(vm.type_error(format!("descriptor requires a 'float' object but received a '{t}'")))
        }
    }
}

fn float_is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, "float", "is_integer", &args)?;
    let x = self_float(vm, &args)?;
    Ok(Value::Bool(x.is_finite() && x.trunc() == x))
}

fn float_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = self_float(vm, &args)?;
    Ok(Value::Float(x))
}

fn float_zero(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_float(vm, &args)?;
    Ok(Value::Float(0.0))
}

/// Mantissa and exponent with x == m * 2**e exactly (m an odd or zero int).
fn decompose(x: f64) -> (i64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = (bits & ((1u64 << 52) - 1)) as i64;
    let (mut m, mut e) = if exp == 0 { (frac, -1074) } else { (frac | (1 << 52), exp - 1075) };
    if m == 0 {
        return (0, 0);
    }
    let tz = m.trailing_zeros() as i32;
    m >>= tz;
    e += tz;
    if x < 0.0 {
        m = -m;
    }
    (m, e)
}

fn float_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, "float", "as_integer_ratio", &args)?;
    let x = self_float(vm, &args)?;
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio".into()));
    }
    let (m, e) = decompose(x);
    let (num, den) = if e >= 0 {
        (BigInt::from(m) << e as usize, BigInt::one())
    } else {
        (BigInt::from(m), BigInt::one() << (-e) as usize)
    };
    Ok(Value::tuple(vec![Value::from_bigint(num), Value::from_bigint(den)]))
}

fn float_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, "float", "hex", &args)?;
    let x = self_float(vm, &args)?;
    Ok(Value::string(float_to_hex(x)))
}

pub fn float_to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    format!("{sign}0x{lead}.{frac:013x}p{}{e}", if e >= 0 { "+" } else { "" })
}

fn pow2(k: i64) -> f64 {
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

/// `float.fromhex(s)` (classmethod).
fn float_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 2 || !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "float.fromhex() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1) + args.kw.len()
        )));
    }
    let s = match &args.pos[1] {
        Value::Str(s) => s.s.clone(),
        other => {
            let t = vm.type_name(other);
            return Err(vm.type_error(format!("must be str, not {t}")));
        }
    };
    let r = match parse_hex_float(&s) {
        Ok(f) => f,
        Err(true) => return Err(vm.overflow_error("hexadecimal value too large to represent as a float")),
        Err(false) => return Err(vm.value_error("invalid hexadecimal floating-point string".into())),
    };
    let cls = args.pos[0].clone();
    match &cls {
        Value::Class(c) if !Rc::ptr_eq(c, &vm.types.float) => vm.call(cls.clone(), vec![Value::Float(r)]),
        _ => Ok(Value::Float(r)),
    }
}

/// Err(true) = overflow, Err(false) = syntax error.
fn parse_hex_float(s: &str) -> Result<f64, bool> {
    let t = s.trim_matches(|c: char| crate::format::py_isspace(c));
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let sign = if neg { -1.0 } else { 1.0 };
    if lower == "inf" || lower == "infinity" {
        return Ok(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Ok(f64::NAN);
    }
    let mut rest = lower.as_str();
    if let Some(r) = rest.strip_prefix("0x") {
        rest = r;
    }
    let (mant_part, exp_part) = match rest.find('p') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (int_digits, frac_digits) = match mant_part.find('.') {
        Some(i) => (&mant_part[..i], &mant_part[i + 1..]),
        None => (mant_part, ""),
    };
    if int_digits.is_empty() && frac_digits.is_empty() {
        return Err(false);
    }
    let mut m = BigInt::zero();
    for c in int_digits.chars().chain(frac_digits.chars()) {
        let d = c.to_digit(16).ok_or(false)?;
        m = m * 16 + d;
    }
    let mut exp: i64 = -4 * frac_digits.len() as i64;
    if let Some(e) = exp_part {
        let (eneg, digits) = match e.as_bytes().first() {
            Some(b'-') => (true, &e[1..]),
            Some(b'+') => (false, &e[1..]),
            _ => (false, e),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(false);
        }
        let v: i64 = digits.parse::<i64>().unwrap_or(i64::MAX / 4).min(i64::MAX / 4);
        exp = exp.saturating_add(if eneg { -v } else { v });
    }
    if m.is_zero() {
        return Ok(sign * 0.0);
    }
    let nbits = m.bits() as i64;
    let top = nbits - 1 + exp;
    if top > 1023 {
        return Err(true);
    }
    if top < -1075 {
        return Ok(sign * 0.0);
    }
    let lsb = std::cmp::max(top - 52, -1074);
    let shift = lsb - exp;
    let mut mant = if shift > 0 {
        let sh = shift as usize;
        let q: BigInt = &m >> sh;
        let rem: BigInt = &m - (&q << sh);
        let half: BigInt = BigInt::one() << (sh - 1);
        if rem > half || (rem == half && q.is_odd()) { q + 1 } else { q }
    } else {
        m << (-shift) as usize
    };
    let mut lsb = lsb;
    if mant.bits() > 53 {
        mant >>= 1;
        lsb += 1;
    }
    if lsb + mant.bits() as i64 - 1 > 1023 {
        return Err(true);
    }
    let mf = mant.to_f64().unwrap_or(0.0);
    Ok(sign * mf * pow2(lsb))
}
