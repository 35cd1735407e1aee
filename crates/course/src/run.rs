//! Running a program on the engine for the checker: instantly (virtual
//! clock jumps), with a cap on work so an endless loop ends with a message.

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

/// Runs `source` (shown in tracebacks as `filename`) to the end.
pub fn run(source: &str, filename: &str) -> Run {
    let mut it = Interpreter::new(source, filename, Limits::default());
    let mut spent = 0;
    let mut stopped = None;
    let exit_code = loop {
        if let Status::Finished(code) = it.run(100_000) {
            break Some(code);
        }
        spent += 100_000;
        if spent >= INSTRUCTION_CAP {
            stopped = Some("the program was still running after 50 million steps (an endless loop?)".into());
            break None;
        }
        if it.vm.clock > VIRTUAL_TIME_CAP {
            stopped = Some("the program was still waiting after an hour of virtual time".into());
            break None;
        }
    };
    let trace = it.trace();
    Run {
        events: trace.events.clone(),
        stdout: trace.text(Stream::Stdout),
        stderr: trace.text(Stream::Stderr),
        exit_code,
        stopped,
    }
}
