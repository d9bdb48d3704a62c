// The comparison JSON is written directly (core/json_writer.h), not through a nlohmann DOM. The
// oracle here is that DOM, built field by field from the documented contract (docs/reports.md):
// the text must parse to exactly it, and be laid out as nlohmann's dump(2) of it.
#include "core/comparison_json.h"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace benchgate {
namespace {
using nlohmann::json;

json number_or_null(double v) {
  return std::isfinite(v) ? json(v) : json(nullptr);
}
json optional_or_null(const std::optional<double>& v) {
  return v ? number_or_null(*v) : json(nullptr);
}

json expected_row(const BenchmarkComparison& r, const CompareSettings& s) {
  return {{"name", r.name},
          {"metric", r.metric},
          {"verdict", std::string(to_string(r.verdict))},
          {"blocks_gate", blocks_gate(r, s)},
          {"base_n", r.base_n},
          {"head_n", r.head_n},
          {"unit", std::string(to_string(r.unit))},
          {"base_samples", r.base_samples},
          {"head_samples", r.head_samples},
          {"base_processes", r.base_processes},
          {"head_processes", r.head_processes},
          {"base_median", number_or_null(r.base_median)},
          {"head_median", number_or_null(r.head_median)},
          {"ratio", number_or_null(r.ratio)},
          {"ci_low", number_or_null(r.ci_low)},
          {"ci_high", number_or_null(r.ci_high)},
          {"confidence", r.confidence},
          {"p_value", optional_or_null(r.p_value)},
          {"p_adjusted", optional_or_null(r.p_adjusted)},
          {"q_value", optional_or_null(r.q_value)},
          {"cv_base", number_or_null(r.cv_base)},
          {"cv_head", number_or_null(r.cv_head)},
          {"threshold", r.threshold},
          {"noisy", r.noisy},
          {"warning", r.warning},
          {"single_run", r.single_run},
          {"job_noise_unmeasured", r.job_noise_unmeasured},
          {"units_needed", r.units_needed ? json(*r.units_needed) : json(nullptr)},
          {"errors", r.errors},
          {"note", r.note}};
}

json expected_document(const Comparison& c) {
  json rows = json::array();
  for (const auto& r : c.benchmarks) rows.push_back(expected_row(r, c.settings));
  // True when no row had both sides: every row is new or missing (or there is none).
  bool nothing_compared = true;
  for (const auto& r : c.benchmarks)
    if (r.verdict != Verdict::kNew && r.verdict != Verdict::kMissing) nothing_compared = false;
  json fail_on = json::array();
  if (c.settings.fail_on_regression) fail_on.push_back("regression");
  for (Verdict v : c.settings.also_fail_on) fail_on.push_back(std::string(to_string(v)));
  json counts = json::object();
  for (Verdict v : {Verdict::kRegression, Verdict::kImprovement, Verdict::kUnchanged,
                    Verdict::kInconclusive, Verdict::kUntested, Verdict::kNew, Verdict::kMissing})
    counts[std::string(to_string(v))] = c.count(v);
  json doc = {{"schema", "benchgate.comparison/1"},
              {"verdict", std::string(to_string(c.outcome()))},
              {"single_run", c.any_single_run()},
              {"base", c.base_label},
              {"head", c.head_label},
              {"settings",
               {{"metric", c.settings.metric},
                {"alpha", c.settings.alpha},
                {"threshold", c.settings.threshold},
                {"warning_q", c.settings.warning_q},
                {"test", std::string(to_string(c.settings.test))},
                {"trust_single_run", c.settings.trust_single_run},
                {"trust_single_job", c.settings.trust_single_job},
                {"higher_is_better", c.settings.higher_is_better},
                {"fail_on", fail_on}}},
              {"counts", counts},
              {"warnings", c.warnings},
              {"method", c.method},
              {"false_alarms", c.false_alarms},
              {"nothing_compared", nothing_compared},
              {"benchmarks", rows}};
  if (c.job_level)
    doc["job_level"] = {{"base_jobs", c.job_level->base_jobs},
                        {"history_jobs", c.job_level->history_jobs},
                        {"common_shift", c.job_level->common_shift},
                        {"common_mode_removed", c.job_level->common_mode_removed},
                        {"common_mode_limit", c.job_level->common_mode_limit},
                        {"scatter", c.job_level->scatter}};
  return doc;
}

BenchmarkComparison row(std::string name, Verdict verdict) {
  BenchmarkComparison r;
  r.name = std::move(name);
  r.metric = "real_time";
  r.verdict = verdict;
  r.base_n = r.head_n = 10;
  r.base_samples = r.head_samples = 30;
  r.base_processes = r.head_processes = 10;
  r.base_median = 103.45678901234567;
  r.head_median = 113.80246791358024;
  r.ratio = 1.1000000000000001;
  r.ci_low = 1.0812;
  r.ci_high = 1.12;
  r.p_value = 1.0825088224469026e-05;
  r.p_adjusted = 0.10825088224469026;
  r.q_value = 0.0;
  r.cv_base = 0.0123;
  r.cv_head = 2e-20;
  r.note = "slower by 10.0% (95% CI 8.1% to 12.0%)";
  return r;
}

// Every kind of value the writer has a branch for: inf/NaN -> null, empty optionals, integers
// stored as doubles, UTF-8, escapes, control characters, empty and non-empty arrays.
Comparison varied_comparison() {
  Comparison c;
  c.base_label = "base \"main\" @ C:\\runs";
  c.head_label = "head\tcafé ☕";
  c.settings.also_fail_on = {Verdict::kMissing, Verdict::kNew};
  c.settings.higher_is_better = true;
  c.settings.test = TestKind::kWelch;
  c.warnings = {"between-run drift not measured", "line\nbreak \x01 control"};
  c.benchmarks.push_back(row("BM_Sort/1024", Verdict::kRegression));
  BenchmarkComparison unbounded = row("BM_Ünïcode/日本", Verdict::kUntested);
  unbounded.ci_low = 0;
  unbounded.ci_high = std::numeric_limits<double>::infinity();
  unbounded.ratio = std::nan("");
  unbounded.base_median = -0.0;
  unbounded.head_median = 100.0;
  unbounded.p_value.reset();
  unbounded.p_adjusted.reset();
  unbounded.q_value.reset();
  unbounded.units_needed = 42;
  unbounded.single_run = true;
  unbounded.errors = {"process 3: boom", "quote \" and backslash \\"};
  c.benchmarks.push_back(unbounded);
  BenchmarkComparison huge = row("BM_Big<1e300>", Verdict::kImprovement);
  huge.base_median = 1e300;
  huge.head_median = 123456789012.5;
  huge.cv_base = -std::numeric_limits<double>::infinity();
  huge.noisy = huge.warning = true;
  huge.job_noise_unmeasured = true;
  c.benchmarks.push_back(huge);
  c.method = "stored mode: head's job against 2 separate base jobs";
  c.false_alarms = "false-alarm rate on this testbed not measured yet";
  c.job_level = JobLevelSummary{2, 14, 1.38, true, 0.09, 1.7};
  return c;
}

TEST(ComparisonJson, TextParsesToTheDocumentOfTheContract) {
  Comparison c = varied_comparison();
  EXPECT_EQ(json::parse(comparison_json_text(c)), expected_document(c));
  EXPECT_EQ(to_json(c), expected_document(c));
}

TEST(ComparisonJson, TextIsLaidOutAsTheDomDump) {
  Comparison c = varied_comparison();
  EXPECT_EQ(comparison_json_text(c), expected_document(c).dump(2) + "\n");
}

// Rows are written in chunks on several threads (512 a chunk): a comparison of several chunks,
// one row short of a full last chunk, must still be laid out exactly as the DOM dump.
TEST(ComparisonJson, ManyRowsWrittenInChunksAreLaidOutAsTheDomDump) {
  Comparison c = varied_comparison();
  const std::vector<BenchmarkComparison> varied = c.benchmarks;
  while (c.benchmarks.size() < 3 * 512 - 1)
    for (BenchmarkComparison r : varied) {
      r.name += "/" + std::to_string(c.benchmarks.size());
      c.benchmarks.push_back(r);
    }
  c.benchmarks.resize(3 * 512 - 1);
  EXPECT_EQ(comparison_json_text(c), expected_document(c).dump(2) + "\n");
}

TEST(ComparisonJson, NullsForNonFiniteNumbersAndMissingValues) {
  json doc = json::parse(comparison_json_text(varied_comparison()));
  const json& unbounded = doc["benchmarks"][1];
  EXPECT_TRUE(unbounded["ci_high"].is_null());
  EXPECT_TRUE(unbounded["ratio"].is_null());
  EXPECT_TRUE(unbounded["p_value"].is_null());
  EXPECT_EQ(unbounded["units_needed"], 42);
  EXPECT_TRUE(doc["benchmarks"][0]["units_needed"].is_null());
  EXPECT_TRUE(doc["benchmarks"][2]["cv_base"].is_null());
  EXPECT_TRUE(unbounded["head_median"].is_number_float());  // 100.0 stays a double
}

TEST(ComparisonJson, EmptyComparisonHasEmptyArrays) {
  Comparison c;
  c.settings.fail_on_regression = false;
  EXPECT_EQ(json::parse(comparison_json_text(c)), expected_document(c));
  EXPECT_EQ(comparison_json_text(c), expected_document(c).dump(2) + "\n");
}

TEST(ComparisonJson, InvalidUtf8BecomesReplacementCharacter) {
  Comparison c;
  c.benchmarks.push_back(row("bad\xff\xfe name", Verdict::kUnchanged));
  json doc = json::parse(comparison_json_text(c));
  EXPECT_EQ(doc["benchmarks"][0]["name"], "bad\xEF\xBF\xBD\xEF\xBF\xBD name");
}

}  // namespace
}  // namespace benchgate
