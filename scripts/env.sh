# Sourced by the scripts: the project's tools first on PATH (wasm-opt from
# the npm binaryen package, ahead of any older system binaryen).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# The browser build recompiles Rust's standard library for size and makes a
# panic a bare trap (-Cpanic=immediate-abort: the page had nowhere to print a
# panic message anyway), 40 KB less gzipped wasm. `{:?}` formats nothing
# and panics carry no location (-Zfmt-debug=none -Zlocation-detail=none,
# 3.5 KB): the engine never shows Debug output to a learner, and a test
# keeps it so (no `{:?}` outside tests). These options are unstable;
# RUSTC_BOOTSTRAP allows them on the pinned stable toolchain. Only the
# scripts that run Trunk call this, so native builds and tests are untouched.
size_build_env() {
  export RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
}
