#!/bin/sh
# Regenerates the tool-made fixtures of tests/data/ingest/ with the installed tools
# (libbenchmark-dev 1.7.1 and hyperfine 1.15 on Debian 12). The tests only read the committed
# files; they need neither tool. Timings differ on every run, so regenerating changes the files
# and the tests must not depend on exact timings. See ../README.md for the hand-edited fixtures.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$(dirname "$here")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

g++ -O2 -std=c++20 "$here/tiny_bench.cpp" -o tiny_bench -lbenchmark -lpthread
fast="--benchmark_min_time=0.01 --benchmark_out_format=json"
common="--benchmark_filter=-UndefinedRatio"
mkdir -p "$out/gbench/two_processes" "$out/hyperfine" "$out/malformed"
./tiny_bench $fast $common --benchmark_repetitions=3 --benchmark_out="$out/gbench/repetitions.json" >/dev/null 2>&1
./tiny_bench $fast --benchmark_filter='StringBuild|Sort|Accumulate/64$' --benchmark_out="$out/gbench/single.json" >/dev/null 2>&1
./tiny_bench $fast --benchmark_filter=StringBuild --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_out="$out/gbench/aggregates_only.json" >/dev/null 2>&1
for i in 1 2; do
  ./tiny_bench $fast --benchmark_filter='StringBuild|Accumulate/64$' --benchmark_repetitions=2 \
    --benchmark_out="$out/gbench/two_processes/run$i.json" >/dev/null 2>&1
done
./tiny_bench $fast --benchmark_filter=UndefinedRatio --benchmark_out="$out/malformed/nan_counter.json" >/dev/null 2>&1
# Console output where JSON was expected: stdout redirected to a file, and stdout with stderr.
./tiny_bench --benchmark_min_time=0.01 --benchmark_filter='StringBuild|Accumulate/64$' \
  >"$out/malformed/console.txt" 2>/dev/null
./tiny_bench --benchmark_min_time=0.01 --benchmark_filter='StringBuild|Accumulate/64$' \
  >"$out/malformed/console_with_context.txt" 2>&1
# A file cut off mid-way, as a killed benchmark leaves it.
head -c 1500 "$out/gbench/repetitions.json" > "$out/malformed/truncated.json"

hyperfine -N --runs 5 --warmup 1 --export-json "$out/hyperfine/basic.json" 'sleep 0.01' 'true' >/dev/null 2>&1
# Every third run of the first command fails; the second always exits 3 (kept by -i).
hyperfine -i --runs 6 --export-json "$out/hyperfine/ignore_failure.json" \
  "sh -c 'n=\$(cat count 2>/dev/null || echo 0); echo \$((n+1)) > count; test \$((n % 3)) -ne 2'" \
  "sh -c 'exit 3'" >/dev/null 2>&1
hyperfine -N --runs 3 -P ms 1 2 --export-json "$out/hyperfine/parameters.json" 'sleep 0.00{ms}' >/dev/null 2>&1
