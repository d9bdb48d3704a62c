#pragma once
// The analysis of one benchmark of an interleaved job (docs/interleaved.md#the-analysis): one
// log ratio log(head / base) per round, where base and head ran back to back, so drift shared by
// the two processes cancels.
//
// The process that runs second in a round tends to be slower on a shared machine (measured:
// +1.8% median over a 25-benchmark suite, up to 6-9% in a fixed-order test). Rounds therefore come
// in AB/BA blocks, and the analysis is that of a 2x2 crossover: with s = +1 when head ran second
// and -1 when it ran first,
//     d_i = theta + s_i * pi + e_i,
// pi is the log penalty of running second. pi is estimated (half the Hodges–Lehmann shift between
// the head-second and the head-first rounds) and removed from every d_i; theta is then the
// one-sample Hodges–Lehmann estimate (median of the Walsh averages) of the adjusted log ratios,
// tested with the Wilcoxon signed-rank test and bounded by its distribution-free interval. Rank
// methods, because bursts and heavy tails are what this machine's rounds show (a t test on the
// same rounds loses most of its power to two or three disturbed rounds).
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace benchgate::stats {

// One complete round of one benchmark: each side's per-process value (the median of its
// repetitions), and which one ran second.
struct RoundPair {
  int round = 0;  // 1-based; rounds 2k-1 and 2k form block k
  double base = 0, head = 0;
  bool head_second = false;
};

struct PairedRoundsAnalysis {
  std::size_t rounds = 0;
  double log_ratio = 0;     // theta: position-adjusted log(head / base)
  double log_low = 0;       // interval for theta at the requested confidence (may be -inf)
  double log_high = 0;      // (may be +inf: too few rounds for that confidence)
  double p_value = 1;       // two-sided signed-rank test of theta = 0
  double position_log = 0;  // pi, the log penalty of running second; 0 when one order is absent
  bool position_adjusted = false;  // both orders present, so pi was estimated and removed
  double log_sd = 0;               // SD of the adjusted log ratios (NaN below 2 rounds)
};

// Needs >= 1 round with values > 0 on both sides (std::invalid_argument otherwise).
PairedRoundsAnalysis analyse_paired_rounds(std::span<const RoundPair> rounds, double confidence);

// One side's per-process values, round by round.
std::vector<double> side_values(std::span<const RoundPair> rounds, bool head);

// The per-round log ratios with the position effect `position_log` removed (d_i - s_i * pi).
void adjusted_log_ratios(std::span<const RoundPair> rounds, double position_log,
                         std::vector<double>& out);

// pi estimated from the rounds (half the Hodges–Lehmann shift between head-second and head-first
// log ratios); nullopt when one of the two orders is absent.
std::optional<double> position_effect(std::span<const RoundPair> rounds);

}  // namespace benchgate::stats
