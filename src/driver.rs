//! The driver: the one place that owns the running [`Interpreter`].
//!
//! It runs the VM in slices of a few milliseconds and yields to the browser
//! between them, so input and rendering go on while a program computes.
//! When every task waits on a timer it sets one browser timer for the next
//! deadline (scaled by the speed, see [`Schedule`]) and then advances the
//! virtual clock exactly to that deadline. Every control (pause, stop, a
//! new speed, a new run) bumps a token; a slice loop or timer holding an
//! older token ends without touching the program.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use gloo_timers::future::TimeoutFuture;
use looplab_engine::{Interpreter, Limits, Status, Stream, Trace};
use wasm_bindgen_futures::spawn_local;

use crate::browser::{after_microtasks, now_ms, yield_to_browser};
use crate::clock::{Schedule, Speed};
use crate::console_model::ConsoleModel;
use crate::timeline::model::Timeline;
use crate::traceback::{failing_line, FILENAME};

/// Real time one slice may run before yielding to the browser.
const SLICE_MS: f64 = 6.0;
/// Instructions between clock checks inside a slice.
const CHUNK: u64 = 2_000;
/// Instructions one Step may take (a step that computes longer pauses
/// mid-step; the next Step continues it).
const STEP_BUDGET: u64 = 2_000_000;
/// Minimum real time between redraws (about one frame).
const REDRAW_MS: f64 = 16.0;
/// While the program waits for a deadline, how often (real ms) the views
/// are told the clock moved on, so waits and a blocked loop grow as they
/// happen rather than appearing when they end.
const LIVE_TICK_MS: f64 = 40.0;
/// Real ms after start-up before the warm-up program runs.
const WARM_UP_DELAY_MS: u32 = 400;
/// Output the engine keeps per run; the console shows the last lines of it.
const OUTPUT_BYTES: usize = 8 << 20;

/// The warm-up program: the paths most programs take (asyncio, f-strings,
/// comprehensions, exceptions, a traceback).
const WARM_UP: &str = "\
import asyncio
async def work(n):
    await asyncio.sleep(0.01 * n)
    return f'{n}: {[i * i for i in range(n)]}'
async def main():
    print(await asyncio.gather(*(work(n) for n in range(3))))
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except TimeoutError as e:
        print(repr(e), {'k': (1, 2.5)})
asyncio.run(main())
raise ValueError('done')
";

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RunStatus {
    Idle,
    Running,
    Paused,
    Finished,
    Failed,
    Stopped,
}

impl RunStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Idle => "idle",
            RunStatus::Running => "running",
            RunStatus::Paused => "paused",
            RunStatus::Finished => "finished",
            RunStatus::Failed => "failed",
            RunStatus::Stopped => "stopped",
        }
    }

    /// A program is loaded and not over (Pause/Resume/Stop apply).
    pub fn is_live(self) -> bool {
        matches!(self, RunStatus::Running | RunStatus::Paused)
    }
}

/// What the views draw; the driver writes it, the app reads it on render.
pub struct Session {
    pub status: RunStatus,
    pub console: ConsoleModel,
    /// Lanes, spans and queue/lock states, for the timeline and panels.
    pub timeline: Timeline,
    /// Virtual seconds.
    pub clock: f64,
    /// The program's line a traceback or SyntaxError points at.
    pub error_line: Option<usize>,
    /// Bumped on every change, so views know to redraw.
    pub version: u64,
    /// Runs started so far (a new run re-marks the editor).
    pub runs: u64,
}

struct Run {
    interp: Interpreter,
    /// Trace events already given to the console.
    delivered: usize,
    schedule: Schedule,
    /// Virtual time when paused, to resume the schedule from.
    paused_at: f64,
    /// The schedule is anchored on the first wait (see [`Driver::due`]).
    anchored: bool,
    /// The views have not been told of this run yet: a run that starts
    /// running tells them after its first slice, in the same task as the
    /// click, so its first lines are in that redraw instead of one
    /// throttled [`REDRAW_MS`] after a redraw of the empty console.
    untold: bool,
}

struct Inner {
    run: Option<Run>,
    token: u64,
    speed: Speed,
    session: Session,
    /// A deferred redraw is set.
    redraw_pending: bool,
    /// Real ms of the last redraw.
    last_redraw: f64,
    /// The views to redraw on a change, by subscription id.
    listeners: Vec<(u64, Rc<dyn Fn()>)>,
    next_listener: u64,
}

/// What a slice decided.
enum Next {
    Yield,
    /// Every task waits for the virtual `deadline`.
    Wait { deadline: f64 },
    Done,
}

#[derive(Clone)]
pub struct Driver(Rc<RefCell<Inner>>);

impl PartialEq for Driver {
    fn eq(&self, other: &Driver) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Driver {
    /// A driver with nothing loaded; views [`subscribe`](Driver::subscribe).
    pub fn new() -> Driver {
        Driver(Rc::new(RefCell::new(Inner {
            run: None,
            token: 0,
            speed: Speed::Times(1.0),
            session: Session {
                status: RunStatus::Idle,
                console: ConsoleModel::new(),
                timeline: Timeline::new(),
                clock: 0.0,
                error_line: None,
                version: 0,
                runs: 0,
            },
            redraw_pending: false,
            last_redraw: f64::NEG_INFINITY,
            listeners: Vec::new(),
            next_listener: 0,
        })))
    }

    /// Calls `notify` after changes (at most once per [`REDRAW_MS`]) until
    /// [`unsubscribe`](Driver::unsubscribe) is given the returned id.
    pub fn subscribe(&self, notify: impl Fn() + 'static) -> u64 {
        let mut inner = self.0.borrow_mut();
        let id = inner.next_listener;
        inner.next_listener += 1;
        inner.listeners.push((id, Rc::new(notify)));
        id
    }

    pub fn unsubscribe(&self, id: u64) {
        self.0.borrow_mut().listeners.retain(|(l, _)| *l != id);
    }

    /// The trace of the current or last run (kept after it ends, so views
    /// can look back over it); None before the first run.
    pub fn with_trace<R>(&self, f: impl FnOnce(Option<&Trace>) -> R) -> R {
        f(self.0.borrow().run.as_ref().map(|r| r.interp.trace()))
    }

    pub fn with_session<R>(&self, f: impl FnOnce(&Session) -> R) -> R {
        f(&self.0.borrow().session)
    }

    pub fn speed(&self) -> Speed {
        self.0.borrow().speed
    }

    /// Starts `code` from the beginning (ending any current run).
    pub fn start(&self, code: &str) {
        self.after_imports(code, |d, code| {
            d.load(code, RunStatus::Running);
            d.spawn_loop();
        });
    }

    /// Calls `then` once the modules `code` imports are in the page: at
    /// once when they are (the usual case), else after fetching them, and
    /// not at all if another control was used meanwhile.
    fn after_imports(&self, code: &str, then: impl FnOnce(&Driver, &str) + 'static) {
        if !crate::modules::needs_fetch(code) {
            return then(self, code);
        }
        let token = {
            let mut inner = self.0.borrow_mut();
            inner.token += 1;
            inner.token
        };
        let (driver, code) = (self.clone(), code.to_string());
        spawn_local(async move {
            crate::modules::fetch_imports(&code).await;
            if driver.0.borrow().token == token {
                then(&driver, &code);
            }
        });
    }

    pub fn pause(&self) {
        let mut inner = self.0.borrow_mut();
        if inner.session.status != RunStatus::Running {
            return;
        }
        inner.token += 1;
        let Inner { run, session, .. } = &mut *inner;
        if let Some(run) = run.as_mut() {
            run.paused_at =
                run.schedule
                    .virtual_now(now_ms(), run.interp.clock(), run.interp.sleeping_until());
            session
                .timeline
                .set_clock(run.paused_at, run.interp.blocking_call());
        }
        inner.session.status = RunStatus::Paused;
        drop(inner);
        self.changed();
    }

    pub fn resume(&self) {
        let mut inner = self.0.borrow_mut();
        if inner.session.status != RunStatus::Paused {
            return;
        }
        let speed = inner.speed;
        if let Some(run) = inner.run.as_mut() {
            let from = run.paused_at.max(run.interp.clock());
            run.schedule = Schedule::new(now_ms(), from, rate(speed));
        }
        inner.session.status = RunStatus::Running;
        drop(inner);
        self.changed();
        self.spawn_loop();
    }

    /// One scheduler step; pauses a running program first, and loads
    /// `code` paused if nothing is loaded.
    pub fn step(&self, code: &str) {
        if self.0.borrow().session.status.is_live() {
            return self.step_loaded();
        }
        self.after_imports(code, |d, code| {
            d.load(code, RunStatus::Paused);
            d.step_loaded();
        });
    }

    fn step_loaded(&self) {
        self.pause();
        let mut inner = self.0.borrow_mut();
        let Some(run) = inner.run.as_mut() else {
            return;
        };
        if let Some(deadline) = run.interp.sleeping_until() {
            // The next thing to happen is the timer: jump to it.
            run.interp.advance_clock(deadline);
        }
        let status = run.interp.step(STEP_BUDGET);
        run.paused_at = run.interp.clock();
        Self::deliver(&mut inner);
        if let Status::Finished(code) = status {
            Self::finish(&mut inner, code);
        }
        drop(inner);
        self.changed();
    }

    pub fn stop(&self) {
        let mut inner = self.0.borrow_mut();
        if !inner.session.status.is_live() {
            return;
        }
        inner.token += 1;
        inner.session.status = RunStatus::Stopped;
        drop(inner);
        self.changed();
    }

    pub fn set_speed(&self, speed: Speed) {
        let mut inner = self.0.borrow_mut();
        if inner.speed == speed {
            return;
        }
        inner.speed = speed;
        let running = inner.session.status == RunStatus::Running;
        if let Some(run) = inner.run.as_mut() {
            let now = now_ms();
            let v = run
                .schedule
                .virtual_now(now, run.interp.clock(), run.interp.sleeping_until());
            run.schedule = Schedule::new(now, v, rate(speed));
            run.interp.manual_clock = speed != Speed::Instant;
        }
        drop(inner);
        if running {
            // A pending timer was set for the old speed.
            self.spawn_loop();
        }
    }

    /// Runs a small asyncio program out of sight right after the page
    /// loads: the browser compiles wasm functions lazily, on first call, so
    /// this moves that cost before the learner's first Run. It gives way
    /// as soon as a run starts. It waits [`WARM_UP_DELAY_MS`] first: its
    /// first slice (compiling asyncio) cannot be cut short, and it must not
    /// hold up the page's first paint or a Run pressed right away.
    pub fn warm_up(&self) {
        let driver = self.clone();
        spawn_local(async move {
            TimeoutFuture::new(WARM_UP_DELAY_MS).await;
            if driver.0.borrow().session.runs > 0 {
                return;
            }
            let mut interp = Interpreter::new(WARM_UP, FILENAME, Limits::default());
            loop {
                if driver.0.borrow().session.runs > 0 {
                    return;
                }
                let start = now_ms();
                while now_ms() - start < SLICE_MS {
                    if let Status::Finished(_) = interp.run(CHUNK) {
                        return;
                    }
                }
                yield_to_browser().await;
            }
        });
    }

    fn load(&self, code: &str, status: RunStatus) {
        let mut inner = self.0.borrow_mut();
        inner.token += 1;
        let limits = Limits {
            output_bytes: OUTPUT_BYTES,
            ..Limits::default()
        };
        let mut interp = Interpreter::new(code, FILENAME, limits);
        interp.manual_clock = inner.speed != Speed::Instant;
        let schedule = Schedule::new(now_ms(), 0.0, rate(inner.speed));
        inner.run = Some(Run {
            interp,
            delivered: 0,
            schedule,
            paused_at: 0.0,
            anchored: false,
            untold: true,
        });
        let (version, runs) = (inner.session.version, inner.session.runs + 1);
        inner.session = Session {
            status,
            console: ConsoleModel::new(),
            timeline: Timeline::new(),
            clock: 0.0,
            error_line: None,
            version,
            runs,
        };
        // A SyntaxError ends the run before it starts.
        let ended = inner.run.as_ref().map(|r| r.interp.status().clone());
        if let Some(Status::Finished(code)) = ended {
            Self::deliver(&mut inner);
            Self::finish(&mut inner, code);
        } else if status == RunStatus::Running {
            // The first slice, which follows at once, tells the views.
            return;
        }
        drop(inner);
        self.changed();
    }

    fn spawn_loop(&self) {
        let token = {
            let mut inner = self.0.borrow_mut();
            inner.token += 1;
            inner.token
        };
        let driver = self.clone();
        spawn_local(async move {
            loop {
                match driver.slice(token) {
                    Next::Done => return,
                    Next::Yield => yield_to_browser().await,
                    Next::Wait { deadline } => {
                        driver.flush_redraw();
                        if !driver.anchored(token) {
                            // Time starts once the views have put the run's
                            // first lines (the slowest to draw) in the page.
                            after_microtasks().await;
                        }
                        let Some(due) = driver.due(token, deadline) else {
                            return;
                        };
                        loop {
                            let left = due - now_ms();
                            if left <= 0.0 {
                                break;
                            }
                            TimeoutFuture::new(left.min(LIVE_TICK_MS).round() as u32).await;
                            if !driver.tick(token) {
                                return;
                            }
                        }
                        let mut inner = driver.0.borrow_mut();
                        if inner.token != token {
                            return;
                        }
                        if let Some(run) = inner.run.as_mut() {
                            run.interp.advance_clock(deadline);
                        }
                    }
                }
            }
        });
    }

    /// Runs the program for up to [`SLICE_MS`] and says what comes next.
    fn slice(&self, token: u64) -> Next {
        let mut inner = self.0.borrow_mut();
        if inner.token != token || inner.session.status != RunStatus::Running {
            return Next::Done;
        }
        let Some(run) = inner.run.as_mut() else {
            return Next::Done;
        };
        let start = now_ms();
        let mut status = Status::Running;
        while run.interp.sleeping_until().is_none() {
            status = run.interp.run(CHUNK);
            if status != Status::Running || now_ms() - start >= SLICE_MS {
                break;
            }
        }
        let next = match (&status, run.interp.sleeping_until()) {
            (Status::Finished(_), _) => Next::Done,
            (_, Some(deadline)) => Next::Wait { deadline },
            _ => Next::Yield,
        };
        let delivered = run.delivered;
        let untold = std::mem::take(&mut run.untold);
        Self::deliver(&mut inner);
        if let Status::Finished(code) = status {
            Self::finish(&mut inner, code);
        }
        let changed = untold
            || inner.run.as_ref().is_none_or(|r| r.delivered != delivered)
            || matches!(next, Next::Done);
        drop(inner);
        if changed {
            self.changed();
        }
        next
    }

    /// Whether the run this loop drives has anchored its schedule.
    fn anchored(&self, token: u64) -> bool {
        let inner = self.0.borrow();
        inner.token != token || inner.run.as_ref().is_none_or(|r| r.anchored)
    }

    /// Real ms at which the run's `deadline` is due (see
    /// [`Schedule::due`]); None when the run is no longer current. The
    /// run's first wait anchors the schedule on now: virtual time starts
    /// when the program's first output is on screen.
    fn due(&self, token: u64, deadline: f64) -> Option<f64> {
        let mut inner = self.0.borrow_mut();
        if inner.token != token {
            return None;
        }
        let speed = rate(inner.speed);
        let run = inner.run.as_mut()?;
        let (clock, now) = (run.interp.clock(), now_ms());
        if !run.anchored {
            run.schedule = Schedule::new(now, clock, speed);
            run.anchored = true;
        }
        Some(run.schedule.due(deadline, clock, now))
    }

    /// While waiting for a deadline: the views hear that the clock moved
    /// on. False when the run this loop drives is no longer current.
    fn tick(&self, token: u64) -> bool {
        let mut inner = self.0.borrow_mut();
        if inner.token != token {
            return false;
        }
        let Inner { run, session, .. } = &mut *inner;
        let Some(run) = run.as_ref() else {
            return false;
        };
        let v = run
            .schedule
            .virtual_now(now_ms(), run.interp.clock(), run.interp.sleeping_until());
        session.timeline.set_clock(v, run.interp.blocking_call());
        session.clock = v;
        drop(inner);
        self.changed();
        true
    }

    /// Gives the console and the timeline the trace events they have not seen.
    fn deliver(inner: &mut Inner) {
        let Inner { run, session, .. } = inner;
        let Some(run) = run.as_mut() else { return };
        let events = &run.interp.trace().events;
        for e in &events[run.delivered.min(events.len())..] {
            session.console.push(e);
            session.timeline.push(e);
        }
        run.delivered = events.len();
        session.clock = run.interp.clock();
        session
            .timeline
            .set_clock(session.clock, run.interp.blocking_call());
    }

    fn finish(inner: &mut Inner, code: i32) {
        inner.session.status = if code == 0 {
            RunStatus::Finished
        } else {
            RunStatus::Failed
        };
        if let Some(run) = inner.run.as_ref() {
            let stderr = run.interp.trace().text(Stream::Stderr);
            inner.session.error_line = if code == 0 {
                None
            } else {
                failing_line(stderr.lines())
            };
        }
    }

    /// Records a change and has the views redraw: right away if they last
    /// drew more than [`REDRAW_MS`] ago (so a line shows the moment it is
    /// printed), else once that much time has passed (so a flood of output
    /// costs at most one redraw per frame).
    fn changed(&self) {
        let mut inner = self.0.borrow_mut();
        inner.session.version += 1;
        if inner.redraw_pending {
            return;
        }
        let wait = inner.last_redraw + REDRAW_MS - now_ms();
        if wait <= 0.0 {
            drop(inner);
            self.redraw_now();
            return;
        }
        inner.redraw_pending = true;
        drop(inner);
        let me = self.clone();
        Timeout::new(wait.ceil() as u32, move || me.flush_redraw()).forget();
    }

    /// Does the deferred redraw now, if it is still to do.
    fn flush_redraw(&self) {
        if self.0.borrow().redraw_pending {
            self.redraw_now();
        }
    }

    fn redraw_now(&self) {
        let listeners = {
            let mut inner = self.0.borrow_mut();
            inner.redraw_pending = false;
            inner.last_redraw = now_ms();
            inner.listeners.clone()
        };
        listeners.iter().for_each(|(_, notify)| notify());
    }
}

/// Virtual seconds per real second (the schedule is unused when instant).
fn rate(speed: Speed) -> f64 {
    match speed {
        Speed::Times(x) => x,
        Speed::Instant => 1.0,
    }
}
