#pragma once
// What the verdict alone does not say about a benchmark of an interleaved job
// (docs/interleaved.md#diagnoses), added to its note:
//  - its per-process values form two clusters: the timing has two states, which the verdict pools
//    (on both sides: the machine's or the suite's states, not the change's);
//  - one side's processes are far noisier than the other's: a regression or improvement there is
//    demoted to inconclusive (one side's bursts can fake a shift), and more rounds are asked for;
//  - cpu_time disagrees with real_time (time spent off the CPU, or hidden by it).
#include <vector>

#include "core/comparison.h"
#include "stats/sequential_monitor.h"

namespace benchgate::ab {

// `series`: the gated metric's paired rounds; `cpu_series`: cpu_time's (empty when the gated
// metric is cpu_time itself, or the suite reports none).
void add_diagnoses(Comparison& comparison, const std::vector<stats::PairedSeries>& series,
                   const std::vector<stats::PairedSeries>& cpu_series);

// The spread of one side's log values across rounds, for the asymmetric-spread check: the SD, not
// a robust measure, because the bursts and second states of one side are what it must see.
double log_spread(const stats::PairedSeries& series, bool head);

// A side is "far noisier" when its spread is at least this many times the other's; the check
// demotes a change only when the change is smaller than this many times that spread.
inline constexpr double kAsymmetricSpread = 3.0;

}  // namespace benchgate::ab
