// The A/B job's pure steps without running a process: rounds into run records and pairs, and the
// noise report. Figures are hand-computed.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ab/ab_pairing.h"
#include "ab/noise_report.h"
#include "stats/detectable_effect.h"

namespace benchgate::ab {
namespace {

// A one-process record: each benchmark with its repetitions of real_time.
RunRecord process_record(const std::vector<std::pair<std::string, std::vector<double>>>& values) {
  RunRecord r;
  r.processes.push_back(ProcessInfo{});
  for (const auto& [name, times] : values) {
    BenchmarkResult& b = r.find_or_add(name);
    for (std::size_t i = 0; i < times.size(); ++i) {
      b.process.push_back(0);
      b.repetition.push_back(static_cast<int>(i));
      b.iterations.push_back(1000);
      b.metrics[std::string(kRealTime)].push_back(times[i]);
    }
  }
  return r;
}

AbRound round_of(int number, std::optional<RunRecord> base, std::optional<RunRecord> head) {
  AbRound r;
  r.round = number;
  r.base = std::move(base);
  r.head = std::move(head);
  return r;
}

TEST(AbPairing, PairsPerRoundMediansOfCompleteRoundsOnly) {
  std::vector<AbRound> rounds;
  rounds.push_back(round_of(1, process_record({{"BM_a", {10, 11, 30}}, {"BM_b", {5}}}),
                            process_record({{"BM_a", {12, 13, 14}}, {"BM_b", {6}}})));
  // Round 2 lost its head process: nothing of it is paired.
  rounds.push_back(round_of(2, process_record({{"BM_a", {100}}}), std::nullopt));
  // Round 3 measured BM_b on the base side only: BM_b gets no pair from it.
  rounds.push_back(round_of(3, process_record({{"BM_a", {20}}, {"BM_b", {7}}}),
                            process_record({{"BM_a", {22}}})));
  const auto series = paired_series(rounds, std::string(kRealTime), [](std::string_view name) {
    return name == "BM_b" ? 0.10 : 0.05;
  });
  ASSERT_EQ(series.size(), 2u);
  EXPECT_EQ(series[0].name, "BM_a");
  EXPECT_EQ(series[0].base, (std::vector<double>{11, 20}));  // medians, rounds 1 and 3
  EXPECT_EQ(series[0].head, (std::vector<double>{13, 22}));
  EXPECT_DOUBLE_EQ(series[0].threshold, 0.05);
  EXPECT_EQ(series[1].name, "BM_b");
  EXPECT_EQ(series[1].base, std::vector<double>{5});
  EXPECT_DOUBLE_EQ(series[1].threshold, 0.10);
}

TEST(AbPairing, RecordsKeepEverythingAndMarkWhatIsMissing) {
  std::vector<AbRound> rounds;
  rounds.push_back(round_of(1, process_record({{"BM_a", {10}}}), process_record({{"BM_a", {12}}})));
  AbRound lost = round_of(2, process_record({{"BM_a", {11}}}), std::nullopt);
  ProcessInfo failure;
  failure.status = "failed";
  failure.message = "killed by SIGSEGV";
  failure.context["benchgate_ab"] = {{"side", "head"}, {"round", 2}, {"attempt", 1}};
  lost.failures.push_back(failure);
  rounds.push_back(lost);
  RunRecord common;
  common.testbed = "tb";
  const AbRecords records = assemble_records(rounds, common, common);
  EXPECT_EQ(records.incomplete_rounds, std::vector<int>{2});
  // Everything measured: base has both rounds' processes; head has round 1, the failed attempt
  // and a "missing" placeholder for round 2.
  EXPECT_EQ(records.base.processes.size(), 2u);
  ASSERT_EQ(records.head.processes.size(), 3u);
  EXPECT_EQ(records.head.processes[1].status, "failed");
  EXPECT_EQ(records.head.processes[2].status, "missing");
  EXPECT_EQ(records.head.testbed, "tb");
  // What is compared: only round 1 on each side.
  ASSERT_NE(records.base_paired.find("BM_a"), nullptr);
  EXPECT_EQ(records.base_paired.find("BM_a")->sample_count(), 1u);
  EXPECT_EQ(records.head_paired.find("BM_a")->sample_count(), 1u);
  EXPECT_THAT(records.head.notes, ::testing::Contains(::testing::HasSubstr("round 2")));
}

TEST(AbNoise, PairedSpreadIsTheSdOfLogRatios) {
  // log ratios: log 2, log 2, log 4 -> mean (4/3) log 2, SD by hand below.
  const std::vector<double> base = {1, 2, 1}, head = {2, 4, 4};
  const double l2 = std::log(2.0);
  const std::vector<double> d = {l2, l2, 2 * l2};
  const double mean = (d[0] + d[1] + d[2]) / 3;
  double ss = 0;
  for (double v : d) ss += (v - mean) * (v - mean);
  EXPECT_NEAR(stats::paired_log_sd(base, head), std::sqrt(ss / 2), 1e-12);
  EXPECT_TRUE(
      std::isnan(stats::paired_log_sd(std::vector<double>{1, 0}, std::vector<double>{1, 1})));
}

TEST(AbNoise, ReportRowsFollowTheSeriesAndFlagWhatCannotBeGated) {
  CompareSettings settings;
  settings.alpha = 0.05;
  stats::PairedSeries quiet{.name = "BM_quiet",
                            .base = {100, 101, 99, 100, 100, 101, 99, 100},
                            .head = {100, 100, 100, 101, 99, 100, 101, 100},
                            .threshold = 0.05};
  stats::PairedSeries wild{.name = "BM_wild",
                           .base = {100, 160, 80, 130, 70, 150, 90, 120},
                           .head = {150, 90, 140, 75, 160, 85, 125, 95},
                           .threshold = 0.05};
  const NoiseReport paired = noise_report({quiet, wild}, settings, /*paired=*/true);
  ASSERT_EQ(paired.rows.size(), 2u);
  EXPECT_DOUBLE_EQ(paired.alpha_per_benchmark, 0.025);  // Holm's first step over 2 benchmarks
  EXPECT_THAT(paired.design, ::testing::HasSubstr("paired"));
  EXPECT_EQ(paired.rows[0].rounds, 8u);
  EXPECT_TRUE(paired.rows[0].gateable());
  EXPECT_FALSE(paired.rows[1].gateable());
  EXPECT_GT(paired.rows[1].cv_base, 0.2);
  const NoiseReport unpaired = noise_report({quiet, wild}, settings, /*paired=*/false);
  EXPECT_THAT(unpaired.design, ::testing::HasSubstr("two-sample"));
  EXPECT_GT(unpaired.rows[0].detectable, 1.0);
  EXPECT_TRUE(std::isfinite(unpaired.rows[0].detectable));
  EXPECT_FALSE(unpaired.rows[1].gateable());
}

}  // namespace
}  // namespace benchgate::ab
