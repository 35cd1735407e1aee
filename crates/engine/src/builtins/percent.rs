//! `str % args` and `bytes % args` (PEP 461). One loop serves both: a bytes
//! format is read as Latin-1 text (one char per byte), so the parser and
//! number renderers of `format::percent` apply unchanged, and the result is
//! turned back into bytes. The conversions that differ — `%s`/`%b` take
//! bytes-like objects, `%r`/`%a` give `ascii()`, `%c` takes a byte — are
//! chosen by the mode.

use super::functions::int_arg;
use super::to_index;
use crate::format::{Count, PercentPiece};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `fmt % args` for str.
pub fn str_percent(vm: &mut Vm, fmt_v: &Value, args: &Value) -> PyResult<Value> {
    let fmt_s = match fmt_v {
        Value::Str(s) => s.s.clone(),
        _ => return Err(vm.type_error("format requires a str".into())),
    };
    format(vm, &fmt_s, args, false).map(Value::string)
}

/// `fmt % args` for bytes.
pub fn bytes_percent(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Value> {
    let text: String = fmt.iter().map(|&b| b as char).collect();
    let out = format(vm, &text, args, true)?;
    Ok(Value::Bytes(std::rc::Rc::new(latin1(&out))))
}

fn latin1(s: &str) -> Vec<u8> {
    s.chars().map(|c| c as u32 as u8).collect()
}

/// Whether `%` reads its operand as a mapping: anything subscriptable but
/// a tuple or a string (of the format's kind: `b"%s" % "x"` is not).
fn takes_mapping(vm: &Vm, args: &Value, bytes: bool) -> bool {
    match args {
        Value::Dict(_) | Value::List(_) => true,
        Value::Bytes(_) => !bytes,
        Value::Obj(_) => {
            (!bytes || super::bytes_methods::as_bytes(args).is_none())
                && (vm.as_dict(args).is_some() || vm.type_of(args).lookup("__getitem__").is_some())
        }
        _ => false,
    }
}

fn format(vm: &mut Vm, fmt_s: &str, args: &Value, bytes: bool) -> PyResult<String> {
    let pieces = crate::format::parse_percent_pieces(fmt_s);
    let mapping = takes_mapping(vm, args, bytes);
    let items: Vec<Value> = match args {
        Value::Tuple(t) => t.as_ref().clone(),
        other => vec![other.clone()],
    };
    let key_value = |k: &str| if bytes { Value::Bytes(std::rc::Rc::new(latin1(k))) } else { Value::str(k) };
    let mut idx = 0;
    let mut out = String::new();
    let next_arg = |vm: &mut Vm, idx: &mut usize| -> PyResult<Value> {
        match items.get(*idx) {
            Some(v) => {
                *idx += 1;
                Ok(v.clone())
            }
            None => Err(vm.type_error("not enough arguments for format string".into())),
        }
    };
    for p in pieces {
        match p {
            PercentPiece::Literal(s) => out.push_str(&s),
            PercentPiece::Error(e) => {
                if e.uses_mapping && !mapping {
                    return Err(vm.type_error("format requires a mapping".into()));
                }
                if let Some(k) = &e.key {
                    vm.getitem(args, key_value(k))?;
                }
                for _ in 0..e.stars {
                    next_arg(vm, &mut idx)?;
                }
                return Err(vm.fmt_error(e.error));
            }
            PercentPiece::Conv(spec) => {
                let mut flags = spec.flags;
                let width = match &spec.width {
                    Some(Count::Star) => {
                        let a = next_arg(vm, &mut idx)?;
                        let w = to_index(vm, &a)?;
                        if w < 0 {
                            flags.ljust = true;
                        }
                        Some(w.unsigned_abs() as usize)
                    }
                    Some(Count::Num(n)) => Some(*n),
                    None => None,
                };
                let precision = match &spec.precision {
                    Some(Count::Star) => {
                        let a = next_arg(vm, &mut idx)?;
                        Some(to_index(vm, &a)?.max(0) as usize)
                    }
                    Some(Count::Num(n)) => Some(*n),
                    None => None,
                };
                if spec.conv == '%' {
                    out.push('%');
                    continue;
                }
                let v = match &spec.key {
                    Some(k) => {
                        if !mapping {
                            return Err(vm.type_error("format requires a mapping".into()));
                        }
                        vm.getitem(args, key_value(k))?
                    }
                    None => next_arg(vm, &mut idx)?,
                };
                let r = match spec.conv {
                    's' | 'b' if bytes => {
                        let b = bytes_arg(vm, &v)?;
                        let s: String = b.iter().map(|&c| c as char).collect();
                        crate::format::pad(&s, &flags, width, precision)
                    }
                    's' | 'r' | 'a' => {
                        let s = match spec.conv {
                            's' => vm.str_of(&v)?,
                            'r' if !bytes => vm.repr(&v)?,
                            _ => super::ascii_of(&vm.repr(&v)?),
                        };
                        crate::format::pad(&s, &flags, width, precision)
                    }
                    'c' => {
                        let c = if bytes { byte_char(vm, &v)? } else { str_char(vm, &v)? };
                        crate::format::pad(&c, &flags, width, None)
                    }
                    'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                        let b = match &v {
                            Value::Float(f) if matches!(spec.conv, 'd' | 'i' | 'u') => {
                                if !f.is_finite() {
                                    return Err(vm.overflow_error("cannot convert float infinity to integer"));
                                }
                                crate::format::f64_to_bigint(f.trunc())
                            }
                            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => int_arg(vm, &v)?,
                            other => {
                                let t = vm.type_name(other);
                                let msg = if matches!(spec.conv, 'o' | 'x' | 'X') {
                                    format!("%{} format: an integer is required, not {t}", spec.conv)
                                } else {
                                    format!("%{} format: a real number is required, not {t}", spec.conv)
                                };
                                return Err(vm.type_error(msg));
                            }
                        };
                        let limit = vm.limits.int_max_str_digits;
                        crate::format::percent_int_with_limit(&b, spec.conv, &flags, width, precision, limit)
                    }
                    'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                        let f = match crate::vm::to_num(&v) {
                            Some(n) => vm.float_of(&n)?,
                            None => {
                                let t = vm.type_name(&v);
                                return Err(vm.type_error(format!("must be real number, not {t}")));
                            }
                        };
                        crate::format::percent_float(f, spec.conv, &flags, width, precision)
                    }
                    _ => Err(spec.unsupported_error()),
                };
                match r {
                    Ok(s) => out.push_str(&s),
                    Err(e) => return Err(vm.fmt_error(e)),
                }
            }
        }
    }
    if !mapping && idx < items.len() {
        let what = if bytes { "bytes" } else { "string" };
        return Err(vm.type_error(format!("not all arguments converted during {what} formatting")));
    }
    Ok(out)
}

/// `%s`/`%b` in a bytes format: a bytes-like object, or `__bytes__()`.
fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<std::rc::Rc<Vec<u8>>> {
    if let Some(b) = super::bytes_methods::as_bytes(v) {
        return Ok(b);
    }
    if let Some(r) = vm.call_dunder(v, "__bytes__", vec![])? {
        return match super::bytes_methods::as_bytes(&r) {
            Some(b) if matches!(r, Value::Bytes(_)) => Ok(b),
            _ => {
                let t = vm.type_name(&r);
                Err(vm.type_error(format!("__bytes__ returned non-bytes (type {t})")))
            }
        };
    }
    let t = vm.type_name(v);
    Err(vm.type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{t}'"
    )))
}

/// `%c` in a str format: a one-character string or a code point.
fn str_char(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) if s.chars == 1 => Ok(s.s.clone()),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let b = int_arg(vm, v)?;
            match crate::format::percent_char_code(&b) {
                Ok(code) => Ok(char::from_u32(code).map(|c| c.to_string()).unwrap_or_default()),
                Err(e) => Err(vm.fmt_error(e)),
            }
        }
        Value::Str(_) => {
            Err(vm.type_error("%c requires an int or a unicode character, not a string of length 2".into()))
        }
        other => {
            let t = vm.type_name(other);
            Err(vm.type_error(format!("%c requires an int or a unicode character, not {t}")))
        }
    }
}

/// `%c` in a bytes format: one byte, or an int in range(256) (as the
/// Latin-1 char standing for that byte).
fn byte_char(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let wrong = |vm: &mut Vm| vm.type_error("%c requires an integer in range(256) or a single byte".into());
    if let Some(b) = super::bytes_methods::as_bytes(v) {
        return match b.as_slice() {
            [c] => Ok((*c as char).to_string()),
            _ => Err(wrong(vm)),
        };
    }
    let is_int = matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
        || matches!(v, Value::Obj(_)) && vm.type_of(v).lookup("__index__").is_some();
    if !is_int {
        return Err(wrong(vm));
    }
    let n = int_arg(vm, v)?;
    match n.to_u8() {
        Some(c) => Ok((c as char).to_string()),
        None => Err(vm.overflow_error("%c arg not in range(256)")),
    }
}
