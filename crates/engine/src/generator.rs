//! Generator, coroutine and async-generator objects.
//!
//! Each holds its suspended frame. Resuming moves the frame onto the VM's
//! frame stack; yielding moves it back. Nothing here recurses in Rust.

use crate::bytecode::CodeKind;
use crate::vm::Frame;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GenStatus {
    /// Created, not started (CPython: GEN_CREATED / CORO_CREATED).
    Created,
    Suspended,
    Running,
    Closed,
}

/// The state of a generator-like object.
pub struct GenState {
    pub frame: Option<Box<Frame>>,
    pub status: GenStatus,
    pub kind: CodeKind,
    pub name: std::rc::Rc<str>,
    pub qualname: std::rc::Rc<str>,
    /// Coroutines only: whether anything ever awaited or sent into it
    /// (for the "was never awaited" warning).
    pub started_once: bool,
    /// The code object, kept after the frame is gone (for reprs such as
    /// `coro=<f() done, defined at x.py:3>`).
    pub code: std::rc::Rc<crate::bytecode::Code>,
    /// Coroutines created while a debug-mode loop runs: where
    /// (`cr_origin`), for the never-awaited warning.
    pub origin: Option<crate::asyncio::debug::SourceTb>,
}

/// A coroutine dropped before it ever ran: its qualified name and origin.
pub type NeverAwaited = (std::rc::Rc<str>, Option<crate::asyncio::debug::SourceTb>);

thread_local! {
    /// Coroutines dropped before they ever ran; the VM prints "coroutine
    /// ... was never awaited" for them before its next instruction, so the
    /// warning names the line that dropped them.
    static NEVER_AWAITED: std::cell::RefCell<Vec<NeverAwaited>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Whether an object died with something to report (a coroutine here,
    /// a task's unretrieved exception in `asyncio::tasks`): one cheap test
    /// per instruction.
    static COLLECTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Generators dropped while suspended inside a `try` or `with`: the VM
    /// closes them before its next instruction, as CPython's finalizer
    /// closes a generator that dies, so their `finally` blocks run.
    static TO_CLOSE: std::cell::RefCell<Vec<GenState>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Set while a finished program is torn down: what dies then reports
    /// nothing (another program may be running on this thread).
    static SILENT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with the warnings of dying objects switched off.
pub fn silently<R>(f: impl FnOnce() -> R) -> R {
    let was = SILENT.with(|s| s.replace(true));
    let r = f();
    SILENT.with(|s| s.set(was));
    r
}

/// Whether a dying object should report its warning (see [`silently`]).
pub fn reporting() -> bool {
    !SILENT.with(|s| s.get())
}

/// Whether an object died with a warning to print since the last
/// [`take_collected`].
#[inline(always)]
pub fn collected_pending() -> bool {
    COLLECTED.with(|p| p.get())
}

/// Notes that an object died with a warning to print.
pub fn note_collected() {
    COLLECTED.with(|p| p.set(true));
}

/// Clears the flag; the caller then takes what was collected.
pub fn take_collected() {
    COLLECTED.with(|p| p.set(false));
}

/// Takes the coroutines dropped without ever running.
pub fn take_never_awaited() -> Vec<NeverAwaited> {
    NEVER_AWAITED.with(|n| std::mem::take(&mut *n.borrow_mut()))
}

/// Takes the generators to close (their state, out of the dead objects).
pub fn take_to_close() -> Vec<GenState> {
    TO_CLOSE.with(|n| std::mem::take(&mut *n.borrow_mut()))
}

impl Drop for GenState {
    fn drop(&mut self) {
        if !reporting() {
            return;
        }
        if self.kind == CodeKind::Coroutine && !self.started_once && self.frame.is_some() && self.status != GenStatus::Closed {
            let entry = (self.qualname.clone(), self.origin.take());
            NEVER_AWAITED.with(|n| n.borrow_mut().push(entry));
            note_collected();
        } else if self.kind == CodeKind::Generator
            && self.status == GenStatus::Suspended
            && self.frame.as_ref().is_some_and(|f| !f.blocks.is_empty())
        {
            // Closing one suspended outside any handler would do nothing.
            let st = GenState {
                frame: self.frame.take(),
                status: GenStatus::Suspended,
                kind: self.kind,
                name: self.name.clone(),
                qualname: self.qualname.clone(),
                started_once: self.started_once,
                code: self.code.clone(),
                origin: None,
            };
            TO_CLOSE.with(|n| n.borrow_mut().push(st));
            note_collected();
        }
    }
}

impl GenState {
    /// The word CPython uses in messages: generator / coroutine / async generator.
    pub fn noun(&self) -> &'static str {
        match self.kind {
            CodeKind::Coroutine => "coroutine",
            CodeKind::AsyncGenerator => "async generator",
            _ => "generator",
        }
    }
}
