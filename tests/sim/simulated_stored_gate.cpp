#include "tests/sim/simulated_stored_gate.h"

#include <fmt/format.h>

#include "gate/gate_judge.h"
#include "gate/stored_jobs.h"
#include "stats/compare.h"
#include "stats/job_rows.h"

namespace benchgate::sim {
namespace {

// One suite's recorded jobs of main, oldest first. With probability step_rate one benchmark
// steps at a random job before the window, and head (a descendant) keeps the step, so it is no
// change of head's: only the spread learnt from the history sees it.
std::vector<RunRecord> history(StoredJobsSimulator& sim, const SuiteTraits& suite,
                               const SuiteShape& shape, const StoredDesign& design,
                               std::vector<double>& head_change) {
  std::vector<double> step(suite.names.size(), 0);
  int step_at = design.history_jobs;  // none
  const int before_window = design.history_jobs - design.window;
  if (before_window >= 1 && sim.uniform() < sim.noise().step_rate) {
    const auto b = static_cast<std::size_t>(sim.uniform() * static_cast<double>(step.size()));
    step[b] = sim.noise().step_size;
    step_at = 1 + static_cast<int>(sim.uniform() * before_window);
    if (head_change.size() < step.size()) head_change.resize(step.size(), 0);
    head_change[b] += step[b];
  }
  std::vector<RunRecord> jobs;
  for (int j = 0; j < design.history_jobs; ++j)
    jobs.push_back(sim.job(suite, shape, design.history_episodes,
                           j >= step_at ? step : std::vector<double>{}));
  return jobs;
}

}  // namespace

SimulatedStoredGate simulate_stored_gate(StoredJobsSimulator& sim, const SuiteShape& shape,
                                         int suites, const StoredDesign& design,
                                         const StoredChange& change) {
  std::vector<gate::SuiteVerdict> verdicts;
  SimulatedStoredGate out;
  for (int s = 0; s < suites; ++s) {
    const SuiteTraits suite =
        sim.suite(shape, fmt::format("suite{}", s), s == 0 ? change.first_job_sd : 0);
    std::vector<double> head_change = static_cast<std::size_t>(s) < change.log_change.size()
                                          ? change.log_change[static_cast<std::size_t>(s)]
                                          : std::vector<double>{};
    const std::vector<RunRecord> recorded = history(sim, suite, shape, design, head_change);
    const RunRecord head =
        sim.job(suite, shape, design.head_episode, head_change, change.head_common);

    // As gate::suite_jobs lays them out: the window nearest first, the history oldest first.
    gate::SuiteJobs jobs;
    for (const RunRecord& job : recorded) jobs.history.push_back(&job);
    for (int w = 0; w < design.window; ++w) jobs.base.push_back(jobs.history.rbegin()[w]);

    stats::CompareOptions options;
    options.settings.alpha = design.alpha;
    options.settings.threshold = design.threshold;
    gate::HistorySpread spread = gate::history_spread(jobs, options.settings.metric);
    if (!design.history_rule) {
      spread.spread = stats::estimate_job_spread(stats::levels_of_jobs(jobs.history, kRealTime));
      spread.measured = true;
    }
    if (design.job_level) {
      stats::AcrossJobs across;
      across.base_jobs = jobs.base;
      across.history_jobs = jobs.history.size();
      if (spread.measured) across.spread = &spread.spread;
      options.across_jobs = std::move(across);
    }
    RunRecord pooled = *jobs.base.front();
    for (std::size_t i = 1; i < jobs.base.size(); ++i) merge_records(pooled, *jobs.base[i]);

    gate::SuiteVerdict v;
    v.suite = suite.names.front();
    v.has_baseline = true;
    v.comparison = stats::compare_runs(pooled, head, options);
    v.failed = v.comparison.fails();
    verdicts.push_back(std::move(v));
    out.traits.push_back(suite);
  }
  gate::adjust_across_suites(verdicts);
  for (auto& v : verdicts) {
    out.failed = out.failed || v.failed;
    out.suites.push_back(std::move(v.comparison));
  }
  return out;
}

}  // namespace benchgate::sim
