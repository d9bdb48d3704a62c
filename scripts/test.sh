#!/usr/bin/env bash
# The test command (README quick start, and what .ci/run calls): installs dependencies, builds,
# and runs every test with CTest, ending with CTest's summary.
# Usage: scripts/test.sh            # RelWithDebInfo build, all tests
#        scripts/test.sh --asan     # the same under AddressSanitizer + UndefinedBehaviorSanitizer
#        scripts/test.sh --measurement  # also the `measurement` tests: acceptance figures of
#                                       # interleaved mode that need an otherwise idle machine
#        scripts/test.sh -- -R Mann # extra arguments after -- go to ctest
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
preset=default
exclude=(-LE measurement)
while [ $# -gt 0 ]; do
  case "$1" in
    --asan) preset=asan; shift ;;
    --measurement) exclude=(); shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done
"$root/scripts/build.sh" "$preset"
cd "$root"
if [ ${#exclude[@]} -gt 0 ]; then
  echo "benchgate: not running the 'measurement' tests (repeated timing jobs that need an idle"
  echo "           machine, ~2.5 min); scripts/test.sh --measurement runs them too"
fi
exec ctest --preset "$preset" -j2 --timeout 600 "${exclude[@]}" "$@"
