#!/usr/bin/env bash
# Installs dependencies (scripts/deps.sh), then configures and builds one CMake preset.
# Usage: scripts/build.sh [default|asan|fuzz|tool] [extra cmake --build args...]
# `tool` is benchgate alone and needs only the runtime packages; the others build the tests too.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
preset="${1:-default}"
shift || true
if [ "$preset" = tool ]; then
  "$root/scripts/deps.sh"
else
  "$root/scripts/deps.sh" --test
fi
cd "$root"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" "$@"
