#pragma once
// Everything about one benchmark that does not depend on the others: its analysis units, their
// spread, the raw p-value and the effect with its CI. The verdict waits for the p-value
// adjustment across all benchmarks (compare.cpp).
#include <string>
#include <utility>
#include <vector>

#include "core/comparison.h"
#include "core/run_record.h"
#include "stats/analysis_units.h"

namespace benchgate::stats {

// Buffers reused from one benchmark to the next, so that analysing 10,000 benchmarks does not
// allocate tens of thousands of temporary vectors.
struct RowWorkspace {
  std::vector<std::pair<int, double>> pairs;
  ProcessGroups base_groups, head_groups;
  std::vector<double> base_units, head_units;  // sorted ascending
  std::vector<double> base_logs, head_logs;    // log of the units, hence sorted too
  std::vector<double> differences;             // Hodges–Lehmann pairwise differences
};

struct RowAnalysis {
  BenchmarkComparison row;    // all but verdict-dependent fields: p_adjusted, q_value, verdict...
  bool tested = false;        // has a p-value and takes part in the adjustment
  double log_sd = 0;          // pooled SD of the log units (for units_needed)
  bool non_positive = false;  // untested because a value <= 0 (or infinite) has no log
};

// `base` or `head` may be null (only on the other side). Verdict is left kInconclusive for tested
// rows; kNew, kMissing and kUntested are final.
RowAnalysis analyse_benchmark(const BenchmarkResult* base, const BenchmarkResult* head,
                              const CompareSettings& settings, double threshold,
                              RowWorkspace& work);

}  // namespace benchgate::stats
