//! String literals: escape decoding, implicit concatenation, f-strings.

use crate::ast::{Constant, Expr, ExprKind as K, Span};
use crate::expr::join;
use crate::lexer::Tok;
use crate::parser::{PResult, Parser};
use crate::unicode_names;

/// CPython rejects format specs nested deeper than this.
const MAX_SPEC_NESTING: u32 = 3;

/// Decode escapes of a str literal body. `fmiddle` also folds `{{`/`}}`.
/// Errors are CPython's "(unicode error) ..." messages.
pub fn decode_str(body: &str, raw: bool, fmiddle: bool) -> Result<String, String> {
    let mut out = String::with_capacity(body.len());
    let bytes_pos: Vec<usize> = body.char_indices().map(|(i, _)| i).collect();
    let chars: Vec<char> = body.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if fmiddle && (c == '{' || c == '}') && chars.get(i + 1) == Some(&c) {
            out.push(c);
            i += 2;
            continue;
        }
        if c != '\\' || raw {
            out.push(c);
            i += 1;
            continue;
        }
        let pos = bytes_pos[i];
        let uerr = |end_char: usize, what: &str| {
            let end_byte = bytes_pos
                .get(end_char)
                .copied()
                .unwrap_or(body.len())
                .saturating_sub(1);
            format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {pos}-{end_byte}: {what}")
        };
        let Some(&e) = chars.get(i + 1) else {
            out.push('\\');
            break;
        };
        i += 2;
        match e {
            '\n' => {}
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.get(i).and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            i += 1;
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (n, what) = match e {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v: u32 = 0;
                for k in 0..n {
                    match chars.get(i + k).and_then(|c| c.to_digit(16)) {
                        Some(d) => v = v * 16 + d,
                        None => return Err(uerr(i + k, what)),
                    }
                }
                i += n;
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None if v < 0x110000 => out.push('\u{fffd}'), // lone surrogate
                    None => return Err(uerr(i, "illegal Unicode character")),
                }
            }
            'N' => {
                if chars.get(i) != Some(&'{') {
                    return Err(uerr(i, "malformed \\N character escape"));
                }
                let Some(close) = chars[i..].iter().position(|&c| c == '}') else {
                    return Err(uerr(chars.len(), "malformed \\N character escape"));
                };
                let name: String = chars[i + 1..i + close].iter().collect();
                if name.is_empty() {
                    return Err(uerr(i + close + 1, "malformed \\N character escape"));
                }
                i += close + 1;
                match unicode_names::lookup(&name) {
                    Some(ch) => out.push(ch),
                    None => return Err(uerr(i, "unknown Unicode character name")),
                }
            }
            other => {
                // Invalid escapes are kept verbatim (CPython only warns).
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// Decode a bytes literal body; errors are CPython's "(value error) ...".
pub fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, String> {
    if !body.is_ascii() {
        return Err("bytes can only contain ASCII literal characters".into());
    }
    let b = body.as_bytes();
    if raw {
        return Ok(b.to_vec());
    }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' || i + 1 >= b.len() {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let e = b[i + 1];
        let start = i;
        i += 2;
        match e {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(e),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = u32::from(e - b'0');
                for _ in 0..2 {
                    match b.get(i) {
                        Some(d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push((v & 0xff) as u8);
            }
            b'x' => {
                let hex = |k: usize| b.get(k).and_then(|c| (*c as char).to_digit(16));
                match (hex(i), hex(i + 1)) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => {
                        return Err(format!(
                            "(value error) invalid \\x escape at position {start}"
                        ))
                    }
                }
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// Accumulates the pieces of an implicitly concatenated string.
#[derive(Default)]
struct Pieces {
    parts: Vec<Expr>,
    buf: String,
    buf_span: Option<Span>,
}

impl Pieces {
    fn text(&mut self, s: &str, span: Span) {
        if s.is_empty() {
            return;
        }
        self.buf.push_str(s);
        self.buf_span = Some(match self.buf_span {
            Some(b) => join(b, span),
            None => span,
        });
    }
    fn flush(&mut self) {
        if let Some(span) = self.buf_span.take() {
            self.parts.push(Expr {
                kind: K::Constant(Constant::Str(std::mem::take(&mut self.buf))),
                span,
            });
        }
    }
}

impl Parser<'_> {
    /// One or more adjacent string tokens, concatenated.
    #[inline(never)]
    pub fn strings(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let mut pieces = Pieces::default();
        let mut is_bytes: Option<bool> = None;
        let mut bytes_out = Vec::new();
        let mut is_f = false;
        loop {
            let idx = self.pos;
            match self.tok() {
                Tok::Str { bytes, raw, body } => {
                    if is_bytes.is_some_and(|b| b != *bytes) {
                        return Err(self.mix_error());
                    }
                    is_bytes = Some(*bytes);
                    self.advance();
                    let span = self.tok_span(idx);
                    if *bytes {
                        let v = decode_bytes(body, *raw).map_err(|m| self.err_tok(m, idx))?;
                        bytes_out.extend(v);
                    } else {
                        let s = decode_str(body, *raw, false).map_err(|m| self.err_tok(m, idx))?;
                        pieces.text(&s, span);
                    }
                }
                Tok::FStart { raw } => {
                    if is_bytes == Some(true) {
                        return Err(self.mix_error());
                    }
                    is_bytes = Some(false);
                    is_f = true;
                    self.advance();
                    self.nested(|p| p.fstring_body(*raw, &mut pieces, 0))?;
                }
                _ => break,
            }
        }
        let kind = if is_bytes == Some(true) {
            K::Constant(Constant::Bytes(bytes_out))
        } else if !is_f {
            K::Constant(Constant::Str(pieces.buf))
        } else {
            pieces.flush();
            K::JoinedStr(pieces.parts)
        };
        Ok(Expr {
            kind,
            span: self.span_from(start),
        })
    }

    fn mix_error(&mut self) -> Box<crate::parser::PErr> {
        while matches!(self.tok(), Tok::Str { .. }) {
            self.advance();
        }
        self.err_tok("cannot mix bytes and nonbytes literals", self.pos)
    }

    /// Pieces up to the closing quote (`spec_depth == 0`) or up to the `}`
    /// ending a format spec (left unconsumed).
    fn fstring_body(&mut self, raw: bool, pieces: &mut Pieces, spec_depth: u32) -> PResult<()> {
        loop {
            let idx = self.pos;
            match self.tok() {
                Tok::FMiddle(text) => {
                    let s =
                        decode_str(text, raw, spec_depth == 0).map_err(|m| self.err_tok(m, idx))?;
                    self.advance();
                    pieces.text(&s, self.tok_span(idx));
                }
                Tok::Op("{") => {
                    pieces.flush();
                    let field = self.nested(|p| p.replacement_field(raw, pieces, spec_depth))?;
                    pieces.parts.push(field);
                }
                Tok::FEnd if spec_depth == 0 => {
                    self.advance();
                    return Ok(());
                }
                Tok::Op("}") if spec_depth > 0 => return Ok(()),
                _ => return Err(self.err_tok("f-string: expecting '}'", idx)),
            }
        }
    }

    fn replacement_field(
        &mut self,
        raw: bool,
        pieces: &mut Pieces,
        spec_depth: u32,
    ) -> PResult<Expr> {
        let open = self.advance();
        if spec_depth >= MAX_SPEC_NESTING {
            return Err(self.err_tok(
                "f-string: expressions nested too deeply",
                open.saturating_sub(1),
            ));
        }
        for op in ["}", "=", "!", ":"] {
            if self.is_op(op) {
                return Err(self.err_tok(
                    format!("f-string: valid expression required before '{op}'"),
                    self.pos,
                ));
            }
        }
        let value = if self.is_kw("yield") {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
        let mut debug = false;
        if self.is_op("=") {
            let eq = self.advance();
            // The text runs to the next token, keeping spaces after `=`.
            let (from, to) = (
                self.toks[open].end,
                self.toks[self.pos].start.max(self.toks[eq].end),
            );
            let text = self.source_slice(from, to);
            let span = join(self.tok_span(open + 1), self.tok_span(eq));
            pieces.text(&text, span);
            pieces.flush();
            debug = true;
        }
        let mut conversion = None;
        if self.is_op("!") {
            let bang = self.advance();
            match self.tok() {
                Tok::Name(n) if self.toks[self.pos].start != self.toks[bang].end => {
                    let _ = n;
                    return Err(self.err_range(
                        "f-string: conversion type must come right after the exclamanation mark",
                        self.tok_span(bang),
                        self.tok_span(self.pos),
                    ));
                }
                Tok::Name(n) => {
                    conversion = match n.as_str() {
                        "s" => Some('s'),
                        "r" => Some('r'),
                        "a" => Some('a'),
                        other => {
                            return Err(self.err_tok(
                                format!("f-string: invalid conversion character '{other}': expected 's', 'r', or 'a'"),
                                self.pos,
                            ))
                        }
                    };
                    self.advance();
                }
                _ => return Err(self.err_tok("f-string: missing conversion character", self.pos)),
            }
        }
        let mut format_spec = None;
        if self.is_op(":") {
            let colon = self.advance();
            let mut spec = Pieces::default();
            self.fstring_body(raw, &mut spec, spec_depth + 1)?;
            spec.flush();
            let span = join(
                self.tok_span(colon + 1),
                self.tok_span(self.pos.saturating_sub(1)),
            );
            format_spec = Some(Box::new(Expr {
                kind: K::JoinedStr(spec.parts),
                span,
            }));
        }
        if !self.is_op("}") {
            if self.starts_expr() {
                return Err(self.missing_comma_or_invalid());
            }
            return Err(self.err_tok("f-string: expecting '}'", self.pos));
        }
        self.advance();
        if debug && conversion.is_none() && format_spec.is_none() {
            conversion = Some('r');
        }
        Ok(Expr {
            kind: K::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            },
            span: self.span_from(open),
        })
    }
}
