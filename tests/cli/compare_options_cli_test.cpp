// `benchgate compare` with a stored base (--base-commit), a config file's [gate] table, and the
// metric direction: the real binary against a real git repository and real record files.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/run_record_json.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate {
namespace {
using ::testing::HasSubstr;
using testing::run_benchgate;
using testing::run_process;
namespace fs = std::filesystem;

// Eight processes x 3 repetitions per benchmark, every value scaled by `scale` for BM_Slow only;
// process levels spread by ±1% so the comparison is deterministic.
RunRecord record(double slow_scale, double throughput_scale) {
  RunRecord r;
  r.testbed = "tb";
  for (int p = 0; p < 8; ++p) r.processes.push_back({p, "p", "ok", "", nlohmann::json::object()});
  for (const char* name : {"BM_Slow", "BM_Steady"}) {
    BenchmarkResult b;
    b.name = name;
    const double scale = std::string(name) == "BM_Slow" ? slow_scale : 1.0;
    for (int p = 0; p < 8; ++p)
      for (int rep = 0; rep < 3; ++rep) {
        b.process.push_back(p);
        b.repetition.push_back(rep);
        b.iterations.push_back(100);
        double level = 100.0 * (1 + 0.01 * (p - 3.5) / 3.5) * (1 + 0.001 * rep);
        b.metrics["real_time"].push_back(level * scale);
        b.metrics["items_per_second"].push_back(1e6 / level * throughput_scale);
      }
    r.benchmarks.push_back(std::move(b));
  }
  return r;
}

class CompareOptionsCli : public ::testing::Test {
 protected:
  void SetUp() override {
    write_run_record_file(record(1.0, 1.0), dir_ / "base.json");
    write_run_record_file(record(1.10, 0.8), dir_ / "head.json");
  }
  std::string path(const char* name) { return (dir_ / name).string(); }
  testing::TempDir dir_{"benchgate-compare-options"};
};

TEST_F(CompareOptionsCli, BaseFromTheGitNotesStore) {
  fs::path repo = dir_ / "repo";
  fs::create_directories(repo);
  testing::ProcessOptions in_repo;
  in_repo.cwd = repo;
  ASSERT_EQ(run_process({"git", "init", "-q"}, in_repo).exit_code, 0);
  ASSERT_EQ(run_process({"git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q",
                         "--allow-empty", "-m", "base"},
                        in_repo)
                .exit_code,
            0);
  auto saved = run_benchgate({"baseline", "save", "--commit", "HEAD", path("base.json")}, in_repo);
  ASSERT_EQ(saved.exit_code, 0) << saved.err;

  auto r = run_benchgate({"compare", "--base-commit", "HEAD", path("head.json"), "--format", "json",
                          "--trust-single-job"},
                         in_repo);
  ASSERT_EQ(r.exit_code, 1) << r.err;
  auto report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report["benchmarks"][0]["name"], "BM_Slow");
  EXPECT_EQ(report["benchmarks"][0]["verdict"], "regression");
  EXPECT_EQ(report["benchmarks"][0]["base_n"], 8);

  auto other = run_benchgate(
      {"compare", "--base-commit", "HEAD", "--testbed", "laptop", path("head.json")}, in_repo);
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_THAT(other.err, HasSubstr("no baseline for testbed \"laptop\""));
  EXPECT_THAT(other.err, HasSubstr("testbeds there: tb"));

  auto both = run_benchgate(
      {"compare", "--base-commit", "HEAD", path("base.json"), path("head.json")}, in_repo);
  EXPECT_EQ(both.exit_code, 2) << "BASE and --base-commit together are ambiguous";
}

TEST_F(CompareOptionsCli, ConfigThresholdsIgnoreAndFlagOverride) {
  testing::write_file(dir_ / "loose.toml", R"([gate]
threshold = 0.05
[[gate.thresholds]]
match = "BM_Slow*"
threshold = 0.20
)");
  testing::write_file(dir_ / "ignore.toml", "[gate]\nignore = [\"BM_Slow\"]\n");
  // Separate jobs: a regression blocks only with a measured spread or the trust of a dedicated
  // machine, which the config's [gate] table can give as well as the flag.
  EXPECT_EQ(run_benchgate({"compare", path("base.json"), path("head.json")}).exit_code, 0);
  testing::write_file(dir_ / "trust.toml", "[gate]\ntrust_single_job = true\n");
  EXPECT_EQ(run_benchgate(
                {"compare", path("base.json"), path("head.json"), "--config", path("trust.toml")})
                .exit_code,
            1);
  testing::write_file(dir_ / "trust-typo.toml", "[gate]\ntrust_single_job = \"yes\"\n");
  auto typo = run_benchgate(
      {"compare", path("base.json"), path("head.json"), "--config", path("trust-typo.toml")});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_THAT(typo.err, HasSubstr("trust-typo.toml:2"));
  auto loose = run_benchgate({"compare", path("base.json"), path("head.json"), "--config",
                              path("loose.toml"), "--format", "json"});
  EXPECT_EQ(loose.exit_code, 0) << "a 10% change is within BM_Slow's 20% threshold\n" << loose.err;
  EXPECT_EQ(nlohmann::json::parse(loose.out)["benchmarks"][0]["threshold"], 0.20);
  EXPECT_EQ(run_benchgate(
                {"compare", path("base.json"), path("head.json"), "--config", path("ignore.toml")})
                .exit_code,
            0);
  // A flag given on the command line wins over the file's value.
  auto strict = run_benchgate({"compare", path("base.json"), path("head.json"), "--config",
                               path("loose.toml"), "--fail-on", "never"});
  EXPECT_EQ(strict.exit_code, 0);
  testing::write_file(dir_ / "bad.toml", "[gate]\ntreshold = 0.1\n");
  auto bad = run_benchgate(
      {"compare", path("base.json"), path("head.json"), "--config", path("bad.toml")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("bad.toml:2"));
}

TEST_F(CompareOptionsCli, AlphaHasOneRangeForTheFlagAndTheFile) {
  auto flag = run_benchgate({"compare", path("base.json"), path("head.json"), "--alpha", "0.7"});
  EXPECT_EQ(flag.exit_code, 2);
  EXPECT_THAT(flag.err, HasSubstr("--alpha 0.7: must be between 1e-12 and 0.5"));
  testing::write_file(dir_ / "alpha.toml", "[gate]\nalpha = 0.7\n");
  auto file = run_benchgate(
      {"compare", path("base.json"), path("head.json"), "--config", path("alpha.toml")});
  EXPECT_EQ(file.exit_code, 2);
  EXPECT_THAT(file.err, HasSubstr("alpha.toml:2"));
  // Without a config the defaults are the file's defaults: δ 5%, so a 10% change fails.
  auto json = run_benchgate({"compare", path("base.json"), path("head.json"), "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(json.out)["settings"]["threshold"], 0.05);
  EXPECT_EQ(nlohmann::json::parse(json.out)["settings"]["alpha"], 0.05);
}

TEST_F(CompareOptionsCli, ThroughputDropIsARegression) {
  auto r = run_benchgate({"compare", path("base.json"), path("head.json"), "--metric",
                          "items_per_second", "--format", "json", "--trust-single-job"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  auto report = nlohmann::json::parse(r.out);
  EXPECT_TRUE(report["settings"]["higher_is_better"].get<bool>());
  for (const auto& row : report["benchmarks"])
    EXPECT_EQ(row["verdict"], "regression") << row["name"] << ": throughput fell by 20%";
  auto forced = run_benchgate({"compare", path("base.json"), path("head.json"), "--metric",
                               "items_per_second", "--direction", "lower"});
  EXPECT_EQ(forced.exit_code, 0) << "read as lower-is-better, a 20% drop is an improvement";
}

}  // namespace
}  // namespace benchgate
