//! The checks an exercise lists, read from its `[[check]]` tables and
//! judged against a run. Each failure says what happened in the learner's
//! terms and, where it can, when on the timeline (`Outcome::at`).

use looplab_engine::sort::{sort, sort_by};
use looplab_engine::trace::WarningKind;

use crate::model::{secs, End, Model};
use crate::run::Run;
use crate::source::Facts;
use crate::toml::{Error, Table};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// Every line, in order.
    Exact,
    /// The same lines, in any order.
    AnyOrder,
    /// These lines appear somewhere.
    Contains,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// stdout lines; `None` means "what the reference solution prints".
    Output { mode: Match, lines: Option<Vec<String>> },
    /// At least `count` stdout lines match the glob.
    Pattern { pattern: String, count: usize },
    /// A line matching the glob was printed within a window of virtual time.
    LineTime { pattern: String, after: Option<f64>, before: Option<f64> },
    /// Within this many seconds; `explain_waits` adds the "waits ran one
    /// after another" analysis to the failure (off where that is not the mistake).
    MaxTime { seconds: f64, explain_waits: bool },
    MinTime(f64),
    /// At least `min` tasks whose names match were alive at the same moment.
    Overlap { tasks: String, min: usize },
    /// At least `min` tasks whose names match were created.
    Tasks { name: String, min: usize },
    /// These tasks finished in this order.
    CompletionOrder(Vec<String>),
    /// A task whose name matches ended this way.
    TaskEnd { task: String, end: End },
    NoBlocking,
    /// A queue with a `maxsize` filled up and a `put()` waited for room.
    QueueFull,
    NoNeverAwaited,
    NoUnretrieved,
    Calls(Vec<String>),
    NotCalls(Vec<String>),
    AsyncWith(Vec<String>),
    Syntax(Vec<String>),
    /// No coroutine of the program is called and then dropped.
    AwaitsCoroutines,
}

/// One check as written in `exercise.toml`.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    pub kind: Kind,
    /// The `[[check]]` header's line, for error messages.
    pub line: u32,
    /// The author's extra words, added to the failure message.
    pub hint: Option<String>,
}

/// The verdict on one check.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub passed: bool,
    /// What was checked, as a short phrase ("finishes within 1.1 s").
    pub what: String,
    /// Why it passed or failed, in the learner's terms.
    pub detail: String,
    /// The moment on the timeline the detail points at.
    pub at: Option<f64>,
    /// The source line the detail points at.
    pub line: Option<u32>,
}

const SYNTAX: [&str; 5] = ["await", "async def", "async with", "async for", "except*"];

impl Check {
    pub fn parse(mut t: Table) -> Result<Check, Error> {
        let line = t.line;
        let kind_line = t.line_of("kind");
        let kind = t.str("kind")?;
        let names = |t: &mut Table, key: &str| -> Result<Vec<String>, Error> {
            let v = t.strs(key)?;
            if v.is_empty() {
                return Err(Error { line: t.line_of(key), message: format!("`{key}` is empty") });
            }
            Ok(v)
        };
        let count = |t: &mut Table, key: &str, default: usize| -> Result<usize, Error> {
            match t.opt_int(key)? {
                None => Ok(default),
                Some(n) if n >= 1 => Ok(n as usize),
                Some(_) => Err(Error { line: t.line_of(key), message: format!("`{key}` must be 1 or more") }),
            }
        };
        let seconds = |t: &mut Table| -> Result<f64, Error> {
            let s = t.opt_num("seconds")?;
            s.ok_or_else(|| t.missing("seconds"))
        };
        let k = match kind.as_str() {
            "output" => {
                let mode = match t.opt_str("match")?.as_deref() {
                    None | Some("exact") => Match::Exact,
                    Some("any_order") => Match::AnyOrder,
                    Some("contains") => Match::Contains,
                    Some(m) => {
                        return Err(Error {
                            line: t.line_of("match"),
                            message: format!("`match = \"{m}\"`: expected exact, any_order or contains"),
                        })
                    }
                };
                Kind::Output { mode, lines: t.opt_strs("lines")? }
            }
            "pattern" => Kind::Pattern { pattern: t.str("pattern")?, count: count(&mut t, "count", 1)? },
            "line_time" => {
                let (after, before) = (t.opt_num("after")?, t.opt_num("before")?);
                if after.is_none() && before.is_none() {
                    return Err(Error { line, message: "`line_time` needs `after` or `before`".into() });
                }
                Kind::LineTime { pattern: t.str("pattern")?, after, before }
            }
            "max_time" => Kind::MaxTime { seconds: seconds(&mut t)?, explain_waits: t.opt_bool("explain_waits")?.unwrap_or(true) },
            "min_time" => Kind::MinTime(seconds(&mut t)?),
            "overlap" => Kind::Overlap {
                tasks: t.opt_str("tasks")?.unwrap_or_else(|| "*".into()),
                min: count(&mut t, "min", 2)?,
            },
            "tasks" => Kind::Tasks { name: t.opt_str("name")?.unwrap_or_else(|| "*".into()), min: count(&mut t, "min", 1)? },
            "completion_order" => Kind::CompletionOrder(names(&mut t, "tasks")?),
            "task_end" => {
                let end = match t.str("state")?.as_str() {
                    "done" => End::Done,
                    "failed" => End::Failed,
                    "cancelled" => End::Cancelled,
                    s => {
                        return Err(Error {
                            line: t.line_of("state"),
                            message: format!("`state = \"{s}\"`: expected done, failed or cancelled"),
                        })
                    }
                };
                Kind::TaskEnd { task: t.str("task")?, end }
            }
            "no_blocking" => Kind::NoBlocking,
            "queue_full" => Kind::QueueFull,
            "no_never_awaited" => Kind::NoNeverAwaited,
            "no_unretrieved" => Kind::NoUnretrieved,
            "calls" => Kind::Calls(names(&mut t, "any")?),
            "not_calls" => Kind::NotCalls(names(&mut t, "any")?),
            "async_with" => Kind::AsyncWith(names(&mut t, "any")?),
            "syntax" => {
                let any = names(&mut t, "any")?;
                if let Some(bad) = any.iter().find(|s| !SYNTAX.contains(&s.as_str())) {
                    return Err(Error {
                        line: t.line_of("any"),
                        message: format!("unknown syntax `{bad}`: expected one of {}", SYNTAX.join(", ")),
                    });
                }
                Kind::Syntax(any)
            }
            "awaits_coroutines" => Kind::AwaitsCoroutines,
            other => {
                return Err(Error { line: kind_line, message: format!("unknown check kind `{other}` (see AUTHORING.md)") })
            }
        };
        let hint = t.opt_str("hint")?;
        t.finish(&format!("a `{kind}` check"))?;
        Ok(Check { kind: k, line, hint })
    }

    /// Whether the check needs the reference solution's output.
    pub fn wants_expected_output(&self) -> bool {
        matches!(self.kind, Kind::Output { lines: None, .. })
    }
}

/// Everything a check may look at.
pub struct Ctx<'a> {
    pub run: &'a Run,
    pub model: &'a Model,
    /// None when the source did not parse (the run then shows the SyntaxError).
    pub facts: Option<&'a Facts>,
    /// The reference solution's stdout lines.
    pub expected: &'a [String],
    /// The learner's source.
    pub code: &'a str,
}

fn quote(s: &str) -> String {
    format!("`{s}`")
}

fn or_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// `*` matches any run of characters, `?` any one character.
pub fn glob(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

impl Check {
    pub fn judge(&self, cx: &Ctx) -> Outcome {
        let mut o = self.judge_kind(cx);
        if !o.passed {
            if let Some(h) = &self.hint {
                o.detail = format!("{} {h}", o.detail);
            }
        }
        o
    }

    fn judge_kind(&self, cx: &Ctx) -> Outcome {
        let m = cx.model;
        let pass = |what: String, detail: String| Outcome { passed: true, what, detail, at: None, line: None };
        let fail = |what: String, detail: String, at: Option<f64>| Outcome { passed: false, what, detail, at, line: None };
        let src_fail = |what: String, detail: String, line: Option<u32>| Outcome { passed: false, what, detail, at: None, line };
        match &self.kind {
            Kind::Output { mode, lines } => {
                let want: Vec<&str> = match lines {
                    Some(l) => l.iter().map(String::as_str).collect(),
                    None => cx.expected.iter().map(String::as_str).collect(),
                };
                output(m, *mode, &want)
            }
            Kind::Pattern { pattern, count } => {
                let n = m.stdout.iter().filter(|l| glob(pattern, &l.text)).count();
                let what = format!("prints a line like {}", quote(pattern));
                if n >= *count {
                    pass(what, format!("{n} line(s) of your output look like {}.", quote(pattern)))
                } else if n == 0 {
                    fail(what, format!("No line of your output looks like {}.", quote(pattern)), None)
                } else {
                    fail(what, format!("Only {n} line(s) look like {}; expected at least {count}.", quote(pattern)), None)
                }
            }
            Kind::LineTime { pattern, after, before } => {
                let window = match (after, before) {
                    (Some(a), Some(b)) => format!("between {} and {}", secs(*a), secs(*b)),
                    (Some(a), None) => format!("after {}", secs(*a)),
                    (None, Some(b)) => format!("before {}", secs(*b)),
                    (None, None) => String::new(),
                };
                let what = format!("prints {} {window}", quote(pattern));
                let Some(l) = m.stdout.iter().find(|l| glob(pattern, &l.text)) else {
                    return fail(what, format!("Your program never printed a line like {}.", quote(pattern)), None);
                };
                let ok = after.map_or(true, |a| l.t >= a - 1e-9) && before.map_or(true, |b| l.t <= b + 1e-9);
                let when = format!("{} was printed at {} by {}", quote(&l.text), secs(l.t), m.task_label(l.task));
                if ok {
                    pass(what, format!("{when}."))
                } else {
                    fail(what, format!("{when}; it should come {window}."), Some(l.t))
                }
            }
            Kind::MaxTime { seconds, explain_waits } => max_time(m, *seconds, *explain_waits),
            Kind::MinTime(limit) => {
                let what = format!("takes at least {}", secs(*limit));
                if m.end_time + 1e-9 >= *limit {
                    pass(what, format!("Your program took {}.", secs(m.end_time)))
                } else {
                    fail(what, format!("Your program was over after {}; it should take at least {}.", secs(m.end_time), secs(*limit)), Some(m.end_time))
                }
            }
            Kind::Overlap { tasks, min } => overlap(m, tasks, *min),
            Kind::Tasks { name, min } => {
                let made: Vec<&str> =
                    m.tasks.iter().filter(|t| !m.is_main(t) && glob(name, &t.name)).map(|t| t.name.as_str()).collect();
                let what = if name == "*" { format!("creates at least {min} task(s)") } else { format!("creates {min}+ task(s) named {}", quote(name)) };
                if made.len() >= *min {
                    pass(what, format!("Your program created {} task(s): {}.", made.len(), made.join(", ")))
                } else if made.is_empty() {
                    fail(what, "Your program never created a task besides the main one: every coroutine ran inside main, one await at a time.".into(), None)
                } else {
                    fail(what, format!("Your program created only {} task(s) ({}); expected at least {min}.", made.len(), made.join(", ")), None)
                }
            }
            Kind::CompletionOrder(names) => {
                let what = format!("tasks finish in the order {}", names.join(", "));
                let mut ended: Vec<(&str, f64, usize)> = Vec::new();
                for n in names {
                    match m.tasks.iter().find(|t| &t.name == n) {
                        None => return fail(what, format!("No task named {} was created (name tasks with `create_task(coro, name=...)`).", quote(n)), None),
                        Some(t) => match (t.end, t.end_rank) {
                            (Some((at, _)), Some(rank)) => ended.push((&t.name, at, rank)),
                            _ => return fail(what, format!("Task {} never finished.", quote(n)), None),
                        },
                    }
                }
                sort_by(&mut ended, |x, y| x.2.cmp(&y.2));
                let got: Vec<&str> = ended.iter().map(|e| e.0).collect();
                let story = ended.iter().map(|(n, at, _)| format!("{n} at {}", secs(*at))).collect::<Vec<_>>().join(", ");
                if got.iter().zip(names).all(|(a, b)| a == b) {
                    pass(what, format!("They finished {story}."))
                } else {
                    let first_wrong = got.iter().zip(names).position(|(a, b)| a != b).unwrap_or(0);
                    fail(what, format!("They finished {story}."), Some(ended[first_wrong].1))
                }
            }
            Kind::TaskEnd { task, end } => {
                let what = format!("a task named {} {}", quote(task), end.word());
                let found: Vec<_> = m.tasks.iter().filter(|t| glob(task, &t.name)).collect();
                if found.is_empty() {
                    return fail(what, format!("No task named {} was created (name it with `create_task(coro, name=...)`).", quote(task)), None);
                }
                if let Some(t) = found.iter().find(|t| t.end.map(|e| e.1) == Some(*end)) {
                    let at = t.end.map_or(0.0, |e| e.0);
                    return pass(what, format!("Task {} {} at {}.", t.name, end.word(), secs(at)));
                }
                let t = found[0];
                match t.end {
                    Some((at, how)) => {
                        let asked = match (t.cancel_requested, how) {
                            (Some(c), End::Done) => format!(" even though cancel() was called at {}", secs(c)),
                            _ => String::new(),
                        };
                        fail(what, format!("Task {} {} at {}{asked}.", t.name, how.word(), secs(at)), Some(at))
                    }
                    None => fail(what, format!("Task {} was still pending when the program ended at {}.", t.name, secs(m.end_time)), Some(m.end_time)),
                }
            }
            Kind::NoBlocking => {
                let what = "never blocks the event loop".to_string();
                match m.blocks.iter().find(|b| b.task.is_some()) {
                    None => pass(what, "No call froze the event loop.".into()),
                    Some(b) => fail(
                        what,
                        format!(
                            "At {}, {} called {} and froze the whole event loop for {}: no other task could run meanwhile. Inside a coroutine use `await asyncio.sleep(...)`, or move blocking work off the loop with `asyncio.to_thread`.",
                            secs(b.t), m.task_label(b.task), b.reason, secs(b.seconds)
                        ),
                        Some(b.t),
                    ),
                }
            }
            Kind::QueueFull => queue_full(m),
            Kind::NoNeverAwaited => {
                let what = "awaits every coroutine".to_string();
                match m.stderr.lines().find(|l| l.contains("was never awaited")) {
                    None => pass(what, "Every coroutine your program created was run.".into()),
                    Some(l) => {
                        // The warning comes when the dropped coroutine is collected;
                        // the call that made it is the place to fix.
                        let at = m.warnings.iter().find(|w| w.kind == WarningKind::NeverAwaited).map(|w| w.t);
                        let call = cx.facts.and_then(|f| f.unawaited_coroutine_calls().first().cloned());
                        let place = call.as_ref().map_or(String::new(), |(name, line)| format!(" Line {line} calls {name}() without `await`."));
                        let when = at.map_or(String::new(), |t| format!(" at {}", secs(t)));
                        Outcome {
                            passed: false,
                            what,
                            detail: format!("Python warned{when}: {}.{place} Calling an async function only creates a coroutine object; its body runs when you await it or wrap it in a task.", l.trim()),
                            at,
                            line: call.map(|c| c.1),
                        }
                    }
                }
            }
            Kind::NoUnretrieved => {
                let what = "retrieves every task's exception".to_string();
                let mut lines = m.stderr.lines();
                match lines.position(|l| l.contains("exception was never retrieved")) {
                    None => pass(what, "Every exception raised in a task reached your code.".into()),
                    Some(_) => {
                        let future = lines.next().unwrap_or("");
                        let name = between(future, "name='", "'").unwrap_or("a task");
                        let exc = between(future, "exception=", ">").unwrap_or("an exception");
                        let at = m.tasks.iter().find(|t| t.name == name).and_then(|t| t.end).map(|e| e.0);
                        fail(what, format!("Task {name} failed with {exc}, but nothing ever awaited it, so the error surfaced only as a \"Task exception was never retrieved\" report. Await the task (or gather it) so the exception reaches your code."), at)
                    }
                }
            }
            Kind::Calls(any) => {
                let what = format!("uses {}", or_list(any));
                let Some(f) = cx.facts else { return src_fail(what, "Your code does not parse.".into(), None) };
                match f.first_call(any) {
                    Some((c, line)) => Outcome { line: Some(line), ..pass(what, format!("Line {line} calls {c}.")) },
                    None => src_fail(what, format!("Your code never calls {}.", or_list(any)), None),
                }
            }
            Kind::NotCalls(any) => {
                let what = format!("does not use {}", or_list(any));
                let Some(f) = cx.facts else { return src_fail(what, "Your code does not parse.".into(), None) };
                match f.first_call(any) {
                    Some((c, line)) => src_fail(what, format!("Line {line} calls {c}, which this exercise asks you to avoid."), Some(line)),
                    None => pass(what, format!("Your code does not call {}.", or_list(any))),
                }
            }
            Kind::AsyncWith(any) => {
                let what = format!("uses `async with` on a {}", or_list(any));
                let Some(f) = cx.facts else { return src_fail(what, "Your code does not parse.".into(), None) };
                match f.async_with_on(any) {
                    Some(line) => Outcome { line: Some(line), ..pass(what, format!("Line {line} enters it with `async with`.")) },
                    None => src_fail(what, format!("Your code never enters a {} with `async with`, so nothing guarantees it is released.", or_list(any)), None),
                }
            }
            Kind::Syntax(any) => {
                let what = format!("uses {}", or_list(&any.iter().map(|s| quote(s)).collect::<Vec<_>>()));
                let Some(f) = cx.facts else { return src_fail(what, "Your code does not parse.".into(), None) };
                match any.iter().find(|s| f.syntax.contains(s.as_str())) {
                    Some(s) => pass(what, format!("Your code uses {}.", quote(s))),
                    None => src_fail(what.clone(), format!("Your code never {what}."), None),
                }
            }
            Kind::AwaitsCoroutines => {
                let what = "awaits the coroutines it calls".to_string();
                let Some(f) = cx.facts else { return src_fail(what, "Your code does not parse.".into(), None) };
                match f.unawaited_coroutine_calls().first() {
                    None => pass(what, "Every call to one of your async functions is awaited or scheduled.".into()),
                    Some((name, line)) => {
                        // At the top of the file there is no loop to await in yet.
                        let top = (*line as usize).checked_sub(1).and_then(|i| cx.code.lines().nth(i)).is_some_and(|l| !l.starts_with(char::is_whitespace));
                        let detail = if top {
                            format!("Line {line} calls {name}() at the top level of the file: that only creates a coroutine object, and its body never runs. Nothing runs coroutines there until you start an event loop: `asyncio.run({name}())`.")
                        } else {
                            format!("Line {line} calls {name}() without `await`: that only creates a coroutine object, and its body never runs.")
                        };
                        src_fail(what, detail, Some(*line))
                    }
                }
            }
        }
    }
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = s.find(start)? + start.len();
    let len = s[from..].find(end)?;
    Some(&s[from..from + len])
}

fn output(m: &Model, mode: Match, want: &[&str]) -> Outcome {
    let got = m.stdout_lines();
    let (what, ok) = match mode {
        Match::Exact => ("prints the expected lines in order", got == want),
        Match::AnyOrder => {
            let (mut a, mut b) = (got.clone(), want.to_vec());
            sort(&mut a);
            sort(&mut b);
            ("prints the expected lines (in any order)", a == b)
        }
        Match::Contains => ("prints the expected lines", want.iter().all(|w| got.contains(w))),
    };
    let what = what.to_string();
    if ok {
        return Outcome { passed: true, what, detail: format!("Your program printed the {} expected line(s).", want.len()), at: None, line: None };
    }
    let missing: Vec<&&str> = want.iter().filter(|w| !got.contains(w)).collect();
    let detail;
    let mut at = None;
    if let Some(w) = missing.first() {
        let i = want.iter().position(|x| x == *w).unwrap_or(0);
        detail = match m.stdout.get(i) {
            _ if got.is_empty() => format!("Your program printed nothing; expected {} line(s), starting with {}.", want.len(), quote(w)),
            Some(l) if mode == Match::Exact && !want.contains(&l.text.as_str()) => {
                at = Some(l.t);
                format!("Line {} should be {}, but your program printed {} there (at {}).", i + 1, quote(w), quote(&l.text), secs(l.t))
            }
            _ => format!("Your output never shows the line {}.", quote(w)),
        };
    } else if mode == Match::Exact {
        match got.iter().zip(want).position(|(a, b)| a != b) {
            Some(i) => {
                let l = &m.stdout[i];
                at = Some(l.t);
                detail = format!(
                    "Line {} of your output is {} (printed at {} by {}); expected {} there. The lines are all there but in a different order: look at when each was printed on the timeline.",
                    i + 1, quote(&l.text), secs(l.t), m.task_label(l.task), quote(want[i])
                );
            }
            None if got.len() > want.len() => {
                let l = &m.stdout[want.len()];
                at = Some(l.t);
                detail = format!("Your output has {} extra line(s) after the expected ones, starting with {} at {}.", got.len() - want.len(), quote(&l.text), secs(l.t));
            }
            None => detail = format!("Your output stops after {} line(s); expected {}.", got.len(), want.len()),
        }
    } else {
        let extra = got.iter().find(|g| !want.contains(g)).copied().unwrap_or("");
        detail = format!("Your output has lines that are not expected, such as {}.", quote(extra));
    }
    Outcome { passed: false, what, detail, at, line: None }
}

fn max_time(m: &Model, limit: f64, explain_waits: bool) -> Outcome {
    let what = format!("finishes within {}", secs(limit));
    let total = m.end_time;
    if total <= limit + 1e-9 {
        return Outcome { passed: true, what, detail: format!("Your program took {}.", secs(total)), at: None, line: None };
    }
    let mut detail = format!("Your program took {} (the limit is {}).", secs(total), secs(limit));
    // Blocking calls explain the time best; then waits that never overlapped.
    let blocked: f64 = m.blocks.iter().map(|b| b.seconds).sum();
    let mut waits: Vec<(f64, f64)> = m.tasks.iter().flat_map(|t| t.waits.iter().copied()).filter(|w| w.1 - w.0 > 1e-9).collect();
    sort_by(&mut waits, |a, b| a.0.total_cmp(&b.0));
    waits.dedup();
    if blocked > 0.0 {
        let b = &m.blocks[0];
        detail += &format!(" {} of it was spent blocked: at {} {} called {} and froze the loop, so nothing else could run.", secs(blocked), secs(b.t), m.task_label(b.task), b.reason);
        return Outcome { passed: false, what, detail, at: Some(b.t), line: None };
    }
    let sequential = explain_waits && waits.len() >= 2 && waits.windows(2).all(|w| w[1].0 >= w[0].1 - 1e-9);
    if sequential {
        let longest = waits.iter().map(|w| w.1 - w.0).fold(0.0, f64::max);
        let spans: Vec<String> = waits.iter().take(5).map(|w| format!("{}–{}", secs(w.0).trim_end_matches(" s"), secs(w.1))).collect();
        let more = if waits.len() > 5 { ", ..." } else { "" };
        detail += &format!(
            " Its {} waits ran one after another ({}{more}): each started only when the previous one had finished. Started together they would overlap and take about {}.",
            waits.len(), spans.join(", "), secs(longest)
        );
        return Outcome { passed: false, what, detail, at: Some(waits[1].0), line: None };
    }
    // Otherwise point at the longest wait: usually the one that needed a limit.
    let longest = m.tasks.iter().flat_map(|t| t.waits.iter().map(move |w| (t.id, *w))).max_by(|a, b| (a.1 .1 - a.1 .0).total_cmp(&(b.1 .1 - b.1 .0)));
    if let Some((task, (from, to))) = longest {
        detail += &format!(" The longest wait was in {}, from {} to {}.", m.task_label(Some(task)), secs(from), secs(to));
    }
    Outcome { passed: false, what, detail, at: Some(limit), line: None }
}

fn overlap(m: &Model, pattern: &str, min: usize) -> Outcome {
    let what = format!("runs {min}+ tasks at the same time");
    let tasks: Vec<_> = m.tasks.iter().filter(|t| !m.is_main(t) && glob(pattern, &t.name)).collect();
    // Sweep over lifetimes; a task ending at the instant another starts does not overlap it.
    let mut edges: Vec<(f64, i32)> = Vec::new();
    for t in &tasks {
        let end = t.end.map_or(m.end_time, |e| e.0);
        if end > t.created + 1e-9 {
            edges.push((t.created, 1));
            edges.push((end, -1));
        }
    }
    sort_by(&mut edges, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let (mut now, mut best, mut best_at) = (0, 0, 0.0);
    for (t, d) in edges {
        now += d;
        if now > best {
            best = now;
            best_at = t;
        }
    }
    let best = best as usize;
    if best >= min {
        return Outcome { passed: true, what, detail: format!("At {}, {best} tasks were in progress together.", secs(best_at)), at: Some(best_at), line: None };
    }
    let detail = if tasks.is_empty() {
        let main_waits = m.tasks.first().map(|t| t.waits.len()).unwrap_or(0);
        format!("Your program never created a task besides the main one, so its {main_waits} wait(s) happened one at a time inside main. Use gather, create_task or a TaskGroup to run them together.")
    } else {
        let spans: Vec<String> = tasks
            .iter()
            .take(5)
            .map(|t| format!("{} {}–{}", t.name, secs(t.created).trim_end_matches(" s"), secs(t.end.map_or(m.end_time, |e| e.0))))
            .collect();
        format!(
            "At most {best} of your tasks were in progress at the same moment ({}): each one started after the previous one ended, because it was awaited before the next was created.",
            spans.join(", ")
        )
    };
    // The moment the second task (or main's second wait) began, after the first had ended.
    let at = match tasks.get(1) {
        Some(t) => Some(t.created),
        None => m.tasks.first().and_then(|t| t.waits.get(1)).map(|w| w.0),
    };
    Outcome { passed: false, what, detail, at, line: None }
}

fn queue_full(m: &Model) -> Outcome {
    let what = "fills a bounded queue, so the producer waits".to_string();
    // The longest wait for room tells the story best.
    let waited = |p: &(f64, u64, Option<f64>)| p.2.unwrap_or(m.end_time) - p.0;
    let longest = m
        .queues
        .iter()
        .flat_map(|q| q.full_puts.iter().map(move |p| (q, *p)))
        .fold(None, |best: Option<(&crate::model::QueueLife, (f64, u64, Option<f64>))>, p| match best {
            Some(b) if waited(&b.1) >= waited(&p.1) - 1e-9 => Some(b),
            _ => Some(p),
        });
    if let Some((q, (t, task, until))) = longest {
        let until = until.map_or("the end".to_string(), secs);
        let detail = format!(
            "At {}, {} held {} item(s), its maxsize, so {} waited in put() until {until}: the producer was held to the consumer's pace.",
            secs(t), m.queue_label(q), q.maxsize, m.task_label(Some(task))
        );
        return Outcome { passed: true, what, detail, at: Some(t), line: None };
    }
    let detail = match m.queues.iter().max_by_key(|q| q.peak.0) {
        None => "Your program never created an asyncio.Queue.".to_string(),
        Some(q) if q.maxsize <= 0 => format!(
            "{} has no maxsize, so put() never waits: at {} it already held {} item(s) nobody had taken yet. With a maxsize, put() waits while the queue is full.",
            capital(&m.queue_label(q)), secs(q.peak.1), q.peak.0
        ),
        Some(q) => format!(
            "{} never filled up (it held at most {} of {} items, at {}), so no put() ever had to wait.",
            capital(&m.queue_label(q)), q.peak.0, q.maxsize, secs(q.peak.1)
        ),
    };
    let at = m.queues.iter().max_by_key(|q| q.peak.0).map(|q| q.peak.1);
    Outcome { passed: false, what, detail, at, line: None }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_matches() {
        assert!(glob("took * s", "took 1.0 s"));
        assert!(glob("fetch-?", "fetch-3"));
        assert!(!glob("fetch-?", "fetch-10"));
        assert!(glob("*", ""));
        assert!(!glob("a*b", "ac"));
    }
}
