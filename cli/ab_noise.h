#pragma once
// The noise report of an interleaved job (issue 7): per benchmark, the run-to-run spread seen in
// this job and the smallest change this job could have detected at its alpha with 80% power, so
// that users see which benchmarks are too noisy to gate at their threshold.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/comparison.h"
#include "stats/sequential_monitor.h"

namespace benchgate::cli {

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

// `paired`: the adaptive design (paired t on log ratios); otherwise the two-sample test of
// `settings` on per-process values, as compare_runs does.
NoiseReport noise_report(const std::vector<stats::PairedSeries>& series,
                         const CompareSettings& settings, bool paired);

nlohmann::json noise_json(const NoiseReport& report);
// A plain-text section for the console (one line per benchmark).
std::string noise_text(const NoiseReport& report);

}  // namespace benchgate::cli
