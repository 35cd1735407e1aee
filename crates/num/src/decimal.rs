//! Decimal text to the nearest double, without the standard library's
//! `f64::from_str`, whose table of powers of five alone is 10 KB of wasm.
//! The common literal (at most 19 digits, an exponent within ±22) takes
//! one exact IEEE operation; anything else is an exact big-integer ratio.

use crate::bigint::BigUint;

/// The powers of ten that doubles hold exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    1e20, 1e21, 1e22,
];

/// Parses `[+-]digits[.digits][(e|E)[+-]digits]`, or `inf`, `infinity` or
/// `nan` in any case, as `f64::from_str` does, correctly rounded (ties to
/// even). None for anything else.
pub fn parse(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let v = match body.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => magnitude(body.as_bytes())?,
    };
    Some(if negative { -v } else { v })
}

fn magnitude(b: &[u8]) -> Option<f64> {
    let mut digits: Vec<u8> = Vec::new();
    let mut exp: i64 = 0;
    let (mut i, mut seen, mut dot) = (0, false, false);
    while i < b.len() {
        match b[i] {
            c @ b'0'..=b'9' => {
                seen = true;
                if !(digits.is_empty() && c == b'0') {
                    digits.push(c - b'0');
                }
                if dot {
                    exp -= 1;
                }
            }
            b'.' if !dot => dot = true,
            _ => break,
        }
        i += 1;
    }
    if !seen {
        return None;
    }
    if i < b.len() {
        if !matches!(b[i], b'e' | b'E') {
            return None;
        }
        let rest = std::str::from_utf8(&b[i + 1..]).ok()?;
        let digits_only = rest.strip_prefix(['+', '-']).unwrap_or(rest);
        if digits_only.is_empty() || !digits_only.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        // A huge exponent saturates: the value is 0 or infinity anyway.
        let e: i64 = digits_only.parse().unwrap_or(1 << 40);
        exp = exp.saturating_add(if rest.starts_with('-') { -e } else { e });
    }
    // Trailing zeros only scale.
    while digits.last() == Some(&0) {
        digits.pop();
        exp += 1;
    }
    if digits.is_empty() {
        return Some(0.0);
    }
    let n = digits.len() as i64;
    if n + exp > 310 {
        return Some(f64::INFINITY);
    }
    if n + exp < -330 {
        return Some(0.0);
    }
    if n <= 19 {
        let m = digits.iter().fold(0u64, |acc, &d| acc * 10 + d as u64);
        if m < 1 << 53 && (-22..=22).contains(&exp) {
            // Both factors are exact doubles, so one operation rounds correctly.
            let p = POW10[exp.unsigned_abs() as usize];
            return Some(if exp >= 0 { m as f64 * p } else { m as f64 / p });
        }
    }
    let text: String = digits.iter().map(|&d| (b'0' + d) as char).collect();
    let m = BigUint::parse(&text, 10)?;
    let ten = BigUint::from(10u32);
    Some(if exp >= 0 {
        ratio_to_f64(&(&m * &ten.pow(exp as u32)), &BigUint::one())
    } else {
        ratio_to_f64(&m, &ten.pow((-exp) as u32))
    })
}

/// `a / b` correctly rounded (half-even) for non-negative big integers,
/// `b > 0`. May return `inf` when the quotient is too large.
pub fn ratio_to_f64(a: &BigUint, b: &BigUint) -> f64 {
    if a.is_zero() {
        return 0.0;
    }
    match (a.to_u64(), b.to_u64()) {
        // Both exact as doubles: one IEEE division rounds correctly.
        (Some(x), Some(y)) if x <= 1 << 53 && y <= 1 << 53 => return x as f64 / y as f64,
        _ => {}
    }
    let a_bits = a.bits() as i64;
    let b_bits = b.bits() as i64;
    // Far outside the double range: skip the (possibly huge) division.
    if a_bits - b_bits > 1026 {
        return f64::INFINITY;
    }
    if a_bits - b_bits < -1080 {
        return 0.0;
    }
    // Quotient scaled by 2^-s has 55 or 56 bits.
    let s = a_bits - b_bits - 55;
    let (q, r) = if s >= 0 {
        let den = b << (s as usize);
        (a / &den, a % &den)
    } else {
        let num = a << ((-s) as usize);
        (&num / b, &num % b)
    };
    let sticky = !r.is_zero();
    let q_bits = q.bits() as i64;
    // value in [2^(top-1), 2^top)
    let top = q_bits + s;
    if top > 1025 {
        return f64::INFINITY;
    }
    // Exponent of the last kept bit: 53 significant bits, but never below
    // the subnormal quantum 2^-1074.
    let lsb = (top - 53).max(-1074);
    let drop = lsb - s; // >= 2 because q has >= 55 bits
    let q = q.to_u64().unwrap_or(u64::MAX); // q < 2^56
    if drop >= 64 {
        // Everything is below half the quantum except possibly exactly half.
        return 0.0;
    }
    let kept = q >> drop;
    let rest = q & ((1u64 << drop) - 1);
    let half = 1u64 << (drop - 1);
    let up = rest > half || (rest == half && (sticky || kept & 1 == 1));
    ldexp_exact(kept + u64::from(up), lsb)
}

/// `m * 2^e` exactly, for `m <= 2^53` and a result that is representable
/// (or overflows to infinity).
fn ldexp_exact(m: u64, e: i64) -> f64 {
    let pow2 = |k: i64| f64::from_bits(((k + 1023) as u64) << 52); // -1022..=1023
    let mut x = m as f64;
    let mut e = e;
    while e > 1023 {
        x *= pow2(1023);
        e -= 1023;
        if x.is_infinite() {
            return x;
        }
    }
    if e >= -1022 {
        return x * pow2(e);
    }
    // Subnormal result: first scale into the normal range (exact), then
    // one final multiplication whose exact result is representable.
    x *= pow2(-1022);
    x * pow2(e + 1022)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn agrees_with_the_standard_library() {
        let cases = [
            "0", "0.0", "1", "-1.5", "0.1", "3.14159", "1e16", "1e-5", "2.5e-324", "4.9e-324", "2e-324",
            "1.7976931348623157e308", "1.7976931348623159e308", "9007199254740993", "123456789012345678901234567890",
            "0.30000000000000004", "1e23", "8.98846567431158e307", "2.2250738585072011e-308", ".5", "5.", "00012.50",
            "1_0", "1e", "e5", "", ".", "-", "1.2.3", "inf", "-Infinity", "NaN", "1e400", "1e-400", "7e22", "9e15",
        ];
        for c in cases {
            let std = c.parse::<f64>().ok();
            let ours = parse(c);
            match (std, ours) {
                (Some(a), Some(b)) if a.is_nan() => assert!(b.is_nan(), "{c}"),
                (a, b) => assert_eq!(a.map(f64::to_bits), b.map(f64::to_bits), "{c}"),
            }
        }
        // Random doubles round-trip through their shortest and long forms.
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let f = f64::from_bits(x >> 1);
            if f.is_finite() {
                assert_eq!(parse(&format!("{f:e}")), Some(f));
                assert_eq!(parse(&format!("{f:.25e}")).map(f64::to_bits), format!("{f:.25e}").parse::<f64>().ok().map(f64::to_bits));
            }
        }
    }
}
