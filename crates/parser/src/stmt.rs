//! Statements and blocks.

use crate::ast::{
    Alias, Constant, ExceptHandler, Expr, ExprKind as K, MatchCase, Operator, Stmt, StmtKind as S,
    WithItem,
};
use crate::error::SyntaxErrorKind;
use crate::expr::join;
use crate::lexer::Tok;
use crate::parser::{expr_name, PErr, PResult, Parser};

fn aug_op(tok: &Tok) -> Option<Operator> {
    let Tok::Op(o) = tok else { return None };
    Some(match *o {
        "+=" => Operator::Add,
        "-=" => Operator::Sub,
        "*=" => Operator::Mult,
        "@=" => Operator::MatMult,
        "/=" => Operator::Div,
        "%=" => Operator::Mod,
        "**=" => Operator::Pow,
        "<<=" => Operator::LShift,
        ">>=" => Operator::RShift,
        "|=" => Operator::BitOr,
        "^=" => Operator::BitXor,
        "&=" => Operator::BitAnd,
        "//=" => Operator::FloorDiv,
        _ => return None,
    })
}

/// The sub-expression that makes `e` an invalid assignment (or deletion)
/// target, mirroring CPython's `_PyPegen_get_invalid_target`.
pub(crate) fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
    match &e.kind {
        K::List(elts) | K::Tuple(elts) => elts.iter().find_map(|x| invalid_target(x, del)),
        K::Starred(v) if !del => invalid_target(v, del),
        K::Name(_) | K::Subscript { .. } | K::Attribute { .. } => None,
        _ => Some(e),
    }
}

fn is_bitwise_or_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        K::BoolOp { .. }
            | K::Compare { .. }
            | K::IfExp { .. }
            | K::Lambda { .. }
            | K::NamedExpr { .. }
            | K::Yield(_)
            | K::YieldFrom(_)
            | K::Starred(_)
            | K::UnaryOp {
                op: crate::ast::UnaryOp::Not,
                ..
            }
    )
}

impl Parser<'_> {
    fn stmt(&self, kind: S, start: usize) -> Stmt {
        Stmt {
            kind,
            span: self.span_from(start),
        }
    }

    /// Reject invalid targets of `for`, comprehensions and `with ... as`.
    pub(crate) fn check_target(&self, t: &Expr, del: bool) -> PResult<()> {
        if let Some(bad) = invalid_target(t, del) {
            let verb = if del { "delete" } else { "assign to" };
            return Err(self.err_span(format!("cannot {verb} {}", expr_name(bad)), bad.span));
        }
        Ok(())
    }

    pub fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        self.links = 0;
        let compound = match self.tok() {
            Tok::Name(n) => match n.as_str() {
                "def" | "class" | "if" | "while" | "for" | "try" | "with" => true,
                "async" => {
                    self.nth_is_kw(1, "def")
                        || self.nth_is_kw(1, "for")
                        || self.nth_is_kw(1, "with")
                }
                "match" => {
                    if let Some(s) = self.match_stmt()? {
                        out.push(s);
                        return Ok(());
                    }
                    false
                }
                _ => false,
            },
            Tok::Op("@") => true,
            Tok::Indent => return Err(self.invalid_syntax()),
            _ => false,
        };
        if compound {
            let s = self.nested(|p| p.compound_stmt())?;
            out.push(s);
            return Ok(());
        }
        self.simple_stmts(out)
    }

    fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            out.push(self.simple_stmt()?);
            if self.eat_op(";") {
                if matches!(self.tok(), Tok::Newline) {
                    break;
                }
                continue;
            }
            break;
        }
        if matches!(self.tok(), Tok::Newline) {
            self.advance();
            return Ok(());
        }
        Err(self.invalid_syntax())
    }

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        self.links = 0;
        let start = self.pos;
        let Tok::Name(n) = self.tok() else {
            return self.expr_stmt();
        };
        let kind = match n.as_str() {
            "pass" => {
                self.advance();
                S::Pass
            }
            "break" => {
                self.advance();
                S::Break
            }
            "continue" => {
                self.advance();
                S::Continue
            }
            "return" => {
                self.advance();
                let v = if self.starts_expr() || self.is_op("*") {
                    Some(self.star_expressions()?)
                } else {
                    None
                };
                S::Return(v)
            }
            "raise" => {
                self.advance();
                let (mut exc, mut cause) = (None, None);
                if self.starts_expr() {
                    exc = Some(Box::new(self.expression()?));
                    if self.eat_kw("from") {
                        cause = Some(Box::new(self.expression()?));
                    }
                }
                S::Raise { exc, cause }
            }
            "global" | "nonlocal" => {
                let global = n == "global";
                self.advance();
                let mut names = vec![self.expect_name()?];
                while self.eat_op(",") {
                    names.push(self.expect_name()?);
                }
                if global {
                    S::Global(names)
                } else {
                    S::Nonlocal(names)
                }
            }
            "del" => {
                self.advance();
                let targets = self.del_targets()?;
                S::Delete(targets)
            }
            "assert" => {
                self.advance();
                let test = Box::new(self.expression()?);
                let msg = if self.eat_op(",") {
                    Some(Box::new(self.expression()?))
                } else {
                    None
                };
                S::Assert { test, msg }
            }
            "import" => self.import()?,
            "from" => self.import_from()?,
            "type" if self.nth_is_name(1) && (self.nth_is_op(2, "=") || self.nth_is_op(2, "[")) => {
                self.advance();
                let nstart = self.pos;
                let name = self.expect_name()?;
                let name = Expr {
                    kind: K::Name(name),
                    span: self.span_from(nstart),
                };
                if self.is_op("[") {
                    self.type_params()?;
                }
                self.expect_op("=")?;
                let value = Box::new(self.expression()?);
                S::TypeAlias {
                    name: Box::new(name),
                    value,
                }
            }
            _ => return self.expr_stmt(),
        };
        Ok(self.stmt(kind, start))
    }

    fn del_targets(&mut self) -> PResult<Vec<Expr>> {
        let mut targets = Vec::new();
        loop {
            let t = self.bitwise_or()?;
            self.check_target(&t, true)?;
            targets.push(t);
            if !self.eat_op(",") || matches!(self.tok(), Tok::Newline) || self.is_op(";") {
                break;
            }
        }
        if !matches!(self.tok(), Tok::Newline) && !self.is_op(";") {
            return Err(self.invalid_syntax());
        }
        Ok(targets)
    }

    fn rhs(&mut self) -> PResult<Expr> {
        if self.is_kw("yield") {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }

    fn expr_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        let first = self.rhs()?;
        if self.is_op("=") {
            let mut targets = vec![first];
            while self.eat_op("=") {
                targets.push(self.rhs()?);
            }
            let value = targets.pop().map(Box::new);
            let Some(value) = value else {
                return Err(self.invalid_syntax());
            };
            self.check_assign_targets(start, &targets)?;
            return Ok(self.stmt(S::Assign { targets, value }, start));
        }
        if self.is_op(":") {
            let colon = self.pos;
            self.advance();
            let simple = matches!(first.kind, K::Name(_)) && !self.starts_with_paren(start);
            match &first.kind {
                K::Name(_) | K::Attribute { .. } | K::Subscript { .. } => {}
                K::Tuple(elts) if !elts.is_empty() && !self.starts_with_paren(start) => {
                    let span = elts[0].span;
                    return Err(
                        self.err_span("only single target (not tuple) can be annotated", span)
                    );
                }
                K::Tuple(_) | K::List(_) => {
                    let what = if matches!(first.kind, K::List(_)) {
                        "list"
                    } else {
                        "tuple"
                    };
                    return Err(self.err_span(
                        format!("only single target (not {what}) can be annotated"),
                        first.span,
                    ));
                }
                _ => return Err(self.err_span("illegal target for annotation", first.span)),
            }
            let _ = colon;
            let annotation = Box::new(self.expression()?);
            let value = if self.eat_op("=") {
                Some(Box::new(self.rhs()?))
            } else {
                None
            };
            return Ok(self.stmt(
                S::AnnAssign {
                    target: Box::new(first),
                    annotation,
                    value,
                    simple,
                },
                start,
            ));
        }
        if let Some(op) = aug_op(self.tok()) {
            if !matches!(
                first.kind,
                K::Name(_) | K::Attribute { .. } | K::Subscript { .. }
            ) {
                return Err(self.err_span(
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        expr_name(&first)
                    ),
                    first.span,
                ));
            }
            self.advance();
            let value = Box::new(self.rhs()?);
            return Ok(self.stmt(
                S::AugAssign {
                    target: Box::new(first),
                    op,
                    value,
                },
                start,
            ));
        }
        if !matches!(self.tok(), Tok::Newline) && !self.is_op(";") {
            if let K::Name(n) = &first.kind {
                if (n == "print" || n == "exec") && self.starts_expr() {
                    let here = self.pos;
                    let furthest = self.furthest.get();
                    let b = self.attempt(|p| p.star_expressions());
                    self.furthest.set(furthest);
                    if let Some(b) = b {
                        let msg =
                            format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?");
                        return Err(self.err_range(msg, first.span, b.span));
                    }
                    self.pos = here;
                }
            }
        }
        Ok(self.stmt(S::Expr(first), start))
    }

    fn starts_with_paren(&self, start: usize) -> bool {
        matches!(self.token(start).map(|t| &t.tok), Some(Tok::Op("(")))
    }

    fn check_assign_targets(&mut self, start: usize, targets: &[Expr]) -> PResult<()> {
        let mut first_err = None;
        for t in targets {
            if matches!(t.kind, K::Yield(_) | K::YieldFrom(_)) {
                first_err = Some(self.err_span("assignment to yield expression not possible", t.span));
                break;
            }
            if let Err(e) = self.check_target(t, false) {
                first_err = Some(e);
                break;
            }
        }
        let Some(err) = first_err else { return Ok(()) };
        Err(self.assign_hint(start).unwrap_or(err))
    }

    /// CPython reports a bad assignment from its second, error-finding pass,
    /// which first reads the statement as a list of `star_named_expression`s
    /// and tries `invalid_named_expression` on each element: `NAME = x`
    /// followed by neither `=` nor `:=` means a comparison or walrus was
    /// probably meant; so does `expr = x` (unless `expr` starts with a list,
    /// tuple, generator, `True`, `False` or `None`). Only when no element
    /// matches does the plain "cannot assign to ..." message win.
    fn assign_hint(&mut self, start: usize) -> Option<Box<PErr>> {
        let (saved_pos, saved_furthest) = (self.pos, self.furthest.get());
        self.pos = start;
        let hint = self.assign_hint_scan();
        self.pos = saved_pos;
        self.furthest.set(saved_furthest);
        hint
    }

    fn assign_hint_scan(&mut self) -> Option<Box<PErr>> {
        let not_assign = |p: &Self| !p.is_op("=") && !p.is_op(":=");
        loop {
            if self.eat_op("*") {
                self.attempt(|p| p.bitwise_or())?;
            } else {
                let el = self.pos;
                if self.name().is_some() && self.nth_is_op(1, "=") {
                    let name = self.tok_span(el);
                    self.advance();
                    self.advance();
                    if let Some(b) = self.attempt(|p| p.bitwise_or()) {
                        if not_assign(self) {
                            let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
                            return Some(self.err_range(msg, name, b.span));
                        }
                    }
                    self.pos = el;
                }
                if !self.starts_excluded_target() {
                    if let Some(a) = self.attempt(|p| p.bitwise_or()) {
                        if self.eat_op("=") && self.attempt(|p| p.bitwise_or()).is_some() && not_assign(self) {
                            let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(&a));
                            return Some(self.err_span(msg, a.span));
                        }
                    }
                    self.pos = el;
                }
                self.attempt(|p| p.named_expression())?;
            }
            if !self.eat_op(",") {
                return None;
            }
        }
    }

    /// `!(list | tuple | genexp | 'True' | 'None' | 'False')` in CPython's grammar.
    fn starts_excluded_target(&mut self) -> bool {
        if self.is_kw("True") || self.is_kw("False") || self.is_kw("None") {
            return true;
        }
        if !self.is_op("[") && !self.is_op("(") {
            return false;
        }
        let here = self.pos;
        let paren = self.is_op("(");
        let atom = self.attempt(|p| p.atom());
        self.pos = here;
        match atom.map(|a| a.kind) {
            Some(K::List(_) | K::GeneratorExp { .. }) => true,
            // `(x)` is just `x`; `(x,)` and `()` are tuples.
            Some(K::Tuple(_)) => paren,
            _ => false,
        }
    }

    fn dotted_name(&mut self) -> PResult<String> {
        let mut name = self.expect_name()?;
        while self.eat_op(".") {
            name.push('.');
            name.push_str(&self.expect_name()?);
        }
        Ok(name)
    }

    fn import(&mut self) -> PResult<S> {
        self.advance();
        if !matches!(self.tok(), Tok::Name(_)) {
            let t = self.tok_span(self.pos);
            let mut e = self.err_span("Expected one or more names after 'import'", t);
            e.err.end_col = e.err.col;
            return Err(e);
        }
        let mut names = Vec::new();
        loop {
            let start = self.pos;
            let name = self.dotted_name()?;
            let asname = if self.eat_kw("as") {
                Some(self.expect_name()?)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                span: self.span_from(start),
            });
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(S::Import(names))
    }

    fn import_from(&mut self) -> PResult<S> {
        self.advance();
        let mut level = 0;
        loop {
            if self.eat_op(".") {
                level += 1;
            } else if self.eat_op("...") {
                level += 3;
            } else {
                break;
            }
        }
        let module = if self.is_kw("import") {
            None
        } else {
            Some(self.dotted_name()?)
        };
        if !self.eat_kw("import") {
            return Err(self.invalid_syntax());
        }
        let mut names = Vec::new();
        if self.is_op("*") {
            let start = self.advance();
            names.push(Alias {
                name: "*".into(),
                asname: None,
                span: self.span_from(start),
            });
            return Ok(S::ImportFrom {
                module,
                names,
                level,
            });
        }
        let paren = self.eat_op("(");
        if !paren && !matches!(self.tok(), Tok::Name(_)) {
            let t = self.tok_span(self.pos);
            let mut e = self.err_span("Expected one or more names after 'import'", t);
            e.err.end_col = e.err.col;
            return Err(e);
        }
        loop {
            let start = self.pos;
            let name = self.expect_name()?;
            let asname = if self.eat_kw("as") {
                Some(self.expect_name()?)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                span: self.span_from(start),
            });
            if !self.eat_op(",") {
                break;
            }
            if paren && self.is_op(")") {
                break;
            }
            if !paren && matches!(self.tok(), Tok::Newline) {
                return Err(self.err_tok(
                    "trailing comma not allowed without surrounding parentheses",
                    self.pos - 1,
                ));
            }
        }
        if paren {
            self.expect_op(")")?;
        }
        Ok(S::ImportFrom {
            module,
            names,
            level,
        })
    }

    /// `[T, *Ts, **P]` after a def/class/type name; parsed and dropped.
    fn type_params(&mut self) -> PResult<()> {
        self.advance();
        loop {
            if self.eat_op("]") {
                return Ok(());
            }
            if !self.eat_op("*") {
                self.eat_op("**");
            }
            self.expect_name()?;
            if self.eat_op(":") {
                self.expression()?;
            }
            if self.eat_op("=") {
                if self.is_op("*") {
                    self.star_expression()?;
                } else {
                    self.expression()?;
                }
            }
            if !self.eat_op(",") {
                self.close("]")?;
                return Ok(());
            }
        }
    }

    /// A block after `:`; `what` names the header for CPython's
    /// "expected an indented block after ..." message.
    pub fn block(&mut self, what: &str, header_line: u32) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if !matches!(self.tok(), Tok::Newline) {
            self.simple_stmts(&mut body)?;
            return Ok(body);
        }
        self.advance();
        if !matches!(self.tok(), Tok::Indent) {
            let t = self.tok_span(self.pos);
            let msg = format!("expected an indented block after {what} on line {header_line}");
            let mut e = self.err_span(msg, t);
            e.err.kind = SyntaxErrorKind::IndentationError;
            if matches!(self.tok(), Tok::EndMarker | Tok::Dedent) {
                // CPython points just past the header's colon at EOF.
                let prev = self.tok_span(self.pos.saturating_sub(1));
                let nl = self
                    .toks
                    .iter()
                    .take(self.pos)
                    .rev()
                    .find(|t| matches!(t.tok, Tok::Newline));
                if let Some(nl) = nl {
                    e.err.line = nl.line;
                    e.err.col = nl.col + 1;
                    e.err.end_line = nl.line;
                    e.err.end_col = 0;
                }
                let _ = prev;
            }
            return Err(e);
        }
        self.advance();
        while !matches!(self.tok(), Tok::Dedent | Tok::EndMarker) {
            if matches!(self.tok(), Tok::Error) {
                return Err(self.invalid_syntax());
            }
            self.statement(&mut body)?;
        }
        if matches!(self.tok(), Tok::Dedent) {
            self.advance();
        }
        Ok(body)
    }

    fn line(&self, idx: usize) -> u32 {
        self.tok_span(idx).line
    }

    fn compound_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        if self.is_op("@") {
            let mut decorators = Vec::new();
            while self.eat_op("@") {
                decorators.push(self.named_expression()?);
                if !matches!(self.tok(), Tok::Newline) {
                    return Err(self.invalid_syntax());
                }
                self.advance();
            }
            let mut s = if self.is_kw("def") || (self.is_kw("async") && self.nth_is_kw(1, "def")) {
                self.funcdef()?
            } else if self.is_kw("class") {
                self.classdef()?
            } else {
                return Err(self.invalid_syntax());
            };
            match &mut s.kind {
                S::FunctionDef { decorator_list, .. } | S::ClassDef { decorator_list, .. } => {
                    *decorator_list = decorators;
                }
                _ => {}
            }
            // CPython's span for a decorated definition starts at `def`.
            let _ = start;
            return Ok(s);
        }
        let Tok::Name(kw) = self.tok() else {
            return Err(self.invalid_syntax());
        };
        match kw.as_str() {
            "def" => self.funcdef(),
            "class" => self.classdef(),
            "if" => self.if_stmt(),
            "while" => self.while_stmt(),
            "for" => self.for_stmt(false, start),
            "with" => self.with_stmt(false, start),
            "try" => self.try_stmt(),
            "async" => {
                self.advance();
                if self.is_kw("def") {
                    self.funcdef_at(start)
                } else if self.is_kw("for") {
                    self.for_stmt(true, start)
                } else {
                    self.with_stmt(true, start)
                }
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    fn funcdef(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        if self.eat_kw("async") {
            return self.funcdef_at(start);
        }
        self.funcdef_at(start)
    }

    fn funcdef_at(&mut self, start: usize) -> PResult<Stmt> {
        let is_async = self.is_kw("async") || self.pos != start;
        self.eat_kw("async");
        self.advance(); // def
        let name = self.expect_name()?;
        if self.is_op("[") {
            self.type_params()?;
        }
        self.expect_forced("(")?;
        let args = self.parameters(")", true)?;
        self.expect_op(")")?;
        let returns = if self.eat_op("->") {
            Some(Box::new(self.expression()?))
        } else {
            None
        };
        self.expect_forced(":")?;
        let body = self.block("function definition", self.line(start))?;
        Ok(self.stmt(
            S::FunctionDef {
                name,
                args: Box::new(args),
                body,
                decorator_list: Vec::new(),
                returns,
                is_async,
            },
            start,
        ))
    }

    fn classdef(&mut self) -> PResult<Stmt> {
        let start = self.advance();
        let name = self.expect_name()?;
        if self.is_op("[") {
            self.type_params()?;
        }
        let (mut bases, mut keywords) = (Vec::new(), Vec::new());
        if self.is_op("(") {
            let call = self.primary_call_args()?;
            bases = call.0;
            keywords = call.1;
        }
        self.expect_colon_soft()?;
        let body = self.block("class definition", self.line(start))?;
        Ok(self.stmt(
            S::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list: Vec::new(),
            },
            start,
        ))
    }

    /// `(args)` of a class header, parsed like call arguments.
    fn primary_call_args(&mut self) -> PResult<(Vec<Expr>, Vec<crate::ast::Keyword>)> {
        self.nested(|p| {
            p.advance();
            p.call_args()
        })
    }

    fn condition(&mut self) -> PResult<Expr> {
        let e = self.named_expression()?;
        if self.is_op("=") {
            let here = self.pos;
            let b = self.attempt(|p| {
                p.advance();
                let b = p.bitwise_or()?;
                if p.is_op("=") || p.is_op(":=") {
                    return Err(p.invalid_syntax());
                }
                Ok(b)
            });
            self.pos = here;
            if let Some(b) = b {
                if matches!(e.kind, K::Name(_)) {
                    return Err(self.err_range(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        e.span,
                        b.span,
                    ));
                }
                let excluded = matches!(
                    e.kind,
                    K::Tuple(_)
                        | K::List(_)
                        | K::GeneratorExp { .. }
                        | K::Constant(Constant::True | Constant::False | Constant::None)
                );
                if !excluded && is_bitwise_or_level(&e) {
                    return Err(self.err_span(
                        format!(
                            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                            expr_name(&e)
                        ),
                        e.span,
                    ));
                }
            }
        }
        Ok(e)
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance();
        let what = if matches!(self.token(start).map(|t| &t.tok), Some(Tok::Name(n)) if n == "elif")
        {
            "'elif' statement"
        } else {
            "'if' statement"
        };
        let test = Box::new(self.condition()?);
        self.expect_colon_soft()?;
        let body = self.block(what, self.line(start))?;
        let orelse = if self.is_kw("elif") {
            vec![self.if_stmt()?]
        } else {
            self.else_block()?
        };
        Ok(self.stmt(S::If { test, body, orelse }, start))
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if !self.is_kw("else") {
            return Ok(Vec::new());
        }
        let start = self.advance();
        self.expect_forced(":")?;
        self.block("'else' statement", self.line(start))
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance();
        let test = Box::new(self.condition()?);
        self.expect_colon_soft()?;
        let body = self.block("'while' statement", self.line(start))?;
        let orelse = self.else_block()?;
        Ok(self.stmt(S::While { test, body, orelse }, start))
    }

    fn for_stmt(&mut self, is_async: bool, start: usize) -> PResult<Stmt> {
        let kw = self.advance();
        let target = self.star_targets()?;
        self.check_target(&target, false)?;
        if !self.eat_kw("in") {
            return Err(self.invalid_syntax());
        }
        let iter = Box::new(self.star_expressions()?);
        self.expect_colon_soft()?;
        let body = self.block("'for' statement", self.line(kw))?;
        let orelse = self.else_block()?;
        Ok(self.stmt(
            S::For {
                target: Box::new(target),
                iter,
                body,
                orelse,
                is_async,
            },
            start,
        ))
    }

    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let optional_vars = if self.eat_kw("as") {
            let t = self.star_targets_single()?;
            self.check_target(&t, false)?;
            Some(t)
        } else {
            None
        };
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }

    /// A `with ... as` target: a single target, or a bracketed list.
    fn star_targets_single(&mut self) -> PResult<Expr> {
        self.bitwise_or()
    }

    fn with_stmt(&mut self, is_async: bool, start: usize) -> PResult<Stmt> {
        let kw = self.advance();
        let mut items = None;
        if self.is_op("(") {
            items = self.attempt(|p| {
                p.advance();
                let mut items = vec![p.with_item()?];
                while p.eat_op(",") {
                    if p.is_op(")") {
                        break;
                    }
                    items.push(p.with_item()?);
                }
                p.expect_op(")")?;
                if !p.is_op(":") {
                    return Err(p.invalid_syntax());
                }
                Ok(items)
            });
        }
        let items = match items {
            Some(items) => items,
            None => {
                let mut items = vec![self.with_item()?];
                while self.eat_op(",") {
                    items.push(self.with_item()?);
                }
                items
            }
        };
        self.expect_colon_soft()?;
        let body = self.block("'with' statement", self.line(kw))?;
        Ok(self.stmt(
            S::With {
                items,
                body,
                is_async,
            },
            start,
        ))
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance();
        self.expect_forced(":")?;
        let body = self.block("'try' statement", self.line(start))?;
        let mut handlers = Vec::new();
        let mut is_star = false;
        while self.is_kw("except") {
            let hstart = self.advance();
            let star = self.eat_op("*");
            if star {
                is_star = true;
            }
            let (mut type_, mut name) = (None, None);
            if !self.is_op(":") {
                let t = self.expression()?;
                if self.is_op(",") {
                    let here = self.pos;
                    let rest = self.attempt(|p| {
                        while p.eat_op(",") {
                            p.expression()?;
                        }
                        Ok(p.tok_span(p.pos - 1))
                    });
                    if let Some(end) = rest {
                        return Err(self.err_range(
                            "multiple exception types must be parenthesized",
                            t.span,
                            end,
                        ));
                    }
                    self.pos = here;
                }
                type_ = Some(t);
                if self.eat_kw("as") {
                    name = Some(self.expect_name()?);
                }
            }
            self.expect_colon_soft()?;
            let what = if star {
                "'except*' statement"
            } else {
                "'except' statement"
            };
            let hbody = self.block(what, self.line(hstart))?;
            handlers.push(ExceptHandler {
                type_,
                name,
                body: hbody,
                span: self.span_from(hstart),
            });
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let finalbody = if self.is_kw("finally") {
            let fstart = self.advance();
            self.expect_forced(":")?;
            self.block("'finally' statement", self.line(fstart))?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(self.err_tok("expected 'except' or 'finally' block", self.pos));
        }
        Ok(self.stmt(
            S::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            },
            start,
        ))
    }

    /// `match` is a soft keyword: only a statement if the header parses.
    fn match_stmt(&mut self) -> PResult<Option<Stmt>> {
        let start = self.pos;
        let header = self.attempt(|p| {
            p.advance();
            let subj_start = p.pos;
            let first = p.star_named_expression()?;
            let subject = if p.is_op(",") {
                let mut elts = vec![first];
                while p.eat_op(",") {
                    if p.is_op(":") {
                        break;
                    }
                    elts.push(p.star_named_expression()?);
                }
                Expr {
                    kind: K::Tuple(elts),
                    span: p.span_from(subj_start),
                }
            } else {
                first
            };
            Ok(subject)
        });
        let Some(subject) = header else {
            return Ok(None);
        };
        if !self.is_op(":") {
            if matches!(self.tok(), Tok::Newline) {
                // Maybe `match x` was meant; only an error if it is not a
                // valid simple statement either.
                let nl = self.pos;
                self.pos = start;
                let mut scratch = Vec::new();
                if self.attempt(|p| p.simple_stmts(&mut scratch)).is_some() {
                    self.pos = start;
                    return Ok(None);
                }
                return Err(self.err_tok("expected ':'", nl));
            }
            self.pos = start;
            return Ok(None);
        }
        self.advance();
        let line = self.line(start);
        if !matches!(self.tok(), Tok::Newline) {
            return Err(self.invalid_syntax());
        }
        self.advance();
        if !matches!(self.tok(), Tok::Indent) {
            let mut e = self.err_tok(
                format!("expected an indented block after 'match' statement on line {line}"),
                self.pos,
            );
            e.err.kind = SyntaxErrorKind::IndentationError;
            return Err(e);
        }
        self.advance();
        let mut cases = Vec::new();
        while self.is_kw("case") {
            let cstart = self.advance();
            let pattern = self.patterns()?;
            let guard = if self.eat_kw("if") {
                Some(self.named_expression()?)
            } else {
                None
            };
            self.expect_colon_soft()?;
            let body = self.block("'case' statement", self.line(cstart))?;
            cases.push(MatchCase {
                pattern,
                guard,
                body,
            });
        }
        if cases.is_empty() || !matches!(self.tok(), Tok::Dedent | Tok::EndMarker) {
            return Err(self.invalid_syntax());
        }
        self.advance();
        let span = join(
            self.tok_span(start),
            self.tok_span(self.pos.saturating_sub(2)),
        );
        let _ = span;
        Ok(Some(self.stmt(
            S::Match {
                subject: Box::new(subject),
                cases,
            },
            start,
        )))
    }
}
