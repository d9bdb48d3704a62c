#pragma once
// Interleaved A/B rounds (docs/design.md#interleave): in each round one process of the base
// suite and one of the head suite run back to back, in an order drawn per round from a seed, so
// that drift of the machine hits both sides alike. A failed process is retried once; a round
// whose side still fails is incomplete and its other side's result is kept but not paired.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/run_record.h"
#include "runner/config.h"
#include "runner/suite_gbench.h"

namespace benchgate::runner {
class Progress;
}  // namespace benchgate::runner

namespace benchgate::ab {

// One side of the comparison: a Google Benchmark suite and what its binary told us.
struct AbSide {
  std::string name;  // "base" or "head"
  runner::SuiteConfig suite;
  runner::GbenchProbe probe;
  // Where its processes run: the same CPUs for both sides of a job (runner::choose_cpus), or
  // nullopt for no pinning. A base on one CPU and a head on another would measure the CPUs.
  std::optional<std::vector<int>> cpus;
  // Processes run and thrown away before the round's first measured process, when this side
  // runs first in the round (the same number for both sides of a job).
  int warmup_processes = 0;
};

struct AbRound {
  int round = 0;  // 1-based
  bool base_first = true;
  std::optional<RunRecord> base, head;  // the side's process, when one attempt succeeded
  std::vector<ProcessInfo> failures;    // every failed attempt (context names side and attempt)
  // Why the round is left out of the analysis though complete (a disturbed block, see
  // ab/round_screen.h); empty when it counts.
  std::string excluded;
  bool complete() const { return base.has_value() && head.has_value(); }
  bool paired() const { return complete() && excluded.empty(); }
};

// Whether base runs first in `round`. Rounds come in blocks of two, AB then BA or BA then AB:
// the process that runs second in a round tends to be slower, and a block balances that
// exactly (docs/interleaved.md#counterbalanced-rounds). Which of the two orders a block takes is
// a SplitMix64 draw from (seed, block), so a seed fixes every round's order however many rounds
// an adaptive job ends up running.
bool base_runs_first(std::uint64_t seed, int round);

// Rounds rounded up to whole blocks (an even number).
int whole_blocks(int rounds);

// Runs round `round`. Every process runs the suite's whole selection of benchmarks: a
// benchmark's timing can depend on what ran before it in its process, so the composition of a
// process never changes within a job, not even once an adaptive job has decided some benchmarks.
// First, the warm-up processes of the side that runs first (AbSide::warmup_processes): their
// results are in no record, and a failed one is logged and ignored. Every measured process's
// ProcessInfo::context gets "benchgate_ab": {side, round, attempt, position}. Throws only what
// run_child throws for a program that cannot be started at all.
AbRound run_ab_round(const AbSide& base, const AbSide& head, int round, std::uint64_t seed,
                     const std::filesystem::path& scratch_dir, runner::Progress& progress);

// How often a failed process is tried again within its round.
inline constexpr int kAbRetries = 1;

}  // namespace benchgate::ab
