#pragma once
// The one human sentence that explains a benchmark's verdict (BenchmarkComparison::note).
#include <string>

#include "core/comparison.h"

namespace benchgate::stats {

// `row` must be complete (verdict, p-values, flags); `non_positive` says an untested row had
// values without a logarithm.
std::string verdict_note(const BenchmarkComparison& row, const CompareSettings& settings,
                         bool non_positive);

}  // namespace benchgate::stats
