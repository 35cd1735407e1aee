//! Views computed from the trace alone: JSON export, Chrome Trace Event
//! export (Perfetto), and the text timeline `looplab timeline` prints.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::trace::{Event, EventKind, Stream, TaskState, Trace, WorkerState};

fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn state_name(s: &TaskState) -> (&'static str, Option<&str>) {
    match s {
        TaskState::Running => ("running", None),
        TaskState::Ready => ("ready", None),
        TaskState::Waiting(on) => ("waiting", Some(on.as_str())),
        TaskState::Done => ("done", None),
        TaskState::Failed => ("failed", None),
        TaskState::Cancelled => ("cancelled", None),
    }
}

/// The trace as a JSON array (schema in ARCHITECTURE.md).
pub fn trace_json(trace: &Trace) -> String {
    let mut out = String::from("[\n");
    for (i, e) in trace.events.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        let _ = write!(out, "{{\"seq\":{},\"t\":{},", e.seq, crate::format::float_repr(e.t));
        if let Some(task) = e.task {
            let _ = write!(out, "\"in_task\":{task},");
        }
        match &e.kind {
            EventKind::Output { stream, text } => {
                let s = if *stream == Stream::Stdout { "stdout" } else { "stderr" };
                let _ = write!(out, "\"kind\":\"output\",\"stream\":\"{s}\",\"text\":{}", json_str(text));
            }
            EventKind::Blocked { seconds, reason } => {
                let _ = write!(
                    out,
                    "\"kind\":\"blocked\",\"seconds\":{},\"reason\":{}",
                    crate::format::float_repr(*seconds),
                    json_str(reason)
                );
            }
            EventKind::OutputTruncated => out.push_str("\"kind\":\"output_truncated\""),
            EventKind::TaskCreated { task, name, parent } => {
                let p = parent.map(|p| p.to_string()).unwrap_or_else(|| "null".into());
                let _ = write!(out, "\"kind\":\"task_created\",\"task\":{task},\"name\":{},\"parent\":{p}", json_str(name));
            }
            EventKind::TaskState { task, state } => {
                let (s, on) = state_name(state);
                let _ = write!(out, "\"kind\":\"task_state\",\"task\":{task},\"state\":\"{s}\"");
                if let Some(on) = on {
                    let _ = write!(out, ",\"waiting_on\":{}", json_str(on));
                }
            }
            EventKind::CancelRequested { task } => {
                let _ = write!(out, "\"kind\":\"cancel_requested\",\"task\":{task}");
            }
            EventKind::WorkerState { worker, name, state } => {
                let _ = write!(out, "\"kind\":\"worker_state\",\"worker\":{worker},\"name\":{},", json_str(name));
                match state {
                    WorkerState::Started => out.push_str("\"state\":\"started\""),
                    WorkerState::Running => out.push_str("\"state\":\"running\""),
                    WorkerState::Sleeping { until } => {
                        let _ = write!(out, "\"state\":\"sleeping\",\"until\":{}", crate::format::float_repr(*until));
                    }
                    WorkerState::Waiting { on } => {
                        let _ = write!(out, "\"state\":\"waiting\",\"on\":{}", json_str(on));
                    }
                    WorkerState::Done => out.push_str("\"state\":\"done\""),
                }
            }
        }
        out.push('}');
    }
    out.push_str("\n]\n");
    out
}

/// Per-task state changes, in order.
fn task_histories(events: &[Event]) -> (BTreeMap<u64, String>, Vec<(u64, f64, u64, TaskState)>) {
    let mut names = BTreeMap::new();
    let mut changes = Vec::new();
    for e in events {
        match &e.kind {
            EventKind::TaskCreated { task, name, .. } => {
                names.insert(*task, name.clone());
                changes.push((e.seq, e.t, *task, TaskState::Ready));
            }
            EventKind::TaskState { task, state } => changes.push((e.seq, e.t, *task, state.clone())),
            _ => {}
        }
    }
    (names, changes)
}

/// Chrome Trace Event format: one track per task, one slice per state.
/// Steps at the same virtual instant are spread 1 µs apart so their order
/// stays visible.
pub fn perfetto_json(trace: &Trace) -> String {
    let (names, changes) = task_histories(&trace.events);
    let mut out = String::from("{\"traceEvents\":[\n");
    let mut first = true;
    let mut push = |out: &mut String, s: String| {
        if !first {
            out.push_str(",\n");
        }
        first = false;
        out.push_str(&s);
    };
    for (id, name) in &names {
        push(&mut out, format!("{{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":{id},\"args\":{{\"name\":{}}}}}", json_str(name)));
    }
    let ts = |seq: u64, t: f64| t * 1e6 + seq as f64;
    let mut open: BTreeMap<u64, (f64, TaskState)> = BTreeMap::new();
    for (seq, t, task, state) in &changes {
        let now = ts(*seq, *t);
        if let Some((start, st)) = open.remove(task) {
            let (label, on) = state_name(&st);
            let args = on.map(|o| format!(",\"args\":{{\"waiting_on\":{}}}", json_str(o))).unwrap_or_default();
            push(&mut out, format!("{{\"name\":\"{label}\",\"ph\":\"X\",\"pid\":1,\"tid\":{task},\"ts\":{start},\"dur\":{}{args}}}", (now - start).max(1.0)));
        }
        let ended = matches!(state, TaskState::Done | TaskState::Failed | TaskState::Cancelled);
        if ended {
            let (label, _) = state_name(state);
            push(&mut out, format!("{{\"name\":\"{label}\",\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":{task},\"ts\":{now}}}"));
        } else {
            open.insert(*task, (now, state.clone()));
        }
    }
    for e in &trace.events {
        if let EventKind::Output { text, .. } = &e.kind {
            push(&mut out, format!("{{\"name\":{},\"ph\":\"i\",\"s\":\"g\",\"pid\":1,\"tid\":0,\"ts\":{}}}", json_str(text.trim_end()), ts(e.seq, e.t)));
        }
    }
    out.push_str("\n]}\n");
    out
}

/// The glyph for a task's state in one column.
fn glyph(s: Option<&TaskState>) -> char {
    match s {
        None => ' ',
        Some(TaskState::Running) => '#',
        Some(TaskState::Ready) => '.',
        Some(TaskState::Waiting(_)) => '-',
        Some(TaskState::Done) => 'v',
        Some(TaskState::Failed) => 'x',
        Some(TaskState::Cancelled) => 'c',
    }
}

/// A text timeline: one row per task, one column per scheduler step (a
/// task running). Steps at the same virtual instant share a group headed
/// by that time; groups widen to fit their label, filled with each task's
/// state so waiting shows as a line through time.
pub fn text_timeline(trace: &Trace) -> String {
    let (names, changes) = task_histories(&trace.events);
    if names.is_empty() {
        return "(no tasks: the program did not use asyncio)\n".to_string();
    }
    let mut state: BTreeMap<u64, TaskState> = BTreeMap::new();
    // Groups of columns by virtual time; each column is every task's state.
    let mut groups: Vec<(f64, Vec<BTreeMap<u64, TaskState>>)> = Vec::new();
    for (_, t, task, st) in &changes {
        state.insert(*task, st.clone());
        if matches!(st, TaskState::Running) {
            match groups.last_mut() {
                Some((gt, cols)) if *gt == *t => cols.push(state.clone()),
                _ => groups.push((*t, vec![state.clone()])),
            }
        } else if matches!(st, TaskState::Done | TaskState::Failed | TaskState::Cancelled) {
            // A final state shows once, in the column of the step that
            // ended it; later columns leave the finished task blank.
            if let Some((_, cols)) = groups.last_mut() {
                if let Some(last) = cols.last_mut() {
                    last.insert(*task, st.clone());
                }
            }
            state.remove(task);
        }
    }
    let width = names.values().map(|n| n.chars().count()).max().unwrap_or(4).max(5);
    let mut header = format!("{:width$}  ", "t (s)");
    let mut rows: Vec<String> = names.values().map(|n| format!("{:width$}  ", n)).collect();
    for (t, cols) in &groups {
        let label = crate::format::float_repr(*t);
        let w = cols.len().max(label.chars().count());
        header.push('|');
        header.push_str(&format!("{label:<w$}"));
        for (row, id) in rows.iter_mut().zip(names.keys()) {
            row.push('|');
            let mut last = ' ';
            for c in cols {
                last = glyph(c.get(id));
                row.push(last);
            }
            let fill = match last {
                '#' | 'v' | 'x' | 'c' => ' ',
                other => other,
            };
            for _ in cols.len()..w {
                row.push(fill);
            }
        }
    }
    let mut out = header.trim_end().to_string();
    out.push('\n');
    for r in rows {
        out.push_str(r.trim_end());
        out.push('\n');
    }
    out.push_str("\n# running  . ready  - waiting  v done  x failed  c cancelled\n");
    out.push_str("one column per task step; steps at the same virtual time share a | group\n");
    out
}
