//! `str % args` (printf-style formatting), ported from CPython 3.13's
//! `PyUnicode_Format` (Objects/unicodeobject.c).
//!
//! Division of labour: this module parses the format string and renders
//! numbers and padding; the engine owns the argument tuple/mapping, calls
//! `str()`/`repr()`/`ascii()` for `%s %r %a`, converts non-int arguments
//! (`%d` of a float → `int(x)`, `%x` → `__index__`, `%f` → `float(x)`) and
//! raises `not enough arguments for format string`, `not all arguments
//! converted during string formatting`, `format requires a mapping`,
//! `* wants int`, `%d format: a real number is required, not str`, ...
//!
//! CPython interleaves parsing with argument fetching, so which error wins
//! depends on order. [`parse_percent_pieces`] keeps that order available:
//! pieces come in sequence, and a parse failure is a final
//! [`PercentPiece::Error`] saying what the engine must do before raising
//! it. [`parse_percent`] is the simple all-or-nothing variant.

use crate::bigint::{BigInt, Sign};

use super::error::{FmtError, check_len};
use super::float_repr::{DtoaFlags, double_to_string};
use super::parse_num::{INT_MAX_STR_DIGITS, int_to_decimal};

/// The `-+ #0` flags of one conversion.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// `-`: left-justify.
    pub ljust: bool,
    /// `+`: always show a sign (numbers).
    pub sign: bool,
    /// `' '`: a space for non-negative numbers.
    pub blank: bool,
    /// `#`: alternate form (`0x`/`0o` prefix, kept point/zeros for floats).
    pub alt: bool,
    /// `0`: zero padding (numbers, when not left-justified).
    pub zero: bool,
}

/// A width or precision: a number, or `*` (taken from the arguments).
///
/// For `*` the engine fetches the next argument (`TypeError: * wants int`
/// if not an int). A negative `*` width means left-justify with its
/// absolute value; a negative `*` precision means 0. A precision too large
/// for a C int raises `OverflowError: Python int too large to convert to C
/// int`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Num(usize),
    Star,
}

/// One `%` conversion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PercentSpec {
    /// `%(name)s`: the mapping key (the engine raises `TypeError: format
    /// requires a mapping` when the right operand is not a mapping, then
    /// looks the key up, and `*` arguments are then the looked-up value).
    pub key: Option<String>,
    pub flags: PercentFlags,
    pub width: Option<Count>,
    pub precision: Option<Count>,
    /// The conversion character. May be unsupported (e.g. `'z'`): CPython
    /// only rejects it after fetching the argument, so the engine fetches
    /// it, then raises [`PercentSpec::unsupported_error`].
    pub conv: char,
    /// Code-point index of `conv` in the format string.
    pub index: usize,
}

impl PercentSpec {
    /// Whether `conv` is one CPython handles (`diouxXeEfFgGcrsa`).
    pub fn is_supported(&self) -> bool {
        "diouxXeEfFgGcrsa".contains(self.conv)
    }

    /// `ValueError: unsupported format character 'z' (0x7a) at index 3`.
    pub fn unsupported_error(&self) -> FmtError {
        let v = self.conv as u32;
        let shown = if (31..=126).contains(&v) {
            self.conv
        } else {
            '?'
        };
        FmtError::Value(format!(
            "unsupported format character '{shown}' (0x{v:x}) at index {}",
            self.index
        ))
    }
}

/// A conversion that failed to parse, with the steps CPython performs
/// before raising `error` (in this order):
/// 1. if `uses_mapping`: `TypeError: format requires a mapping` unless the
///    operand is a mapping;
/// 2. if `key` is set: look it up (`KeyError`);
/// 3. fetch `stars` arguments for `*` (may raise `not enough arguments`);
/// 4. raise `error`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PercentError {
    pub uses_mapping: bool,
    pub key: Option<String>,
    pub stars: usize,
    pub error: FmtError,
}

/// A piece of a parsed `%` format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentPiece {
    /// Text to copy (`%%` already turned into `%`).
    Literal(String),
    /// A conversion.
    Conv(PercentSpec),
    /// A parse failure; always the last piece.
    Error(PercentError),
}

fn incomplete() -> FmtError {
    FmtError::Value("incomplete format".into())
}

/// Parse one conversion starting just after its `%` (at `chars[*pos]`,
/// which is not a second `%`). Mirrors `unicode_format_arg_parse`.
fn parse_conv(chars: &[char], pos: &mut usize) -> Result<PercentSpec, PercentError> {
    let mut err = PercentError {
        uses_mapping: false,
        key: None,
        stars: 0,
        error: incomplete(),
    };
    let next = |pos: &mut usize| {
        let c = chars.get(*pos).copied();
        if c.is_some() {
            *pos += 1;
        }
        c
    };
    let mut key = None;
    if chars.get(*pos) == Some(&'(') {
        err.uses_mapping = true;
        *pos += 1;
        let start = *pos;
        let mut depth = 1;
        while depth > 0 && *pos < chars.len() {
            match chars[*pos] {
                ')' => depth -= 1,
                '(' => depth += 1,
                _ => {}
            }
            *pos += 1;
        }
        if depth > 0 {
            err.error = FmtError::Value("incomplete format key".into());
            return Err(err);
        }
        let k: String = chars[start..*pos - 1].iter().collect();
        err.key = Some(k.clone());
        key = Some(k);
    }
    let mut flags = PercentFlags::default();
    let mut c = loop {
        match next(pos) {
            None => return Err(err),
            Some('-') => flags.ljust = true,
            Some('+') => flags.sign = true,
            Some(' ') => flags.blank = true,
            Some('#') => flags.alt = true,
            Some('0') => flags.zero = true,
            Some(c) => break c,
        }
    };
    let mut width = None;
    if c == '*' {
        width = Some(Count::Star);
        err.stars += 1;
        c = next(pos).ok_or_else(|| err.clone())?;
    } else if let Some(d) = c.to_digit(10) {
        let mut w = d as u64;
        loop {
            c = next(pos).ok_or_else(|| err.clone())?;
            let Some(d) = c.to_digit(10) else { break };
            if w > (i64::MAX as u64 - u64::from(d)) / 10 {
                err.error = FmtError::Value("width too big".into());
                return Err(err);
            }
            w = w * 10 + u64::from(d);
        }
        width = Some(Count::Num(usize::try_from(w).unwrap_or(usize::MAX)));
    }
    let mut precision = None;
    if c == '.' {
        c = next(pos).ok_or_else(|| err.clone())?;
        if c == '*' {
            precision = Some(Count::Star);
            err.stars += 1;
            c = next(pos).ok_or_else(|| err.clone())?;
        } else if let Some(d) = c.to_digit(10) {
            let mut p = d as u64;
            loop {
                c = next(pos).ok_or_else(|| err.clone())?;
                let Some(d) = c.to_digit(10) else { break };
                if p > (i32::MAX as u64 - u64::from(d)) / 10 {
                    err.error = FmtError::Value("precision too big".into());
                    return Err(err);
                }
                p = p * 10 + u64::from(d);
            }
            precision = Some(Count::Num(p as usize));
        } else {
            precision = Some(Count::Num(0));
        }
    }
    if matches!(c, 'h' | 'l' | 'L') {
        c = next(pos).ok_or_else(|| err.clone())?;
    }
    Ok(PercentSpec {
        key,
        flags,
        width,
        precision,
        conv: c,
        index: *pos - 1,
    })
}

/// Parse a `%` format string into pieces, stopping at the first parse
/// error (which becomes a final [`PercentPiece::Error`]); see the module
/// docs for why errors are deferred this way.
pub fn parse_percent_pieces(fmt: &str) -> Vec<PercentPiece> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut pos = 0;
    while pos < chars.len() {
        let c = chars[pos];
        pos += 1;
        if c != '%' {
            lit.push(c);
            continue;
        }
        if chars.get(pos) == Some(&'%') {
            lit.push('%');
            pos += 1;
            continue;
        }
        if !lit.is_empty() {
            pieces.push(PercentPiece::Literal(std::mem::take(&mut lit)));
        }
        match parse_conv(&chars, &mut pos) {
            Ok(spec) => pieces.push(PercentPiece::Conv(spec)),
            Err(e) => {
                pieces.push(PercentPiece::Error(e));
                return pieces;
            }
        }
    }
    if !lit.is_empty() {
        pieces.push(PercentPiece::Literal(lit));
    }
    pieces
}

/// All-or-nothing parse: the pieces (only `Literal` and `Conv`), or the
/// first error, including `unsupported format character` (`ValueError`s:
/// `incomplete format`, `incomplete format key`, `width too big`,
/// `precision too big`). Use [`parse_percent_pieces`] for CPython's exact
/// error ordering against argument errors.
pub fn parse_percent(fmt: &str) -> Result<Vec<PercentPiece>, FmtError> {
    let pieces = parse_percent_pieces(fmt);
    for p in &pieces {
        match p {
            PercentPiece::Error(e) => return Err(e.error.clone()),
            PercentPiece::Conv(s) if !s.is_supported() => return Err(s.unsupported_error()),
            _ => {}
        }
    }
    Ok(pieces)
}

/// `unicode_format_arg_output`: apply sign, `0x` prefix placement,
/// width and (for `s r a`) precision truncation. `numeric` is CPython's
/// `arg->sign` (true for `d i u o x X e E f F g G`).
fn output(
    s: &str,
    conv: char,
    flags: &PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
    numeric: bool,
) -> Result<String, FmtError> {
    let chars: Vec<char> = s.chars().collect();
    let mut sign = numeric;
    let fill = if sign && flags.zero { '0' } else { ' ' };
    let mut len = chars.len();
    if let (true, Some(p)) = (matches!(conv, 's' | 'r' | 'a'), precision) {
        len = len.min(p);
    }
    let mut pindex = 0;
    let mut signchar = ' ';
    if sign {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                signchar = c;
                len -= 1;
                pindex = 1;
            }
            _ if flags.sign => signchar = '+',
            _ if flags.blank => signchar = ' ',
            _ => sign = false,
        }
    }
    let mut width = width.unwrap_or(0).max(len);
    check_len(width.saturating_add(1))?;
    let mut out = String::with_capacity(width + 1);
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    let prefixed = flags.alt && matches!(conv, 'x' | 'X' | 'o') && len >= 2;
    if prefixed {
        if fill != ' ' {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !flags.ljust {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        if prefixed {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
    }
    out.extend(&chars[pindex..pindex + len]);
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
    Ok(out)
}

/// Padding for `%s`, `%r`, `%a` (with `precision` truncating to that many
/// code points) and `%c` (pass `precision: None`): right-justified in
/// `width` unless `flags.ljust`; always space-filled.
pub fn pad(
    s: &str,
    flags: &PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
) -> Result<String, FmtError> {
    output(s, 's', flags, width, precision, false)
}

/// `%d %i %u %o %x %X` of an int (the engine converts other numbers first).
///
/// `'%05d' % -3` → `-0003`, `'%#o' % 8` → `0o10`, `'%.3x' % 10` → `00a`.
/// Errors: `OverflowError: precision too large`; `MemoryError` past the
/// output cap; `ValueError` for a `conv` outside the list (engine bug).
///
/// `%d %i %u` are subject to CPython's default 4300-digit limit; see
/// [`percent_int_with_limit`].
pub fn percent_int(
    x: &BigInt,
    conv: char,
    flags: &PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
) -> Result<String, FmtError> {
    percent_int_with_limit(x, conv, flags, width, precision, INT_MAX_STR_DIGITS)
}

/// [`percent_int`] with an explicit `sys.get_int_max_str_digits()` value
/// (0 = unlimited).
pub fn percent_int_with_limit(
    x: &BigInt,
    conv: char,
    flags: &PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
    max_str_digits: usize,
) -> Result<String, FmtError> {
    let (radix, prefix) = match conv {
        'd' | 'i' | 'u' => (10, ""),
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => return Err(FmtError::Value(format!("bad integer conversion '{conv}'"))),
    };
    if precision.is_some_and(|p| p > (i32::MAX - 3) as usize) {
        return Err(FmtError::Overflow("precision too large".into()));
    }
    let digits = if radix == 10 {
        int_to_decimal(x, max_str_digits)?
    } else {
        x.to_str_radix(radix)
    };
    let digits = digits.trim_start_matches('-');
    let prec = precision.unwrap_or(0);
    check_len(prec.max(digits.len()).saturating_add(3))?;
    let mut body = String::new();
    if x.sign() == Sign::Minus {
        body.push('-');
    }
    if flags.alt {
        body.push_str(prefix);
    }
    body.extend(std::iter::repeat_n('0', prec.saturating_sub(digits.len())));
    body.push_str(digits);
    if conv == 'X' {
        body = body.to_ascii_uppercase();
    }
    output(&body, conv, flags, width, precision, true)
}

/// `%e %E %f %F %g %G` of a float (precision defaults to 6).
///
/// `'%5.2f' % 1.23456` → ` 1.23`, `'%+.1e' % 12345.0` → `+1.2e+04`.
/// Errors: `MemoryError` past the output cap; `ValueError` for a `conv`
/// outside the list (engine bug).
pub fn percent_float(
    x: f64,
    conv: char,
    flags: &PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
) -> Result<String, FmtError> {
    if !"eEfFgG".contains(conv) {
        return Err(FmtError::Value(format!("bad float conversion '{conv}'")));
    }
    let dflags = DtoaFlags {
        alt: flags.alt,
        ..DtoaFlags::default()
    };
    let s = double_to_string(x, conv, precision.unwrap_or(6), dflags)?;
    output(&s, conv, flags, width, precision, true)
}

/// The code point for `'%c' % n` with an int `n`.
/// `OverflowError: %c arg not in range(0x110000)` (also for huge ints).
/// (For a `str` argument the engine requires length 1: `TypeError: %c
/// requires an int or a unicode character, not a string of length 2`.)
pub fn percent_char_code(x: &BigInt) -> Result<u32, FmtError> {
    match x.to_i64() {
        Some(v) if (0..=0x10ffff).contains(&v) => Ok(v as u32),
        _ => Err(FmtError::Overflow("%c arg not in range(0x110000)".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(s: &str) -> PercentFlags {
        PercentFlags {
            ljust: s.contains('-'),
            sign: s.contains('+'),
            blank: s.contains(' '),
            alt: s.contains('#'),
            zero: s.contains('0'),
        }
    }

    fn pi(x: i64, f: &str, conv: char, w: Option<usize>, p: Option<usize>) -> String {
        percent_int(&BigInt::from(x), conv, &flags(f), w, p).unwrap_or_else(|e| e.to_string())
    }

    #[test]
    fn ints() {
        assert_eq!(pi(-3, "0", 'd', Some(5), None), "-0003");
        assert_eq!(pi(3, "-0", 'd', Some(5), None), "3    ");
        assert_eq!(pi(3, "+0", 'd', Some(5), None), "+0003");
        assert_eq!(pi(8, "#0", 'o', Some(8), None), "0o000010");
        assert_eq!(pi(8, "#0", 'x', Some(8), None), "0x000008");
        assert_eq!(pi(255, "#", 'X', Some(8), None), "    0XFF");
        assert_eq!(pi(10, "", 'x', None, Some(3)), "00a");
        assert_eq!(pi(-10, "#", 'x', Some(8), Some(4)), " -0x000a");
        assert_eq!(pi(5, " ", 'd', None, None), " 5");
    }

    #[test]
    fn floats() {
        let f = |x: f64, fl: &str, c: char, w, p| {
            percent_float(x, c, &flags(fl), w, p).unwrap_or_else(|e| e.to_string())
        };
        assert_eq!(f(1.23456, "", 'f', Some(5), Some(2)), " 1.23");
        assert_eq!(f(f64::INFINITY, "0", 'f', Some(5), None), "00inf");
        assert_eq!(f(12345.0, "+", 'e', None, Some(1)), "+1.2e+04");
        assert_eq!(f(0.0001, "", 'g', None, None), "0.0001");
        assert_eq!(f(2.0, "#", 'g', None, None), "2.00000");
    }

    #[test]
    fn parsing() {
        let p = parse_percent("a%(x)-5.2fb%%c%*.*d").unwrap_or_default();
        assert_eq!(p.len(), 4);
        assert_eq!(p[0], PercentPiece::Literal("a".into()));
        let PercentPiece::Conv(s) = &p[1] else {
            panic!("expected conv")
        };
        assert_eq!(s.key.as_deref(), Some("x"));
        assert!(s.flags.ljust);
        assert_eq!(
            (s.width, s.precision, s.conv),
            (Some(Count::Num(5)), Some(Count::Num(2)), 'f')
        );
        assert_eq!(p[2], PercentPiece::Literal("b%c".into()));
        let err = |f: &str| {
            parse_percent(f)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert_eq!(err("abc%"), "ValueError: incomplete format");
        assert_eq!(err("%(a"), "ValueError: incomplete format key");
        assert_eq!(
            err("ab%z"),
            "ValueError: unsupported format character 'z' (0x7a) at index 3"
        );
        assert_eq!(
            err("%5%"),
            "ValueError: unsupported format character '%' (0x25) at index 2"
        );
        assert_eq!(err("%99999999999999999999d"), "ValueError: width too big");
        assert_eq!(err("%.2147483648d"), "ValueError: precision too big");
        assert_eq!(
            err("%\u{e9}"),
            "ValueError: unsupported format character '?' (0xe9) at index 1"
        );
        let pieces = parse_percent_pieces("%d %*");
        assert!(matches!(
            pieces.last(),
            Some(PercentPiece::Error(PercentError { stars: 1, .. }))
        ));
        assert_eq!(
            pad("abc", &flags("-"), Some(5), Some(2)).unwrap_or_default(),
            "ab   "
        );
    }
}
