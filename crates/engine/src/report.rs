//! Printing uncaught exceptions and syntax errors exactly as CPython 3.13.

use crate::compiler::CompileError;
use crate::trace::Stream;
use crate::value::Value;
use crate::vm::Vm;

mod frame;
mod stdlib_names;
mod tbexc;
mod width;

/// The stderr text of a SyntaxError found while compiling the program.
pub fn syntax_error_text(e: &CompileError, filename: &str) -> String {
    let info = tbexc::SyntaxInfo {
        filename: Some(filename.to_string()),
        lineno: Some(e.line as i64),
        end_lineno: Some(e.end_line as i64),
        text: e.text.as_ref().map(|t| format!("{t}\n")),
        offset: Some(e.col as i64),
        end_offset: Some(e.end_col as i64),
        msg: e.msg.clone(),
    };
    tbexc::format_syntax_error(e.kind, &info)
}

/// Prints an uncaught exception (or handles SystemExit) and returns the exit code.
pub fn report_uncaught(vm: &mut Vm, exc: &Value) -> i32 {
    if vm.exc_matches_name(exc, "SystemExit") {
        let code = vm.stop_value(exc);
        return match code {
            Value::None => 0,
            Value::Int(i) => i as i32,
            Value::Bool(b) => b as i32,
            other => {
                let s = vm.str_of(&other).unwrap_or_default();
                vm.write(Stream::Stderr, &format!("{s}\n"));
                1
            }
        };
    }
    let text = format_exception(vm, exc);
    vm.write(Stream::Stderr, &text);
    // CPython ends by SIGINT, which a shell reports as 128 + 2.
    if vm.exc_matches_name(exc, "KeyboardInterrupt") {
        return 130;
    }
    1
}

/// CPython's `traceback.format_exception(exc)` joined: the chain
/// (causes/contexts first), exception groups boxed, notes, suggestions.
pub fn format_exception(vm: &mut Vm, exc: &Value) -> String {
    let tree = tbexc::build(vm, exc);
    tbexc::format(&tree)
}

/// `traceback.format_exception(exc, limit=limit, chain=chain)` joined.
pub fn format_exception_restricted(vm: &mut Vm, exc: &Value, limit: Option<i64>, chain: bool) -> String {
    let mut tree = tbexc::build(vm, exc);
    tree.restrict(limit, chain);
    tbexc::format(&tree)
}

/// CPython's default `sys.unraisablehook` for an exception escaping a
/// finalizer run for `obj`: its own traceback (or, if it has none, the line
/// running), printed by C, so with no carets and no chained exceptions.
pub fn write_unraisable(vm: &mut Vm, obj: &Value, exc: &Value) {
    if let Some(d) = exc.as_obj().and_then(|o| o.exc()) {
        let mut d = d.borrow_mut();
        if let (true, Some(f)) = (d.traceback.is_empty(), vm.frames.last()) {
            let ip = f.ip.saturating_sub(1);
            d.traceback.push(crate::value::TbEntry { code: f.code.clone(), line: f.code.line_at(ip), ip });
        }
    }
    let r = vm.repr(obj).unwrap_or_default();
    let mut tree = tbexc::build(vm, exc);
    tree.unraisable();
    let tb = tbexc::format(&tree);
    vm.write(Stream::Stderr, &format!("Exception ignored in: {r}\n{tb}"));
}

/// `traceback.format_exception_only(exc)` joined: the last lines of the
/// report, notes included.
pub fn format_exception_only(vm: &mut Vm, exc: &Value) -> String {
    tbexc::build(vm, exc).exception_only()
}

/// `Type: message` as the last traceback line shows it (with the
/// "Did you mean" suggestion).
pub fn exception_line(vm: &mut Vm, exc: &Value) -> String {
    let name = tbexc::type_str(vm, exc);
    let msg = tbexc::exc_str(vm, exc);
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}

/// "Did you mean: 'x'?" for NameError/AttributeError, as 3.13 prints
/// (`traceback._compute_suggestion_error`).
pub fn suggestion(vm: &mut Vm, exc: &Value) -> String {
    let Some(o) = exc.as_obj() else { return String::new() };
    let name = match o.dict.borrow().get("name") {
        Some(Value::Str(s)) => s.s.clone(),
        _ => return String::new(),
    };
    let mut candidates: Vec<String> = Vec::new();
    if vm.exc_matches_name(exc, "AttributeError") {
        // dir(obj): instance attributes and the class's, sorted.
        let Some(obj) = o.dict.borrow().get("obj").cloned() else { return String::new() };
        if let Value::Obj(io) = &obj {
            candidates.extend(io.dict.borrow().iter().map(|(k, _)| k.to_string()));
            if let crate::value::Payload::Module(m) = &io.payload {
                candidates.extend(m.globals.borrow().iter().map(|(k, _)| k.to_string()));
            }
        }
        let cls = match &obj {
            Value::Class(c) => c.clone(),
            other => vm.type_of(other),
        };
        candidates.extend(cls.dict.borrow().iter().map(|(k, _)| k.to_string()));
        for b in &cls.mro {
            candidates.extend(b.dict.borrow().iter().map(|(k, _)| k.to_string()));
        }
        crate::sort::sort(&mut candidates);
        candidates.dedup();
        if !name.starts_with('_') {
            candidates.retain(|c| !c.starts_with('_'));
        }
    } else if vm.exc_matches_name(exc, "NameError") {
        // The innermost frame's locals are gone by now; globals and builtins remain.
        candidates.extend(vm.main.globals.borrow().iter().map(|(k, _)| k.to_string()));
        candidates.extend(vm.builtins.globals.borrow().iter().map(|(k, _)| k.to_string()));
    } else {
        return String::new();
    }
    match best_match(&name, &candidates) {
        Some(m) => format!(". Did you mean: '{m}'?"),
        None => String::new(),
    }
}

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;

/// CPython's `_generate_suggestions`: the closest candidate by a weighted
/// Levenshtein distance, at most a third of the characters changed.
fn best_match(name: &str, candidates: &[String]) -> Option<String> {
    best_match_within(name, candidates, name.chars().count())
}

/// The C-level variant (`_Py_CalculateSuggestions`, used for keyword
/// arguments): no bound from the name's own length.
pub(crate) fn best_match_unbounded(name: &str, candidates: &[String]) -> Option<String> {
    best_match_within(name, candidates, usize::MAX)
}

fn best_match_within(name: &str, candidates: &[String], mut best_distance: usize) -> Option<String> {
    if candidates.len() > MAX_CANDIDATE_ITEMS {
        return None;
    }
    let wrong: Vec<char> = name.chars().collect();
    if wrong.len() > MAX_STRING_SIZE {
        return None;
    }
    let mut suggestion: Option<&String> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let cand: Vec<char> = c.chars().collect();
        let max_distance = ((cand.len() + wrong.len() + 3) * MOVE_COST / 6).min(best_distance.saturating_sub(1));
        let d = levenshtein(&wrong, &cand, max_distance);
        if d > max_distance {
            continue;
        }
        if suggestion.is_none() || d < best_distance {
            suggestion = Some(c);
            best_distance = d;
        }
    }
    suggestion.cloned()
}

fn substitution_cost(a: char, b: char) -> usize {
    if (a as u32) & 31 != (b as u32) & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    // CPython's Py_TOLOWER: ASCII only.
    if a.to_ascii_lowercase() == b.to_ascii_lowercase() {
        return 1;
    }
    MOVE_COST
}

fn levenshtein(a: &[char], b: &[char], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let post = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (mut a, mut b) = (&a[..a.len() - post], &b[..b.len() - post]);
    if a.is_empty() || b.is_empty() {
        return MOVE_COST * (a.len() + b.len());
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(bc, ac);
            distance = row[i];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}
