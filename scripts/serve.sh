#!/usr/bin/env bash
# Builds the web app (release) and serves it on http://127.0.0.1:8080,
# installing whatever is missing first. Rebuilds when the sources change.
set -euo pipefail
source "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"
cd "$ROOT"
# Trunk refuses to start when a watch-ignored folder (Trunk.toml) is missing,
# as target/ and dist/ are on a fresh clone.
mkdir -p target dist
size_build_env
exec trunk serve --release "$@"
