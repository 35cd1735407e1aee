//! Methods of the builtin set type.

use crate::vm::Vm;

/// Registers the methods on the builtin class.
pub fn install(_vm: &mut Vm) {}
