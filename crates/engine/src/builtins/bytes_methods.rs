//! Methods of `bytes` and the `bytearray` type.
//!
//! A bytearray is an `Obj` of the `bytearray` class whose payload is a
//! `Payload::Cell` holding a `Value::Bytes` (replaced on mutation). It is
//! not a `Payload::Base`, because the VM treats builtin dunders on `Base`
//! objects as the base type's and would bypass `__setitem__`/`__iadd__`.
//! Methods shared with `bytes` return a bytearray when `self` is one.

use std::cell::RefCell;
use std::rc::Rc;

use crate::namemap::NameMap;
use crate::types::{add_method, builtin_fn};
use crate::value::{Args, BuiltinFn, Class, Layout, Obj, Payload, Value};
use crate::vm::{PyResult, Vm};

thread_local! {
    static BYTEARRAY: RefCell<Option<Rc<Class>>> = const { RefCell::new(None) };
}

fn bytearray_class() -> Option<Rc<Class>> {
    BYTEARRAY.with(|c| c.borrow().clone())
}

pub fn install(vm: &mut Vm) {
    let shared: &[(&'static str, BuiltinFn)] = &[
        ("decode", decode),
        ("hex", hex),
        ("upper", upper),
        ("lower", lower),
        ("swapcase", swapcase),
        ("capitalize", capitalize),
        ("title", title),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("join", join),
        ("replace", replace),
        ("startswith", startswith),
        ("endswith", endswith),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("isdigit", isdigit),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("isascii", isascii),
        ("partition", partition),
        ("rpartition", rpartition),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("__mod__", mod_),
    ];
    let bytes = vm.types.bytes.clone();
    for (name, f) in shared {
        add_method(&bytes, name, "bytes", *f);
    }
    let fh = vm.alloc_classmethod(builtin_fn("fromhex", fromhex));
    bytes.dict.borrow_mut().set_str("fromhex", fh);

    let Ok(ba) = crate::types::new_class("bytearray", "builtins", vec![vm.types.object.clone()], NameMap::new(), Layout::Other)
    else {
        return;
    };
    for (name, f) in shared {
        add_method(&ba, name, "bytearray", *f);
    }
    let own: &[(&'static str, BuiltinFn)] = &[
        ("append", ba_append),
        ("extend", ba_extend),
        ("pop", ba_pop),
        ("insert", ba_insert),
        ("remove", ba_remove),
        ("clear", ba_clear),
        ("copy", ba_copy),
        ("reverse", ba_reverse),
        ("__getitem__", ba_getitem),
        ("__setitem__", ba_setitem),
        ("__delitem__", ba_delitem),
        ("__len__", ba_len),
        ("__iter__", ba_iter),
        ("__contains__", ba_contains),
        ("__eq__", ba_eq),
        ("__ne__", ba_ne),
        ("__lt__", ba_lt),
        ("__le__", ba_le),
        ("__gt__", ba_gt),
        ("__ge__", ba_ge),
        ("__add__", ba_add),
        ("__iadd__", ba_iadd),
        ("__mul__", ba_mul),
        ("__rmul__", ba_mul),
        ("__repr__", ba_repr),
        ("__str__", ba_repr),
    ];
    for (name, f) in own {
        add_method(&ba, name, "bytearray", *f);
    }
    let fh = vm.alloc_classmethod(builtin_fn("fromhex", fromhex));
    ba.dict.borrow_mut().set_str("fromhex", fh);
    ba.dict.borrow_mut().set_str("__hash__", Value::None);
    vm.types.ctors.insert(ba.id, ba_ctor);
    vm.builtins.globals.borrow_mut().set_str("bytearray", Value::Class(ba.clone()));
    BYTEARRAY.with(|c| *c.borrow_mut() = Some(ba));
}

// ---- plumbing ----------------------------------------------------------

fn is_bytearray(v: &Value) -> bool {
    match v {
        Value::Obj(o) => matches!(o.payload, Payload::Cell(_)) && o.class.name.as_ref() == "bytearray"
            || bytearray_class().map(|c| o.class.is_subclass(&c)).unwrap_or(false),
        _ => false,
    }
}

fn cell_of(v: &Value) -> Option<Rc<RefCell<Option<Value>>>> {
    match v {
        Value::Obj(o) if is_bytearray(v) => match &o.payload {
            Payload::Cell(c) => Some(c.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// The bytes of a bytes or bytearray value (None for anything else).
pub fn as_bytes(v: &Value) -> Option<Rc<Vec<u8>>> {
    match v {
        Value::Bytes(b) => Some(b.clone()),
        Value::Obj(o) => match &o.payload {
            Payload::Base(b) => match &*b.borrow() {
                Value::Bytes(b) => Some(b.clone()),
                _ => None,
            },
            Payload::Cell(c) if is_bytearray(v) => match &*c.borrow() {
                Some(Value::Bytes(b)) => Some(b.clone()),
                _ => Some(Rc::new(Vec::new())),
            },
            Payload::Cell(_) => super::memoryview::view_bytes(v),
            _ => None,
        },
        _ => None,
    }
}

fn new_bytearray(data: Vec<u8>) -> Value {
    let cls = bytearray_class().expect("bytearray installed");
    new_bytearray_of(cls, data)
}

fn new_bytearray_of(cls: Rc<Class>, data: Vec<u8>) -> Value {
    Value::Obj(Rc::new(Obj::new(cls, Payload::Cell(Rc::new(RefCell::new(Some(Value::Bytes(Rc::new(data)))))))))
}

/// A result of the same flavour as `like` (bytes or bytearray).
fn same_kind(like: &Value, data: Vec<u8>) -> Value {
    if is_bytearray(like) { new_bytearray(data) } else { Value::Bytes(Rc::new(data)) }
}

fn set_data(v: &Value, data: Vec<u8>) {
    if let Some(c) = cell_of(v) {
        *c.borrow_mut() = Some(Value::Bytes(Rc::new(data)));
    }
}

fn kind_name(v: &Value) -> &'static str {
    if is_bytearray(v) { "bytearray" } else { "bytes" }
}

fn this(vm: &mut Vm, args: &Args) -> PyResult<(Value, Rc<Vec<u8>>)> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    match as_bytes(&v) {
        Some(b) => Ok((v, b)),
        None => {
            let t = vm.type_name(&v);
            Err(vm.type_error(format!("descriptor requires a 'bytes' object but received a '{t}'")))
        }
    }
}

/// A bytes-like argument, with CPython's "a bytes-like object is required".
fn bytes_arg(vm: &mut Vm, v: &Value) -> PyResult<Rc<Vec<u8>>> {
    match as_bytes(v) {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// The bytes of a bytes-like object or an iterable of ints in range.
pub fn bytes_from_iterable(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = as_bytes(v) {
        return Ok(b.as_ref().clone());
    }
    if let Value::Str(_) = v {
        return Err(vm.type_error("cannot convert 'str' object to bytes".into()));
    }
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for i in items {
        out.push(byte_value(vm, &i, "bytes must be in range(0, 256)")?);
    }
    Ok(out)
}

fn byte_value(vm: &mut Vm, v: &Value, range_msg: &str) -> PyResult<u8> {
    match v {
        Value::Int(n) if (0..256).contains(n) => Ok(*n as u8),
        Value::Bool(b) => Ok(*b as u8),
        Value::Int(_) | Value::BigInt(_) => Err(vm.value_error(range_msg.into())),
        other => {
            let n = super::to_index(vm, other)?;
            if (0..256).contains(&n) {
                Ok(n as u8)
            } else {
                Err(vm.value_error(range_msg.into()))
            }
        }
    }
}

/// A bytes literal repr; `bytearray` reprs escape a single quote even
/// inside double quotes.
fn bytes_repr_impl(b: &[u8], always_escape_squote: bool) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut s = String::with_capacity(b.len() + 3);
    s.push('b');
    s.push(quote);
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\t' => s.push_str("\\t"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b'\'' if always_escape_squote => s.push_str("\\'"),
            c if c as char == quote => {
                s.push('\\');
                s.push(quote);
            }
            0x20..=0x7e => s.push(c as char),
            c => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push(quote);
    s
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Optional `start`/`end` slice arguments at positions `i`, `i + 1`.
fn range_args(vm: &mut Vm, args: &Args, i: usize, len: usize) -> PyResult<(usize, usize)> {
    let norm = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(x) => {
                let x = x.clone();
                let n = super::to_index(vm, &x)?;
                Ok(if n < 0 { (n + len as i64).max(0) } else { n.min(len as i64) })
            }
        }
    };
    let s = norm(vm, args.pos.get(i), 0)?;
    let e = norm(vm, args.pos.get(i + 1), len as i64)?;
    Ok((s as usize, e as usize))
}

fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The `sub` argument of find/count/index: bytes-like or an int byte.
fn sub_arg(vm: &mut Vm, v: Option<&Value>, fname: &str) -> PyResult<Vec<u8>> {
    match v {
        None => Err(vm.type_error(format!("{fname}() takes at least 1 argument (0 given)"))),
        Some(Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
            let v = v.cloned().unwrap_or(Value::None);
            Ok(vec![byte_value(vm, &v, "byte must be in range(0, 256)")?])
        }
        Some(x) => {
            let x = x.clone();
            match as_bytes(&x) {
                Some(b) => Ok(b.as_ref().clone()),
                None => {
                    let t = vm.type_name(&x);
                    Err(vm.type_error(format!(
                        "argument should be integer or bytes-like object, not '{t}'"
                    )))
                }
            }
        }
    }
}

// ---- decode / hex ------------------------------------------------------

fn norm_encoding(e: &str) -> String {
    e.trim().to_ascii_lowercase().replace('_', "-")
}

fn decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, data) = this(vm, &args)?;
    let enc = match args.get(1, "encoding") {
        None => "utf-8".to_string(),
        Some(Value::Str(s)) => s.s.clone(),
        Some(other) => {
            let t = vm.type_name(other);
            return Err(vm.type_error(format!("decode() argument 'encoding' must be str, not {t}")));
        }
    };
    let errors = match args.get(2, "errors") {
        None => "strict".to_string(),
        Some(Value::Str(s)) => s.s.clone(),
        Some(other) => {
            let t = vm.type_name(other);
            return Err(vm.type_error(format!("decode() argument 'errors' must be str, not {t}")));
        }
    };
    let n = norm_encoding(&enc);
    match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => decode_utf8(vm, &data, &errors),
        "ascii" | "us-ascii" | "646" => {
            let mut out = String::with_capacity(data.len());
            for (i, &c) in data.iter().enumerate() {
                if c < 0x80 {
                    out.push(c as char);
                    continue;
                }
                match errors.as_str() {
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => out.push_str(&format!("\\x{c:02x}")),
                    "strict" => {
                        let msg = format!(
                            "'ascii' codec can't decode byte 0x{c:02x} in position {i}: ordinal not in range(128)"
                        );
                        return Err(vm.new_error("UnicodeDecodeError", &msg));
                    }
                    other => return Err(vm.new_error("LookupError", &format!("unknown error handler name '{other}'"))),
                }
            }
            Ok(Value::string(out))
        }
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" | "latin" => {
            Ok(Value::string(data.iter().map(|&c| c as char).collect()))
        }
        _ => match crate::builtins::str_methods::utf16_32_codec(&n) {
            Some((width, big, bom)) => decode_utf16_32(vm, &data, width, big, bom, &n),
            None => Err(vm.new_error("LookupError", &format!("unknown encoding: {enc}"))),
        },
    }
}

/// UTF-16/32 decoding; the plain codec names read (and drop) a BOM.
fn decode_utf16_32(vm: &mut Vm, data: &[u8], width: usize, mut big: bool, bom: bool, name: &str) -> PyResult<Value> {
    let unit = |i: usize, big: bool| {
        let mut b = [0u8; 4];
        b[..width].copy_from_slice(&data[i..i + width]);
        if big {
            b[..width].reverse();
        }
        u32::from_le_bytes(b)
    };
    let mut start = 0;
    if bom && data.len() >= width {
        if unit(0, false) == 0xFEFF {
            start = width;
        } else if unit(0, true) == 0xFEFF {
            start = width;
            big = true;
        }
    }
    let full = start + (data.len() - start) / width * width;
    let units: Vec<u32> = (start..full).step_by(width).map(|i| unit(i, big)).collect();
    let codec = name.replace("le", "-le").replace("be", "-be").replace("--", "-");
    let fail = |vm: &mut Vm, pos: usize, end: usize, why: &str| {
        let msg = format!("'{codec}' codec can't decode bytes in position {pos}-{}: {why}", end - 1);
        Err(vm.new_error("UnicodeDecodeError", &msg))
    };
    let mut out = String::new();
    if width == 4 {
        for (k, u) in units.iter().enumerate() {
            match char::from_u32(*u) {
                Some(c) => out.push(c),
                None => return fail(vm, start + 4 * k, start + 4 * k + 4, "code point not in range(0x110000)"),
            }
        }
    } else {
        let u16s: Vec<u16> = units.iter().map(|&u| u as u16).collect();
        let mut k = 0;
        for r in char::decode_utf16(u16s.iter().copied()) {
            match r {
                Ok(c) => {
                    k += c.len_utf16();
                    out.push(c);
                }
                Err(_) => return fail(vm, start + 2 * k, start + 2 * k + 2, "illegal encoding"),
            }
        }
    }
    if full < data.len() {
        let msg = format!("'{codec}' codec can't decode byte 0x{:02x} in position {full}: truncated data", data[full]);
        return Err(vm.new_error("UnicodeDecodeError", &msg));
    }
    Ok(Value::string(out))
}

fn decode_utf8(vm: &mut Vm, data: &[u8], errors: &str) -> PyResult<Value> {
    let mut out = String::with_capacity(data.len());
    let mut rest = data;
    let mut pos = 0usize;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(Value::string(out));
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                let bad_len = e.error_len().unwrap_or(rest.len() - good);
                let start = pos + good;
                match errors {
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => {
                        for c in &rest[good..good + bad_len] {
                            out.push_str(&format!("\\x{c:02x}"));
                        }
                    }
                    "surrogateescape" | "strict" => {
                        let first = rest[good];
                        let reason = if e.error_len().is_none() {
                            "unexpected end of data"
                        } else if (0x80..0xc2).contains(&first) || first >= 0xf5 {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        let what = if bad_len == 1 {
                            format!("byte 0x{first:02x} in position {start}")
                        } else {
                            format!("bytes in position {start}-{}", start + bad_len - 1)
                        };
                        let msg = format!("'utf-8' codec can't decode {what}: {reason}");
                        return Err(vm.new_error("UnicodeDecodeError", &msg));
                    }
                    other => return Err(vm.new_error("LookupError", &format!("unknown error handler name '{other}'"))),
                }
                rest = &rest[good + bad_len..];
                pos = start + bad_len;
            }
        }
    }
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, data) = this(vm, &args)?;
    let sep = match args.get(1, "sep") {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => Some(s.s.clone()),
        Some(x) => match as_bytes(x) {
            Some(b) => Some(String::from_utf8_lossy(&b).into_owned()),
            None => {
                let t = vm.type_name(x);
                return Err(vm.type_error(format!("sep must be str or bytes., not {t}")));
            }
        },
    };
    let per = match args.get(2, "bytes_per_sep") {
        None => 1,
        Some(v) => {
            let v = v.clone();
            super::to_index(vm, &v)?
        }
    };
    let digits: Vec<String> = data.iter().map(|c| format!("{c:02x}")).collect();
    let Some(sep) = sep.filter(|_| per != 0) else { return Ok(Value::string(digits.concat())) };
    if sep.chars().count() != 1 {
        return Err(vm.value_error("sep must be length 1.".into()));
    }
    let n = per.unsigned_abs() as usize;
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        // groups counted from the right
        let first = digits.len() % n;
        if first > 0 {
            groups.push(digits[..first].concat());
        }
        for ch in digits[first..].chunks(n) {
            groups.push(ch.concat());
        }
    } else {
        for ch in digits.chunks(n) {
            groups.push(ch.concat());
        }
    }
    Ok(Value::string(groups.join(&sep)))
}

fn fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.pos.first().cloned().unwrap_or(Value::None);
    let s = match args.pos.get(1) {
        Some(Value::Str(s)) => s.s.clone(),
        Some(other) => {
            let t = vm.type_name(other);
            return Err(vm.type_error(format!("fromhex() argument must be str, not {t}")));
        }
        None => return Err(vm.type_error("fromhex() takes exactly one argument (0 given)".into())),
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = c.to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 2;
            }
            (Some(_), None) => {
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i + 1
                )))
            }
            _ => {
                return Err(vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}")))
            }
        }
    }
    match &cls {
        Value::Class(c) if bytearray_class().map(|b| c.is_subclass(&b)).unwrap_or(false) => {
            Ok(new_bytearray_of(c.clone(), out))
        }
        _ => Ok(Value::Bytes(Rc::new(out))),
    }
}

// ---- case and predicates -----------------------------------------------

fn map_bytes(vm: &mut Vm, args: Args, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let (me, data) = this(vm, &args)?;
    Ok(same_kind(&me, f(&data)))
}

/// `b % args` (PEP 461); a bytearray format gives a bytearray.
fn mod_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (v, data) = this(vm, &args)?;
    let operand = args.pos.get(1).cloned().unwrap_or(Value::None);
    match super::bytes_percent(vm, &data, &operand)? {
        Value::Bytes(out) if is_bytearray(&v) => Ok(new_bytearray(out.to_vec())),
        r => Ok(r),
    }
}

fn upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, |b| b.to_ascii_uppercase())
}

fn lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, |b| b.to_ascii_lowercase())
}

fn swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, |b| {
        b.iter()
            .map(|c| if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect()
    })
}

fn capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, |b| {
        b.iter().enumerate().map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect()
    })
}

fn title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(vm, args, |b| {
        let mut prev_cased = false;
        b.iter()
            .map(|&c| {
                let r = if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                prev_cased = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn pred(vm: &mut Vm, args: Args, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    let (_, data) = this(vm, &args)?;
    Ok(Value::Bool(f(&data)))
}

fn isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |b| !b.is_empty() && b.iter().all(u8::is_ascii_digit))
}

fn isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |b| !b.is_empty() && b.iter().all(u8::is_ascii_alphabetic))
}

fn isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |b| !b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric))
}

fn isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |b| !b.is_empty() && b.iter().all(|c| is_space(*c)))
}

fn isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |b| b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase))
}

fn islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |b| b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase))
}

fn isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred(vm, args, |b| b.is_ascii())
}

// ---- strip / split / join / replace ------------------------------------

fn strip_impl(vm: &mut Vm, args: Args, left: bool, right: bool) -> PyResult<Value> {
    let (me, data) = this(vm, &args)?;
    let chars: Option<Rc<Vec<u8>>> = match args.pos.get(1) {
        None | Some(Value::None) => None,
        Some(x) => Some(bytes_arg(vm, x)?),
    };
    let keep = |c: &u8| match &chars {
        None => is_space(*c),
        Some(set) => set.contains(c),
    };
    let mut s = 0;
    let mut e = data.len();
    if left {
        while s < e && keep(&data[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && keep(&data[e - 1]) {
            e -= 1;
        }
    }
    Ok(same_kind(&me, data[s..e].to_vec()))
}

fn strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, true, true)
}

fn lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, true, false)
}

fn rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, false, true)
}

fn split_args(vm: &mut Vm, args: &Args) -> PyResult<(Option<Rc<Vec<u8>>>, i64)> {
    let sep = match args.get(1, "sep") {
        None | Some(Value::None) => None,
        Some(x) => {
            let x = x.clone();
            let b = bytes_arg(vm, &x)?;
            if b.is_empty() {
                return Err(vm.value_error("empty separator".into()));
            }
            Some(b)
        }
    };
    let maxsplit = match args.get(2, "maxsplit") {
        None => -1,
        Some(v) => {
            let v = v.clone();
            super::to_index(vm, &v)?
        }
    };
    Ok((sep, maxsplit))
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, data) = this(vm, &args)?;
    let (sep, maxsplit) = split_args(vm, &args)?;
    let mut parts: Vec<Vec<u8>> = Vec::new();
    let mut left = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    match sep {
        Some(sep) => {
            let mut rest: &[u8] = &data;
            while left > 0 {
                match find_sub(rest, &sep) {
                    Some(i) => {
                        parts.push(rest[..i].to_vec());
                        rest = &rest[i + sep.len()..];
                        left -= 1;
                    }
                    None => break,
                }
            }
            parts.push(rest.to_vec());
        }
        None => {
            let mut i = 0;
            let n = data.len();
            loop {
                while i < n && is_space(data[i]) {
                    i += 1;
                }
                if i >= n {
                    break;
                }
                if left == 0 {
                    parts.push(data[i..].to_vec());
                    break;
                }
                let s = i;
                while i < n && !is_space(data[i]) {
                    i += 1;
                }
                parts.push(data[s..i].to_vec());
                left -= 1;
            }
        }
    }
    Ok(Value::list(parts.into_iter().map(|p| same_kind(&me, p)).collect()))
}

fn rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, data) = this(vm, &args)?;
    let (sep, maxsplit) = split_args(vm, &args)?;
    let mut parts: Vec<Vec<u8>> = Vec::new();
    let mut left = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    match sep {
        Some(sep) => {
            let mut rest: &[u8] = &data;
            while left > 0 {
                match rfind_sub(rest, &sep) {
                    Some(i) if !sep.is_empty() => {
                        parts.push(rest[i + sep.len()..].to_vec());
                        rest = &rest[..i];
                        left -= 1;
                    }
                    _ => break,
                }
            }
            parts.push(rest.to_vec());
        }
        None => {
            let mut e = data.len();
            loop {
                while e > 0 && is_space(data[e - 1]) {
                    e -= 1;
                }
                if e == 0 {
                    break;
                }
                if left == 0 {
                    parts.push(data[..e].to_vec());
                    break;
                }
                let end = e;
                while e > 0 && !is_space(data[e - 1]) {
                    e -= 1;
                }
                parts.push(data[e..end].to_vec());
                left -= 1;
            }
        }
    }
    parts.reverse();
    Ok(Value::list(parts.into_iter().map(|p| same_kind(&me, p)).collect()))
}

fn splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, data) = this(vm, &args)?;
    let keep = match args.get(1, "keepends") {
        Some(v) => {
            let v = v.clone();
            vm.truthy(&v)?
        }
        None => false,
    };
    let mut parts = Vec::new();
    let mut i = 0;
    let mut s = 0;
    let n = data.len();
    while i < n {
        let c = data[i];
        if c == b'\n' || c == b'\r' {
            let mut e = i + 1;
            if c == b'\r' && i + 1 < n && data[i + 1] == b'\n' {
                e += 1;
            }
            parts.push(same_kind(&me, data[s..if keep { e } else { i }].to_vec()));
            s = e;
            i = e;
        } else {
            i += 1;
        }
    }
    if s < n {
        parts.push(same_kind(&me, data[s..].to_vec()));
    }
    Ok(Value::list(parts))
}

fn join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, data) = this(vm, &args)?;
    let Some(it) = args.pos.get(1).cloned() else {
        return Err(vm.type_error("join() takes exactly one argument (0 given)".into()));
    };
    let items = vm.collect(&it)?;
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&data);
        }
        match as_bytes(x) {
            Some(b) => out.extend_from_slice(&b),
            None => {
                let t = vm.type_name(x);
                return Err(vm.type_error(format!("sequence item {i}: expected a bytes-like object, {t} found")));
            }
        }
    }
    vm.charge(out.len())?;
    Ok(same_kind(&me, out))
}

fn replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, data) = this(vm, &args)?;
    if args.pos.len() < 3 {
        return Err(vm.type_error(format!("replace expected at least 2 arguments, got {}", args.pos.len() - 1)));
    }
    let old = bytes_arg(vm, &args.pos[1])?;
    let new = bytes_arg(vm, &args.pos[2])?;
    let count = match args.get(3, "count") {
        None => -1,
        Some(v) => {
            let v = v.clone();
            super::to_index(vm, &v)?
        }
    };
    let mut left = if count < 0 { usize::MAX } else { count as usize };
    let mut out = Vec::with_capacity(data.len());
    if old.is_empty() {
        for (i, &c) in data.iter().enumerate() {
            if left > 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(c);
            let _ = i;
        }
        if left > 0 {
            out.extend_from_slice(&new);
        }
        vm.charge(out.len())?;
        return Ok(same_kind(&me, out));
    }
    let mut rest: &[u8] = &data;
    while left > 0 {
        match find_sub(rest, &old) {
            Some(i) => {
                out.extend_from_slice(&rest[..i]);
                out.extend_from_slice(&new);
                rest = &rest[i + old.len()..];
                left -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(rest);
    vm.charge(out.len())?;
    Ok(same_kind(&me, out))
}

fn affix_impl(vm: &mut Vm, args: Args, fname: &str, end: bool) -> PyResult<Value> {
    let (_, data) = this(vm, &args)?;
    let Some(p) = args.pos.get(1).cloned() else {
        return Err(vm.type_error(format!("{fname}() takes at least 1 argument (0 given)")));
    };
    let (s, e) = range_args(vm, &args, 2, data.len())?;
    let hay: &[u8] = if s <= e { &data[s..e] } else { &[] };
    let candidates: Vec<Value> = match &p {
        Value::Tuple(t) => t.as_ref().clone(),
        other => vec![other.clone()],
    };
    if s > e {
        return Ok(Value::Bool(false));
    }
    for c in candidates {
        let Some(b) = as_bytes(&c) else {
            let t = vm.type_name(&c);
            return Err(vm.type_error(if matches!(p, Value::Tuple(_)) {
                format!("a bytes-like object is required, not '{t}'")
            } else {
                format!("{fname} first arg must be bytes or a tuple of bytes, not {t}")
            }));
        };
        let hit = if end { hay.ends_with(&b) } else { hay.starts_with(&b) };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_impl(vm, args, "startswith", false)
}

fn endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_impl(vm, args, "endswith", true)
}

fn removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, data) = this(vm, &args)?;
    let p = match args.pos.get(1) {
        Some(x) => bytes_arg(vm, &x.clone())?,
        None => return Err(vm.type_error("removeprefix() takes exactly one argument (0 given)".into())),
    };
    let out = if data.starts_with(&p) { data[p.len()..].to_vec() } else { data.to_vec() };
    Ok(same_kind(&me, out))
}

fn removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, data) = this(vm, &args)?;
    let p = match args.pos.get(1) {
        Some(x) => bytes_arg(vm, &x.clone())?,
        None => return Err(vm.type_error("removesuffix() takes exactly one argument (0 given)".into())),
    };
    let out = if !p.is_empty() && data.ends_with(&p) { data[..data.len() - p.len()].to_vec() } else { data.to_vec() };
    Ok(same_kind(&me, out))
}

/// find/rfind/index/rindex: the position or None.
fn search(vm: &mut Vm, args: &Args, fname: &str, rev: bool) -> PyResult<Option<usize>> {
    let (_, data) = this(vm, args)?;
    let sub = sub_arg(vm, args.pos.get(1), fname)?;
    let (s, e) = range_args(vm, args, 2, data.len())?;
    if s > e || e - s < sub.len() {
        return Ok(None);
    }
    let hay = &data[s..e];
    Ok(if rev { rfind_sub(hay, &sub) } else { find_sub(hay, &sub) }.map(|i| i + s))
}

fn find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(search(vm, &args, "find", false)?.map(|i| i as i64).unwrap_or(-1)))
}

fn rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(search(vm, &args, "rfind", true)?.map(|i| i as i64).unwrap_or(-1)))
}

fn index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match search(vm, &args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("subsection not found".into())),
    }
}

fn rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match search(vm, &args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("subsection not found".into())),
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, data) = this(vm, &args)?;
    let sub = sub_arg(vm, args.pos.get(1), "count")?;
    let (s, e) = range_args(vm, &args, 2, data.len())?;
    if s > e {
        return Ok(Value::Int(0));
    }
    let hay = &data[s..e];
    if sub.is_empty() {
        return Ok(Value::Int(hay.len() as i64 + 1));
    }
    let mut n = 0;
    let mut i = 0;
    while i + sub.len() <= hay.len() {
        if &hay[i..i + sub.len()] == sub.as_slice() {
            n += 1;
            i += sub.len();
        } else {
            i += 1;
        }
    }
    Ok(Value::Int(n))
}

fn partition_impl(vm: &mut Vm, args: Args, rev: bool) -> PyResult<Value> {
    let (me, data) = this(vm, &args)?;
    let Some(sepv) = args.pos.get(1).cloned() else {
        return Err(vm.type_error("partition() takes exactly one argument (0 given)".into()));
    };
    let sep = bytes_arg(vm, &sepv)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator".into()));
    }
    let found = if rev { rfind_sub(&data, &sep) } else { find_sub(&data, &sep) };
    let parts = match found {
        Some(i) => [data[..i].to_vec(), sep.to_vec(), data[i + sep.len()..].to_vec()],
        None if rev => [Vec::new(), Vec::new(), data.to_vec()],
        None => [data.to_vec(), Vec::new(), Vec::new()],
    };
    Ok(Value::tuple(parts.into_iter().map(|p| same_kind(&me, p)).collect()))
}

fn partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, false)
}

fn rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, true)
}

fn pad_impl(vm: &mut Vm, args: Args, fname: &str, how: u8) -> PyResult<Value> {
    let (me, data) = this(vm, &args)?;
    let Some(w) = args.pos.get(1).cloned() else {
        return Err(vm.type_error(format!("{fname}() takes at least 1 argument (0 given)")));
    };
    let width = super::to_index(vm, &w)?;
    let fill = match args.pos.get(2) {
        None => b' ',
        Some(f) => match as_bytes(f) {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                let t = vm.type_name(f);
                return Err(vm.type_error(format!(
                    "{fname}() argument 2 must be a byte string of length 1, not {t}"
                )));
            }
        },
    };
    let len = data.len() as i64;
    if width <= len {
        return Ok(same_kind(&me, data.to_vec()));
    }
    let total = (width - len) as usize;
    vm.charge(width as usize)?;
    let (l, r) = match how {
        b'l' => (0, total),
        b'r' => (total, 0),
        _ => {
            // CPython's centering: extra space goes left when width is odd
            let l = total / 2 + (total & width as usize & 1);
            (l, total - l)
        }
    };
    let mut out = vec![fill; l];
    out.extend_from_slice(&data);
    out.extend(std::iter::repeat(fill).take(r));
    Ok(same_kind(&me, out))
}

fn center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, args, "center", b'c')
}

fn ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, args, "ljust", b'l')
}

fn rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, args, "rjust", b'r')
}

fn zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, data) = this(vm, &args)?;
    let Some(w) = args.pos.get(1).cloned() else {
        return Err(vm.type_error("zfill() takes exactly one argument (0 given)".into()));
    };
    let width = super::to_index(vm, &w)?;
    if width <= data.len() as i64 {
        return Ok(same_kind(&me, data.to_vec()));
    }
    let fill = width as usize - data.len();
    let mut out = Vec::with_capacity(width as usize);
    let (sign, rest): (&[u8], &[u8]) = match data.first() {
        Some(b'+') | Some(b'-') => (&data[..1], &data[1..]),
        _ => (&[], &data[..]),
    };
    out.extend_from_slice(sign);
    out.extend(std::iter::repeat(b'0').take(fill));
    out.extend_from_slice(rest);
    Ok(same_kind(&me, out))
}

// ---- bytearray ------------------------------------------------------------

fn ba_ctor(vm: &mut Vm, cls: Rc<Class>, args: Args) -> PyResult<Value> {
    let data = ctor_source(vm, &args, "bytearray")?;
    Ok(new_bytearray_of(cls, data))
}

/// The contents `bytes(source, encoding, errors)` and `bytearray(...)`
/// start with, by CPython's rules: a str needs an encoding and only a str
/// takes one; an int is that many zeros; else a buffer or an iterable of
/// ints in range(256). `kind` is "bytes" or "bytearray".
pub fn ctor_source(vm: &mut Vm, args: &Args, kind: &str) -> PyResult<Vec<u8>> {
    let source = args.get(0, "source").cloned();
    let encoding = args.get(1, "encoding").cloned();
    let errors = args.get(2, "errors").cloned();
    let codec = encoding.is_some() || errors.is_some();
    let without = if encoding.is_some() { "encoding" } else { "errors" };
    match source {
        None if codec => Err(vm.type_error(format!("{without} without a string argument"))),
        None => Ok(Vec::new()),
        Some(s @ Value::Str(_)) if codec => {
            let mut call = vec![encoding.unwrap_or_else(|| Value::str("utf-8"))];
            call.extend(errors);
            let encoded = vm.call_method(&s, "encode", call)?;
            Ok(as_bytes(&encoded).map(|b| b.as_ref().clone()).unwrap_or_default())
        }
        Some(_) if codec => Err(vm.type_error(format!("{without} without a string argument"))),
        Some(Value::Str(_)) => Err(vm.type_error("string argument without an encoding".into())),
        Some(Value::Int(n)) if n < 0 => Err(vm.value_error("negative count".into())),
        Some(Value::Int(n)) => {
            vm.charge(n as usize)?;
            Ok(vec![0; n as usize])
        }
        Some(Value::Bool(b)) => Ok(vec![0; b as usize]),
        Some(x) if !convertible(&x) => {
            let name = vm.type_name(&x);
            Err(vm.type_error(format!("cannot convert '{name}' object to {kind}")))
        }
        Some(x) => {
            if let Some(buffer) = as_bytes(&x) {
                return Ok(buffer.as_ref().clone());
            }
            let range = if kind == "bytes" { "bytes must be in range(0, 256)" } else { "byte must be in range(0, 256)" };
            let items = vm.collect(&x)?;
            items.iter().map(|i| byte_value(vm, i, range)).collect()
        }
    }
}

/// Whether `bytes(x)` can read `x` as a buffer or an iterable.
fn convertible(x: &Value) -> bool {
    match x {
        Value::None | Value::NotImplemented | Value::Ellipsis | Value::Float(_) => false,
        Value::Function(_) | Value::Builtin(_) => false,
        Value::Obj(o) => {
            matches!(o.payload, Payload::Iter(_) | Payload::Gen(_) | Payload::Range { .. } | Payload::Base(_) | Payload::Cell(_))
                || o.class.lookup("__iter__").is_some()
                || o.class.lookup("__getitem__").is_some()
        }
        _ => true,
    }
}

fn ba_this(vm: &mut Vm, args: &Args) -> PyResult<(Value, Vec<u8>)> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    match (is_bytearray(&v), as_bytes(&v)) {
        (true, Some(b)) => Ok((v, b.as_ref().clone())),
        _ => {
            let t = vm.type_name(&v);
            Err(vm.type_error(format!("descriptor requires a 'bytearray' object but received a '{t}'")))
        }
    }
}

fn one_arg<'a>(vm: &mut Vm, args: &'a Args, fname: &str) -> PyResult<&'a Value> {
    match args.pos.get(1) {
        Some(v) if args.pos.len() == 2 => Ok(v),
        _ => Err(vm.type_error(format!(
            "bytearray.{fname}() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        ))),
    }
}

fn ba_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, mut data) = ba_this(vm, &args)?;
    let x = one_arg(vm, &args, "append")?.clone();
    data.push(byte_value(vm, &x, "byte must be in range(0, 256)")?);
    set_data(&me, data);
    Ok(Value::None)
}

fn ba_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, _) = ba_this(vm, &args)?;
    let x = one_arg(vm, &args, "extend")?.clone();
    if let Value::Str(_) = x {
        return Err(vm.type_error("expected iterable of integers; got: 'str'".into()));
    }
    let more = bytes_from_iterable(vm, &x)?;
    let mut data = as_bytes(&me).map(|b| b.as_ref().clone()).unwrap_or_default();
    data.extend(more);
    set_data(&me, data);
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, mut data) = ba_this(vm, &args)?;
    let i = match args.pos.get(1) {
        None => -1,
        Some(v) => {
            let v = v.clone();
            super::to_index(vm, &v)?
        }
    };
    if data.is_empty() {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let j = if i < 0 { i + data.len() as i64 } else { i };
    if j < 0 || j >= data.len() as i64 {
        return Err(vm.index_error("pop index out of range"));
    }
    let c = data.remove(j as usize);
    set_data(&me, data);
    Ok(Value::Int(c as i64))
}

fn ba_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, mut data) = ba_this(vm, &args)?;
    if args.pos.len() != 3 {
        return Err(vm.type_error(format!("insert expected 2 arguments, got {}", args.pos.len().saturating_sub(1))));
    }
    let i = super::to_index(vm, &args.pos[1])?;
    let c = byte_value(vm, &args.pos[2], "byte must be in range(0, 256)")?;
    let n = data.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    data.insert(j as usize, c);
    set_data(&me, data);
    Ok(Value::None)
}

fn ba_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, mut data) = ba_this(vm, &args)?;
    let x = one_arg(vm, &args, "remove")?.clone();
    let c = byte_value(vm, &x, "byte must be in range(0, 256)")?;
    match data.iter().position(|b| *b == c) {
        Some(i) => {
            data.remove(i);
            set_data(&me, data);
            Ok(Value::None)
        }
        None => Err(vm.value_error("value not found in bytearray".into())),
    }
}

fn ba_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, _) = ba_this(vm, &args)?;
    set_data(&me, Vec::new());
    Ok(Value::None)
}

fn ba_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, data) = ba_this(vm, &args)?;
    Ok(new_bytearray(data))
}

fn ba_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, mut data) = ba_this(vm, &args)?;
    data.reverse();
    set_data(&me, data);
    Ok(Value::None)
}

fn is_slice(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload, Payload::Slice(..)))
}

fn norm_index(vm: &mut Vm, idx: &Value, len: usize, what: &str) -> PyResult<usize> {
    let i = match idx {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Obj(_) => {
            if let Value::BigInt(_) = idx {
                return Err(vm.index_error("cannot fit 'int' into an index-sized integer"));
            }
            super::to_index(vm, idx).map_err(|_| {
                let t = vm.type_name(idx);
                vm.type_error(format!("bytearray indices must be integers or slices, not {t}"))
            })?
        }
        other => {
            let t = vm.type_name(other);
            return Err(vm.type_error(format!("bytearray indices must be integers or slices, not {t}")));
        }
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error(&format!("{what} index out of range")));
    }
    Ok(j as usize)
}

fn slice_positions(vm: &mut Vm, idx: &Value, len: usize) -> PyResult<(Vec<usize>, i64, i64, i64)> {
    let (a, b, c) = super::subscript::slice_indices(vm, idx, len as i64)?;
    let mut out = Vec::new();
    let mut i = a;
    while (c > 0 && i < b) || (c < 0 && i > b) {
        out.push(i as usize);
        i += c;
    }
    Ok((out, a, b, c))
}

fn ba_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, data) = ba_this(vm, &args)?;
    let idx = one_arg(vm, &args, "__getitem__")?.clone();
    if is_slice(&idx) {
        let (pos, ..) = slice_positions(vm, &idx, data.len())?;
        return Ok(new_bytearray(pos.into_iter().map(|i| data[i]).collect()));
    }
    let i = norm_index(vm, &idx, data.len(), "bytearray")?;
    Ok(Value::Int(data[i] as i64))
}

fn ba_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, mut data) = ba_this(vm, &args)?;
    if args.pos.len() != 3 {
        return Err(vm.type_error("expected 2 arguments".into()));
    }
    let idx = args.pos[1].clone();
    let x = args.pos[2].clone();
    if is_slice(&idx) {
        let src = match &x {
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                return Err(vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)".into()))
            }
            Value::Str(_) => {
                return Err(vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)".into()))
            }
            other => bytes_from_iterable(vm, other)?,
        };
        let (pos, a, b, c) = slice_positions(vm, &idx, data.len())?;
        if c == 1 {
            let a = a as usize;
            let b = (b.max(a as i64)) as usize;
            data.splice(a..b, src);
        } else {
            if pos.len() != src.len() {
                return Err(vm.value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {}",
                    src.len(),
                    pos.len()
                )));
            }
            for (p, v) in pos.into_iter().zip(src) {
                data[p] = v;
            }
        }
        set_data(&me, data);
        return Ok(Value::None);
    }
    let i = norm_index(vm, &idx, data.len(), "bytearray")?;
    data[i] = byte_value(vm, &x, "byte must be in range(0, 256)")?;
    set_data(&me, data);
    Ok(Value::None)
}

fn ba_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, mut data) = ba_this(vm, &args)?;
    let idx = one_arg(vm, &args, "__delitem__")?.clone();
    if is_slice(&idx) {
        let (pos, ..) = slice_positions(vm, &idx, data.len())?;
        let drop: std::collections::HashSet<usize> = pos.into_iter().collect();
        data = data.into_iter().enumerate().filter(|(i, _)| !drop.contains(i)).map(|(_, c)| c).collect();
    } else {
        let i = norm_index(vm, &idx, data.len(), "bytearray")?;
        data.remove(i);
    }
    set_data(&me, data);
    Ok(Value::None)
}

fn ba_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, data) = ba_this(vm, &args)?;
    Ok(Value::Int(data.len() as i64))
}

fn ba_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, data) = ba_this(vm, &args)?;
    vm.get_iter(&Value::Bytes(Rc::new(data)))
}

fn ba_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, data) = ba_this(vm, &args)?;
    let x = one_arg(vm, &args, "__contains__")?.clone();
    let sub = sub_arg(vm, Some(&x), "__contains__").map_err(|e| {
        if matches!(x, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
            e
        } else {
            let t = vm.type_name(&x);
            vm.type_error(format!("a bytes-like object is required, not '{t}'"))
        }
    })?;
    Ok(Value::Bool(find_sub(&data, &sub).is_some()))
}

fn cmp_impl(vm: &mut Vm, args: &Args, f: fn(std::cmp::Ordering) -> bool) -> PyResult<Value> {
    let (_, data) = ba_this(vm, args)?;
    let Some(other) = args.pos.get(1) else { return Ok(Value::NotImplemented) };
    match as_bytes(other) {
        Some(b) => Ok(Value::Bool(f(data.as_slice().cmp(b.as_slice())))),
        None => Ok(Value::NotImplemented),
    }
}

fn ba_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    cmp_impl(vm, &args, |o| o.is_eq())
}

fn ba_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    cmp_impl(vm, &args, |o| o.is_ne())
}

fn ba_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    cmp_impl(vm, &args, |o| o.is_lt())
}

fn ba_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    cmp_impl(vm, &args, |o| o.is_le())
}

fn ba_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    cmp_impl(vm, &args, |o| o.is_gt())
}

fn ba_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    cmp_impl(vm, &args, |o| o.is_ge())
}

fn ba_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, mut data) = ba_this(vm, &args)?;
    let Some(other) = args.pos.get(1).cloned() else { return Ok(Value::NotImplemented) };
    match as_bytes(&other) {
        Some(b) => {
            data.extend_from_slice(&b);
            Ok(new_bytearray(data))
        }
        None => {
            let t = vm.type_name(&other);
            Err(vm.type_error(format!("can't concat {t} to {}", kind_name(&args.pos[0]))))
        }
    }
}

fn ba_iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, mut data) = ba_this(vm, &args)?;
    let Some(other) = args.pos.get(1).cloned() else { return Ok(Value::NotImplemented) };
    match as_bytes(&other) {
        Some(b) => {
            data.extend_from_slice(&b);
            set_data(&me, data);
            Ok(me)
        }
        None => {
            let t = vm.type_name(&other);
            Err(vm.type_error(format!("can't concat {t} to bytearray")))
        }
    }
}

fn ba_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, data) = ba_this(vm, &args)?;
    let Some(n) = args.pos.get(1).cloned() else { return Ok(Value::NotImplemented) };
    let n = match n {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        _ => return Ok(Value::NotImplemented),
    };
    let n = n.max(0) as usize;
    vm.charge(data.len().saturating_mul(n))?;
    Ok(new_bytearray(data.repeat(n)))
}

fn ba_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (me, data) = ba_this(vm, &args)?;
    let name = vm.type_name(&me);
    Ok(Value::string(format!("{name}({})", bytes_repr_impl(&data, true))))
}
