//! The virtual machine: frames, the run loop, and the helpers builtins use.
//!
//! Reading order: `frame.rs` (what a frame is), `exec.rs` (the dispatch
//! loop), `call.rs` (binding arguments, pushing frames), `unwind.rs`
//! (exceptions and tracebacks), `attr.rs`, `ops.rs` (operators), `iter.rs`.

mod attr;
mod call;
mod convert;
mod exec;
pub mod frame;
mod gen;
mod misc;
mod ops;
mod teardown;
mod unwind;

use std::rc::Rc;

use crate::namemap::NameMap;
use crate::trace::Trace;
use crate::types::Types;
use crate::value::{Module, Value};
pub use frame::{Frame, Resume};
pub use gen::{IterStep, ResumeWith};
pub use ops::{num_cmp, to_num, Num};

/// Every fallible operation returns the Python exception as its error.
pub type PyResult<T> = Result<T, Value>;

/// Limits a run is held to.
#[derive(Clone, Debug)]
pub struct Limits {
    pub recursion_limit: usize,
    /// Approximate heap cap in bytes; exceeding it raises MemoryError.
    pub memory_bytes: usize,
    /// Maximum bytes of stdout+stderr kept; past it output is dropped.
    pub output_bytes: usize,
    /// Digits an int may have in a decimal string, either way
    /// (`sys.set_int_max_str_digits`; 0 = no limit).
    pub int_max_str_digits: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { recursion_limit: 1000, memory_bytes: 512 << 20, output_bytes: 64 << 20, int_max_str_digits: crate::format::INT_MAX_STR_DIGITS }
    }
}

/// How a run loop invocation ended.
pub enum Exec {
    /// The base frame returned.
    Returned(Value),
    /// The base frame (a generator) yielded.
    Yielded(Value),
    /// An exception escaped the base frame.
    Raised(Value),
    /// The instruction budget ran out; call again to continue.
    Paused,
}

/// The interpreter state for one program.
pub struct Vm {
    /// Boxed, so a generator's frame moves on and off the stack as a pointer.
    pub frames: Vec<Box<Frame>>,
    pub types: Types,
    pub builtins: Rc<Module>,
    pub modules: NameMap,
    pub main: Rc<Module>,
    pub trace: Trace,
    pub limits: Limits,
    /// Virtual seconds since the program started.
    pub clock: f64,
    /// Text still unread by `input()`.
    pub stdin: String,
    /// Depth of Rust-level re-entry (builtins calling Python); while it is
    /// above zero the loop cannot pause.
    pub nested: usize,
    /// Recursion guard for Rust-recursive helpers (repr, eq, hash).
    pub rust_depth: usize,
    pub next_id: usize,
    pub source: Rc<str>,
    pub filename: Rc<str>,
    pub random: crate::modules::random::Random,
    /// Set by a re-raise so the current frame is not added to the traceback twice.
    pub reraising: bool,
    /// The warnings already shown, as (file, line, message): `warnings`'
    /// "default" action shows each once per location.
    pub warn_registry: std::collections::HashSet<(String, u32, String)>,
    /// Addresses of containers being repr'd (to print `[...]`).
    pub repr_stack: Vec<usize>,
    /// Finished frames, cleared, with their buffers' capacity kept: a call
    /// takes one instead of allocating (see `frame.rs`).
    pub frame_pool: Vec<Box<Frame>>,
    /// The asyncio event loop state.
    pub aio: crate::asyncio::events::Runtime,
    /// `id()` numbers, deterministic across runs.
    pub identities: crate::identity::Identities,
    /// The dict `globals()` returns for each module that asked for it.
    pub globals_dicts: Vec<(Rc<Module>, Rc<std::cell::RefCell<crate::dict::Dict>>)>,
}

impl Vm {
    pub fn new(limits: Limits) -> Vm {
        let types = Types::new();
        let builtins = Rc::new(Module {
            name: Rc::from("builtins"),
            globals: Default::default(),
            id: Default::default(),
        });
        let main = Rc::new(Module {
            name: Rc::from("__main__"),
            globals: Default::default(),
            id: Default::default(),
        });
        let mut vm = Vm {
            frames: Vec::new(),
            types,
            builtins,
            modules: NameMap::new(),
            main,
            trace: Trace::default(),
            limits,
            clock: 0.0,
            stdin: String::new(),
            nested: 0,
            rust_depth: 0,
            next_id: 1000,
            source: Rc::from(""),
            filename: Rc::from("<string>"),
            random: crate::modules::random::Random::new_default(),
            reraising: false,
            warn_registry: Default::default(),
            repr_stack: Vec::new(),
            frame_pool: Vec::new(),
            aio: Default::default(),
            identities: Default::default(),
            globals_dicts: Vec::new(),
        };
        crate::builtins::install(&mut vm);
        crate::types::install_methods(&mut vm);
        // What a script's namespace holds before its first line (`__file__`
        // and `__cached__` follow when the program is loaded).
        let builtins_module = Value::Obj(Rc::new(crate::value::Obj::new(
            vm.types.module.clone(),
            crate::value::Payload::Module(vm.builtins.clone()),
        )));
        let annotations = Value::Dict(vm.new_dict());
        let mut g = vm.main.globals.borrow_mut();
        g.set_str("__name__", Value::str("__main__"));
        for name in ["__doc__", "__package__", "__loader__", "__spec__"] {
            g.set_str(name, Value::None);
        }
        g.set_str("__annotations__", annotations);
        g.set_str("__builtins__", builtins_module.clone());
        drop(g);
        vm.modules.set_str("builtins", builtins_module);
        let main_module = Value::Obj(Rc::new(crate::value::Obj::new(
            vm.types.module.clone(),
            crate::value::Payload::Module(vm.main.clone()),
        )));
        vm.modules.set_str("__main__", main_module);
        vm
    }

    pub fn fresh_id(&mut self) -> usize {
        self.next_id += 1;
        self.next_id
    }

    /// Checks that allocating `bytes` more stays under the memory cap
    /// (measured by the counting allocator when the host installs it);
    /// raises MemoryError instead of exhausting the page.
    pub fn charge(&mut self, bytes: usize) -> PyResult<()> {
        let live = crate::alloc::heap_in_use();
        if bytes > self.limits.memory_bytes || live.saturating_add(bytes) > self.limits.memory_bytes {
            return Err(self.new_error("MemoryError", ""));
        }
        Ok(())
    }

    pub fn push(&mut self, v: Value) {
        if let Some(f) = self.frames.last_mut() {
            f.stack.push(v);
        }
    }

    pub fn pop(&mut self) -> Value {
        self.frames.last_mut().and_then(|f| f.stack.pop()).unwrap_or(Value::None)
    }

    pub fn top(&self) -> Value {
        self.frames.last().and_then(|f| f.stack.last().cloned()).unwrap_or(Value::None)
    }
}
