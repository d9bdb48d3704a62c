#pragma once
// Turning one side's raw samples of a benchmark into analysis units
// (docs/design.md#the-unit-of-analysis): the process, not the repetition, is the unit, because
// timings drift between processes far more than within one.
#include <cstddef>
#include <span>
#include <utility>
#include <vector>

namespace benchgate::stats {

// One side's samples of one metric, NaN removed, grouped by the process they came from.
struct ProcessGroups {
  std::vector<double> values;           // grouped by process id, ascending within each group
  std::vector<std::size_t> group_ends;  // end offset in `values` of each process's group

  std::size_t processes() const { return group_ends.size(); }
  std::size_t samples() const { return values.size(); }
};

// `process[i]` is the process of `metric[i]` (a missing entry counts as process 0).
// `scratch` is reused between calls to avoid allocating per benchmark.
void group_by_process(std::span<const int> process, std::span<const double> metric,
                      ProcessGroups& out, std::vector<std::pair<int, double>>& scratch);

// The median of each process's samples, sorted ascending.
void process_medians(const ProcessGroups& groups, std::vector<double>& out);

// A job's level of one metric: the median of its processes' medians; NaN without samples.
double job_level(const ProcessGroups& groups);

// Every sample as its own unit, sorted ascending.
void repetitions(const ProcessGroups& groups, std::vector<double>& out);

}  // namespace benchgate::stats
