//! `complex` numbers as CPython 3.13 computes and prints them
//! (Objects/complexobject.c): arithmetic with the same operation order (so
//! signed zeros, infinities and NaNs come out alike), `repr`, and
//! `complex(str)` parsing. Mixed int/float operands are converted to
//! `complex(x, 0.0)` first, as 3.13 does.

use super::error::FmtError;
use super::float_repr::{DtoaFlags, double_to_string, float_repr};
use super::parse_num::{is_c_space, number_text, str_repr};

/// A complex value: real and imaginary parts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

impl Complex {
    pub fn new(re: f64, im: f64) -> Complex {
        Complex { re, im }
    }

    pub fn add(self, b: Complex) -> Complex {
        Complex::new(self.re + b.re, self.im + b.im)
    }

    pub fn sub(self, b: Complex) -> Complex {
        Complex::new(self.re - b.re, self.im - b.im)
    }

    /// `_Py_c_prod`.
    pub fn mul(self, b: Complex) -> Complex {
        Complex::new(self.re * b.re - self.im * b.im, self.re * b.im + self.im * b.re)
    }

    /// `_Py_c_quot`: Smith's algorithm. `None` when dividing by zero.
    fn quot(self, b: Complex) -> Option<Complex> {
        let (a, abs_re, abs_im) = (self, b.re.abs(), b.im.abs());
        if abs_re >= abs_im {
            if abs_re == 0.0 {
                return None;
            }
            let ratio = b.im / b.re;
            let denom = b.re + b.im * ratio;
            Some(Complex::new((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom))
        } else if abs_im >= abs_re {
            let ratio = b.re / b.im;
            let denom = b.re * ratio + b.im;
            Some(Complex::new((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom))
        } else {
            // A NaN is involved.
            Some(Complex::new(f64::NAN, f64::NAN))
        }
    }

    /// `a / b`. Error: `ZeroDivisionError: complex division by zero`.
    pub fn div(self, b: Complex) -> Result<Complex, FmtError> {
        self.quot(b).ok_or_else(|| FmtError::ZeroDivision("complex division by zero".into()))
    }

    /// `a ** b` (`complex_pow`): small integral exponents by repeated
    /// squaring, others through polar form. Errors: `ZeroDivisionError:
    /// 0.0 to a negative or complex power`, `OverflowError: complex
    /// exponentiation`.
    pub fn pow(self, b: Complex) -> Result<Complex, FmtError> {
        let zero_power = || FmtError::ZeroDivision("0.0 to a negative or complex power".into());
        let r = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
            let n = b.re as i64;
            if n > 0 {
                self.powu(n as u64)
            } else {
                ONE.quot(self.powu(n.unsigned_abs())).ok_or_else(zero_power)?
            }
        } else if b.re == 0.0 && b.im == 0.0 {
            ONE
        } else if self.re == 0.0 && self.im == 0.0 {
            if b.im != 0.0 || b.re < 0.0 {
                return Err(zero_power());
            }
            Complex::new(0.0, 0.0)
        } else {
            let vabs = self.re.hypot(self.im);
            let mut len = vabs.powf(b.re);
            let at = self.im.atan2(self.re);
            let mut phase = at * b.re;
            if b.im != 0.0 {
                len /= (at * b.im).exp();
                phase += b.im * vabs.ln();
            }
            Complex::new(len * phase.cos(), len * phase.sin())
        };
        if r.re.is_infinite() || r.im.is_infinite() {
            return Err(FmtError::Overflow("complex exponentiation".into()));
        }
        Ok(r)
    }

    /// `c_powu`.
    fn powu(self, n: u64) -> Complex {
        let (mut r, mut p, mut mask) = (ONE, self, 1u64);
        while mask > 0 && n >= mask {
            if n & mask != 0 {
                r = r.mul(p);
            }
            mask <<= 1;
            p = p.mul(p);
        }
        r
    }

    /// `abs(z)`. Error: `OverflowError: absolute value too large`.
    pub fn abs(self) -> Result<f64, FmtError> {
        if !self.re.is_finite() || !self.im.is_finite() {
            if self.re.is_infinite() {
                return Ok(self.re.abs());
            }
            if self.im.is_infinite() {
                return Ok(self.im.abs());
            }
            return Ok(f64::NAN);
        }
        let r = self.re.hypot(self.im);
        if r.is_finite() {
            Ok(r)
        } else {
            Err(FmtError::Overflow("absolute value too large".into()))
        }
    }

    /// Whether the real part is +0.0, so `repr`/`format` leave it out.
    pub fn real_is_plus_zero(self) -> bool {
        self.re == 0.0 && self.re.is_sign_positive()
    }
}

const ONE: Complex = Complex { re: 1.0, im: 0.0 };

/// `repr(z)` (also `str(z)`): `2j`, `(1+2j)`, `(-0-1j)`, `(1.5+0j)`,
/// `(inf+nanj)`. Parts use the float repr digits without `.0`.
pub fn complex_repr(z: Complex) -> String {
    // `repr` digits without `Py_DTSF_ADD_DOT_0` (short output: no error).
    let part = |x: f64, sign: bool| {
        double_to_string(x, 'r', 0, DtoaFlags { sign, ..DtoaFlags::default() }).unwrap_or_else(|_| float_repr(x))
    };
    if z.real_is_plus_zero() {
        format!("{}j", part(z.im, false))
    } else {
        format!("({}{}j)", part(z.re, false), part(z.im, true))
    }
}

/// `complex(s)` for a `str`: `<float>`, `<float>j`, `<float><signed
/// float>j`, and the legacy `j`, `<sign>j`, `<float><sign>j`; surrounding
/// whitespace and one pair of parentheses allowed. Errors (`ValueError`):
/// `complex() arg is a malformed string`, or for a misplaced underscore
/// `could not convert string to complex: '1__0'`.
pub fn parse_complex(s: &str) -> Result<Complex, FmtError> {
    let Some(buf) = number_text(s) else {
        return Err(FmtError::Value(format!("could not convert string to complex: {}", str_repr(s))));
    };
    parse_complex_ascii(&buf).ok_or_else(|| FmtError::Value("complex() arg is a malformed string".into()))
}

fn parse_complex_ascii(b: &[u8]) -> Option<Complex> {
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let is_j = |c: u8| c == b'j' || c == b'J';
    let mut i = 0;
    while is_c_space(at(i)) {
        i += 1;
    }
    let bracket = at(i) == b'(';
    if bracket {
        i += 1;
        while is_c_space(at(i)) {
            i += 1;
        }
    }
    let (mut re, mut im) = (0.0, 0.0);
    if let Some((z, n)) = float_prefix(&b[i..]) {
        i += n;
        if matches!(at(i), b'+' | b'-') {
            re = z;
            match float_prefix(&b[i..]) {
                Some((y, n)) => {
                    im = y;
                    i += n;
                }
                None => {
                    im = if at(i) == b'+' { 1.0 } else { -1.0 };
                    i += 1;
                }
            }
            if !is_j(at(i)) {
                return None;
            }
            i += 1;
        } else if is_j(at(i)) {
            im = z;
            i += 1;
        } else {
            re = z;
        }
    } else {
        im = match at(i) {
            b'+' => {
                i += 1;
                1.0
            }
            b'-' => {
                i += 1;
                -1.0
            }
            _ => 1.0,
        };
        if !is_j(at(i)) {
            return None;
        }
        i += 1;
    }
    while is_c_space(at(i)) {
        i += 1;
    }
    if bracket {
        if at(i) != b')' {
            return None;
        }
        i += 1;
        while is_c_space(at(i)) {
            i += 1;
        }
    }
    (i == b.len()).then_some(Complex::new(re, im))
}

/// The longest float at the start of `b` (`PyOS_string_to_double` with an
/// end pointer): sign, then `inf`/`infinity`/`nan` or decimal digits with
/// an optional point and exponent. Returns the value and its length.
fn float_prefix(b: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let negative = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let rest = &b[i..];
    let starts = |word: &[u8]| rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word);
    let (magnitude, n) = if starts(b"infinity") {
        (f64::INFINITY, 8)
    } else if starts(b"inf") {
        (f64::INFINITY, 3)
    } else if starts(b"nan") {
        (f64::NAN, 3)
    } else {
        let digits = |j: &mut usize| {
            let s = *j;
            while rest.get(*j).is_some_and(u8::is_ascii_digit) {
                *j += 1;
            }
            *j - s
        };
        let mut j = 0;
        let mut count = digits(&mut j);
        if rest.get(j) == Some(&b'.') {
            j += 1;
            count += digits(&mut j);
        }
        if count == 0 {
            return None;
        }
        if matches!(rest.get(j), Some(b'e' | b'E')) {
            let mut k = j + 1;
            if matches!(rest.get(k), Some(b'+' | b'-')) {
                k += 1;
            }
            if digits(&mut k) > 0 {
                j = k;
            }
        }
        let text = std::str::from_utf8(&rest[..j]).ok()?;
        (crate::decimal::parse(text)?, j)
    };
    Some((if negative { -magnitude } else { magnitude }, i + n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(re: f64, im: f64) -> String {
        complex_repr(Complex::new(re, im))
    }

    #[test]
    fn reprs() {
        assert_eq!(r(3.0, 4.0), "(3+4j)");
        assert_eq!(r(0.0, 2.0), "2j");
        assert_eq!(r(-0.0, -1.0), "(-0-1j)");
        assert_eq!(r(1.5, 0.0), "(1.5+0j)");
        assert_eq!(r(1e16, 1e-5), "(1e+16+1e-05j)");
        assert_eq!(r(f64::INFINITY, f64::NEG_INFINITY), "(inf-infj)");
        assert_eq!(r(f64::NAN, f64::NAN), "(nan+nanj)");
        assert_eq!(r(0.0, f64::NAN), "nanj");
    }

    #[test]
    fn parsing() {
        let p = |s: &str| parse_complex(s).map(complex_repr).unwrap_or_else(|e| e.to_string());
        assert_eq!(p(" (1+2j) "), "(1+2j)");
        assert_eq!(p("-j"), "-1j");
        assert_eq!(p("1e3-2.5e-1J"), "(1000-0.25j)");
        assert_eq!(p("1_000+2_0j"), "(1000+20j)");
        assert_eq!(p("1+infj"), "(1+infj)");
        assert_eq!(p("1e"), "ValueError: complex() arg is a malformed string");
        assert_eq!(p("1 +2j"), "ValueError: complex() arg is a malformed string");
        assert_eq!(p("1__0"), "ValueError: could not convert string to complex: '1__0'");
    }

    #[test]
    fn arithmetic() {
        let c = Complex::new;
        assert_eq!(c(1.0, 2.0).mul(c(3.0, -1.0)), c(5.0, 5.0));
        assert_eq!(c(1.0, 1.0).pow(c(100.0, 0.0)).map(complex_repr), Ok("(-1125899906842624+0j)".into()));
        assert_eq!(c(0.0, 2.0).pow(c(-3.0, 0.0)).map(complex_repr), Ok("(-0+0.125j)".into()));
        assert!(c(0.0, 0.0).pow(c(-1.0, 0.0)).is_err());
        assert!(c(1.0, 0.0).div(c(0.0, 0.0)).is_err());
        assert_eq!(c(1.0, 2.0).div(c(3.0, -4.0)).map(complex_repr), Ok("(-0.2+0.4j)".into()));
    }
}
