//! Looplab's Python engine: a compiler and a pausable VM.
//!
//! Start at [`Interpreter`]: load a program, then call
//! [`Interpreter::run`] with an instruction budget as often as needed; it
//! returns after at most that many instructions, so a host (the browser, the
//! CLI) stays in control. Everything the program does is recorded in the
//! [`trace::Trace`].

pub mod alloc;
pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod dict;
pub mod format;
pub mod generator;
pub mod iter;
pub mod modules;
pub mod namemap;
pub mod native;
mod report;
pub mod trace;
pub mod types;
pub mod value;
pub mod vm;

use std::rc::Rc;

pub use trace::{Event, EventKind, Stream, Trace};
pub use vm::Limits;
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
}

impl Interpreter {
    /// Compiles `source`. A SyntaxError is reported on stderr (in the
    /// trace) and the run is immediately finished with exit code 1.
    pub fn new(source: &str, filename: &str, limits: Limits) -> Interpreter {
        let mut vm = Vm::new(limits);
        vm.source = Rc::from(source);
        vm.filename = Rc::from(filename);
        let status = match compiler::compile_module(source, filename) {
            Ok(code) => {
                let main = vm.main.clone();
                let mut frame = Frame::new(code, main);
                frame.resume = vm::Resume::Host;
                vm.frames.push(frame);
                Status::Running
            }
            Err(e) => {
                let text = report::syntax_error_text(&e, filename);
                vm.write(Stream::Stderr, &text);
                Status::Finished(1)
            }
        };
        Interpreter { vm, status }
    }

    /// Provides text for `input()`.
    pub fn set_stdin(&mut self, text: &str) {
        self.vm.stdin = text.to_string();
    }

    pub fn status(&self) -> &Status {
        &self.status
    }

    /// Runs at most `budget` instructions.
    pub fn run(&mut self, budget: u64) -> Status {
        if self.status != Status::Running {
            return self.status.clone();
        }
        let mut b = budget;
        let r = self.vm.execute(0, &mut b);
        self.status = match r {
            Exec::Paused => Status::Running,
            Exec::Returned(_) | Exec::Yielded(_) => Status::Finished(0),
            Exec::Raised(exc) => {
                self.vm.frames.clear();
                Status::Finished(report::report_uncaught(&mut self.vm, &exc))
            }
        };
        self.status.clone()
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
