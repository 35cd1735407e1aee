//! Looplab's Python engine: a compiler and a pausable VM.
//!
//! Start at [`Interpreter`]: load a program, then call
//! [`Interpreter::run`] with an instruction budget as often as needed; it
//! returns after at most that many instructions, so a host (the browser, the
//! CLI) stays in control. Everything the program does is recorded in the
//! [`trace::Trace`].

pub mod alloc;
pub mod asyncio;
pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod dict;
pub mod format;
pub mod generator;
pub mod identity;
pub mod iter;
pub mod modules;
pub mod namemap;
pub mod timeline;
pub mod native;
mod report;
pub mod sort;
pub mod trace;
pub mod types;
pub mod value;
pub mod vm;

use std::rc::Rc;

pub use looplab_num::{bigint, decimal};
pub use trace::{Event, EventKind, Stream, Trace};
pub use vm::Limits;
use asyncio::Tick;
use value::Value;
use vm::{Exec, Frame, Vm};

/// Where a run stands after a call to [`Interpreter::run`].
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// More to do: call `run` again.
    Running,
    /// The program ended; this is its exit code (0, 1, or `sys.exit(n)`).
    Finished(i32),
}

/// One program being run.
pub struct Interpreter {
    pub vm: Vm,
    status: Status,
    /// If true, the host advances the clock; otherwise sleeps take no time.
    pub manual_clock: bool,
    sleeping_until: Option<f64>,
}

impl Interpreter {
    /// Compiles `source`. A SyntaxError is reported on stderr (in the
    /// trace) and the run is immediately finished with exit code 1.
    pub fn new(source: &str, filename: &str, limits: Limits) -> Interpreter {
        let mut vm = Vm::new(limits);
        vm.source = Rc::from(source);
        vm.filename = Rc::from(filename);
        vm.main.globals.borrow_mut().set_str("__file__", Value::str(filename));
        vm.main.globals.borrow_mut().set_str("__cached__", Value::None);
        let status = match compiler::compile_module(source, filename) {
            Ok(code) => {
                let main = vm.main.clone();
                let mut frame = Frame::new(code, main);
                frame.resume = vm::Resume::Host;
                vm.frames.push(Box::new(frame));
                Status::Running
            }
            Err(e) => {
                let text = report::syntax_error_text(&e, filename);
                vm.write(Stream::Stderr, &text);
                Status::Finished(1)
            }
        };
        Interpreter { vm, status, manual_clock: false, sleeping_until: None }
    }

    /// Provides text for `input()`.
    pub fn set_stdin(&mut self, text: &str) {
        self.vm.stdin = text.to_string();
    }

    pub fn status(&self) -> &Status {
        &self.status
    }

    /// Runs at most `budget` instructions. Between task steps the asyncio
    /// loop runs its callbacks; when every task waits on a timer the
    /// virtual clock jumps to the next deadline (see [`Interpreter::manual_clock`]).
    pub fn run(&mut self, budget: u64) -> Status {
        if self.status != Status::Running {
            return self.status.clone();
        }
        let mut b = budget;
        loop {
            if !self.vm.frames.is_empty() {
                let r = self.vm.execute(0, &mut b);
                if let Exec::Paused = r {
                    return Status::Running;
                }
                match self.vm.aio_frames_finished(r) {
                    Ok(Tick::ProgramResumed(done)) => {
                        if let Some(done) = done {
                            return self.finish(done);
                        }
                    }
                    Ok(_) => {}
                    Err(r) => {
                        if self.vm.aio.active && self.vm.frames.is_empty() {
                            // asyncio.run() parked the program; the loop runs now.
                            continue;
                        }
                        if matches!(r, Exec::Returned(_)) && self.vm.block_main_at_exit() {
                            continue;
                        }
                        return self.finish(r);
                    }
                }
            } else if self.vm.aio.blocked_main.is_some() || self.vm.aio.active {
                // A blocked main thread lets only the worker lanes run.
                let tick = if self.vm.aio.blocked_main.is_some() {
                    self.vm.blocked_tick(!self.manual_clock)
                } else {
                    self.vm.report_unretrieved(false);
                    self.vm.aio_tick(!self.manual_clock)
                };
                match tick {
                    Tick::Continue => {}
                    Tick::Sleep(until) => {
                        self.sleeping_until = Some(until);
                        return Status::Running;
                    }
                    Tick::ProgramResumed(Some(done)) => return self.finish(done),
                    Tick::ProgramResumed(None) => {}
                }
            } else if !self.vm.block_main_at_exit() {
                return self.finish(Exec::Returned(Value::None));
            }
            if b == 0 {
                return Status::Running;
            }
            b -= 1;
        }
    }

    fn finish(&mut self, r: Exec) -> Status {
        self.vm.report_unretrieved(false);
        let status = match r {
            Exec::Paused => Status::Running,
            Exec::Returned(_) | Exec::Yielded(_) => Status::Finished(0),
            Exec::Raised(exc) => {
                self.vm.frames.clear();
                Status::Finished(report::report_uncaught(&mut self.vm, &exc))
            }
        };
        self.vm.report_unretrieved(true);
        self.vm.report_never_awaited_at_exit();
        self.status = status;
        self.status.clone()
    }

    /// When the host drives the clock (the browser at 1× speed), the
    /// virtual time the loop is waiting for; advance with [`Interpreter::advance_clock`].
    pub fn sleeping_until(&self) -> Option<f64> {
        self.sleeping_until
    }

    /// Moves the virtual clock forward (never backward).
    pub fn advance_clock(&mut self, to: f64) {
        if to > self.vm.clock {
            self.vm.clock = to;
        }
        self.sleeping_until = None;
    }

    /// Runs one scheduler step, for a host's "Step" button: the program's
    /// code until control returns to the event loop (top-level code up to
    /// `asyncio.run`, or one task step up to its next `await`), at most
    /// `budget` instructions. Stops early when the loop would sleep.
    pub fn step(&mut self, budget: u64) -> Status {
        let mut started = !self.vm.frames.is_empty();
        for _ in 0..budget {
            let status = self.run(1);
            if status != Status::Running || self.sleeping_until.is_some() {
                return status;
            }
            if !self.vm.frames.is_empty() {
                started = true;
            } else if started {
                break;
            }
        }
        self.status.clone()
    }

    /// The main thread's blocking call in progress (`time.sleep`,
    /// `Thread.join()`...): since when, in virtual seconds, and what it is.
    pub fn blocking_call(&self) -> Option<(f64, &str)> {
        self.vm.blocking_call()
    }

    /// The virtual time now, in seconds.
    pub fn clock(&self) -> f64 {
        self.vm.clock
    }

    /// Runs to completion (for the CLI and tests).
    pub fn run_to_end(&mut self) -> i32 {
        loop {
            if let Status::Finished(code) = self.run(1_000_000) {
                return code;
            }
        }
    }

    pub fn trace(&self) -> &Trace {
        &self.vm.trace
    }
}

/// Runs a whole program and returns (stdout, stderr, exit code).
pub fn run_program(source: &str, filename: &str, stdin: &str) -> (String, String, i32) {
    let mut it = Interpreter::new(source, filename, Limits::default());
    it.set_stdin(stdin);
    let code = it.run_to_end();
    (it.trace().text(Stream::Stdout), it.trace().text(Stream::Stderr), code)
}
