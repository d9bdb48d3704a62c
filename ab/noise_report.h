#pragma once
// Computes the noise report of an interleaved job (core/noise_report.h) from its paired rounds.
#include <vector>

#include "core/comparison.h"
#include "core/noise_report.h"
#include "stats/sequential_monitor.h"

namespace benchgate::ab {

// `paired`: the adaptive design (paired t on log ratios); otherwise the two-sample test of
// `settings` on per-process values, as compare_runs does.
NoiseReport noise_report(const std::vector<stats::PairedSeries>& series,
                         const CompareSettings& settings, bool paired);

}  // namespace benchgate::ab
