#include "gate/stored_jobs.h"

#include "gate/gate_suites.h"
#include "stats/job_rows.h"

namespace benchgate::gate {

SuiteJobs suite_jobs(const store::BaselineResult& found, const std::string& suite,
                     bool single_suite, int window) {
  SuiteJobs out;
  // The store's walk is nearest first; the history runs oldest first, so that successive jobs
  // are neighbours in time. Within a commit, records keep the order they were saved in.
  std::vector<std::vector<const RunRecord*>> per_commit;
  for (const auto& candidate : found.baselines) {
    std::vector<const RunRecord*> records;
    for (const auto& record : candidate.records) {
      const std::string named = suite_of(record);
      if (named == suite || (named.empty() && single_suite)) records.push_back(&record);
    }
    if (records.empty()) continue;
    if (static_cast<int>(out.base_commits.size()) < window) {
      if (out.base.empty()) out.distance = candidate.distance;
      out.base.insert(out.base.end(), records.begin(), records.end());
      out.base_commits.push_back(candidate.commit);
    }
    per_commit.push_back(std::move(records));
  }
  for (auto it = per_commit.rbegin(); it != per_commit.rend(); ++it)
    out.history.insert(out.history.end(), it->begin(), it->end());
  return out;
}

HistorySpread history_spread(const SuiteJobs& jobs, const std::string& metric) {
  HistorySpread out;
  out.spread = stats::estimate_job_spread(stats::levels_of_jobs(jobs.history, metric));
  out.measured = jobs.history.size() >= kFewestHistoryJobs;
  if (!out.measured) out.spread.benchmarks.clear();
  return out;
}

}  // namespace benchgate::gate
