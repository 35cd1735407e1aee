//! Expressions, from `star_expressions` down to atoms, following the
//! precedence of CPython's PEG grammar.

use crate::ast::{
    Arg, Arguments, BoolOp, CmpOp, Comprehension, Constant, Expr, ExprKind as K, Keyword, Operator,
    Span, UnaryOp,
};
use crate::lexer::Tok;
use crate::parser::{expr_name, PResult, Parser};

fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

pub(crate) fn join(a: Span, b: Span) -> Span {
    Span {
        line: a.line,
        col: a.col,
        end_line: b.end_line,
        end_col: b.end_col,
    }
}

fn binop(tok: &Tok) -> Option<(Operator, u8)> {
    let Tok::Op(o) = tok else { return None };
    Some(match *o {
        "|" => (Operator::BitOr, 1),
        "^" => (Operator::BitXor, 2),
        "&" => (Operator::BitAnd, 3),
        "<<" => (Operator::LShift, 4),
        ">>" => (Operator::RShift, 4),
        "+" => (Operator::Add, 5),
        "-" => (Operator::Sub, 5),
        "*" => (Operator::Mult, 6),
        "/" => (Operator::Div, 6),
        "//" => (Operator::FloorDiv, 6),
        "%" => (Operator::Mod, 6),
        "@" => (Operator::MatMult, 6),
        _ => return None,
    })
}

impl Parser<'_> {
    /// Can the current token begin an expression?
    pub fn starts_expr(&self) -> bool {
        match self.tok() {
            Tok::Name(n) => {
                !crate::parser::is_keyword(n)
                    || matches!(
                        n.as_str(),
                        "None" | "True" | "False" | "not" | "lambda" | "await"
                    )
            }
            Tok::Number(_) | Tok::Str { .. } | Tok::FStart { .. } => true,
            Tok::Op(o) => matches!(*o, "(" | "[" | "{" | "-" | "+" | "~" | "..."),
            _ => false,
        }
    }

    /// `a, *b, c` without brackets; a single element without a comma is
    /// returned as is.
    pub fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let first = self.star_expression()?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if !self.starts_expr() && !self.is_op("*") {
                break;
            }
            elts.push(self.star_expression()?);
        }
        Ok(Expr {
            kind: K::Tuple(elts),
            span: self.span_from(start),
        })
    }

    pub fn star_expression(&mut self) -> PResult<Expr> {
        if self.is_op("*") {
            let start = self.advance();
            let value = self.bitwise_or()?;
            return Ok(Expr {
                kind: K::Starred(bx(value)),
                span: self.span_from(start),
            });
        }
        self.expression()
    }

    pub fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.is_op("*") {
            let start = self.advance();
            let value = self.bitwise_or()?;
            return Ok(Expr {
                kind: K::Starred(bx(value)),
                span: self.span_from(start),
            });
        }
        self.named_expression()
    }

    pub fn named_expression(&mut self) -> PResult<Expr> {
        if self.name().is_some() && self.nth_is_op(1, ":=") {
            let start = self.pos;
            let target = self.atom()?;
            self.advance();
            let value = self.expression()?;
            return Ok(Expr {
                kind: K::NamedExpr {
                    target: bx(target),
                    value: bx(value),
                },
                span: self.span_from(start),
            });
        }
        let e = self.expression()?;
        if self.is_op(":=") {
            return Err(self.err_span(
                format!("cannot use assignment expressions with {}", expr_name(&e)),
                e.span,
            ));
        }
        Ok(e)
    }

    pub fn expression(&mut self) -> PResult<Expr> {
        self.nested(|p| p.expression_inner())
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.is_kw("lambda") {
            return self.lambdef();
        }
        let start = self.pos;
        let body = self.disjunction()?;
        if !self.is_kw("if") {
            return Ok(body);
        }
        self.advance();
        let test = self.disjunction()?;
        if !self.eat_kw("else") {
            if self.is_op(":") {
                return Err(self.invalid_syntax());
            }
            return Err(self.err_range(
                "expected 'else' after 'if' expression",
                body.span,
                test.span,
            ));
        }
        let orelse = self.expression()?;
        Ok(Expr {
            kind: K::IfExp {
                test: bx(test),
                body: bx(body),
                orelse: bx(orelse),
            },
            span: self.span_from(start),
        })
    }

    fn boolop(
        &mut self,
        kw: &str,
        op: BoolOp,
        sub: fn(&mut Self) -> PResult<Expr>,
    ) -> PResult<Expr> {
        let start = self.pos;
        let first = sub(self)?;
        if !self.is_kw(kw) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw(kw) {
            values.push(sub(self)?);
        }
        Ok(Expr {
            kind: K::BoolOp { op, values },
            span: self.span_from(start),
        })
    }

    pub fn disjunction(&mut self) -> PResult<Expr> {
        self.boolop("or", BoolOp::Or, |p| p.conjunction())
    }

    fn conjunction(&mut self) -> PResult<Expr> {
        self.boolop("and", BoolOp::And, |p| p.inversion())
    }

    fn inversion(&mut self) -> PResult<Expr> {
        if self.is_kw("not") {
            let start = self.advance();
            let operand = self.nested(|p| p.inversion())?;
            return Ok(Expr {
                kind: K::UnaryOp {
                    op: UnaryOp::Not,
                    operand: bx(operand),
                },
                span: self.span_from(start),
            });
        }
        self.comparison()
    }

    fn cmp_op(&self) -> Option<(CmpOp, usize)> {
        Some(match self.tok() {
            Tok::Op(o) => match *o {
                "==" => (CmpOp::Eq, 1),
                "!=" => (CmpOp::NotEq, 1),
                "<" => (CmpOp::Lt, 1),
                "<=" => (CmpOp::LtE, 1),
                ">" => (CmpOp::Gt, 1),
                ">=" => (CmpOp::GtE, 1),
                _ => return None,
            },
            Tok::Name(n) => match n.as_str() {
                "in" => (CmpOp::In, 1),
                "not" if self.nth_is_kw(1, "in") => (CmpOp::NotIn, 2),
                "is" if self.nth_is_kw(1, "not") => (CmpOp::IsNot, 2),
                "is" => (CmpOp::Is, 1),
                _ => return None,
            },
            _ => return None,
        })
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let left = self.bitwise_or()?;
        if self.cmp_op().is_none() {
            return Ok(left);
        }
        let (mut ops, mut comparators) = (Vec::new(), Vec::new());
        while let Some((op, n)) = self.cmp_op() {
            for _ in 0..n {
                self.advance();
            }
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        Ok(Expr {
            kind: K::Compare {
                left: bx(left),
                ops,
                comparators,
            },
            span: self.span_from(start),
        })
    }

    pub fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(1)
    }

    /// Precedence climbing over the binary operators from `|` to `*`.
    fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let start = self.pos;
        let mut left = self.factor()?;
        while let Some((op, prec)) = binop(self.tok()) {
            if prec < min_prec {
                break;
            }
            self.advance();
            self.link()?;
            let right = self.binary(prec + 1)?;
            left = Expr {
                kind: K::BinOp {
                    left: bx(left),
                    op,
                    right: bx(right),
                },
                span: self.span_from(start),
            };
        }
        Ok(left)
    }

    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.tok() {
            Tok::Op("+") => UnaryOp::UAdd,
            Tok::Op("-") => UnaryOp::USub,
            Tok::Op("~") => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.advance();
        let operand = self.nested(|p| p.factor())?;
        Ok(Expr {
            kind: K::UnaryOp {
                op,
                operand: bx(operand),
            },
            span: self.span_from(start),
        })
    }

    fn power(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let base = if self.is_kw("await") {
            self.advance();
            let value = self.primary()?;
            Expr {
                kind: K::Await(bx(value)),
                span: self.span_from(start),
            }
        } else {
            self.primary()?
        };
        if !self.eat_op("**") {
            return Ok(base);
        }
        let exp = self.nested(|p| p.factor())?;
        Ok(Expr {
            kind: K::BinOp {
                left: bx(base),
                op: Operator::Pow,
                right: bx(exp),
            },
            span: self.span_from(start),
        })
    }

    pub fn primary(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let mut e = self.atom()?;
        loop {
            if self.is_op(".") || self.is_op("(") || self.is_op("[") {
                self.link()?;
            }
            if self.eat_op(".") {
                let attr = self.expect_name()?;
                e = Expr {
                    kind: K::Attribute { value: bx(e), attr },
                    span: self.span_from(start),
                };
            } else if self.is_op("(") {
                self.advance();
                let (args, keywords) = self.call_args()?;
                e = Expr {
                    kind: K::Call {
                        func: bx(e),
                        args,
                        keywords,
                    },
                    span: self.span_from(start),
                };
            } else if self.is_op("[") {
                self.advance();
                let slice = self.slices()?;
                self.close("]")?;
                e = Expr {
                    kind: K::Subscript {
                        value: bx(e),
                        slice: bx(slice),
                    },
                    span: self.span_from(start),
                };
            } else {
                return Ok(e);
            }
        }
    }

    /// Expect a closing bracket after an element, diagnosing a missing comma.
    pub fn close(&mut self, op: &str) -> PResult<()> {
        if self.eat_op(op) {
            return Ok(());
        }
        Err(self.missing_comma_or_invalid())
    }

    /// After an element inside brackets, an expression start means a
    /// forgotten comma (CPython's `invalid_expression`).
    #[inline(never)]
    pub fn missing_comma_or_invalid(&mut self) -> Box<crate::parser::PErr> {
        let generic = self.invalid_syntax();
        if !self.starts_expr() || self.pos == 0 {
            return generic;
        }
        // Find the start of the element just parsed: walk back over the
        // previous expression is not possible, so re-derive from tokens.
        let here = self.pos;
        let Some(a_start) = self.element_start(here) else {
            return generic;
        };
        // `a` must not be NAME STRING (prefix-like) or a soft keyword.
        if let Some(Tok::Name(n)) = self.token(a_start).map(|t| &t.tok) {
            if matches!(
                n.as_str(),
                "match" | "case" | "type" | "_" | "print" | "exec"
            ) {
                return generic;
            }
        }
        let a_span = self.tok_span(a_start);
        let furthest = self.furthest.get();
        let b = self.attempt(|p| p.expression());
        self.furthest.set(furthest);
        match b {
            Some(b) => {
                let e = self.err_range(
                    "invalid syntax. Perhaps you forgot a comma?",
                    a_span,
                    b.span,
                );
                self.pos = here;
                e
            }
            None => generic,
        }
    }

    /// Start token of the element that ends just before `here`, found by
    /// scanning back to the nearest separator at the same bracket level.
    fn element_start(&self, here: usize) -> Option<usize> {
        let mut level = 0i32;
        let mut i = here;
        while i > 0 {
            i -= 1;
            match &self.token(i)?.tok {
                Tok::Op(")" | "]" | "}") => level += 1,
                Tok::Op("(" | "[" | "{") => {
                    if level == 0 {
                        return Some(i + 1);
                    }
                    level -= 1;
                }
                Tok::Op("," | ":" | "=" | ":=" | "*" | "**") if level == 0 => return Some(i + 1),
                Tok::Name(n)
                    if level == 0
                        && matches!(
                            n.as_str(),
                            "for" | "in" | "if" | "else" | "lambda" | "yield"
                        ) =>
                {
                    return Some(i + 1);
                }
                Tok::Newline | Tok::Indent | Tok::Dedent => return None,
                _ => {}
            }
        }
        None
    }

    #[inline(never)]
    pub(crate) fn call_args(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let (mut args, mut keywords) = (Vec::<Expr>::new(), Vec::<Keyword>::new());
        let mut seen_kw_unpack = false;
        let open = self.pos - 1;
        loop {
            if self.eat_op(")") {
                break;
            }
            let start = self.pos;
            if self.is_op("*") {
                self.advance();
                let value = self.expression()?;
                let e = Expr {
                    kind: K::Starred(bx(value)),
                    span: self.span_from(start),
                };
                if seen_kw_unpack {
                    let comma = self.tok_span(start.saturating_sub(1));
                    return Err(self.err_range(
                        "iterable argument unpacking follows keyword argument unpacking",
                        comma,
                        e.span,
                    ));
                }
                args.push(e);
            } else if self.eat_op("**") {
                let value = self.expression()?;
                seen_kw_unpack = true;
                keywords.push(Keyword {
                    arg: None,
                    value,
                    span: self.span_from(start),
                });
            } else if let Some(name) = self.keyword_arg_name() {
                self.advance();
                self.advance();
                let value = self.expression()?;
                let span = self.span_from(start);
                if matches!(name.as_str(), "True" | "False" | "None") {
                    return Err(self.err_span(format!("cannot assign to {name}"), span));
                }
                if crate::parser::is_keyword(&name) {
                    return Err(self.err_tok("invalid syntax", start));
                }
                keywords.push(Keyword {
                    arg: Some(name),
                    value,
                    span,
                });
            } else {
                let e = self.named_expression()?;
                if self.is_op("=") {
                    let eq = self.pos;
                    if let Some(v) = self.attempt(|p| {
                        p.advance();
                        p.expression()
                    }) {
                        let _ = v;
                        return Err(self.err_range(
                            "expression cannot contain assignment, perhaps you meant \"==\"?",
                            e.span,
                            self.tok_span(eq),
                        ));
                    }
                }
                let e = if self.is_kw("for") || (self.is_kw("async") && self.nth_is_kw(1, "for")) {
                    let generators = self.comprehension_clauses()?;
                    let genexp = Expr {
                        span: self.span_from(open),
                        kind: K::GeneratorExp {
                            elt: bx(e),
                            generators,
                        },
                    };
                    let alone = args.is_empty() && keywords.is_empty() && self.is_op(")");
                    if !alone {
                        let s = join(genexp.span, self.tok_span(self.pos - 1));
                        let s = Span {
                            line: self.tok_span(start).line,
                            col: self.tok_span(start).col,
                            ..s
                        };
                        return Err(self.err_span("Generator expression must be parenthesized", s));
                    }
                    self.advance();
                    args.push(Expr {
                        span: self.span_from(open),
                        ..genexp
                    });
                    break;
                } else {
                    e
                };
                if !keywords.is_empty() {
                    let msg = if seen_kw_unpack {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    };
                    let _ = e;
                    return Err(self.err_tok(msg, self.pos));
                }
                args.push(e);
            }
            if !self.eat_op(",") {
                self.close(")")?;
                break;
            }
        }
        Ok((args, keywords))
    }

    fn keyword_arg_name(&self) -> Option<String> {
        match self.tok() {
            Tok::Name(n) if self.nth_is_op(1, "=") => Some(n.clone()),
            _ => None,
        }
    }

    /// The contents of `[...]` after a primary: one slice/expr, or a tuple.
    #[inline(never)]
    fn slices(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let first = self.slice()?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.is_op("]") {
                break;
            }
            elts.push(self.slice()?);
        }
        Ok(Expr {
            kind: K::Tuple(elts),
            span: self.span_from(start),
        })
    }

    fn slice(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if self.is_op("*") {
            return self.star_named_expression();
        }
        let lower = if self.is_op(":") {
            None
        } else {
            let e = self.named_expression()?;
            if !self.is_op(":") {
                return Ok(e);
            }
            Some(bx(e))
        };
        self.expect_op(":")?;
        let part = |p: &mut Self| -> PResult<Option<Box<Expr>>> {
            if p.is_op(":") || p.is_op(",") || p.is_op("]") {
                Ok(None)
            } else {
                Ok(Some(bx(p.expression()?)))
            }
        };
        let upper = part(self)?;
        let step = if self.eat_op(":") { part(self)? } else { None };
        Ok(Expr {
            kind: K::Slice { lower, upper, step },
            span: self.span_from(start),
        })
    }

    pub fn atom(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let kind = match self.tok() {
            Tok::Name(n) => {
                let k = match n.as_str() {
                    "True" => K::Constant(Constant::True),
                    "False" => K::Constant(Constant::False),
                    "None" => K::Constant(Constant::None),
                    s if crate::parser::is_keyword(s) => return Err(self.invalid_syntax()),
                    s => K::Name(s.to_string()),
                };
                self.advance();
                k
            }
            Tok::Number(c) => {
                self.advance();
                K::Constant(c.clone())
            }
            Tok::Str { .. } | Tok::FStart { .. } => return self.strings(),
            Tok::Op("...") => {
                self.advance();
                K::Constant(Constant::Ellipsis)
            }
            Tok::Op("(") => return self.paren(),
            Tok::Op("[") => return self.list(),
            Tok::Op("{") => return self.brace(),
            _ => return Err(self.invalid_syntax()),
        };
        Ok(Expr {
            kind,
            span: self.span_from(start),
        })
    }

    #[inline(never)]
    fn paren(&mut self) -> PResult<Expr> {
        let start = self.advance();
        if self.eat_op(")") {
            return Ok(Expr {
                kind: K::Tuple(Vec::new()),
                span: self.span_from(start),
            });
        }
        if self.is_kw("yield") {
            let e = self.yield_expr()?;
            self.close(")")?;
            return Ok(e);
        }
        let first = self.star_named_expression()?;
        if self.is_kw("for") || (self.is_kw("async") && self.nth_is_kw(1, "for")) {
            let generators = self.comprehension_clauses()?;
            self.close(")")?;
            return Ok(Expr {
                kind: K::GeneratorExp {
                    elt: bx(first),
                    generators,
                },
                span: self.span_from(start),
            });
        }
        if self.eat_op(")") {
            if matches!(first.kind, K::Starred(_)) {
                return Err(self.err_span("cannot use starred expression here", first.span));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.is_op(")") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        self.close(")")?;
        Ok(Expr {
            kind: K::Tuple(elts),
            span: self.span_from(start),
        })
    }

    #[inline(never)]
    fn list(&mut self) -> PResult<Expr> {
        let start = self.advance();
        if self.eat_op("]") {
            return Ok(Expr {
                kind: K::List(Vec::new()),
                span: self.span_from(start),
            });
        }
        let first = self.star_named_expression()?;
        if self.is_kw("for") || (self.is_kw("async") && self.nth_is_kw(1, "for")) {
            let generators = self.comprehension_clauses()?;
            self.close("]")?;
            return Ok(Expr {
                kind: K::ListComp {
                    elt: bx(first),
                    generators,
                },
                span: self.span_from(start),
            });
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.is_op("]") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        self.close("]")?;
        Ok(Expr {
            kind: K::List(elts),
            span: self.span_from(start),
        })
    }

    #[inline(never)]
    fn brace(&mut self) -> PResult<Expr> {
        let start = self.advance();
        if self.eat_op("}") {
            return Ok(Expr {
                kind: K::Dict {
                    keys: Vec::new(),
                    values: Vec::new(),
                },
                span: self.span_from(start),
            });
        }
        // Dict if the first item is `**x` or `key: value`.
        let first_key = if self.eat_op("**") {
            None
        } else {
            let k = self.star_named_expression()?;
            if !self.is_op(":") {
                return self.set_rest(start, k);
            }
            Some(k)
        };
        if first_key.is_some() {
            self.advance();
        }
        let first_value = self.dict_value(first_key.is_none())?;
        if let (Some(k), true) = (&first_key, self.is_kw("for") || self.is_kw("async")) {
            let key = k.clone();
            let generators = self.comprehension_clauses()?;
            self.close("}")?;
            return Ok(Expr {
                kind: K::DictComp {
                    key: bx(key),
                    value: bx(first_value),
                    generators,
                },
                span: self.span_from(start),
            });
        }
        let (mut keys, mut values) = (vec![first_key], vec![first_value]);
        while self.eat_op(",") {
            if self.is_op("}") {
                break;
            }
            if self.eat_op("**") {
                keys.push(None);
                values.push(self.dict_value(true)?);
                continue;
            }
            let k = self.expression()?;
            if !self.eat_op(":") {
                if self.is_op("}") || self.is_op(",") {
                    let mut e = self.err_span("':' expected after dictionary key", k.span);
                    e.err.line = k.span.end_line;
                    e.err.col = k.span.end_col;
                    e.err.end_line = k.span.end_line;
                    e.err.end_col = 0;
                    return Err(e);
                }
                return Err(self.missing_comma_or_invalid());
            }
            keys.push(Some(k));
            values.push(self.dict_value(false)?);
        }
        self.close("}")?;
        Ok(Expr {
            kind: K::Dict { keys, values },
            span: self.span_from(start),
        })
    }

    fn dict_value(&mut self, unpack: bool) -> PResult<Expr> {
        if unpack {
            return self.bitwise_or();
        }
        if self.is_op("}") || self.is_op(",") {
            let colon = self.pos - 1;
            return Err(self.err_tok("expression expected after dictionary key and ':'", colon));
        }
        self.expression()
    }

    #[inline(never)]
    fn set_rest(&mut self, start: usize, first: Expr) -> PResult<Expr> {
        if self.is_kw("for") || (self.is_kw("async") && self.nth_is_kw(1, "for")) {
            let generators = self.comprehension_clauses()?;
            self.close("}")?;
            return Ok(Expr {
                kind: K::SetComp {
                    elt: bx(first),
                    generators,
                },
                span: self.span_from(start),
            });
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.is_op("}") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        self.close("}")?;
        Ok(Expr {
            kind: K::Set(elts),
            span: self.span_from(start),
        })
    }

    #[inline(never)]
    pub fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut gens = Vec::new();
        loop {
            let is_async = if self.is_kw("async") && self.nth_is_kw(1, "for") {
                self.advance();
                true
            } else {
                false
            };
            if !self.eat_kw("for") {
                break;
            }
            let target = self.star_targets()?;
            self.check_target(&target, false)?;
            if !self.eat_kw("in") {
                return Err(self.invalid_syntax());
            }
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.disjunction()?);
            }
            gens.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(gens)
    }

    /// Targets of `for` loops and comprehensions: stops before `in`.
    pub fn star_targets(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let one = |p: &mut Self| -> PResult<Expr> {
            if p.is_op("*") {
                let s = p.advance();
                let v = p.bitwise_or()?;
                return Ok(Expr {
                    kind: K::Starred(bx(v)),
                    span: p.span_from(s),
                });
            }
            p.bitwise_or()
        };
        let first = one(self)?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.is_kw("in")
                || self.is_op("=")
                || matches!(self.tok(), Tok::Op(":") | Tok::Newline)
            {
                break;
            }
            elts.push(one(self)?);
        }
        Ok(Expr {
            kind: K::Tuple(elts),
            span: self.span_from(start),
        })
    }

    #[inline(never)]
    pub fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.advance();
        if self.eat_kw("from") {
            let v = self.expression()?;
            return Ok(Expr {
                kind: K::YieldFrom(bx(v)),
                span: self.span_from(start),
            });
        }
        let value = if self.starts_expr() || self.is_op("*") {
            Some(bx(self.star_expressions()?))
        } else {
            None
        };
        Ok(Expr {
            kind: K::Yield(value),
            span: self.span_from(start),
        })
    }

    #[inline(never)]
    fn lambdef(&mut self) -> PResult<Expr> {
        let start = self.advance();
        let args = self.parameters(":", false)?;
        let colon = self.pos;
        self.expect_op(":")?;
        if matches!(self.tok(), Tok::FMiddle(_)) {
            return Err(self.err_range(
                "f-string: lambda expressions are not allowed without parentheses",
                self.tok_span(start),
                self.tok_span(colon),
            ));
        }
        let body = self.expression()?;
        Ok(Expr {
            kind: K::Lambda {
                args: Box::new(args),
                body: bx(body),
            },
            span: self.span_from(start),
        })
    }

    /// Parameter list of `def` (up to `)`) or `lambda` (up to `:`).
    pub fn parameters(&mut self, close: &str, annotations: bool) -> PResult<Arguments> {
        let mut a = Arguments::default();
        let mut star_seen = false;
        let mut bare_star: Option<usize> = None;
        let mut default_seen = false;
        loop {
            if self.is_op(close) {
                break;
            }
            if let Some(k) = &a.kwarg {
                let _ = k;
                return Err(self.err_tok("arguments cannot follow var-keyword argument", self.pos));
            }
            if self.is_op("/") {
                if a.args.is_empty() || star_seen || !a.posonlyargs.is_empty() {
                    let msg = if star_seen {
                        "/ must be ahead of *"
                    } else if !a.posonlyargs.is_empty() {
                        "/ may appear only once"
                    } else {
                        "at least one argument must precede /"
                    };
                    return Err(self.err_tok(msg, self.pos));
                }
                self.advance();
                a.posonlyargs = std::mem::take(&mut a.args);
            } else if self.is_op("*") && !star_seen {
                let star = self.advance();
                star_seen = true;
                if self.is_op(",") || self.is_op(close) {
                    bare_star = Some(star);
                } else {
                    a.vararg = Some(self.param(annotations, true)?);
                }
            } else if self.eat_op("**") {
                a.kwarg = Some(self.param(annotations, false)?);
            } else {
                let pstart = self.pos;
                let p = self.param(annotations, false)?;
                let default = if self.eat_op("=") {
                    Some(self.expression()?)
                } else {
                    None
                };
                if star_seen {
                    a.kwonlyargs.push(p);
                    a.kw_defaults.push(default);
                } else {
                    match default {
                        Some(d) => {
                            default_seen = true;
                            a.defaults.push(d);
                        }
                        None if default_seen => {
                            return Err(self.err_tok(
                                "parameter without a default follows parameter with a default",
                                pstart,
                            ));
                        }
                        None => {}
                    }
                    a.args.push(p);
                }
            }
            if !self.eat_op(",") {
                if !self.is_op(close) {
                    return Err(self.invalid_syntax());
                }
                break;
            }
        }
        if let Some(star) = bare_star {
            if a.kwonlyargs.is_empty() {
                return Err(self.err_tok("named arguments must follow bare *", star));
            }
        }
        Ok(a)
    }

    fn param(&mut self, annotations: bool, star: bool) -> PResult<Arg> {
        let start = self.pos;
        let arg = self.expect_name()?;
        let annotation = if annotations && self.eat_op(":") {
            Some(bx(if star && self.is_op("*") {
                self.star_expression()?
            } else {
                self.expression()?
            }))
        } else {
            None
        };
        Ok(Arg {
            arg,
            annotation,
            span: self.span_from(start),
        })
    }
}
