// The "Done when" figures of docs/interleaved.md on this machine, by repeating whole `benchgate ab`
// jobs of 8 rounds: an A/A job (two copies of the same binary) fails at most 1 of 20 times; a 10%
// slowdown of one benchmark is caught in >= 19 of 20 jobs and a 5% one in a majority, with nothing
// else flagged. Slow (label `slow`): ~60 jobs of 16 processes each. The figures are printed.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "tests/ab/ab_fixture.h"
#include "tests/support/temp_dir.h"

namespace benchgate {
namespace {
using testing::ab_suite_command;
using testing::comparison_row;
using testing::read_json;
namespace fs = std::filesystem;

constexpr int kJobs = 20;

struct Tally {
  int failed_jobs = 0;     // exit 1
  int caught = 0;          // BM_Work judged a regression
  int others_flagged = 0;  // any other benchmark judged a regression or improvement
  std::string flagged;     // which, how and by how much: for the printed figures
};

// `threshold`: δ of the jobs. A true 5% change has an estimate below 5% about half the time, so
// it can only be caught "in a majority" with a δ below it (3%).
Tally repeat_jobs(const std::string& head_program, const std::string& threshold) {
  Tally tally;
  for (int job = 0; job < kJobs; ++job) {
    testing::TempDir dir("benchgate-ab-repeat");
    auto r = testing::run_benchgate({"ab", "-q", "-o", dir.path().string(), "--base",
                                     ab_suite_command("ab_bench"), "--head",
                                     ab_suite_command(head_program), "--rounds", "8", "--threshold",
                                     threshold, "--format", "json"});
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
    if (r.exit_code == 1) ++tally.failed_jobs;
    auto comparison = read_json(dir.path() / "comparison.json");
    for (const auto& row : comparison["benchmarks"]) {
      const bool flagged = row["verdict"] == "regression" || row["verdict"] == "improvement";
      if (row["name"] == "BM_Work")
        tally.caught += row["verdict"] == "regression";
      else if (flagged) {
        ++tally.others_flagged;
        tally.flagged += "\n  job " + std::to_string(job + 1) + ": " +
                         row["name"].get<std::string>() + " " + row["verdict"].get<std::string>() +
                         ", ratio " + std::to_string(row["ratio"].get<double>()) + ", Holm p " +
                         std::to_string(row["p_adjusted"].get<double>());
      }
    }
  }
  return tally;
}

TEST(AbRepeatedJobs, SameBinaryFailsAtMostOnceIn20) {
  const Tally t = repeat_jobs("ab_bench", "5%");
  std::printf("A/A, 8 rounds, δ 5%%: %d of %d jobs failed the gate\n", t.failed_jobs, kJobs);
  EXPECT_LE(t.failed_jobs, 1);
}

TEST(AbRepeatedJobs, TenPercentSlowdownCaughtIn19Of20) {
  const Tally t = repeat_jobs("ab_bench_slow10", "5%");
  std::printf(
      "10%% slowdown, 8 rounds, δ 5%%: caught in %d of %d jobs, %d other verdicts "
      "flagged%s\n",
      t.caught, kJobs, t.others_flagged, t.flagged.c_str());
  EXPECT_GE(t.caught, 19);
  EXPECT_EQ(t.others_flagged, 0);
}

TEST(AbRepeatedJobs, FivePercentSlowdownCaughtInAMajority) {
  const Tally t = repeat_jobs("ab_bench_slow5", "3%");
  std::printf(
      "5%% slowdown, 8 rounds, δ 3%%: caught in %d of %d jobs, %d other verdicts "
      "flagged%s\n",
      t.caught, kJobs, t.others_flagged, t.flagged.c_str());
  EXPECT_GT(t.caught, kJobs / 2);
  EXPECT_EQ(t.others_flagged, 0);
}

}  // namespace
}  // namespace benchgate
