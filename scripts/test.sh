#!/usr/bin/env bash
# The test command (README quick start, and what .ci/run calls): installs dependencies, builds,
# runs every test with CTest (ending with CTest's summary), then builds the fuzz targets and runs
# each for a bounded time (scripts/fuzz.sh, docs/development.md#fuzzing).
# Usage: scripts/test.sh            # RelWithDebInfo build, all tests, then the fuzzers
#        scripts/test.sh --asan     # the same under AddressSanitizer + UndefinedBehaviorSanitizer
#        scripts/test.sh --measurement  # also the `measurement` tests: acceptance figures of
#                                       # interleaved mode that need an otherwise idle machine
#        scripts/test.sh --no-fuzz  # CTest only
#        scripts/test.sh -- -R Mann # extra arguments after -- go to ctest
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
preset=default
exclude=(-LE measurement)
fuzz=true
# The fuzzers' share of the test command: the build of the fuzz preset plus 12 targets x
# fuzz_seconds / 2 at a time, which together stay within about six minutes on two cores.
fuzz_seconds=15
while [ $# -gt 0 ]; do
  case "$1" in
    --asan) preset=asan; shift ;;
    --measurement) exclude=(); shift ;;
    --no-fuzz) fuzz=false; shift ;;
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
status=0
ctest --preset "$preset" -j2 --timeout 600 "${exclude[@]}" "$@" || status=$?
if $fuzz; then
  "$root/scripts/fuzz.sh" --seconds "$fuzz_seconds" --jobs 2 || status=$?
fi
exit "$status"
