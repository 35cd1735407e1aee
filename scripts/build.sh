#!/usr/bin/env bash
# Builds the release web app into dist/ (both pages) as the tests and the
# benchmarks use it, installing whatever is missing first.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
size_build_env
trunk build --release "$@"
# Each file's .gz for hosts that send precompressed files (zopfli, 5% less).
node scripts/precompress.mjs
