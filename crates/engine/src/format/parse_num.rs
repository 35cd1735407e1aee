//! `int(s, base)`, `float(s)` and `repr(str)` with CPython 3.13's rules.
//!
//! Like CPython, non-ASCII input is first mapped to ASCII
//! (`_PyUnicode_TransformDecimalAndSpaceToASCII`): Unicode whitespace
//! becomes a space, Unicode decimal digits (`'٣'`) become ASCII digits, and
//! the first other non-ASCII character ends the text (so it fails to
//! parse). Error messages quote the *original* string with [`str_repr`].

use crate::bigint::BigInt;

use super::error::FmtError;
use super::unicode_tables::{DECIMAL_ZEROS, NON_ASCII_SPACES, NON_PRINTABLE};

/// CPython's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// Decimal value of a Unicode decimal digit (category Nd), as
/// `Py_UNICODE_TODECIMAL`; `None` for anything else.
pub fn decimal_value(c: char) -> Option<u32> {
    let v = c as u32;
    if c.is_ascii_digit() {
        return Some(v - '0' as u32);
    }
    if v < 0x80 {
        return None;
    }
    // Greatest run start <= v.
    let idx = DECIMAL_ZEROS.partition_point(|&z| z <= v);
    let start = *DECIMAL_ZEROS.get(idx.checked_sub(1)?)?;
    (v - start < 10).then_some(v - start)
}

/// `str.isspace()` for one character (Python's definition: includes
/// `\x1c`..`\x1f`, unlike Rust's `char::is_whitespace`).
pub fn py_isspace(c: char) -> bool {
    match c {
        '\t'..='\r' | '\x1c'..='\x1f' | ' ' => true,
        _ if (c as u32) < 0x80 => false,
        _ => NON_ASCII_SPACES.binary_search(&(c as u32)).is_ok(),
    }
}

/// `str.isprintable()` for one character.
fn py_isprintable(c: char) -> bool {
    let v = c as u32;
    if v < 0x80 {
        return (0x20..0x7f).contains(&v);
    }
    let idx = NON_PRINTABLE.partition_point(|&(lo, _)| lo <= v);
    match idx.checked_sub(1).and_then(|i| NON_PRINTABLE.get(i)) {
        Some(&(_, hi)) => v > hi,
        None => true,
    }
}

/// `repr(s)` for a Python `str`.
///
/// Quotes with `'` unless the text contains `'` and no `"`. Escapes the
/// chosen quote and `\`, writes `\t` `\n` `\r`, other ASCII controls and
/// DEL as `\xNN`, and non-printable non-ASCII characters as `\xNN`,
/// `\uNNNN` or `\UNNNNNNNN` (lower-case hex). Printable non-ASCII
/// characters (`é`, `中`, emoji) are kept as they are.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            _ if py_isprintable(c) => out.push(c),
            _ => {
                let v = c as u32;
                if v <= 0xff {
                    out.push_str(&format!("\\x{v:02x}"));
                } else if v <= 0xffff {
                    out.push_str(&format!("\\u{v:04x}"));
                } else {
                    out.push_str(&format!("\\U{v:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// `str(x)` for an int, with CPython's limit on decimal digits
/// (`sys.get_int_max_str_digits()`, 0 = unlimited; the sign does not
/// count). Used by `format()` and `%d` as well; the engine can use it for
/// `str`/`repr` of ints. Error (`ValueError`): `Exceeds the limit (4300
/// digits) for integer string conversion; use sys.set_int_max_str_digits()
/// to increase the limit`.
pub fn int_to_decimal(x: &BigInt, max_str_digits: usize) -> Result<String, FmtError> {
    let too_long = || {
        FmtError::Value(format!(
            "Exceeds the limit ({max_str_digits} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        ))
    };
    // A number of `bits` bits has at least floor((bits - 1) * log10(2)) + 1
    // digits: refuse clearly oversized values before the (quadratic)
    // conversion.
    if max_str_digits > 0
        && (x.bits().saturating_sub(1) as f64) * std::f64::consts::LOG10_2
            > max_str_digits as f64 + 1.0
    {
        return Err(too_long());
    }
    let s = x.to_str_radix(10);
    let digits = s.len() - usize::from(s.starts_with('-'));
    if max_str_digits > 0 && digits > max_str_digits {
        return Err(too_long());
    }
    Ok(s)
}

/// The ASCII text `float()` and `complex()` parse: `s` through
/// [`to_ascii`], then `_Py_string_to_number_with_underscores` (`_` only
/// between digits, and dropped). `None` for a misplaced underscore.
pub(super) fn number_text(s: &str) -> Option<Vec<u8>> {
    let buf = to_ascii(s);
    if !buf.contains(&b'_') {
        return Some(buf);
    }
    let mut out = Vec::with_capacity(buf.len());
    let mut prev = 0u8;
    for &b in &buf {
        if b == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !b.is_ascii_digit() {
                return None;
            }
            out.push(b);
        }
        prev = b;
    }
    (prev != b'_').then_some(out)
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`.
fn to_ascii(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let v = c as u32;
        if v < 127 {
            out.push(v as u8);
        } else if py_isspace(c) {
            out.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// `Py_ISSPACE`: ASCII whitespace only (after the transform above).
pub(super) fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `int(s, base)` with CPython's default 4300-digit limit; see
/// [`parse_int_with_limit`].
pub fn parse_int(s: &str, base: i64) -> Result<BigInt, FmtError> {
    parse_int_with_limit(s, base, INT_MAX_STR_DIGITS)
}

/// `int(s, base)` for a `str` argument.
///
/// `base` is what `int()` got, clamped into `i64` by the engine (CPython
/// clamps via `PyNumber_AsSsize_t`). Accepts surrounding whitespace, one
/// sign, `0x`/`0o`/`0b` prefixes matching the base (base 0 picks the base
/// from the prefix and rejects nonzero numbers with a leading `0`), and
/// single underscores between digits (one is also allowed right after a
/// prefix). `max_str_digits` is `sys.get_int_max_str_digits()` (0 = no
/// limit); it applies to bases that are not powers of two.
///
/// Errors (`ValueError`): `int() base must be >= 2 and <= 36, or 0`,
/// `invalid literal for int() with base 10: 'abc'` (the repr cut to 200
/// characters, as CPython's `%.200R`), `Exceeds the limit (4300 digits) for
/// integer string conversion: value has 5000 digits; use
/// sys.set_int_max_str_digits() to increase the limit`.
pub fn parse_int_with_limit(s: &str, base: i64, max_str_digits: usize) -> Result<BigInt, FmtError> {
    if (base != 0 && base < 2) || base > 36 {
        return Err(FmtError::Value(
            "int() base must be >= 2 and <= 36, or 0".into(),
        ));
    }
    let invalid = || {
        let r: String = str_repr(s).chars().take(200).collect();
        FmtError::Value(format!("invalid literal for int() with base {base}: {r}"))
    };
    let buf = to_ascii(s);
    let at = |i: usize| buf.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < buf.len() && is_c_space(buf[i]) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'+' {
        i += 1;
    } else if at(i) == b'-' {
        negative = true;
        i += 1;
    }
    let mut base = base as u32;
    let mut error_if_nonzero = false;
    let lower1 = at(i + 1).to_ascii_lowercase();
    if base == 0 {
        base = if at(i) != b'0' {
            10
        } else {
            match lower1 {
                b'x' => 16,
                b'o' => 8,
                b'b' => 2,
                _ => {
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0'
        && ((base == 16 && lower1 == b'x')
            || (base == 8 && lower1 == b'o')
            || (base == 2 && lower1 == b'b'))
    {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    // long_from_string_base: digits and single inner underscores.
    let digit_of = |b: u8| (b as char).to_digit(36).filter(|&d| d < base);
    if at(i) == b'_' {
        return Err(invalid());
    }
    let start = i;
    let mut prev = 0u8;
    let mut clean: Vec<u8> = Vec::new();
    while i < buf.len() && (digit_of(buf[i]).is_some() || buf[i] == b'_') {
        if buf[i] == b'_' {
            if prev == b'_' {
                return Err(invalid());
            }
        } else {
            clean.push(buf[i]);
        }
        prev = buf[i];
        i += 1;
    }
    if prev == b'_' || i == start {
        return Err(invalid());
    }
    while i < buf.len() && is_c_space(buf[i]) {
        i += 1;
    }
    if i != buf.len() {
        return Err(invalid());
    }
    if !base.is_power_of_two() && max_str_digits > 0 && clean.len() > max_str_digits {
        return Err(FmtError::Value(format!(
            "Exceeds the limit ({max_str_digits} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            clean.len()
        )));
    }
    let text = std::str::from_utf8(&clean).map_err(|_| invalid())?;
    let value = BigInt::from_str_radix(text, base).map_err(|_| invalid())?;
    if error_if_nonzero && value != BigInt::default() {
        return Err(invalid());
    }
    Ok(if negative { -value } else { value })
}

/// `float(s)` for a `str` argument.
///
/// Accepts surrounding whitespace, a sign, decimal notation with optional
/// exponent (`1.`, `.5`, `1e-3`), underscores between digits, and
/// `inf`/`infinity`/`nan` in any case with an optional sign (`-nan` has its
/// sign bit set, as in CPython). Out-of-range values become `inf`/`0.0`.
/// Error (`ValueError`): `could not convert string to float: 'x'` (full
/// repr of the original string).
pub fn parse_float(s: &str) -> Result<f64, FmtError> {
    let invalid = || {
        FmtError::Value(format!(
            "could not convert string to float: {}",
            str_repr(s)
        ))
    };
    let buf = number_text(s).ok_or_else(invalid)?;
    let mut lo = 0;
    let mut hi = buf.len();
    while lo < hi && is_c_space(buf[lo]) {
        lo += 1;
    }
    while hi > lo && is_c_space(buf[hi - 1]) {
        hi -= 1;
    }
    let text = &buf[lo..hi];
    let (negative, body) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let lower = body.to_ascii_lowercase();
    let magnitude = match lower.as_slice() {
        b"inf" | b"infinity" => f64::INFINITY,
        b"nan" => f64::NAN,
        _ => {
            if !valid_decimal(body) {
                return Err(invalid());
            }
            let t = std::str::from_utf8(body).map_err(|_| invalid())?;
            crate::decimal::parse(t).ok_or_else(invalid)?
        }
    };
    Ok(if negative { -magnitude } else { magnitude })
}

/// `digits [. digits] [e [sign] digits]` with at least one mantissa digit
/// (the grammar `_Py_dg_strtod` accepts, minus sign and specials).
fn valid_decimal(b: &[u8]) -> bool {
    let mut i = 0;
    let digits = |i: &mut usize| {
        let s = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - s
    };
    let mut n = digits(&mut i);
    if i < b.len() && b[i] == b'.' {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pi(s: &str, base: i64) -> String {
        match parse_int(s, base) {
            Ok(v) => v.to_string(),
            Err(e) => e.to_string(),
        }
    }
    fn pf(s: &str) -> String {
        match parse_float(s) {
            Ok(v) => super::super::float_repr::float_repr(v),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn repr() {
        assert_eq!(str_repr("abc"), "'abc'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("'\""), "'\\'\"'");
        assert_eq!(
            str_repr("a\\b\n\t\r\x00\x7f"),
            "'a\\\\b\\n\\t\\r\\x00\\x7f'"
        );
        assert_eq!(
            str_repr("h\u{e9}\u{4e2d}\u{1f600}"),
            "'h\u{e9}\u{4e2d}\u{1f600}'"
        );
        assert_eq!(
            str_repr("\u{85}\u{a0}\u{200b}\u{e000}\u{e0001}"),
            "'\\x85\\xa0\\u200b\\ue000\\U000e0001'"
        );
    }

    #[test]
    fn ints() {
        assert_eq!(pi(" -12_3 ", 10), "-123");
        assert_eq!(pi("0x_1f", 0), "31");
        assert_eq!(pi("0b101", 2), "5");
        assert_eq!(pi("0b101", 16), "45313");
        assert_eq!(pi("000", 0), "0");
        assert_eq!(
            pi("0_7", 0),
            "ValueError: invalid literal for int() with base 0: '0_7'"
        );
        assert_eq!(
            pi("_1", 10),
            "ValueError: invalid literal for int() with base 10: '_1'"
        );
        assert_eq!(
            pi("1__0", 10),
            "ValueError: invalid literal for int() with base 10: '1__0'"
        );
        assert_eq!(
            pi("1_", 10),
            "ValueError: invalid literal for int() with base 10: '1_'"
        );
        assert_eq!(
            pi("", 10),
            "ValueError: invalid literal for int() with base 10: ''"
        );
        assert_eq!(pi("\u{85}5\u{3000}", 10), "5");
        assert_eq!(pi("\u{663}\u{664}", 10), "34");
        assert_eq!(pi("zz", 36), "1295");
        assert_eq!(
            pi("1", 1),
            "ValueError: int() base must be >= 2 and <= 36, or 0"
        );
        assert!(pi(&"1".repeat(5000), 10).contains("value has 5000 digits"));
        assert_eq!(pi(&"1".repeat(5000), 16).len(), 6020);
    }

    #[test]
    fn floats() {
        assert_eq!(pf(" 1_0.0_1e1_0 "), "100100000000.0");
        assert_eq!(pf("-InFiNiTy"), "-inf");
        assert_eq!(pf("nan"), "nan");
        assert_eq!(pf("1."), "1.0");
        assert_eq!(pf(".5e-3"), "0.0005");
        assert_eq!(pf("1e500"), "inf");
        assert_eq!(
            pf("1_.0"),
            "ValueError: could not convert string to float: '1_.0'"
        );
        assert_eq!(
            pf("."),
            "ValueError: could not convert string to float: '.'"
        );
        assert_eq!(
            pf("0x10"),
            "ValueError: could not convert string to float: '0x10'"
        );
        assert_eq!(pf("\u{663}.5"), "3.5");
        assert!(parse_float("-nan").is_ok_and(|v| v.is_nan() && v.is_sign_negative()));
    }
}
