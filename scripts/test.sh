#!/usr/bin/env bash
# The test command (README quick start, and what .ci/run calls): installs dependencies, builds,
# and runs every test with CTest, ending with CTest's summary.
# Usage: scripts/test.sh            # RelWithDebInfo build, all tests
#        scripts/test.sh --asan     # the same under AddressSanitizer + UndefinedBehaviorSanitizer
#        scripts/test.sh -- -R Mann # extra arguments after -- go to ctest
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
preset=default
if [ "${1:-}" = "--asan" ]; then preset=asan; shift; fi
if [ "${1:-}" = "--" ]; then shift; fi
"$root/scripts/build.sh" "$preset"
cd "$root"
exec ctest --preset "$preset" -j2 --timeout 600 "$@"
