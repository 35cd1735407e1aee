//! Shapes of tricky constructs, checked against what `ast.dump` shows in
//! CPython 3.13.

use looplab_parser::ast::{
    BoolOp, CmpOp, Constant as C, Expr, ExprKind as E, Operator as Op, PatternKind as P, Stmt,
    StmtKind as S, UnaryOp,
};
use looplab_parser::parse_module;

fn stmts(src: &str) -> Vec<Stmt> {
    match parse_module(src) {
        Ok(m) => m.body,
        Err(e) => panic!("{src:?}: {e}"),
    }
}

fn expr(src: &str) -> Expr {
    match stmts(src).remove(0).kind {
        S::Expr(e) => e,
        other => panic!("not an expression statement: {other:?}"),
    }
}

fn name(e: &Expr) -> &str {
    match &e.kind {
        E::Name(n) => n,
        other => panic!("not a name: {other:?}"),
    }
}

fn s(v: &str) -> E {
    E::Constant(C::Str(v.into()))
}

#[test]
fn precedence() {
    // 1 + 2 * 3 ** -4
    let E::BinOp {
        op: Op::Add, right, ..
    } = expr("1 + 2 * 3 ** -4").kind
    else {
        panic!()
    };
    let E::BinOp {
        op: Op::Mult,
        right,
        ..
    } = right.kind
    else {
        panic!()
    };
    let E::BinOp {
        op: Op::Pow, right, ..
    } = right.kind
    else {
        panic!()
    };
    assert!(matches!(
        right.kind,
        E::UnaryOp {
            op: UnaryOp::USub,
            ..
        }
    ));
    // -2 ** 2 is -(2 ** 2)
    let E::UnaryOp {
        op: UnaryOp::USub,
        operand,
    } = expr("-2 ** 2").kind
    else {
        panic!()
    };
    assert!(matches!(operand.kind, E::BinOp { op: Op::Pow, .. }));
    // left associativity
    let E::BinOp {
        left, op: Op::Sub, ..
    } = expr("a - b - c").kind
    else {
        panic!()
    };
    assert!(matches!(left.kind, E::BinOp { op: Op::Sub, .. }));
    // not binds looser than comparison, and/or flatten
    let E::BoolOp {
        op: BoolOp::Or,
        values,
    } = expr("not a == b and c or d or e").kind
    else {
        panic!()
    };
    assert_eq!(values.len(), 3);
    let E::BoolOp {
        op: BoolOp::And,
        values: and,
    } = &values[0].kind
    else {
        panic!()
    };
    assert!(
        matches!(&and[0].kind, E::UnaryOp { op: UnaryOp::Not, operand } if matches!(operand.kind, E::Compare { .. }))
    );
    // bitwise ordering: | < ^ < & < shifts
    let E::BinOp {
        op: Op::BitOr,
        right,
        ..
    } = expr("a | b ^ c & d << e").kind
    else {
        panic!()
    };
    assert!(matches!(right.kind, E::BinOp { op: Op::BitXor, .. }));
}

#[test]
fn chained_comparison() {
    let E::Compare {
        left,
        ops,
        comparators,
    } = expr("a < b <= c not in d is not e").kind
    else {
        panic!()
    };
    assert_eq!(name(&left), "a");
    assert_eq!(ops, vec![CmpOp::Lt, CmpOp::LtE, CmpOp::NotIn, CmpOp::IsNot]);
    assert_eq!(comparators.len(), 4);
}

#[test]
fn fstrings() {
    let E::JoinedStr(parts) = expr("f'a{x!r:>{w}}b' 'c'").kind else {
        panic!()
    };
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[0].kind, s("a"));
    let E::FormattedValue {
        value,
        conversion,
        format_spec,
    } = &parts[1].kind
    else {
        panic!()
    };
    assert_eq!(name(value), "x");
    assert_eq!(*conversion, Some('r'));
    let E::JoinedStr(spec) = &format_spec.as_ref().expect("spec").kind else {
        panic!()
    };
    assert_eq!(spec[0].kind, s(">"));
    assert!(matches!(spec[1].kind, E::FormattedValue { .. }));
    assert_eq!(parts[2].kind, s("bc"));

    // {x=} expands to "x=" then repr; with a spec, no conversion.
    let E::JoinedStr(p) = expr("f'{ x = }'").kind else {
        panic!()
    };
    assert_eq!(p[0].kind, s(" x = "));
    assert!(matches!(
        p[1].kind,
        E::FormattedValue {
            conversion: Some('r'),
            ..
        }
    ));
    let E::JoinedStr(p) = expr("f'{x=:>10}'").kind else {
        panic!()
    };
    assert!(matches!(
        p[1].kind,
        E::FormattedValue {
            conversion: None,
            ..
        }
    ));

    // PEP 701: same quotes nested, escaped braces, nested f-strings.
    let E::JoinedStr(p) = expr("f\"{'a' + \"b\"}{{}}{f\"{1}\"}\"").kind else {
        panic!()
    };
    assert_eq!(p.len(), 3);
    assert_eq!(p[1].kind, s("{}"));
    assert!(
        matches!(&p[2].kind, E::FormattedValue { value, .. } if matches!(value.kind, E::JoinedStr(_)))
    );

    assert_eq!(expr("f''").kind, E::JoinedStr(vec![]));
    assert!(matches!(expr("'a' f''").kind, E::JoinedStr(p) if p.len() == 1 && p[0].kind == s("a")));
}

#[test]
fn string_literals() {
    assert_eq!(
        expr(r#"'\x41\u00e9\N{BULLET}\n' r'\n'"#).kind,
        s("Aé•\n\\n")
    );
    assert_eq!(
        expr(r"b'\x00a' rb'\d'").kind,
        E::Constant(C::Bytes(vec![0, b'a', b'\\', b'd']))
    );
    assert_eq!(expr("'''a\nb'''").kind, s("a\nb"));
    assert_eq!(expr("'a' \\\n 'b'").kind, s("ab"));
    assert_eq!(expr("u'x'").kind, s("x"));
}

#[test]
fn numbers() {
    assert_eq!(expr("1_000").kind, E::Constant(C::Int(1000)));
    assert_eq!(expr("0xff").kind, E::Constant(C::Int(255)));
    assert_eq!(expr("0o17").kind, E::Constant(C::Int(15)));
    assert_eq!(expr("0b101").kind, E::Constant(C::Int(5)));
    assert_eq!(expr("1e-5").kind, E::Constant(C::Float(1e-5)));
    assert_eq!(expr("1_000.5").kind, E::Constant(C::Float(1000.5)));
    assert_eq!(expr(".5").kind, E::Constant(C::Float(0.5)));
    assert_eq!(expr("5.").kind, E::Constant(C::Float(5.0)));
    assert_eq!(expr("2j").kind, E::Constant(C::Imaginary(2.0)));
    assert_eq!(
        expr("123456789012345678901234567890").kind,
        E::Constant(C::BigInt("123456789012345678901234567890".into()))
    );
    assert_eq!(
        expr("0x1_0000_0000_0000_0000").kind,
        E::Constant(C::BigInt("18446744073709551616".into()))
    );
    assert_eq!(
        expr("9223372036854775807").kind,
        E::Constant(C::Int(i64::MAX))
    );
}

#[test]
fn star_targets_and_unpacking() {
    let S::Assign { targets, value } = &stmts("a, *b = c = *d, e").remove(0).kind else {
        panic!()
    };
    assert_eq!(targets.len(), 2);
    let E::Tuple(elts) = &targets[0].kind else {
        panic!()
    };
    assert!(matches!(elts[1].kind, E::Starred(_)));
    let E::Tuple(v) = &value.kind else { panic!() };
    assert!(matches!(v[0].kind, E::Starred(_)));
    let E::Call { args, keywords, .. } = expr("f(*a, b, *c, k=1, **d)").kind else {
        panic!()
    };
    assert_eq!(args.len(), 3);
    assert_eq!(keywords[0].arg.as_deref(), Some("k"));
    assert_eq!(keywords[1].arg, None);
    assert!(
        matches!(&stmts("for x, *y in z: pass")[0].kind, S::For { target, .. } if matches!(target.kind, E::Tuple(_)))
    );
}

#[test]
fn match_soft_keywords() {
    assert!(matches!(stmts("match = 3")[0].kind, S::Assign { .. }));
    assert!(matches!(stmts("match(x)")[0].kind, S::Expr(_)));
    assert!(matches!(
        stmts("case = type = _ = 1")[0].kind,
        S::Assign { .. }
    ));
    assert!(matches!(stmts("type(x)")[0].kind, S::Expr(_)));
    assert!(matches!(
        stmts("type X = int | None")[0].kind,
        S::TypeAlias { .. }
    ));
    let src = "match (p):\n    case Point(x=0, y=_) | [1, *rest] as q if q:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case -1 | 1+2j | None | _:\n        pass\n";
    let S::Match { subject, cases } = &stmts(src)[0].kind else {
        panic!()
    };
    assert_eq!(name(subject), "p");
    assert_eq!(cases.len(), 3);
    let P::MatchAs {
        pattern: Some(or),
        name: Some(n),
    } = &cases[0].pattern.kind
    else {
        panic!()
    };
    assert_eq!(n, "q");
    let P::MatchOr(alts) = &or.kind else { panic!() };
    assert!(matches!(&alts[0].kind, P::MatchClass { kwd_attrs, .. } if kwd_attrs == &["x", "y"]));
    assert!(
        matches!(&alts[1].kind, P::MatchSequence(items) if matches!(items[1].kind, P::MatchStar(Some(_))))
    );
    assert!(cases[0].guard.is_some());
    assert!(matches!(&cases[1].pattern.kind, P::MatchMapping { rest: Some(r), .. } if r == "kw"));
    let P::MatchOr(alts) = &cases[2].pattern.kind else {
        panic!()
    };
    assert!(matches!(alts[2].kind, P::MatchSingleton(C::None)));
    assert!(matches!(
        alts[3].kind,
        P::MatchAs {
            pattern: None,
            name: None
        }
    ));
}

#[test]
fn decorators_and_defs() {
    let src = "@a.b(1)\n@c\nasync def f[T](x: T, /, y=1, *args: int, z, w=2, **kw) -> dict[str, T]:\n    return x\n";
    let S::FunctionDef {
        name,
        args,
        decorator_list,
        returns,
        is_async,
        ..
    } = &stmts(src)[0].kind
    else {
        panic!()
    };
    assert_eq!(name, "f");
    assert!(is_async);
    assert_eq!(decorator_list.len(), 2);
    assert!(returns.is_some());
    assert_eq!(args.posonlyargs.len(), 1);
    assert_eq!(args.args.len(), 1);
    assert_eq!(args.defaults.len(), 1);
    assert_eq!(args.vararg.as_ref().map(|a| a.arg.as_str()), Some("args"));
    assert_eq!(args.kwonlyargs.len(), 2);
    assert_eq!(args.kw_defaults[0], None);
    assert!(args.kw_defaults[1].is_some());
    assert_eq!(args.kwarg.as_ref().map(|a| a.arg.as_str()), Some("kw"));
    let S::ClassDef {
        bases, keywords, ..
    } = &stmts("class C[T](B, metaclass=M):\n    x: int = 1\n")[0].kind
    else {
        panic!()
    };
    assert_eq!(bases.len(), 1);
    assert_eq!(keywords.len(), 1);
}

#[test]
fn lambda_defaults() {
    let E::Lambda { args, body } = expr("lambda a, b=2, *c, d=4, **e: a").kind else {
        panic!()
    };
    assert_eq!(args.args.len(), 2);
    assert_eq!(args.defaults.len(), 1);
    assert_eq!(args.kwonlyargs.len(), 1);
    assert_eq!(name(&body), "a");
    assert!(matches!(expr("lambda: (yield)").kind, E::Lambda { .. }));
}

#[test]
fn walrus_and_comprehensions() {
    let S::If { test, .. } = &stmts("if (n := len(a)) > 10: pass")[0].kind else {
        panic!()
    };
    let E::Compare { left, .. } = &test.kind else {
        panic!()
    };
    assert!(matches!(left.kind, E::NamedExpr { .. }));
    let E::ListComp { generators, .. } =
        expr("[y async for x in xs if x if x > 1 for y in x]").kind
    else {
        panic!()
    };
    assert_eq!(generators.len(), 2);
    assert!(generators[0].is_async);
    assert_eq!(generators[0].ifs.len(), 2);
    assert!(matches!(
        expr("{k: v for k, v in d}").kind,
        E::DictComp { .. }
    ));
    assert!(matches!(expr("{x for x in y}").kind, E::SetComp { .. }));
    let E::Call { args, .. } = expr("sum(x for x in y)").kind else {
        panic!()
    };
    assert!(matches!(args[0].kind, E::GeneratorExp { .. }));
    assert!(matches!(expr("{**a, 'b': 1}").kind, E::Dict { ref keys, .. } if keys[0].is_none()));
}

#[test]
fn slices() {
    let E::Subscript { slice, .. } = expr("a[1:2, ::3, x]").kind else {
        panic!()
    };
    let E::Tuple(elts) = &slice.kind else {
        panic!()
    };
    assert!(matches!(
        &elts[0].kind,
        E::Slice {
            lower: Some(_),
            upper: Some(_),
            step: None
        }
    ));
    assert!(matches!(
        &elts[1].kind,
        E::Slice {
            lower: None,
            upper: None,
            step: Some(_)
        }
    ));
    assert!(
        matches!(expr("a[:]").kind, E::Subscript { slice, .. } if matches!(slice.kind, E::Slice { lower: None, upper: None, step: None }))
    );
    assert!(
        matches!(expr("a[*b]").kind, E::Subscript { slice, .. } if matches!(slice.kind, E::Starred(_)))
    );
}

#[test]
fn statements() {
    let src = "import a.b as c, d\nfrom ..x import (y as z, w,)\nfrom . import *\nglobal g\ndel a[0], b.c\nassert x, 'm'\nraise E from e\nx: asyncio.Queue[int] = q\n(y): int\nx += 1; y @= 2\nwith (open(a) as b, open(c) as d,):\n    pass\nasync def f():\n    async with a as b, c:\n        async for i in g():\n            await i\ntry:\n    pass\nexcept* ValueError as e:\n    pass\nwhile x:\n    break\nelse:\n    continue\n";
    let body = stmts(src);
    assert!(
        matches!(&body[0].kind, S::Import(n) if n[0].name == "a.b" && n[0].asname.as_deref() == Some("c"))
    );
    assert!(
        matches!(&body[1].kind, S::ImportFrom { module: Some(m), level: 2, names } if m == "x" && names.len() == 2)
    );
    assert!(matches!(
        &body[2].kind,
        S::ImportFrom {
            module: None,
            level: 1,
            ..
        }
    ));
    assert!(matches!(
        &body[7].kind,
        S::AnnAssign {
            simple: true,
            value: Some(_),
            ..
        }
    ));
    assert!(matches!(
        &body[8].kind,
        S::AnnAssign {
            simple: false,
            value: None,
            ..
        }
    ));
    assert!(matches!(&body[9].kind, S::AugAssign { op: Op::Add, .. }));
    assert!(matches!(
        &body[10].kind,
        S::AugAssign {
            op: Op::MatMult,
            ..
        }
    ));
    assert!(matches!(&body[11].kind, S::With { items, .. } if items.len() == 2));
    assert!(matches!(&body[13].kind, S::Try { is_star: true, .. }));
    assert!(matches!(&body[14].kind, S::While { orelse, .. } if orelse.len() == 1));
    assert_eq!(stmts("if x: y; z\nelif a: b\nelse: c\n").len(), 1);
}

#[test]
fn spans() {
    // Columns count characters, not bytes.
    let S::Assign { value, .. } = &stmts("é = 'ü' + x")[0].kind else {
        panic!()
    };
    let E::BinOp { right, .. } = &value.kind else {
        panic!()
    };
    assert_eq!(
        (right.span.line, right.span.col, right.span.end_col),
        (1, 10, 11)
    );
    let body = stmts("def f():\n    return 1\n\nx = 2\n");
    assert_eq!(
        (
            body[0].span.line,
            body[0].span.col,
            body[0].span.end_line,
            body[0].span.end_col
        ),
        (1, 0, 2, 12)
    );
    assert_eq!((body[1].span.line, body[1].span.end_col), (4, 5));
    let e = expr("f(a)(b)");
    assert_eq!((e.span.col, e.span.end_col), (0, 7));
}

#[test]
fn newlines_and_indentation() {
    assert_eq!(
        stmts("if x:\r\n\tpass\r\n# c\n\n  \nelse:\n        pass").len(),
        1
    );
    assert_eq!(stmts("x = (1,\n  2)\ny = [\n3]\n").len(), 2);
    assert_eq!(stmts("\u{feff}x = 1").len(), 1);
    assert_eq!(stmts("").len(), 0);
    assert_eq!(stmts("# only a comment").len(), 0);
}
