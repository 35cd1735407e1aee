//! The builtin classes (int, str, list, ..., the exception tree) and class
//! creation with C3 method resolution order.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::namemap::NameMap;
use crate::value::{Args, Builtin, BuiltinFn, Class, Layout, Obj, Payload, Value};
use crate::vm::{PyResult, Vm};

/// Constructor for a builtin type: receives the class actually called (a
/// subclass, possibly) and the arguments.
pub type Ctor = fn(&mut Vm, Rc<Class>, Args) -> PyResult<Value>;

thread_local! {
    static NEXT_CLASS_ID: std::cell::Cell<usize> = const { std::cell::Cell::new(1) };
    static CODE_CLASS: RefCell<Option<Rc<Class>>> = const { RefCell::new(None) };
}

fn next_id() -> usize {
    NEXT_CLASS_ID.with(|n| {
        let v = n.get();
        n.set(v + 1);
        v
    })
}

/// The class of code objects (needed by the compiler, which has no VM).
pub fn code_class() -> Rc<Class> {
    CODE_CLASS.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(|| {
                Rc::new(Class {
                    name: Rc::from("code"),
                    qualname: Rc::from("code"),
                    module: Rc::from("builtins"),
                    bases: Vec::new(),
                    mro: Vec::new(),
                    dict: RefCell::new(NameMap::new()),
                    layout: Layout::Other,
                    id: next_id(),
                    hooks: Default::default(),
                })
            })
            .clone()
    })
}

/// All builtin classes, created once per VM.
pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub int: Rc<Class>,
    pub bool: Rc<Class>,
    pub float: Rc<Class>,
    pub complex: Rc<Class>,
    pub str: Rc<Class>,
    pub bytes: Rc<Class>,
    pub list: Rc<Class>,
    pub tuple: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub none_type: Rc<Class>,
    pub not_implemented_type: Rc<Class>,
    pub ellipsis_type: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin_function: Rc<Class>,
    pub builtin_method: Rc<Class>,
    pub method: Rc<Class>,
    pub module: Rc<Class>,
    pub generator: Rc<Class>,
    pub coroutine: Rc<Class>,
    pub async_generator: Rc<Class>,
    pub property: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub classmethod: Rc<Class>,
    pub super_: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub cell: Rc<Class>,
    pub code: Rc<Class>,
    pub iterator: Rc<Class>,
    pub native: Rc<Class>,
    pub traceback: Rc<Class>,
    pub stream: Rc<Class>,
    pub generic_alias: Rc<Class>,
    pub union_type: Rc<Class>,
    /// Marker for "no self" between LOAD_METHOD and CALL_METHOD.
    pub null: Rc<Obj>,
    pub traceback_marker: Rc<Obj>,
    pub exceptions: HashMap<&'static str, Rc<Class>>,
    /// Builtin iterator classes by name (`list_iterator`, `map`, ...).
    pub iter_classes: RefCell<HashMap<&'static str, Rc<Class>>>,
    pub ctors: HashMap<usize, Ctor>,
}

/// Creates a class object; `mro` is computed with C3.
pub fn new_class(name: &str, module: &str, bases: Vec<Rc<Class>>, dict: NameMap, layout: Layout) -> Result<Rc<Class>, String> {
    let mro = c3_mro(&bases)?;
    Ok(Rc::new(Class {
        name: Rc::from(name),
        qualname: Rc::from(name),
        module: Rc::from(module),
        bases,
        mro,
        dict: RefCell::new(dict),
        layout,
        id: next_id(),
        hooks: Default::default(),
    }))
}

/// C3 linearisation of the bases (the class itself excluded).
fn c3_mro(bases: &[Rc<Class>]) -> Result<Vec<Rc<Class>>, String> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases
        .iter()
        .map(|b| {
            let mut s = vec![b.clone()];
            s.extend(b.mro.iter().cloned());
            s
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut chosen = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs.iter().any(|t| t[1..].iter().any(|c| c.id == cand.id)) {
                chosen = Some(cand.clone());
                break;
            }
        }
        let Some(c) = chosen else {
            let names: Vec<String> = bases.iter().map(|b| b.name.to_string()).collect();
            return Err(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in seqs.iter_mut() {
            if s[0].id == c.id {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

impl Class {
    /// Instances are plain objects whose `__init__` can run as a frame.
    pub fn layout_is_plain_init(&self) -> bool {
        matches!(self.layout, Layout::Object | Layout::Exception)
            && self.hooks() & crate::value::HOOK_NEW == 0
            && self.module.as_ref() != "builtins"
    }
}

const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("BaseExceptionGroup", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ExceptionGroup", "BaseExceptionGroup"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("PythonFinalizationError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
    ("EncodingWarning", "Warning"),
];

impl Types {
    pub fn new() -> Types {
        let mk = |name: &str, bases: Vec<Rc<Class>>, layout: Layout| {
            new_class(name, "builtins", bases, NameMap::new(), layout).unwrap_or_else(|_| code_class())
        };
        let object = mk("object", vec![], Layout::Object);
        let o = || vec![object.clone()];
        let type_ = mk("type", o(), Layout::Other);
        let int = mk("int", o(), Layout::Int);
        let bool_ = mk("bool", vec![int.clone()], Layout::Int);
        let mut exceptions = HashMap::new();
        for (name, base) in EXCEPTIONS {
            let bases = if base.is_empty() {
                o()
            } else {
                let mut b: Vec<Rc<Class>> = vec![exceptions.get(base).cloned().unwrap_or_else(|| object.clone())];
                if *name == "ExceptionGroup" {
                    if let Some(e) = exceptions.get("Exception") {
                        b.push(Rc::clone(e));
                    }
                }
                b
            };
            exceptions.insert(*name, mk(name, bases, Layout::Exception));
        }
        let null_class = mk("NULL", o(), Layout::Other);
        let tb = mk("traceback", o(), Layout::Other);
        Types {
            type_,
            int,
            bool: bool_,
            float: mk("float", o(), Layout::Float),
            complex: mk("complex", o(), Layout::Other),
            str: mk("str", o(), Layout::Str),
            bytes: mk("bytes", o(), Layout::Other),
            list: mk("list", o(), Layout::List),
            tuple: mk("tuple", o(), Layout::Tuple),
            dict: mk("dict", o(), Layout::Dict),
            set: mk("set", o(), Layout::Set),
            frozenset: mk("frozenset", o(), Layout::Set),
            none_type: mk("NoneType", o(), Layout::Other),
            not_implemented_type: mk("NotImplementedType", o(), Layout::Other),
            ellipsis_type: mk("ellipsis", o(), Layout::Other),
            function: mk("function", o(), Layout::Other),
            builtin_function: mk("builtin_function_or_method", o(), Layout::Other),
            builtin_method: mk("builtin_function_or_method", o(), Layout::Other),
            method: mk("method", o(), Layout::Other),
            module: mk("module", o(), Layout::Other),
            generator: mk("generator", o(), Layout::Other),
            coroutine: mk("coroutine", o(), Layout::Other),
            async_generator: mk("async_generator", o(), Layout::Other),
            property: mk("property", o(), Layout::Other),
            staticmethod: mk("staticmethod", o(), Layout::Other),
            classmethod: mk("classmethod", o(), Layout::Other),
            super_: mk("super", o(), Layout::Other),
            range: mk("range", o(), Layout::Other),
            slice: mk("slice", o(), Layout::Other),
            cell: mk("cell", o(), Layout::Other),
            code: code_class(),
            iterator: mk("iterator", o(), Layout::Other),
            native: mk("object", o(), Layout::Other),
            traceback: tb.clone(),
            stream: mk("TextIOWrapper", o(), Layout::Other),
            generic_alias: mk("GenericAlias", o(), Layout::Other),
            union_type: mk("UnionType", o(), Layout::Other),
            null: Rc::new(Obj::new(null_class, Payload::None)),
            traceback_marker: Rc::new(Obj::new(tb, Payload::None)),
            exceptions,
            iter_classes: RefCell::new(HashMap::new()),
            ctors: HashMap::new(),
            object,
        }
    }

    /// The class of a builtin iterator kind, created on first use.
    pub fn iter_class(&self, name: &'static str) -> Rc<Class> {
        if let Some(c) = self.iter_classes.borrow().get(name) {
            return c.clone();
        }
        let c = new_class(name, "builtins", vec![self.object.clone()], NameMap::new(), Layout::Other)
            .unwrap_or_else(|_| self.iterator.clone());
        add_method(&c, "__iter__", name, iter_self);
        add_method(&c, "__next__", name, iter_next);
        self.iter_classes.borrow_mut().insert(name, c.clone());
        c
    }

    /// A builtin exception class by name (falls back to Exception).
    pub fn exc(&self, name: &str) -> Rc<Class> {
        match self.exceptions.get(name) {
            Some(c) => c.clone(),
            None => self.exceptions.get("Exception").cloned().unwrap_or_else(|| self.object.clone()),
        }
    }

    /// The constructor to use when calling `c` (its own or its nearest
    /// builtin base's), unless `c` is a plain Python class.
    pub fn constructor_for(&self, c: &Rc<Class>) -> Option<Ctor> {
        if let Some(f) = self.ctors.get(&c.id) {
            return Some(*f);
        }
        if c.layout_is_plain_init() || matches!(c.layout, Layout::Object | Layout::Exception) {
            return None;
        }
        c.mro.iter().find_map(|b| self.ctors.get(&b.id).copied())
    }
}

impl Default for Types {
    fn default() -> Types {
        Types::new()
    }
}

/// Adds a Rust method to a class.
pub fn add_method(class: &Rc<Class>, name: &'static str, owner: &'static str, func: BuiltinFn) {
    let b = Builtin { name, func, bound: None, owner: Some(owner) };
    class.dict.borrow_mut().set_str(name, Value::Builtin(Rc::new(b)));
}

/// Wraps a Rust function as a Python builtin function value.
pub fn builtin_fn(name: &'static str, func: BuiltinFn) -> Value {
    Value::Builtin(Rc::new(Builtin { name, func, bound: None, owner: None }))
}

/// Registers every builtin method table.
pub fn install_methods(vm: &mut Vm) {
    crate::builtins::install_methods(vm);
}

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

fn iter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = args.pos.first().cloned().unwrap_or(Value::None);
    match vm.next(&it)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}
