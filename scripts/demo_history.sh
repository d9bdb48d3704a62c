#!/usr/bin/env bash
# The history of a branch and `benchgate bisect`, end to end, on the bundled example suite
# (docs/history.md).
#
# 1. Builds benchgate.
# 2. Creates a temporary git repository holding the example Google Benchmark suite
#    (examples/suite/example_bench.cpp), a CMakeLists.txt and a benchgate.toml with a [build]
#    command, and makes BENCHGATE_DEMO_COMMITS commits (default 12) on `main`. One of them, chosen
#    at random (BENCHGATE_DEMO_CULPRIT to pick it), makes BM_StringJoin join twice per iteration: a
#    2x slowdown, large on purpose so that a shared, busy machine cannot blur it; the other commits
#    change a file that is not built.
# 3. On each commit, builds the suite and records a job as the default branch's gate does
#    (`benchgate gate --record always`: the results become that commit's baseline in git notes).
# 4. `benchgate history --benchmark BM_StringJoin`: the series along main, with its change point.
# 5. `benchgate bisect FIRST HEAD --benchmark BM_StringJoin`: each step builds a commit in a
#    temporary worktree and measures it against the first commit in interleaved rounds.
#
# Exits 0 when bisect names exactly the slowing commit, 1 otherwise. The folder is kept for
# inspection: BENCHGATE_DEMO_DIR (default out/demo-history). Builds go through ccache when it is
# installed: the commits share two versions of the source, so most builds are cache hits.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${BENCHGATE_DEMO_DIR:-$root/out/demo-history}"
commits="${BENCHGATE_DEMO_COMMITS:-12}"
culprit="${BENCHGATE_DEMO_CULPRIT:-$((2 + RANDOM % (commits - 2)))}"

# shellcheck source=scripts/demo_common.sh
source "$root/scripts/demo_common.sh"
launcher=""
if command -v ccache >/dev/null; then launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"; fi
build="cmake -S . -B build -DCMAKE_BUILD_TYPE=Release $launcher >/dev/null && cmake --build build >/dev/null"
demo_repository " ($commits commits, commit $culprit slows BM_StringJoin)"
cat > benchgate.toml <<TOML
testbed = "demo"

[build]
# How bisect builds each commit (in its own temporary worktree).
command = "$build"

[gate]
rounds = "auto"
max_rounds = 24

[[suite]]
name = "example"
command = ["build/example_bench", "--benchmark_min_time=0.02"]
processes = 2
repetitions = 2
TOML
printf 'build/\n' > .gitignore

for i in $(seq 1 "$commits"); do
  if [ "$i" = "$culprit" ]; then
    # The slowdown: every iteration joins twice.
    sed -i 's|for (auto _ : state) benchmark::DoNotOptimize(join(pieces, ", "));|for (auto _ : state) { benchmark::DoNotOptimize(join(pieces, ", ")); benchmark::DoNotOptimize(join(pieces, ", ")); }|' bench/example_bench.cpp
    grep -q 'DoNotOptimize(join(pieces, ", ")); benchmark::DoNotOptimize' bench/example_bench.cpp
    message="Join the pieces twice"
  else
    echo "change $i" >> CHANGES
    message="Change $i"
  fi
  git_ add -A
  git_ commit -q -m "$message"
  step "Commit $i ($(git rev-parse --short HEAD), $message): build, measure, record"
  eval "$build"
  "$benchgate" gate --context local --head HEAD --target HEAD --record always --no-fetch \
    --no-push --report-dir "$out/record-$i" 2>"$out/record-$i.log" >/dev/null ||
    { cat "$out/record-$i.log"; exit 1; }
  echo "recorded"
done
first="$(git rev-list --max-parents=0 HEAD)"
slow="$(git rev-list --reverse HEAD | sed -n "${culprit}p")"

step "benchgate history --benchmark BM_StringJoin: the series along main"
"$benchgate" history --benchmark BM_StringJoin

step "benchgate bisect $first HEAD --benchmark BM_StringJoin --threshold 30%"
set +e
# δ = 30%: the hunt is for a 2x slowdown, and on a busy machine a step cannot show a commit to be
# within the default ±5% of GOOD in its rounds; within ±30% it can, and that is still "not it".
"$benchgate" bisect "$first" HEAD --benchmark BM_StringJoin --threshold 30% --max-rounds 40 \
  --format json -o "$out/bisect.json"
status=$?
set -e
/usr/bin/python3 - "$out/bisect.json" "$status" "$slow" <<'PY'
import json, sys
path, status, slow = sys.argv[1], sys.argv[2], sys.argv[3]
doc = json.load(open(path)) if status in ("0", "1") else {}
for step in doc.get("steps", []):
    rows = ", ".join(f'{b["name"]} x{b["ratio"]:.2f}' for b in step["benchmarks"])
    print(f'step {step["step"]}: {step["commit"][:12]} {step["verdict"]} ({rows})')
if status == "0" and doc["culprit"] == slow:
    print(f"demo: OK: bisect named {slow[:12]}, the commit that slowed BM_StringJoin, "
          f"error probability <= {doc['error_bound']:.3g}")
    sys.exit(0)
print(f"demo: UNEXPECTED: bisect exited {status}, outcome {doc.get('outcome')}, culprit "
      f"{doc.get('culprit')}, expected {slow}")
sys.exit(1)
PY
