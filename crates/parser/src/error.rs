//! The error type shared by the lexer and the parser.

use std::fmt;

/// Which Python exception class the engine should raise; CPython
/// distinguishes them and learners see the class name in the traceback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    /// The exception class name as CPython prints it.
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// A syntax error carrying the same values as CPython's `SyntaxError`
/// attributes, so the engine can render the identical traceback.
///
/// `line`/`col` correspond to `lineno`/`offset` (both 1-based, `offset`
/// counted in characters). `end_line`/`end_col` correspond to
/// `end_lineno`/`end_offset`; where CPython reports `-1` (indentation
/// errors) this holds 0, which means "no end" either way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
    /// The offending source line, without its line terminator.
    pub text: Option<String>,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} (line {}, offset {})",
            self.kind.name(),
            self.msg,
            self.line,
            self.col
        )
    }
}

impl std::error::Error for SyntaxError {}

impl SyntaxError {
    pub(crate) fn new(
        msg: impl Into<String>,
        line: u32,
        col: u32,
        end_line: u32,
        end_col: u32,
    ) -> Self {
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            line,
            col,
            end_line,
            end_col,
            text: None,
        }
    }

    pub(crate) fn with_kind(mut self, kind: SyntaxErrorKind) -> Self {
        self.kind = kind;
        self
    }
}
