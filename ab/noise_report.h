#pragma once
// Computes the noise report of an interleaved job (core/noise_report.h) from its paired rounds.
#include <vector>

#include "core/comparison.h"
#include "core/noise_report.h"
#include "stats/sequential_monitor.h"

namespace benchgate::ab {

NoiseReport noise_report(const std::vector<stats::PairedSeries>& series,
                         const CompareSettings& settings);

}  // namespace benchgate::ab
