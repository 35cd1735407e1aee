//! `_re`: the regular expression engine behind the `re` module
//! (`modules/py/re.py` holds the Python API: Pattern, Match, sub, split...).
//!
//! Two functions: `compile(pattern, flags)` checks a pattern and describes
//! its groups; `match(pattern, flags, string, pos, endpos, mode,
//! must_advance)` returns the span of every group of the first match, or
//! None. Compiled programs and the code points of the last string are
//! cached, so `finditer` over a long text does not re-decode it each time.

mod matcher;
mod parse;

use std::cell::RefCell;
use std::rc::Rc;

use crate::types::builtin_fn;
use crate::value::{Args, PyStr, Value};
use crate::vm::{PyResult, Vm};
use matcher::{Exhausted, Matcher, Mode, UNSET};
use parse::Program;

/// Backtracking steps one match may take before it is abandoned with a
/// RuntimeError (CPython would keep going, freezing the page).
const STEP_LIMIT: u64 = 20_000_000;

thread_local! {
    static PROGRAMS: RefCell<Vec<(String, i64, Rc<Program>)>> = const { RefCell::new(Vec::new()) };
    static TEXT: RefCell<Option<(Rc<PyStr>, Rc<Vec<char>>)>> = const { RefCell::new(None) };
}

pub fn make(vm: &mut Vm) -> Value {
    let (m, v) = vm.new_module("_re");
    let mut g = m.globals.borrow_mut();
    g.set_str("compile", builtin_fn("compile", compile));
    g.set_str("match", builtin_fn("match", do_match));
    drop(g);
    v
}

fn str_arg(vm: &mut Vm, args: &Args, i: usize) -> PyResult<Rc<PyStr>> {
    match args.pos.get(i) {
        Some(Value::Str(s)) => Ok(s.clone()),
        other => {
            let t = other.map(|v| vm.type_name(v)).unwrap_or_else(|| "nothing".into());
            Err(vm.type_error(format!("expected string or bytes-like object, got '{t}'")))
        }
    }
}

fn int_arg(args: &Args, i: usize) -> i64 {
    match args.pos.get(i) {
        Some(Value::Int(n)) => *n,
        Some(Value::Bool(b)) => *b as i64,
        _ => 0,
    }
}

fn program(pattern: &str, flags: i64) -> Result<Rc<Program>, parse::ReError> {
    let hit = PROGRAMS.with(|p| {
        p.borrow().iter().find(|(s, f, _)| s == pattern && *f == flags).map(|(_, _, prog)| prog.clone())
    });
    if let Some(p) = hit {
        return Ok(p);
    }
    let prog = Rc::new(parse::compile(pattern, flags)?);
    PROGRAMS.with(|p| {
        let mut p = p.borrow_mut();
        if p.len() >= 64 {
            p.remove(0);
        }
        p.push((pattern.to_string(), flags, prog.clone()));
    });
    Ok(prog)
}

/// `compile(pattern, flags)` → `(True, groups, [(name, index)...], flags)`
/// or `(False, message, position-or-None)` for `re.error`.
fn compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pattern = str_arg(vm, &args, 0)?;
    let flags = int_arg(&args, 1);
    Ok(match program(&pattern.s, flags) {
        Ok(p) => {
            let names = p
                .names
                .iter()
                .map(|(n, g)| Value::tuple(vec![Value::str(n), Value::Int(*g as i64)]))
                .collect();
            Value::tuple(vec![Value::Bool(true), Value::Int(p.groups as i64), Value::list(names), Value::Int(p.flags)])
        }
        Err(e) => Value::tuple(vec![
            Value::Bool(false),
            Value::string(e.msg),
            e.pos.map(|p| Value::Int(p as i64)).unwrap_or(Value::None),
        ]),
    })
}

fn chars_of(s: &Rc<PyStr>) -> Rc<Vec<char>> {
    TEXT.with(|t| {
        let mut t = t.borrow_mut();
        if let Some((k, chars)) = &*t {
            if Rc::ptr_eq(k, s) {
                return chars.clone();
            }
        }
        let chars = Rc::new(s.s.chars().collect::<Vec<char>>());
        *t = Some((s.clone(), chars.clone()));
        chars
    })
}

/// `match(pattern, flags, string, pos, endpos, mode, must_advance)`:
/// mode 0 = match, 1 = fullmatch, 2 = search. Returns a tuple of
/// `2 * (groups + 1)` positions (-1 for a group that did not take part).
fn do_match(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pattern = str_arg(vm, &args, 0)?;
    let flags = int_arg(&args, 1);
    let text = str_arg(vm, &args, 2)?;
    let prog = match program(&pattern.s, flags) {
        Ok(p) => p,
        Err(e) => return Err(vm.value_error(e.msg)),
    };
    let chars = chars_of(&text);
    let len = chars.len() as i64;
    let pos = int_arg(&args, 3).clamp(0, len) as usize;
    let endpos = int_arg(&args, 4).clamp(0, len) as usize;
    let mode = match int_arg(&args, 5) {
        0 => Mode::Match,
        1 => Mode::FullMatch,
        _ => Mode::Search,
    };
    let must_advance = int_arg(&args, 6) != 0;
    if pos > endpos {
        return Ok(Value::None);
    }
    let mut m = Matcher::new(&prog, &chars, endpos, STEP_LIMIT);
    match m.find(pos, mode, must_advance) {
        Ok(true) => {
            let n = 2 * (prog.groups + 1);
            let spans = m.slots[..n]
                .chunks(2)
                .flat_map(|p| {
                    let ok = p[0] != UNSET && p[1] != UNSET;
                    let f = |x: usize| Value::Int(if ok { x as i64 } else { -1 });
                    [f(p[0]), f(p[1])]
                })
                .collect();
            Ok(Value::tuple(spans))
        }
        Ok(false) => Ok(Value::None),
        Err(Exhausted::Steps) => Err(vm.runtime_error(&format!(
            "regular expression gave up after {STEP_LIMIT} backtracking steps (the pattern backtracks catastrophically on this text)"
        ))),
        Err(Exhausted::Memory) => Err(vm.new_error("MemoryError", "regular expression backtracking used too much memory")),
    }
}
