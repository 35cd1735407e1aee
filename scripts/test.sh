#!/usr/bin/env bash
# Runs every test: engine unit tests, the parser's tests, and the
# conformance suite (expectations committed; no Python needed).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --release
