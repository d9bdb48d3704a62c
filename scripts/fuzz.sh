#!/usr/bin/env bash
# Builds the `fuzz` preset (libFuzzer targets under ASan + UBSan, tests/fuzz) and runs each target
# over a copy of its seed corpus (tests/fuzz/corpus/<target>/) for a bounded time.
# Usage: scripts/fuzz.sh [--seconds N] [--jobs J] [--no-build] [target...]
#   --seconds N  time per target (default 20)
#   --jobs J     targets run at the same time (default 2)
#   --no-build   use the targets already in build/fuzz
#   target...    names such as `json` or `json_fuzz` (default: every tests/fuzz/*_fuzz.cpp)
# Prints libFuzzer's final statistics per target; fails on any crash, leak, timeout or
# out-of-memory, leaving the reproducer in build/fuzz/findings/<target>/ (it says which file).
# Reproduce one: build/fuzz/tests/fuzz/<target>_fuzz build/fuzz/findings/<target>/crash-...
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds=20
jobs=2
build=true
targets=()
usage() { echo "usage: scripts/fuzz.sh [--seconds N] [--jobs J] [--no-build] [target...]" >&2; exit 2; }
count() { [[ "${1:-}" =~ ^[1-9][0-9]*$ ]] || usage; echo "$1"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$(count "${2:-}")"; shift 2 ;;
    --jobs) jobs="$(count "${2:-}")"; shift 2 ;;
    --no-build) build=false; shift ;;
    -*) usage ;;
    *) targets+=("${1%_fuzz}"); shift ;;
  esac
done
if [ ${#targets[@]} -eq 0 ]; then
  for source in "$root"/tests/fuzz/*_fuzz.cpp; do
    name="$(basename "$source" .cpp)"
    targets+=("${name%_fuzz}")
  done
fi

# The largest input worth trying: a little above the largest seed, so mutations stay fast.
max_len() {
  case "$1" in
    http_headers | pre_push) echo 2048 ;;
    config | handoff | forge_event) echo 8192 ;;
    perf_script) echo 32768 ;;
    *) echo 16384 ;;
  esac
}

out="$root/build/fuzz"
if $build; then
  "$root/scripts/deps.sh" --test
  # ccache when there is one: the instrumented build of every library is the slow part (half an
  # hour on a busy 2-core machine), and a CI machine that keeps its cache rebuilds only what
  # changed. Only on the first configure: changing the launcher later would rebuild everything.
  launcher=()
  if command -v ccache >/dev/null && [ ! -f "$out/CMakeCache.txt" ]; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  (cd "$root" && cmake --preset fuzz "${launcher[@]}" >/dev/null && cmake --build --preset fuzz)
fi
for target in "${targets[@]}"; do
  if [ ! -x "$out/tests/fuzz/${target}_fuzz" ]; then
    echo "benchgate: error: no fuzz target ${target}_fuzz in $out/tests/fuzz (the targets are" \
      "tests/fuzz/*_fuzz.cpp)" >&2
    exit 2
  fi
done

# One target: fresh copy of the seeds (the fuzzer adds to its first corpus directory), its log,
# its findings directory, and its exit status in logs/<target>.status when it is done.
run_target() {
  local target="$1" corpus="$out/corpus/$1" findings="$out/findings/$1/" status=0
  rm -rf "$corpus" "$findings"
  mkdir -p "$corpus" "$findings"
  if [ -d "$root/tests/fuzz/corpus/$target" ]; then
    cp -r "$root/tests/fuzz/corpus/$target/." "$corpus/"
  fi
  # Leak detection stays on: a leak in a parser is a finding like a crash.
  ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}" \
    "$out/tests/fuzz/${target}_fuzz" -max_total_time="$seconds" -max_len="$(max_len "$target")" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$findings" \
    "$corpus" >"$out/logs/$target.log" 2>&1 || status=$?
  echo "$status" >"$out/logs/$target.status"
}

# Reports every finished target of `running` and keeps the others.
failed=()
running=()
reap() {
  local still=() target
  for target in "${running[@]}"; do
    local status_file="$out/logs/$target.status"
    if [ ! -f "$status_file" ]; then
      still+=("$target")
      continue
    fi
    local status log="$out/logs/$target.log" stats coverage
    status="$(cat "$status_file")"
    stats="$(grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" |
      sed 's/^stat:://' | tr -s ' \n' '  ')"
    coverage="$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1)"
    if [ "$status" -eq 0 ]; then
      echo "fuzz $target: ok, ${seconds}s, ${coverage:-cov: ?}, ${stats}"
    else
      failed+=("$target")
      echo "fuzz $target: FAILED (exit $status), log $log"
      grep -E '(==ERROR|^SUMMARY|runtime error|Test unit written to)' "$log" | head -n 8 | sed 's/^/  /'
      echo "  reproducer in $out/findings/$target/: $(find "$out/findings/$target" -type f -printf '%f ')"
    fi
  done
  running=("${still[@]}")
}

mkdir -p "$out/logs"
for target in "${targets[@]}"; do
  rm -f "$out/logs/$target.status"
  while [ ${#running[@]} -ge "$jobs" ]; do
    wait -n || true
    reap
  done
  run_target "$target" &
  running+=("$target")
done
wait
reap

if [ ${#failed[@]} -gt 0 ]; then
  echo "benchgate: error: fuzzing found problems in: ${failed[*]} (reproducers under $out/findings/;" \
    "run one with $out/tests/fuzz/<target>_fuzz FILE)" >&2
  exit 1
fi
echo "fuzz: ${#targets[@]} target(s), ${seconds}s each, no findings"
