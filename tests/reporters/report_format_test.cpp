#include "reporters/report_format.h"

#include <cmath>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/reporters/comparison_fixtures.h"

namespace benchgate::report {
namespace {
using benchgate::testing::every_verdict;
using benchgate::testing::make_row;
using benchgate::testing::single_run_comparison;
using ::testing::ElementsAre;

TEST(FormatDuration, ThreeSignificantDigitsInTheLargestUnitReached) {
  EXPECT_EQ(format_duration(0), "0 ns");
  EXPECT_EQ(format_duration(0.5), "0.50 ns");
  EXPECT_EQ(format_duration(842), "842 ns");
  EXPECT_EQ(format_duration(1234), "1.23 µs");
  EXPECT_EQ(format_duration(12345), "12.3 µs");
  EXPECT_EQ(format_duration(123456), "123 µs");
  EXPECT_EQ(format_duration(7.5e6), "7.50 ms");
  EXPECT_EQ(format_duration(4.5e9), "4.50 s");
  EXPECT_EQ(format_duration(3600e9), "3600 s");
}

TEST(FormatDuration, RoundingUpToAThousandMovesToTheNextUnit) {
  EXPECT_EQ(format_duration(999.4), "999 ns");
  EXPECT_EQ(format_duration(999.6), "1.00 µs");
  EXPECT_EQ(format_duration(9.996), "10.0 ns");
}

TEST(FormatDuration, NonFiniteIsNotAvailable) {
  EXPECT_EQ(format_duration(NAN), "n/a");
  EXPECT_EQ(format_duration(INFINITY), "n/a");
}

TEST(FormatValue, TimeMetricsAreDurationsCountersAreSiScaled) {
  EXPECT_EQ(format_value(1234, "real_time"), "1.23 µs");
  EXPECT_EQ(format_value(1234, "cpu_time"), "1.23 µs");
  EXPECT_EQ(format_value(1.5e6, "items_per_second"), "1.50M");
  EXPECT_EQ(format_value(2.25e9, "bytes_per_second"), "2.25G");
  EXPECT_EQ(format_value(42, "instructions"), "42.0");
  EXPECT_EQ(format_value(0.000123, "hit_rate"), "0.000123");
}

TEST(FormatChange, RatioAsSignedPercentage) {
  EXPECT_EQ(format_change(1.073), "+7.3%");
  EXPECT_EQ(format_change(0.5), "-50.0%");
  EXPECT_EQ(format_change(2.5), "+150%");
  EXPECT_EQ(format_change(0), "-100%");
  EXPECT_EQ(format_change(INFINITY), "+∞");
  EXPECT_EQ(format_change(NAN), "n/a");
}

TEST(FormatChange, NoSignWhenItRoundsToZero) {
  EXPECT_EQ(format_change(1.0), "0.0%");
  EXPECT_EQ(format_change(1.0001), "0.0%");
  EXPECT_EQ(format_change(0.9999), "0.0%");
}

TEST(FormatChangeWithInterval, ShowsTheIntervalWhenTheRowHasOne) {
  auto row = make_row("a", Verdict::kRegression, 1.2);
  row.ci_low = 1.15, row.ci_high = 1.26;
  EXPECT_EQ(format_change_with_interval(row), "+20.0% [+15.0%, +26.0%]");
  row.confidence = 0.9;
  EXPECT_EQ(format_change_with_interval(row), "+20.0% [+15.0%, +26.0%] (90% CI)");
}

TEST(FormatChangeWithInterval, AnUnboundedIntervalIsShownAsSuch) {
  auto row = make_row("a", Verdict::kInconclusive, 1.1);
  row.ci_low = 0, row.ci_high = INFINITY;
  EXPECT_EQ(format_change_with_interval(row), "+10.0% [-100%, +∞]");
}

TEST(FormatChangeWithInterval, UntestedNewAndMissingHaveNoInterval) {
  EXPECT_EQ(format_change_with_interval(make_row("a", Verdict::kUntested, 1.3)), "+30.0%");
  EXPECT_EQ(format_change_with_interval(make_row("a", Verdict::kNew, NAN)), "n/a");
  EXPECT_EQ(format_change_with_interval(make_row("a", Verdict::kMissing, NAN)), "n/a");
}

TEST(FormatP, DecimalsNearAlphaExponentsBelow) {
  EXPECT_EQ(format_p(0.0491), "0.049");
  EXPECT_EQ(format_p(0.0512), "0.051");
  EXPECT_EQ(format_p(1.0), "1.000");
  EXPECT_EQ(format_p(5.8e-4), "5.8e-04");
  EXPECT_EQ(format_p(std::nullopt), "—");
}

TEST(FormatPercent, FractionToPercent) {
  EXPECT_EQ(format_percent(0.05), "5%");
  EXPECT_EQ(format_percent(0.125), "12.5%");
}

TEST(SideValues, AbsentWhenASideHasNoSamples) {
  auto added = make_row("a", Verdict::kNew, NAN);
  added.base_n = 0;
  EXPECT_EQ(base_value(added), "—");
  EXPECT_EQ(head_value(make_row("a", Verdict::kUnchanged, 1.5)), "1.50 µs");
}

TEST(VerdictLabel, SingleRunRegressionIsUnconfirmedUnlessTrusted) {
  auto row = make_row("a", Verdict::kRegression, 1.2);
  CompareSettings settings;
  EXPECT_EQ(verdict_label(row, settings), "regression");
  row.single_run = true;
  EXPECT_EQ(verdict_label(row, settings), "regression (unconfirmed)");
  EXPECT_TRUE(is_unconfirmed_regression(row, settings));
  settings.trust_single_run = true;
  EXPECT_EQ(verdict_label(row, settings), "regression");
  EXPECT_FALSE(is_unconfirmed_regression(row, settings));
}

TEST(RowMarkers, NoisySingleRunWarning) {
  auto row = make_row("a", Verdict::kInconclusive, 1.1);
  EXPECT_TRUE(row_markers(row, true).empty());
  row.noisy = true, row.cv_base = 0.12, row.cv_head = 0.031;
  row.single_run = row.warning = true;
  row.errors = {"x"};
  EXPECT_THAT(row_markers(row, true),
              ElementsAre("noisy (CV 12%/3.1%)", "single-run", "BH warning"));
  EXPECT_THAT(row_markers(row, false), ElementsAre("noisy (CV 12%/3.1%)", "BH warning"));
}

TEST(RowMarkers, SingleRunMarkedOnlyWhenSomeRowsAreNot) {
  Comparison c = single_run_comparison();
  EXPECT_FALSE(mark_single_run_rows(c));  // the note says it once
  c.benchmarks[0].single_run = false;
  EXPECT_TRUE(mark_single_run_rows(c));
}

TEST(RowExplanations, VerdictNoteOnlyWhenAskedErrorsAlways) {
  auto row = make_row("a", Verdict::kInconclusive, 1.1);
  row.note = "interval\nstraddles δ";
  row.units_needed = 14;
  row.errors = {"head: crashed\x1b[0m"};
  EXPECT_THAT(
      row_explanations(row, true),
      ElementsAre("interval straddles δ",
                  "about 14 processes per side would catch a true change of 5.0% with 80% power",
                  "error: head: crashed[0m"));
  EXPECT_THAT(row_explanations(row, false), ElementsAre("error: head: crashed[0m"));
  row.unit = AnalysisUnit::kRepetitions;
  EXPECT_EQ(row_explanations(row, true)[1],
            "about 14 repetitions per side would catch a true change of 5.0% with 80% power");
}

TEST(Summary, CountsEveryVerdictAndTheGate) {
  EXPECT_EQ(summary_line(every_verdict()),
            "1 regression, 1 improvement, 2 unchanged, 1 inconclusive, 1 untested, 1 new, 1 missing"
            " — gate: FAIL");
}

TEST(Summary, PluralsAndOnlyTheRareVerdictsPresent) {
  Comparison c;
  for (int i = 0; i < 2; ++i) c.benchmarks.push_back(make_row("r", Verdict::kRegression, 1.2));
  c.benchmarks.push_back(make_row("u", Verdict::kUnchanged));
  EXPECT_EQ(summary_line(c),
            "2 regressions, 0 improvements, 1 unchanged, 0 inconclusive — gate: FAIL");
}

TEST(Summary, UnconfirmedRegressionsAreCalledOutAndPass) {
  EXPECT_EQ(summary_line(single_run_comparison()),
            "1 regression (1 unconfirmed), 1 improvement, 2 unchanged, 1 inconclusive, 1 untested, "
            "1 new, 1 missing — gate: PASS");
}

TEST(Summary, FailOnNeverSaysWhyTheGatePasses) {
  Comparison c = every_verdict();
  c.settings.fail_on_regression = false;
  EXPECT_THAT(summary_line(c), ::testing::EndsWith("— gate: PASS (--fail-on never)"));
}

TEST(Summary, NoRows) {
  EXPECT_EQ(summary_line(Comparison{}), "no benchmarks compared — gate: NOTHING COMPARED");
}

TEST(SingleRunNote, OnlyWhenSomeRowIsSingleRunAndWordedByTrust) {
  EXPECT_EQ(single_run_note(every_verdict()), "");
  Comparison c = single_run_comparison();
  EXPECT_EQ(single_run_note(c),
            "regressions unconfirmed: one process per side, between-run drift not measured; rerun "
            "with more processes or use `--trust-single-run`");
  c.settings.trust_single_run = true;
  EXPECT_THAT(single_run_note(c), ::testing::HasSubstr("because of `--trust-single-run`"));
}

TEST(SettingsLine, MetricAlphaThresholdTest) {
  CompareSettings s;
  s.metric = "cpu_time";
  s.alpha = 0.01;
  s.threshold = 0.1;
  s.test = TestKind::kWelch;
  EXPECT_EQ(settings_line(s),
            "metric cpu_time · α = 0.01 (Holm) · δ = 10% · test welch · BH warnings at q ≤ 0.1");
}

}  // namespace
}  // namespace benchgate::report
