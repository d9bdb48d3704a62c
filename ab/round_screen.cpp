#include "ab/round_screen.h"

#include <cmath>

#include <fmt/format.h>

#include "stats/common_mode.h"
#include "stats/descriptive.h"

namespace benchgate::ab {

double process_disturbance(const RunRecord& process, const std::string& metric) {
  std::vector<double> cvs;
  for (const BenchmarkResult& b : process.benchmarks) {
    const std::vector<double>* values = b.metric(metric);
    if (values && values->size() >= 2) cvs.push_back(stats::coefficient_of_variation(*values));
  }
  return cvs.empty() ? std::nan("") : stats::median_in_place(cvs);
}

std::optional<std::string> disturbed_block(std::span<const AbRound> block,
                                           std::span<const double> job_scores,
                                           const std::string& metric) {
  const double typical = stats::median(job_scores);
  if (!std::isfinite(typical)) return std::nullopt;
  const double limit = std::max(kDisturbedFactor * typical, kDisturbedFloor);
  for (const AbRound& round : block) {
    if (!round.complete()) continue;
    for (const auto* side : {&*round.base, &*round.head}) {
      const double score = process_disturbance(*side, metric);
      if (score > limit)
        return fmt::format(
            "round {} had a disturbed process (its repetitions spread {:.1f}%, against {:.1f}% "
            "typical for this job)",
            round.round, 100 * score, 100 * typical);
    }
  }
  return std::nullopt;
}

std::optional<std::string> disturbed_as_a_whole(const std::vector<stats::PairedSeries>& series,
                                                int first) {
  std::vector<std::span<const stats::RoundPair>> all;
  for (const auto& s : series) all.emplace_back(s.rounds);
  const auto deviations = stats::common_mode_deviations(all);
  const double limit = stats::common_mode_limit(deviations);
  for (const auto& d : deviations) {
    if ((d.round != first && d.round != first + 1) || !(std::fabs(d.deviation) > limit)) continue;
    return fmt::format(
        "round {} had a disturbed process (all its benchmarks {:+.0f}% from their usual level at "
        "once, against at most {:.0f}% in an ordinary process of this job)",
        d.round, 100 * std::expm1(d.deviation), 100 * std::expm1(limit));
  }
  return std::nullopt;
}

}  // namespace benchgate::ab
