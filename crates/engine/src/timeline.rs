//! Views computed from the trace alone: JSON export, Chrome Trace Event
//! export (Perfetto), and the text timeline `looplab timeline` prints.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::trace::{Event, EventKind, Stream, SyncState, TaskState, Trace, WaitOn, WarningKind, WorkerState};

/// `s` as a JSON string literal (the web app's progress files use it too).
pub fn json_str(s: &str) -> String {
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

fn state_name(s: &TaskState) -> &'static str {
    match s {
        TaskState::Running => "running",
        TaskState::Ready => "ready",
        TaskState::Waiting { .. } => "waiting",
        TaskState::Done { .. } => "done",
        TaskState::Failed { .. } => "failed",
        TaskState::Cancelled => "cancelled",
    }
}

fn ids(v: &[u64]) -> String {
    let parts: Vec<String> = v.iter().map(|i| i.to_string()).collect();
    format!("[{}]", parts.join(","))
}

fn opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_else(|| "null".into())
}

fn float(f: f64) -> String {
    crate::format::float_repr(f)
}

/// `{"kind":"queue_get","queue":3}`: what a task waits on.
fn wait_on_json(on: &WaitOn) -> String {
    match on {
        WaitOn::Sleep { until } => format!("{{\"kind\":\"sleep\",\"until\":{}}}", float(*until)),
        WaitOn::Task { task } => format!("{{\"kind\":\"task\",\"task\":{task}}}"),
        WaitOn::Gather { tasks } => format!("{{\"kind\":\"gather\",\"tasks\":{}}}", ids(tasks)),
        WaitOn::Wait { tasks } => format!("{{\"kind\":\"wait\",\"tasks\":{}}}", ids(tasks)),
        WaitOn::TaskGroup { tasks } => format!("{{\"kind\":\"taskgroup\",\"tasks\":{}}}", ids(tasks)),
        WaitOn::QueueGet { queue } => format!("{{\"kind\":\"queue_get\",\"queue\":{queue}}}"),
        WaitOn::QueuePut { queue } => format!("{{\"kind\":\"queue_put\",\"queue\":{queue}}}"),
        WaitOn::QueueJoin { queue } => format!("{{\"kind\":\"queue_join\",\"queue\":{queue}}}"),
        WaitOn::Lock { lock } => format!("{{\"kind\":\"lock\",\"lock\":{lock}}}"),
        WaitOn::Semaphore { semaphore } => format!("{{\"kind\":\"semaphore\",\"semaphore\":{semaphore}}}"),
        WaitOn::Event { event } => format!("{{\"kind\":\"event\",\"event\":{event}}}"),
        WaitOn::Condition { condition } => format!("{{\"kind\":\"condition\",\"condition\":{condition}}}"),
        WaitOn::Barrier { barrier } => format!("{{\"kind\":\"barrier\",\"barrier\":{barrier}}}"),
        WaitOn::Thread { func } => format!("{{\"kind\":\"thread\",\"func\":{}}}", json_str(func)),
        WaitOn::Future { repr } => format!("{{\"kind\":\"future\",\"repr\":{}}}", json_str(repr)),
    }
}

/// A short human description of a wait (timelines, messages).
pub fn describe_wait(on: &WaitOn, names: &BTreeMap<u64, String>) -> String {
    let task = |id: &u64| names.get(id).cloned().unwrap_or_else(|| format!("task {id}"));
    let tasks = |v: &[u64]| v.iter().map(task).collect::<Vec<_>>().join(", ");
    match on {
        WaitOn::Sleep { until } => format!("sleep until t={}", time_label(*until)),
        WaitOn::Task { task: t } => format!("task {}", task(t)),
        WaitOn::Gather { tasks: v } => format!("gather({})", tasks(v)),
        WaitOn::Wait { tasks: v } => format!("wait({})", tasks(v)),
        WaitOn::TaskGroup { tasks: v } => format!("TaskGroup exit: its tasks {}", tasks(v)),
        WaitOn::QueueGet { queue } => format!("Queue.get() on queue #{queue}"),
        WaitOn::QueuePut { queue } => format!("Queue.put() on queue #{queue}"),
        WaitOn::QueueJoin { queue } => format!("Queue.join() on queue #{queue}"),
        WaitOn::Lock { lock } => format!("Lock.acquire() on lock #{lock}"),
        WaitOn::Semaphore { semaphore } => format!("Semaphore.acquire() on semaphore #{semaphore}"),
        WaitOn::Event { event } => format!("Event.wait() on event #{event}"),
        WaitOn::Condition { condition } => format!("Condition.wait() on condition #{condition}"),
        WaitOn::Barrier { barrier } => format!("Barrier.wait() on barrier #{barrier}"),
        WaitOn::Thread { func } => format!("thread running {func}()"),
        WaitOn::Future { repr } => repr.clone(),
    }
}

fn state_json(out: &mut String, state: &TaskState) {
    let _ = write!(out, "\"state\":\"{}\"", state_name(state));
    match state {
        TaskState::Waiting { on, line, deadline } => {
            let _ = write!(out, ",\"on\":{},\"line\":{},\"deadline\":{}", wait_on_json(on), opt(*line), opt(deadline.map(float)));
        }
        TaskState::Done { result } => {
            let _ = write!(out, ",\"result\":{}", json_str(result));
        }
        TaskState::Failed { exception } => {
            let _ = write!(out, ",\"exception\":{}", json_str(exception));
        }
        _ => {}
    }
}

fn sync_state_json(out: &mut String, state: &SyncState) {
    match state {
        SyncState::Lock { locked, owner, waiters } => {
            let _ = write!(out, "\"type\":\"lock\",\"locked\":{locked},\"owner\":{},\"waiters\":{}", opt(*owner), ids(waiters));
        }
        SyncState::Semaphore { value, waiters } => {
            let _ = write!(out, "\"type\":\"semaphore\",\"value\":{value},\"waiters\":{}", ids(waiters));
        }
        SyncState::Event { set, waiters } => {
            let _ = write!(out, "\"type\":\"event\",\"set\":{set},\"waiters\":{}", ids(waiters));
        }
        SyncState::Condition { locked, waiters } => {
            let _ = write!(out, "\"type\":\"condition\",\"locked\":{locked},\"waiters\":{}", ids(waiters));
        }
        SyncState::Barrier { state, count, parties } => {
            let _ = write!(out, "\"type\":\"barrier\",\"state\":{},\"count\":{count},\"parties\":{parties}", json_str(state));
        }
    }
}

/// The trace as a JSON array (schema in ARCHITECTURE.md).
pub fn trace_json(trace: &Trace) -> String {
    let mut out = String::from("[\n");
    for (i, e) in trace.events.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        let _ = write!(out, "{{\"seq\":{},\"t\":{},", e.seq, float(e.t));
        if let Some(task) = e.task {
            let _ = write!(out, "\"in_task\":{task},");
        }
        match &e.kind {
            EventKind::Output { stream, text } => {
                let s = if *stream == Stream::Stdout { "stdout" } else { "stderr" };
                let _ = write!(out, "\"kind\":\"output\",\"stream\":\"{s}\",\"text\":{}", json_str(text));
            }
            EventKind::Blocked { seconds, reason } => {
                let _ = write!(out, "\"kind\":\"blocked\",\"seconds\":{},\"reason\":{}", float(*seconds), json_str(reason));
            }
            EventKind::OutputTruncated => out.push_str("\"kind\":\"output_truncated\""),
            EventKind::TraceTruncated { cap } => {
                let _ = write!(out, "\"kind\":\"trace_truncated\",\"cap\":{cap}");
            }
            EventKind::TaskCreated { task, name, parent, coro, coro_line, line } => {
                let _ = write!(
                    out,
                    "\"kind\":\"task_created\",\"task\":{task},\"name\":{},\"parent\":{},\"coro\":{},\"coro_line\":{coro_line},\"line\":{}",
                    json_str(name),
                    opt(*parent),
                    json_str(coro),
                    opt(*line)
                );
            }
            EventKind::TaskState { task, state } => {
                let _ = write!(out, "\"kind\":\"task_state\",\"task\":{task},");
                state_json(&mut out, state);
            }
            EventKind::TaskRenamed { task, name } => {
                let _ = write!(out, "\"kind\":\"task_renamed\",\"task\":{task},\"name\":{}", json_str(name));
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
                        let _ = write!(out, "\"state\":\"sleeping\",\"until\":{}", float(*until));
                    }
                    WorkerState::Waiting { on } => {
                        let _ = write!(out, "\"state\":\"waiting\",\"on\":{}", json_str(on));
                    }
                    WorkerState::Done => out.push_str("\"state\":\"done\""),
                }
            }
            EventKind::SyncCreated { id, kind, class, name, line } => {
                let n = name.as_deref().map(json_str).unwrap_or_else(|| "null".into());
                let _ = write!(
                    out,
                    "\"kind\":\"sync_created\",\"id\":{id},\"type\":\"{}\",\"class\":{},\"name\":{n},\"line\":{}",
                    kind.name(),
                    json_str(class),
                    opt(*line)
                );
            }
            EventKind::QueueChanged { queue, snapshot: q } => {
                let items: Vec<String> = q.items.iter().map(|i| json_str(i)).collect();
                let _ = write!(
                    out,
                    "\"kind\":\"queue_changed\",\"queue\":{queue},\"items\":[{}],\"size\":{},\"maxsize\":{},\"getters\":{},\"putters\":{},\"unfinished\":{}",
                    items.join(","),
                    q.size,
                    q.maxsize,
                    ids(&q.getters),
                    ids(&q.putters),
                    q.unfinished
                );
            }
            EventKind::SyncChanged { id, state } => {
                let _ = write!(out, "\"kind\":\"sync_changed\",\"id\":{id},");
                sync_state_json(&mut out, state);
            }
            EventKind::Warning { kind, task, line, message } => {
                let k = match kind {
                    WarningKind::NeverAwaited => "never_awaited",
                    WarningKind::ExceptionNeverRetrieved => "exception_never_retrieved",
                    WarningKind::SlowCallback => "slow_callback",
                };
                let _ = write!(
                    out,
                    "\"kind\":\"warning\",\"warning\":\"{k}\",\"task\":{},\"line\":{},\"message\":{}",
                    opt(*task),
                    opt(*line),
                    json_str(message)
                );
            }
        }
        out.push('}');
    }
    out.push_str("\n]\n");
    out
}

/// Per-task state changes, in order, with each task's name.
fn task_histories(events: &[Event]) -> (BTreeMap<u64, String>, Vec<(u64, f64, u64, TaskState)>) {
    let mut names = BTreeMap::new();
    let mut changes = Vec::new();
    for e in events {
        match &e.kind {
            EventKind::TaskCreated { task, name, .. } => {
                names.insert(*task, name.clone());
                changes.push((e.seq, e.t, *task, TaskState::Ready));
            }
            EventKind::TaskRenamed { task, name } => {
                names.insert(*task, name.clone());
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
    push(&mut out, "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":0,\"args\":{\"name\":\"event loop\"}}".to_string());
    for (id, name) in &names {
        push(&mut out, format!("{{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":{id},\"args\":{{\"name\":{}}}}}", json_str(name)));
    }
    let ts = |seq: u64, t: f64| t * 1e6 + seq as f64;
    let mut open: BTreeMap<u64, (f64, TaskState)> = BTreeMap::new();
    for (seq, t, task, state) in &changes {
        let now = ts(*seq, *t);
        if let Some((start, st)) = open.remove(task) {
            let label = state_name(&st);
            let args = match &st {
                TaskState::Waiting { on, .. } => format!(",\"args\":{{\"waiting_on\":{}}}", json_str(&describe_wait(on, &names))),
                _ => String::new(),
            };
            push(&mut out, format!("{{\"name\":\"{label}\",\"ph\":\"X\",\"pid\":1,\"tid\":{task},\"ts\":{start},\"dur\":{}{args}}}", (now - start).max(1.0)));
        }
        let ended = matches!(state, TaskState::Done { .. } | TaskState::Failed { .. } | TaskState::Cancelled);
        if ended {
            let label = state_name(state);
            push(&mut out, format!("{{\"name\":\"{label}\",\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":{task},\"ts\":{now}}}"));
        } else {
            open.insert(*task, (now, state.clone()));
        }
    }
    // Track 0 is the loop: output, and stretches when everything was blocked.
    for e in &trace.events {
        match &e.kind {
            EventKind::Output { text, .. } => {
                push(&mut out, format!("{{\"name\":{},\"ph\":\"i\",\"s\":\"g\",\"pid\":1,\"tid\":0,\"ts\":{}}}", json_str(text.trim_end()), ts(e.seq, e.t)));
            }
            EventKind::Blocked { seconds, reason } => {
                let name = json_str(&format!("blocked: {reason}"));
                push(&mut out, format!("{{\"name\":{name},\"ph\":\"X\",\"pid\":1,\"tid\":0,\"ts\":{},\"dur\":{}}}", ts(e.seq, e.t), seconds * 1e6));
            }
            _ => {}
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
        Some(TaskState::Waiting { .. }) => '-',
        Some(TaskState::Done { .. }) => 'v',
        Some(TaskState::Failed { .. }) => 'x',
        Some(TaskState::Cancelled) => 'c',
    }
}

fn finished(s: &TaskState) -> bool {
    matches!(s, TaskState::Done { .. } | TaskState::Failed { .. } | TaskState::Cancelled)
}

/// A time label: at most 3 decimals, trailing zeros dropped.
fn time_label(t: f64) -> String {
    let s = format!("{t:.3}");
    let s = s.trim_end_matches('0');
    let s = if s.ends_with('.') { format!("{s}0") } else { s.to_string() };
    s
}

/// One scheduler step: the task that ran, and every task's state just
/// before it ran.
struct Column {
    running: u64,
    before: BTreeMap<u64, TaskState>,
}

/// A text timeline: one row per task, one column per scheduler step (a
/// task running). Steps at the same virtual instant share a group headed
/// by that time; groups widen to fit their label, filled with each task's
/// state at the end of the group, so waiting shows as a line through time.
/// Below the grid, each task's story: what it waited on and how it ended.
pub fn text_timeline(trace: &Trace) -> String {
    let (names, changes) = task_histories(&trace.events);
    if names.is_empty() {
        return "(no tasks: the program did not use asyncio)\n".to_string();
    }
    let coros: BTreeMap<u64, String> = trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::TaskCreated { task, coro, .. } => Some((*task, coro.clone())),
            _ => None,
        })
        .collect();
    let mut state: BTreeMap<u64, TaskState> = BTreeMap::new();
    let mut groups: Vec<(f64, Vec<Column>, BTreeMap<u64, TaskState>)> = Vec::new();
    let drop_finished = |state: &mut BTreeMap<u64, TaskState>| state.retain(|_, s| !finished(s));
    let mut open = false;
    for (_, t, task, st) in &changes {
        // Time moved on: the current group ends with the states it left.
        if open && groups.last().map(|g| g.0 != *t).unwrap_or(false) {
            if let Some(g) = groups.last_mut() {
                g.2 = state.clone();
            }
            drop_finished(&mut state);
            open = false;
        }
        if matches!(st, TaskState::Running) {
            if !open {
                groups.push((*t, Vec::new(), BTreeMap::new()));
                open = true;
            }
            if let Some(g) = groups.last_mut() {
                g.1.push(Column { running: *task, before: state.clone() });
            }
            drop_finished(&mut state);
        }
        state.insert(*task, st.clone());
    }
    if open {
        if let Some(g) = groups.last_mut() {
            g.2 = state.clone();
        }
    }
    let label = |id: &u64| match coros.get(id) {
        Some(c) if !c.is_empty() && names.get(id) != Some(c) => format!("{} {c}", names[id]),
        _ => names[id].clone(),
    };
    let width = names.keys().map(|id| label(id).chars().count()).max().unwrap_or(4).max(5);
    let mut header = format!("{:width$}  ", "t (s)");
    let mut rows: Vec<String> = names.keys().map(|id| format!("{:width$}  ", label(id))).collect();
    for (t, cols, after) in &groups {
        let tl = time_label(*t);
        let w = cols.len().max(tl.chars().count());
        header.push('|');
        header.push_str(&format!("{tl:<w$}"));
        for (row, id) in rows.iter_mut().zip(names.keys()) {
            row.push('|');
            for c in cols {
                row.push(if c.running == *id { '#' } else { glyph(c.before.get(id)) });
            }
            let fill = glyph(after.get(id));
            let fill = if fill == '#' { ' ' } else { fill };
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
    out.push_str("one column per task step; steps at the same virtual time share a | group\n\n");
    out.push_str(&task_stories(trace, &names, &changes, &label));
    out
}

/// Per task: the things it waited on, in order (repeats folded), and its end.
fn task_stories(
    trace: &Trace,
    names: &BTreeMap<u64, String>,
    changes: &[(u64, f64, u64, TaskState)],
    label: &dyn Fn(&u64) -> String,
) -> String {
    let sync_names: BTreeMap<u64, String> = trace
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::SyncCreated { id, name: Some(n), .. } => Some((*id, n.clone())),
            _ => None,
        })
        .collect();
    let mut out = String::new();
    for id in names.keys() {
        let mut waits: Vec<(String, usize)> = Vec::new();
        let mut end = None;
        for (_, t, task, st) in changes {
            if task != id {
                continue;
            }
            match st {
                TaskState::Waiting { on, line, .. } => {
                    let mut d = describe_wait(on, names);
                    for (sid, n) in &sync_names {
                        d = d.replace(&format!(" #{sid}"), &format!(" '{n}'"));
                    }
                    if let Some(l) = line {
                        d.push_str(&format!(" (line {l})"));
                    }
                    match waits.last_mut() {
                        Some((last, n)) if *last == d => *n += 1,
                        _ => waits.push((d, 1)),
                    }
                }
                TaskState::Done { result } => end = Some(format!("returned {result} at t={}", time_label(*t))),
                TaskState::Failed { exception } => end = Some(format!("raised {exception} at t={}", time_label(*t))),
                TaskState::Cancelled => end = Some(format!("cancelled at t={}", time_label(*t))),
                _ => {}
            }
        }
        let waits: Vec<String> = waits.into_iter().map(|(d, n)| if n > 1 { format!("{d} ×{n}") } else { d }).collect();
        let _ = writeln!(out, "{}:", label(id));
        if !waits.is_empty() {
            let _ = writeln!(out, "  waited on: {}", waits.join(", "));
        }
        let _ = writeln!(out, "  {}", end.unwrap_or_else(|| "still pending at the end".into()));
    }
    out
}
