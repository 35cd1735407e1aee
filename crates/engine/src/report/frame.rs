//! One traceback frame: `File "...", line N, in name`, its source lines and
//! the caret line, ported from CPython 3.13's
//! `traceback.StackSummary.format_frame_summary` (the same dedent, anchor
//! search by re-parsing the segment, and display-width arithmetic).

use looplab_parser::ast::{Expr, ExprKind, StmtKind};

use super::width::is_wide;

/// A frame to render. `pos` is the instruction's span (`col`s are 0-based
/// character offsets); `None` when there is no column information.
pub struct FrameInfo<'a> {
    pub filename: &'a str,
    pub lineno: u32,
    pub name: &'a str,
    pub source: &'a str,
    pub end_lineno: u32,
    pub col: Option<(usize, usize)>,
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn display_width(line: &[char], offset: usize) -> usize {
    line.iter().take(offset).map(|&c| if is_wide(c) { 2 } else { 1 }).sum::<usize>()
        + offset.saturating_sub(line.len())
}

/// Python's `str.strip()`/`rstrip()`/`lstrip()` whitespace.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Python's `str.splitlines()` boundaries.
fn py_splitlines(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '\r' => {
                if it.peek() == Some(&'\n') {
                    it.next();
                }
                out.push(std::mem::take(&mut cur));
            }
            '\n' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                out.push(std::mem::take(&mut cur));
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// `textwrap.dedent` over `\n`-separated text (whitespace-only lines become
/// empty; the longest common leading run of spaces/tabs is removed).
pub fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut margin: Option<&str> = None;
    for l in &lines {
        let indent_len = l.len() - l.trim_start_matches([' ', '\t']).len();
        if indent_len == l.len() {
            continue; // blank
        }
        let indent = &l[..indent_len];
        margin = Some(match margin {
            None => indent,
            Some(m) => {
                let common = m.bytes().zip(indent.bytes()).take_while(|(a, b)| a == b).count();
                &m[..common]
            }
        });
    }
    let m = margin.unwrap_or("").len();
    lines
        .iter()
        .map(|l| if l.trim_start_matches([' ', '\t']).is_empty() { "" } else { &l[m..] })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The lines of `source` (1-based `n`), like `linecache.getline(...).rstrip()`.
fn source_line(source: &str, n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    source.split('\n').nth(n as usize - 1).unwrap_or("").trim_end_matches(is_py_space).to_string()
}

struct Anchors {
    left_end_lineno: usize,
    left_end_offset: usize,
    right_start_lineno: usize,
    right_start_offset: usize,
}

/// `_extract_caret_anchors_from_line_segment`.
fn caret_anchors(segment: &str) -> Option<Anchors> {
    let wrapped = format!("(\n{segment}\n)");
    let module = looplab_parser::parse_module(&wrapped).ok()?;
    if module.body.len() != 1 {
        return None;
    }
    let lines: Vec<Vec<char>> = py_splitlines(segment).iter().map(|l| chars(l)).collect();
    let next_valid = |mut ln: usize, mut col: usize| -> Option<(usize, usize)> {
        while ln < lines.len() && col >= lines[ln].len() {
            col = 0;
            ln += 1;
        }
        if ln < lines.len() && col < lines[ln].len() {
            Some((ln, col))
        } else {
            None
        }
    };
    let increment_until = |mut ln: usize, mut col: usize, stop: &dyn Fn(char) -> bool| -> Option<(usize, usize)> {
        loop {
            let ch = *lines.get(ln)?.get(col)?;
            if ch == '\\' || ch == '#' {
                (ln, col) = next_valid(ln + 1, 0)?;
            } else if !stop(ch) {
                (ln, col) = next_valid(ln, col + 1)?;
            } else {
                return Some((ln, col));
            }
        }
    };
    // End of `e` in segment coordinates (the wrapper adds one line).
    let end_of = |e: &Expr| -> Option<(usize, usize)> {
        Some(((e.span.end_line as usize).checked_sub(2)?, e.span.end_col as usize))
    };
    let StmtKind::Expr(expr) = &module.body[0].kind else { return None };
    match &expr.kind {
        ExprKind::BinOp { left, right, .. } => {
            let (l, c) = end_of(left)?;
            let (l, c) = next_valid(l, c)?;
            let (ln, col) = increment_until(l, c, &|x| !is_py_space(x) && x != ')')?;
            let mut right_col = col + 1;
            let line = &lines[ln];
            let right_line = (right.span.line as usize).checked_sub(2)?;
            if right_col < line.len()
                && (right_line > ln || right_col < right.span.col as usize)
                && !is_py_space(line[right_col])
                && line[right_col] != '\\'
                && line[right_col] != '#'
            {
                right_col += 1;
            }
            Some(Anchors { left_end_lineno: ln, left_end_offset: col, right_start_lineno: ln, right_start_offset: right_col })
        }
        ExprKind::Subscript { value: inner, .. } | ExprKind::Call { func: inner, .. } => {
            let open = if matches!(expr.kind, ExprKind::Call { .. }) { '(' } else { '[' };
            let (l, c) = end_of(inner)?;
            let (l, c) = next_valid(l, c)?;
            let (ll, lc) = increment_until(l, c, &|x| x == open)?;
            let (rl, rc) = end_of(expr)?;
            Some(Anchors { left_end_lineno: ll, left_end_offset: lc, right_start_lineno: rl, right_start_offset: rc })
        }
        _ => None,
    }
}

/// UTF-8 byte length of the first `n` chars of `line` (CPython's AST
/// columns are byte offsets and `_should_show_carets` compares them with
/// character offsets).
fn byte_col(line: &str, n: usize) -> usize {
    line.chars().take(n).map(char::len_utf8).sum()
}

/// `_should_show_carets`.
fn should_show_carets(start: usize, end: usize, all_lines: &[String], anchors: bool) -> bool {
    let joined = all_lines.join("\n");
    if let Ok(tree) = looplab_parser::parse_module(&joined) {
        let Some(stmt) = tree.body.first() else { return false };
        let value = match &stmt.kind {
            StmtKind::Return(Some(v)) => match &v.kind {
                ExprKind::Call { func, .. } if matches!(func.kind, ExprKind::Name(_)) => Some(v),
                _ => None,
            },
            StmtKind::Assign { targets, value } => match &value.kind {
                ExprKind::Call { .. } if targets.len() == 1 && matches!(targets[0].kind, ExprKind::Name(_)) => {
                    Some(&**value)
                }
                _ => None,
            },
            _ => None,
        };
        if let Some(v) = value {
            let s = &v.span;
            let first = all_lines.first().map(String::as_str).unwrap_or("");
            let last_ln = (s.end_line as usize).saturating_sub(1);
            let last = all_lines.get(last_ln).map(String::as_str).unwrap_or("");
            if s.line == 1
                && s.end_line as usize == all_lines.len()
                && byte_col(first, s.col as usize) == start
                && byte_col(last, s.end_col as usize) == end
            {
                return false;
            }
        }
    }
    if anchors {
        return true;
    }
    let first = chars(&all_lines[0]);
    let last = chars(all_lines.last().unwrap());
    let before: String = first.iter().take(start).collect();
    let after: String = last.iter().skip(end).collect();
    !before.trim_start_matches(is_py_space).is_empty() || !after.trim_end_matches(is_py_space).is_empty()
}

/// `textwrap.indent(text, prefix, lambda line: True)`.
fn indent_all(text: &str, prefix: &str) -> String {
    let mut out = String::new();
    for l in text.split_inclusive('\n') {
        out.push_str(prefix);
        out.push_str(l);
    }
    out
}

/// The text of one frame, ending in a newline.
pub fn format_frame(f: &FrameInfo) -> String {
    let mut row = format!("  File \"{}\", line {}, in {}\n", f.filename, f.lineno, f.name);
    let end_lineno = f.end_lineno.max(f.lineno);
    let original_lines: Vec<String> = (f.lineno..=end_lineno).map(|n| source_line(f.source, n)).collect();
    let original = original_lines.join("\n") + "\n";
    let dedented = dedent(&original);
    if dedented.trim_matches(is_py_space).is_empty() {
        return row;
    }
    let Some((colno, end_colno)) = f.col else {
        row.push_str(&format!("    {}\n", original_lines[0].trim_matches(is_py_space)));
        return row;
    };
    let first_line = chars(&original_lines[0]);
    let all_lines: Vec<String> = py_splitlines(&dedented).into_iter().take(original_lines.len()).collect();
    if all_lines.is_empty() {
        return row;
    }
    let dedent_chars = first_line.len() - all_lines[0].chars().count();
    let start_offset = colno.saturating_sub(dedent_chars);
    let end_offset = end_colno.saturating_sub(dedent_chars);
    let line_chars: Vec<Vec<char>> = all_lines.iter().map(|l| chars(l)).collect();
    let last_idx = all_lines.len() - 1;
    let dp_start = display_width(&line_chars[0], start_offset);
    let dp_end = display_width(&line_chars[last_idx], end_offset);

    let segment_all: Vec<char> = chars(&all_lines.join("\n"));
    let total = segment_all.len() as isize;
    let seg_end = (total - (line_chars[last_idx].len() as isize - end_offset as isize)).clamp(0, total) as usize;
    let seg_start = start_offset.min(segment_all.len());
    let segment: String = if seg_start < seg_end { segment_all[seg_start..seg_end].iter().collect() } else { String::new() };

    let anchors = caret_anchors(&segment);
    let show_carets = should_show_carets(start_offset, end_offset, &all_lines, anchors.is_some());

    let mut significant: Vec<isize> = vec![0, last_idx as isize];
    let (mut left_off, mut right_off) = (0usize, 0usize);
    if let Some(a) = &anchors {
        left_off = a.left_end_offset;
        right_off = a.right_start_offset;
        if a.left_end_lineno == 0 {
            left_off += start_offset;
        }
        if a.right_start_lineno == 0 {
            right_off += start_offset;
        }
        left_off = display_width(line_chars.get(a.left_end_lineno).map(Vec::as_slice).unwrap_or(&[]), left_off);
        right_off = display_width(line_chars.get(a.right_start_lineno).map(Vec::as_slice).unwrap_or(&[]), right_off);
        for l in [a.left_end_lineno, a.right_start_lineno] {
            let l = l as isize;
            significant.extend([l - 1, l, l + 1]);
        }
    }
    crate::sort::sort(&mut significant);
    significant.dedup();
    significant.retain(|&l| l >= 0 && l < all_lines.len() as isize);

    let mut result = String::new();
    let output_line = |result: &mut String, ln: usize| {
        result.push_str(&all_lines[ln]);
        result.push('\n');
        if !show_carets {
            return;
        }
        let line = &line_chars[ln];
        let num_spaces = line.len() - line.iter().skip_while(|c| is_py_space(**c)).count();
        let num_carets = if ln == last_idx { dp_end } else { display_width(line, line.len()) };
        for col in 0..num_carets {
            let ch = if col < num_spaces || (ln == 0 && col < dp_start) {
                ' '
            } else if let Some(a) = &anchors {
                let after_left = ln > a.left_end_lineno || (ln == a.left_end_lineno && col >= left_off);
                let before_right = ln < a.right_start_lineno || (ln == a.right_start_lineno && col < right_off);
                if after_left && before_right {
                    '^'
                } else {
                    '~'
                }
            } else {
                '^'
            };
            result.push(ch);
        }
        result.push('\n');
    };
    for (i, &ln) in significant.iter().enumerate() {
        if i > 0 {
            let diff = ln - significant[i - 1];
            if diff == 2 {
                output_line(&mut result, (ln - 1) as usize);
            } else if diff > 2 {
                result.push_str(&format!("...<{} lines>...\n", diff - 1));
            }
        }
        output_line(&mut result, ln as usize);
    }
    // `result` ends in "\n"; dedent keeps that final empty piece.
    row.push_str(&indent_all(&dedent(&result), "    "));
    row
}
