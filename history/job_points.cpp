#include "history/job_points.h"

#include <algorithm>
#include <utility>

#include "stats/descriptive.h"
#include "stats/median_interval.h"
#include "store/store.h"

namespace benchgate::history {

EntryPoints EntryMeasurer::measure(const std::string& commit, const std::string& text) {
  store::CommitRecords loaded = store::records_of_entry(commit, text, query_.testbed);
  EntryPoints out;
  out.problems = std::move(loaded.problems);
  std::erase_if(loaded.records, [&](const RunRecord& record) {
    auto why = store::why_not_a_baseline(record, origin_);
    if (why) out.passed_over.push_back(std::move(*why));
    return why.has_value();
  });
  // Several jobs on one commit are several points, in the order they were recorded.
  std::stable_sort(
      loaded.records.begin(), loaded.records.end(),
      [](const RunRecord& a, const RunRecord& b) { return a.created_at < b.created_at; });
  for (const RunRecord& record : loaded.records) {
    JobPoints& job = out.jobs.emplace_back();
    job.created_at = record.created_at;
    job.testbed = record.testbed;
    const auto suite = record.environment.find("suite");
    if (suite != record.environment.end() && suite->is_string())
      job.suite = suite->get<std::string>();
    for (const BenchmarkResult& result : record.benchmarks) {
      if (!wanted(result.name)) continue;
      if (!query_.metric.empty()) {
        if (const std::vector<double>* values = result.metric(query_.metric))
          add_point(job, result.name, query_.metric, result.process, *values);
        continue;
      }
      for (const auto& [metric, values] : result.metrics)
        add_point(job, result.name, metric, result.process, values);
    }
  }
  return out;
}

// The same names come back in every record: each is matched against --benchmark once.
bool EntryMeasurer::wanted(const std::string& name) {
  if (!query_.benchmark) return true;
  auto [it, added] = matches_.try_emplace(name, false);
  if (added) it->second = std::regex_search(name, *query_.benchmark);
  return it->second;
}

void EntryMeasurer::add_point(JobPoints& job, const std::string& benchmark,
                              const std::string& metric, const std::vector<int>& process,
                              const std::vector<double>& values) {
  stats::group_by_process(process, values, groups_, scratch_);
  if (groups_.samples() == 0) return;  // every sample failed: nothing measured here
  stats::process_medians(groups_, medians_);
  const stats::MedianInterval interval = stats::median_interval(medians_);
  // The job's level (stats::job_level) from the medians already at hand: job_level would sort
  // them again into a vector of its own, a million allocations on a long history.
  job.points.push_back({benchmark, metric, stats::median_of_sorted(medians_), interval.low,
                        interval.high, groups_.processes()});
}

}  // namespace benchgate::history
