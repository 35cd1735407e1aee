//! `typing`: names importable and subscriptable; nothing is enforced.

use std::rc::Rc;

use crate::value::{Obj, Payload, Value};
use crate::vm::{PyResult, Vm};

const NAMES: &[&str] = &[
    "Any", "Optional", "Union", "List", "Dict", "Tuple", "Set", "FrozenSet", "Callable", "Iterable", "Iterator",
    "Generator", "AsyncGenerator", "AsyncIterator", "AsyncIterable", "Awaitable", "Coroutine", "Sequence", "Mapping",
    "MutableMapping", "TypeVar", "Generic", "Protocol", "Literal", "Final", "ClassVar", "NamedTuple", "TypedDict",
    "Type", "NoReturn", "Never", "Self", "Deque", "DefaultDict", "Counter", "Annotated",
];

pub fn make(vm: &mut Vm) -> Value {
    let (m, v) = vm.new_module("typing");
    for n in NAMES {
        let alias = special_form(vm, n);
        m.globals.borrow_mut().set_str(n, alias);
    }
    m.globals.borrow_mut().set_str("TYPE_CHECKING", Value::Bool(false));
    v
}

fn special_form(vm: &mut Vm, name: &str) -> Value {
    let cls = vm.types.generic_alias.clone();
    let o = Obj::new(cls, Payload::None);
    o.dict.borrow_mut().set_str("__name__", Value::str(name));
    o.dict.borrow_mut().set_str("__origin__", Value::None);
    o.dict.borrow_mut().set_str("__args__", Value::tuple(vec![]));
    Value::Obj(Rc::new(o))
}

/// `list[int]`, `typing.Optional[str]`, ...: an alias object whose repr
/// reads like CPython's.
pub fn generic_alias(vm: &mut Vm, origin: Value, args: Value) -> PyResult<Value> {
    let cls = vm.types.generic_alias.clone();
    let o = Obj::new(cls, Payload::None);
    let args = match args {
        Value::Tuple(t) => Value::Tuple(t),
        other => Value::tuple(vec![other]),
    };
    o.dict.borrow_mut().set_str("__origin__", origin);
    o.dict.borrow_mut().set_str("__args__", args);
    Ok(Value::Obj(Rc::new(o)))
}
