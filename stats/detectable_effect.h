#pragma once
// The smallest change a job could have detected (docs/interleaved.md, noise report): given the
// spread of the analysis units seen in the job and how many there were, the true ratio head/base
// that the test would flag with the wanted power. A benchmark whose detectable change is larger
// than its threshold δ cannot be gated at δ with this many rounds on this machine.
#include <cstddef>
#include <span>

#include "core/comparison.h"

namespace benchgate::stats {

enum class EffectDesign {
  kTwoSample,  // independent units per side (fixed interleaved rounds analysed by compare_runs)
  kPaired,     // one position-adjusted log ratio per round, signed-rank test (interleaved)
};

struct DetectableEffectQuestion {
  // SD of the log analysis units: per side for kTwoSample, of the per-round differences for
  // kPaired.
  double log_sd = 0;
  std::size_t n = 0;    // units per side (kTwoSample) or pairs (kPaired)
  double alpha = 0.05;  // the two-sided level the test must reach (Holm's first step: alpha / M)
  double power = 0.80;
  EffectDesign design = EffectDesign::kTwoSample;
  TestKind test = TestKind::kMannWhitney;  // kTwoSample only
};

// The detectable change as a ratio > 1 (e.g. 1.034: 3.4% slower). Power comes from the noncentral
// t distribution of the t test on logs (df n - 1 paired, 2n - 2 two-sample). For the rank tests
// (signed-rank when paired, U test two-sample) the effect is scaled by sqrt(pi / 3), their
// asymptotic efficiency relative to the t test on normal data, and is +infinity when n is too
// small for the exact test to reach alpha at all (2 / 2^n paired, 2 / C(2n, n) two-sample).
// +infinity too below 2 units or for a non-finite spread.
double detectable_ratio(const DetectableEffectQuestion& question);

// The spread used for kTwoSample: the root mean square of the two sides' SDs of log values
// (NaN when a side has fewer than 2 values or a value <= 0).
double two_sample_log_sd(std::span<const double> base, std::span<const double> head);

// The spread used for kPaired: the SD of log(head[i] / base[i]) over the pairs (NaN below 2
// pairs or for a value <= 0). `base` and `head` have one value per round, in round order.
double paired_log_sd(std::span<const double> base, std::span<const double> head);

}  // namespace benchgate::stats
