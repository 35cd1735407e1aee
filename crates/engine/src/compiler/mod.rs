//! Source → code objects: parse, analyse scopes, generate bytecode.

mod codegen;
pub mod symtable;

use std::rc::Rc;

use crate::bytecode::Code;

/// A compile-time error, reported to the learner as a SyntaxError.
#[derive(Debug, Clone)]
pub struct CompileError {
    /// "SyntaxError", "IndentationError" or "TabError".
    pub kind: &'static str,
    pub msg: String,
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
    pub text: Option<String>,
}

/// Compiles a module's source.
pub fn compile_module(source: &str, filename: &str) -> Result<Rc<Code>, CompileError> {
    let module = looplab_parser::parse_module(source).map_err(|e| CompileError {
        kind: match e.kind {
            looplab_parser::SyntaxErrorKind::IndentationError => "IndentationError",
            looplab_parser::SyntaxErrorKind::TabError => "TabError",
            _ => "SyntaxError",
        },
        msg: e.msg,
        line: e.line,
        col: e.col,
        end_line: e.end_line,
        end_col: e.end_col,
        text: e.text,
    })?;
    let table = symtable::analyze(&module).map_err(|e| CompileError {
        kind: "SyntaxError",
        msg: e.msg,
        line: e.line,
        col: e.col,
        end_line: e.line,
        end_col: e.col,
        text: source.lines().nth(e.line.saturating_sub(1) as usize).map(|s| s.to_string()),
    })?;
    codegen::compile(&module, &table, source, filename).map_err(|mut e| {
        if e.text.is_none() {
            e.text = source.lines().nth(e.line.saturating_sub(1) as usize).map(|s| s.to_string());
        }
        e
    })
}
