//! Float arithmetic with Python's semantics: floor division and modulo
//! (result takes the divisor's sign), `round(x, n)`, and correctly rounded
//! int → float conversion and int / int true division.

use crate::bigint::{BigInt, BigUint, Sign};
use crate::decimal::ratio_to_f64;

use super::error::FmtError;
use super::float_repr::fixed_digits;

/// `_float_div_mod`: CPython's floor quotient and modulo of two floats
/// (divisor nonzero).
fn div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx; // Rust's % is C fmod: exact.
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `a // b` for floats. `ZeroDivisionError: float floor division by zero`.
pub fn float_floordiv(a: f64, b: f64) -> Result<f64, FmtError> {
    if b == 0.0 {
        return Err(FmtError::ZeroDivision(
            "float floor division by zero".into(),
        ));
    }
    Ok(div_mod(a, b).0)
}

/// `a % b` for floats: the result has the sign of `b` (`-0.0 % 5.0` is
/// `0.0`, `0.0 % -5.0` is `-0.0`). `ZeroDivisionError: float modulo by zero`.
pub fn float_mod(a: f64, b: f64) -> Result<f64, FmtError> {
    if b == 0.0 {
        return Err(FmtError::ZeroDivision("float modulo by zero".into()));
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Ok(m)
}

/// `divmod(a, b)` for floats. `ZeroDivisionError: float divmod()`.
pub fn float_divmod(a: f64, b: f64) -> Result<(f64, f64), FmtError> {
    if b == 0.0 {
        return Err(FmtError::ZeroDivision("float divmod()".into()));
    }
    Ok(div_mod(a, b))
}

/// `round(x, ndigits)` for a float, correctly rounded (half-even on the
/// exact binary value, so `round(2.675, 2) == 2.67`).
///
/// `ndigits` is the engine's `PyNumber_AsSsize_t` (clamped) value. NaN and
/// infinities come back unchanged. Error: `OverflowError: rounded value too
/// large to represent` (e.g. `round(1.7976931348623157e308, -308)`).
/// (`round(x)` with no `ndigits` rounds to an int and is the engine's.)
pub fn float_round(x: f64, ndigits: i64) -> Result<f64, FmtError> {
    const NDIGITS_MAX: i64 = 323; // (DBL_MANT_DIG - DBL_MIN_EXP) * log10(2)
    const NDIGITS_MIN: i64 = -308; // -(DBL_MAX_EXP + 1) * log10(2)
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let negative = x.is_sign_negative();
    let ax = x.abs();
    let rounded = if ndigits >= 0 {
        let d = fixed_digits(ax, ndigits as usize);
        digits_to_f64(&d.digits, d.decpt)
    } else {
        round_to_power_of_ten(ax, (-ndigits) as u32)
    };
    if rounded.is_infinite() {
        return Err(FmtError::Overflow(
            "rounded value too large to represent".into(),
        ));
    }
    Ok(if negative { -rounded } else { rounded })
}

/// The double nearest to `0.DIGITS × 10^decpt`.
fn digits_to_f64(digits: &[u8], decpt: i64) -> f64 {
    if digits.is_empty() {
        return 0.0;
    }
    let text = format!(
        "{}e{}",
        String::from_utf8_lossy(digits),
        decpt - digits.len() as i64
    );
    crate::decimal::parse(&text).unwrap_or(0.0)
}

/// `ax` (finite, >= 0) rounded half-even to a multiple of `10^k`, `k >= 1`.
fn round_to_power_of_ten(ax: f64, k: u32) -> f64 {
    if ax == 0.0 {
        return 0.0;
    }
    // ax >= 1 here unless it rounds to zero; work on the exact value
    // m * 2^e as a rational to decide the rounding without error.
    let Some((m, e)) = decompose(ax) else {
        return 0.0;
    };
    let pow = BigUint::from(10u32).pow(k);
    // value = num / den exactly.
    let (num, den) = if e >= 0 {
        (BigUint::from(m) << e as usize, BigUint::one())
    } else {
        (BigUint::from(m), BigUint::one() << (-e) as usize)
    };
    // q = floor(value / 10^k), r = value - q*10^k (as num/den)
    let scaled_den = &den * &pow;
    let q = &num / &scaled_den;
    let r = &num - &q * &scaled_den; // remainder, in units of 1/den
    let twice = &r << 1usize;
    let round_up = match twice.cmp(&scaled_den) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => (&q % 2u32) == BigUint::from(1u32),
    };
    let q = if round_up { q + 1u32 } else { q };
    if q.is_zero() {
        return 0.0;
    }
    let text = format!("{q}e{k}");
    crate::decimal::parse(&text).unwrap_or(f64::INFINITY)
}

/// `x = m * 2^e` with integer `m` for finite `x > 0`.
fn decompose(x: f64) -> Option<(u64, i64)> {
    if !(x.is_finite() && x > 0.0) {
        return None;
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        Some((frac, -1074))
    } else {
        Some((frac | (1u64 << 52), exp - 1075))
    }
}

/// `float(n)` for a Python int, correctly rounded (half-even).
/// `OverflowError: int too large to convert to float`.
pub fn bigint_to_f64(n: &BigInt) -> Result<f64, FmtError> {
    let v = ratio_to_f64(n.magnitude(), &BigUint::from(1u32));
    if v.is_infinite() {
        return Err(FmtError::Overflow(
            "int too large to convert to float".into(),
        ));
    }
    Ok(if n.sign() == Sign::Minus { -v } else { v })
}

/// `a / b` for Python ints, correctly rounded even when both are huge
/// (`10**400 / 10**399 == 10.0`). Errors: `ZeroDivisionError: division by
/// zero`, `OverflowError: integer division result too large for a float`.
/// A negative quotient that underflows (or `0 / -n`) is `-0.0`, as in CPython.
pub fn int_true_div(a: &BigInt, b: &BigInt) -> Result<f64, FmtError> {
    if b.is_zero() {
        return Err(FmtError::ZeroDivision("division by zero".into()));
    }
    let v = ratio_to_f64(a.magnitude(), b.magnitude());
    if v.is_infinite() {
        return Err(FmtError::Overflow(
            "integer division result too large for a float".into(),
        ));
    }
    // Like CPython, `0 / -5` is `-0.0`: the sign is the XOR of the signs.
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    Ok(if negative { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn divmod_signs() {
        assert_eq!(float_mod(-5.0, 3.0), Ok(1.0));
        assert_eq!(float_mod(5.0, -3.0), Ok(-1.0));
        assert!(float_mod(0.0, -3.0).is_ok_and(|v| v == 0.0 && v.is_sign_negative()));
        assert!(float_mod(-0.0, 3.0).is_ok_and(|v| v == 0.0 && v.is_sign_positive()));
        assert_eq!(float_mod(-5.0, f64::INFINITY), Ok(f64::INFINITY));
        assert_eq!(float_floordiv(-5.0, 3.0), Ok(-2.0));
        assert!(float_floordiv(-0.5, f64::INFINITY).is_ok_and(|v| v == -1.0));
        assert!(float_floordiv(f64::INFINITY, 5.0).is_ok_and(f64::is_nan));
        assert_eq!(float_divmod(7.5, 2.0), Ok((3.0, 1.5)));
        assert_eq!(
            float_divmod(1.0, 0.0),
            Err(FmtError::ZeroDivision("float divmod()".into()))
        );
    }

    #[test]
    fn rounding() {
        assert_eq!(float_round(2.675, 2), Ok(2.67));
        assert_eq!(float_round(1234.5, -2), Ok(1200.0));
        assert_eq!(float_round(1250.0, -2), Ok(1200.0));
        assert_eq!(float_round(1350.0, -2), Ok(1400.0));
        assert_eq!(float_round(0.5, 0), Ok(0.0));
        assert_eq!(float_round(-0.5, 0).map(f64::is_sign_negative), Ok(true));
        assert_eq!(float_round(5e-324, 323), Ok(0.0));
        assert_eq!(float_round(49.0, -2), Ok(0.0));
        assert_eq!(float_round(50.0, -2), Ok(0.0));
        assert_eq!(float_round(51.0, -2), Ok(100.0));
        assert!(float_round(f64::MAX, -308).is_err());
    }

    #[test]
    fn int_division() {
        let ten = BigInt::from(10);
        assert_eq!(
            int_true_div(&ten.clone().pow(400u32), &ten.clone().pow(399u32)),
            Ok(10.0)
        );
        assert_eq!(
            int_true_div(&BigInt::from(1), &BigInt::from(3)),
            Ok(1.0 / 3.0)
        );
        assert!(
            int_true_div(&BigInt::from(-1), &ten.clone().pow(400u32))
                .is_ok_and(|v| v == 0.0 && v.is_sign_negative())
        );
        assert!(int_true_div(&ten.clone().pow(400u32), &BigInt::from(1)).is_err());
        assert_eq!(
            bigint_to_f64(&big("9007199254740993")),
            Ok(9007199254740992.0)
        );
        assert_eq!(
            bigint_to_f64(&big("9007199254740995")),
            Ok(9007199254740996.0)
        );
        assert!(bigint_to_f64(&ten.pow(400u32)).is_err());
        // 2**1024 - 2**970 rounds up to 2**1024: overflow.
        let two = BigInt::from(2);
        let v = two.clone().pow(1024u32) - two.clone().pow(970u32);
        assert!(bigint_to_f64(&v).is_err());
        let w = two.clone().pow(1024u32) - two.pow(971u32);
        assert_eq!(bigint_to_f64(&w), Ok(f64::MAX));
    }
}
