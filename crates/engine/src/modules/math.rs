//! The `math` module.

use crate::value::Value;
use crate::vm::Vm;

pub fn make(vm: &mut Vm) -> Value {
    let (_m, v) = vm.new_module("math");
    v
}
