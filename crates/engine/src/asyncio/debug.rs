//! asyncio's debug mode (`asyncio.run(main(), debug=True)`,
//! `loop.set_debug(True)`), as CPython 3.13 shows it on stderr:
//!
//! - where Futures, Tasks, Handles and coroutines were created: a source
//!   traceback recorded at creation (`format_helpers.extract_stack`, at
//!   most `DEBUG_STACK_DEPTH` frames), shown as `created at FILE:LINE` in
//!   reprs, as `source_traceback: Object created at ...` by the exception
//!   handler and as `Coroutine created at ...` in never-awaited warnings;
//! - the slow-callback warning of `BaseEventLoop._run_once`: a callback or
//!   task step that took at least `loop.slow_callback_duration` seconds
//!   logs `Executing <Task ...> took 0.500 seconds`. The clock is virtual,
//!   so only blocking calls (`time.sleep`) take time and the figure is
//!   exact.
//!
//! The loop's own machinery is native code here, so a recorded stack holds
//! the program's frames (those parked in `asyncio.run()` first) and those
//! of the Python half of asyncio (`<asyncio>`), never CPython's
//! `runners.py`/`base_events.py` frames.

use std::rc::Rc;

use super::events::{Callback, Handle};
use crate::trace::{EventKind, Stream, WarningKind};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `asyncio.constants.DEBUG_STACK_DEPTH`.
pub const DEBUG_STACK_DEPTH: usize = 10;

/// `loop.slow_callback_duration` of a new loop.
pub const SLOW_CALLBACK_DURATION: f64 = 0.1;

/// One frame of a recorded stack (`traceback.FrameSummary` without the line).
#[derive(Clone, Debug)]
pub struct StackEntry {
    pub filename: Rc<str>,
    pub lineno: u32,
    pub name: Rc<str>,
}

/// A recorded stack, outermost frame first.
pub type SourceTb = Rc<[StackEntry]>;

/// A callback being timed: when it started and what it runs.
pub struct SlowCheck {
    pub t0: f64,
    pub handle: Handle,
}

impl Vm {
    /// The Python frames running now, outermost first, at most the
    /// innermost `DEBUG_STACK_DEPTH` (while the loop runs a task, the
    /// program frames parked in `asyncio.run()` come first, as the frames
    /// under CPython's loop do).
    pub(crate) fn extract_stack(&self) -> SourceTb {
        let parked: &[Box<crate::vm::Frame>] =
            if self.aio.active && self.aio.current_worker.is_none() { &self.aio.parked } else { &[] };
        let n = parked.len() + self.frames.len();
        parked
            .iter()
            .chain(self.frames.iter())
            .skip(n.saturating_sub(DEBUG_STACK_DEPTH))
            .map(|f| StackEntry {
                filename: f.code.filename.clone(),
                lineno: f.code.line_at(f.ip.saturating_sub(1)),
                name: f.code.name.clone(),
            })
            .collect()
    }

    /// The stack to record for a new object: only in debug mode.
    pub(crate) fn debug_source_tb(&self) -> Option<SourceTb> {
        if self.aio.debug && self.aio.active {
            Some(self.extract_stack())
        } else {
            None
        }
    }

    /// A line of the program's own file, stripped (the only file whose
    /// lines CPython's linecache would find for us).
    pub(crate) fn program_source_line(&self, filename: &str, lineno: u32) -> Option<String> {
        if filename != &*self.filename || lineno == 0 {
            return None;
        }
        let l = self.source.lines().nth(lineno as usize - 1)?.trim();
        if l.is_empty() {
            None
        } else {
            Some(l.to_string())
        }
    }

    /// `traceback.format_list()` of a recorded stack: one `File` line per
    /// frame and its source line where known.
    pub(crate) fn format_stack_entries(&self, tb: &[StackEntry]) -> String {
        let mut out = String::new();
        for e in tb {
            out.push_str(&format!("  File \"{}\", line {}, in {}\n", e.filename, e.lineno, e.name));
            if let Some(l) = self.program_source_line(&e.filename, e.lineno) {
                out.push_str(&format!("    {l}\n"));
            }
        }
        out
    }

    /// `loop.slow_callback_duration` (an attribute the program may set).
    fn slow_callback_duration(&mut self) -> f64 {
        let lp = self.loop_object();
        let v = lp.as_obj().and_then(|o| o.dict.borrow().get("slow_callback_duration").cloned());
        match v.and_then(|v| crate::vm::to_num(&v)) {
            Some(n) => self.float_of(&n).unwrap_or(SLOW_CALLBACK_DURATION),
            None => SLOW_CALLBACK_DURATION,
        }
    }

    /// Starts timing a callback (debug mode only; worker lanes are threads,
    /// not callbacks, and are not timed).
    pub(crate) fn start_slow_check(&mut self, h: &Handle) {
        if self.aio.debug && matches!(h.callback, Callback::Step { .. } | Callback::Call { .. }) {
            self.aio.slow_check = Some(SlowCheck { t0: self.clock, handle: h.clone() });
        }
    }

    /// The timed callback ended (a task step ends when its frames finish):
    /// warn if it took `slow_callback_duration` or longer.
    pub(crate) fn finish_slow_check(&mut self) {
        let Some(check) = self.aio.slow_check.take() else { return };
        let dt = self.clock - check.t0;
        if dt < self.slow_callback_duration() {
            return;
        }
        // `_format_handle`: a task's step or wakeup shows the task.
        let task = match &check.handle.callback {
            Callback::Step { task, .. } => Some(task.clone()),
            Callback::Call { func: Value::Builtin(b), .. } if b.name == "task_wakeup" => b.bound.clone(),
            _ => None,
        };
        let what = match &task {
            Some(t) => self.repr(t).unwrap_or_default(),
            None => self.handle_repr(&check.handle),
        };
        let message = format!("Executing {what} took {dt:.3} seconds");
        let (id, line) = match &task {
            Some(t) => {
                let coro = super::tasks::with_task(t, |c| c.coro.clone()).unwrap_or(Value::None);
                (Some(self.task_id(t)), self.suspended_line(&coro))
            }
            None => (None, None),
        };
        self.trace.push(self.clock, EventKind::Warning { kind: WarningKind::SlowCallback, task: id, line, message: message.clone() });
        self.write(Stream::Stderr, &format!("{message}\n"));
    }

    /// `repr()` of a Handle / TimerHandle.
    pub(crate) fn handle_repr(&mut self, h: &Handle) -> String {
        let when = h.when;
        let mut info = vec![if when.is_some() { "TimerHandle" } else { "Handle" }.to_string()];
        let cancelled = h.cancelled.get();
        if cancelled {
            info.push("cancelled".into());
        }
        if let Some(w) = when {
            info.push(format!("when={}", crate::format::float_repr(w)));
        }
        // A cancelled handle forgets its callback; debug mode keeps the
        // repr it had (`Handle.cancel` stores `_repr`), so show it there.
        if !cancelled || self.aio.debug {
            if let Callback::Call { func, args } = &h.callback {
                let (func, args) = (func.clone(), args.clone());
                info.push(self.callback_source(&func, &args));
            }
        }
        if let Some(e) = h.source.as_ref().and_then(|tb| tb.last()) {
            info.push(format!("created at {}:{}", e.filename, e.lineno));
        }
        format!("<{}>", info.join(" "))
    }

    /// `format_helpers._format_callback_source(func, args, debug=...)`:
    /// the callable's qualified name, the arguments (only in debug mode)
    /// and where a Python function is defined.
    pub(crate) fn callback_source(&mut self, func: &Value, args: &[Value]) -> String {
        let args = if self.aio.debug {
            let reprs: Vec<String> = args.iter().map(|a| self.reprlib_repr(a)).collect();
            format!("({})", reprs.join(", "))
        } else {
            "()".to_string()
        };
        self.callback_with_args(func, &args)
    }

    /// The same without arguments (a future's `cb=[...]`).
    pub(crate) fn callback_source_plain(&mut self, func: &Value) -> String {
        self.callback_with_args(func, "()")
    }

    fn callback_with_args(&mut self, func: &Value, args: &str) -> String {
        if let Value::Str(s) = func {
            return s.s.clone();
        }
        let mut s = self.callback_name(func);
        s.push_str(args);
        if let Value::Function(f) = func {
            s.push_str(&format!(" at {}:{}", f.code.filename, f.code.first_line));
        }
        s
    }

    /// A callback's `__qualname__` (else `__name__`, else its repr).
    fn callback_name(&mut self, func: &Value) -> String {
        if let Value::Builtin(b) = func {
            return match b.owner {
                Some(o) if b.bound.is_some() => format!("{o}.{}", b.name),
                _ => b.name.to_string(),
            };
        }
        for attr in ["__qualname__", "__name__"] {
            if let Ok(Some(q)) = self.getattr_opt(func, attr) {
                let s = self.str_of(&q).unwrap_or_default();
                if !s.is_empty() {
                    return s;
                }
            }
        }
        self.repr(func).unwrap_or_default()
    }

    /// `reprlib.repr()` with its default limits: long strings and numbers
    /// are cut in the middle, containers show their first few items.
    pub(crate) fn reprlib_repr(&mut self, v: &Value) -> String {
        self.reprlib_level(v, 6)
    }

    fn reprlib_level(&mut self, v: &Value, level: usize) -> String {
        fn cut(s: &str, max: usize) -> String {
            let chars: Vec<char> = s.chars().collect();
            if chars.len() <= max {
                return s.to_string();
            }
            let i = (max - 3) / 2;
            let j = max - 3 - i;
            let head: String = chars[..i].iter().collect();
            let tail: String = chars[chars.len() - j..].iter().collect();
            format!("{head}...{tail}")
        }
        match v {
            Value::Str(_) => {
                let s = self.str_of(v).unwrap_or_default();
                let chars: Vec<char> = s.chars().collect();
                let short: String = chars.iter().take(30).collect();
                let r = self.repr(&Value::string(short)).unwrap_or_default();
                if r.chars().count() <= 30 {
                    return r;
                }
                let (i, j) = (13, 14);
                let kept: String = chars[..i.min(chars.len())].iter().chain(chars[chars.len().saturating_sub(j)..].iter()).collect();
                let r = self.repr(&Value::string(kept)).unwrap_or_default();
                let rc: Vec<char> = r.chars().collect();
                let head: String = rc[..i.min(rc.len())].iter().collect();
                let tail: String = rc[rc.len().saturating_sub(j)..].iter().collect();
                format!("{head}...{tail}")
            }
            Value::Int(_) | Value::BigInt(_) => cut(&self.repr(v).unwrap_or_default(), 40),
            Value::List(l) => {
                let items: Vec<Value> = l.borrow().clone();
                self.reprlib_seq(&items, level, "[", "]", false)
            }
            Value::Tuple(t) => {
                let items: Vec<Value> = t.to_vec();
                self.reprlib_seq(&items, level, "(", ")", true)
            }
            Value::Dict(d) => {
                let items: Vec<(Value, Value)> = d.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                if items.is_empty() {
                    return "{}".into();
                }
                if level == 0 {
                    return "{...}".into();
                }
                let mut keys: Vec<(Value, Value)> = items;
                sort_if_uniform(&mut keys);
                let n = keys.len();
                let mut pieces: Vec<String> = keys
                    .iter()
                    .take(4)
                    .map(|(k, v)| format!("{}: {}", self.reprlib_level(k, level - 1), self.reprlib_level(v, level - 1)))
                    .collect();
                if n > 4 {
                    pieces.push("...".into());
                }
                format!("{{{}}}", pieces.join(", "))
            }
            _ => cut(&self.repr(v).unwrap_or_default(), 30),
        }
    }

    fn reprlib_seq(&mut self, items: &[Value], level: usize, left: &str, right: &str, tuple: bool) -> String {
        if level == 0 && !items.is_empty() {
            return format!("{left}...{right}");
        }
        let mut pieces: Vec<String> = items.iter().take(6).map(|x| self.reprlib_level(x, level.saturating_sub(1))).collect();
        if items.len() > 6 {
            pieces.push("...".into());
        }
        let trail = if tuple && items.len() == 1 { "," } else { "" };
        format!("{left}{}{trail}{right}", pieces.join(", "))
    }

    /// The `source_traceback` a context dict shows for a recorded stack:
    /// a list of `FrameSummary` objects (built by the Python half).
    pub(crate) fn frame_summaries(&mut self, tb: &[StackEntry]) -> PyResult<Value> {
        let rows: Vec<Value> = tb
            .iter()
            .map(|e| {
                let line = self.program_source_line(&e.filename, e.lineno).unwrap_or_default();
                Value::tuple(vec![Value::str(&e.filename), Value::Int(e.lineno as i64), Value::str(&e.name), Value::string(line)])
            })
            .collect();
        let list = Value::list(rows);
        match self.asyncio_global("_frame_summaries") {
            Some(f) => self.call(f, vec![list]),
            None => Ok(list),
        }
    }
}

/// reprlib's `_possibly_sorted`: keys sorted when they compare (here: all
/// ints or all strings), insertion order otherwise.
fn sort_if_uniform(items: &mut [(Value, Value)]) {
    if items.iter().all(|(k, _)| matches!(k, Value::Int(_))) {
        crate::sort::sort_by(items, |(a, _), (b, _)| match (a, b) {
            (Value::Int(x), Value::Int(y)) => x.cmp(y),
            _ => std::cmp::Ordering::Equal,
        });
    } else if items.iter().all(|(k, _)| matches!(k, Value::Str(_))) {
        crate::sort::sort_by(items, |(a, _), (b, _)| match (a, b) {
            (Value::Str(x), Value::Str(y)) => x.s.cmp(&y.s),
            _ => std::cmp::Ordering::Equal,
        });
    }
}
