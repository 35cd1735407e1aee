//! Python 3.13 parser for Looplab's in-browser interpreter.
//!
//! The AST mirrors CPython's `ast` module (see [`ast`]), and syntax errors
//! carry the same message, line and offset CPython 3.13 reports, so the
//! engine can print tracebacks learners would see from real Python.
//!
//! The parser never panics and bounds its recursion, because it runs in
//! WebAssembly where a panic or stack overflow kills the page.

pub mod ast;
mod error;
mod expr;
mod lexer;
mod number;
mod parser;
mod pattern;
mod stmt;
mod strings;
mod unicode_names;

pub use error::{SyntaxError, SyntaxErrorKind};
pub use parser::parse_module;
