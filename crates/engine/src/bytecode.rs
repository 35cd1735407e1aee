//! The instruction set and code objects.
//!
//! The instruction set follows CPython's where it can (names a reader of
//! `dis` output will recognise) but uses a block stack for exception
//! handling, which keeps the compiler simple.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::value::Value;

/// One instruction. Arguments index into the code object's tables.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    Nop,
    Pop,
    /// Duplicates the top of stack.
    Dup,
    /// Duplicates the top two items (a b → a b a b).
    Dup2,
    /// Swaps TOS with the item `n` below it (n >= 1).
    Swap(u32),
    /// Moves TOS down by `n` positions (a b c, Rot(2) → c a b).
    Rot(u32),
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Pushes the cell itself (for building closures).
    LoadClosure(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Class-body lookups: namespace, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    /// A free variable read inside a class body: namespace first, then the cell.
    LoadClassDeref(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Pushes [callable, self-or-null] for a following `CallMethod`.
    LoadMethod(u32),
    CallMethod(u32),
    Binary(BinOp),
    Inplace(BinOp),
    Unary(UnOp),
    Compare(CmpKind),
    Is(bool),
    /// `in` (false) / `not in` (true).
    Contains(bool),
    Subscr,
    StoreSubscr,
    DeleteSubscr,
    BuildSlice(u32),
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// Builds a dict from `n` key/value pairs.
    BuildMap(u32),
    /// Concatenates `n` strings (f-strings).
    BuildString(u32),
    /// Appends TOS to the list `n` below it (comprehensions).
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    /// Like DictUpdate but raises on duplicate keys (`f(**a, **b)`).
    DictMerge(u32),
    ListToTuple,
    /// Formats TOS (flags: conversion in bits 0-1, has-spec in bit 2).
    FormatValue(u32),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    /// Pops TOS; jumps if it is None (match statements).
    PopJumpIfNone(u32),
    PopJumpIfNotNone(u32),
    GetIter,
    /// Calls next on the iterator at TOS; on exhaustion pops it and jumps.
    ForIter(u32),
    GetAIter,
    GetANext,
    /// Ends an `async for` when the awaited `__anext__` raised StopAsyncIteration.
    EndAsyncFor,
    /// Calls TOS-n with n positional arguments.
    Call(u32),
    /// Like Call; TOS is a tuple of keyword names for the last arguments.
    CallKw(u32),
    /// f(*args) / f(*args, **kwargs): flag 1 means a kwargs dict is present.
    CallEx(u32),
    /// Builds a function; flags say which extras sit below the code object.
    MakeFunction(u32),
    ReturnValue,
    YieldValue,
    /// Resumes the iterator at TOS-1 with TOS; jumps when it finishes.
    Send(u32),
    GetAwaitable(u32),
    GetYieldFromIter,
    /// Pushes an exception handler: on error, unwind to the stack depth of now
    /// and jump to the target with the exception pushed.
    SetupExcept(u32),
    /// Like SetupExcept, but for a `finally:` or a cleanup handler.
    SetupFinally(u32),
    PopBlock,
    /// Leaves an except handler: pops the handled-exception stack.
    PopExcept,
    /// `raise` with 0, 1 (exc) or 2 (exc, cause) operands.
    Raise(u32),
    /// Re-raises TOS keeping its traceback.
    Reraise,
    /// Tests TOS-1 (exception) against TOS (type or tuple); pushes a bool.
    CheckExcMatch,
    /// For `except*`: splits the group at TOS-1 by TOS; pushes rest, match.
    CheckEgMatch,
    /// Combines re-raised parts after an `except*` block.
    PrepReraiseStar,
    /// Pushes the exception at TOS onto the handled-exception stack.
    PushExcInfo,
    /// Context managers: TOS → [exit, enter-result].
    BeforeWith,
    BeforeAsyncWith,
    /// Calls the `__exit__` at TOS-n... with the exception at TOS.
    WithExceptStart,
    ImportName(u32),
    ImportFrom(u32),
    ImportStar,
    UnpackSequence(u32),
    /// Star unpacking: low 16 bits before the star, high 16 bits after.
    UnpackEx(u32),
    LoadBuildClass,
    /// Pushes `AssertionError` (so `assert` works even if the name is shadowed).
    LoadAssertionError,
    /// Match helpers.
    GetLen,
    MatchMapping,
    MatchSequence,
    MatchKeys,
    MatchClass(u32),
    /// Copies the item `n` below TOS (1 = TOS) to the top.
    Copy(u32),
    /// Stores TOS into the dict TOS-1 under the key TOS-2 (annotations).
    SetupAnnotations,
    /// Makes the generator/coroutine object for this frame and returns it.
    ReturnGenerator,
    /// Converts a StopIteration escaping a generator into RuntimeError.
    NoOpMarker,
    /// Calls an intrinsic: 1 = the rest of a mapping pattern, 2 = wrap an
    /// async generator's yield, 3 = `complex(0, TOS)` (an imaginary literal;
    /// constants cannot hold it, the class belongs to the VM).
    CallIntrinsic(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Pos,
    Not,
    Invert,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpKind {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

/// What kind of frame a code object makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Class,
    Function,
    Generator,
    Coroutine,
    AsyncGenerator,
}

/// Source position of one instruction, for tracebacks and carets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

/// A compiled function body (or module, or class body).
pub struct Code {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub kind: CodeKind,
    pub ops: Vec<Op>,
    /// Parallel to `ops`.
    pub positions: Vec<Pos>,
    pub consts: Vec<Value>,
    pub names: Vec<Rc<str>>,
    /// Fast locals: parameters first, in signature order.
    pub varnames: Vec<Rc<str>>,
    /// Locals captured by inner functions.
    pub cellvars: Vec<Rc<str>>,
    /// Variables captured from enclosing functions.
    pub freevars: Vec<Rc<str>>,
    /// For each cellvar, the varnames index of the parameter it shadows.
    pub cell_params: Vec<Option<u32>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub has_varargs: bool,
    pub has_varkw: bool,
    pub first_line: u32,
    /// The source text, shared by every code object of a file, for tracebacks.
    pub source: Rc<str>,
    /// Per-`names` entry: where `LoadGlobal`/`StoreGlobal` last found it.
    pub global_cache: Box<[Cell<GlobalCache>]>,
    /// Per-`names` entry: what the receiver's class held under that name
    /// the last time `LoadAttr`/`StoreAttr`/`LoadMethod` used it.
    pub attr_cache: Box<[RefCell<AttrCache>]>,
    /// For a coroutine function with a Rust shortcut (`asyncio.sleep`,
    /// `Queue.put`, `Queue.get`): see [`AwaitFast`].
    pub await_fast: Cell<Option<AwaitFast>>,
}

/// The common case of a coroutine function, in Rust. `await f(args)`
/// (the call's result awaited at once, so nothing else can see the
/// coroutine) first calls this with the function's code and the
/// positional arguments; `None` means anything unusual, and the coroutine
/// runs as written.
pub type AwaitFast = fn(&mut crate::vm::Vm, &Rc<Code>, &[Value]) -> crate::vm::PyResult<Option<Shortcut>>;

/// What an [`AwaitFast`] did instead of the coroutine.
pub enum Shortcut {
    /// The coroutine would have returned this without suspending: the call
    /// and the await are skipped.
    Returned(Value),
    /// The coroutine would only have awaited this and returned its result:
    /// it is awaited in the coroutine's place.
    Awaits(Value),
}

/// A remembered `type(obj).lookup(name)` with what it implies for
/// attribute access, valid for one class while no watched class dict has
/// changed (`namemap::watched_epoch`). Attribute instructions on instances
/// of that class then skip the MRO walk and the descriptor checks.
#[derive(Default)]
pub struct AttrCache {
    /// The class's address and id (ids alone are shared by a class and the
    /// copy `__build_class__` makes of it).
    pub class: usize,
    pub class_id: usize,
    pub epoch: u64,
    /// What the class (or its MRO) holds under the name.
    pub value: Option<Value>,
    /// `value` is not a data descriptor, so the instance dict comes first.
    pub dict_first: bool,
    /// `obj.name = v` may go straight into the instance dict: no data
    /// descriptor, custom `__setattr__`, `__slots__` or frozen dataclass.
    pub plain_store: bool,
    /// `value` is a plain function or builtin method: `LoadMethod` can
    /// push it unbound with `obj` as self (unless the instance shadows it).
    pub method: bool,
}

impl AttrCache {
    /// Whether the entry describes `cls` as it is now.
    #[inline(always)]
    pub fn valid_for(&self, cls: &crate::value::Class) -> bool {
        self.class == cls as *const crate::value::Class as usize
            && self.class_id == cls.id
            && self.epoch == crate::namemap::watched_epoch()
    }
}

/// A remembered global lookup, valid while the map versions match (the
/// versions change whenever a map's keys change; see `NameMap::version`).
#[derive(Clone, Copy, Debug)]
pub struct GlobalCache {
    /// The version of the globals map when the lookup was made.
    pub gver: u64,
    /// For a name found in builtins: the builtins map's version.
    pub bver: u64,
    pub slot: u32,
    pub builtin: bool,
}

impl GlobalCache {
    pub const EMPTY: GlobalCache = GlobalCache { gver: u64::MAX, bver: u64::MAX, slot: 0, builtin: false };
}

impl Code {
    pub fn is_generator_like(&self) -> bool {
        matches!(
            self.kind,
            CodeKind::Generator | CodeKind::Coroutine | CodeKind::AsyncGenerator
        )
    }
    pub fn line_at(&self, ip: usize) -> u32 {
        self.positions.get(ip).map(|p| p.line).unwrap_or(self.first_line)
    }
}
