//! Frames live on the VM's own stack (a `Vec` of boxes), never on Rust's,
//! so a Python call, a generator resume or a coroutine resume is a push,
//! and the run loop can stop after any instruction and continue later.
//! A generator's frame moves between its generator and the stack as a
//! pointer; a finished frame goes back to a pool with its buffers, so a
//! call allocates nothing.

use std::cell::RefCell;
use std::rc::Rc;

use crate::bytecode::Code;
use crate::namemap::NameMap;
use crate::value::{Module, Obj, Value};

/// A handler pushed by `SetupExcept`/`SetupFinally`.
#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub handler: u32,
    pub stack_level: u32,
    pub exc_depth: u32,
}

/// What to do with a frame's result when it returns or yields — i.e. who
/// resumed it. This is how generators and coroutines run without Rust
/// recursion: the resumer's instruction is encoded here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resume {
    /// A Python call: push the result on the caller's stack.
    Call,
    /// `FOR_ITER`: push yielded values; on return pop the iterator and jump.
    ForIter(u32),
    /// `SEND` (yield from / await): on yield push the value; on return pop
    /// the sub-iterator, push the result and jump.
    Send(u32),
    /// `next(g)` / `g.send(v)` / `g.throw(e)` called from Python: push
    /// yielded values; on return raise StopIteration(value) in the caller.
    GenCall,
    /// Entered from Rust; the run loop hands the result back to Rust.
    Host,
}

pub type CellRef = Rc<RefCell<Option<Value>>>;

/// One activation of a code object.
pub struct Frame {
    pub code: Rc<Code>,
    pub ip: usize,
    pub stack: Vec<Value>,
    pub locals: Vec<Option<Value>>,
    /// Cell variables followed by free variables.
    pub cells: Vec<CellRef>,
    pub globals: Rc<Module>,
    /// The class-body namespace (`LoadName`/`StoreName`), if any.
    pub namespace: Option<Rc<RefCell<NameMap>>>,
    pub blocks: Vec<Block>,
    /// Exceptions being handled in this frame (innermost last).
    pub exc_stack: Vec<Value>,
    pub resume: Resume,
    /// The generator/coroutine object this frame belongs to.
    pub gen: Option<Rc<Obj>>,
    /// For `__init__` frames: the new instance, pushed instead of the result.
    pub init_obj: Option<Value>,
}

impl Frame {
    pub fn new(code: Rc<Code>, globals: Rc<Module>) -> Frame {
        let nlocals = code.varnames.len();
        Frame {
            code,
            ip: 0,
            stack: Vec::with_capacity(8),
            locals: vec![None; nlocals],
            cells: Vec::new(),
            globals,
            namespace: None,
            blocks: Vec::new(),
            exc_stack: Vec::new(),
            resume: Resume::Call,
            gen: None,
            init_obj: None,
        }
    }

    /// The line being executed, for tracebacks.
    pub fn line(&self) -> u32 {
        self.code.line_at(self.ip.saturating_sub(1))
    }
}

/// How many finished frames the pool keeps.
const FRAME_POOL: usize = 64;

impl super::Vm {
    /// A frame for `code`, from the pool when one is there.
    pub fn new_frame(&mut self, code: Rc<Code>, globals: Rc<Module>) -> Box<Frame> {
        let n = code.varnames.len();
        let mut f = self.frame_without_locals(code, globals);
        f.locals.resize(n, None);
        f
    }

    /// A frame whose `locals` the caller fills (the arguments, then `None`s).
    #[inline]
    pub(super) fn frame_without_locals(&mut self, code: Rc<Code>, globals: Rc<Module>) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(mut f) => {
                // A pooled frame is cleared (`free_frame`); only these differ.
                f.code = code;
                f.globals = globals;
                f.ip = 0;
                f.resume = Resume::Call;
                f
            }
            None => {
                let mut f = Box::new(Frame::new(code, globals));
                f.locals.clear();
                f
            }
        }
    }

    /// Returns a finished frame to the pool, dropping what it holds.
    pub fn free_frame(&mut self, mut f: Box<Frame>) {
        if self.frame_pool.len() >= FRAME_POOL {
            return;
        }
        f.stack.clear();
        f.locals.clear();
        f.cells.clear();
        f.blocks.clear();
        f.exc_stack.clear();
        f.namespace = None;
        f.gen = None;
        f.init_obj = None;
        self.frame_pool.push(f);
    }
}
