//! Operators: arithmetic, comparison, truth, containment, subscripts.
//! Builtin numbers and sequences are handled in Rust; everything else goes
//! through the dunder protocol with CPython's reflected-operand rules.

use std::rc::Rc;

use crate::bigint::BigInt;

use super::{PyResult, Vm};
use crate::bytecode::{BinOp, CmpKind, UnOp};
use crate::format as fmt;
use crate::value::{Payload, Value};

/// A number in one of its three representations.
pub enum Num {
    I(i64),
    B(BigInt),
    F(f64),
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }
    pub fn dunder(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

impl CmpKind {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpKind::Lt => "<",
            CmpKind::Le => "<=",
            CmpKind::Eq => "==",
            CmpKind::Ne => "!=",
            CmpKind::Gt => ">",
            CmpKind::Ge => ">=",
        }
    }
    fn dunder(self) -> &'static str {
        match self {
            CmpKind::Lt => "__lt__",
            CmpKind::Le => "__le__",
            CmpKind::Eq => "__eq__",
            CmpKind::Ne => "__ne__",
            CmpKind::Gt => "__gt__",
            CmpKind::Ge => "__ge__",
        }
    }
    fn swapped(self) -> CmpKind {
        match self {
            CmpKind::Lt => CmpKind::Gt,
            CmpKind::Le => CmpKind::Ge,
            CmpKind::Eq => CmpKind::Eq,
            CmpKind::Ne => CmpKind::Ne,
            CmpKind::Gt => CmpKind::Lt,
            CmpKind::Ge => CmpKind::Le,
        }
    }
    fn test(self, o: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CmpKind::Lt => o == Less,
            CmpKind::Le => o != Greater,
            CmpKind::Eq => o == Equal,
            CmpKind::Ne => o != Equal,
            CmpKind::Gt => o == Greater,
            CmpKind::Ge => o != Less,
        }
    }
}

pub fn to_num(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::BigInt(b) => Some(Num::B((**b).clone())),
        Value::Float(f) => Some(Num::F(*f)),
        Value::Obj(o) => match &o.payload {
            Payload::Base(b) => to_num(&b.borrow()),
            _ => None,
        },
        _ => None,
    }
}

/// Python's `//` on i64 (rounds toward minus infinity); `y != 0`.
fn floor_div(x: i64, y: i64) -> i64 {
    let q = x / y;
    if x % y != 0 && (x < 0) != (y < 0) {
        q - 1
    } else {
        q
    }
}

/// Python's `%` on i64 (the result has the divisor's sign); `y != 0`.
fn floor_mod(x: i64, y: i64) -> i64 {
    let r = x % y;
    if r != 0 && (r < 0) != (y < 0) {
        r + y
    } else {
        r
    }
}

fn big(n: &Num) -> BigInt {
    match n {
        Num::I(i) => BigInt::from(*i),
        Num::B(b) => b.clone(),
        Num::F(f) => BigInt::from(*f as i64),
    }
}

impl Vm {
    /// Int-int arithmetic that stays in i64; None means "take the slow path".
    #[inline]
    pub(super) fn int_fast(&self, op: BinOp, x: i64, y: i64) -> Option<Value> {
        Some(Value::Int(match op {
            BinOp::Add => x.checked_add(y)?,
            BinOp::Sub => x.checked_sub(y)?,
            BinOp::Mul => x.checked_mul(y)?,
            BinOp::FloorDiv if y != 0 && !(x == i64::MIN && y == -1) => floor_div(x, y),
            BinOp::Mod if y != 0 && !(x == i64::MIN && y == -1) => floor_mod(x, y),
            BinOp::And => x & y,
            BinOp::Or => x | y,
            BinOp::Xor => x ^ y,
            _ => return None,
        }))
    }

    pub fn float_of(&mut self, n: &Num) -> PyResult<f64> {
        match n {
            Num::I(i) => Ok(*i as f64),
            Num::F(f) => Ok(*f),
            Num::B(b) => fmt::bigint_to_f64(b).map_err(|e| self.fmt_error(e)),
        }
    }

    pub fn fmt_error(&mut self, e: fmt::FmtError) -> Value {
        match e {
            fmt::FmtError::Value(m) => self.value_error(m),
            fmt::FmtError::Type(m) => self.type_error(m),
            fmt::FmtError::Overflow(m) => self.overflow_error(&m),
            fmt::FmtError::ZeroDivision(m) => self.zero_division(&m),
            fmt::FmtError::Memory(_) => self.new_error("MemoryError", ""),
        }
    }

    /// Arithmetic on two numbers; None when the operator does not apply.
    fn num_binop(&mut self, op: BinOp, a: Num, b: Num) -> PyResult<Option<Value>> {
        if let (Num::F(_), _) | (_, Num::F(_)) = (&a, &b) {
            let x = self.float_of(&a)?;
            let y = self.float_of(&b)?;
            return self.float_binop(op, x, y);
        }
        if let (Num::I(x), Num::I(y)) = (&a, &b) {
            if let Some(v) = self.int_fast(op, *x, *y) {
                return Ok(Some(v));
            }
        }
        let (x, y) = (big(&a), big(&b));
        Ok(Some(match op {
            BinOp::Add => Value::from_bigint(x + y),
            BinOp::Sub => Value::from_bigint(x - y),
            BinOp::Mul => {
                self.check_big_size(x.bits() + y.bits())?;
                Value::from_bigint(x * y)
            }
            BinOp::FloorDiv => {
                if y.is_zero() {
                    return Err(self.zero_division("integer division or modulo by zero"));
                }
                Value::from_bigint(x.div_floor(&y))
            }
            BinOp::Mod => {
                if y.is_zero() {
                    return Err(self.zero_division("integer modulo by zero"));
                }
                Value::from_bigint(x.mod_floor(&y))
            }
            BinOp::TrueDiv => {
                if y.is_zero() {
                    return Err(self.zero_division("division by zero"));
                }
                match (x.to_i64(), y.to_i64()) {
                    (Some(p), Some(q)) if p.unsigned_abs() < (1 << 53) && q.unsigned_abs() < (1 << 53) => {
                        Value::Float(p as f64 / q as f64)
                    }
                    _ => Value::Float(fmt::int_true_div(&x, &y).map_err(|e| self.fmt_error(e))?),
                }
            }
            BinOp::Pow => {
                if y.is_negative() {
                    if x.is_zero() {
                        return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                    }
                    let fx = self.float_of(&Num::B(x))?;
                    let fy = self.float_of(&Num::B(y))?;
                    return Ok(Some(Value::Float(fx.powf(fy))));
                }
                let e = match y.to_u32() {
                    Some(e) => e,
                    None if x.abs() <= BigInt::from(1) => {
                        let odd = y.is_odd();
                        return Ok(Some(Value::from_bigint(if x.is_negative() && !odd { -x } else { x })));
                    }
                    None => return Err(self.new_error("MemoryError", "")),
                };
                self.check_big_size(x.bits().saturating_mul(e as u64))?;
                Value::from_bigint(x.pow(e))
            }
            BinOp::LShift => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count".into()));
                }
                let s = y.to_u64().unwrap_or(u64::MAX);
                if x.is_zero() {
                    return Ok(Some(Value::Int(0)));
                }
                self.check_big_size(x.bits().saturating_add(s))?;
                Value::from_bigint(x << s as usize)
            }
            BinOp::RShift => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count".into()));
                }
                let s = y.to_u64().unwrap_or(u64::MAX);
                if s >= x.bits() + 1 {
                    return Ok(Some(Value::Int(if x.is_negative() { -1 } else { 0 })));
                }
                Value::from_bigint(x >> s as usize)
            }
            BinOp::And => Value::from_bigint(x & y),
            BinOp::Or => Value::from_bigint(x | y),
            BinOp::Xor => Value::from_bigint(x ^ y),
            BinOp::MatMul => return Ok(None),
        }))
    }

    /// Refuses ints that would blow the memory cap (`10**10**10`).
    fn check_big_size(&mut self, bits: u64) -> PyResult<()> {
        if bits / 8 > self.limits.memory_bytes as u64 / 4 {
            return Err(self.new_error("MemoryError", ""));
        }
        Ok(())
    }

    fn float_binop(&mut self, op: BinOp, x: f64, y: f64) -> PyResult<Option<Value>> {
        Ok(Some(Value::Float(match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::TrueDiv => {
                if y == 0.0 {
                    return Err(self.zero_division("float division by zero"));
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(self.zero_division("float floor division by zero"));
                }
                fmt::float_floordiv(x, y).map_err(|e| self.fmt_error(e))?
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(self.zero_division("float modulo by zero"));
                }
                fmt::float_mod(x, y).map_err(|e| self.fmt_error(e))?
            }
            BinOp::Pow => {
                if x == 0.0 && y < 0.0 {
                    return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                }
                if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
                    // A negative base to a fractional power is complex.
                    let z = fmt::Complex::new(x, 0.0).pow(fmt::Complex::new(y, 0.0)).map_err(|e| self.fmt_error(e))?;
                    return Ok(Some(self.new_complex(z)));
                }
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return Err(self.overflow_error("(34, 'Numerical result out of range')"));
                }
                r
            }
            _ => return Ok(None),
        })))
    }

    /// `a op b` for builtin types; None means "not supported here".
    fn builtin_binop(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Option<Value>> {
        if let (Some(x), Some(y)) = (to_num(a), to_num(b)) {
            if matches!(a, Value::Obj(_)) || matches!(b, Value::Obj(_)) {
                return Ok(None);
            }
            if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
                match op {
                    BinOp::And => return Ok(Some(Value::Bool(*p & *q))),
                    BinOp::Or => return Ok(Some(Value::Bool(*p | *q))),
                    BinOp::Xor => return Ok(Some(Value::Bool(*p ^ *q))),
                    _ => {}
                }
            }
            return self.num_binop(op, x, y);
        }
        match (a, b, op) {
            (Value::Str(x), Value::Str(y), BinOp::Add) => {
                self.charge(x.s.len() + y.s.len())?;
                let mut s = String::with_capacity(x.s.len() + y.s.len());
                s.push_str(&x.s);
                s.push_str(&y.s);
                Ok(Some(Value::Str(Rc::new(crate::value::PyStr::with_chars(s, x.chars + y.chars)))))
            }
            (Value::Str(_), _, BinOp::Mod) => crate::builtins::str_percent(self, a, b).map(Some),
            (Value::Bytes(f), _, BinOp::Mod) => crate::builtins::bytes_percent(self, f, b).map(Some),
            (Value::Bytes(x), Value::Bytes(y), BinOp::Add) => {
                let mut v = x.as_ref().clone();
                v.extend_from_slice(y);
                Ok(Some(Value::Bytes(Rc::new(v))))
            }
            (Value::List(x), Value::List(y), BinOp::Add) => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                Ok(Some(Value::list(v)))
            }
            (Value::Tuple(x), Value::Tuple(y), BinOp::Add) => {
                let mut v = x.as_ref().clone();
                v.extend(y.iter().cloned());
                Ok(Some(Value::tuple(v)))
            }
            (Value::List(_), _, BinOp::Add) if !matches!(b, Value::Obj(_)) => Err(self.type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                self.type_name(b)
            ))),
            (Value::Tuple(_), _, BinOp::Add) if !matches!(b, Value::Obj(_)) => Err(self.type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                self.type_name(b)
            ))),
            (Value::Str(_), _, BinOp::Add) if !matches!(b, Value::Obj(_)) => Err(self.type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                self.type_name(b)
            ))),
            (Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_), _, BinOp::Mul) => self.repeat(a, b),
            (_, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_), BinOp::Mul)
                if matches!(a, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) =>
            {
                self.repeat(b, a)
            }
            (Value::Dict(x), Value::Dict(y), BinOp::Or) => {
                let d = self.new_dict();
                self.dict_update_from(&d, &Value::Dict(x.clone()))?;
                self.dict_update_from(&d, &Value::Dict(y.clone()))?;
                Ok(Some(Value::Dict(d)))
            }
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_), _) => {
                crate::builtins::set_binop(self, a, b, op)
            }
            _ => Ok(None),
        }
    }

    fn repeat(&mut self, seq: &Value, n: &Value) -> PyResult<Option<Value>> {
        let n = match n {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::BigInt(b) => {
                if b.is_negative() {
                    0
                } else {
                    return Err(self.overflow_error("cannot fit 'int' into an index-sized integer"));
                }
            }
            Value::Obj(_) => return Ok(None),
            other => {
                let t = self.type_name(other);
                return Err(self.type_error(format!("can't multiply sequence by non-int of type '{t}'")));
            }
        };
        let n = n.max(0) as usize;
        let unit = match seq {
            Value::Str(s) => s.s.len(),
            Value::Bytes(b) => b.len(),
            Value::List(l) => l.borrow().len() * 16,
            Value::Tuple(t) => t.len() * 16,
            _ => 0,
        };
        self.charge(unit.saturating_mul(n))?;
        Ok(Some(match seq {
            Value::Str(s) => Value::string(s.s.repeat(n)),
            Value::Bytes(b) => Value::Bytes(Rc::new(b.repeat(n))),
            Value::List(l) => {
                let l = l.borrow();
                let mut v = Vec::with_capacity(l.len() * n);
                for _ in 0..n {
                    v.extend(l.iter().cloned());
                }
                Value::list(v)
            }
            Value::Tuple(t) => {
                let mut v = Vec::with_capacity(t.len() * n);
                for _ in 0..n {
                    v.extend(t.iter().cloned());
                }
                Value::tuple(v)
            }
            _ => return Ok(None),
        }))
    }

    /// `a op b` with the full dunder protocol.
    pub fn binary_op(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        self.binary_op_for(a, b, op, false)
    }

    /// `binary_op`; `inplace` names the augmented operator (`+=`) in the
    /// "unsupported operand" message, as CPython does for `a op= b`.
    fn binary_op_for(&mut self, a: Value, b: Value, op: BinOp, inplace: bool) -> PyResult<Value> {
        if let Some(v) = self.builtin_binop(&a, &b, op)? {
            return Ok(v);
        }
        let (name, rname, _) = op.dunder();
        let ta = self.type_of(&a);
        let tb = self.type_of(&b);
        let same = Rc::ptr_eq(&ta, &tb);
        // A subclass's reflected method gets the first try (CPython's rule).
        let rfirst = !same && tb.is_subclass(&ta) && tb.lookup(rname).is_some() && !self.is_builtin_value(&b);
        if rfirst {
            if let Some(r) = self.try_dunder(&b, rname, &a)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.try_dunder(&a, name, &b)? {
            return Ok(r);
        }
        if !same && !rfirst {
            if let Some(r) = self.try_dunder(&b, rname, &a)? {
                return Ok(r);
            }
        }
        // Subclasses of builtins: operate on the base values.
        if let (Some(x), Some(y)) = (self.base_value(&a), self.base_value(&b)) {
            if let Some(v) = self.builtin_binop(&x, &y, op)? {
                return Ok(v);
            }
        }
        if op == BinOp::Mod {
            if let Value::Str(_) = self.base_value(&a).unwrap_or(Value::None) {
                let x = self.base_value(&a).unwrap_or(Value::None);
                return crate::builtins::str_percent(self, &x, &b);
            }
        }
        if op == BinOp::Add {
            let base = self.base_value(&a).unwrap_or(Value::None);
            let seq = match base {
                Value::Str(_) => Some("str"),
                Value::List(_) => Some("list"),
                Value::Tuple(_) => Some("tuple"),
                _ => None,
            };
            if let Some(seq) = seq {
                return Err(self.type_error(format!("can only concatenate {seq} (not \"{}\") to {seq}", tb.name)));
            }
            if let Value::Bytes(_) = &base {
                return Err(self.type_error(format!("can't concat {} to bytes", tb.name)));
            }
        }
        let sym = match (inplace, op) {
            (false, _) => op.symbol().to_string(),
            (true, BinOp::Pow) => "**=".to_string(),
            (true, _) => format!("{}=", op.symbol()),
        };
        Err(self.type_error(format!("unsupported operand type(s) for {sym}: '{}' and '{}'", ta.name, tb.name)))
    }

    fn is_builtin_value(&self, v: &Value) -> bool {
        !matches!(v, Value::Obj(_))
    }

    /// The builtin value behind a builtin or a subclass instance of one.
    pub fn base_value(&self, v: &Value) -> Option<Value> {
        match v {
            Value::Obj(o) => match &o.payload {
                Payload::Base(b) => Some(b.borrow().clone()),
                _ => None,
            },
            other => Some(other.clone()),
        }
    }

    /// Calls `a.name(b)` if defined and not NotImplemented.
    fn try_dunder(&mut self, a: &Value, name: &str, b: &Value) -> PyResult<Option<Value>> {
        if !matches!(a, Value::Obj(_) | Value::Class(_)) {
            return Ok(None);
        }
        let cls = self.type_of(a);
        let Some(f) = cls.lookup(name) else { return Ok(None) };
        if matches!(&f, Value::Builtin(_)) && matches!(a, Value::Obj(o) if matches!(o.payload, Payload::Base(_))) {
            return Ok(None);
        }
        let r = self.call(f, vec![a.clone(), b.clone()])?;
        if matches!(r, Value::NotImplemented) {
            Ok(None)
        } else {
            Ok(Some(r))
        }
    }

    /// `a op= b`: in-place dunder first, then the binary operator.
    pub fn inplace_op(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        match (&a, op) {
            (Value::List(l), BinOp::Add) => {
                let items = self.collect(&b)?;
                l.borrow_mut().extend(items);
                return Ok(a);
            }
            (Value::List(l), BinOp::Mul) => {
                if let Some(Value::List(r)) = self.repeat(&a, &b)? {
                    let v = r.borrow().clone();
                    *l.borrow_mut() = v;
                }
                return Ok(a);
            }
            (Value::Set(_), BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) => {
                if let Value::Set(_) | Value::FrozenSet(_) = &b {
                    crate::builtins::set_inplace(self, &a, &b, op)?;
                    return Ok(a);
                }
            }
            (Value::Dict(d), BinOp::Or) => {
                self.dict_update_from(d, &b)?;
                return Ok(a);
            }
            (Value::Obj(_), _) => {
                let (_, _, iname) = op.dunder();
                if let Some(r) = self.try_dunder(&a, iname, &b)? {
                    return Ok(r);
                }
            }
            _ => {}
        }
        self.binary_op_for(a, b, op, true)
    }

    pub fn unary_op(&mut self, a: Value, op: UnOp) -> PyResult<Value> {
        if op == UnOp::Not {
            return Ok(Value::Bool(!self.truthy(&a)?));
        }
        match (&a, op) {
            (Value::Int(i), UnOp::Neg) => {
                return Ok(match i.checked_neg() {
                    Some(n) => Value::Int(n),
                    None => Value::from_bigint(-BigInt::from(*i)),
                })
            }
            (Value::Int(_), UnOp::Pos) => return Ok(a),
            (Value::Int(i), UnOp::Invert) => return Ok(Value::Int(!i)),
            (Value::Bool(b), UnOp::Neg) => return Ok(Value::Int(-(*b as i64))),
            (Value::Bool(b), UnOp::Pos) => return Ok(Value::Int(*b as i64)),
            (Value::Bool(b), UnOp::Invert) => return Ok(Value::Int(!(*b as i64))),
            (Value::BigInt(b), UnOp::Neg) => return Ok(Value::from_bigint(-(**b).clone())),
            (Value::BigInt(_), UnOp::Pos) => return Ok(a),
            (Value::BigInt(b), UnOp::Invert) => return Ok(Value::from_bigint(-(**b).clone() - 1)),
            (Value::Float(f), UnOp::Neg) => return Ok(Value::Float(-f)),
            (Value::Float(_), UnOp::Pos) => return Ok(a),
            _ => {}
        }
        let name = match op {
            UnOp::Neg => "__neg__",
            UnOp::Pos => "__pos__",
            UnOp::Invert => "__invert__",
            UnOp::Not => "__bool__",
        };
        if let Value::Obj(_) = &a {
            if let Some(r) = self.call_dunder(&a, name, vec![])? {
                return Ok(r);
            }
            if let Some(base) = self.base_value(&a) {
                if !matches!(base, Value::Obj(_)) {
                    return self.unary_op(base, op);
                }
            }
        }
        let sym = match op {
            UnOp::Neg => "-",
            UnOp::Pos => "+",
            UnOp::Invert => "~",
            UnOp::Not => "not",
        };
        let t = self.type_name(&a);
        Err(self.type_error(format!("bad operand type for unary {sym}: '{t}'")))
    }

    /// Truth value (`bool(v)`).
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) => !s.borrow().is_empty(),
            Value::FrozenSet(s) => !s.is_empty(),
            Value::Obj(o) => {
                if let Some(r) = self.call_dunder(v, "__bool__", vec![])? {
                    return match r {
                        Value::Bool(b) => Ok(b),
                        other => {
                            let t = self.type_name(&other);
                            Err(self.type_error(format!("__bool__ should return bool, returned {t}")))
                        }
                    };
                }
                if o.class.lookup("__len__").is_some() {
                    return Ok(self.len(v)? > 0);
                }
                match &o.payload {
                    Payload::Base(b) => {
                        let b = b.borrow().clone();
                        return self.truthy(&b);
                    }
                    Payload::Range { start, stop, step } => {
                        return Ok(crate::builtins::range_len(*start, *stop, *step) > 0)
                    }
                    _ => true,
                }
            }
            _ => true,
        })
    }

    /// Rich comparison returning a Python value.
    pub fn compare(&mut self, a: Value, b: Value, op: CmpKind) -> PyResult<Value> {
        if let Some(o) = self.builtin_cmp(&a, &b)? {
            return Ok(Value::Bool(match o {
                Some(o) => op.test(o),
                None => op == CmpKind::Ne,
            }));
        }
        if matches!(op, CmpKind::Eq | CmpKind::Ne) {
            if let Some(eq) = self.builtin_eq(&a, &b)? {
                return Ok(Value::Bool(eq == (op == CmpKind::Eq)));
            }
        }
        match (&a, &b) {
            (Value::Tuple(x), Value::Tuple(y)) => {
                let (x, y) = (x.clone(), y.clone());
                return self.seq_cmp(&x, &y, op);
            }
            (Value::List(x), Value::List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                return self.seq_cmp(&x, &y, op);
            }
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                let (na, nb) = (self.len(&a)?, self.len(&b)?);
                let r = match op {
                    CmpKind::Le => na <= nb && self.is_subset(&a, &b)?,
                    CmpKind::Lt => na < nb && self.is_subset(&a, &b)?,
                    CmpKind::Ge => na >= nb && self.is_subset(&b, &a)?,
                    CmpKind::Gt => na > nb && self.is_subset(&b, &a)?,
                    CmpKind::Eq => crate::builtins::set_eq(self, &a, &b)?,
                    CmpKind::Ne => !crate::builtins::set_eq(self, &a, &b)?,
                };
                return Ok(Value::Bool(r));
            }
            _ => {}
        }
        let ta = self.type_of(&a);
        let tb = self.type_of(&b);
        let rfirst = !Rc::ptr_eq(&ta, &tb) && tb.is_subclass(&ta) && matches!(b, Value::Obj(_));
        if rfirst {
            if let Some(r) = self.try_dunder(&b, op.swapped().dunder(), &a)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.try_dunder(&a, op.dunder(), &b)? {
            return Ok(r);
        }
        if !rfirst {
            if let Some(r) = self.try_dunder(&b, op.swapped().dunder(), &a)? {
                return Ok(r);
            }
        }
        if op == CmpKind::Ne {
            if let Some(r) = self.try_dunder(&a, "__eq__", &b)? {
                let t = self.truthy(&r)?;
                return Ok(Value::Bool(!t));
            }
        }
        if matches!(a, Value::Obj(_)) || matches!(b, Value::Obj(_)) {
            if let (Some(x), Some(y)) = (self.base_value(&a), self.base_value(&b)) {
                if !matches!(x, Value::Obj(_)) && !matches!(y, Value::Obj(_)) {
                    return self.compare(x, y, op);
                }
            }
        }
        match op {
            CmpKind::Eq => Ok(Value::Bool(a.is(&b))),
            CmpKind::Ne => Ok(Value::Bool(!a.is(&b))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                ta.name,
                tb.name
            ))),
        }
    }

    /// Ordering for builtin pairs that are totally ordered (numbers, str,
    /// sequences); None for anything needing dunders or unordered pairs.
    /// The outer None means "not a builtin pair"; the inner None means
    /// "unordered" (a NaN is involved: every comparison but != is false).
    #[allow(clippy::option_option)]
    fn builtin_cmp(&mut self, a: &Value, b: &Value) -> PyResult<Option<Option<std::cmp::Ordering>>> {
        Ok(match (a, b) {
            (Value::Int(x), Value::Int(y)) => Some(Some(x.cmp(y))),
            (Value::Float(x), Value::Float(y)) => Some(x.partial_cmp(y)),
            (Value::Str(x), Value::Str(y)) => Some(Some(x.s.cmp(&y.s))),
            (Value::Bytes(x), Value::Bytes(y)) => Some(Some(x.cmp(y))),
            _ => match (to_num(a), to_num(b)) {
                (Some(x), Some(y)) if !matches!(a, Value::Obj(_)) && !matches!(b, Value::Obj(_)) => Some(num_cmp(&x, &y)),
                _ => None,
            },
        })
    }

    fn is_subset(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let items: Vec<Value> = match a {
            Value::Set(s) => s.borrow().iter().cloned().collect(),
            Value::FrozenSet(s) => s.iter().cloned().collect(),
            _ => return Ok(false),
        };
        for x in items {
            if !crate::builtins::set_contains(self, b, &x)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `a == b` as a Rust bool (dict lookups, `in`, list.index, ...).
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        // Identity implies equality here, as in PyObject_RichCompareBool
        // (so `n in [n]` holds for a NaN `n`; see `fresh_nan`).
        if a.is(b) {
            return Ok(true);
        }
        if let Some(e) = self.builtin_eq(a, b)? {
            return Ok(e);
        }
        let r = self.compare(a.clone(), b.clone(), CmpKind::Eq)?;
        self.truthy(&r)
    }

    /// Equality for builtin containers and scalars without dunders.
    fn builtin_eq(&mut self, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        Ok(match (a, b) {
            (Value::None, Value::None) => Some(true),
            (Value::Str(x), Value::Str(y)) => Some(x.s == y.s),
            (Value::Bytes(x), Value::Bytes(y)) => Some(x == y),
            (Value::Tuple(x), Value::Tuple(y)) => Some(self.seq_eq(x, y)?),
            (Value::List(x), Value::List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                Some(self.seq_eq(&x, &y)?)
            }
            (Value::Dict(x), Value::Dict(y)) => Some(self.dict_eq(x, y)?),
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                Some(crate::builtins::set_eq(self, a, b)?)
            }
            (Value::Obj(_), _) | (_, Value::Obj(_)) | (Value::Class(_), _) | (_, Value::Class(_)) => None,
            _ => match (to_num(a), to_num(b)) {
                (Some(x), Some(y)) => Some(num_cmp(&x, &y) == Some(std::cmp::Ordering::Equal)),
                _ => Some(a.is(b)),
            },
        })
    }

    fn seq_eq(&mut self, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        self.enter_recursion()?;
        let mut r = Ok(true);
        for (p, q) in x.iter().zip(y.iter()) {
            match self.eq(p, q) {
                Ok(true) => {}
                other => {
                    r = other;
                    break;
                }
            }
        }
        self.rust_depth -= 1;
        r
    }

    /// Guards Rust recursion in repr/eq/hash of nested containers.
    pub fn enter_recursion(&mut self) -> PyResult<()> {
        self.rust_depth += 1;
        if self.rust_depth + self.frames.len() > self.limits.recursion_limit + 50 {
            self.rust_depth -= 1;
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        Ok(())
    }

    /// Sequence ordering (`[1, 2] < [1, 3]`): first differing items decide.
    pub fn seq_cmp(&mut self, x: &[Value], y: &[Value], op: CmpKind) -> PyResult<Value> {
        for (p, q) in x.iter().zip(y.iter()) {
            if !self.eq(p, q)? {
                if op == CmpKind::Eq {
                    return Ok(Value::Bool(false));
                }
                if op == CmpKind::Ne {
                    return Ok(Value::Bool(true));
                }
                return self.compare(p.clone(), q.clone(), op);
            }
        }
        Ok(Value::Bool(op.test(x.len().cmp(&y.len()))))
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.s.contains(sub.s.as_str())),
                other => {
                    let t = self.type_name(other);
                    Err(self.type_error(format!("'in <string>' requires string as left operand, not {t}")))
                }
            },
            Value::Bytes(b) => match item {
                Value::Bytes(sub) => Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == sub.as_slice())),
                Value::Int(i) => Ok(b.contains(&(*i as u8))),
                _ => Err(self.type_error("a bytes-like object is required".into())),
            },
            Value::List(l) => {
                let items = l.borrow().clone();
                for x in items.iter() {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                for x in t.iter() {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) => Ok(self.dict_get(d, item)?.is_some()),
            Value::Set(_) | Value::FrozenSet(_) => crate::builtins::set_contains(self, container, item),
            Value::Obj(o) => {
                if let Some(r) = self.call_dunder(container, "__contains__", vec![item.clone()])? {
                    return self.truthy(&r);
                }
                if let Payload::Range { start, stop, step } = &o.payload {
                    return Ok(match to_num(item) {
                        Some(Num::I(i)) => crate::builtins::range_contains(*start, *stop, *step, i),
                        _ => false,
                    });
                }
                if let Payload::Base(b) = &o.payload {
                    let b = b.borrow().clone();
                    return self.contains(&b, item);
                }
                self.contains_by_iter(container, item)
            }
            Value::Class(c) => {
                if self.meta_method(c, "__contains__").is_some() {
                    if let Some(r) = self.call_dunder(container, "__contains__", vec![item.clone()])? {
                        return self.truthy(&r);
                    }
                }
                self.contains_by_iter(container, item)
            }
            _ => self.contains_by_iter(container, item),
        }
    }

    fn contains_by_iter(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(_) => {
                let t = self.type_name(container);
                return Err(self.type_error(format!("argument of type '{t}' is not iterable")));
            }
        };
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// Numeric ordering across int/bigint/float (exact, as CPython compares).
pub fn num_cmp(a: &Num, b: &Num) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(y),
        (Num::F(x), other) => float_int_cmp(*x, other),
        (other, Num::F(y)) => float_int_cmp(*y, other).map(|o| o.reverse()),
        (x, y) => Some(big(x).cmp(&big(y))),
    }
}

fn float_int_cmp(f: f64, i: &Num) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Greater } else { Ordering::Less });
    }
    let bi = big(i);
    let fl = f.floor();
    let fb = crate::bigint::BigInt::from(fl as i128);
    let fb = if fl.abs() < 1e38 { fb } else { crate::format::f64_to_bigint(fl) };
    match fb.cmp(&bi) {
        Ordering::Equal => Some(if f > fl { Ordering::Greater } else { Ordering::Equal }),
        o => Some(o),
    }
}
