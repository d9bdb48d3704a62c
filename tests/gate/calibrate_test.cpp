// `benchgate calibrate` below the binary (gate/calibrate.h, gate/calibration_lookup.h,
// store/calibration_store.h): synthetic recorded jobs with a known job-to-job spread on
// successive commits of a real git repository, the calibration's round trip through both stores,
// and the gate reading it back.
#include <cmath>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/calibration_json.h"
#include "core/errors.h"
#include "gate/calibrate.h"
#include "gate/calibrate_steps.h"
#include "gate/calibration_lookup.h"
#include "gate/gate_judge.h"
#include "gate/stored_jobs.h"
#include "runner/config.h"
#include "store/calibration_store.h"
#include "store/store_factory.h"
#include "tests/gate/calibrate_fixture.h"
#include "tests/store/git_fixture.h"
#include "tests/support/temp_dir.h"

namespace benchgate::gate {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

using testing::kBenchmarks;
using testing::synthetic_job;

class Calibrate : public ::testing::Test {
 protected:
  void SetUp() override { testing::init_repo(repo_); }

  // `jobs` commits, each with one recorded job; returns the commits, oldest first.
  std::vector<std::string> record_history(int jobs, double sigma_job, const std::string& spec) {
    const auto store = store::open_store(spec, repo_);
    std::vector<std::string> commits;
    for (int i = 0; i < jobs; ++i) {
      commits.push_back(testing::commit(repo_, "c" + std::to_string(i)));
      store->save(commits.back(), {synthetic_job(commits.back(), rng_, sigma_job)});
    }
    return commits;
  }

  CalibrateSettings settings(const std::string& spec = "git") const {
    CalibrateSettings s;
    s.gate.repo = repo_;
    s.gate.testbed = "tb";
    runner::SuiteConfig core;
    core.name = "core";
    core.command = {"true"};
    s.gate.suites = {core};
    s.gate.store = store::parse_store_spec(spec);
    s.gate.fetch = false;
    s.gate.push = false;
    s.gate.max_distance = 500;
    s.branch = "HEAD";
    return s;
  }

  testing::TempDir dir_;
  fs::path repo_ = dir_ / "repo";
  std::mt19937 rng_{20261205};
};

TEST_F(Calibrate, LearnsTheJobToJobSpreadAndCountsFalseAlarmsOverSuccessivePairs) {
  const double sigma_job = 0.03;
  const auto commits = record_history(20, sigma_job, "git");
  const Calibration c = calibrate(settings());
  EXPECT_EQ(c.commit, commits.back());
  EXPECT_EQ(c.testbed, "tb");
  ASSERT_EQ(c.suites.size(), 1u);
  const CalibrationSuite& s = c.suites[0];
  ASSERT_TRUE(s.stored);
  EXPECT_EQ(s.stored->jobs, 20u);
  EXPECT_EQ(s.stored->pairs, 19u);
  EXPECT_EQ(c.stored_pairs, 19u);
  EXPECT_TRUE(s.stored->common_mode_removed);
  ASSERT_EQ(s.benchmarks.size(), static_cast<std::size_t>(kBenchmarks));
  // Two jobs differ by sigma_job * sqrt(2). One benchmark's trimmed estimate over 19 dependent
  // differences has about 9 degrees of freedom (a factor of two either way happens); the mean
  // over the suite is close.
  const double truth = sigma_job * std::sqrt(2.0);
  double mean_sd = 0;
  for (const auto& b : s.benchmarks) {
    EXPECT_GT(b.job_difference_sd, truth / 2.5) << b.name;
    EXPECT_LT(b.job_difference_sd, truth * 2.5) << b.name;
    EXPECT_GT(b.stored_gateable, b.job_difference_sd) << b.name;
    mean_sd += b.job_difference_sd / kBenchmarks;
  }
  EXPECT_NEAR(mean_sd, truth, 0.2 * truth);
  // An unchanged history: at most one false alarm in 19 pairs at alpha 0.05.
  EXPECT_LE(c.stored_failed_pairs, 1u);
  // 3% per job is more than the default 5% can gate in stored mode: a snippet follows.
  EXPECT_THAT(c.toml_snippet, HasSubstr("[[gate.thresholds]]"));
  EXPECT_THAT(c.toml_snippet, HasSubstr("match = \"BM_0\""));
  // The snippet is valid benchgate.toml and its rules apply.
  const runner::Config config = runner::parse_config(c.toml_snippet, "snippet", dir_.path());
  ASSERT_FALSE(config.gate.thresholds.empty());
  EXPECT_GT(config.gate.threshold_for("BM_0"), 0.05);
  ASSERT_FALSE(c.suggestions.empty());
  EXPECT_THAT(c.suggestions[0], HasSubstr("in stored mode"));
  EXPECT_THAT(stored_false_alarms(c), HasSubstr("of 19 successive"));
}

TEST_F(Calibrate, AStepInTheHistoryIsCountedAsAFailedPair) {
  auto store = store::open_store("git", repo_);
  for (int i = 0; i < 14; ++i) {
    const std::string commit = testing::commit(repo_, "c" + std::to_string(i));
    store->save(commit, {synthetic_job(commit, rng_, 0.002, i >= 7 ? 1.5 : 1.0)});
  }
  const Calibration c = calibrate(settings());
  EXPECT_EQ(c.stored_pairs, 13u);
  EXPECT_EQ(c.stored_failed_pairs, 1u);
  ASSERT_EQ(c.suites[0].stored->failed.size(), 1u);
  EXPECT_THAT(c.suites[0].stored->failed[0], HasSubstr("core/BM_0 +"));
}

TEST_F(Calibrate, NothingRecordedIsAnInputError) {
  testing::commit(repo_, "c0");
  EXPECT_THROW(calibrate(settings()), InputError);
}

TEST_F(Calibrate, RoundTripsThroughBothStores) {
  for (const std::string& spec : {std::string("git"), "dir:" + (dir_ / "baselines").string()}) {
    record_history(12, 0.01, spec);
    Calibration c = calibrate(settings(spec));
    ASSERT_TRUE(store_calibration(settings(spec), c));
    const auto store = store::open_calibration_store(store::parse_store_spec(spec), repo_);
    const auto back = store->load(c.commit, "tb");
    ASSERT_TRUE(back) << spec;
    EXPECT_EQ(to_json(*back), to_json(c)) << spec;
    EXPECT_FALSE(store->load(c.commit, "other"));
    // The nearest calibration below a later commit is found along the first-parent history.
    const std::string later = testing::commit(repo_, "later");
    const auto found =
        find_calibration(repo_, store::parse_store_spec(spec), later, "tb", 5, nullptr);
    ASSERT_TRUE(found) << spec;
    EXPECT_EQ(found->distance, 1);
    EXPECT_EQ(found->calibration.commit, c.commit);
    EXPECT_FALSE(calibrated_job_spread(found->calibration, "core", "cpu_time"));
    const auto spread = calibrated_job_spread(found->calibration, "core", "real_time");
    ASSERT_TRUE(spread);
    EXPECT_EQ(spread->jobs, 12u);
    EXPECT_EQ(spread->benchmarks.size(), static_cast<std::size_t>(kBenchmarks));
  }
  EXPECT_EQ(store::calibration_store_spec("git"), "git:refs/notes/benchgate-calibration");
  EXPECT_EQ(store::calibration_store_spec("dir:/x"), "dir:/x/calibration");
}

TEST_F(Calibrate, ACorruptLineIsSkippedByTheGateAndRefusedFromAFile) {
  const auto commits = record_history(12, 0.01, "git");
  const Calibration c = calibrate(settings());
  ASSERT_TRUE(store_calibration(settings(), c));
  const auto lines = store::open_store("git:refs/notes/benchgate-calibration", repo_);
  lines->save_lines(commits.back(), {R"({"schema": "benchgate.calibration/1", "testbed": 3})"});
  std::vector<store::LineProblem> problems;
  const auto found =
      find_calibration(repo_, store::parse_store_spec("git"), commits.back(), "tb", 5, &problems);
  ASSERT_TRUE(found);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_THAT(problems[0].describe(), HasSubstr("testbed"));

  const fs::path file = dir_ / "calibration.json";
  testing::write_file(file, "{\"schema\": \"benchgate.calibration/1\"");
  EXPECT_THROW(load_calibration_spread(file, "core", ""), InputError);
  testing::write_file(file, to_json(c).dump());
  const CalibratedSpread loaded = load_calibration_spread(file, "", "tb");
  EXPECT_EQ(loaded.spread.jobs, 12u);
  EXPECT_THAT(loaded.source, HasSubstr(", 12 jobs"));
  EXPECT_THAT(loaded.false_alarms, HasSubstr("successive"));
  EXPECT_THROW(load_calibration_spread(file, "nosuch", ""), InputError);
  EXPECT_THROW(load_calibration_spread(file, "core", "other-testbed"), InputError);
}

// The gate with a short history (it alone cannot block) and a stored calibration whose spread
// decides: a tight spread blocks a +20% step, a loose one does not.
class GateWithCalibration : public Calibrate {
 protected:
  std::vector<SuiteVerdict> judge(const std::optional<double> calibrated_sd) {
    const auto commits = record_history(4, 0.005, "git");
    if (calibrated_sd) {
      Calibration c;
      c.testbed = "tb";
      c.commit = commits.back();
      c.branch = "main";
      c.created_at = "2026-12-05T10:00:00Z";
      c.stored_pairs = 27;
      c.stored_failed_pairs = 1;
      CalibrationSuite& s = c.suites.emplace_back();
      s.name = "core";
      s.metric = "real_time";
      s.stored = CalibrationStored{.jobs = 28,
                                   .common_mode_removed = true,
                                   .common_mode_sd = 0.01,
                                   .pairs = 27,
                                   .failed_pairs = 1,
                                   .failed = {}};
      for (int b = 0; b < kBenchmarks; ++b) {
        CalibrationBenchmark& row = s.benchmarks.emplace_back();
        row.name = "BM_" + std::to_string(b);
        row.job_difference_sd = *calibrated_sd;
        row.job_degrees_of_freedom = 13;
        row.job_differences = 27;
      }
      store::open_calibration_store(store::parse_store_spec("git"), repo_)->save(c);
    }
    const std::string head = testing::commit(repo_, "head");
    GateContext context;
    context.head = head;
    context.target = commits.back();
    GateSettings s = settings().gate;
    const SuiteHead suite{"core", synthetic_job(head, rng_, 0.005, 1.2), true};
    return judge_suites({suite}, context, s, *store::open_store("git", repo_));
  }
};

TEST_F(GateWithCalibration, WithoutOneTheShortHistoryCannotBlock) {
  const auto v = judge(std::nullopt);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_FALSE(v[0].failed);
  EXPECT_EQ(v[0].comparison.false_alarms, kFalseAlarmsNotMeasured);
  EXPECT_THAT(v[0].comparison.method, Not(HasSubstr("calibration")));
}

TEST_F(GateWithCalibration, ATightCalibratedSpreadBlocksAndNamesTheCalibration) {
  const auto v = judge(0.01);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_TRUE(v[0].failed) << v[0].comparison.method;
  EXPECT_THAT(v[0].comparison.method, HasSubstr("job-to-job spread of calibration "));
  EXPECT_THAT(v[0].comparison.method, HasSubstr("of 2026-12-05, 28 jobs"));
  EXPECT_EQ(v[0].comparison.false_alarms,
            fmt::format("stored mode cried wolf in 1 of 27 successive main jobs on this testbed "
                        "(calibration {}, 2026-12-05)",
                        v[0].comparison.base_label.substr(0, 12)));
}

TEST_F(GateWithCalibration, ALooseCalibratedSpreadDoesNotBlock) {
  const auto v = judge(0.3);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_FALSE(v[0].failed);
  EXPECT_THAT(v[0].comparison.method, HasSubstr("calibration"));
}

TEST(CalibrationLines, EachModeQuotesItsOwnMeasurementOrSaysItWasNotMeasured) {
  Calibration c;
  c.testbed = "tb";
  c.commit = std::string(40, 'a');
  c.branch = "main";
  c.created_at = "2026-12-05T10:00:00Z";
  const std::optional<FoundCalibration> none;
  EXPECT_EQ(false_alarms_line(none, true), kFalseAlarmsNotMeasured);
  std::optional<FoundCalibration> found = FoundCalibration{c, 0};
  EXPECT_EQ(false_alarms_line(found, false), kFalseAlarmsNotMeasured);  // no pairs judged
  EXPECT_EQ(false_alarms_line(found, true), kFalseAlarmsNotMeasured);   // no A/A
  found->calibration.stored_pairs = 27;
  found->calibration.stored_failed_pairs = 1;
  found->calibration.interleaved_measured = true;
  found->calibration.interleaved_splits = 3;
  EXPECT_EQ(false_alarms_line(found, false),
            "stored mode cried wolf in 1 of 27 successive main jobs on this testbed (calibration "
            "aaaaaaaaaaaa, 2026-12-05)");
  EXPECT_EQ(false_alarms_line(found, true),
            "an interleaved A/A of the same build failed in 0 of 3 splits (whole job and its "
            "halves) on this testbed (calibration aaaaaaaaaaaa, 2026-12-05)");
}

TEST(CalibrateInversion, InterleavedGateableShrinksWithRoundsAndGrowsWithNoise) {
  const double few = interleaved_gateable(0.02, 24, 8, 0.05, 10);
  const double many = interleaved_gateable(0.02, 24, 48, 0.05, 10);
  const double noisy = interleaved_gateable(0.08, 24, 48, 0.05, 10);
  EXPECT_GT(few, many);
  EXPECT_GT(noisy, many);
  EXPECT_TRUE(std::isinf(interleaved_gateable(0.02, 24, 2, 0.05, 10)));
  EXPECT_TRUE(std::isinf(interleaved_gateable(std::nan(""), 24, 24, 0.05, 10)));
}

}  // namespace
}  // namespace benchgate::gate
