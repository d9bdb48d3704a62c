// The stored-history step of `benchgate calibrate` (gate/calibrate.h).
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "core/log.h"
#include "core/text.h"
#include "gate/calibrate_steps.h"
#include "gate/stored_jobs.h"
#include "stats/compare.h"
#include "stats/family_adjust.h"
#include "stats/job_comparison.h"
#include "stats/job_rows.h"
#include "store/baseline_finder.h"
#include "store/store_factory.h"

namespace benchgate::gate {
namespace {

// One successive pair of recorded jobs, as every suite saw it: the suites' comparisons are
// adjusted together (Holm across suites, like the gate), keyed by the two commits.
struct PairJudgement {
  std::string label;  // "1a2b3c4d5e6f..6f5e4d3c2b1a"
  std::vector<std::pair<std::string, Comparison>> by_suite;
};

// The history without jobs i and i+1: the spread a pair is judged with must not have seen it.
std::vector<const RunRecord*> leave_pair_out(const std::vector<const RunRecord*>& jobs,
                                             std::size_t i) {
  std::vector<const RunRecord*> rest;
  for (std::size_t k = 0; k < jobs.size(); ++k)
    if (k != i && k != i + 1) rest.push_back(jobs[k]);
  return rest;
}

// "BM_X +12.0%" for every blocking regression of `c`.
std::vector<std::string> blocking_rows(const Comparison& c, const std::string& suite) {
  std::vector<std::string> out;
  for (const auto& row : c.benchmarks)
    if (row.verdict == Verdict::kRegression && blocks_gate(row, c.settings))
      out.push_back(fmt::format("{}/{} {:+.1f}%", suite, row.name, (row.ratio - 1) * 100));
  return out;
}

}  // namespace

std::size_t calibrate_history(const CalibrateSettings& settings, const std::string& tip,
                              Calibration& out) {
  const GateSettings& g = settings.gate;
  const auto store = store::open_store(g.store, g.repo);
  store::BaselineQuery query;
  query.repo = g.repo;
  query.head = tip;
  query.target = tip;
  query.testbed = out.testbed;
  query.max_distance = g.max_distance;
  query.window = settings.jobs;
  const store::BaselineResult found = store::find_baseline(query, *store);
  for (const auto& problem : found.problems)
    log_warning("unreadable stored record, skipped: {}", problem.describe());

  const std::string& metric = g.compare.settings.metric;
  std::map<std::string, PairJudgement> pairs;  // by "base..head#occurrence", in history order
  std::vector<std::string> pair_order;
  std::size_t total_jobs = 0;
  for (const auto& suite : g.suites) {
    CalibrationSuite& cs = out.suites.emplace_back();
    cs.name = suite.name;
    cs.metric = metric;
    const SuiteJobs jobs = suite_jobs(found, suite.name, g.suites.size() == 1, 1);
    const std::vector<const RunRecord*>& history = jobs.history;
    total_jobs += history.size();
    if (history.empty()) {
      log_info("suite {}: no recorded job on testbed {} within {} commits of {}", suite.name,
               out.testbed, g.max_distance, short_commit(tip));
      continue;
    }
    const stats::SuiteJobSpread spread =
        stats::estimate_job_spread(stats::levels_of_jobs(history, metric));
    CalibrationStored stored;
    stored.jobs = history.size();
    stored.common_mode_removed = spread.common_mode_removed;
    stored.common_mode_sd = spread.common_mode_sd;
    for (const auto& [name, b] : spread.benchmarks) {
      CalibrationBenchmark& row = cs.benchmarks.emplace_back();
      row.name = name;
      row.threshold = g.compare.threshold(name);
      row.job_difference_sd = b.difference_sd;
      row.job_degrees_of_freedom = b.degrees_of_freedom;
      row.job_differences = b.differences;
    }
    log_info("suite {}: {} recorded jobs on testbed {}{}", suite.name, history.size(), out.testbed,
             history.size() < kFewestHistoryJobs
                 ? fmt::format(" (stored mode needs {} before it can block)", kFewestHistoryJobs)
                 : "");

    std::map<std::string, int> seen;
    for (std::size_t i = 0; i + 1 < history.size(); ++i) {
      const std::vector<const RunRecord*> rest = leave_pair_out(history, i);
      if (rest.size() < 3) continue;  // fewer than two differences: no spread to judge with
      const stats::SuiteJobSpread other =
          stats::estimate_job_spread(stats::levels_of_jobs(rest, metric));
      stats::CompareOptions options = g.compare;
      options.across_jobs =
          stats::AcrossJobs{.base_jobs = {history[i]},
                            .spread = &other,
                            .history_jobs = rest.size(),
                            .spread_source = fmt::format("{} other recorded jobs", rest.size()),
                            .unmeasured_advice = {}};
      Comparison c = stats::compare_runs(*history[i], *history[i + 1], options);
      const std::string label = fmt::format("{}..{}", short_commit(history[i]->commit),
                                            short_commit(history[i + 1]->commit));
      const std::string key = fmt::format("{}#{}", label, seen[label]++);
      auto [it, added] = pairs.try_emplace(key);
      if (added) {
        it->second.label = label;
        pair_order.push_back(key);
      }
      it->second.by_suite.emplace_back(suite.name, std::move(c));
      ++stored.pairs;
    }
    cs.stored = std::move(stored);
  }

  // Holm across suites for each pair, then count the pairs whose gate would have failed.
  for (const auto& key : pair_order) {
    PairJudgement& pair = pairs.at(key);
    std::vector<Comparison*> family;
    for (auto& [suite, c] : pair.by_suite) family.push_back(&c);
    stats::adjust_across_comparisons(family);
    std::vector<std::string> blocking;
    for (auto& [suite, c] : pair.by_suite) {
      if (!c.fails()) continue;
      for (auto& cs : out.suites)
        if (cs.name == suite && cs.stored) ++cs.stored->failed_pairs;
      const auto rows = blocking_rows(c, suite);
      blocking.insert(blocking.end(), rows.begin(), rows.end());
    }
    ++out.stored_pairs;
    if (blocking.empty()) continue;
    ++out.stored_failed_pairs;
    const std::string line = fmt::format("{}: {}", pair.label, fmt::join(blocking, ", "));
    for (auto& cs : out.suites)
      for (auto& [suite, c] : pair.by_suite)
        if (cs.name == suite && cs.stored && c.fails()) cs.stored->failed.push_back(line);
  }

  // Holm's first step over every benchmark the gate tests, and the block rule's interval.
  std::size_t family = 0;
  for (const auto& cs : out.suites) family += cs.benchmarks.size();
  out.benchmarks_in_gate = std::max(out.benchmarks_in_gate, family);
  const double alpha = g.compare.settings.alpha;
  const double window = std::max(1, out.window);
  for (auto& cs : out.suites)
    for (auto& row : cs.benchmarks) {
      const double s = row.job_difference_sd * std::sqrt((1 + 1 / window) / 2);
      row.stored_gateable = stats::stored_detectable_threshold(
          s, row.job_degrees_of_freedom,
          alpha / static_cast<double>(std::max<std::size_t>(family, 1)), 1 - alpha);
      // A δ of 100% or more is no threshold (a benchmark twice as slow still passes).
      if (row.stored_gateable >= 0.995) row.stored_gateable = HUGE_VAL;
    }
  return total_jobs;
}

}  // namespace benchgate::gate
