//! Tokenizer. Turns the whole source into tokens up front (including
//! INDENT/DEDENT and PEP 701 f-string pieces), stopping at the first error.
//!
//! Tokenizing eagerly is safe because Python's tokenizer never depends on
//! the parser; keeping the first error aside lets the parser reproduce
//! CPython's rule that tokenizer errors later in the file win over a
//! parser error found earlier.

use crate::ast::Constant;
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::number::{lex_number, NumError};

/// Deepest bracket nesting CPython's tokenizer accepts.
pub const MAX_PAREN_LEVEL: usize = 200;

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Name(String),
    Number(Constant),
    /// Plain (non-f) string; `body` is the undecoded text between quotes.
    Str {
        bytes: bool,
        raw: bool,
        body: String,
    },
    FStart {
        raw: bool,
    },
    /// Undecoded literal text of an f-string (escapes and `{{` kept).
    FMiddle(String),
    FEnd,
    Op(&'static str),
    Newline,
    Indent,
    Dedent,
    EndMarker,
    /// Where tokenizing stopped; the parser reports the lexer's error here.
    Error,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub tok: Tok,
    /// Char indices into the source, for slicing (f-string `=` debug text).
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

/// Why tokenizing stopped early.
#[derive(Debug, Clone)]
pub enum LexFailure {
    /// A tokenizer error proper; `in_fstring` mirrors CPython's rule that
    /// such errors do not override a parser error inside an f-string.
    Error { err: SyntaxError, in_fstring: bool },
    /// End of file inside brackets: the innermost open bracket.
    Unclosed { ch: char, line: u32, col: u32 },
}

pub struct Lexed {
    pub tokens: Vec<Token>,
    pub failure: Option<LexFailure>,
}

const OPS3: [&str; 5] = ["**=", "//=", ">>=", "<<=", "..."];
const OPS2: [&str; 19] = [
    "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=", "<<", "<=", "==", ">=", ">>",
    "@=", "^=", "|=",
];
const OPS1: [&str; 26] = [
    "!", "%", "&", "(", ")", "*", "+", ",", "-", ".", "/", ":", ";", "<", "=", ">", "@", "[", "]",
    "^", "{", "|", "}", "~", "$", "?",
];

struct Field {
    /// Paren-stack length right after this field's `{` was pushed.
    depth: usize,
    in_spec: bool,
}

struct FCtx {
    quote: char,
    triple: bool,
    raw: bool,
    line: u32,
    col: u32,
    fields: Vec<Field>,
}

struct Lexer<'a> {
    src: &'a [char],
    i: usize,
    line: u32,
    line_start: usize,
    tokens: Vec<Token>,
    parens: Vec<(char, u32, u32)>,
    indents: Vec<(u32, u32)>,
    at_line_start: bool,
    fstack: Vec<FCtx>,
}

pub fn tokenize(src: &[char]) -> Lexed {
    let mut lx = Lexer {
        src,
        i: 0,
        line: 1,
        line_start: 0,
        tokens: Vec::with_capacity(src.len() / 3 + 8),
        parens: Vec::new(),
        indents: vec![(0, 0)],
        at_line_start: true,
        fstack: Vec::new(),
    };
    let failure = lx.run().err();
    if failure.is_some() {
        let (l, c) = (lx.line, lx.col());
        lx.push_at(Tok::Error, lx.i, lx.i, l, c, l, c);
    }
    Lexed {
        tokens: lx.tokens,
        failure,
    }
}

fn is_id_start(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

fn is_id_continue(c: char) -> bool {
    c == '_' || c.is_ascii_alphanumeric() || (!c.is_ascii() && (c.is_alphanumeric() || is_mark(c)))
}

/// Rough stand-in for the combining-mark categories allowed in identifiers.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
        || c == '\u{00B7}'
}

fn is_printable(c: char) -> bool {
    !(c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c as u32, 0xAD | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB))
}

impl Lexer<'_> {
    fn peek(&self) -> Option<char> {
        self.src.get(self.i).copied()
    }
    fn peek_at(&self, n: usize) -> Option<char> {
        self.src.get(self.i + n).copied()
    }
    fn col(&self) -> u32 {
        (self.i - self.line_start) as u32
    }
    fn col_of(&self, idx: usize) -> u32 {
        (idx - self.line_start) as u32
    }
    /// Consume a newline char (already normalised to `\n`).
    fn newline(&mut self) {
        self.i += 1;
        self.line += 1;
        self.line_start = self.i;
    }

    #[allow(clippy::too_many_arguments)]
    fn push_at(
        &mut self,
        tok: Tok,
        start: usize,
        end: usize,
        line: u32,
        col: u32,
        end_line: u32,
        end_col: u32,
    ) {
        self.tokens.push(Token {
            tok,
            start,
            end,
            line,
            col,
            end_line,
            end_col,
        });
    }

    /// Push a token that started at `start` on the current line.
    fn push(&mut self, tok: Tok, start: usize) {
        let (l, c, ec) = (self.line, self.col_of(start), self.col());
        self.push_at(tok, start, self.i, l, c, l, ec);
    }

    fn error(
        &self,
        msg: impl Into<String>,
        line: u32,
        col: u32,
        end_line: u32,
        end_col: u32,
    ) -> LexFailure {
        LexFailure::Error {
            err: SyntaxError::new(msg, line, col, end_line, end_col),
            in_fstring: !self.fstack.is_empty(),
        }
    }

    /// Error whose offset is the 1-based column of char index `idx`.
    fn error_here(&self, msg: impl Into<String>, idx: usize) -> LexFailure {
        let c = self.col_of(idx) + 1;
        self.error(msg, self.line, c, self.line, c)
    }

    fn in_field_expr(&self) -> Option<usize> {
        let ctx = self.fstack.last()?;
        let f = ctx.fields.last()?;
        (!f.in_spec).then_some(f.depth)
    }

    fn run(&mut self) -> Result<(), LexFailure> {
        loop {
            if self.at_line_start && self.parens.is_empty() && self.fstack.is_empty() {
                self.at_line_start = false;
                if self.indentation()? {
                    continue;
                }
            }
            if let Some(ctx) = self.fstack.last() {
                if ctx.fields.last().is_none_or(|f| f.in_spec) {
                    self.fstring_middle()?;
                    continue;
                }
            }
            let Some(c) = self.peek() else {
                return self.finish();
            };
            match c {
                ' ' | '\t' | '\x0c' => self.i += 1,
                '#' => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.i += 1;
                    }
                }
                '\\' => {
                    let at = self.i;
                    match self.peek_at(1) {
                        Some('\n') => {
                            self.i += 1;
                            self.newline();
                        }
                        None => {
                            let c = self.col_of(at) + 2;
                            return Err(self.error(
                                "unexpected EOF while parsing",
                                self.line,
                                c,
                                self.line,
                                0,
                            ));
                        }
                        Some(_) => {
                            let c = self.col_of(at) + 2;
                            return Err(self.error(
                                "unexpected character after line continuation character",
                                self.line,
                                c,
                                self.line,
                                0,
                            ));
                        }
                    }
                }
                '\n' => {
                    if self.parens.is_empty() {
                        let start = self.i;
                        self.i += 1;
                        self.push(Tok::Newline, start);
                        self.i -= 1;
                        self.at_line_start = true;
                    }
                    self.newline();
                }
                c if is_id_start(c) => self.name_or_string()?,
                c if c.is_ascii_digit() => self.number()?,
                '.' if self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) => self.number()?,
                '"' | '\'' => self.string(self.i, false, false, false)?,
                _ => self.operator(c)?,
            }
        }
    }

    /// Handle leading whitespace of a logical line. Returns true when the
    /// line was blank or a comment (nothing emitted).
    fn indentation(&mut self) -> Result<bool, LexFailure> {
        let (mut col, mut alt) = (0u32, 0u32);
        let start = self.i;
        while let Some(c) = self.peek() {
            match c {
                ' ' => {
                    col += 1;
                    alt += 1;
                }
                '\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                '\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            self.i += 1;
        }
        match self.peek() {
            Some('#') => {
                while self.peek().is_some_and(|c| c != '\n') {
                    self.i += 1;
                }
                if self.peek().is_some() {
                    self.newline();
                }
                self.at_line_start = true;
                return Ok(true);
            }
            Some('\n') => {
                self.newline();
                self.at_line_start = true;
                return Ok(true);
            }
            Some('\\') if self.peek_at(1) == Some('\n') => {
                // A continuation right after indentation: CPython keeps
                // treating the next line as part of this one.
            }
            None => return Ok(true),
            _ => {}
        }
        let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
        let width = self.col_of(self.i);
        let tab_error = |lx: &Self| {
            let l = lx.line;
            let e = lx.error(
                "inconsistent use of tabs and spaces in indentation",
                l,
                1,
                l,
                0,
            );
            match e {
                LexFailure::Error { err, in_fstring } => LexFailure::Error {
                    err: err.with_kind(SyntaxErrorKind::TabError),
                    in_fstring,
                },
                other => other,
            }
        };
        if col == top {
            if alt != top_alt {
                return Err(tab_error(self));
            }
        } else if col > top {
            if alt <= top_alt {
                return Err(tab_error(self));
            }
            if self.indents.len() > 99 {
                let l = self.line;
                return Err(
                    match self.error("too many levels of indentation", l, width + 1, l, 0) {
                        LexFailure::Error { err, in_fstring } => LexFailure::Error {
                            err: err.with_kind(SyntaxErrorKind::IndentationError),
                            in_fstring,
                        },
                        other => other,
                    },
                );
            }
            self.indents.push((col, alt));
            let (l, c) = (self.line, width);
            self.push_at(Tok::Indent, start, self.i, l, c, l, c);
        } else {
            while self.indents.len() > 1 && col < self.indents.last().map_or(0, |t| t.0) {
                self.indents.pop();
                let (l, c) = (self.line, width);
                self.push_at(Tok::Dedent, self.i, self.i, l, c, l, c);
            }
            let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
            if col != top {
                let mut end = self.i;
                while self.src.get(end).is_some_and(|&c| c != '\n') {
                    end += 1;
                }
                let c = self.col_of(end) + 1;
                let e = self.error(
                    "unindent does not match any outer indentation level",
                    self.line,
                    c,
                    self.line,
                    0,
                );
                return Err(match e {
                    LexFailure::Error { err, in_fstring } => LexFailure::Error {
                        err: err.with_kind(SyntaxErrorKind::IndentationError),
                        in_fstring,
                    },
                    other => other,
                });
            }
            if alt != top_alt {
                return Err(tab_error(self));
            }
        }
        Ok(false)
    }

    fn finish(&mut self) -> Result<(), LexFailure> {
        if let Some(&(ch, line, col)) = self.parens.last() {
            return Err(LexFailure::Unclosed { ch, line, col });
        }
        let last_is_newline = matches!(
            self.tokens.last().map(|t| &t.tok),
            None | Some(Tok::Newline)
        );
        if !last_is_newline {
            let (l, c) = (self.line, self.col());
            self.push_at(Tok::Newline, self.i, self.i, l, c, l, c + 1);
        }
        let (l, c) = (self.line + u32::from(self.i > self.line_start), 0);
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push_at(Tok::Dedent, self.i, self.i, l, c, l, c);
        }
        self.push_at(Tok::EndMarker, self.i, self.i, l, c, l, c);
        Ok(())
    }

    fn name_or_string(&mut self) -> Result<(), LexFailure> {
        let start = self.i;
        while self.peek().is_some_and(is_id_continue) {
            self.i += 1;
        }
        if let Some(q @ ('"' | '\'')) = self.peek() {
            let _ = q;
            let prefix: String = self.src[start..self.i]
                .iter()
                .collect::<String>()
                .to_ascii_lowercase();
            let flags = match prefix.as_str() {
                "r" => Some((true, false, false)),
                "u" => Some((false, false, false)),
                "b" => Some((false, true, false)),
                "br" | "rb" => Some((true, true, false)),
                "f" => Some((false, false, true)),
                "fr" | "rf" => Some((true, false, true)),
                _ => None,
            };
            if let Some((raw, bytes, f)) = flags {
                return self.string(start, raw, bytes, f);
            }
        }
        let name: String = self.src[start..self.i].iter().collect();
        self.push(Tok::Name(name), start);
        Ok(())
    }

    fn number(&mut self) -> Result<(), LexFailure> {
        let start = self.i;
        match lex_number(self.src, start) {
            Ok((value, end)) => {
                self.i = end;
                self.push(Tok::Number(value), start);
                Ok(())
            }
            Err(NumError { msg, at, end }) => {
                let (c, e) = (self.col_of(at) + 1, self.col_of(end) + 1);
                Err(self.error(msg, self.line, c, self.line, e))
            }
        }
    }

    fn string(
        &mut self,
        start: usize,
        raw: bool,
        bytes: bool,
        fstring: bool,
    ) -> Result<(), LexFailure> {
        let Some(quote) = self.peek() else {
            return Ok(());
        };
        let triple = self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote);
        let qlen = if triple { 3 } else { 1 };
        let (sline, scol) = (self.line, self.col_of(start));
        self.i += qlen;
        if fstring {
            self.push(Tok::FStart { raw }, start);
            self.fstack.push(FCtx {
                quote,
                triple,
                raw,
                line: sline,
                col: scol,
                fields: Vec::new(),
            });
            return Ok(());
        }
        let body_start = self.i;
        loop {
            match self.peek() {
                None | Some('\n') if !triple => {
                    let mut e = self.unterminated(quote, triple, false, sline, scol);
                    let body = &self.src[body_start..self.i];
                    if body.windows(2).any(|w| w[0] == '\\' && w[1] == quote) {
                        if let LexFailure::Error { err, .. } = &mut e {
                            if err.msg.starts_with("unterminated") {
                                err.msg.push_str("; perhaps you escaped the end quote?");
                            }
                        }
                    }
                    return Err(e);
                }
                None => return Err(self.unterminated(quote, triple, false, sline, scol)),
                Some('\n') => self.newline(),
                Some('\\') => {
                    self.i += 1;
                    match self.peek() {
                        Some('\n') => self.newline(),
                        Some(_) => self.i += 1,
                        None => {}
                    }
                }
                Some(c) if c == quote => {
                    if !triple {
                        self.i += 1;
                        break;
                    }
                    if self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote) {
                        self.i += 3;
                        break;
                    }
                    self.i += 1;
                }
                Some(_) => self.i += 1,
            }
        }
        let body: String = self.src[body_start..self.i - qlen].iter().collect();
        let (el, ec) = (self.line, self.col());
        self.push_at(
            Tok::Str { bytes, raw, body },
            start,
            self.i,
            sline,
            scol,
            el,
            ec,
        );
        Ok(())
    }

    fn unterminated(
        &self,
        quote: char,
        triple: bool,
        fstring: bool,
        line: u32,
        col: u32,
    ) -> LexFailure {
        if let Some(ctx) = self.fstack.last() {
            if !fstring && ctx.quote == quote && ctx.triple == triple {
                return self.error("f-string: expecting '}'", line, col + 1, line, col + 1);
            }
        }
        // "detected at" is the line of the last character read.
        let detected = if self.i > self.line_start || self.line == 1 {
            self.line
        } else {
            self.line - 1
        };
        let msg = format!(
            "unterminated {}{}string literal (detected at line {})",
            if triple { "triple-quoted " } else { "" },
            if fstring { "f-" } else { "" },
            detected
        );
        self.error(msg, line, col + 1, line, col + 1)
    }

    /// Literal text of an f-string, or of a format spec after `:`.
    fn fstring_middle(&mut self) -> Result<(), LexFailure> {
        let Some(ctx) = self.fstack.last() else {
            return Ok(());
        };
        let (quote, triple, raw) = (ctx.quote, ctx.triple, ctx.raw);
        let in_spec = !ctx.fields.is_empty();
        let (sline, scol) = (ctx.line, ctx.col);
        let start = self.i;
        let (mline, mcol) = (self.line, self.col());
        let flush = |lx: &mut Self| {
            if lx.i > start {
                let text: String = lx.src[start..lx.i].iter().collect();
                let (el, ec) = (lx.line, lx.col());
                lx.push_at(Tok::FMiddle(text), start, lx.i, mline, mcol, el, ec);
            }
        };
        loop {
            let Some(c) = self.peek() else {
                if in_spec {
                    return self.finish();
                }
                return Err(self.unterminated(quote, triple, true, sline, scol));
            };
            match c {
                '\n' if !triple && !in_spec => {
                    return Err(self.unterminated(quote, triple, true, sline, scol));
                }
                '\n' => self.newline(),
                c if c == quote
                    && (!triple
                        || (self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote))) =>
                {
                    flush(self);
                    let s = self.i;
                    self.i += if triple { 3 } else { 1 };
                    self.push(Tok::FEnd, s);
                    self.fstack.pop();
                    return Ok(());
                }
                '{' if !in_spec && self.peek_at(1) == Some('{') => self.i += 2,
                '{' => {
                    flush(self);
                    self.open_bracket('{')?;
                    let depth = self.parens.len();
                    if let Some(ctx) = self.fstack.last_mut() {
                        ctx.fields.push(Field {
                            depth,
                            in_spec: false,
                        });
                    }
                    return Ok(());
                }
                '}' if !in_spec && self.peek_at(1) == Some('}') => self.i += 2,
                '}' if !in_spec => {
                    return Err(self.error_here("f-string: single '}' is not allowed", self.i));
                }
                '}' => {
                    flush(self);
                    self.close_field();
                    return Ok(());
                }
                '\\' if !raw => {
                    if self.peek_at(1) == Some('N') && self.peek_at(2) == Some('{') {
                        self.i += 3;
                        while self
                            .peek()
                            .is_some_and(|c| c != '}' && c != quote && c != '\n')
                        {
                            self.i += 1;
                        }
                        if self.peek() == Some('}') {
                            self.i += 1;
                        }
                    } else {
                        match self.peek_at(1) {
                            Some('{') | Some('}') | None => self.i += 1,
                            Some('\n') => {
                                self.i += 1;
                                self.newline();
                            }
                            Some(_) => self.i += 2,
                        }
                    }
                }
                '\\' => match self.peek_at(1) {
                    Some(c) if c == quote || c == '\\' => self.i += 2,
                    _ => self.i += 1,
                },
                _ => self.i += 1,
            }
        }
    }

    fn close_field(&mut self) {
        let s = self.i;
        self.i += 1;
        self.push(Tok::Op("}"), s);
        self.parens.pop();
        if let Some(ctx) = self.fstack.last_mut() {
            ctx.fields.pop();
        }
    }

    fn open_bracket(&mut self, c: char) -> Result<(), LexFailure> {
        if self.parens.len() >= MAX_PAREN_LEVEL {
            return Err(self.error_here("too many nested parentheses", self.i));
        }
        self.parens.push((c, self.line, self.col()));
        let s = self.i;
        self.i += 1;
        self.push(
            Tok::Op(match c {
                '(' => "(",
                '[' => "[",
                _ => "{",
            }),
            s,
        );
        Ok(())
    }

    fn operator(&mut self, c: char) -> Result<(), LexFailure> {
        let start = self.i;
        if let Some(depth) = self.in_field_expr() {
            if self.parens.len() == depth {
                match c {
                    '}' => {
                        self.close_field();
                        return Ok(());
                    }
                    ':' => {
                        self.i += 1;
                        self.push(Tok::Op(":"), start);
                        if let Some(f) =
                            self.fstack.last_mut().and_then(|ctx| ctx.fields.last_mut())
                        {
                            f.in_spec = true;
                        }
                        return Ok(());
                    }
                    _ => {}
                }
            }
        }
        match c {
            '(' | '[' | '{' => return self.open_bracket(c),
            ')' | ']' | '}' => {
                let Some(&(open, oline, _)) = self.parens.last() else {
                    return Err(self.error_here(format!("unmatched '{c}'"), start));
                };
                let expected = match open {
                    '(' => ')',
                    '[' => ']',
                    _ => '}',
                };
                if c != expected {
                    let msg = if oline == self.line {
                        format!(
                            "closing parenthesis '{c}' does not match opening parenthesis '{open}'"
                        )
                    } else {
                        format!("closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {oline}")
                    };
                    return Err(self.error_here(msg, start));
                }
                self.parens.pop();
                self.i += 1;
                self.push(
                    Tok::Op(match c {
                        ')' => ")",
                        ']' => "]",
                        _ => "}",
                    }),
                    start,
                );
                return Ok(());
            }
            _ => {}
        }
        let rest = &self.src[start..];
        let matches =
            |op: &str| rest.len() >= op.len() && op.chars().zip(rest.iter()).all(|(a, b)| a == *b);
        // Only candidates starting with `c`, longest first.
        let found = OPS3
            .iter()
            .chain(OPS2.iter())
            .chain(OPS1.iter())
            .filter(|op| op.starts_with(c))
            .find(|op| matches(op));
        if let Some(op) = found {
            self.i += op.len();
            self.push(Tok::Op(op), start);
            return Ok(());
        }
        let msg = if c == '`' {
            self.i += 1;
            self.push(Tok::Op("`"), start);
            return Ok(());
        } else if is_printable(c) {
            format!("invalid character '{c}' (U+{:04X})", c as u32)
        } else {
            format!("invalid non-printable character U+{:04X}", c as u32)
        };
        Err(self.error_here(msg, start))
    }
}
