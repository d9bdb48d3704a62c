#include "stats/row_analysis.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "stats/descriptive.h"
#include "stats/hodges_lehmann.h"
#include "stats/mann_whitney.h"
#include "stats/welch.h"

namespace benchgate::stats {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

void group_side(const BenchmarkResult* result, const std::string& metric, ProcessGroups& out,
                std::vector<std::pair<int, double>>& scratch) {
  const std::vector<double>* values = result ? result->metric(metric) : nullptr;
  if (values)
    group_by_process(result->process, *values, out, scratch);
  else
    group_by_process({}, {}, out, scratch);
}

void copy_errors(const BenchmarkResult* result, std::string_view side,
                 std::vector<std::string>& errors) {
  if (!result) return;
  for (const auto& e : result->errors) errors.push_back(fmt::format("{}: {}", side, e.message));
}

void take_logs(const std::vector<double>& units, std::vector<double>& logs) {
  logs.resize(units.size());
  std::transform(units.begin(), units.end(), logs.begin(), [](double v) { return std::log(v); });
}

double pooled_sd(const std::vector<double>& x, const std::vector<double>& y) {
  const auto m = static_cast<double>(x.size()), n = static_cast<double>(y.size());
  const double sx = sample_sd(x), sy = sample_sd(y);
  return std::sqrt(((m - 1) * sx * sx + (n - 1) * sy * sy) / (m + n - 2));
}

// Units of one side: per-process medians when `per_process`, else every repetition.
void side_units(const ProcessGroups& groups, bool per_process, std::vector<double>& out) {
  if (per_process)
    process_medians(groups, out);
  else
    repetitions(groups, out);
}

// Median, CV and counts of one side's units, for every row kind.
void describe_side(const ProcessGroups& groups, const std::vector<double>& units, std::size_t& n,
                   std::size_t& samples, std::size_t& processes, double& median_value, double& cv) {
  n = units.size();
  samples = groups.samples();
  processes = groups.processes();
  cv = coefficient_of_variation(units);
  median_value = median_of_sorted(units);
}

}  // namespace

RowAnalysis analyse_benchmark(const BenchmarkResult* base, const BenchmarkResult* head,
                              const CompareSettings& settings, double threshold,
                              RowWorkspace& work) {
  RowAnalysis out;
  BenchmarkComparison& row = out.row;
  row.name = head ? head->name : base->name;
  row.metric = settings.metric;
  row.threshold = threshold;
  row.confidence = 1 - settings.alpha;
  row.ratio = row.ci_low = row.ci_high = kNaN;
  row.cv_base = row.cv_head = kNaN;
  copy_errors(base, "base", row.errors);
  copy_errors(head, "head", row.errors);

  group_side(base, settings.metric, work.base_groups, work.pairs);
  group_side(head, settings.metric, work.head_groups, work.pairs);
  const bool has_base = work.base_groups.samples() > 0;
  const bool has_head = work.head_groups.samples() > 0;

  // docs/design.md#the-unit-of-analysis: the process is the unit when every side present has at
  // least two of them.
  const bool per_process = (!has_base || work.base_groups.processes() >= 2) &&
                           (!has_head || work.head_groups.processes() >= 2);
  row.unit = per_process ? AnalysisUnit::kProcessMedians : AnalysisUnit::kRepetitions;
  if (has_base) {
    side_units(work.base_groups, per_process, work.base_units);
    describe_side(work.base_groups, work.base_units, row.base_n, row.base_samples,
                  row.base_processes, row.base_median, row.cv_base);
  }
  if (has_head) {
    side_units(work.head_groups, per_process, work.head_units);
    describe_side(work.head_groups, work.head_units, row.head_n, row.head_samples,
                  row.head_processes, row.head_median, row.cv_head);
  }
  row.noisy = row.cv_base > threshold || row.cv_head > threshold;

  if (!has_head) {
    row.verdict = Verdict::kMissing;
    return out;
  }
  if (!has_base) {
    row.verdict = Verdict::kNew;
    return out;
  }
  row.single_run = !per_process;
  // Ratios need positive finite values: the test and CI are computed on logs.
  auto loggable = [](const std::vector<double>& sorted) {
    return sorted.front() > 0 && sorted.back() < kInf;
  };
  out.non_positive = !loggable(work.base_units) || !loggable(work.head_units);
  if (row.base_n < 2 || row.head_n < 2 || out.non_positive) {
    row.verdict = Verdict::kUntested;
    row.ratio = row.base_median > 0 ? row.head_median / row.base_median : kNaN;
    row.ci_low = 0;
    row.ci_high = kInf;
    return out;
  }

  take_logs(work.base_units, work.base_logs);
  take_logs(work.head_units, work.head_logs);
  ShiftEstimate effect;
  if (settings.test == TestKind::kWelch) {
    const WelchResult welch = welch_t_test(work.base_logs, work.head_logs);
    row.p_value = welch.p_value;
    effect = welch_shift_interval(welch, row.confidence);
  } else {
    row.p_value = mann_whitney_u_sorted(work.base_logs, work.head_logs).p_value;
    effect = hodges_lehmann_shift(work.base_logs, work.head_logs, row.confidence, work.differences);
  }
  row.ratio = std::exp(effect.shift);
  row.ci_low = std::exp(effect.low);
  row.ci_high = std::exp(effect.high);
  out.tested = true;
  out.log_sd = pooled_sd(work.base_logs, work.head_logs);
  return out;
}

}  // namespace benchgate::stats
