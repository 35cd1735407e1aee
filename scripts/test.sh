#!/usr/bin/env bash
# Runs every test: the Rust crates' tests (parser, engine, the conformance
# suite, the web app's logic), then builds the release web app and runs the
# browser tests against it in headless Chromium. Installs what is missing.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
cargo test --workspace --release
./scripts/setup.sh --browser
size_build_env
trunk build --release
node scripts/precompress.mjs
node --test --test-concurrency=1 tests/browser/
