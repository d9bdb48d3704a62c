#include "stats/job_rows.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "stats/analysis_units.h"
#include "stats/job_comparison.h"

namespace benchgate::stats {
namespace {

// A common shift smaller than this is not worth a sentence even when the history is quiet.
constexpr double kSmallestNotableShift = 0.05;
// Common shifts beyond this many SDs of the history's are out of the ordinary.
constexpr double kCommonModeSds = 4;

double log_level(const BenchmarkResult& result, const std::string& metric, ProcessGroups& groups,
                 std::vector<std::pair<int, double>>& scratch) {
  const std::vector<double>* values = result.metric(metric);
  if (!values) return std::nan("");
  group_by_process(result.process, *values, groups, scratch);
  const double level = job_level(groups);
  return level > 0 && std::isfinite(level) ? std::log(level) : std::nan("");
}

// log of each stored job's level of `name`, for the jobs that measured it.
std::vector<double> base_levels(const std::string& name, const AcrossJobs& jobs,
                                const std::string& metric, ProcessGroups& groups,
                                std::vector<std::pair<int, double>>& scratch) {
  std::vector<double> levels;
  for (const RunRecord* job : jobs.base_jobs) {
    const BenchmarkResult* result = job->find(name);
    if (!result) continue;
    const double level = log_level(*result, metric, groups, scratch);
    if (std::isfinite(level)) levels.push_back(level);
  }
  return levels;
}

// The window's stored jobs without those the machine disturbed as a whole: a job whose
// difference with more than half of the other stored jobs scatters like a disturbed job
// (stats/job_spread.h). Kept in the mean, a disturbed job among W moved the steady benchmarks by
// 1/W of its disturbance, too little to be seen as a disturbed comparison and enough to block
// (2.1% of simulated gate runs failed with W = 3; docs/statistics.md). With two jobs the
// disturbed one cannot be told from the other, and all stay when none would.
std::vector<const RunRecord*> ordinary_base_jobs(const AcrossJobs& jobs,
                                                 const std::string& metric) {
  const std::vector<const RunRecord*>& base = jobs.base_jobs;
  if (!jobs.spread || base.size() < 3) return base;
  const JobLevels levels = levels_of_jobs(base, metric);
  const std::size_t n = levels.benchmarks.size();
  std::vector<double> spreads(n, std::nan(""));
  for (std::size_t b = 0; b < n; ++b)
    if (auto it = jobs.spread->benchmarks.find(levels.benchmarks[b]);
        it != jobs.spread->benchmarks.end())
      spreads[b] = it->second.difference_sd;
  std::vector<std::size_t> disturbed(base.size(), 0);
  std::vector<double> differences(n);
  for (std::size_t i = 0; i < base.size(); ++i)
    for (std::size_t j = i + 1; j < base.size(); ++j) {
      for (std::size_t b = 0; b < n; ++b)
        differences[b] = levels.levels[j][b] - levels.levels[i][b];
      const double shift = common_mode_shift(differences);
      for (double& d : differences) d -= shift;
      if (disturbed_difference(differences, spreads)) ++disturbed[i], ++disturbed[j];
    }
  std::vector<const RunRecord*> kept;
  for (std::size_t i = 0; i < base.size(); ++i)
    if (2 * disturbed[i] <= base.size() - 1) kept.push_back(base[i]);
  return kept.empty() ? base : kept;
}

std::string percent(double ratio) {
  return fmt::format("{:+.1f}%", (ratio - 1) * 100);
}

}  // namespace

JobLevels levels_of_jobs(std::span<const RunRecord* const> jobs, const std::string& metric) {
  JobLevels out;
  std::map<std::string, std::size_t, std::less<>> index;
  for (const RunRecord* job : jobs)
    for (const auto& b : job->benchmarks)
      if (index.emplace(b.name, out.benchmarks.size()).second) out.benchmarks.push_back(b.name);
  ProcessGroups groups;
  std::vector<std::pair<int, double>> scratch;
  for (const RunRecord* job : jobs) {
    std::vector<double> levels(out.benchmarks.size(), std::nan(""));
    for (const auto& b : job->benchmarks)
      levels[index.at(b.name)] = log_level(b, metric, groups, scratch);
    out.levels.push_back(std::move(levels));
  }
  return out;
}

JobLevelSummary judge_across_jobs(std::vector<RowAnalysis>& rows, const AcrossJobs& jobs,
                                  const CompareSettings& settings) {
  AcrossJobs window = jobs;
  window.base_jobs = ordinary_base_jobs(jobs, settings.metric);
  std::vector<JobContrastInput> inputs(rows.size());
  ProcessGroups groups;
  std::vector<std::pair<int, double>> scratch;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const BenchmarkComparison& row = rows[i].row;
    JobContrastInput& in = inputs[i];
    in.head_level = std::nan("");
    in.spread = nullptr;
    if (row.base_n == 0 || row.head_n == 0 || rows[i].non_positive || !(row.head_median > 0))
      continue;
    in.head_level = std::log(row.head_median);
    in.base_levels = base_levels(row.name, window, settings.metric, groups, scratch);
    if (jobs.spread)
      if (auto it = jobs.spread->benchmarks.find(row.name); it != jobs.spread->benchmarks.end())
        in.spread = &it->second;
  }
  const double sd = jobs.spread ? jobs.spread->common_mode_sd : std::nan("");
  const double common_mode_limit =
      std::exp(std::max(
          std::log1p(kSmallestNotableShift),
          std::isfinite(sd) ? kCommonModeSds * sd : std::log1p(2 * kSmallestNotableShift))) -
      1;
  const JobComparison judged = compare_jobs(inputs, 1 - settings.alpha, common_mode_limit);

  for (std::size_t i = 0; i < rows.size(); ++i) {
    RowAnalysis& analysis = rows[i];
    BenchmarkComparison& row = analysis.row;
    if (!std::isfinite(inputs[i].head_level) || inputs[i].base_levels.empty()) continue;
    const auto& contrast = judged.rows[i];
    if (!contrast) {
      row.job_noise_unmeasured = true;
      continue;
    }
    row.unit = AnalysisUnit::kJobs;
    row.base_n = inputs[i].base_levels.size();
    row.head_n = 1;
    row.single_run = false;  // the job, not its processes, is the unit
    row.p_value = contrast->p_value;
    row.ratio = std::exp(contrast->shift);
    row.ci_low = std::exp(contrast->low);
    row.ci_high = std::exp(contrast->high);
    analysis.tested = true;
    analysis.log_sd = contrast->spread;
  }

  JobLevelSummary summary;
  summary.base_jobs = jobs.base_jobs.size();
  summary.history_jobs = jobs.history_jobs;
  summary.common_mode_removed = judged.common_mode_removed;
  summary.common_shift = std::exp(judged.common_shift);
  summary.scatter = judged.scatter;
  summary.common_mode_limit = common_mode_limit;
  return summary;
}

std::string across_jobs_method(const AcrossJobs* jobs,
                               const std::vector<BenchmarkComparison>& rows) {
  if (!jobs) {
    const bool repetitions = std::any_of(rows.begin(), rows.end(), [](const auto& row) {
      return row.unit == AnalysisUnit::kRepetitions && row.p_value;
    });
    return repetitions ? "one job per side: repetitions of a single process tested"
                       : "one job: its processes tested (Mann-Whitney on process medians)";
  }
  const std::size_t judged = static_cast<std::size_t>(std::count_if(
      rows.begin(), rows.end(), [](const auto& row) { return row.unit == AnalysisUnit::kJobs; }));
  const std::string base =
      fmt::format("head's job against {} separate base job{}", jobs->base_jobs.size(),
                  jobs->base_jobs.size() == 1 ? "" : "s");
  if (judged == 0) return base + "; job-to-job spread not measured, so no regression is confirmed";
  return fmt::format("{}, a prediction interval with the job-to-job spread of {}", base,
                     jobs->spread_source.empty() ? "a calibration" : jobs->spread_source);
}

void add_job_warnings(Comparison& c, const AcrossJobs& jobs) {
  const JobLevelSummary& s = *c.job_level;
  if (s.common_mode_removed && std::fabs(s.common_shift - 1) > s.common_mode_limit)
    c.warnings.push_back(fmt::format(
        "this job ran {} {} across the board (the median over {} benchmarks; an ordinary job "
        "moves at most ±{:.1f}%): that is first of all the machine, so it was removed before each "
        "benchmark was judged. A real change of everything at once (a compiler flag, a new "
        "allocator) shows as a step in the history of the default branch; `--mode interleaved` "
        "confirms it in one job",
        percent(s.common_shift), s.common_shift > 1 ? "slower" : "faster", c.benchmarks.size(),
        s.common_mode_limit * 100));
  if (s.scatter > kDisturbedScatter)
    c.warnings.push_back(fmt::format(
        "this job's benchmarks scattered {:.1f}x as far as an ordinary job's: the machine was "
        "disturbed, and every interval was widened by that factor (the steadiest benchmarks' more)",
        s.scatter));
  const std::size_t unmeasured = static_cast<std::size_t>(
      std::count_if(c.benchmarks.begin(), c.benchmarks.end(),
                    [](const auto& row) { return row.job_noise_unmeasured; }));
  if (unmeasured > 0 && !c.settings.trust_single_job)
    c.warnings.push_back(fmt::format(
        "{} benchmark(s) compare separate jobs whose job-to-job spread is not measured, so their "
        "regressions are unconfirmed and cannot block: {}",
        unmeasured,
        jobs.unmeasured_advice.empty()
            ? "pass `--calibration FILE` (from `benchgate calibrate`) or `--trust-single-job`"
            : jobs.unmeasured_advice));
}

}  // namespace benchgate::stats
