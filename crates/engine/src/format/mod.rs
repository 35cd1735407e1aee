//! Number and string formatting with CPython's exact output: float repr,
//! the format-spec mini-language, `%`-formatting, number parsing.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

/// A formatting failure, with the Python exception type it maps to.
#[derive(Debug, Clone, PartialEq)]
pub enum FmtError {
    Value(String),
    Type(String),
    Overflow(String),
}

/// `repr(float)`: shortest round-trip digits, scientific outside 1e-4..1e16.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let e = format!("{:e}", x);
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if !(-4..16).contains(&exp) {
        let m = if digits.len() > 1 { format!("{}.{}", &digits[..1], &digits[1..]) } else { digits.clone() };
        let es = if exp < 0 { format!("-{:02}", -exp) } else { format!("+{:02}", exp) };
        return format!("{sign}{m}e{es}");
    }
    if exp < 0 {
        let zeros = "0".repeat((-exp - 1) as usize);
        return format!("{sign}0.{zeros}{digits}");
    }
    let point = exp as usize + 1;
    if digits.len() <= point {
        let zeros = "0".repeat(point - digits.len());
        format!("{sign}{digits}{zeros}.0")
    } else {
        format!("{sign}{}.{}", &digits[..point], &digits[point..])
    }
}

/// `repr(str)` with Python's quoting and escaping rules.
pub fn str_repr(s: &str) -> String {
    let use_double = s.contains('\'') && !s.contains('"');
    let q = if use_double { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\'' if !use_double => out.push_str("\\'"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if is_unprintable(c) => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

fn is_unprintable(c: char) -> bool {
    let n = c as u32;
    (0x80..0xa0).contains(&n) || n == 0xad || (0xd800..0xe000).contains(&n) || n == 0x2028 || n == 0x2029 || n == 0xfeff
}

/// A parsed format spec.
#[derive(Debug, Clone, Default)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

pub fn parse_spec(spec: &str) -> Result<Spec, FmtError> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        let w: String = chars[start..i].iter().collect();
        s.width = Some(w.parse().map_err(|_| FmtError::Value("Too many decimal digits in format string".into()))?);
        if s.width.unwrap_or(0) > 100_000_000 {
            return Err(FmtError::Value("Too many decimal digits in format string".into()));
        }
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(FmtError::Value("Format specifier missing precision".into()));
        }
        let p: String = chars[start..i].iter().collect();
        s.precision = Some(p.parse().map_err(|_| FmtError::Value("Too many decimal digits in format string".into()))?);
    }
    if i < chars.len() {
        s.ty = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err(FmtError::Value("Invalid format specifier".into()));
    }
    Ok(s)
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Pads `body` (sign/prefix separated for `=` alignment) to the spec's width.
fn align(sign: &str, body: &str, s: &Spec, default_align: char) -> String {
    let width = s.width.unwrap_or(0);
    let len = sign.chars().count() + body.chars().count();
    if len >= width {
        return format!("{sign}{body}");
    }
    let (fill, al) = if s.zero && s.align.is_none() { ('0', '=') } else { (s.fill.unwrap_or(' '), s.align.unwrap_or(default_align)) };
    let pad = width - len;
    let f = |n: usize| std::iter::repeat(fill).take(n).collect::<String>();
    match al {
        '<' => format!("{sign}{body}{}", f(pad)),
        '^' => format!("{}{sign}{body}{}", f(pad / 2), f(pad - pad / 2)),
        '=' => format!("{sign}{}{body}", f(pad)),
        _ => format!("{}{sign}{body}", f(pad)),
    }
}

fn sign_str(neg: bool, s: &Spec) -> &'static str {
    if neg {
        "-"
    } else {
        match s.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

pub fn format_int(x: &BigInt, s: &Spec, type_name: &str) -> Result<String, FmtError> {
    let ty = s.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = bigint_to_f64(x)?;
            return format_float(f, s);
        }
        'd' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c' => {}
        other => {
            return Err(FmtError::Value(format!("Unknown format code '{other}' for object of type '{type_name}'")))
        }
    }
    if s.precision.is_some() {
        return Err(FmtError::Value("Precision not allowed in integer format specifier".into()));
    }
    if ty == 'c' {
        let c = x.to_u32().and_then(char::from_u32).ok_or_else(|| FmtError::Overflow("%c arg not in range(0x110000)".into()))?;
        return Ok(align("", &c.to_string(), s, '<'));
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = x.abs().to_str_radix(radix);
    if ty == 'X' {
        digits = digits.to_uppercase();
    }
    if let Some(g) = s.grouping {
        if g == ',' && radix != 10 {
            return Err(FmtError::Value(format!("Cannot specify ',' with '{ty}'.")));
        }
        digits = group(&digits, g, if radix == 10 { 3 } else { 4 });
    }
    let sign = format!("{}{}", sign_str(x.is_negative(), s), if s.alternate { prefix } else { "" });
    Ok(align(&sign, &digits, s, '>'))
}

pub fn format_float(x: f64, s: &Spec) -> Result<String, FmtError> {
    let neg = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let body = if a.is_nan() {
        "nan".to_string()
    } else if a.is_infinite() {
        "inf".to_string()
    } else {
        match s.ty {
            Some('f') | Some('F') => format!("{:.*}", s.precision.unwrap_or(6), a),
            Some('e') | Some('E') => sci(a, s.precision.unwrap_or(6)),
            Some('%') => format!("{:.*}%", s.precision.unwrap_or(6), a * 100.0),
            Some('g') | Some('G') | Some('n') => general(a, s.precision.unwrap_or(6), s.alternate),
            None => match s.precision {
                None => float_repr(a),
                Some(p) => {
                    let g = general(a, p.max(1), s.alternate);
                    if g.contains('.') || g.contains('e') || g.contains("inf") || g.contains("nan") {
                        g
                    } else {
                        format!("{g}.0")
                    }
                }
            },
            Some(other) => return Err(FmtError::Value(format!("Unknown format code '{other}' for object of type 'float'"))),
        }
    };
    let mut body = if matches!(s.ty, Some('E') | Some('F') | Some('G')) { body.to_uppercase() } else { body };
    if let Some(g) = s.grouping {
        let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
            Some(i) => (body[..i].to_string(), body[i..].to_string()),
            None => (body.clone(), String::new()),
        };
        body = format!("{}{}", group(&int_part, g, 3), rest);
    }
    Ok(align(sign_str(neg, s), &body, s, '>'))
}

fn sci(a: f64, p: usize) -> String {
    let e = format!("{:.*e}", p, a);
    let (m, ex) = e.split_once('e').unwrap_or((&e, "0"));
    let ex: i32 = ex.parse().unwrap_or(0);
    format!("{m}e{}{:02}", if ex < 0 { '-' } else { '+' }, ex.abs())
}

fn general(a: f64, p: usize, alt: bool) -> String {
    let p = p.max(1);
    if a == 0.0 {
        return if alt { format!("{:.*}", p - 1, 0.0) } else { "0".into() };
    }
    let e = format!("{:.*e}", p - 1, a);
    let ex: i32 = e.split_once('e').and_then(|(_, x)| x.parse().ok()).unwrap_or(0);
    let s = if ex < -4 || ex >= p as i32 {
        sci(a, p - 1)
    } else {
        format!("{:.*}", (p as i32 - 1 - ex).max(0) as usize, a)
    };
    if alt {
        return s;
    }
    strip_zeros(&s)
}

fn strip_zeros(s: &str) -> String {
    let (m, e) = match s.find('e') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
    format!("{m}{e}")
}

pub fn format_str(x: &str, s: &Spec) -> Result<String, FmtError> {
    if let Some(t) = s.ty {
        if t != 's' {
            return Err(FmtError::Value(format!("Unknown format code '{t}' for object of type 'str'")));
        }
    }
    if s.sign.is_some() {
        return Err(FmtError::Value("Sign not allowed in string format specifier".into()));
    }
    if s.align == Some('=') {
        return Err(FmtError::Value("'=' alignment not allowed in string format specifier".into()));
    }
    let body: String = match s.precision {
        Some(p) => x.chars().take(p).collect(),
        None => x.to_string(),
    };
    Ok(align("", &body, s, '<'))
}

/// `%` conversion counts: a number or `*`.
#[derive(Debug, Clone)]
pub enum Count {
    Num(usize),
    Star,
}

#[derive(Debug, Clone)]
pub struct PercentSpec {
    pub key: Option<String>,
    pub flags: String,
    pub width: Option<Count>,
    pub precision: Option<Count>,
    pub conv: char,
}

#[derive(Debug, Clone)]
pub enum PercentPiece {
    Literal(String),
    Spec(PercentSpec),
}

pub fn parse_percent(fmt: &str) -> Result<Vec<PercentPiece>, FmtError> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            lit.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        if !lit.is_empty() {
            out.push(PercentPiece::Literal(std::mem::take(&mut lit)));
        }
        let mut key = None;
        if i < chars.len() && chars[i] == '(' {
            let start = i + 1;
            let mut depth = 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                if chars[i] == '(' {
                    depth += 1;
                } else if chars[i] == ')' {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return Err(FmtError::Value("incomplete format key".into()));
            }
            key = Some(chars[start..i - 1].iter().collect());
        }
        let mut flags = String::new();
        while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
            flags.push(chars[i]);
            i += 1;
        }
        let mut count = |i: &mut usize| -> Option<Count> {
            if *i < chars.len() && chars[*i] == '*' {
                *i += 1;
                return Some(Count::Star);
            }
            let start = *i;
            while *i < chars.len() && chars[*i].is_ascii_digit() {
                *i += 1;
            }
            if *i > start {
                let s: String = chars[start..*i].iter().collect();
                return s.parse().ok().map(Count::Num);
            }
            None
        };
        let width = count(&mut i);
        let precision = if i < chars.len() && chars[i] == '.' {
            i += 1;
            Some(count(&mut i).unwrap_or(Count::Num(0)))
        } else {
            None
        };
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        let Some(&conv) = chars.get(i) else {
            return Err(FmtError::Value("incomplete format".into()));
        };
        if !"diouxXeEfFgGcrsa%".contains(conv) {
            return Err(FmtError::Value(format!(
                "unsupported format character '{conv}' (0x{:x}) at index {i}",
                conv as u32
            )));
        }
        i += 1;
        out.push(PercentPiece::Spec(PercentSpec { key, flags, width, precision, conv }));
    }
    if !lit.is_empty() {
        out.push(PercentPiece::Literal(lit));
    }
    Ok(out)
}

/// Pads a `%s`-style conversion (`-` flag left-aligns).
pub fn pad(s: &str, flags: &str, width: Option<i64>) -> String {
    let w = width.unwrap_or(0);
    let left = flags.contains('-') || w < 0;
    let w = w.unsigned_abs() as usize;
    let n = s.chars().count();
    if n >= w {
        return s.to_string();
    }
    let fill = " ".repeat(w - n);
    if left {
        format!("{s}{fill}")
    } else {
        format!("{fill}{s}")
    }
}

fn percent_pad_num(sign: &str, body: &str, flags: &str, width: Option<i64>) -> String {
    let w = width.unwrap_or(0).unsigned_abs() as usize;
    let n = sign.len() + body.chars().count();
    if n >= w {
        return format!("{sign}{body}");
    }
    if flags.contains('-') || width.unwrap_or(0) < 0 {
        format!("{sign}{body}{}", " ".repeat(w - n))
    } else if flags.contains('0') {
        format!("{sign}{}{body}", "0".repeat(w - n))
    } else {
        format!("{}{sign}{body}", " ".repeat(w - n))
    }
}

pub fn percent_int(x: &BigInt, conv: char, flags: &str, width: Option<i64>, precision: Option<usize>) -> String {
    let (radix, prefix) = match conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = x.abs().to_str_radix(radix);
    if conv == 'X' {
        digits = digits.to_uppercase();
    }
    if let Some(p) = precision {
        if digits.len() < p {
            digits = format!("{}{}", "0".repeat(p - digits.len()), digits);
        }
    }
    let sign = if x.is_negative() {
        "-"
    } else if flags.contains('+') {
        "+"
    } else if flags.contains(' ') {
        " "
    } else {
        ""
    };
    let sign = format!("{sign}{}", if flags.contains('#') { prefix } else { "" });
    percent_pad_num(&sign, &digits, flags, width)
}

pub fn percent_float(x: f64, conv: char, flags: &str, width: Option<i64>, precision: Option<usize>) -> String {
    let spec = Spec { ty: Some(conv), precision: Some(precision.unwrap_or(6)), alternate: flags.contains('#'), ..Default::default() };
    let body = format_float(x.abs(), &spec).unwrap_or_default();
    let body = if x.is_nan() { body } else { body };
    let sign = if x.is_sign_negative() && !x.is_nan() {
        "-"
    } else if flags.contains('+') {
        "+"
    } else if flags.contains(' ') {
        " "
    } else {
        ""
    };
    percent_pad_num(sign, &body, flags, width)
}

pub fn bigint_to_f64(b: &BigInt) -> Result<f64, FmtError> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(FmtError::Overflow("int too large to convert to float".into())),
    }
}

/// Correctly rounded `a / b` for big ints.
pub fn int_true_div(a: &BigInt, b: &BigInt) -> Result<f64, FmtError> {
    if b.is_zero() {
        return Err(FmtError::Value("division by zero".into()));
    }
    let neg = a.is_negative() != b.is_negative();
    let (a, b) = (a.abs(), b.abs());
    // Scale so the quotient has 55+ significant bits, then round once.
    let shift = b.bits() as i64 - a.bits() as i64 + 55;
    let (num, den) = if shift > 0 { (a << shift as usize, b.clone()) } else { (a, b << (-shift) as usize) };
    let (q, r) = num_integer::Integer::div_rem(&num, &den);
    let q = if r.is_zero() { q } else { (q << 1usize) | BigInt::from(1) };
    let extra = if r.is_zero() { 0 } else { 1 };
    let f = q.to_f64().unwrap_or(f64::INFINITY) * 2f64.powi(-(shift as i32) - extra);
    if f.is_infinite() {
        return Err(FmtError::Overflow("integer division result too large for a float".into()));
    }
    Ok(if neg { -f } else { f })
}

pub fn float_floordiv(a: f64, b: f64) -> f64 {
    float_divmod(a, b).0
}

pub fn float_mod(a: f64, b: f64) -> f64 {
    float_divmod(a, b).1
}

/// CPython's float divmod (sign of the divisor, careful with -0.0).
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

/// `round(x, n)`: rounds the exact decimal value, half to even.
pub fn float_round(x: f64, n: i64) -> f64 {
    if !x.is_finite() || n > 323 {
        return x;
    }
    if n < -308 {
        return 0.0f64.copysign(x);
    }
    if n >= 0 {
        let s = format!("{:.*}", n as usize, x);
        s.parse().unwrap_or(x)
    } else {
        let p = 10f64.powi((-n) as i32);
        let y = (x / p).round_ties_even() * p;
        if y.is_finite() {
            y
        } else {
            x
        }
    }
}

/// Exact conversion of an integral float to a big int.
pub fn f64_to_bigint(f: f64) -> BigInt {
    if !f.is_finite() {
        return BigInt::zero();
    }
    num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_else(BigInt::zero)
}

/// `int(s, base)` with CPython's rules for whitespace, signs, underscores
/// and prefixes.
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, FmtError> {
    let err = || FmtError::Value(format!("invalid literal for int() with base {base}: {}", str_repr(s)));
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = t.to_ascii_lowercase();
    let (radix, digits) = match base {
        0 => {
            if let Some(r) = lower.strip_prefix("0x") {
                (16, r.to_string())
            } else if let Some(r) = lower.strip_prefix("0o") {
                (8, r.to_string())
            } else if let Some(r) = lower.strip_prefix("0b") {
                (2, r.to_string())
            } else {
                if lower.len() > 1 && lower.starts_with('0') && lower.chars().any(|c| c != '0' && c != '_') {
                    return Err(err());
                }
                (10, lower.clone())
            }
        }
        16 => (16, lower.strip_prefix("0x").map(|r| r.to_string()).unwrap_or(lower.clone())),
        8 => (8, lower.strip_prefix("0o").map(|r| r.to_string()).unwrap_or(lower.clone())),
        2 => (2, lower.strip_prefix("0b").map(|r| r.to_string()).unwrap_or(lower.clone())),
        b => (b, lower.clone()),
    };
    let digits = digits.strip_prefix('_').filter(|_| base == 0 || digits.len() != lower.len()).map(|d| d.to_string()).unwrap_or(digits);
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return Err(err());
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    let v = BigInt::parse_bytes(clean.as_bytes(), radix).ok_or_else(err)?;
    Ok(if neg { -v } else { v })
}

/// `float(s)`.
pub fn parse_float(s: &str) -> Result<f64, FmtError> {
    let err = || FmtError::Value(format!("could not convert string to float: {}", str_repr(s)));
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let neg = lower.starts_with('-');
    match body {
        "inf" | "infinity" => return Ok(if neg { f64::NEG_INFINITY } else { f64::INFINITY }),
        "nan" => return Ok(if neg { -f64::NAN } else { f64::NAN }),
        _ => {}
    }
    if t.is_empty() || t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return Err(err());
    }
    let ok_underscores = t.char_indices().all(|(i, c)| {
        c != '_' || {
            let b = t.as_bytes();
            i > 0 && i + 1 < b.len() && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit()
        }
    });
    if !ok_underscores {
        return Err(err());
    }
    let clean: String = t.chars().filter(|c| *c != '_').collect();
    if clean.chars().any(|c| !(c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))) {
        return Err(err());
    }
    clean.parse::<f64>().map_err(|_| err())
}
