//! Finds the program's line numbers in tracebacks and SyntaxError reports
//! (`  File "main.py", line 7, in worker`), so the console can link them to
//! the editor and the editor can mark the failing line.

/// The file name the playground's program runs as.
pub const FILENAME: &str = "main.py";

/// The byte span of `line N` and N, if `text` is a traceback line of the
/// program's own file.
pub fn line_ref(text: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let head = format!("File \"{FILENAME}\", ");
    let at = text.find(&head)? + head.len();
    let rest = text[at..].strip_prefix("line ")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let n = rest[..digits].parse().ok()?;
    Some((at..at + 5 + digits, n))
}

/// The line to mark after a failed run: the innermost frame in the
/// program's file (the last such reference in stderr).
pub fn failing_line<'a>(stderr_lines: impl Iterator<Item = &'a str>) -> Option<usize> {
    stderr_lines
        .filter_map(|l| line_ref(l).map(|(_, n)| n))
        .last()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_frame_lines() {
        let l = "  File \"main.py\", line 12, in worker";
        let (span, n) = line_ref(l).unwrap();
        assert_eq!((&l[span], n), ("line 12", 12));
        assert_eq!(line_ref("  File \"<string>\", line 3"), None);
        assert_eq!(line_ref("print('line 3')"), None);
    }

    #[test]
    fn innermost_frame_wins() {
        let tb = "Traceback (most recent call last):\n  File \"main.py\", line 9, in <module>\n    main()\n  File \"main.py\", line 4, in main\n    1/0\nZeroDivisionError: division by zero";
        assert_eq!(failing_line(tb.lines()), Some(4));
        let syn =
            "  File \"main.py\", line 2\n    def f(:\n          ^\nSyntaxError: invalid syntax";
        assert_eq!(failing_line(syn.lines()), Some(2));
    }
}
