//! A minimal WebAssembly module around the engine, used to measure the
//! engine's size: `cargo build --release --target wasm32-unknown-unknown
//! -p looplab-engine --example wasm_size`, then wasm-opt -Oz and gzip.

use looplab_engine::{Interpreter, Limits, Status, Stream};

/// Runs the UTF-8 program at `ptr..ptr+len` and returns its stdout length,
/// so nothing in the engine is optimised away.
#[no_mangle]
pub extern "C" fn run_program(ptr: *const u8, len: usize) -> usize {
    // SAFETY: the host passes a valid buffer it owns for this call.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    let src = String::from_utf8_lossy(bytes);
    let mut it = Interpreter::new(&src, "main.py", Limits::default());
    while let Status::Running = it.run(10_000) {}
    it.trace().text(Stream::Stdout).len()
}

/// Lets the host allocate the input buffer.
#[no_mangle]
pub extern "C" fn alloc_buffer(len: usize) -> *mut u8 {
    let mut v = Vec::<u8>::with_capacity(len);
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}
