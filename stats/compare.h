#pragma once
// Comparison of two run records, benchmark by benchmark (docs/design.md#the-unit-of-analysis):
// choose the analysis unit, test, estimate the effect with its CI, adjust p-values across the
// comparison, decide verdicts.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/comparison.h"
#include "core/run_record.h"
#include "stats/job_spread.h"

namespace benchgate::stats {

// Base and head are separate jobs (stored mode; records of different jobs): each side's processes
// share one machine state, so the job is the unit
// (docs/statistics.md#stored-mode-the-job-is-a-unit).
struct AcrossJobs {
  std::vector<const RunRecord*> base_jobs;  // the stored jobs the pooled base merges, >= 1
  const SuiteJobSpread* spread = nullptr;   // job-to-job spread; null: not measured
  std::size_t history_jobs = 0;             // recorded jobs behind `spread`
  // Where the spread came from, for the method line ("14 recorded jobs of main").
  std::string spread_source;
  // What to do when a benchmark's spread is unknown, for the warning that its regressions are
  // unconfirmed ("job-to-job noise not yet measured: 2 of 10 jobs recorded; ...").
  std::string unmeasured_advice;
};

struct CompareOptions {
  CompareSettings settings;
  std::optional<AcrossJobs> across_jobs;  // empty: both sides' processes belong to one job
  // Per-benchmark δ (config overrides by glob); empty means settings.threshold for all.
  std::function<double(std::string_view benchmark)> threshold_for;
  // Benchmarks to leave out entirely (config `ignore`); empty means none.
  std::function<bool(std::string_view benchmark)> ignore;

  // δ for `benchmark`: threshold_for's, else settings.threshold. std::invalid_argument when the
  // value is outside [0, 1).
  double threshold(std::string_view benchmark) const;
};

Comparison compare_runs(const RunRecord& base, const RunRecord& head,
                        const CompareOptions& options);

}  // namespace benchgate::stats
