#include "ab/noise_report.h"

#include <algorithm>

#include <fmt/format.h>

#include "stats/descriptive.h"
#include "stats/detectable_effect.h"

namespace benchgate::ab {

NoiseReport noise_report(const std::vector<stats::PairedSeries>& series,
                         const CompareSettings& settings, bool paired) {
  NoiseReport report;
  report.design =
      paired ? "paired t test on log(head/base) per round"
             : fmt::format("two-sample {} on per-process values", to_string(settings.test));
  report.alpha_per_benchmark =
      settings.alpha / static_cast<double>(std::max<std::size_t>(series.size(), 1));
  for (const auto& s : series) {
    NoiseRow row;
    row.name = s.name;
    row.rounds = s.base.size();
    row.cv_base = stats::coefficient_of_variation(s.base);
    row.cv_head = stats::coefficient_of_variation(s.head);
    row.threshold = s.threshold;
    stats::DetectableEffectQuestion q;
    q.n = row.rounds;
    q.alpha = report.alpha_per_benchmark;
    q.power = report.power;
    q.design = paired ? stats::EffectDesign::kPaired : stats::EffectDesign::kTwoSample;
    q.test = settings.test;
    q.log_sd =
        paired ? stats::paired_log_sd(s.base, s.head) : stats::two_sample_log_sd(s.base, s.head);
    row.detectable = stats::detectable_ratio(q);
    report.rows.push_back(row);
  }
  return report;
}

}  // namespace benchgate::ab
