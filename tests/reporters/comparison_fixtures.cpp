#include "tests/reporters/comparison_fixtures.h"

#include <cmath>
#include <sstream>

namespace benchgate::testing {

BenchmarkComparison make_row(std::string name, Verdict verdict, double ratio) {
  BenchmarkComparison row;
  row.name = std::move(name);
  row.metric = "real_time";
  row.verdict = verdict;
  row.unit = AnalysisUnit::kProcessMedians;
  row.base_n = row.head_n = 10;
  row.base_samples = row.head_samples = 50;
  row.base_processes = row.head_processes = 10;
  row.base_median = 1000;
  row.head_median = 1000 * ratio;
  row.ratio = ratio;
  row.ci_low = ratio - 0.01;
  row.ci_high = ratio + 0.01;
  row.p_value = 0.5;
  row.p_adjusted = 1.0;
  row.q_value = 1.0;
  row.cv_base = row.cv_head = 0.01;
  return row;
}

Comparison every_verdict() {
  Comparison c;
  c.base_label = "results/base";
  c.head_label = "results/head";
  c.benchmarks.push_back(make_row("BM_Unchanged/8", Verdict::kUnchanged, 1.002));

  auto improvement = make_row("BM_Hash/64", Verdict::kImprovement, 0.8);
  improvement.ci_low = 0.75, improvement.ci_high = 0.85;
  improvement.p_value = 0.0001, improvement.p_adjusted = 0.0008;
  c.benchmarks.push_back(improvement);

  auto regression = make_row("BM_Sort/1024", Verdict::kRegression, 1.2);
  regression.base_median = 1230, regression.head_median = 1476;
  regression.ci_low = 1.15, regression.ci_high = 1.26;
  regression.p_value = 0.0004, regression.p_adjusted = 0.0021;
  c.benchmarks.push_back(regression);

  auto inconclusive = make_row("BM_StringBuild", Verdict::kInconclusive, 1.04);
  inconclusive.ci_low = 0.98, inconclusive.ci_high = 1.11;
  inconclusive.p_value = 0.2, inconclusive.p_adjusted = 0.9;
  inconclusive.units_needed = 14;
  inconclusive.note = "the interval straddles the threshold";
  c.benchmarks.push_back(inconclusive);

  auto untested = make_row("BM_Once", Verdict::kUntested, 1.3);
  untested.base_n = untested.head_n = 1;
  untested.p_value.reset(), untested.p_adjusted.reset(), untested.q_value.reset();
  c.benchmarks.push_back(untested);

  auto added = make_row("BM_New", Verdict::kNew, NAN);
  added.base_n = 0, added.base_median = 0, added.head_median = 950;
  added.p_value.reset(), added.p_adjusted.reset(), added.q_value.reset();
  c.benchmarks.push_back(added);

  auto missing = make_row("BM_Gone", Verdict::kMissing, NAN);
  missing.head_n = 0, missing.head_median = 0;
  missing.p_value.reset(), missing.p_adjusted.reset(), missing.q_value.reset();
  missing.errors = {"head: benchmark crashed"};
  c.benchmarks.push_back(missing);

  c.benchmarks.push_back(make_row("BM_Unchanged/64", Verdict::kUnchanged, 0.998));
  return c;
}

Comparison single_run_comparison() {
  Comparison c = every_verdict();
  for (auto& row : c.benchmarks) {
    row.single_run = true;
    row.unit = AnalysisUnit::kRepetitions;
    row.base_processes = row.head_processes = 1;
  }
  c.warnings.push_back("one process per side: between-run drift is not measured");
  return c;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace benchgate::testing
