// Stored mode's acceptance on this machine (docs/statistics.md#stored-mode-on-this-machine), with
// the bundled example suite (examples/suite/example_bench.cpp) in a real git repository:
// - main records one job per commit until stored mode has its history (kFewestHistoryJobs);
// - five unchanged feature-branch gates against main: none fails;
// - a feature branch running the example's slowdown build: nothing but BM_StringJoin/256 flagged;
// - six jobs of one unchanged build, one scaled +40% in every benchmark (an episode), judged
//   pairwise with the spread calibrated from main's history: no pair fails.
// Label `measurement`: many minutes of a machine nobody else uses. The figures are printed for
// the docs.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gate/stored_jobs.h"
#include "tests/gate/gate_fixture.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate {
namespace {
namespace fs = std::filesystem;
using testing::run_benchgate;

std::string example(const std::string& program) {
  const char* build = std::getenv("BENCHGATE_BINARY_DIR");
  return (fs::path(build ? build : ".") / "examples" / program).string();
}

std::string config(const std::string& program) {
  return "testbed = \"measure\"\n[run]\nprocesses = 8\nrepetitions = 3\n[[suite]]\nname = "
         "\"example\"\ncommand = [\"" +
         example(program) + "\", \"--benchmark_min_time=0.05\"]\n";
}

class StoredModeOnThisMachine : public ::testing::Test {
 protected:
  testing::ProcessOptions options() const {
    testing::ProcessOptions o;
    o.cwd = repo_.work();
    o.unset_env = testing::ci_variables();
    o.env = {{"NO_COLOR", "1"}};
    o.timeout_seconds = 900;
    return o;
  }
  void write_config(const std::string& program) {
    std::FILE* f = std::fopen((repo_.work() / "benchgate.toml").c_str(), "w");
    const std::string text = config(program);
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
    testing::git(repo_.work(), {"add", "benchgate.toml"});
  }
  // Records main's history: one gate job per commit, as a push to main would.
  void record_main(int jobs) {
    write_config("example_bench");
    for (int j = 0; j < jobs; ++j) {
      repo_.commit("main " + std::to_string(j));
      auto r = run_benchgate({"gate", "--context", "local", "--head", "HEAD", "--target", "HEAD",
                              "--record", "always", "--no-fetch", "--no-push"},
                             options());
      ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
    }
  }
  // The feature branch's gate against main: the regressions and improvements it flagged.
  std::vector<std::string> gate_feature(int& exit_code) {
    const fs::path reports = dir_.path() / "reports";
    fs::remove_all(reports);
    auto r = run_benchgate({"gate", "--context", "local", "--target", "main", "--record", "never",
                            "--no-fetch", "--no-push", "--report-dir", reports.string()},
                           options());
    exit_code = r.exit_code;
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
    std::vector<std::string> flagged;
    std::ifstream in(reports / "comparison.json");
    const auto report = nlohmann::json::parse(in);
    for (const auto& row : report["benchmarks"])
      if (row["verdict"] == "regression" || row["verdict"] == "improvement")
        flagged.push_back(row["name"].get<std::string>() + " " + row["note"].get<std::string>());
    std::printf("  %s\n", report["method"].get<std::string>().c_str());
    return flagged;
  }

  testing::TempDir dir_{"benchgate-stored-measurement"};
  testing::GitFixture repo_{dir_.path()};
};

TEST_F(StoredModeOnThisMachine, UnchangedFeatureGatesPassAndTheSlowdownIsTheOnlyFlag) {
  record_main(static_cast<int>(gate::kFewestHistoryJobs));
  testing::git(repo_.work(), {"checkout", "-q", "-b", "feature"});
  int failed = 0;
  std::string flagged_text;
  for (int g = 0; g < 5; ++g) {
    repo_.commit("unchanged " + std::to_string(g));
    int exit_code = 0;
    for (const auto& f : gate_feature(exit_code))
      flagged_text += "\n  gate " + std::to_string(g) + ": " + f;
    failed += exit_code == 1;
  }
  std::printf("stored mode, %zu recorded jobs of main, 5 unchanged feature gates: %d failed%s\n",
              gate::kFewestHistoryJobs, failed, flagged_text.c_str());
  EXPECT_EQ(failed, 0);

  write_config("example_bench_slow");
  repo_.commit("slow StringJoin");
  int exit_code = 0;
  const auto flagged = gate_feature(exit_code);
  bool only_join = true;
  for (const auto& f : flagged) {
    std::printf("  slowdown branch flagged: %s\n", f.c_str());
    only_join = only_join && f.rfind("BM_StringJoin/256 ", 0) == 0;
  }
  std::printf("stored mode, slowdown branch: exit %d, %zu flagged\n", exit_code, flagged.size());
  EXPECT_TRUE(only_join);
}

// The six-job A/A: six jobs of one unchanged build in one sitting, one of them scaled +40%
// in every benchmark as an episode would, compared pairwise with the spread calibrated from main's
// recorded jobs (`calibrate` then `compare --calibration`): no pair fails. Without the
// calibration the same pairs are compared per process with --trust-single-job, to show what the
// job level prevents.
TEST_F(StoredModeOnThisMachine, SixJobsWithOneEpisodeFailNoPair) {
  record_main(static_cast<int>(gate::kFewestHistoryJobs));
  const fs::path calibration = dir_.path() / "calibration.json";
  auto calibrated = run_benchgate(
      {"calibrate", "--branch", "main", "--no-fetch", "--no-store", "-o", calibration.string()},
      options());
  ASSERT_EQ(calibrated.exit_code, 0) << calibrated.err;
  std::vector<fs::path> jobs;
  for (int j = 0; j < 6; ++j) {
    const fs::path out = dir_.path() / ("job" + std::to_string(j));
    auto r = run_benchgate({"run", "--config", "benchgate.toml", "-o", out.string()}, options());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    jobs.push_back(out / "example.json");
    ASSERT_TRUE(fs::exists(jobs.back())) << jobs.back();
  }
  {  // job 2: every benchmark +40%
    std::ifstream in(jobs[2]);
    auto record = nlohmann::json::parse(in);
    for (auto& b : record["benchmarks"])
      for (const char* metric : {"real_time", "cpu_time"})
        if (b["metrics"].contains(metric))
          for (auto& v : b["metrics"][metric]) v = v.get<double>() * 1.4;
    std::ofstream(jobs[2]) << record.dump();
  }
  int failed = 0, failed_per_process = 0;
  std::string failures;
  for (std::size_t a = 0; a < jobs.size(); ++a)
    for (std::size_t b = a + 1; b < jobs.size(); ++b) {
      auto r = run_benchgate({"compare", jobs[a].string(), jobs[b].string(), "--calibration",
                              calibration.string(), "--format", "json"},
                             options());
      EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
      if (r.exit_code == 1) {
        ++failed;
        const auto report = nlohmann::json::parse(r.out);
        failures += "\n  " + std::to_string(a) + " vs " + std::to_string(b) + ": " +
                    report["method"].get<std::string>() + "; " + report["warnings"].dump();
        for (const auto& row : report["benchmarks"])
          if (row["blocks_gate"].get<bool>())
            failures += "\n  " + std::to_string(a) + " vs " + std::to_string(b) + ": " +
                        row["name"].get<std::string>() + " " + row["note"].get<std::string>();
      }
      auto per_process = run_benchgate(
          {"compare", jobs[a].string(), jobs[b].string(), "--trust-single-job"}, options());
      failed_per_process += per_process.exit_code == 1;
    }
  std::printf(
      "six jobs, job 2 scaled +40%%: %d of 15 pairs failed with the calibrated job-to-job spread, "
      "%d of 15 per process%s\n",
      failed, failed_per_process, failures.c_str());
  EXPECT_EQ(failed, 0);
}

}  // namespace
}  // namespace benchgate
