//! Frames live on the VM's own stack (a `Vec`), never on Rust's, so a
//! Python call, a generator resume or a coroutine resume is a push, and the
//! run loop can stop after any instruction and continue later.

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

    /// A call frame built from recycled buffers (`locals` already bound).
    pub fn with_parts(code: Rc<Code>, globals: Rc<Module>, locals: Vec<Option<Value>>, stack: Vec<Value>) -> Frame {
        Frame {
            code,
            ip: 0,
            stack,
            locals,
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
