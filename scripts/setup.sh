#!/usr/bin/env bash
# Installs what building the web app needs, skipping whatever is present:
# the wasm32 target and the standard library's sources, trunk and wasm-bindgen-cli (the versions the lock file
# and Trunk.toml pin), the npm packages (CodeMirror, esbuild, wasm-opt from
# binaryen, playwright-core), and the crates. With --browser, also
# Debian's Chromium for the browser tests.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

TRUNK_VERSION=0.21.14
# The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
# The standard library's sources, which the browser build recompiles for
# size (size_build_env in env.sh).
if ! rustup component list --installed | grep -q '^rust-src'; then
  rustup component add rust-src
fi
if ! trunk --version 2>/dev/null | grep -qw "$TRUNK_VERSION"; then
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qw "$BINDGEN_VERSION"; then
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION"
fi
if ! npm ls --depth=0 >/dev/null 2>&1; then
  npm ci --no-audit --no-fund
fi
if [[ "${1:-}" == "--browser" ]] && ! command -v "${CHROMIUM:-/usr/bin/chromium}" >/dev/null 2>&1; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
fi
cargo fetch --locked >/dev/null
# The standard library's own dependencies, for that build (Trunk is offline).
RUSTC_BOOTSTRAP=1 cargo fetch --manifest-path "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml" >/dev/null 2>&1
