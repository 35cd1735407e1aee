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
}

thread_local! {
    /// Qualified names of coroutines dropped before they ever ran; the VM
    /// prints "coroutine ... was never awaited" for them at a safe point.
    static NEVER_AWAITED: std::cell::RefCell<Vec<std::rc::Rc<str>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Takes the coroutines dropped without ever running.
pub fn take_never_awaited() -> Vec<std::rc::Rc<str>> {
    NEVER_AWAITED.with(|n| std::mem::take(&mut *n.borrow_mut()))
}

impl Drop for GenState {
    fn drop(&mut self) {
        if self.kind == CodeKind::Coroutine && !self.started_once && self.frame.is_some() && self.status != GenStatus::Closed {
            let q = self.qualname.clone();
            NEVER_AWAITED.with(|n| n.borrow_mut().push(q));
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
