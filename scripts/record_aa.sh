#!/usr/bin/env bash
# Records A/A interleaved jobs of the bundled example suite on this machine, for the noise
# simulator's fit (tests/sim, docs/statistics.md#error-rates): the same binary on both sides,
# `benchgate ab --rounds R`, and each job's paired per-process medians as a small CSV under
# tests/data/aa/. Run it on an idle machine; what the machine does during it is what the
# simulator will be fitted to.
#
#   scripts/record_aa.sh [JOBS [ROUNDS [OUT_DIR]]]     (defaults: 3 jobs, 20 rounds, tests/data/aa)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobs="${1:-3}"
rounds="${2:-20}"
out="${3:-$root/tests/data/aa}"
"$root/scripts/build.sh" default --target benchgate example_bench >/dev/null
benchgate="$root/build/default/cli/benchgate"
bench="$root/build/default/examples/example_bench --benchmark_min_time=0.05"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$out"
for job in $(seq 1 "$jobs"); do
  "$benchgate" ab --base "$bench" --head "$bench" --rounds "$rounds" --repetitions 3 \
    --seed "$job" -o "$scratch/job-$job" -q >/dev/null
  /usr/bin/python3 - "$scratch/job-$job" "$out/example-job-$job.csv" <<'PY'
import json, statistics, sys
src, dst = sys.argv[1], sys.argv[2]
rows = []
for side in ("base", "head"):
    record = json.load(open(f"{src}/{side}.json"))
    processes = {p["id"]: p for p in record["processes"]}
    for b in record["benchmarks"]:
        by_process = {}
        for value, pid in zip(b["metrics"]["real_time"], b["process"]):
            by_process.setdefault(pid, []).append(value)
        for pid, values in by_process.items():
            tag = processes[pid].get("context", {}).get("benchgate_ab", {})
            if processes[pid].get("status", "ok") != "ok" or "round" not in tag:
                continue
            rows.append((b["name"], tag["round"], side, tag["position"],
                         statistics.median(values)))
with open(dst, "w") as f:
    f.write("benchmark,round,side,position,median_ns\n")
    for r in sorted(rows, key=lambda r: (r[0], r[1], r[2])):
        f.write(f"{r[0]},{r[1]},{r[2]},{r[3]},{r[4]:.6g}\n")
PY
  echo "recorded $out/example-job-$job.csv"
done
