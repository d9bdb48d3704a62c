#include "stats/analysis_units.h"

#include <algorithm>
#include <cmath>

#include "stats/descriptive.h"

namespace benchgate::stats {

void group_by_process(std::span<const int> process, std::span<const double> metric,
                      ProcessGroups& out, std::vector<std::pair<int, double>>& scratch) {
  auto process_of = [&](std::size_t i) { return i < process.size() ? process[i] : 0; };
  out.values.clear();
  out.group_ends.clear();
  // Ingest appends one process after another, so process ids usually come in runs: then each
  // run is a group and only its values need sorting.
  bool in_runs = true;
  int current = 0;
  for (std::size_t i = 0; i < metric.size() && in_runs; ++i) {
    if (std::isnan(metric[i])) continue;
    const int p = process_of(i);
    if (!out.values.empty() && p != current) {
      in_runs = p > current;
      out.group_ends.push_back(out.values.size());
    }
    current = p;
    out.values.push_back(metric[i]);
  }
  if (in_runs) {
    if (!out.values.empty()) out.group_ends.push_back(out.values.size());
    std::size_t begin = 0;
    for (std::size_t end : out.group_ends) {
      std::sort(out.values.begin() + static_cast<std::ptrdiff_t>(begin),
                out.values.begin() + static_cast<std::ptrdiff_t>(end));
      begin = end;
    }
    return;
  }
  // Interleaved processes: sort (process, value) pairs, which groups and orders in one go.
  scratch.clear();
  for (std::size_t i = 0; i < metric.size(); ++i)
    if (!std::isnan(metric[i])) scratch.emplace_back(process_of(i), metric[i]);
  std::sort(scratch.begin(), scratch.end());
  out.values.clear();
  out.group_ends.clear();
  for (std::size_t i = 0; i < scratch.size(); ++i) {
    if (i > 0 && scratch[i].first != scratch[i - 1].first) out.group_ends.push_back(i);
    out.values.push_back(scratch[i].second);
  }
  if (!scratch.empty()) out.group_ends.push_back(scratch.size());
}

void process_medians(const ProcessGroups& groups, std::vector<double>& out) {
  out.clear();
  std::size_t begin = 0;
  for (std::size_t end : groups.group_ends) {
    out.push_back(median_of_sorted(std::span(groups.values).subspan(begin, end - begin)));
    begin = end;
  }
  std::sort(out.begin(), out.end());
}

double job_level(const ProcessGroups& groups) {
  if (groups.samples() == 0) return std::nan("");
  std::vector<double> medians;
  process_medians(groups, medians);
  return median_of_sorted(medians);
}

void repetitions(const ProcessGroups& groups, std::vector<double>& out) {
  out.assign(groups.values.begin(), groups.values.end());
  if (groups.processes() > 1) std::sort(out.begin(), out.end());  // one group is sorted already
}

}  // namespace benchgate::stats
