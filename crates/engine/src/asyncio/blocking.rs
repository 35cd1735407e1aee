//! The main thread blocking: a `time.sleep`, `Thread.join()`, `Lock.acquire()`
//! or `Future.result()` called by a coroutine (or by top-level code) stops
//! the event loop, exactly as in CPython, but worker threads keep running.
//! The main thread's frames are parked here; until it wakes, the scheduler
//! runs only the worker lanes' callbacks and timers (loop callbacks wait,
//! in their order, for the loop to resume), and the virtual clock moves to
//! the next of their deadlines. A host that drives the clock in real time
//! sees an ordinary sleep, so a blocked loop takes real time in the page.

use super::events::{Callback, Running};
use super::{Tick, CLOCK_RESOLUTION};
use crate::trace::EventKind;
use crate::value::Value;
use crate::vm::{Frame, Vm};

/// The parked main thread.
pub struct BlockedMain {
    frames: Vec<Box<Frame>>,
    running: Option<Running>,
    ctx: Option<Value>,
    /// The task the trace stamped events with.
    task: Option<u64>,
    since: f64,
    /// What blocks it, for the trace's `Blocked` span (`Thread.join()`, ...).
    reason: String,
    /// Waiting for `_thread._notify_all(obj)` (None for a sleep).
    waiting_on: Option<Value>,
    /// When it wakes anyway: the sleep's end or the wait's timeout.
    until: Option<f64>,
    /// The blocking call's result, once woken.
    woken: Option<Value>,
    /// The program ended and waits for its threads (`threading._shutdown`):
    /// it wakes when no lane can run any more.
    at_exit: bool,
}

impl Callback {
    /// A worker lane's callback: the only kind that runs while the main
    /// thread is blocked (or after the loop has closed).
    pub(crate) fn is_worker(&self) -> bool {
        matches!(self, Callback::RunWorker { .. } | Callback::WaitTimeout { .. })
    }
}

impl Vm {
    /// Parks the main thread in `time.sleep(secs)`. False when it cannot
    /// be parked (inside a builtin's nested call): the caller then jumps
    /// the clock instead.
    pub fn block_main_sleep(&mut self, secs: f64) -> bool {
        let until = self.clock + secs;
        if !self.block_main("time.sleep", None, Some(until)) {
            return false;
        }
        // The span's length is known now, so it is traced as it starts.
        self.trace.push(self.clock, EventKind::Blocked { seconds: secs, reason: "time.sleep".into() });
        true
    }

    /// Parks the main thread in `_thread._wait(obj, timeout)`. False in a
    /// nested call.
    pub fn block_main_wait(&mut self, obj: Value, what: &str, timeout: Option<f64>) -> bool {
        let until = timeout.map(|t| self.clock + t.max(0.0));
        self.block_main(what, Some(obj), until)
    }

    /// The program's code ended: like CPython's `threading._shutdown`, it
    /// first lets the threads still able to run finish. False when none can.
    pub fn block_main_at_exit(&mut self) -> bool {
        if self.aio.blocked_main.is_some() || !self.lanes_can_run() {
            return false;
        }
        let blocked = self.block_main("threading._shutdown", None, None);
        if let Some(b) = self.aio.blocked_main.as_mut() {
            b.at_exit = true;
        }
        blocked
    }

    /// Whether a lane has something to run: a ready callback or a timer.
    fn lanes_can_run(&self) -> bool {
        self.aio.ready.iter().any(|h| h.callback.is_worker() && !h.cancelled.get())
            || self.aio.timers.iter().any(|t| t.handle.callback.is_worker() && !t.handle.cancelled.get())
    }

    fn block_main(&mut self, reason: &str, waiting_on: Option<Value>, until: Option<f64>) -> bool {
        if self.nested > 0 || self.aio.current_worker.is_some() || self.aio.blocked_main.is_some() {
            return false;
        }
        self.aio.blocked_main = Some(BlockedMain {
            frames: std::mem::take(&mut self.frames),
            running: self.aio.running.clone(),
            ctx: self.aio.ctx.take(),
            task: self.trace.task,
            since: self.clock,
            reason: reason.to_string(),
            waiting_on,
            until,
            woken: None,
            at_exit: false,
        });
        true
    }

    /// The main thread's blocking call in progress: since when (virtual
    /// seconds) and what it is (`time.sleep`, `Thread.join()`...). The
    /// trace records a wait only once it ends (its length is known then),
    /// so a host drawing the run live reads this meanwhile. None while the
    /// program, having ended, lets its threads finish.
    pub fn blocking_call(&self) -> Option<(f64, &str)> {
        self.aio.blocked_main.as_ref().filter(|b| !b.at_exit).map(|b| (b.since, b.reason.as_str()))
    }

    /// Whether frames that just stopped were the main thread's, parked
    /// (not a task step or program that ended).
    pub fn main_just_blocked(&self) -> bool {
        self.aio.blocked_main.is_some() && !matches!(self.aio.running, Some(Running::Worker(_)))
    }

    /// `_thread._notify_all(obj)` reached the blocked main thread.
    pub fn notify_main(&mut self, obj: &Value) {
        if let Some(b) = self.aio.blocked_main.as_mut() {
            if b.waiting_on.as_ref().is_some_and(|o| o.is(obj)) {
                b.waiting_on = None;
                b.woken = Some(Value::Bool(true));
            }
        }
    }

    /// One scheduler step while the main thread is blocked: wake it when
    /// due, else run the next worker callback, else move the clock (or ask
    /// the host to) to the next worker timer or the main thread's wake-up.
    pub fn blocked_tick(&mut self, auto_advance: bool) -> Tick {
        let Some(b) = self.aio.blocked_main.as_ref() else { return Tick::Continue };
        let due = b.until.is_some_and(|u| u <= self.clock + CLOCK_RESOLUTION);
        if b.woken.is_some() || due {
            self.unblock_main();
            return Tick::Continue;
        }
        let (until, at_exit) = (b.until, b.at_exit);
        if let Some(i) = self.aio.ready.iter().position(|h| h.callback.is_worker() && !h.cancelled.get()) {
            if i < self.aio.ntodo {
                self.aio.ntodo -= 1;
            }
            let callback = self.aio.ready.remove(i).map(|h| h.callback);
            return self.run_worker_callback(callback);
        }
        let next_timer = self
            .aio
            .timers
            .iter()
            .filter(|t| t.handle.callback.is_worker() && !t.handle.cancelled.get())
            .map(|t| (t.when, t.seq))
            .min_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
        let wake = match (next_timer.map(|t| t.0), until) {
            (Some(t), Some(u)) => t.min(u),
            (t, u) => match t.or(u) {
                Some(w) => w,
                None if at_exit => {
                    self.unblock_main();
                    return Tick::Continue;
                }
                None => return self.main_deadlock(),
            },
        };
        if wake > self.clock + CLOCK_RESOLUTION {
            if !auto_advance {
                return Tick::Sleep(wake);
            }
            self.clock = wake;
        }
        match next_timer {
            Some((when, seq)) if when <= self.clock + CLOCK_RESOLUTION => {
                let mut timers = std::mem::take(&mut self.aio.timers).into_vec();
                let callback = timers.iter().position(|t| t.seq == seq).map(|i| timers.swap_remove(i).handle.callback);
                self.aio.timers = timers.into();
                self.run_worker_callback(callback)
            }
            _ => Tick::Continue,
        }
    }

    fn run_worker_callback(&mut self, callback: Option<Callback>) -> Tick {
        let r = match callback {
            Some(Callback::RunWorker { id }) => self.run_worker(id),
            Some(Callback::WaitTimeout { id }) => self.wait_timed_out(id),
            _ => Ok(()),
        };
        match r {
            Ok(()) => Tick::Continue,
            Err(e) => {
                // A SystemExit in a worker: the main thread takes it.
                self.unblock_main();
                self.raise_in_main(e)
            }
        }
    }

    /// Gives the main thread its frames back, with the blocking call's value.
    fn unblock_main(&mut self) {
        let Some(b) = self.aio.blocked_main.take() else { return };
        self.frames = b.frames;
        self.aio.running = b.running;
        self.aio.ctx = b.ctx;
        self.aio.current_worker = None;
        self.trace.task = b.task;
        if b.at_exit {
            return;
        }
        if self.frames.is_empty() {
            // A builtin callback blocked (`call_soon(time.sleep, 1)`): it
            // has ended now.
            self.finish_slow_check();
        }
        if b.waiting_on.is_some() || b.woken.is_some() || b.reason != "time.sleep" {
            // A wait's length is known only now.
            let seconds = self.clock - b.since;
            self.trace.push(b.since, EventKind::Blocked { seconds, reason: b.reason });
        }
        let value = match b.woken {
            Some(v) => v,
            // A sleep returns None; a wait that timed out returns False.
            None if b.waiting_on.is_some() => Value::Bool(false),
            None => Value::None,
        };
        self.push(value);
    }

    /// The main thread waits on something no thread can ever signal:
    /// CPython would hang; we stop and say why (exit code 1).
    fn main_deadlock(&mut self) -> Tick {
        let reason = self.aio.blocked_main.as_ref().map(|b| b.reason.clone()).unwrap_or_default();
        self.unblock_main();
        let msg = format!("deadlock: the main thread waits on {reason} and no thread can wake it\n");
        self.write(crate::trace::Stream::Stderr, &msg);
        let e = self.new_error("SystemExit", "");
        if let Some(d) = e.as_obj().and_then(|o| o.exc()) {
            d.borrow_mut().args = vec![Value::Int(1)];
        }
        self.raise_in_main(e)
    }

    /// Raises `e` in the main thread's frames, back on the VM.
    fn raise_in_main(&mut self, e: Value) -> Tick {
        // The blocking call's value is replaced by the exception.
        if let Some(f) = self.frames.last_mut() {
            f.stack.pop();
        }
        match self.raise_in_top(e) {
            // It escaped a task step's frames: the task ends with it.
            Some(done) => match self.aio_frames_finished(done) {
                Ok(tick) => tick,
                Err(done) => Tick::ProgramResumed(Some(done)),
            },
            None => Tick::Continue,
        }
    }
}
