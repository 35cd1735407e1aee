//! Python-exact number/string formatting for Looplab (CPython 3.13 semantics).
//!
//! All functions are pure, never panic on any input, and report errors as
//! [`FmtError`], whose variant names the Python exception type to raise and
//! whose payload is CPython's exact message.

pub mod complex;
pub mod error;
pub mod float_ops;
pub mod float_repr;
pub mod parse_num;
pub mod percent;
pub mod spec;
mod unicode_tables;

pub use complex::{Complex, complex_repr, parse_complex};
pub use error::{FmtError, MAX_OUTPUT_CHARS};
pub use float_ops::{
    bigint_to_f64, float_divmod, float_floordiv, float_mod, float_round, int_true_div,
};
pub use float_repr::{DtoaFlags, double_to_string, float_repr};
pub use parse_num::{
    INT_MAX_STR_DIGITS, decimal_value, int_to_decimal, parse_float, parse_int,
    parse_int_with_limit, py_isspace, str_repr,
};
pub use percent::{
    Count, PercentError, PercentFlags, PercentPiece, PercentSpec, pad, parse_percent,
    parse_percent_pieces, percent_char_code, percent_float, percent_int, percent_int_with_limit,
};
pub use spec::{Spec, format_complex, format_float, format_int, format_int_with_limit, format_str, parse_spec};

use crate::bigint::BigInt;

/// Exact conversion of an integral float to a big int (0 for inf/nan,
/// which callers reject before converting).
pub fn f64_to_bigint(f: f64) -> BigInt {
    if !f.is_finite() {
        return BigInt::from(0);
    }
    BigInt::from_f64(f).unwrap_or_default()
}
