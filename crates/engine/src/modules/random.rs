//! `random` (placeholder core until the Mersenne Twister lands).

use crate::value::Value;
use crate::vm::Vm;

/// The generator state.
pub struct Random {
    state: u64,
}

impl Random {
    pub fn new_default() -> Random {
        Random { state: 0x853c49e6748fea9b }
    }
}

pub fn make(vm: &mut Vm) -> Value {
    let (_m, v) = vm.new_module("random");
    v
}
