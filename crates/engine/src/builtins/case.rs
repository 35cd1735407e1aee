//! Python's case mappings (`str.lower`, `upper`, `casefold`, `title`,
//! `capitalize`, `swapcase`) from CPython's own data (`case_tables.rs`),
//! rather than the standard library's `char::to_lowercase` family: those
//! tables are twice the size and follow Rust's Unicode version, not
//! CPython 3.13's, and have no casefold or titlecase.

use super::case_tables::{FOLD, FOLD_MULTI, LOWER, LOWER_MULTI, RE_EXTRA_CASES, TITLE, UPPER, UPPER_MULTI};

fn simple(runs: &Runs, cp: u32) -> Option<char> {
    let i = runs.partition_point(|r| r.0 <= cp).checked_sub(1)?;
    let (start, packed, delta) = runs[i];
    let (len, stride) = (packed / 2, packed % 2 + 1);
    let k = cp - start;
    if !k.is_multiple_of(stride) || k / stride >= len {
        return None;
    }
    char::from_u32(cp.wrapping_add_signed(delta))
}

fn find<'a>(table: &[(u32, &'a str)], cp: u32) -> Option<&'a str> {
    table.binary_search_by_key(&cp, |e| e.0).ok().map(|i| table[i].1)
}

type Runs = [(u32, u32, i32)];

/// `c`'s mapping onto `out`: ASCII by `ascii`, the rest by the tables.
fn map(runs: &Runs, multi: &[(u32, &str)], ascii: fn(&char) -> char, c: char, out: &mut String) {
    if c.is_ascii() {
        return out.push(ascii(&c));
    }
    match find(multi, c as u32) {
        Some(s) => out.push_str(s),
        None => out.push(simple(runs, c as u32).unwrap_or(c)),
    }
}

pub fn lower(c: char, out: &mut String) {
    map(LOWER, LOWER_MULTI, char::to_ascii_lowercase, c, out)
}

pub fn upper(c: char, out: &mut String) {
    map(UPPER, UPPER_MULTI, char::to_ascii_uppercase, c, out)
}

/// `casefold()` of `c`: its `lower()` but where the tables say otherwise.
pub fn fold(c: char, out: &mut String) {
    if c.is_ascii() {
        return out.push(c.to_ascii_lowercase());
    }
    match (find(FOLD_MULTI, c as u32), simple(FOLD, c as u32)) {
        (Some(s), _) => out.push_str(s),
        (None, Some(f)) => out.push(f),
        (None, None) => lower(c, out),
    }
}

pub fn title(c: char, out: &mut String) {
    match find(TITLE, c as u32) {
        Some(s) => out.push_str(s),
        None => upper(c, out),
    }
}

/// The one-character lower/upper forms (Unicode's simple mappings, for the
/// regex engine's IGNORECASE). İ is the one letter whose `lower()` is two
/// characters; its simple lowercase is i.
pub fn lower_char(c: char) -> char {
    match c {
        _ if c.is_ascii() => c.to_ascii_lowercase(),
        '\u{130}' => 'i',
        _ => simple(LOWER, c as u32).unwrap_or(c),
    }
}

/// The other lowercase letters `re.IGNORECASE` matches `lower` with (σ: ς).
pub fn re_extra_cases(lower: char) -> &'static str {
    find(RE_EXTRA_CASES, lower as u32).unwrap_or("")
}

pub fn upper_char(c: char) -> char {
    if c.is_ascii() { c.to_ascii_uppercase() } else { simple(UPPER, c as u32).unwrap_or(c) }
}

/// Unicode's Cased: lowercase, uppercase or titlecase.
pub fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || (simple(LOWER, c as u32).is_some() && simple(UPPER, c as u32).is_some())
}

/// Unicode's Case_Ignorable, for the marks, modifiers and apostrophes
/// learners' text contains (the full property is not worth its table).
fn is_case_ignorable(c: char) -> bool {
    matches!(c, '\'' | '.' | ':' | '^' | '`' | '\u{a8}' | '\u{ad}' | '\u{af}' | '\u{b4}' | '\u{b7}' | '\u{b8}'
        | '\u{2019}' | '\u{200b}'..='\u{200f}' | '\u{2b0}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe00}'..='\u{fe0f}' | '\u{fe20}'..='\u{fe2f}')
}

/// Whether the capital sigma at `chars[i]` ends a word, so lowercases to
/// final sigma: a cased letter before it and none after (case-ignorable
/// characters skipped), as CPython's `handle_capital_sigma`.
fn final_sigma(chars: &[char], i: usize) -> bool {
    fn cased<'a>(mut it: impl Iterator<Item = &'a char>) -> bool {
        it.find(|c| !is_case_ignorable(**c)).is_some_and(|c| is_cased(*c))
    }
    cased(chars[..i].iter().rev()) && !cased(chars[i + 1..].iter())
}

/// Lowercases `chars[i]`, whose neighbours decide a capital sigma's form.
pub fn lower_in(chars: &[char], i: usize, out: &mut String) {
    match chars[i] {
        'Σ' => out.push(if final_sigma(chars, i) { 'ς' } else { 'σ' }),
        c => lower(c, out),
    }
}

/// Lowercases `chars[from..]` onto `out`, with final sigma.
pub fn lower_from(chars: &[char], from: usize, out: &mut String) {
    for i in from..chars.len() {
        lower_in(chars, i, out);
    }
}

/// `str.lower()`.
pub fn lower_str(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    lower_from(&chars, 0, &mut out);
    out
}

/// `str.upper()`.
pub fn upper_str(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        upper(c, &mut out);
    }
    out
}
