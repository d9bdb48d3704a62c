#!/usr/bin/env bash
# Installs dependencies (scripts/deps.sh), then configures and builds one CMake preset.
# Usage: scripts/build.sh [default|asan] [extra cmake --build args...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
preset="${1:-default}"
shift || true
"$root/scripts/deps.sh"
cd "$root"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" "$@"
