#include "ab/noise_report.h"

#include <algorithm>
#include <cmath>

#include "stats/descriptive.h"
#include "stats/detectable_effect.h"
#include "stats/paired_rounds.h"
#include "stats/position_effect.h"

namespace benchgate::ab {
NoiseReport noise_report(const std::vector<stats::PairedSeries>& series,
                         const CompareSettings& settings) {
  NoiseReport report;
  report.design = "signed-rank test on position-adjusted log(head/base) per round, AB/BA blocks";
  report.alpha_per_benchmark =
      settings.alpha / static_cast<double>(std::max<std::size_t>(series.size(), 1));
  std::vector<std::span<const stats::RoundPair>> all;
  for (const auto& s : series) {
    all.emplace_back(s.rounds);
    NoiseRow row;
    row.name = s.name;
    row.rounds = s.rounds.size();
    row.cv_base = stats::coefficient_of_variation(stats::side_values(s.rounds, false));
    row.cv_head = stats::coefficient_of_variation(stats::side_values(s.rounds, true));
    row.threshold = s.threshold;
    const std::optional<double> position = stats::position_effect(s.rounds);
    if (position) row.second_run_effect = std::exp(*position);
    std::vector<double> adjusted;
    adjusted_log_ratios(s.rounds, position.value_or(0.0), adjusted);
    row.detectable = stats::detectable_ratio({.log_sd = stats::sample_sd(adjusted),
                                              .n = row.rounds,
                                              .alpha = report.alpha_per_benchmark,
                                              .power = report.power,
                                              .design = stats::EffectDesign::kPaired});
    report.rows.push_back(row);
  }
  report.second_run_penalty = stats::job_second_run_penalty(all);
  return report;
}

}  // namespace benchgate::ab
