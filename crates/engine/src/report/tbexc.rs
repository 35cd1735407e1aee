//! CPython 3.13's `traceback.TracebackException`: the exception tree
//! (cause, context, group members) captured once, then formatted with the
//! chain messages, the boxed exception-group layout and the collapsed
//! recursion frames.

use std::collections::HashSet;

use super::frame::{format_frame, FrameInfo};
use crate::value::{TbEntry, Value};
use crate::vm::Vm;

const RECURSIVE_CUTOFF: usize = 3;
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;
const CAUSE_MESSAGE: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";

/// What a SyntaxError instance carries for its report.
pub struct SyntaxInfo {
    pub filename: Option<String>,
    pub lineno: Option<i64>,
    pub end_lineno: Option<i64>,
    pub text: Option<String>,
    pub offset: Option<i64>,
    pub end_offset: Option<i64>,
    pub msg: String,
}

pub enum Notes {
    None,
    Lines(Vec<String>),
    /// `__notes__` that is not a sequence: its repr.
    Repr(String),
}

pub struct TbExc {
    stype: String,
    text: String,
    notes: Notes,
    stack: Vec<TbEntry>,
    syntax: Option<SyntaxInfo>,
    suppress_context: bool,
    cause: Option<usize>,
    context: Option<usize>,
    exceptions: Option<Vec<usize>>,
}

/// The tree, nodes in an arena; node 0 is the root.
pub struct Tree {
    nodes: Vec<TbExc>,
    /// The program's file name and text: the only file whose lines
    /// CPython's linecache would find (`<string>` code shows no lines).
    main_filename: std::rc::Rc<str>,
    main_source: std::rc::Rc<str>,
    /// Whether source lines get their `^~~` marks (the C printer of
    /// unraisable exceptions draws none).
    carets: bool,
}

fn identity(v: &Value) -> usize {
    match v.as_obj() {
        Some(o) => std::rc::Rc::as_ptr(o) as *const u8 as usize,
        None => 0,
    }
}

/// The exception type as the last line names it (`mod.Qual`, or just
/// `Qual` for builtins and `__main__`).
pub fn type_str(vm: &mut Vm, exc: &Value) -> String {
    let cls = vm.type_of(exc);
    let module = match cls.dict.borrow().get("__module__") {
        Some(Value::Str(s)) => Some(s.s.clone()),
        Some(_) => Some("<unknown>".to_string()),
        None => None,
    }
    .unwrap_or_else(|| cls.module.to_string());
    if module == "builtins" || module == "__main__" {
        cls.qualname.to_string()
    } else {
        format!("{module}.{}", cls.qualname)
    }
}

/// `str(exc)` (or `<exception str() failed>`) plus the NameError /
/// AttributeError suggestions.
pub fn exc_str(vm: &mut Vm, exc: &Value) -> String {
    let mut s = match vm.str_of(exc) {
        Ok(m) => m,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if vm.exc_matches_name(exc, "NameError") || vm.exc_matches_name(exc, "AttributeError") {
        let suggestion = super::suggestion(vm, exc);
        s.push_str(&suggestion);
        if vm.exc_matches_name(exc, "NameError") {
            let name = exc.as_obj().and_then(|o| match o.dict.borrow().get("name") {
                Some(Value::Str(n)) => Some(n.s.clone()),
                _ => None,
            });
            if let Some(name) = name {
                if super::stdlib_names::STDLIB_MODULE_NAMES.binary_search(&name.as_str()).is_ok() {
                    if suggestion.is_empty() {
                        s.push_str(&format!(". Did you forget to import '{name}'?"));
                    } else {
                        s.push_str(&format!(" Or did you forget to import '{name}'?"));
                    }
                }
            }
        }
    }
    s
}

fn attr(exc: &Value, name: &str) -> Option<Value> {
    exc.as_obj().and_then(|o| o.dict.borrow().get(name).cloned())
}

fn int_attr(exc: &Value, name: &str) -> Option<i64> {
    match attr(exc, name) {
        Some(Value::Int(i)) => Some(i),
        Some(Value::Bool(b)) => Some(b as i64),
        _ => None,
    }
}

fn str_attr(vm: &mut Vm, exc: &Value, name: &str) -> Option<String> {
    match attr(exc, name) {
        None | Some(Value::None) => None,
        Some(v) => vm.str_of(&v).ok(),
    }
}

fn capture(vm: &mut Vm, exc: &Value, seen: &mut HashSet<usize>) -> TbExc {
    seen.insert(identity(exc));
    let (stack, suppress_context) = match exc.as_obj().and_then(|o| o.exc()) {
        Some(d) => {
            let d = d.borrow();
            (d.traceback.clone(), d.suppress_context)
        }
        None => (Vec::new(), false),
    };
    let stype = type_str(vm, exc);
    let syntax = if vm.exc_matches_name(exc, "SyntaxError") {
        let msg = str_attr(vm, exc, "msg").unwrap_or_default();
        Some(SyntaxInfo {
            filename: str_attr(vm, exc, "filename"),
            lineno: int_attr(exc, "lineno"),
            end_lineno: int_attr(exc, "end_lineno"),
            text: str_attr(vm, exc, "text"),
            offset: int_attr(exc, "offset"),
            end_offset: int_attr(exc, "end_offset"),
            msg,
        })
    } else {
        None
    };
    let text = exc_str(vm, exc);
    let notes = match attr(exc, "__notes__") {
        None => Notes::None,
        Some(Value::List(l)) => {
            let items = l.borrow().clone();
            Notes::Lines(items.iter().map(|n| vm.str_of(n).unwrap_or_else(|_| "<note str() failed>".into())).collect())
        }
        Some(Value::Tuple(t)) => {
            Notes::Lines(t.iter().map(|n| vm.str_of(n).unwrap_or_else(|_| "<note str() failed>".into())).collect())
        }
        Some(Value::Str(s)) => Notes::Repr(vm.repr(&Value::Str(s)).unwrap_or_default()),
        Some(other) => Notes::Repr(vm.repr(&other).unwrap_or_else(|_| "<__notes__ repr() failed>".into())),
    };
    TbExc { stype, text, notes, stack, syntax, suppress_context, cause: None, context: None, exceptions: None }
}

fn group_members(vm: &mut Vm, exc: &Value) -> Option<Vec<Value>> {
    if !vm.exc_matches_name(exc, "BaseExceptionGroup") {
        return None;
    }
    let args = exc.as_obj().and_then(|o| o.exc()).map(|d| d.borrow().args.clone()).unwrap_or_default();
    Some(match args.get(1) {
        Some(Value::List(l)) => l.borrow().clone(),
        Some(Value::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    })
}

/// Captures `exc` and everything it links to, with CPython's cycle check
/// (an exception already captured is not followed again).
pub fn build(vm: &mut Vm, exc: &Value) -> Tree {
    let mut seen = HashSet::new();
    let mut nodes = vec![capture(vm, exc, &mut seen)];
    let mut queue: Vec<(usize, Value)> = vec![(0, exc.clone())];
    while let Some((ti, e)) = queue.pop() {
        if nodes.len() > 100_000 {
            break;
        }
        let (cause, context) = match e.as_obj().and_then(|o| o.exc()) {
            Some(d) => {
                let d = d.borrow();
                (d.cause.clone(), d.context.clone())
            }
            None => (None, None),
        };
        let cause = cause.filter(|c| !c.is_none() && !seen.contains(&identity(c)));
        let cause_i = cause.as_ref().map(|c| {
            nodes.push(capture(vm, c, &mut seen));
            nodes.len() - 1
        });
        let context = context.filter(|c| !c.is_none() && !seen.contains(&identity(c)));
        let context_i = context.as_ref().map(|c| {
            nodes.push(capture(vm, c, &mut seen));
            nodes.len() - 1
        });
        let members = group_members(vm, &e);
        let member_is = members.as_ref().map(|ms| {
            ms.iter()
                .map(|m| {
                    nodes.push(capture(vm, m, &mut seen));
                    nodes.len() - 1
                })
                .collect::<Vec<_>>()
        });
        nodes[ti].cause = cause_i;
        nodes[ti].context = context_i;
        nodes[ti].exceptions = member_is.clone();
        if let (Some(i), Some(c)) = (cause_i, cause) {
            queue.push((i, c));
        }
        if let (Some(i), Some(c)) = (context_i, context) {
            queue.push((i, c));
        }
        if let (Some(is), Some(ms)) = (member_is, members) {
            queue.extend(is.into_iter().zip(ms));
        }
    }
    Tree { nodes, main_filename: vm.filename.clone(), main_source: vm.source.clone(), carets: true }
}

struct Ctx {
    depth: usize,
    need_close: bool,
    out: String,
}

impl Ctx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }
    fn emit_with(&mut self, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for l in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(l);
        }
    }
    fn emit(&mut self, text: &str) {
        self.emit_with(text, '|');
    }
}

/// `StackSummary.format`, with repeated frames collapsed.
fn format_stack(tree: &Tree, stack: &[TbEntry]) -> String {
    let mut out = String::new();
    let mut last: Option<(&str, u32, &str)> = None;
    let mut count = 0usize;
    let repeated = |out: &mut String, count: usize| {
        if count > RECURSIVE_CUTOFF {
            let n = count - RECURSIVE_CUTOFF;
            out.push_str(&format!("  [Previous line repeated {n} more time{}]\n", if n > 1 { "s" } else { "" }));
        }
    };
    // Outermost first: (entry naming the frame, line, end line, columns).
    let mut frames: Vec<(&TbEntry, u32, u32, Option<(usize, usize)>)> = Vec::new();
    for e in stack.iter().rev() {
        let pos = e.code.positions.get(e.ip).copied();
        let (lineno, end_lineno, col) = match pos {
            Some(p) if p.line > 0 => (p.line, p.end_line.max(p.line), Some((p.col as usize, p.end_col as usize))),
            _ => (e.line, e.line, None),
        };
        // CPython 3.12+ inlines list/set/dict comprehensions (PEP 709): no
        // frame of their own, their positions belong to the enclosing frame.
        let inlined = matches!(&*e.code.name, "<listcomp>" | "<setcomp>" | "<dictcomp>");
        match frames.last_mut() {
            Some(prev) if inlined && prev.0.code.filename == e.code.filename => {
                *prev = (prev.0, lineno, end_lineno, col);
            }
            _ => frames.push((e, lineno, end_lineno, col)),
        }
    }
    for (e, lineno, end_lineno, col) in frames {
        let key = (&*e.code.filename, lineno, &*e.code.name);
        if last != Some(key) {
            repeated(&mut out, count);
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count > RECURSIVE_CUTOFF {
            continue;
        }
        out.push_str(&format_frame(&FrameInfo {
            filename: &e.code.filename,
            lineno,
            name: &e.code.name,
            source: if e.code.filename == tree.main_filename {
                &tree.main_source
            } else if e.code.filename.starts_with('<') {
                ""
            } else {
                &e.code.source
            },
            end_lineno,
            col: col.filter(|_| tree.carets),
        }));
    }
    repeated(&mut out, count);
    out
}

/// `TracebackException._format_syntax_error`.
pub fn format_syntax_error(stype: &str, s: &SyntaxInfo) -> String {
    let mut out = String::new();
    let mut filename_suffix = String::new();
    if let Some(lineno) = s.lineno {
        out.push_str(&format!("  File \"{}\", line {}\n", s.filename.as_deref().unwrap_or("<string>"), lineno));
    } else if let Some(f) = &s.filename {
        filename_suffix = format!(" ({f})");
    }
    if let Some(text) = &s.text {
        let rtext = text.trim_end_matches('\n');
        let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
        let rchars: Vec<char> = rtext.chars().collect();
        let lchars: Vec<char> = ltext.chars().collect();
        let spaces = (rchars.len() - lchars.len()) as i64;
        match s.offset {
            None => out.push_str(&format!("    {ltext}\n")),
            Some(offset) => {
                let text_len = text.chars().count() as i64;
                let mut offset = offset;
                let mut end_offset = if s.lineno == s.end_lineno {
                    match s.end_offset {
                        None | Some(0) => offset,
                        Some(e) => e,
                    }
                } else {
                    rchars.len() as i64 + 1
                };
                if !text.is_empty() && offset > text_len {
                    offset = rchars.len() as i64 + 1;
                }
                if !text.is_empty() && end_offset > text_len {
                    end_offset = rchars.len() as i64 + 1;
                }
                if offset >= end_offset || end_offset < 0 {
                    end_offset = offset + 1;
                }
                let colno = offset - 1 - spaces;
                let end_colno = end_offset - 1 - spaces;
                out.push_str(&format!("    {ltext}\n"));
                if colno >= 0 {
                    let caretspace: String =
                        lchars.iter().take(colno as usize).map(|&c| if c.is_whitespace() { c } else { ' ' }).collect();
                    let n = (end_colno - colno).max(0) as usize;
                    out.push_str(&format!("    {}{}\n", caretspace, "^".repeat(n)));
                }
            }
        }
    }
    let msg = if s.msg.is_empty() { "<no detail available>" } else { &s.msg };
    out.push_str(&format!("{stype}: {msg}{filename_suffix}\n"));
    out
}

/// `format_exception_only` (without `show_group`).
fn format_exception_only(t: &TbExc) -> String {
    let mut out = match &t.syntax {
        Some(s) => format_syntax_error(&t.stype, s),
        None if t.text.is_empty() => format!("{}\n", t.stype),
        None => format!("{}: {}\n", t.stype, t.text),
    };
    match &t.notes {
        Notes::None => {}
        Notes::Lines(notes) => {
            for n in notes {
                for l in n.split('\n') {
                    out.push_str(l);
                    out.push('\n');
                }
            }
        }
        Notes::Repr(r) => {
            out.push_str(r);
            out.push('\n');
        }
    }
    out
}

fn format_node(tree: &Tree, root: usize, ctx: &mut Ctx) {
    let mut chain: Vec<(Option<&str>, usize)> = Vec::new();
    let mut cur = Some(root);
    while let Some(i) = cur {
        let n = &tree.nodes[i];
        let (msg, next) = if let Some(c) = n.cause {
            (Some(CAUSE_MESSAGE), Some(c))
        } else if let (Some(c), false) = (n.context, n.suppress_context) {
            (Some(CONTEXT_MESSAGE), Some(c))
        } else {
            (None, None)
        };
        chain.push((msg, i));
        cur = next;
    }
    for &(msg, i) in chain.iter().rev() {
        if let Some(m) = msg {
            ctx.emit(m);
        }
        let n = &tree.nodes[i];
        match &n.exceptions {
            None => {
                if !n.stack.is_empty() {
                    ctx.emit("Traceback (most recent call last):\n");
                    ctx.emit(&format_stack(tree, &n.stack));
                }
                ctx.emit(&format_exception_only(n));
            }
            Some(_) if ctx.depth > MAX_GROUP_DEPTH => {
                ctx.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
            }
            Some(members) => {
                let toplevel = ctx.depth == 0;
                if toplevel {
                    ctx.depth += 1;
                }
                if !n.stack.is_empty() {
                    ctx.emit_with(
                        "Exception Group Traceback (most recent call last):\n",
                        if toplevel { '+' } else { '|' },
                    );
                    ctx.emit(&format_stack(tree, &n.stack));
                }
                ctx.emit(&format_exception_only(n));
                let num = members.len();
                let shown = if num <= MAX_GROUP_WIDTH { num } else { MAX_GROUP_WIDTH + 1 };
                ctx.need_close = false;
                for k in 0..shown {
                    let last = k == shown - 1;
                    if last {
                        ctx.need_close = true;
                    }
                    let truncated = k >= MAX_GROUP_WIDTH;
                    let title = if truncated { "...".to_string() } else { (k + 1).to_string() };
                    let line = format!(
                        "{}{}+---------------- {title} ----------------\n",
                        ctx.indent(),
                        if k == 0 { "+-" } else { "  " }
                    );
                    ctx.out.push_str(&line);
                    ctx.depth += 1;
                    if !truncated {
                        format_node(tree, members[k], ctx);
                    } else {
                        let remaining = num - MAX_GROUP_WIDTH;
                        ctx.emit(&format!(
                            "and {remaining} more exception{}\n",
                            if remaining > 1 { "s" } else { "" }
                        ));
                    }
                    if last && ctx.need_close {
                        let line = format!("{}+------------------------------------\n", ctx.indent());
                        ctx.out.push_str(&line);
                        ctx.need_close = false;
                    }
                    ctx.depth -= 1;
                }
                if toplevel {
                    ctx.depth = 0;
                }
            }
        }
    }
}

impl Tree {
    /// What `traceback.format_exception(..., limit=, chain=)` leaves out:
    /// with `chain` false every cause and context; with a `limit` each
    /// traceback keeps its outermost `limit` frames (innermost `-limit`
    /// when negative).
    pub fn restrict(&mut self, limit: Option<i64>, chain: bool) {
        for n in &mut self.nodes {
            if !chain {
                n.cause = None;
                n.context = None;
            }
            // The stack is innermost first.
            match limit {
                Some(l) if l >= 0 => {
                    let drop = n.stack.len().saturating_sub(l as usize);
                    n.stack.drain(..drop);
                }
                Some(l) => n.stack.truncate(l.unsigned_abs() as usize),
                None => {}
            }
        }
    }

    /// How C prints an unraisable exception: no chain, no carets.
    pub fn unraisable(&mut self) {
        self.restrict(None, false);
        self.carets = false;
    }

    /// The root exception's last lines (`format_exception_only`).
    pub fn exception_only(&self) -> String {
        format_exception_only(&self.nodes[0])
    }
}

/// The whole report text.
pub fn format(tree: &Tree) -> String {
    let mut ctx = Ctx { depth: 0, need_close: false, out: String::new() };
    format_node(tree, 0, &mut ctx);
    ctx.out
}
