#pragma once
// compare_runs' stored-mode step (docs/statistics.md#stored-mode-the-job-is-a-unit): rows whose
// sides are separate jobs are re-judged with the job as the unit (stats/job_comparison.h), or
// marked job_noise_unmeasured where the job-to-job spread is unknown.
#include <span>
#include <string>
#include <vector>

#include "core/comparison.h"
#include "stats/compare.h"
#include "stats/row_analysis.h"

namespace benchgate::stats {

// The log job level (stats/analysis_units.h job_level) of every benchmark of `jobs` (oldest first)
// for `metric`: the input of estimate_job_spread.
JobLevels levels_of_jobs(std::span<const RunRecord* const> jobs, const std::string& metric);

// Updates `rows` in place (unit, effect, p-value, flags) and returns the job's summary.
JobLevelSummary judge_across_jobs(std::vector<RowAnalysis>& rows, const AcrossJobs& jobs,
                                  const CompareSettings& settings);

// The comparison's method line for `jobs` (empty: one job per side) and its warnings about the
// job as a whole: the common mode, a disturbed job, unmeasured spreads.
std::string across_jobs_method(const AcrossJobs* jobs,
                               const std::vector<BenchmarkComparison>& rows);
void add_job_warnings(Comparison& comparison, const AcrossJobs& jobs);

}  // namespace benchgate::stats
