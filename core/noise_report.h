#pragma once
// The noise report of an interleaved job (docs/interleaved.md#the-noise-report): per benchmark,
// the run-to-run spread seen in this job and the smallest change this job could have detected at
// its alpha with 80% power, so that users see which benchmarks are too noisy to gate at their
// threshold. Plain data; ab/ computes it, reporters/ show it.
#include <cstddef>
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
  bool gateable() const { return detectable <= 1 + threshold; }
};

struct NoiseReport {
  std::string design;  // how the job was analysed, e.g. "paired t on log ratios per round"
  double alpha_per_benchmark = 0.05;  // Holm's first step: alpha / benchmarks
  double power = 0.80;
  std::vector<NoiseRow> rows;
};

// DIR/noise.json of `benchgate ab` and of the interleaved gate (docs/interleaved.md).
nlohmann::json noise_json(const NoiseReport& report);

}  // namespace benchgate
