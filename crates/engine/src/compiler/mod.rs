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

/// The global an `eval` code object leaves its value in.
pub const EVAL_RESULT: &str = "__looplab_eval_result__";

/// Compiles a module's source.
pub fn compile_module(source: &str, filename: &str) -> Result<Rc<Code>, CompileError> {
    compile_with(source, filename, false)
}

/// Compiles a single expression (`eval`): the code stores its value in
/// the global [`EVAL_RESULT`].
pub fn compile_eval(source: &str, filename: &str) -> Result<Rc<Code>, CompileError> {
    compile_with(source, filename, true)
}

fn compile_with(source: &str, filename: &str, eval: bool) -> Result<Rc<Code>, CompileError> {
    let mut module = looplab_parser::parse_module(source).map_err(|e| CompileError {
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
    if eval {
        use looplab_parser::ast::{Expr, ExprKind, Stmt, StmtKind};
        let ok = module.body.len() == 1 && matches!(module.body[0].kind, StmtKind::Expr(_));
        if !ok {
            let line = module.body.first().map(|s| s.span.line).unwrap_or(1);
            return Err(CompileError {
                kind: "SyntaxError",
                msg: "invalid syntax".into(),
                line,
                col: 1,
                end_line: line,
                end_col: 1,
                text: source.lines().nth(line.saturating_sub(1) as usize).map(|s| s.to_string()),
            });
        }
        if let Some(Stmt { kind: StmtKind::Expr(e), span }) = module.body.pop() {
            let target = Expr { kind: ExprKind::Name(EVAL_RESULT.into()), span };
            module.body.push(Stmt { kind: StmtKind::Assign { targets: vec![target], value: Box::new(e) }, span });
        }
    }
    let table = symtable::analyze(&module).map_err(|e| CompileError {
        kind: "SyntaxError",
        msg: e.msg,
        line: e.line,
        col: e.col,
        end_line: e.end_line,
        end_col: e.end_col,
        text: source.lines().nth(e.line.saturating_sub(1) as usize).map(|s| s.to_string()),
    })?;
    codegen::compile(&module, &table, source, filename).map_err(|mut e| {
        if e.text.is_none() {
            e.text = source.lines().nth(e.line.saturating_sub(1) as usize).map(|s| s.to_string());
        }
        e
    })
}
