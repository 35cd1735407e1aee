//! Questions about the learner's source, answered from the engine's AST
//! (`looplab-parser`): which calls it makes, what `async with` guards, which
//! syntax it uses, and coroutine calls whose result is thrown away.

use std::collections::BTreeSet;

use looplab_parser::ast::{ExceptHandler, Expr, ExprKind, Module, Stmt, StmtKind};

#[derive(Debug)]
enum AsyncWithItem {
    Call(Option<String>),
    Named(Option<String>),
}

/// Facts gathered in one walk over the module.
#[derive(Default, Debug)]
pub struct Facts {
    /// Each call's callee as a dotted name (`asyncio.gather`, `tg.create_task`), with its line.
    pub calls: Vec<(String, u32)>,
    /// Every `async with` item: the callee if it is `async with f(...)`,
    /// else the name it is entered through; with its line.
    async_withs: Vec<(AsyncWithItem, u32)>,
    /// Syntax features used: `await`, `async with`, `async for`, `except*`, `async def`.
    pub syntax: BTreeSet<&'static str>,
    async_defs: BTreeSet<String>,
    /// Expression statements that are calls: (callee name, line).
    bare_calls: Vec<(String, u32)>,
    /// `name = call(...)` bindings: (bound name, callee dotted name).
    bindings: Vec<(String, String)>,
    /// Function parameters by function name, for following a value into a call.
    params: Vec<(String, Vec<String>)>,
    /// Calls to plain names with the names passed positionally / by keyword.
    passes: Vec<(String, Vec<Option<String>>, Vec<(String, String)>)>,
}

pub fn analyse(module: &Module) -> Facts {
    let mut f = Facts::default();
    for s in &module.body {
        f.stmt(s);
    }
    f
}

/// The dotted name of `a.b.c` / `c`; None for anything else (`f()()`, `x[0].y`).
fn dotted(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Name(n) => Some(n.clone()),
        ExprKind::Attribute { value, attr } => Some(format!("{}.{attr}", dotted(value)?)),
        _ => None,
    }
}

/// The last part of a dotted name: what a value is called at its use site.
fn last_name(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Name(n) => Some(n.clone()),
        ExprKind::Attribute { attr, .. } => Some(attr.clone()),
        _ => None,
    }
}

/// Whether a dotted callee is the API `wanted`: `gather` matches `asyncio.gather`
/// and `gather`; `time.sleep` matches `time.sleep` but not `asyncio.sleep`.
pub fn names_match(callee: &str, wanted: &str) -> bool {
    callee == wanted || callee.ends_with(&format!(".{wanted}"))
}

impl Facts {
    pub fn first_call(&self, wanted: &[String]) -> Option<(String, u32)> {
        self.calls.iter().find(|(c, _)| wanted.iter().any(|w| names_match(c, w))).cloned()
    }

    /// The first `async with` on a value made by one of `wanted` (e.g. `Semaphore`),
    /// directly or through a variable, attribute or parameter it was passed as.
    pub fn async_with_on(&self, wanted: &[String]) -> Option<u32> {
        let made_by = |c: &str| wanted.iter().any(|w| names_match(c, w));
        let mut names: BTreeSet<String> =
            self.bindings.iter().filter(|(_, c)| made_by(c)).map(|(n, _)| n.clone()).collect();
        // Follow the value into functions it is passed to (a few hops is plenty).
        for _ in 0..3 {
            let mut more = Vec::new();
            for (func, pos, kw) in &self.passes {
                let Some((_, params)) = self.params.iter().find(|(n, _)| n == func) else { continue };
                for (i, a) in pos.iter().enumerate() {
                    if a.as_ref().is_some_and(|a| names.contains(a)) {
                        more.extend(params.get(i).cloned());
                    }
                }
                for (k, v) in kw {
                    if names.contains(v) {
                        more.push(k.clone());
                    }
                }
            }
            names.extend(more);
        }
        self.async_withs.iter().find_map(|(item, line)| {
            let hit = match item {
                AsyncWithItem::Call(callee) => callee.as_deref().is_some_and(made_by),
                AsyncWithItem::Named(name) => name.as_ref().is_some_and(|n| names.contains(n)),
            };
            hit.then_some(*line)
        })
    }

    /// Calls of the program's own `async def`s used as statements: the
    /// coroutine is created and dropped, never run.
    pub fn unawaited_coroutine_calls(&self) -> Vec<(String, u32)> {
        self.bare_calls.iter().filter(|(n, _)| self.async_defs.contains(n)).cloned().collect()
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        let line = s.span.line;
        match &s.kind {
            StmtKind::FunctionDef { name, args, body, decorator_list, returns, is_async } => {
                if *is_async {
                    self.syntax.insert("async def");
                    self.async_defs.insert(name.clone());
                }
                let params = args.posonlyargs.iter().chain(&args.args).map(|a| a.arg.clone()).collect();
                self.params.push((name.clone(), params));
                self.exprs(decorator_list);
                self.exprs(&args.defaults);
                for d in args.kw_defaults.iter().flatten() {
                    self.expr(d);
                }
                if let Some(r) = returns {
                    self.expr(r);
                }
                self.stmts(body);
            }
            StmtKind::ClassDef { bases, keywords, body, decorator_list, .. } => {
                self.exprs(bases);
                for k in keywords {
                    self.expr(&k.value);
                }
                self.exprs(decorator_list);
                self.stmts(body);
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            StmtKind::Delete(targets) => self.exprs(targets),
            StmtKind::Assign { targets, value } => {
                if let ExprKind::Call { func, .. } = &value.kind {
                    if let Some(callee) = dotted(func) {
                        for t in targets {
                            if let Some(n) = last_name(t) {
                                self.bindings.push((n, callee.clone()));
                            }
                        }
                    }
                }
                self.exprs(targets);
                self.expr(value);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target);
                self.expr(value);
            }
            StmtKind::AnnAssign { target, annotation, value, .. } => {
                self.expr(target);
                self.expr(annotation);
                if let Some(v) = value {
                    self.expr(v);
                }
            }
            StmtKind::For { target, iter, body, orelse, is_async } => {
                if *is_async {
                    self.syntax.insert("async for");
                }
                self.expr(target);
                self.expr(iter);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::With { items, body, is_async } => {
                if *is_async {
                    self.syntax.insert("async with");
                }
                for item in items {
                    if *is_async {
                        let e = &item.context_expr;
                        let what = match &e.kind {
                            ExprKind::Call { func, .. } => AsyncWithItem::Call(dotted(func)),
                            _ => AsyncWithItem::Named(last_name(e)),
                        };
                        self.async_withs.push((what, line));
                    }
                    if let (ExprKind::Call { func, .. }, Some(v)) = (&item.context_expr.kind, &item.optional_vars) {
                        if let (Some(callee), Some(n)) = (dotted(func), last_name(v)) {
                            self.bindings.push((n, callee));
                        }
                    }
                    self.expr(&item.context_expr);
                    if let Some(v) = &item.optional_vars {
                        self.expr(v);
                    }
                }
                self.stmts(body);
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject);
                for c in cases {
                    if let Some(g) = &c.guard {
                        self.expr(g);
                    }
                    self.stmts(&c.body);
                }
            }
            StmtKind::Raise { exc, cause } => {
                for e in exc.iter().chain(cause) {
                    self.expr(e);
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody, is_star } => {
                if *is_star {
                    self.syntax.insert("except*");
                }
                self.stmts(body);
                for ExceptHandler { type_, body, .. } in handlers {
                    if let Some(t) = type_ {
                        self.expr(t);
                    }
                    self.stmts(body);
                }
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                if let Some(m) = msg {
                    self.expr(m);
                }
            }
            StmtKind::Expr(e) => {
                if let ExprKind::Call { func, .. } = &e.kind {
                    if let Some(n) = last_name(func) {
                        self.bare_calls.push((n, line));
                    }
                }
                self.expr(e);
            }
            StmtKind::TypeAlias { value, .. } => self.expr(value),
            StmtKind::Import(_)
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global(_)
            | StmtKind::Nonlocal(_)
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue => {}
        }
    }

    fn exprs(&mut self, es: &[Expr]) {
        for e in es {
            self.expr(e);
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Call { func, args, keywords } => {
                if let Some(callee) = dotted(func) {
                    self.calls.push((callee, e.span.line));
                }
                if let ExprKind::Name(f) = &func.kind {
                    let pos = args.iter().map(last_name).collect();
                    let kw = keywords
                        .iter()
                        .filter_map(|k| Some((k.arg.clone()?, last_name(&k.value)?)))
                        .collect();
                    self.passes.push((f.clone(), pos, kw));
                }
                self.expr(func);
                self.exprs(args);
                for k in keywords {
                    self.expr(&k.value);
                }
            }
            ExprKind::Await(v) => {
                self.syntax.insert("await");
                self.expr(v);
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::NamedExpr { target, value } => {
                self.expr(target);
                self.expr(value);
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { body, .. } => self.expr(body),
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k);
                }
                self.exprs(values);
            }
            ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::JoinedStr(items) => {
                self.exprs(items)
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.expr(elt);
                for g in generators {
                    self.expr(&g.iter);
                    self.exprs(&g.ifs);
                }
            }
            ExprKind::DictComp { key, value, generators } => {
                self.expr(key);
                self.expr(value);
                for g in generators {
                    self.expr(&g.iter);
                    self.exprs(&g.ifs);
                }
            }
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            ExprKind::YieldFrom(v) | ExprKind::Starred(v) => self.expr(v),
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left);
                self.exprs(comparators);
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value);
                if let Some(s) = format_spec {
                    self.expr(s);
                }
            }
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice } => {
                self.expr(value);
                self.expr(slice);
            }
            ExprKind::Slice { lower, upper, step } => {
                for p in [lower, upper, step].into_iter().flatten() {
                    self.expr(p);
                }
            }
            ExprKind::Constant(_) | ExprKind::Name(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(src: &str) -> Facts {
        analyse(&looplab_parser::parse_module(src).unwrap())
    }

    #[test]
    fn finds_calls_by_api_name() {
        let f = facts("import asyncio, time\nasync def main():\n    await asyncio.gather(a(), b())\n    asyncio.sleep(1)\n");
        assert_eq!(f.first_call(&["gather".into()]), Some(("asyncio.gather".into(), 3)));
        assert_eq!(f.first_call(&["time.sleep".into()]), None);
        assert!(f.syntax.contains("await") && f.syntax.contains("async def"));
    }

    #[test]
    fn follows_a_semaphore_into_async_with() {
        let f = facts(
            "import asyncio\nasync def work(i, limit):\n    async with limit:\n        pass\n\
             async def main():\n    sem = asyncio.Semaphore(2)\n    await work(1, sem)\n",
        );
        assert_eq!(f.async_with_on(&["Semaphore".into()]), Some(3));
        assert_eq!(f.async_with_on(&["Lock".into()]), None);
        let g = facts("import asyncio\nasync def main():\n    async with asyncio.Lock():\n        pass\n");
        assert_eq!(g.async_with_on(&["Lock".into()]), Some(3));
    }

    #[test]
    fn spots_dropped_coroutines() {
        let f = facts("async def tick():\n    pass\nasync def main():\n    tick()\n    print('x')\n");
        assert_eq!(f.unawaited_coroutine_calls(), vec![("tick".to_string(), 4)]);
    }

    #[test]
    fn sees_except_star() {
        let f = facts("try:\n    pass\nexcept* ValueError:\n    pass\n");
        assert!(f.syntax.contains("except*"));
    }
}
