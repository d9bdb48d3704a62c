#pragma once
// Real A/A interleaved jobs recorded on this kind of machine (scripts/record_aa.sh writes them to
// tests/data/aa/*.csv), and the few statistics by which the noise simulator's "this machine"
// scenario is fitted to them and checked against them.
#include <filesystem>
#include <vector>

#include "stats/sequential_monitor.h"

namespace benchgate::sim {

// One recorded job: its paired rounds per benchmark. Throws std::runtime_error naming the file
// and line on a malformed CSV.
std::vector<stats::PairedSeries> load_recorded_job(const std::filesystem::path& csv);

// Every tests/data/aa/*.csv, in name order.
std::vector<std::vector<stats::PairedSeries>> load_recorded_jobs(const std::filesystem::path& dir);

struct NoiseSummary {
  // Median over benchmarks of the robust SD (1.4826 MAD) of the position-adjusted log ratios:
  // the everyday noise the paired analysis sees.
  double robust_sd = 0;
  // Share of adjusted log ratios farther than 4 robust SDs from their benchmark's median: tails
  // and bursts.
  double tail_share = 0;
  // Median over jobs of |the job's second-run penalty| (log).
  double abs_penalty = 0;
  // Median over jobs and benchmarks of the robust SD of one side's per-process log values
  // around its own median: what drift, episodes and process states add before pairing.
  double side_robust_sd = 0;
};

NoiseSummary summarize(const std::vector<std::vector<stats::PairedSeries>>& jobs);

}  // namespace benchgate::sim
