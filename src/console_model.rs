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
                Some(line) => line.text.push_str(piece),
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
}
