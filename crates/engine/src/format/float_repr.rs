//! `repr(float)` and CPython's `PyOS_double_to_string`.
//!
//! CPython turns a double into text in two steps: David Gay's `dtoa`
//! produces a bare digit string plus a decimal-point position, then
//! `format_float_short` (Python/pystrtod.c) lays those digits out with
//! padding zeros, a point and an exponent. We get the *same digits* from
//! Rust's own float formatting (shortest round-trip with `{:e}`, correctly
//! rounded half-even with `{:.N}`/`{:.Ne}`), and port the layout step
//! literally, so every code path (`repr`, `format()`, `%`) agrees with
//! CPython character for character.

use super::error::{FmtError, check_len};

/// Digits as `dtoa` returns them: no leading zeros, no trailing zeros
/// (except that a zero value is `"0"` with `decpt == 1`), and the decimal
/// point sits `decpt` places after the first digit (may be negative).
pub(super) struct Digits {
    pub(super) digits: Vec<u8>,
    pub(super) decpt: i64,
}

/// Parse Rust's `{:e}` output for a non-negative finite value
/// (`"1.2345e-5"`, `"5e-324"`) into [`Digits`], dropping trailing zeros.
fn parse_sci(s: &str) -> Digits {
    let (mant, exp) = match s.split_once('e') {
        Some(p) => p,
        None => (s, "0"),
    };
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.iter().all(|&d| d == b'0') {
        return zero_digits();
    }
    Digits {
        digits,
        decpt: exp + 1,
    }
}

fn zero_digits() -> Digits {
    Digits {
        digits: vec![b'0'],
        decpt: 1,
    }
}

/// dtoa mode 0: the shortest digit string that round-trips. `ax >= 0`, finite.
///
/// When several strings of that length round-trip, dtoa returns the one
/// nearest the exact value (half-even on a tie: `1878055632199313.25` →
/// `…313.2`), while Rust's shortest mode may return another
/// (`…313.3`). So we take Rust's length, then prefer the correctly rounded
/// string of that length whenever it also round-trips.
pub(super) fn shortest_digits(ax: f64) -> Digits {
    if ax == 0.0 {
        return zero_digits();
    }
    let short = format!("{ax:e}");
    let n = short
        .split('e')
        .next()
        .map_or(1, |m| m.bytes().filter(u8::is_ascii_digit).count());
    let nearest = format!("{:.*e}", n.saturating_sub(1), ax);
    if nearest != short && crate::decimal::parse(&nearest) == Some(ax) {
        return parse_sci(&nearest);
    }
    parse_sci(&short)
}

/// dtoa mode 2: `n >= 1` significant digits, correctly rounded
/// (half-even on exact ties), trailing zeros removed. `ax >= 0`, finite.
///
/// A double has at most 767 significant decimal digits, so asking Rust for
/// more than 800 changes nothing but the allocation: `n` is capped there,
/// which keeps `format(x, '.2000000000e')` from allocating gigabytes here.
pub(super) fn significant_digits(ax: f64, n: usize) -> Digits {
    if ax == 0.0 {
        return zero_digits();
    }
    let n = n.clamp(1, 800);
    parse_sci(&format!("{:.*e}", n - 1, ax))
}

/// dtoa mode 3: rounded to `n` digits after the decimal point (half-even on
/// exact ties), leading and trailing zeros removed. A nonzero value that
/// rounds to zero gives empty digits with `decpt == -n`, as dtoa does.
///
/// A double has at most 1074 fractional digits, so `n` is capped at 1100
/// for the same reason as in [`significant_digits`].
pub(super) fn fixed_digits(ax: f64, n: usize) -> Digits {
    if ax == 0.0 {
        return zero_digits();
    }
    let n = n.min(1100);
    let s = format!("{:.*}", n, ax);
    let (int_part, frac_part) = s.split_once('.').unwrap_or((s.as_str(), ""));
    let mut decpt = int_part.len() as i64;
    let all: Vec<u8> = int_part.bytes().chain(frac_part.bytes()).collect();
    let first = all.iter().position(|&d| d != b'0');
    let Some(first) = first else {
        return Digits {
            digits: Vec::new(),
            decpt: -(n as i64),
        };
    };
    decpt -= first as i64;
    let last = all.iter().rposition(|&d| d != b'0').unwrap_or(first);
    Digits {
        digits: all[first..=last].to_vec(),
        decpt,
    }
}

/// Options of `PyOS_double_to_string` (the `Py_DTSF_*` flags).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// `Py_DTSF_SIGN`: always write a sign (`+` for non-negative values).
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: integral values in fixed notation get `.0`
    /// (and for `g`, switch to exponent one digit earlier).
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: `#` alternate form: keep the point and trailing zeros.
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: `z`: a result that rounds to zero loses its `-`.
    pub no_neg_0: bool,
}

/// Layout of a finite result, computed before building it so the length
/// can be checked against the output cap first.
struct Layout {
    negative: bool,
    plus: bool,
    digits: Vec<u8>,
    decpt: i64,
    vdigits_start: i64,
    vdigits_end: i64,
    alt: bool,
    exp: Option<i64>,
    exp_char: char,
}

impl Layout {
    /// Upper bound of the rendered length.
    fn max_len(&self) -> usize {
        let span = (self.vdigits_end - self.vdigits_start).max(0) as usize;
        span.saturating_add(self.digits.len()).saturating_add(12)
    }

    /// Literal port of the string-building half of `format_float_short`.
    fn render(&self) -> String {
        let mut out = String::with_capacity(self.max_len());
        let digits_len = self.digits.len() as i64;
        let decpt = self.decpt;
        let zeros = |out: &mut String, n: i64| {
            for _ in 0..n.max(0) {
                out.push('0');
            }
        };
        if self.negative {
            out.push('-');
        } else if self.plus {
            out.push('+');
        }
        // Zero padding on the left of the digit string.
        if decpt <= 0 {
            zeros(&mut out, decpt - self.vdigits_start);
            out.push('.');
            zeros(&mut out, -decpt);
        } else {
            zeros(&mut out, -self.vdigits_start);
        }
        // The digits, with the point inside them if it falls there.
        let digits = |out: &mut String, d: &[u8]| {
            for &c in d {
                out.push(c as char);
            }
        };
        if 0 < decpt && decpt <= digits_len {
            let (a, b) = self.digits.split_at(decpt as usize);
            digits(&mut out, a);
            out.push('.');
            digits(&mut out, b);
        } else {
            digits(&mut out, &self.digits);
        }
        // Zeros on the right.
        if digits_len < decpt {
            zeros(&mut out, decpt - digits_len);
            out.push('.');
            zeros(&mut out, self.vdigits_end - decpt);
        } else {
            zeros(&mut out, self.vdigits_end - digits_len);
        }
        // A trailing point goes unless the alternate form asked for it.
        if out.ends_with('.') && !self.alt {
            out.pop();
        }
        if let Some(exp) = self.exp {
            out.push(self.exp_char);
            out.push(if exp < 0 { '-' } else { '+' });
            let mag = exp.unsigned_abs();
            if mag < 10 {
                out.push('0');
            }
            out.push_str(&mag.to_string());
        }
        out
    }
}

/// Result of the layout step: either a finished special value or a layout.
enum Shaped {
    Special(String),
    Finite(Layout),
}

/// `format_float_short` minus the final string building.
///
/// `code` is one of `e E f F g G r`; `precision` is as
/// `PyOS_double_to_string` receives it (for `r` it is ignored).
fn shape(x: f64, code: char, precision: usize, flags: DtoaFlags) -> Option<Shaped> {
    let (upper, code) = match code {
        'E' => (true, 'e'),
        'F' => (true, 'f'),
        'G' => (true, 'g'),
        'e' | 'f' | 'g' | 'r' => (false, code),
        _ => return None,
    };
    let mut negative = x.is_sign_negative();
    if x.is_nan() || x.is_infinite() {
        let mut s = String::new();
        if x.is_nan() {
            // The sign of a nan is never shown.
            negative = false;
        }
        if negative {
            s.push('-');
        } else if flags.sign {
            s.push('+');
        }
        s.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return Some(Shaped::Special(s));
    }
    let ax = x.abs();
    // Mode and digit count as PyOS_double_to_string computes them.
    let (d, precision) = match code {
        'e' => {
            let p = precision.saturating_add(1);
            (significant_digits(ax, p), p)
        }
        'f' => (fixed_digits(ax, precision), precision),
        'g' => {
            let p = precision.max(1);
            (significant_digits(ax, p), p)
        }
        _ => (shortest_digits(ax), 0),
    };
    let precision = precision.min(i64::MAX as usize / 4) as i64;
    let Digits { digits, mut decpt } = d;
    let digits_len = digits.len() as i64;
    if flags.no_neg_0 && negative && (digits.is_empty() || digits == b"0") {
        negative = false;
    }
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            // repr switches to exponent notation at 1e16.
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = None;
    if use_exp {
        exp = Some(decpt - 1);
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    Some(Shaped::Finite(Layout {
        negative,
        plus: flags.sign,
        digits,
        decpt,
        vdigits_start,
        vdigits_end,
        alt: flags.alt,
        exp,
        exp_char: if upper { 'E' } else { 'e' },
    }))
}

/// CPython's `PyOS_double_to_string(x, code, precision, flags)`.
///
/// `code` is one of `e E f F g G r`; any other code is an internal error
/// (`SystemError` in CPython) and returns `ValueError("bad format code")`.
/// Errors: `MemoryError` when the result would exceed
/// [`MAX_OUTPUT_CHARS`](super::error::MAX_OUTPUT_CHARS)
/// (e.g. `'%.1000000000f' % 1`).
pub fn double_to_string(
    x: f64,
    code: char,
    precision: usize,
    flags: DtoaFlags,
) -> Result<String, FmtError> {
    match shape(x, code, precision, flags) {
        None => Err(FmtError::Value("bad format code".into())),
        Some(Shaped::Special(s)) => Ok(s),
        Some(Shaped::Finite(layout)) => {
            check_len(layout.max_len())?;
            Ok(layout.render())
        }
    }
}

/// `repr(x)` (also `str(x)`) for a Python float: shortest round-trip
/// digits, exponent notation below 1e-4 and from 1e16 on, `.0` appended to
/// integral values: `0.1`, `1e+16`, `1e-05`, `123.0`, `-0.0`, `inf`, `nan`.
pub fn float_repr(x: f64) -> String {
    let flags = DtoaFlags {
        add_dot_0: true,
        ..DtoaFlags::default()
    };
    match shape(x, 'r', 0, flags) {
        Some(Shaped::Special(s)) => s,
        Some(Shaped::Finite(layout)) => layout.render(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_basics() {
        let cases: &[(f64, &str)] = &[
            (0.1, "0.1"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (123456789012345.0, "123456789012345.0"),
            (1234567890123456.8, "1234567890123456.8"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (1e22, "1e+22"),
            (0.0001, "0.0001"),
            (123.0, "123.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (-2.5, "-2.5"),
        ];
        for &(x, want) in cases {
            assert_eq!(float_repr(x), want, "{x:?}");
        }
    }

    #[test]
    fn double_to_string_modes() {
        let f = DtoaFlags::default();
        let d = |x, c, p| double_to_string(x, c, p, f).unwrap_or_default();
        assert_eq!(d(1.23456, 'f', 2), "1.23");
        assert_eq!(d(0.125, 'f', 2), "0.12");
        assert_eq!(d(0.001, 'f', 1), "0.0");
        assert_eq!(d(2.5, 'f', 0), "2");
        assert_eq!(d(1234.5, 'e', 2), "1.23e+03");
        assert_eq!(d(1e-300, 'E', 0), "1E-300");
        assert_eq!(d(0.0001, 'g', 6), "0.0001");
        assert_eq!(d(0.00001, 'g', 6), "1e-05");
        assert_eq!(d(f64::INFINITY, 'F', 6), "INF");
        assert_eq!(
            double_to_string(1.0, 'f', 2_000_000_000, f),
            Err(FmtError::Memory(String::new()))
        );
        let alt = DtoaFlags { alt: true, ..f };
        assert_eq!(
            double_to_string(1.0, 'g', 6, alt).unwrap_or_default(),
            "1.00000"
        );
        assert_eq!(double_to_string(2.0, 'f', 0, alt).unwrap_or_default(), "2.");
        let z = DtoaFlags {
            no_neg_0: true,
            ..f
        };
        assert_eq!(
            double_to_string(-0.001, 'f', 1, z).unwrap_or_default(),
            "0.0"
        );
        assert_eq!(
            double_to_string(-0.0, 'e', 1, z).unwrap_or_default(),
            "0.0e+00"
        );
    }
}
