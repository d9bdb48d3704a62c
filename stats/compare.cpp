#include "stats/compare.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "core/parallel_chunks.h"
#include "stats/job_rows.h"
#include "stats/mann_whitney.h"
#include "stats/mann_whitney_exact.h"
#include "stats/p_adjust.h"
#include "stats/row_analysis.h"
#include "stats/row_note.h"
#include "stats/verdict.h"

namespace benchgate::stats {
namespace {
using stats::RowAnalysis;

void check_settings(const CompareSettings& s) {
  if (!valid_alpha(s.alpha))
    throw std::invalid_argument(
        fmt::format("alpha must lie in [{}, {}], got {}", kMinAlpha, kMaxAlpha, s.alpha));
  if (!(s.warning_q > 0 && s.warning_q < 1))
    throw std::invalid_argument(
        fmt::format("warning q must lie between 0 and 1, got {}", s.warning_q));
}

// One row to analyse: a benchmark on one or both sides, and its threshold.
struct RowInput {
  const BenchmarkResult* base;
  const BenchmarkResult* head;
  double threshold;
};

// Rows in head order, then the benchmarks only in base; ignored ones left out entirely.
std::vector<RowInput> pair_up(const RunRecord& base, const RunRecord& head,
                              const CompareOptions& options) {
  auto ignored = [&](const std::string& name) { return options.ignore && options.ignore(name); };
  std::unordered_map<std::string_view, std::size_t> base_index;
  base_index.reserve(base.benchmarks.size());
  for (std::size_t i = 0; i < base.benchmarks.size(); ++i)
    base_index.emplace(base.benchmarks[i].name, i);  // the first of duplicate names wins
  std::vector<bool> matched(base.benchmarks.size(), false);

  std::vector<RowInput> inputs;
  inputs.reserve(head.benchmarks.size() + 16);
  for (const BenchmarkResult& h : head.benchmarks) {
    if (ignored(h.name)) continue;
    const BenchmarkResult* b = nullptr;
    if (auto it = base_index.find(h.name); it != base_index.end()) {
      b = &base.benchmarks[it->second];
      matched[it->second] = true;
    }
    inputs.push_back({b, &h, options.threshold(h.name)});
  }
  for (std::size_t i = 0; i < base.benchmarks.size(); ++i) {
    const BenchmarkResult& b = base.benchmarks[i];
    if (matched[i] || ignored(b.name) || base_index.at(b.name) != i) continue;
    inputs.push_back({&b, nullptr, options.threshold(b.name)});
  }
  return inputs;
}

// Rows do not depend on each other, and analysing them is most of a large comparison's time
// (docs/development.md#benchmarks-of-benchgate-itself: 10,000 benchmarks in well under 200 ms), so
// they are spread over the cores (core/parallel_chunks.h), each thread with a workspace of its own
// writing each row to its place: the result is the same on any number of threads. (The caller's
// callbacks, threshold_for and ignore, ran before, on this thread.)
std::vector<RowAnalysis> analyse_all(const std::vector<RowInput>& inputs,
                                     const CompareSettings& settings) {
  std::vector<RowAnalysis> rows(inputs.size());
  parallel_chunks(inputs.size(), 256, [&] {
    return [&, work = stats::RowWorkspace{}](std::size_t begin, std::size_t end) mutable {
      for (std::size_t i = begin; i < end; ++i)
        rows[i] = stats::analyse_benchmark(inputs[i].base, inputs[i].head, settings,
                                           inputs[i].threshold, work);
    };
  });
  return rows;
}

// Holm and Benjamini–Hochberg across every tested row; returns the family size.
std::size_t adjust_p_values(std::vector<RowAnalysis>& rows) {
  std::vector<double> raw;
  for (const auto& r : rows)
    if (r.tested) raw.push_back(*r.row.p_value);
  const auto holm = stats::holm_adjust(raw);
  const auto bh = stats::benjamini_hochberg_adjust(raw);
  std::size_t i = 0;
  for (auto& r : rows) {
    if (!r.tested) continue;
    r.row.p_adjusted = holm[i];
    r.row.q_value = bh[i];
    ++i;
  }
  return raw.size();
}

void decide(RowAnalysis& analysis, const CompareSettings& settings, std::size_t family_size) {
  BenchmarkComparison& row = analysis.row;
  if (analysis.tested) {
    row.verdict = stats::decide_verdict(*row.p_adjusted, row.ci_low, row.ci_high, settings.alpha,
                                        row.threshold);
    if (settings.higher_is_better) row.verdict = stats::flip_direction(row.verdict);
    row.warning = stats::bh_warning(row.verdict, *row.q_value, settings.warning_q);
    // Stored mode's inconclusive rows are settled by another mode, not by more of the same:
    // one head job carries the whole job-to-job spread however many base jobs there are.
    if (row.verdict == Verdict::kInconclusive && row.unit != AnalysisUnit::kJobs)
      row.units_needed = stats::units_needed({.design = stats::UnitDesign::kTwoSample,
                                              .test = settings.test,
                                              .log_sd = analysis.log_sd,
                                              .current_n = std::min(row.base_n, row.head_n),
                                              .threshold = row.threshold,
                                              .alpha = settings.alpha,
                                              .family_size = family_size});
  }
  row.note = stats::verdict_note(row, settings, analysis.non_positive);
}

// Comparison-wide warnings: things that limit what the whole report can say.
void add_warnings(Comparison& c, std::size_t family_size) {
  std::size_t single = 0, untested = 0, unreachable = 0;
  std::string example;
  const double first_step =
      c.settings.alpha / static_cast<double>(std::max<std::size_t>(family_size, 1));
  for (const auto& row : c.benchmarks) {
    single += row.single_run ? 1 : 0;
    untested += row.verdict == Verdict::kUntested ? 1 : 0;
    // With few units even complete separation is not significant after Holm: say so, or an
    // "inconclusive" there looks like a measurement problem rather than a design one.
    if (row.p_value && row.unit != AnalysisUnit::kJobs &&
        c.settings.test == TestKind::kMannWhitney && row.base_n <= stats::kMwuExactMaxN &&
        row.head_n <= stats::kMwuExactMaxN) {
      const double smallest_p = 2 * stats::mwu_exact_cdf(row.base_n, row.head_n, 0);
      if (smallest_p > first_step) {
        if (unreachable++ == 0)
          example =
              fmt::format("{} vs {} units give p >= {:.2g}", row.base_n, row.head_n, smallest_p);
      }
    }
  }
  if (single > 0)
    c.warnings.push_back(fmt::format(
        "between-run drift is not measured: {} benchmark(s) were compared on the repetitions of a "
        "single process per side, so their regressions are unconfirmed; measure several processes "
        "per side (one result file each) to confirm",
        single));
  if (untested > 0)
    c.warnings.push_back(fmt::format(
        "{} benchmark(s) have fewer than 2 samples on a side (or values <= 0) and are untested",
        untested));
  if (unreachable > 0)
    c.warnings.push_back(fmt::format(
        "{} benchmark(s) cannot become significant: {}, but Holm's first step across {} "
        "benchmarks needs p <= {:.2g}; use at least {} per side",
        unreachable, example, family_size, first_step,
        stats::smallest_units_for_significance(first_step)));
}

}  // namespace

Comparison compare_runs(const RunRecord& base, const RunRecord& head,
                        const CompareOptions& options) {
  check_settings(options.settings);
  std::vector<RowAnalysis> rows = analyse_all(pair_up(base, head, options), options.settings);
  Comparison c;
  if (options.across_jobs)
    c.job_level = judge_across_jobs(rows, *options.across_jobs, options.settings);
  const std::size_t family_size = adjust_p_values(rows);

  c.settings = options.settings;
  c.base_label = base.commit;
  c.head_label = head.commit;
  c.benchmarks.reserve(rows.size());
  for (auto& r : rows) {
    decide(r, options.settings, family_size);
    c.benchmarks.push_back(std::move(r.row));
  }
  add_warnings(c, family_size);
  c.method =
      across_jobs_method(options.across_jobs ? &*options.across_jobs : nullptr, c.benchmarks);
  if (options.across_jobs) add_job_warnings(c, *options.across_jobs);
  return c;
}

double CompareOptions::threshold(std::string_view benchmark) const {
  const double delta = threshold_for ? threshold_for(benchmark) : settings.threshold;
  if (!(delta >= 0 && delta < 1))
    throw std::invalid_argument(
        fmt::format("threshold for benchmark '{}' must lie in [0, 1), got {}", benchmark, delta));
  return delta;
}

}  // namespace benchgate::stats
