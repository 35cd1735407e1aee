//! Printing uncaught exceptions and syntax errors exactly as CPython 3.13.

use crate::compiler::CompileError;
use crate::trace::Stream;
use crate::value::Value;
use crate::vm::Vm;

/// The stderr text of a SyntaxError.
pub fn syntax_error_text(e: &CompileError, filename: &str) -> String {
    let mut s = format!("  File \"{}\", line {}\n", filename, e.line);
    if let Some(text) = &e.text {
        let trimmed = text.trim_start();
        let indent = text.chars().count() - trimmed.chars().count();
        let line = trimmed.trim_end();
        if !line.is_empty() {
            s.push_str(&format!("    {line}\n"));
            let col = (e.col as usize).saturating_sub(1).saturating_sub(indent);
            let width = if e.end_line == e.line && e.end_col > e.col { (e.end_col - e.col) as usize } else { 1 };
            let width = width.min(line.chars().count().saturating_sub(col).max(1));
            s.push_str(&format!("    {}{}\n", " ".repeat(col), "^".repeat(width.max(1))));
        }
    }
    s.push_str(&format!("{}: {}\n", e.kind, e.msg));
    s
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
    let text = format_exception(vm, exc, 0);
    vm.write(Stream::Stderr, &text);
    1
}

/// The full report: chained causes/contexts first, then this exception.
fn format_exception(vm: &mut Vm, exc: &Value, depth: usize) -> String {
    let mut out = String::new();
    let Some(data) = exc.as_obj().and_then(|o| o.exc()) else {
        return out;
    };
    let (cause, context, suppress, tb) = {
        let d = data.borrow();
        (d.cause.clone(), d.context.clone(), d.suppress_context, d.traceback.clone())
    };
    if depth < 50 {
        if let Some(c) = cause {
            out.push_str(&format_exception(vm, &c, depth + 1));
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if let (Some(c), false) = (context, suppress) {
            out.push_str(&format_exception(vm, &c, depth + 1));
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    if !tb.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        for e in tb.iter().rev() {
            out.push_str(&format!("  File \"{}\", line {}, in {}\n", e.code.filename, e.line, e.code.name));
            if let Some(line) = e.code.source.lines().nth(e.line.saturating_sub(1) as usize) {
                let l = line.trim();
                if !l.is_empty() {
                    out.push_str(&format!("    {l}\n"));
                }
            }
        }
    }
    out.push_str(&exception_line(vm, exc));
    out.push('\n');
    if let Some(Value::List(notes)) = exc.as_obj().and_then(|o| o.dict.borrow().get("__notes__").cloned()) {
        for n in notes.borrow().iter() {
            let s = vm.str_of(n).unwrap_or_default();
            out.push_str(&s);
            out.push('\n');
        }
    }
    out
}

/// `Type: message` as the last traceback line shows it.
pub fn exception_line(vm: &mut Vm, exc: &Value) -> String {
    let cls = vm.type_of(exc);
    let name = if cls.module.as_ref() == "builtins" || cls.module.as_ref() == "__main__" {
        cls.qualname.to_string()
    } else {
        format!("{}.{}", cls.module, cls.qualname)
    };
    let msg = match vm.str_of(exc) {
        Ok(m) => m,
        Err(_) => "<exception str() failed>".to_string(),
    };
    let suggestion = crate::report::suggestion(vm, exc);
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}{suggestion}")
    }
}

/// "Did you mean: 'x'?" for NameError/AttributeError, as 3.13 prints.
pub fn suggestion(vm: &mut Vm, exc: &Value) -> String {
    let Some(o) = exc.as_obj() else { return String::new() };
    let name = match o.dict.borrow().get("name") {
        Some(Value::Str(s)) => s.s.clone(),
        _ => return String::new(),
    };
    let mut candidates: Vec<String> = Vec::new();
    if vm.exc_matches_name(exc, "AttributeError") {
        let Some(obj) = o.dict.borrow().get("obj").cloned() else { return String::new() };
        if let Value::Obj(io) = &obj {
            candidates.extend(io.dict.borrow().iter().map(|(k, _)| k.to_string()));
        }
        let cls = match &obj {
            Value::Class(c) => c.clone(),
            other => vm.type_of(other),
        };
        candidates.extend(cls.dict.borrow().iter().map(|(k, _)| k.to_string()));
        for b in &cls.mro {
            candidates.extend(b.dict.borrow().iter().map(|(k, _)| k.to_string()));
        }
    } else if vm.exc_matches_name(exc, "NameError") {
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

/// CPython's suggestion rule: smallest weighted edit distance within a
/// third of the name's length.
fn best_match(name: &str, candidates: &[String]) -> Option<String> {
    let max = (name.len() + 3) * 2 / 6;
    let mut best: Option<(usize, &String)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let d = edit_distance(name, c);
        if d * 2 > max * 2 || d > max {
            continue;
        }
        if best.map(|(bd, _)| d < bd).unwrap_or(true) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c.clone())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = if a[i - 1] == b[j - 1] { 0 } else if a[i - 1].eq_ignore_ascii_case(&b[j - 1]) { 0 } else { 1 };
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}
