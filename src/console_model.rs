//! The console's lines, built from the engine's trace: text is split into
//! lines, each stamped with the virtual time and the task of the output that
//! started it. The history is bounded; what falls off the top is counted so
//! the console can say how much it dropped.

use std::collections::{HashMap, VecDeque};

use looplab_engine::{Event, EventKind, Stream};

/// Lines kept; older ones are dropped (and counted).
pub const MAX_LINES: usize = 2000;

#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Unique within a run, for keyed rendering.
    pub id: u64,
    /// Index in the trace of the output that started it (time travel
    /// shows the lines started before the cursor).
    pub event: u64,
    pub t: f64,
    pub task: Option<u64>,
    pub stream: Stream,
    pub text: String,
    /// Output is still being appended to this line (no newline yet).
    pub open: bool,
    /// Columns `text` takes in a monospace font (see [`advance`]), kept as
    /// output arrives so wrapping never rescans the text.
    pub cols: usize,
}

impl Line {
    /// Rows the line takes when wrapped at `width` columns (at least one).
    pub fn rows(&self, width: usize) -> usize {
        if width == 0 {
            1
        } else {
            self.cols.div_ceil(width).max(1)
        }
    }
}

/// Which lines to draw when line `i` takes `rows[i]` rows: `top` is the
/// first row in view (None: the end, following new output), `visible` the
/// rows in view, with `overscan` more drawn on each side. Returns the line
/// range and the rows above and below it (stood in for by padding).
pub fn window(rows: &[usize], top: Option<usize>, visible: usize, overscan: usize) -> (std::ops::Range<usize>, usize, usize) {
    let total: usize = rows.iter().sum();
    let start = match top {
        None => total.saturating_sub(visible + overscan),
        Some(t) => t.min(total.saturating_sub(visible)).saturating_sub(overscan),
    };
    let (mut first, mut above) = (0, 0);
    while first < rows.len() && above + rows[first] <= start {
        above += rows[first];
        first += 1;
    }
    let (mut last, mut drawn) = (first, 0);
    while last < rows.len() && drawn < visible + 2 * overscan {
        drawn += rows[last];
        last += 1;
    }
    (first..last, above, total - above - drawn)
}

/// The column after writing `text` from column `col` in a monospace font:
/// an East Asian wide character or an emoji takes two columns, a tab moves
/// to the next multiple of 8 (the browser's tab stops).
pub fn advance(mut col: usize, text: &str) -> usize {
    for c in text.chars() {
        col += match c {
            '\t' => 8 - col % 8,
            '\u{1100}'..='\u{115F}'
            | '\u{2E80}'..='\u{A4CF}'
            | '\u{AC00}'..='\u{D7A3}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FF60}'
            | '\u{FFE0}'..='\u{FFE6}'
            | '\u{1F300}'..='\u{1F64F}'
            | '\u{1F900}'..='\u{1F9FF}'
            | '\u{20000}'..='\u{3FFFD}' => 2,
            _ => 1,
        };
    }
    col
}

/// A notice from the engine rather than program output.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The engine's output cap was reached; later output was not kept.
    OutputCapReached,
}

#[derive(Default)]
pub struct ConsoleModel {
    pub lines: VecDeque<Line>,
    /// Lines dropped from the top of the history.
    pub dropped: u64,
    pub notices: Vec<Notice>,
    task_names: HashMap<u64, String>,
    next_id: u64,
    max_lines: usize,
}

impl ConsoleModel {
    pub fn new() -> ConsoleModel {
        ConsoleModel::with_capacity(MAX_LINES)
    }

    pub fn with_capacity(max_lines: usize) -> ConsoleModel {
        ConsoleModel {
            max_lines,
            ..ConsoleModel::default()
        }
    }

    /// The task's name (`Task-1`, or the `name=` it was given), or "" for
    /// top-level code.
    pub fn task_name(&self, task: Option<u64>) -> &str {
        match task {
            Some(id) => self.task_names.get(&id).map(String::as_str).unwrap_or(""),
            None => "",
        }
    }

    pub fn push(&mut self, event: &Event) {
        match &event.kind {
            EventKind::TaskCreated { task, name, .. } | EventKind::TaskRenamed { task, name } => {
                self.task_names.insert(*task, name.clone());
            }
            EventKind::Output { stream, text } => {
                self.write(event.seq, event.t, event.task, *stream, text)
            }
            EventKind::OutputTruncated => self.notices.push(Notice::OutputCapReached),
            _ => {}
        }
    }

    fn write(&mut self, event: u64, t: f64, task: Option<u64>, stream: Stream, text: &str) {
        for (i, piece) in text.split('\n').enumerate() {
            let newline_before = i > 0;
            if newline_before {
                if let Some(line) = self.open_line(stream, task) {
                    line.open = false;
                } else {
                    // An empty line ("print()").
                    self.add(event, t, task, stream, String::new(), false);
                }
            }
            if piece.is_empty() {
                continue;
            }
            match self.open_line(stream, task) {
                Some(line) => {
                    line.text.push_str(piece);
                    line.cols = advance(line.cols, piece);
                }
                None => self.add(event, t, task, stream, piece.to_string(), true),
            }
        }
    }

    /// How many of the kept lines were started by the first `events` events.
    pub fn lines_before(&self, events: u64) -> usize {
        self.lines.partition_point(|l| l.event < events)
    }

    /// The last line, if output of this stream and task is still being
    /// appended to it.
    fn open_line(&mut self, stream: Stream, task: Option<u64>) -> Option<&mut Line> {
        self.lines
            .back_mut()
            .filter(|l| l.open && l.stream == stream && l.task == task)
    }

    fn add(
        &mut self,
        event: u64,
        t: f64,
        task: Option<u64>,
        stream: Stream,
        text: String,
        open: bool,
    ) {
        if let Some(prev) = self.lines.back_mut() {
            prev.open = false;
        }
        self.lines.push_back(Line {
            id: self.next_id,
            event,
            t,
            task,
            stream,
            cols: advance(0, &text),
            text,
            open,
        });
        self.next_id += 1;
        while self.lines.len() > self.max_lines {
            self.lines.pop_front();
            self.dropped += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(t: f64, task: Option<u64>, stream: Stream, text: &str) -> Event {
        Event {
            seq: 0,
            t,
            task,
            kind: EventKind::Output {
                stream,
                text: text.into(),
            },
        }
    }

    fn texts(m: &ConsoleModel) -> Vec<&str> {
        m.lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn splits_lines_and_keeps_the_first_chunks_time() {
        let mut m = ConsoleModel::new();
        m.push(&Event {
            seq: 0,
            t: 0.0,
            task: None,
            kind: EventKind::TaskCreated {
                task: 2,
                name: "fetch".into(),
                parent: None,
                coro: "fetch".into(),
                coro_line: 1,
                line: Some(5),
            },
        });
        m.push(&out(0.0, Some(2), Stream::Stdout, "a"));
        m.push(&out(0.5, Some(2), Stream::Stdout, "b\n\nc\n"));
        m.push(&out(1.0, None, Stream::Stdout, "d\n"));
        assert_eq!(texts(&m), ["ab", "", "c", "d"]);
        let l = &m.lines[0];
        assert_eq!((l.t, m.task_name(l.task)), (0.0, "fetch"));
        assert_eq!(m.lines[2].t, 0.5);
        assert!(m.lines.iter().all(|l| !l.open));
    }

    #[test]
    fn streams_and_tasks_do_not_share_a_line() {
        let mut m = ConsoleModel::new();
        m.push(&out(0.0, Some(1), Stream::Stdout, "x"));
        m.push(&out(0.0, Some(2), Stream::Stdout, "y"));
        m.push(&out(0.0, Some(2), Stream::Stderr, "z\n"));
        assert_eq!(texts(&m), ["x", "y", "z"]);
        assert_eq!(m.lines[2].stream, Stream::Stderr);
    }

    #[test]
    fn history_is_bounded_and_counts_what_it_dropped() {
        let mut m = ConsoleModel::with_capacity(3);
        for i in 0..10 {
            m.push(&out(i as f64, None, Stream::Stdout, &format!("{i}\n")));
        }
        assert_eq!(texts(&m), ["7", "8", "9"]);
        assert_eq!(m.dropped, 7);
    }

    #[test]
    fn wrapping_counts_columns_as_output_arrives() {
        let mut m = ConsoleModel::new();
        m.push(&out(0.0, None, Stream::Stdout, "abcdefghij"));
        m.push(&out(0.0, None, Stream::Stdout, "klm\n\n"));
        let line = &m.lines[0];
        assert_eq!(line.cols, 13);
        assert_eq!((line.rows(10), line.rows(13), line.rows(5), line.rows(0)), (2, 1, 3, 1));
        // An empty line still takes a row.
        assert_eq!(m.lines[1].rows(10), 1);
        assert_eq!(advance(0, "a\tb"), 9);
        assert_eq!(advance(3, "\t"), 8);
        assert_eq!(advance(0, "日本🎉x"), 7);
    }

    #[test]
    fn the_window_covers_the_rows_in_view() {
        let rows = [1, 3, 1, 1, 2, 1];
        // Following the end: the last lines that fill 2 + 1 rows.
        assert_eq!(window(&rows, None, 2, 1), (4..6, 6, 0));
        // Scrolled to row 3 (inside line 1, rows 1..4): from that line on.
        assert_eq!(window(&rows, Some(3), 2, 0), (1..2, 1, 5));
        assert_eq!(window(&rows, Some(4), 3, 0), (2..5, 4, 1));
        assert_eq!(window(&rows, Some(0), 100, 5), (0..6, 0, 0));
        assert_eq!(window(&[], None, 10, 5), (0..0, 0, 0));
        // Past the end (the history shrank under the reader): the last rows.
        assert_eq!(window(&rows, Some(50), 2, 0), (4..5, 6, 1));
    }
}
