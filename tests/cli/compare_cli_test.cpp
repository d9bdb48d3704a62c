// End-to-end tests of `benchgate compare`: the real binary on real Google Benchmark output. The
// verdict tests measure the A/B test suite (tests/ab/programs), whose slow100 variant does twice
// the work in BM_Work by construction: these tests check the gate's logic, and a shared CI runner's
// noise (we have seen a CV of 7.5% in one process) must not be able to blur the effect they need.
// The realistic ~12% slowdown of the bundled example is measured by the `measurement` tests
// (docs/interleaved.md); the demo (scripts/demo.sh) shows a larger one caught end to end.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate {
namespace {
using ::testing::HasSubstr;
using testing::run_benchgate;
using testing::run_process;
namespace fs = std::filesystem;

// Runs one process of the suite `variant` with `repetitions`, writing its JSON to `out`.
void measure_once(const std::string& variant, const fs::path& out, int repetitions = 3) {
  fs::create_directories(out.parent_path());
  auto r = run_process({testing::test_program("ab", variant).string(), "--benchmark_filter=BM_Work",
                        "--benchmark_repetitions=" + std::to_string(repetitions),
                        "--benchmark_min_time=0.02", "--benchmark_out=" + out.string(),
                        "--benchmark_out_format=json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

// `processes` processes of each variant, interleaved so that machine drift during the test hits
// both sides alike (docs/design.md#interleave), and counterbalanced (a b, b a, a b, ...): on this
// VM the second of two back-to-back processes has measured 6-9% slower, and a fixed order turned
// that into an A/A "regression" in 8 of 20 runs. Use an even count so each side goes first equally
// often.
void measure_interleaved(const std::string& a, const fs::path& a_dir, const std::string& b,
                         const fs::path& b_dir, int processes) {
  for (int p = 0; p < processes; ++p) {
    std::string file = "p" + std::to_string(p) + ".json";
    if (p % 2 == 0) {
      measure_once(a, a_dir / file);
      measure_once(b, b_dir / file);
    } else {
      measure_once(b, b_dir / file);
      measure_once(a, a_dir / file);
    }
  }
}

class CompareCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(testing::test_program("ab", "ab_bench_slow100")))
      GTEST_SKIP() << "the A/B test suite is not built (tests/ab/programs)";
  }
  testing::TempDir dir_{"benchgate-compare-cli"};
};

TEST_F(CompareCli, CatchesTheInjectedRegressionWithSeveralProcesses) {
  measure_interleaved("ab_bench", dir_ / "base", "ab_bench_slow100", dir_ / "head", 6);
  // Two directories of result files are two jobs: without a measured job-to-job spread the
  // regression is shown but cannot block (docs/statistics.md#stored-mode-the-job-is-a-unit).
  auto unconfirmed = run_benchgate(
      {"compare", (dir_ / "base").string(), (dir_ / "head").string(), "--format", "json"});
  ASSERT_EQ(unconfirmed.exit_code, 0) << unconfirmed.out << unconfirmed.err;
  auto separate = nlohmann::json::parse(unconfirmed.out);
  EXPECT_EQ(separate["benchmarks"][0]["verdict"], "regression");
  EXPECT_TRUE(separate["benchmarks"][0]["job_noise_unmeasured"].get<bool>());
  EXPECT_THAT(separate["warnings"].dump(), HasSubstr("--trust-single-job"));
  EXPECT_THAT(separate["method"].get<std::string>(), HasSubstr("separate base job"));

  auto r =
      run_benchgate({"compare", (dir_ / "base").string(), (dir_ / "head").string(), "--format",
                     "json", "--report-dir", (dir_ / "reports").string(), "--trust-single-job"});
  ASSERT_EQ(r.exit_code, 1) << r.out << r.err;
  auto report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report["verdict"], "fail");
  ASSERT_EQ(report["benchmarks"].size(), 1u);
  EXPECT_EQ(report["benchmarks"][0]["verdict"], "regression");
  EXPECT_EQ(report["benchmarks"][0]["base_n"], 6) << "six processes -> six per-process medians";
  EXPECT_GT(report["benchmarks"][0]["ratio"].get<double>(), 1.5) << "BM_Work does 2x the work";
  for (const char* file : {"comparison.md", "comparison.json", "comparison.xml", "comparison.txt"})
    EXPECT_TRUE(fs::exists(dir_ / "reports" / file)) << file;
}

TEST_F(CompareCli, SameBinaryTwiceDoesNotFail) {
  measure_interleaved("ab_bench", dir_ / "a", "ab_bench", dir_ / "b", 6);
  auto r = run_benchgate({"compare", (dir_ / "a").string(), (dir_ / "b").string()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST_F(CompareCli, SingleProcessRegressionIsUnconfirmedUnlessTrusted) {
  auto base = dir_ / "base.json";
  auto head = dir_ / "head.json";
  measure_once("ab_bench", base, 12);
  measure_once("ab_bench_slow100", head, 12);
  auto r = run_benchgate({"compare", base.string(), head.string(), "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << "one process per side must not fail the gate by itself\n" << r.err;
  auto report = nlohmann::json::parse(r.out);
  EXPECT_TRUE(report["single_run"].get<bool>());
  EXPECT_EQ(report["benchmarks"][0]["verdict"], "regression");
  EXPECT_TRUE(report["benchmarks"][0]["single_run"].get<bool>());

  auto trusted = run_benchgate(
      {"compare", base.string(), head.string(), "--trust-single-run", "--trust-single-job"});
  EXPECT_EQ(trusted.exit_code, 1) << trusted.out << trusted.err;
  auto never = run_benchgate(
      {"compare", base.string(), head.string(), "--trust-single-run", "--fail-on", "never"});
  EXPECT_EQ(never.exit_code, 0) << never.out << never.err;
}

TEST_F(CompareCli, InputErrorsExitTwoNamingTheFile) {
  testing::write_file(dir_ / "bad.json",
                      "{\"benchmarks\": [ {\"name\": \"BM_A\", \"real_time\": NaN");
  testing::write_file(dir_ / "ok.json", R"({"context": {}, "benchmarks": [{"name": "BM_A",
      "run_name": "BM_A", "run_type": "iteration", "repetitions": 1, "repetition_index": 0,
      "threads": 1, "iterations": 10, "real_time": 5.0, "cpu_time": 5.0, "time_unit": "ns"}]})");
  auto bad = run_benchgate({"compare", (dir_ / "bad.json").string(), (dir_ / "ok.json").string()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("bad.json"));
  auto missing =
      run_benchgate({"compare", (dir_ / "nope.json").string(), (dir_ / "ok.json").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("nope.json"));
}

TEST_F(CompareCli, UsageErrorsExitTwo) {
  auto ok = (dir_ / "ok.json").string();
  testing::write_file(ok, "{}");
  EXPECT_EQ(run_benchgate({"compare", ok}).exit_code, 2) << "HEAD missing";
  EXPECT_EQ(run_benchgate({"compare", ok, ok, "--threshold", "5"}).exit_code, 2) << "ambiguous δ";
  EXPECT_EQ(run_benchgate({"compare", ok, ok, "--format", "pdf"}).exit_code, 2);
  EXPECT_EQ(run_benchgate({"compare", ok, ok, "--test", "t"}).exit_code, 2);
  EXPECT_EQ(run_benchgate({"frobnicate"}).exit_code, 2);
  auto help = run_benchgate({"compare", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("--threshold"));
}

}  // namespace
}  // namespace benchgate
