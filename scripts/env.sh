# Sourced by the scripts: the project's tools first on PATH (wasm-opt from
# the npm binaryen package, ahead of any older system binaryen).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
