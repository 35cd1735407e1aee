//! The error type shared by every formatting/parsing function.

/// A Python exception to raise: the variant is the exception type, the
/// string is CPython 3.13's exact message (may be empty, as for
/// `MemoryError`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FmtError {
    /// `ValueError`
    Value(String),
    /// `TypeError`
    Type(String),
    /// `OverflowError`
    Overflow(String),
    /// `ZeroDivisionError`
    ZeroDivision(String),
    /// `MemoryError`: the result would exceed [`MAX_OUTPUT_CHARS`]. CPython
    /// would try (and usually fail) to allocate it; in a browser we refuse
    /// up front instead of letting the page die.
    Memory(String),
}

impl FmtError {
    /// The Python exception class name (`"ValueError"`, ...).
    pub fn type_name(&self) -> &'static str {
        match self {
            FmtError::Value(_) => "ValueError",
            FmtError::Type(_) => "TypeError",
            FmtError::Overflow(_) => "OverflowError",
            FmtError::ZeroDivision(_) => "ZeroDivisionError",
            FmtError::Memory(_) => "MemoryError",
        }
    }

    /// The exception message.
    pub fn message(&self) -> &str {
        match self {
            FmtError::Value(m)
            | FmtError::Type(m)
            | FmtError::Overflow(m)
            | FmtError::ZeroDivision(m)
            | FmtError::Memory(m) => m,
        }
    }
}

impl std::fmt::Display for FmtError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.message().is_empty() {
            f.write_str(self.type_name())
        } else {
            write!(f, "{}: {}", self.type_name(), self.message())
        }
    }
}

/// Largest result (in characters) any formatter here will build.
///
/// Widths and precisions come straight from user strings
/// (`format(1, '999999999')`); without a cap one line of Python could ask
/// the page for gigabytes. 2^26 characters (64 Mi) is far beyond any
/// legitimate use; larger requests raise `MemoryError` like CPython does
/// when its allocation fails.
pub const MAX_OUTPUT_CHARS: usize = 1 << 26;

/// `Err(MemoryError)` when `n` characters would exceed [`MAX_OUTPUT_CHARS`].
pub(super) fn check_len(n: usize) -> Result<(), FmtError> {
    if n > MAX_OUTPUT_CHARS {
        Err(FmtError::Memory(String::new()))
    } else {
        Ok(())
    }
}
