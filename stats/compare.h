#pragma once
// Comparison of two run records, benchmark by benchmark (docs/design.md#the-unit-of-analysis):
// choose the analysis unit, test, estimate the effect with its CI, adjust p-values across the
// comparison, decide verdicts.
#include <functional>
#include <string_view>

#include "core/comparison.h"
#include "core/run_record.h"

namespace benchgate::stats {

struct CompareOptions {
  CompareSettings settings;
  // Per-benchmark δ (config overrides by glob); empty means settings.threshold for all.
  std::function<double(std::string_view benchmark)> threshold_for;
  // Benchmarks to leave out entirely (config `ignore`); empty means none.
  std::function<bool(std::string_view benchmark)> ignore;

  // δ for `benchmark`: threshold_for's, else settings.threshold. std::invalid_argument when the
  // value is outside [0, 1).
  double threshold(std::string_view benchmark) const;
};

Comparison compare_runs(const RunRecord& base, const RunRecord& head,
                        const CompareOptions& options);

}  // namespace benchgate::stats
