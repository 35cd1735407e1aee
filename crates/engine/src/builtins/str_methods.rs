//! Methods of the builtin str type.

use std::rc::Rc;

use super::{case, to_index};
use crate::types::{add_method, builtin_fn};
use crate::value::{Args, Obj, Payload, PyStr, Value};
use crate::vm::{PyResult, Vm};

/// Registers the methods on the builtin class.
pub fn install(vm: &mut Vm) {
    let c = vm.types.str.clone();
    let methods: &[(&'static str, crate::value::BuiltinFn)] = &[
        ("join", s_join),
        ("split", s_split),
        ("rsplit", s_rsplit),
        ("strip", s_strip),
        ("lstrip", s_lstrip),
        ("rstrip", s_rstrip),
        ("replace", s_replace),
        ("startswith", s_startswith),
        ("endswith", s_endswith),
        ("find", s_find),
        ("rfind", s_rfind),
        ("index", s_index),
        ("rindex", s_rindex),
        ("count", s_count),
        ("upper", s_upper),
        ("lower", s_lower),
        ("title", s_title),
        ("capitalize", s_capitalize),
        ("swapcase", s_swapcase),
        ("casefold", s_casefold),
        ("center", s_center),
        ("ljust", s_ljust),
        ("rjust", s_rjust),
        ("zfill", s_zfill),
        ("isdigit", s_isdigit),
        ("isalpha", s_isalpha),
        ("isalnum", s_isalnum),
        ("isspace", s_isspace),
        ("isupper", s_isupper),
        ("islower", s_islower),
        ("istitle", s_istitle),
        ("isdecimal", s_isdecimal),
        ("isnumeric", s_isnumeric),
        ("isidentifier", s_isidentifier),
        ("isascii", s_isascii),
        ("isprintable", s_isprintable),
        ("partition", s_partition),
        ("rpartition", s_rpartition),
        ("splitlines", s_splitlines),
        ("expandtabs", s_expandtabs),
        ("removeprefix", s_removeprefix),
        ("removesuffix", s_removesuffix),
        ("encode", s_encode),
        ("format", s_format),
        ("format_map", s_format_map),
        ("translate", s_translate),
        ("__len__", s_len),
        ("__contains__", s_contains),
        ("__getitem__", s_getitem),
        ("__add__", s_add),
        ("__mul__", s_mul),
        ("__rmul__", s_mul),
        ("__mod__", s_mod),
    ];
    for (name, f) in methods {
        add_method(&c, name, "str", *f);
    }
    let sm = vm.types.staticmethod.clone();
    let f = builtin_fn("maketrans", s_maketrans);
    let obj = Value::Obj(Rc::new(Obj::new(sm, Payload::StaticMethod(f))));
    c.dict.borrow_mut().set_str("maketrans", obj);
}

// ---------------------------------------------------------------- helpers

fn this(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Rc<PyStr>> {
    match args.pos.first().and_then(|v| vm.base_value(v)) {
        Some(Value::Str(s)) => Ok(s),
        Some(v) => {
            let t = vm.type_name(&v);
            Err(vm.type_error(format!("descriptor '{name}' for 'str' objects doesn't apply to a '{t}' object")))
        }
        None => Err(vm.type_error(format!("unbound method str.{name}() needs an argument"))),
    }
}

/// Argument `i` (1-based after self) or keyword `kw`.
fn arg<'a>(args: &'a Args, i: usize, kw: &str) -> Option<&'a Value> {
    args.pos.get(i).or_else(|| if kw.is_empty() { None } else { args.kw(kw) })
}

fn max_args(vm: &mut Vm, args: &Args, name: &str, max: usize) -> PyResult<()> {
    let n = args.pos.len().saturating_sub(1);
    if n > max {
        let msg = match max {
            0 => format!("str.{name}() takes no arguments ({n} given)"),
            1 => format!("str.{name}() takes exactly one argument ({n} given)"),
            _ => format!("{name} expected at most {max} arguments, got {n}"),
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

fn min_args(vm: &mut Vm, args: &Args, name: &str, min: usize) -> PyResult<()> {
    let n = args.pos.len().saturating_sub(1) + args.kw.len();
    if n < min {
        let msg = if min == 1 {
            format!("{name}() takes at least 1 argument (0 given)")
        } else {
            format!("{name} expected at least {min} arguments, got {n}")
        };
        let msg = if min == 1 && !matches!(name, "startswith" | "endswith" | "find" | "rfind" | "index" | "rindex" | "count") {
            format!("str.{name}() takes exactly one argument (0 given)")
        } else {
            msg
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

fn str_arg(vm: &mut Vm, v: &Value) -> Option<Rc<PyStr>> {
    match vm.base_value(v) {
        Some(Value::Str(s)) => Some(s),
        _ => None,
    }
}

fn must_str(vm: &mut Vm, v: &Value, prefix: &str) -> PyResult<Rc<PyStr>> {
    match str_arg(vm, v) {
        Some(s) => Ok(s),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(format!("{prefix}must be str, not {t}")))
        }
    }
}

fn ret(s: String) -> PyResult<Value> {
    Ok(Value::string(s))
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// Optional start/end indices (slice semantics) clipped to `len`.
fn range_args(vm: &mut Vm, args: &Args, first: usize, len: usize) -> PyResult<(i64, i64)> {
    let len = len as i64;
    let fix = |x: i64| if x < 0 { (x + len).max(0) } else { x };
    let start = match args.pos.get(first) {
        None | Some(Value::None) => 0,
        Some(v) => {
            let v = v.clone();
            fix(slice_index(vm, &v)?)
        }
    };
    let end = match args.pos.get(first + 1) {
        None | Some(Value::None) => len,
        Some(v) => {
            let v = v.clone();
            fix(slice_index(vm, &v)?).min(len)
        }
    };
    Ok((start, end))
}

fn slice_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::Obj(_) => to_index(vm, v),
        Value::BigInt(b) => Ok(if b.sign() == crate::bigint::Sign::Minus { i64::MIN / 2 } else { i64::MAX / 2 }),
        _ => Err(vm.type_error("slice indices must be integers or None or have an __index__ method".into())),
    }
}

fn find_sub(h: &[char], n: &[char], from: usize, to: usize) -> Option<usize> {
    if to < from || to - from < n.len() {
        return None;
    }
    (from..=to - n.len()).find(|&i| &h[i..i + n.len()] == n)
}

fn rfind_sub(h: &[char], n: &[char], from: usize, to: usize) -> Option<usize> {
    if to < from || to - from < n.len() {
        return None;
    }
    (from..=to - n.len()).rev().find(|&i| &h[i..i + n.len()] == n)
}

// ---------------------------------------------------------------- join/split

fn s_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "join")?;
    max_args(vm, &args, "join", 1)?;
    min_args(vm, &args, "join", 1)?;
    let it = args.pos[1].clone();
    let items = match &it {
        Value::Int(_) | Value::Float(_) | Value::None | Value::Bool(_) | Value::BigInt(_) => {
            return Err(vm.type_error("can only join an iterable".into()));
        }
        _ => vm.collect(&it)?,
    };
    let mut out = String::new();
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&s.s);
        }
        match str_arg(vm, v) {
            Some(p) => out.push_str(&p.s),
            None => {
                let t = vm.type_name(v);
                return Err(vm.type_error(format!("sequence item {i}: expected str instance, {t} found")));
            }
        }
    }
    vm.charge(out.len())?;
    ret(out)
}

fn split_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Option<Rc<PyStr>>, i64)> {
    if args.pos.len() > 3 {
        let n = args.pos.len() - 1;
        return Err(vm.type_error(format!("{name}() takes at most 2 arguments ({n} given)")));
    }
    let sep = match arg(args, 1, "sep") {
        None | Some(Value::None) => None,
        Some(v) => {
            let v = v.clone();
            match str_arg(vm, &v) {
                Some(s) => {
                    if s.s.is_empty() {
                        return Err(vm.value_error("empty separator".into()));
                    }
                    Some(s)
                }
                None => {
                    let t = vm.type_name(&v);
                    return Err(vm.type_error(format!("must be str or None, not {t}")));
                }
            }
        }
    };
    let maxsplit = match arg(args, 2, "maxsplit") {
        None => -1,
        Some(v) => {
            let v = v.clone();
            to_index(vm, &v)?
        }
    };
    Ok((sep, maxsplit))
}

fn s_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "split")?;
    let (sep, maxsplit) = split_args(vm, &args, "split")?;
    let mut parts: Vec<String> = Vec::new();
    let max = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    match sep {
        None => {
            let mut rest = s.s.trim_start_matches(is_space);
            while !rest.is_empty() {
                if parts.len() >= max {
                    parts.push(rest.to_string());
                    break;
                }
                match rest.find(is_space) {
                    Some(i) => {
                        parts.push(rest[..i].to_string());
                        rest = rest[i..].trim_start_matches(is_space);
                    }
                    None => {
                        parts.push(rest.to_string());
                        break;
                    }
                }
            }
        }
        Some(sep) => {
            let mut rest: &str = &s.s;
            let mut n = 0;
            while n < max {
                match rest.find(&sep.s) {
                    Some(i) => {
                        parts.push(rest[..i].to_string());
                        rest = &rest[i + sep.s.len()..];
                        n += 1;
                    }
                    None => break,
                }
            }
            parts.push(rest.to_string());
        }
    }
    Ok(Value::list(parts.into_iter().map(Value::string).collect()))
}

fn s_rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "rsplit")?;
    let (sep, maxsplit) = split_args(vm, &args, "rsplit")?;
    let mut parts: Vec<String> = Vec::new();
    let max = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    match sep {
        None => {
            let mut rest = s.s.trim_end_matches(is_space);
            while !rest.is_empty() {
                if parts.len() >= max {
                    parts.push(rest.to_string());
                    break;
                }
                match rest.rfind(is_space) {
                    Some(i) => {
                        let c = rest[i..].chars().next().unwrap();
                        parts.push(rest[i + c.len_utf8()..].to_string());
                        rest = rest[..i].trim_end_matches(is_space);
                    }
                    None => {
                        parts.push(rest.to_string());
                        break;
                    }
                }
            }
        }
        Some(sep) => {
            let mut rest: &str = &s.s;
            let mut n = 0;
            while n < max {
                match rest.rfind(&sep.s) {
                    Some(i) => {
                        parts.push(rest[i + sep.s.len()..].to_string());
                        rest = &rest[..i];
                        n += 1;
                    }
                    None => break,
                }
            }
            parts.push(rest.to_string());
        }
    }
    parts.reverse();
    Ok(Value::list(parts.into_iter().map(Value::string).collect()))
}

fn s_splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "splitlines")?;
    let keep = match arg(&args, 1, "keepends") {
        Some(v) => {
            let v = v.clone();
            vm.truthy(&v)?
        }
        None => false,
    };
    let cs = chars(&s.s);
    let mut out = Vec::new();
    let mut i = 0;
    let mut start = 0;
    while i < cs.len() {
        let c = cs[i];
        let is_break = matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if is_break {
            let mut end = i + 1;
            if c == '\r' && i + 1 < cs.len() && cs[i + 1] == '\n' {
                end = i + 2;
            }
            let line: String = if keep { cs[start..end].iter().collect() } else { cs[start..i].iter().collect() };
            out.push(Value::string(line));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < cs.len() {
        out.push(Value::string(cs[start..].iter().collect()));
    }
    Ok(Value::list(out))
}

fn partition_impl(vm: &mut Vm, args: Args, name: &str, right: bool) -> PyResult<Value> {
    let s = this(vm, &args, name)?;
    max_args(vm, &args, name, 1)?;
    min_args(vm, &args, name, 1)?;
    let v = args.pos[1].clone();
    let sep = match str_arg(vm, &v) {
        Some(x) => x,
        None => {
            let t = vm.type_name(&v);
            return Err(vm.type_error(format!("must be str, not {t}")));
        }
    };
    if sep.s.is_empty() {
        return Err(vm.value_error("empty separator".into()));
    }
    let found = if right { s.s.rfind(&sep.s) } else { s.s.find(&sep.s) };
    let parts = match found {
        Some(i) => [s.s[..i].to_string(), sep.s.clone(), s.s[i + sep.s.len()..].to_string()],
        None if right => [String::new(), String::new(), s.s.clone()],
        None => [s.s.clone(), String::new(), String::new()],
    };
    Ok(Value::tuple(parts.into_iter().map(Value::string).collect()))
}

fn s_partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "partition", false)
}

fn s_rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, args, "rpartition", true)
}

// ---------------------------------------------------------------- strip

fn strip_impl(vm: &mut Vm, args: Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let s = this(vm, &args, name)?;
    max_args(vm, &args, name, 1)?;
    let set: Option<Vec<char>> = match args.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => {
            let v = v.clone();
            match str_arg(vm, &v) {
                Some(x) => Some(chars(&x.s)),
                None => return Err(vm.type_error(format!("{name} arg must be None or str"))),
            }
        }
    };
    let pred = |c: char| match &set {
        None => is_space(c),
        Some(cs) => cs.contains(&c),
    };
    let mut r: &str = &s.s;
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    ret(r.to_string())
}

fn s_strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "strip", true, true)
}
fn s_lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "lstrip", true, false)
}
fn s_rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, args, "rstrip", false, true)
}

fn s_removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "removeprefix")?;
    max_args(vm, &args, "removeprefix", 1)?;
    min_args(vm, &args, "removeprefix", 1)?;
    let v = args.pos[1].clone();
    let p = must_str(vm, &v, "removeprefix() argument ")?;
    ret(s.s.strip_prefix(p.s.as_str()).unwrap_or(&s.s).to_string())
}

fn s_removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "removesuffix")?;
    max_args(vm, &args, "removesuffix", 1)?;
    min_args(vm, &args, "removesuffix", 1)?;
    let v = args.pos[1].clone();
    let p = must_str(vm, &v, "removesuffix() argument ")?;
    ret(s.s.strip_suffix(p.s.as_str()).unwrap_or(&s.s).to_string())
}

// ---------------------------------------------------------------- replace

fn s_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "replace")?;
    let n = args.pos.len() - 1;
    if n + args.kw.len() < 2 {
        return Err(vm.type_error(format!("replace expected at least 2 arguments, got {n}")));
    }
    if n > 3 {
        return Err(vm.type_error(format!("replace expected at most 3 arguments, got {n}")));
    }
    let a = args.pos[1].clone();
    let b = args.pos[2].clone();
    let old = must_str(vm, &a, "replace() argument 1 ")?;
    let new = must_str(vm, &b, "replace() argument 2 ")?;
    let count = match arg(&args, 3, "count") {
        None => -1,
        Some(v) => {
            let v = v.clone();
            to_index(vm, &v)?
        }
    };
    let max = if count < 0 { usize::MAX } else { count as usize };
    let out = if old.s.is_empty() {
        let mut out = String::new();
        let mut k = 0;
        for c in s.s.chars() {
            if k < max {
                out.push_str(&new.s);
                k += 1;
            }
            out.push(c);
        }
        if k < max {
            out.push_str(&new.s);
        }
        out
    } else {
        s.s.replacen(old.s.as_str(), &new.s, max)
    };
    vm.charge(out.len())?;
    ret(out)
}

// ---------------------------------------------------------------- searching

fn affix_impl(vm: &mut Vm, args: Args, name: &str, end: bool) -> PyResult<Value> {
    let s = this(vm, &args, name)?;
    let n = args.pos.len() - 1;
    if n < 1 {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    if n > 3 {
        return Err(vm.type_error(format!("{name} expected at most 3 arguments, got {n}")));
    }
    let cs = chars(&s.s);
    let (start, stop) = range_args(vm, &args, 2, cs.len())?;
    let what = args.pos[1].clone();
    let cands: Vec<Rc<PyStr>> = match &what {
        Value::Tuple(t) => {
            let mut v = Vec::new();
            for x in t.iter() {
                match str_arg(vm, x) {
                    Some(p) => v.push(p),
                    None => {
                        let tn = vm.type_name(x);
                        return Err(vm.type_error(format!("tuple for {name} must only contain str, not {tn}")));
                    }
                }
            }
            v
        }
        other => match str_arg(vm, other) {
            Some(p) => vec![p],
            None => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(format!("{name} first arg must be str or a tuple of str, not {tn}")));
            }
        },
    };
    if start > cs.len() as i64 {
        return Ok(Value::Bool(false));
    }
    let (start, stop) = (start as usize, stop.max(start) as usize);
    let hay = &cs[start..stop];
    for p in cands {
        let pc = chars(&p.s);
        let ok = if end { hay.ends_with(&pc) } else { hay.starts_with(&pc) };
        if ok {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn s_startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_impl(vm, args, "startswith", false)
}
fn s_endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_impl(vm, args, "endswith", true)
}

/// Shared by find/rfind/index/rindex/count: (haystack, needle, start, end).
fn search_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Vec<char>, Vec<char>, i64, i64)> {
    let s = this(vm, args, name)?;
    let n = args.pos.len() - 1;
    if n < 1 {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    if n > 3 {
        return Err(vm.type_error(format!("{name} expected at most 3 arguments, got {n}")));
    }
    let v = args.pos[1].clone();
    let sub = must_str(vm, &v, &format!("{name}() argument 1 "))?;
    let cs = chars(&s.s);
    let (a, b) = range_args(vm, args, 2, cs.len())?;
    Ok((cs, chars(&sub.s), a, b))
}

fn find_impl(vm: &mut Vm, args: &Args, name: &str, right: bool) -> PyResult<i64> {
    let (h, n, a, b) = search_args(vm, args, name)?;
    if a > h.len() as i64 || b < a {
        return Ok(-1);
    }
    let (a, b) = (a as usize, b as usize);
    let r = if right { rfind_sub(&h, &n, a, b) } else { find_sub(&h, &n, a, b) };
    Ok(r.map(|x| x as i64).unwrap_or(-1))
}

fn s_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &args, "find", false)?))
}
fn s_rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &args, "rfind", true)?))
}
fn s_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, "index", false)? {
        -1 => Err(vm.value_error("substring not found".into())),
        i => Ok(Value::Int(i)),
    }
}
fn s_rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, "rindex", true)? {
        -1 => Err(vm.value_error("substring not found".into())),
        i => Ok(Value::Int(i)),
    }
}

fn s_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (h, n, a, b) = search_args(vm, &args, "count")?;
    if a > h.len() as i64 || b < a {
        return Ok(Value::Int(0));
    }
    let (a, b) = (a as usize, b as usize);
    if n.is_empty() {
        return Ok(Value::Int((b - a + 1) as i64));
    }
    let mut i = a;
    let mut k = 0;
    while let Some(j) = find_sub(&h, &n, i, b) {
        k += 1;
        i = j + n.len();
    }
    Ok(Value::Int(k))
}

fn s_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "__contains__")?;
    max_args(vm, &args, "__contains__", 1)?;
    min_args(vm, &args, "__contains__", 1)?;
    let v = args.pos[1].clone();
    match str_arg(vm, &v) {
        Some(p) => Ok(Value::Bool(s.s.contains(p.s.as_str()))),
        None => {
            let t = vm.type_name(&v);
            Err(vm.type_error(format!("'in <string>' requires string as left operand, not {t}")))
        }
    }
}

// ---------------------------------------------------------------- case

fn noarg(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Rc<PyStr>> {
    let s = this(vm, args, name)?;
    max_args(vm, args, name, 0)?;
    Ok(s)
}

fn s_upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = noarg(vm, &args, "upper")?;
    ret(case::upper_str(&s.s))
}
fn s_lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = noarg(vm, &args, "lower")?;
    ret(case::lower_str(&s.s))
}
fn s_casefold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = noarg(vm, &args, "casefold")?;
    let mut out = String::with_capacity(s.s.len());
    for c in s.s.chars() {
        case::fold(c, &mut out);
    }
    ret(out)
}

fn s_swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = noarg(vm, &args, "swapcase")?;
    let chars: Vec<char> = s.s.chars().collect();
    let mut out = String::with_capacity(s.s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            case::lower_in(&chars, i, &mut out);
        } else if c.is_lowercase() {
            case::upper(c, &mut out);
        } else {
            out.push(c);
        }
    }
    ret(out)
}
fn s_title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = noarg(vm, &args, "title")?;
    let chars: Vec<char> = s.s.chars().collect();
    let mut out = String::with_capacity(s.s.len());
    let mut prev = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev {
            case::lower_in(&chars, i, &mut out);
        } else {
            case::title(c, &mut out);
        }
        prev = case::is_cased(c);
    }
    ret(out)
}
fn s_capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = noarg(vm, &args, "capitalize")?;
    let chars: Vec<char> = s.s.chars().collect();
    let mut out = String::with_capacity(s.s.len());
    if let Some(&first) = chars.first() {
        case::title(first, &mut out);
        case::lower_from(&chars, 1, &mut out);
    }
    ret(out)
}

// ---------------------------------------------------------------- padding

fn pad_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Rc<PyStr>, usize, char)> {
    let s = this(vm, args, name)?;
    let n = args.pos.len() - 1;
    if n < 1 {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    if n > 2 {
        return Err(vm.type_error(format!("{name} expected at most 2 arguments, got {n}")));
    }
    let w = args.pos[1].clone();
    let width = to_index(vm, &w)?;
    let fill = match args.pos.get(2) {
        None => ' ',
        Some(v) => {
            let v = v.clone();
            match str_arg(vm, &v) {
                Some(f) if f.chars == 1 => f.s.chars().next().unwrap(),
                Some(_) => return Err(vm.type_error("The fill character must be exactly one character long".into())),
                None => {
                    let t = vm.type_name(&v);
                    return Err(vm.type_error(format!("The fill character must be a unicode character, not {t}")));
                }
            }
        }
    };
    let width = width.max(0) as usize;
    if width > s.chars {
        vm.charge(width)?;
    }
    Ok((s, width, fill))
}

fn fillstr(c: char, n: usize) -> String {
    std::iter::repeat(c).take(n).collect()
}

fn s_center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, w, f) = pad_args(vm, &args, "center")?;
    if w <= s.chars {
        return Ok(Value::Str(s));
    }
    let total = w - s.chars;
    // CPython: left = total/2 + (total & width & 1)
    let left = total / 2 + (total & w & 1);
    let right = total - left;
    ret(format!("{}{}{}", fillstr(f, left), s.s, fillstr(f, right)))
}
fn s_ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, w, f) = pad_args(vm, &args, "ljust")?;
    if w <= s.chars {
        return Ok(Value::Str(s));
    }
    ret(format!("{}{}", s.s, fillstr(f, w - s.chars)))
}
fn s_rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, w, f) = pad_args(vm, &args, "rjust")?;
    if w <= s.chars {
        return Ok(Value::Str(s));
    }
    ret(format!("{}{}", fillstr(f, w - s.chars), s.s))
}
fn s_zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "zfill")?;
    max_args(vm, &args, "zfill", 1)?;
    min_args(vm, &args, "zfill", 1)?;
    let w = args.pos[1].clone();
    let w = to_index(vm, &w)?;
    if w <= s.chars as i64 {
        return Ok(Value::Str(s));
    }
    vm.charge(w as usize)?;
    let fill = w as usize - s.chars;
    let mut out = String::new();
    let rest = if s.s.starts_with('+') || s.s.starts_with('-') {
        out.push_str(&s.s[..1]);
        &s.s[1..]
    } else {
        &s.s[..]
    };
    out.push_str(&"0".repeat(fill));
    out.push_str(rest);
    ret(out)
}

fn s_expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "expandtabs")?;
    let ts = match arg(&args, 1, "tabsize") {
        None => 8,
        Some(v) => {
            let v = v.clone();
            to_index(vm, &v)?
        }
    };
    let mut out = String::new();
    let mut col: i64 = 0;
    for c in s.s.chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.push_str(&" ".repeat(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    ret(out)
}

// ---------------------------------------------------------------- predicates

pub(crate) fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    let n = c as u32;
    const ZEROS: &[u32] = &[
        0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0,
        0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50,
        0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x1D7CE, 0x1D7D8, 0x1D7E2,
        0x1D7EC, 0x1D7F6,
    ];
    ZEROS.iter().any(|&z| n >= z && n < z + 10)
}
fn is_digit(c: char) -> bool {
    is_decimal(c)
        || matches!(c as u32, 0xB2 | 0xB3 | 0xB9 | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089 | 0x2460..=0x2468 | 0x2474..=0x247C | 0x2488..=0x2490 | 0x24EA | 0x24F5..=0x24FD | 0x24FF | 0x2776..=0x277E | 0x2780..=0x2788 | 0x278A..=0x2792 | 0x1369..=0x1371)
}
fn is_numeric(c: char) -> bool {
    is_digit(c)
        || c.is_numeric()
        || matches!(c, '零' | '〇' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '万' | '億' | '兆')
}
fn is_alpha(c: char) -> bool {
    c.is_alphabetic() && !c.is_numeric()
}
fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || is_space(c) {
        return false;
    }
    let n = c as u32;
    !(matches!(n, 0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0xD800..=0xF8FF | 0xFFFE | 0xFFFF | 0xE0001 | 0xE0020..=0xE007F)
        || n >= 0xF0000)
}

fn pred_all(vm: &mut Vm, args: &Args, name: &str, f: fn(char) -> bool) -> PyResult<Value> {
    let s = noarg(vm, args, name)?;
    Ok(Value::Bool(!s.s.is_empty() && s.s.chars().all(f)))
}

fn s_isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_all(vm, &args, "isdigit", is_digit)
}
fn s_isdecimal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_all(vm, &args, "isdecimal", is_decimal)
}
fn s_isnumeric(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_all(vm, &args, "isnumeric", is_numeric)
}
fn s_isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_all(vm, &args, "isalpha", is_alpha)
}
fn s_isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_all(vm, &args, "isalnum", |c| is_alpha(c) || is_numeric(c))
}
fn s_isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_all(vm, &args, "isspace", is_space)
}
fn s_isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = noarg(vm, &args, "isascii")?;
    Ok(Value::Bool(s.s.is_ascii()))
}
fn s_isprintable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = noarg(vm, &args, "isprintable")?;
    Ok(Value::Bool(s.s.chars().all(is_printable)))
}
fn s_isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = noarg(vm, &args, "isupper")?;
    let mut cased = false;
    for c in s.s.chars() {
        if c.is_lowercase() {
            return Ok(Value::Bool(false));
        }
        if c.is_uppercase() {
            cased = true;
        }
    }
    Ok(Value::Bool(cased))
}
fn s_islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = noarg(vm, &args, "islower")?;
    let mut cased = false;
    for c in s.s.chars() {
        if c.is_uppercase() {
            return Ok(Value::Bool(false));
        }
        if c.is_lowercase() {
            cased = true;
        }
    }
    Ok(Value::Bool(cased))
}
fn s_istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = noarg(vm, &args, "istitle")?;
    let mut cased = false;
    let mut prev = false;
    for c in s.s.chars() {
        if c.is_uppercase() {
            if prev {
                return Ok(Value::Bool(false));
            }
            prev = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev {
                return Ok(Value::Bool(false));
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    Ok(Value::Bool(cased))
}
fn s_isidentifier(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = noarg(vm, &args, "isidentifier")?;
    let mut it = s.s.chars();
    let ok = match it.next() {
        None => false,
        Some(c) => (c == '_' || is_alpha(c)) && it.all(|c| c == '_' || c.is_alphanumeric()),
    };
    Ok(Value::Bool(ok))
}

// ---------------------------------------------------------------- encode

fn s_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "encode")?;
    let enc = match arg(&args, 1, "encoding") {
        None => "utf-8".to_string(),
        Some(v) => {
            let v = v.clone();
            must_str(vm, &v, "encode() argument 'encoding' ")?.s.clone()
        }
    };
    let errors = match arg(&args, 2, "errors") {
        None => "strict".to_string(),
        Some(v) => {
            let v = v.clone();
            must_str(vm, &v, "encode() argument 'errors' ")?.s.clone()
        }
    };
    let norm = enc.to_ascii_lowercase().replace('_', "-");
    let bytes: Vec<u8> = match norm.as_str() {
        "utf-8" | "utf8" | "u8" => s.s.as_bytes().to_vec(),
        "ascii" | "us-ascii" | "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" => {
            let limit = if norm.contains("ascii") { 0x80 } else { 0x100 };
            let codec = if limit == 0x80 { "ascii" } else { "latin-1" };
            let mut out = Vec::new();
            for (i, c) in s.s.chars().enumerate() {
                let n = c as u32;
                if n < limit {
                    out.push(n as u8);
                } else {
                    match errors.as_str() {
                        "ignore" => {}
                        "replace" => out.push(b'?'),
                        _ => {
                            let msg = format!(
                                "'{codec}' codec can't encode character '{}' in position {i}: ordinal not in range({limit})",
                                crate::builtins::ascii_of(&c.to_string())
                            );
                            return Err(vm.new_error("UnicodeEncodeError", &msg));
                        }
                    }
                }
            }
            out
        }
        _ => match utf16_32_codec(&norm) {
            Some((width, big, bom)) => encode_utf16_32(&s.s, width, big, bom),
            None => return Err(vm.new_error("LookupError", &format!("unknown encoding: {enc}"))),
        },
    };
    Ok(Value::Bytes(Rc::new(bytes)))
}

/// `utf-16[-le|-be]` / `utf-32[-le|-be]` (names already lowercased, `_`
/// as `-`): code unit width in bytes, big-endian, and whether a BOM is
/// written (the plain names, in little-endian order like CPython here).
pub(crate) fn utf16_32_codec(norm: &str) -> Option<(usize, bool, bool)> {
    Some(match norm {
        "utf-16" | "utf16" => (2, false, true),
        "utf-16-le" | "utf-16le" => (2, false, false),
        "utf-16-be" | "utf-16be" => (2, true, false),
        "utf-32" | "utf32" => (4, false, true),
        "utf-32-le" | "utf-32le" => (4, false, false),
        "utf-32-be" | "utf-32be" => (4, true, false),
        _ => return None,
    })
}

fn encode_utf16_32(s: &str, width: usize, big: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * width + 4);
    let mut unit = |u: u32| {
        let b = u.to_le_bytes();
        let b = &b[..width];
        if big {
            out.extend(b.iter().rev());
        } else {
            out.extend_from_slice(b);
        }
    };
    if bom {
        unit(0xFEFF);
    }
    for c in s.chars() {
        if width == 4 {
            unit(c as u32);
        } else {
            let mut buf = [0u16; 2];
            for u in c.encode_utf16(&mut buf) {
                unit(*u as u32);
            }
        }
    }
    out
}

// ---------------------------------------------------------------- operators

fn s_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = noarg(vm, &args, "__len__")?;
    Ok(Value::Int(s.chars as i64))
}

fn s_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "__getitem__")?;
    max_args(vm, &args, "__getitem__", 1)?;
    min_args(vm, &args, "__getitem__", 1)?;
    vm.getitem(&Value::Str(s), args.pos[1].clone())
}

fn s_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "__add__")?;
    max_args(vm, &args, "__add__", 1)?;
    min_args(vm, &args, "__add__", 1)?;
    let v = args.pos[1].clone();
    match str_arg(vm, &v) {
        Some(o) => {
            vm.charge(s.s.len() + o.s.len())?;
            ret(format!("{}{}", s.s, o.s))
        }
        None => {
            let t = vm.type_name(&v);
            Err(vm.type_error(format!("can only concatenate str (not \"{t}\") to str")))
        }
    }
}

fn s_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "__mul__")?;
    max_args(vm, &args, "__mul__", 1)?;
    min_args(vm, &args, "__mul__", 1)?;
    let v = args.pos[1].clone();
    let n = match &v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => to_index(vm, &v)?,
        Value::Obj(_) if vm.getattr_opt(&v, "__index__")?.is_some() => to_index(vm, &v)?,
        _ => {
            let t = vm.type_name(&v);
            return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{t}'")));
        }
    };
    if n <= 0 || s.s.is_empty() {
        return ret(String::new());
    }
    let total = (s.s.len() as u128) * (n as u128);
    if total > (isize::MAX as u128) {
        return Err(vm.new_error("MemoryError", ""));
    }
    vm.charge(total as usize)?;
    ret(s.s.repeat(n as usize))
}

fn s_mod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let _ = this(vm, &args, "__mod__")?;
    max_args(vm, &args, "__mod__", 1)?;
    min_args(vm, &args, "__mod__", 1)?;
    let f = args.pos[0].clone();
    crate::builtins::str_percent(vm, &f, &args.pos[1])
}

// ---------------------------------------------------------------- translate

fn s_maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = args.pos.len();
    if n == 0 || n > 3 {
        let msg = if n == 0 {
            "maketrans() missing required argument 'x' (pos 1)".to_string()
        } else {
            format!("maketrans() takes at most 3 arguments ({n} given)")
        };
        return Err(vm.type_error(msg));
    }
    let d = vm.new_dict();
    if n == 1 {
        let x = args.pos[0].clone();
        let Some(src) = vm.as_dict(&x) else {
            return Err(vm.type_error("if you give only one argument to maketrans it must be a dict".into()));
        };
        let items: Vec<(Value, Value)> = src.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (k, v) in items {
            let key = match &k {
                Value::Str(s) if s.chars == 1 => Value::Int(s.s.chars().next().unwrap() as i64),
                Value::Str(_) => {
                    return Err(vm.value_error("string keys in translate table must be of length 1".into()));
                }
                Value::Int(_) => k.clone(),
                _ => {
                    return Err(vm.type_error("keys in translate table must be strings or integers".into()));
                }
            };
            vm.dict_set(&d, key, v)?;
        }
        return Ok(Value::Dict(d));
    }
    let a = args.pos[0].clone();
    let b = args.pos[1].clone();
    let x = must_str(vm, &a, "maketrans() argument 1 ")?;
    let y = must_str(vm, &b, "maketrans() argument 2 ")?;
    if x.chars != y.chars {
        return Err(vm.value_error("the first two maketrans arguments must have equal length".into()));
    }
    for (p, q) in x.s.chars().zip(y.s.chars()) {
        vm.dict_set(&d, Value::Int(p as i64), Value::Int(q as i64))?;
    }
    if n == 3 {
        let c = args.pos[2].clone();
        let z = must_str(vm, &c, "maketrans() argument 3 ")?;
        for p in z.s.chars() {
            vm.dict_set(&d, Value::Int(p as i64), Value::None)?;
        }
    }
    Ok(Value::Dict(d))
}

fn s_translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "translate")?;
    max_args(vm, &args, "translate", 1)?;
    min_args(vm, &args, "translate", 1)?;
    let table = args.pos[1].clone();
    let mut out = String::new();
    for c in s.s.chars() {
        match vm.getitem(&table, Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Int(i)) => match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => return Err(vm.value_error("character mapping must be in range(0x110000)".into())),
            },
            Ok(v) => match str_arg(vm, &v) {
                Some(p) => out.push_str(&p.s),
                None => {
                    return Err(vm.type_error("character mapping must return integer, None or str".into()));
                }
            },
            Err(e) => {
                if is_exc(vm, &e, "LookupError") {
                    out.push(c);
                } else {
                    return Err(e);
                }
            }
        }
    }
    ret(out)
}

fn is_exc(vm: &mut Vm, e: &Value, name: &str) -> bool {
    let cls = vm.types.exc(name);
    let t = vm.type_of(e);
    Rc::ptr_eq(&t, &cls) || t.is_subclass(&cls)
}

// ---------------------------------------------------------------- format

enum Kw<'a> {
    List(&'a [(Rc<str>, Value)]),
    Map(Value),
}

struct Fmt<'a> {
    pos: &'a [Value],
    kw: Kw<'a>,
    auto: Option<usize>,
    manual: bool,
}

fn s_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "format")?;
    let mut f = Fmt { pos: &args.pos[1..], kw: Kw::List(&args.kw), auto: Some(0), manual: false };
    let out = format_impl(vm, &s.s, &mut f, 2)?;
    ret(out)
}

fn s_format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(vm, &args, "format_map")?;
    max_args(vm, &args, "format_map", 1)?;
    min_args(vm, &args, "format_map", 1)?;
    let mut f = Fmt { pos: &[], kw: Kw::Map(args.pos[1].clone()), auto: Some(0), manual: false };
    let out = format_impl(vm, &s.s, &mut f, 2)?;
    ret(out)
}

fn format_impl(vm: &mut Vm, fmt: &str, f: &mut Fmt, depth: i32) -> PyResult<String> {
    if depth < 0 {
        return Err(vm.value_error("Max string recursion exceeded".into()));
    }
    let cs = chars(fmt);
    let mut out = String::new();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c == '}' {
            if i + 1 < cs.len() && cs[i + 1] == '}' {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string".into()));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if i + 1 < cs.len() && cs[i + 1] == '{' {
            out.push('{');
            i += 2;
            continue;
        }
        // find the matching '}'
        let start = i + 1;
        let mut level = 1;
        let mut j = start;
        let mut bracket = false;
        while j < cs.len() {
            match cs[j] {
                '[' => bracket = true,
                ']' => bracket = false,
                '{' if !bracket => level += 1,
                '}' if !bracket => {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= cs.len() {
            if level > 1 || cs[start..].iter().any(|&c| c == '[' ) {
                return Err(vm.value_error("expected '}' before end of string".into()));
            }
            return Err(vm.value_error(if start == cs.len() {
                "Single '{' encountered in format string".into()
            } else {
                "expected '}' before end of string".into()
            }));
        }
        let field = &cs[start..j];
        i = j + 1;
        // split field into name, conversion, spec
        let mut k = 0;
        let mut br = false;
        while k < field.len() {
            match field[k] {
                '[' => br = true,
                ']' => br = false,
                ':' | '!' if !br => break,
                _ => {}
            }
            k += 1;
        }
        let name: String = field[..k].iter().collect();
        let mut conv = None;
        let mut spec = String::new();
        if k < field.len() && field[k] == '!' {
            if k + 1 >= field.len() {
                return Err(vm.value_error("unmatched '{' in format spec".into()));
            }
            conv = Some(field[k + 1]);
            if k + 2 < field.len() {
                if field[k + 2] != ':' {
                    return Err(vm.value_error("expected ':' after conversion specifier".into()));
                }
                spec = field[k + 3..].iter().collect();
            }
        } else if k < field.len() {
            spec = field[k + 1..].iter().collect();
        }
        let value = get_field(vm, &name, f)?;
        let value = match conv {
            None => value,
            Some('r') => Value::string(vm.repr(&value)?),
            Some('s') => Value::string(vm.str_of(&value)?),
            Some('a') => {
                let r = vm.repr(&value)?;
                Value::string(crate::builtins::ascii_of(&r))
            }
            Some(c) => return Err(vm.value_error(format!("Unknown conversion specifier {c}"))),
        };
        let spec = if spec.contains('{') { format_impl(vm, &spec, f, depth - 1)? } else { spec };
        let s = vm.format(&value, &spec)?;
        out.push_str(&s);
    }
    Ok(out)
}

fn get_field(vm: &mut Vm, name: &str, f: &mut Fmt) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut obj = if first.is_empty() {
        if f.manual {
            return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering".into()));
        }
        let n = f.auto.unwrap_or(0);
        f.auto = Some(n + 1);
        get_pos(vm, f, n)?
    } else if first.chars().all(|c| c.is_ascii_digit()) {
        if f.auto.is_some_and(|n| n > 0) {
            return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification".into()));
        }
        f.manual = true;
        let n: usize = first.parse().unwrap_or(usize::MAX);
        get_pos(vm, f, n)?
    } else {
        match &f.kw {
            Kw::List(kw) => match kw.iter().find(|(k, _)| &**k == first) {
                Some((_, v)) => v.clone(),
                None => return Err(vm.key_error(Value::str(first))),
            },
            Kw::Map(m) => {
                let m = m.clone();
                vm.getitem(&m, Value::str(first))?
            }
        }
    };
    let rest: Vec<char> = name[first_end..].chars().collect();
    let mut i = 0;
    while i < rest.len() {
        if rest[i] == '.' {
            let mut j = i + 1;
            while j < rest.len() && rest[j] != '.' && rest[j] != '[' {
                j += 1;
            }
            let attr: String = rest[i + 1..j].iter().collect();
            if attr.is_empty() {
                return Err(vm.value_error("Empty attribute in format string".into()));
            }
            obj = vm.getattr(&obj, &attr)?;
            i = j;
        } else if rest[i] == '[' {
            let mut j = i + 1;
            while j < rest.len() && rest[j] != ']' {
                j += 1;
            }
            if j >= rest.len() {
                return Err(vm.value_error("Missing ']' in format string".into()));
            }
            let key: String = rest[i + 1..j].iter().collect();
            if key.is_empty() {
                return Err(vm.value_error("Empty attribute in format string".into()));
            }
            let k = match key.parse::<i64>() {
                Ok(n) if key.chars().all(|c| c.is_ascii_digit()) => Value::Int(n),
                _ => Value::string(key),
            };
            obj = vm.getitem(&obj, k)?;
            i = j + 1;
            if i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier".into()));
            }
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier".into()));
        }
    }
    Ok(obj)
}

fn get_pos(vm: &mut Vm, f: &Fmt, n: usize) -> PyResult<Value> {
    match f.pos.get(n) {
        Some(v) => Ok(v.clone()),
        None => Err(vm.new_error(
            "IndexError",
            &format!("Replacement index {n} out of range for positional args tuple"),
        )),
    }
}
