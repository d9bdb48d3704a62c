#!/usr/bin/env bash
# The main job, end to end, on the bundled example suite (README quick start).
#
# Builds benchgate and the example Google Benchmark suite in two variants: as is ("base") and with
# an injected ~12% slowdown in BM_StringJoin ("head"). Measures each with `benchgate run` in
# several processes, compares them with `benchgate compare`, prints the verdict and writes the
# Markdown, JSON and JUnit reports into a folder it names.
#
# Exits 0 when benchgate caught the injected regression and flagged nothing else, 1 otherwise.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${BENCHGATE_DEMO_DIR:-$root/out/demo}"
processes="${BENCHGATE_DEMO_PROCESSES:-8}"

"$root/scripts/build.sh" default --target benchgate example_bench example_bench_slow
build="$root/build/default"
benchgate="$build/cli/benchgate"
rm -rf "$out"
mkdir -p "$out"

echo "== Measuring the base variant ($processes processes x 3 repetitions)"
"$benchgate" run --processes "$processes" --repetitions 3 --testbed demo -o "$out/base.json" \
  -- "$build/examples/example_bench" --benchmark_min_time=0.05
echo "== Measuring the head variant (BM_StringJoin made slower)"
"$benchgate" run --processes "$processes" --repetitions 3 --testbed demo -o "$out/head.json" \
  -- "$build/examples/example_bench_slow" --benchmark_min_time=0.05

echo "== Comparing"
set +e
"$benchgate" compare "$out/base.json" "$out/head.json" --report-dir "$out/reports"
status=$?
set -e
echo
echo "benchgate compare exited with $status (0 pass, 1 regression found, 2 input error, 3 internal error)"
echo "Reports: $out/reports/comparison.md, comparison.json, comparison.xml (JUnit), comparison.txt"

# The demo succeeds when the gate failed for exactly the injected regression.
/usr/bin/python3 - "$out/reports/comparison.json" "$status" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
regressions = [b["name"] for b in report["benchmarks"] if b["verdict"] == "regression"]
ok = sys.argv[2] == "1" and regressions == ["BM_StringJoin/256"]
print("demo: " + ("OK: the injected regression in BM_StringJoin/256 was caught, nothing else flagged"
                  if ok else f"UNEXPECTED: exit {sys.argv[2]}, regressions {regressions}"))
sys.exit(0 if ok else 1)
PY
