//! Numeric literals: scanning with CPython's error messages, and value
//! conversion (integers too big for `i64` become decimal strings).

use crate::ast::Constant;

pub struct NumError {
    pub msg: String,
    /// Char index the error points at, and where its range ends.
    pub at: usize,
    pub end: usize,
}

fn err(msg: impl Into<String>, at: usize, end: usize) -> NumError {
    NumError {
        msg: msg.into(),
        at,
        end,
    }
}

/// Keywords that may directly follow a number (`1if x else y`); CPython
/// only warns about these.
const ALLOWED_AFTER: [&str; 8] = ["and", "else", "for", "if", "in", "is", "not", "or"];

fn id_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Scan the literal starting at `start`; returns its value and end index.
pub fn lex_number(src: &[char], start: usize) -> Result<(Constant, usize), NumError> {
    let at = |i: usize| src.get(i).copied();
    let mut i = start;
    if at(i) == Some('0') {
        let (radix, kind) = match at(i + 1) {
            Some('x' | 'X') => (16, "hexadecimal"),
            Some('o' | 'O') => (8, "octal"),
            Some('b' | 'B') => (2, "binary"),
            _ => (10, ""),
        };
        if radix != 10 {
            i += 2;
            let mut digits = String::new();
            loop {
                if at(i) == Some('_') {
                    i += 1;
                }
                match at(i) {
                    Some(c) if c.is_digit(radix) => {
                        digits.push(c);
                        i += 1;
                    }
                    Some(c) if c.is_ascii_digit() => {
                        return Err(err(format!("invalid digit '{c}' in {kind} literal"), i, i));
                    }
                    _ => {
                        if digits.is_empty() || at(i - 1) == Some('_') {
                            return Err(err(format!("invalid {kind} literal"), i - 1, i - 1));
                        }
                        break;
                    }
                }
            }
            check_end(src, i, kind)?;
            return Ok((int_value(&digits, radix), i));
        }
    }
    // Decimal integer part (may be empty for `.5`).
    let mut text = String::new();
    scan_digits(src, &mut i, &mut text)?;
    let mut is_float = false;
    if at(i) == Some('.') {
        is_float = true;
        text.push('.');
        i += 1;
        if at(i).is_some_and(|c| c.is_ascii_digit()) {
            scan_digits(src, &mut i, &mut text)?;
        }
    }
    if let Some('e' | 'E') = at(i) {
        let save = i;
        let mut j = i + 1;
        if let Some('+' | '-') = at(j) {
            j += 1;
        }
        if at(j).is_some_and(|c| c.is_ascii_digit()) {
            is_float = true;
            text.push('e');
            if let Some(s @ ('+' | '-')) = at(i + 1) {
                text.push(s);
            }
            i = j;
            scan_digits(src, &mut i, &mut text)?;
        } else {
            // `1else` is allowed (with a warning); anything else is not.
            check_end(src, save, "decimal")?;
            return finish_decimal(&text, is_float, false, save);
        }
    }
    let imaginary = matches!(at(i), Some('j' | 'J'));
    if imaginary {
        i += 1;
    }
    if !is_float
        && !imaginary
        && text.len() > 1
        && text.starts_with('0')
        && text.bytes().any(|b| b != b'0')
    {
        return Err(err(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            start,
            start + 1,
        ));
    }
    check_end(src, i, "decimal")?;
    finish_decimal(&text, is_float, imaginary, i)
}

fn finish_decimal(
    text: &str,
    is_float: bool,
    imaginary: bool,
    end: usize,
) -> Result<(Constant, usize), NumError> {
    if imaginary {
        return Ok((Constant::Imaginary(parse_float(text)), end));
    }
    if is_float {
        return Ok((Constant::Float(parse_float(text)), end));
    }
    Ok((int_value(text, 10), end))
}

fn parse_float(text: &str) -> f64 {
    looplab_num::decimal::parse(text).unwrap_or(f64::INFINITY)
}

/// Decimal digits with single underscores between them.
fn scan_digits(src: &[char], i: &mut usize, text: &mut String) -> Result<(), NumError> {
    while let Some(c) = src.get(*i).copied() {
        if c.is_ascii_digit() {
            text.push(c);
            *i += 1;
        } else if c == '_' {
            if src.get(*i + 1).is_some_and(|c| c.is_ascii_digit()) {
                *i += 1;
            } else {
                return Err(err("invalid decimal literal", *i, *i));
            }
        } else {
            break;
        }
    }
    Ok(())
}

fn check_end(src: &[char], i: usize, kind: &str) -> Result<(), NumError> {
    let Some(c) = src.get(i).copied() else {
        return Ok(());
    };
    if !id_char(c) {
        return Ok(());
    }
    let rest = &src[i..];
    for kw in ALLOWED_AFTER {
        let n = kw.len();
        if rest.len() >= n
            && rest[..n].iter().copied().eq(kw.chars())
            && !rest.get(n).copied().is_some_and(id_char)
        {
            return Ok(());
        }
    }
    let kind = if kind.is_empty() { "decimal" } else { kind };
    Err(err(format!("invalid {kind} literal"), i - 1, i - 1))
}

/// Integer value of `digits` in `radix`; spills to a decimal string when
/// it does not fit in `i64`.
pub fn int_value(digits: &str, radix: u32) -> Constant {
    let mut v: i64 = 0;
    let mut overflow = false;
    for c in digits.chars() {
        let d = c.to_digit(radix).unwrap_or(0) as i64;
        match v.checked_mul(radix as i64).and_then(|v| v.checked_add(d)) {
            Some(n) => v = n,
            None => {
                overflow = true;
                break;
            }
        }
    }
    if !overflow {
        return Constant::Int(v);
    }
    if radix == 10 {
        let trimmed = digits.trim_start_matches('0');
        return Constant::BigInt(trimmed.to_string());
    }
    // Little-endian base-1e9 limbs.
    let mut limbs: Vec<u64> = vec![0];
    for c in digits.chars() {
        let mut carry = c.to_digit(radix).unwrap_or(0) as u64;
        for limb in limbs.iter_mut() {
            let x = *limb * radix as u64 + carry;
            *limb = x % 1_000_000_000;
            carry = x / 1_000_000_000;
        }
        while carry > 0 {
            limbs.push(carry % 1_000_000_000);
            carry /= 1_000_000_000;
        }
    }
    let mut s = String::new();
    for (k, limb) in limbs.iter().rev().enumerate() {
        if k == 0 {
            s.push_str(&limb.to_string());
        } else {
            s.push_str(&format!("{limb:09}"));
        }
    }
    Constant::BigInt(s)
}
