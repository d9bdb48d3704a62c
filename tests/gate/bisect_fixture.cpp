#include "tests/gate/bisect_fixture.h"

#include <fmt/format.h>

#include "tests/store/git_fixture.h"

namespace benchgate::testing {
namespace {

// The program's source; the build puts the commit's factor in place of @FACTOR@.
constexpr const char* kBenchSource = R"sh(#!/bin/sh
out=""; reps=1
for a in "$@"; do case "$a" in
  --benchmark_out=*) out="${a#--benchmark_out=}";;
  --benchmark_repetitions=*) reps="${a#--benchmark_repetitions=}";;
  --benchmark_list_tests*) echo BM_Hunted; echo BM_Steady; exit 0;;
  --help) echo "usage: fake [--benchmark_list_tests] [--benchmark_filter=REGEX]"; exit 0;;
esac; done
[ -n "$out" ] || exit 0
awk -v factor=@FACTOR@ -v reps="$reps" -v seed="$$$(date +%N)" 'function gauss() {
  return sqrt(-2 * log(1 - rand())) * cos(6.283185307 * rand())
}
BEGIN {
  srand(seed % 2147483647); process = exp(0.02 * gauss())
  split("BM_Hunted BM_Steady", names, " "); base[1] = 1000 * factor; base[2] = 2000
  printf "{\"context\":{\"date\":\"x\",\"executable\":\"bench\",\"num_cpus\":2},\"benchmarks\":["
  sep = ""
  for (b = 1; b <= 2; b++) for (r = 0; r < reps; r++) {
    t = base[b] * process * exp(0.005 * gauss())
    printf "%s{\"name\":\"%s\",\"run_name\":\"%s\",\"run_type\":\"iteration\",\"repetitions\":%d,", sep, names[b], names[b], reps
    printf "\"repetition_index\":%d,\"threads\":1,\"iterations\":1000,\"real_time\":%f,\"cpu_time\":%f,\"time_unit\":\"ns\"}", r, t, t
    sep = ","
  }
  print "]}"
}' > "$out"
)sh";

}  // namespace

BisectRepo::BisectRepo(const std::filesystem::path& dir, const std::vector<double>& factors,
                       const std::string& build_prefix)
    : dir_(dir) {
  init_repo(dir_);
  write_file(dir_ / "bench.sh.in", kBenchSource);
  write_file(dir_ / "benchgate.toml", fmt::format(R"([build]
command = '{}mkdir -p build && sed "s/@FACTOR@/$(cat factor)/" bench.sh.in > build/bench && chmod +x build/bench'

[[suite]]
name = "core"
command = ["build/bench"]
format = "gbench"
repetitions = 2
)",
                                                  build_prefix));
  write_file(dir_ / ".gitignore", "build/\n");
  for (std::size_t i = 0; i < factors.size(); ++i) {
    write_file(dir_ / "factor", fmt::format("{}\n", factors[i]));
    write_file(dir_ / "counter", fmt::format("{}\n", i));
    git(dir_, {"add", "-A"});
    commits_.push_back(commit(dir_, fmt::format("commit {}", i)));
  }
}

}  // namespace benchgate::testing
