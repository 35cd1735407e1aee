//! Running a program on the engine for the checker: instantly (virtual
//! clock jumps), with a cap on work so an endless loop ends with a message.
//!
//! [`Stepper`] runs it a slice at a time, so a host that must stay
//! responsive (the browser) can yield between slices; [`run`] runs it to
//! the end at once (CLI, tests). Both apply the same caps, so a program gets
//! the same verdict everywhere.

use looplab_engine::{Event, Interpreter, Limits, Status, Stream};

/// More than any course program needs; an endless loop hits it in well under a second.
const INSTRUCTION_CAP: u64 = 50_000_000;
/// A program still waiting after this much virtual time is treated as stuck.
const VIRTUAL_TIME_CAP: f64 = 3600.0;

/// What one run left behind: the trace and how it ended.
pub struct Run {
    pub events: Vec<Event>,
    pub stdout: String,
    pub stderr: String,
    /// CPython's exit code, or None if the run was stopped (see `stopped`).
    pub exit_code: Option<i32>,
    /// Why the run was stopped before the program ended.
    pub stopped: Option<String>,
}

/// A run in progress, advanced by [`Stepper::advance`].
pub struct Stepper {
    it: Interpreter,
    spent: u64,
}

impl Stepper {
    /// Loads `source` (shown in tracebacks as `filename`); nothing runs yet.
    pub fn new(source: &str, filename: &str) -> Stepper {
        Stepper { it: Interpreter::new(source, filename, Limits::default()), spent: 0 }
    }

    /// Runs up to `budget` instructions; the finished run once the program
    /// has ended or hit a cap.
    pub fn advance(&mut self, budget: u64) -> Option<Run> {
        if let Status::Finished(code) = self.it.run(budget) {
            return Some(self.finish(Some(code), None));
        }
        self.spent += budget;
        if self.spent >= INSTRUCTION_CAP {
            return Some(self.finish(None, Some("the program was still running after 50 million steps (an endless loop?)")));
        }
        if self.it.vm.clock > VIRTUAL_TIME_CAP {
            return Some(self.finish(None, Some("the program was still waiting after an hour of virtual time")));
        }
        None
    }

    fn finish(&self, exit_code: Option<i32>, stopped: Option<&str>) -> Run {
        let trace = self.it.trace();
        Run {
            events: trace.events.clone(),
            stdout: trace.text(Stream::Stdout),
            stderr: trace.text(Stream::Stderr),
            exit_code,
            stopped: stopped.map(str::to_string),
        }
    }
}

/// Runs `source` (shown in tracebacks as `filename`) to the end.
pub fn run(source: &str, filename: &str) -> Run {
    let mut s = Stepper::new(source, filename);
    loop {
        if let Some(run) = s.advance(100_000) {
            return run;
        }
    }
}
