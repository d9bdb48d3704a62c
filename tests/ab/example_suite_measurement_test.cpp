// The verdict engine's acceptance on this machine (docs/interleaved.md#error-rates), with the
// bundled example suite (examples/suite/example_bench.cpp) and benchgate's defaults (adaptive
// rounds up to 24, AB/BA blocks, pinned to one CPU): 10 A/A jobs fail none, and the demo's
// injected ~12% slowdown of BM_StringJoin/256 (example_bench_slow) is caught, with nothing else
// flagged, in at least 9 of 10 jobs. Label `measurement`: minutes of a machine nobody else uses.
// The figures are printed for the docs.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "tests/ab/ab_fixture.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate {
namespace {
namespace fs = std::filesystem;

constexpr int kJobs = 10;

std::string example(const std::string& program) {
  const char* build = std::getenv("BENCHGATE_BINARY_DIR");
  return (fs::path(build ? build : ".") / "examples" / program).string() +
         " --benchmark_min_time=0.05";
}

struct Tally {
  int failed_jobs = 0;
  int exactly_the_injected = 0;  // BM_StringJoin/256 a regression, nothing else flagged
  double rounds = 0;
  std::string flagged;
};

Tally repeat(const std::string& head) {
  Tally t;
  for (int job = 0; job < kJobs; ++job) {
    testing::TempDir dir("benchgate-example-measurement");
    testing::ProcessOptions options;
    options.timeout_seconds = 600;
    auto r = testing::run_benchgate(
        {"ab", "-q", "-o", dir.path().string(), "--base", example("example_bench"), "--head",
         example(head), "--rounds", "auto", "--format", "json"},
        options);
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
    t.failed_jobs += r.exit_code == 1;
    const auto comparison = testing::read_json(dir.path() / "comparison.json");
    bool only_join = true, join = false;
    for (const auto& row : comparison["benchmarks"]) {
      const bool flagged = row["verdict"] == "regression" || row["verdict"] == "improvement";
      if (row["name"] == "BM_StringJoin/256" && row["verdict"] == "regression") {
        join = true;
      } else if (flagged) {
        only_join = false;
        t.flagged += "\n  job " + std::to_string(job + 1) + ": " + row["name"].get<std::string>() +
                     " " + row["note"].get<std::string>();
      }
      t.rounds += row["name"] == "BM_StringJoin/256" ? row["base_n"].get<int>() : 0;
    }
    t.exactly_the_injected += join && only_join;
  }
  t.rounds /= kJobs;
  return t;
}

TEST(ExampleSuiteOnThisMachine, TenAaJobsFailNone) {
  const Tally t = repeat("example_bench");
  std::printf("example suite A/A, adaptive rounds: %d of %d jobs failed (mean %.1f rounds)%s\n",
              t.failed_jobs, kJobs, t.rounds, t.flagged.c_str());
  EXPECT_EQ(t.failed_jobs, 0);
}

TEST(ExampleSuiteOnThisMachine, TheInjectedSlowdownIsCaughtAloneNineTimesInTen) {
  const Tally t = repeat("example_bench_slow");
  std::printf(
      "example suite, BM_StringJoin/256 slowed: caught alone in %d of %d jobs (mean %.1f "
      "rounds)%s\n",
      t.exactly_the_injected, kJobs, t.rounds, t.flagged.c_str());
  EXPECT_GE(t.exactly_the_injected, 9);
}

}  // namespace
}  // namespace benchgate
