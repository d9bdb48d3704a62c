#pragma once
// How far each process of an interleaved job sits from its benchmarks' usual level, all
// benchmarks at once (docs/interleaved.md#disturbed-rounds). A process that the machine disturbed
// as a whole (measured here: about one round in eight has a process 20-90% slower in every
// benchmark) shows as a large common-mode deviation. Base and head processes are pooled, so the
// measure is blind to the labels: a real change of head moves half the processes and widens the
// typical spread instead of singling any out.
#include <span>
#include <vector>

#include "stats/paired_rounds.h"

namespace benchgate::stats {

struct ProcessDeviation {
  int round = 0;
  bool head = false;
  // Median over benchmarks of log(value) - log(the benchmark's median over the job), relative to
  // the median process of the job.
  double deviation = 0;
};

// One span of rounds per benchmark.
std::vector<ProcessDeviation> common_mode_deviations(
    std::span<const std::span<const RoundPair>> benchmarks);

// The largest |deviation| that is still ordinary: max(5 robust SDs (1.4826 x the median
// |deviation|), 10%); +inf below 4 processes.
double common_mode_limit(std::span<const ProcessDeviation> deviations);

}  // namespace benchgate::stats
