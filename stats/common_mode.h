#pragma once
// How far each process of an interleaved job sits from its benchmarks' usual level, all
// benchmarks at once (docs/interleaved.md#disturbed-rounds). A process that the machine disturbed
// as a whole (measured here: about one round in eight has a process 20-90% slower in every
// benchmark) shows as a large common-mode deviation. Base and head processes are pooled, so the
// measure is blind to the labels: a real change of head moves half the processes and widens the
// typical spread instead of singling any out.
#include <optional>
#include <span>
#include <vector>

#include "stats/paired_rounds.h"

namespace benchgate::stats {

// What is typical for a job needs two AB/BA blocks (8 processes) to say: the first block alone is
// never judged.
inline constexpr std::size_t kFewestTypicalProcesses = 8;

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

// Processes in two machine states (measured here: a process on this VM's second CPU, pinned or
// not, is sometimes ~60% slower in the memory-bound benchmarks, for the whole process). When each
// side's own processes split into two clusters by their common-mode level, a round whose base
// and head landed in different states shows the states, not the change; the rounds whose two
// processes share a state compare like with like. Each side is split on its own, so a real change
// of head (which moves all of head's processes alike) never makes the split.
struct StateSplit {
  std::vector<int> same_state_rounds;        // rounds whose two processes are in the same state
  std::size_t rounds = 0;                    // rounds looked at
  std::size_t slow_base = 0, slow_head = 0;  // processes in the slower state, per side
  double shift = 0;                          // how much slower that state is (log, base side)
};

// Empty unless both sides split into two states.
std::optional<StateSplit> two_state_split(std::span<const std::span<const RoundPair>> benchmarks);

// The largest |deviation| that is still ordinary: max(5 robust SDs (1.4826 x the median
// |deviation|), 10%); +inf below 8 processes (two blocks: what is typical needs more than one).
double common_mode_limit(std::span<const ProcessDeviation> deviations);

}  // namespace benchgate::stats
