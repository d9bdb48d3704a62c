// The A/B job's pure steps without running a process: rounds into run records and pairs, and the
// noise report. Figures are hand-computed.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ab/ab_pairing.h"
#include "ab/ab_rounds.h"
#include "ab/noise_report.h"
#include "ab/sequential_verdicts.h"
#include "reporters/report_format.h"

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
  ASSERT_EQ(series[0].rounds.size(), 2u);  // medians, rounds 1 and 3
  EXPECT_EQ(series[0].rounds[0].round, 1);
  EXPECT_EQ(series[0].rounds[0].base, 11);
  EXPECT_EQ(series[0].rounds[0].head, 13);
  EXPECT_TRUE(series[0].rounds[0].head_second) << "base ran first in round 1, so head second";
  EXPECT_EQ(series[0].rounds[1].round, 3);
  EXPECT_EQ(series[0].rounds[1].base, 20);
  EXPECT_EQ(series[0].rounds[1].head, 22);
  EXPECT_TRUE(series[0].rounds[1].head_second == rounds[2].base_first);
  EXPECT_DOUBLE_EQ(series[0].threshold, 0.05);
  EXPECT_EQ(series[1].name, "BM_b");
  ASSERT_EQ(series[1].rounds.size(), 1u);
  EXPECT_EQ(series[1].rounds[0].base, 5);
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

TEST(AbRounds, BlocksOfTwoRunBothOrders) {
  for (std::uint64_t seed : {0ull, 1ull, 42ull, 20261205ull}) {
    int base_first = 0;
    for (int round = 1; round <= 40; round += 2) {
      EXPECT_NE(base_runs_first(seed, round), base_runs_first(seed, round + 1))
          << "block " << (round + 1) / 2 << " of seed " << seed;
      base_first += base_runs_first(seed, round);
    }
    // Which order a block starts with is drawn: not always the same over 20 blocks.
    EXPECT_GT(base_first, 0);
    EXPECT_LT(base_first, 20);
  }
  EXPECT_EQ(whole_blocks(7), 8);
  EXPECT_EQ(whole_blocks(8), 8);
}

stats::PairedSeries blocks(const std::string& name, const std::vector<double>& base,
                           const std::vector<double>& head) {
  stats::PairedSeries s{.name = name, .rounds = {}, .threshold = 0.05};
  for (std::size_t i = 0; i < base.size(); ++i)
    s.rounds.push_back({.round = static_cast<int>(i) + 1,
                        .base = base[i],
                        .head = head[i],
                        .head_second = i % 2 == 1});
  return s;
}

TEST(AbNoise, ReportRowsFollowTheSeriesAndFlagWhatCannotBeGated) {
  CompareSettings settings;
  settings.alpha = 0.05;
  std::vector<double> quiet_base, quiet_head, wild_base, wild_head;
  for (int i = 0; i < 16; ++i) {
    quiet_base.push_back(100 + (i % 3));
    quiet_head.push_back(100 + ((i + 1) % 3));
    wild_base.push_back(i % 4 < 2 ? 100 : 160);
    wild_head.push_back(i % 4 == 1 || i % 4 == 2 ? 150 : 80);
  }
  const NoiseReport report = noise_report(
      {blocks("BM_quiet", quiet_base, quiet_head), blocks("BM_wild", wild_base, wild_head)},
      settings);
  ASSERT_EQ(report.rows.size(), 2u);
  EXPECT_DOUBLE_EQ(report.alpha_per_benchmark, 0.025);  // Holm's first step over 2 benchmarks
  EXPECT_THAT(report.design, ::testing::HasSubstr("signed-rank"));
  EXPECT_EQ(report.rows[0].rounds, 16u);
  EXPECT_TRUE(report.rows[0].gateable());
  EXPECT_FALSE(report.rows[1].gateable());
  EXPECT_GT(report.rows[1].cv_base, 0.2);
  ASSERT_TRUE(report.second_run_penalty.has_value());
  EXPECT_EQ(report.second_run_penalty->blocks, 8u);
}

TEST(AbVerdicts, TheReportNamesTheSignedRankTestThatDecided) {
  // 12 rounds of a clear 30% slowdown, one final look: the fixed-rounds design.
  std::vector<double> base, head;
  for (int i = 0; i < 12; ++i) {
    base.push_back(100 + i % 3);
    head.push_back((100 + i % 3) * 1.3 * (1 + 0.005 * (i % 4)));
  }
  stats::SequentialMonitor monitor({.alpha = 0.05, .max_rounds = 12});
  const std::vector<stats::PairedSeries> series = {blocks("BM_slow", base, head)};
  monitor.look(12, series, /*final=*/true);
  // As compare_runs leaves the comparison: the two-sample test the flags asked for.
  Comparison comparison;
  comparison.benchmarks.emplace_back().name = "BM_slow";
  ASSERT_EQ(comparison.settings.test, TestKind::kMannWhitney);

  apply_sequential_verdicts(comparison, monitor);
  EXPECT_EQ(comparison.benchmarks[0].verdict, Verdict::kRegression);
  EXPECT_EQ(comparison.benchmarks[0].unit, AnalysisUnit::kPairedRounds);
  // The header of the console, Markdown and JUnit reports names the test behind the verdict.
  const std::string header = report::settings_line(comparison.settings);
  EXPECT_THAT(header, ::testing::HasSubstr("· test signed-rank ·"));
  EXPECT_THAT(header, ::testing::Not(::testing::HasSubstr("mann-whitney")));
}

TEST(AbNoise, TheSecondRunPenaltyIsMeasuredAndReported) {
  // Every benchmark 6% slower when it runs second, nothing else: head second -> ratio 1.06,
  // head first -> 1 / 1.06. The penalty is 6% per benchmark and for the job.
  CompareSettings settings;
  std::vector<stats::PairedSeries> series;
  for (const char* name : {"BM_a", "BM_b", "BM_c"}) {
    std::vector<double> base, head;
    for (int i = 0; i < 8; ++i) {
      const bool head_second = i % 2 == 1;
      const double wobble = 1 + 0.01 * (i % 3);  // shared by the round: cancels
      base.push_back(100 * wobble * (head_second ? 1 : 1.06));
      head.push_back(100 * wobble * (head_second ? 1.06 : 1));
    }
    series.push_back(blocks(name, base, head));
  }
  const NoiseReport report = noise_report(series, settings);
  ASSERT_TRUE(report.second_run_penalty.has_value());
  EXPECT_NEAR(report.second_run_penalty->ratio, 1.06, 1e-9);
  EXPECT_NEAR(report.rows[0].second_run_effect, 1.06, 1e-9);
  const nlohmann::json json = noise_json(report);
  EXPECT_NEAR(json["second_run_penalty"]["change"].get<double>(), 0.06, 1e-9);
  EXPECT_NEAR(json["benchmarks"][0]["second_run_effect"].get<double>(), 0.06, 1e-9);
}

}  // namespace
}  // namespace benchgate::ab
