#pragma once
// Screening rounds blind to the labels (docs/interleaved.md#disturbed-rounds): a block of two
// rounds in which one process was disturbed is replaced by an extra block. Disturbed means: its
// own repetitions spread far more than this job's processes typically do, or all of its
// benchmarks sit far from their usual level at once (stats/common_mode.h). The judgement looks
// at each process, never at which side was slower, so it cannot favour a verdict.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ab/ab_rounds.h"
#include "stats/sequential_monitor.h"

namespace benchgate::ab {

// How disturbed one process looks: the median over its benchmarks of the coefficient of
// variation of its repetitions of `metric` (NaN when it has no benchmark with 2 repetitions).
double process_disturbance(const RunRecord& process, const std::string& metric);

// A block is disturbed when a process's disturbance is above kDisturbedFactor times the median
// of every process of the job so far, and above kDisturbedFloor.
inline constexpr double kDisturbedFactor = 4.0;
inline constexpr double kDisturbedFloor = 0.03;

// The reason the block (two consecutive complete rounds) is disturbed, or nothing.
// `job_scores`: process_disturbance of every process of the job so far, this block's included.
std::optional<std::string> disturbed_block(std::span<const AbRound> block,
                                           std::span<const double> job_scores,
                                           const std::string& metric);

// The common-mode check of the block whose rounds are `first` and `first + 1`, on the paired
// rounds of the job so far (this block included). Shared by the job and the noise simulator.
std::optional<std::string> disturbed_as_a_whole(const std::vector<stats::PairedSeries>& series,
                                                int first);

// When the job's processes ran in two machine states (stats::two_state_split), the series
// restricted to the rounds whose base and head processes shared a state, and in `note` a sentence
// saying so; otherwise the series unchanged and `note` empty. Shared by the job and the noise
// simulator.
std::vector<stats::PairedSeries> same_state_rounds(const std::vector<stats::PairedSeries>& series,
                                                   std::string& note);

// Which blocks to screen once `rounds_so_far` rounds ran (an even number): as indices of their
// first rounds. None after the first block (nothing is typical yet), the first two after the
// second, then the newest one.
std::vector<std::size_t> first_rounds_to_screen(std::size_t rounds_so_far);

// At most this share of the planned rounds is added to replace disturbed blocks.
inline constexpr double kMostReplaced = 0.25;

}  // namespace benchgate::ab
