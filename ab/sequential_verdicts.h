#pragma once
// The interleaved analysis's decisions in the comparison that reporters format: the rows keep
// compare_runs' descriptive fields (medians, CVs, sample counts) and take their effect, interval,
// p-values and verdict from the group-sequential monitor, which a fixed-rounds job runs with one
// final look (docs/interleaved.md#the-analysis).
#include "core/comparison.h"
#include "stats/sequential_monitor.h"

namespace benchgate::ab {

void apply_sequential_verdicts(Comparison& comparison, const stats::SequentialMonitor& monitor);

}  // namespace benchgate::ab
