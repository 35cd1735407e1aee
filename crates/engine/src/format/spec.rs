//! The format-spec mini-language: `format(x, spec)`, `f"{x:spec}"`,
//! `str.format`.
//!
//! A port of CPython 3.13's Python/formatter_unicode.c: the same parse,
//! the same validation order (so the same error wins when several apply),
//! and the same padding/grouping arithmetic (`calc_number_widths`,
//! `fill_number`, `_PyUnicode_InsertThousandsGrouping`).
//!
//! Empty specs: `format(x, '')` is `str(x)`. For exact `int`, `float` and
//! `str` the functions here already produce `str(x)` for an empty [`Spec`],
//! but for `bool` and subclasses (whose `__str__` may differ) the engine
//! must call `str()` itself when the spec string is empty.

use crate::bigint::{BigInt, Sign};

use super::error::{FmtError, check_len};
use super::float_ops::bigint_to_f64;
use super::float_repr::{DtoaFlags, double_to_string};
use super::parse_num::{INT_MAX_STR_DIGITS, decimal_value, int_to_decimal};

/// A parsed format spec:
/// `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// Padding character: the explicit fill, else `'0'` when the `0` flag
    /// was given, else `' '`.
    pub fill: char,
    /// Explicit alignment (`<`, `>`, `^`, `=`), if any.
    pub align: Option<char>,
    /// The `0` flag was given without an explicit fill. With no explicit
    /// alignment it makes numbers use `=` alignment (strings keep `<`).
    pub zero_pad: bool,
    /// `+`, `-` or `' '`, if given.
    pub sign: Option<char>,
    /// `z`: coerce negative zero results to positive zero (floats only).
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// Minimum width in characters.
    pub width: Option<usize>,
    /// `,` or `_` thousands separator, if given.
    pub grouping: Option<char>,
    /// Precision, if given.
    pub precision: Option<usize>,
    /// Presentation type, if given (any character, validated per type).
    pub ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// CPython's `get_integer`: a run of (Unicode) decimal digits. Values past
/// `Py_ssize_t` raise CPython's own `ValueError`.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FmtError> {
    let mut acc: u64 = 0;
    let start = *pos;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        let d = u64::from(d);
        if acc > (i64::MAX as u64 - d) / 10 {
            return Err(FmtError::Value(
                "Too many decimal digits in format string".into(),
            ));
        }
        acc = acc * 10 + d;
        *pos += 1;
    }
    if *pos == start {
        Ok(None)
    } else {
        // Saturate on 32-bit targets; such widths fail the output cap anyway.
        Ok(Some(usize::try_from(acc).unwrap_or(usize::MAX)))
    }
}

/// Parse a format spec. `type_name` (`"int"`, `"bool"`, `"float"`, `"str"`,
/// a subclass name) only appears in the "Invalid format specifier" message.
///
/// Errors (all `ValueError`): `Invalid format specifier '…' for object of
/// type '…'`, `Format specifier missing precision`, `Cannot specify both
/// ',' and '_'.`, `Too many decimal digits in format string`.
/// The type-dependent checks (`Cannot specify ',' with 's'.`, unknown
/// codes, …) happen in the `format_*` functions, in CPython's order.
pub fn parse_spec(spec: &str, type_name: &str) -> Result<Spec, FmtError> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0usize;
    let mut out = Spec {
        fill: ' ',
        align: None,
        zero_pad: false,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: None,
        precision: None,
        ty: None,
    };
    let mut fill_specified = false;
    if end >= 2 && is_align(chars[1]) {
        out.align = Some(chars[1]);
        out.fill = chars[0];
        fill_specified = true;
        pos = 2;
    } else if end >= 1 && is_align(chars[0]) {
        out.align = Some(chars[0]);
        pos = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
        out.sign = Some(c);
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        out.no_neg_0 = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        out.alternate = true;
        pos += 1;
    }
    if !fill_specified && chars.get(pos) == Some(&'0') {
        out.fill = '0';
        out.zero_pad = true;
        pos += 1;
    }
    out.width = get_integer(&chars, &mut pos)?;
    let both = || FmtError::Value("Cannot specify both ',' and '_'.".into());
    if chars.get(pos) == Some(&',') {
        out.grouping = Some(',');
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if out.grouping.is_some() {
            return Err(both());
        }
        out.grouping = Some('_');
        pos += 1;
    }
    if chars.get(pos) == Some(&',') && out.grouping == Some('_') {
        return Err(both());
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        out.precision = get_integer(&chars, &mut pos)?;
        if out.precision.is_none() {
            return Err(FmtError::Value("Format specifier missing precision".into()));
        }
    }
    if end - pos > 1 {
        return Err(FmtError::Value(format!(
            "Invalid format specifier '{spec}' for object of type '{}'",
            truncate200(type_name)
        )));
    }
    if end - pos == 1 {
        out.ty = Some(chars[pos]);
    }
    Ok(out)
}

/// `%.200s` in CPython messages: type names are cut at 200 bytes.
fn truncate200(s: &str) -> &str {
    if s.len() <= 200 {
        return s;
    }
    let mut cut = 200;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    &s[..cut]
}

/// `'c'` when printable ASCII, else `'\xNN'`, as CPython's messages show a
/// presentation type.
fn show_type(t: char) -> String {
    let v = t as u32;
    if v > 32 && v < 128 {
        format!("'{t}'")
    } else {
        format!("'\\x{v:x}'")
    }
}

fn unknown_code(t: char, type_name: &str) -> FmtError {
    FmtError::Value(format!(
        "Unknown format code {} for object of type '{}'",
        show_type(t),
        truncate200(type_name)
    ))
}

/// The type-dependent half of CPython's spec validation: which types accept
/// a thousands separator. Returns the grouping (separator, group size).
/// `ty` is the presentation type after applying the object's default.
fn check_grouping(spec: &Spec, ty: Option<char>) -> Result<Option<(char, usize)>, FmtError> {
    let Some(sep) = spec.grouping else {
        return Ok(None);
    };
    match ty {
        // A literal NUL type character is CPython's internal "no type".
        None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0') => Ok(Some((sep, 3))),
        Some('b' | 'o' | 'x' | 'X') if sep == '_' => Ok(Some((sep, 4))),
        Some(t) => Err(FmtError::Value(format!(
            "Cannot specify '{sep}' with {}.",
            show_type(t)
        ))),
    }
}

/// `_PyUnicode_InsertThousandsGrouping`: group `digits` from the right,
/// padding with zeros until the result is at least `min_width` long
/// (`min_width` only matters for `0`-fill with `=` alignment). `group`
/// `None` means no separator (zero padding only).
fn insert_grouping(digits: &[u8], min_width: i64, group: Option<(char, usize)>) -> String {
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as i64;
    let mut end = digits.len();
    // Chunks are produced right to left, then reversed.
    let mut chunks: Vec<String> = Vec::new();
    let mut use_sep = false;
    let sep_len = i64::from(group.is_some());
    let mut push_chunk = |chunks: &mut Vec<String>, n_chars: i64, n_zeros: i64, sep: bool| {
        let mut s = String::new();
        for _ in 0..n_zeros {
            s.push('0');
        }
        let start = end - n_chars as usize;
        s.extend(digits[start..end].iter().map(|&b| b as char));
        end = start;
        if let (true, Some((c, _))) = (sep, group) {
            s.push(c);
        }
        chunks.push(s);
    };
    let mut broke = false;
    if let Some((_, size)) = group {
        let size = size as i64;
        loop {
            let len = size.min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            push_chunk(&mut chunks, n_chars, n_zeros, use_sep);
            use_sep = true;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                broke = true;
                break;
            }
            min_width -= sep_len;
        }
    }
    if !broke {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        push_chunk(&mut chunks, n_chars, n_zeros, use_sep);
    }
    chunks.reverse();
    // Each chunk was built as "<zeros><digits><sep>" where the separator
    // belongs *after* the chunk in reading order; rebuild accordingly.
    chunks.concat()
}

/// Everything needed to lay out a number (`calc_number_widths` inputs).
struct NumberParts<'a> {
    negative: bool,
    prefix: &'a str,
    /// The digits to group (ASCII).
    digits: &'a [u8],
    has_decimal: bool,
    /// Text after the decimal point (or the exponent/`%`/`inf` part, or
    /// the `c` character).
    remainder: &'a str,
    group: Option<(char, usize)>,
    upper: bool,
}

/// `calc_number_widths` + `fill_number`.
fn fill_number(p: &NumberParts<'_>, spec: &Spec) -> Result<String, FmtError> {
    let align = spec.align.unwrap_or(if spec.zero_pad { '=' } else { '>' });
    let fill = spec.fill;
    let sign = match spec.sign {
        Some('+') => Some(if p.negative { '-' } else { '+' }),
        Some(' ') => Some(if p.negative { '-' } else { ' ' }),
        _ => p.negative.then_some('-'),
    };
    let prefix_len = p.prefix.chars().count() as i64;
    let remainder_len = p.remainder.chars().count() as i64;
    let n_non_digit =
        i64::from(sign.is_some()) + prefix_len + i64::from(p.has_decimal) + remainder_len;
    let width = spec
        .width
        .map_or(-1, |w| w.min(i64::MAX as usize / 2) as i64);
    check_len(width.max(0) as usize)?;
    let min_width = if fill == '0' && align == '=' {
        width - n_non_digit
    } else {
        0
    };
    let grouped = if p.digits.is_empty() {
        String::new()
    } else {
        let mut g = insert_grouping(p.digits, min_width, p.group);
        if p.upper {
            g = g.to_ascii_uppercase();
        }
        g
    };
    let n_padding = width - (n_non_digit + grouped.len() as i64);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if n_padding > 0 {
        match align {
            '<' => rpad = n_padding,
            '^' => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            '=' => spad = n_padding,
            _ => lpad = n_padding,
        }
    }
    let mut out = String::new();
    let pad = |out: &mut String, n: i64| {
        for _ in 0..n {
            out.push(fill);
        }
    };
    pad(&mut out, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    if p.upper {
        out.push_str(&p.prefix.to_ascii_uppercase());
    } else {
        out.push_str(p.prefix);
    }
    pad(&mut out, spad);
    out.push_str(&grouped);
    if p.has_decimal {
        out.push('.');
    }
    out.push_str(p.remainder);
    pad(&mut out, rpad);
    Ok(out)
}

/// `format(x, spec)` for an `int` (or `bool`/subclass: pass its type name).
///
/// Types `b c d o x X n` and none format the integer; `e E f F g G %`
/// convert it to float first (`OverflowError: int too large to convert to
/// float`). Errors, in CPython's order: `Cannot specify ',' with 'c'.`,
/// `Unknown format code 'z' for object of type 'int'`, `Precision not
/// allowed in integer format specifier`, `Negative zero coercion (z) not
/// allowed in integer format specifier`, `Sign not allowed with integer
/// format specifier 'c'`, `Alternate form (#) not allowed with integer
/// format specifier 'c'` (all `ValueError`); for `c`, `OverflowError`s
/// `Python int too large to convert to C long` / `%c arg not in
/// range(0x110000)`.
///
/// `c` with a surrogate code point (U+D800..U+DFFF) cannot be represented
/// in a Rust `String`; it raises `ValueError` with a message saying so.
///
/// Decimal output (`d`, `n`, none) is subject to CPython's default
/// 4300-digit limit (`ValueError: Exceeds the limit (4300 digits) for
/// integer string conversion; …`); see [`format_int_with_limit`].
pub fn format_int(x: &BigInt, spec: &Spec, type_name: &str) -> Result<String, FmtError> {
    format_int_with_limit(x, spec, type_name, INT_MAX_STR_DIGITS)
}

/// [`format_int`] with an explicit `sys.get_int_max_str_digits()` value
/// (0 = unlimited).
pub fn format_int_with_limit(
    x: &BigInt,
    spec: &Spec,
    type_name: &str,
    max_str_digits: usize,
) -> Result<String, FmtError> {
    let ty = spec.ty.unwrap_or('d');
    let group = check_grouping(spec, Some(ty))?;
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = bigint_to_f64(x)?;
            return format_float_inner(f, spec, ty, group);
        }
        t => return Err(unknown_code(t, type_name)),
    }
    if spec.precision.is_some() {
        return Err(FmtError::Value(
            "Precision not allowed in integer format specifier".into(),
        ));
    }
    if spec.no_neg_0 {
        return Err(FmtError::Value(
            "Negative zero coercion (z) not allowed in integer format specifier".into(),
        ));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(FmtError::Value(
                "Sign not allowed with integer format specifier 'c'".into(),
            ));
        }
        if spec.alternate {
            return Err(FmtError::Value(
                "Alternate form (#) not allowed with integer format specifier 'c'".into(),
            ));
        }
        let code = char_code(x)?;
        let ch = char::from_u32(code).ok_or_else(surrogate_error)?;
        let remainder = ch.to_string();
        return fill_number(
            &NumberParts {
                negative: false,
                prefix: "",
                digits: &[],
                has_decimal: false,
                remainder: &remainder,
                group: None,
                upper: false,
            },
            spec,
        );
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let digits = if radix == 10 {
        int_to_decimal(x, max_str_digits)?
    } else {
        x.to_str_radix(radix)
    };
    let digits = digits.trim_start_matches('-');
    check_len(digits.len())?;
    fill_number(
        &NumberParts {
            negative: x.sign() == Sign::Minus,
            prefix: if spec.alternate { prefix } else { "" },
            digits: digits.as_bytes(),
            has_decimal: false,
            remainder: "",
            // 'n' uses the C locale here: no separator.
            group: if ty == 'n' { None } else { group },
            upper: ty == 'X',
        },
        spec,
    )
}

/// What a surrogate `c` conversion raises (see [`format_int`]).
pub(super) fn surrogate_error() -> FmtError {
    FmtError::Value("%c arg is a surrogate code point, which is not supported".into())
}

/// `PyLong_AsLong` then the `range(0x110000)` check of the `c` type.
pub(super) fn char_code(x: &BigInt) -> Result<u32, FmtError> {
    let Some(v) = x.to_i64() else {
        return Err(FmtError::Overflow(
            "Python int too large to convert to C long".into(),
        ));
    };
    if !(0..=0x10ffff).contains(&v) {
        return Err(FmtError::Overflow("%c arg not in range(0x110000)".into()));
    }
    Ok(v as u32)
}

/// `format(x, spec)` for a `float` (pass the type name for subclasses).
///
/// Types `e E f F g G n %` and none (like `g`, but repr-like without a
/// precision and always with a digit after the point). Errors
/// (`ValueError`): `Cannot specify ',' with 'n'.`, `Unknown format code
/// 'd' for object of type 'float'`, `precision too big`; `MemoryError` for
/// results past the output cap.
pub fn format_float(x: f64, spec: &Spec, type_name: &str) -> Result<String, FmtError> {
    let group = check_grouping(spec, spec.ty)?;
    match spec.ty {
        // A literal NUL type character reads as "no type" in CPython.
        None | Some('\0') => format_float_inner(x, spec, '\0', group),
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')) => {
            format_float_inner(x, spec, t, group)
        }
        Some(t) => Err(unknown_code(t, type_name)),
    }
}

/// `format_float_internal`; `ty` is `'\0'` for "no type".
fn format_float_inner(
    x: f64,
    spec: &Spec,
    ty: char,
    group: Option<(char, usize)>,
) -> Result<String, FmtError> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FmtError::Value("precision too big".into()));
    }
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_0,
        ..DtoaFlags::default()
    };
    let mut code = ty;
    let mut default_precision = 6;
    let mut x = x;
    if code == '\0' {
        flags.add_dot_0 = true;
        code = 'r';
        default_precision = 0;
    }
    if code == 'n' {
        code = 'g';
    }
    let add_pct = code == '%';
    if add_pct {
        code = 'f';
        x *= 100.0;
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    let mut s = double_to_string(x, code, precision, flags)?;
    if add_pct {
        s.push('%');
    }
    fill_float_text(&s, group, ty, spec)
}

/// Lays out `s`, a formatted float (`-1234.5e+06`), as a number under
/// `spec`: parse_number's leading digits, optional point and the rest.
fn fill_float_text(s: &str, group: Option<(char, usize)>, ty: char, spec: &Spec) -> Result<String, FmtError> {
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let n_int = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n_int);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    fill_number(
        &NumberParts {
            negative,
            prefix: "",
            digits: digits.as_bytes(),
            has_decimal,
            remainder,
            group: if ty == 'n' { None } else { group },
            upper: false,
        },
        spec,
    )
}

/// `format(z, spec)` for a `complex` (`format_complex_internal`).
///
/// Types `e E f F g G n` and none (like `str(z)` when the spec has no
/// precision: parentheses unless the real part is +0, which is then left
/// out). Each part is laid out as a number of its own — the real part
/// with the spec's sign, the imaginary part always signed (unless the real
/// part is left out) — then the whole is padded (default: right-aligned).
/// Errors (`ValueError`), in CPython's order: `Cannot specify ',' with
/// 'n'.`, `Unknown format code 'd' for object of type 'complex'`,
/// `precision too big`, `Zero padding is not allowed in complex format
/// specifier`, `'=' alignment flag is not allowed in complex format
/// specifier`.
pub fn format_complex(re: f64, im: f64, spec: &Spec, type_name: &str) -> Result<String, FmtError> {
    let group = check_grouping(spec, spec.ty)?;
    let ty = match spec.ty {
        None | Some('\0') => '\0',
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n')) => t,
        Some(t) => return Err(unknown_code(t, type_name)),
    };
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FmtError::Value("precision too big".into()));
    }
    if spec.fill == '0' {
        return Err(FmtError::Value("Zero padding is not allowed in complex format specifier".into()));
    }
    if spec.align == Some('=') {
        return Err(FmtError::Value(
            "'=' alignment flag is not allowed in complex format specifier".into(),
        ));
    }
    let flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_0,
        ..DtoaFlags::default()
    };
    let (mut code, mut default_precision) = (ty, 6);
    let (mut skip_re, mut parens) = (false, false);
    if code == '\0' {
        code = 'r';
        default_precision = 0;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    if code == 'n' {
        code = 'g';
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    let part = |x: f64, sign: Option<char>| -> Result<String, FmtError> {
        let s = double_to_string(x, code, precision, flags)?;
        let unpadded = Spec {
            fill: ' ',
            align: Some('<'),
            zero_pad: false,
            sign,
            width: None,
            ..spec.clone()
        };
        fill_float_text(&s, group, ty, &unpadded)
    };
    let re_s = if skip_re { String::new() } else { part(re, spec.sign)? };
    let im_s = part(im, if skip_re { spec.sign } else { Some('+') })?;
    let body = if parens { format!("({re_s}{im_s}j)") } else { format!("{re_s}{im_s}j") };
    let n = body.chars().count();
    let width = spec.width.unwrap_or(0);
    check_len(width)?;
    if width <= n {
        return Ok(body);
    }
    let pad = width - n;
    let lpad = match spec.align.unwrap_or('>') {
        '>' => pad,
        '^' => pad / 2,
        _ => 0,
    };
    let fill = |k: usize| std::iter::repeat(spec.fill).take(k).collect::<String>();
    Ok(format!("{}{body}{}", fill(lpad), fill(pad - lpad)))
}

/// `format(s, spec)` for a `str` (pass the type name for subclasses).
///
/// Width and precision count code points; precision truncates. Errors
/// (`ValueError`), in CPython's order: `Cannot specify ',' with 's'.`,
/// `Unknown format code 'd' for object of type 'str'`, `Space not allowed
/// in string format specifier`, `Sign not allowed in string format
/// specifier`, `Negative zero coercion (z) not allowed in string format
/// specifier`, `Alternate form (#) not allowed in string format
/// specifier`, `'=' alignment not allowed in string format specifier`.
pub fn format_str(s: &str, spec: &Spec, type_name: &str) -> Result<String, FmtError> {
    let ty = spec.ty.unwrap_or('s');
    check_grouping(spec, Some(ty))?;
    if ty != 's' {
        return Err(unknown_code(ty, type_name));
    }
    match spec.sign {
        Some(' ') => {
            return Err(FmtError::Value(
                "Space not allowed in string format specifier".into(),
            ));
        }
        Some(_) => {
            return Err(FmtError::Value(
                "Sign not allowed in string format specifier".into(),
            ));
        }
        None => {}
    }
    if spec.no_neg_0 {
        return Err(FmtError::Value(
            "Negative zero coercion (z) not allowed in string format specifier".into(),
        ));
    }
    if spec.alternate {
        return Err(FmtError::Value(
            "Alternate form (#) not allowed in string format specifier".into(),
        ));
    }
    let align = spec.align.unwrap_or('<');
    if align == '=' {
        return Err(FmtError::Value(
            "'=' alignment not allowed in string format specifier".into(),
        ));
    }
    let len = s.chars().count();
    let (text, len) = match spec.precision {
        Some(p) if p < len => {
            let cut = s.char_indices().nth(p).map_or(s.len(), |(i, _)| i);
            (&s[..cut], p)
        }
        _ => (s, len),
    };
    let width = spec.width.unwrap_or(0);
    if width <= len {
        return Ok(text.to_string());
    }
    check_len(width)?;
    let total = width - len;
    let left = match align {
        '>' => total,
        '^' => total / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(text.len() + total);
    out.extend(std::iter::repeat_n(spec.fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(spec.fill, total - left));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fi(x: i64, spec: &str) -> String {
        match parse_spec(spec, "int").and_then(|s| format_int(&BigInt::from(x), &s, "int")) {
            Ok(s) => s,
            Err(e) => e.to_string(),
        }
    }
    fn ff(x: f64, spec: &str) -> String {
        match parse_spec(spec, "float").and_then(|s| format_float(x, &s, "float")) {
            Ok(s) => s,
            Err(e) => e.to_string(),
        }
    }
    fn fs(x: &str, spec: &str) -> String {
        match parse_spec(spec, "str").and_then(|s| format_str(x, &s, "str")) {
            Ok(s) => s,
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn ints() {
        assert_eq!(fi(1234, "08,"), "0,001,234");
        assert_eq!(fi(1234567, ","), "1,234,567");
        assert_eq!(fi(255, "#x"), "0xff");
        assert_eq!(fi(255, "#X"), "0XFF");
        assert_eq!(fi(255, "#010b"), "0b11111111");
        assert_eq!(fi(-255, "_b"), "-1111_1111");
        assert_eq!(fi(65, "c"), "A");
        assert_eq!(fi(5, "<05"), "50000");
        assert_eq!(fi(-5, "=+8"), "-      5");
        assert_eq!(fi(5, "^7"), "   5   ");
        assert_eq!(
            fi(1, "z"),
            "ValueError: Negative zero coercion (z) not allowed in integer format specifier"
        );
        assert_eq!(fi(1, ",x"), "ValueError: Cannot specify ',' with 'x'.");
        assert_eq!(
            fi(1, "\u{e9}"),
            "ValueError: Unknown format code '\\xe9' for object of type 'int'"
        );
        assert_eq!(fi(1, "999999999999"), "MemoryError");
        assert_eq!(
            fi(1, "99999999999999999999"),
            "ValueError: Too many decimal digits in format string"
        );
    }

    #[test]
    fn floats() {
        assert_eq!(ff(1e16, ""), "1e+16");
        assert_eq!(ff(1.0, ""), "1.0");
        assert_eq!(ff(1.5, ".3"), "1.5");
        assert_eq!(ff(1e16, ".3"), "1e+16");
        assert_eq!(ff(123.0, ".2"), "1.2e+02");
        assert_eq!(ff(f64::INFINITY, "010"), "0000000inf");
        assert_eq!(ff(f64::NEG_INFINITY, "=+10"), "-      inf");
        assert_eq!(ff(1234.5678, ",.2f"), "1,234.57");
        assert_eq!(ff(0.5, "%"), "50.000000%");
        assert_eq!(ff(-0.0, "z.1f"), "0.0");
        assert_eq!(ff(1.0, "\u{663}"), "1.0");
        assert_eq!(ff(1.0, ".3000000000"), "ValueError: precision too big");
    }

    #[test]
    fn strings() {
        assert_eq!(fs("ab", "05"), "ab000");
        assert_eq!(fs("abc", "*^7.2"), "**ab***");
        assert_eq!(fs("h\u{e9}llo", ">7"), "  h\u{e9}llo");
        assert_eq!(
            fs("ab", " "),
            "ValueError: Space not allowed in string format specifier"
        );
        assert_eq!(fs("ab", ","), "ValueError: Cannot specify ',' with 's'.");
        assert_eq!(
            fs("ab", "=5"),
            "ValueError: '=' alignment not allowed in string format specifier"
        );
        assert_eq!(
            fs("ab", ",,d"),
            "ValueError: Invalid format specifier ',,d' for object of type 'str'"
        );
    }
}
