#pragma once
// The adaptive interleaved design (docs/interleaved.md): after every few rounds, look at every
// benchmark still undecided; decide it as soon as its evidence crosses a group-sequential
// boundary; stop when all are decided or the rounds run out.
//
// Validity across looks comes from alpha spending (sequential_boundaries.h); validity across
// benchmarks from Holm's procedure applied to the group-sequential tests (Maurer & Bretz 2013,
// "sequentially rejective" designs): with r hypotheses not yet rejected, each is tested with the
// boundaries of level alpha / r at all its looks so far, repeated until nothing new is rejected.
// That controls the family-wise false-alarm rate at alpha, whatever the number of looks.
#include <map>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/comparison.h"
#include "stats/paired_rounds.h"
#include "stats/sequential_boundaries.h"

namespace benchgate::stats {

struct SequentialDesign {
  double alpha = 0.05;  // family-wise, for the benchmarks of this monitor (Holm)
  // Each benchmark's repeated interval has coverage 1 - interval_alpha (0: alpha). A suite that
  // gets a share of a gate run's alpha keeps the gate's interval level.
  double interval_alpha = 0;
  SpendingFunction spending = SpendingFunction::kOBrienFleming;
  int max_rounds = 20;  // information fraction of a look = its rounds / max_rounds
};

// One benchmark's paired rounds (per-process medians, and which side ran second) for the rounds
// complete so far.
struct PairedSeries {
  std::string name;
  std::vector<RoundPair> rounds;
  double threshold = 0.05;  // δ for this benchmark
};

// Boundaries by (level, schedule), shared between monitors: the same few levels come back at every
// look and in every simulated job.
class BoundaryCache {
 public:
  explicit BoundaryCache(SpendingFunction spending) : spending_(spending) {}
  const std::vector<double>& get(double level, std::span<const double> information);
  SpendingFunction spending() const { return spending_; }

 private:
  SpendingFunction spending_;
  std::map<std::pair<double, std::vector<double>>, std::vector<double>> cache_;
};

struct SequentialState {
  std::string name;
  double threshold = 0.05;
  std::vector<std::pair<int, double>> z;      // (look index, z) of every look it took part in
  PairedRoundsAnalysis last;                  // at its latest look (the deciding one once decided)
  double ratio = 1, ci_low = 0, ci_high = 0;  // estimate and repeated CI (level 1 - alpha)
  bool rejected = false;  // "no change" rejected by the Holm group-sequential procedure
  Verdict verdict = Verdict::kInconclusive;
  bool decided = false;  // regression, improvement or unchanged: no more rounds needed
  int rounds = 0;        // rounds behind `last`
};

class SequentialMonitor {
 public:
  explicit SequentialMonitor(SequentialDesign design, BoundaryCache* shared_cache = nullptr);

  // A look after `rounds` complete rounds (increasing from look to look). Series with fewer than
  // 2 rounds are skipped. Benchmarks already decided are looked at again: every process runs
  // every benchmark, so their later rounds exist, and the repeated intervals stay valid at every
  // look; "decided" only tells the job when it may stop. Each benchmark's statistic is the
  // signed-rank test of its position-adjusted log ratios (stats/paired_rounds.h), compared with
  // the boundary through its p-value; its interval is the Walsh interval at the boundary's
  // nominal level (a repeated confidence interval). A design with max_rounds rounds and a single
  // final look is the fixed-rounds design. `final`: no more rounds will follow,
  // so this look spends all remaining alpha (information fraction 1).
  void look(int rounds, std::span<const PairedSeries> series, bool final = false);

  bool all_decided() const;
  std::vector<std::string> undecided() const;
  const std::vector<SequentialState>& states() const { return states_; }
  const std::vector<double>& information() const { return information_; }
  const SequentialDesign& design() const { return design_; }

  // For reports: per state, the smallest family level at which its group-sequential test would
  // have stopped for a difference by its latest look (a "repeated p-value"; nested boundaries
  // make it well defined). Holm-adjusting these reproduces `rejected` up to the bisection's
  // tolerance (1% of the value).
  std::vector<double> sequential_p_values() const;

 private:
  void holm_step_down();
  // The shared cache when given, else our own (a pointer to our own would dangle after a move).
  BoundaryCache& cache() { return shared_cache_ ? *shared_cache_ : own_cache_; }
  SequentialState& state_for(const PairedSeries& series);

  SequentialDesign design_;
  BoundaryCache own_cache_;
  BoundaryCache* shared_cache_;
  std::vector<double> information_;
  std::vector<SequentialState> states_;
  bool finished_ = false;
};

}  // namespace benchgate::stats
