//! Scope analysis: decides for every name in every scope whether it is a
//! fast local, a cell, a free variable, or a global — before any code is
//! generated, as CPython's symtable does.

use std::collections::HashMap;

use looplab_parser::ast::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
    Comprehension,
}

/// Where a name lives at run time.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Where {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
    /// A class-body name (looked up in the class namespace).
    ClassLocal,
}

#[derive(Default, Clone, Copy)]
struct Flags {
    assigned: bool,
    param: bool,
    global: bool,
    nonlocal: bool,
    used: bool,
}

/// One scope's analysis.
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    flags: HashMap<String, Flags>,
    order: Vec<String>,
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    pub is_generator: bool,
    pub is_async: bool,
    pub resolved: HashMap<String, Where>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// Class scope: some method uses `super()`/`__class__`.
    pub needs_class_cell: bool,
    /// Names declared nonlocal in a comprehension because of walrus.
    pub line: u32,
    /// Where each name was declared `nonlocal` (for "no binding" errors).
    nonlocal_at: HashMap<String, Span>,
}

/// All scopes of a module, indexed by the address of their AST node.
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    pub by_node: HashMap<usize, usize>,
}

/// An error found during analysis (becomes a SyntaxError).
pub struct ScopeError {
    pub msg: String,
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<usize>, line: u32) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            flags: HashMap::new(),
            order: Vec::new(),
            params: Vec::new(),
            children: Vec::new(),
            parent,
            is_generator: false,
            is_async: false,
            resolved: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            needs_class_cell: false,
            line,
            nonlocal_at: HashMap::new(),
        }
    }

    fn flag(&mut self, name: &str) -> &mut Flags {
        if !self.flags.contains_key(name) {
            self.order.push(name.to_string());
        }
        self.flags.entry(name.to_string()).or_default()
    }

    pub fn lookup(&self, name: &str) -> Where {
        match self.resolved.get(name) {
            Some(w) => *w,
            None => match self.kind {
                ScopeKind::Class => Where::ClassLocal,
                _ => Where::GlobalImplicit,
            },
        }
    }

    /// Local variable names in first-seen order (parameters first).
    pub fn local_names(&self) -> Vec<String> {
        let mut out: Vec<String> = self.params.clone();
        for n in &self.order {
            if matches!(self.resolved.get(n), Some(Where::Local) | Some(Where::Cell)) && !out.contains(n) {
                out.push(n.clone());
            }
        }
        out
    }
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    cur: usize,
    error: Option<ScopeError>,
}

pub fn analyze(module: &Module) -> Result<SymbolTable, ScopeError> {
    let mut b = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, "<module>", None, 1)],
        by_node: HashMap::new(),
        cur: 0,
        error: None,
    };
    b.by_node.insert(module as *const Module as usize, 0);
    for s in &module.body {
        b.stmt(s);
    }
    if let Some(e) = b.error {
        return Err(e);
    }
    let mut t = SymbolTable { scopes: b.scopes, by_node: b.by_node };
    let mut err = None;
    resolve(&mut t, 0, &[], &mut err);
    match err {
        Some(e) => Err(e),
        None => Ok(t),
    }
}

impl Builder {
    fn enter(&mut self, kind: ScopeKind, name: &str, key: usize, line: u32) -> usize {
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name, Some(self.cur), line));
        self.scopes[self.cur].children.push(id);
        self.by_node.insert(key, id);
        let prev = self.cur;
        self.cur = id;
        prev
    }

    fn bind(&mut self, name: &str) {
        self.scopes[self.cur].flag(name).assigned = true;
    }

    fn use_name(&mut self, name: &str) {
        self.scopes[self.cur].flag(name).used = true;
        if name == "super" || name == "__class__" {
            self.mark_class_cell();
        }
    }

    /// `super()` in a method needs the enclosing class's `__class__` cell.
    fn mark_class_cell(&mut self) {
        if self.scopes[self.cur].kind != ScopeKind::Function {
            return;
        }
        let mut p = self.scopes[self.cur].parent;
        while let Some(i) = p {
            if self.scopes[i].kind == ScopeKind::Class {
                self.scopes[i].needs_class_cell = true;
                self.scopes[self.cur].flag("__class__").used = true;
                return;
            }
            p = self.scopes[i].parent;
        }
    }

    fn error(&mut self, msg: String, span: Span) {
        if self.error.is_none() {
            self.error = Some(ScopeError {
                msg,
                line: span.line,
                col: span.col + 1,
                end_line: span.end_line,
                end_col: span.end_col + 1,
            });
        }
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::FunctionDef { name, args, body, decorator_list, returns, is_async } => {
                for d in decorator_list {
                    self.expr(d);
                }
                self.arg_defaults(args);
                self.annotations(args, returns.as_deref());
                self.bind(name);
                let prev = self.enter(ScopeKind::Function, name, s as *const Stmt as usize, s.span.line);
                self.scopes[self.cur].is_async = *is_async;
                self.params(args);
                self.stmts(body);
                self.cur = prev;
            }
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => {
                for d in decorator_list {
                    self.expr(d);
                }
                for b in bases {
                    self.expr(b);
                }
                for k in keywords {
                    self.expr(&k.value);
                }
                self.bind(name);
                let prev = self.enter(ScopeKind::Class, name, s as *const Stmt as usize, s.span.line);
                self.stmts(body);
                self.cur = prev;
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.target(t);
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                for t in targets {
                    self.target(t);
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value);
                if let ExprKind::Name(n) = &target.kind {
                    self.use_name(n);
                }
                self.target(target);
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let Some(v) = value {
                    self.expr(v);
                }
                if self.scopes[self.cur].kind != ScopeKind::Function {
                    self.expr(annotation);
                }
                if value.is_some() || !*simple || !matches!(target.kind, ExprKind::Name(_)) {
                    self.target(target);
                } else if let ExprKind::Name(n) = &target.kind {
                    // `x: int` alone still makes x local in a function.
                    self.bind(n);
                }
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.expr(iter);
                self.target(target);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::With { items, body, .. } => {
                for it in items {
                    self.expr(&it.context_expr);
                    if let Some(v) = &it.optional_vars {
                        self.target(v);
                    }
                }
                self.stmts(body);
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject);
                for c in cases {
                    self.pattern(&c.pattern);
                    if let Some(g) = &c.guard {
                        self.expr(g);
                    }
                    self.stmts(&c.body);
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e);
                }
                if let Some(c) = cause {
                    self.expr(c);
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                self.stmts(body);
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.expr(t);
                    }
                    if let Some(n) = &h.name {
                        self.bind(n);
                    }
                    self.stmts(&h.body);
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
            StmtKind::Import(names) => {
                for a in names {
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.split('.').next().unwrap_or("").to_string());
                    self.bind(&bound);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name != "*" {
                        let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                        self.bind(&bound);
                    }
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    let f = *self.scopes[self.cur].flag(n);
                    if f.assigned || f.used {
                        let what = if f.assigned { "assigned to" } else { "used" };
                        self.error(format!("name '{n}' is {what} before global declaration"), s.span);
                    }
                    self.scopes[self.cur].flag(n).global = true;
                }
            }
            StmtKind::Nonlocal(names) => {
                if self.scopes[self.cur].kind == ScopeKind::Module {
                    self.error("nonlocal declaration not allowed at module level".into(), s.span);
                }
                for n in names {
                    let f = *self.scopes[self.cur].flag(n);
                    if f.assigned || f.used {
                        let what = if f.assigned { "assigned to" } else { "used" };
                        self.error(format!("name '{n}' is {what} before nonlocal declaration"), s.span);
                    }
                    self.scopes[self.cur].flag(n).nonlocal = true;
                    self.scopes[self.cur].nonlocal_at.entry(n.clone()).or_insert(s.span);
                }
            }
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::TypeAlias { name, value } => {
                self.expr(value);
                self.target(name);
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
    }

    fn arg_defaults(&mut self, args: &Arguments) {
        for d in &args.defaults {
            self.expr(d);
        }
        for d in args.kw_defaults.iter().flatten() {
            self.expr(d);
        }
    }

    fn annotations(&mut self, args: &Arguments, returns: Option<&Expr>) {
        let all = args.posonlyargs.iter().chain(&args.args).chain(&args.vararg).chain(&args.kwonlyargs).chain(&args.kwarg);
        for a in all {
            if let Some(ann) = &a.annotation {
                self.expr(ann);
            }
        }
        if let Some(r) = returns {
            self.expr(r);
        }
    }

    fn params(&mut self, args: &Arguments) {
        let all = args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs).chain(&args.vararg).chain(&args.kwarg);
        for a in all {
            let n = a.arg.as_str();
            if self.scopes[self.cur].params.iter().any(|p| p == n) {
                // CPython points at the repeated parameter.
                self.error(format!("duplicate argument '{n}' in function definition"), a.span);
            }
            let f = self.scopes[self.cur].flag(n);
            f.param = true;
            f.assigned = true;
            self.scopes[self.cur].params.push(n.to_string());
        }
    }

    fn target(&mut self, t: &Expr) {
        match &t.kind {
            ExprKind::Name(n) => self.bind(n),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i);
                }
            }
            ExprKind::Starred(inner) => self.target(inner),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice } => {
                self.expr(value);
                self.expr(slice);
            }
            _ => self.expr(t),
        }
    }

    fn pattern(&mut self, p: &Pattern) {
        match &p.kind {
            PatternKind::MatchValue(e) => self.expr(e),
            PatternKind::MatchSingleton(_) => {}
            PatternKind::MatchSequence(ps) | PatternKind::MatchOr(ps) => {
                for q in ps {
                    self.pattern(q);
                }
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                for k in keys {
                    self.expr(k);
                }
                for q in patterns {
                    self.pattern(q);
                }
                if let Some(r) = rest {
                    self.bind(r);
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.expr(cls);
                for q in patterns.iter().chain(kwd_patterns) {
                    self.pattern(q);
                }
            }
            PatternKind::MatchStar(n) => {
                if let Some(n) = n {
                    self.bind(n);
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.pattern(q);
                }
                if let Some(n) = name {
                    self.bind(n);
                }
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => self.use_name(n),
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v);
                }
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value);
                if let ExprKind::Name(n) = &target.kind {
                    self.walrus_bind(n, e.span);
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { args, body } => {
                self.arg_defaults(args);
                let prev = self.enter(ScopeKind::Function, "<lambda>", e as *const Expr as usize, e.span.line);
                self.params(args);
                self.expr(body);
                self.cur = prev;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k);
                }
                for v in values {
                    self.expr(v);
                }
            }
            ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::JoinedStr(items) => {
                for i in items {
                    self.expr(i);
                }
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, generators, &[elt], if matches!(e.kind, ExprKind::ListComp { .. }) { "<listcomp>" } else { "<setcomp>" })
            }
            ExprKind::GeneratorExp { elt, generators } => self.comprehension(e, generators, &[elt], "<genexpr>"),
            ExprKind::DictComp { key, value, generators } => self.comprehension(e, generators, &[key, value], "<dictcomp>"),
            ExprKind::Await(v) | ExprKind::YieldFrom(v) => {
                if matches!(e.kind, ExprKind::YieldFrom(_)) {
                    self.mark_yield(e.span);
                } else if self.scopes[self.cur].kind == ScopeKind::Comprehension {
                    // `[await x for ...]` is an asynchronous comprehension.
                    self.scopes[self.cur].is_async = true;
                }
                self.expr(v);
            }
            ExprKind::Yield(v) => {
                self.mark_yield(e.span);
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left);
                for c in comparators {
                    self.expr(c);
                }
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func);
                for a in args {
                    self.expr(a);
                }
                for k in keywords {
                    self.expr(&k.value);
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value);
                if let Some(s) = format_spec {
                    self.expr(s);
                }
            }
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice } => {
                self.expr(value);
                self.expr(slice);
            }
            ExprKind::Starred(v) => self.expr(v),
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x);
                }
            }
        }
    }

    fn mark_yield(&mut self, span: Span) {
        let s = &mut self.scopes[self.cur];
        match s.kind {
            ScopeKind::Function | ScopeKind::Comprehension => s.is_generator = true,
            _ => self.error("'yield' outside function".into(), span),
        }
    }

    /// Walrus inside a comprehension binds in the nearest enclosing
    /// non-comprehension scope.
    fn walrus_bind(&mut self, name: &str, span: Span) {
        if self.scopes[self.cur].kind != ScopeKind::Comprehension {
            self.bind(name);
            return;
        }
        let mut target = self.cur;
        while self.scopes[target].kind == ScopeKind::Comprehension {
            self.scopes[target].flag(name).nonlocal = true;
            match self.scopes[target].parent {
                Some(p) => target = p,
                None => break,
            }
        }
        if self.scopes[target].kind == ScopeKind::Class {
            self.error(
                "assignment expression within a comprehension cannot be used in a class body".into(),
                span,
            );
            return;
        }
        let at_module = self.scopes[target].kind == ScopeKind::Module;
        self.scopes[target].flag(name).assigned = true;
        if at_module {
            // Module-level: the comprehension writes a global.
            let mut c = self.cur;
            while self.scopes[c].kind == ScopeKind::Comprehension {
                let f = self.scopes[c].flag(name);
                f.nonlocal = false;
                f.global = true;
                match self.scopes[c].parent {
                    Some(p) => c = p,
                    None => break,
                }
            }
        }
    }

    fn comprehension(&mut self, e: &Expr, gens: &[Comprehension], elts: &[&Expr], name: &str) {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(first) = gens.first() {
            self.expr(&first.iter);
        }
        let prev = self.enter(ScopeKind::Comprehension, name, e as *const Expr as usize, e.span.line);
        self.scopes[self.cur].params.push(".0".to_string());
        self.scopes[self.cur].flag(".0").param = true;
        self.scopes[self.cur].flag(".0").assigned = true;
        if matches!(e.kind, ExprKind::GeneratorExp { .. }) {
            self.scopes[self.cur].is_generator = true;
        }
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter);
            }
            self.target(&g.target);
            for cond in &g.ifs {
                self.expr(cond);
            }
            if g.is_async {
                self.scopes[self.cur].is_async = true;
            }
        }
        for x in elts {
            self.expr(x);
        }
        // An async list/set/dict comprehension is awaited where it stands,
        // so an enclosing comprehension becomes asynchronous too.
        let inner_awaits = self.scopes[self.cur].is_async && !self.scopes[self.cur].is_generator;
        self.cur = prev;
        if inner_awaits && self.scopes[self.cur].kind == ScopeKind::Comprehension {
            self.scopes[self.cur].is_async = true;
        }
    }
}

/// Decides `Where` for each name, top-down; returns the free names of
/// `id` that must come from outside it.
fn resolve(t: &mut SymbolTable, id: usize, enclosing: &[String], err: &mut Option<ScopeError>) -> Vec<String> {
    let kind = t.scopes[id].kind;
    let names: Vec<(String, Flags)> = t.scopes[id].order.iter().map(|n| (n.clone(), t.scopes[id].flags[n])).collect();
    let mut resolved = HashMap::new();
    for (n, f) in &names {
        let w = if f.global {
            Where::GlobalExplicit
        } else if f.nonlocal {
            if !enclosing.contains(n) {
                if err.is_none() {
                    let line = t.scopes[id].line;
                    let at = t.scopes[id].nonlocal_at.get(n).copied().unwrap_or(Span { line, col: 0, end_line: line, end_col: 0 });
                    *err = Some(ScopeError {
                        msg: format!("no binding for nonlocal '{n}' found"),
                        line: at.line,
                        col: at.col + 1,
                        end_line: at.end_line,
                        end_col: at.end_col + 1,
                    });
                }
            }
            Where::Free
        } else if f.assigned || f.param {
            match kind {
                ScopeKind::Class => Where::ClassLocal,
                ScopeKind::Module => Where::GlobalImplicit,
                _ => Where::Local,
            }
        } else if enclosing.contains(n) {
            Where::Free
        } else if kind == ScopeKind::Class {
            Where::ClassLocal
        } else {
            Where::GlobalImplicit
        };
        resolved.insert(n.clone(), w);
    }
    if kind == ScopeKind::Function && t.scopes[id].flags.contains_key("__class__") && !t.scopes[id].flags["__class__"].assigned {
        resolved.insert("__class__".to_string(), Where::Free);
    }
    t.scopes[id].resolved = resolved;
    let child_enclosing: Vec<String> = match kind {
        ScopeKind::Module => Vec::new(),
        ScopeKind::Class => {
            let mut e = enclosing.to_vec();
            if t.scopes[id].needs_class_cell {
                e.push("__class__".to_string());
            }
            e
        }
        _ => {
            let mut e = enclosing.to_vec();
            for (n, w) in &t.scopes[id].resolved {
                if matches!(w, Where::Local | Where::Free) && !e.contains(n) {
                    e.push(n.clone());
                }
            }
            e
        }
    };
    let children = t.scopes[id].children.clone();
    let mut cells: Vec<String> = Vec::new();
    let mut frees: Vec<String> = t.scopes[id]
        .order
        .iter()
        .filter(|n| t.scopes[id].resolved.get(*n) == Some(&Where::Free))
        .cloned()
        .collect();
    if t.scopes[id].resolved.get("__class__") == Some(&Where::Free) && !frees.iter().any(|f| f == "__class__") {
        frees.push("__class__".to_string());
    }
    for c in children {
        let child_free = resolve(t, c, &child_enclosing, err);
        for n in child_free {
            let here = t.scopes[id].resolved.get(&n).copied();
            match (kind, here) {
                (ScopeKind::Function | ScopeKind::Comprehension, Some(Where::Local)) => {
                    t.scopes[id].resolved.insert(n.clone(), Where::Cell);
                    if !cells.contains(&n) {
                        cells.push(n);
                    }
                }
                (_, Some(Where::Cell)) => {}
                (ScopeKind::Class, _) if n == "__class__" && t.scopes[id].needs_class_cell => {
                    if !cells.contains(&n) {
                        cells.push(n);
                    }
                }
                _ => {
                    if !frees.contains(&n) {
                        frees.push(n.clone());
                        if kind != ScopeKind::Class || here.is_none() {
                            t.scopes[id].resolved.entry(n).or_insert(Where::Free);
                        }
                    }
                }
            }
        }
    }
    if kind == ScopeKind::Class && t.scopes[id].needs_class_cell && !cells.iter().any(|c| c == "__class__") {
        cells.push("__class__".to_string());
    }
    // Parameters that became cells keep their order first.
    let params = t.scopes[id].params.clone();
    let rank = |c: &String| params.iter().position(|p| p == c).unwrap_or(usize::MAX);
    crate::sort::sort_by(&mut cells, |a, b| rank(a).cmp(&rank(b)));
    t.scopes[id].cellvars = cells;
    t.scopes[id].freevars = frees.clone();
    frees
}
