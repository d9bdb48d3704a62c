#pragma once
// The second-run penalty of a whole interleaved job (docs/interleaved.md#counterbalanced-rounds):
// the process that runs second in a round tends to be slower, by an amount shared by every
// benchmark of the job. Per AB/BA block and benchmark, half the difference between the log ratio
// of the round where head ran second and that of the round where it ran first is the penalty
// (the change itself cancels); the block's value is the median over benchmarks, robust to a few
// disturbed ones, and the blocks are independent units for a t interval.
#include <optional>
#include <span>

#include "core/noise_report.h"
#include "stats/paired_rounds.h"

namespace benchgate::stats {

// One span of rounds per benchmark. Empty below 2 blocks with both orders.
std::optional<SecondRunPenalty> job_second_run_penalty(
    std::span<const std::span<const RoundPair>> benchmarks);

}  // namespace benchgate::stats
