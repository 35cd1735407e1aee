//! Bytecode generation from the AST, one `Unit` per code object.
//!
//! `return`/`break`/`continue` inside `try`/`with`/`except` unwind the
//! enclosing blocks at compile time (inlining `finally` bodies), as CPython
//! does; the VM only ever sees a block stack of handler addresses.

use std::rc::Rc;

use looplab_parser::ast::*;

use super::symtable::{ScopeKind, SymbolTable, Where};
use super::CompileError;
use crate::bytecode::{BinOp, CmpKind, Code, CodeKind, Op, Pos, UnOp};
use crate::value::{Obj, Payload, Value};

type CResult<T = ()> = Result<T, CompileError>;

/// What a `break`/`continue`/`return` must clean up on its way out.
enum FBlock<'a> {
    /// A `for`/`while` loop; `for` keeps its iterator on the stack.
    Loop { start: usize, end: usize, is_for: bool, is_async: bool },
    /// Inside `try:` of a try/except (a handler block is active).
    TryExcept,
    /// Inside `try:` of a try/finally: run the finally body on the way out.
    Finally(&'a [Stmt]),
    /// Inside an `except` handler: the exception is on the stack and on the
    /// handled-exception stack.
    Handler { name: Option<&'a str> },
    /// Inside a `finally:` body reached by an exception.
    FinallyRunning,
    /// Inside a `with` body: `__exit__` is on the stack. A traceback
    /// through the `__exit__` call points at `ctx`, the context
    /// expression, as CPython's does.
    With { is_async: bool, ctx: Span },
}

struct Unit<'a> {
    scope: usize,
    kind: CodeKind,
    name: Rc<str>,
    qualname: String,
    ops: Vec<Op>,
    positions: Vec<Pos>,
    consts: Vec<Value>,
    names: Vec<Rc<str>>,
    varnames: Vec<Rc<str>>,
    cellvars: Vec<Rc<str>>,
    freevars: Vec<Rc<str>>,
    labels: Vec<usize>,
    fblocks: Vec<FBlock<'a>>,
    pos: Pos,
    first_line: u32,
}

const NO_LABEL: usize = usize::MAX;

struct Compiler<'a> {
    st: &'a SymbolTable,
    units: Vec<Unit<'a>>,
    filename: Rc<str>,
    source: Rc<str>,
}

pub fn compile(module: &Module, st: &SymbolTable, source: &str, filename: &str) -> CResult<Rc<Code>> {
    let mut c = Compiler { st, units: Vec::new(), filename: Rc::from(filename), source: Rc::from(source) };
    c.push_unit(0, CodeKind::Module, "<module>", String::from("<module>"), 1);
    if has_annotations(&module.body) {
        c.emit(Op::SetupAnnotations);
    }
    c.body(&module.body)?;
    c.load_const(Value::None);
    c.emit(Op::ReturnValue);
    Ok(c.pop_unit(0, 0, false, false, 0))
}

fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| matches!(s.kind, StmtKind::AnnAssign { .. }))
}

thread_local! {
    static INTERNED: std::cell::RefCell<std::collections::HashSet<Rc<str>>> = Default::default();
}

/// One shared `Rc<str>` per distinct name, so the same attribute or global
/// name in different code objects is pointer-equal (`NameMap` compares
/// pointers before bytes).
pub(crate) fn intern(name: &str) -> Rc<str> {
    INTERNED.with(|t| {
        let mut t = t.borrow_mut();
        if let Some(r) = t.get(name) {
            return r.clone();
        }
        let r: Rc<str> = Rc::from(name);
        t.insert(r.clone());
        r
    })
}

fn span_pos(s: Span) -> Pos {
    Pos { line: s.line, col: s.col, end_line: s.end_line, end_col: s.end_col }
}

impl<'a> Compiler<'a> {
    fn push_unit(&mut self, scope: usize, kind: CodeKind, name: &str, qualname: String, line: u32) {
        let sc = &self.st.scopes[scope];
        let varnames = if sc.kind == ScopeKind::Function || sc.kind == ScopeKind::Comprehension {
            sc.local_names().iter().map(|n| intern(n)).collect()
        } else {
            Vec::new()
        };
        self.units.push(Unit {
            scope,
            kind,
            name: intern(name),
            qualname,
            ops: Vec::new(),
            positions: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            varnames,
            cellvars: sc.cellvars.iter().map(|n| intern(n)).collect(),
            freevars: sc.freevars.iter().map(|n| intern(n)).collect(),
            labels: Vec::new(),
            fblocks: Vec::new(),
            pos: Pos { line, col: 0, end_line: line, end_col: 0 },
            first_line: line,
        });
    }

    fn pop_unit(&mut self, argcount: u32, posonly: u32, varargs: bool, varkw: bool, kwonly: u32) -> Rc<Code> {
        let u = match self.units.pop() {
            Some(u) => u,
            None => unreachable_unit(),
        };
        let mut ops = u.ops;
        for op in ops.iter_mut() {
            let fix = |l: &mut u32| {
                if let Some(&p) = u.labels.get(*l as usize) {
                    *l = p as u32;
                }
            };
            match op {
                Op::Jump(l)
                | Op::PopJumpIfFalse(l)
                | Op::PopJumpIfTrue(l)
                | Op::JumpIfFalseOrPop(l)
                | Op::JumpIfTrueOrPop(l)
                | Op::PopJumpIfNone(l)
                | Op::PopJumpIfNotNone(l)
                | Op::ForIter(l)
                | Op::Send(l)
                | Op::SetupExcept(l)
                | Op::SetupFinally(l) => fix(l),
                _ => {}
            }
        }
        let cell_params = u
            .cellvars
            .iter()
            .map(|c| u.varnames.iter().position(|v| v == c).map(|i| i as u32))
            .collect();
        Rc::new(Code {
            name: u.name,
            qualname: Rc::from(u.qualname.as_str()),
            filename: self.filename.clone(),
            kind: u.kind,
            ops,
            positions: u.positions,
            consts: u.consts,
            global_cache: (0..u.names.len()).map(|_| std::cell::Cell::new(crate::bytecode::GlobalCache::EMPTY)).collect(),
            attr_cache: (0..u.names.len()).map(|_| Default::default()).collect(),
            await_fast: std::cell::Cell::new(None),
            names: u.names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            cell_params,
            argcount,
            posonlyargcount: posonly,
            kwonlyargcount: kwonly,
            has_varargs: varargs,
            has_varkw: varkw,
            first_line: u.first_line,
            source: self.source.clone(),
        })
    }

    fn unit(&mut self) -> &mut Unit<'a> {
        let n = self.units.len() - 1;
        &mut self.units[n]
    }

    fn emit(&mut self, op: Op) -> usize {
        let u = self.unit();
        u.ops.push(op);
        let p = u.pos;
        u.positions.push(p);
        u.ops.len() - 1
    }

    fn new_label(&mut self) -> u32 {
        let u = self.unit();
        u.labels.push(NO_LABEL);
        (u.labels.len() - 1) as u32
    }

    fn bind(&mut self, l: u32) {
        let u = self.unit();
        let here = u.ops.len();
        u.labels[l as usize] = here;
    }

    fn load_const(&mut self, v: Value) {
        let u = self.unit();
        u.consts.push(v);
        let i = (u.consts.len() - 1) as u32;
        self.emit(Op::LoadConst(i));
    }

    fn name_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(i) = u.names.iter().position(|n| &**n == name) {
            return i as u32;
        }
        u.names.push(intern(name));
        (u.names.len() - 1) as u32
    }

    fn scope_kind(&self) -> ScopeKind {
        let u = &self.units[self.units.len() - 1];
        self.st.scopes[u.scope].kind
    }

    fn err<T>(&self, msg: &str, span: Span) -> CResult<T> {
        Err(CompileError {
            kind: "SyntaxError",
            msg: msg.to_string(),
            line: span.line,
            col: span.col + 1,
            end_line: span.end_line,
            end_col: span.end_col + 1,
            text: None,
        })
    }

    fn set_pos(&mut self, s: Span) -> Pos {
        let old = self.unit().pos;
        self.unit().pos = span_pos(s);
        old
    }

    // ---- names -------------------------------------------------------

    fn cell_index(&self, name: &str) -> Option<u32> {
        let u = &self.units[self.units.len() - 1];
        if let Some(i) = u.cellvars.iter().position(|c| &**c == name) {
            return Some(i as u32);
        }
        u.freevars.iter().position(|c| &**c == name).map(|i| (i + u.cellvars.len()) as u32)
    }

    fn where_is(&self, name: &str) -> Where {
        let u = &self.units[self.units.len() - 1];
        self.st.scopes[u.scope].lookup(name)
    }

    fn load_name(&mut self, name: &str) {
        let kind = self.scope_kind();
        match self.where_is(name) {
            Where::Local => {
                let i = self.varname_index(name);
                self.emit(Op::LoadFast(i));
            }
            Where::Cell | Where::Free => {
                let i = self.cell_index(name).unwrap_or(0);
                if kind == ScopeKind::Class {
                    self.emit(Op::LoadClassDeref(i));
                } else {
                    self.emit(Op::LoadDeref(i));
                }
            }
            Where::GlobalExplicit => {
                let i = self.name_index(name);
                self.emit(Op::LoadGlobal(i));
            }
            Where::GlobalImplicit => {
                let i = self.name_index(name);
                if kind == ScopeKind::Class {
                    self.emit(Op::LoadName(i));
                } else {
                    self.emit(Op::LoadGlobal(i));
                }
            }
            Where::ClassLocal => {
                let i = self.name_index(name);
                self.emit(Op::LoadName(i));
            }
        }
    }

    fn store_name(&mut self, name: &str) {
        let kind = self.scope_kind();
        match self.where_is(name) {
            Where::Local => {
                let i = self.varname_index(name);
                self.emit(Op::StoreFast(i));
            }
            Where::Cell | Where::Free => {
                let i = self.cell_index(name).unwrap_or(0);
                self.emit(Op::StoreDeref(i));
            }
            Where::GlobalExplicit | Where::GlobalImplicit if kind != ScopeKind::Class => {
                let i = self.name_index(name);
                self.emit(Op::StoreGlobal(i));
            }
            Where::GlobalExplicit => {
                let i = self.name_index(name);
                self.emit(Op::StoreGlobal(i));
            }
            _ => {
                let i = self.name_index(name);
                self.emit(Op::StoreName(i));
            }
        }
    }

    fn delete_name(&mut self, name: &str) {
        let kind = self.scope_kind();
        match self.where_is(name) {
            Where::Local => {
                let i = self.varname_index(name);
                self.emit(Op::DeleteFast(i));
            }
            Where::Cell | Where::Free => {
                let i = self.cell_index(name).unwrap_or(0);
                self.emit(Op::DeleteDeref(i));
            }
            Where::GlobalExplicit | Where::GlobalImplicit if kind != ScopeKind::Class => {
                let i = self.name_index(name);
                self.emit(Op::DeleteGlobal(i));
            }
            _ => {
                let i = self.name_index(name);
                self.emit(Op::DeleteName(i));
            }
        }
    }

    fn varname_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(i) = u.varnames.iter().position(|n| &**n == name) {
            return i as u32;
        }
        u.varnames.push(intern(name));
        (u.varnames.len() - 1) as u32
    }

    // ---- statements --------------------------------------------------

    fn body(&mut self, body: &'a [Stmt]) -> CResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> CResult {
        let old = self.set_pos(s.span);
        let r = self.stmt_inner(s);
        self.unit().pos = old;
        r
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::Pop);
            }
            StmtKind::Pass => {
                self.emit(Op::Nop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Dup);
                    }
                    self.store_target(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store_target(target)?;
                }
                let kind = self.scope_kind();
                if *simple && kind != ScopeKind::Function && kind != ScopeKind::Comprehension {
                    if let ExprKind::Name(n) = &target.kind {
                        self.expr(annotation)?;
                        let i = self.name_index("__annotations__");
                        if kind == ScopeKind::Class {
                            self.emit(Op::LoadName(i));
                        } else {
                            self.emit(Op::LoadGlobal(i));
                        }
                        self.load_const(Value::str(n));
                        self.emit(Op::StoreSubscr);
                    }
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
            }
            StmtKind::If { test, body, orelse } => {
                let else_l = self.new_label();
                let end = self.new_label();
                self.cond_jump(test, false, else_l)?;
                self.body(body)?;
                if !orelse.is_empty() {
                    self.emit(Op::Jump(end));
                }
                self.bind(else_l);
                self.body(orelse)?;
                self.bind(end);
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.new_label();
                let else_l = self.new_label();
                let end = self.new_label();
                self.bind(start);
                self.cond_jump(test, false, else_l)?;
                self.unit().fblocks.push(FBlock::Loop { start: start as usize, end: end as usize, is_for: false, is_async: false });
                self.body(body)?;
                self.unit().fblocks.pop();
                self.emit(Op::Jump(start));
                self.bind(else_l);
                self.body(orelse)?;
                self.bind(end);
            }
            StmtKind::For { target, iter, body, orelse, is_async } => {
                if *is_async {
                    return self.async_for(target, iter, body, orelse, s.span);
                }
                let start = self.new_label();
                let else_l = self.new_label();
                let end = self.new_label();
                // Getting and advancing the iterator are located at the
                // iterable, as CPython's tracebacks show them.
                self.expr(iter)?;
                let old = self.set_pos(iter.span);
                self.emit(Op::GetIter);
                self.bind(start);
                self.emit(Op::ForIter(else_l));
                self.unit().pos = old;
                self.store_target(target)?;
                self.unit().fblocks.push(FBlock::Loop { start: start as usize, end: end as usize, is_for: true, is_async: false });
                self.body(body)?;
                self.unit().fblocks.pop();
                self.emit(Op::Jump(start));
                self.bind(else_l);
                self.body(orelse)?;
                self.bind(end);
            }
            StmtKind::Break | StmtKind::Continue => {
                let is_break = matches!(s.kind, StmtKind::Break);
                self.break_continue(is_break, s.span)?;
            }
            StmtKind::Return(v) => {
                let kind = self.scope_kind();
                if kind != ScopeKind::Function {
                    return self.err("'return' outside function", s.span);
                }
                if let (Some(_), CodeKind::AsyncGenerator) = (v, self.unit().kind) {
                    return self.err("'return' with value in async generator", s.span);
                }
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.unwind_all(true)?;
                self.emit(Op::ReturnValue);
            }
            StmtKind::FunctionDef { name, args, body, decorator_list, returns, is_async } => {
                self.function_def(s, name, args, body, decorator_list, returns.as_deref(), *is_async)?;
            }
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => {
                self.class_def(s, name, bases, keywords, body, decorator_list)?;
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::Raise(n));
            }
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.cond_jump(test, true, end)?;
                // The failure is reported at the test.
                let old = self.set_pos(test.span);
                self.emit(Op::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Op::Call(1));
                }
                self.emit(Op::Raise(1));
                self.unit().pos = old;
                self.bind(end);
            }
            StmtKind::Try { body, handlers, orelse, finalbody, is_star } => {
                if *is_star {
                    return self.try_star(body, handlers, orelse, finalbody, s.span);
                }
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody)?;
                }
            }
            StmtKind::With { items, body, is_async } => self.with(items, body, *is_async, s.span)?,
            StmtKind::Import(names) => {
                for a in names {
                    self.load_const(Value::None);
                    let i = self.name_index(&a.name);
                    self.emit(Op::ImportName(i));
                    match &a.asname {
                        Some(asname) => {
                            // `import a.b as c` binds the submodule.
                            for part in a.name.split('.').skip(1) {
                                let j = self.name_index(part);
                                self.emit(Op::ImportFrom(j));
                                self.emit(Op::Swap(1));
                                self.emit(Op::Pop);
                            }
                            self.store_name(asname);
                        }
                        None => {
                            let first = a.name.split('.').next().unwrap_or("");
                            self.store_name(first);
                        }
                    }
                }
            }
            StmtKind::ImportFrom { module, names, level } => {
                if *level > 0 {
                    return self.err("attempted relative import with no known parent package", s.span);
                }
                let m = module.clone().unwrap_or_default();
                let fromlist: Vec<Value> = names.iter().map(|a| Value::str(&a.name)).collect();
                self.load_const(Value::tuple(fromlist));
                let i = self.name_index(&m);
                self.emit(Op::ImportName(i));
                if names.len() == 1 && names[0].name == "*" {
                    self.emit(Op::ImportStar);
                } else {
                    for a in names {
                        let j = self.name_index(&a.name);
                        self.emit(Op::ImportFrom(j));
                        self.store_name(a.asname.as_deref().unwrap_or(&a.name));
                    }
                    self.emit(Op::Pop);
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
            StmtKind::TypeAlias { name, value } => {
                self.expr(value)?;
                self.store_target(name)?;
            }
        }
        Ok(())
    }

    fn aug_assign(&mut self, target: &'a Expr, op: Operator, value: &'a Expr) -> CResult {
        let op = bin_op(op);
        // Reading the target is located at the target; the operation and
        // the store at the whole statement.
        let stmt_pos = self.unit().pos;
        match &target.kind {
            ExprKind::Name(n) => {
                self.set_pos(target.span);
                self.load_name(n);
                self.unit().pos = stmt_pos;
                self.expr(value)?;
                self.emit(Op::Inplace(op));
                self.store_name(n);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Op::Dup);
                let i = self.name_index(attr);
                self.set_pos(target.span);
                self.emit(Op::LoadAttr(i));
                self.unit().pos = stmt_pos;
                self.expr(value)?;
                self.emit(Op::Inplace(op));
                self.emit(Op::Swap(1));
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript { value: obj, slice } => {
                self.expr(obj)?;
                self.expr(slice)?;
                self.emit(Op::Dup2);
                self.set_pos(target.span);
                self.emit(Op::Subscr);
                self.unit().pos = stmt_pos;
                self.expr(value)?;
                self.emit(Op::Inplace(op));
                self.emit(Op::Rot(2));
                self.emit(Op::StoreSubscr);
            }
            _ => return self.err("'expression' is an illegal expression for augmented assignment", target.span),
        }
        Ok(())
    }

    /// Stores TOS into a target; the store (and an unpacking) is located at
    /// the target.
    fn store_target(&mut self, t: &'a Expr) -> CResult {
        let old = self.set_pos(t.span);
        let r = self.store_target_inner(t);
        self.unit().pos = old;
        r
    }

    fn store_target_inner(&mut self, t: &'a Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.name_index(attr);
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Op::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items.iter().position(|e| matches!(e.kind, ExprKind::Starred(_)));
                match star {
                    Some(si) => {
                        if items.iter().filter(|e| matches!(e.kind, ExprKind::Starred(_))).count() > 1 {
                            return self.err("multiple starred expressions in assignment", t.span);
                        }
                        let after = items.len() - si - 1;
                        self.emit(Op::UnpackEx((si as u32) | ((after as u32) << 16)));
                    }
                    None => {
                        self.emit(Op::UnpackSequence(items.len() as u32));
                    }
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.store_target(inner)?,
                        _ => self.store_target(item)?,
                    }
                }
            }
            ExprKind::Starred(_) => return self.err("starred assignment target must be in a list or tuple", t.span),
            _ => {
                let what = describe_expr(t);
                return self.err(&format!("cannot assign to {what}"), t.span);
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> CResult {
        let old = self.set_pos(t.span);
        let r = self.delete_target_inner(t);
        self.unit().pos = old;
        r
    }

    fn delete_target_inner(&mut self, t: &'a Expr) -> CResult {
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.name_index(attr);
                self.emit(Op::DeleteAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Op::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete_target(i)?;
                }
            }
            _ => return self.err(&format!("cannot delete {}", describe_expr(t)), t.span),
        }
        Ok(())
    }

    /// Emits the cleanup for leaving fblocks down to (not including) `keep`.
    /// `preserve` keeps TOS (a return value) on top throughout.
    fn unwind_to(&mut self, keep: usize, preserve: bool) -> CResult {
        let n = self.unit().fblocks.len();
        let mut i = n;
        while i > keep {
            i -= 1;
            // Take the block out while we emit its cleanup, so a nested
            // return inside a finally body does not unwind it twice.
            let fb = std::mem::replace(&mut self.unit().fblocks[i], FBlock::TryExcept);
            let saved = self.unit().fblocks.split_off(i);
            match &fb {
                FBlock::Loop { is_for, is_async, .. } => {
                    if *is_for || *is_async {
                        if preserve {
                            self.emit(Op::Swap(1));
                        }
                        self.emit(Op::Pop);
                    }
                }
                FBlock::TryExcept => {
                    self.emit(Op::PopBlock);
                }
                FBlock::Finally(body) => {
                    self.emit(Op::PopBlock);
                    self.body(body)?;
                }
                FBlock::FinallyRunning => {
                    self.emit(Op::PopExcept);
                    if preserve {
                        self.emit(Op::Swap(1));
                    }
                    self.emit(Op::Pop);
                }
                FBlock::Handler { name } => {
                    self.emit(Op::PopExcept);
                    if preserve {
                        self.emit(Op::Swap(1));
                    }
                    self.emit(Op::Pop);
                    if let Some(n) = name {
                        self.load_const(Value::None);
                        self.store_name(n);
                        self.delete_name(n);
                    }
                }
                FBlock::With { is_async, ctx } => {
                    self.emit(Op::PopBlock);
                    if preserve {
                        self.emit(Op::Swap(1));
                    }
                    let old = self.set_pos(*ctx);
                    self.call_exit_none(*is_async);
                    self.unit().pos = old;
                }
            }
            let mut saved = saved;
            saved[0] = fb;
            self.unit().fblocks.extend(saved);
        }
        Ok(())
    }

    fn unwind_all(&mut self, preserve: bool) -> CResult {
        self.unwind_to(0, preserve)
    }

    /// Calls `__exit__(None, None, None)` at TOS and drops the result.
    fn call_exit_none(&mut self, is_async: bool) {
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.emit(Op::Call(3));
        if is_async {
            self.await_tos();
        }
        self.emit(Op::Pop);
    }

    fn break_continue(&mut self, is_break: bool, span: Span) -> CResult {
        let loop_idx = self.unit().fblocks.iter().rposition(|f| matches!(f, FBlock::Loop { .. }));
        let Some(li) = loop_idx else {
            return self.err(if is_break { "'break' outside loop" } else { "'continue' not properly in loop" }, span);
        };
        self.unwind_to(li + 1, false)?;
        let (start, end, is_for, is_async) = match &self.unit().fblocks[li] {
            FBlock::Loop { start, end, is_for, is_async } => (*start, *end, *is_for, *is_async),
            _ => return Ok(()),
        };
        if is_break {
            if is_for || is_async {
                self.emit(Op::Pop);
            }
            self.emit(Op::Jump(end as u32));
        } else {
            self.emit(Op::Jump(start as u32));
        }
        Ok(())
    }

    fn try_except(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt]) -> CResult {
        let handler = self.new_label();
        let else_l = self.new_label();
        let end = self.new_label();
        self.emit(Op::SetupExcept(handler));
        self.unit().fblocks.push(FBlock::TryExcept);
        self.body(body)?;
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.emit(Op::Jump(else_l));
        self.bind(handler);
        self.emit(Op::PushExcInfo);
        for (i, h) in handlers.iter().enumerate() {
            let old = self.set_pos(h.span);
            let next = self.new_label();
            match &h.type_ {
                Some(t) => {
                    self.expr(t)?;
                    self.emit(Op::CheckExcMatch);
                    self.emit(Op::PopJumpIfFalse(next));
                }
                None => {
                    if i + 1 != handlers.len() {
                        return self.err("default 'except:' must be last", h.span);
                    }
                }
            }
            match &h.name {
                Some(n) => {
                    self.emit(Op::Dup);
                    self.store_name(n);
                }
                None => {}
            }
            self.unit().fblocks.push(FBlock::Handler { name: h.name.as_deref() });
            self.body(&h.body)?;
            self.unit().fblocks.pop();
            self.emit(Op::PopExcept);
            self.emit(Op::Pop);
            if let Some(n) = &h.name {
                self.load_const(Value::None);
                self.store_name(n);
                self.delete_name(n);
            }
            self.emit(Op::Jump(end));
            self.bind(next);
            self.unit().pos = old;
        }
        self.emit(Op::Reraise);
        self.bind(else_l);
        self.body(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn try_finally(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt], finalbody: &'a [Stmt]) -> CResult {
        let exc_path = self.new_label();
        let end = self.new_label();
        self.emit(Op::SetupFinally(exc_path));
        self.unit().fblocks.push(FBlock::Finally(finalbody));
        if handlers.is_empty() {
            self.body(body)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.body(finalbody)?;
        self.emit(Op::Jump(end));
        self.bind(exc_path);
        self.emit(Op::PushExcInfo);
        self.unit().fblocks.push(FBlock::FinallyRunning);
        self.body(finalbody)?;
        self.unit().fblocks.pop();
        self.emit(Op::Reraise);
        self.bind(end);
        Ok(())
    }

    /// `try: ... except* T as e: ...` — each handler takes the part of the
    /// group that matches; what is left, plus anything the handlers raise,
    /// is re-raised together at the end.
    fn try_star(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt], finalbody: &'a [Stmt], span: Span) -> CResult {
        if !finalbody.is_empty() {
            let exc_path = self.new_label();
            let end = self.new_label();
            self.emit(Op::SetupFinally(exc_path));
            self.unit().fblocks.push(FBlock::Finally(finalbody));
            self.try_star(body, handlers, orelse, &[], span)?;
            self.unit().fblocks.pop();
            self.emit(Op::PopBlock);
            self.body(finalbody)?;
            self.emit(Op::Jump(end));
            self.bind(exc_path);
            self.emit(Op::PushExcInfo);
            self.unit().fblocks.push(FBlock::FinallyRunning);
            self.body(finalbody)?;
            self.unit().fblocks.pop();
            self.emit(Op::Reraise);
            self.bind(end);
            return Ok(());
        }
        let handler = self.new_label();
        let else_l = self.new_label();
        let end = self.new_label();
        self.emit(Op::SetupExcept(handler));
        self.unit().fblocks.push(FBlock::TryExcept);
        self.body(body)?;
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.emit(Op::Jump(else_l));
        self.bind(handler);
        // Stack: [orig]. Keep [orig, raised-list, rest].
        self.emit(Op::PushExcInfo);
        self.emit(Op::BuildList(0));
        self.emit(Op::Copy(2));
        for h in handlers {
            let old = self.set_pos(h.span);
            let next = self.new_label();
            let Some(t) = &h.type_ else {
                return self.err("expected one or more exception types", h.span);
            };
            // [orig, raised, rest]
            self.emit(Op::Dup);
            self.emit(Op::PopJumpIfNone(next));
            self.expr(t)?;
            self.emit(Op::CheckEgMatch); // [orig, raised, rest', match]
            self.emit(Op::Dup);
            let nomatch = self.new_label();
            self.emit(Op::PopJumpIfNone(nomatch));
            // Run the handler with the match as the handled exception.
            self.emit(Op::PushExcInfo);
            match &h.name {
                Some(n) => {
                    self.emit(Op::Dup);
                    self.store_name(n);
                }
                None => {}
            }
            let raised_l = self.new_label();
            let done_l = self.new_label();
            self.emit(Op::SetupExcept(raised_l));
            self.unit().fblocks.push(FBlock::TryExcept);
            self.body(&h.body)?;
            self.unit().fblocks.pop();
            self.emit(Op::PopBlock);
            self.emit(Op::PopExcept);
            self.emit(Op::Pop); // [orig, raised, rest']
            self.emit(Op::Jump(done_l));
            self.bind(raised_l);
            // [orig, raised, rest', match, exc]: record exc in raised.
            self.emit(Op::Swap(1));
            self.emit(Op::Pop); // [orig, raised, rest', exc]
            self.emit(Op::PopExcept);
            self.emit(Op::ListAppend(2));
            self.bind(done_l);
            if let Some(n) = &h.name {
                self.load_const(Value::None);
                self.store_name(n);
                self.delete_name(n);
            }
            self.emit(Op::Jump(next));
            self.bind(nomatch);
            self.emit(Op::Pop); // [orig, raised, rest']
            self.bind(next);
            self.unit().pos = old;
        }
        // [orig, raised, rest] → combine and re-raise if anything is left.
        self.emit(Op::ListAppend(1));
        self.emit(Op::PrepReraiseStar); // [result]
        self.emit(Op::Dup);
        let nothing = self.new_label();
        self.emit(Op::PopJumpIfNone(nothing));
        self.emit(Op::PopExcept);
        self.emit(Op::Reraise);
        self.bind(nothing);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.emit(Op::Jump(end));
        self.bind(else_l);
        self.body(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn with(&mut self, items: &'a [WithItem], body: &'a [Stmt], is_async: bool, span: Span) -> CResult {
        let Some((first, rest)) = items.split_first() else {
            return self.body(body);
        };
        if is_async && !self.in_async_function() {
            return self.err("'async with' outside async function", span);
        }
        let handler = self.new_label();
        let end = self.new_label();
        self.expr(&first.context_expr)?;
        if is_async {
            self.emit(Op::BeforeAsyncWith);
            self.await_tos();
        } else {
            self.emit(Op::BeforeWith);
        }
        match &first.optional_vars {
            Some(t) => self.store_target(t)?,
            None => {
                self.emit(Op::Pop);
            }
        }
        self.emit(Op::SetupFinally(handler));
        let ctx = first.context_expr.span;
        self.unit().fblocks.push(FBlock::With { is_async, ctx });
        if rest.is_empty() {
            self.body(body)?;
        } else {
            self.with(rest, body, is_async, span)?;
        }
        self.unit().fblocks.pop();
        let stmt_pos = self.set_pos(ctx);
        self.emit(Op::PopBlock);
        self.call_exit_none(is_async);
        self.emit(Op::Jump(end));
        self.bind(handler);
        // [exit, exc]
        self.emit(Op::PushExcInfo);
        self.emit(Op::WithExceptStart);
        if is_async {
            self.await_tos();
        }
        self.unit().pos = stmt_pos;
        let suppress = self.new_label();
        self.emit(Op::PopJumpIfTrue(suppress));
        self.emit(Op::Reraise);
        self.bind(suppress);
        self.emit(Op::PopExcept);
        self.emit(Op::Pop);
        self.emit(Op::Pop);
        self.bind(end);
        Ok(())
    }

    fn in_async_function(&self) -> bool {
        let u = &self.units[self.units.len() - 1];
        matches!(u.kind, CodeKind::Coroutine | CodeKind::AsyncGenerator) || self.st.scopes[u.scope].is_async
    }

    fn async_for(&mut self, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt], span: Span) -> CResult {
        if !self.in_async_function() {
            return self.err("'async for' outside async function", span);
        }
        let start = self.new_label();
        let handler = self.new_label();
        let else_l = self.new_label();
        let end = self.new_label();
        self.expr(iter)?;
        self.emit(Op::GetAIter);
        self.bind(start);
        self.emit(Op::SetupExcept(handler));
        self.emit(Op::GetANext);
        self.await_value();
        self.emit(Op::PopBlock);
        self.store_target(target)?;
        self.unit().fblocks.push(FBlock::Loop { start: start as usize, end: end as usize, is_for: false, is_async: true });
        self.body(body)?;
        self.unit().fblocks.pop();
        self.emit(Op::Jump(start));
        self.bind(handler);
        self.emit(Op::EndAsyncFor);
        self.bind(else_l);
        self.body(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// Awaits the awaitable at TOS (already converted by GetAwaitable or
    /// produced by GetANext), leaving the result.
    fn await_value(&mut self) {
        let send = self.new_label();
        let done = self.new_label();
        self.load_const(Value::None);
        self.bind(send);
        self.emit(Op::Send(done));
        self.emit(Op::YieldValue);
        self.emit(Op::Jump(send));
        self.bind(done);
    }

    fn await_tos(&mut self) {
        self.emit(Op::GetAwaitable(0));
        self.await_value();
    }

    fn function_def(
        &mut self,
        s: &'a Stmt,
        name: &str,
        args: &'a Arguments,
        body: &'a [Stmt],
        decorators: &'a [Expr],
        returns: Option<&'a Expr>,
        is_async: bool,
    ) -> CResult {
        for d in decorators {
            self.expr(d)?;
        }
        let scope = self.st.by_node.get(&(s as *const Stmt as usize)).copied().unwrap_or(0);
        let flags = self.function_prelude(args, returns)?;
        let sc = &self.st.scopes[scope];
        let kind = match (is_async, sc.is_generator) {
            (true, true) => CodeKind::AsyncGenerator,
            (true, false) => CodeKind::Coroutine,
            (false, true) => CodeKind::Generator,
            (false, false) => CodeKind::Function,
        };
        let qualname = self.child_qualname(name);
        self.push_unit(scope, kind, name, qualname.clone(), s.span.line);
        let body = match body.split_first() {
            Some((first, rest)) if is_docstring(first) => {
                // A docstring is not code; keep it for __doc__.
                let doc = match &first.kind {
                    StmtKind::Expr(Expr { kind: ExprKind::Constant(Constant::Str(d)), .. }) => d.clone(),
                    _ => String::new(),
                };
                self.unit().consts.push(Value::string(doc));
                rest
            }
            _ => {
                self.unit().consts.push(Value::None);
                body
            }
        };
        self.body(body)?;
        self.load_const(Value::None);
        self.emit(Op::ReturnValue);
        let code = self.finish_function(args);
        self.make_closure(code, &qualname, flags)?;
        for _ in decorators {
            self.emit(Op::Call(1));
        }
        self.store_name(name);
        Ok(())
    }

    /// Pushes defaults/kwdefaults/annotations; returns MakeFunction flags.
    fn function_prelude(&mut self, args: &'a Arguments, returns: Option<&'a Expr>) -> CResult<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple(args.defaults.len() as u32));
            flags |= 1;
        }
        let kwd: Vec<(&Arg, &Expr)> =
            args.kwonlyargs.iter().zip(args.kw_defaults.iter()).filter_map(|(a, d)| d.as_ref().map(|d| (a, d))).collect();
        if !kwd.is_empty() {
            for (a, d) in &kwd {
                self.load_const(Value::str(&a.arg));
                self.expr(d)?;
            }
            self.emit(Op::BuildMap(kwd.len() as u32));
            flags |= 2;
        }
        let all: Vec<&Arg> =
            args.posonlyargs.iter().chain(&args.args).chain(&args.vararg).chain(&args.kwonlyargs).chain(&args.kwarg).collect();
        let mut n = 0;
        for a in all {
            if let Some(ann) = &a.annotation {
                self.load_const(Value::str(&a.arg));
                self.expr(ann)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Value::str("return"));
            self.expr(r)?;
            n += 1;
        }
        if n > 0 {
            self.emit(Op::BuildMap(n));
            flags |= 4;
        }
        Ok(flags)
    }

    fn finish_function(&mut self, args: &Arguments) -> Rc<Code> {
        let argc = (args.posonlyargs.len() + args.args.len()) as u32;
        self.pop_unit(
            argc,
            args.posonlyargs.len() as u32,
            args.vararg.is_some(),
            args.kwarg.is_some(),
            args.kwonlyargs.len() as u32,
        )
    }

    fn child_qualname(&self, name: &str) -> String {
        let u = &self.units[self.units.len() - 1];
        match self.st.scopes[u.scope].kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", u.qualname, name),
            _ => format!("{}.<locals>.{}", u.qualname, name),
        }
    }

    /// Emits closure + code + qualname and MAKE_FUNCTION.
    fn make_closure(&mut self, code: Rc<Code>, qualname: &str, mut flags: u32) -> CResult {
        if !code.freevars.is_empty() {
            for fv in code.freevars.iter() {
                let i = self.cell_index(fv).unwrap_or(0);
                self.emit(Op::LoadClosure(i));
            }
            self.emit(Op::BuildTuple(code.freevars.len() as u32));
            flags |= 8;
        }
        let code_obj = Value::Obj(Rc::new(Obj::new(crate::types::code_class(), Payload::Code(code))));
        self.load_const(code_obj);
        self.load_const(Value::str(qualname));
        self.emit(Op::MakeFunction(flags));
        Ok(())
    }

    fn class_def(
        &mut self,
        s: &'a Stmt,
        name: &str,
        bases: &'a [Expr],
        keywords: &'a [Keyword],
        body: &'a [Stmt],
        decorators: &'a [Expr],
    ) -> CResult {
        for d in decorators {
            self.expr(d)?;
        }
        let scope = self.st.by_node.get(&(s as *const Stmt as usize)).copied().unwrap_or(0);
        let qualname = self.child_qualname(name);
        self.emit(Op::LoadBuildClass);
        self.push_unit(scope, CodeKind::Class, name, qualname.clone(), s.span.line);
        let n = self.name_index("__name__");
        self.emit(Op::LoadName(n));
        let m = self.name_index("__module__");
        self.emit(Op::StoreName(m));
        self.load_const(Value::str(&qualname));
        let q = self.name_index("__qualname__");
        self.emit(Op::StoreName(q));
        if has_annotations(body) {
            self.emit(Op::SetupAnnotations);
        }
        let body = match body.split_first() {
            Some((first, rest)) if is_docstring(first) => {
                self.expr(match &first.kind {
                    StmtKind::Expr(e) => e,
                    _ => return Ok(()),
                })?;
                let d = self.name_index("__doc__");
                self.emit(Op::StoreName(d));
                rest
            }
            _ => body,
        };
        self.body(body)?;
        if self.st.scopes[scope].needs_class_cell {
            let i = self.cell_index("__class__").unwrap_or(0);
            self.emit(Op::LoadClosure(i));
        } else {
            self.load_const(Value::None);
        }
        self.emit(Op::ReturnValue);
        let code = self.pop_unit(0, 0, false, false, 0);
        self.make_closure(code, &qualname, 0)?;
        self.load_const(Value::str(name));
        self.call_args(bases, keywords, 2)?;
        for _ in decorators {
            self.emit(Op::Call(1));
        }
        self.store_name(name);
        Ok(())
    }

    fn match_stmt(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> CResult {
        let end = self.new_label();
        self.expr(subject)?;
        for (i, case) in cases.iter().enumerate() {
            let last = i + 1 == cases.len();
            let fail = self.new_label();
            let old = self.set_pos(case.pattern.span);
            if !last {
                self.emit(Op::Dup);
            }
            // The pattern consumes the subject copy; on failure it jumps to `fail`
            // with nothing extra left on the stack.
            self.pattern(&case.pattern, fail)?;
            if let Some(g) = &case.guard {
                self.cond_jump(g, false, fail)?;
            }
            self.unit().pos = old;
            if !last {
                self.emit(Op::Pop);
            }
            self.body(&case.body)?;
            self.emit(Op::Jump(end));
            self.bind(fail);
            if last {
                // Nothing matched and the subject copy was consumed.
            }
        }
        if cases.is_empty() {
            self.emit(Op::Pop);
        }
        let after = self.new_label();
        self.emit(Op::Jump(after));
        self.bind(end);
        self.bind(after);
        // When the last case failed the subject is gone; when an earlier case
        // failed the loop continued with the kept copy. Both meet here clean.
        Ok(())
    }

    /// Matches TOS against `p`, consuming it. Jumps to `fail` on mismatch
    /// with TOS consumed too.
    fn pattern(&mut self, p: &'a Pattern, fail: u32) -> CResult {
        match &p.kind {
            PatternKind::MatchAs { pattern: None, name } => {
                match name {
                    Some(n) => self.store_name(n),
                    None => {
                        self.emit(Op::Pop);
                    }
                }
            }
            PatternKind::MatchAs { pattern: Some(inner), name } => {
                match name {
                    Some(n) => {
                        self.emit(Op::Dup);
                        let inner_fail = self.new_label();
                        let ok = self.new_label();
                        self.pattern(inner, inner_fail)?;
                        self.store_name(n);
                        self.emit(Op::Jump(ok));
                        self.bind(inner_fail);
                        self.emit(Op::Pop);
                        self.emit(Op::Jump(fail));
                        self.bind(ok);
                    }
                    None => self.pattern(inner, fail)?,
                }
            }
            PatternKind::MatchValue(v) => {
                self.expr(v)?;
                self.emit(Op::Compare(CmpKind::Eq));
                self.emit(Op::PopJumpIfFalse(fail));
            }
            PatternKind::MatchSingleton(c) => {
                self.load_const(const_value(c));
                self.emit(Op::Is(false));
                self.emit(Op::PopJumpIfFalse(fail));
            }
            PatternKind::MatchOr(alts) => {
                let ok = self.new_label();
                for (i, alt) in alts.iter().enumerate() {
                    if i + 1 == alts.len() {
                        self.pattern(alt, fail)?;
                    } else {
                        let next = self.new_label();
                        self.emit(Op::Dup);
                        self.pattern(alt, next)?;
                        self.emit(Op::Pop);
                        self.emit(Op::Jump(ok));
                        self.bind(next);
                    }
                }
                self.bind(ok);
            }
            PatternKind::MatchSequence(items) => {
                let pop_fail = self.new_label();
                self.emit(Op::MatchSequence);
                self.emit(Op::PopJumpIfFalse(pop_fail));
                let star = items.iter().position(|q| matches!(q.kind, PatternKind::MatchStar(_)));
                self.emit(Op::GetLen);
                self.load_const(Value::Int(if star.is_some() { items.len() as i64 - 1 } else { items.len() as i64 }));
                self.emit(Op::Compare(if star.is_some() { CmpKind::Ge } else { CmpKind::Eq }));
                self.emit(Op::PopJumpIfFalse(pop_fail));
                match star {
                    Some(si) => {
                        let after = items.len() - si - 1;
                        self.emit(Op::UnpackEx((si as u32) | ((after as u32) << 16)));
                    }
                    None => {
                        self.emit(Op::UnpackSequence(items.len() as u32));
                    }
                }
                // Items are on the stack, first on top. Match each; on a
                // failure pop the remaining ones.
                let n = items.len();
                for (i, q) in items.iter().enumerate() {
                    let remaining = n - i - 1;
                    let item_fail = self.new_label();
                    match &q.kind {
                        PatternKind::MatchStar(Some(name)) => {
                            self.store_name(name);
                            continue;
                        }
                        PatternKind::MatchStar(None) => {
                            self.emit(Op::Pop);
                            continue;
                        }
                        _ => self.pattern(q, item_fail)?,
                    }
                    let next = self.new_label();
                    self.emit(Op::Jump(next));
                    self.bind(item_fail);
                    for _ in 0..remaining {
                        self.emit(Op::Pop);
                    }
                    self.emit(Op::Jump(fail));
                    self.bind(next);
                }
                let ok = self.new_label();
                self.emit(Op::Jump(ok));
                self.bind(pop_fail);
                self.emit(Op::Pop);
                self.emit(Op::Jump(fail));
                self.bind(ok);
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                let pop_fail = self.new_label();
                self.emit(Op::MatchMapping);
                self.emit(Op::PopJumpIfFalse(pop_fail));
                for k in keys {
                    self.expr(k)?;
                }
                self.emit(Op::BuildTuple(keys.len() as u32));
                // [subject, keys] → [subject, keys, values-or-None]
                self.emit(Op::MatchKeys);
                let pop3 = self.new_label();
                self.emit(Op::Dup);
                self.emit(Op::PopJumpIfNone(pop3));
                // [subject, keys, values]
                self.emit(Op::UnpackSequence(patterns.len() as u32));
                let n = patterns.len();
                let sub_fail = self.new_label();
                let mut fails = Vec::new();
                for (i, q) in patterns.iter().enumerate() {
                    let remaining = n - i - 1;
                    let f = self.new_label();
                    self.pattern(q, f)?;
                    fails.push((f, remaining));
                }
                // All matched: [subject, keys]
                match rest {
                    Some(r) => {
                        // rest = {k: v for k, v in subject.items() if k not in keys}
                        self.emit(Op::CallIntrinsic(1));
                        self.store_name(r);
                    }
                    None => {
                        self.emit(Op::Pop);
                        self.emit(Op::Pop);
                    }
                }
                let ok = self.new_label();
                self.emit(Op::Jump(ok));
                for (f, remaining) in fails {
                    self.bind(f);
                    for _ in 0..remaining {
                        self.emit(Op::Pop);
                    }
                    self.emit(Op::Jump(sub_fail));
                }
                self.bind(sub_fail);
                // [subject, keys]
                self.emit(Op::Pop);
                self.emit(Op::Pop);
                self.emit(Op::Jump(fail));
                self.bind(pop3);
                // [subject, keys, None]
                self.emit(Op::Pop);
                self.emit(Op::Pop);
                self.bind(pop_fail);
                self.emit(Op::Pop);
                self.emit(Op::Jump(fail));
                self.bind(ok);
            }
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                self.expr(cls)?;
                let names: Vec<Value> = kwd_attrs.iter().map(|a| Value::str(a)).collect();
                self.load_const(Value::tuple(names));
                // [subject, cls, names] → [attrs-tuple-or-None]
                self.emit(Op::MatchClass(patterns.len() as u32));
                let pop1 = self.new_label();
                self.emit(Op::Dup);
                self.emit(Op::PopJumpIfNone(pop1));
                let all: Vec<&Pattern> = patterns.iter().chain(kwd_patterns.iter()).collect();
                self.emit(Op::UnpackSequence(all.len() as u32));
                let n = all.len();
                for (i, q) in all.into_iter().enumerate() {
                    let remaining = n - i - 1;
                    let f = self.new_label();
                    self.pattern(q, f)?;
                    let next = self.new_label();
                    self.emit(Op::Jump(next));
                    self.bind(f);
                    for _ in 0..remaining {
                        self.emit(Op::Pop);
                    }
                    self.emit(Op::Jump(fail));
                    self.bind(next);
                }
                let ok = self.new_label();
                self.emit(Op::Jump(ok));
                self.bind(pop1);
                self.emit(Op::Pop);
                self.emit(Op::Jump(fail));
                self.bind(ok);
            }
            PatternKind::MatchStar(_) => return self.err("can't use starred name here", p.span),
        }
        Ok(())
    }

    // ---- expressions -------------------------------------------------

    /// Jumps to `target` when `e` is `when` (avoids materialising bools).
    fn cond_jump(&mut self, e: &'a Expr, when: bool, target: u32) -> CResult {
        match &e.kind {
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } => return self.cond_jump(operand, !when, target),
            ExprKind::BoolOp { op, values } => {
                let is_and = *op == BoolOp::And;
                if is_and != when {
                    // and/False or or/True: any operand deciding jumps.
                    for v in values {
                        self.cond_jump(v, when, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    let n = values.len();
                    for (i, v) in values.iter().enumerate() {
                        if i + 1 == n {
                            self.cond_jump(v, when, target)?;
                        } else {
                            self.cond_jump(v, !when, skip)?;
                        }
                    }
                    self.bind(skip);
                }
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        self.emit(if when { Op::PopJumpIfTrue(target) } else { Op::PopJumpIfFalse(target) });
        Ok(())
    }

    fn expr(&mut self, e: &'a Expr) -> CResult {
        let old = self.set_pos(e.span);
        let r = self.expr_inner(e);
        self.unit().pos = old;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult {
        match &e.kind {
            ExprKind::Constant(c) => {
                self.load_const(const_value(c));
                if let Constant::Imaginary(_) = c {
                    self.emit(Op::CallIntrinsic(3));
                }
            }
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Op::Binary(bin_op(*op)));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(Op::Unary(match op {
                    UnaryOp::Invert => UnOp::Invert,
                    UnaryOp::Not => UnOp::Not,
                    UnaryOp::UAdd => UnOp::Pos,
                    UnaryOp::USub => UnOp::Neg,
                }));
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let n = values.len();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        self.emit(match op {
                            BoolOp::And => Op::JumpIfFalseOrPop(end),
                            BoolOp::Or => Op::JumpIfTrueOrPop(end),
                        });
                    }
                }
                self.bind(end);
            }
            ExprKind::Compare { left, ops, comparators } => {
                self.expr(left)?;
                if ops.len() == 1 {
                    self.expr(&comparators[0])?;
                    self.compare_op(ops[0]);
                } else {
                    let cleanup = self.new_label();
                    let end = self.new_label();
                    let n = ops.len();
                    for (i, (op, c)) in ops.iter().zip(comparators).enumerate() {
                        self.expr(c)?;
                        if i + 1 < n {
                            self.emit(Op::Dup);
                            self.emit(Op::Rot(2));
                            self.compare_op(*op);
                            self.emit(Op::JumpIfFalseOrPop(cleanup));
                        } else {
                            self.compare_op(*op);
                        }
                    }
                    self.emit(Op::Jump(end));
                    self.bind(cleanup);
                    self.emit(Op::Swap(1));
                    self.emit(Op::Pop);
                    self.bind(end);
                }
            }
            ExprKind::Call { func, args, keywords } => self.call(func, args, keywords)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.name_index(attr);
                self.emit(Op::LoadAttr(i));
            }
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Op::Subscr);
            }
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper] {
                    match x {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(Value::None),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Op::BuildSlice(3));
                    }
                    None => {
                        self.emit(Op::BuildSlice(2));
                    }
                }
            }
            ExprKind::Tuple(items) => {
                if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
                    self.starred_list(items)?;
                    self.emit(Op::ListToTuple);
                } else {
                    for i in items {
                        self.expr(i)?;
                    }
                    self.emit(Op::BuildTuple(items.len() as u32));
                }
            }
            ExprKind::List(items) => {
                if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
                    self.starred_list(items)?;
                } else {
                    for i in items {
                        self.expr(i)?;
                    }
                    self.emit(Op::BuildList(items.len() as u32));
                }
            }
            ExprKind::Set(items) => {
                if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
                    self.emit(Op::BuildSet(0));
                    for i in items {
                        match &i.kind {
                            ExprKind::Starred(inner) => {
                                self.expr(inner)?;
                                self.emit(Op::SetUpdate(1));
                            }
                            _ => {
                                self.expr(i)?;
                                self.emit(Op::SetAdd(1));
                            }
                        }
                    }
                } else {
                    for i in items {
                        self.expr(i)?;
                    }
                    self.emit(Op::BuildSet(items.len() as u32));
                }
            }
            ExprKind::Dict { keys, values } => {
                if keys.iter().any(|k| k.is_none()) {
                    self.emit(Op::BuildMap(0));
                    for (k, v) in keys.iter().zip(values) {
                        match k {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(v)?;
                                self.emit(Op::MapAdd(1));
                            }
                            None => {
                                self.expr(v)?;
                                self.emit(Op::DictUpdate(1));
                            }
                        }
                    }
                } else {
                    for (k, v) in keys.iter().zip(values) {
                        if let Some(k) = k {
                            self.expr(k)?;
                        }
                        self.expr(v)?;
                    }
                    self.emit(Op::BuildMap(keys.len() as u32));
                }
            }
            ExprKind::JoinedStr(parts) => {
                for p in parts {
                    self.fstring_part(p)?;
                }
                if parts.len() != 1 || !matches!(parts[0].kind, ExprKind::FormattedValue { .. } | ExprKind::Constant(_)) {
                    self.emit(Op::BuildString(parts.len() as u32));
                } else if matches!(parts[0].kind, ExprKind::Constant(_)) {
                    // A constant-only f-string is already a str.
                }
            }
            ExprKind::FormattedValue { .. } => self.fstring_part(e)?,
            ExprKind::IfExp { test, body, orelse } => {
                let else_l = self.new_label();
                let end = self.new_label();
                self.cond_jump(test, false, else_l)?;
                self.expr(body)?;
                self.emit(Op::Jump(end));
                self.bind(else_l);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Op::Dup);
                self.store_target(target)?;
            }
            ExprKind::Lambda { args, body } => {
                let scope = self.st.by_node.get(&(e as *const Expr as usize)).copied().unwrap_or(0);
                let flags = self.function_prelude(args, None)?;
                let qualname = self.child_qualname("<lambda>");
                let kind = if self.st.scopes[scope].is_generator { CodeKind::Generator } else { CodeKind::Function };
                self.push_unit(scope, kind, "<lambda>", qualname.clone(), e.span.line);
                self.unit().consts.push(Value::None);
                self.expr(body)?;
                self.emit(Op::ReturnValue);
                let code = self.finish_function(args);
                self.make_closure(code, &qualname, flags)?;
            }
            ExprKind::ListComp { elt, generators } => self.comprehension(e, generators, CompKind::List(elt), "<listcomp>")?,
            ExprKind::SetComp { elt, generators } => self.comprehension(e, generators, CompKind::Set(elt), "<setcomp>")?,
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, generators, CompKind::Dict(key, value), "<dictcomp>")?
            }
            ExprKind::GeneratorExp { elt, generators } => self.comprehension(e, generators, CompKind::Gen(elt), "<genexpr>")?,
            ExprKind::Await(v) => {
                if !self.in_async_function() {
                    let kind = self.scope_kind();
                    return self.err(
                        if kind == ScopeKind::Function { "'await' outside async function" } else { "'await' outside function" },
                        e.span,
                    );
                }
                self.expr(v)?;
                self.await_tos();
            }
            ExprKind::Yield(v) => {
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                if self.unit().kind == CodeKind::AsyncGenerator {
                    self.emit(Op::CallIntrinsic(2));
                }
                self.emit(Op::YieldValue);
            }
            ExprKind::YieldFrom(v) => {
                if self.in_async_function() {
                    return self.err("'yield from' inside async function", e.span);
                }
                self.expr(v)?;
                self.emit(Op::GetYieldFromIter);
                self.await_value();
            }
            ExprKind::Starred(_) => return self.err("can't use starred expression here", e.span),
        }
        Ok(())
    }

    fn fstring_part(&mut self, p: &'a Expr) -> CResult {
        match &p.kind {
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.expr(value)?;
                let mut flags = match conversion {
                    Some('s') => 1,
                    Some('r') => 2,
                    Some('a') => 3,
                    _ => 0,
                };
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                    flags |= 4;
                }
                self.emit(Op::FormatValue(flags));
            }
            _ => self.expr(p)?,
        }
        Ok(())
    }

    fn compare_op(&mut self, op: CmpOp) {
        self.emit(match op {
            CmpOp::Eq => Op::Compare(CmpKind::Eq),
            CmpOp::NotEq => Op::Compare(CmpKind::Ne),
            CmpOp::Lt => Op::Compare(CmpKind::Lt),
            CmpOp::LtE => Op::Compare(CmpKind::Le),
            CmpOp::Gt => Op::Compare(CmpKind::Gt),
            CmpOp::GtE => Op::Compare(CmpKind::Ge),
            CmpOp::Is => Op::Is(false),
            CmpOp::IsNot => Op::Is(true),
            CmpOp::In => Op::Contains(false),
            CmpOp::NotIn => Op::Contains(true),
        });
    }

    fn starred_list(&mut self, items: &'a [Expr]) -> CResult {
        self.emit(Op::BuildList(0));
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(Op::ListExtend(1));
                }
                _ => {
                    self.expr(i)?;
                    self.emit(Op::ListAppend(1));
                }
            }
        }
        Ok(())
    }

    fn call(&mut self, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) -> CResult {
        let simple = !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_))) && keywords.iter().all(|k| k.arg.is_some());
        if let (ExprKind::Attribute { value, attr }, true, true) = (&func.kind, simple, keywords.is_empty()) {
            self.expr(value)?;
            let i = self.name_index(attr);
            let old = self.set_pos(func.span);
            self.emit(Op::LoadMethod(i));
            self.unit().pos = old;
            for a in args {
                self.expr(a)?;
            }
            self.emit(Op::CallMethod(args.len() as u32));
            return Ok(());
        }
        self.expr(func)?;
        self.call_args(args, keywords, 0)
    }

    /// Compiles call arguments after the callable (and `extra` already
    /// pushed positional arguments) and emits the call.
    fn call_args(&mut self, args: &'a [Expr], keywords: &'a [Keyword], extra: u32) -> CResult {
        let simple = !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_))) && keywords.iter().all(|k| k.arg.is_some());
        if simple {
            for a in args {
                self.expr(a)?;
            }
            let n = extra + args.len() as u32;
            if keywords.is_empty() {
                self.emit(Op::Call(n));
            } else {
                for k in keywords {
                    self.expr(&k.value)?;
                }
                let names: Vec<Value> = keywords.iter().map(|k| Value::str(k.arg.as_deref().unwrap_or(""))).collect();
                self.load_const(Value::tuple(names));
                self.emit(Op::CallKw(n + keywords.len() as u32));
            }
            return Ok(());
        }
        // General form: build an args tuple and a kwargs dict.
        self.emit(Op::BuildList(extra));
        for a in args {
            match &a.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(Op::ListExtend(1));
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Op::ListAppend(1));
                }
            }
        }
        self.emit(Op::ListToTuple);
        if keywords.is_empty() {
            self.emit(Op::CallEx(0));
            return Ok(());
        }
        self.emit(Op::BuildMap(0));
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    self.load_const(Value::str(name));
                    self.expr(&k.value)?;
                    self.emit(Op::BuildMap(1));
                    self.emit(Op::DictMerge(1));
                }
                None => {
                    self.expr(&k.value)?;
                    self.emit(Op::DictMerge(1));
                }
            }
        }
        self.emit(Op::CallEx(1));
        Ok(())
    }

    fn comprehension(&mut self, e: &'a Expr, gens: &'a [Comprehension], kind: CompKind<'a>, name: &str) -> CResult {
        let scope = self.st.by_node.get(&(e as *const Expr as usize)).copied().unwrap_or(0);
        let Some(first) = gens.first() else { return Ok(()) };
        let is_gen = matches!(kind, CompKind::Gen(_));
        let is_async = self.st.scopes[scope].is_async;
        let code_kind = match (is_gen, is_async) {
            (true, true) => CodeKind::AsyncGenerator,
            (true, false) => CodeKind::Generator,
            (false, true) => CodeKind::Coroutine,
            (false, false) => CodeKind::Function,
        };
        let qualname = self.child_qualname(name);
        self.push_unit(scope, code_kind, name, qualname.clone(), e.span.line);
        self.unit().pos = span_pos(e.span);
        match kind {
            CompKind::List(_) => {
                self.emit(Op::BuildList(0));
            }
            CompKind::Set(_) => {
                self.emit(Op::BuildSet(0));
            }
            CompKind::Dict(..) => {
                self.emit(Op::BuildMap(0));
            }
            CompKind::Gen(_) => {}
        }
        self.comp_loop(gens, 0, &kind, if is_gen { 0 } else { 1 })?;
        if is_gen {
            self.load_const(Value::None);
        }
        self.emit(Op::ReturnValue);
        let code = self.pop_unit(1, 0, false, false, 0);
        self.make_closure(code, &qualname, 0)?;
        self.expr(&first.iter)?;
        let old = self.set_pos(first.iter.span);
        if first.is_async {
            self.emit(Op::GetAIter);
        } else {
            self.emit(Op::GetIter);
        }
        self.unit().pos = old;
        self.emit(Op::Call(1));
        if code_kind == CodeKind::Coroutine {
            self.await_tos();
        }
        Ok(())
    }

    fn comp_loop(&mut self, gens: &'a [Comprehension], i: usize, kind: &CompKind<'a>, depth: u32) -> CResult {
        let g = &gens[i];
        let start = self.new_label();
        let end = self.new_label();
        if i == 0 {
            self.emit(Op::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            let old = self.set_pos(g.iter.span);
            self.emit(if g.is_async { Op::GetAIter } else { Op::GetIter });
            self.unit().pos = old;
        }
        self.bind(start);
        let handler = self.new_label();
        if g.is_async {
            self.emit(Op::SetupExcept(handler));
            self.emit(Op::GetANext);
            self.await_value();
            self.emit(Op::PopBlock);
        } else {
            self.emit(Op::ForIter(end));
        }
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.cond_jump(cond, false, start)?;
        }
        if i + 1 < gens.len() {
            self.comp_loop(gens, i + 1, kind, depth + 1)?;
        } else {
            match kind {
                CompKind::List(elt) => {
                    self.expr(elt)?;
                    self.emit(Op::ListAppend(depth + 1));
                }
                CompKind::Set(elt) => {
                    self.expr(elt)?;
                    self.emit(Op::SetAdd(depth + 1));
                }
                CompKind::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Op::MapAdd(depth + 1));
                }
                CompKind::Gen(elt) => {
                    self.expr(elt)?;
                    if self.unit().kind == CodeKind::AsyncGenerator {
                        self.emit(Op::CallIntrinsic(2));
                    }
                    self.emit(Op::YieldValue);
                    self.emit(Op::Pop);
                }
            }
        }
        self.emit(Op::Jump(start));
        if g.is_async {
            self.bind(handler);
            self.emit(Op::EndAsyncFor);
        }
        self.bind(end);
        Ok(())
    }
}

enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

fn unreachable_unit() -> Unit<'static> {
    Unit {
        scope: 0,
        kind: CodeKind::Module,
        name: Rc::from(""),
        qualname: String::new(),
        ops: Vec::new(),
        positions: Vec::new(),
        consts: Vec::new(),
        names: Vec::new(),
        varnames: Vec::new(),
        cellvars: Vec::new(),
        freevars: Vec::new(),
        labels: Vec::new(),
        fblocks: Vec::new(),
        pos: Pos::default(),
        first_line: 0,
    }
}

fn is_docstring(s: &Stmt) -> bool {
    matches!(&s.kind, StmtKind::Expr(Expr { kind: ExprKind::Constant(Constant::Str(_)), .. }))
}

fn bin_op(op: Operator) -> BinOp {
    match op {
        Operator::Add => BinOp::Add,
        Operator::Sub => BinOp::Sub,
        Operator::Mult => BinOp::Mul,
        Operator::MatMult => BinOp::MatMul,
        Operator::Div => BinOp::TrueDiv,
        Operator::Mod => BinOp::Mod,
        Operator::Pow => BinOp::Pow,
        Operator::LShift => BinOp::LShift,
        Operator::RShift => BinOp::RShift,
        Operator::BitOr => BinOp::Or,
        Operator::BitXor => BinOp::Xor,
        Operator::BitAnd => BinOp::And,
        Operator::FloorDiv => BinOp::FloorDiv,
    }
}

pub fn const_value(c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::True => Value::Bool(true),
        Constant::False => Value::Bool(false),
        Constant::Ellipsis => Value::Ellipsis,
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(s) => match s.parse::<crate::bigint::BigInt>() {
            Ok(b) => Value::from_bigint(b),
            Err(_) => Value::Int(0),
        },
        Constant::Float(f) | Constant::Imaginary(f) => Value::Float(*f),
        Constant::Str(s) => Value::str(s),
        Constant::Bytes(b) => Value::Bytes(Rc::new(b.clone())),
    }
}

/// How CPython names an expression in "cannot assign to ..." messages.
fn describe_expr(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Constant(Constant::None) | ExprKind::Constant(Constant::True) | ExprKind::Constant(Constant::False) => {
            "literal"
        }
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::BoolOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        _ => "expression",
    }
}
