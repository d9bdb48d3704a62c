#pragma once
// The noise report of an interleaved job (docs/interleaved.md#the-noise-report): per benchmark,
// the run-to-run spread seen in this job and the smallest change this job could have detected at
// its alpha with 80% power, so that users see which benchmarks are too noisy to gate at their
// threshold. Plain data; ab/ computes it, reporters/ show it.
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace benchgate {

struct NoiseRow {
  std::string name;
  std::size_t rounds = 0;           // complete rounds measured
  double cv_base = 0, cv_head = 0;  // of the per-process values
  double detectable = 0;            // smallest detectable ratio head/base (> 1); +inf when none
  double threshold = 0.05;
  // How much slower this benchmark ran in the second process of a round (a ratio; NaN when the
  // rounds had only one order).
  double second_run_effect = std::nan("");
  bool gateable() const { return detectable <= 1 + threshold; }
};

// The job's second-run penalty: how much slower the process that runs second in a round was, over
// all benchmarks (per AB/BA block, the median over benchmarks of each one's within-block
// contrast; a t interval over the blocks). The same for every benchmark of a job, which is why
// it is removed rather than hoped to average out.
struct SecondRunPenalty {
  double ratio = 1, low = 0, high = 0;  // estimate and 95% interval, as ratios
  std::size_t blocks = 0;               // complete AB/BA blocks behind it
};

struct NoiseReport {
  std::string design;  // how the job was analysed, e.g. "signed-rank on log ratios per round"
  std::optional<SecondRunPenalty> second_run_penalty;  // none below 2 complete blocks
  double alpha_per_benchmark = 0.05;                   // Holm's first step: alpha / benchmarks
  double power = 0.80;
  std::vector<NoiseRow> rows;
};

// DIR/noise.json of `benchgate ab` and of the interleaved gate (docs/interleaved.md).
nlohmann::json noise_json(const NoiseReport& report);

}  // namespace benchgate
