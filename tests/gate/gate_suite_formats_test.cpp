// `benchgate gate` end to end on the suite formats beyond Google Benchmark: a Catch2 suite run
// from benchgate.toml (the example suite's real Catch2 binary) recorded on main and gated on the
// next commit, and nanobench results (real nanobench output, tests/data/ingest) given with
// --results, where a 1.5x slower head fails the gate.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/gate/gate_fixture.h"

namespace benchgate {
namespace {
using ::testing::HasSubstr;
using namespace testing;
namespace fs = std::filesystem;

ProcessOptions local_job(const fs::path& cwd) {
  ProcessOptions options;
  options.cwd = cwd;
  options.unset_env = ci_variables();
  options.env = {{"NO_COLOR", "1"}};
  options.timeout_seconds = 120;
  return options;
}

TEST(GateSuiteFormats, ACatch2SuiteIsRecordedOnMainAndGatedOnTheNextCommit) {
  const fs::path catch2 =
      benchgate_binary().parent_path().parent_path() / "examples/example_catch2";
  if (!fs::exists(catch2)) GTEST_SKIP() << "examples/example_catch2 not built";
  TempDir dir("benchgate-gate-catch2");
  GitFixture repo(dir.path());
  // Few samples and a short warm-up: this checks the plumbing, not the timings. No format: the
  // binary is detected as Catch2. Profiles are asked for, and Catch2 suites have none.
  write_file(repo.work() / "benchgate.toml",
             fmt::format("testbed = \"tb\"\n[run]\nprofile = \"all\"\n[[suite]]\nname = "
                         "\"catch2\"\ncommand = [\"{}\", "
                         "\"--benchmark-samples\", \"5\", \"--benchmark-warmup-time\", \"5\"]\n"
                         "processes = 3\n",
                         catch2.string()));
  const std::string first = repo.commit("first measured commit");
  const auto options = local_job(repo.work());
  auto recorded = run_benchgate({"gate", "--record", "always", "--no-push", "--target", "HEAD~1",
                                 "--report-dir", (dir / "r1").string()},
                                options);
  ASSERT_EQ(recorded.exit_code, 0) << recorded.err;
  EXPECT_THAT(recorded.err, HasSubstr("suite catch2 is a Catch2 suite: profiles are taken of "
                                      "Google Benchmark suites only: no profiles recorded"));
  const std::string note = git(repo.work(), {"notes", "--ref", "benchgate", "show", first});
  EXPECT_THAT(note, HasSubstr("\"suite\":\"catch2\""));
  EXPECT_THAT(note, HasSubstr("\"format\":\"catch2\""));

  repo.commit("next commit");
  auto compared = run_benchgate({"gate", "--no-fetch", "--trust-single-job", "--target", "HEAD~1",
                                 "--report-dir", (dir / "r2").string()},
                                options);
  // Three processes per side cannot reach significance, so the same binary passes; what matters
  // is that every benchmark of the Catch2 suite was compared with its recorded baseline.
  EXPECT_EQ(compared.exit_code, 0) << compared.err;
  EXPECT_THAT(compared.err, HasSubstr("baseline " + first.substr(0, 12) + " (the merge-base)"));
  const auto report = nlohmann::json::parse(read_file(dir / "r2" / "comparison.json"));
  ASSERT_FALSE(report["benchmarks"].empty());
  for (const auto& row : report["benchmarks"]) {
    EXPECT_EQ(row["base_n"], 3) << row["name"];
    EXPECT_EQ(row["head_n"], 3) << row["name"];
  }
}

// Five nanobench result files (one per process) from the real output, each epoch's time scaled
// by `factor` and a ±1% spread between processes.
fs::path nanobench_results(const fs::path& dir, double factor) {
  const auto original =
      nlohmann::json::parse(read_file(source_dir() / "tests/data/ingest/nanobench/basic.json"));
  fs::create_directories(dir);
  const double spread[] = {1.0, 1.01, 0.99, 1.005, 0.995};
  for (int p = 0; p < 5; ++p) {
    auto results = original;
    for (auto& result : results["results"]) {
      for (auto& m : result["measurements"])
        m["elapsed"] = m["elapsed"].get<double>() * factor * spread[p];
      result["median(elapsed)"] = result["median(elapsed)"].get<double>() * factor * spread[p];
    }
    write_file(dir / fmt::format("process{}.json", p), results.dump(2));
  }
  return dir;
}

TEST(GateSuiteFormats, NanobenchResultsGateAgainstTheirBaselineAndASlowdownFails) {
  TempDir dir("benchgate-gate-nanobench");
  GitFixture repo(dir.path());
  const auto options = local_job(repo.work());
  const std::string base = repo.commit("base");
  auto on_main = run_benchgate(
      {"gate", "--testbed", "tb", "--trust-single-job", "--results",
       nanobench_results(dir / "fast", 1.0).string(), "--suite", "kernels", "--record", "always",
       "--no-push", "--target", "HEAD~1", "--report-dir", (dir / "r1").string()},
      options);
  ASSERT_EQ(on_main.exit_code, 0) << on_main.err;
  EXPECT_THAT(git(repo.work(), {"notes", "--ref", "benchgate", "show", base}), HasSubstr("fib 15"));

  git(repo.work(), {"checkout", "-q", "-b", "topic"});
  repo.commit("topic: slower");
  auto slower =
      run_benchgate({"gate", "--testbed", "tb", "--trust-single-job", "--results",
                     nanobench_results(dir / "slow", 1.5).string(), "--suite", "kernels",
                     "--no-fetch", "--target", "main", "--report-dir", (dir / "r2").string()},
                    options);
  EXPECT_EQ(slower.exit_code, 1) << slower.err;
  const auto report = nlohmann::json::parse(read_file(dir / "r2" / "comparison.json"));
  bool fib_regressed = false;
  for (const auto& row : report["benchmarks"])
    if (row["name"] == "fib 15") fib_regressed = row["verdict"] == "regression";
  EXPECT_TRUE(fib_regressed) << report.dump(2);
}

}  // namespace
}  // namespace benchgate
