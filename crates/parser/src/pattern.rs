//! `case` patterns of the `match` statement.

use crate::ast::{Constant, Expr, ExprKind as K, Pattern, PatternKind as P};
use crate::lexer::Tok;
use crate::parser::{PResult, Parser};

impl Parser<'_> {
    fn pat(&self, kind: P, start: usize) -> Pattern {
        Pattern {
            kind,
            span: self.span_from(start),
        }
    }

    /// Top level of a `case`: `case a, *rest:` is an open sequence.
    pub fn patterns(&mut self) -> PResult<Pattern> {
        let start = self.pos;
        let first = self.maybe_star_pattern()?;
        if !self.is_op(",") {
            if matches!(first.kind, P::MatchStar(_)) {
                return Ok(self.pat(P::MatchSequence(vec![first]), start));
            }
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.is_op(":") || self.is_kw("if") {
                break;
            }
            items.push(self.maybe_star_pattern()?);
        }
        Ok(self.pat(P::MatchSequence(items), start))
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if self.is_op("*") {
            let start = self.advance();
            let name = self.expect_name()?;
            let name = (name != "_").then_some(name);
            return Ok(self.pat(P::MatchStar(name), start));
        }
        self.pattern()
    }

    fn pattern(&mut self) -> PResult<Pattern> {
        self.nested(|p| {
            let start = p.pos;
            let or = p.or_pattern()?;
            if !p.eat_kw("as") {
                return Ok(or);
            }
            let name = p.expect_name()?;
            if name == "_" {
                return Err(p.err_tok("cannot use '_' as a target", p.pos - 1));
            }
            Ok(p.pat(
                P::MatchAs {
                    pattern: Some(Box::new(or)),
                    name: Some(name),
                },
                start,
            ))
        })
    }

    fn or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.pos;
        let first = self.closed_pattern()?;
        if !self.is_op("|") {
            return Ok(first);
        }
        let mut alts = vec![first];
        while self.eat_op("|") {
            alts.push(self.closed_pattern()?);
        }
        Ok(self.pat(P::MatchOr(alts), start))
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let start = self.pos;
        match self.tok() {
            Tok::Name(n) if matches!(n.as_str(), "None" | "True" | "False") => {
                let c = match n.as_str() {
                    "None" => Constant::None,
                    "True" => Constant::True,
                    _ => Constant::False,
                };
                self.advance();
                Ok(self.pat(P::MatchSingleton(c), start))
            }
            Tok::Name(_) if self.name().is_some() => self.name_pattern(),
            Tok::Number(_) | Tok::Op("-") => {
                let v = self.signed_number()?;
                Ok(self.pat(P::MatchValue(Box::new(v)), start))
            }
            Tok::Str { .. } | Tok::FStart { .. } => {
                let v = self.strings()?;
                Ok(self.pat(P::MatchValue(Box::new(v)), start))
            }
            Tok::Op("(") => {
                self.advance();
                if self.eat_op(")") {
                    return Ok(self.pat(P::MatchSequence(Vec::new()), start));
                }
                let first = self.maybe_star_pattern()?;
                if self.eat_op(")") {
                    if matches!(first.kind, P::MatchStar(_)) {
                        return Ok(self.pat(P::MatchSequence(vec![first]), start));
                    }
                    return Ok(first);
                }
                let mut items = vec![first];
                while self.eat_op(",") {
                    if self.is_op(")") {
                        break;
                    }
                    items.push(self.maybe_star_pattern()?);
                }
                self.close(")")?;
                Ok(self.pat(P::MatchSequence(items), start))
            }
            Tok::Op("[") => {
                self.advance();
                let mut items = Vec::new();
                while !self.is_op("]") {
                    items.push(self.maybe_star_pattern()?);
                    if !self.eat_op(",") {
                        break;
                    }
                }
                self.close("]")?;
                Ok(self.pat(P::MatchSequence(items), start))
            }
            Tok::Op("{") => self.mapping_pattern(),
            _ => Err(self.invalid_syntax()),
        }
    }

    /// `-1`, `1.5`, `1 + 2j`, `-1 - 2j`.
    fn signed_number(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let neg = self.eat_op("-");
        let Tok::Number(c) = self.tok() else {
            return Err(self.invalid_syntax());
        };
        self.advance();
        let mut e = Expr {
            kind: K::Constant(c.clone()),
            span: self.span_from(start + usize::from(neg)),
        };
        if neg {
            e = Expr {
                kind: K::UnaryOp {
                    op: crate::ast::UnaryOp::USub,
                    operand: Box::new(e),
                },
                span: self.span_from(start),
            };
        }
        let op = match self.tok() {
            Tok::Op("+") => crate::ast::Operator::Add,
            Tok::Op("-") => crate::ast::Operator::Sub,
            _ => return Ok(e),
        };
        self.advance();
        let rstart = self.pos;
        let Tok::Number(c @ Constant::Imaginary(_)) = self.tok() else {
            return Err(self.err_span(
                "imaginary number required in complex literal",
                self.tok_span(self.pos),
            ));
        };
        self.advance();
        let right = Expr {
            kind: K::Constant(c.clone()),
            span: self.span_from(rstart),
        };
        Ok(Expr {
            kind: K::BinOp {
                left: Box::new(e),
                op,
                right: Box::new(right),
            },
            span: self.span_from(start),
        })
    }

    /// A dotted name used as a value (`Color.RED`).
    fn dotted_value(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let mut e = Expr {
            kind: K::Name(self.expect_name()?),
            span: self.span_from(start),
        };
        while self.eat_op(".") {
            let attr = self.expect_name()?;
            e = Expr {
                kind: K::Attribute {
                    value: Box::new(e),
                    attr,
                },
                span: self.span_from(start),
            };
        }
        Ok(e)
    }

    fn name_pattern(&mut self) -> PResult<Pattern> {
        let start = self.pos;
        let dotted = self.nth_is_op(1, ".");
        let cls = self.dotted_value()?;
        if self.is_op("(") {
            return self.class_pattern(cls, start);
        }
        if dotted {
            return Ok(self.pat(P::MatchValue(Box::new(cls)), start));
        }
        let K::Name(name) = cls.kind else {
            return Err(self.invalid_syntax());
        };
        let name = (name != "_").then_some(name);
        Ok(self.pat(
            P::MatchAs {
                pattern: None,
                name,
            },
            start,
        ))
    }

    fn class_pattern(&mut self, cls: Expr, start: usize) -> PResult<Pattern> {
        self.advance();
        let (mut patterns, mut kwd_attrs, mut kwd_patterns) = (Vec::new(), Vec::new(), Vec::new());
        while !self.is_op(")") {
            if self.name().is_some() && self.nth_is_op(1, "=") {
                kwd_attrs.push(self.expect_name()?);
                self.advance();
                kwd_patterns.push(self.pattern()?);
            } else {
                let p = self.pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(
                        self.err_span("positional patterns follow keyword patterns", p.span)
                    );
                }
                patterns.push(p);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        self.close(")")?;
        Ok(self.pat(
            P::MatchClass {
                cls: Box::new(cls),
                patterns,
                kwd_attrs,
                kwd_patterns,
            },
            start,
        ))
    }

    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let start = self.advance();
        let (mut keys, mut patterns, mut rest) = (Vec::new(), Vec::new(), None);
        while !self.is_op("}") {
            if self.eat_op("**") {
                rest = Some(self.expect_name()?);
            } else {
                if rest.is_some() {
                    return Err(self.invalid_syntax());
                }
                let key = match self.tok() {
                    Tok::Number(_) | Tok::Op("-") => self.signed_number()?,
                    Tok::Str { .. } | Tok::FStart { .. } => self.strings()?,
                    Tok::Name(n) if matches!(n.as_str(), "None" | "True" | "False") => {
                        self.atom()?
                    }
                    Tok::Name(_) => self.dotted_value()?,
                    _ => return Err(self.invalid_syntax()),
                };
                self.expect_op(":")?;
                keys.push(key);
                patterns.push(self.pattern()?);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        self.close("}")?;
        Ok(self.pat(
            P::MatchMapping {
                keys,
                patterns,
                rest,
            },
            start,
        ))
    }
}
