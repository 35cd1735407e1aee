//! Recursive-descent parser: shared machinery and the entry point.
//! Statements live in `stmt.rs`, expressions in `expr.rs`, `match`
//! patterns in `pattern.rs`, string literals in `strings.rs`.

use std::cell::Cell;

use crate::ast::{Expr, Module, Span};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::lexer::{tokenize, LexFailure, Tok, Token};

/// Nesting budget for recursive constructs (expressions, blocks, patterns).
/// One unit (e.g. one bracket level) costs up to ~4 KiB of stack in a
/// release build, so 150 keeps the parser under ~600 KiB: safe on the
/// default 1 MiB WebAssembly stack. CPython allows 200 bracket levels;
/// nothing a learner writes comes near either bound.
pub(crate) const MAX_DEPTH: u32 = 150;

pub(crate) struct PErr {
    pub err: SyntaxError,
    /// Token index where the error arose, to rank it against lexer errors.
    pub tok: usize,
    /// CPython skips its "tokenize the rest" check for these.
    pub final_: bool,
}

pub(crate) type PResult<T> = Result<T, Box<PErr>>;

pub(crate) struct Parser<'a> {
    pub toks: &'a [Token],
    pub pos: usize,
    pub src: &'a [char],
    pub depth: u32,
    /// Furthest token index looked at: CPython reports generic errors
    /// at the last token its tokenizer produced.
    pub furthest: Cell<usize>,
    /// Left-nested links (`a.b.c`, `1+2+3`) in the current statement. They
    /// deepen the tree without recursing here, but dropping or compiling
    /// the tree recurses, so they are bounded too.
    pub links: u32,
}

/// Bound on `links` per statement; CPython itself gives up on chains of
/// a few tens of thousands.
pub(crate) const MAX_LINKS: u32 = 3000;

pub(crate) const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

pub(crate) fn is_keyword(s: &str) -> bool {
    // Cheap pre-filter: every keyword starts with one of these letters.
    matches!(s.as_bytes().first(), Some(b'F' | b'N' | b'T' | b'a'..=b'y'))
        && KEYWORDS.binary_search(&s).is_ok()
}

static END: Tok = Tok::EndMarker;

/// Parse a whole module. Errors carry CPython 3.13's message and location.
pub fn parse_module(source: &str) -> Result<Module, SyntaxError> {
    if source.contains('\0') {
        return Err(SyntaxError::new(
            "source code string cannot contain null bytes",
            0,
            0,
            0,
            0,
        ));
    }
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let chars: Vec<char> = normalize_newlines(source);
    let lexed = tokenize(&chars);
    let mut p = Parser {
        toks: &lexed.tokens,
        pos: 0,
        src: &chars,
        depth: 0,
        furthest: Cell::new(0),
        links: 0,
    };
    let result = p.module();
    let err = match (result, lexed.failure) {
        (Ok(m), None) => return Ok(m),
        (Ok(_), Some(f)) => lex_error(f),
        (Err(e), None) => e.err,
        (Err(e), Some(f)) => {
            let err_tok = lexed.tokens.len().saturating_sub(1);
            if e.tok >= err_tok {
                lex_error(f)
            } else if e.final_ {
                e.err
            } else {
                match f {
                    LexFailure::Error {
                        err,
                        in_fstring: false,
                    } => err,
                    LexFailure::Unclosed { line, .. }
                        if e.err
                            .line
                            .max(lexed.tokens.get(e.tok).map_or(0, |t| t.line))
                            > line =>
                    {
                        lex_error(f)
                    }
                    _ => e.err,
                }
            }
        }
    };
    Err(with_text(err, &chars))
}

fn normalize_newlines(source: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(source.len());
    let mut it = source.chars().peekable();
    while let Some(c) = it.next() {
        if c == '\r' {
            if it.peek() == Some(&'\n') {
                it.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

fn lex_error(f: LexFailure) -> SyntaxError {
    match f {
        LexFailure::Error { err, .. } => err,
        LexFailure::Unclosed { ch, line, col } => {
            SyntaxError::new(format!("'{ch}' was never closed"), line, col + 1, line, 0)
        }
    }
}

fn with_text(mut err: SyntaxError, chars: &[char]) -> SyntaxError {
    if err.line == 0 {
        return err;
    }
    let line = chars
        .split(|&c| c == '\n')
        .nth(err.line as usize - 1)
        .map(|l| l.iter().collect::<String>());
    err.text = line;
    err
}

/// Python's name for an expression in "cannot assign to ..." messages.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    use crate::ast::{Constant, ExprKind as K};
    match &e.kind {
        K::Attribute { .. } => "attribute",
        K::Subscript { .. } => "subscript",
        K::Starred(_) => "starred",
        K::Name(_) => "name",
        K::List(_) => "list",
        K::Tuple(_) => "tuple",
        K::Lambda { .. } => "lambda",
        K::Call { .. } => "function call",
        K::BoolOp { .. } | K::BinOp { .. } | K::UnaryOp { .. } => "expression",
        K::GeneratorExp { .. } => "generator expression",
        K::Yield(_) | K::YieldFrom(_) => "yield expression",
        K::Await(_) => "await expression",
        K::ListComp { .. } => "list comprehension",
        K::SetComp { .. } => "set comprehension",
        K::DictComp { .. } => "dict comprehension",
        K::Dict { .. } => "dict literal",
        K::Set(_) => "set display",
        K::JoinedStr(_) | K::FormattedValue { .. } => "f-string expression",
        K::Constant(Constant::None) => "None",
        K::Constant(Constant::True) => "True",
        K::Constant(Constant::False) => "False",
        K::Constant(Constant::Ellipsis) => "ellipsis",
        K::Constant(_) => "literal",
        K::Compare { .. } => "comparison",
        K::IfExp { .. } => "conditional expression",
        K::NamedExpr { .. } => "named expression",
        K::Slice { .. } => "slice",
    }
}

impl<'a> Parser<'a> {
    pub fn tok(&self) -> &'a Tok {
        self.see(self.pos);
        self.toks.get(self.pos).map_or(&END, |t| &t.tok)
    }
    pub fn nth(&self, n: usize) -> &'a Tok {
        self.see(self.pos + n);
        self.toks.get(self.pos + n).map_or(&END, |t| &t.tok)
    }
    fn see(&self, i: usize) {
        if i > self.furthest.get() && i < self.toks.len() {
            self.furthest.set(i);
        }
    }
    pub fn token(&self, idx: usize) -> Option<&'a Token> {
        self.toks.get(idx)
    }
    pub fn advance(&mut self) -> usize {
        let i = self.pos;
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        i
    }
    pub fn is_op(&self, op: &str) -> bool {
        matches!(self.tok(), Tok::Op(o) if *o == op)
    }
    pub fn nth_is_op(&self, n: usize, op: &str) -> bool {
        matches!(self.nth(n), Tok::Op(o) if *o == op)
    }
    pub fn eat_op(&mut self, op: &str) -> bool {
        if self.is_op(op) {
            self.advance();
            true
        } else {
            false
        }
    }
    pub fn is_kw(&self, kw: &str) -> bool {
        matches!(self.tok(), Tok::Name(n) if n == kw)
    }
    pub fn nth_is_kw(&self, n: usize, kw: &str) -> bool {
        matches!(self.nth(n), Tok::Name(s) if s == kw)
    }
    pub fn eat_kw(&mut self, kw: &str) -> bool {
        if self.is_kw(kw) {
            self.advance();
            true
        } else {
            false
        }
    }
    /// The current token as a (non-keyword) identifier.
    pub fn name(&self) -> Option<&'a str> {
        match self.tok() {
            Tok::Name(n) if !is_keyword(n) => Some(n),
            _ => None,
        }
    }
    pub fn nth_is_name(&self, n: usize) -> bool {
        matches!(self.nth(n), Tok::Name(s) if !is_keyword(s))
    }

    pub fn expect_name(&mut self) -> PResult<String> {
        match self.name() {
            Some(n) => {
                self.advance();
                Ok(n.to_string())
            }
            None => Err(self.invalid_syntax()),
        }
    }

    pub fn expect_op(&mut self, op: &str) -> PResult<()> {
        if self.eat_op(op) {
            Ok(())
        } else {
            Err(self.invalid_syntax())
        }
    }

    /// A forced token (`&&':'` in CPython's grammar): "expected ':'".
    pub fn expect_forced(&mut self, op: &str) -> PResult<()> {
        if self.eat_op(op) {
            Ok(())
        } else {
            Err(self.err_tok(format!("expected '{op}'"), self.pos))
        }
    }

    /// `':'` at the end of a compound-statement header, where CPython only
    /// says "expected ':'" if the line ends there.
    pub fn expect_colon_soft(&mut self) -> PResult<()> {
        if self.eat_op(":") {
            Ok(())
        } else if matches!(self.tok(), Tok::Newline) {
            Err(self.err_tok("expected ':'", self.pos))
        } else {
            Err(self.invalid_syntax())
        }
    }

    pub fn tok_span(&self, idx: usize) -> Span {
        match self.toks.get(idx) {
            Some(t) => Span {
                line: t.line,
                col: t.col,
                end_line: t.end_line,
                end_col: t.end_col,
            },
            None => Span::default(),
        }
    }

    /// Span from the token at `start` to the last consumed token.
    pub fn span_from(&self, start: usize) -> Span {
        let s = self.tok_span(start);
        let mut last = self.pos.saturating_sub(1).max(start);
        while last > start
            && matches!(
                self.toks.get(last).map(|t| &t.tok),
                Some(Tok::Newline | Tok::Indent | Tok::Dedent | Tok::EndMarker)
            )
        {
            last -= 1;
        }
        let e = self.tok_span(last);
        Span {
            line: s.line,
            col: s.col,
            end_line: e.end_line,
            end_col: e.end_col,
        }
    }

    #[inline(never)]
    pub fn err_span(&self, msg: impl Into<String>, span: Span) -> Box<PErr> {
        Box::new(PErr {
            err: SyntaxError::new(
                msg,
                span.line,
                span.col + 1,
                span.end_line,
                span.end_col + 1,
            ),
            tok: self.pos,
            final_: false,
        })
    }

    pub fn err_range(&self, msg: impl Into<String>, a: Span, b: Span) -> Box<PErr> {
        self.err_span(
            msg,
            Span {
                line: a.line,
                col: a.col,
                end_line: b.end_line,
                end_col: b.end_col,
            },
        )
    }

    pub fn err_tok(&self, msg: impl Into<String>, idx: usize) -> Box<PErr> {
        let mut e = self.err_span(msg, self.tok_span(idx));
        e.tok = idx;
        e
    }

    /// CPython's generic error at the token where parsing got stuck.
    #[inline(never)]
    pub fn invalid_syntax(&self) -> Box<PErr> {
        match self.tok() {
            Tok::Indent | Tok::Dedent => {
                let t = self.tok_span(self.pos);
                let msg = if matches!(self.tok(), Tok::Indent) {
                    "unexpected indent"
                } else {
                    "unexpected unindent"
                };
                Box::new(PErr {
                    err: SyntaxError::new(msg, t.line, t.col, t.line, 0)
                        .with_kind(SyntaxErrorKind::IndentationError),
                    tok: self.pos,
                    final_: true,
                })
            }
            _ => {
                let at = self.furthest.get().max(self.pos);
                if matches!(
                    self.toks.get(at).map(|t| &t.tok),
                    Some(Tok::Indent | Tok::Dedent)
                ) && at != self.pos
                {
                    let mut p = Parser {
                        pos: at,
                        furthest: Cell::new(at),
                        ..*self
                    };
                    p.depth = self.depth;
                    return p.invalid_syntax();
                }
                if matches!(self.toks.get(at).map(|t| &t.tok), Some(Tok::EndMarker)) {
                    // CPython reports offset 0 on the last line at EOF.
                    let line = self.tok_span(at.saturating_sub(1)).line;
                    let mut e = self.err_tok("invalid syntax", at);
                    e.err = SyntaxError::new("invalid syntax", line, 0, line, 0);
                    return e;
                }
                self.err_tok("invalid syntax", at)
            }
        }
    }

    /// Run `f` one nesting level deeper, failing cleanly past the budget.
    pub fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        if self.depth >= MAX_DEPTH {
            return Err(self.err_tok("too many nested parentheses", self.pos));
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    /// Count one more left-nested link of the expression being built.
    pub fn link(&mut self) -> PResult<()> {
        self.links += 1;
        if self.links > MAX_LINKS {
            return Err(self.err_tok("expression too complex", self.pos));
        }
        Ok(())
    }

    /// Try `f`; on failure rewind and return `None`.
    pub fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> Option<T> {
        let (pos, depth) = (self.pos, self.depth);
        match f(self) {
            Ok(v) => Some(v),
            Err(_) => {
                self.pos = pos;
                self.depth = depth;
                None
            }
        }
    }

    /// Source text between two char indices (for f-string `=` debugging).
    pub fn source_slice(&self, start: usize, end: usize) -> String {
        self.src
            .get(start..end)
            .map(|s| s.iter().collect())
            .unwrap_or_default()
    }

    pub fn module(&mut self) -> PResult<Module> {
        let mut body = Vec::new();
        while !matches!(self.tok(), Tok::EndMarker) {
            if matches!(self.tok(), Tok::Error) {
                return Err(self.invalid_syntax());
            }
            self.statement(&mut body)?;
        }
        Ok(Module { body })
    }
}
